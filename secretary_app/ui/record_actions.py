"""The Minutes menu: mark the agenda sent, approve the minutes, add corrections, read the log.

Marking the agenda as sent and approving change the meeting's stage: both say so with the
meeting edits' meetingFieldChanged ("agenda_sent_at", "approval"), so the meeting's header and the
committee tree show the new stage at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from secretary_app.core.attendance import present_members
from secretary_app.core.numbering import item_number
from secretary_app.core.record import Correction, approved_line
from secretary_app.store.approval_checklist import checklist_for
from secretary_app.store.errors import StoreError
from secretary_app.ui import prompts
from secretary_app.ui.edit_session import EditSession
from secretary_app.ui.meeting_edits import MeetingEdits
from secretary_app.ui.stage_commands import SENT_FIELD, MarkAgendaSent

APPROVAL_FIELD = "approval"  # what meetingFieldChanged names when the minutes are approved


class RecordActions(QObject):
    lockChanged = Signal(bool)  # the open meeting is approved: read-only from now on
    statusMessage = Signal(str)  # for the window's status bar

    def __init__(self, window: QWidget, session: EditSession, meetings: MeetingEdits) -> None:
        super().__init__(window)
        self.window, self.session, self.meetings = window, session, meetings
        self.archive = session.archive
        self._problems_shown: list[str] = []
        self.read_only = False  # another window holds the archive
        menu = QMenu(self.tr("Min&utes"), window)  # the window places it
        self.menu = menu
        self.sent_action = self._add(menu, self.tr("Mark the agenda as &sent"), self.mark_sent)
        self.approve_action = self._add(menu, self.tr("&Approve the minutes…"), self.approve)
        self.correct_action = self._add(menu, self.tr("Add a &correction…"), self.add_correction)
        self.audit_action = self._add(menu, self.tr("Changes after &sending…"), self.show_audit)
        meetings.meetingOpened.connect(self.refresh)
        meetings.meetingFieldChanged.connect(self._stage_changed)

    def _add(self, menu: QMenu, text: str, slot: Callable[[], object]) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        return action

    def _meeting_id(self) -> int | None:
        return self.meetings.meeting.id if self.meetings.meeting else None

    def refresh(self, *_: object) -> None:
        meeting_id = self._meeting_id()
        approved = self._enable_actions()
        self.lockChanged.emit(approved or self.read_only)
        if approved and meeting_id:
            approval = self.archive.approvals.approval(meeting_id)
            assert approval is not None
            self.statusMessage.emit(approved_line(approval))
            self._warn_when_changed(meeting_id)

    def _enable_actions(self) -> bool:
        """What the open meeting's stage allows; True when its minutes are approved."""
        meeting_id = self._meeting_id()
        approvals = self.archive.approvals
        approved = bool(meeting_id) and approvals.is_approved(meeting_id or 0)
        sent = bool(meeting_id) and approvals.agenda_sent_at(meeting_id or 0) is not None
        writable = not self.read_only
        self.sent_action.setEnabled(bool(meeting_id) and not sent and not approved and writable)
        self.approve_action.setEnabled(bool(meeting_id) and not approved and writable)
        self.correct_action.setEnabled(approved and writable)
        self.audit_action.setEnabled(bool(meeting_id))
        return approved

    def _stage_changed(self, meeting_id: int, field: str) -> None:
        if field == SENT_FIELD and meeting_id == self._meeting_id():
            self._enable_actions()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.refresh()

    def _warn_when_changed(self, meeting_id: int) -> None:
        """Approved minutes that are no longer what was approved (changed behind the program's
        back): said at once, and their documents are not stamped approved."""
        differences = self.archive.approvals.differences(meeting_id)
        if differences:
            message = self.tr(
                "These minutes are not what was approved: %1. They were changed outside the "
                "program; their documents are not stamped approved."
            )
            self.statusMessage.emit(self.tr("Changed after approval"))
            prompts.show_error(self.window, message.replace("%1", ", ".join(differences)))
        problems = self.archive.approvals.record_problems()
        if problems and problems != self._problems_shown:  # said once, not at every opening
            self._problems_shown = problems
            message = self.tr(
                "The archive's record was changed outside the program: %1. Ask your IT "
                "department to restore a backup, and run 'secretary-app verify'."
            )
            prompts.show_error(self.window, message.replace("%1", "; ".join(problems)))

    def mark_sent(self) -> None:
        """Asked first; one undo step, which takes the marking back while nothing has been
        written in the audit log since."""
        meeting_id = self._meeting_id()
        if not meeting_id or not self.sent_action.isEnabled():
            return
        self.session.flushRequested.emit()  # what is typed belongs to the agenda as sent
        if not prompts.confirm(self.window, self._sending_question()):
            return
        self.session.push(MarkAgendaSent(self.meetings, meeting_id))
        if self.archive.approvals.agenda_sent_at(meeting_id) is not None:
            self.statusMessage.emit(self._sent_message())

    def offer_to_mark_sent(self, meeting_id: int) -> None:
        """After the agenda is saved for sending: the marking is offered, once, if not done."""
        if (
            meeting_id == self._meeting_id()
            and self.archive.approvals.agenda_sent_at(meeting_id) is None
        ):
            self.mark_sent()

    def _sending_question(self) -> str:
        return self.tr(
            "Mark the agenda as sent?\n\nFrom now on every change to the agenda is written in "
            "the audit log (Minutes → Changes after sending). Ctrl+Z takes the marking back "
            "until the next change."
        )

    def _sent_message(self) -> str:
        return self.tr(
            "The agenda is marked as sent: every change is written in the audit log from now "
            "on. Ctrl+Z takes the marking back."
        )

    def participants(self, meeting_id: int) -> list[str]:
        """Who took part: the members present and the substitutes; all members without a list."""
        committee_id = self.archive.meetings.get(meeting_id).committee_id
        members = self.archive.committees.members(committee_id)
        return present_members(self.archive.meetings.attendance(meeting_id), members)

    def approve(self) -> None:
        meeting_id = self._meeting_id()
        if not meeting_id:
            return
        self.session.flushRequested.emit()
        if self.archive.approvals.is_approved(meeting_id):
            prompts.show_error(self.window, self.tr("These minutes are approved already."))
            self.refresh()
            return
        meeting = self.archive.meetings.get(meeting_id)
        committee = self.archive.committees.get(meeting.committee_id)
        from secretary_app.ui.approval_dialogs import ApproveDialog  # a dialog: loaded late

        dialog = ApproveDialog(
            self.participants(meeting_id),
            meeting.date,
            committee.name,
            self.window,
            checklist=checklist_for(self.archive, meeting_id),
        )
        if not dialog.exec():
            return
        try:
            self.archive.approvals.approve(
                self.archive, meeting_id, dialog.approved_by(), dialog.approved_on()
            )
        except (StoreError, ValueError) as error:  # both say why in Danish
            prompts.show_error(self.window, str(error))
            return
        self.session.undo_stack.clear()  # no edit of an approved meeting can be undone
        self.refresh()
        self.meetings.meetingFieldChanged.emit(meeting_id, APPROVAL_FIELD)

    def add_correction(self) -> None:
        meeting_id = self._meeting_id()
        if not meeting_id or self.meetings.meeting is None:
            return
        first = self.meetings.meeting.first_number
        items = self.archive.items.for_meeting(meeting_id)
        labels = [f"{item_number(first, i)} {item.title}" for i, item in enumerate(items)]
        from secretary_app.ui.approval_dialogs import CorrectionDialog

        dialog = CorrectionDialog(labels, self.window)
        dialog.set_item_numbers([item_number(first, i) for i in range(len(items))])
        if not dialog.exec():
            return
        correction = Correction(
            meeting_id,
            dialog.correction_text(),
            dialog.correction_reason(),
            dt.datetime.now().replace(microsecond=0),
            dialog.item_number(),
        )
        try:
            self.archive.approvals.add_correction(correction)
        except (StoreError, ValueError) as error:
            prompts.show_error(self.window, str(error))
            return
        prompts.show_information(self.window, self.tr("The correction was added to the minutes."))

    def show_audit(self) -> None:
        meeting_id = self._meeting_id()
        if meeting_id:
            from secretary_app.ui.approval_dialogs import AuditDialog

            AuditDialog(self.archive.approvals.audit(meeting_id), self.window).exec()
