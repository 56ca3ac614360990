"""Case IDs (Sags ID): kept as typed, checked against a pattern; warned about, never rejected."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretary_app.core.case_ids import (
    DEFAULT_CASE_ID_PATTERN,
    CaseIdCheck,
    check_case_id,
    compile_pattern,
    pattern_error,
)


@pytest.mark.parametrize(
    "case_id",
    [
        "EMN-2017-03374",  # Gentofte 2017, 5 digits
        "EMN-2025-010561",  # 6 digits
        "018520-2013",  # Gentofte 2013 agenda
        "14/10674",
        "01.02.05-P16-1092-15",  # KLE number with a case number
    ],
)
def test_default_pattern_accepts_every_form_in_use(case_id):
    assert check_case_id(case_id) == CaseIdCheck(True)


def test_surrounding_spaces_are_ignored():
    assert check_case_id("  EMN-2017-03374 ").ok


@pytest.mark.parametrize("case_id", ["", "   "])
def test_an_empty_case_id_is_fine(case_id):
    assert check_case_id(case_id) == CaseIdCheck(True)


@pytest.mark.parametrize("case_id", ["sagen fra sidst", "EMN-17-3374", "EMN-2017-03374-x", "42"])
def test_garbage_is_warned_about_in_danish(case_id):
    check = check_case_id(case_id)
    assert not check.ok
    assert check.message == f"»{case_id}« ligner ikke et Sags ID (forventet fx EMN-2017-03374)"


def test_the_warning_quotes_the_id_without_surrounding_spaces():
    assert check_case_id("  ukendt  ").message.startswith("»ukendt«")


@given(st.text())
def test_any_text_gets_an_answer_never_an_exception(case_id):
    check = check_case_id(case_id)
    assert check.ok == (check.message == "")


@given(st.text(), st.text())
def test_any_pattern_gets_an_answer_never_an_exception(case_id, pattern):
    assert isinstance(check_case_id(case_id, pattern), CaseIdCheck)


def test_a_custom_pattern_replaces_the_default():
    pattern = r"SAG\.\d{4}\.\d+"
    assert check_case_id("SAG.2024.117", pattern).ok
    assert not check_case_id("EMN-2017-03374", pattern).ok


def test_the_default_pattern_is_usable():
    assert pattern_error(DEFAULT_CASE_ID_PATTERN) == ""
    assert compile_pattern(DEFAULT_CASE_ID_PATTERN) is not None


def test_an_invalid_pattern_is_not_compiled():
    assert compile_pattern("EMN-[0-9") is None


def test_an_invalid_custom_pattern_falls_back_to_the_default():
    assert check_case_id("EMN-2017-03374", "EMN-[0-9").ok
    assert check_case_id("14/10674", "EMN-[0-9").ok
    assert not check_case_id("sagen fra sidst", "EMN-[0-9").ok


def test_pattern_error_says_what_is_wrong_and_where():
    message = pattern_error("EMN-[0-9")
    assert message.startswith("Mønsteret for Sags ID er ugyldigt: ")
    assert message.endswith("(tegn 5)")  # 1-based, as a person counts


def test_pattern_error_of_a_usable_pattern_is_empty():
    assert pattern_error(r"SAG\.\d{4}\.\d+") == ""


# Known bugs in core/case_ids.py (see the reasons).

TOO_LARGE_REPEAT = r"\d{4294967296}"
TOO_DEEP_NESTING = "(" * 1000 + ")" * 1000


@pytest.mark.parametrize("pattern", [TOO_LARGE_REPEAT, TOO_DEEP_NESTING], ids=["repeat", "nesting"])
def test_an_unusable_pattern_of_any_kind_falls_back_to_the_default(pattern):
    assert check_case_id("EMN-2017-03374", pattern).ok
    assert pattern_error(pattern) != ""


def test_pattern_error_never_says_none():
    message = pattern_error("(?<=a+)b")
    assert message.startswith("Mønsteret for Sags ID er ugyldigt: ")
    assert "None" not in message


@pytest.mark.parametrize(
    ("pattern", "danish"),
    [
        ("EMN-[0-9", "en [ mangler sin ]"),
        ("(EMN", "en ( mangler sin )"),
        ("EMN)", "en ) har ingen ( foran sig"),
        ("*EMN", "*, + eller ? står, hvor der ikke er noget at gentage"),
        ("[9-0]", "et interval i [ ] går baglæns"),
        ("(?<x", "tegnene kan ikke læses som et mønster"),
    ],
)
def test_pattern_error_is_in_danish(pattern, danish):
    """Python's English words ("unterminated character set") never reach the secretary."""
    message = pattern_error(pattern)
    assert danish in message
    assert not any(word in message for word in ("unterminated", "missing", "bad", "nothing"))
