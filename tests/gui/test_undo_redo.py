"""Undo and redo every kind of edit, three ways: the Edit menu's actions, Ctrl+Z / Ctrl+Y typed
in a line edit, and Ctrl+Z / Ctrl+Shift+Z typed in a rich-text field (whose own undo history
must not take the keys). After each step the screen and the archive agree."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from typing import Any

import pytest
from gui_support import (
    COMMIT_TIMEOUT_MS,
    CTRL,
    MEETING_ITEMS,
    SHIFT,
    agenda_rows,
    attachment_rows,
    button,
    choose_row,
    focus,
    press,
    stored_attachments,
    stored_titles,
    type_text,
)
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from secretary_app.core.model import Attachment, Item, Meeting
from secretary_app.store.errors import store_error

# --- three ways to undo and redo ------------------------------------------------------------


@dataclass
class UndoWay:
    name: str

    def undo(self, qtbot: Any, window: Any) -> None:
        self._do(qtbot, window, window.undo_action, Qt.Key.Key_Z, CTRL)

    def redo(self, qtbot: Any, window: Any) -> None:
        keys = (Qt.Key.Key_Y, CTRL) if self.name == "line-edit" else (Qt.Key.Key_Z, CTRL | SHIFT)
        self._do(qtbot, window, window.redo_action, *keys)

    def _do(self, qtbot: Any, window: Any, action: Any, key: Qt.Key, modifiers: Any) -> None:
        assert action.isEnabled()
        if self.name == "menu":
            action.trigger()
        elif self.name == "line-edit":
            press(qtbot, window.item_editor.title, key, modifiers)
        else:
            press(qtbot, window.item_editor.rich_edit("section:resume").text_edit, key, modifiers)


@pytest.fixture(params=["menu", "line-edit", "rich-text"])
def way(request: pytest.FixtureRequest) -> UndoWay:
    return UndoWay(request.param)


# --- every kind of edit: how to make it, and what screen and archive show -------------------


class Edit:
    """One kind of edit. `state` reads the screen and the archive, asserts that they agree,
    and returns what they show."""

    def prepare(self, qtbot, window, archive, prompts, tmp_path) -> None:
        choose_row(qtbot, window, 1)

    def make(self, qtbot, window, prompts, tmp_path) -> None:
        raise NotImplementedError

    def state(self, window, disk, meeting) -> Any:
        raise NotImplementedError


class AgendaEdit(Edit):
    def state(self, window, disk, meeting):
        rows = agenda_rows(window)
        assert [number for number, _ in rows] == [str(n) for n in range(1, len(rows) + 1)]
        titles = [title for _, title in rows]
        assert titles == stored_titles(disk, meeting.id)
        return titles


class AddItem(AgendaEdit):
    def make(self, qtbot, window, prompts, tmp_path):
        window.meeting_panel.add_button.click()


class DeleteItem(AgendaEdit):
    def make(self, qtbot, window, prompts, tmp_path):
        press(qtbot, window.meeting_panel.agenda, Qt.Key.Key_Delete)


class MoveItem(AgendaEdit):
    def make(self, qtbot, window, prompts, tmp_path):
        press(qtbot, window.meeting_panel.agenda, Qt.Key.Key_Down, CTRL)


class ItemEdit(Edit):
    """An edit of the second item's fields; the second item stays chosen throughout."""

    def item(self, window, disk, meeting):
        item = disk.items.for_meeting(meeting.id)[1]
        assert window.agenda_model.item_at(1).id == item.id
        return item


class EditTitle(ItemEdit):
    def make(self, qtbot, window, prompts, tmp_path):
        title = window.item_editor.title
        focus(qtbot, title)
        title.selectAll()
        type_text(title, "Budget 2018, anden behandling")
        qtbot.waitUntil(
            lambda: window.agenda_model.item_at(1).title.endswith("behandling"),
            timeout=COMMIT_TIMEOUT_MS,
        )

    def state(self, window, disk, meeting):
        stored = self.item(window, disk, meeting).title
        assert agenda_rows(window)[1] == ("2", stored)
        assert window.item_editor.title.text() == stored
        return stored


