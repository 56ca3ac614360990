"""A secretary's first hour (issue 11, "Done when"): someone who has never seen the program
creates a committee, holds a meeting, approves the minutes and, a year later, finds last year's
decision on the case, with no command line and no README.

Driven only as a user reaches the window: the start page's buttons, the menus' actions and their
keys, typing into the field that has the cursor. The modal dialogs are answered by the fixtures
(`dialogs`, `record_dialogs`, `prompts`), and what the window shows is checked against `disk`, a
second connection that sees only what was committed.

With FIRST_HOUR_SHOTS=/some/dir the journey also leaves screenshots of the Danish window at
1366×768 there (the start page, the agenda, meeting mode, the approval), to be looked at.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from gui_support import (
    ALT,
    COMMIT_TIMEOUT_MS,
    CTRL,
    SHIFT,
    Dialogs,
    agenda_rows,
    button,
    choose_row,
    focus,
    focused,
    press,
    stored_titles,
    type_text,
)
from minutes_support import MEMBERS, FixedClock, RecordDialogs, set_attendance
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from secretary_app.core.danish_dates import short_date
from secretary_app.core.model import AttendanceStatus
from secretary_app.store.archive import Archive
from secretary_app.ui.approval_dialogs import ApproveDialog
from secretary_app.ui.attendance_dialog import AttendanceDialog
from secretary_app.ui.committee_tree_model import CommitteeTreeModel
from secretary_app.ui.i18n import install_translators
from secretary_app.ui.main_window import MainWindow
from secretary_app.ui.meeting_dialog import NewMeetingDialog

TODAY = dt.date.today()
NEXT_YEAR = TODAY + dt.timedelta(weeks=52)  # the same weekday, a year on
COMMITTEE = "Børne- og Skoleudvalget"
STANDING = "Godkendelse af dagsorden"
SCHOOL = "Ny skole i Nordbyen"
CASE_ID = "EMN-2025-00042"
RESUME = "Forvaltningen foreslår at bygge en ny skole til 600 elever."
FOLLOW_UP = "Budgetopfølgning 2. kvartal"
DECISION = "Anlægsbevillingen godkendes."
SEARCHED = "bevilling"  # the second half of "Anlægsbevillingen"
SHOTS = os.environ.get("FIRST_HOUR_SHOTS")


# --- reading the window ----------------------------------------------------------------------


def menu_action(window: MainWindow, menu_text: str, action_text: str) -> Any:
    """The action `action_text` in the menu bar's menu `menu_text` (both without their &)."""
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu) and top.text().replace("&", "") == menu_text:
            found = [a for a in menu.actions() if a.text().replace("&", "") == action_text]
            assert len(found) == 1, f"{menu_text} has no one action {action_text!r}"
            return found[0]
    raise AssertionError(f"no menu {menu_text!r}")


def choose_in_menu(window: MainWindow, menu_text: str, action_text: str) -> None:
    """The action chosen in its menu, as a click there does: it must be enabled."""
    action = menu_action(window, menu_text, action_text)
    assert action.isEnabled(), f"{menu_text} → {action_text} is disabled"
    action.trigger()


def tree_stage(window: MainWindow, meeting_id: int) -> str:
    """The meeting's stage, as the tree's second column shows it."""
    index = window.tree_model.index_of_meeting(meeting_id)
    return index.siblingAtColumn(CommitteeTreeModel.STAGE).data()


def header_stage(window: MainWindow) -> str:
    return window.meeting_panel.stage.text()


def decision_field(window: MainWindow) -> QWidget:
    return window.meeting_actions.view.decision.text_edit


def mode_heading(window: MainWindow) -> str:
    return window.meeting_actions.view.heading.text()


def key(keys: Qt.Key, modifiers: Any = Qt.KeyboardModifier.NoModifier) -> None:
    """A key typed where the cursor is, as a user types it."""
    target = focused()
    assert target is not None, "no widget has the cursor"
    QTest.keyClick(target, keys, modifiers)


def tab_to(wanted: QWidget, most: int = 3) -> int:
    """Tab from the field with the cursor until `wanted` has it; the number of Tabs."""
    for count in range(1, most + 1):
        key(Qt.Key.Key_Tab)
        if focused() is wanted:
            return count
    raise AssertionError(f"{most} Tabs did not reach {wanted.accessibleName()!r}")


