"""Undo commands that move a meeting to another stage: marking its agenda as sent."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from secretary_app.ui.commands import StoreCommand

if TYPE_CHECKING:
    from secretary_app.ui.meeting_edits import MeetingEdits

SENT_FIELD = "agenda_sent_at"  # what meetingFieldChanged names when the marking changes


class MarkAgendaSent(StoreCommand):
    """The agenda marked as sent. Undone, the marking is taken back while nothing has been
    written in the audit log since (store.approvals.unmark_agenda_sent); once something has, the
    undo is refused with a message and the marking stays."""

    def __init__(self, meetings: MeetingEdits, meeting_id: int) -> None:
        text = QCoreApplication.translate("RecordActions", "Mark the agenda as sent")
        super().__init__(meetings.session, text, meeting_id)
        self.meetings, self.sent_id = meetings, meeting_id

    def do(self) -> None:
        now = dt.datetime.now().replace(microsecond=0)
        if not self.archive.approvals.mark_agenda_sent(self.sent_id, now):
            self.setObsolete(True)  # marked already (in another window): nothing to undo
        self._stage_changed()

    def undo_it(self) -> None:
        if not self.archive.approvals.unmark_agenda_sent(self.sent_id):
            self.setObsolete(True)
            self.session.failed.emit(refused_message())
        self._stage_changed()

    def _stage_changed(self) -> None:
        self.meetings.meetingFieldChanged.emit(self.sent_id, SENT_FIELD)


def refused_message() -> str:
    return QCoreApplication.translate(
        "RecordActions",
        "The agenda stays marked as sent: changes to the meeting have been written in the "
        "audit log since it was marked.",
    )
