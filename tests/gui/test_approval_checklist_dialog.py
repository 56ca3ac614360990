"""The approval dialog lists what the minutes still lack, and approves all the same."""

from __future__ import annotations

import datetime as dt

import pytest
from gui_support import MEETING_ITEMS
from PySide6.QtWidgets import QDialogButtonBox

from secretary_app.core.model import DECISION_KEY, AttendanceEntry, Meeting
from secretary_app.store.approval_checklist import checklist_for
from secretary_app.store.archive import Archive
from secretary_app.ui.approval_dialogs import ApproveDialog
from secretary_app.ui.main_window import MainWindow


def approve_dialog(qtbot, archive: Archive, meeting: Meeting) -> ApproveDialog:
    checklist = checklist_for(archive, meeting.id or 0)
    dialog = ApproveDialog([], meeting.date, "Økonomiudvalget", checklist=checklist)
    qtbot.addWidget(dialog)
    return dialog


def test_the_dialog_lists_what_the_minutes_lack(qtbot, window, meeting: Meeting, archive):
    dialog = approve_dialog(qtbot, archive, meeting)

    assert dialog.checklist_lines() == [
        *(f"Punkt {n} »{t}« har ingen beslutning." for n, t in enumerate(MEETING_ITEMS, 1)),
        "Fremmødet er ikke registreret (tilstede og fraværende).",
        "Tidspunktet, da mødet blev hævet, er ikke noteret.",
        "Dagsordenen er aldrig markeret som udsendt.",
    ]
    assert dialog.approve_button.text() == "Approve the minutes"
    assert dialog.approve_button.isEnabled()


def test_minutes_with_nothing_missing_are_all_ready(qtbot, window, meeting: Meeting, archive):
    meeting_id = meeting.id or 0
    for item in archive.items.for_meeting(meeting_id):
        archive.items.update_field(item.id or 0, f"section:{DECISION_KEY}", "Godkendt.")
    archive.meetings.set_attendance(meeting_id, [AttendanceEntry(meeting_id, "Anna Holm")])
    archive.meetings.update_field(meeting_id, "ended_at", dt.time(18, 45))
    archive.approvals.mark_agenda_sent(meeting_id, dt.datetime(2017, 6, 20, 9))

    dialog = approve_dialog(qtbot, archive, meeting)

    assert dialog.checklist_lines() == ["All is ready"]


def test_approving_with_lines_on_the_checklist_still_approves(
    window: MainWindow, meeting: Meeting, disk, monkeypatch: pytest.MonkeyPatch
) -> None:
    def press_approve(dialog: ApproveDialog) -> int:
        dialog.date.setDate(dt.date(2017, 7, 3))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(ApproveDialog, "exec", press_approve)
    window.record_actions.approve_action.trigger()

    assert disk.approvals.approval(meeting.id).approved_at == dt.date(2017, 7, 3)
    assert disk.approvals.verify(meeting.id)