# --- screenshots -----------------------------------------------------------------------------


def shoot(
    qtbot: Any,
    window: MainWindow,
    name: str,
    meeting_id: int | None = None,
    act: Callable[[MainWindow], None] | None = None,
) -> None:
    """With FIRST_HOUR_SHOTS set: the Danish window at 1366×768 over the same archive, showing
    `meeting_id` at its second item, after `act(danish_window)`, saved as `name`.png. The tests'
    own window stays English: its texts are the source texts the asserts read."""
    if not SHOTS:
        return
    application = QApplication.instance()
    install_translators(application, "da")
    try:
        danish = MainWindow(window.archive)
        qtbot.addWidget(danish)
        danish.resize(1366, 768)
        danish.show()
        qtbot.waitExposed(danish)
        if meeting_id is not None:
            danish.open_meeting(meeting_id)
            danish.meeting_panel.select_row(min(1, danish.agenda_model.rowCount() - 1))
        if act is not None:
            act(danish)
        QApplication.processEvents()
        save_shot(danish, name)
        danish.close()
    finally:
        install_translators(application, "en")
        window.activateWindow()  # the tests' window has the keys again
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def save_shot(widget: QWidget, name: str) -> None:
    assert SHOTS
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def in_meeting_mode(danish: MainWindow) -> None:
    danish.meeting_actions.enter()
    danish.setWindowState(Qt.WindowState.WindowNoState)  # offscreen: a screen smaller than 1366
    danish.resize(1366, 768)


def approval_dialog_shot(monkeypatch: pytest.MonkeyPatch) -> Callable[[MainWindow], None]:
    """The approval dialog as the window builds it, saved as 6-approve-dialog.png, cancelled."""

    def act(danish: MainWindow) -> None:
        def grab(dialog: ApproveDialog) -> int:
            dialog.show()
            QApplication.processEvents()
            save_shot(dialog, "6-approve-dialog")
            return 0

        with monkeypatch.context() as patch:
            patch.setattr(ApproveDialog, "exec", grab)
            danish.record_actions.approve_action.trigger()

    return act


def searching(text: str) -> Callable[[MainWindow], None]:
    def act(danish: MainWindow) -> None:
        danish.show_search()
        danish.search_pane.field.setText(text)
        danish.search_pane.run_search()

    return act


# --- the journey, step by step ---------------------------------------------------------------


def create_committee(qtbot: Any, window: MainWindow, dialogs: Dialogs, disk: Archive) -> None:
    """Step 1: from the start page of an empty archive, a committee with members."""
    assert window.pages.currentWidget() is window.start_page
    texts = [b.text().replace("&", "") for b in window.start_page.buttons]
    assert texts == ["Create a committee…", "Open the example", "Load a meeting from a file…"]
    assert not window.new_meeting_action.isEnabled()
    place = "Rådhuset, mødelokale 2"
    dialogs.committee(COMMITTEE, location=place, members=MEMBERS, standing=[STANDING])

    qtbot.mouseClick(button(window.start_page, "Create a committee…"), Qt.MouseButton.LeftButton)

    assert window.pages.currentWidget() is window.panes
    assert window.tree_model.index(0, 0).data() == COMMITTEE
    assert window.new_meeting_action.isEnabled() and window.new_meeting_button.isEnabled()
    [committee] = disk.committees.all()
    assert committee.name == COMMITTEE
    assert [m.name for m in disk.committees.members(committee.id)] == [m[0] for m in MEMBERS]
    assert [s.title for s in disk.committees.standing_items(committee.id)] == [STANDING]


def new_meeting(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch, day: Any
) -> dt.date:
    """Step 2 (and 7): File → New meeting by its keys; the date the dialog proposed."""
    proposed: list[dt.date] = []

    def exec_(dialog: NewMeetingDialog) -> int:
        proposed.append(dialog.date.date().toPython())
        return dialogs.exec_meeting(dialog)

    monkeypatch.setattr(NewMeetingDialog, "exec", exec_)
    dialogs.meeting(day)
    press(qtbot, window.tree, Qt.Key.Key_N, CTRL | SHIFT)
    assert len(proposed) == 1, "Ctrl+Shift+N opened no meeting dialog"
    assert window.meetings.meeting is not None and window.meetings.meeting.date == day
    return proposed[0]


