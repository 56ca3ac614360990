"""The meeting exchange format, version 2 (docs/exchange-format.md); version 1 is still read.

`parse_meeting` checks a decoded JSON value strictly and turns it into plain model objects;
`dump_meeting` turns them back into the canonical form, every field written, in the documented
order. Reading and writing the JSON text is the caller's business: no files here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Callable
from enum import StrEnum
from typing import TypeVar

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
    Vote,
    VoteSide,
)
from secretary_app.core.record import (
    Approval,
    Correction,
    approval_date_problem,
    correction_date_problem,
)
from secretary_app.core.text import clean_line, clean_text

FORMAT = "secretary-app/meeting"
VERSION = 2
READABLE_VERSIONS = (1, 2)

TOP_FIELDS = ("format", "version", "committee", "meeting", "attendance", "items")
COMMITTEE_FIELDS = ("name", "kind")
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
    "closed",
    "case_id",
    "presenter",
    "planned_start",
    "duration_minutes",
    "summary",
    "previous_decisions",
    "decision",
    "not_present",
    "votes",
    "dissent",
    "chair_notes",
    "attachments",
)
ATTACHMENT_FIELDS = ("title", "public")
ABSENCE_FIELDS = ("member", "reason", "note")
VOTE_FIELDS = tuple(side.value for side in VoteSide)  # for, against, abstain
DISSENT_FIELDS = ("member", "text")
# The fields version 2 added; a version-1 file may not hold them.
NEW_IN_VERSION_2 = {
    "meeting": ("ended_at", "approved", "corrections"),
    "items": ("not_present", "votes", "dissent"),
}

JsonObject = dict[str, object]
_E = TypeVar("_E", bound=StrEnum)
_T = TypeVar("_T")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME = re.compile(r"[0-9]{2}:[0-9]{2}")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?")
_DATE_MEANS = "en gyldig dato (ÅÅÅÅ-MM-DD)"
_DATETIME_MEANS = "et gyldigt tidspunkt (ÅÅÅÅ-MM-DDTTT:MM)"
_TIME_MEANS = "et gyldigt klokkeslæt (TT:MM)"
_SHOWN_MAX = 40


@dataclasses.dataclass
class MeetingDocument:
    """One meeting as the exchange format holds it, with no archive ids.

    Placeholders: `meeting.committee_id`, `item.meeting_id` and the records' `item_id` are 0;
    positions run 0..n-1 in document order; `meeting.first_number` is the first item's number.
    A parsed document has one `ItemRecords` per item; a vote's position counts over all its
    item's votes, "for" first, then "against", then "abstain".
    """

    committee: Committee
    meeting: Meeting
    attendance: list[AttendanceEntry] = dataclasses.field(default_factory=list)
    items: list[tuple[Item, list[Attachment]]] = dataclasses.field(default_factory=list)
    # Per item, in the same order as `items`; shorter (or empty) means nothing recorded.
    records: list[ItemRecords] = dataclasses.field(default_factory=list)
    approval: Approval | None = None  # approved minutes: who and when (meeting_id 0 here)
    corrections: list[Correction] = dataclasses.field(default_factory=list)

    def records_of(self, index: int) -> ItemRecords:
        return self.records[index] if index < len(self.records) else ItemRecords()


class ExchangeError(ValueError):
    """A document that does not follow the format: where (`field`) and what is wrong (Danish)."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}" if field else problem)


# --- reading -------------------------------------------------------------------------------


def parse_meeting(data: object) -> MeetingDocument:
    """The meeting in `data` (decoded JSON); ExchangeError names the first field that is wrong."""
    top = _Object(data, "")
    _refuse_newer_fields(top, _check_header(top))
    top.refuse_unknown(TOP_FIELDS)
    committee = _parse_committee(top.child("committee", COMMITTEE_FIELDS))
    meeting_object = top.child("meeting", MEETING_FIELDS)
    meeting = _parse_meeting_fields(meeting_object)
    attendance = [_parse_attendance(*entry) for entry in top.entries("attendance")]
    items, records, meeting.first_number = _parse_items(top.entries("items"))
    approval, corrections = _parse_record(meeting_object, meeting, len(items))
    return MeetingDocument(committee, meeting, attendance, items, records, approval, corrections)


