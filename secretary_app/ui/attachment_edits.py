"""The edits of items' attachments (Bilag), turned into undo commands on the session's stack,
and the copies written out to open an attachment in its own program."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from secretary_app.core.model import Attachment
from secretary_app.core.text import clean_line, safe_file_name
from secretary_app.store.attachments import check_attachment_size
from secretary_app.ui.commands import AddAttachment, DeleteAttachment, EditAttachmentField
from secretary_app.ui.edit_session import EditSession


class AttachmentEdits(QObject):
    attachmentsChanged = Signal(int)  # item id

    def __init__(self, session: EditSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.archive = session, session.archive
        self._temporary_folders: list[Path] = []

    def add_attachments(
        self, item_id: int, paths: list[Path], progress: Callable[[int], None] | None = None
    ) -> None:
        """Copy the files into the archive as one undoable step; `progress` gets 1, 2, … 2n."""
        step = progress or (lambda _done: None)
        for done, path in enumerate(paths, start=1):  # each readable, none too large: first
            try:
                check_attachment_size(path.stat().st_size, path.name)
            except OSError as error:  # AttachmentTooLarge among them
                self.session.report_failure(self.tr("Add attachment"), error, path)
                return
            step(done)
        with self.session.macro(self.tr("Add attachments")):
            for done, path in enumerate(paths, start=len(paths) + 1):
                attachment = Attachment(item_id=item_id, title=path.stem, filename=path.name)
                self.session.push(AddAttachment(self, attachment, path))
                step(done)

    def delete_attachment(self, attachment_id: int) -> None:
        self.session.push(DeleteAttachment(self, attachment_id))

    def edit_attachment(self, attachment: Attachment, field: str, value: Any) -> None:
        value = clean_line(value) if field == "title" else value
        if field == "title" and not value:
            return  # an attachment keeps a title, as the exchange format requires
        if getattr(attachment, field) != value:
            self.session.push(EditAttachmentField(self, attachment, field, value))

    # Opening one

    def attachment_file(self, attachment: Attachment) -> Path:
        """The attachment written to a temporary folder of its own, to open it with its own
        program; under a name that stays in that folder, whatever the title says."""
        folder = Path(tempfile.mkdtemp(prefix="moedesekretaer-bilag-"))
        self._temporary_folders.append(folder)
        name = safe_file_name(attachment.filename) if attachment.filename else ""
        path = folder / (name or f"{safe_file_name(attachment.title)}.bin")
        self.archive.attachments.save_content(attachment.id or 0, path)
        return path

    def remove_temporary_files(self) -> None:
        """The opened attachments' copies go when the program closes (one still open in its
        program stays, and the system removes it in time)."""
        for folder in self._temporary_folders:
            shutil.rmtree(folder, ignore_errors=True)
        self._temporary_folders.clear()
