"""Full-text search over item titles, case IDs and texts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database


@dataclass
class SearchHit:
    item_id: int
    meeting_id: int
    title: str
    case_id: str


class SearchStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def items(self, words: str, limit: int = 200) -> list[SearchHit]:
        """Items matching every word (prefix match), best match first."""
        query = " ".join(_quoted_prefix(word) for word in words.split())
        if not query:
            return []
        rows = self.db.query(
            "SELECT i.id, i.meeting_id, i.title, i.case_id FROM items_fts "
            "JOIN items i ON i.id = items_fts.rowid "
            "WHERE items_fts MATCH ? ORDER BY rank LIMIT ?",
            [query, limit],
        )
        return [SearchHit(r["id"], r["meeting_id"], r["title"], r["case_id"]) for r in rows]


def _quoted_prefix(word: str) -> str:
    return '"' + word.replace('"', '""') + '"*'
