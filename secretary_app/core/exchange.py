"""The meeting exchange format, version 3 (docs/exchange-format.md); versions 1 and 2 are read.

`parse_meeting` checks a decoded JSON value strictly and turns it into plain model objects;
`dump_meeting` turns them back into the canonical form, every field written, in the documented
order. Reading and writing the JSON text is the caller's business: no files here.

Version 3 gives the committee its item layout and keeps an item's texts by section
(`items[].sections`); a file of version 1 or 2 is read in the layout those versions had, Gentofte's
(`VERSION_2_LAYOUT`, frozen here: it must read the same forever, whatever the built-in layouts
become).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping

from secretary_app.core.item_layout import (
    BUILT_IN_LAYOUTS,
    DEFAULT_LAYOUT,
    ItemLayout,
    Section,
    SectionKind,
)
from secretary_app.core.json_reader import FieldError, ObjectReader, shown_value
from secretary_app.core.layout_format import layout_to_json, read_layout, resolve_layout
from secretary_app.core.model import (
    AbsenceReason,
    Attachment,
    AttendanceEntry,
    AttendanceStatus,
    Committee,
    CommitteeKind,
    Dissent,
    Item,
    ItemAbsence,
    ItemRecords,
    Meeting,
    MemberRole,
    Reservation,
    Vote,
    VoteSide,
)
from secretary_app.core.record import (
    Approval,
    Correction,
    approval_date_problem,
    correction_date_problem,
)
from secretary_app.core.schedule import end_problem

ExchangeError = FieldError  # a document that does not follow the format: where, and what

FORMAT = "secretary-app/meeting"
VERSION = 3
READABLE_VERSIONS = (1, 2, 3)

TOP_FIELDS = ("format", "version", "committee", "meeting", "attendance", "items")
COMMITTEE_FIELDS = ("name", "kind", "layout")
MEETING_FIELDS = (
    "date",
    "start",
    "end",
    "location",
    "title",
    "ended_at",
    "approved",
    "corrections",
)
APPROVAL_FIELDS = ("at", "by")
CORRECTION_FIELDS = ("at", "item", "text", "reason")
ATTENDANCE_FIELDS = ("name", "role", "status", "substitute")
ITEM_FIELDS = (
    "number",
    "title",
    "public_title",
    "closed",
    "case_id",
    "presenter",
    "planned_start",
    "duration_minutes",
    "sections",
    "not_present",
    "votes",
    "dissent",
    "reservations",
    "chair_notes",
    "attachments",
)
ATTACHMENT_FIELDS = ("title", "public")
ABSENCE_FIELDS = ("member", "reason", "note")
VOTE_FIELDS = tuple(side.value for side in VoteSide)  # for, against, abstain
DISSENT_FIELDS = ("member", "text")
RESERVATION_FIELDS = ("member", "text")

# The version that added a field; a file of an earlier version may not hold it.
INTRODUCED = {
    "committee": {"layout": 3},
    "meeting": {"ended_at": 2, "approved": 2, "corrections": 2},
    "items": {
        "not_present": 2,
        "votes": 2,
        "dissent": 2,
        "sections": 3,
        "public_title": 3,
        "reservations": 3,
    },
}
# Versions 1 and 2 kept an item's three texts in fields of their own; version 3 in `sections`.
VERSION_2_TEXTS = {
    "summary": "resume",
    "previous_decisions": "tidligere_beslutninger",
    "decision": "beslutning",
}
VERSION_2_LAYOUT = ItemLayout(
    name="Gentofte",
    heading="{number} ({access}) {title}",
    case_id_label="Sags ID",
    open_word="Åben",
    closed_word="Lukket",
    decision_heading="{committee} den {date}",
    print_empty=frozenset({"tidligere_beslutninger"}),
    sections=(
        Section("resume", "Resumé"),
        Section("tidligere_beslutninger", "Tidligere beslutninger:", SectionKind.HISTORY),
        Section("beslutning", "Beslutninger:", SectionKind.DECISION, agenda=False),
    ),
)

JsonObject = dict[str, object]
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?")
_DATETIME_MEANS = "et gyldigt tidspunkt (ÅÅÅÅ-MM-DDTTT:MM)"
MAX_NUMBER = 99_999  # an item's number


@dataclasses.dataclass
class MeetingDocument:
    """One meeting as the exchange format holds it, with no archive ids.

    Placeholders: `meeting.committee_id`, `item.meeting_id` and the records' `item_id` are 0;
    positions run 0..n-1 in document order; `meeting.first_number` is the first item's number.
    A parsed document has one `ItemRecords` per item; a vote's position counts over all its
    item's votes, "for" first, then "against", then "abstain". `layout` is the committee's item
    layout: the items' sections are its keys.
    """

    committee: Committee
    meeting: Meeting
    attendance: list[AttendanceEntry] = dataclasses.field(default_factory=list)
    items: list[tuple[Item, list[Attachment]]] = dataclasses.field(default_factory=list)
    # Per item, in the same order as `items`; shorter (or empty) means nothing recorded.
    records: list[ItemRecords] = dataclasses.field(default_factory=list)
    approval: Approval | None = None  # approved minutes: who and when (meeting_id 0 here)
    corrections: list[Correction] = dataclasses.field(default_factory=list)
    layout: ItemLayout = DEFAULT_LAYOUT

    def records_of(self, index: int) -> ItemRecords:
        return self.records[index] if index < len(self.records) else ItemRecords()


# --- reading -------------------------------------------------------------------------------


def parse_meeting(
    data: object, layouts: Mapping[str, ItemLayout] = BUILT_IN_LAYOUTS
) -> MeetingDocument:
    """The meeting in `data` (decoded JSON); ExchangeError names the first field that is wrong.

    `layouts`: the layouts a file may name by key in `committee.layout`.
    """
    top = ObjectReader(data, "")
    version = _check_header(top)
    _refuse_other_versions_fields(top, version)
    top.refuse_unknown(TOP_FIELDS)
    committee_object = top.child("committee", COMMITTEE_FIELDS)
    committee = _parse_committee(committee_object)
    layout = _parse_layout(committee_object, layouts) if version >= 3 else VERSION_2_LAYOUT
    meeting_object = top.child("meeting", MEETING_FIELDS)
    meeting = _parse_meeting_fields(meeting_object)
    attendance = [_parse_attendance(*entry) for entry in top.entries("attendance")]
    items, records, meeting.first_number = _parse_items(top.entries("items"), layout, version)
    approval, corrections = _parse_record(meeting_object, meeting, len(items))
    return MeetingDocument(
        committee, meeting, attendance, items, records, approval, corrections, layout
    )


def _parse_layout(obj: ObjectReader, layouts: Mapping[str, ItemLayout]) -> ItemLayout:
    value = obj.value("layout", None, required=True)
    if isinstance(value, str):
        return resolve_layout(obj, value, layouts)
    return read_layout(ObjectReader(value, obj.at("layout")))


def _parse_record(
    obj: ObjectReader, meeting: Meeting, item_count: int
) -> tuple[Approval | None, list[Correction]]:
    """Approval and corrections; corrections belong to approved minutes only."""
    approval = None
    if obj.raw("approved") is not None:
        approved = obj.child("approved", APPROVAL_FIELDS)
        approval = Approval(0, approved.date("at"), approved.names("by"))
        problem = approval_date_problem(meeting.date, approval.approved_at, dt.date.today())
        _refuse(approved.at("at"), problem)
    numbers = range(meeting.first_number, meeting.first_number + item_count)
    corrections = [_parse_correction(*entry, numbers) for entry in obj.entries("corrections")]
    if corrections and approval is None:
        problem = "rettelser hører til et godkendt referat; approved mangler"
        raise ExchangeError(obj.at("corrections"), problem)
    for (path, *_), correction in zip(obj.entries("corrections"), corrections, strict=True):
        assert approval is not None
        _refuse(f"{path}.at", correction_date_problem(approval.approved_at, correction.made_at))
    return approval, corrections


def _refuse(path: str, problem: str) -> None:
    if problem:
        raise ExchangeError(path, problem)


def _parse_correction(path: str, data: object, _position: int, numbers: range) -> Correction:
    obj = ObjectReader(data, path, CORRECTION_FIELDS)
    at = obj.string("at", required=True)
    made_at = obj.checked("at", at, _DATETIME, dt.datetime.fromisoformat, _DATETIME_MEANS)
    item = obj.count("item", minimum=1)
    if item is not None and item not in numbers:
        raise ExchangeError(obj.at("item"), f"punkt {item} findes ikke på dagsordenen")
    text = obj.text("text").strip()
    if not text:
        raise ExchangeError(obj.at("text"), "må ikke være tom")
    return Correction(0, text, obj.line("reason"), made_at, item)


def _check_header(top: ObjectReader) -> int:
    """Format and version first: a newer file is "too new", not "full of unknown fields"."""
    name = top.string("format", required=True)
    if name != FORMAT:
        raise ExchangeError("format", f'skal være "{FORMAT}", ikke {shown_value(name)}')
    version = top.count("version", required=True)
    if version not in READABLE_VERSIONS:
        readable = ", ".join(str(v) for v in READABLE_VERSIONS[:-1])
        readable += f" og {READABLE_VERSIONS[-1]}"
        problem = f"{version} kan ikke læses; dette program læser version {readable}"
        raise ExchangeError("version", problem)
    assert version is not None  # required: count() raised if it were missing
    return version


def _refuse_other_versions_fields(top: ObjectReader, version: int) -> None:
    """A field of a later version, or an item text field of versions 1 and 2 in a version-3
    file, is refused, naming the versions."""
    for path, data in _objects(top):
        if not isinstance(data, dict):
            continue
        kind = path.partition("[")[0]
        for key in data:
            introduced = INTRODUCED.get(kind, {}).get(str(key), 1)
            if introduced > version:
                problem = (
                    f"findes først i version {introduced} af formatet; filen er version {version}"
                )
                raise ExchangeError(f"{path}.{key}", problem)
            if kind == "items" and key in VERSION_2_TEXTS and version >= 3:
                problem = f"findes ikke i version {version} af formatet; teksterne står i sections"
                raise ExchangeError(f"{path}.{key}", problem)


def _objects(top: ObjectReader) -> list[tuple[str, object]]:
    found = [("committee", top.raw("committee")), ("meeting", top.raw("meeting"))]
    items = top.raw("items")
    if isinstance(items, list):
        found += [(f"items[{i}]", item) for i, item in enumerate(items)]
    return found


def _parse_committee(obj: ObjectReader) -> Committee:
    name = obj.line("name", required=True)
    return Committee(name=name, kind=obj.choice("kind", CommitteeKind.STANDING))


def _parse_meeting_fields(obj: ObjectReader) -> Meeting:
    meeting = Meeting(
        committee_id=0,
        date=obj.date("date"),
        starts_at=obj.time("start"),
        ends_at=obj.time("end"),
        location=obj.line("location"),
        title=obj.line("title"),
        ended_at=obj.time("ended_at"),
    )
    if problem := end_problem(meeting.starts_at, meeting.ends_at):
        raise ExchangeError(obj.at("end"), problem)
    return meeting


def _parse_attendance(path: str, data: object, position: int) -> AttendanceEntry:
    obj = ObjectReader(data, path, ATTENDANCE_FIELDS)
    return AttendanceEntry(
        meeting_id=0,
        name=obj.line("name", required=True),
        role=obj.choice("role", MemberRole.MEMBER),
        status=obj.choice("status", AttendanceStatus.PRESENT),
        substitute=obj.line("substitute"),
        position=position,
    )


def _parse_items(
    entries: list[tuple[str, object, int]], layout: ItemLayout, version: int
) -> tuple[list[tuple[Item, list[Attachment]]], list[ItemRecords], int]:
    """The items, their records, and the meeting's first number (1 when no item gives one)."""
    items: list[tuple[Item, list[Attachment]]] = []
    records: list[ItemRecords] = []
    first: int | None = None
    fields = ITEM_FIELDS + tuple(VERSION_2_TEXTS)
    for path, data, position in entries:
        obj = ObjectReader(data, path, fields)
        first = _follow_on(obj, position, first)
        item = _parse_item(obj, position)
        item.sections = _parse_sections(obj, layout, version)
        items.append((item, _parse_attachments(obj)))
        records.append(_parse_records(obj))
    first = 1 if first is None else first
    last = first + len(items) - 1
    if last > MAX_NUMBER:  # numbers that follow on past what the format writes
        path = entries[MAX_NUMBER - first + 1][0]
        problem = f"bliver {MAX_NUMBER + 1}, men må højst være {MAX_NUMBER}"
        raise ExchangeError(f"{path}.number", problem)
    return items, records, first


