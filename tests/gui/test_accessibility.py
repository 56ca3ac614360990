"""Every control has an accessible name, and the keyboard reaches every pane."""

from __future__ import annotations

import re

import pytest
from gui_support import choose_row, chosen_row, focus, focused
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTextEdit,
    QWidget,
)

from secretary_app.core.model import Attachment, Committee
from secretary_app.ui.committee_dialog import CommitteeDialog
from secretary_app.ui.meeting_dialog import NewMeetingDialog

INTERACTIVE = (
    QLineEdit,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QAbstractButton,
)


def is_part_of_another_control(widget: QWidget) -> bool:
    """Qt's own parts (a spin box's line edit, a table's headers and corner button, a combo
    box's popup list): a screen reader announces them through the control they belong to."""
    if widget.objectName().startswith("qt_") or isinstance(widget, QHeaderView):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QAbstractSpinBox, QAbstractItemView)):
            return True
        parent = parent.parentWidget()
    return False


def unnamed_controls(top: QWidget) -> list[str]:
    missing = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or is_part_of_another_control(widget):
            continue
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not widget.accessibleName().strip() and not text.replace("&", "").strip():
            missing.append(f"{type(widget).__name__} under {type(widget.parentWidget()).__name__}")
    return missing


def test_every_control_in_the_main_window_has_an_accessible_name(window, meeting):
    assert unnamed_controls(window) == []
    window.meeting_actions.enter()  # meeting mode is built when it is first entered
    assert window.meeting_actions.in_meeting_mode()
    assert unnamed_controls(window) == []


def test_every_control_in_the_dialogs_has_an_accessible_name(qtbot, window):
    committee = Committee("Økonomiudvalget", id=1)
    for dialog in (
        CommitteeDialog(None, [], [], window),
        NewMeetingDialog(committee, [], window),
    ):
        qtbot.addWidget(dialog)
        assert unnamed_controls(dialog) == [], type(dialog).__name__


def focus_chain_from(start: QWidget, window, steps: int = 60) -> list[QWidget]:
    """The widgets focusNextChild() visits from `start`, once round the window."""
    chain = [start]
    for _ in range(steps):
        window.focusNextChild()
        widget = focused()
        if widget is start:
            break
        chain.append(widget)
    return chain


def test_focus_goes_from_the_tree_to_the_agenda_and_the_item_fields(qtbot, window, meeting):
    focus(qtbot, window.tree)
    chain = focus_chain_from(window.tree, window)
    editor = window.item_editor
    for wanted in (
        window.meeting_panel.title,
        window.meeting_panel.agenda,
        editor.title,
        editor.access,
        editor.case_id,
        editor.presenter,
        editor.rich_edit("section:resume").text_edit,
        editor.rich_edit("section:tidligere_beslutninger").text_edit,
        editor.rich_edit("section:beslutning").text_edit,
        editor.attachments,
    ):
        assert wanted in chain, wanted.accessibleName()
    assert chain.index(window.meeting_panel.agenda) < chain.index(editor.title)
    assert chain.index(editor.title) < chain.index(editor.rich_edit("section:resume").text_edit)
    assert chain[-1] is not window.tree


def mnemonics(window) -> list[tuple[str, QWidget]]:
    """(letter, control) for every Alt+letter in the window: labels' buddies, buttons, menus;
    of the page shown (the start page or the panes: a hidden control's letter does nothing)."""
    found = []
    for label in window.findChildren(QLabel):
        if not label.isVisibleTo(window):
            continue
        if label.buddy() is not None and (letter := mnemonic(label.text())):
            found.append((letter, label.buddy()))
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window):
            continue
        if letter := mnemonic(button.text()):
            found.append((letter, button))
    for action in window.menuBar().actions():
        if letter := mnemonic(action.text()):
            found.append((letter, window.menuBar()))
    return found


def mnemonic(text: str) -> str:
    match = re.search(r"&([^&])", text)
    return match.group(1).upper() if match else ""


def test_alt_letters_lead_to_the_item_fields(qtbot, window, meeting):
    focus(qtbot, window.meeting_panel.agenda)
    QTest.keyClick(focused(), Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    assert focused() is window.item_editor.case_id
    QTest.keyClick(focused(), Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert focused() is window.item_editor.access
    QTest.keyClick(focused(), Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert focused() is window.meeting_panel.date


@pytest.mark.parametrize("page", ["start page", "meeting"])
def test_each_alt_letter_belongs_to_one_control(request, window, page):
    if page == "meeting":
        request.getfixturevalue("meeting")
    assert (window.pages.currentWidget() is window.start_page) == (page == "start page")
    by_letter: dict[str, list[str]] = {}
    for letter, control in mnemonics(window):
        by_letter.setdefault(letter, []).append(control.accessibleName() or type(control).__name__)
    clashes = {letter: names for letter, names in by_letter.items() if len(names) > 1}
    assert clashes == {}


def test_every_alt_letter_reaches_a_control_that_takes_focus(window, meeting):
    dead = [
        label.text()
        for label in window.findChildren(QLabel)
        if mnemonic(label.text())
        and label.buddy() is not None
        and label.buddy().focusPolicy() == Qt.FocusPolicy.NoFocus
        and label.buddy().focusProxy() is None
    ]
    assert dead == []


def test_tab_leaves_the_agenda_for_the_chosen_items_fields(qtbot, window, meeting):
    choose_row(qtbot, window, 0)
    focus(qtbot, window.meeting_panel.agenda)
    for _ in range(30):
        QTest.keyClick(focused(), Qt.Key.Key_Tab)
        if focused() is window.item_editor.title:
            break
    assert focused() is window.item_editor.title, "Tab never got out of the agenda"
    assert chosen_row(window) == 0, "passing through the agenda changed the chosen item"


def test_tab_leaves_the_attachments_table(qtbot, window, meeting, archive):
    item_id = window.agenda_model.item_at(0).id
    archive.attachments.add(Attachment(item_id, "Bilag 1", "bilag1.pdf"), b"%PDF")
    window.meetings.open_meeting(meeting.id)
    table = window.item_editor.attachments
    focus(qtbot, table)
    for _ in range(20):
        QTest.keyClick(focused(), Qt.Key.Key_Tab)
        if focused() is not table:
            break
    assert focused() is not table, "Tab never got out of the attachments table"
