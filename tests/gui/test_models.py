"""The item models checked by Qt's own model tester (pytest-qt's qtmodeltester), with data in
them and while the window changes them: every begin/end call in its place."""

from __future__ import annotations

import datetime as dt

from gui_support import CTRL, button, choose_row, press
from PySide6.QtCore import Qt

from secretary_app.core.model import Attachment, Committee, CommitteeKind, Item, Meeting


def test_agenda_model(qtbot, qtmodeltester, window, meeting):
    model = window.agenda_model
    qtmodeltester.check(model)  # the tester stays connected: the changes below are checked too

    choose_row(qtbot, window, 0)
    press(qtbot, window.meeting_panel.agenda, Qt.Key.Key_Down, CTRL)
    press(qtbot, window.meeting_panel.agenda, Qt.Key.Key_Down, CTRL)
    press(qtbot, window.meeting_panel.agenda, Qt.Key.Key_Up, CTRL)
    qtbot.keyClicks(window.item_editor.title, " 2")
    window.item_editor.flush()
    press(qtbot, window.item_editor.access, Qt.Key.Key_Down)
    window.meetings.open_meeting(None)
    window.meetings.open_meeting(meeting.id)

    assert model.rowCount() == 3
    qtmodeltester.check(model)


def test_agenda_model_announces_the_new_numbers_after_an_insert_or_removal(qtbot, window, meeting):
    """Numbers follow the rows, so an insert or removal renumbers the rows after it.

    Qt's model tester is not attached here: on rowsInserted/rowsRemoved it checks that the
    rows around keep their data, which a number column cannot do. What a view needs is
    that the model says so: dataChanged for the number column of every renumbered row.
    """
    model = window.agenda_model
    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda top, bottom, *_: changed.append(
            (top.row(), bottom.row(), top.column(), bottom.column())
        )
    )
    choose_row(qtbot, window, 0)

    window.meeting_panel.add_button.click()  # a new row 1: rows 1..3 renumbered
    assert (1, 3, 0, 0) in changed
    changed.clear()
    choose_row(qtbot, window, 0)
    press(qtbot, window.meeting_panel.agenda, Qt.Key.Key_Delete)  # rows 0..2 renumbered
    assert (0, 2, 0, 0) in changed
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == ["1", "2", "3"]


def test_committee_tree_model(qtbot, qtmodeltester, window, archive, dialogs):
    economy = archive.committees.add(Committee("Økonomiudvalget"))
    innovation = archive.committees.add(
        Committee("Opgaveudvalg om Innovation", CommitteeKind.TASK, dt.date(2017, 1, 1))
    )
    archive.committees.add(Committee("Kulturudvalget"))  # no meetings yet
    for committee, day in ((economy, 30), (economy, 27), (innovation, 27)):
        archive.meetings.create(Meeting(committee.id, dt.date(2017, 6, day)), [Item(0, "Punkt")])
    model = window.tree_model
    model.reload()
    qtmodeltester.check(model)

    committee_row = model.index_of_committee(economy.id).row()
    assert model.rowCount(model.index(committee_row, 0)) == 2
    dialogs.committee("Børne- og skoleudvalget")
    window.new_committee_action.trigger()  # the model resets under the tester
    assert model.rowCount() == 4
    qtmodeltester.check(model)


def test_a_committees_meetings_are_read_when_it_is_opened(qtbot, window, archive, dialogs):
    economy = archive.committees.add(Committee("Økonomiudvalget"))
    culture = archive.committees.add(Committee("Kulturudvalget"))
    empty = archive.committees.add(Committee("Teknik- og Miljøudvalget"))
    latest = None
    for committee, day in ((economy, 2), (economy, 3), (culture, 1)):
        latest = archive.meetings.create(Meeting(committee.id, dt.date(2017, 6, day)), [])
    model, tree = window.tree_model, window.tree
    model.reload()
    economy_row, culture_row = (
        model.index_of_committee(economy.id),
        model.index_of_committee(culture.id),
    )

    assert model.rowCount(economy_row) == 0  # not read yet
    assert model.hasChildren(economy_row) and not model.hasChildren(
        model.index_of_committee(empty.id)
    )
    tree.expand(culture_row)
    assert model.rowCount(culture_row) == 1
    assert model.rowCount(economy_row) == 0

    window.select_latest_meeting()  # 3 June, in Økonomiudvalget: read, opened and chosen
    assert model.rowCount(economy_row) == 2
    assert tree.isExpanded(economy_row)
    assert model.meeting_at(tree.currentIndex()).id == latest.id - 1
    assert window.meetings.meeting.id == latest.id - 1

    dialogs.committee("Børne- og skoleudvalget")
    window.new_committee_action.trigger()  # the tree is read again; what was open stays open
    assert tree.isExpanded(model.index_of_committee(economy.id))
    assert tree.isExpanded(model.index_of_committee(culture.id))
    assert not tree.isExpanded(model.index_of_committee(empty.id))
    assert model.committee_at(tree.currentIndex()).name == "Børne- og skoleudvalget"


def test_attachments_model(qtbot, qtmodeltester, window, meeting, archive, prompts, tmp_path):
    item_id = window.agenda_model.item_at(1).id
    archive.attachments.add(Attachment(item_id, "Bilag 1", "bilag1.pdf"), b"%PDF-1.4")
    archive.attachments.add(Attachment(item_id, "Bilag 2", "bilag2.docx", False), b"PK")
    choose_row(qtbot, window, 1)
    model = window.item_editor.attachments_model
    assert model.rowCount() == 2
    # the Python tester fails with an AssertionError, which xfail sees; the C++ one reports
    # through Qt warnings that pytest-qt turns into a failure behind xfail's back
    qtmodeltester.check(model, force_py=True)

    (tmp_path / "bilag3.txt").write_text("tekst")
    prompts.files = [tmp_path / "bilag3.txt"]
    button(window.item_editor, "Add attachment…").click()
    window.item_editor.attachments.selectRow(0)
    button(window.item_editor, "Remove").click()
    assert model.rowCount() == 2
    qtmodeltester.check(model, force_py=True)