def _follow_on(obj: ObjectReader, position: int, first: int | None) -> int | None:
    """The first number as known so far, after checking that this item's number follows on."""
    number = obj.count("number", minimum=1)
    if number is None:
        return first
    if first is None and number <= position:
        problem = f"er {number}, men skal være mindst {position + 1}"
        raise ExchangeError(obj.at("number"), f"{problem} (punkt nr. {position + 1} i listen)")
    if first is not None and number != first + position:
        problem = f"er {number}, men skal være {first + position}"
        raise ExchangeError(obj.at("number"), f"{problem} (numrene skal følge efter hinanden)")
    return number - position


def _parse_item(obj: ObjectReader, position: int) -> Item:
    return Item(
        meeting_id=0,
        title=obj.line("title", required=True),
        public_title=obj.line("public_title"),
        closed=obj.flag("closed", default=False),
        case_id=obj.line("case_id"),
        presenter=obj.line("presenter"),
        planned_start=obj.time("planned_start"),
        duration_minutes=obj.count("duration_minutes", minimum=0),
        chair_notes=obj.text("chair_notes"),
        position=position,
    )


def _parse_sections(obj: ObjectReader, layout: ItemLayout, version: int) -> dict[str, str]:
    """The item's texts by section key (only those with text)."""
    if version < 3:
        texts = {key: obj.text(field) for field, key in VERSION_2_TEXTS.items()}
        return {key: text for key, text in texts.items() if text}
    sections = obj.optional_child("sections", tuple(layout.section_keys()))
    texts = {key: sections.text(key) for key in layout.section_keys()}
    return {key: text for key, text in texts.items() if text}


