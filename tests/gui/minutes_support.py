"""What the meeting-mode and attendance tests share: answers for the dialogs that record the
minutes (attendance, not present during an item, dissent note, votes, reservation), and a fixed
clock.

`RecordDialogs` replaces each dialog's `exec()` by one that shows the real dialog, lets the test
fill it (typing into its real fields, pressing its keys) and returns the dialog's own result: a
fill that leaves the dialog open cancels it. Nothing modal runs, so no dialog can block a test.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from gui_support import type_text
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from secretary_app.core.model import AttendanceStatus, Member, MemberRole
from secretary_app.ui.attendance_dialog import AttendanceDialog
from secretary_app.ui.item_records_dialogs import (
    AbsenceDialog,
    DissentDialog,
    ReservationDialog,
    VoteDialog,
)

RECORD_DIALOGS = (AttendanceDialog, AbsenceDialog, DissentDialog, VoteDialog, ReservationDialog)
MEMBERS = [
    ("Anna Holm", MemberRole.CHAIR, "V"),
    ("Bo Berg", MemberRole.MEMBER, "A"),
    ("Carl Dahl", MemberRole.MEMBER, "C"),
    ("Dorte Eske", MemberRole.MEMBER, "Ø"),
    ("Erik Fisker", MemberRole.CITIZEN_MEMBER, ""),
]
Fill = Callable[[Any], None]


class RecordDialogs:
    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot
        self.fills: dict[type, list[Fill]] = {cls: [] for cls in RECORD_DIALOGS}
        self.opened: list[QDialog] = []

    def answer(self, dialog_class: type, fill: Fill) -> None:
        """The next `dialog_class` the app opens is filled by `fill(dialog)`."""
        self.fills[dialog_class].append(fill)

    def exec(self, dialog: QDialog) -> int:
        fills = self.fills[type(dialog)]
        assert fills, f"a {type(dialog).__name__} opened that the test did not expect"
        self.opened.append(dialog)
        self._activate(dialog)
        fills.pop(0)(dialog)
        if dialog.isVisible():
            dialog.reject()
        parent = dialog.parentWidget()
        if parent is not None:  # as after a modal dialog: the window is active again
            self._activate(parent.window())
        return dialog.result()

    def _activate(self, window: QWidget) -> None:
        window.show()
        self.qtbot.waitExposed(window)
        window.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)

    def unanswered(self) -> list[str]:
        return [cls.__name__ for cls, fills in self.fills.items() if fills]


# --- filling the dialogs --------------------------------------------------------------------


def key(widget: QWidget, key: Qt.Key, modifiers: Any = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, key, modifiers)


def enter(dialog: QDialog) -> None:
    """Enter, as typed in the dialog's focused field: the default button records."""
    target = dialog.focusWidget() or dialog
    key(target, Qt.Key.Key_Return)


def set_attendance(
    statuses: dict[str, tuple[AttendanceStatus, str]],
    guests: list[str] | None = None,
    officials: list[str] | None = None,
) -> Fill:
    """Fill the attendance dialog: {member: (status, substitute)}, guests and officials."""

    def fill(dialog: AttendanceDialog) -> None:
        for row in dialog.rows:
            if row.entry.name in statuses:
                status, substitute = statuses[row.entry.name]
                row.status.setCurrentIndex(row.status.findData(status))
                row.substitute.setText(substitute)
        dialog.guests.setPlainText("\n".join(guests or []))
        dialog.officials.setPlainText("\n".join(officials or []))
        dialog.accept()

    return fill


def type_absence(first_letters: str, reason_steps: int = 0, note: str = "") -> Fill:
    """From the keyboard: the member's first letters, Tab, Down to the reason, a note, Enter."""

    def fill(dialog: AbsenceDialog) -> None:
        line = dialog.member.lineEdit()
        line.selectAll()
        type_text(line, first_letters)
        for _ in range(reason_steps):
            key(dialog.reason, Qt.Key.Key_Down)
        if note:
            type_text(dialog.note, note)
        dialog.member.setFocus()
        enter(dialog)

    return fill


def type_dissent(member: str, text: str) -> Fill:
    def fill(dialog: DissentDialog) -> None:
        line = dialog.member.lineEdit()
        line.selectAll()
        type_text(line, member)
        dialog.text.selectAll()
        type_text(dialog.text, text)
        key(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    return fill


def type_votes(for_: str = "", against: str = "", abstain: str = "") -> Fill:
    def fill(dialog: VoteDialog) -> None:
        for edit, text in zip(dialog.sides.values(), (for_, against, abstain), strict=True):
            edit.selectAll()
            type_text(edit, text)
        dialog.sides[next(iter(dialog.sides))].setFocus()
        enter(dialog)

    return fill


def cancel(dialog: QDialog) -> None:
    key(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)


# --- the committee and the clock ------------------------------------------------------------


def committee_members(committee_id: int) -> list[Member]:
    return [Member(committee_id, name, role, party) for name, role, party in MEMBERS]


class FixedClock:
    """The clock meeting mode reads: a fixed time the test sets."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def set(self, day: dt.date, hhmm: str) -> None:
        self.now = dt.datetime.combine(day, dt.time.fromisoformat(hhmm))
