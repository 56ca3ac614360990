"""Every edit as an undoable command: the archive first, the model only if that worked."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from secretary_app.core.item_fields import section_field
from secretary_app.core.item_layout import ItemLayout
from secretary_app.core.model import DECISION_KEY, Attachment, Item, ItemSnapshot, Meeting
from secretary_app.store import committee_setup
from secretary_app.store.errors import StoreError

if TYPE_CHECKING:
    from secretary_app.store.archive import Archive
    from secretary_app.store.case_history import Postponement
    from secretary_app.store.committee_setup import CommitteeSetup, SetupWritten
    from secretary_app.store.layouts import LayoutChange
    from secretary_app.store.meetings import MeetingSnapshot
    from secretary_app.ui.attachment_edits import AttachmentEdits
    from secretary_app.ui.edit_session import EditSession
    from secretary_app.ui.item_edits import ItemEdits
    from secretary_app.ui.meeting_edits import MeetingEdits

MERGE_WINDOW_SECONDS = 3.0
_EDIT_ITEM_FIELD_ID = 1001
_EDIT_MEETING_FIELD_ID = 1002


class StoreCommand(QUndoCommand):
    """A command whose archive write may fail: then it is dropped and the user told."""

    def __init__(self, session: EditSession, text: str, meeting_id: int | None = None) -> None:
        super().__init__(text)
        self.session, self.archive = session, session.archive
        self.meeting_id = meeting_id  # shown before the command acts on its agenda

    def redo(self) -> None:
        self._guarded(self.do)

    def undo(self) -> None:
        self._guarded(self.undo_it)

    def do(self) -> None:
        raise NotImplementedError

    def undo_it(self) -> None:
        raise NotImplementedError

    def _guarded(self, action: Callable[[], None]) -> None:
        try:
            if self.meeting_id is not None:
                self.session.show_meeting(self.meeting_id)
            action()
        except (StoreError, OSError, KeyError, LookupError) as error:
            self.setObsolete(True)
            self.session.command_failed(self, error)

    def retry_later(self) -> tuple[tuple[str, int, str], Any] | None:
        """What to write again when the archive is free, if it failed for being busy: the
        field (kind, id, name) and its value; None for a command that is not tried again."""
        return None


class AddItem(StoreCommand):
    def __init__(self, items: ItemEdits, item: Item, row: int) -> None:
        text = QCoreApplication.translate("ItemEdits", "Add item")
        super().__init__(items.session, text, item.meeting_id)
        self.items, self.item, self.row = items, item, row
        self.snapshot: ItemSnapshot | None = None

    def do(self) -> None:
        if self.snapshot is None:
            self.archive.items.add(self.item, self.row)
        else:
            self.archive.items.restore(self.snapshot)
        self.items.agenda_model.insert_item(self.row, self.item)
        self.items.itemAdded.emit(self.item.id or 0)

    def undo_it(self) -> None:
        self.snapshot = self.archive.items.delete(self.item.id or 0)
        self.item = self.snapshot.item
        self.items.agenda_model.remove_row(self.row)


class DeleteItem(StoreCommand):
    def __init__(self, items: ItemEdits, item_id: int) -> None:
        text = QCoreApplication.translate("ItemEdits", "Delete item")
        super().__init__(items.session, text, items.agenda_model.meeting_id)
        self.items, self.item_id = items, item_id
        self.snapshot: ItemSnapshot | None = None

    def do(self) -> None:
        row = self.items.agenda_model.row_of(self.item_id)
        self.snapshot = self.archive.items.delete(self.item_id)
        self.items.agenda_model.remove_row(row)

    def undo_it(self) -> None:
        assert self.snapshot is not None
        item = self.archive.items.restore(self.snapshot)
        self.items.agenda_model.insert_item(item.position, item)
        self.items.itemAdded.emit(self.item_id)


class MoveItem(StoreCommand):
    def __init__(self, items: ItemEdits, item_id: int, destination: int) -> None:
        text = QCoreApplication.translate("ItemEdits", "Move item")
        super().__init__(items.session, text, items.agenda_model.meeting_id)
        self.items, self.item_id, self.destination = items, item_id, destination
        self.source = items.agenda_model.row_of(item_id)

    def do(self) -> None:
        self._move(self.source, self.destination)

    def undo_it(self) -> None:
        self._move(self.destination, self.source)

    def _move(self, source: int, destination: int) -> None:
        self.archive.items.move(self.item_id, destination)
        self.items.agenda_model.move_row(source, destination)
        self.items.itemMoved.emit(self.item_id)


class FieldEdit(StoreCommand):
    """One field set from `old` to `new`; quick successive edits of the same field merge."""

    def __init__(
        self, session: EditSession, text: str, meeting_id: int | None, old: Any, new: Any
    ) -> None:
        super().__init__(session, text, meeting_id)
        self.old, self.new = old, new
        self.at = time.monotonic()

    def key(self) -> tuple[object, ...]:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def do(self) -> None:
        self.set_value(self.new)

    def undo_it(self) -> None:
        self.set_value(self.old)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if type(other) is not type(self) or self.isObsolete() or other.isObsolete():
            return False
        assert isinstance(other, FieldEdit)
        if other.key() != self.key() or other.at - self.at > MERGE_WINDOW_SECONDS:
            return False
        self.new, self.at = other.new, other.at
        self.setObsolete(self.new == self.old)
        return True


class EditItemField(FieldEdit):
    def __init__(self, items: ItemEdits, item_id: int, field: str, old: Any, new: Any) -> None:
        text = items.field_edit_text(field)
        super().__init__(items.session, text, items.agenda_model.meeting_id, old, new)
        self.items, self.item_id, self.field = items, item_id, field

    def key(self) -> tuple[object, ...]:
        return (self.item_id, self.field)

    def set_value(self, value: Any) -> None:
        self.archive.items.update_field(self.item_id, self.field, value)
        self.items.agenda_model.update_item(self.item_id, self.field, value)
        self.items.itemFieldChanged.emit(self.item_id, self.field)

    def retry_later(self) -> tuple[tuple[str, int, str], Any]:
        return ("item", self.item_id, self.field), self.new

    def id(self) -> int:
        return _EDIT_ITEM_FIELD_ID


class EditMeetingField(FieldEdit):
    def __init__(
        self, meetings: MeetingEdits, meeting_id: int, field: str, old: Any, new: Any
    ) -> None:
        text = QCoreApplication.translate("MeetingEdits", "Change meeting")
        super().__init__(meetings.session, text, None, old, new)
        self.meetings, self.meeting_id, self.field = meetings, meeting_id, field

    def key(self) -> tuple[object, ...]:
        return (self.meeting_id, self.field)

    def retry_later(self) -> tuple[tuple[str, int, str], Any]:
        return ("meeting", self.meeting_id or 0, self.field), self.new

    def set_value(self, value: Any) -> None:
        assert self.meeting_id is not None
        self.archive.meetings.update_field(self.meeting_id, self.field, value)
        self.meetings.refresh_meeting(self.meeting_id)
        self.meetings.meetingFieldChanged.emit(self.meeting_id, self.field)

    def id(self) -> int:
        return _EDIT_MEETING_FIELD_ID


class AddAttachment(StoreCommand):
    """A file copied into the archive, read from its place; undone, its content is kept
    spooled (a large one in a temporary file, not in memory) for a redo."""

    def __init__(self, attachments: AttachmentEdits, attachment: Attachment, source: Path) -> None:
        text = QCoreApplication.translate("AttachmentEdits", "Add attachment")
        super().__init__(attachments.session, text)
        self.attachments = attachments
        self.attachment, self.source = attachment, source
        self.removed: IO[bytes] | None = None

    def do(self) -> None:
        if self.removed is not None:
            self.archive.attachments.restore(self.attachment, self.removed)
            self.removed = None
        else:
            self.archive.attachments.add_file(self.attachment, self.source)
        self.attachments.attachmentsChanged.emit(self.attachment.item_id)

    def undo_it(self) -> None:
        _, self.removed = self.archive.attachments.delete(self.attachment.id or 0)
        self.attachments.attachmentsChanged.emit(self.attachment.item_id)


class DeleteAttachment(StoreCommand):
    def __init__(self, attachments: AttachmentEdits, attachment_id: int) -> None:
        text = QCoreApplication.translate("AttachmentEdits", "Delete attachment")
        super().__init__(attachments.session, text)
        self.attachments = attachments
        self.attachment_id = attachment_id
        self.deleted: tuple[Attachment, IO[bytes]] | None = None  # content spooled

    def do(self) -> None:
        self.deleted = self.archive.attachments.delete(self.attachment_id)
        self.attachments.attachmentsChanged.emit(self.deleted[0].item_id)

    def undo_it(self) -> None:
        assert self.deleted is not None
        self.archive.attachments.restore(*self.deleted)
        self.attachments.attachmentsChanged.emit(self.deleted[0].item_id)


class EditAttachmentField(StoreCommand):
    def __init__(
        self, attachments: AttachmentEdits, attachment: Attachment, field: str, new: Any
    ) -> None:
        text = QCoreApplication.translate("AttachmentEdits", "Change attachment")
        super().__init__(attachments.session, text)
        self.attachments = attachments
        self.attachment_id, self.item_id = attachment.id or 0, attachment.item_id
        self.field, self.old, self.new = field, getattr(attachment, field), new

    def do(self) -> None:
        self._set(self.new)

    def undo_it(self) -> None:
        self._set(self.old)

    def _set(self, value: Any) -> None:
        self.archive.attachments.update_field(self.attachment_id, self.field, value)
        self.attachments.attachmentsChanged.emit(self.item_id)


class PostponeItem(StoreCommand):
    """The item copied to the committee's next meeting, linked back; "Udsat." here if empty."""

    def __init__(self, items: ItemEdits, item_id: int, meeting_id: int) -> None:
        text = QCoreApplication.translate("ItemEdits", "Move to the next meeting")
        super().__init__(items.session, text, meeting_id)
        self.items, self.item_id = items, item_id
        self.postponement: Postponement | None = None

    def do(self) -> None:
        from secretary_app.store import case_history  # imported when needed: a faster start

        if self.postponement is None:
            self.postponement = case_history.postpone(self.archive, self.item_id)
            if self.postponement is None:
                raise LookupError("udvalget har intet senere møde")
        else:
            case_history.put_back(self.archive, self.postponement)
        self._show_decision()

    def undo_it(self) -> None:
        from secretary_app.store import case_history

        assert self.postponement is not None
        case_history.take_back(self.archive, self.postponement)
        self._show_decision()

    def _show_decision(self) -> None:
        decision = self.archive.items.get(self.item_id).decision
        field = section_field(DECISION_KEY)
        self.items.agenda_model.update_item(self.item_id, field, decision)
        self.items.itemFieldChanged.emit(self.item_id, field)


