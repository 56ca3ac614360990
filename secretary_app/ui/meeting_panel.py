"""The chosen meeting: its date, time and place on top, its agenda below."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, QItemSelectionModel, QTime, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from secretary_app.core.danish_dates import meeting_time
from secretary_app.core.model import Item
from secretary_app.core.text import MAX_LINE, clean_line
from secretary_app.ui.agenda_view import AgendaView
from secretary_app.ui.date_fields import DateField, TimeField
from secretary_app.ui.edit_session import EditSession
from secretary_app.ui.item_edits import ItemEdits
from secretary_app.ui.meeting_edits import MeetingEdits
from secretary_app.ui.read_only import set_read_only
from secretary_app.ui.stage_label import StageLabel
from secretary_app.ui.typing_commit import PendingTyping


class MeetingPanel(QWidget):
    itemChosen = Signal(object)  # Item or None
    editPending = Signal()  # typing in the title or place, not yet in the archive

    def __init__(
        self,
        session: EditSession,
        meetings: MeetingEdits,
        items: ItemEdits,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.meetings, self.items = session, meetings, items
        self._loading = False
        self._locked = False  # an approved meeting (or a read-only archive)
        self._shown_meeting = 0
        self._chosen_item = 0  # the item chosen last, by id
        self.typing = PendingTyping(self)  # the title and place, as the item's fields
        self.typing.due.connect(self.flush)
        self.typing.started.connect(self.editPending)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight: bold; font-size: 14pt")
        self.heading.setWordWrap(True)
        self.when = QLabel(self)
        self.when.setWordWrap(True)  # a narrow pane (150 %) wraps the time rather than widening
        self.stage = StageLabel(self)
        layout.addWidget(self.heading)
        layout.addLayout(_side_by_side(self.when, self.stage))
        layout.addLayout(self._build_fields())
        self.agenda = AgendaView(self)
        self.agenda.setModel(meetings.agenda_model)
        self.agenda.setAccessibleName(self.tr("Agenda"))
        layout.addWidget(self.agenda, 1)
        layout.addLayout(self._build_buttons())
        self._connect()
        self.show_meeting(0)

    def _build_fields(self) -> QFormLayout:
        form = QFormLayout()
        self.title = QLineEdit(self)
        self.title.setMaxLength(MAX_LINE)
        self.date = DateField(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dddd 'den' d. MMMM yyyy")
        self.date.setMinimumDate(NO_DATE)
        self.date.setSpecialValueText(" ")  # no meeting: no date, rather than a made-up one
        self.starts_at, self.ends_at = TimeField(self), TimeField(self)
        times = QHBoxLayout()
        for edit, label in ((self.starts_at, self.tr("from")), (self.ends_at, self.tr("to"))):
            edit.setDisplayFormat("HH.mm")
            edit.setSpecialValueText(" ")  # no time set (00.00 is its minimum)
            edit.setKeyboardTracking(False)  # "2" on the way to "20.00" is not a time to store
            times.addWidget(QLabel(label, self))
            times.addWidget(edit)
        times.addStretch()
        self.location = QLineEdit(self)
        self.location.setMaxLength(MAX_LINE)
        self._row(form, self.tr("&Meeting title"), self.title)
        self._row(form, self.tr("&Date"), self.date)
        form.addRow(self.tr("Time"), times)
        self._row(form, self.tr("P&lace"), self.location)
        self.starts_at.setAccessibleName(self.tr("Starts at"))
        self.ends_at.setAccessibleName(self.tr("Ends at"))
        return form

    def _row(self, form: QFormLayout, label: str, widget: QWidget) -> None:
        widget.setAccessibleName(label.replace("&", ""))
        form.addRow(label, widget)

    def _build_buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&New item"), self)
        self.delete_button = QPushButton(self.tr("Delete item"), self)
        self.up_button = QPushButton(self.tr("Move up"), self)
        self.down_button = QPushButton(self.tr("Move down"), self)
        for button in (self.add_button, self.delete_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch()
        return buttons

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.add_item)
        self.delete_button.clicked.connect(self.delete_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(+1))
        self.agenda.addRequested.connect(self.add_item)
        self.agenda.deleteRequested.connect(self.delete_current)
        self.agenda.moveRequested.connect(self.move_current)
        self.agenda.selectionModel().currentRowChanged.connect(self._current_changed)
        for field, edit in (("title", self.title), ("location", self.location)):
            edit.textEdited.connect(lambda _text, f=field, e=edit: self._edit_soon(f, e))
            edit.editingFinished.connect(self._finish_line)
        self.date.dateChanged.connect(lambda d: self._edit("date", d.toPython()))
        self.starts_at.timeChanged.connect(lambda t: self._edit("starts_at", _time(t)))
        self.ends_at.timeChanged.connect(lambda t: self._edit("ends_at", _time(t)))
        self.session.flushRequested.connect(self.flush)
        self.meetings.meetingOpened.connect(self.show_meeting)
        self.meetings.meetingFieldChanged.connect(lambda _id, _field: self._show_header())
        self.items.itemAdded.connect(self.select_item)
        self.items.itemMoved.connect(self.select_item)
        model = self.meetings.agenda_model
        model.rowsRemoved.connect(lambda *_: self._current_changed())

    def set_locked(self, locked: bool) -> None:
        """An approved meeting: its details and agenda can be read, selected and copied, not
        changed (no typing, pasting, dropping, no keys that add, delete or move items)."""
        self._locked = locked
        fields = (self.title, self.date, self.starts_at, self.ends_at, self.location)
        buttons = (self.add_button, self.delete_button, self.up_button, self.down_button)
        set_read_only([*fields, *buttons], locked)
        self.agenda.setDragEnabled(not locked)
        self.agenda.setAcceptDrops(not locked)

    def add_footer_widget(self, widget: QWidget, focus_order: Sequence[QWidget]) -> None:
        """A row under the agenda's buttons (the meeting's attendance and end); Tab reaches
        `focus_order` right after the agenda's buttons."""
        layout = self.layout()
        assert layout is not None
        layout.addWidget(widget)
        previous: QWidget = self.down_button
        for control in focus_order:
            QWidget.setTabOrder(previous, control)
            previous = control

    # Showing

    def show_meeting(self, meeting_id: int) -> None:
        """The meeting's first item is chosen; the same meeting opened again (its layout
        changed) keeps the item that was chosen."""
        self._show_header()
        self.setEnabled(bool(meeting_id))
        again = meeting_id == self._shown_meeting
        self._shown_meeting = meeting_id
        row = self.meetings.agenda_model.row_of(self._chosen_item) if again else -1
        if self.meetings.agenda_model.rowCount():
            self.select_row(max(row, 0))
        else:
            self.itemChosen.emit(None)

    def _show_header(self) -> None:
        meeting = self.meetings.meeting
        self._loading = True
        if meeting is None:
            self.heading.setText(self.tr("No meeting chosen"))
            self.when.setText(
                self.tr("Choose a meeting, or make one with New meeting… (Ctrl+Shift+N).")
            )
            self.stage.show_stage(None)
            for field in (self.title, self.location):
                field.setText("")
            self.date.setDate(NO_DATE)
            self.starts_at.setTime(_qtime(None))
            self.ends_at.setTime(_qtime(None))
        else:
            committee = self.meetings.archive.committees.get(meeting.committee_id)
            self.heading.setText(self.tr("Meeting in %1").replace("%1", committee.name))
            self.when.setText(meeting_time(meeting.date, meeting.starts_at, meeting.ends_at))
            self.stage.show_stage(self.meetings.archive.meetings.summary(meeting.id or 0))
            _show_line(self.title, meeting.title)
            _show_line(self.location, meeting.location)
            self.date.setDate(QDate(meeting.date.year, meeting.date.month, meeting.date.day))
            self.starts_at.setTime(_qtime(meeting.starts_at))
            self.ends_at.setTime(_qtime(meeting.ends_at))
        self._loading = False

    def _edit(self, field: str, value: object) -> None:
        if not self._loading and not self._locked:
            self.meetings.edit_meeting_field(field, value)
            self._show_header()  # what is stored, also when the edit was refused

    def _edit_soon(self, field: str, edit: QLineEdit) -> None:
        if self._loading or self.meetings.meeting is None:
            return
        self.typing.hold(field, edit.text)

    def flush(self) -> None:
        """Commit what has been typed in the title, place, date or times and not yet
        committed."""
        for typed in (self.date, self.starts_at, self.ends_at):
            typed.commit_typing()
        for field, value in self.typing.take().items():
            self.meetings.edit_meeting_field(field, value())

    def _finish_line(self) -> None:
        """Leaving the field commits it, and it then shows exactly what the archive holds."""
        self.flush()
        meeting = self.meetings.meeting
        if meeting is not None:
            for edit, stored in ((self.title, meeting.title), (self.location, meeting.location)):
                if edit.text() != stored:
                    edit.setText(stored)

    # Items

    def current_item(self) -> Item | None:
        return self.meetings.agenda_model.item_at(self.agenda.currentIndex().row())

    def select_row(self, row: int) -> None:
        index = self.meetings.agenda_model.index(row, 1)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        unchanged = self.agenda.currentIndex().row() == row  # then Qt does not say it changed
        self.agenda.selectionModel().setCurrentIndex(index, flags)
        self.agenda.scrollTo(index)
        if unchanged:
            self._current_changed()

    def select_item(self, item_id: int) -> None:
        row = self.meetings.agenda_model.row_of(item_id)
        if row >= 0:
            self.select_row(row)

    def _current_changed(self, *_: object) -> None:
        item = self.current_item()
        if item is not None:
            self._chosen_item = item.id or 0
        self.itemChosen.emit(item)

    def add_item(self) -> None:
        if self._locked:
            return
        row = self.agenda.currentIndex().row()
        self.items.add_item(row + 1 if row >= 0 else None)

    def delete_current(self) -> None:
        item = self.current_item()
        if item is not None and item.id is not None and not self._locked:
            row = self.agenda.currentIndex().row()
            self.items.delete_item(item.id)
            count = self.meetings.agenda_model.rowCount()
            if count:
                self.select_row(min(row, count - 1))

    def move_current(self, delta: int) -> None:
        item = self.current_item()
        if item is not None and item.id is not None and not self._locked:
            self.items.move_item_by(item.id, delta)


NO_DATE = QDate(1900, 1, 1)  # shown as nothing: the date field's minimum


def _side_by_side(left: QWidget, right: QWidget) -> QHBoxLayout:
    """`left` takes the room `right` leaves: a wrapping label wraps only when it must."""
    row = QHBoxLayout()
    row.addWidget(left, 1)
    row.addWidget(right)
    return row


def _show_line(edit: QLineEdit, stored: str) -> None:
    """Leaves the text being typed alone when the archive holds it (spaces at its ends are
    trimmed when stored): setting it would move the cursor."""
    if clean_line(edit.text()) != stored:
        edit.setText(stored)


def _qtime(value: dt.time | None) -> QTime:
    return QTime(value.hour, value.minute) if value else QTime(0, 0)


def _time(value: QTime) -> dt.time:
    return dt.time(value.hour(), value.minute())
