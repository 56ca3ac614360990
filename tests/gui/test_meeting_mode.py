"""Meeting mode: a whole meeting taken from the keyboard, each kind of record undone and redone,
the clock and how far the meeting is ahead of or behind its plan, and the models checked by Qt's
model tester. What the window shows is checked against a second connection to the archive."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from gui_support import (
    ALT,
    COMMIT_TIMEOUT_MS,
    CTRL,
    SHIFT,
    choose_row,
    docx_lines,
    focus,
    focused,
    type_text,
)
from minutes_support import (
    FixedClock,
    committee_members,
    set_attendance,
    type_absence,
    type_dissent,
    type_votes,
)
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from secretary_app.core.meeting_clock import Progress
from secretary_app.core.model import AbsenceReason, AttendanceStatus, MemberRole, VoteSide
from secretary_app.store.archive import Archive
from secretary_app.store.errors import store_error
from secretary_app.ui import prompts as prompts_module
from secretary_app.ui.attendance_dialog import AttendanceDialog
from secretary_app.ui.item_records_dialogs import AbsenceDialog, DissentDialog, VoteDialog

DAY = dt.date(2017, 6, 27)  # the `meeting` fixture's day
ABSENT, EXCUSED = AttendanceStatus.ABSENT, AttendanceStatus.EXCUSED


@pytest.fixture
def clock(window) -> FixedClock:
    fixed = FixedClock(dt.datetime.combine(DAY, dt.time(17, 0)))
    window.meeting_actions.recorder.clock = fixed
    return fixed


@pytest.fixture
def members(archive, meeting) -> list[str]:
    archive.committees.set_members(meeting.committee_id, committee_members(meeting.committee_id))
    return [member.name for member in archive.committees.members(meeting.committee_id)]


def mode(window):
    return window.meeting_actions


def decision_field(window):
    return mode(window).view.decision.text_edit


def keys(widget, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key typed where the focus is (`widget`), as a user would."""
    QTest.keyClick(widget, key, modifiers)


def enter_meeting_mode(qtbot, window) -> None:
    focus(qtbot, window.meeting_panel.agenda)
    keys(focused(), Qt.Key.Key_M, CTRL)
    qtbot.waitUntil(lambda: focused() is decision_field(window), timeout=1000)


def shown_heading(window) -> str:
    return mode(window).view.heading.text()


def stored_decisions(disk, meeting) -> list[str]:
    return [item.decision for item in disk.items.for_meeting(meeting.id)]


def item_id(window, row: int) -> int:
    return window.agenda_model.item_at(row).id


# --- a whole meeting -----------------------------------------------------------------------


