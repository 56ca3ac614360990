"""One document layout for the agenda and the minutes, as a small tree of blocks.

`build_layout` turns a meeting (core.exchange.MeetingDocument) and an edition into a
`DocumentLayout`: the blocks in reading order, plus the document properties and the values of the
template's placeholders. The Word writer (export.word) and the Qt print writer (ui) both render
this tree, so paper and Word never drift apart. The layout follows Gentofte Kommune's minutes of
27 June 2017, with the header block of its minutes of 31 August 2015 (see docs/templates.md).

Everything here is cleaned text. The public edition goes through core.publication first, so a
closed item's other text never reaches any part of the layout; of a closed item's records only
who was not there and the vote remain (`public_records`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, TypeAlias

from secretary_app.core.danish_dates import clock, long_date, meeting_time, short_date, time_span
from secretary_app.core.exchange import MeetingDocument
from secretary_app.core.model import (
    AbsenceReason,
    Attachment,
    AttendanceEntry,
    AttendanceStatus,
    Dissent,
    Item,
    ItemAbsence,
    ItemRecords,
    MemberRole,
    VoteSide,
)
from secretary_app.core.publication import public_attachments, public_item
from secretary_app.core.rich_text import RichText, parse_markdown
from secretary_app.core.schedule import planned_starts
from secretary_app.core.text import clean_line, clean_text
from secretary_app.export.record_layout import (
    approved_placeholder,
    correction_lines,
    signature_line,
    signature_names,
)

DocumentKind: TypeAlias = Literal["agenda", "minutes"]

DOCUMENT_NAMES: dict[DocumentKind, str] = {"agenda": "Dagsorden", "minutes": "Referat"}
PUBLIC_EDITION = "Offentlig udgave"
CHAIR_EDITION = "Formandens eksemplar"
CONTENTS_HEADING = "Indholdsfortegnelse"
EMPTY_SECTION = "."
ENDED_LABEL = "Protokollen blev læst og mødet hævet kl."
OTHERS_PRESENT_LABEL = "Desuden deltog"
NOT_PRESENT_LABEL = "Ikke til stede under punktet"
ABSENCE_REASONS: dict[AbsenceReason, str] = {
    AbsenceReason.DISQUALIFIED: "inhabil",
    AbsenceReason.LEFT: "forlod mødet",
    AbsenceReason.ARRIVED_LATE: "ankom efter punktets behandling",
}
VOTE_LABELS: dict[VoteSide, str] = {
    VoteSide.FOR: "For stemte",
    VoteSide.AGAINST: "Imod stemte",
    VoteSide.ABSTAIN: "Undlod at stemme",
}
DISSENT_LABEL = "Protokolbemærkning"
WITHHELD = "ikke offentlig"
# Who takes part without being a member: listed as "Desuden deltog", never as "Tilstede".
NON_MEMBER_ROLES = frozenset({MemberRole.OFFICIAL, MemberRole.GUEST})
# Word's Shift+Enter and page break, pasted into a text: hard line breaks ("  \n" in Markdown).
_WORD_LINE_BREAKS = re.compile("[\x0b\x0c\u2028]")


@dataclass(frozen=True)
class Edition:
    """Which document, and for whom: everyone (public), the committee, or its chair.

    The chair's copy is an agenda with each item's planned start, presenter and the internal
    notes; no other edition ever shows those notes.
    """

    kind: DocumentKind
    public: bool = False
    chair: bool = False

    def __post_init__(self) -> None:
        if self.chair and (self.public or self.kind != "agenda"):
            raise ValueError("the chair's copy is a full edition of the agenda")


# --- blocks ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Title:
    """The document's title; left out where the template's body shows {{ title }} itself."""

    text: str
    keys: tuple[str, ...] = ("title",)


@dataclass(frozen=True)
class Field:
    """A line of the header block, "Mødested: …"; left out where the template shows a key."""

    label: str
    value: str
    keys: tuple[str, ...]


@dataclass(frozen=True)
class Contents:
    """The table of contents: one "N (Åben) Titel" entry per item."""

    entries: tuple[str, ...]
    heading: str = CONTENTS_HEADING


@dataclass(frozen=True)
class ItemHeading:
    number: int
    closed: bool
    title: str

    @property
    def text(self) -> str:
        return item_label(self.number, self.closed, self.title)


@dataclass(frozen=True)
class Label:
    """A section label: "Resumé", "Tidligere beslutninger:", "Beslutninger:", "Bilag"."""

    text: str


@dataclass(frozen=True)
class SubLabel:
    """The body and date a decision was made by: "Opgaveudvalg om Innovation den 27. juni 2017"."""

    text: str


@dataclass(frozen=True)
class Text:
    """Rich text (core.rich_text): paragraphs, formats, nested lists."""

    rich: RichText


@dataclass(frozen=True)
class Plain:
    """One plain paragraph: "Sags ID: …", the "." of an empty section, an attachment's title."""

    text: str


