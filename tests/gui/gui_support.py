"""What the GUI tests share: answers to the app's questions and dialogs, and ways to read
the screen and the archive in the same shape so that a test can compare them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.table import Table
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QTableView, QWidget

from secretary_app.core.model import CommitteeKind, MemberRole, Numbering
from secretary_app.store.archive import Archive
from secretary_app.ui.committee_dialog import CommitteeDialog
from secretary_app.ui.main_window import MainWindow
from secretary_app.ui.meeting_dialog import STANDING_ITEMS, NewMeetingDialog

COMMIT_TIMEOUT_MS = 1000  # the app promises: every edit is in the archive within a second
STANDING_TITLES = ["Godkendelse af dagsorden", "Meddelelser", "Eventuelt"]
MEETING_ITEMS = ["Godkendelse af dagsorden", "Budget 2018", "Eventuelt"]  # the `meeting` fixture
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


# --- prompts --------------------------------------------------------------------------------


@dataclass
class Prompts:
    """Stands in for `secretary_app.ui.prompts`: answers its questions, records its messages."""

    answer: bool = True  # what confirm() answers
    files: list[Path] = field(default_factory=list)  # what choose_files_to_attach() gives
    save_path: Path | None = None  # what choose_save_path() gives
    template: Path | None = None  # what choose_template() gives
    meeting_files: list[Path] = field(default_factory=list)  # what choose_meeting_files() gives
    saved_answer: str | None = None  # what show_saved() answers: "document", "folder" or None
    section_for_text: str | None = None  # what choose_section_for_text() gives
    text_answer: str | None = None  # what ask_text() gives
    questions: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    information: list[str] = field(default_factory=list)
    unanswered: list[str] = field(default_factory=list)  # prompts this class does not know
    expected_errors: int = 0

    def expect_errors(self, count: int = 1) -> None:
        """The test expects `count` (more) error messages; any other number fails it."""
        self.expected_errors += count

    def confirm(self, _parent: Any, question: str) -> bool:
        self.questions.append(question)
        return self.answer

    def show_error(self, _parent: Any, message: str) -> None:
        self.errors.append(message)

    def show_information(self, _parent: Any, message: str) -> None:
        self.information.append(message)

    def show_saved(self, _parent: Any, message: str) -> str | None:
        """A saved document: recorded with the information; answers `saved_answer`."""
        self.information.append(message)
        return self.saved_answer

    def choose_files_to_attach(self, _parent: Any) -> list[Path]:
        return list(self.files)

    def choose_save_path(self, _parent: Any, *_args: Any) -> Path | None:
        return self.save_path

    def choose_template(self, _parent: Any) -> Path | None:
        return self.template

    def choose_meeting_files(self, _parent: Any) -> list[Path]:
        return list(self.meeting_files)

    def choose_section_for_text(
        self, _parent: Any, label: str, count: int, targets: list[tuple[str, str]]
    ) -> str | None:
        """Records the question as (label, count, targets)."""
        self.questions.append((label, count, list(targets)))  # type: ignore[arg-type]
        return self.section_for_text

    def ask_text(self, _parent: Any, *_args: Any) -> str | None:
        return self.text_answer

    def unknown(self, name: str) -> Any:
        """A stand-in for a prompt added to the app after these tests: it answers "cancel"."""

        def answer(*_args: Any, **_kwargs: Any) -> None:
            self.unanswered.append(name)

        return answer


# --- modal dialogs --------------------------------------------------------------------------


@dataclass
class CommitteeAnswer:
    name: str
    kind: CommitteeKind = CommitteeKind.STANDING
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    location: str = ""
    numbering: Numbering = Numbering.PER_MEETING
    members: list[tuple[str, MemberRole, str]] = field(default_factory=list)
    standing: list[str] = field(default_factory=list)
    edit: Callable[[CommitteeDialog], None] | None = None  # more, on the dialog, before OK


@dataclass
class MeetingAnswer:
    date: dt.date
    starts_at: dt.time = dt.time(17, 0)
    ends_at: dt.time = dt.time(19, 0)
    location: str | None = None  # None: keep the committee's default place
    source: int = STANDING_ITEMS  # or EMPTY, or the id of an earlier meeting


class Dialogs:
    """Answers the next CommitteeDialog / NewMeetingDialog the window opens.

    Their `exec()` is replaced by one that fills the dialog's real fields (pressing its own
    Add buttons for members and standing items) and calls `accept()`, so that the dialog's
    own checks run; exec returns the dialog's result, as the real one does.
    """

    def __init__(self) -> None:
        self.committee_answers: list[CommitteeAnswer] = []
        self.meeting_answers: list[MeetingAnswer] = []
        self.opened: list[Any] = []

    def committee(self, name: str, **fields: Any) -> None:
        self.committee_answers.append(CommitteeAnswer(name, **fields))

    def meeting(self, date: dt.date, **fields: Any) -> None:
        self.meeting_answers.append(MeetingAnswer(date, **fields))

    def exec_committee(self, dialog: CommitteeDialog) -> int:
        self.opened.append(dialog)
        assert self.committee_answers, "a committee dialog opened that the test did not expect"
        answer = self.committee_answers.pop(0)
        dialog.name.setText(answer.name)
        dialog.kind.setCurrentIndex(dialog.kind.findData(answer.kind))
        for edit, day in ((dialog.starts_on, answer.starts_on), (dialog.ends_on, answer.ends_on)):
            if day is not None:
                edit.setDate(qdate(day))
        dialog.location.setText(answer.location)
        dialog.numbering.setCurrentIndex(dialog.numbering.findData(answer.numbering))
        for name, role, party in answer.members:
            row = _press_add(dialog, dialog.members_model)
            for column, value in enumerate((name, dialog.roles[role], party)):
                dialog.members_model.setData(dialog.members_model.index(row, column), value)
        for title in answer.standing:
            row = _press_add(dialog, dialog.standing_model)
            dialog.standing_model.setData(dialog.standing_model.index(row, 0), title)
        if answer.edit is not None:
            answer.edit(dialog)
        dialog.accept()
        return dialog.result()

    def exec_meeting(self, dialog: NewMeetingDialog) -> int:
        self.opened.append(dialog)
        assert self.meeting_answers, "a meeting dialog opened that the test did not expect"
        answer = self.meeting_answers.pop(0)
        dialog.date.setDate(qdate(answer.date))
        dialog.starts_at.setTime(QTime(answer.starts_at.hour, answer.starts_at.minute))
        dialog.ends_at.setTime(QTime(answer.ends_at.hour, answer.ends_at.minute))
        if answer.location is not None:
            dialog.location.setText(answer.location)
        source = dialog.source.findData(answer.source)
        assert source >= 0, f"the dialog offers no agenda source {answer.source}"
        dialog.source.setCurrentIndex(source)
        dialog.accept()
        return dialog.result()


def _press_add(dialog: CommitteeDialog, model: Any) -> int:
    """Press the Add button under `model`'s table; the number of the row it added."""
    for button in dialog.findChildren(QPushButton):
        tables = button.parentWidget().findChildren(QTableView)
        if button.text() == dialog.tr("Add") and any(t.model() is model for t in tables):
            before = model.rowCount()
            button.click()
            assert model.rowCount() == before + 1
            return before
    raise AssertionError("no Add button under that table")


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