def test_a_whole_meeting_from_the_keyboard(
    qtbot, window, meeting, members, clock, record_dialogs, archive_path, tmp_path
):
    enter_meeting_mode(qtbot, window)
    view = mode(window).view
    assert view.isVisible() and not window.meeting_panel.isVisible()
    assert shown_heading(window) == "1. Godkendelse af dagsorden"
    field = decision_field(window)

    # Attendance: Carl absent with a substitute, Dorte excused, a guest and an official.
    record_dialogs.answer(
        AttendanceDialog,
        set_attendance(
            {"Carl Dahl": (ABSENT, "Frida Gram"), "Dorte Eske": (EXCUSED, "")},
            guests=["Hans Gæst"],
            officials=["Ida Direktør"],
        ),
    )
    keys(field, Qt.Key.Key_T, CTRL | SHIFT)
    assert view.attendance_label.text() == "4 present, 1 absent, 1 excused"

    # Item 1: a phrase at one keystroke.
    keys(field, Qt.Key.Key_1, ALT)
    assert field.toPlainText() == "Godkendt."
    keys(field, Qt.Key.Key_PageDown, CTRL)
    assert shown_heading(window) == "2. Budget 2018"
    assert focused() is field

    # Item 2: the decision typed, a dissent note, a vote.
    type_text(field, "Anbefales over for byrådet.")
    record_dialogs.answer(DissentDialog, type_dissent("Erik Fisker", "Erik Fisker er imod."))
    keys(field, Qt.Key.Key_P, CTRL | SHIFT)
    record_dialogs.answer(VoteDialog, type_votes("V, A, Frida Gram", "Erik Fisker", ""))
    keys(field, Qt.Key.Key_A, CTRL | SHIFT)
    assert view.records.model.rowCount() == 3  # the dissent note, for, against
    keys(field, Qt.Key.Key_PageDown, CTRL)
    assert shown_heading(window) == "3. Eventuelt"

    # Item 3: Erik leaves the room (chosen by his first letters), then a phrase.
    record_dialogs.answer(AbsenceDialog, type_absence("Er", reason_steps=1))
    keys(field, Qt.Key.Key_I, CTRL | SHIFT)
    keys(field, Qt.Key.Key_5, ALT)
    keys(field, Qt.Key.Key_PageDown, CTRL)  # the last item: stays
    assert shown_heading(window) == "3. Eventuelt"

    # The meeting ends.
    clock.set(DAY, "18:47")
    keys(field, Qt.Key.Key_E, CTRL | SHIFT)
    assert view.ended_label.text() == "Meeting ended at 18.47"
    progress = view.progress_model
    assert [progress.progress_at(row) for row in range(3)] == [
        Progress.DONE,
        Progress.DONE,
        Progress.CURRENT,
    ]
    keys(field, Qt.Key.Key_Escape)
    assert not mode(window).in_meeting_mode()
    assert window.meeting_panel.isVisible()
    assert "Meeting ended at 18.47" in mode(window).bar_label.text()

    # All of it is in the archive, as a fresh connection reads it.
    disk = Archive.open(archive_path)
    try:
        assert_whole_meeting_stored(disk, meeting)
    finally:
        disk.close()
    assert_minutes_read_back(window, meeting, tmp_path)


MINUTES_LINES = [
    "Protokollen blev læst og mødet hævet kl.: 18.47",
    "Fraværende: Carl Dahl (stedfortræder: Frida Gram) og Dorte Eske",
    "Desuden deltog: Hans Gæst og Ida Direktør",
    "Protokolbemærkning fra Erik Fisker: Erik Fisker er imod.",
    "For stemte: V, A og Frida Gram",
    "Imod stemte: Erik Fisker",
    "Ikke til stede under punktet: Erik Fisker (forlod mødet)",
]


def assert_minutes_read_back(window, meeting, tmp_path) -> None:
    """The minutes of the meeting just taken, exported as Word and PDF and read back."""
    import subprocess

    from secretary_app.export.layout import Edition
    from secretary_app.ui.document_output import DocumentOutput

    output = DocumentOutput(window.archive)
    word, pdf = tmp_path / "referat.docx", tmp_path / "referat.pdf"
    output.save_word(meeting.id, Edition("minutes"), word)
    output.save_pdf(meeting.id, Edition("minutes"), pdf)
    # A header field is a table row "label:" | "value" in Word; read it as the reference reads it.
    paragraphs = docx_lines(word)
    # -raw: the PDF's reading order (a label wrapped in its cell, then the value beside it).
    pdf_text = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat_pdf = " ".join(pdf_text.split())
    for line in MINUTES_LINES:
        assert any(line in paragraph for paragraph in paragraphs), line
        assert line in flat_pdf, line
    assert any(p.startswith("Tilstede: Anna Holm, Bo Berg") for p in paragraphs)