class EditSummary(ItemEdit):
    def make(self, qtbot, window, prompts, tmp_path):
        text = window.item_editor.rich_edit("section:resume").text_edit
        focus(qtbot, text)
        QTest.keyClick(text, Qt.Key.Key_B, CTRL)
        type_text(text, "Vigtigt:")
        QTest.keyClick(text, Qt.Key.Key_B, CTRL)
        type_text(text, " økonomien er stram.")
        qtbot.waitUntil(
            lambda: window.agenda_model.item_at(1).text("resume") != "", timeout=COMMIT_TIMEOUT_MS
        )

    def state(self, window, disk, meeting):
        stored = self.item(window, disk, meeting).text("resume")
        assert window.item_editor.rich_edit("section:resume").markdown() == stored
        return stored


class CloseItem(ItemEdit):
    def make(self, qtbot, window, prompts, tmp_path):
        press(qtbot, window.item_editor.access, Qt.Key.Key_Down)  # Open -> Closed

    def state(self, window, disk, meeting):
        closed = self.item(window, disk, meeting).closed
        assert window.agenda_model.index(1, 2).data() == ("Closed" if closed else "Open")
        assert window.item_editor.access.currentIndex() == int(closed)
        return closed


class AttachmentEdit(ItemEdit):
    def state(self, window, disk, meeting):
        item = self.item(window, disk, meeting)
        stored = stored_attachments(disk, item.id)
        assert attachment_rows(window) == [(t, p, f) for t, p, f, _ in stored]
        return stored


class AddAttachment(AttachmentEdit):
    def make(self, qtbot, window, prompts, tmp_path):
        path = tmp_path / "Budgetforslag.pdf"
        path.write_bytes(b"%PDF-1.4\nbudget")
        prompts.files = [path]
        button(window.item_editor, "Add attachment…").click()


class RemoveAttachment(AttachmentEdit):
    def prepare(self, qtbot, window, archive, prompts, tmp_path):
        item_id = window.agenda_model.item_at(1).id
        archive.attachments.add(Attachment(item_id, "Bilag 1", "bilag1.docx"), b"PK\x03\x04")
        archive.attachments.add(Attachment(item_id, "Bilag 2", "bilag2.pdf", False), b"%PDF")
        choose_row(qtbot, window, 1)
        window.item_editor.attachments.selectRow(0)

    def make(self, qtbot, window, prompts, tmp_path):
        button(window.item_editor, "Remove").click()


class EditPlace(Edit):
    """A field of the meeting itself."""

    def make(self, qtbot, window, prompts, tmp_path):
        place = window.meeting_panel.location
        focus(qtbot, place)
        place.selectAll()
        type_text(place, "Mødelokale G")
        QTest.keyClick(place, Qt.Key.Key_Return)

    def state(self, window, disk, meeting):
        stored = disk.meetings.get(meeting.id).location
        assert window.meeting_panel.location.text() == stored
        return stored


EDITS = [
    AddItem(),
    DeleteItem(),
    MoveItem(),
    EditTitle(),
    EditSummary(),
    CloseItem(),
    AddAttachment(),
    RemoveAttachment(),
    EditPlace(),
]


@pytest.mark.parametrize("edit", EDITS, ids=lambda edit: type(edit).__name__)
def test_undo_and_redo(qtbot, window, meeting, archive, disk, prompts, tmp_path, way, edit):
    edit.prepare(qtbot, window, archive, prompts, tmp_path)
    before = edit.state(window, disk, meeting)
    commands = window.session.undo_stack.count()

    edit.make(qtbot, window, prompts, tmp_path)
    after = edit.state(window, disk, meeting)
    assert after != before
    assert window.session.undo_stack.count() == commands + 1

    way.undo(qtbot, window)
    assert edit.state(window, disk, meeting) == before
    way.redo(qtbot, window)
    assert edit.state(window, disk, meeting) == after
    way.undo(qtbot, window)
    assert edit.state(window, disk, meeting) == before


