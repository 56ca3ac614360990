"""The main window over a real archive file: committees and meetings made through its actions,
everything found again in a new window, and a store write that fails."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from gui_support import (
    COMMIT_TIMEOUT_MS,
    CTRL,
    MEETING_ITEMS,
    STANDING_TITLES,
    agenda_rows,
    agenda_titles,
    attachment_rows,
    button,
    choose_row,
    focus,
    press,
    stored_attachments,
    stored_titles,
    tree_texts,
    type_text,
)
from PySide6.QtCore import Qt, QTime
from PySide6.QtTest import QTest

from secretary_app.core.model import (
    Committee,
    CommitteeKind,
    Item,
    Meeting,
    MemberRole,
    Numbering,
)
from secretary_app.store.archive import Archive
from secretary_app.store.errors import store_error
from secretary_app.ui.meeting_dialog import EMPTY, NewMeetingDialog

MEMBERS = [
    ("Marie Louise Andersen", MemberRole.CHAIR, "Det Konservative Folkeparti"),
    ("Jens Hansen", MemberRole.MEMBER, "Socialdemokratiet"),
    ("Søren Ørsted", MemberRole.CITIZEN_MEMBER, "Gentofte Erhvervsforum"),
]


def create_committee(window, dialogs, name="Opgaveudvalg om Innovation", **fields):
    dialogs.committee(name, **fields)
    window.new_committee_action.trigger()


def create_meeting(window, dialogs, date, **fields):
    dialogs.meeting(date, **fields)
    window.new_meeting_action.trigger()
    return window.meetings.meeting


def test_a_task_committee_and_its_first_meeting_from_the_standing_items(window, dialogs, disk):
    create_committee(
        window,
        dialogs,
        kind=CommitteeKind.TASK,
        starts_on=dt.date(2017, 1, 1),
        ends_on=dt.date(2017, 12, 31),
        location="Mødelokale G, Gentofte Rådhus",
        members=MEMBERS,
        standing=STANDING_TITLES,
    )
    assert tree_texts(window) == {"Opgaveudvalg om Innovation (task committee)": []}
    [committee] = disk.committees.all()
    assert (committee.name, committee.kind) == ("Opgaveudvalg om Innovation", CommitteeKind.TASK)
    assert (committee.starts_on, committee.ends_on) == (dt.date(2017, 1, 1), dt.date(2017, 12, 31))
    members = disk.committees.members(committee.id)
    assert [(m.name, m.role, m.party) for m in members] == MEMBERS
    assert [s.title for s in disk.committees.standing_items(committee.id)] == STANDING_TITLES

    meeting = create_meeting(window, dialogs, dt.date(2017, 6, 27))

    assert tree_texts(window) == {"Opgaveudvalg om Innovation (task committee)": ["27. juni 2017"]}
    assert agenda_rows(window) == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Meddelelser"),
        ("3", "Eventuelt"),
    ]
    assert window.meeting_panel.location.text() == "Mødelokale G, Gentofte Rådhus"
    assert window.meeting_panel.when.text() == "tirsdag den 27. juni 2017 kl. 17.00-19.00"
    stored = disk.meetings.get(meeting.id)
    assert (stored.date, stored.starts_at, stored.ends_at) == (
        dt.date(2017, 6, 27),
        dt.time(17, 0),
        dt.time(19, 0),
    )
    assert stored.location == "Mødelokale G, Gentofte Rådhus"
    assert stored_titles(disk, meeting.id) == STANDING_TITLES


def test_a_second_meeting_starts_from_the_first_meetings_agenda(window, dialogs, disk):
    create_committee(window, dialogs, name="Økonomiudvalget", standing=STANDING_TITLES)
    first = create_meeting(window, dialogs, dt.date(2017, 5, 30))
    announcements = window.agenda_model.item_at(1).id
    for field, value in (
        ("section:resume", "**Resumé**"),
        ("section:beslutning", "Godkendt"),
        ("case_id", "EMN-2017-03374"),
    ):
        window.archive.items.update_field(announcements, field, value)

    second = create_meeting(window, dialogs, dt.date(2017, 6, 27), source=first.id)

    assert second.id != first.id
    assert tree_texts(window) == {"Økonomiudvalget": ["27. juni 2017", "30. maj 2017"]}
    # The minutes of 30 May are not approved yet, so their approval comes first.
    approval = "Godkendelse af referat fra mødet den 30. maj 2017"
    assert agenda_titles(window) == [approval, *STANDING_TITLES]
    copied = disk.items.for_meeting(second.id)[1:]
    assert [i.title for i in copied] == STANDING_TITLES
    assert (copied[1].text("resume"), copied[1].case_id) == ("**Resumé**", "EMN-2017-03374")
    assert copied[1].decision == "", "a decision belongs to its own meeting"
    assert [i.title for i in disk.items.for_meeting(first.id)] == STANDING_TITLES


def test_continuous_numbering_goes_on_from_the_previous_meeting(window, dialogs, disk):
    create_committee(
        window, dialogs, name="Byrådet", numbering=Numbering.CONTINUOUS, standing=STANDING_TITLES
    )
    create_meeting(window, dialogs, dt.date(2017, 5, 30))
    assert [number for number, _ in agenda_rows(window)] == ["1", "2", "3"]

    second = create_meeting(window, dialogs, dt.date(2017, 6, 27))

    assert agenda_rows(window) == [
        ("4", "Godkendelse af referat fra mødet den 30. maj 2017"),
        ("5", "Godkendelse af dagsorden"),
        ("6", "Meddelelser"),
        ("7", "Eventuelt"),
    ]
    assert window.item_editor.heading.text() == "Item 4"
    assert disk.meetings.get(second.id).first_number == 4


def test_no_approval_item_once_the_last_minutes_are_approved(window, dialogs, disk):
    create_committee(window, dialogs, name="Byrådet", standing=STANDING_TITLES)
    first = create_meeting(window, dialogs, dt.date(2017, 5, 30))
    window.archive.approvals.approve(window.archive, first.id, ["Udvalget"], dt.date(2017, 6, 1))
    create_meeting(window, dialogs, dt.date(2017, 6, 27))
    assert agenda_titles(window) == STANDING_TITLES


def test_an_empty_agenda(window, dialogs, disk):
    create_committee(window, dialogs, name="Kulturudvalget", standing=STANDING_TITLES)
    meeting = create_meeting(window, dialogs, dt.date(2017, 6, 27), source=EMPTY)
    assert agenda_rows(window) == []
    assert stored_titles(disk, meeting.id) == []


def test_the_committee_dialog_refuses_a_committee_without_a_name(window, dialogs, prompts, disk):
    prompts.expect_errors(1)
    create_committee(window, dialogs, name="   ")
    assert prompts.errors == ["The committee needs a name."]
    assert tree_texts(window) == {}
    assert disk.committees.all() == []


def test_a_task_committee_cannot_end_before_it_starts(window, dialogs, prompts, disk):
    prompts.expect_errors(1)
    create_committee(
        window,
        dialogs,
        kind=CommitteeKind.TASK,
        starts_on=dt.date(2017, 6, 1),
        ends_on=dt.date(2017, 5, 1),
    )
    assert prompts.errors == ["The committee cannot end before it starts."]
    assert disk.committees.all() == []


def test_a_new_meeting_needs_a_chosen_committee(window, prompts, dialogs, disk):
    assert not window.new_meeting_action.isEnabled()
    assert not window.new_meeting_button.isEnabled()
    window.new_meeting_action.trigger()  # a disabled action does nothing, says nothing
    assert disk.meetings.summaries() == []

    create_committee(window, dialogs, name="Økonomiudvalget")
    assert window.new_meeting_action.isEnabled() and window.new_meeting_button.isEnabled()


def test_everything_is_there_in_a_new_window_on_the_same_file(
    qtbot, window, dialogs, prompts, archive_path, open_window, tmp_path
):
    create_committee(
        window, dialogs, name="Økonomiudvalget", members=MEMBERS[:2], standing=STANDING_TITLES
    )
    first = create_meeting(window, dialogs, dt.date(2017, 5, 30))
    window.archive.approvals.approve(window.archive, first.id, ["Udvalget"], dt.date(2017, 6, 1))
    create_meeting(window, dialogs, dt.date(2017, 6, 27), location="Rådhuset")
    choose_row(qtbot, window, 2)
    press(qtbot, window.meeting_panel.agenda, Qt.Key.Key_Up, CTRL)  # Eventuelt before Meddelelser
    choose_row(qtbot, window, 2)
    editor = window.item_editor
    qtbot.keyClicks(editor.title, " og budget")
    qtbot.keyClicks(editor.case_id, "EMN-2017-03374")
    focus(qtbot, editor.rich_edit("section:resume").text_edit)
    QTest.keyClick(editor.rich_edit("section:resume").text_edit, Qt.Key.Key_B, CTRL)
    type_text(editor.rich_edit("section:resume").text_edit, "Kort")
    QTest.keyClick(editor.rich_edit("section:resume").text_edit, Qt.Key.Key_B, CTRL)
    type_text(editor.rich_edit("section:resume").text_edit, " resumé på dansk: æøå.")
    pdf = tmp_path / "Budgetforslag.pdf"
    pdf.write_bytes(b"%PDF-1.4 budget\x00\xff")
    prompts.files = [pdf]
    button(editor, "Add attachment…").click()
    window.close()  # at once: closing commits what was typed and not yet committed
    window.archive.close()

    reopened_archive = Archive.open(archive_path)
    try:
        reopened = open_window(reopened_archive)
        reopened.select_latest_meeting()
        assert tree_texts(reopened) == {"Økonomiudvalget": ["27. juni 2017", "30. maj 2017"]}
        assert agenda_rows(reopened) == [
            ("1", "Godkendelse af dagsorden"),
            ("2", "Eventuelt"),
            ("3", "Meddelelser og budget"),
        ]
        assert reopened.meeting_panel.location.text() == "Rådhuset"
        choose_row(qtbot, reopened, 2)
        fields = reopened.item_editor
        assert fields.title.text() == "Meddelelser og budget"
        assert fields.case_id.text() == "EMN-2017-03374"
        assert fields.rich_edit("section:resume").markdown() == "**Kort** resumé på dansk: æøå."
        assert attachment_rows(reopened) == [("Budgetforslag", True, "Budgetforslag.pdf")]
        item_id = reopened.agenda_model.item_at(2).id
        assert stored_attachments(reopened_archive, item_id)[0][3] == pdf.read_bytes()
        committee = reopened_archive.committees.all()[0]
        members = reopened_archive.committees.members(committee.id)
        assert [(m.name, m.role, m.party) for m in members] == MEMBERS[:2]
        assert reopened_archive.integrity_ok()
    finally:
        reopened_archive.close()


def test_a_failing_write_is_reported_once_and_changes_nothing(
    qtbot, window, meeting, prompts, monkeypatch, disk
):
    def disk_full(*_args):
        raise store_error(sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(window.archive.items, "update_field", disk_full)
    stack = window.session.undo_stack
    commands_before = stack.count()
    prompts.expect_errors(1)

    qtbot.keyClicks(window.item_editor.title, " (ny)")

    qtbot.waitUntil(lambda: len(prompts.errors) == 1, timeout=COMMIT_TIMEOUT_MS)
    assert "the disk is full" in prompts.errors[0]
    assert "Nothing was changed" in prompts.errors[0]
    assert agenda_titles(window)[0] == "Godkendelse af dagsorden"
    assert window.agenda_model.item_at(0).title == "Godkendelse af dagsorden"
    assert stack.count() == commands_before
    assert not window.undo_action.isEnabled()
    assert stored_titles(disk, meeting.id)[0] == "Godkendelse af dagsorden"
    qtbot.wait(700)  # no second message once the field has been flushed
    assert len(prompts.errors) == 1


@pytest.mark.parametrize("kind", ["standing", "task"])
def test_editing_a_committee_keeps_its_meetings(window, dialogs, meeting, disk, kind):
    dialogs.committee(
        "Økonomiudvalget (nyt navn)",
        kind=CommitteeKind(kind),
        starts_on=dt.date(2017, 1, 1),
        ends_on=dt.date(2018, 1, 1),
    )
    window.edit_committee_action.trigger()
    label = "Økonomiudvalget (nyt navn)" + (" (task committee)" if kind == "task" else "")
    assert tree_texts(window) == {label: ["27. juni 2017"]}
    assert disk.committees.all()[0].name == "Økonomiudvalget (nyt navn)"
    assert window.meetings.meeting.id == meeting.id


@pytest.mark.parametrize("answer", [False, True])
def test_delete_a_meeting_after_asking(qtbot, window, meeting, prompts, disk, answer):
    prompts.answer = answer
    press(qtbot, window.meeting_panel.agenda, Qt.Key.Key_Delete)  # an undoable edit first

    window.delete_meeting_action.trigger()

    assert len(prompts.questions) == 1 and "27. juni 2017" in prompts.questions[0]
    if answer:
        assert tree_texts(window) == {"Økonomiudvalget": []}
        assert agenda_rows(window) == []
        assert window.meetings.meeting is None
        assert disk.meetings.summaries() == []
        assert stored_titles(disk, meeting.id) == []
        assert window.undo_action.isEnabled()
    else:
        assert tree_texts(window) == {"Økonomiudvalget": ["27. juni 2017"]}
        assert len(agenda_rows(window)) == 2
        assert len(stored_titles(disk, meeting.id)) == 2
        assert window.undo_action.isEnabled()


def test_a_deleted_meeting_comes_back_with_undo_and_goes_again_with_redo(
    qtbot, window, meeting, prompts, disk
):
    prompts.answer = True
    choose_row(qtbot, window, 0)
    press(qtbot, window.meeting_panel.agenda, Qt.Key.Key_Delete)  # an edit before the delete
    window.delete_meeting_action.trigger()

    press(qtbot, window.tree, Qt.Key.Key_Z, CTRL)
    assert tree_texts(window) == {"Økonomiudvalget": ["27. juni 2017"]}
    assert window.meetings.meeting.id == meeting.id  # shown again, with the same id
    assert len(agenda_rows(window)) == 2 and len(stored_titles(disk, meeting.id)) == 2
    window.session.undo()  # the edit before it still undoes
    assert len(agenda_rows(window)) == 3 and len(stored_titles(disk, meeting.id)) == 3

    window.session.redo()
    window.session.redo()
    assert tree_texts(window) == {"Økonomiudvalget": []}
    assert window.meetings.meeting is None and disk.meetings.summaries() == []


def test_a_new_meeting_goes_with_undo(qtbot, window, meeting, dialogs, disk):
    dialogs.meeting(dt.date(2017, 8, 22))
    window.new_meeting_action.trigger()
    assert tree_texts(window) == {"Økonomiudvalget": ["22. august 2017", "27. juni 2017"]}
    new_id = window.meetings.meeting.id

    window.session.undo()
    assert tree_texts(window) == {"Økonomiudvalget": ["27. juni 2017"]}
    assert [m.id for m in disk.meetings.summaries()] == [meeting.id]
    window.session.redo()
    assert [m.id for m in disk.meetings.summaries()] == [meeting.id, new_id]
    assert window.meetings.meeting.id == new_id


def test_committee_changes_and_new_committees_go_with_undo(qtbot, window, meeting, dialogs, disk):
    dialogs.committee("Økonomiudvalget (nyt navn)")
    window.edit_committee_action.trigger()
    window.session.undo()
    assert tree_texts(window) == {"Økonomiudvalget": ["27. juni 2017"]}
    assert window.meetings.meeting.id == meeting.id  # the meeting stays open
    window.session.redo()
    assert tree_texts(window) == {"Økonomiudvalget (nyt navn)": ["27. juni 2017"]}

    dialogs.committee("Kulturudvalget")
    window.new_committee_action.trigger()
    assert set(tree_texts(window)) == {"Økonomiudvalget (nyt navn)", "Kulturudvalget"}
    window.session.undo()
    assert tree_texts(window) == {"Økonomiudvalget (nyt navn)": ["27. juni 2017"]}
    window.session.undo()
    assert [c.name for c in disk.committees.all()] == ["Økonomiudvalget"]
    window.session.redo()
    window.session.redo()
    names = [c.name for c in disk.committees.all()]
    assert names == ["Kulturudvalget", "Økonomiudvalget (nyt navn)"]


def test_opening_a_meeting_shows_its_first_item_once(qtbot, window, meeting):
    other = window.archive.meetings.create(
        Meeting(meeting.committee_id, dt.date(2017, 8, 22)), [Item(0, "Andet møde")]
    )
    window.tree_model.reload()
    chosen = []
    window.meeting_panel.itemChosen.connect(
        lambda item: chosen.append(item.title if item else None)
    )
    window.open_meeting(other.id)
    assert chosen == ["Andet møde"]
    window.meeting_panel.select_row(0)  # the same row again: still said
    assert chosen == ["Andet møde", "Andet møde"]


def test_a_meeting_that_cannot_be_deleted_stays_open(qtbot, window, meeting, prompts, monkeypatch):
    def disk_full(meeting_id):
        raise store_error(sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(window.archive.meetings, "delete", disk_full)
    prompts.answer = True
    prompts.expect_errors(1)
    window.delete_meeting_action.trigger()
    assert "Nothing was changed" in prompts.errors[0]
    assert window.meetings.meeting.id == meeting.id
    assert len(agenda_rows(window)) == 3
    assert tree_texts(window) == {"Økonomiudvalget": ["27. juni 2017"]}


def test_a_new_meeting_title_shows_in_the_tree_in_place(qtbot, window, meeting):
    resets = []
    window.tree_model.modelReset.connect(lambda: resets.append(1))
    window.meetings.edit_meeting_field("title", "Budgetmøde")
    assert tree_texts(window) == {"Økonomiudvalget": ["27. juni 2017 – Budgetmøde"]}
    assert resets == []  # no reset: the tree keeps its scroll position and what is open
    window.meetings.edit_meeting_field("date", dt.date(2017, 6, 28))  # its place may change
    assert tree_texts(window) == {"Økonomiudvalget": ["28. juni 2017 – Budgetmøde"]}
    assert window.tree_model.meeting_at(window.tree.currentIndex()).id == meeting.id


def type_time(edit, clock):
    """Type "HH.MM" into a time edit as the secretary does, and press Enter."""
    edit.setFocus()
    edit.setSelectedSection(edit.Section.HourSection)
    QTest.keyClicks(edit, clock.replace(".", ""))
    QTest.keyClick(edit, Qt.Key.Key_Return)


def test_a_start_moved_past_the_end_takes_the_end_along_in_one_step(qtbot, window, meeting, disk):
    panel = window.meeting_panel
    type_time(panel.starts_at, "20.00")  # 17.00-19.00 becomes 20.00-22.00: two hours still
    stored = disk.meetings.get(meeting.id)
    assert (stored.starts_at, stored.ends_at) == (dt.time(20), dt.time(22))
    assert (panel.starts_at.text(), panel.ends_at.text()) == ("20.00", "22.00")
    assert window.session.undo_stack.count() == 1  # not "02.00" on the way to "20.00"
    window.session.undo_stack.undo()
    stored = disk.meetings.get(meeting.id)
    assert (stored.starts_at, stored.ends_at) == (dt.time(17), dt.time(19))
    assert (panel.starts_at.text(), panel.ends_at.text()) == ("17.00", "19.00")


def test_the_end_cannot_be_set_before_the_start(qtbot, window, meeting, disk, prompts):
    panel = window.meeting_panel
    prompts.expect_errors(1)
    type_time(panel.ends_at, "16.30")
    assert prompts.errors == [
        "The meeting cannot end at 16.30, before it starts at 17.00. Nothing was changed."
    ]
    assert disk.meetings.get(meeting.id).ends_at == dt.time(19)
    assert panel.ends_at.text() == "19.00"  # what is stored, not what was refused
    assert window.session.undo_stack.count() == 0
    type_time(panel.ends_at, "21.00")
    assert disk.meetings.get(meeting.id).ends_at == dt.time(21)


def test_with_no_meeting_chosen_the_fields_are_blank(qtbot, window, meeting, prompts):
    panel = window.meeting_panel
    assert "27" in panel.date.text() and panel.starts_at.text() == "17.00"
    prompts.answer = True
    window.delete_meeting_action.trigger()
    assert panel.date.text().strip() == panel.starts_at.text().strip() == ""
    assert panel.location.text() == panel.title.text() == ""


def test_a_moved_item_shows_its_new_number_whichever_column_was_clicked(qtbot, window, meeting):
    agenda = window.meeting_panel.agenda
    rect = agenda.visualRect(window.agenda_model.index(2, 0))  # the number column of item 3
    QTest.mouseClick(agenda.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.item_editor.heading.text() == "Item 3"
    window.meeting_panel.up_button.click()
    assert window.item_editor.heading.text() == "Item 2"


def test_the_new_meeting_dialog_keeps_the_end_after_the_start(qtbot):
    dialog = NewMeetingDialog(Committee("Økonomiudvalget", id=1), [])
    qtbot.addWidget(dialog)
    dialog.starts_at.setTime(QTime(20, 0))  # 17.00-19.00 becomes 20.00-22.00
    assert dialog.ends_at.time() == QTime(22, 0)
    dialog.ends_at.setTime(QTime(18, 0))  # before the start: not offered
    meeting = dialog.result_meeting()
    assert (meeting.starts_at, meeting.ends_at) == (dt.time(20), dt.time(20))


def test_the_meetings_title_and_place_are_stored_while_typing(qtbot, window, meeting, archive):
    panel = window.meeting_panel
    focus(qtbot, panel.title)
    panel.title.selectAll()
    type_text(panel.title, "Budgetmøde ")

    qtbot.waitUntil(
        lambda: archive.meetings.get(meeting.id).title == "Budgetmøde", timeout=COMMIT_TIMEOUT_MS
    )
    assert panel.title.hasFocus()
    assert panel.title.text() == "Budgetmøde "  # the space being typed stays, the cursor too
    assert panel.title.cursorPosition() == len("Budgetmøde ")
    type_text(panel.title, "2018")
    focus(qtbot, panel.location)
    assert archive.meetings.get(meeting.id).title == "Budgetmøde 2018"

    panel.location.selectAll()
    type_text(panel.location, "  Byrådssalen  ")
    focus(qtbot, panel.title)  # leaving the field shows what the archive holds
    assert archive.meetings.get(meeting.id).location == panel.location.text() == "Byrådssalen"

    window.undo_action.trigger()
    assert archive.meetings.get(meeting.id).location == panel.location.text() == "Rådhuset"


def test_typing_in_the_meetings_place_is_stored_when_the_window_closes(
    qtbot, window, meeting, disk
):
    panel = window.meeting_panel
    focus(qtbot, panel.location)
    panel.location.selectAll()
    type_text(panel.location, "Byrådssalen")
    window.close()
    assert disk.meetings.get(meeting.id).location == "Byrådssalen"


def test_a_deletion_says_how_to_undo_it(qtbot, window, meeting, disk):
    window.meeting_panel.select_row(1)
    window.delete_item_action.trigger()
    assert window.statusBar().currentMessage() == "Item deleted – Ctrl+Z undoes it"

    window.undo_action.trigger()
    assert window.statusBar().currentMessage().startswith("Saved in the archive at ")
    assert len(disk.items.for_meeting(meeting.id)) == len(MEETING_ITEMS)


@pytest.mark.parametrize(
    ("sqlite_says", "shown"),
    [
        ("attempt to write a readonly database", "filen kan ikke skrives (skrivebeskyttet)"),
        ("database disk image is malformed", "filen er beskadiget"),
    ],
)
def test_an_archive_error_is_shown_in_the_secretarys_words(
    qtbot, window, meeting, prompts, monkeypatch, sqlite_says, shown
):
    def failing(*_args):
        raise store_error(sqlite3.OperationalError(sqlite_says))

    monkeypatch.setattr(window.archive.items, "update_field", failing)
    prompts.expect_errors(1)
    qtbot.keyClicks(window.item_editor.title, " (ny)")
    qtbot.waitUntil(lambda: len(prompts.errors) == 1, timeout=COMMIT_TIMEOUT_MS)
    assert shown in prompts.errors[0] and sqlite_says not in prompts.errors[0]
