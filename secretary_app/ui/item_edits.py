"""The edits of the open meeting's items, turned into undo commands on the session's stack:
adding, deleting, moving, their fields, their case history and postponing them."""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from secretary_app.core.case_ids import check_case_id
from secretary_app.core.item_fields import LINE_FIELDS, section_field, section_key, value_of
from secretary_app.core.item_layout import ItemLayout
from secretary_app.core.model import Item, Meeting
from secretary_app.core.schedule import planned_starts
from secretary_app.core.text import clean_line
from secretary_app.ui.agenda_model import AgendaModel
from secretary_app.ui.commands import AddItem, DeleteItem, EditItemField, MoveItem, PostponeItem
from secretary_app.ui.edit_session import EditSession


class OpenMeeting(Protocol):
    """What the item edits read of the open meeting (ui.meeting_edits.MeetingEdits)."""

    @property
    def meeting(self) -> Meeting | None: ...

    @property
    def layout(self) -> ItemLayout: ...

    @property
    def agenda_model(self) -> AgendaModel: ...


class ItemEdits(QObject):
    itemAdded = Signal(int)
    itemMoved = Signal(int)
    itemFieldChanged = Signal(int, str)

    def __init__(
        self, session: EditSession, open_meeting: OpenMeeting, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session, self.archive = session, session.archive
        self.open_meeting = open_meeting
        self.agenda_model = open_meeting.agenda_model
        self.agenda_model.moveRequested.connect(self.move_item)
        session.on_replay("item", self.edit_item_field)

    def item(self, item_id: int) -> Item | None:
        return self.agenda_model.item_at(self.agenda_model.row_of(item_id))

    def proposed_start(self, item_id: int) -> dt.time | None:
        """When the item would start by the agenda's plan (the meeting's start, and the items
        before it with their times); None when the plan does not reach it."""
        meeting, row = self.open_meeting.meeting, self.agenda_model.row_of(item_id)
        if meeting is None or row < 0:
            return None
        return planned_starts(meeting.starts_at, self.agenda_model.items())[row]

    def add_item(self, row: int | None = None, title: str = "") -> None:
        meeting = self.open_meeting.meeting
        if meeting is None or meeting.id is None:
            return
        self.session.flushRequested.emit()
        count = self.agenda_model.rowCount()
        row = count if row is None else max(0, min(row, count))
        item = Item(meeting_id=meeting.id, title=clean_line(title) or self.tr("New item"))
        self.session.push(AddItem(self, item, row))

    def delete_item(self, item_id: int) -> None:
        if self.agenda_model.row_of(item_id) >= 0:
            self.session.flushRequested.emit()
            self.session.push(DeleteItem(self, item_id))

    def move_item(self, item_id: int, destination: int) -> None:
        last = self.agenda_model.rowCount() - 1
        destination = max(0, min(destination, last))
        if self.agenda_model.row_of(item_id) not in (-1, destination):
            self.session.flushRequested.emit()
            self.session.push(MoveItem(self, item_id, destination))

    def move_item_by(self, item_id: int, delta: int) -> None:
        self.move_item(item_id, self.agenda_model.row_of(item_id) + delta)

    # Fields

    def edit_item_field(self, item_id: int, field: str, value: Any) -> None:
        if self.session.wait_behind(("item", item_id, field), value):
            return  # the archive is busy: this waits behind what waits already
        item = self.item(item_id)
        if item is None:
            return
        value = clean_line(value) if field in LINE_FIELDS else value
        if field == "title" and not value:
            return  # an item keeps its last title while the field is emptied to retype it
        old = value_of(item, field)
        if old != value:
            self.session.push(EditItemField(self, item_id, field, old, value))
            if field == "case_id":
                self.follow_case_history(item_id, old)

    def case_id_warning(self, case_id: str) -> str:
        return check_case_id(case_id, self.archive.settings.get("case_id_pattern")).message

    def field_edit_text(self, field: str) -> str:
        """The undo step's name: "Edit title", "Edit Indstilling"."""
        key = section_key(field)
        if key is not None:
            section = self.open_meeting.layout.section(key)
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

    # Case history and postponed items (issue 4)

    def follow_case_history(self, item_id: int, old_case_id: str) -> None:
        """After a new case ID: the history section ("Tidligere beslutninger") becomes its
        history, as an undo step of its own, while it is empty or still the old case ID's
        history (not written by hand)."""
        from secretary_app.store.case_history import history_for  # when needed: a faster start

        item, section = self.item(item_id), self.open_meeting.layout.history
        if item is None or section is None or item.case_id == old_case_id:
            return
        shown = item.text(section.key)
        if shown.strip() and shown != history_for(self.archive, old_case_id, item.meeting_id):
            return
        history = history_for(self.archive, item.case_id, item.meeting_id)
        if history != shown:
            field = section_field(section.key)
            self.session.push(EditItemField(self, item_id, field, shown, history))

    def postponed_to(self, item_id: int) -> Meeting | None:
        """The meeting the item was moved to already, or None."""
        from secretary_app.store.case_history import postponed_to  # a faster start

        meeting_id = postponed_to(self.archive, item_id)
        return self.archive.meetings.get(meeting_id) if meeting_id is not None else None

    def postpone_item(self, item_id: int) -> Meeting | None:
        """Move the item to its committee's next meeting, one undo step; that meeting, or None
        (and nothing changed) when the committee has no later meeting."""
        self.session.flushRequested.emit()
        item = self.item(item_id)
        target = self.archive.meetings.next_after(item.meeting_id) if item else None
        if target is not None and item is not None:
            self.session.push(PostponeItem(self, item_id, item.meeting_id))
        return target
