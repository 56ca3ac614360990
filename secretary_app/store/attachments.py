"""Attachments (Bilag): files copied into the archive, with a title and a public mark."""

from __future__ import annotations

from typing import Any

from secretary_app.core.model import Attachment
from secretary_app.store.database import Database
from secretary_app.store.rows import from_row, sql_value, to_row

ATTACHMENT_EDITABLE_FIELDS = ("title", "public")


class AttachmentStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def for_item(self, item_id: int) -> list[Attachment]:
        rows = self.db.iter_rows(
            "SELECT * FROM attachments WHERE item_id = ? ORDER BY position, id", [item_id]
        )
        return [from_row(Attachment, row) for row in rows]

    def get(self, attachment_id: int) -> Attachment:
        return from_row(Attachment, self.db.get("attachments", attachment_id))

    def add(self, attachment: Attachment, content: bytes) -> Attachment:
        with self.db.atomic():
            attachment.position = self._next_position(attachment.item_id)
            attachment.size = len(content)
            attachment.id = self.db.table("attachments").insert(to_row(attachment)).last_pk
            self.db.table("attachment_files").insert(
                {"attachment_id": attachment.id, "content": content}
            )
        return attachment

    def _next_position(self, item_id: int) -> int:
        sql = "SELECT coalesce(max(position) + 1, 0) FROM attachments WHERE item_id = ?"
        return int(self.db.value(sql, [item_id]))

    def _shift(self, item_id: int, from_position: int, by: int) -> None:
        self.db.execute(
            "UPDATE attachments SET position = position + ? WHERE item_id = ? AND position >= ?",
            [by, item_id, from_position],
        )

    def content(self, attachment_id: int) -> bytes:
        sql = "SELECT content FROM attachment_files WHERE attachment_id = ?"
        content = self.db.value(sql, [attachment_id])
        return bytes(content) if content is not None else b""

    def update_field(self, attachment_id: int, field: str, value: Any) -> None:
        if field not in ATTACHMENT_EDITABLE_FIELDS:
            raise ValueError(f"unknown attachment field: {field}")
        with self.db.atomic():
            self.db.execute(
                f"UPDATE attachments SET {field} = ? WHERE id = ?",
                [sql_value(value), attachment_id],
            )

    def delete(self, attachment_id: int) -> tuple[Attachment, bytes]:
        with self.db.atomic():
            attachment, content = self.get(attachment_id), self.content(attachment_id)
            self.db.execute("DELETE FROM attachments WHERE id = ?", [attachment_id])
            self._shift(attachment.item_id, attachment.position + 1, -1)
        return attachment, content

    def restore(self, attachment: Attachment, content: bytes) -> None:
        with self.db.atomic():
            attachment.position = min(attachment.position, self._next_position(attachment.item_id))
            self._shift(attachment.item_id, attachment.position, +1)
            self.db.table("attachments").insert(to_row(attachment))
            self.db.table("attachment_files").insert(
                {"attachment_id": attachment.id, "content": content}
            )