class AddMeeting(StoreCommand):
    """A new meeting with its first agenda; undone, it is deleted, and redone, put back."""

    def __init__(self, meetings: MeetingEdits, meeting: Meeting, items: list[Item]) -> None:
        text = QCoreApplication.translate("MeetingEdits", "New meeting")
        super().__init__(meetings.session, text)
        self.meetings, self.meeting, self.items = meetings, meeting, items
        self.snapshot: MeetingSnapshot | None = None

    def do(self) -> None:
        if self.snapshot is None:
            self.archive.meetings.create(self.meeting, self.items)
        else:
            self.archive.meetings.restore(self.snapshot)
        self.meetings.meetingsChanged.emit(self.meeting.committee_id, self.meeting.id or 0)

    def undo_it(self) -> None:
        self.snapshot = _delete_meeting(self.archive, self.meetings, self.meeting.id or 0)


class DeleteMeeting(StoreCommand):
    def __init__(self, meetings: MeetingEdits, meeting_id: int) -> None:
        text = QCoreApplication.translate("MeetingEdits", "Delete meeting")
        super().__init__(meetings.session, text)
        self.meetings = meetings
        self.deleted_id = meeting_id  # not `meeting_id`: that one is opened before acting
        self.snapshot: MeetingSnapshot | None = None

    def do(self) -> None:
        self.snapshot = _delete_meeting(self.archive, self.meetings, self.deleted_id)

    def undo_it(self) -> None:
        assert self.snapshot is not None
        self.archive.meetings.restore(self.snapshot)
        self.meetings.meetingsChanged.emit(self.snapshot.committee_id, self.deleted_id)


