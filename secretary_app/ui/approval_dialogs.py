"""Dialogs for the record: approve the minutes, add a correction, read the audit log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretary_app.core.danish_dates import stored_moment, stored_value
from secretary_app.core.record import AuditEntry, unique_names
from secretary_app.core.text import MAX_LINE, clean_line, clean_text
from secretary_app.ui import prompts
from secretary_app.ui.screen_fit import resize_within_screen


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ApproveDialog(QDialog):
    """Who approved (the members who took part, all ticked, and others named) and on which date,
    from the meeting's day to today. Without a member list the committee is ticked, as a body.
    `checklist`: what the minutes still lack (core.approval_checklist), shown as warnings that
    do not stop the approval."""

    def __init__(
        self,
        members: list[str],
        meeting_day: dt.date,
        committee_name: str,
        parent: QWidget | None = None,
        checklist: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Approve the minutes"))
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_checklist(checklist))
        note = self.tr(
            "After approval the minutes cannot be changed; corrections are added, dated."
        )
        layout.addWidget(QLabel(note, self))
        self.members = QListWidget(self)
        self.members.setAccessibleName(self.tr("Members who approved"))
        for name in members or [committee_name]:
            entry = QListWidgetItem(name, self.members)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked)
        self.others = QLineEdit(self)
        self.others.setMaxLength(MAX_LINE)
        self.others.setAccessibleName(self.tr("Others who approved"))
        form = QFormLayout()
        form.addRow(self.tr("O&thers (separated by commas)"), self.others)
        today = dt.date.today()
        self.date = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.date.setDateRange(_qdate(min(meeting_day, today)), _qdate(today))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d. MMMM yyyy")
        self.date.setAccessibleName(self.tr("Approved on"))
        form.addRow(self.tr("Approved &on"), self.date)
        layout.addWidget(QLabel(self.tr("Approved by"), self))
        layout.addWidget(self.members)
        layout.addLayout(form)
        self.buttons = _buttons(self)
        self.approve_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.approve_button.setText(self.tr("Approve the minutes"))
        layout.addWidget(self.buttons)
        wanted = self.sizeHint()
        resize_within_screen(self, wanted.width(), wanted.height())

    def _build_checklist(self, checklist: Sequence[str]) -> QWidget:
        """The lines with a warning sign each, or one line saying all is ready."""
        self.checklist = QListWidget(self)
        self.checklist.setAccessibleName(self.tr("Before approval"))
        self.checklist.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.checklist.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        ready = self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        for line in checklist:
            QListWidgetItem(warning, line, self.checklist).setToolTip(line)
        if not checklist:
            QListWidgetItem(ready, self.tr("All is ready"), self.checklist)
        # long lines wrap (a title in a line can be long), none is cut at the side
        self.checklist.setWordWrap(True)
        self.checklist.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rows = max(1, min(len(checklist), 8))
        self.checklist.setMinimumHeight(rows * self.checklist.sizeHintForRow(0) + 6)
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        heading = (
            self.tr("Still missing from the minutes (you can approve them all the same):")
            if checklist
            else self.tr("Before approval:")
        )
        column.addWidget(QLabel(heading, box))
        column.addWidget(self.checklist)
        return box

    def checklist_lines(self) -> list[str]:
        """The lines the dialog shows above who approved."""
        return [self.checklist.item(row).text() for row in range(self.checklist.count())]

    def accept(self) -> None:
        if not self.approved_by():
            prompts.show_error(self, self.tr("Tick or name who approved the minutes."))
            return
        super().accept()

    def approved_by(self) -> list[str]:
        rows = range(self.members.count())
        items = (self.members.item(row) for row in rows)
        ticked = [item.text() for item in items if item.checkState() == Qt.CheckState.Checked]
        typed = [clean_line(name) for name in self.others.text().split(",")]  # pasted too
        return unique_names(ticked + typed)

    def approved_on(self) -> dt.date:
        return self.date.date().toPython()  # type: ignore[return-value]


class CorrectionDialog(QDialog):
    """A correction to approved minutes: where, what, and why."""

    def __init__(self, item_labels: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a correction"))
        form = QFormLayout(self)
        self.where = QComboBox(self)
        self.where.addItem(self.tr("The minutes as a whole"), None)
        for number, label in enumerate(item_labels, start=1):
            self.where.addItem(label, number)
        self.text = QPlainTextEdit(self)
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(MAX_LINE)
        for label, widget in (
            (self.tr("&Where"), self.where),
            (self.tr("&Correction"), self.text),
            (self.tr("&Reason"), self.reason),
        ):
            widget.setAccessibleName(label.replace("&", ""))
            form.addRow(label, widget)
        form.addRow(_buttons(self))

    def set_item_numbers(self, numbers: list[int]) -> None:
        for row, number in enumerate(numbers, start=1):
            self.where.setItemData(row, number)

    def accept(self) -> None:
        if not clean_text(self.text.toPlainText()).strip() or not clean_line(self.reason.text()):
            prompts.show_error(self, self.tr("A correction needs its text and its reason."))
            return
        super().accept()

    def item_number(self) -> int | None:
        data = self.where.currentData()
        return int(data) if data is not None else None

    def correction_text(self) -> str:
        return clean_text(self.text.toPlainText()).strip()

    def correction_reason(self) -> str:
        return clean_line(self.reason.text())


class AuditDialog(QDialog):
    """Every change to the meeting after its agenda was sent: what, old, new, when, who."""

    def __init__(self, entries: list[AuditEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changes after the agenda was sent"))
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Old"), self.tr("New")]
        )
        for entry in entries:
            when = stored_moment(entry.changed_at)
            old, new = stored_value(entry.old), stored_value(entry.new)
            values = (when, entry.changed_by, entry.what, old, new)
            self.model.appendRow([QStandardItem(value) for value in values])
        view = QTableView(self)
        view.setModel(self.model)
        view.setAccessibleName(self.tr("Audit log"))
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        if not entries:
            layout.addWidget(QLabel(self.tr("No changes since the agenda was sent."), self))
        layout.addWidget(view)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        resize_within_screen(self, 820, 420)