def assert_whole_meeting_stored(disk: Archive, meeting) -> None:
    assert stored_decisions(disk, meeting) == [
        "Godkendt.",
        "Anbefales over for byrådet.",
        "Intet.",
    ]
    attendance = [
        (e.name, e.role, e.status, e.substitute) for e in disk.meetings.attendance(meeting.id)
    ]
    assert attendance == [
        ("Anna Holm", MemberRole.CHAIR, AttendanceStatus.PRESENT, ""),
        ("Bo Berg", MemberRole.MEMBER, AttendanceStatus.PRESENT, ""),
        ("Carl Dahl", MemberRole.MEMBER, ABSENT, "Frida Gram"),
        ("Dorte Eske", MemberRole.MEMBER, EXCUSED, ""),
        ("Erik Fisker", MemberRole.CITIZEN_MEMBER, AttendanceStatus.PRESENT, ""),
        ("Hans Gæst", MemberRole.GUEST, AttendanceStatus.PRESENT, ""),
        ("Ida Direktør", MemberRole.OFFICIAL, AttendanceStatus.PRESENT, ""),
    ]
    first, budget, last = (item.id for item in disk.items.for_meeting(meeting.id))
    assert [(d.member, d.text) for d in disk.records.dissents(budget)] == [
        ("Erik Fisker", "Erik Fisker er imod.")
    ]
    assert [(v.side, v.voter) for v in disk.records.votes(budget)] == [
        (VoteSide.FOR, "V"),
        (VoteSide.FOR, "A"),
        (VoteSide.FOR, "Frida Gram"),
        (VoteSide.AGAINST, "Erik Fisker"),
    ]
    assert [(a.member, a.reason) for a in disk.records.absences(last)] == [
        ("Erik Fisker", AbsenceReason.LEFT)
    ]
    assert disk.records.absences(first) == disk.records.dissents(first) == []
    assert disk.meetings.get(meeting.id).ended_at == dt.time(18, 47)


# --- each kind of record undone and redone --------------------------------------------------


def undo(window) -> None:
    keys(focused() or window, Qt.Key.Key_Z, CTRL)


def redo(window) -> None:
    keys(focused() or window, Qt.Key.Key_Y, CTRL)


def test_undo_and_redo_attendance(qtbot, window, meeting, members, record_dialogs, disk):
    enter_meeting_mode(qtbot, window)
    record_dialogs.answer(AttendanceDialog, set_attendance({"Bo Berg": (EXCUSED, "")}))
    keys(decision_field(window), Qt.Key.Key_T, CTRL | SHIFT)
    statuses = lambda: [e.status for e in disk.meetings.attendance(meeting.id)]  # noqa: E731
    assert statuses().count(EXCUSED) == 1
    assert window.session.undo_stack.count() == 1  # one command for the whole sheet
    undo(window)
    assert statuses() == []
    assert mode(window).view.attendance_label.text() == "Attendance not recorded"
    redo(window)
    assert statuses().count(EXCUSED) == 1


RECORDS = {
    "absence": (
        AbsenceDialog,
        lambda: type_absence("Bo", note="kom kl. 17.30"),
        Qt.Key.Key_I,
        lambda disk, item: [(a.member, a.reason, a.note) for a in disk.records.absences(item)],
        [("Bo Berg", AbsenceReason.DISQUALIFIED, "kom kl. 17.30")],
    ),
    "dissent": (
        DissentDialog,
        lambda: type_dissent("Anna Holm", "Anna Holm tager forbehold."),
        Qt.Key.Key_P,
        lambda disk, item: [(d.member, d.text) for d in disk.records.dissents(item)],
        [("Anna Holm", "Anna Holm tager forbehold.")],
    ),
    "votes": (
        VoteDialog,
        lambda: type_votes("V", "A; Ø", "C"),
        Qt.Key.Key_A,
        lambda disk, item: [(v.side, v.voter) for v in disk.records.votes(item)],
        [
            (VoteSide.FOR, "V"),
            (VoteSide.AGAINST, "A"),
            (VoteSide.AGAINST, "Ø"),
            (VoteSide.ABSTAIN, "C"),
        ],
    ),
}