def _parse_attachments(item: ObjectReader) -> list[Attachment]:
    return [_parse_attachment(*entry) for entry in item.entries("attachments")]


def _parse_attachment(path: str, data: object, position: int) -> Attachment:
    obj = ObjectReader(data, path, ATTACHMENT_FIELDS)
    title, public = obj.line("title", required=True), obj.flag("public", default=True)
    return Attachment(item_id=0, title=title, public=public, position=position)


def _parse_records(item: ObjectReader) -> ItemRecords:
    """Who was not there for the item, the vote, the notes of dissent and the reservations."""
    absences = [_parse_absence(*entry) for entry in item.entries("not_present")]
    votes = _parse_votes(item.optional_child("votes", VOTE_FIELDS))
    dissents = [_parse_dissent(*entry) for entry in item.entries("dissent")]
    reservations = [_parse_reservation(*entry) for entry in item.entries("reservations")]
    return ItemRecords(absences, dissents, votes, reservations)


def _parse_absence(path: str, data: object, position: int) -> ItemAbsence:
    obj = ObjectReader(data, path, ABSENCE_FIELDS)
    return ItemAbsence(
        item_id=0,
        member=obj.line("member", required=True),
        reason=obj.choice("reason", AbsenceReason.DISQUALIFIED, required=True),
        note=obj.line("note"),
        position=position,
    )


