"""Attendance at a meeting: every member present, absent (fraværende) or excused (afbud), with a
substitute (stedfortræder) where one came; guests and officials present, one name a line."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from secretary_app.core.attendance import AttendanceSheet, names_by_line, takes_substitute
from secretary_app.core.model import AttendanceEntry, AttendanceStatus
from secretary_app.ui.committee_dialog import role_names
from secretary_app.ui.screen_fit import resize_within_screen


def status_names() -> dict[AttendanceStatus, str]:
    return {
        AttendanceStatus.PRESENT: QCoreApplication.translate("AttendanceDialog", "Present"),
        AttendanceStatus.ABSENT: QCoreApplication.translate(
            "AttendanceDialog", "Absent (fraværende)"
        ),
        AttendanceStatus.EXCUSED: QCoreApplication.translate("AttendanceDialog", "Excused (afbud)"),
    }


@dataclass
class MemberRow:
    """The controls of one member's line."""

    entry: AttendanceEntry
    status: QComboBox
    substitute: QLineEdit


class AttendanceDialog(QDialog):
    def __init__(self, sheet: AttendanceSheet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Attendance"))
        self.rows: list[MemberRow] = []
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Members"), self))
        layout.addWidget(self._build_members(sheet), 1)
        layout.addLayout(self._build_others(sheet))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        resize_within_screen(self, 720, 560)
        if self.rows:
            self.rows[0].status.setFocus()

    def _build_members(self, sheet: AttendanceSheet) -> QScrollArea:
        page = QWidget(self)
        grid = QGridLayout(page)
        headers = (self.tr("Name"), self.tr("Role"), self.tr("Status"), self.tr("Substitute"))
        for column, header in enumerate(headers):
            grid.addWidget(QLabel(f"<b>{header}</b>", page), 0, column)
        roles = role_names()
        for number, entry in enumerate(sheet.members, start=1):
            grid.addWidget(QLabel(entry.name, page), number, 0)
            grid.addWidget(QLabel(roles.get(entry.role, ""), page), number, 1)
            row = MemberRow(entry, self._status_box(entry, page), QLineEdit(entry.substitute, page))
            row.status.setAccessibleName(self.tr("Status of %1").replace("%1", entry.name))
            row.substitute.setAccessibleName(self.tr("Substitute for %1").replace("%1", entry.name))
            row.substitute.setPlaceholderText(self.tr("Substitute (stedfortræder)"))
            row.status.currentIndexChanged.connect(lambda _i, r=row: self._status_changed(r))
            self._status_changed(row)
            grid.addWidget(row.status, number, 2)
            grid.addWidget(row.substitute, number, 3)
            self.rows.append(row)
        if not sheet.members:
            grid.addWidget(QLabel(self.tr("The committee has no members yet."), page), 1, 0, 1, 4)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(3, 2)
        grid.setRowStretch(len(sheet.members) + 2, 1)
        scroll = QScrollArea(self)
        scroll.setWidget(page)
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(self.tr("Members"))
        return scroll

    def _status_box(self, entry: AttendanceEntry, parent: QWidget) -> QComboBox:
        box = QComboBox(parent)
        for status, name in status_names().items():
            box.addItem(name, status)
        box.setCurrentIndex(box.findData(entry.status))
        return box

    def _status_changed(self, row: MemberRow) -> None:
        row.substitute.setEnabled(takes_substitute(self._status(row)))

    def _status(self, row: MemberRow) -> AttendanceStatus:
        return AttendanceStatus(row.status.currentData())

    def _build_others(self, sheet: AttendanceSheet) -> QHBoxLayout:
        row = QHBoxLayout()
        self.guests = self._names(self.tr("&Guests present (one a line)"), sheet.guests, row)
        self.officials = self._names(
            self.tr("&Officials present (one a line)"), sheet.officials, row
        )
        return row

    def _names(self, label: str, names: list[str], row: QHBoxLayout) -> QPlainTextEdit:
        box = QVBoxLayout()
        edit = QPlainTextEdit("\n".join(names), self)
        edit.setTabChangesFocus(True)
        edit.setAccessibleName(label.replace("&", ""))
        edit.setMaximumHeight(110)
        caption = QLabel(label, self)
        caption.setBuddy(edit)
        box.addWidget(caption)
        box.addWidget(edit)
        row.addLayout(box)
        return edit

    # Result

    def result_sheet(self) -> AttendanceSheet:
        members = [
            replace(row.entry, status=self._status(row), substitute=row.substitute.text())
            for row in self.rows
        ]
        return AttendanceSheet(
            members,
            names_by_line(self.guests.toPlainText()),
            names_by_line(self.officials.toPlainText()),
        )