@pytest.mark.parametrize("kind", RECORDS)
def test_undo_and_redo_a_record_of_an_item(
    qtbot, window, meeting, members, record_dialogs, disk, kind
):
    dialog_class, fill, key, stored, expected = RECORDS[kind]
    choose_row(qtbot, window, 1)
    enter_meeting_mode(qtbot, window)
    budget = item_id(window, 1)
    record_dialogs.answer(dialog_class, fill())
    keys(decision_field(window), key, CTRL | SHIFT)
    assert stored(disk, budget) == expected
    assert mode(window).view.records.model.rowCount() >= 1
    undo(window)
    assert stored(disk, budget) == []
    assert mode(window).view.records.model.rowCount() == 0
    redo(window)
    assert stored(disk, budget) == expected
    assert window.item_editor.item_id == budget  # the item editor's section shows it too
    assert mode(window).item_records.model.rowCount() >= 1


def test_undo_and_redo_a_phrase(qtbot, window, meeting, disk):
    enter_meeting_mode(qtbot, window)
    field = decision_field(window)
    keys(field, Qt.Key.Key_3, ALT)
    assert stored_decisions(disk, meeting)[0] == "Taget til efterretning."
    undo(window)
    assert stored_decisions(disk, meeting)[0] == ""
    assert field.toPlainText() == ""
    redo(window)
    assert field.toPlainText() == "Taget til efterretning."


def test_undo_and_redo_the_end_of_the_meeting(qtbot, window, meeting, clock, disk, prompts):
    enter_meeting_mode(qtbot, window)
    clock.set(DAY, "20:35")
    keys(decision_field(window), Qt.Key.Key_E, CTRL | SHIFT)
    assert disk.meetings.get(meeting.id).ended_at == dt.time(20, 35)
    assert prompts.questions == []
    undo(window)
    assert disk.meetings.get(meeting.id).ended_at is None
    assert mode(window).view.ended_label.text() == ""
    assert "ended" not in mode(window).bar_label.text()
    redo(window)
    assert mode(window).view.ended_label.text() == "Meeting ended at 20.35"
    assert "Meeting ended at 20.35" in mode(window).bar_label.text()


def test_ending_again_asks_first(qtbot, window, meeting, clock, disk, prompts):
    enter_meeting_mode(qtbot, window)
    clock.set(DAY, "20:35")
    keys(decision_field(window), Qt.Key.Key_E, CTRL | SHIFT)
    clock.set(DAY, "20:41")
    keys(decision_field(window), Qt.Key.Key_E, CTRL | SHIFT)
    assert len(prompts.questions) == 1 and "20.35" in prompts.questions[0]
    assert disk.meetings.get(meeting.id).ended_at == dt.time(20, 41)


def test_ending_again_can_be_declined(qtbot, window, meeting, clock, disk, prompts):
    enter_meeting_mode(qtbot, window)
    clock.set(DAY, "20:35")
    keys(decision_field(window), Qt.Key.Key_E, CTRL | SHIFT)
    prompts.answer = False
    clock.set(DAY, "21:00")
    keys(decision_field(window), Qt.Key.Key_E, CTRL | SHIFT)
    assert disk.meetings.get(meeting.id).ended_at == dt.time(20, 35)


# --- the decision field ---------------------------------------------------------------------


def test_typing_in_meeting_mode_is_committed_within_a_second(qtbot, window, meeting, disk):
    enter_meeting_mode(qtbot, window)
    type_text(decision_field(window), "Godkendt med én ændring.")
    qtbot.waitUntil(
        lambda: stored_decisions(disk, meeting)[0] == "Godkendt med én ændring.",
        timeout=COMMIT_TIMEOUT_MS,
    )
    decision = window.item_editor.rich_edit("section:beslutning").text_edit
    assert decision.toPlainText() == "Godkendt med én ændring."
    undo(window)
    assert stored_decisions(disk, meeting)[0] == ""


