"""The case history in the window: a case ID typed into an item fills "Tidligere beslutninger"
(one undo step), and Edit > Move to next meeting moves an item to the committee's next meeting."""

from __future__ import annotations

import datetime as dt

import pytest
from gui_support import COMMIT_TIMEOUT_MS, CTRL, choose_row, press
from PySide6.QtCore import Qt

from secretary_app.core.danish_dates import short_date
from secretary_app.core.model import Committee, Item, Meeting
from secretary_app.store.case_history import postponed_from

CASE = "EMN-2017-03374"
HISTORY = "**Kommunalbestyrelsen den 30. maj 2017, punkt 4:**\n\nSagen **sendes** i høring."


@pytest.fixture
def earlier(archive, meeting):
    """Kommunalbestyrelsen decided on CASE a month before the open meeting (item 4)."""
    kb = archive.committees.add(Committee("Kommunalbestyrelsen"))
    decision = "Sagen **sendes** i høring."
    items = [Item(0, "Punkt", case_id=CASE, sections={"beslutning": decision})]
    return archive.meetings.create(Meeting(kb.id, dt.date(2017, 5, 30), first_number=4), items)


def stored(disk, meeting, row):
    return disk.items.for_meeting(meeting.id)[row]


def type_case_id(qtbot, window, text):
    field = window.item_editor.case_id
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=1000)
    qtbot.keyClicks(field, text)


def test_a_known_case_id_fills_the_history_and_ctrl_z_takes_it_back(
    qtbot, window, meeting, earlier, disk
):
    window.meeting_panel.add_button.click()
    new_row = window.meeting_panel.agenda.currentIndex().row()
    assert stored(disk, meeting, new_row).title == "New item"

    type_case_id(qtbot, window, " emn-2017-03374")

    qtbot.waitUntil(
        lambda: stored(disk, meeting, new_row).text("tidligere_beslutninger") == HISTORY,
        timeout=COMMIT_TIMEOUT_MS,
    )
    assert stored(disk, meeting, new_row).case_id == "emn-2017-03374"
    assert window.item_editor.rich_edit("section:tidligere_beslutninger").markdown() == HISTORY

    press(qtbot, window.item_editor.case_id, Qt.Key.Key_Z, CTRL)

    qtbot.waitUntil(lambda: stored(disk, meeting, new_row).text("tidligere_beslutninger") == "")
    assert window.item_editor.rich_edit("section:tidligere_beslutninger").markdown() == ""
    assert stored(disk, meeting, new_row).case_id == "emn-2017-03374", "one step: the fill"
    assert window.item_editor.case_id.text().strip() == "emn-2017-03374"


def test_a_changed_case_id_replaces_the_history_it_filled(qtbot, window, meeting, earlier, disk):
    choose_row(qtbot, window, 1)
    type_case_id(qtbot, window, CASE)
    qtbot.waitUntil(
        lambda: stored(disk, meeting, 1).text("tidligere_beslutninger") == HISTORY,
        timeout=COMMIT_TIMEOUT_MS,
    )

    window.item_editor.case_id.selectAll()
    type_case_id(qtbot, window, "EMN-2017-99999")

    qtbot.waitUntil(
        lambda: stored(disk, meeting, 1).case_id == "EMN-2017-99999", timeout=COMMIT_TIMEOUT_MS
    )
    assert stored(disk, meeting, 1).text("tidligere_beslutninger") == ""
    assert window.item_editor.rich_edit("section:tidligere_beslutninger").markdown() == ""


def test_a_written_history_is_kept(qtbot, window, meeting, earlier, disk):
    item = stored(disk, meeting, 1)
    window.items.edit_item_field(item.id, "section:tidligere_beslutninger", "Skrevet i hånden.")
    choose_row(qtbot, window, 1)

    type_case_id(qtbot, window, CASE)

    qtbot.waitUntil(lambda: stored(disk, meeting, 1).case_id == CASE, timeout=COMMIT_TIMEOUT_MS)
    assert stored(disk, meeting, 1).text("tidligere_beslutninger") == "Skrevet i hånden."
    shown = window.item_editor.rich_edit("section:tidligere_beslutninger").markdown()
    assert shown == "Skrevet i hånden."


@pytest.fixture
def next_meeting(archive, meeting):
    """The committee's next meeting, 15 August 2017, with one item."""
    return archive.meetings.create(
        Meeting(meeting.committee_id, dt.date(2017, 8, 15)), [Item(0, "Godkendelse af dagsorden")]
    )


def edit_menu_action(window, text):
    [menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&Edit"]
    [action] = [a for a in menu.actions() if a.text() == text]
    return action


def test_move_to_the_next_meeting_and_back(qtbot, window, meeting, next_meeting, disk):
    choose_row(qtbot, window, 1)
    move = edit_menu_action(window, "Move to ne&xt meeting")

    move.trigger()

    original, copy = stored(disk, meeting, 1), disk.items.for_meeting(next_meeting.id)[-1]
    assert copy.title == original.title == "Budget 2018"
    assert copy.text("resume") == "Udsat fra mødet den 27. juni 2017, punkt 2."
    assert postponed_from(disk, copy.id) == original.id
    assert original.decision == "Udsat."
    assert window.item_editor.rich_edit("section:beslutning").markdown() == "Udsat."

    window.undo_action.trigger()

    assert [i.title for i in disk.items.for_meeting(next_meeting.id)] == [
        "Godkendelse af dagsorden"
    ]
    assert stored(disk, meeting, 1).decision == ""
    assert window.item_editor.rich_edit("section:beslutning").markdown() == ""

    window.redo_action.trigger()

    assert disk.items.for_meeting(next_meeting.id)[-1].id == copy.id
    assert stored(disk, meeting, 1).decision == "Udsat."


def test_with_no_next_meeting_the_user_is_told_and_nothing_changes(
    qtbot, window, meeting, disk, prompts
):
    choose_row(qtbot, window, 1)
    commands = window.session.undo_stack.count()

    edit_menu_action(window, "Move to ne&xt meeting").trigger()

    assert prompts.information == [
        "The committee has no meeting after this one. Create the next meeting first, "
        "then move the item."
    ]
    assert window.session.undo_stack.count() == commands
    assert stored(disk, meeting, 1).decision == ""
    assert len(disk.meetings.summaries()) == 1


def test_an_item_moved_already_is_not_moved_twice(
    qtbot, window, meeting, next_meeting, disk, prompts
):
    """Found by a walkthrough: a second move put a second copy in the next meeting."""
    choose_row(qtbot, window, 1)
    move = edit_menu_action(window, "Move to ne&xt meeting")
    move.trigger()
    commands = window.session.undo_stack.count()

    move.trigger()

    assert [i.title for i in disk.items.for_meeting(next_meeting.id)].count("Budget 2018") == 1
    assert prompts.information == [
        f"The item is moved to the meeting on {short_date(next_meeting.date)} already. To move "
        "it again, undo the move (Ctrl+Z) or delete the item there."
    ]
    assert window.session.undo_stack.count() == commands
    window.undo_action.trigger()  # the move taken back: it can be moved again
    move.trigger()
    assert [i.title for i in disk.items.for_meeting(next_meeting.id)].count("Budget 2018") == 1
