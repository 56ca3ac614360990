"""Meetings in and out of the archive in the exchange format (see docs/exchange-format.md)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from secretary_app.core.exchange import MeetingDocument
from secretary_app.core.json_reader import FieldError
from secretary_app.core.meeting_file import MeetingFileError, read_meeting_file
from secretary_app.core.model import Committee, CommitteeKind
from secretary_app.core.record import Approval

if TYPE_CHECKING:
    from secretary_app.store.archive import Archive


class LayoutMismatch(FieldError):
    """The file's item layout is not the committee's (field `committee.layout`)."""

    def __init__(self, problem: str) -> None:
        super().__init__("committee.layout", problem)


def load_meeting_file(archive: Archive, path: Path) -> int:
    """Add the meeting in the file (as `import_meeting`); its id. MeetingFileError, one Danish
    line naming the file, and nothing added, when it cannot be read or does not fit."""
    doc = read_meeting_file(path, archive.layouts.known())
    try:
        return import_meeting(archive, doc)
    except LayoutMismatch as error:
        raise MeetingFileError(f"{path}: {error}") from error


def import_meeting(archive: Archive, doc: MeetingDocument) -> int:
    """Add the meeting, under the committee of the same name (created, with the file's item
    layout, when new). LayoutMismatch, and nothing added, when the committee exists with
    another item layout."""
    with archive.db.atomic():
        committee = _committee_for(archive, doc)
        assert committee.id is not None
        doc.meeting.committee_id, doc.meeting.id = committee.id, None
        meeting = archive.meetings.create(doc.meeting, [item for item, _ in doc.items])
        assert meeting.id is not None
        archive.meetings.set_attendance(meeting.id, doc.attendance)
        for index, (item, attachments) in enumerate(doc.items):
            for attachment in attachments:
                attachment.item_id, attachment.id = item.id or 0, None
                archive.attachments.add(attachment, b"")
            archive.records.set_item_records(item.id or 0, doc.records_of(index))
        _import_approval(archive, meeting.id, doc)
    return meeting.id


def _import_approval(archive: Archive, meeting_id: int, doc: MeetingDocument) -> None:
    """Approved minutes come in approved (locked, fingerprinted here), with their corrections."""
    if doc.approval is None:
        return
    approval = doc.approval
    archive.approvals.approve(
        archive,
        meeting_id,
        approval.approved_by,
        approval.approved_at,
        fill_history=False,
        committee=doc.committee,
        layout=doc.layout,
    )
    for correction in doc.corrections:
        correction.meeting_id, correction.id = meeting_id, None
        archive.approvals.add_correction(correction)


def export_meeting(archive: Archive, meeting_id: int) -> MeetingDocument:
    meeting = archive.meetings.get(meeting_id)
    items = archive.items.for_meeting(meeting_id)
    approval = archive.approvals.approval(meeting_id)
    return MeetingDocument(
        committee=_committee_of(archive, meeting.committee_id, approval),
        meeting=meeting,
        attendance=archive.meetings.attendance(meeting_id),
        items=[(item, archive.attachments.for_item(item.id or 0)) for item in items],
        records=[archive.records.item_records(item.id or 0) for item in items],
        approval=approval,
        corrections=archive.approvals.corrections(meeting_id),
        layout=archive.layouts.of_meeting(meeting_id),
    )


def _committee_of(archive: Archive, committee_id: int, approval: Approval | None) -> Committee:
    """The committee as it is, or for approved minutes as it was named when they were approved."""
    committee = archive.committees.get(committee_id)
    if approval is None:
        return committee
    approved = json.loads(approval.snapshot)["committee"]
    return replace(committee, name=approved["name"], kind=CommitteeKind(approved["kind"]))


def find_same_meeting(archive: Archive, doc: MeetingDocument) -> int | None:
    """The id of a meeting of the same committee at the same date and time, if any."""
    committee = archive.committees.find_by_name(doc.committee.name)
    if committee is None or committee.id is None:
        return None
    for meeting in archive.meetings.for_committee(committee.id):
        if (meeting.date, meeting.starts_at) == (doc.meeting.date, doc.meeting.starts_at):
            return meeting.id
    return None


def _committee_for(archive: Archive, doc: MeetingDocument) -> Committee:
    """The committee of the file's name, whose item layout must be the file's; a new one with
    the file's layout when there is none."""
    found = archive.committees.find_by_name(doc.committee.name)
    if found is None:
        wanted = Committee(name=doc.committee.name, kind=doc.committee.kind)
        committee = archive.committees.add(wanted)
        archive.layouts.set_of_committee(committee.id or 0, doc.layout)
        return committee
    layout = archive.layouts.of_committee(found.id or 0)
    if not layout.same_structure(doc.layout):
        differs = (
            f"har punktopbygningen {layout.name}, filen har {doc.layout.name}"
            if layout.name != doc.layout.name
            else f"har en anden udgave af punktopbygningen {layout.name} end filen"
        )
        raise LayoutMismatch(
            f"udvalget {found.name} {differs}; skift udvalgets punktopbygning først, eller hent "
            f"mødet ind under et andet udvalgsnavn"
        )
    return found
