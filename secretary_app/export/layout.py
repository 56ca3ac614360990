"""One document layout for the agenda and the minutes, as a small tree of blocks.

`build_layout` turns a meeting (core.exchange.MeetingDocument) and an edition into a
`DocumentLayout`: the blocks in reading order, plus the document properties and the values of the
template's placeholders. The Word writer (export.word) and the Qt print writer (ui) both render
this tree, so paper and Word never drift apart. Each item is built in the committee's item layout
(core.item_layout: heading, case-ID label, sections in order); the header block follows
Gentofte Kommune's minutes of 31 August 2015 (see docs/templates.md).

Everything here is cleaned text. The public edition goes through core.publication first, so a
closed item's other text never reaches any part of the layout; of a closed item's records only
who was not there, the vote and who made a note or reservation remain (`public_records`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, TypeAlias

from secretary_app.core import vocabulary as words
from secretary_app.core.danish_dates import clock, long_date, meeting_time, short_date, time_span
from secretary_app.core.exchange import MeetingDocument
from secretary_app.core.item_layout import ItemLayout, Section, SectionKind
from secretary_app.core.model import (
    Attachment,
    AttendanceEntry,
    AttendanceStatus,
    Dissent,
    Item,
    ItemAbsence,
    ItemRecords,
    MemberRole,
    Reservation,
)
from secretary_app.core.publication import public_attachments, public_item
from secretary_app.core.rich_text import RichText, parse_markdown
from secretary_app.core.schedule import planned_starts
from secretary_app.core.text import clean_line, clean_text, join_danish
from secretary_app.export.record_layout import (
    approved_by_line,
    approved_placeholder,
    correction_lines,
    signature_names,
)

DocumentKind: TypeAlias = Literal["agenda", "minutes"]

DOCUMENT_NAMES: dict[DocumentKind, str] = {"agenda": words.AGENDA, "minutes": words.MINUTES}
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
    """The table of contents: one "N (Åben) Titel" entry per item, the i-th entry for the
    document's i-th ItemHeading (writers put its page number beside it and link it there)."""

    entries: tuple[str, ...]
    heading: str = words.CONTENTS_HEADING


@dataclass(frozen=True)
class ItemHeading:
    """The item's heading as its layout writes it: "1 (Åben) Titel", "1. Titel"."""

    number: int
    closed: bool
    title: str
    text: str


@dataclass(frozen=True)
class Label:
    """A section label: "Resumé", "Tidligere beslutninger:", "Indstilling", "Bilag"."""

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


@dataclass(frozen=True)
class AttachmentList:
    """An item's attachments as a numbered list: "Bilag 1: Budget 2018", "Bilag 2: …"."""

    titles: tuple[str, ...]

    def lines(self) -> list[str]:
        return [attachment_line(n, title) for n, title in enumerate(self.titles, start=1)]


def attachment_line(number: int, title: str) -> str:
    return f"{words.ATTACHMENT_NUMBER.format(number=number)} {title}"


@dataclass(frozen=True)
class SignatureSheet:
    """The underskriftsark: a row for each member present, their name and a line to sign on;
    on approved minutes, who approved them and when ("Godkendt 3. juli 2017 af A og B")."""

    names: tuple[str, ...]
    approved: str = ""
    heading: str = words.SIGNATURES_HEADING


Block: TypeAlias = (
    Title
    | Field
    | Contents
    | ItemHeading
    | Label
    | SubLabel
    | Text
    | Plain
    | AttachmentList
    | SignatureSheet
)


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
    """The document for `edition` of the meeting in `doc`, in the committee's item layout."""
    items = _edition_items(doc, edition)
    placeholders = _placeholders(doc, edition)
    committee = placeholders["committee"]
    blocks: list[Block] = [Title(placeholders["title"]), *_header_fields(placeholders)]
    if items:  # no empty "Indholdsfortegnelse"
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
        blocks.extend([Label(words.CORRECTIONS_HEADING), *map(Plain, corrections)])
    names = signature_names(doc) if not edition.public else []
    if names:
        blocks.append(SignatureSheet(tuple(names), approved_by_line(doc)))
    return blocks


