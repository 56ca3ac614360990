"""What the minutes record besides the decisions: the end time, attendance, per item who was not
there, the vote and notes of dissent; in the layout, in Word, in the public edition, and in the
exchange format."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from word_test_support import reader_lines

from secretary_app.core.exchange import MeetingDocument, dump_meeting, parse_meeting
from secretary_app.core.model import (
    AbsenceReason,
    AttendanceEntry,
    AttendanceStatus,
    Committee,
    Dissent,
    Item,
    ItemAbsence,
    ItemRecords,
    Meeting,
    MemberRole,
    Vote,
    VoteSide,
)
from secretary_app.core.text import clean_line, clean_text, visible
from secretary_app.export.layout import (
    Block,
    DocumentLayout,
    Edition,
    Field,
    ItemHeading,
    Label,
    Plain,
    SignatureSheet,
    SubLabel,
    Text,
    build_layout,
)
from secretary_app.export.word import write_docx

DOCS = Path(__file__).resolve().parents[2] / "docs"
MINUTES = Edition("minutes")
PUBLIC_MINUTES = Edition("minutes", public=True)
AGENDAS = [Edition("agenda"), Edition("agenda", public=True), Edition("agenda", chair=True)]

# Words of a closed item's records that a public edition must never show.
SECRET_DISSENT = "HEMMELIGPROTOKOLBEMAERKNING"
SECRET_NOTE = "HEMMELIGNOTE"

ITEM_1_RECORDS = [
    "Ikke til stede under punktet: Pia Nyring (inhabil), Ulrik Borch (forlod mødet, kl. 19.10)"
    " og Irene Lütken (ankom efter punktets behandling)",
    "For stemte: Hans Toft, Michael Fenger og Per B. Andersen",
    "Imod stemte: Socialdemokratiet",
    "Undlod at stemme: Mogens Vad",
    "Protokolbemærkning fra Socialdemokratiet: Socialdemokratiet kan ikke støtte planen,\n"
    "da trafikken ikke er belyst.",
    "Protokolbemærkning fra Mogens Vad: Jeg ønsker sagen genoptaget.",
]
# Every word a line of the records starts with: none of them belongs in an agenda.
RECORD_WORDS = (
    "Protokollen blev læst",
    "Desuden deltog",
    "Ikke til stede",
    "stemte",
    "Undlod at stemme",
    "Protokolbemærkning",
)


def council_meeting() -> MeetingDocument:
    """Gentofte's council, 31 August 2015, with attendance of every kind, the end time, an open
    item with every kind of record, a closed one with secrets in its records, and a plain one."""
    meeting = Meeting(0, dt.date(2015, 8, 31), dt.time(18), None, "Rådssalen")
    meeting.ended_at = dt.time(20, 35)
    attendance = [
        AttendanceEntry(0, "Hans Toft", MemberRole.CHAIR),
        AttendanceEntry(0, "Pia Nyring"),
        AttendanceEntry(0, "Marianne Zangenberg", status=AttendanceStatus.ABSENT),
        AttendanceEntry(0, "Anne Hjorth", status=AttendanceStatus.EXCUSED),
        AttendanceEntry(0, "Lise Borg", MemberRole.GUEST),
        AttendanceEntry(0, "Jens Ås", MemberRole.OFFICIAL),
        AttendanceEntry(0, "Kim Holm", MemberRole.OFFICIAL, AttendanceStatus.EXCUSED),
    ]
    attendance[2].substitute = "Per B. Andersen"
    items = [
        (Item(0, "Lokalplan 367 for Gyldenlundsvej", sections={"beslutning": "Godkendt."}), []),
        (
            Item(
                0,
                "Salg af ejendom",
                closed=True,
                sections={"beslutning": "Salget godkendes."},
                position=1,
            ),
            [],
        ),
        (Item(0, "Eventuelt", sections={"beslutning": "Intet."}, position=2), []),
    ]
    records = [open_item_records(), closed_item_records(), ItemRecords()]
    return MeetingDocument(Committee("Kommunalbestyrelsen"), meeting, attendance, items, records)


def open_item_records() -> ItemRecords:
    return ItemRecords(
        absences=[
            ItemAbsence(0, "Pia Nyring", AbsenceReason.DISQUALIFIED),
            ItemAbsence(0, "Ulrik Borch", AbsenceReason.LEFT, "kl. 19.10", 1),
            ItemAbsence(0, "Irene Lütken", AbsenceReason.ARRIVED_LATE, position=2),
        ],
        dissents=[
            Dissent(
                0,
                "Socialdemokratiet",
                "Socialdemokratiet kan ikke støtte planen,\nda trafikken ikke er belyst.\n",
            ),
            Dissent(0, "Mogens Vad", "Jeg ønsker sagen genoptaget.", 1),
        ],
        votes=[
            Vote(0, VoteSide.FOR, "Hans Toft", 0),
            Vote(0, VoteSide.FOR, "Michael Fenger", 1),
            Vote(0, VoteSide.AGAINST, "Socialdemokratiet", 2),
            Vote(0, VoteSide.FOR, "Per B. Andersen", 3),
            Vote(0, VoteSide.ABSTAIN, "Mogens Vad", 4),
        ],
    )


def closed_item_records() -> ItemRecords:
    return ItemRecords(
        absences=[ItemAbsence(0, "Hans Toft", AbsenceReason.DISQUALIFIED, f"{SECRET_NOTE} køber")],
        dissents=[Dissent(0, "Mogens Vad", f"Prisen er for lav: {SECRET_DISSENT}.")],
        votes=[Vote(0, VoteSide.FOR, "Venstre"), Vote(0, VoteSide.AGAINST, "Mogens Vad", 1)],
    )


def describe(block: Block) -> str:
    if isinstance(block, ItemHeading):
        return f"# {block.text}"
    if isinstance(block, Field):
        return f"{block.label}: {block.value}"
    if isinstance(block, Label | SubLabel | Plain):
        return block.text
    return "<text>" if isinstance(block, Text) else type(block).__name__


# What the minutes show after the last item: the corrections and the signature sheet.
AFTER_THE_ITEMS = ("Rettelser efter godkendelsen",)


def item_lines(layout: DocumentLayout, number: int) -> list[str]:
    """The item's blocks as lines, from its heading up to the next heading (or, after the last
    item, up to the corrections and signatures of the minutes)."""
    lines = [describe(block) for block in layout.blocks]
    start = next(i for i, line in enumerate(lines) if line.startswith(f"# {number} ("))
    ends = (i for i in range(start + 1, len(lines)) if _ends_an_item(layout.blocks[i]))
    return lines[start : next(ends, None)]


def _ends_an_item(block: Block) -> bool:
    return isinstance(block, ItemHeading | SignatureSheet) or (
        isinstance(block, Label) and block.text in AFTER_THE_ITEMS
    )


def header_lines(layout: DocumentLayout) -> list[str]:
    return [describe(block) for block in layout.blocks if isinstance(block, Field)]


# --- the minutes ----------------------------------------------------------------------------


def test_the_header_block_reads_as_gentoftes_minutes() -> None:
    assert header_lines(build_layout(council_meeting(), MINUTES)) == [
        "Mødetidspunkt: mandag den 31. august 2015 kl. 18.00",
        "Mødested: Rådssalen",
        "Protokollen blev læst og mødet hævet kl.: 20.35",
        "Tilstede: Hans Toft, Pia Nyring og Per B. Andersen",
        "Fraværende: Marianne Zangenberg (stedfortræder: Per B. Andersen) og Anne Hjorth",
        "Desuden deltog: Lise Borg og Jens Ås",
    ]


def test_the_header_leaves_out_what_was_not_recorded() -> None:
    doc = council_meeting()
    doc.meeting.ended_at = None
    doc.attendance = [entry for entry in doc.attendance if entry.role is not MemberRole.GUEST]
    doc.attendance = [entry for entry in doc.attendance if entry.name != "Jens Ås"]
    lines = header_lines(build_layout(doc, MINUTES))
    assert not any(line.startswith(("Protokollen", "Desuden")) for line in lines)
    assert "Kim Holm" not in repr(lines)  # an official who sent word is no member's absence


def test_the_end_time_and_attendance_are_placeholders_of_the_minutes_only() -> None:
    minutes = build_layout(council_meeting(), MINUTES).placeholders
    assert minutes["ended_at"] == "20.35"
    assert minutes["others_present"] == "Lise Borg og Jens Ås"
    for edition in AGENDAS:
        agenda = build_layout(council_meeting(), edition).placeholders
        assert agenda["ended_at"] == agenda["others_present"] == agenda["present"] == ""


def test_the_records_follow_the_decision_in_order() -> None:
    assert item_lines(build_layout(council_meeting(), MINUTES), 1) == [
        "# 1 (Åben) Lokalplan 367 for Gyldenlundsvej",
        "Tidligere beslutninger:",
        ".",
        "Beslutninger:",
        "Kommunalbestyrelsen den 31. august 2015",
        "<text>",
        *ITEM_1_RECORDS,
    ]


def test_an_item_with_nothing_recorded_has_no_record_lines() -> None:
    lines = item_lines(build_layout(council_meeting(), MINUTES), 3)
    assert lines[-3:] == ["Beslutninger:", "Kommunalbestyrelsen den 31. august 2015", "<text>"]


def test_only_the_sides_with_voters_are_shown() -> None:
    doc = council_meeting()
    doc.records[0] = ItemRecords(votes=[Vote(0, VoteSide.AGAINST, "Ø")])
    records = item_lines(build_layout(doc, MINUTES), 1)[6:]
    assert records == ["Imod stemte: Ø"]


def test_records_left_blank_show_nothing_and_names_are_cleaned() -> None:
    doc = council_meeting()
    doc.records[0] = ItemRecords(
        absences=[ItemAbsence(0, " ", AbsenceReason.LEFT), ItemAbsence(0, "A\x0bB", note="x\x00")],
        dissents=[Dissent(0, "", ""), Dissent(0, "C", "  "), Dissent(0, "", "Uden navn")],
        votes=[Vote(0, VoteSide.FOR, "\x00"), Vote(0, VoteSide.ABSTAIN, "D\ttabel")],
    )
    assert item_lines(build_layout(doc, MINUTES), 1)[6:] == [
        "Ikke til stede under punktet: A B (inhabil, x)",
        "Undlod at stemme: D tabel",
        "Protokolbemærkning fra C",
        "Protokolbemærkning: Uden navn",
    ]


@pytest.mark.parametrize("edition", AGENDAS, ids=["agenda", "public agenda", "chair's copy"])
def test_no_agenda_shows_any_record(edition: Edition) -> None:
    everything = repr(build_layout(council_meeting(), edition))
    for word in RECORD_WORDS:
        assert word not in everything
    for name in ("Ulrik Borch", "Socialdemokratiet", "Desuden", "20.35", SECRET_NOTE):
        assert name not in everything


# --- the public edition ---------------------------------------------------------------------


def test_a_closed_item_in_the_public_minutes_shows_its_vote_and_absences_not_the_notes() -> None:
    assert item_lines(build_layout(council_meeting(), PUBLIC_MINUTES), 2) == [
        "# 2 (Lukket) Salg af ejendom",
        "Beslutninger:",
        "Kommunalbestyrelsen den 31. august 2015",
        "<text>",
        "Ikke til stede under punktet: Hans Toft (inhabil)",
        "For stemte: Venstre",
        "Imod stemte: Mogens Vad",
        "Protokolbemærkning fra Mogens Vad (ikke offentlig)",
    ]


def test_nothing_of_a_closed_items_notes_reaches_the_public_minutes() -> None:
    everything = repr(build_layout(council_meeting(), PUBLIC_MINUTES))
    assert SECRET_DISSENT not in everything and SECRET_NOTE not in everything
    assert "Prisen er for lav" not in everything


def test_the_full_minutes_show_a_closed_items_notes() -> None:
    lines = item_lines(build_layout(council_meeting(), MINUTES), 2)
    assert f"Ikke til stede under punktet: Hans Toft (inhabil, {SECRET_NOTE} køber)" in lines
    assert f"Protokolbemærkning fra Mogens Vad: Prisen er for lav: {SECRET_DISSENT}." in lines


def test_an_open_item_in_the_public_minutes_shows_everything_recorded() -> None:
    public = item_lines(build_layout(council_meeting(), PUBLIC_MINUTES), 1)
    assert public == item_lines(build_layout(council_meeting(), MINUTES), 1)


def test_the_public_minutes_keep_the_header_block() -> None:
    public = header_lines(build_layout(council_meeting(), PUBLIC_MINUTES))
    assert public[:-1] == header_lines(build_layout(council_meeting(), MINUTES))
    assert public[-1] == "Udgave: Offentlig udgave"


# --- Word -----------------------------------------------------------------------------------


def export(tmp_path: Path, edition: Edition) -> list[str]:
    target = tmp_path / "referat.docx"
    write_docx(build_layout(council_meeting(), edition), target)
    return reader_lines(target)


def test_the_word_minutes_hold_the_header_and_the_records_in_order(tmp_path: Path) -> None:
    lines = export(tmp_path, MINUTES)
    header = [
        "Protokollen blev læst og mødet hævet kl.:\t20.35",
        "Tilstede:\tHans Toft, Pia Nyring og Per B. Andersen",
        "Fraværende:\tMarianne Zangenberg (stedfortræder: Per B. Andersen) og Anne Hjorth",
        "Desuden deltog:\tLise Borg og Jens Ås",
    ]
    start = lines.index(header[0])
    assert lines[start : start + 4] == header
    first = lines.index("Godkendt.")
    assert lines[first + 1 : first + 1 + len(ITEM_1_RECORDS)] == ITEM_1_RECORDS
    assert lines[first + 1 + len(ITEM_1_RECORDS)].startswith("2 (Lukket)")


def test_the_word_public_minutes_withhold_a_closed_items_notes(tmp_path: Path) -> None:
    lines = export(tmp_path, PUBLIC_MINUTES)
    assert "Protokolbemærkning fra Mogens Vad (ikke offentlig)" in lines
    assert "Ikke til stede under punktet: Hans Toft (inhabil)" in lines
    text = "\n".join(lines)
    assert SECRET_DISSENT not in text and SECRET_NOTE not in text
    assert ITEM_1_RECORDS[-2] in lines  # the open item's note is public


def test_the_word_agenda_has_no_records(tmp_path: Path) -> None:
    text = "\n".join(export(tmp_path, Edition("agenda")))
    for word in RECORD_WORDS:
        assert word not in text


# --- the exchange format --------------------------------------------------------------------


def test_the_documented_example_item_reads_as_documented() -> None:
    """docs/exchange-format.md: the example item, and how the minutes show it."""
    docs = (DOCS / "exchange-format.md").read_text(encoding="utf-8")
    example = re.search(r"Example: an item with all four.*?```json\n(.*?)```", docs, re.S)
    shown = re.search(r"In the minutes this item reads:\n\n```text\n(.*?)```", docs, re.S)
    assert example is not None and shown is not None
    data = {
        "format": "secretary-app/meeting",
        "version": 3,
        "committee": {"name": "Kommunalbestyrelsen", "layout": "gentofte"},
        "meeting": {"date": "2015-08-31"},
        "items": [json.loads(example.group(1))],
    }
    doc = parse_meeting(copy.deepcopy(data))
    assert dump_meeting(doc)["items"] == data["items"]
    lines = item_lines(build_layout(doc, MINUTES), 4)
    start = lines.index("Beslutninger:")
    minutes = "\n".join(lines[start:]).replace("<text>", "Godkendt.")
    assert minutes == shown.group(1).rstrip("\n")


names = st.text(min_size=1, max_size=20).map(clean_line).filter(lambda name: bool(visible(name)))
notes = st.text(max_size=20).map(clean_line)
texts = st.text(max_size=80).map(clean_text)


@st.composite
def v2_items(draw: st.DrawFn, number: int) -> dict[str, Any]:
    """An item in canonical version-2 form with random records."""
    reasons = st.sampled_from([reason.value for reason in AbsenceReason])
    absence = st.fixed_dictionaries({"member": names, "reason": reasons, "note": notes})
    dissent = st.fixed_dictionaries({"member": names, "text": texts})
    votes = st.fixed_dictionaries({side.value: st.lists(names, max_size=4) for side in VoteSide})
    return {
        "number": number,
        "title": draw(names),
        "closed": draw(st.booleans()),
        "case_id": "",
        "presenter": "",
        "planned_start": None,
        "duration_minutes": None,
        "summary": "",
        "previous_decisions": "",
        "decision": draw(texts),
        "not_present": draw(st.lists(absence, max_size=3)),
        "votes": draw(votes),
        "dissent": draw(st.lists(dissent, max_size=3)),
        "chair_notes": "",
        "attachments": [],
    }


MEETING_DAY = dt.date(2015, 8, 31)


@st.composite
def approvals(draw: st.DrawFn, item_count: int) -> dict[str, Any]:
    """`approved` and `corrections`: sometimes approved minutes, and corrections only then, each
    on an item of the agenda (numbered from 1) or on the minutes as a whole; dated in order."""
    if not draw(st.booleans()):
        return {"approved": None, "corrections": []}
    approved_on = draw(st.dates(min_value=MEETING_DAY, max_value=dt.date.today()))
    after = dt.datetime.combine(approved_on, dt.time())  # and corrections not before that
    latest = dt.datetime.combine(dt.date.today(), dt.time(23, 59))  # nor in the future
    moment = st.datetimes(min_value=after, max_value=latest).map(
        lambda t: t.isoformat(timespec="minutes")
    )
    on_item = st.none() | st.integers(1, item_count) if item_count else st.none()
    text = texts.map(str.strip).filter(lambda text: bool(visible(text)))
    correction = st.fixed_dictionaries(
        {"at": moment, "item": on_item, "text": text, "reason": notes}
    )
    return {
        "approved": {"at": approved_on.isoformat(), "by": draw(st.lists(names, max_size=4))},
        "corrections": draw(st.lists(correction, max_size=3)),
    }


@st.composite
def v2_documents(draw: st.DrawFn) -> dict[str, Any]:
    clock = st.times().map(lambda t: f"{t.hour:02d}:{t.minute:02d}")
    item_count = draw(st.integers(0, 3))
    return {
        "format": "secretary-app/meeting",
        "version": 2,
        "committee": {"name": draw(names), "kind": "standing"},
        "meeting": {
            "date": MEETING_DAY.isoformat(),
            "start": "18:00",
            "end": None,
            "location": "",
            "title": "",
            "ended_at": draw(st.none() | clock),
            **draw(approvals(item_count)),
        },
        "attendance": [],
        "items": [draw(v2_items(number)) for number in range(1, item_count + 1)],
    }


def as_version_2(dumped: dict[str, Any]) -> dict[str, Any]:
    """A version-3 dump in Gentofte's layout as the version-2 file it came from."""
    old = copy.deepcopy(dumped) | {"version": 2}
    del old["committee"]["layout"]
    for item in old["items"]:
        texts = item.pop("sections")
        del item["public_title"], item["reservations"]
        item.update(
            summary=texts["resume"],
            previous_decisions=texts["tidligere_beslutninger"],
            decision=texts["beslutning"],
        )
    return old


ITEM_ORDER_V2 = [
    *("number", "title", "closed", "case_id", "presenter", "planned_start", "duration_minutes"),
    *("summary", "previous_decisions", "decision", "not_present", "votes", "dissent"),
    *("chair_notes", "attachments"),
]


@given(v2_documents())
def test_a_version_2_document_with_any_records_round_trips(data: dict[str, Any]) -> None:
    before = copy.deepcopy(data)
    doc = parse_meeting(data)
    dumped = dump_meeting(doc)
    assert as_version_2(dumped) == before
    assert dump_meeting(parse_meeting(json.loads(json.dumps(dumped)))) == dumped
    assert all(list(item) == ITEM_ORDER_V2 for item in before["items"])
    minutes = [b.text for b in build_layout(doc, MINUTES).blocks if isinstance(b, Plain)]
    dissents = [d["member"] for item in before["items"] for d in item["dissent"]]
    shown = [line for line in minutes if line.startswith("Protokolbemærkning fra ")]
    assert len(shown) == len(dissents)
    corrections = [line for line in minutes if line.startswith("Rettelse ")]
    assert len(corrections) == len(before["meeting"]["corrections"])
