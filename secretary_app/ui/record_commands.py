"""Undo commands for what is recorded at the meeting: attendance, and per item the absences,
dissent notes, votes and reservations. Each replaces one whole list: the archive first, then the
screen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from secretary_app.core.model import AttendanceEntry
from secretary_app.ui.commands import StoreCommand

if TYPE_CHECKING:
    from secretary_app.ui.minutes_recorder import MinutesRecorder

ITEM_RECORD_KINDS = ("absences", "dissents", "votes", "reservations")


def copies(records: Sequence[Any]) -> list[Any]:
    """The store numbers what it writes (id, position): it gets copies; the command keeps its
    own."""
    return [replace(record) for record in records]


class SetAttendance(StoreCommand):
    def __init__(
        self,
        recorder: MinutesRecorder,
        meeting_id: int,
        old: list[AttendanceEntry],
        new: list[AttendanceEntry],
    ) -> None:
        text = QCoreApplication.translate("MinutesRecorder", "Change attendance")
        super().__init__(recorder.session, text, meeting_id)
        self.recorder, self.old, self.new = recorder, copies(old), copies(new)

    def do(self) -> None:
        self._set(self.new)

    def undo_it(self) -> None:
        self._set(self.old)

    def _set(self, entries: list[AttendanceEntry]) -> None:
        assert self.meeting_id is not None
        self.archive.meetings.set_attendance(self.meeting_id, copies(entries))
        self.recorder.attendanceChanged.emit(self.meeting_id)


class SetItemRecords(StoreCommand):
    """One item's absences, dissent notes, votes or reservations (`kind`), replaced as a whole
    list."""

    def __init__(
        self,
        recorder: MinutesRecorder,
        item_id: int,
        kind: str,
        old: Sequence[Any],
        new: Sequence[Any],
    ) -> None:
        if kind not in ITEM_RECORD_KINDS:
            raise ValueError(f"unknown kind of item record: {kind}")
        super().__init__(recorder.session, recorder.change_text(kind), recorder.meeting_id())
        self.recorder, self.item_id, self.kind = recorder, item_id, kind
        self.old, self.new = copies(old), copies(new)

    def do(self) -> None:
        self._set(self.new)

    def undo_it(self) -> None:
        self._set(self.old)

    def _set(self, records: list[Any]) -> None:
        setter = getattr(self.archive.records, f"set_{self.kind}")
        setter(self.item_id, copies(records))
        self.recorder.recordsChanged.emit(self.item_id)
