"""Approving minutes in the window, and what the window lets one do afterwards."""

from __future__ import annotations

import datetime as dt
import re

import docx
import pytest
from PySide6.QtCore import Qt

from secretary_app.export.layout import Edition
from secretary_app.store.errors import store_error
from secretary_app.ui.approval_dialogs import ApproveDialog, AuditDialog, CorrectionDialog
from secretary_app.ui.document_output import DocumentOutput


def _answer(monkeypatch, dialog_class, fill=lambda dialog: None):
    def run(dialog):
        fill(dialog)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", run)


@pytest.fixture
def approved(monkeypatch, window, meeting):
    _answer(monkeypatch, ApproveDialog, lambda d: d.date.setDate(dt.date(2017, 7, 3)))
    window.record_actions.approve_action.trigger()
    return meeting


def test_approving_locks_the_window_and_the_archive(window, approved, disk, prompts, qtbot):
    approval = disk.approvals.approval(approved.id)
    assert approval.approved_at == dt.date(2017, 7, 3)
    assert disk.approvals.verify(approved.id)
    assert window.item_editor.widget().isEnabled()  # read-only text, not greyed out
    assert window.item_editor.title.isReadOnly()
    assert not window.meeting_panel.add_button.isEnabled()
    assert not window.record_actions.approve_action.isEnabled()
    assert window.record_actions.correct_action.isEnabled()
    assert "Godkendt 3. juli 2017 · SHA-256" in window.statusBar().currentMessage()
    assert window.session.undo_stack.count() == 0


def test_an_edit_that_reaches_an_approved_meeting_changes_nothing(window, approved, disk, prompts):
    prompts.expect_errors(1)
    item = window.agenda_model.item_at(0)
    window.items.edit_item_field(item.id, "title", "Ændret efter godkendelsen")
    assert "Referatet er godkendt" in prompts.errors[0]
    assert disk.items.get(item.id).title == item.title
    assert window.agenda_model.item_at(0).title == item.title
    assert disk.approvals.verify(approved.id)


def test_a_correction_is_added_and_shows_in_the_minutes(
    monkeypatch, window, approved, disk, prompts, tmp_path
):
    def fill(dialog):
        dialog.where.setCurrentIndex(2)  # item 2
        dialog.text.setPlainText("Beslutningen lyder: Anbefales.")
        dialog.reason.setText("Skrivefejl i referatet")

    _answer(monkeypatch, CorrectionDialog, fill)
    window.record_actions.correct_action.trigger()
    [correction] = disk.approvals.corrections(approved.id)
    assert (correction.item_number, correction.reason) == (2, "Skrivefejl i referatet")
    target = tmp_path / "referat.docx"
    DocumentOutput(window.archive).save_word(approved.id, Edition("minutes"), target)
    text = [p.text for p in docx.Document(str(target)).paragraphs]
    assert any("(punkt 2): Beslutningen lyder: Anbefales." in line for line in text)
    assert disk.approvals.verify(approved.id)


def test_a_correction_needs_its_text_and_reason(monkeypatch, window, approved, disk, prompts):
    prompts.expect_errors(1)

    def run(dialog):
        dialog.text.setPlainText("Uden begrundelse")
        dialog.accept()  # refused: no reason
        return dialog.result()

    monkeypatch.setattr(CorrectionDialog, "exec", run)
    window.record_actions.correct_action.trigger()
    assert prompts.errors == ["A correction needs its text and its reason."]
    assert disk.approvals.corrections(approved.id) == []