def public_records(item: Item, records: ItemRecords) -> ItemRecords:
    """The records a public edition shows: a closed item keeps who was not there, the vote and
    who made a dissent note or a reservation, but not the notes on the absences nor the text of
    a dissent or reservation (which may tell what was closed).
    """
    if not item.closed:
        return records
    absences = [dataclasses.replace(absence, note="") for absence in records.absences]
    dissents = [dataclasses.replace(dissent, text="") for dissent in records.dissents]
    reservations = [dataclasses.replace(r, text="") for r in records.reservations]
    return ItemRecords(absences, dissents, list(records.votes), reservations)


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
            attachments = public_attachments(item, attachments)
            item = public_item(item, doc.layout)
        number = doc.meeting.first_number + index
        title = clean_line(item.title)
        text = doc.layout.heading_text(number, item.closed, title)
        heading = ItemHeading(number, item.closed, title, text)
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
        return words.PUBLIC_EDITION
    return words.CHAIR_EDITION if edition.chair else ""


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
        absent.append(f"{name} ({words.SUBSTITUTE}: {substitute})" if substitute else name)
        if substitute and substitute not in present:
            present.append(substitute)
    return present, absent


_HEADER_FIELDS = (
    (words.MEETING_LABEL, ("meeting_title",)),
    (words.MEETING_TIME_LABEL, ("meeting_time", "long_date", "date", "time")),
    (words.LOCATION_LABEL, ("location",)),
    (words.ENDED_LABEL, ("ended_at",)),
    (words.PRESENT_LABEL, ("present",)),
    (words.ABSENT_LABEL, ("absent",)),
    (words.OTHERS_PRESENT_LABEL, ("others_present",)),
    (words.EDITION_LABEL, ("edition",)),
)


def _header_fields(placeholders: dict[str, str]) -> list[Field]:
    """The header block's lines that have a value, in the reference's order."""
    fields = (Field(label, placeholders[keys[0]], keys) for label, keys in _HEADER_FIELDS)
    return [field for field in fields if field.value]


# --- an item --------------------------------------------------------------------------------


def _item_blocks(
    doc: MeetingDocument, edition: Edition, shown: EditionItem, chair: list[Block]
) -> list[Block]:
    """One item in its layout: heading, case ID, its sections in order, then the attachments.

    A closed item in a public edition keeps only the sections that are public when closed.
    """
    layout, item = doc.layout, shown.item
    reduced = edition.public and item.closed
    blocks: list[Block] = [shown.heading, *_reference_line(layout, item, reduced), *chair]
    for section in layout.sections:
        if section.shown_in(edition.kind) and (section.rule.public_when_closed or not reduced):
            blocks.extend(_section_blocks(doc, edition, section, shown))
    if shown.attachments:  # an empty "Bilag" is never printed
        titles = tuple(clean_line(attachment.title) for attachment in shown.attachments)
        blocks.extend([Label(words.ATTACHMENTS), AttachmentList(titles)])
    return blocks


def _reference_line(layout: ItemLayout, item: Item, reduced: bool) -> list[Block]:
    """ "Sags ID: EMN-2017-03374"; with the open/closed word when the heading lacks it
    ("Sagsnr.: 330-2018-3619 · Åbent", as in layouts that write "1. Titel")."""
    case_id = "" if reduced else clean_line(item.case_id)
    parts = [layout.case_id_line(case_id)] if case_id else []
    if not layout.shows_access_in_heading():
        parts.append(layout.access_word(item.closed))
    return [Plain(" · ".join(parts))] if parts else []


def _section_blocks(
    doc: MeetingDocument, edition: Edition, section: Section, shown: EditionItem
) -> list[Block]:
    text = _rich(shown.item.text(section.key))
    if section.kind is SectionKind.DECISION and edition.kind == "minutes":
        withheld = edition.public and shown.item.closed
        return _decision_blocks(doc, section, text, shown.records, withheld)
    if not text and section.key not in doc.layout.print_empty:
        return []  # an empty section is left out unless the layout prints it with "."
    label = [Label(section.label)] if section.label else []
    return [*label, *(text or [Plain(words.EMPTY_SECTION)])]