def _parse_votes(obj: ObjectReader) -> list[Vote]:
    voters = [(side, voter) for side in VoteSide for voter in obj.names(side.value)]
    return [Vote(0, side, voter, position) for position, (side, voter) in enumerate(voters)]


def _parse_dissent(path: str, data: object, position: int) -> Dissent:
    obj = ObjectReader(data, path, DISSENT_FIELDS)
    member, text = obj.line("member", required=True), obj.text("text")
    return Dissent(item_id=0, member=member, text=text, position=position)


def _parse_reservation(path: str, data: object, position: int) -> Reservation:
    obj = ObjectReader(data, path, RESERVATION_FIELDS)
    member, text = obj.line("member", required=True), obj.text("text")
    return Reservation(item_id=0, member=member, text=text, position=position)


# --- writing -------------------------------------------------------------------------------


def dump_meeting(doc: MeetingDocument) -> JsonObject:
    """The canonical form: every field, in the documented order, ready for json.dumps."""
    first = doc.meeting.first_number
    return {
        "format": FORMAT,
        "version": VERSION,
        "committee": {
            "name": doc.committee.name,
            "kind": str(doc.committee.kind),
            "layout": layout_to_json(doc.layout),
        },
        "meeting": {
            **_dump_meeting_fields(doc.meeting),
            "approved": _dump_approval(doc.approval),
            "corrections": [_dump_correction(c) for c in doc.corrections],
        },
        "attendance": [_dump_attendance(entry) for entry in doc.attendance],
        "items": [
            _dump_item(first + i, *entry, doc.records_of(i), doc.layout)
            for i, entry in enumerate(doc.items)
        ],
    }


