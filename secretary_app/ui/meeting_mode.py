"""Meeting mode: the meeting itself, one item at a time, in large text. The decision field has
the focus; beside it the agenda with each item's progress, the clock, and how far the meeting is
ahead of or behind its plan."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from secretary_app.core.danish_dates import clock, long_date
from secretary_app.core.decision_phrases import keyed_phrases
from secretary_app.core.item_fields import section_field
from secretary_app.core.item_layout import ItemLayout
from secretary_app.core.meeting_clock import Slot, minutes_ahead, planned_slot
from secretary_app.core.model import DECISION_KEY, Item
from secretary_app.ui.action_button import action_button, shown_keys
from secretary_app.ui.agenda_model import AgendaModel
from secretary_app.ui.agenda_progress_model import ICON_SIZE, AgendaProgressModel
from secretary_app.ui.eliding_label import ElidingLabel
from secretary_app.ui.flow_layout import FlowBox
from secretary_app.ui.item_edits import ItemEdits
from secretary_app.ui.item_records_editor import (
    ABSENCE_KEYS,
    DISSENT_KEYS,
    RESERVATION_KEYS,
    VOTE_KEYS,
    ItemRecordsEditor,
)
from secretary_app.ui.meeting_edits import MeetingEdits
from secretary_app.ui.meeting_texts import (
    attendance_text,
    ended_text,
    schedule_text,
    slot_text,
    texts_before_decision,
)
from secretary_app.ui.minutes_recorder import MinutesRecorder
from secretary_app.ui.read_only import set_rich_text_read_only
from secretary_app.ui.rich_text_document import set_document_markdown
from secretary_app.ui.rich_text_edit import RichTextEdit
from secretary_app.ui.typing_commit import PendingTyping

DECISION_FIELD = section_field(DECISION_KEY)


def _font(points: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(bold)
    return font


WHOLE_PANE_KEYS = "Ctrl+Shift+D"
# pixels: at 150 % on a laptop (910×512) the mode fits with the menus and the status bar
DECISION_MIN_HEIGHT = 60  # two lines of the decision at the least
PHRASE_SHOWN_CHARS = 26  # a phrase's button shows about this much of it, the rest on hover
SIDE_MIN_WIDTH = 240  # the clock, the agenda and the buttons beside the item
SMALL_LIST_HEIGHT = 44  # the item's texts and its records, two lines each at the least


class MeetingModeView(QWidget):
    phraseChosen = Signal(int)  # the phrase's key, 1 … 9
    rowChosen = Signal(int)  # an agenda row chosen in the progress list
    editPending = Signal()  # typing that is not yet in the archive

    def __init__(
        self,
        meetings: MeetingEdits,
        items: ItemEdits,
        recorder: MinutesRecorder,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.meetings, self.items, self.recorder = meetings, items, recorder
        self.item_id: int | None = None
        self._loading = False
        self._locked = False  # approved minutes: read, not changed
        self.typing = PendingTyping(self)  # the decision
        self.typing.due.connect(self.flush)
        self.typing.started.connect(self.editPending)
        self.progress_model = AgendaProgressModel(meetings.agenda_model, self)
        layout = QHBoxLayout(self)
        layout.addWidget(self._build_item(), 3)
        self.side = self._build_side()
        layout.addWidget(self.side, 1)
        self.setAccessibleName(self.tr("Meeting mode"))
        items.itemFieldChanged.connect(self._field_changed)
        meetings.meetingFieldChanged.connect(lambda *_: self.show_meeting_state())
        recorder.attendanceChanged.connect(lambda _id: self.show_meeting_state())
        self.show_item(None)

    # Building

    def _build_item(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = ElidingLabel(box)  # one line: all else keeps its room on a small screen
        self.heading.setFont(_font(20, bold=True))
        self.access = QLabel(box)
        self.access.setFont(_font(12, bold=True))
        self.details = QLabel(box)
        self.details.setFont(_font(12))
        self.details.setStyleSheet("color: #555")
        line = QHBoxLayout()
        line.addWidget(self.access)
        line.addWidget(self.details, 1)
        layout.addWidget(self.heading)
        layout.addLayout(line)
        splitter = QSplitter(Qt.Orientation.Vertical, box)
        self.summary_box = self._build_summary(splitter)
        splitter.addWidget(self.summary_box)
        splitter.addWidget(self._build_decision(splitter))
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([260, 340])
        layout.addWidget(splitter, 1)
        self.records = ItemRecordsEditor(self.recorder, box, one_line=True)
        self.records.view.setMaximumHeight(100)
        self.records.view.setMinimumHeight(SMALL_LIST_HEIGHT)
        self.records.view.setFont(_font(11))
        self.records.caption.setFont(_font(12, bold=True))
        layout.addWidget(self.records)
        return box

    def give_decision_the_pane(self, whole: bool) -> None:
        """A long decision written during the meeting: the item's texts, the records and the
        side panel step aside (the clock and the progress come back when it is turned off)."""
        for part in (self.summary_box, self.records, self.side):
            part.setVisible(not whole)
        if self.whole_pane.isChecked() != whole:
            self.whole_pane.setChecked(whole)
        self.focus_decision()

    def _build_summary(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QTextBrowser(box)
        self.summary.setMinimumHeight(SMALL_LIST_HEIGHT)
        self.summary.setFont(_font(14))
        self.summary.setAccessibleName(self.tr("The item's texts"))
        self.summary.setOpenLinks(False)
        caption = QLabel(self.tr("The item's texts"), box)
        caption.setFont(_font(12, bold=True))
        caption.setBuddy(self.summary)
        layout.addWidget(caption)
        layout.addWidget(self.summary)
        return box

    def _build_decision(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.decision = RichTextEdit(self.tr("Decision"), box, grows=False)
        self.decision.text_edit.setFont(_font(16))
        self.decision.text_edit.setMinimumHeight(DECISION_MIN_HEIGHT)
        self.decision.edited.connect(self._decision_edited)
        self.decision_caption = QLabel(self.tr("Decision"), box)
        self.decision_caption.setFont(_font(12, bold=True))
        self.decision_caption.setBuddy(self.decision.text_edit)
        caption_row = QHBoxLayout()
        caption_row.addWidget(self.decision_caption, 1)
        whole_pane = self.tr("Decision in the whole pane (%1)").replace(
            "%1", shown_keys(WHOLE_PANE_KEYS)
        )
        self.whole_pane = QPushButton(whole_pane, box)
        self.whole_pane.setCheckable(True)
        self.whole_pane.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.whole_pane.toggled.connect(self.give_decision_the_pane)
        whole_pane_keys = QAction(self)
        whole_pane_keys.setShortcut(QKeySequence(WHOLE_PANE_KEYS))
        whole_pane_keys.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        whole_pane_keys.triggered.connect(self.whole_pane.toggle)
        self.addAction(whole_pane_keys)
        caption_row.addWidget(self.whole_pane)
        layout.addLayout(caption_row)
        layout.addWidget(self.decision, 1)
        self.phrases_row = FlowBox(box)  # as many a row as fit: a narrow screen has more rows
        self.phrases_row.flow.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.phrases_row)
        self.phrase_buttons: list[QPushButton] = []
        self._phrases: list[str] = []
        return box

    def _build_side(self) -> QWidget:
        box = QFrame(self)
        box.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(box)
        self.meeting_label = QLabel(box)  # which meeting: the window is full screen
        self.meeting_label.setFont(_font(12, bold=True))
        self.meeting_label.setWordWrap(True)
        self.meeting_label.setAccessibleName(self.tr("Meeting"))
        layout.addWidget(self.meeting_label)
        self.clock_label = QLabel(box)
        self.clock_label.setFont(_font(28, bold=True))
        self.clock_label.setAccessibleName(self.tr("Time now"))
        self.schedule_label = QLabel(box)
        self.schedule_label.setFont(_font(14, bold=True))
        self.ended_label = QLabel(box)
        self.ended_label.setFont(_font(12, bold=True))
        self.attendance_label = QLabel(box)
        self.attendance_label.setWordWrap(True)
        for label in (self.clock_label, self.schedule_label, self.ended_label):
            layout.addWidget(label)
        layout.addWidget(self.attendance_label)
        self.side_buttons = QVBoxLayout()
        self._side_buttons: list[QPushButton] = []
        layout.addLayout(self.side_buttons)
        layout.addWidget(self._build_progress(box), 1)
        hint = QLabel(self._key_hint(), box)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555")
        layout.addWidget(hint)
        box.setMinimumWidth(SIDE_MIN_WIDTH)
        return box

    def _build_progress(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 8, 0, 0)
        self.progress = QListView(box)
        self.progress.setModel(self.progress_model)
        self.progress.setModelColumn(AgendaModel.TITLE)
        self.progress.setAccessibleName(self.tr("Agenda with progress"))
        self.progress.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.progress.setWordWrap(True)
        self.progress.setFont(_font(12))
        self.progress.setIconSize(self.progress.iconSize().expandedTo(QSize(ICON_SIZE, ICON_SIZE)))
        self.progress.activated.connect(lambda index: self.rowChosen.emit(index.row()))
        self.progress.clicked.connect(lambda index: self.rowChosen.emit(index.row()))
        caption = QLabel(self.tr("Agenda"), box)
        caption.setFont(_font(12, bold=True))
        caption.setBuddy(self.progress)
        layout.addWidget(caption)
        layout.addWidget(self.progress, 1)
        return box

    def _key_hint(self) -> str:
        """The keys, named as the menus name them."""
        hint = self.tr(
            "%1 next item, %2 previous. %3…9 a phrase. %4 not present, %5 dissent, %6 votes, "
            "%7 reservation. %8 leaves meeting mode."
        )
        keys = (
            "Ctrl+PgDown",
            "Ctrl+PgUp",
            "Alt+1",
            ABSENCE_KEYS,
            DISSENT_KEYS,
            VOTE_KEYS,
            RESERVATION_KEYS,
            "Esc",
        )
        for number, key in reversed(list(enumerate(keys, start=1))):  # %8 before %1…
            hint = hint.replace(f"%{number}", shown_keys(key))
        return hint

    def add_side_button(self, action: QAction) -> QPushButton:
        """A button on the side for one of the window's meeting actions; Tab reaches it after
        the item's records and before the agenda beside, as they are seen."""
        button = action_button(action, self)
        previous = self._side_buttons[-1] if self._side_buttons else self.records.remove_button
        self.side_buttons.addWidget(button)
        QWidget.setTabOrder(previous, button)
        QWidget.setTabOrder(button, self.progress)
        self._side_buttons.append(button)
        return button

    # Showing

    def show_item(self, item: Item | None) -> None:
        self.flush()
        self._show_meeting_name()
        self.item_id = item.id if item is not None else None
        row = self.meetings.agenda_model.row_of(item.id or -1) if item is not None else -1
        self.progress_model.set_current_row(row)
        if row >= 0:
            self.progress.setCurrentIndex(self.progress_model.index(row, AgendaModel.TITLE))
        self._loading = True
        self._show_texts(item, row)
        self._loading = False
        self.decision.setEnabled(item is not None)
        self.records.show_item(self.item_id)
        self.refresh_clock()

    def _show_meeting_name(self) -> None:
        """Økonomiudvalget · tirsdag den 27. juni 2017"""
        meeting = self.meetings.meeting
        if meeting is None:
            self.meeting_label.setText("")
            return
        committee = self.meetings.archive.committees.get(meeting.committee_id)
        self.meeting_label.setText(f"{committee.name} · {long_date(meeting.date)}")

    def _show_texts(self, item: Item | None, row: int) -> None:
        if item is None:
            self.heading.setText(self.tr("No item chosen"))
            self.access.setText("")
            self.details.setText("")
            set_document_markdown(self.summary.document(), "")
            self.decision.set_markdown("")
            return
        number = self.meetings.agenda_model.number_of_row(row)
        self.heading.setText(f"{number}. {item.title}")
        self.access.setText(self.tr("Closed") if item.closed else self.tr("Open"))
        self.access.setStyleSheet("color: #a4000f" if item.closed else "color: #2e7d32")
        self.details.setText(self._details(item, row))
        texts = texts_before_decision(item, self.item_layout)
        set_document_markdown(self.summary.document(), texts)
        self.summary.moveCursor(QTextCursor.MoveOperation.Start)
        self.decision.set_markdown(item.decision)
        label = self.item_layout.decision.name
        self.decision_caption.setText(label)
        self.decision.text_edit.setAccessibleName(label)

    def _details(self, item: Item, row: int) -> str:
        parts = [item.case_id, item.presenter, slot_text(self._slot(row))]
        return " · ".join(part for part in parts if part)

    def _slot(self, row: int) -> Slot | None:
        meeting = self.meetings.meeting
        if meeting is None:
            return None
        return planned_slot(meeting.starts_at, self.meetings.agenda_model.items(), row)

    @property
    def item_layout(self) -> ItemLayout:
        return self.meetings.layout

    def _field_changed(self, item_id: int, field: str) -> None:
        item = self.items.item(item_id)
        if item is None or item_id != self.item_id:
            return
        self._loading = True
        if field == DECISION_FIELD and not self.typing.waits(DECISION_FIELD):
            self.decision.set_markdown(item.decision)
        elif field != DECISION_FIELD:
            self._show_texts(item, self.meetings.agenda_model.row_of(item_id))
        self._loading = False

    def refresh_clock(self) -> None:
        now = self.recorder.clock()
        self.clock_label.setText(clock(now.time()))
        meeting = self.meetings.meeting
        ended = meeting is not None and meeting.ended_at is not None
        ahead = None
        if meeting is not None and not ended:
            ahead = minutes_ahead(now, meeting.date, self._slot(self.progress_model.current_row))
        self.schedule_label.setText(schedule_text(ahead))
        self.schedule_label.setStyleSheet("color: #a4000f" if (ahead or 0) < 0 else "")
        self.show_meeting_state()

    def show_meeting_state(self) -> None:
        meeting = self.meetings.meeting
        self.ended_label.setText(ended_text(meeting.ended_at if meeting else None))
        self.attendance_label.setText(attendance_text(self.recorder.attendance()))

    def set_phrases(self, phrases: list[str]) -> None:
        if phrases == self._phrases:
            return
        self._phrases = list(phrases)
        for button in self.phrase_buttons:
            self.phrases_row.remove(button)
            button.hide()
            button.deleteLater()
        self.phrase_buttons = []
        longest = self.fontMetrics().averageCharWidth() * PHRASE_SHOWN_CHARS
        for key, phrase in keyed_phrases(phrases):
            shown = self.fontMetrics().elidedText(phrase, Qt.TextElideMode.ElideRight, longest)
            button = QPushButton(f"Alt+{key}  {shown.replace('&', '&&')}", self)
            name = self.tr("Phrase %1: %2").replace("%1", str(key)).replace("%2", phrase)
            button.setAccessibleName(name)
            button.setToolTip(phrase)  # whole, where the button shows its beginning
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys are faster; Tab stays short
            button.clicked.connect(lambda _checked=False, k=key: self.phraseChosen.emit(k))
            self.phrases_row.add(button)
            self.phrase_buttons.append(button)

    def set_locked(self, locked: bool) -> None:
        """Approved minutes: the decision can be read and copied, not changed."""
        self._locked = locked
        set_rich_text_read_only(self.decision, locked)
        for button in self.phrase_buttons:
            button.setEnabled(not locked)
        self.records.set_locked(locked)

    def focus_decision(self) -> None:
        edit = self.decision.text_edit
        edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        edit.moveCursor(QTextCursor.MoveOperation.End)

    # Edits

    def _decision_edited(self) -> None:
        if self._loading or self.item_id is None or self._locked:
            return
        self.typing.hold(DECISION_FIELD, self.decision.markdown)

    def flush(self) -> None:
        """Commit what has been typed in the decision and not yet committed."""
        for field, value in self.typing.take().items():
            if self.item_id is not None:
                self.items.edit_item_field(self.item_id, field, value())

    def current_index(self) -> QModelIndex:
        return self.progress.currentIndex()
