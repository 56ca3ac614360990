"""The agenda being edited, and the meetings and committees around it: the one place that turns
user intentions into undo commands."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QUndoStack

from secretary_app.core.case_ids import check_case_id
from secretary_app.core.danish_dates import clock
from secretary_app.core.item_fields import (
    LINE_FIELDS,
    section_field,
    section_key,
    value_of,
)
from secretary_app.core.item_layout import DEFAULT_LAYOUT, ItemLayout
from secretary_app.core.messages import os_error_reason
from secretary_app.core.model import Attachment, Item, Meeting
from secretary_app.core.schedule import end_after_moved_start, end_problem
from secretary_app.core.text import clean_line, safe_file_name
from secretary_app.store.archive import Archive
from secretary_app.store.attachments import check_attachment_size
from secretary_app.store.errors import ArchiveBusy, DiskFull, StoreError
from secretary_app.ui.agenda_model import AgendaModel
from secretary_app.ui.commands import (
    AddAttachment,
    AddItem,
    AddMeeting,
    DeleteAttachment,
    DeleteItem,
    DeleteMeeting,
    EditAttachmentField,
    EditItemField,
    EditMeetingField,
    MoveItem,
    PostponeItem,
    SetCommittee,
    SetDefaultLayout,
    SetLayoutEverywhere,
)

if TYPE_CHECKING:
    from secretary_app.store.committee_setup import CommitteeSetup
    from secretary_app.ui.commands import StoreCommand

MEETING_LINE_FIELDS = ("title", "location")


# Typing is committed this long after its first keystroke, also while the user types on: a crash
# loses at most this much of what was typed (docs/reliability.md).
COMMIT_DELAY_MS = 500
WINDOW_BUSY_TIMEOUT_MS = 1000  # the window waits this long for another program's write lock
BUSY_RETRY_MS = 2000  # then asks again this often, without waiting


class AgendaEditor(QObject):
    failed = Signal(str)
    archiveBusy = Signal(bool)  # another program holds the archive: typed edits wait, or not
    flushRequested = Signal()  # commit what is typed but not yet committed, before a change
    meetingOpened = Signal(int)
    itemAdded = Signal(int)
    itemMoved = Signal(int)
    itemFieldChanged = Signal(int, str)
    meetingFieldChanged = Signal(int, str)
    attachmentsChanged = Signal(int)
    meetingsChanged = Signal(int, int)  # committee id; the meeting to show, or 0
    committeesChanged = Signal(int)  # committee id
    layoutsChanged = Signal()  # item layouts of several committees at once

    def __init__(self, archive: Archive, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.undo_stack = QUndoStack(self)
        self.agenda_model = AgendaModel(self)
        self.agenda_model.moveRequested.connect(self.move_item)
        self.meeting: Meeting | None = None
        self.layout: ItemLayout = DEFAULT_LAYOUT  # the open meeting's item layout
        self._temporary_folders: list[Path] = []
        self._waiting: dict[tuple[str, int, str], Any] = {}  # typed, kept while busy
        self._retry = QTimer(self, interval=BUSY_RETRY_MS)
        self._retry.timeout.connect(self.save_waiting)
        archive.db.set_busy_timeout(WINDOW_BUSY_TIMEOUT_MS)
        self.committeesChanged.connect(self._committee_changed)
        self.layoutsChanged.connect(self._show_layout_anew)

    # The meeting

    def undo(self) -> None:
        self.flushRequested.emit()
        with busy():
            self.undo_stack.undo()

    def redo(self) -> None:
        self.flushRequested.emit()
        with busy():
            self.undo_stack.redo()

    def open_meeting(self, meeting_id: int | None) -> None:
        self.flushRequested.emit()
        self.meeting = self.archive.meetings.get(meeting_id) if meeting_id else None
        self.layout = self.archive.layouts.of_meeting(meeting_id) if meeting_id else DEFAULT_LAYOUT
        items = self.archive.items.for_meeting(meeting_id) if meeting_id else []
        first_number = self.meeting.first_number if self.meeting else 1
        self.agenda_model.set_meeting(meeting_id, first_number, items)
        self.meetingOpened.emit(meeting_id or 0)

    def _committee_changed(self, committee_id: int) -> None:
        """The open meeting's committee changed, its item layout perhaps: show it anew."""
        if self.meeting is not None and self.meeting.committee_id == committee_id:
            self._show_layout_anew()

    def _show_layout_anew(self) -> None:
        """Open the meeting again when its layout changed (texts may have moved with it)."""
        meeting = self.meeting
        if meeting is not None and self.archive.layouts.of_meeting(meeting.id or 0) != self.layout:
            self.open_meeting(meeting.id)

    def add_meeting(self, meeting: Meeting, items: list[Item]) -> None:
        self.flushRequested.emit()
        self.undo_stack.push(AddMeeting(self, meeting, items))

    def delete_meeting(self, meeting_id: int) -> None:
        self.flushRequested.emit()
        self.undo_stack.push(DeleteMeeting(self, meeting_id))

    def set_committee(self, old: CommitteeSetup | None, new: CommitteeSetup) -> None:
        """Add a committee (old None) or change one, as an undoable edit."""
        self.flushRequested.emit()
        with busy():  # a new layout moves texts: about 1 s for a committee's ten years
            self.undo_stack.push(SetCommittee(self, old, new))

    def use_layout_everywhere(
        self, layout: ItemLayout, moves: dict[str, str], saved: dict[str, ItemLayout | None]
    ) -> None:
        """Every committee gets the item layout (and new ones start with it), with the layouts
        saved on the way, as one undoable edit."""
        self.flushRequested.emit()
        with busy():  # every committee's texts: about 15 s on a 10-year archive
            self.undo_stack.push(SetLayoutEverywhere(self, layout, moves, saved))

    def set_default_layout(self, layout: ItemLayout, saved: dict[str, ItemLayout | None]) -> None:
        """The layout new committees start with, and the layouts saved on the way: undoable."""
        self.flushRequested.emit()
        self.undo_stack.push(SetDefaultLayout(self, layout, saved))

    def show_meeting(self, meeting_id: int) -> None:
        """Open the meeting an undo or redo is about to change, so the user sees it happen."""
        if self.agenda_model.meeting_id != meeting_id:
            self.open_meeting(meeting_id)

    def edit_meeting_field(self, field: str, value: Any) -> None:
        if self.meeting is None or self.meeting.id is None:
            return
        if self._waiting:
            self._waiting[("meeting", self.meeting.id, field)] = value
            return
        value = clean_line(value) if field in MEETING_LINE_FIELDS else value
        changes = {field: value}
        start, end = self.meeting.starts_at, self.meeting.ends_at
        if field == "starts_at":
            changes["ends_at"] = end_after_moved_start(start, value, end)
        elif field == "ends_at" and start is not None and end_problem(start, value):
            message = self.tr(
                "The meeting cannot end at %1, before it starts at %2. Nothing was changed."
            )
            self.failed.emit(message.replace("%1", clock(value)).replace("%2", clock(start)))
            return
        commands = [
            EditMeetingField(self, self.meeting.id, name, getattr(self.meeting, name), new)
            for name, new in changes.items()
            if getattr(self.meeting, name) != new
        ]
        if len(commands) > 1:  # the start moved past the end: one step moves both
            self.undo_stack.beginMacro(commands[0].text())
        for command in commands:
            self.undo_stack.push(command)
        if len(commands) > 1:
            self.undo_stack.endMacro()

    def refresh_meeting(self, meeting_id: int) -> None:
        if self.meeting is not None and self.meeting.id == meeting_id:
            self.meeting = self.archive.meetings.get(meeting_id)
            self.agenda_model.set_first_number(self.meeting.first_number)

    # Items

    def add_item(self, row: int | None = None, title: str = "") -> None:
        if self.meeting is None or self.meeting.id is None:
            return
        self.flushRequested.emit()
        count = self.agenda_model.rowCount()
        row = count if row is None else max(0, min(row, count))
        item = Item(meeting_id=self.meeting.id, title=clean_line(title) or self.tr("New item"))
        self.undo_stack.push(AddItem(self, item, row))

    def delete_item(self, item_id: int) -> None:
        if self.agenda_model.row_of(item_id) >= 0:
            self.flushRequested.emit()
            self.undo_stack.push(DeleteItem(self, item_id))

    def move_item(self, item_id: int, destination: int) -> None:
        last = self.agenda_model.rowCount() - 1
        destination = max(0, min(destination, last))
        if self.agenda_model.row_of(item_id) not in (-1, destination):
            self.flushRequested.emit()
            self.undo_stack.push(MoveItem(self, item_id, destination))

    def move_item_by(self, item_id: int, delta: int) -> None:
        self.move_item(item_id, self.agenda_model.row_of(item_id) + delta)

    def item(self, item_id: int) -> Item | None:
        return self.agenda_model.item_at(self.agenda_model.row_of(item_id))

    def edit_item_field(self, item_id: int, field: str, value: Any) -> None:
        if self._waiting:  # the archive is busy: this waits behind what waits already
            self._waiting[("item", item_id, field)] = value
            return
        item = self.item(item_id)
        if item is None:
            return
        value = clean_line(value) if field in LINE_FIELDS else value
        if field == "title" and not value:
            return  # an item keeps its last title while the field is emptied to retype it
        old = value_of(item, field)
        if old != value:
            self.undo_stack.push(EditItemField(self, item_id, field, old, value))
            if field == "case_id":
                self.follow_case_history(item_id, old)

    def case_id_warning(self, case_id: str) -> str:
        return check_case_id(case_id, self.archive.settings.get("case_id_pattern")).message

    # Case history and postponed items (issue 4)

    def follow_case_history(self, item_id: int, old_case_id: str) -> None:
        """After a new case ID: the history section ("Tidligere beslutninger") becomes its
        history, as an undo step of its own, while it is empty or still the old case ID's
        history (not written by hand)."""
        from secretary_app.store.case_history import history_for  # when needed: a faster start

        item, section = self.item(item_id), self.layout.history
        if item is None or section is None or item.case_id == old_case_id:
            return
        shown = item.text(section.key)
        if shown.strip() and shown != history_for(self.archive, old_case_id, item.meeting_id):
            return
        history = history_for(self.archive, item.case_id, item.meeting_id)
        if history != shown:
            field = section_field(section.key)
            self.undo_stack.push(EditItemField(self, item_id, field, shown, history))

    def postpone_item(self, item_id: int) -> Meeting | None:
        """Move the item to its committee's next meeting, one undo step; that meeting, or None
        (and nothing changed) when the committee has no later meeting."""
        self.flushRequested.emit()
        item = self.item(item_id)
        target = self.archive.meetings.next_after(item.meeting_id) if item else None
        if target is not None and item is not None:
            self.undo_stack.push(PostponeItem(self, item_id, item.meeting_id))
        return target

    # Attachments

    def add_attachments(
        self, item_id: int, paths: list[Path], progress: Callable[[int], None] | None = None
    ) -> None:
        """Copy the files into the archive as one undoable step; `progress` gets 1, 2, … 2n."""
        step = progress or (lambda _done: None)
        for done, path in enumerate(paths, start=1):  # each readable, none too large: first
            try:
                check_attachment_size(path.stat().st_size, path.name)
            except OSError as error:  # AttachmentTooLarge among them
                self.report_failure(self.tr("Add attachment"), error, path)
                return
            step(done)
        self.undo_stack.beginMacro(self.tr("Add attachments"))
        for done, path in enumerate(paths, start=len(paths) + 1):
            attachment = Attachment(item_id=item_id, title=path.stem, filename=path.name)
            self.undo_stack.push(AddAttachment(self, attachment, path))
            step(done)
        self.undo_stack.endMacro()

    def delete_attachment(self, attachment_id: int) -> None:
        self.undo_stack.push(DeleteAttachment(self, attachment_id))

    def edit_attachment(self, attachment: Attachment, field: str, value: Any) -> None:
        value = clean_line(value) if field == "title" else value
        if field == "title" and not value:
            return  # an attachment keeps a title, as the exchange format requires
        if getattr(attachment, field) != value:
            self.undo_stack.push(EditAttachmentField(self, attachment, field, value))

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

    # Messages

    # Another program holding the archive

    def command_failed(self, command: StoreCommand, error: Exception) -> None:
        """A typed edit that failed because the archive is busy waits and is tried again,
        with one message for the whole wait; any other failure is reported."""
        retry = command.retry_later() if isinstance(error, ArchiveBusy) else None
        if retry is None:
            self.report_failure(command.text(), error)
            return
        key, value = retry
        if not self._waiting:
            self._retry.start()
            self.archiveBusy.emit(True)
        self._waiting.setdefault(key, value)

    def has_waiting_edits(self) -> bool:
        return bool(self._waiting)

    def save_waiting(self) -> None:
        """Write the edits that waited, once the archive is free (asked without waiting)."""
        if not self._waiting or not self.archive.db.write_lock_free():
            return
        waiting, self._waiting = self._waiting, {}
        self._retry.stop()
        for (kind, owner, field), value in waiting.items():
            if kind == "item":
                self.edit_item_field(owner, field, value)
            elif self.meeting is not None and self.meeting.id == owner:
                self.edit_meeting_field(field, value)
            else:
                self._edit_other_meeting(owner, field, value)
        if not self._waiting:
            self.archiveBusy.emit(False)

    def _edit_other_meeting(self, meeting_id: int, field: str, value: Any) -> None:
        old = getattr(self.archive.meetings.get(meeting_id), field)
        self.undo_stack.push(EditMeetingField(self, meeting_id, field, old, value))

    def report_failure(self, action: str, error: Exception, path: Path | None = None) -> None:
        where = f" ({path})" if path else ""
        message = self.tr("%1 failed%2: %3. Nothing was changed.")
        reason = self._in_words(error)
        self.failed.emit(message.replace("%1", action).replace("%2", where).replace("%3", reason))

    def _in_words(self, error: Exception) -> str:
        if isinstance(error, DiskFull):
            return self.tr("the disk is full")
        if isinstance(error, StoreError):
            return error.reason  # SQLite's "database is locked" as the store says it
        if isinstance(error, OSError):
            return os_error_reason(error)
        return str(error)

    def field_edit_text(self, field: str) -> str:
        """The undo step's name: "Edit title", "Edit Indstilling"."""
        key = section_key(field)
        if key is not None:
            section = self.layout.section(key)
            return self.tr("Edit %1").replace("%1", section.name if section else key)
        names = {
            "title": self.tr("Edit title"),
            "public_title": self.tr("Edit public title"),
            "closed": self.tr("Change open/closed"),
            "case_id": self.tr("Edit case ID"),
            "presenter": self.tr("Edit presenter"),
            "planned_start": self.tr("Edit planned start"),
            "duration_minutes": self.tr("Edit duration"),
            "chair_notes": self.tr("Edit internal notes"),
        }
        return names.get(field, self.tr("Edit item"))


@contextlib.contextmanager
def busy() -> Iterator[None]:
    """The wait cursor while an edit that may take a while is written."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
