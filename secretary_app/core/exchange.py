"""The meeting exchange format, version 1 (docs/exchange-format.md).

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
    Attachment,
    AttendanceEntry,
    AttendanceStatus,
    Committee,
    CommitteeKind,
    Item,
    ItemRecords,
    Meeting,
    MemberRole,
)
from secretary_app.core.text import clean_line, clean_text

FORMAT = "secretary-app/meeting"
VERSION = 1

TOP_FIELDS = ("format", "version", "committee", "meeting", "attendance", "items")
COMMITTEE_FIELDS = ("name", "kind")
MEETING_FIELDS = ("date", "start", "end", "location", "title")
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
    "chair_notes",
    "attachments",
)
ATTACHMENT_FIELDS = ("title", "public")

JsonObject = dict[str, object]
_E = TypeVar("_E", bound=StrEnum)
_T = TypeVar("_T")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME = re.compile(r"[0-9]{2}:[0-9]{2}")
_DATE_MEANS = "en gyldig dato (ÅÅÅÅ-MM-DD)"
_TIME_MEANS = "et gyldigt klokkeslæt (TT:MM)"
_SHOWN_MAX = 40


@dataclasses.dataclass
class MeetingDocument:
    """One meeting as the exchange format holds it, with no archive ids.

    Placeholders: `meeting.committee_id`, `item.meeting_id` and `attachment.item_id` are 0;
    positions run 0..n-1 in document order; `meeting.first_number` is the first item's number.
    """

    committee: Committee
    meeting: Meeting
    attendance: list[AttendanceEntry] = dataclasses.field(default_factory=list)
    items: list[tuple[Item, list[Attachment]]] = dataclasses.field(default_factory=list)
    # Per item, in the same order as `items`; shorter (or empty) means nothing recorded.
    records: list[ItemRecords] = dataclasses.field(default_factory=list)

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
    _check_header(top)
    top.refuse_unknown(TOP_FIELDS)
    committee = _parse_committee(top.child("committee", COMMITTEE_FIELDS))
    meeting = _parse_meeting_fields(top.child("meeting", MEETING_FIELDS))
    attendance = [_parse_attendance(*entry) for entry in top.entries("attendance")]
    items, meeting.first_number = _parse_items(top.entries("items"))
    return MeetingDocument(committee, meeting, attendance, items)


def _check_header(top: _Object) -> None:
    """Format and version first: a newer file is "too new", not "full of unknown fields"."""
    name = top.string("format", required=True)
    if name != FORMAT:
        raise ExchangeError("format", f'skal være "{FORMAT}", ikke {_shown(name)}')
    version = top.count("version", required=True)
    if version != VERSION:
        problem = f"{version} kan ikke læses; dette program læser version {VERSION}"
        raise ExchangeError("version", problem)


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
) -> tuple[list[tuple[Item, list[Attachment]]], int]:
    """The items, and the meeting's first number (1 when no item gives a number)."""
    items: list[tuple[Item, list[Attachment]]] = []
    first: int | None = None
    for path, data, position in entries:
        obj = _Object(data, path, ITEM_FIELDS)
        first = _follow_on(obj, position, first)
        items.append((_parse_item(obj, position), _parse_attachments(obj)))
    return items, 1 if first is None else first


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

    def child(self, key: str, allowed: tuple[str, ...]) -> _Object:
        return _Object(self.value(key, None, required=True), self.at(key), allowed)

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

    def markdown(self, key: str) -> str:
        return clean_text(self.string(key))

    def flag(self, key: str, *, default: bool) -> bool:
        value = self.value(key, default)
        if not isinstance(value, bool):
            raise self.wrong(key, "true eller false", value)
        return value

    def choice(self, key: str, default: _E) -> _E:
        kind = type(default)
        value = self.value(key, default.value)
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
        return self._checked(key, text, _DATE, dt.date.fromisoformat, _DATE_MEANS)

    def time(self, key: str) -> dt.time | None:
        value = self.value(key, None)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.wrong(key, "et klokkeslæt som tekst (TT:MM) eller null", value)
        return self._checked(key, value, _TIME, dt.time.fromisoformat, _TIME_MEANS)

    def _checked(
        self, key: str, text: str, form: re.Pattern[str], read: Callable[[str], _T], what: str
    ) -> _T:
        try:
            if form.fullmatch(text):
                return read(text)
        except ValueError:
            pass
        raise ExchangeError(self.at(key), f"{_shown(text)} er ikke {what}")


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
        "meeting": _dump_meeting_fields(doc.meeting),
        "attendance": [_dump_attendance(entry) for entry in doc.attendance],
        "items": [_dump_item(first + i, *entry) for i, entry in enumerate(doc.items)],
    }


def _dump_meeting_fields(meeting: Meeting) -> JsonObject:
    return {
        "date": meeting.date.isoformat(),
        "start": _dump_time(meeting.starts_at),
        "end": _dump_time(meeting.ends_at),
        "location": meeting.location,
        "title": meeting.title,
    }


def _dump_attendance(entry: AttendanceEntry) -> JsonObject:
    return {
        "name": entry.name,
        "role": str(entry.role),
        "status": str(entry.status),
        "substitute": entry.substitute,
    }


def _dump_item(number: int, item: Item, attachments: list[Attachment]) -> JsonObject:
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
        "chair_notes": item.chair_notes,
        "attachments": [{"title": a.title, "public": a.public} for a in attachments],
    }


def _dump_time(value: dt.time | None) -> str | None:
    return None if value is None else f"{value.hour:02d}:{value.minute:02d}"
