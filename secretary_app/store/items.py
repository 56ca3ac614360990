"""Agenda items: add, edit one field, move, delete and put back."""

from __future__ import annotations

from typing import Any

from secretary_app.core.model import ITEM_EDITABLE_FIELDS, Attachment, Item, ItemSnapshot
from secretary_app.store.database import Database
from secretary_app.store.records import RecordStore
from secretary_app.store.rows import from_row, sql_value, to_row

_CHILD_TABLES = ("attachments", "item_absences", "dissents", "votes")


class ItemStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def for_meeting(self, meeting_id: int) -> list[Item]:
        rows = self.db.iter_rows(
            "SELECT * FROM items WHERE meeting_id = ? ORDER BY position, id", [meeting_id]
        )
        return [from_row(Item, row) for row in rows]

    def get(self, item_id: int) -> Item:
        return from_row(Item, self.db.get("items", item_id))

    def count(self, meeting_id: int) -> int:
        return int(self.db.value("SELECT count(*) FROM items WHERE meeting_id = ?", [meeting_id]))

    def add(self, item: Item, position: int | None = None) -> Item:
        """Insert at position (default: last); later items move down one place."""
        with self.db.atomic():
            count = self.count(item.meeting_id)
            item.position = count if position is None else max(0, min(position, count))
            self._shift(item.meeting_id, item.position, +1)
            item.id = self.db.table("items").insert(to_row(item)).last_pk
        return item

    def update_field(self, item_id: int, field: str, value: Any) -> None:
        if field not in ITEM_EDITABLE_FIELDS:
            raise ValueError(f"unknown item field: {field}")
        with self.db.atomic():
            self.db.execute(
                f"UPDATE items SET {field} = ? WHERE id = ?", [sql_value(value), item_id]
            )

    def move(self, item_id: int, new_position: int) -> None:
        """Move one item to new_position (0-based) within its meeting."""
        with self.db.atomic():
            item = self.get(item_id)
            ids = [i.id for i in self.for_meeting(item.meeting_id) if i.id != item_id]
            new_position = max(0, min(new_position, len(ids)))
            ids.insert(new_position, item_id)
            self._set_order(ids)

    def delete(self, item_id: int) -> ItemSnapshot:
        """Delete the item and its attachments; the snapshot puts them back."""
        with self.db.atomic():
            snapshot = self.snapshot(item_id)
            for table in _CHILD_TABLES:  # first, so the audit log still finds their meeting
                self.db.execute(f"DELETE FROM {table} WHERE item_id = ?", [item_id])
            self.db.execute("DELETE FROM items WHERE id = ?", [item_id])
            self._shift(snapshot.item.meeting_id, snapshot.item.position + 1, -1)
        return snapshot

    def restore(self, snapshot: ItemSnapshot) -> Item:
        """Put a deleted item back with its id, place and attachments."""
        item = snapshot.item
        with self.db.atomic():
            item.position = min(item.position, self.count(item.meeting_id))
            self._shift(item.meeting_id, item.position, +1)
            self.db.table("items").insert(to_row(item))
            for attachment, content in snapshot.attachments:
                self.db.table("attachments").insert(to_row(attachment))
                self.db.table("attachment_files").insert(
                    {"attachment_id": attachment.id, "content": content}
                )
            RecordStore(self.db).set_item_records(item.id or 0, snapshot.records)
        return item

    def snapshot(self, item_id: int) -> ItemSnapshot:
        rows = self.db.iter_rows(
            "SELECT a.*, f.content FROM attachments a "
            "JOIN attachment_files f ON f.attachment_id = a.id "
            "WHERE a.item_id = ? ORDER BY a.position",
            [item_id],
        )
        attachments = [(from_row(Attachment, row), bytes(row["content"])) for row in rows]
        records = RecordStore(self.db).item_records(item_id)
        return ItemSnapshot(self.get(item_id), attachments, records)

    def _shift(self, meeting_id: int, from_position: int, by: int) -> None:
        self.db.execute(
            "UPDATE items SET position = position + ? WHERE meeting_id = ? AND position >= ?",
            [by, meeting_id, from_position],
        )

    def _set_order(self, ids: list[int | None]) -> None:
        for position, item_id in enumerate(ids):
            self.db.execute("UPDATE items SET position = ? WHERE id = ?", [position, item_id])