def test_undo_commits_what_is_being_typed_and_undoes_it(qtbot, window, meeting, disk):
    """Ctrl+Z before the half-second commit: the typing is committed, then undone."""
    press(qtbot, window.item_editor.access, Qt.Key.Key_Down)  # an earlier edit: Closed
    title = window.item_editor.title
    qtbot.keyClicks(title, " X")

    press(qtbot, title, Qt.Key.Key_Z, CTRL)

    assert title.text() == MEETING_ITEMS[0]
    assert stored_titles(disk, meeting.id)[0] == MEETING_ITEMS[0]
    assert disk.items.for_meeting(meeting.id)[0].closed, "only the typing was undone"
    press(qtbot, title, Qt.Key.Key_Y, CTRL)
    assert title.text() == MEETING_ITEMS[0] + " X"
    assert stored_titles(disk, meeting.id)[0] == MEETING_ITEMS[0] + " X"


def test_undo_right_after_typing_the_first_edit(qtbot, window, meeting, disk):
    text = window.item_editor.rich_edit("section:resume").text_edit
    focus(qtbot, text)
    type_text(text, "Første udkast")
    assert window.undo_action.isEnabled(), "Edit > Undo is greyed out while typing"

    QTest.keyClick(text, Qt.Key.Key_Z, CTRL)

    assert window.item_editor.rich_edit("section:resume").markdown() == ""
    qtbot.wait(700)  # past the commit delay
    assert disk.items.for_meeting(meeting.id)[0].text("resume") == ""


def test_several_steps_back_and_forth(qtbot, window, meeting, disk):
    panel = window.meeting_panel
    choose_row(qtbot, window, 0)
    panel.add_button.click()  # A, New, B, C
    press(qtbot, panel.agenda, Qt.Key.Key_Down, CTRL)  # A, B, New, C
    press(qtbot, panel.agenda, Qt.Key.Key_Delete)  # A, B, C (New deleted)
    a, b, c = MEETING_ITEMS
    steps = [[a, b, c], [a, "New item", b, c], [a, b, "New item", c], [a, b, c]]
    for expected in reversed(steps[:-1]):
        window.undo_action.trigger()
        assert [t for _, t in agenda_rows(window)] == expected == stored_titles(disk, meeting.id)
    assert not window.undo_action.isEnabled()
    for expected in steps[1:]:
        window.redo_action.trigger()
        assert [t for _, t in agenda_rows(window)] == expected == stored_titles(disk, meeting.id)
    assert not window.redo_action.isEnabled()


def test_a_failed_edit_is_not_merged_into_the_previous_one(
    qtbot, window, meeting, disk, prompts, monkeypatch
):
    title = window.item_editor.title
    qtbot.keyClicks(title, " A")
    qtbot.waitUntil(
        lambda: stored_titles(disk, meeting.id)[0] == MEETING_ITEMS[0] + " A",
        timeout=COMMIT_TIMEOUT_MS,
    )
    working = window.archive.items.update_field

    def disk_full(*_args):
        raise store_error(sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(window.archive.items, "update_field", disk_full)
    prompts.expect_errors(1)
    qtbot.keyClicks(title, "B")  # within the 3-second merge window of the first edit
    qtbot.waitUntil(lambda: len(prompts.errors) == 1, timeout=COMMIT_TIMEOUT_MS)
    monkeypatch.setattr(window.archive.items, "update_field", working)  # the disk has room again

    window.undo_action.trigger()
    assert stored_titles(disk, meeting.id)[0] == MEETING_ITEMS[0]
    window.redo_action.trigger()
    # "… AB failed: the disk is full. Nothing was changed." — redo must not bring "AB" back
    assert stored_titles(disk, meeting.id)[0] == MEETING_ITEMS[0] + " A"
    assert agenda_rows(window)[0][1] == MEETING_ITEMS[0] + " A"


def test_undo_after_opening_another_meeting(qtbot, window, meeting, archive, disk):
    other = archive.meetings.create(
        Meeting(meeting.committee_id, dt.date(2017, 8, 29)),
        [Item(0, title) for title in ("X1", "X2", "X3", "X4", "X5")],
    )
    window.tree_model.reload()
    window.open_meeting(meeting.id)
    choose_row(qtbot, window, 2)
    window.meeting_panel.add_button.click()  # "New item" as row 3 of the first meeting
    window.open_meeting(other.id)

    press(qtbot, window.meeting_panel.agenda, Qt.Key.Key_Z, CTRL)

    shown = window.meetings.meeting.id
    assert [title for _, title in agenda_rows(window)] == stored_titles(disk, shown)
