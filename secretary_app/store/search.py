"""Full-text search over item titles, public titles, case IDs and every section's text
(the index `item_search`, kept by the archive's triggers: store.migrations, m008)."""

from __future__ import annotations

from dataclasses import dataclass

from secretary_app.store.database import Database


@dataclass
class SearchHit:
    item_id: int
    meeting_id: int
    title: str
    case_id: str
    committee: str = ""
    date: str = ""  # YYYY-MM-DD


class SearchStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def items(self, words: str, limit: int = 200) -> list[SearchHit]:
        """Items matching every word (prefix match), best match first."""
        query = " ".join(_quoted_prefix(word) for word in words.split())
        if not query:
            return []
        rows = self.db.iter_rows(
            "SELECT i.id, i.meeting_id, i.title, i.case_id, c.name, m.date FROM item_search "
            "JOIN items i ON i.id = item_search.rowid "
            "JOIN meetings m ON m.id = i.meeting_id JOIN committees c ON c.id = m.committee_id "
            "WHERE item_search MATCH ? ORDER BY rank LIMIT ?",
            [query, limit],
        )
        return [SearchHit(*row.values()) for row in rows]


def _quoted_prefix(word: str) -> str:
    return '"' + word.replace('"', '""') + '"*'
