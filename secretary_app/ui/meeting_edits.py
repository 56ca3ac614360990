"""The open meeting and its agenda model, and the edits of meetings, committees and item layouts,
turned into undo commands on the session's stack."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from secretary_app.core.danish_dates import clock
from secretary_app.core.item_layout import DEFAULT_LAYOUT, ItemLayout
from secretary_app.core.model import Item, Meeting
from secretary_app.core.schedule import end_after_moved_start, end_problem
from secretary_app.core.text import clean_line
from secretary_app.ui.agenda_model import AgendaModel
from secretary_app.ui.commands import (
    AddMeeting,
    DeleteMeeting,
    EditMeetingField,
    SetCommittee,
    SetDefaultLayout,
    SetLayoutEverywhere,
)
from secretary_app.ui.edit_session import EditSession, busy

if TYPE_CHECKING:
    from secretary_app.store.committee_setup import CommitteeSetup

MEETING_LINE_FIELDS = ("title", "location")


class MeetingEdits(QObject):
    meetingOpened = Signal(int)
    meetingFieldChanged = Signal(int, str)
    meetingsChanged = Signal(int, int)  # committee id; the meeting to show, or 0
    committeesChanged = Signal(int)  # committee id
    layoutsChanged = Signal()  # item layouts of several committees at once

    def __init__(self, session: EditSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.archive = session, session.archive
        self.agenda_model = AgendaModel(self)
        self.meeting: Meeting | None = None
        self.layout: ItemLayout = DEFAULT_LAYOUT  # the open meeting's item layout
        session.show_meeting = self.show_meeting
        session.on_replay("meeting", self._replay)
        self.committeesChanged.connect(self._committee_changed)
        self.layoutsChanged.connect(self._show_layout_anew)

    # The open meeting

    def open_meeting(self, meeting_id: int | None) -> None:
        self.session.flushRequested.emit()
        self.meeting = self.archive.meetings.get(meeting_id) if meeting_id else None
        self.layout = self.archive.layouts.of_meeting(meeting_id) if meeting_id else DEFAULT_LAYOUT
        items = self.archive.items.for_meeting(meeting_id) if meeting_id else []
        first_number = self.meeting.first_number if self.meeting else 1
        self.agenda_model.set_meeting(meeting_id, first_number, items)
        self.meetingOpened.emit(meeting_id or 0)

    def show_meeting(self, meeting_id: int) -> None:
        """Open the meeting an undo or redo is about to change, so the user sees it happen."""
        if self.agenda_model.meeting_id != meeting_id:
            self.open_meeting(meeting_id)

    def refresh_meeting(self, meeting_id: int) -> None:
        if self.meeting is not None and self.meeting.id == meeting_id:
            self.meeting = self.archive.meetings.get(meeting_id)
            self.agenda_model.set_first_number(self.meeting.first_number)

    def _committee_changed(self, committee_id: int) -> None:
        """The open meeting's committee changed, its item layout perhaps: show it anew."""
        if self.meeting is not None and self.meeting.committee_id == committee_id:
            self._show_layout_anew()

    def _show_layout_anew(self) -> None:
        """Open the meeting again when its layout changed (texts may have moved with it)."""
        meeting = self.meeting
        if meeting is not None and self.archive.layouts.of_meeting(meeting.id or 0) != self.layout:
            self.open_meeting(meeting.id)

    # Meetings

    def add_meeting(self, meeting: Meeting, items: list[Item]) -> None:
        self.session.flushRequested.emit()
        self.session.push(AddMeeting(self, meeting, items))

    def delete_meeting(self, meeting_id: int) -> None:
        self.session.flushRequested.emit()
        self.session.push(DeleteMeeting(self, meeting_id))

    def edit_meeting_field(self, field: str, value: Any) -> None:
        if self.meeting is None or self.meeting.id is None:
            return
        if self.session.wait_behind(("meeting", self.meeting.id, field), value):
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
            self.session.failed.emit(
                message.replace("%1", clock(value)).replace("%2", clock(start))
            )
            return
        commands = [
            EditMeetingField(self, self.meeting.id, name, getattr(self.meeting, name), new)
            for name, new in changes.items()
            if getattr(self.meeting, name) != new
        ]
        moved_both = len(commands) > 1  # the start moved past the end: one step moves both
        with self.session.macro(commands[0].text()) if moved_both else contextlib.nullcontext():
            for command in commands:
                self.session.push(command)

    def _replay(self, meeting_id: int, field: str, value: Any) -> None:
        """A typed edit that waited for the archive, written now."""
        if self.meeting is not None and self.meeting.id == meeting_id:
            self.edit_meeting_field(field, value)
            return
        old = getattr(self.archive.meetings.get(meeting_id), field)
        self.session.push(EditMeetingField(self, meeting_id, field, old, value))

    # Committees and item layouts

    def set_committee(self, old: CommitteeSetup | None, new: CommitteeSetup) -> None:
        """Add a committee (old None) or change one, as an undoable edit."""
        self.session.flushRequested.emit()
        with busy():  # a new layout moves texts: about 1 s for a committee's ten years
            self.session.push(SetCommittee(self, old, new))

    def use_layout_everywhere(
        self, layout: ItemLayout, moves: dict[str, str], saved: dict[str, ItemLayout | None]
    ) -> None:
        """Every committee gets the item layout (and new ones start with it), with the layouts
        saved on the way, as one undoable edit."""
        self.session.flushRequested.emit()
        with busy():  # every committee's texts: about 15 s on a 10-year archive
            self.session.push(SetLayoutEverywhere(self, layout, moves, saved))

    def set_default_layout(self, layout: ItemLayout, saved: dict[str, ItemLayout | None]) -> None:
        """The layout new committees start with, and the layouts saved on the way: undoable."""
        self.session.flushRequested.emit()
        self.session.push(SetDefaultLayout(self, layout, saved))
