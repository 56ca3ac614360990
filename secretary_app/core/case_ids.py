"""Case IDs (Sags ID): kept as typed, checked against a pattern the user can set."""

from __future__ import annotations

import re
from dataclasses import dataclass

# EMN-2017-03374, EMN-2025-010561, 018520-2013, 14/10674, 01.02.05-P16-1092-15, 2017-012345
DEFAULT_CASE_ID_PATTERN = (
    r"[A-ZÆØÅ]{2,4}-\d{4}-\d{4,7}"
    r"|\d{6}-\d{4}"
    r"|\d{2}/\d{3,7}"
    r"|\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d+-\d{2}"
    r"|\d{4}-\d{4,7}"
)


@dataclass(frozen=True)
class CaseIdCheck:
    ok: bool
    message: str = ""


def compile_pattern(pattern: str) -> re.Pattern[str] | None:
    """The pattern as a regular expression, or None when it is not a valid one."""
    try:
        return re.compile(pattern)
    except (re.error, OverflowError, RecursionError, ValueError):
        return None


def pattern_error(pattern: str) -> str:
    """A Danish description of what is wrong with a pattern, or "" when it is usable."""
    try:
        re.compile(pattern)
    except re.error as error:
        where = f" (tegn {error.pos + 1})" if error.pos is not None else ""
        return f"Mønsteret for Sags ID er ugyldigt: {_in_danish(error.msg)}{where}"
    except (OverflowError, RecursionError, ValueError):
        return "Mønsteret for Sags ID er for stort eller for indviklet"
    return ""


# What Python's `re` says about a pattern, in words a secretary can act on (the start of each).
_PATTERN_PROBLEMS = (
    ("unterminated character set", "en [ mangler sin ]"),
    ("missing ), unterminated subpattern", "en ( mangler sin )"),
    ("unbalanced parenthesis", "en ) har ingen ( foran sig"),
    ("nothing to repeat", "*, + eller ? står, hvor der ikke er noget at gentage"),
    ("multiple repeat", "to gentagelser (*, +, ? eller {}) står efter hinanden"),
    ("bad escape", "en \\ står foran et tegn, den ikke kan stå foran"),
    ("bad character range", "et interval i [ ] går baglæns (skriv fx a-z, ikke z-a)"),
    ("min repeat greater than max repeat", "i {m,n} er m større end n"),
    ("unexpected end of pattern", "mønsteret slutter midt i noget"),
)


def _in_danish(message: str) -> str:
    for start, danish in _PATTERN_PROBLEMS:
        if message.startswith(start):
            return danish
    return "tegnene kan ikke læses som et mønster"


def check_case_id(case_id: str, pattern: str = DEFAULT_CASE_ID_PATTERN) -> CaseIdCheck:
    """Warn, never reject: an empty ID or one matching the pattern is fine."""
    value = case_id.strip()
    if not value:
        return CaseIdCheck(True)
    compiled = compile_pattern(pattern) or compile_pattern(DEFAULT_CASE_ID_PATTERN)
    assert compiled is not None
    if compiled.fullmatch(value):
        return CaseIdCheck(True)
    return CaseIdCheck(False, f"»{value}« ligner ikke et Sags ID (forventet fx EMN-2017-03374)")
