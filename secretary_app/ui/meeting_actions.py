"""The Meeting menu and meeting mode in the main window: attendance, meeting mode, the end of
the meeting, the next and previous item, per-item records and decision phrases at one keystroke.

It offers its menu (`menu`), the actions whose keys work anywhere in the window, also in full
screen without the menu bar (`window_actions`), and meeting mode's view (`view`, built when
first wanted, announced by `modeChanged`); the window places them. It adds the records section
to the item editor and a row of buttons to the meeting panel.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from secretary_app.core.danish_dates import DateTextError, clock, parse_time, short_date
from secretary_app.core.decision_phrases import PHRASE_KEYS, keyed_phrases
from secretary_app.core.item_fields import section_field
from secretary_app.core.meeting_clock import time_of_ending
from secretary_app.core.model import DECISION_KEY, Item, Meeting
from secretary_app.ui import prompts
from secretary_app.ui.action_button import action_button
from secretary_app.ui.edit_session import EditSession
from secretary_app.ui.item_editor import ItemEditor
from secretary_app.ui.item_edits import ItemEdits
from secretary_app.ui.item_records_dialogs import close_after_use
from secretary_app.ui.item_records_editor import (
    ABSENCE_KEYS,
    DISSENT_KEYS,
    RESERVATION_KEYS,
    VOTE_KEYS,
    ItemRecordsEditor,
)
from secretary_app.ui.meeting_edits import MeetingEdits
from secretary_app.ui.meeting_panel import MeetingPanel
from secretary_app.ui.meeting_texts import attendance_text, ended_text
from secretary_app.ui.minutes_recorder import MinutesRecorder

if TYPE_CHECKING:
    from secretary_app.ui.meeting_mode import MeetingModeView

CLOCK_INTERVAL_MS = 15_000


class MeetingActions(QObject):
    editPending = Signal()  # typing in meeting mode, not yet committed
    modeChanged = Signal(bool)  # meeting mode entered (show `view`) or left

    def __init__(
        self,
        window: QMainWindow,
        session: EditSession,
        meetings: MeetingEdits,
        items: ItemEdits,
        panel: MeetingPanel,
        item_editor: ItemEditor,
    ) -> None:
        super().__init__(window)
        self.window, self.panel, self.item_editor = window, panel, item_editor
        self.session, self.meetings, self.items = session, meetings, items
        self._in_mode = False
        self.locked = False
        self.window_actions: list[QAction] = []
        self.recorder = MinutesRecorder(session, meetings, items, self)
        self._mode_view: MeetingModeView | None = None
        self.item_records = ItemRecordsEditor(self.recorder, item_editor)
        item_editor.add_section(self.item_records)
        self._build_actions()
        self.bar = self._build_bar()
        self.timer = QTimer(self, interval=CLOCK_INTERVAL_MS)
        self._connect()
        self._meeting_opened()

    @property
    def view(self) -> MeetingModeView:
        """Meeting mode, built the first time it is wanted: the window starts sooner without."""
        if self._mode_view is None:
            self._mode_view = self._build_mode_view()
        return self._mode_view

    # Building

    def _build_mode_view(self) -> MeetingModeView:
        from secretary_app.ui.meeting_mode import MeetingModeView

        view = MeetingModeView(self.meetings, self.items, self.recorder, self.window)
        for action in (self.attendance_action, self.ended_action, self.leave_action):
            view.add_side_button(action)
        self.timer.timeout.connect(view.refresh_clock)
        self.session.flushRequested.connect(view.flush)
        view.phraseChosen.connect(self.insert_phrase)
        view.rowChosen.connect(self._row_chosen)
        view.editPending.connect(self.editPending)
        view.set_phrases(self.recorder.phrases())
        view.set_locked(self.locked)
        return view

    def _build_actions(self) -> None:
        menu = QMenu(self.tr("Meet&ing"), self.window)  # the window places it
        self.menu = menu
        self.mode_action = self._add(menu, self.tr("&Meeting mode"), self.toggle, "F11")
        self.mode_action.setShortcuts([QKeySequence("F11"), QKeySequence("Ctrl+M")])
        self.mode_action.setCheckable(True)
        self.attendance_action = self._add(
            menu, self.tr("&Attendance…"), self.edit_attendance, "Ctrl+Shift+T"
        )
        self.ended_action = self._add(
            menu, self.tr("Meeting &ended now"), self.end_meeting_now, "Ctrl+Shift+E"
        )
        menu.addSeparator()
        self.next_action = self._add(
            menu, self.tr("&Next item"), lambda: self.go_to_item(+1), "Ctrl+PgDown"
        )
        self.previous_action = self._add(
            menu, self.tr("&Previous item"), lambda: self.go_to_item(-1), "Ctrl+PgUp"
        )
        menu.addSeparator()
        self._build_record_actions(menu)
        self.phrase_menu = menu.addMenu(self.tr("Decision p&hrases"))
        self.phrase_actions = [self._phrase_action(key) for key in range(1, PHRASE_KEYS + 1)]
        menu.addSeparator()
        self.leave_action = self._add(menu, self.tr("&Leave meeting mode"), self.leave, "Esc")
        self.leave_action.setEnabled(False)

    def _build_record_actions(self, menu: QMenu) -> None:
        records = self.active_records
        self.absence_action = self._add(
            menu,
            self.tr("Not pre&sent during this item…"),
            lambda: records().add_absence(),
            ABSENCE_KEYS,
        )
        self.dissent_action = self._add(
            menu, self.tr("&Dissent note…"), lambda: records().add_dissent(), DISSENT_KEYS
        )
        self.votes_action = self._add(
            menu, self.tr("&Votes…"), lambda: records().edit_votes(), VOTE_KEYS
        )
        self.reservation_action = self._add(
            menu, self.tr("&Reservation…"), lambda: records().add_reservation(), RESERVATION_KEYS
        )

    def _phrase_action(self, key: int) -> QAction:
        """Alt+N, also when the list has no phrase N: the key then does nothing, rather than
        typing the digit."""
        action = QAction(self.window)
        action.setShortcut(QKeySequence(f"Alt+{key}"))
        action.triggered.connect(lambda: self.insert_phrase(key))
        self.window_actions.append(action)
        return action

    def _add(self, menu: QMenu, text: str, slot: object, keys: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        menu.addAction(action)
        self.window_actions.append(action)
        return action

    def _build_bar(self) -> QWidget:
        bar = QWidget(self.panel)
        layout = QVBoxLayout(bar)
        layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        self.bar_buttons = [
            action_button(action, bar)
            for action in (self.attendance_action, self.mode_action, self.ended_action)
        ]
        for button in self.bar_buttons:
            buttons.addWidget(button)
        buttons.addStretch()
        self.bar_label = QLabel(bar)
        self.bar_label.setWordWrap(True)
        layout.addLayout(buttons)
        layout.addWidget(self.bar_label)
        self.panel.add_footer_widget(bar, self.bar_buttons)
        return bar

    def _connect(self) -> None:
        self.panel.itemChosen.connect(self._item_chosen)
        self.meetings.meetingOpened.connect(lambda _id: self._meeting_opened())
        self.meetings.meetingFieldChanged.connect(lambda *_: self._show_meeting_state())
        self.recorder.attendanceChanged.connect(lambda _id: self._show_meeting_state())

    # Following the window

    def _meeting_opened(self) -> None:
        meeting = self.meetings.meeting
        if meeting is None and self.in_meeting_mode():
            self.leave()
        self._show_phrases()  # locked or not as RecordActions says (approved, or read-only)
        self._show_meeting_state()

    def _show_phrases(self) -> None:
        phrases = self.recorder.phrases()
        if self._mode_view is not None:
            self._mode_view.set_phrases(phrases)
        self.phrase_menu.clear()
        for key, phrase in keyed_phrases(phrases):
            action = self.phrase_actions[key - 1]
            action.setText(f"&{key}  {phrase.replace('&', '&&')}")
            self.phrase_menu.addAction(action)
        self._enable()

    def _show_meeting_state(self) -> None:
        meeting = self.meetings.meeting
        if meeting is None:
            self.bar_label.setText("")
            return
        parts = [attendance_text(self.recorder.attendance()), ended_text(meeting.ended_at)]
        self.bar_label.setText(" · ".join(part for part in parts if part))

    def _item_chosen(self, item: Item | None) -> None:
        if self._mode_view is not None:
            self._mode_view.show_item(item)
        self.item_records.show_item(item.id if item is not None else None)
        self._enable()

    def _row_chosen(self, row: int) -> None:
        if row != self.panel.agenda.currentIndex().row():
            self.panel.select_row(row)
        self.view.focus_decision()

    def set_locked(self, locked: bool) -> None:
        """An approved meeting: nothing can be recorded any more (a correction is the way)."""
        self.locked = locked
        if self._mode_view is not None:
            self._mode_view.set_locked(locked)
        self.item_records.set_locked(locked)
        self._enable()

    def _enable(self) -> None:
        has_meeting = self.meetings.meeting is not None
        has_item = self.panel.current_item() is not None
        can_record = has_meeting and not self.locked
        self.mode_action.setEnabled(has_meeting)
        self.attendance_action.setEnabled(can_record)
        self.ended_action.setEnabled(can_record)
        for action in (self.next_action, self.previous_action):
            action.setEnabled(has_meeting)
        for action in (
            self.absence_action,
            self.dissent_action,
            self.votes_action,
            self.reservation_action,
        ):
            action.setEnabled(can_record and has_item)
        for action in self.phrase_actions:
            action.setEnabled(can_record and has_item)

    # Meeting mode

    def in_meeting_mode(self) -> bool:
        return self._in_mode

    def toggle(self, checked: bool | None = None) -> None:
        wanted = not self.in_meeting_mode() if checked is None else checked
        if wanted:
            self.enter()
        else:
            self.leave()

    def enter(self) -> None:
        if self.meetings.meeting is None:
            self.mode_action.setChecked(False)
            return
        self.item_editor.flush()
        if self.panel.current_item() is None and self.meetings.agenda_model.rowCount():
            self.panel.select_row(0)
        self.view.show_item(self.panel.current_item())
        self._in_mode = True
        self.modeChanged.emit(True)  # the window shows the view, full screen
        self.mode_action.setChecked(True)
        self.leave_action.setEnabled(True)
        self.timer.start()
        self.view.refresh_clock()
        self.view.focus_decision()

    def leave(self) -> None:
        if self._mode_view is not None:
            self._mode_view.flush()
        self.timer.stop()
        was_in_mode, self._in_mode = self._in_mode, False
        if was_in_mode:
            self.modeChanged.emit(False)
        self.mode_action.setChecked(False)
        self.leave_action.setEnabled(False)
        self.panel.agenda.setFocus()

    def go_to_item(self, delta: int) -> None:
        row = self.panel.agenda.currentIndex().row() + delta
        if 0 <= row < self.meetings.agenda_model.rowCount():
            if self._mode_view is not None:
                self._mode_view.flush()
            self.panel.select_row(row)
        if self.in_meeting_mode():
            self.view.focus_decision()

    # Recording

    def active_records(self) -> ItemRecordsEditor:
        return self.view.records if self.in_meeting_mode() else self.item_records

    def insert_phrase(self, key: int) -> None:
        item = self.panel.current_item()
        if item is None or item.id is None or self.locked:
            return
        if self.recorder.insert_phrase(item.id, key):
            if self.in_meeting_mode():
                self.view.focus_decision()
            else:
                edit = self.item_editor.rich_edit(section_field(DECISION_KEY)).text_edit
                edit.setFocus()
                edit.moveCursor(QTextCursor.MoveOperation.End)

    def edit_attendance(self) -> None:
        if self.meetings.meeting is None or self.locked:
            return
        from secretary_app.ui.attendance_dialog import AttendanceDialog  # a faster start

        dialog = AttendanceDialog(self.recorder.attendance_sheet(), self.window)
        if dialog.exec():
            self.recorder.set_attendance(dialog.result_sheet())
        close_after_use(dialog)

    def _ask_end(self, meeting: Meeting) -> dt.time | None:
        """The time a meeting of another day ended, typed as Danes type it ("20.35"); None
        when the secretary cancels."""
        question = self.tr("The meeting of %1 is not today. At what time did it end?")
        question = question.replace("%1", short_date(meeting.date))
        proposed = meeting.ended_at or meeting.ends_at
        text = clock(proposed) if proposed else ""
        while True:
            answer = prompts.ask_text(self.window, self.tr("Meeting ended"), question, text)
            if answer is None:
                return None
            try:
                return parse_time(answer)
            except DateTextError as refusal:
                prompts.show_error(self.window, str(refusal))
                text = answer

    def end_meeting_now(self) -> None:
        meeting = self.meetings.meeting
        if meeting is None or self.locked:
            return
        ended_at = time_of_ending(self.recorder.clock(), meeting.date) or self._ask_end(meeting)
        if ended_at is None:
            return
        if meeting.ended_at is not None and meeting.ended_at != ended_at:
            question = self.tr("The meeting was recorded as ended at %1. Record %2 instead?")
            question = question.replace("%1", clock(meeting.ended_at))
            if not prompts.confirm(self.window, question.replace("%2", clock(ended_at))):
                return
        self.recorder.record_end(ended_at)
        if self._mode_view is not None:
            self._mode_view.refresh_clock()