def add_item(qtbot: Any, window: MainWindow, title: str, case_id: str = "") -> None:
    """Ctrl+N where the cursor is: the cursor in the new item's title, its text selected; the
    title typed, Tab to the case ID (past Open/closed), the case ID typed."""
    key(Qt.Key.Key_N, CTRL)
    editor = window.item_editor
    qtbot.waitUntil(lambda: focused() is editor.title, timeout=1000)
    assert editor.title.selectedText() == editor.title.text() == "New item"
    type_text(editor.title, title)
    tab_to(editor.case_id)
    type_text(editor.case_id, case_id)


def plan_agenda(qtbot: Any, window: MainWindow, disk: Archive) -> int:
    """Step 3: the agenda built from the keyboard; the meeting's id."""
    meeting_id = window.meetings.meeting.id
    choose_row(qtbot, window, 0)
    add_item(qtbot, window, SCHOOL, CASE_ID)
    resume = window.item_editor.rich_edit("section:resume").text_edit
    focus(qtbot, resume)  # a click in the Resumé
    type_text(resume, RESUME)
    add_item(qtbot, window, FOLLOW_UP)
    key(Qt.Key.Key_Tab)  # leaving the case ID commits the item

    assert agenda_rows(window) == [("1", STANDING), ("2", SCHOOL), ("3", FOLLOW_UP)]
    expected = [STANDING, SCHOOL, FOLLOW_UP]
    qtbot.waitUntil(lambda: stored_titles(disk, meeting_id) == expected, timeout=COMMIT_TIMEOUT_MS)
    school = disk.items.for_meeting(meeting_id)[1]
    assert (school.case_id, school.text("resume")) == (CASE_ID, RESUME)
    return meeting_id


def mark_sent(window: MainWindow, prompts: Any, disk: Archive, meeting_id: int) -> None:
    """Step 4: Minutes → Mark the agenda as sent, asked first."""
    prompts.answer = True
    choose_in_menu(window, "Minutes", "Mark the agenda as sent")
    assert len(prompts.questions) == 1 and "audit log" in prompts.questions[0]
    assert disk.approvals.agenda_sent_at(meeting_id) is not None
    assert tree_stage(window, meeting_id) == "Udsendt"
    assert header_stage(window) == f"Udsendt {short_date(TODAY)}"


def hold_meeting(
    qtbot: Any, window: MainWindow, record_dialogs: RecordDialogs, disk: Archive, meeting_id: int
) -> None:
    """Step 5: F11, attendance, a phrase, a typed decision, the end, Esc."""
    clock = FixedClock(dt.datetime.combine(TODAY, dt.time(17, 0)))
    window.meeting_actions.recorder.clock = clock
    choose_row(qtbot, window, 0)
    key(Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: focused() is decision_field(window), timeout=1000)
    assert window.isFullScreen()
    assert window.meeting_actions.in_meeting_mode() and not window.meeting_panel.isVisible()
    assert mode_heading(window) == f"1. {STANDING}"

    absent = AttendanceStatus.ABSENT
    record_dialogs.answer(AttendanceDialog, set_attendance({"Carl Dahl": (absent, "Frida Gram")}))
    key(Qt.Key.Key_T, CTRL | SHIFT)
    assert window.meeting_actions.view.attendance_label.text() == "5 present, 1 absent"
    field = decision_field(window)
    key(Qt.Key.Key_1, ALT)
    assert field.toPlainText() == "Godkendt."
    key(Qt.Key.Key_PageDown, CTRL)
    assert mode_heading(window) == f"2. {SCHOOL}"
    assert focused() is field
    type_text(field, DECISION)
    key(Qt.Key.Key_PageDown, CTRL)
    assert mode_heading(window) == f"3. {FOLLOW_UP}"
    key(Qt.Key.Key_3, ALT)
    clock.set(TODAY, "18:47")
    key(Qt.Key.Key_E, CTRL | SHIFT)
    assert window.meeting_actions.view.ended_label.text() == "Meeting ended at 18.47"
    key(Qt.Key.Key_Escape)

    assert not window.meeting_actions.in_meeting_mode() and not window.isFullScreen()
    assert window.meeting_panel.isVisible()
    stored = disk.items.for_meeting(meeting_id)
    assert [item.decision for item in stored] == [
        "Godkendt.",
        DECISION,
        "Taget til efterretning.",
    ]
    assert disk.meetings.get(meeting_id).ended_at == dt.time(18, 47)
    absentees = [
        (entry.name, entry.substitute)
        for entry in disk.meetings.attendance(meeting_id)
        if entry.status == absent
    ]
    assert absentees == [("Carl Dahl", "Frida Gram")]


