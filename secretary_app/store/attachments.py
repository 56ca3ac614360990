"""Attachments (Bilag): files copied into the archive, with a title and a public mark.

A file's content goes into the archive and out of it in pieces (SQLite's incremental blob I/O),
never whole in memory: a 200 MB attachment costs 1 MB of memory to add, open or undo. Content
kept for an undo is spooled: in memory while small, in a temporary file when large.
"""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path
from typing import IO, Any

from secretary_app.core.files import replacing
from secretary_app.core.model import Attachment
from secretary_app.store.database import Database
from secretary_app.store.rows import from_row, sql_value, to_row

ATTACHMENT_EDITABLE_FIELDS = ("title", "public")
MAX_ATTACHMENT_BYTES = 200_000_000  # documented in the README
_PIECE = 1 << 20
_SPOOLED_IN_MEMORY = 1 << 20


class AttachmentTooLarge(OSError):
    """A file over MAX_ATTACHMENT_BYTES; the message says so in Danish (an OSError, as the
    other reasons a file cannot be added are)."""


def check_attachment_size(size: int, name: str) -> None:
    if size > MAX_ATTACHMENT_BYTES:
        megabytes = f"{size / 1_000_000:.0f}"
        limit = f"{MAX_ATTACHMENT_BYTES // 1_000_000}"
        raise AttachmentTooLarge(
            f"{name} fylder {megabytes} MB; et bilag må højst fylde {limit} MB"
        )


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
        return self.add_stream(attachment, io.BytesIO(content))

    def add_file(self, attachment: Attachment, source: Path) -> Attachment:
        """The file's content, read in pieces (OSError when it cannot be read)."""
        with open(source, "rb") as stream:
            return self.add_stream(attachment, stream, source.name)

    def add_stream(
        self, attachment: Attachment, stream: IO[bytes], name: str = "bilaget"
    ) -> Attachment:
        size = _size_of(stream)
        check_attachment_size(size, name)
        with self.db.atomic():
            attachment.position = self._next_position(attachment.item_id)
            attachment.size = size
            attachment.id = self.db.table("attachments").insert(to_row(attachment)).last_pk
            self.write_content(attachment.id or 0, stream, size)
        return attachment

    def write_content(self, attachment_id: int, stream: IO[bytes], size: int | None = None) -> None:
        """The content row of an attachment, filled from `stream` (from where it is, `size`
        bytes or to its end) piece by piece."""
        size = _size_of(stream) if size is None else size
        self.db.execute(
            "INSERT INTO attachment_files (attachment_id, content) VALUES (?, zeroblob(?))",
            [attachment_id, size],
        )
        written = 0
        with self.db.blob("attachment_files", "content", attachment_id, readonly=False) as blob:
            while piece := stream.read(min(_PIECE, size - written)):
                blob.write(piece)
                written += len(piece)
        if written != size:  # the file changed while it was read
            raise OSError(f"bilaget blev ændret, mens det blev læst ({written} af {size} byte)")

    def spooled(self, attachment_id: int) -> IO[bytes]:
        """The content, to keep for an undo: in memory while small, else in a temporary file."""
        import tempfile  # here: it costs the window's start

        spool = tempfile.SpooledTemporaryFile(max_size=_SPOOLED_IN_MEMORY)  # noqa: SIM115
        self._copy_out(attachment_id, spool)
        spool.seek(0)
        return spool

    def save_content(self, attachment_id: int, target: Path) -> None:
        """The content into the file `target`, whole or not at all."""
        with replacing(target) as temporary, open(temporary, "xb") as file:
            self._copy_out(attachment_id, file)

    def _copy_out(self, attachment_id: int, into: IO[bytes]) -> None:
        with self.db.blob("attachment_files", "content", attachment_id, readonly=True) as blob:
            while piece := blob.read(_PIECE):
                into.write(piece)

    def _next_position(self, item_id: int) -> int:
        sql = "SELECT coalesce(max(position) + 1, 0) FROM attachments WHERE item_id = ?"
        return int(self.db.value(sql, [item_id]))

    def _shift(self, item_id: int, from_position: int, by: int) -> None:
        self.db.execute(
            "UPDATE attachments SET position = position + ? WHERE item_id = ? AND position >= ?",
            [by, item_id, from_position],
        )

    def copy(self, attachment: Attachment, to_item: int) -> Attachment:
        """The attachment again, last on another item: the content copied inside SQLite."""
        with self.db.atomic():
            position = self._next_position(to_item)
            copy = dataclasses.replace(attachment, item_id=to_item, position=position, id=None)
            copy.id = self.db.table("attachments").insert(to_row(copy)).last_pk
            self.db.execute(
                "INSERT INTO attachment_files (attachment_id, content)"
                " SELECT ?, content FROM attachment_files WHERE attachment_id = ?",
                [copy.id, attachment.id],
            )
        return copy

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

    def delete(self, attachment_id: int) -> tuple[Attachment, IO[bytes]]:
        """Delete the attachment; its content comes back spooled, for `restore`."""
        with self.db.atomic():
            attachment, content = self.get(attachment_id), self.spooled(attachment_id)
            self.db.execute("DELETE FROM attachments WHERE id = ?", [attachment_id])
            self._shift(attachment.item_id, attachment.position + 1, -1)
        return attachment, content

    def restore(self, attachment: Attachment, content: IO[bytes]) -> None:
        """Put a deleted attachment back, with its id, at its place (or last)."""
        with self.db.atomic():
            attachment.position = min(attachment.position, self._next_position(attachment.item_id))
            self._shift(attachment.item_id, attachment.position, +1)
            self.insert_as_it_was(attachment, content)

    def insert_as_it_was(self, attachment: Attachment, content: IO[bytes]) -> None:
        """The attachment's row with its id and position, and its content from the start."""
        self.db.table("attachments").insert(to_row(attachment))
        content.seek(0)
        self.write_content(attachment.id or 0, content)


def _size_of(stream: IO[bytes]) -> int:
    """The bytes from where `stream` is to its end (it stays where it was)."""
    here = stream.tell()
    end = stream.seek(0, io.SEEK_END)
    stream.seek(here)
    return end - here