def _decision_blocks(
    doc: MeetingDocument,
    section: Section,
    text: list[Block],
    records: ItemRecords,
    withheld: bool,
) -> list[Block]:
    """The decision in the minutes, always under its label (and the decision's own heading,
    "Opgaveudvalg om Innovation den 27. juni 2017"), then what was recorded under it."""
    heading = doc.layout.decision_heading_text(
        clean_line(doc.committee.name), short_date(doc.meeting.date)
    )
    blocks: list[Block] = [Label(section.label)] if section.label else []
    if heading:
        blocks.append(SubLabel(heading) if section.label else Label(heading))
    if not text and section.key in doc.layout.print_empty:
        text = [Plain(words.EMPTY_SECTION)]
    return [*blocks, *text, *_record_blocks(records, withheld=withheld)]


def _record_blocks(records: ItemRecords, *, withheld: bool) -> list[Block]:
    """Under the decision: who was not there, the vote, the notes of dissent, the reservations.

    A record left blank (a row begun and not filled in during the meeting) shows nothing.
    """
    dissents = [Plain(line) for d in records.dissents if (line := _dissent_line(d, withheld))]
    reservations = [
        Plain(line) for r in records.reservations if (line := _reservation_line(r, withheld))
    ]
    return [*_absence_blocks(records.absences), *_vote_blocks(records), *dissents, *reservations]


def _dissent_line(dissent: Dissent, withheld: bool) -> str:
    """Protokolbemærkning fra A: text (line breaks kept); only who, where the text is withheld."""
    member, text = clean_line(dissent.member), clean_text(dissent.text).strip()
    if not member:  # not filled in yet: the text, if any, is still shown where it may be
        return f"{words.DISSENT_LABEL}: {text}" if text and not withheld else ""
    who = f"{words.DISSENT_LABEL} fra {member}"
    if withheld:
        return f"{who} ({words.WITHHELD})"
    return f"{who}: {text}" if text else who


def _reservation_line(reservation: Reservation, withheld: bool) -> str:
    """Søren Holm tog forbehold: text; only who, where the text is withheld."""
    member, text = clean_line(reservation.member), clean_text(reservation.text).strip()
    if not member:
        return ""
    who = f"{member} {words.RESERVATION}"
    return f"{who}: {text}" if text and not withheld else f"{who}."


def _absence_blocks(absences: Sequence[ItemAbsence]) -> list[Block]:
    """Ikke til stede under punktet: A (inhabil), B (forlod mødet, kl. 19.10) og C (…)"""
    members = [_absent_member(absence) for absence in absences if clean_line(absence.member)]
    return [Plain(f"{words.NOT_PRESENT_LABEL}: {join_danish(members)}")] if members else []


def _absent_member(absence: ItemAbsence) -> str:
    reason = words.ABSENCE_REASONS[absence.reason]
    why = ", ".join(filter(None, (reason, clean_line(absence.note))))
    return f"{clean_line(absence.member)} ({why})"


def _vote_blocks(records: ItemRecords) -> list[Block]:
    """ "For stemte: …", "Imod stemte: …", "Undlod at stemme: …", for the sides with voters."""
    blocks: list[Block] = []
    for side, label in words.VOTE_LABELS.items():
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
        planned = f"kl. {' · '.join(plan)}" if start else plan[0]
        blocks.append(Plain(f"{words.PLANNED_LABEL}: {planned}"))
    presenter = clean_line(item.presenter)
    if presenter:
        blocks.append(Plain(f"{words.PRESENTER_LABEL}: {presenter}"))
    notes = _rich(item.chair_notes)
    if notes:
        blocks.extend([Label(words.CHAIR_NOTES_LABEL), *notes])
    return blocks


def _rich(markdown: str) -> list[Block]:
    rich = parse_markdown(_WORD_LINE_BREAKS.sub("  \n", markdown))
    return [Text(rich)] if rich else []


def _subject(placeholders: dict[str, str]) -> str:
    subject = f"{placeholders['committee']}, {placeholders['meeting_time']}"
    edition = placeholders["edition"]
    return f"{subject} ({edition.lower()})" if edition else subject


def _keywords(placeholders: dict[str, str], items: Sequence[Item]) -> str:
    found = [placeholders["document"], placeholders["committee"], placeholders["date"]]
    found.extend(case_id for item in items if (case_id := clean_line(item.case_id)))
    return "; ".join(found)