def _delete_meeting(archive: Archive, meetings: MeetingEdits, meeting_id: int) -> MeetingSnapshot:
    snapshot = archive.meetings.delete(meeting_id)  # first: it may be refused
    if meetings.meeting is not None and meetings.meeting.id == meeting_id:
        meetings.open_meeting(None)
    meetings.meetingsChanged.emit(snapshot.committee_id, 0)
    return snapshot


class SetCommittee(StoreCommand):
    """A committee added (`old` None) or changed as its dialog left it: its item layout too,
    with the texts a changed layout moved, and the layouts saved from its dialog."""

    def __init__(
        self, meetings: MeetingEdits, old: CommitteeSetup | None, new: CommitteeSetup
    ) -> None:
        text = (
            QCoreApplication.translate("MeetingEdits", "New committee")
            if old is None
            else QCoreApplication.translate("MeetingEdits", "Change committee")
        )
        super().__init__(meetings.session, text)
        self.meetings, self.old, self.new = meetings, old, new
        self.written: SetupWritten | None = None

    def do(self) -> None:
        adding = self.old is None
        self.written = committee_setup.write_setup(self.archive, self.new, adding=adding)
        committee = self.written.committee
        self.new.committee.id = committee.id  # a new committee keeps its id when redone
        self.meetings.committeesChanged.emit(committee.id or 0)

    def undo_it(self) -> None:
        assert self.written is not None
        archive, committee_id = self.archive, self.new.committee.id or 0
        with archive.db.atomic():
            if self.old is None:
                committee_setup.delete_committee(archive, committee_id)
            else:
                committee_setup.write_setup(archive, self.old, restore=self.written.texts)
            committee_setup.save_layouts(archive, self.written.saved_before)
        self.meetings.committeesChanged.emit(committee_id)


