"""A new meeting for a committee: date, time, place, and what its agenda starts from."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from secretary_app.core.danish_dates import short_date
from secretary_app.core.model import Committee, Meeting
from secretary_app.core.schedule import MeetingProposal, end_after_moved_start, usual_meeting
from secretary_app.core.text import MAX_LINE, clean_line
from secretary_app.ui.date_fields import DateField, TimeField

STANDING_ITEMS = -1
EMPTY = 0


class NewMeetingDialog(QDialog):
    def __init__(
        self, committee: Committee, earlier: list[Meeting], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.committee = committee
        self.setWindowTitle(self.tr("New meeting in %1").replace("%1", committee.name))
        form = QFormLayout(self)
        usual = _usual_meeting(committee, earlier)
        self.date = DateField(self)
        self.date.setDate(QDate(usual.date.year, usual.date.month, usual.date.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dddd 'den' d. MMMM yyyy")
        self.starts_at, self.ends_at = TimeField(self), TimeField(self)
        self.starts_at.setTime(QTime(usual.starts_at.hour, usual.starts_at.minute))
        self.ends_at.setTime(QTime(usual.ends_at.hour, usual.ends_at.minute))
        for edit in (self.starts_at, self.ends_at):
            edit.setDisplayFormat("HH.mm")
        self.ends_at.setMinimumTime(self.starts_at.time())
        self._start = _time(self.starts_at.time())
        self.starts_at.timeChanged.connect(self._start_moved)
        self.location = QLineEdit(usual.location, self)
        self.location.setMaxLength(MAX_LINE)
        self.source = QComboBox(self)
        self.source.addItem(self.tr("The committee's standing items"), STANDING_ITEMS)
        self.source.addItem(self.tr("An empty agenda"), EMPTY)
        for meeting in earlier:
            label = self.tr("The agenda of %1").replace("%1", short_date(meeting.date))
            self.source.addItem(label, meeting.id)
        for label, widget in (
            (self.tr("&Date"), self.date),
            (self.tr("&Starts at"), self.starts_at),
            (self.tr("&Ends at"), self.ends_at),
            (self.tr("&Place"), self.location),
            (self.tr("Agenda &from"), self.source),
        ):
            widget.setAccessibleName(label.replace("&", ""))
            form.addRow(label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _start_moved(self, start: QTime) -> None:
        """The end moves with a start that passes it, so the meeting keeps its length."""
        new_start = _time(start)
        end = end_after_moved_start(self._start, new_start, _time(self.ends_at.time()))
        self._start = new_start
        self.ends_at.setMinimumTime(start)
        if end is not None:
            self.ends_at.setTime(QTime(end.hour, end.minute))

    def result_meeting(self) -> Meeting:
        return Meeting(
            committee_id=self.committee.id or 0,
            date=self.date.date().toPython(),  # type: ignore[arg-type]
            starts_at=_time(self.starts_at.time()),
            ends_at=_time(self.ends_at.time()),
            location=clean_line(self.location.text()),
        )

    def source_meeting(self) -> int:
        """STANDING_ITEMS, EMPTY, or the id of the earlier meeting to copy."""
        return int(self.source.currentData())


def _usual_meeting(committee: Committee, earlier: list[Meeting]) -> MeetingProposal:
    previous = [(m.date, m.starts_at, m.ends_at, m.location) for m in earlier]
    return usual_meeting(previous, dt.date.today(), committee.default_location)


def _time(value: QTime) -> dt.time:
    return dt.time(value.hour(), value.minute())
