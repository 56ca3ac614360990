"""Search across the archive: items found by words or case ID (the rules: core.search_query).

The index `item_search` holds each item's title with its public title, its case ID and every
section's text, over trigrams (store.migrations, m011), kept current by the archive's triggers
(m008). Words of three or more characters are looked up there; words of one or two characters
are matched at word beginnings in the items' titles and case IDs.

Hits come best first: those with every word in the title or case ID, then the others; within
each, the newest meeting first and the agenda's order. At most `limit` hits are read, with the
number of all of them. Two steps: which items (the index and the filters, no text read), then
what is shown of those (title, committee, date, number, a snippet of their text).
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from typing import Any

from secretary_app.core.numbering import item_number
from secretary_app.core.search_query import (
    SearchFilter,
    SearchTerms,
    Segments,
    fts_match,
    fts_word_starts,
    marked,
    search_terms,
    snippet,
)
from secretary_app.store.database import Database, Params

LIMIT = 200


def _folded(sql: str) -> str:
    """`sql` in lower case: SQLite's lower() knows ASCII only, so Æ, Ø and Å are added."""
    for upper in "ÆØÅ":
        sql = f"replace({sql}, '{upper}', '{upper.lower()}')"
    return f"lower({sql})"


# A hit found in its title or case ID comes first.
_TITLE_FOLDED = _folded("i.title || ' ' || i.case_id")


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

    @functools.cached_property
    def title_marks(self) -> Segments:
        """The title, the matched words marked."""
        return marked(self.title, self.terms)

    @functools.cached_property
    def snippet(self) -> Segments:
        """A piece of the item's text around the first match, the matches marked (made when
        first shown: most hits never are)."""
        return snippet(self.text, SearchTerms(inside=self.terms.inside))


@dataclass
class SearchResult:
    hits: list[SearchHit] = field(default_factory=list)
    total: int = 0  # every hit, also those past the limit


class SearchStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def items(self, words: str, limit: int = LIMIT) -> list[SearchHit]:
        """Items matching every word, best first."""
        return self.find(words, limit=limit).hits

    def find(
        self, text: str, where: SearchFilter | None = None, limit: int = LIMIT
    ) -> SearchResult:
        """The items `text` finds among those `where` allows: the first `limit`, and how many."""
        terms = search_terms(text)
        if terms.empty or limit <= 0:
            return SearchResult()
        found = self.db.conn.execute(*_found_sql(terms, where or SearchFilter(), limit)).fetchall()
        if not found:
            return SearchResult()
        ids = [item_id for item_id, _total in found]
        return SearchResult(self._hits(ids, terms), total=found[0][1])

    def years(self) -> list[int]:
        return meeting_years(self.db)

    def _hits(self, ids: list[int], terms: SearchTerms) -> list[SearchHit]:
        rows = self.db.conn.execute(_SHOWN_SQL, [json.dumps(ids)])
        hits = {row[0]: _hit(row, terms) for row in rows}
        return [hits[item_id] for item_id in ids if item_id in hits]


def _found_sql(terms: SearchTerms, where: SearchFilter, limit: int) -> tuple[str, Params]:
    """The ids of the items found, best first, each with the number of all found.

    The index gives the ids of every hit once (`found`); the meetings are then read newest
    first (index `meetings_date`) until `limit` hits are there, so the hits are never sorted;
    first those with every word in the title or case ID, then the others.
    """
    found, found_params = _found_ids(terms)
    filters, filter_params = _filter_conditions(where)
    count = "SELECT count(*) FROM found" + (
        _FILTERED.format(filters=filters) if filter_params else ""
    )
    titled = " AND ".join(f"instr({_TITLE_FOLDED}, ?) > 0" for _ in terms.inside) or "1"
    titled_params = [term.lower() for term in terms.inside]
    sql = f"""WITH found(id) AS MATERIALIZED ({found})
SELECT id, ({count}) FROM (
    SELECT * FROM ({_WALK.format(filters=filters, titled=titled)})
    UNION ALL
    SELECT * FROM ({_WALK.format(filters=filters, titled=f"NOT ({titled})")})
) LIMIT ?"""
    params = [
        *found_params,
        *filter_params,
        *(filter_params + titled_params + [limit]) * 2,
        limit,
    ]
    return sql, params


_FILTERED = (
    " JOIN items i ON i.id = found.id JOIN meetings m ON m.id = i.meeting_id WHERE {filters}"
)
_WALK = """SELECT i.id FROM meetings m CROSS JOIN items i ON i.meeting_id = m.id
    WHERE i.id IN found AND {filters} AND {titled}
    ORDER BY m.date DESC, m.id DESC, i.position LIMIT ?"""


def _found_ids(terms: SearchTerms) -> tuple[str, list[object]]:
    """SQL for the ids of the items with every term, whatever the filters."""
    parts: list[tuple[str, str]] = []
    if terms.inside:
        parts.append(("SELECT rowid FROM item_search WHERE item_search MATCH ?", fts_match(terms)))
    if terms.word_starts:
        words = "SELECT rowid FROM item_search_words WHERE item_search_words MATCH ?"
        parts.append((words, fts_word_starts(terms)))
    return " INTERSECT ".join(sql for sql, _ in parts), [query for _, query in parts]


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
    i.closed, (SELECT body FROM item_search WHERE rowid = i.id)
FROM items i JOIN meetings m ON m.id = i.meeting_id JOIN committees c ON c.id = m.committee_id
WHERE i.id IN (SELECT value FROM json_each(?))
"""


def _hit(row: tuple[Any, ...], terms: SearchTerms) -> SearchHit:
    item_id, meeting_id, title, case_id, committee, date, first, position, closed, body = row
    return SearchHit(
        item_id=item_id,
        meeting_id=meeting_id,
        title=title,
        case_id=case_id,
        committee=committee,
        date=date,
        number=item_number(first, position),
        closed=bool(closed),
        text=body or "",
        terms=terms,
    )


def meeting_years(db: Database) -> list[int]:
    """The years the archive holds meetings of, newest first (to search one of them)."""
    rows = db.conn.execute("SELECT DISTINCT substr(date, 1, 4) FROM meetings ORDER BY 1 DESC")
    return [int(year) for (year,) in rows if str(year).isdigit()]