def test_a_phrase_after_text_is_a_new_paragraph_and_stays_editable(qtbot, window, meeting, disk):
    enter_meeting_mode(qtbot, window)
    field = decision_field(window)
    type_text(field, "Drøftet.")
    keys(field, Qt.Key.Key_2, ALT)  # commits the typing first, then adds the phrase
    assert stored_decisions(disk, meeting)[0] == "Drøftet.\n\nAnbefales."
    assert focused() is field and field.textCursor().atEnd()
    type_text(field, " Enstemmigt.")
    qtbot.waitUntil(
        lambda: stored_decisions(disk, meeting)[0] == "Drøftet.\n\nAnbefales. Enstemmigt.",
        timeout=COMMIT_TIMEOUT_MS,
    )


def test_the_committees_own_phrases_are_on_the_keys(qtbot, window, meeting, archive, disk):
    archive.records.set_phrases(meeting.committee_id, ["Indstillingen godkendt.", "Oversendt."])
    window.meetings.open_meeting(meeting.id)
    enter_meeting_mode(qtbot, window)
    buttons = [b.text() for b in mode(window).view.phrase_buttons]
    assert buttons == ["Alt+1  Indstillingen godkendt.", "Alt+2  Oversendt."]
    keys(decision_field(window), Qt.Key.Key_2, ALT)
    keys(decision_field(window), Qt.Key.Key_3, ALT)  # no third phrase: nothing happens
    assert stored_decisions(disk, meeting)[0] == "Oversendt."
    mode(window).view.phrase_buttons[0].click()
    assert stored_decisions(disk, meeting)[0] == "Oversendt.\n\nIndstillingen godkendt."


def test_phrase_keys_work_in_the_item_editor_too(qtbot, window, meeting, disk):
    choose_row(qtbot, window, 2)
    focus(qtbot, window.item_editor.title)
    keys(window.item_editor.title, Qt.Key.Key_4, ALT)
    assert stored_decisions(disk, meeting)[2] == "Udsat."
    assert window.item_editor.rich_edit("section:beslutning").text_edit.toPlainText() == "Udsat."


# --- moving through the agenda, leaving -----------------------------------------------------


