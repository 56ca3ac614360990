"""Committees, their members and their standing items."""

from __future__ import annotations

from typing import Any

from secretary_app.core.layout_format import layout_text
from secretary_app.core.model import Committee, Member, StandingItem
from secretary_app.store.database import Database
from secretary_app.store.layouts import LayoutStore
from secretary_app.store.rows import from_row, replace_children, to_row


class CommitteeStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def all(self) -> list[Committee]:
        rows = self.db.iter_rows("SELECT * FROM committees ORDER BY name COLLATE NOCASE, id")
        return [from_row(Committee, row) for row in rows]

    def get(self, committee_id: int) -> Committee:
        return from_row(Committee, self.db.get("committees", committee_id))

    def exists(self, committee_id: int) -> bool:
        return self.db.row("SELECT 1 FROM committees WHERE id = ?", [committee_id]) is not None

    def find_by_name(self, name: str) -> Committee | None:
        rows = list(self.db.iter_rows("SELECT * FROM committees WHERE name = ? LIMIT 1", [name]))
        return from_row(Committee, rows[0]) if rows else None

    def add(self, committee: Committee) -> Committee:
        """A new committee, in the item layout new committees start with."""
        with self.db.atomic():
            row = to_row(committee) | {"layout": layout_text(LayoutStore(self.db).default())}
            committee.id = self.db.table("committees").insert(row).last_pk
        return committee

    def update(self, committee: Committee) -> None:
        with self.db.atomic():
            assert committee.id is not None
            self.db.table("committees").update(committee.id, to_row(committee))

    def delete(self, committee_id: int) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM committees WHERE id = ?", [committee_id])

    # Members

    def members(self, committee_id: int) -> list[Member]:
        return self._children(Member, "members", committee_id)

    def set_members(self, committee_id: int, members: list[Member]) -> list[Member]:
        return self._replace_children("members", committee_id, members)

    # Standing items

    def standing_items(self, committee_id: int) -> list[StandingItem]:
        return self._children(StandingItem, "standing_items", committee_id)

    def set_standing_items(
        self, committee_id: int, items: list[StandingItem]
    ) -> list[StandingItem]:
        return self._replace_children("standing_items", committee_id, items)

    def _children(self, cls: type[Any], table: str, committee_id: int) -> list[Any]:
        rows = self.db.iter_rows(
            f"SELECT * FROM {table} WHERE committee_id = ? ORDER BY position, id", [committee_id]
        )
        return [from_row(cls, row) for row in rows]

    def _replace_children(self, table: str, committee_id: int, children: list[Any]) -> list[Any]:
        return replace_children(self.db, table, "committee_id", committee_id, children)
