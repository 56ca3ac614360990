"""Small dialogs for one item's records, quick from the keyboard: the member who was not
present (and why), a dissent note, the votes, a reservation. Enter records, Esc cancels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from secretary_app.core.attendance import join_names, split_names
from secretary_app.core.model import (
    AbsenceReason,
    Dissent,
    ItemAbsence,
    Reservation,
    Vote,
    VoteSide,
)
from secretary_app.core.text import MAX_LINE, clean_line, clean_text
from secretary_app.ui.item_records_model import reason_names, side_names


class _RecordDialog(QDialog):
    """A form with OK (the default button, Enter) and Cancel (Esc)."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setDefault(True)

    def add_row(self, label: str, widget: QWidget) -> None:
        widget.setAccessibleName(label.replace("&", ""))
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        self.form.addRow(caption, widget)

    def member_box(self, members: list[str], current: str) -> QComboBox:
        """A member chosen from the list by typing the first letters, or any name typed."""
        box = QComboBox(self)
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.addItems(members)
        box.setCurrentText(current)
        line = box.lineEdit()
        assert line is not None
        line.selectAll()
        # Enter records at once, also when it takes the name the first letters completed.
        line.returnPressed.connect(self.accept)
        return box


class AbsenceDialog(_RecordDialog):
    """Not present during this item: member, reason, an optional note."""

    def __init__(
        self, members: list[str], absence: ItemAbsence | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Not present during this item"), parent)
        chosen = absence or ItemAbsence(0, members[0] if members else "")
        self.member = self.member_box(members, chosen.member)
        self.reason = QComboBox(self)
        for reason, name in reason_names().items():
            self.reason.addItem(name, reason)
        self.reason.setCurrentIndex(self.reason.findData(chosen.reason))
        self.note = QLineEdit(chosen.note, self)
        self.note.setMaxLength(MAX_LINE)
        self.add_row(self.tr("&Member"), self.member)
        self.add_row(self.tr("&Reason"), self.reason)
        self.add_row(self.tr("&Note"), self.note)
        self.setMinimumWidth(420)
        self.member.setFocus()

    def accept(self) -> None:
        if clean_line(self.member.currentText()):
            super().accept()

    def result_absence(self, item_id: int) -> ItemAbsence:
        return ItemAbsence(
            item_id,
            clean_line(self.member.currentText()),
            AbsenceReason(self.reason.currentData()),
            clean_line(self.note.text()),
        )


class DissentDialog(_RecordDialog):
    """A dissent note (protokolbemærkning): member and text. Ctrl+Enter records it too."""

    def __init__(
        self, members: list[str], dissent: Dissent | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Dissent note"), parent)
        chosen = dissent or Dissent(0, members[0] if members else "", "")
        self.member = self.member_box(members, chosen.member)
        self.text = QPlainTextEdit(chosen.text, self)
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("What the member wants in the minutes"))
        self.add_row(self.tr("&Member"), self.member)
        self.add_row(self.tr("&Text"), self.text)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)
        self.resize(520, 260)
        self.member.setFocus()

    def accept(self) -> None:
        if clean_line(self.member.currentText()) and clean_text(self.text.toPlainText()).strip():
            super().accept()

    def result_dissent(self, item_id: int) -> Dissent:
        text = clean_text(self.text.toPlainText()).strip()
        return Dissent(item_id, clean_line(self.member.currentText()), text)


class ReservationDialog(_RecordDialog):
    """A reservation (forbehold): the member, and what it concerns if they say so. Enter
    records it from the member field, Ctrl+Enter from the text."""

    def __init__(
        self,
        members: list[str],
        reservation: Reservation | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Reservation"), parent)
        chosen = reservation or Reservation(0, members[0] if members else "")
        self.member = self.member_box(members, chosen.member)
        self.text = QPlainTextEdit(chosen.text, self)
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("What the reservation concerns (may be left empty)"))
        self.add_row(self.tr("&Member"), self.member)
        self.add_row(self.tr("&Text"), self.text)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)
        self.resize(520, 220)
        self.member.setFocus()

    def accept(self) -> None:
        if clean_line(self.member.currentText()):
            super().accept()

    def result_reservation(self, item_id: int) -> Reservation:
        text = clean_text(self.text.toPlainText()).strip()
        return Reservation(item_id, clean_line(self.member.currentText()), text)


class VoteDialog(_RecordDialog):
    """Who voted for, against and abstained: names or parties, separated by commas."""

    def __init__(self, votes: list[Vote], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Votes"), parent)
        self.sides: dict[VoteSide, QLineEdit] = {}
        labels = {
            VoteSide.FOR: self.tr("&For"),
            VoteSide.AGAINST: self.tr("&Against"),
            VoteSide.ABSTAIN: self.tr("A&bstaining"),
        }
        for side in VoteSide:
            names = [vote.voter for vote in votes if vote.side is side]
            edit = QLineEdit(join_names(names), self)
            edit.setPlaceholderText(self.tr("Names or parties, separated by commas"))
            self.sides[side] = edit
            self.add_row(labels[side], edit)
            edit.setAccessibleName(side_names()[side])
        self.resize(520, 160)
        self.sides[VoteSide.FOR].setFocus()

    def result_votes(self, item_id: int) -> list[Vote]:
        return [
            Vote(item_id, side, name)
            for side, edit in self.sides.items()
            for name in split_names(edit.text())
        ]


def close_after_use(dialog: QDialog) -> None:
    """A dialog is read after exec() and then goes, so that no hidden one stays in the window."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    dialog.deleteLater()
