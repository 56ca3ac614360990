"""Tables in an item's text, worked as in Word (issue 11, point 10): the toolbar inserts one,
Tab goes from cell to cell and adds a row after the last, Shift+Tab goes back, the context menu
adds and takes away rows and columns; the table is stored as a table and shown again as one."""

from __future__ import annotations

import dataclasses
import re
import subprocess
from pathlib import Path

from gui_support import COMMIT_TIMEOUT_MS, CTRL, SHIFT, choose_row, focus, type_text
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolButton
from sample_documents import meeting_with_closed_item

from secretary_app.core.item_fields import value_of
from secretary_app.export.layout import Edition, build_layout
from secretary_app.ui.print_writer import write_pdf

FIELD = "section:beslutning"
VOTES = "| Stemmer | Antal |\n| --- | --- |\n| For | 7 |\n| Imod | 2 |"
SHOTS = Path("/tmp/gui_shots")


def stored(disk, window, row=0):
    return value_of(disk.items.get(window.agenda_model.item_at(row).id), FIELD)


def wait_until_stored(qtbot, disk, window, expected):
    qtbot.waitUntil(lambda: stored(disk, window) == expected, timeout=COMMIT_TIMEOUT_MS)


def tab(widget, modifiers=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(widget, Qt.Key.Key_Tab if not modifiers else Qt.Key.Key_Backtab, modifiers)


def decision_of_first_item(qtbot, window):
    """The first item chosen, the cursor in its decision."""
    choose_row(qtbot, window, 0)
    edit = window.item_editor.rich_edit(FIELD)
    focus(qtbot, edit.text_edit)
    return edit


def insert_table(qtbot, edit):
    (table_button,) = [
        b for b in edit.toolbar.findChildren(QToolButton) if b.accessibleName() == "Insert table"
    ]
    qtbot.mouseClick(table_button, Qt.MouseButton.LeftButton)


def test_a_table_is_inserted_filled_with_tab_and_stored_as_a_table(qtbot, window, meeting, disk):
    edit = decision_of_first_item(qtbot, window)
    type_text(edit.text_edit, "Afstemning:")
    insert_table(qtbot, edit)
    assert edit.text_edit.hasFocus() and edit.text_edit.textCursor().currentTable() is not None
    for text in ("Stemmer", "Antal", "For", "7"):
        type_text(edit.text_edit, text)
        tab(edit.text_edit)  # after the last cell: a new row
    type_text(edit.text_edit, "Imod")
    tab(edit.text_edit)
    type_text(edit.text_edit, "2")
    tab(edit.text_edit, SHIFT)  # back to "Imod", selected
    type_text(edit.text_edit, "Imod i alt")

    expected = "Afstemning:\n\n| Stemmer | Antal |\n| --- | --- |\n| For | 7 |\n| Imod i alt | 2 |"
    wait_until_stored(qtbot, disk, window, expected)
    assert edit.text_edit.hasFocus(), "Tab in a table stays in the text"

    choose_row(qtbot, window, 1)
    choose_row(qtbot, window, 0)
    assert edit.markdown() == expected
    assert len(edit.text_edit.document().rootFrame().childFrames()) == 1


def test_rows_and_columns_are_added_and_taken_away(qtbot, window, meeting, disk):
    edit = decision_of_first_item(qtbot, window)
    insert_table(qtbot, edit)
    type_text(edit.text_edit, "a")
    actions = {action.text(): action for action in edit.text_edit.table_actions}
    actions["Insert column to the right"].trigger()
    tab(edit.text_edit)
    type_text(edit.text_edit, "b")
    actions["Insert row below"].trigger()
    tab(edit.text_edit)
    tab(edit.text_edit)  # the row below
    type_text(edit.text_edit, "c")
    wait_until_stored(qtbot, disk, window, "| a | b |\n| --- | --- |\n| c |  |")

    actions["Delete column"].trigger()  # the cursor is in the first column
    wait_until_stored(qtbot, disk, window, "| b |\n| --- |")
    for _ in range(3):  # three rows: the last takes the table with it
        actions["Delete row"].trigger()
    assert edit.text_edit.document().rootFrame().childFrames() == []
    wait_until_stored(qtbot, disk, window, "")


def test_a_table_inserted_in_a_list_item_stays_in_the_list(qtbot, window, meeting, disk):
    """Found by review: the table left the list, which then came back as a second list."""
    item_id = window.agenda_model.item_at(0).id
    window.archive.items.update_field(item_id, FIELD, "- a\n- b")
    window.meetings.open_meeting(meeting.id)
    edit = decision_of_first_item(qtbot, window)
    cursor = edit.text_edit.textCursor()
    cursor.setPosition(1)  # in "a"
    edit.text_edit.setTextCursor(cursor)
    insert_table(qtbot, edit)
    type_text(edit.text_edit, "celle")
    wait_until_stored(qtbot, disk, window, "- a\n\n  | celle |\n  | --- |\n- b")


def test_insert_table_in_a_cell_puts_the_new_table_after_the_table(qtbot, window, meeting, disk):
    """A cell holds no table (a table in a cell is stored as lines): the new one follows."""
    edit = decision_of_first_item(qtbot, window)
    insert_table(qtbot, edit)
    type_text(edit.text_edit, "første")
    insert_table(qtbot, edit)
    type_text(edit.text_edit, "anden")
    assert len(edit.text_edit.document().rootFrame().childFrames()) == 2
    wait_until_stored(qtbot, disk, window, "| første |\n| --- |\n\n| anden |\n| --- |")


def test_ctrl_z_takes_a_typed_table_back_and_ctrl_y_brings_it_again(qtbot, window, meeting, disk):
    edit = decision_of_first_item(qtbot, window)
    type_text(edit.text_edit, "Før")
    wait_until_stored(qtbot, disk, window, "Før")
    insert_table(qtbot, edit)
    type_text(edit.text_edit, "celle")
    wait_until_stored(qtbot, disk, window, "Før\n\n| celle |\n| --- |")

    QTest.keyClick(edit.text_edit, Qt.Key.Key_Z, CTRL)  # edits of a field seconds apart: one step
    assert edit.markdown() == "" and stored(disk, window) == ""
    assert edit.text_edit.document().rootFrame().childFrames() == []
    QTest.keyClick(edit.text_edit, Qt.Key.Key_Y, CTRL)
    assert stored(disk, window) == "Før\n\n| celle |\n| --- |"
    assert len(edit.text_edit.document().rootFrame().childFrames()) == 1


def test_shift_tab_in_the_first_cell_stays_there(qtbot, window, meeting):
    edit = decision_of_first_item(qtbot, window)
    insert_table(qtbot, edit)
    tab(edit.text_edit, SHIFT)
    assert edit.text_edit.hasFocus() and edit.text_edit.textCursor().currentTable() is not None


def test_the_programs_own_writer_prints_the_table(qapp, tmp_path):
    """The fallback PDF (no Word, no LibreOffice) draws the table with every cell's text."""
    doc = meeting_with_closed_item()
    item, attachments = doc.items[0]
    table = "| Konto | Beløb |\n| --- | --- |\n| Drift<br>og anlæg | 1.200 |"
    item = dataclasses.replace(item, sections={"resume": table})
    doc = dataclasses.replace(doc, items=[(item, attachments), *doc.items[1:]])
    target = tmp_path / "referat.pdf"
    write_pdf(build_layout(doc, Edition("minutes")), target)
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"Konto +Beløb", text) and re.search(r"Drift +1\.200", text)
    assert "og anlæg" in text


def test_screenshot_of_a_table_in_the_item_editor(qtbot, window, meeting, disk):
    """Looked at: /tmp/gui_shots/item_editor_table.png. The whole table is drawn inside the
    field at 1366×768: no wider than the text, no horizontal scroll bar."""
    item_id = window.agenda_model.item_at(0).id
    window.archive.items.update_field(item_id, FIELD, "Afstemning:\n\n" + VOTES)
    window.meetings.open_meeting(meeting.id)
    choose_row(qtbot, window, 0)
    edit = window.item_editor.rich_edit(FIELD)
    qtbot.waitExposed(window)
    qtbot.wait(50)
    (table,) = edit.text_edit.document().rootFrame().childFrames()
    layout = edit.text_edit.document().documentLayout()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert edit.grab().save(str(SHOTS / "item_editor_table.png"))
    assert layout.frameBoundingRect(table).width() <= edit.text_edit.document().textWidth()
    assert not edit.text_edit.horizontalScrollBar().isVisible()