def test_the_audit_log_lists_changes_after_the_agenda_was_sent(
    monkeypatch, window, meeting, disk, qtbot
):
    window.record_actions.sent_action.trigger()
    assert not window.record_actions.sent_action.isEnabled()
    item = window.agenda_model.item_at(1)
    old_title = item.title
    window.items.edit_item_field(item.id, "title", "Budget 2018, 2. behandling")
    shown = {}

    def run(dialog):
        model = dialog.model
        shown["rows"] = [
            [model.item(row, column).text() for column in range(5)]
            for row in range(model.rowCount())
        ]
        return 0

    monkeypatch.setattr(AuditDialog, "exec", run)
    window.record_actions.audit_action.trigger()
    [row] = shown["rows"]
    assert row[2:] == [f"punkt 2 {old_title}: titel", old_title, "Budget 2018, 2. behandling"]
    assert row[1]  # the user
    assert re.fullmatch(r"\d{1,2}\. [a-z]+ \d{4} kl\. \d\d\.\d\d", row[0]), row[0]  # in Danish


def test_approve_can_be_cancelled(monkeypatch, window, meeting, disk):
    monkeypatch.setattr(ApproveDialog, "exec", lambda dialog: 0)
    window.record_actions.approve_action.trigger()
    assert not disk.approvals.is_approved(meeting.id)
    assert not window.item_editor.title.isReadOnly()


def test_the_approve_dialog_ticks_everyone_who_took_part(window, meeting, archive):
    from secretary_app.core.model import AttendanceEntry, AttendanceStatus

    archive.meetings.set_attendance(
        meeting.id,
        [
            AttendanceEntry(meeting.id, "Anna Holm"),
            AttendanceEntry(
                meeting.id, "Carl Dahl", status=AttendanceStatus.ABSENT, substitute="Frida Gram"
            ),
        ],
    )
    participants = window.record_actions.participants(meeting.id)
    dialog = ApproveDialog(participants, meeting.date, "Økonomiudvalget", window)
    assert dialog.approved_by() == ["Anna Holm", "Frida Gram"]
    dialog.members.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.approved_by() == ["Anna Holm"]
    dialog.others.setText("Carl  Dahl, anna holm , carl dahl,")  # others named, once each
    assert dialog.approved_by() == ["Anna Holm", "Carl Dahl"]
    dialog.others.setText("Carl\x0bDahl\x00")  # pasted from Word
    assert dialog.approved_by() == ["Anna Holm", "Carl Dahl"]


def test_without_a_member_list_the_committee_approves_on_a_day_from_the_meeting_to_today(
    window, meeting
):
    name = "Kultur-, Fritids- og Idrætsudvalget"  # a comma in it: one name all the same
    dialog = ApproveDialog([], meeting.date, name, window)
    assert dialog.approved_by() == [name]
    dialog.date.setDate(dt.date(2017, 6, 1))
    assert dialog.approved_on() == meeting.date  # the earliest date it offers
    dialog.date.setDate(dt.date.today() + dt.timedelta(days=7))
    assert dialog.approved_on() == dt.date.today()  # the latest


def test_approved_minutes_cannot_be_deleted_from_the_window(window, approved, disk, prompts):
    prompts.expect_errors(1)
    window.delete_meeting_action.trigger()
    assert prompts.errors == ["Approved minutes are kept; they cannot be deleted."]
    assert disk.meetings.exists(approved.id)
    assert window.meetings.meeting.id == approved.id


def test_approval_needs_at_least_one_member(monkeypatch, window, meeting, archive, disk, prompts):
    from secretary_app.core.model import AttendanceEntry

    archive.meetings.set_attendance(meeting.id, [AttendanceEntry(meeting.id, "Anna Holm")])
    prompts.expect_errors(1)

    def run(dialog):
        dialog.members.item(0).setCheckState(Qt.CheckState.Unchecked)
        dialog.accept()  # refused: nobody approved
        return dialog.result()

    monkeypatch.setattr(ApproveDialog, "exec", run)
    window.record_actions.approve_action.trigger()
    assert prompts.errors == ["Tick or name who approved the minutes."]
    assert not disk.approvals.is_approved(meeting.id)


