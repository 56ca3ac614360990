"""Search across the archive: items found by words or case ID (the rules: core.search_query).

The index `item_search` holds each item's title with its public title, its case ID and every
section's text, over trigrams (store.migrations, m011), kept current by the archive's triggers
(m008). Words of three or more characters are looked up there; words of one or two characters
are matched at word beginnings in the items' titles and case IDs.

Hits come best first: those with every word in the title or case ID, then the others; within
each, the newest meeting first and the agenda's order. At most `limit` hits are read, and they
are counted up to COUNT_LIMIT (or `limit`, when that is more): a result past it says only that
there are more. Counting every hit made FTS5 check the positions of every trigram of the words
in every item that has them, 40-60 ms for a common word on the 10-year archive.

The index is read in descending item id, lazily, as far as needed: ids follow the order in
which items were added, which is nearly always the meetings' order. Before the hits read are
taken as the newest, the meetings on the date of the last of them or later are asked for an
item not yet read (planned early, or moved to a later date); if there is one, reading goes on
down to it. The text of a hit, for its snippet, is read when the snippet is first shown.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from secretary_app.core.numbering import item_number
from secretary_app.core.search_query import (
    SearchFilter,
    SearchTerms,
    Segments,
    fts_match,
    fts_match_in_titles,
    fts_word_starts,
    in_title,
    marked,
    search_terms,
    snippet,
)
from secretary_app.store.database import Database, Params, Rows
from secretary_app.store.errors import StoreError

LIMIT = 200
COUNT_LIMIT = 200  # hits counted at most; past it, a result says "more than 200"


@dataclass
class SearchHit:
    item_id: int
    meeting_id: int
    title: str
    case_id: str
    committee: str = ""
    date: str = ""  # YYYY-MM-DD
    number: int = 0  # the item's number in its meeting's agenda
    closed: bool = False
    text: str = field(default="", repr=False)  # every section's text, as searched
    terms: SearchTerms = field(default_factory=SearchTerms, repr=False)
    # reads `text` from the archive when the snippet is first wanted (most hits are never shown)
    read_text: Callable[[int], str] | None = field(default=None, repr=False, compare=False)

    @functools.cached_property
    def title_marks(self) -> Segments:
        """The title, the matched words marked."""
        return marked(self.title, self.terms)

    @functools.cached_property
    def snippet(self) -> Segments:
        """A piece of the item's text around the first match, the matches marked (made when
        first shown: most hits never are)."""
        text = self.text or (self.read_text(self.item_id) if self.read_text else "")
        return snippet(text, SearchTerms(inside=self.terms.inside))


@dataclass
class SearchResult:
    hits: list[SearchHit] = field(default_factory=list)
    total: int = 0  # the hits, also those past the limit: all, or COUNT_LIMIT of them
    total_is_lower_bound: bool = False  # more than `total` were found; they were not counted


class SearchStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def items(self, words: str, limit: int = LIMIT) -> list[SearchHit]:
        """Items matching every word, best first."""
        return self.find(words, limit=limit).hits

    def find(
        self, text: str, where: SearchFilter | None = None, limit: int = LIMIT
    ) -> SearchResult:
        """The items `text` finds among those `where` allows: the first `limit`, and how many
        (counted up to COUNT_LIMIT, or `limit` when that is more)."""
        terms = search_terms(text)
        if terms.empty or limit <= 0:
            return SearchResult()
        where = where or SearchFilter()
        found = _Stream(self.db, terms, where)
        counted = max(limit, COUNT_LIMIT)
        try:
            found.read_on(count=counted + 1)
            ids = _best(self.db, found, where, limit)
        finally:
            found.close()
        if not ids:
            return SearchResult()
        total = len(found.read) if found.exhausted else counted
        return SearchResult(self._hits(ids, terms), total, not found.exhausted)

    def years(self) -> list[int]:
        return meeting_years(self.db)

    def _hits(self, ids: list[int], terms: SearchTerms) -> list[SearchHit]:
        rows = self.db.tuples(_SHOWN_SQL, [json.dumps(ids)])
        hits = {row[0]: _hit(row, terms, self._text) for row in rows}
        return [hits[item_id] for item_id in ids if item_id in hits]

    def _text(self, item_id: int) -> str:
        """The text of an item as searched ("" when it is gone, or the archive closed)."""
        try:
            return str(self.db.value(_TEXT_SQL, [item_id]) or "")
        except StoreError:
            return ""


class _Found(NamedTuple):
    item_id: int
    date: str
    meeting_id: int
    position: int
    titled: bool  # every word in the title or case ID: it comes first

    def recency(self) -> tuple[str, int, int, int]:
        """Sorted descending: the newest meeting first, then the agenda's order."""
        return (self.date, self.meeting_id, -self.position, -self.item_id)


class _Stream:
    """The hits of a search that the filters allow, read lazily from the index in descending
    item id: as many as are wanted, and no more. `titles_only`: those with every word in the
    title or case ID, read from below the item `below`."""

    def __init__(
        self,
        db: Database,
        terms: SearchTerms,
        where: SearchFilter,
        titles_only: bool = False,
        below: int | None = None,
    ) -> None:
        self.db, self.terms, self.where = db, terms, where
        self.titles_only, self.below = titles_only, below
        self.read: list[_Found] = []
        self.exhausted = False
        self.lowest = below  # every hit from this item id up has been read
        self._cursor: Rows | None = None

    def read_on(self, count: int | None = None, down_to: int | None = None) -> None:
        """Read until `count` hits are read, or every hit down to the item `down_to`, or all."""
        if self._cursor is None:
            self._cursor = self.db.tuples(*_stream_sql(self))
        for item_id, date, meeting_id, position, title in self._cursor:
            titled = self.titles_only or in_title(title, self.terms)
            self.read.append(_Found(item_id, date, meeting_id, position, titled))
            self.lowest = item_id
            if (count is not None and len(self.read) >= count) or (
                down_to is not None and item_id <= down_to
            ):
                return
        self.exhausted = True

    def close(self) -> None:
        if self._cursor is not None:
            self._cursor.close()