def approve(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, disk: Archive, meeting_id: int
) -> list[str]:
    """Step 6: Minutes → Approve the minutes…; the dialog's checklist, as it showed it."""
    shown: list[str] = []

    def exec_(dialog: ApproveDialog) -> int:
        shown.extend(dialog.checklist_lines())
        dialog.approve_button.click()
        return dialog.result()

    monkeypatch.setattr(ApproveDialog, "exec", exec_)
    choose_in_menu(window, "Minutes", "Approve the minutes…")
    assert disk.approvals.is_approved(meeting_id) and disk.approvals.verify(meeting_id)
    assert tree_stage(window, meeting_id) == "Godkendt"
    assert header_stage(window) == f"Godkendt {short_date(TODAY)}"
    assert window.item_editor.title.isReadOnly()
    return shown


def first_meeting_held_and_approved(
    qtbot: Any,
    window: MainWindow,
    dialogs: Dialogs,
    record_dialogs: RecordDialogs,
    prompts: Any,
    monkeypatch: pytest.MonkeyPatch,
    disk: Archive,
) -> int:
    """Steps 1 to 6, as the tests before step 7 drive them; the meeting's id."""
    create_committee(qtbot, window, dialogs, disk)
    new_meeting(qtbot, window, dialogs, monkeypatch, TODAY)
    meeting_id = plan_agenda(qtbot, window, disk)
    mark_sent(window, prompts, disk, meeting_id)
    hold_meeting(qtbot, window, record_dialogs, disk, meeting_id)
    approve(window, monkeypatch, disk, meeting_id)
    return meeting_id


# --- the tests -------------------------------------------------------------------------------


JOURNEY_KEYS = [
    ("File", "New meeting…", "Ctrl+Shift+N"),
    ("Edit", "New item", "Ctrl+N"),
    ("Meeting", "Meeting mode", "F11"),
    ("Meeting", "Attendance…", "Ctrl+Shift+T"),
    ("Meeting", "Next item", "Ctrl+PgDown"),
    ("Meeting", "Meeting ended now", "Ctrl+Shift+E"),
    ("Meeting", "Leave meeting mode", "Esc"),
    ("File", "Find…", "Ctrl+F"),
]


def test_every_key_of_the_journey_is_written_in_a_menu(window):
    """Without the README: the keys used below can be read in the menus."""
    shown = [
        (menu, text, menu_action(window, menu, text).shortcut().toString())
        for menu, text, _keys in JOURNEY_KEYS
    ]
    assert shown == JOURNEY_KEYS
    assert menu_action(window, "Minutes", "Mark the agenda as sent").isVisible()
    assert menu_action(window, "Minutes", "Approve the minutes…").isVisible()


def test_from_the_start_page_to_an_agenda_sent(
    qtbot, window, dialogs, prompts, monkeypatch, disk, archive
):
    shoot(qtbot, window, "1-start-page")
    create_committee(qtbot, window, dialogs, disk)
    shoot(qtbot, window, "1-committee-created")

    proposed = new_meeting(qtbot, window, dialogs, monkeypatch, TODAY)

    assert proposed == TODAY
    meeting_id = window.meetings.meeting.id
    assert tree_stage(window, meeting_id) == "Kladde"
    assert header_stage(window) == "Kladde"
    assert agenda_rows(window) == [("1", STANDING)]
    assert stored_titles(disk, meeting_id) == [STANDING]

    plan_agenda(qtbot, window, disk)
    shoot(qtbot, window, "3-agenda", meeting_id)

    mark_sent(window, prompts, disk, meeting_id)