def test_minutes_changed_behind_the_programs_back_are_called_out_when_opened(
    window, approved, archive_path, prompts, tmp_path
):
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(archive_path)) as db:
        db.create_function("secretary_user", 0, lambda: "indtrænger")
        db.create_function("secretary_chain", 8, lambda *fields: "")
        db.execute("DROP TRIGGER items_update_locked")
        db.execute("UPDATE items SET title = 'FORFALSKET' WHERE meeting_id = ?", [approved.id])
        db.commit()
    prompts.expect_errors(2)
    window.meetings.open_meeting(None)
    window.meetings.open_meeting(approved.id)

    assert "items[0].title" in prompts.errors[0]
    assert "beskyttelsen er fjernet eller ændret: items_update_locked" in prompts.errors[1]
    assert window.statusBar().currentMessage() == "Changed after approval"
    prompts.expect_errors(1)
    window.meetings.open_meeting(None)
    window.meetings.open_meeting(approved.id)  # the record's damage is said once, not each time
    assert len(prompts.errors) == 3 and "items[0].title" in prompts.errors[2]
    target = tmp_path / "referat.docx"
    DocumentOutput(window.archive, window).save_word(approved.id, Edition("minutes"), target)
    footers = [p.text for s in docx.Document(str(target)).sections for p in s.footer.paragraphs]
    assert not any("Godkendt" in text for text in footers)


def test_approved_minutes_disable_the_agenda_actions(window, meeting):
    actions = [
        window.new_item_action,
        window.delete_item_action,
        window.postpone_action,
        window.move_up_action,
    ]
    assert all(action.isEnabled() for action in actions)
    window.archive.approvals.approve(window.archive, meeting.id, ["Udvalget"], meeting.date)
    window.record_actions.refresh()
    assert not any(action.isEnabled() for action in actions)


def test_an_archive_error_while_approving_is_said_in_the_secretarys_words(
    monkeypatch, window, meeting, prompts, disk
):
    import sqlite3

    def locked(*_args):
        raise store_error(sqlite3.OperationalError("database is locked"))

    monkeypatch.setattr(window.archive.approvals, "approve", locked)
    monkeypatch.setattr(ApproveDialog, "exec", lambda dialog: 1)
    prompts.expect_errors(1)
    window.record_actions.approve_action.trigger()
    assert prompts.errors == ["filen er låst af et andet program"]
    assert not disk.approvals.is_approved(meeting.id)


def test_approved_time_fields_show_no_arrows_to_change_them(window, meeting):
    from PySide6.QtWidgets import QAbstractSpinBox

    panel = window.meeting_panel
    arrows = QAbstractSpinBox.ButtonSymbols.UpDownArrows
    assert panel.starts_at.buttonSymbols() == arrows
    window.archive.approvals.approve(window.archive, meeting.id, ["Udvalget"], meeting.date)
    window.record_actions.refresh()
    fields = (panel.starts_at, panel.ends_at, window.item_editor.duration)
    assert all(f.buttonSymbols() == QAbstractSpinBox.ButtonSymbols.NoButtons for f in fields)
    assert all(f.isReadOnly() for f in fields)


def test_a_long_checklist_line_wraps_and_is_whole_on_hover(qtbot, window, meeting):
    """Found by a walkthrough: a long item title cut the line, and a side scroll bar hid the
    fourth line."""
    long = (
        "Punkt 1 »Ny skole i Nordbyen, byggeregnskab og anlægsbevilling til etape 2« har "
        "ingen beslutning."
    )
    lines = [long, "Fremmødet er ikke registreret.", "Mødets sluttidspunkt er ikke noteret."]
    dialog = ApproveDialog(["Anna Holm"], meeting.date, "Økonomiudvalget", window, lines)
    qtbot.addWidget(dialog)
    dialog.resize(465, 480)
    dialog.show()
    qtbot.waitExposed(dialog)
    checklist = dialog.checklist
    assert checklist.item(0).toolTip() == long
    assert checklist.horizontalScrollBar().maximum() == 0  # nothing to the side
    first, second = (checklist.visualItemRect(checklist.item(row)) for row in (0, 1))
    assert first.height() > second.height()  # the long line took two