def test_next_and_previous_item_and_the_agenda_beside(qtbot, window, meeting):
    enter_meeting_mode(qtbot, window)
    field = decision_field(window)
    keys(field, Qt.Key.Key_PageUp, CTRL)  # the first item: stays
    assert shown_heading(window) == "1. Godkendelse af dagsorden"
    keys(field, Qt.Key.Key_PageDown, CTRL)
    keys(field, Qt.Key.Key_PageDown, CTRL)
    assert shown_heading(window) == "3. Eventuelt"
    keys(field, Qt.Key.Key_PageUp, CTRL)
    assert shown_heading(window) == "2. Budget 2018"
    progress = mode(window).view.progress
    assert progress.currentIndex().data() == "2. Budget 2018"
    assert progress.currentIndex().data(Qt.ItemDataRole.AccessibleTextRole) == (
        "2. Budget 2018 (now)"
    )
    rect = progress.visualRect(progress.model().index(2, progress.modelColumn()))
    QTest.mouseClick(progress.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown_heading(window) == "3. Eventuelt"
    assert window.meeting_panel.current_item().title == "Eventuelt"  # one current item


@pytest.mark.parametrize(
    ("enter_key", "leave_key"),
    [
        ((Qt.Key.Key_M, CTRL), (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)),
        (
            (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
            (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
        ),
        ((Qt.Key.Key_M, CTRL), (Qt.Key.Key_M, CTRL)),
    ],
)
def test_entering_and_leaving_meeting_mode(qtbot, window, meeting, disk, enter_key, leave_key):
    focus(qtbot, window.meeting_panel.agenda)
    keys(focused(), *enter_key)
    assert mode(window).in_meeting_mode() and mode(window).mode_action.isChecked()
    assert focused() is decision_field(window)
    assert mode(window).timer.isActive()
    type_text(decision_field(window), "Godkendt")
    keys(focused(), *leave_key)  # leaving commits what was typed
    assert not mode(window).in_meeting_mode() and not mode(window).mode_action.isChecked()
    assert not mode(window).timer.isActive()
    assert stored_decisions(disk, meeting)[0] == "Godkendt"
    assert window.item_editor.rich_edit("section:beslutning").text_edit.toPlainText() == "Godkendt"


def test_escape_outside_meeting_mode_does_nothing(qtbot, window, meeting):
    focus(qtbot, window.item_editor.title)
    keys(window.item_editor.title, Qt.Key.Key_Escape)
    assert not mode(window).in_meeting_mode()


def test_no_meeting_no_meeting_mode(qtbot, window):
    focus(qtbot, window.tree)
    keys(window.tree, Qt.Key.Key_M, CTRL)
    assert not mode(window).in_meeting_mode()


# --- the clock ------------------------------------------------------------------------------


@pytest.fixture
def planned(archive, window, meeting):
    """Items of 10, 45 and 5 minutes from 17.00: 17.00-17.10, 17.10-17.55, 17.55-18.00."""
    for row, minutes in enumerate((10, 45, 5)):
        archive.items.update_field(item_id(window, row), "duration_minutes", minutes)
    window.meetings.open_meeting(meeting.id)
    return meeting


@pytest.mark.parametrize(
    ("row", "now", "shown"),
    [
        (1, "17:07", "3 min. ahead"),
        (0, "17:22", "12 min. behind"),
        (1, "17:30", "On time"),
        (2, "17:40", "15 min. ahead"),
    ],
)
def test_ahead_or_behind_the_plan(qtbot, window, planned, clock, row, now, shown):
    choose_row(qtbot, window, row)
    enter_meeting_mode(qtbot, window)
    clock.set(DAY, now)
    mode(window).timer.timeout.emit()  # what the timer does every 15 seconds
    view = mode(window).view
    assert view.clock_label.text() == now.replace(":", ".")
    assert view.schedule_label.text() == shown


def test_the_clock_is_read_every_15_seconds_at_most(qtbot, window, planned, clock):
    enter_meeting_mode(qtbot, window)
    timer = mode(window).timer
    assert timer.isActive() and 0 < timer.interval() <= 15_000
    assert mode(window).view.clock_label.text() == "17.00"


def test_no_comparison_on_another_day_or_after_the_end(qtbot, window, planned, clock, prompts):
    choose_row(qtbot, window, 1)
    enter_meeting_mode(qtbot, window)
    view = mode(window).view
    clock.set(DAY + dt.timedelta(days=1), "17:07")
    view.refresh_clock()
    assert view.schedule_label.text() == ""
    clock.set(DAY, "17:07")
    view.refresh_clock()
    assert view.schedule_label.text() == "3 min. ahead"
    keys(decision_field(window), Qt.Key.Key_E, CTRL | SHIFT)
    assert view.schedule_label.text() == ""
    assert view.ended_label.text() == "Meeting ended at 17.07"


# --- records in the normal item editor, and failures ----------------------------------------


def test_records_in_the_item_editor_edited_and_removed(
    qtbot, window, meeting, members, record_dialogs, disk
):
    choose_row(qtbot, window, 1)
    budget = item_id(window, 1)
    section = mode(window).item_records
    record_dialogs.answer(DissentDialog, type_dissent("Bo Berg", "Første udgave."))
    section.dissent_button.click()
    record_dialogs.answer(DissentDialog, type_dissent("Bo Berg", "Rettet udgave."))
    focus(qtbot, section.view)
    section.view.setCurrentIndex(section.model.index(0))
    keys(section.view, Qt.Key.Key_Return)  # Enter edits the chosen line
    assert [d.text for d in disk.records.dissents(budget)] == ["Rettet udgave."]
    keys(section.view, Qt.Key.Key_Delete)
    assert disk.records.dissents(budget) == []
    assert section.model.rowCount() == 0


def test_a_cancelled_dialog_records_nothing(qtbot, window, meeting, members, record_dialogs):
    from minutes_support import cancel

    enter_meeting_mode(qtbot, window)
    record_dialogs.answer(AbsenceDialog, cancel)
    keys(decision_field(window), Qt.Key.Key_I, CTRL | SHIFT)
    assert window.session.undo_stack.count() == 0


def test_a_failed_write_is_reported_and_not_undoable(
    qtbot, window, meeting, members, record_dialogs, prompts, disk, monkeypatch
):
    def disk_full(*_args):
        raise store_error(sqlite3.OperationalError("database or disk is full"))

    enter_meeting_mode(qtbot, window)
    monkeypatch.setattr(window.archive.records, "set_votes", disk_full)
    prompts.expect_errors(1)
    record_dialogs.answer(VoteDialog, type_votes("V"))
    keys(decision_field(window), Qt.Key.Key_A, CTRL | SHIFT)
    assert "the disk is full" in prompts.errors[0]
    assert window.session.undo_stack.count() == 0
    assert mode(window).view.records.model.rowCount() == 0


def test_an_approved_meeting_records_nothing(qtbot, window, meeting, archive, clock, disk):
    archive.approvals.approve(archive, meeting.id, ["Anna Holm"], DAY)
    window.meetings.open_meeting(meeting.id)
    enter_meeting_mode(qtbot, window)
    field = decision_field(window)
    assert field.isReadOnly()
    keys(field, Qt.Key.Key_1, ALT)
    keys(field, Qt.Key.Key_E, CTRL | SHIFT)
    assert not mode(window).attendance_action.isEnabled()
    assert stored_decisions(disk, meeting)[0] == ""
    assert disk.meetings.get(meeting.id).ended_at is None


# --- the models -----------------------------------------------------------------------------


def test_agenda_progress_model(qtbot, qtmodeltester, window, meeting):
    enter_meeting_mode(qtbot, window)
    model = mode(window).view.progress_model
    qtmodeltester.check(model)
    field = decision_field(window)
    keys(field, Qt.Key.Key_1, ALT)
    keys(field, Qt.Key.Key_PageDown, CTRL)
    window.items.move_item(item_id(window, 2), 0)
    qtmodeltester.check(model)
    assert model.progress_at(1) is Progress.DONE  # "Godkendelse af dagsorden", now second


def test_item_records_model(qtbot, qtmodeltester, window, meeting, members, record_dialogs):
    enter_meeting_mode(qtbot, window)
    model = mode(window).view.records.model
    qtmodeltester.check(model)
    record_dialogs.answer(VoteDialog, type_votes("V", "A"))
    keys(decision_field(window), Qt.Key.Key_A, CTRL | SHIFT)
    record_dialogs.answer(AbsenceDialog, type_absence("Anna"))
    keys(decision_field(window), Qt.Key.Key_I, CTRL | SHIFT)
    qtmodeltester.check(model)
    assert [model.index(row).data() for row in range(model.rowCount())] == [
        "Not present: Anna Holm, disqualified (inhabil)",
        "For: V",
        "Against: A",
    ]


def test_an_items_records_come_back_when_its_deletion_is_undone(
    qtbot, window, meeting, members, record_dialogs, disk
):
    choose_row(qtbot, window, 1)
    budget = item_id(window, 1)
    record_dialogs.answer(DissentDialog, type_dissent("Bo Berg", "Imod."))
    mode(window).item_records.dissent_button.click()
    window.meeting_panel.delete_current()
    assert disk.records.dissents(budget) == []
    window.undo_action.trigger()
    assert [d.text for d in disk.records.dissents(budget)] == ["Imod."]
    assert window.meeting_panel.current_item().id == budget
    assert mode(window).item_records.model.rowCount() == 1


def test_tab_goes_round_meeting_mode_in_the_order_it_is_seen(qtbot, window, meeting):
    enter_meeting_mode(qtbot, window)
    view = mode(window).view
    chain = [focused()]
    for _ in range(20):
        keys(focused(), Qt.Key.Key_Tab)
        if focused() is chain[0]:
            break
        chain.append(focused())
    names = [widget.accessibleName() for widget in chain]
    assert names == [
        "Beslutninger",  # the decision, under its label in the meeting's item layout
        "Not present, dissent notes, votes and reservations",
        "Not present",
        "Dissent",
        "Votes",
        "Reservation",  # "Remove from the item" is greyed out: nothing is recorded yet
        "Attendance",
        "Meeting ended now",
        "Leave meeting mode",
        "Agenda with progress",
        "The item's texts",
    ]
    assert all(view.isAncestorOf(widget) for widget in chain)


def test_meeting_mode_is_built_when_first_entered_with_the_state_of_then(qtbot, window, meeting):
    from secretary_app.ui.meeting_mode import MeetingModeView

    assert window.findChildren(MeetingModeView) == []  # not needed to start the window
    mode(window).set_locked(True)  # as for approved minutes

    enter_meeting_mode(qtbot, window)

    [view] = window.findChildren(MeetingModeView)
    assert view.decision.text_edit.isReadOnly()
    assert [b.text()[:6] for b in view.phrase_buttons][:2] == ["Alt+1 ", "Alt+2 "]
    assert not any(b.isEnabled() for b in view.phrase_buttons)
    assert view.records.view.isEnabled()  # the records can be read
    assert not any(button.isEnabled() for button in view.records.buttons)  # not changed
    assert shown_heading(window).endswith(window.agenda_model.item_at(0).title)


def test_meeting_mode_fills_the_screen_and_says_which_meeting(qtbot, window, meeting):
    window.showMaximized()
    window.meeting_actions.mode_action.trigger()
    assert window.isFullScreen()
    view = window.meeting_actions.view
    assert view.meeting_label.text() == "Økonomiudvalget · tirsdag den 27. juni 2017"
    assert view.clock_label.text()  # the time now

    window.meeting_actions.leave_action.trigger()
    assert not window.isFullScreen()
    assert window.windowState() & Qt.WindowState.WindowMaximized  # as it was


def test_the_decision_can_have_the_whole_pane(qtbot, window, meeting):
    enter_meeting_mode(qtbot, window)
    view = window.meeting_actions.view
    assert view.summary_box.isVisible() and view.side.isVisible()

    QTest.keyClick(view.decision.text_edit, Qt.Key.Key_D, CTRL | SHIFT)
    assert view.whole_pane.isChecked()
    assert not view.summary_box.isVisible() and not view.side.isVisible()
    assert view.decision.text_edit.hasFocus()

    view.whole_pane.click()
    assert view.summary_box.isVisible() and view.side.isVisible()


def test_a_meeting_of_another_day_asks_when_it_ended(
    qtbot, window, meeting, clock, disk, prompts, monkeypatch
):
    """Recorded afterwards, "ended now" would be the clock's time of another day (found by a
    walkthrough: a meeting of 8 April 2025 read "mødet hævet kl.: 11.19"). The time is asked,
    the planned end proposed; a time that is no time is refused and asked again."""
    clock.set(DAY + dt.timedelta(days=2), "11:19")
    answers = iter(["halv ni", "20.35"])
    asked: list[tuple[str, str]] = []

    def ask_text(_parent, _title, label, text):
        asked.append((label, text))
        return next(answers)

    monkeypatch.setattr(prompts_module, "ask_text", ask_text)
    prompts.expect_errors(1)
    mode(window).end_meeting_now()
    assert disk.meetings.get(meeting.id).ended_at == dt.time(20, 35)
    assert asked[0] == (
        "The meeting of 27. juni 2017 is not today. At what time did it end?",
        "19.00",
    )
    assert asked[1][1] == "halv ni"  # what was typed, to correct
    assert len(prompts.errors) == 1


def test_a_meeting_of_another_day_is_not_ended_when_asking_is_cancelled(
    qtbot, window, meeting, clock, disk, prompts
):
    clock.set(DAY + dt.timedelta(days=2), "11:19")
    prompts.text_answer = None
    mode(window).end_meeting_now()
    assert disk.meetings.get(meeting.id).ended_at is None