def _dump_approval(approval: Approval | None) -> JsonObject | None:
    if approval is None:
        return None
    return {"at": approval.approved_at.isoformat(), "by": list(approval.approved_by)}


def _dump_correction(correction: Correction) -> JsonObject:
    return {
        "at": correction.made_at.isoformat(timespec="minutes"),
        "item": correction.item_number,
        "text": correction.text,
        "reason": correction.reason,
    }


def _dump_meeting_fields(meeting: Meeting) -> JsonObject:
    return {
        "date": meeting.date.isoformat(),
        "start": _dump_time(meeting.starts_at),
        "end": _dump_time(meeting.ends_at),
        "location": meeting.location,
        "title": meeting.title,
        "ended_at": _dump_time(meeting.ended_at),
    }


def _dump_attendance(entry: AttendanceEntry) -> JsonObject:
    return {
        "name": entry.name,
        "role": str(entry.role),
        "status": str(entry.status),
        "substitute": entry.substitute,
    }


def _dump_item(
    number: int,
    item: Item,
    attachments: list[Attachment],
    records: ItemRecords,
    layout: ItemLayout,
) -> JsonObject:
    return {
        "number": number,
        "title": item.title,
        "public_title": item.public_title,
        "closed": item.closed,
        "case_id": item.case_id,
        "presenter": item.presenter,
        "planned_start": _dump_time(item.planned_start),
        "duration_minutes": item.duration_minutes,
        "sections": {key: item.text(key) for key in layout.section_keys()},
        "not_present": [_dump_absence(absence) for absence in records.absences],
        "votes": {side.value: _voters(records.votes, side) for side in VoteSide},
        "dissent": [{"member": d.member, "text": d.text} for d in records.dissents],
        "reservations": [{"member": r.member, "text": r.text} for r in records.reservations],
        "chair_notes": item.chair_notes,
        "attachments": [{"title": a.title, "public": a.public} for a in attachments],
    }


def _dump_absence(absence: ItemAbsence) -> JsonObject:
    return {"member": absence.member, "reason": str(absence.reason), "note": absence.note}


def _voters(votes: list[Vote], side: VoteSide) -> list[str]:
    return [vote.voter for vote in votes if vote.side == side]


def _dump_time(value: dt.time | None) -> str | None:
    return None if value is None else f"{value.hour:02d}:{value.minute:02d}"


# --- approved minutes ------------------------------------------------------------------------


def layout_of_dump(data: object) -> ItemLayout:
    """The item layout of a meeting as dumped (an approval's snapshot): the one it was approved
    in, kept with it forever."""
    top = ObjectReader(data, "")
    version = top.count("version", required=True) or 1
    if version < 3:
        return VERSION_2_LAYOUT
    committee = top.child("committee", COMMITTEE_FIELDS)
    return read_layout(ObjectReader(committee.value("layout", None, required=True), "layout"))