def test_the_meeting_held_and_its_minutes_approved(
    qtbot, window, dialogs, record_dialogs, prompts, monkeypatch, disk, archive
):
    create_committee(qtbot, window, dialogs, disk)
    new_meeting(qtbot, window, dialogs, monkeypatch, TODAY)
    meeting_id = plan_agenda(qtbot, window, disk)
    mark_sent(window, prompts, disk, meeting_id)

    hold_meeting(qtbot, window, record_dialogs, disk, meeting_id)
    assert tree_stage(window, meeting_id) == "Holdt"
    shoot(qtbot, window, "5-meeting-mode", meeting_id, in_meeting_mode)

    shoot(qtbot, window, "5-held", meeting_id, approval_dialog_shot(monkeypatch))
    checklist = approve(window, monkeypatch, disk, meeting_id)

    assert checklist == ["All is ready"]
    shoot(qtbot, window, "6-approved", meeting_id)


def next_years_item(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> int:
    """Step 7: the committee's meeting a year on, with an item on the same case; its id."""
    new_meeting(qtbot, window, dialogs, monkeypatch, NEXT_YEAR)
    assert agenda_rows(window) == [("1", STANDING)]  # last year's minutes are approved
    choose_row(qtbot, window, 0)
    add_item(qtbot, window, f"{SCHOOL}, byggeregnskab", CASE_ID)
    key(Qt.Key.Key_Tab)  # leaving the case ID commits it
    return window.meetings.meeting.id


def test_a_year_later_the_case_id_brings_last_years_decision(
    qtbot, window, dialogs, record_dialogs, prompts, monkeypatch, disk
):
    last_year = first_meeting_held_and_approved(
        qtbot, window, dialogs, record_dialogs, prompts, monkeypatch, disk
    )

    this_year = next_years_item(qtbot, window, dialogs, monkeypatch)

    assert this_year != last_year and tree_stage(window, this_year) == "Kladde"
    history = window.item_editor.rich_edit("section:tidligere_beslutninger").text_edit
    qtbot.waitUntil(lambda: DECISION in history.toPlainText(), timeout=COMMIT_TIMEOUT_MS)
    heading = f"{COMMITTEE} den {short_date(TODAY)}, punkt 2:"
    assert history.toPlainText().splitlines() == [heading, DECISION]
    [_standing, stored] = disk.items.for_meeting(this_year)
    assert stored.case_id == CASE_ID
    assert stored.text("tidligere_beslutninger") == f"**{heading}**\n\n{DECISION}"
    shoot(qtbot, window, "7-next-year", this_year)


def test_ctrl_f_finds_last_years_decision_by_the_second_half_of_a_word(
    qtbot, window, dialogs, record_dialogs, prompts, monkeypatch, disk
):
    last_year = first_meeting_held_and_approved(
        qtbot, window, dialogs, record_dialogs, prompts, monkeypatch, disk
    )
    this_year = next_years_item(qtbot, window, dialogs, monkeypatch)

    key(Qt.Key.Key_F, CTRL)
    pane = window.search_pane
    qtbot.waitUntil(pane.field.hasFocus, timeout=1000)
    assert window.search_dock.isVisible()
    type_text(pane.field, SEARCHED)
    qtbot.waitUntil(lambda: pane.count_label.text().startswith("2 hit"), timeout=1000)

    # Both items hold the words: last year's as its decision, this year's in "Tidligere
    # beslutninger". The secretary tells them apart by the date each hit shows (today the
    # newest comes first, so last year's decision is the second hit).
    shown = [pane.model.index(row, 0).data() for row in range(pane.model.rowCount())]
    meetings = [pane.model.hit_at(row).meeting_id for row in range(pane.model.rowCount())]
    assert sorted(meetings) == sorted([this_year, last_year])
    wanted = meetings.index(last_year)
    assert short_date(TODAY) in shown[wanted], shown
    assert short_date(NEXT_YEAR) in shown[1 - wanted], shown
    key(Qt.Key.Key_Down)  # into the hits, at the first
    assert focused() is pane.results and pane.results.currentIndex().row() == 0
    for _ in range(wanted):
        key(Qt.Key.Key_Down)
    key(Qt.Key.Key_Return)

    assert window.meetings.meeting.id == last_year
    assert tree_stage(window, last_year) == "Godkendt"
    item = window.meeting_panel.current_item()
    assert (item.title, item.case_id, item.decision) == (SCHOOL, CASE_ID, DECISION)
    assert window.item_editor.title.text() == SCHOOL
    shoot(qtbot, window, "8-search", last_year, searching(SEARCHED))