# --- reading the screen ---------------------------------------------------------------------


def agenda_rows(window: MainWindow) -> list[tuple[str, str]]:
    """(number, title) of every row of the agenda, as the view shows them."""
    model = window.meeting_panel.agenda.model()
    return [
        (model.index(row, 0).data(), model.index(row, 1).data()) for row in range(model.rowCount())
    ]


def agenda_titles(window: MainWindow) -> list[str]:
    return [title for _number, title in agenda_rows(window)]


def tree_texts(window: MainWindow) -> dict[str, list[str]]:
    """Committee label -> its meetings' labels, as the tree shows them."""
    model = window.tree.model()
    shown: dict[str, list[str]] = {}
    for row in range(model.rowCount()):
        committee = model.index(row, 0)
        meetings = [model.index(r, 0, committee).data() for r in range(model.rowCount(committee))]
        shown[committee.data()] = meetings
    return shown


def attachment_rows(window: MainWindow) -> list[tuple[str, bool, str]]:
    """(title, public, file name) of every attachment the item editor's table shows."""
    model = window.item_editor.attachments.model()
    rows = []
    for row in range(model.rowCount()):
        title, public, filename = (model.index(row, column) for column in range(3))
        checked = public.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        rows.append((title.data(), checked, filename.data()))
    return rows


def chosen_row(window: MainWindow) -> int:
    return window.meeting_panel.agenda.currentIndex().row()


def button(parent: QWidget, text: str) -> QPushButton:
    """The push button under `parent` whose text, without its & marker, is `text`."""
    found = [b for b in parent.findChildren(QPushButton) if b.text().replace("&", "") == text]
    assert len(found) == 1, f"expected one button {text!r}, found {len(found)}"
    return found[0]


# --- reading the archive --------------------------------------------------------------------


def stored_titles(archive: Archive, meeting_id: int) -> list[str]:
    return [item.title for item in archive.items.for_meeting(meeting_id)]


def stored_positions(archive: Archive, meeting_id: int) -> list[tuple[int, str]]:
    return [(item.position, item.title) for item in archive.items.for_meeting(meeting_id)]


def stored_attachments(archive: Archive, item_id: int) -> list[tuple[str, bool, str, bytes]]:
    return [
        (a.title, a.public, a.filename, archive.attachments.content(a.id or 0))
        for a in archive.attachments.for_item(item_id)
    ]


# --- acting ---------------------------------------------------------------------------------


def focus(qtbot: Any, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=1000)


def press(
    qtbot: Any, widget: QWidget, key: Qt.Key, modifiers: Any = Qt.KeyboardModifier.NoModifier
) -> None:
    """Focus `widget` and press `key` there, as a user would."""
    focus(qtbot, widget)
    QTest.keyClick(widget, key, modifiers)


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` into `widget` key by key, Danish letters too.

    QTest.keyClicks (and so qtbot.keyClicks) handles ASCII only: it sends "ø" as the bytes
    of its UTF-8 form, and aborts the process on some letters ("é"). A Danish keyboard sends
    such a letter as its own key with the letter as text, which is what is sent here.
    """
    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
        else:
            try:
                key = Qt.Key(ord(char.upper()))
            except ValueError:
                key = Qt.Key.Key_unknown
            QTest.sendKeyEvent(
                QTest.KeyAction.Click, widget, key, char, Qt.KeyboardModifier.NoModifier
            )


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def choose_row(qtbot: Any, window: MainWindow, row: int) -> None:
    """Choose an agenda row with the mouse, as a user would."""
    view = window.meeting_panel.agenda
    rect = view.visualRect(view.model().index(row, 1))
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )
    qtbot.waitUntil(lambda: chosen_row(window) == row, timeout=1000)


def docx_lines(path: Path) -> list[str]:
    """A Word document's body as a reader goes through it: each paragraph, and each row of a
    table with its cells' text joined by a space ("Mødested: Rådssalen")."""
    lines: list[str] = []
    for part in docx.Document(str(path)).iter_inner_content():
        if isinstance(part, Table):
            lines.extend(" ".join(cell.text for cell in row.cells) for row in part.rows)
        else:
            lines.append(part.text)
    return lines