Block: TypeAlias = Title | Field | Contents | ItemHeading | Label | SubLabel | Text | Plain


@dataclass(frozen=True)
class DocumentLayout:
    title: str
    subject: str
    author: str
    keywords: str
    placeholders: dict[str, str]
    blocks: tuple[Block, ...]


# --- placeholders ---------------------------------------------------------------------------

# Every placeholder a template may use, with an example value (the reference meeting's minutes).
PLACEHOLDER_EXAMPLES: dict[str, str] = {
    "committee": "Opgaveudvalg om Innovation",
    "document": "Referat",
    "title": "Referat af møde i Opgaveudvalg om Innovation",
    "edition": "",
    "date": "27. juni 2017",
    "long_date": "tirsdag den 27. juni 2017",
    "time": "kl. 17.00-19.00",
    "meeting_time": "tirsdag den 27. juni 2017 kl. 17.00-19.00",
    "location": "Mødelokale G på Gentofte Rådhus",
    "meeting_title": "",
    "ended_at": "20.35",
    "present": "Marie Louise Andersen, Frank Jensen og Søren Holm",
    "absent": "Anne Berg (stedfortræder: Jens Lund)",
    "others_present": "Karen Holm",
    "approved": "Godkendt 3. juli 2017 · SHA-256 1a2b 3c4d 5e6f 7a8b",
}
PLACEHOLDER_NAMES = frozenset(PLACEHOLDER_EXAMPLES)


# --- building -------------------------------------------------------------------------------


def build_layout(doc: MeetingDocument, edition: Edition) -> DocumentLayout:
    """The document for `edition` of the meeting in `doc`."""
    items = _edition_items(doc, edition)
    placeholders = _placeholders(doc, edition)
    committee = placeholders["committee"]
    blocks: list[Block] = [Title(placeholders["title"]), *_header_fields(placeholders)]
    blocks.append(Contents(tuple(shown.heading.text for shown in items)))
    starts = planned_starts(doc.meeting.starts_at, [item for item, _ in doc.items])
    for shown, start in zip(items, starts, strict=True):
        chair = _chair_blocks(shown.item, start) if edition.chair else []
        blocks.extend(_item_blocks(doc, edition, shown, chair))
    if edition.kind == "minutes":
        blocks.extend(_record_blocks_of_minutes(doc, edition))
    return DocumentLayout(
        title=placeholders["title"],
        subject=_subject(placeholders),
        author=committee,
        keywords=_keywords(placeholders, [shown.item for shown in items]),
        placeholders=placeholders,
        blocks=tuple(blocks),
    )


def _record_blocks_of_minutes(doc: MeetingDocument, edition: Edition) -> list[Block]:
    """After the items: the corrections (approved minutes) and the signature sheet."""
    blocks: list[Block] = []
    corrections = correction_lines(doc, edition.public)
    if corrections:
        blocks.extend([Label("Rettelser efter godkendelsen"), *map(Plain, corrections)])
    names = signature_names(doc) if not edition.public else []
    if names:
        blocks.extend([Label("Underskrifter"), *(Plain(signature_line(n)) for n in names)])
    return blocks


def item_label(number: int, closed: bool, title: str) -> str:
    """1 (Åben) Titel"""
    return f"{number} ({'Lukket' if closed else 'Åben'}) {title}"


