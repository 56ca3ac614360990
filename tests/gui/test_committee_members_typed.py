"""Members and standing items typed in the committee dialog from the keyboard: Add, the name,
Tab, Tab, the party, Enter, for one after another (found by a walkthrough: the second member
lost its party and the third's name was overwritten, as Tab went on from the row chosen before)."""

from __future__ import annotations

from gui_support import focused, type_text
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton, QTableView, QTabWidget

from secretary_app.core.model import Committee, Member, MemberRole
from secretary_app.ui.committee_dialog import CommitteeDialog


def press(key):
    """A key in the cell being typed in, and the events after it, as between two keystrokes."""
    QTest.keyClick(focused(), key)
    QTest.qWait(10)


def table_and_add_button(dialog, name):
    """The table `name` on its tab, shown, and its Add button."""
    view = next(v for v in dialog.findChildren(QTableView) if v.accessibleName() == name)
    tabs = dialog.findChild(QTabWidget)
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.widget(i).isAncestorOf(view)))
    add = next(b for b in view.parent().findChildren(QPushButton) if b.text() == "Add")
    return view, add


def open_dialog(qtbot, members=()):
    dialog = CommitteeDialog(Committee("Børne- og Skoleudvalget", id=1), list(members), [])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def add_row(qtbot, view, add):
    """Add, and wait for the new row's first cell to be open for typing."""
    add.click()
    qtbot.waitUntil(lambda: focused() is not None and focused().parent() is view.viewport())
    assert view.currentIndex() == view.model().index(view.model().rowCount() - 1, 0)


def test_members_typed_one_after_another_keep_their_names_and_parties(qtbot):
    dialog = open_dialog(qtbot)
    view, add = table_and_add_button(dialog, "Members")
    for name, party in (("Anna Holm", "A"), ("Bo Berg", "B"), ("Carl Dahl", "C")):
        add_row(qtbot, view, add)
        type_text(focused(), name)
        press(Qt.Key.Key_Tab)  # to the role, a list
        press(Qt.Key.Key_Tab)  # to the party
        assert view.currentIndex().column() == 2
        type_text(focused(), party)
        press(Qt.Key.Key_Return)
    assert [(m.name, m.role, m.party) for m in dialog.result_members()] == [
        ("Anna Holm", MemberRole.MEMBER, "A"),
        ("Bo Berg", MemberRole.MEMBER, "B"),
        ("Carl Dahl", MemberRole.MEMBER, "C"),
    ]


def test_after_choosing_a_member_a_new_one_is_typed_in_its_own_row(qtbot):
    dialog = open_dialog(qtbot, [Member(1, "Anna Holm", MemberRole.CHAIR, "A", 0)])
    view, add = table_and_add_button(dialog, "Members")
    view.setCurrentIndex(view.model().index(0, 2))
    add_row(qtbot, view, add)
    type_text(focused(), "Bo Berg")
    press(Qt.Key.Key_Return)
    assert [m.name for m in dialog.result_members()] == ["Anna Holm", "Bo Berg"]
    assert dialog.result_members()[0].party == "A"


def test_standing_items_typed_one_after_another(qtbot):
    dialog = open_dialog(qtbot)
    view, add = table_and_add_button(dialog, "Standing items")
    for title in ("Godkendelse af dagsorden", "Meddelelser", "Eventuelt"):
        add_row(qtbot, view, add)
        type_text(focused(), title)
        press(Qt.Key.Key_Return)
    assert [i.title for i in dialog.result_standing_items()] == [
        "Godkendelse af dagsorden",
        "Meddelelser",
        "Eventuelt",
    ]
