"""What a search finds: the rules that turn typed text into terms, and mark them in what is shown.

- Words are split at blanks; punctuation around a word goes ("(budget)" is "budget"), inside it
  stays ("R&D", "EMN-2017-03374", "14/10674"). Every word must be found (AND).
- A word of three or more characters is found anywhere, inside words too: "bevilling" finds
  "Anlægsbevilling", "opfølgning" finds "Budgetopfølgning", "EMN-2017" finds the case ID
  EMN-2017-03374 (whole or by its beginning). The store finds it through the archive's trigram
  index (store.migrations.m011_schema).
- A word of one or two characters ("IT", "Ø", "a") is found at the beginning of a word of an
  item's title, public title or case ID: in the texts it would match nearly every item.
- Case does not count ("ØKONOMI" is "økonomi"); accents do ("bål" is not "bal").
- Any text is a search, never query syntax: quotes, stars, NEAR(, AND, OR are plain words.

Pure Python: the store turns `SearchTerms` into SQL (store.search), the window shows `Segments`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from secretary_app.core.text import one_line

SHORTEST_INSIDE = 3  # the trigram index finds pieces of at least three characters
MAX_TERMS = 12
MAX_TERM = 100  # characters of one word; more is cut off
SNIPPET_WIDTH = 160  # characters of text shown around the first match

_EDGES = re.compile(r"^\W+|\W+$")

Segments = tuple[tuple[str, bool], ...]  # (text, matched) in order


@dataclass(frozen=True)
class SearchTerms:
    inside: tuple[str, ...] = ()  # found anywhere, inside words too (three characters or more)
    word_starts: tuple[str, ...] = ()  # found at word beginnings in titles and case IDs

    @property
    def empty(self) -> bool:
        return not (self.inside or self.word_starts)


@dataclass(frozen=True)
class SearchFilter:
    """Which items a search looks at: one committee, a period (both ends included), open or
    closed items only (`closed` None: both)."""

    committee_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    closed: bool | None = None


def year_filter(year: int, base: SearchFilter) -> SearchFilter:
    """`base` for the meetings of one year."""
    return replace(base, date_from=dt.date(year, 1, 1), date_to=dt.date(year, 12, 31))


def recent_filter(today: dt.date, base: SearchFilter) -> SearchFilter:
    """`base` for the meetings of the last twelve months (and those planned since)."""
    start = (
        today.replace(year=today.year - 1)
        if (today.month, today.day) != (2, 29)
        else today - dt.timedelta(days=366)
    )
    return replace(base, date_from=start, date_to=None)


def search_terms(text: str) -> SearchTerms:
    """The terms of typed text (see the module's rules); none for blank text or punctuation."""
    words = _unique(_trimmed(word) for word in one_line(text).split())[:MAX_TERMS]
    return SearchTerms(
        inside=tuple(w for w in words if len(w) >= SHORTEST_INSIDE),
        word_starts=tuple(w for w in words if len(w) < SHORTEST_INSIDE and w.isalnum()),
    )


def _trimmed(word: str) -> str:
    return _EDGES.sub("", word[: MAX_TERM * 2])[:MAX_TERM]


def _unique(words: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for word in words:
        if word and word.lower() not in seen:
            seen[word.lower()] = word
    return list(seen.values())


def fts_phrase(term: str) -> str:
    """`term` as one FTS5 string: a plain piece of text, whatever characters it holds."""
    return '"' + term.replace('"', '""') + '"'


def fts_match(terms: SearchTerms) -> str:
    """The FTS5 query of the trigram index that needs every inside term."""
    return " AND ".join(fts_phrase(term) for term in terms.inside)


def fts_word_starts(terms: SearchTerms) -> str:
    """The FTS5 query of a word index that needs a word beginning with each short term."""
    return " AND ".join(fts_phrase(term) + "*" for term in terms.word_starts)


def fts_match_in_titles(terms: SearchTerms) -> str:
    """The FTS5 query of the trigram index that needs every inside term in the title (with the
    public title) or the case ID: the hits that come first."""
    return "{title case_id} : (" + fts_match(terms) + ")"


def in_title(title: str, terms: SearchTerms) -> bool:
    """Is every inside term in `title` (an item's title, public title and case ID)? Those hits
    come first. Terms of one or two characters are always found there."""
    lower = title.lower()
    return all(term.lower() in lower for term in terms.inside)


# --- what is shown: matches marked ------------------------------------------------------------

_MARKDOWN = re.compile(
    r"\*+|</?u>|\\(?=[^\w\s])|^[ \t]*(?:[-+*]|\d+[.)])[ \t]+"
    r"|^[ \t]*\|(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*$",  # a table's rule under its header
    re.MULTILINE,
)
_BLANKS = re.compile(r"\s+")


def plain_text(markdown: str) -> str:
    """An item's text as one line to read: Markdown's marks, list markers and breaks gone."""
    text = _MARKDOWN.sub("", markdown).replace("<br>", " ")  # a line break in a table's cell
    return _BLANKS.sub(" ", text).strip()


def marked(text: str, terms: SearchTerms) -> Segments:
    """`text` cut into pieces, the matches of `terms` marked."""
    spans = _merged(_matches(text, terms))
    segments: list[tuple[str, bool]] = []
    at = 0
    for start, end in spans:
        if start > at:
            segments.append((text[at:start], False))
        segments.append((text[start:end], True))
        at = end
    if at < len(text):
        segments.append((text[at:], False))
    return tuple(segments)


def first_match(text: str, terms: SearchTerms) -> str | None:
    """The first piece of `text` that the search matched, as it is written there (to find it
    again in a field that shows `text`), or None."""
    spans = _matches(text, terms)
    if not spans:
        return None
    start, end = min(spans)
    return text[start:end]


def snippet(text: str, terms: SearchTerms, width: int = SNIPPET_WIDTH) -> Segments:
    """About `width` characters of `text` (made plain) around its first match, the matches
    marked; its beginning when nothing matches. "…" where text is left out."""
    first = _first_match(text, terms)
    begin, stop = max(0, first - width), first + 2 * width  # read no more than is shown
    plain = plain_text(text[begin:stop])
    spans = _matches(plain, terms)
    at = min((start for start, _ in spans), default=0)
    start = _word_start(plain, max(0, at - width // 3))
    end = _word_end(plain, start + width)
    before = "… " if start > 0 or begin > 0 else ""
    after = " …" if end < len(plain) or stop < len(text) else ""
    return marked(before + plain[start:end] + after, terms)


def _first_match(text: str, terms: SearchTerms) -> int:
    lower = _lowered(text)
    places = (lower.find(term.lower()) for term in terms.inside)
    return min((place for place in places if place >= 0), default=0)


def _word_start(text: str, at: int) -> int:
    if at == 0:
        return 0
    blank = text.find(" ", at, at + 20)
    return at if blank < 0 else blank + 1


def _word_end(text: str, at: int) -> int:
    if at >= len(text):
        return len(text)
    blank = text.rfind(" ", max(0, at - 20), at)
    return at if blank < 0 else blank


def _lowered(text: str) -> str:
    """`text` in lower case, character for character (so that places stay where they were)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _matches(text: str, terms: SearchTerms) -> list[tuple[int, int]]:
    lower = _lowered(text)
    spans = [span for term in terms.inside for span in _found(lower, term.lower())]
    for term in terms.word_starts:
        spans += [s for s in _found(lower, term.lower()) if _at_word_start(lower, s[0])]
    return spans


def _found(text: str, term: str) -> list[tuple[int, int]]:
    spans = []
    at = text.find(term)
    while at >= 0 and term:
        spans.append((at, at + len(term)))
        at = text.find(term, at + len(term))
    return spans


def _at_word_start(text: str, at: int) -> bool:
    return at == 0 or not text[at - 1].isalnum()


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