def join_danish(names: Sequence[str]) -> str:
    """ "A", "A og B", "A, B og C"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} og {names[-1]}"


def public_records(item: Item, records: ItemRecords) -> ItemRecords:
    """The records a public edition shows: a closed item keeps who was not there and the vote,
    but not the notes on the absences nor the text of a dissent (which may tell what was closed).
    """
    if not item.closed:
        return records
    absences = [dataclasses.replace(absence, note="") for absence in records.absences]
    dissents = [dataclasses.replace(dissent, text="") for dissent in records.dissents]
    return ItemRecords(absences, dissents, list(records.votes))


@dataclass(frozen=True)
class EditionItem:
    """An item as an edition may show it: heading, item, attachments and what was recorded."""

    heading: ItemHeading
    item: Item
    attachments: list[Attachment]
    records: ItemRecords


def _edition_items(doc: MeetingDocument, edition: Edition) -> list[EditionItem]:
    """Each item as this edition may show it; only the minutes show what was recorded."""
    shown: list[EditionItem] = []
    for index, (item, attachments) in enumerate(doc.items):
        records = doc.records_of(index) if edition.kind == "minutes" else ItemRecords()
        if edition.public:
            records = public_records(item, records)
            item, attachments = public_item(item), public_attachments(item, attachments)
        number = doc.meeting.first_number + index
        heading = ItemHeading(number, item.closed, clean_line(item.title))
        shown.append(EditionItem(heading, item, list(attachments), records))
    return shown


def _placeholders(doc: MeetingDocument, edition: Edition) -> dict[str, str]:
    meeting = doc.meeting
    committee = clean_line(doc.committee.name)
    document = DOCUMENT_NAMES[edition.kind]
    minutes = edition.kind == "minutes"
    preposition = "til" if edition.kind == "agenda" else "af"
    return {
        "committee": committee,
        "document": document,
        "title": f"{document} {preposition} møde i {committee}",
        "edition": _edition_name(edition),
        "date": short_date(meeting.date),
        "long_date": long_date(meeting.date),
        "time": time_span(meeting.starts_at, meeting.ends_at),
        "meeting_time": meeting_time(meeting.date, meeting.starts_at, meeting.ends_at),
        "location": clean_line(meeting.location),
        "meeting_title": clean_line(meeting.title),
        "ended_at": clock(meeting.ended_at) if minutes and meeting.ended_at else "",
        **_attendance(doc.attendance if minutes else []),
        "approved": approved_placeholder(doc) if minutes else "",
    }


def _edition_name(edition: Edition) -> str:
    if edition.public:
        return PUBLIC_EDITION
    return CHAIR_EDITION if edition.chair else ""


def _attendance(entries: Sequence[AttendanceEntry]) -> dict[str, str]:
    """ "Tilstede", "Fraværende" and "Desuden deltog" as the minutes write them.

    Members who sent word (afbud) count as absent; substitutes count as present, after the
    members. Officials and guests who came are listed apart; those who did not are left out.
    """
    members = [entry for entry in entries if entry.role not in NON_MEMBER_ROLES]
    others = [entry for entry in entries if entry.role in NON_MEMBER_ROLES]
    present, absent = _present_and_absent(members)
    others_present, _ = _present_and_absent(others)
    return {
        "present": join_danish(present),
        "absent": join_danish(absent),
        "others_present": join_danish(others_present),
    }


def _present_and_absent(entries: Sequence[AttendanceEntry]) -> tuple[list[str], list[str]]:
    present = [clean_line(e.name) for e in entries if e.status is AttendanceStatus.PRESENT]
    absent: list[str] = []
    for entry in entries:
        if entry.status is AttendanceStatus.PRESENT:
            continue
        name, substitute = clean_line(entry.name), clean_line(entry.substitute)
        absent.append(f"{name} (stedfortræder: {substitute})" if substitute else name)
        if substitute and substitute not in present:
            present.append(substitute)
    return present, absent


_HEADER_FIELDS = (
    ("Møde", ("meeting_title",)),
    ("Mødetidspunkt", ("meeting_time", "long_date", "date", "time")),
    ("Mødested", ("location",)),
    (ENDED_LABEL, ("ended_at",)),
    ("Tilstede", ("present",)),
    ("Fraværende", ("absent",)),
    (OTHERS_PRESENT_LABEL, ("others_present",)),
    ("Udgave", ("edition",)),
)


def _header_fields(placeholders: dict[str, str]) -> list[Field]:
    """The header block's lines that have a value, in the reference's order."""
    fields = (Field(label, placeholders[keys[0]], keys) for label, keys in _HEADER_FIELDS)
    return [field for field in fields if field.value]


def _item_blocks(
    doc: MeetingDocument, edition: Edition, shown: EditionItem, chair: list[Block]
) -> list[Block]:
    """One item as the reference shows it; a closed item in a public edition keeps its decision."""
    item = shown.item
    blocks: list[Block] = [shown.heading]
    case_id = clean_line(item.case_id)
    if case_id:
        blocks.append(Plain(f"Sags ID: {case_id}"))
    blocks.extend(chair)
    reduced = edition.public and item.closed
    if not reduced:
        blocks.extend(_summary(item.summary))
        blocks.extend([Label("Tidligere beslutninger:"), *_text_or_dot(item.previous_decisions)])
    if edition.kind == "minutes":
        decided_by = f"{clean_line(doc.committee.name)} den {short_date(doc.meeting.date)}"
        blocks.extend([Label("Beslutninger:"), SubLabel(decided_by)])
        blocks.extend(_rich(item.decision))
        blocks.extend(_record_blocks(shown.records, withheld=reduced))
    if not reduced:
        blocks.append(Label("Bilag"))
        blocks.extend(Plain(clean_line(attachment.title)) for attachment in shown.attachments)
    return blocks


def _record_blocks(records: ItemRecords, *, withheld: bool) -> list[Block]:
    """Under the decision: who was not there, the vote, the notes of dissent.

    A record left blank (a row begun and not filled in during the meeting) shows nothing.
    """
    dissents = [Plain(line) for d in records.dissents if (line := _dissent_line(d, withheld))]
    return [*_absence_blocks(records.absences), *_vote_blocks(records), *dissents]


def _dissent_line(dissent: Dissent, withheld: bool) -> str:
    """Protokolbemærkning fra A: text (line breaks kept); only who, where the text is withheld."""
    member, text = clean_line(dissent.member), clean_text(dissent.text).strip()
    if not member:  # not filled in yet: the text, if any, is still shown where it may be
        return f"{DISSENT_LABEL}: {text}" if text and not withheld else ""
    who = f"{DISSENT_LABEL} fra {member}"
    if withheld:
        return f"{who} ({WITHHELD})"
    return f"{who}: {text}" if text else who


def _absence_blocks(absences: Sequence[ItemAbsence]) -> list[Block]:
    """Ikke til stede under punktet: A (inhabil), B (forlod mødet, kl. 19.10) og C (…)"""
    members = [_absent_member(absence) for absence in absences if clean_line(absence.member)]
    return [Plain(f"{NOT_PRESENT_LABEL}: {join_danish(members)}")] if members else []


def _absent_member(absence: ItemAbsence) -> str:
    why = ", ".join(filter(None, (ABSENCE_REASONS[absence.reason], clean_line(absence.note))))
    return f"{clean_line(absence.member)} ({why})"


def _vote_blocks(records: ItemRecords) -> list[Block]:
    """ "For stemte: …", "Imod stemte: …", "Undlod at stemme: …", for the sides with voters."""
    blocks: list[Block] = []
    for side, label in VOTE_LABELS.items():
        voters = _filled(vote.voter for vote in records.votes if vote.side == side)
        if voters:
            blocks.append(Plain(f"{label}: {join_danish(voters)}"))
    return blocks


def _filled(names: Iterable[str]) -> list[str]:
    """The names, cleaned, without the blank ones."""
    return [name for name in map(clean_line, names) if name]


def _chair_blocks(item: Item, start: dt.time | None) -> list[Block]:
    """What only the chair's copy shows: when, by whom, and the internal notes."""
    plan = [clock(start)] if start is not None else []
    if item.duration_minutes:
        plan.append(f"{item.duration_minutes} min.")
    blocks: list[Block] = []
    if plan:
        blocks.append(
            Plain(f"Planlagt: kl. {' · '.join(plan)}" if start else f"Planlagt: {plan[0]}")
        )
    presenter = clean_line(item.presenter)
    if presenter:
        blocks.append(Plain(f"Fremlægges af: {presenter}"))
    notes = _rich(item.chair_notes)
    if notes:
        blocks.extend([Label("Interne noter:"), *notes])
    return blocks


def _rich(markdown: str) -> list[Block]:
    rich = parse_markdown(_WORD_LINE_BREAKS.sub("  \n", markdown))
    return [Text(rich)] if rich else []


def _summary(markdown: str) -> list[Block]:
    """Resumé and its text; nothing at all when there is no text (as item 2 of the reference)."""
    text = _rich(markdown)
    return [Label("Resumé"), *text] if text else []


def _text_or_dot(markdown: str) -> list[Block]:
    return _rich(markdown) or [Plain(EMPTY_SECTION)]


def _subject(placeholders: dict[str, str]) -> str:
    subject = f"{placeholders['committee']}, {placeholders['meeting_time']}"
    edition = placeholders["edition"]
    return f"{subject} ({edition.lower()})" if edition else subject


def _keywords(placeholders: dict[str, str], items: Sequence[Item]) -> str:
    words = [placeholders["document"], placeholders["committee"], placeholders["date"]]
    words.extend(case_id for item in items if (case_id := clean_line(item.case_id)))
    return "; ".join(words)