def _best(db: Database, found: _Stream, where: SearchFilter, limit: int) -> list[int]:
    """The ids of the first `limit` hits: those with every word in the title or case ID, then
    the others; in each, the newest meeting first and the agenda's order."""
    if found.exhausted:
        ordered = sorted(found.read, key=lambda hit: (hit.titled, hit.recency()), reverse=True)
        return [hit.item_id for hit in ordered[:limit]]
    titled = _Stream(db, found.terms, where, titles_only=True, below=found.lowest)
    titled.read = [hit for hit in found.read if hit.titled]
    try:
        first = _newest(db, titled, where, limit)
    finally:
        titled.close()
    rest = _newest(db, found, where, limit - len(first), keep=lambda hit: not hit.titled)
    ids = [hit.item_id for hit in first + rest]
    return list(dict.fromkeys(ids))[:limit]


def _newest(
    db: Database,
    stream: _Stream,
    where: SearchFilter,
    want: int,
    keep: Callable[[_Found], bool] = lambda hit: True,
) -> list[_Found]:
    """The `want` newest of the hits `keep` accepts: the stream is read on until no item not yet
    read can come before the last of them. Items are read in descending id, which follows the
    meetings' dates as long as meetings are added in order; an item of a newer meeting with a
    lower id (a meeting planned early, one moved to a later date) is read all the same."""
    while want > 0:
        best = sorted(filter(keep, stream.read), key=_Found.recency, reverse=True)[:want]
        if stream.exhausted:
            return best
        if len(best) < want:
            stream.read_on(count=len(stream.read) + want - len(best))
            continue
        rival = _first_unread_rival(db, where, best[-1].date, stream.lowest)
        if rival is None:
            return best
        stream.read_on(down_to=rival)
    return []


def _first_unread_rival(
    db: Database, where: SearchFilter, date: str, lowest: int | None
) -> int | None:
    """The lowest id of the items not yet read (below `lowest`) that could come before a hit of
    a meeting on `date`: those of meetings on that day or later."""
    if lowest is None:
        return None
    filters, params = _filter_conditions(where)
    sql = f"""SELECT min(i.id) FROM meetings m CROSS JOIN items i ON i.meeting_id = m.id
    WHERE m.date >= ? AND i.id < ? AND {filters}"""
    found: int | None = db.value(sql, [date, lowest, *params])
    return found


def _stream_sql(stream: _Stream) -> tuple[str, Params]:
    terms = stream.terms
    filters, params = _filter_conditions(stream.where)
    if terms.inside:
        index = "item_search"
        match = fts_match_in_titles(terms) if stream.titles_only else fts_match(terms)
    else:
        index, match = "item_search_words", fts_word_starts(terms)
    params = [match, *params]
    if terms.inside and terms.word_starts:
        filters += f" AND +f.rowid IN ({_WORD_STARTS})"
        params.append(fts_word_starts(terms))
    if stream.below is not None:
        filters += " AND f.rowid < ?"
        params.append(stream.below)
    sql = f"""SELECT i.id, m.date, m.id, i.position,
    i.title || ' ' || i.public_title || ' ' || i.case_id
FROM {index} f CROSS JOIN items i ON i.id = f.rowid CROSS JOIN meetings m ON m.id = i.meeting_id
WHERE f.{index} MATCH ? AND {filters}
ORDER BY f.rowid DESC"""
    return sql, params


_WORD_STARTS = "SELECT rowid FROM item_search_words WHERE item_search_words MATCH ?"


def _filter_conditions(where: SearchFilter) -> tuple[str, list[object]]:
    conditions: list[str] = []
    params: list[object] = []
    for condition, value in (
        ("m.committee_id = ?", where.committee_id),
        ("m.date >= ?", where.date_from and where.date_from.isoformat()),
        ("m.date <= ?", where.date_to and where.date_to.isoformat()),
        ("i.closed = ?", None if where.closed is None else int(where.closed)),
    ):
        if value is not None:
            conditions.append(condition)
            params.append(value)
    return " AND ".join(conditions) or "1", params


_SHOWN_SQL = """
SELECT i.id, i.meeting_id, i.title, i.case_id, c.name, m.date, m.first_number, i.position,
    i.closed
FROM items i JOIN meetings m ON m.id = i.meeting_id JOIN committees c ON c.id = m.committee_id
WHERE i.id IN (SELECT value FROM json_each(?))
"""


_TEXT_SQL = "SELECT body FROM item_search WHERE rowid = ?"


def _hit(row: tuple[Any, ...], terms: SearchTerms, read_text: Callable[[int], str]) -> SearchHit:
    item_id, meeting_id, title, case_id, committee, date, first, position, closed = row
    return SearchHit(
        item_id=item_id,
        meeting_id=meeting_id,
        title=title,
        case_id=case_id,
        committee=committee,
        date=date,
        number=item_number(first, position),
        closed=bool(closed),
        terms=terms,
        read_text=read_text,
    )


def meeting_years(db: Database) -> list[int]:
    """The years the archive holds meetings of, newest first (to search one of them)."""
    rows = db.tuples("SELECT DISTINCT substr(date, 1, 4) FROM meetings ORDER BY 1 DESC")
    return [int(year) for (year,) in rows if str(year).isdigit()]
