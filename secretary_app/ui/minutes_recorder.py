"""What the secretary records during the meeting, turned into undo commands: attendance, each
item's absences, dissent notes, votes and reservations, decision phrases and the time the
meeting ended.

Like the meeting and item edits it serves, it holds no widgets: the views ask it, and it pushes
commands onto the session's one undo stack.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Signal

from secretary_app.core.attendance import (
    AttendanceSheet,
    attendance_entries,
    attendance_sheet,
    present_members,
)
from secretary_app.core.decision_phrases import decision_with_phrase, phrase_for_key
from secretary_app.core.item_fields import section_field
from secretary_app.core.model import (
    DECISION_KEY,
    DEFAULT_DECISION_PHRASES,
    AttendanceEntry,
    Dissent,
    ItemAbsence,
    ItemRecords,
    Reservation,
    Vote,
)
from secretary_app.ui.edit_session import EditSession
from secretary_app.ui.item_edits import ItemEdits
from secretary_app.ui.meeting_edits import MeetingEdits
from secretary_app.ui.record_commands import SetAttendance, SetItemRecords


class MinutesRecorder(QObject):
    attendanceChanged = Signal(int)  # meeting id
    recordsChanged = Signal(int)  # item id

    def __init__(
        self,
        session: EditSession,
        meetings: MeetingEdits,
        items: ItemEdits,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.meetings, self.items = session, meetings, items
        self.archive = session.archive
        self.clock: Callable[[], dt.datetime] = dt.datetime.now  # tests put a fixed clock here

    def meeting_id(self) -> int | None:
        return self.meetings.meeting.id if self.meetings.meeting else None

    # Attendance

    def attendance(self) -> list[AttendanceEntry]:
        meeting_id = self.meeting_id()
        return self.archive.meetings.attendance(meeting_id) if meeting_id else []

    def attendance_sheet(self) -> AttendanceSheet:
        meeting = self.meetings.meeting
        if meeting is None or meeting.id is None:
            return AttendanceSheet()
        members = self.archive.committees.members(meeting.committee_id)
        return attendance_sheet(meeting.id, members, self.attendance())

    def set_attendance(self, sheet: AttendanceSheet) -> None:
        meeting_id = self.meeting_id()
        if not meeting_id:
            return
        old, new = self.attendance(), attendance_entries(meeting_id, sheet)
        if _comparable(old) != _comparable(new):
            self.session.flushRequested.emit()
            self.session.push(SetAttendance(self, meeting_id, old, new))

    def present_members(self) -> list[str]:
        meeting = self.meetings.meeting
        if meeting is None:
            return []
        members = self.archive.committees.members(meeting.committee_id)
        return present_members(self.attendance(), members)

    # Per item: absences, dissent notes, votes

    def records(self, item_id: int) -> ItemRecords:
        return self.archive.records.item_records(item_id)

    def set_absences(self, item_id: int, absences: Sequence[ItemAbsence]) -> None:
        self._set(item_id, "absences", self.archive.records.absences(item_id), absences)

    def set_dissents(self, item_id: int, dissents: Sequence[Dissent]) -> None:
        self._set(item_id, "dissents", self.archive.records.dissents(item_id), dissents)

    def set_votes(self, item_id: int, votes: Sequence[Vote]) -> None:
        self._set(item_id, "votes", self.archive.records.votes(item_id), votes)

    def set_reservations(self, item_id: int, reservations: Sequence[Reservation]) -> None:
        old = self.archive.records.reservations(item_id)
        self._set(item_id, "reservations", old, reservations)

    def _set(self, item_id: int, kind: str, old: Sequence[Any], new: Sequence[Any]) -> None:
        if self.items.item(item_id) is not None and _comparable(old) != _comparable(new):
            self.session.flushRequested.emit()
            self.session.push(SetItemRecords(self, item_id, kind, old, new))

    def change_text(self, kind: str) -> str:
        texts = {
            "absences": self.tr("Change who was not present during the item"),
            "dissents": self.tr("Change dissent notes"),
            "votes": self.tr("Change votes"),
            "reservations": self.tr("Change reservations"),
        }
        return texts[kind]

    # Decisions and the end of the meeting

    def phrases(self) -> list[str]:
        meeting = self.meetings.meeting
        if meeting is None:
            return list(DEFAULT_DECISION_PHRASES)
        return self.archive.records.phrases(meeting.committee_id)

    def insert_phrase(self, item_id: int, key: int) -> bool:
        """Put phrase number `key` into the item's decision, as one undoable edit."""
        phrase = phrase_for_key(self.phrases(), key)
        if phrase is None:
            return False
        self.session.flushRequested.emit()
        item = self.items.item(item_id)
        if item is None:
            return False
        decision = decision_with_phrase(item.decision, phrase)
        self.items.edit_item_field(item_id, section_field(DECISION_KEY), decision)
        return True

    def record_end(self, ended_at: dt.time) -> None:
        self.session.flushRequested.emit()
        self.meetings.edit_meeting_field("ended_at", ended_at)


def _comparable(records: Sequence[Any]) -> list[Any]:
    """Records as the user sees them: without the numbers the archive gives them."""
    return [replace(record, id=None, position=0) for record in records]