class SetDefaultLayout(StoreCommand):
    """The layout new committees start with, and layouts saved from Settings."""

    def __init__(
        self, meetings: MeetingEdits, layout: ItemLayout, saved: dict[str, ItemLayout | None]
    ) -> None:
        text = QCoreApplication.translate("MeetingEdits", "Item layout for new committees")
        super().__init__(meetings.session, text)
        self.meetings, self.layout, self.saved = meetings, layout, saved
        self.default_before = self.archive.layouts.default()
        self.saved_before: dict[str, ItemLayout | None] = {}

    def do(self) -> None:
        with self.archive.db.atomic():
            self.saved_before = committee_setup.save_layouts(self.archive, self.saved)
            self.archive.layouts.set_default(self.layout)

    def undo_it(self) -> None:
        with self.archive.db.atomic():
            committee_setup.save_layouts(self.archive, self.saved_before)
            self.archive.layouts.set_default(self.default_before)


class SetLayoutEverywhere(SetDefaultLayout):
    """Every committee given one item layout, with the texts it moves; undone, each committee
    gets its own layout and texts back, and new committees the default of before."""

    def __init__(
        self,
        meetings: MeetingEdits,
        layout: ItemLayout,
        moves: dict[str, str],
        saved: dict[str, ItemLayout | None],
    ) -> None:
        super().__init__(meetings, layout, saved)
        self.setText(QCoreApplication.translate("MeetingEdits", "Item layout for every committee"))
        self.moves = moves
        self.changes: list[LayoutChange] = []

    def do(self) -> None:
        with self.archive.db.atomic():
            self.changes = self.archive.layouts.use_everywhere(self.layout, self.moves)
            super().do()
        self.meetings.layoutsChanged.emit()

    def undo_it(self) -> None:
        with self.archive.db.atomic():
            self.archive.layouts.restore_everywhere(self.changes, self.default_before)
            super().undo_it()
        self.meetings.layoutsChanged.emit()
