"""Attendance at a meeting: every member present, absent or excused, with a substitute; guests
and officials; saved as one undoable step, from the meeting panel or the keyboard."""

from __future__ import annotations

import datetime as dt

from gui_support import CTRL, SHIFT, button, focus
from minutes_support import MEMBERS, cancel, committee_members, set_attendance
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_accessibility import unnamed_controls

from secretary_app.core.attendance import AttendanceSheet
from secretary_app.core.model import (
    AttendanceEntry,
    AttendanceStatus,
    Committee,
    Item,
    Meeting,
    MemberRole,
)
from secretary_app.ui.attendance_dialog import AttendanceDialog
from secretary_app.ui.committee_dialog import CommitteeDialog
from secretary_app.ui.item_records_dialogs import AbsenceDialog, DissentDialog, VoteDialog

PRESENT, ABSENT, EXCUSED = AttendanceStatus


def with_members(archive, meeting) -> None:
    archive.committees.set_members(meeting.committee_id, committee_members(meeting.committee_id))


def stored(disk, meeting) -> list[tuple[str, MemberRole, AttendanceStatus, str]]:
    return [(e.name, e.role, e.status, e.substitute) for e in disk.meetings.attendance(meeting.id)]


def shown(dialog: AttendanceDialog) -> list[tuple[str, AttendanceStatus, str, bool]]:
    """(name, status, substitute, substitute field enabled) of every member's line."""
    return [
        (
            row.entry.name,
            AttendanceStatus(row.status.currentData()),
            row.substitute.text(),
            row.substitute.isEnabled(),
        )
        for row in dialog.rows
    ]


def looking(seen: list):
    """A fill that remembers what the dialog showed, then cancels."""

    def fill(dialog):
        seen.append((shown(dialog), dialog.guests.toPlainText(), dialog.officials.toPlainText()))
        cancel(dialog)

    return fill


def open_from_the_panel(window) -> None:
    button(window.meeting_panel, "Attendance…").click()


def test_without_a_record_every_member_is_present(window, meeting, archive, record_dialogs):
    with_members(archive, meeting)
    seen: list = []
    record_dialogs.answer(AttendanceDialog, looking(seen))
    open_from_the_panel(window)
    members, guests, officials = seen[0]
    assert members == [(name, PRESENT, "", False) for name, _role, _party in MEMBERS]
    assert guests == officials == ""
    assert window.session.undo_stack.count() == 0  # cancelled: nothing recorded


def test_saved_as_one_step_and_undone(qtbot, window, meeting, archive, record_dialogs, disk):
    with_members(archive, meeting)
    record_dialogs.answer(
        AttendanceDialog,
        set_attendance(
            {"Bo Berg": (ABSENT, "Frida Gram"), "Carl Dahl": (EXCUSED, "")},
            guests=["Hans Gæst", "Jens, Hansen"],
            officials=["Ida Direktør"],
        ),
    )
    focus(qtbot, window.meeting_panel.agenda)
    QTest.keyClick(window.meeting_panel.agenda, Qt.Key.Key_T, CTRL | SHIFT)
    assert stored(disk, meeting) == [
        ("Anna Holm", MemberRole.CHAIR, PRESENT, ""),
        ("Bo Berg", MemberRole.MEMBER, ABSENT, "Frida Gram"),
        ("Carl Dahl", MemberRole.MEMBER, EXCUSED, ""),
        ("Dorte Eske", MemberRole.MEMBER, PRESENT, ""),
        ("Erik Fisker", MemberRole.CITIZEN_MEMBER, PRESENT, ""),
        ("Hans Gæst", MemberRole.GUEST, PRESENT, ""),
        ("Jens, Hansen", MemberRole.GUEST, PRESENT, ""),
        ("Ida Direktør", MemberRole.OFFICIAL, PRESENT, ""),
    ]
    stack = window.session.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Change attendance"
    assert window.meeting_actions.bar_label.text() == "4 present, 1 absent, 1 excused"
    window.undo_action.trigger()
    assert stored(disk, meeting) == []
    assert window.meeting_actions.bar_label.text() == "Attendance not recorded"
    window.redo_action.trigger()
    assert len(stored(disk, meeting)) == 8


def test_the_record_fills_the_dialog(window, meeting, archive, record_dialogs):
    with_members(archive, meeting)
    archive.meetings.set_attendance(
        meeting.id,
        [
            AttendanceEntry(meeting.id, "Bo Berg", status=EXCUSED, substitute="Frida Gram"),
            AttendanceEntry(meeting.id, "Gitte Tidligere", status=ABSENT),  # left the committee
            AttendanceEntry(meeting.id, "Hans Gæst", MemberRole.GUEST),
            AttendanceEntry(meeting.id, "Ida Direktør", MemberRole.OFFICIAL),
        ],
    )
    seen: list = []
    record_dialogs.answer(AttendanceDialog, looking(seen))
    open_from_the_panel(window)
    members, guests, officials = seen[0]
    assert members[1] == ("Bo Berg", EXCUSED, "Frida Gram", True)
    assert members[0] == ("Anna Holm", PRESENT, "", False)
    assert members[-1] == ("Gitte Tidligere", ABSENT, "", True)
    assert (guests, officials) == ("Hans Gæst", "Ida Direktør")


