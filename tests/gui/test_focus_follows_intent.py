"""Focus follows intent: a new item puts the cursor in its title, its text selected; a new
committee dialog opens in its name; a new meeting dialog in its date."""

from __future__ import annotations

from gui_support import COMMIT_TIMEOUT_MS, CTRL, MEETING_ITEMS, choose_row, press, stored_titles
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from secretary_app.core.model import Meeting
from secretary_app.store.archive import Archive
from secretary_app.ui.committee_dialog import CommitteeDialog
from secretary_app.ui.main_window import MainWindow
from secretary_app.ui.meeting_dialog import NewMeetingDialog


def focus_on_opening(qtbot, dialog: QDialog) -> object:
    """The widget with the cursor once `dialog` is shown and active."""
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    return QApplication.focusWidget()


def test_a_new_item_puts_the_cursor_in_its_title_selected(
    qtbot, window: MainWindow, meeting: Meeting, archive: Archive
) -> None:
    choose_row(qtbot, window, 1)

    press(qtbot, window.meeting_panel.agenda, Qt.Key.Key_N, CTRL)

    title = window.item_editor.title
    qtbot.waitUntil(lambda: QApplication.focusWidget() is title, timeout=1000)
    assert title.text() == "New item"
    assert title.selectedText() == "New item"

    QTest.keyClicks(title, "Trafikplan 2018")

    assert title.text() == "Trafikplan 2018"
    expected = [MEETING_ITEMS[0], MEETING_ITEMS[1], "Trafikplan 2018", MEETING_ITEMS[2]]
    qtbot.waitUntil(
        lambda: stored_titles(archive, meeting.id or 0) == expected, timeout=COMMIT_TIMEOUT_MS
    )


def test_an_item_brought_back_by_undo_leaves_the_cursor_in_the_agenda(
    qtbot, window: MainWindow, meeting: Meeting, prompts
) -> None:
    prompts.answer = True
    choose_row(qtbot, window, 1)
    press(qtbot, window.meeting_panel.agenda, Qt.Key.Key_Delete)

    press(qtbot, window.meeting_panel.agenda, Qt.Key.Key_Z, CTRL)

    assert window.item_editor.title.text() == MEETING_ITEMS[1]
    assert QApplication.focusWidget() is window.meeting_panel.agenda


def test_choosing_an_item_leaves_the_cursor_in_the_agenda(
    qtbot, window: MainWindow, meeting: Meeting
) -> None:
    choose_row(qtbot, window, 0)
    press(qtbot, window.meeting_panel.agenda, Qt.Key.Key_Down)

    assert QApplication.focusWidget() is window.meeting_panel.agenda


def test_a_new_committee_dialog_opens_in_its_name(qtbot, window: MainWindow) -> None:
    dialog = CommitteeDialog(None, [], [], window)
    assert focus_on_opening(qtbot, dialog) is dialog.name


def test_a_new_meeting_dialog_opens_in_its_date(
    qtbot, window: MainWindow, meeting: Meeting, archive: Archive
) -> None:
    committee = archive.committees.get(meeting.committee_id)
    dialog = NewMeetingDialog(committee, [meeting], window)
    focused = focus_on_opening(qtbot, dialog)
    assert focused is dialog.date or focused.parent() is dialog.date  # its line edit inside
