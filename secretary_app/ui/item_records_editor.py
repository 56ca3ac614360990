"""One item's records besides its decision, edited in place: who was not present during the
item, dissent notes, votes and reservations. A list with buttons; Enter edits the chosen line,
Delete removes it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from secretary_app.core.model import Dissent, ItemAbsence, ItemRecords, Reservation
from secretary_app.ui.action_button import shown_keys
from secretary_app.ui.eliding_label import ElidingLabel
from secretary_app.ui.flow_layout import FlowBox
from secretary_app.ui.item_records_dialogs import (
    AbsenceDialog,
    DissentDialog,
    ReservationDialog,
    VoteDialog,
    close_after_use,
)
from secretary_app.ui.item_records_model import ItemRecordsModel
from secretary_app.ui.minutes_recorder import MinutesRecorder

ABSENCE_KEYS = "Ctrl+Shift+I"
DISSENT_KEYS = "Ctrl+Shift+P"
VOTE_KEYS = "Ctrl+Shift+A"
RESERVATION_KEYS = "Ctrl+Shift+F"  # forbehold


class ItemRecordsEditor(QWidget):
    def __init__(
        self, recorder: MinutesRecorder, parent: QWidget | None = None, *, one_line: bool = False
    ) -> None:
        """`one_line`: the caption on one line, what does not fit left out ("…") and shown on
        hover (meeting mode: a wrapping caption has a height at a width, and a column layout
        then gives the records their preferred height and the decision only what is left)."""
        super().__init__(parent)
        self.recorder = recorder
        self.item_id: int | None = None
        self.locked = False  # approved minutes: shown, not changed
        self.model = ItemRecordsModel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.caption = ElidingLabel(self) if one_line else QLabel(self)
        self.caption.setText(self.tr("Not present, dissent notes, votes and reservations"))
        self.caption.setWordWrap(not one_line)
        layout.addWidget(self.caption)
        self.view = self._build_view()
        layout.addWidget(self.view)
        layout.addWidget(self._build_buttons())
        recorder.recordsChanged.connect(self._records_changed)
        self.show_item(None)

    def _build_view(self) -> QListView:
        view = QListView(self)
        view.setModel(self.model)
        view.setAccessibleName(self.tr("Not present, dissent notes, votes and reservations"))
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(True)
        view.setMinimumHeight(60)
        view.activated.connect(self.edit_row)
        remove = QAction(self.tr("Remove from the item"), view)
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self.remove_current)
        view.addAction(remove)
        self.caption.setBuddy(view)
        return view

    def _build_buttons(self) -> FlowBox:
        """As many buttons a row as fit: one row in meeting mode, more in a narrow pane."""
        row = FlowBox(self)
        self.absence_button = self._button(self.tr("Not present…"), ABSENCE_KEYS, self.add_absence)
        self.dissent_button = self._button(self.tr("Dissent…"), DISSENT_KEYS, self.add_dissent)
        self.vote_button = self._button(self.tr("Votes…"), VOTE_KEYS, self.edit_votes)
        self.reservation_button = self._button(
            self.tr("Reservation…"), RESERVATION_KEYS, self.add_reservation
        )
        self.remove_button = self._button(
            self.tr("Remove from the item"), "Del", self.remove_current
        )
        buttons = (
            self.absence_button,
            self.dissent_button,
            self.vote_button,
            self.reservation_button,
            self.remove_button,
        )
        self.buttons = buttons
        for button in buttons:
            row.add(button)
        return row

    def _button(self, text: str, keys: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(f"{text.rstrip('…')} ({shown_keys(keys)})")
        button.setAccessibleName(text.rstrip("…"))
        button.clicked.connect(slot)
        return button

    # Showing

    def show_item(self, item_id: int | None) -> None:
        self.item_id = item_id
        self._reload()

    def set_locked(self, locked: bool) -> None:
        """Approved minutes: the records can be read (not greyed out), not changed."""
        self.locked = locked
        self._show_enabled()

    def _show_enabled(self) -> None:
        self.view.setEnabled(self.item_id is not None)
        for button in self.buttons:
            button.setEnabled(self.item_id is not None and not self.locked)
        chosen = self.model.row_at(self.view.currentIndex().row()) is not None
        self.remove_button.setEnabled(self.remove_button.isEnabled() and chosen)  # a record

    def _records_changed(self, item_id: int) -> None:
        if item_id == self.item_id:
            self._reload()

    def _reload(self) -> None:
        row = self.view.currentIndex().row()
        records = self.recorder.records(self.item_id) if self.item_id else ItemRecords()
        self.model.set_records(records)
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(min(max(row, 0), self.model.rowCount() - 1)))
        self._show_enabled()

    # Adding, editing, removing

    def add_absence(self) -> None:
        if self.item_id is None or self.locked:
            return
        dialog = AbsenceDialog(self.recorder.present_members(), None, self.window())
        if dialog.exec():
            absences = [*self.model.records().absences, dialog.result_absence(self.item_id)]
            self.recorder.set_absences(self.item_id, absences)
        close_after_use(dialog)

    def add_dissent(self) -> None:
        if self.item_id is None or self.locked:
            return
        dialog = DissentDialog(self.recorder.present_members(), None, self.window())
        if dialog.exec():
            dissents = [*self.model.records().dissents, dialog.result_dissent(self.item_id)]
            self.recorder.set_dissents(self.item_id, dissents)
        close_after_use(dialog)

    def edit_votes(self) -> None:
        if self.item_id is None or self.locked:
            return
        dialog = VoteDialog(self.model.records().votes, self.window())
        if dialog.exec():
            self.recorder.set_votes(self.item_id, dialog.result_votes(self.item_id))
        close_after_use(dialog)

    def add_reservation(self) -> None:
        if self.item_id is None or self.locked:
            return
        dialog = ReservationDialog(self.recorder.present_members(), None, self.window())
        if dialog.exec():
            reservations = [
                *self.model.records().reservations,
                dialog.result_reservation(self.item_id),
            ]
            self.recorder.set_reservations(self.item_id, reservations)
        close_after_use(dialog)

    def edit_row(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is None or self.item_id is None or self.locked:
            return
        if row.kind == "votes":
            self.edit_votes()
        elif row.kind == "absences":
            self._edit_absence(row.number)
        elif row.kind == "reservations":
            self._edit_reservation(row.number)
        else:
            self._edit_dissent(row.number)

    def _edit_absence(self, number: int) -> None:
        assert self.item_id is not None
        absences = list(self.model.records().absences)
        dialog = AbsenceDialog(self.recorder.present_members(), absences[number], self.window())
        if dialog.exec():
            absences[number] = dialog.result_absence(self.item_id)
            self.recorder.set_absences(self.item_id, absences)
        close_after_use(dialog)

    def _edit_dissent(self, number: int) -> None:
        assert self.item_id is not None
        dissents = list(self.model.records().dissents)
        dialog = DissentDialog(self.recorder.present_members(), dissents[number], self.window())
        if dialog.exec():
            dissents[number] = dialog.result_dissent(self.item_id)
            self.recorder.set_dissents(self.item_id, dissents)
        close_after_use(dialog)

    def _edit_reservation(self, number: int) -> None:
        assert self.item_id is not None
        reservations = list(self.model.records().reservations)
        dialog = ReservationDialog(
            self.recorder.present_members(), reservations[number], self.window()
        )
        if dialog.exec():
            reservations[number] = dialog.result_reservation(self.item_id)
            self.recorder.set_reservations(self.item_id, reservations)
        close_after_use(dialog)

    def remove_current(self) -> None:
        row = self.model.row_at(self.view.currentIndex().row())
        if row is None or self.item_id is None or self.locked:
            return
        records = self.model.records()
        if row.kind == "absences":
            absences: list[ItemAbsence] = list(records.absences)
            del absences[row.number]
            self.recorder.set_absences(self.item_id, absences)
        elif row.kind == "dissents":
            dissents: list[Dissent] = list(records.dissents)
            del dissents[row.number]
            self.recorder.set_dissents(self.item_id, dissents)
        elif row.kind == "reservations":
            reservations: list[Reservation] = list(records.reservations)
            del reservations[row.number]
            self.recorder.set_reservations(self.item_id, reservations)
        else:
            votes = [vote for vote in records.votes if vote.side is not row.side]
            self.recorder.set_votes(self.item_id, votes)