def test_a_substitute_only_for_a_member_who_is_not_there(window, meeting, archive, record_dialogs):
    with_members(archive, meeting)

    def fill(dialog):
        row = dialog.rows[1]
        assert not row.substitute.isEnabled()
        QTest.keyClick(row.status, Qt.Key.Key_Down)  # present -> absent
        assert row.substitute.isEnabled()
        row.substitute.setText("Frida Gram")
        QTest.keyClick(row.status, Qt.Key.Key_Up)  # back to present: the substitute goes
        dialog.accept()

    record_dialogs.answer(AttendanceDialog, fill)
    open_from_the_panel(window)
    assert all(entry.substitute == "" for entry in archive.meetings.attendance(meeting.id))


def test_saving_the_same_attendance_again_is_no_new_step(window, meeting, archive, record_dialogs):
    with_members(archive, meeting)
    record_dialogs.answer(AttendanceDialog, set_attendance({"Bo Berg": (EXCUSED, "")}))
    record_dialogs.answer(AttendanceDialog, lambda dialog: dialog.accept())
    open_from_the_panel(window)
    open_from_the_panel(window)
    assert window.session.undo_stack.count() == 1


def test_a_committee_without_members(window, meeting, record_dialogs, disk):
    record_dialogs.answer(AttendanceDialog, set_attendance({}, guests=["Hans Gæst"]))
    open_from_the_panel(window)
    assert stored(disk, meeting) == [("Hans Gæst", MemberRole.GUEST, PRESENT, "")]


def test_who_can_be_chosen_as_not_present_follows_the_attendance(
    qtbot, window, meeting, archive, record_dialogs
):
    with_members(archive, meeting)
    record_dialogs.answer(
        AttendanceDialog,
        set_attendance({"Bo Berg": (ABSENT, "Frida Gram"), "Carl Dahl": (EXCUSED, "")}),
    )
    open_from_the_panel(window)
    offered: list[list[str]] = []

    def fill(dialog):
        offered.append([dialog.member.itemText(i) for i in range(dialog.member.count())])
        cancel(dialog)

    record_dialogs.answer(AbsenceDialog, fill)
    window.meeting_actions.item_records.absence_button.click()
    assert offered == [["Anna Holm", "Frida Gram", "Dorte Eske", "Erik Fisker"]]


def test_every_control_in_the_record_dialogs_has_an_accessible_name(qtbot, window):
    sheet = AttendanceSheet(
        [AttendanceEntry(1, "Anna Holm"), AttendanceEntry(1, "Bo Berg", status=ABSENT)],
        ["Hans Gæst"],
        [],
    )
    for dialog in (
        AttendanceDialog(sheet, window),
        AbsenceDialog(["Anna Holm"], None, window),
        DissentDialog(["Anna Holm"], None, window),
        VoteDialog([], window),
    ):
        qtbot.addWidget(dialog)
        assert unnamed_controls(dialog) == [], type(dialog).__name__
        dialog.deleteLater()


def test_the_committees_decision_phrases(window, archive, dialogs, monkeypatch):
    """The committee's own decision phrases: edited in the committee dialog, suggested from
    its earlier decisions, saved with the committee."""
    committee = archive.committees.add(Committee("Teknik- og Miljøudvalget"))
    archive.meetings.create(
        Meeting(committee.id, dt.date(2017, 5, 30)),
        [
            Item(0, "A", sections={"beslutning": "Indstillingen godkendt."}),
            Item(0, "B", sections={"beslutning": "Godkendt."}),
        ],
    )
    window.tree_model.reload()
    window.tree.setCurrentIndex(window.tree_model.index_of_committee(committee.id))

    def fill(dialog: CommitteeDialog) -> int:
        editor = dialog.phrases
        assert editor.model.stringList() == [
            "Godkendt.",
            "Anbefales.",
            "Taget til efterretning.",
            "Udsat.",
            "Intet.",
        ]
        editor.view.setCurrentIndex(editor.model.index(4))
        editor.remove_button.click()  # "Intet." goes
        editor.suggest_button.click()
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(CommitteeDialog, "exec", fill)
    window.edit_committee()
    assert archive.records.phrases(committee.id) == [
        "Godkendt.",
        "Anbefales.",
        "Taget til efterretning.",
        "Udsat.",
        "Indstillingen godkendt.",
    ]


def test_the_standard_phrases_are_not_stored_as_the_committees_own(window, archive, monkeypatch):
    committee = archive.committees.add(Committee("Børneudvalget"))
    window.tree_model.reload()
    window.tree.setCurrentIndex(window.tree_model.index_of_committee(committee.id))
    monkeypatch.setattr(CommitteeDialog, "exec", lambda dialog: (dialog.accept(), 1)[1])
    window.edit_committee()
    rows = list(archive.db.rows("SELECT * FROM decision_phrases"))
    assert rows == []


def test_remove_from_the_item_is_offered_only_for_a_record(window, meeting, archive):
    """With nothing recorded it would do nothing: it is greyed out (found by a walkthrough)."""
    from secretary_app.core.model import Dissent

    records = window.meeting_actions.item_records
    window.meeting_panel.select_row(0)
    assert records.absence_button.isEnabled()
    assert not records.remove_button.isEnabled()
    item_id = window.meeting_panel.current_item().id
    window.meeting_actions.recorder.set_dissents(item_id, [Dissent(item_id, "Anna Holm", "Imod")])
    assert records.remove_button.isEnabled()
    records.remove_button.click()
    assert archive.records.dissents(item_id) == []
    assert not records.remove_button.isEnabled()
