"""Building an agenda in the window: add, retitle, reorder (keyboard, menu, drag) and delete
items; the numbers on the screen and the positions in the archive follow."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from gui_support import (
    ALT,
    COMMIT_TIMEOUT_MS,
    CTRL,
    MEETING_ITEMS,
    agenda_rows,
    agenda_titles,
    attachment_rows,
    button,
    choose_row,
    chosen_row,
    press,
    stored_attachments,
    stored_positions,
    stored_titles,
)
from PySide6.QtCore import QModelIndex, Qt

A, B, C = MEETING_ITEMS


def add_by_button(qtbot, window):
    window.meeting_panel.add_button.click()


def add_by_ctrl_n(qtbot, window):
    press(qtbot, window.meeting_panel.agenda, Qt.Key.Key_N, CTRL)


def add_by_insert_key(qtbot, window):
    press(qtbot, window.meeting_panel.agenda, Qt.Key.Key_Insert)


@pytest.mark.parametrize("add", [add_by_button, add_by_ctrl_n, add_by_insert_key])
def test_a_new_item_goes_after_the_chosen_one_and_takes_its_title(
    qtbot, window, meeting, disk, add
):
    choose_row(qtbot, window, 1)

    add(qtbot, window)

    assert agenda_rows(window) == [("1", A), ("2", B), ("3", "New item"), ("4", C)]
    assert chosen_row(window) == 2
    assert stored_titles(disk, meeting.id) == [A, B, "New item", C]
    title = window.item_editor.title
    assert title.text() == "New item"
    assert window.item_editor.heading.text() == "Item 3"

    title.selectAll()
    qtbot.keyClicks(title, "Status on the new school")

    qtbot.waitUntil(
        lambda: stored_titles(disk, meeting.id)[2] == "Status on the new school",
        timeout=COMMIT_TIMEOUT_MS,
    )
    assert agenda_rows(window)[2] == ("3", "Status on the new school")
    assert stored_positions(disk, meeting.id) == [
        (0, A),
        (1, B),
        (2, "Status on the new school"),
        (3, C),
    ]


def test_a_new_item_in_an_empty_agenda(qtbot, window, meeting, disk):
    for _ in MEETING_ITEMS:
        press(qtbot, window.meeting_panel.agenda, Qt.Key.Key_Delete)
    assert agenda_rows(window) == []
    assert not window.item_editor.widget().isEnabled()

    add_by_button(qtbot, window)

    assert agenda_rows(window) == [("1", "New item")]
    assert window.item_editor.widget().isEnabled()
    assert stored_titles(disk, meeting.id) == ["New item"]


def test_reorder_with_ctrl_up_and_down_in_the_agenda(qtbot, window, meeting, disk):
    agenda = window.meeting_panel.agenda
    choose_row(qtbot, window, 0)

    press(qtbot, agenda, Qt.Key.Key_Down, CTRL)
    assert agenda_rows(window) == [("1", B), ("2", A), ("3", C)]
    assert chosen_row(window) == 1, "the moved item stays chosen"
    assert window.item_editor.heading.text() == "Item 2"
    assert stored_positions(disk, meeting.id) == [(0, B), (1, A), (2, C)]

    press(qtbot, agenda, Qt.Key.Key_Down, CTRL)
    assert agenda_rows(window) == [("1", B), ("2", C), ("3", A)]
    assert stored_positions(disk, meeting.id) == [(0, B), (1, C), (2, A)]

    press(qtbot, agenda, Qt.Key.Key_Down, CTRL)  # already last: nothing happens
    press(qtbot, agenda, Qt.Key.Key_Up, CTRL)
    assert agenda_rows(window) == [("1", B), ("2", A), ("3", C)]
    assert stored_positions(disk, meeting.id) == [(0, B), (1, A), (2, C)]
    assert window.session.undo_stack.count() == 3


def test_reorder_with_the_alt_up_and_down_menu_actions(qtbot, window, meeting, disk):
    choose_row(qtbot, window, 2)
    title = window.item_editor.title  # the shortcuts work from the item's fields too

    press(qtbot, title, Qt.Key.Key_Up, ALT)
    assert agenda_titles(window) == [A, C, B]
    press(qtbot, window.meeting_panel.agenda, Qt.Key.Key_Up, ALT)
    assert agenda_titles(window) == [C, A, B]
    assert stored_titles(disk, meeting.id) == [C, A, B]

    press(qtbot, window.meeting_panel.agenda, Qt.Key.Key_Down, ALT)
    assert agenda_rows(window) == [("1", A), ("2", C), ("3", B)]
    assert stored_positions(disk, meeting.id) == [(0, A), (1, C), (2, B)]


def test_reorder_with_the_move_buttons(qtbot, window, meeting, disk):
    choose_row(qtbot, window, 0)
    window.meeting_panel.down_button.click()
    window.meeting_panel.down_button.click()
    assert agenda_titles(window) == [B, C, A]
    window.meeting_panel.up_button.click()
    assert agenda_titles(window) == [B, A, C]
    assert stored_titles(disk, meeting.id) == [B, A, C]


def drop(model, source_row, row, parent=QModelIndex()):
    """What QAbstractItemView does on a drop: ask the model for the dragged rows' data, then
    hand it back with the place of the drop (row before which, or the item dropped on)."""
    data = model.mimeData([model.index(source_row, c) for c in range(model.columnCount())])
    return model.dropMimeData(data, Qt.DropAction.MoveAction, row, 0, parent)


@pytest.mark.parametrize(
    ("source", "row", "on_row", "expected"),
    [
        (0, 3, None, [B, C, A]),  # below the last item
        (2, 0, None, [C, A, B]),  # above the first item
        (0, 2, None, [B, A, C]),  # between the second and the third
        (2, 1, None, [A, C, B]),
        (0, -1, 2, [B, A, C]),  # onto the third item: before it
        (1, 1, None, [A, B, C]),  # onto its own place: no move
        (1, 2, None, [A, B, C]),  # just below itself: no move
    ],
)
def test_drag_and_drop_through_the_model(
    qtbot, window, meeting, disk, source, row, on_row, expected
):
    model = window.agenda_model
    parent = model.index(on_row, 0) if on_row is not None else QModelIndex()
    moves_before = window.session.undo_stack.count()

    drop(model, source, row, parent)

    assert agenda_titles(window) == expected
    assert [number for number, _ in agenda_rows(window)] == ["1", "2", "3"]
    assert stored_titles(disk, meeting.id) == expected
    moved = expected != [A, B, C]
    assert window.session.undo_stack.count() == moves_before + moved
    if moved:
        assert window.agenda_model.item_at(chosen_row(window)).title == MEETING_ITEMS[source]


def test_a_drop_of_something_else_is_refused(qtbot, window, meeting):
    from PySide6.QtCore import QMimeData

    data = QMimeData()
    data.setText("1")
    model = window.agenda_model
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert agenda_titles(window) == MEETING_ITEMS


REAL_DRAG = Path(__file__).with_name("real_drag.py")


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs Xvfb (xvfb-run)")
def test_a_real_mouse_drag_under_xvfb(archive_path, tmp_path):
    """A drag with the mouse, QTest presses and moves, in a real X server.

    Not possible with QT_QPA_PLATFORM=offscreen, which the other tests use: its QDrag.exec()
    returns at once with IgnoreAction, so no drag ever reaches a drop. Under Xvfb the xcb
    platform runs the real drag loop; the platform is chosen when the QApplication starts,
    so this runs in its own process (real_drag.py) and reports through the archive file.
    """
    env = dict(os.environ, QT_QPA_PLATFORM="xcb")
    done = subprocess.run(
        ["xvfb-run", "-a", sys.executable, str(REAL_DRAG), str(archive_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    from secretary_app.store.archive import Archive

    archive = Archive.open(archive_path)
    try:
        [summary] = archive.meetings.summaries()
        assert stored_positions(archive, summary.id) == [(0, B), (1, C), (2, A)]
    finally:
        archive.close()
    assert "shown: 1 " + B in done.stdout
    assert "shown: 3 " + A in done.stdout


def test_delete_with_the_delete_key_and_undo_brings_back_the_attachments(
    qtbot, window, meeting, disk, prompts, tmp_path
):
    contents = {"Budget.pdf": b"%PDF-1.7 budget\x00\xff", "Tegning.png": b"\x89PNG\r\n\x1a\n"}
    for name, content in contents.items():
        (tmp_path / name).write_bytes(content)
    choose_row(qtbot, window, 1)
    prompts.files = [tmp_path / name for name in contents]
    button(window.item_editor, "Add attachment…").click()
    item_id = window.agenda_model.item_at(1).id
    before = stored_attachments(disk, item_id)
    assert [content for *_, content in before] == list(contents.values())

    press(qtbot, window.meeting_panel.agenda, Qt.Key.Key_Delete)

    assert agenda_rows(window) == [("1", A), ("2", C)]
    assert window.item_editor.title.text() == C, "the next item is chosen"
    assert stored_titles(disk, meeting.id) == [A, C]
    assert stored_attachments(disk, item_id) == []

    press(qtbot, window.meeting_panel.agenda, Qt.Key.Key_Z, CTRL)

    assert agenda_rows(window) == [("1", A), ("2", B), ("3", C)]
    assert stored_positions(disk, meeting.id) == [(0, A), (1, B), (2, C)]
    assert disk.items.for_meeting(meeting.id)[1].id == item_id
    assert stored_attachments(disk, item_id) == before
    choose_row(qtbot, window, 1)
    assert attachment_rows(window) == [
        ("Budget", True, "Budget.pdf"),
        ("Tegning", True, "Tegning.png"),
    ]


def test_delete_with_the_button(qtbot, window, meeting, disk):
    choose_row(qtbot, window, 2)
    window.meeting_panel.delete_button.click()
    assert agenda_rows(window) == [("1", A), ("2", B)]
    assert chosen_row(window) == 1, "the item above the deleted last one is chosen"
    assert stored_titles(disk, meeting.id) == [A, B]

    window.undo_action.trigger()
    assert agenda_titles(window) == MEETING_ITEMS
    assert stored_titles(disk, meeting.id) == MEETING_ITEMS
    window.redo_action.trigger()
    assert agenda_titles(window) == [A, B]
    assert stored_titles(disk, meeting.id) == [A, B]


def test_delete_commits_the_typed_title_first(qtbot, window, meeting, disk):
    """Typing, then deleting at once: undo brings the item back with what was typed."""
    choose_row(qtbot, window, 0)
    qtbot.keyClicks(window.item_editor.title, " (rev.)")
    window.meeting_panel.delete_button.click()
    window.undo_action.trigger()
    assert agenda_titles(window)[0] == A + " (rev.)"
    assert stored_titles(disk, meeting.id)[0] == A + " (rev.)"
