"""The approval checklist (core.approval_checklist) of a meeting as the archive holds it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from secretary_app.core.approval_checklist import approval_checklist

if TYPE_CHECKING:
    from secretary_app.store.archive import Archive


def checklist_for(archive: Archive, meeting_id: int) -> list[str]:
    return approval_checklist(
        archive.meetings.get(meeting_id),
        archive.items.for_meeting(meeting_id),
        archive.meetings.attendance(meeting_id),
        archive.approvals.agenda_sent_at(meeting_id) is not None,
    )