def _parse_record(
    obj: _Object, meeting: Meeting, item_count: int
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
    obj = _Object(data, path, CORRECTION_FIELDS)
    at = obj.string("at", required=True)
    made_at = obj.checked("at", at, _DATETIME, dt.datetime.fromisoformat, _DATETIME_MEANS)
    item = obj.count("item", minimum=1)
    if item is not None and item not in numbers:
        raise ExchangeError(obj.at("item"), f"punkt {item} findes ikke på dagsordenen")
    text = obj.text("text").strip()
    if not text:
        raise ExchangeError(obj.at("text"), "må ikke være tom")
    return Correction(0, text, obj.line("reason"), made_at, item)


def _check_header(top: _Object) -> int:
    """Format and version first: a newer file is "too new", not "full of unknown fields"."""
    name = top.string("format", required=True)
    if name != FORMAT:
        raise ExchangeError("format", f'skal være "{FORMAT}", ikke {_shown(name)}')
    version = top.count("version", required=True)
    if version not in READABLE_VERSIONS:
        readable = " og ".join(str(v) for v in READABLE_VERSIONS)
        problem = f"{version} kan ikke læses; dette program læser version {readable}"
        raise ExchangeError("version", problem)
    assert version is not None  # required: count() raised if it were missing
    return version


def _refuse_newer_fields(top: _Object, version: int) -> None:
    """A version-1 file holding a field of version 2 is refused, naming both versions."""
    if version >= 2:
        return
    items = top.raw("items")
    objects = [("meeting", top.raw("meeting"))]
    if isinstance(items, list):
        objects += [(f"items[{i}]", item) for i, item in enumerate(items)]
    for path, data in objects:
        newer = NEW_IN_VERSION_2[path.partition("[")[0]]
        found = [key for key in newer if isinstance(data, dict) and key in data]
        if found:
            problem = f"findes først i version 2 af formatet; filen er version {version}"
            raise ExchangeError(f"{path}.{found[0]}", problem)


def _parse_committee(obj: _Object) -> Committee:
    name = obj.line("name", required=True)
    return Committee(name=name, kind=obj.choice("kind", CommitteeKind.STANDING))


def _parse_meeting_fields(obj: _Object) -> Meeting:
    return Meeting(
        committee_id=0,
        date=obj.date("date"),
        starts_at=obj.time("start"),
        ends_at=obj.time("end"),
        location=obj.line("location"),
        title=obj.line("title"),
        ended_at=obj.time("ended_at"),
    )


def _parse_attendance(path: str, data: object, position: int) -> AttendanceEntry:
    obj = _Object(data, path, ATTENDANCE_FIELDS)
    return AttendanceEntry(
        meeting_id=0,
        name=obj.line("name", required=True),
        role=obj.choice("role", MemberRole.MEMBER),
        status=obj.choice("status", AttendanceStatus.PRESENT),
        substitute=obj.line("substitute"),
        position=position,
    )


def _parse_items(
    entries: list[tuple[str, object, int]],
) -> tuple[list[tuple[Item, list[Attachment]]], list[ItemRecords], int]:
    """The items, their records, and the meeting's first number (1 when no item gives one)."""
    items: list[tuple[Item, list[Attachment]]] = []
    records: list[ItemRecords] = []
    first: int | None = None
    for path, data, position in entries:
        obj = _Object(data, path, ITEM_FIELDS)
        first = _follow_on(obj, position, first)
        items.append((_parse_item(obj, position), _parse_attachments(obj)))
        records.append(_parse_records(obj))
    return items, records, 1 if first is None else first


def _follow_on(obj: _Object, position: int, first: int | None) -> int | None:
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


def _parse_item(obj: _Object, position: int) -> Item:
    return Item(
        meeting_id=0,
        title=obj.line("title", required=True),
        closed=obj.flag("closed", default=False),
        case_id=obj.line("case_id"),
        presenter=obj.line("presenter"),
        planned_start=obj.time("planned_start"),
        duration_minutes=obj.count("duration_minutes", minimum=0),
        summary=obj.markdown("summary"),
        previous_decisions=obj.markdown("previous_decisions"),
        decision=obj.markdown("decision"),
        chair_notes=obj.markdown("chair_notes"),
        position=position,
    )


def _parse_attachments(item: _Object) -> list[Attachment]:
    return [_parse_attachment(*entry) for entry in item.entries("attachments")]


def _parse_attachment(path: str, data: object, position: int) -> Attachment:
    obj = _Object(data, path, ATTACHMENT_FIELDS)
    title, public = obj.line("title", required=True), obj.flag("public", default=True)
    return Attachment(item_id=0, title=title, public=public, position=position)


def _parse_records(item: _Object) -> ItemRecords:
    """Who was not there for the item, the vote, and the notes of dissent."""
    absences = [_parse_absence(*entry) for entry in item.entries("not_present")]
    votes = _parse_votes(item.optional_child("votes", VOTE_FIELDS))
    dissents = [_parse_dissent(*entry) for entry in item.entries("dissent")]
    return ItemRecords(absences=absences, dissents=dissents, votes=votes)


def _parse_absence(path: str, data: object, position: int) -> ItemAbsence:
    obj = _Object(data, path, ABSENCE_FIELDS)
    return ItemAbsence(
        item_id=0,
        member=obj.line("member", required=True),
        reason=obj.choice("reason", AbsenceReason.DISQUALIFIED, required=True),
        note=obj.line("note"),
        position=position,
    )


def _parse_votes(obj: _Object) -> list[Vote]:
    voters = [(side, voter) for side in VoteSide for voter in obj.names(side.value)]
    return [Vote(0, side, voter, position) for position, (side, voter) in enumerate(voters)]


def _parse_dissent(path: str, data: object, position: int) -> Dissent:
    obj = _Object(data, path, DISSENT_FIELDS)
    member, text = obj.line("member", required=True), obj.text("text")
    return Dissent(item_id=0, member=member, text=text, position=position)


class _Object:
    """A JSON object being read, with its path for error messages."""

    def __init__(self, data: object, path: str, allowed: tuple[str, ...] = ()) -> None:
        if not isinstance(data, dict):
            problem = f"skal være et objekt ({{…}}), ikke {_shown(data)}"
            raise ExchangeError(path, problem if path else "dokumentet " + problem)
        self.path = path
        self._data: dict[object, object] = data
        if allowed:
            self.refuse_unknown(allowed)

    def at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def refuse_unknown(self, allowed: tuple[str, ...]) -> None:
        for key in self._data:
            if key not in allowed:
                known = ", ".join(allowed)
                raise ExchangeError(self.at(str(key)), f"ukendt felt (kendte felter: {known})")

    def wrong(self, key: str, expected: str, value: object) -> ExchangeError:
        return ExchangeError(self.at(key), f"skal være {expected}, ikke {_shown(value)}")

    def value(self, key: str, default: object, *, required: bool = False) -> object:
        if required and key not in self._data:
            raise ExchangeError(self.at(key), "mangler")
        return self._data.get(key, default)

    def raw(self, key: str) -> object:
        return self._data.get(key)

    def child(self, key: str, allowed: tuple[str, ...]) -> _Object:
        return _Object(self.value(key, None, required=True), self.at(key), allowed)

    def optional_child(self, key: str, allowed: tuple[str, ...]) -> _Object:
        return _Object(self.value(key, {}), self.at(key), allowed)

    def entries(self, key: str) -> list[tuple[str, object, int]]:
        """The elements of a list field: (path, value, position) each."""
        values = self.value(key, [])
        if not isinstance(values, list):
            raise self.wrong(key, "en liste ([…])", values)
        return [(f"{self.at(key)}[{i}]", value, i) for i, value in enumerate(values)]

    def string(self, key: str, *, required: bool = False) -> str:
        value = self.value(key, "", required=required)
        if not isinstance(value, str):
            raise self.wrong(key, "en tekst", value)
        return value

    def line(self, key: str, *, required: bool = False) -> str:
        text = clean_line(self.string(key, required=required))
        if required and not text:
            raise ExchangeError(self.at(key), "må ikke være tom")
        return text

    def names(self, key: str) -> list[str]:
        """A list of one-line texts, none of them empty."""
        return [_name(path, value) for path, value, _ in self.entries(key)]

    def text(self, key: str) -> str:
        return clean_text(self.string(key))

    def markdown(self, key: str) -> str:
        return self.text(key)

    def flag(self, key: str, *, default: bool) -> bool:
        value = self.value(key, default)
        if not isinstance(value, bool):
            raise self.wrong(key, "true eller false", value)
        return value

    def choice(self, key: str, default: _E, *, required: bool = False) -> _E:
        kind = type(default)
        value = self.value(key, default.value, required=required)
        if isinstance(value, str) and value in {member.value for member in kind}:
            return kind(value)
        allowed = ", ".join(member.value for member in kind)
        raise self.wrong(key, f"en af {allowed}", value)

    def count(
        self, key: str, *, minimum: int = 0, maximum: int = 99_999, required: bool = False
    ) -> int | None:
        value = self.value(key, None, required=required)
        if value is None and not required:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.wrong(key, "et heltal", value)
        if value < minimum:
            raise ExchangeError(self.at(key), f"er {value}, men skal være mindst {minimum}")
        if value > maximum:
            raise ExchangeError(self.at(key), f"er {_shown(value)}, men må højst være {maximum}")
        return value

    def date(self, key: str) -> dt.date:
        text = self.string(key, required=True)
        return self.checked(key, text, _DATE, dt.date.fromisoformat, _DATE_MEANS)

    def time(self, key: str) -> dt.time | None:
        value = self.value(key, None)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.wrong(key, "et klokkeslæt som tekst (TT:MM) eller null", value)
        return self.checked(key, value, _TIME, dt.time.fromisoformat, _TIME_MEANS)

    def checked(
        self, key: str, text: str, form: re.Pattern[str], read: Callable[[str], _T], what: str
    ) -> _T:
        try:
            if form.fullmatch(text):
                return read(text)
        except ValueError:
            pass
        raise ExchangeError(self.at(key), f"{_shown(text)} er ikke {what}")


def _name(path: str, value: object) -> str:
    if not isinstance(value, str):
        raise ExchangeError(path, f"skal være en tekst, ikke {_shown(value)}")
    text = clean_line(value)
    if not text:
        raise ExchangeError(path, "må ikke være tom")
    return text


def _shown(value: object) -> str:
    """A value as the error message shows it: JSON-like, on one line, not too long."""
    if isinstance(value, dict):
        return "et objekt"
    if isinstance(value, list):
        return "en liste"
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= _SHOWN_MAX else text[: _SHOWN_MAX - 1] + "…"


# --- writing -------------------------------------------------------------------------------


def dump_meeting(doc: MeetingDocument) -> JsonObject:
    """The canonical form: every field, in the documented order, ready for json.dumps."""
    first = doc.meeting.first_number
    return {
        "format": FORMAT,
        "version": VERSION,
        "committee": {"name": doc.committee.name, "kind": str(doc.committee.kind)},
        "meeting": {
            **_dump_meeting_fields(doc.meeting),
            "approved": _dump_approval(doc.approval),
            "corrections": [_dump_correction(c) for c in doc.corrections],
        },
        "attendance": [_dump_attendance(entry) for entry in doc.attendance],
        "items": [
            _dump_item(first + i, *entry, doc.records_of(i)) for i, entry in enumerate(doc.items)
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
    number: int, item: Item, attachments: list[Attachment], records: ItemRecords
) -> JsonObject:
    return {
        "number": number,
        "title": item.title,
        "closed": item.closed,
        "case_id": item.case_id,
        "presenter": item.presenter,
        "planned_start": _dump_time(item.planned_start),
        "duration_minutes": item.duration_minutes,
        "summary": item.summary,
        "previous_decisions": item.previous_decisions,
        "decision": item.decision,
        "not_present": [_dump_absence(absence) for absence in records.absences],
        "votes": {side.value: _voters(records.votes, side) for side in VoteSide},
        "dissent": [{"member": d.member, "text": d.text} for d in records.dissents],
        "chair_notes": item.chair_notes,
        "attachments": [{"title": a.title, "public": a.public} for a in attachments],
    }


def _dump_absence(absence: ItemAbsence) -> JsonObject:
    return {"member": absence.member, "reason": str(absence.reason), "note": absence.note}


def _voters(votes: list[Vote], side: VoteSide) -> list[str]:
    return [vote.voter for vote in votes if vote.side == side]


def _dump_time(value: dt.time | None) -> str | None:
    return None if value is None else f"{value.hour:02d}:{value.minute:02d}"
