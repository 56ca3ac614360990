"""The things a secretary works with, as plain data: no Qt, no SQL, no files."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import IO


class CommitteeKind(StrEnum):
    STANDING = "standing"
    TASK = "task"


class Numbering(StrEnum):
    """How a committee numbers its agenda items."""

    PER_MEETING = "per_meeting"  # every meeting starts at 1
    CONTINUOUS = "continuous"  # numbers go on from the previous meeting


class MemberRole(StrEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    MEMBER = "member"
    CITIZEN_MEMBER = "citizen_member"
    OFFICIAL = "official"
    GUEST = "guest"


class AbsenceReason(StrEnum):
    """Why a member took no part in one item ("Ikke til stede under punktet")."""

    DISQUALIFIED = "inhabil"
    LEFT = "left"
    ARRIVED_LATE = "arrived_late"


class VoteSide(StrEnum):
    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    ABSENT = "absent"
    EXCUSED = "excused"


@dataclass
class Committee:
    name: str
    kind: CommitteeKind = CommitteeKind.STANDING
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    default_location: str = ""
    numbering: Numbering = Numbering.PER_MEETING
    id: int | None = None


@dataclass
class Member:
    committee_id: int
    name: str
    role: MemberRole = MemberRole.MEMBER
    party: str = ""
    position: int = 0
    id: int | None = None


@dataclass
class StandingItem:
    """An item every new meeting of the committee gets, e.g. "Eventuelt"."""

    committee_id: int
    title: str
    closed: bool = False
    position: int = 0
    id: int | None = None


@dataclass
class Meeting:
    committee_id: int
    date: dt.date
    starts_at: dt.time | None = None
    ends_at: dt.time | None = None
    location: str = ""
    first_number: int = 1
    title: str = ""
    ended_at: dt.time | None = None  # "Protokollen blev læst og mødet hævet kl. …"
    id: int | None = None


@dataclass
class Attachment:
    item_id: int
    title: str
    filename: str = ""
    public: bool = True
    position: int = 0
    size: int = 0
    id: int | None = None


DECISION_KEY = "beslutning"  # the decision section's key in every item layout


@dataclass
class Item:
    """One agenda item. Its texts are kept by section key (core.item_layout), as Markdown
    (core.rich_text); a key the item has no text for is missing or "".
    """

    meeting_id: int
    title: str
    closed: bool = False
    case_id: str = ""
    presenter: str = ""
    planned_start: dt.time | None = None
    duration_minutes: int | None = None
    sections: dict[str, str] = field(default_factory=dict)
    public_title: str = ""  # what the public editions show of a closed item, when set
    chair_notes: str = ""  # internal: only in the chair's copy of the agenda
    postponed_from: int | None = None  # the item this one was moved from ("Udsat")
    position: int = 0
    id: int | None = None

    @property
    def decision(self) -> str:
        return self.sections.get(DECISION_KEY, "")

    def text(self, key: str) -> str:
        return self.sections.get(key, "")


@dataclass
class AttendanceEntry:
    meeting_id: int
    name: str
    role: MemberRole = MemberRole.MEMBER
    status: AttendanceStatus = AttendanceStatus.PRESENT
    substitute: str = ""
    position: int = 0
    id: int | None = None


@dataclass
class ItemAbsence:
    """A member who was not there for one item: disqualified, left, or arrived late."""

    item_id: int
    member: str
    reason: AbsenceReason = AbsenceReason.DISQUALIFIED
    note: str = ""
    position: int = 0
    id: int | None = None


@dataclass
class Dissent:
    """A note of dissent (protokolbemærkning / afvigende mening) under an item's decision."""

    item_id: int
    member: str
    text: str
    position: int = 0
    id: int | None = None


@dataclass
class Reservation:
    """A reservation (forbehold) under an item's decision: "Søren Holm tog forbehold"."""

    item_id: int
    member: str
    text: str = ""
    position: int = 0
    id: int | None = None


@dataclass
class Vote:
    """One name or party on one side of a vote on an item ("For stemte: …")."""

    item_id: int
    side: VoteSide
    voter: str
    position: int = 0
    id: int | None = None


@dataclass
class DecisionPhrase:
    """A standard decision a committee uses, offered at one keystroke in meeting mode."""

    committee_id: int
    text: str
    position: int = 0
    id: int | None = None


@dataclass
class ItemRecords:
    """What the minutes record for one item besides its decision."""

    absences: list[ItemAbsence] = field(default_factory=list)
    dissents: list[Dissent] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)
    reservations: list[Reservation] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.absences or self.dissents or self.votes or self.reservations)


DEFAULT_DECISION_PHRASES = (
    "Godkendt.",
    "Anbefales.",
    "Taget til efterretning.",
    "Udsat.",
    "Intet.",
)


@dataclass
class MeetingSummary:
    """A meeting as listed in the committee tree and by `secretary-app meetings`."""

    id: int
    committee_id: int
    committee_name: str
    date: dt.date
    title: str
    item_count: int = 0
    sent_on: dt.date | None = None  # the day the agenda was marked as sent
    ended_at: dt.time | None = None  # the meeting's end, when noted
    approved_on: dt.date | None = None  # the day the minutes were approved
    # Together with the date: the meeting's stage (core.meeting_stage).


@dataclass
class ItemSnapshot:
    """Everything needed to put a deleted item back exactly as it was."""

    item: Item
    attachments: list[tuple[Attachment, IO[bytes]]] = field(default_factory=list)  # spooled
    records: ItemRecords = field(default_factory=ItemRecords)  # absences, dissent notes, votes
