"""Agenda items: add, edit one field or section, move, delete and put back.

An item's texts are kept by section key in `item_sections` (core.item_layout); its other fields
are the columns of `items` (core.item_fields).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from secretary_app.core.item_fields import FIELDS_BY_NAME, section_key
from secretary_app.core.model import Item, ItemSnapshot
from secretary_app.store.attachments import AttachmentStore
from secretary_app.store.database import Database
from secretary_app.store.records import RecordStore
from secretary_app.store.rows import from_row, sql_value, to_row

_CHILD_TABLES = (
    "attachments",
    "item_absences",
    "dissents",
    "votes",
    "item_reservations",
    "item_sections",
)
_UPSERT_SECTION = (
    "INSERT INTO item_sections (item_id, key, text) VALUES (?, ?, ?) "
    "ON CONFLICT(item_id, key) DO UPDATE SET text = excluded.text"
)


class ItemStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def for_meeting(self, meeting_id: int) -> list[Item]:
        rows = self.db.iter_rows(
            "SELECT * FROM items WHERE meeting_id = ? ORDER BY position, id", [meeting_id]
        )
        items = [from_row(Item, row) for row in rows]
        texts = self._sections(
            "SELECT s.item_id, s.key, s.text FROM item_sections s"
            " JOIN items i ON i.id = s.item_id WHERE i.meeting_id = ?",
            meeting_id,
        )
        for item in items:
            item.sections = texts.get(item.id or 0, {})
        return items

    def get(self, item_id: int) -> Item:
        item = from_row(Item, self.db.get("items", item_id))
        sql = "SELECT item_id, key, text FROM item_sections WHERE item_id = ?"
        item.sections = self._sections(sql, item_id).get(item_id, {})
        return item

    def count(self, meeting_id: int) -> int:
        return int(self.db.value("SELECT count(*) FROM items WHERE meeting_id = ?", [meeting_id]))

    def add(self, item: Item, position: int | None = None) -> Item:
        """Insert at position (default: last); later items move down one place."""
        with self.db.atomic():
            count = self.count(item.meeting_id)
            item.position = count if position is None else max(0, min(position, count))
            self._shift(item.meeting_id, item.position, +1)
            self.insert(item)
        return item

    def insert(self, item: Item) -> Item:
        """Write the item's row and texts as they are (its id too, when it has one)."""
        row = to_row(item)
        del row["sections"]
        with self.db.atomic():
            item.id = self.db.table("items").insert(row).last_pk
            for key, text in item.sections.items():
                if text:
                    self.db.execute(_UPSERT_SECTION, [item.id, key, text])
        return item

    def update_field(self, item_id: int, field: str, value: Any) -> None:
        """Set one field ("title", …) or one section's text ("section:resume")."""
        key = section_key(field)
        with self.db.atomic():
            if key:
                self.db.execute(_UPSERT_SECTION, [item_id, key, value])
            elif field in FIELDS_BY_NAME:
                sql = f"UPDATE items SET {field} = ? WHERE id = ?"
                self.db.execute(sql, [sql_value(value), item_id])
            else:
                raise ValueError(f"unknown item field: {field}")

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
        """Put a deleted item back with its id, place, texts and attachments."""
        item = snapshot.item
        with self.db.atomic():
            item.position = min(item.position, self.count(item.meeting_id))
            self._shift(item.meeting_id, item.position, +1)
            self.insert(item)
            for attachment, content in snapshot.attachments:
                AttachmentStore(self.db).insert_as_it_was(attachment, content)
            RecordStore(self.db).set_item_records(item.id or 0, snapshot.records)
        return item

    def snapshot(self, item_id: int) -> ItemSnapshot:
        store = AttachmentStore(self.db)
        attachments = [
            (attachment, store.spooled(attachment.id or 0))
            for attachment in store.for_item(item_id)
        ]
        records = RecordStore(self.db).item_records(item_id)
        return ItemSnapshot(self.get(item_id), attachments, records)

    def _sections(self, sql: str, key: int) -> dict[int, dict[str, str]]:
        """Texts by item id and section key; empty texts are left out."""
        found: dict[int, dict[str, str]] = defaultdict(dict)
        for item_id, section, text in self.db.tuples(sql, [key]):
            if text:
                found[item_id][section] = text
        return found

    def _shift(self, meeting_id: int, from_position: int, by: int) -> None:
        self.db.execute(
            "UPDATE items SET position = position + ? WHERE meeting_id = ? AND position >= ?",
            [by, meeting_id, from_position],
        )

    def _set_order(self, ids: list[int | None]) -> None:
        for position, item_id in enumerate(ids):
            self.db.execute("UPDATE items SET position = ? WHERE id = ?", [position, item_id])
