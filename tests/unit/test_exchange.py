"""The meeting exchange format: the reference meeting, strict checking, and round trips."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from secretary_app.core.exchange import (
    ABSENCE_FIELDS,
    APPROVAL_FIELDS,
    ATTACHMENT_FIELDS,
    ATTENDANCE_FIELDS,
    COMMITTEE_FIELDS,
    CORRECTION_FIELDS,
    DISSENT_FIELDS,
    ITEM_FIELDS,
    MEETING_FIELDS,
    RESERVATION_FIELDS,
    TOP_FIELDS,
    VERSION_2_LAYOUT,
    VERSION_2_TEXTS,
    VOTE_FIELDS,
    ExchangeError,
    MeetingDocument,
    dump_meeting,
    parse_meeting,
)
from secretary_app.core.item_layout import GENTOFTE, STANDARD
from secretary_app.core.json_reader import decode
from secretary_app.core.layout_format import layout_to_json
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
from secretary_app.core.record import Approval, Correction
from secretary_app.core.rich_text import parse_markdown, to_markdown
from secretary_app.core.schedule import end_problem
from secretary_app.core.text import clean_line, clean_text, visible
from secretary_app.store.demo import reference_meeting_json

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "resources" / "reference_meeting.json"
DOCS = ROOT / "docs" / "exchange-format.md"


def reference_text() -> str:
    return REFERENCE.read_text(encoding="utf-8")


def canonical_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


NO_VOTE = {"for": [], "against": [], "abstain": []}
GENTOFTE_JSON = layout_to_json(GENTOFTE)


def gentofte_sections(resume: str = "", earlier: str = "", decision: str = "") -> dict[str, str]:
    return {"resume": resume, "tidligere_beslutninger": earlier, "beslutning": decision}


def small_meeting() -> dict[str, Any]:
    """A valid document in canonical form, with something at every level."""
    return {
        "format": "secretary-app/meeting",
        "version": 3,
        "committee": {
            "name": "Børne- og Skoleudvalget",
            "kind": "standing",
            "layout": copy.deepcopy(GENTOFTE_JSON),
        },
        "meeting": {
            "date": "2024-03-05",
            "start": "16:00",
            "end": "18:30",
            "location": "Rådhuset",
            "title": "Budgetseminar",
            "ended_at": "18:25",
            "approved": {"at": "2024-03-19", "by": ["Anne Jensen", "Eva Lund"]},
            "corrections": [
                {
                    "at": "2024-03-21T09:30",
                    "item": 1,
                    "text": "Eva Lund var stedfortræder for Bo Hansen.",
                    "reason": "Navnet manglede i fremmødet.",
                },
                {
                    "at": "2024-03-22T14:05",
                    "item": None,
                    "text": "Mødet sluttede kl. 18.25.",
                    "reason": "",
                },
            ],
        },
        "attendance": [
            {"name": "Anne Jensen", "role": "chair", "status": "present", "substitute": ""},
            {"name": "Bo Hansen", "role": "member", "status": "absent", "substitute": "Eva Lund"},
        ],
        "items": [
            {
                "number": 1,
                "title": "Godkendelse af dagsorden",
                "public_title": "",
                "closed": False,
                "case_id": "",
                "presenter": "",
                "planned_start": "16:00",
                "duration_minutes": 5,
                "sections": gentofte_sections(decision="Godkendt."),
                "not_present": [
                    {"member": "Anne Jensen", "reason": "inhabil", "note": "er part i sagen"},
                    {"member": "Eva Lund", "reason": "left", "note": ""},
                ],
                "votes": {"for": ["Anne Jensen", "Venstre"], "against": ["Ø"], "abstain": []},
                "dissent": [{"member": "Ø", "text": "Enhedslisten er imod.\nBegrundelse følger."}],
                "reservations": [{"member": "Venstre", "text": "Tager forbehold for økonomien."}],
                "chair_notes": "",
                "attachments": [{"title": "Dagsorden", "public": True}],
            },
            {
                "number": 2,
                "title": "Personalesag",
                "public_title": "Lukket punkt: Personalesag",
                "closed": True,
                "case_id": "EMN-2024-010561",
                "presenter": "v/ Marie Louise",
                "planned_start": None,
                "duration_minutes": None,
                "sections": gentofte_sections(resume="**Fortroligt.**\n\n- a\n- b"),
                "not_present": [],
                "votes": NO_VOTE,
                "dissent": [],
                "reservations": [],
                "chair_notes": "",
                "attachments": [],
            },
        ],
    }


# --- the reference meeting ---------------------------------------------------------------


def test_reference_file_round_trips_exactly() -> None:
    data = json.loads(reference_text())
    assert dump_meeting(parse_meeting(data)) == data
    assert canonical_json(dump_meeting(parse_meeting(data))) == reference_text()


def test_reference_meeting_reads_as_the_reference() -> None:
    doc = parse_meeting(json.loads(reference_text()))
    assert (doc.committee.name, doc.committee.kind) == ("Opgaveudvalg om Innovation", "task")
    assert doc.meeting.date == dt.date(2017, 6, 27)
    assert (doc.meeting.starts_at, doc.meeting.ends_at) == (dt.time(17), dt.time(19))
    assert doc.meeting.first_number == 1
    assert doc.attendance == []
    (first, first_attachments), (second, second_attachments) = doc.items
    assert (first.title, first.case_id, first.closed) == (
        "Tredje møde i Opgaveudvalg om Innovation",
        "EMN-2017-03374",
        False,
    )
    assert (second.title, second.case_id, second.decision) == (
        "Eventuelt",
        "EMN-2017-01714",
        "Intet.",
    )
    assert first_attachments == second_attachments == []


def _blocks(markdown: str) -> list[str]:
    """The block structure markdown-it sees: list and item openings, nested by level."""
    kinds = {"ordered_list_open", "bullet_list_open", "list_item_open", "paragraph_open"}
    tokens = MarkdownIt("commonmark").parse(markdown)
    return ["  " * t.level + t.type.removesuffix("_open") for t in tokens if t.type in kinds]


def test_reference_summary_holds_the_agenda_as_a_nested_numbered_list() -> None:
    summary = parse_meeting(json.loads(reference_text())).items[0][0].text("resume")
    blocks = _blocks(summary)
    assert blocks[:3] == ["paragraph", "paragraph", "ordered_list"]
    assert blocks.count("  list_item") == 5
    assert blocks.count("      list_item") == 2  # 3. a. and b.
    assert "\n   1\\. spor - Borgere" in summary  # item 4's lines are not a list


def test_reference_decision_lists_the_four_tasks() -> None:
    decision = parse_meeting(json.loads(reference_text())).items[0][0].decision
    tokens = MarkdownIt("commonmark").parse(decision)
    lists = [t for t in tokens if t.type == "ordered_list_open" and t.level == 0]
    assert len(lists) == 2
    assert (
        "\n\n1. Forslag til politisk model, der øger innovationskraften\n2. Idekatalog" in decision
    )


def test_reference_texts_are_in_the_canonical_markdown_form() -> None:
    for item, _ in parse_meeting(json.loads(reference_text())).items:
        for text in item.sections.values():
            assert to_markdown(parse_markdown(text)) == text


def test_the_documented_example_is_the_reference_file() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    example = re.search(r"<!-- reference_meeting.json -->\n```json\n(.*?)```", docs, re.S)
    assert example is not None
    assert example.group(1) == reference_text()


# --- strict checking ---------------------------------------------------------------------

Change = Callable[[dict[str, Any]], object]
DELETE = object()


def _set(path: str, value: object) -> Change:
    """A change that sets (or, with value DELETE, removes) the field at a dotted path."""

    def change(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = doc
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        key: Any = int(last) if last.isdigit() else last
        if value is DELETE:
            del target[key]
        else:
            target[key] = value

    return change


def version_2(doc: dict[str, Any]) -> dict[str, Any]:
    """The document as a version-2 file: no layout, an item's three texts in fields of their
    own, no public titles nor reservations."""
    doc["version"] = 2
    doc["committee"].pop("layout", None)
    for item in doc["items"]:
        sections = item.pop("sections", {})
        for field, key in VERSION_2_TEXTS.items():
            item[field] = sections.get(key, "")
        item.pop("public_title", None)
        item.pop("reservations", None)
    return doc


def version_1(doc: dict[str, Any]) -> dict[str, Any]:
    """The document as a version-1 file: marked so, without the fields version 2 added."""
    doc = version_2(doc)
    doc["version"] = 1
    for key in ("ended_at", "approved", "corrections"):
        doc["meeting"].pop(key, None)
    for item in doc["items"]:
        for key in ("not_present", "votes", "dissent"):
            item.pop(key, None)
    return doc


def _marked_version_1(doc: dict[str, Any]) -> None:
    version_2(doc)
    doc["version"] = 1


def _marked_version_1_with_approval(doc: dict[str, Any]) -> None:
    _marked_version_1(doc)
    del doc["meeting"]["ended_at"]


def _marked_version_1_with_records(doc: dict[str, Any]) -> None:
    _marked_version_1(doc)
    for key in ("ended_at", "approved", "corrections"):
        del doc["meeting"][key]


def _marked_version_2(doc: dict[str, Any]) -> None:
    doc["version"] = 2


def _marked_version_2_with_texts(doc: dict[str, Any]) -> None:
    doc["version"] = 2
    del doc["committee"]["layout"]


def _version_3_with_a_summary(doc: dict[str, Any]) -> None:
    doc["items"][1]["summary"] = "Et resumé"


def _layout_without_decision(doc: dict[str, Any]) -> None:
    doc["committee"]["layout"]["sections"].pop()
    doc["committee"]["layout"]["print_empty_sections"] = []


BAD_INPUTS: list[tuple[str, Change, str]] = [
    ("not an object", lambda doc: ["kun", "en", "liste"], ""),
    ("a string", lambda doc: "møde", ""),
    ("wrong format", _set("format", "secretary-app/agenda"), "format"),
    ("format missing", _set("format", DELETE), "format"),
    ("version 4", _set("version", 4), "version"),
    ("version 0", _set("version", 0), "version"),
    ("version as text", _set("version", "1"), "version"),
    ("version missing", _set("version", DELETE), "version"),
    ("committee missing", _set("committee", DELETE), "committee"),
    ("committee name missing", _set("committee.name", DELETE), "committee.name"),
    ("committee not an object", _set("committee", "Udvalget"), "committee"),
    ("unknown kind", _set("committee.kind", "permanent"), "committee.kind"),
    ("meeting date missing", _set("meeting.date", DELETE), "meeting.date"),
    ("impossible date", _set("meeting.date", "2017-13-45"), "meeting.date"),
    ("29 February in 2017", _set("meeting.date", "2017-02-29"), "meeting.date"),
    ("date without dashes", _set("meeting.date", "20170627"), "meeting.date"),
    ("Danish date", _set("meeting.date", "27.06.2017"), "meeting.date"),
    ("impossible time", _set("meeting.start", "25:00"), "meeting.start"),
    ("time with dot", _set("meeting.end", "19.00"), "meeting.end"),
    ("time without zero", _set("meeting.start", "9:00"), "meeting.start"),
    ("time as number", _set("meeting.start", 1600), "meeting.start"),
    ("unknown top-level field", _set("colour", "blå"), "colour"),
    ("unknown committee field", _set("committee.id", 7), "committee.id"),
    ("unknown meeting field", _set("meeting.room", "G"), "meeting.room"),
    ("meeting title not text", _set("meeting.title", 7), "meeting.title"),
    ("meeting title null", _set("meeting.title", None), "meeting.title"),
    ("unknown attendance field", _set("attendance.0.party", "V"), "attendance[0].party"),
    ("unknown item field", _set("items.1.background", "x"), "items[1].background"),
    (
        "unknown attachment field",
        _set("items.0.attachments.0.file", "a.pdf"),
        "items[0].attachments[0].file",
    ),
    ("unknown status", _set("attendance.1.status", "syg"), "attendance[1].status"),
    ("unknown role", _set("attendance.0.role", "formand"), "attendance[0].role"),
    ("attendance name missing", _set("attendance.1.name", DELETE), "attendance[1].name"),
    ("attendance name empty", _set("attendance.0.name", ""), "attendance[0].name"),
    ("attendance name only blanks", _set("attendance.1.name", " \t "), "attendance[1].name"),
    ("attendance name not text", _set("attendance.0.name", None), "attendance[0].name"),
    ("attendance not a list", _set("attendance", {}), "attendance"),
    ("items not a list", _set("items", "1, 2"), "items"),
    ("item not an object", _set("items.1", "Eventuelt"), "items[1]"),
    ("missing title", _set("items.1.title", DELETE), "items[1].title"),
    ("empty title", _set("items.1.title", ""), "items[1].title"),
    ("title only blanks", _set("items.1.title", " \t\n "), "items[1].title"),
    ("empty committee name", _set("committee.name", " "), "committee.name"),
    ("title only control characters", _set("items.1.title", "\x00\x01"), "items[1].title"),
    ("title not text", _set("items.0.title", 42), "items[0].title"),
    ("closed as yes", _set("items.0.closed", "yes"), "items[0].closed"),
    ("closed as 1", _set("items.0.closed", 1), "items[0].closed"),
    ("public as no", _set("items.0.attachments.0.public", "no"), "items[0].attachments[0].public"),
    (
        "attachment title missing",
        _set("items.0.attachments.0.title", DELETE),
        "items[0].attachments[0].title",
    ),
    (
        "attachment title empty",
        _set("items.0.attachments.0.title", ""),
        "items[0].attachments[0].title",
    ),
    (
        "attachment title only control characters",
        _set("items.0.attachments.0.title", "\x0b\x00 "),
        "items[0].attachments[0].title",
    ),
    ("numbers skip", _set("items.1.number", 3), "items[1].number"),
    ("numbers repeat", _set("items.1.number", 1), "items[1].number"),
    ("number zero", _set("items.0.number", 0), "items[0].number"),
    ("number as text", _set("items.0.number", "1"), "items[0].number"),
    ("number as float", _set("items.0.number", 1.0), "items[0].number"),
    ("negative duration", _set("items.0.duration_minutes", -5), "items[0].duration_minutes"),
    ("duration as bool", _set("items.0.duration_minutes", True), "items[0].duration_minutes"),
    ("bad planned start", _set("items.0.planned_start", "16:60"), "items[0].planned_start"),
    ("section not text", _set("items.1.sections.resume", ["a"]), "items[1].sections.resume"),
    ("sections not an object", _set("items.1.sections", "tekst"), "items[1].sections"),
    ("unknown section", _set("items.0.sections.indstilling", "x"), "items[0].sections.indstilling"),
    ("v2 text field in a v3 file", _version_3_with_a_summary, "items[1].summary"),
    ("public title not text", _set("items.1.public_title", None), "items[1].public_title"),
    # version 3: the committee's item layout, reservations
    ("layout missing", _set("committee.layout", DELETE), "committee.layout"),
    ("unknown layout key", _set("committee.layout", "skive"), "committee.layout"),
    ("layout as a number", _set("committee.layout", 3), "committee.layout"),
    ("layout without a name", _set("committee.layout.name", DELETE), "committee.layout.name"),
    (
        "unknown layout field",
        _set("committee.layout.colour", "blå"),
        "committee.layout.colour",
    ),
    (
        "heading without the title",
        _set("committee.layout.heading", "{number}"),
        "committee.layout.heading",
    ),
    (
        "heading with an unknown placeholder",
        _set("committee.layout.heading", "{number} {titel}"),
        "committee.layout.heading",
    ),
    ("layout without a decision", _layout_without_decision, "committee.layout.sections"),
    (
        "section key with capitals",
        _set("committee.layout.sections.0.key", "Resume"),
        "committee.layout.sections[0].key",
    ),
    (
        "unknown section kind",
        _set("committee.layout.sections.0.kind", "tekst"),
        "committee.layout.sections[0].kind",
    ),
    (
        "print empty names no section",
        _set("committee.layout.print_empty_sections", ["bilag"]),
        "committee.layout.print_empty_sections",
    ),
    (
        "reservation member empty",
        _set("items.0.reservations.0.member", " "),
        "items[0].reservations[0].member",
    ),
    (
        "unknown reservation field",
        _set("items.0.reservations.0.at", "x"),
        "items[0].reservations[0].at",
    ),
    ("reservations not a list", _set("items.1.reservations", {}), "items[1].reservations"),
    ("case id null", _set("items.1.case_id", None), "items[1].case_id"),
    # version 2: end time, who was not there, votes, dissent
    ("end time 25:00", _set("meeting.ended_at", "25:00"), "meeting.ended_at"),
    ("end time with dot", _set("meeting.ended_at", "20.35"), "meeting.ended_at"),
    ("end time as number", _set("meeting.ended_at", 2035), "meeting.ended_at"),
    (
        "unknown absence reason",
        _set("items.0.not_present.0.reason", "syg"),
        "items[0].not_present[0].reason",
    ),
    (
        "absence reason in Danish",
        _set("items.0.not_present.1.reason", "forlod mødet"),
        "items[0].not_present[1].reason",
    ),
    (
        "absence reason missing",
        _set("items.0.not_present.0.reason", DELETE),
        "items[0].not_present[0].reason",
    ),
    (
        "absent member empty",
        _set("items.0.not_present.1.member", " \x0b "),
        "items[0].not_present[1].member",
    ),
    (
        "absent member missing",
        _set("items.0.not_present.0.member", DELETE),
        "items[0].not_present[0].member",
    ),
    (
        "unknown absence field",
        _set("items.0.not_present.0.since", "19:10"),
        "items[0].not_present[0].since",
    ),
    ("absence not an object", _set("items.0.not_present.0", "Anne"), "items[0].not_present[0]"),
    ("not_present not a list", _set("items.1.not_present", {}), "items[1].not_present"),
    ("unknown field in a dissent", _set("items.0.dissent.0.date", "x"), "items[0].dissent[0].date"),
    ("dissent member empty", _set("items.0.dissent.0.member", ""), "items[0].dissent[0].member"),
    (
        "dissent member missing",
        _set("items.0.dissent.0.member", DELETE),
        "items[0].dissent[0].member",
    ),
    ("dissent text not text", _set("items.0.dissent.0.text", None), "items[0].dissent[0].text"),
    ("dissent not a list", _set("items.1.dissent", "Ø er imod"), "items[1].dissent"),
    ("unknown vote side", _set("items.0.votes.imod", ["Ø"]), "items[0].votes.imod"),
    ("vote side blank", _set("items.0.votes.blank", []), "items[0].votes.blank"),
    ("votes as a list", _set("items.0.votes", ["Ø"]), "items[0].votes"),
    ("votes null", _set("items.0.votes", None), "items[0].votes"),
    ("voters not a list", _set("items.0.votes.for", "Venstre"), "items[0].votes.for"),
    ("voter empty", _set("items.0.votes.for.1", " "), "items[0].votes.for[1]"),
    ("voter not text", _set("items.0.votes.against.0", 3), "items[0].votes.against[0]"),
    # version 1 files hold none of the fields of version 2, version 2 none of version 3
    ("v2 fields in a v1 file", _marked_version_1, "meeting.ended_at"),
    ("v2 approval in a v1 file", _marked_version_1_with_approval, "meeting.approved"),
    ("v2 item fields in a v1 file", _marked_version_1_with_records, "items[0].not_present"),
    ("v3 layout in a v2 file", _marked_version_2, "committee.layout"),
    ("v3 sections in a v2 file", _marked_version_2_with_texts, "items[0].public_title"),
]


@pytest.mark.parametrize(
    ("change", "field"),
    [pytest.param(change, field, id=name) for name, change, field in BAD_INPUTS],
)
def test_bad_input_names_the_field(change: Change, field: str) -> None:
    doc = small_meeting()
    changed = change(doc)
    with pytest.raises(ExchangeError) as caught:
        parse_meeting(doc if changed is None else changed)
    assert caught.value.field == field
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith(f"{field}: " if field else "dokumentet ")


def test_error_message_is_one_danish_line() -> None:
    doc = small_meeting()
    doc["meeting"]["date"] = "2017-13-45"
    with pytest.raises(ExchangeError) as caught:
        parse_meeting(doc)
    assert str(caught.value) == 'meeting.date: "2017-13-45" er ikke en gyldig dato (ÅÅÅÅ-MM-DD)'
    assert isinstance(caught.value, ValueError)


def test_error_message_keeps_a_long_or_multiline_value_on_one_line() -> None:
    doc = small_meeting()
    doc["format"] = "første linje\nanden linje " + "x" * 200
    with pytest.raises(ExchangeError) as caught:
        parse_meeting(doc)
    assert "\n" not in str(caught.value)
    assert len(str(caught.value)) < 120


def test_a_newer_version_is_reported_as_such_before_its_new_fields() -> None:
    doc = small_meeting()
    doc["version"] = 4
    doc["signatures"] = []
    with pytest.raises(ExchangeError) as caught:
        parse_meeting(doc)
    assert caught.value.field == "version"
    assert caught.value.problem == "4 kan ikke læses; dette program læser version 1, 2 og 3"


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("meeting.ended_at", None),
        ("meeting.approved", None),
        ("meeting.approved", {"at": "2024-03-19", "by": ["Anne Jensen"]}),
        ("meeting.corrections", []),
        ("items.1.not_present", []),
        ("items.0.votes", {}),
        ("items.1.dissent", []),
    ],
)
def test_a_version_1_file_with_a_field_of_version_2_names_both_versions(
    path: str, value: object
) -> None:
    doc = version_1(small_meeting())
    _set(path, value)(doc)
    with pytest.raises(ExchangeError) as caught:
        parse_meeting(doc)
    field = re.sub(r"\.(\d+)\.", r"[\1].", path)
    assert str(caught.value) == f"{field}: findes først i version 2 af formatet; filen er version 1"


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("committee.layout", "gentofte"),
        ("items.0.sections", {}),
        ("items.1.public_title", ""),
        ("items.1.reservations", []),
    ],
)
def test_a_version_2_file_with_a_field_of_version_3_names_both_versions(
    path: str, value: object
) -> None:
    doc = version_2(small_meeting())
    _set(path, value)(doc)
    with pytest.raises(ExchangeError) as caught:
        parse_meeting(doc)
    field = re.sub(r"\.(\d+)\.", r"[\1].", path)
    assert str(caught.value) == f"{field}: findes først i version 3 af formatet; filen er version 2"


def test_a_version_2_file_reads_in_the_gentofte_layout_and_dumps_as_version_3() -> None:
    old = version_2(small_meeting())
    doc = parse_meeting(copy.deepcopy(old))
    assert doc.layout == VERSION_2_LAYOUT == GENTOFTE
    assert doc.items[1][0].sections == {"resume": "**Fortroligt.**\n\n- a\n- b"}
    assert doc.items[0][0].decision == "Godkendt."
    dumped: dict[str, Any] = dump_meeting(doc)
    assert dumped["version"] == 3
    assert dumped["committee"]["layout"] == GENTOFTE_JSON
    assert dumped["items"][1]["sections"] == gentofte_sections("**Fortroligt.**\n\n- a\n- b")
    assert [item["reservations"] for item in dumped["items"]] == [[], []]
    assert version_2(dumped) == old


def test_a_layout_is_named_by_key_or_given_whole() -> None:
    doc = small_meeting()
    doc["committee"]["layout"] = "standard"
    for item in doc["items"]:
        item["sections"] = {"indstilling": "At udvalget godkender.", "beslutning": "Godkendt."}
    parsed = parse_meeting(doc)
    assert parsed.layout == STANDARD
    assert parsed.items[0][0].sections == {
        "indstilling": "At udvalget godkender.",
        "beslutning": "Godkendt.",
    }
    dumped: dict[str, Any] = dump_meeting(parsed)
    assert dumped["committee"]["layout"] == layout_to_json(STANDARD)
    assert list(dumped["items"][0]["sections"]) == STANDARD.section_keys()
    assert parse_meeting(dumped).layout == STANDARD


def test_a_saved_layout_is_named_by_its_key_when_given() -> None:
    doc = small_meeting()
    doc["committee"]["layout"] = "vores"
    mine = GENTOFTE.__class__(**{**GENTOFTE.__dict__, "name": "Vores"})
    assert parse_meeting(doc, {"vores": mine}).layout == mine
    with pytest.raises(ExchangeError, match='"vores" er ikke en kendt punktopbygning'):
        parse_meeting(doc)


def test_a_version_1_file_reads_with_nothing_recorded_and_dumps_as_version_3() -> None:
    old = version_1(small_meeting())
    doc = parse_meeting(copy.deepcopy(old))
    assert doc.meeting.ended_at is None
    assert doc.records == [ItemRecords(), ItemRecords()]
    assert (doc.approval, doc.corrections) == (None, [])
    dumped: dict[str, Any] = dump_meeting(doc)
    assert dumped["version"] == 3
    assert dumped["meeting"]["ended_at"] is None
    assert (dumped["meeting"]["approved"], dumped["meeting"]["corrections"]) == (None, [])
    records = [(item["not_present"], item["votes"], item["dissent"]) for item in dumped["items"]]
    assert records == [([], NO_VOTE, [])] * 2
    assert version_1(dumped) == old


def test_version_2_records_are_read_in_order_with_positions() -> None:
    doc = parse_meeting(small_meeting())
    records = doc.records_of(0)
    assert records.absences == [
        ItemAbsence(0, "Anne Jensen", AbsenceReason.DISQUALIFIED, "er part i sagen", 0),
        ItemAbsence(0, "Eva Lund", AbsenceReason.LEFT, "", 1),
    ]
    assert records.votes == [
        Vote(0, VoteSide.FOR, "Anne Jensen", 0),
        Vote(0, VoteSide.FOR, "Venstre", 1),
        Vote(0, VoteSide.AGAINST, "Ø", 2),
    ]
    assert records.dissents == [Dissent(0, "Ø", "Enhedslisten er imod.\nBegrundelse følger.", 0)]
    assert records.reservations == [Reservation(0, "Venstre", "Tager forbehold for økonomien.", 0)]
    assert doc.records_of(1) == ItemRecords()
    assert doc.items[1][0].public_title == "Lukket punkt: Personalesag"
    assert doc.meeting.ended_at == dt.time(18, 25)


def test_the_approval_and_the_corrections_are_read_in_order() -> None:
    doc = parse_meeting(small_meeting())
    assert doc.approval == Approval(0, dt.date(2024, 3, 19), ["Anne Jensen", "Eva Lund"])
    assert doc.corrections == [
        Correction(
            0,
            "Eva Lund var stedfortræder for Bo Hansen.",
            "Navnet manglede i fremmødet.",
            dt.datetime(2024, 3, 21, 9, 30),
            1,
        ),
        Correction(0, "Mødet sluttede kl. 18.25.", "", dt.datetime(2024, 3, 22, 14, 5), None),
    ]


def test_record_fields_are_optional_and_cleaned() -> None:
    item = {
        "title": "x",
        "not_present": [{"member": " Anne\x0bJensen ", "reason": "arrived_late"}],
        "votes": {"abstain": ["  Ø\x00 "]},
        "dissent": [{"member": "Ø"}, {"member": "V", "text": "a\r\nb\x0c"}],
    }
    records = parse_meeting(minimal_meeting(items=[item, {"title": "y", "votes": {}}])).records
    assert records[0].absences == [ItemAbsence(0, "Anne Jensen", AbsenceReason.ARRIVED_LATE)]
    assert records[0].votes == [Vote(0, VoteSide.ABSTAIN, "Ø", 0)]
    assert records[0].dissents == [Dissent(0, "Ø", "", 0), Dissent(0, "V", "a\nb\n", 1)]
    assert records[1] == ItemRecords()


def test_unknown_field_message_lists_the_known_ones() -> None:
    doc = small_meeting()
    doc["items"][0]["attachments"][0]["file"] = "a.pdf"
    with pytest.raises(ExchangeError, match="ukendt felt .*title, public"):
        parse_meeting(doc)


# --- defaults, numbering, cleaning -------------------------------------------------------


def minimal_meeting(**items: Any) -> dict[str, Any]:
    return {
        "format": "secretary-app/meeting",
        "version": 3,
        "committee": {"name": "Økonomiudvalget", "layout": "gentofte"},
        "meeting": {"date": "2013-06-10"},
        **items,
    }


def test_missing_optional_fields_take_their_defaults() -> None:
    doc = parse_meeting(
        minimal_meeting(
            attendance=[{"name": "Anne Jensen"}],
            items=[{"title": "Eventuelt", "attachments": [{"title": "Bilag 1"}]}],
        )
    )
    assert doc.committee == Committee(name="Økonomiudvalget", kind=CommitteeKind.STANDING)
    assert doc.meeting == Meeting(committee_id=0, date=dt.date(2013, 6, 10))
    assert doc.meeting.title == ""
    assert doc.attendance == [AttendanceEntry(meeting_id=0, name="Anne Jensen")]
    assert doc.items == [
        (Item(meeting_id=0, title="Eventuelt"), [Attachment(item_id=0, title="Bilag 1")])
    ]


def test_the_meeting_title_is_read_cleaned_and_written_back() -> None:
    data = minimal_meeting()
    data["meeting"]["title"] = "  Budget\x0bseminar\x00 "
    doc = parse_meeting(data)
    assert doc.meeting.title == clean_line("  Budget\x0bseminar\x00 ")
    assert "\x00" not in doc.meeting.title and "\x0b" not in doc.meeting.title
    assert dump_meeting(doc)["meeting"]["title"] == doc.meeting.title  # type: ignore[index]


@pytest.mark.parametrize(
    ("data", "field", "problem"),
    [
        (minimal_meeting(attendance=[{"role": "chair"}]), "attendance[0].name", "mangler"),
        (minimal_meeting(attendance=[{"name": " "}]), "attendance[0].name", "må ikke være tom"),
        (
            minimal_meeting(items=[{"title": "x", "attachments": [{"public": False}]}]),
            "items[0].attachments[0].title",
            "mangler",
        ),
        (
            minimal_meeting(items=[{"title": "x", "attachments": [{"title": "\x00"}]}]),
            "items[0].attachments[0].title",
            "må ikke være tom",
        ),
    ],
    ids=["name missing", "name empty", "attachment title missing", "attachment title empty"],
)
def test_attendance_names_and_attachment_titles_are_required(
    data: dict[str, Any], field: str, problem: str
) -> None:
    with pytest.raises(ExchangeError) as caught:
        parse_meeting(data)
    assert (caught.value.field, caught.value.problem) == (field, problem)
    assert str(caught.value) == f"{field}: {problem}"


def test_a_meeting_without_items_is_valid() -> None:
    doc = parse_meeting(minimal_meeting())
    assert doc.items == [] and doc.attendance == []
    assert dump_meeting(doc)["items"] == []


def test_dump_writes_every_field_in_the_documented_order() -> None:
    data = minimal_meeting(
        attendance=[{"name": "Anne Jensen"}],
        items=[{"title": "Eventuelt", "attachments": [{"title": "Bilag 1"}]}],
    )
    dumped = dump_meeting(parse_meeting(data))
    assert tuple(dumped) == TOP_FIELDS
    assert tuple(dumped["committee"]) == COMMITTEE_FIELDS  # type: ignore[arg-type]
    assert tuple(dumped["meeting"]) == MEETING_FIELDS  # type: ignore[arg-type]
    assert tuple(dumped["attendance"][0]) == ATTENDANCE_FIELDS  # type: ignore[index]
    item = dumped["items"][0]  # type: ignore[index]
    assert tuple(item) == ITEM_FIELDS
    assert tuple(item["attachments"][0]) == ATTACHMENT_FIELDS
    assert (item["not_present"], item["votes"], item["dissent"]) == ([], NO_VOTE, [])
    assert item["sections"] == gentofte_sections() and item["reservations"] == []
    assert dumped["meeting"] == {
        "date": "2013-06-10",
        "start": None,
        "end": None,
        "location": "",
        "title": "",
        "ended_at": None,
        "approved": None,
        "corrections": [],
    }
    assert MEETING_FIELDS[-3:] == ("ended_at", "approved", "corrections")
    whole = dump_meeting(parse_meeting(small_meeting()))
    full = whole["items"][0]  # type: ignore[index]
    assert tuple(full["not_present"][0]) == ABSENCE_FIELDS
    assert tuple(full["votes"]) == VOTE_FIELDS == ("for", "against", "abstain")
    assert tuple(full["dissent"][0]) == DISSENT_FIELDS
    assert tuple(full["reservations"][0]) == RESERVATION_FIELDS == ("member", "text")
    meeting: dict[str, Any] = whole["meeting"]  # type: ignore[assignment]
    assert tuple(meeting["approved"]) == APPROVAL_FIELDS == ("at", "by")
    assert tuple(meeting["corrections"][0]) == CORRECTION_FIELDS == ("at", "item", "text", "reason")


def test_positions_follow_the_document_order() -> None:
    titles = [{"title": t, "attachments": [{"title": "a"}, {"title": "b"}]} for t in "xyz"]
    doc = parse_meeting(minimal_meeting(items=titles, attendance=[{"name": "A"}, {"name": "B"}]))
    assert [item.position for item, _ in doc.items] == [0, 1, 2]
    assert [a.position for a in doc.items[2][1]] == [0, 1]
    assert [e.position for e in doc.attendance] == [0, 1]


@pytest.mark.parametrize(
    ("numbers", "first"),
    [
        ([None, None, None], 1),
        ([7, 8, 9], 7),
        ([7, None, 9], 7),
        ([None, 8, None], 7),
        ([None, None, 3], 1),
    ],
)
def test_item_numbers_set_the_first_number(numbers: list[int | None], first: int) -> None:
    items = [{"title": "x"} | ({} if n is None else {"number": n}) for n in numbers]
    doc = parse_meeting(minimal_meeting(items=items))
    assert doc.meeting.first_number == first
    assert [i["number"] for i in dump_meeting(doc)["items"]] == [first, first + 1, first + 2]  # type: ignore[attr-defined]


def test_a_number_too_small_for_its_place_is_refused() -> None:
    with pytest.raises(ExchangeError, match="mindst 2") as caught:
        parse_meeting(minimal_meeting(items=[{"title": "x"}, {"title": "y", "number": 1}]))
    assert caught.value.field == "items[1].number"


def test_strings_are_cleaned_at_the_boundary() -> None:
    raw_title, raw_text = "Tale\x0bmed\x00 linjeskift", "Linje et\r\nLinje to\x0c"
    items = [{"title": raw_title, "public_title": raw_title, "sections": {"resume": raw_text}}]
    doc = parse_meeting(minimal_meeting(items=items))
    item = doc.items[0][0]
    assert (item.title, item.text("resume")) == (clean_line(raw_title), clean_text(raw_text))
    assert item.public_title == item.title
    assert "\x00" not in item.title and "\r" not in item.text("resume")


def test_null_is_absent_only_for_times_durations_and_numbers() -> None:
    items = [{"title": "x", "number": None, "planned_start": None, "duration_minutes": None}]
    doc = parse_meeting(minimal_meeting(items=items))
    assert doc.items[0][0].planned_start is None and doc.meeting.first_number == 1


def test_dump_ignores_archive_ids_and_uses_list_order() -> None:
    records = ItemRecords(
        absences=[ItemAbsence(3, "B", AbsenceReason.LEFT, position=9, id=1)],
        dissents=[Dissent(3, "D", "nej", position=4, id=2), Dissent(3, "C", "", 1, 3)],
        votes=[Vote(3, VoteSide.AGAINST, "X", 0, 5), Vote(3, VoteSide.FOR, "Y", 1, 6)],
    )
    doc = MeetingDocument(
        committee=Committee(name="U", id=4),
        meeting=Meeting(committee_id=4, date=dt.date(2025, 1, 2), first_number=12, id=9),
        items=[(Item(meeting_id=9, title="B", position=5, id=3), [])],
        records=[records],
    )
    dumped = dump_meeting(doc)
    item = dumped["items"][0]  # type: ignore[index]
    assert item["number"] == 12
    assert dumped["committee"] == {"name": "U", "kind": "standing", "layout": GENTOFTE_JSON}
    assert item["not_present"] == [{"member": "B", "reason": "left", "note": ""}]
    assert item["dissent"] == [{"member": "D", "text": "nej"}, {"member": "C", "text": ""}]
    assert item["votes"] == {"for": ["Y"], "against": ["X"], "abstain": []}


def test_an_item_without_records_in_the_document_dumps_empty_records() -> None:
    doc = MeetingDocument(
        committee=Committee(name="U"),
        meeting=Meeting(committee_id=0, date=dt.date(2025, 1, 2)),
        items=[(Item(0, "A"), []), (Item(0, "B", position=1), [])],
        records=[ItemRecords(dissents=[Dissent(0, "D", "x")])],
    )
    dumped = dump_meeting(doc)["items"]
    assert [len(item["dissent"]) for item in dumped] == [1, 0]  # type: ignore[attr-defined]


# --- round trips -------------------------------------------------------------------------

lines = st.text(max_size=30).map(clean_line)
titles = lines.filter(lambda line: bool(visible(line)))
texts = st.text(max_size=200).map(clean_text)
times = st.none() | st.times().map(lambda t: t.replace(second=0, microsecond=0))
# A correction's text: cleaned, without blanks at either end, and never empty.
correction_texts = texts.map(str.strip).filter(lambda text: bool(visible(text)))
minutes = st.datetimes().map(lambda t: t.replace(second=0, microsecond=0))


@st.composite
def attendance_entries(draw: st.DrawFn, position: int) -> AttendanceEntry:
    return AttendanceEntry(
        meeting_id=0,
        name=draw(titles),
        role=draw(st.sampled_from(MemberRole)),
        status=draw(st.sampled_from(AttendanceStatus)),
        substitute=draw(lines),
        position=position,
    )


@st.composite
def attachments(draw: st.DrawFn) -> list[Attachment]:
    count = draw(st.integers(0, 3))
    return [
        Attachment(item_id=0, title=draw(titles), public=draw(st.booleans()), position=i)
        for i in range(count)
    ]


@st.composite
def item_records(draw: st.DrawFn) -> ItemRecords:
    """Records as the format holds them: votes grouped by side, positions in list order."""
    absences = [
        ItemAbsence(0, draw(titles), draw(st.sampled_from(AbsenceReason)), draw(lines), i)
        for i in range(draw(st.integers(0, 3)))
    ]
    dissents = [Dissent(0, draw(titles), draw(texts), i) for i in range(draw(st.integers(0, 2)))]
    sides = [side for side in VoteSide for _ in range(draw(st.integers(0, 3)))]
    votes = [Vote(0, side, draw(titles), i) for i, side in enumerate(sides)]
    count = draw(st.integers(0, 2))
    reservations = [Reservation(0, draw(titles), draw(texts), i) for i in range(count)]
    return ItemRecords(absences, dissents, votes, reservations)


@st.composite
def items(draw: st.DrawFn, position: int) -> tuple[Item, list[Attachment]]:
    item = Item(
        meeting_id=0,
        title=draw(titles),
        closed=draw(st.booleans()),
        case_id=draw(lines),
        presenter=draw(lines),
        planned_start=draw(times),
        duration_minutes=draw(st.none() | st.integers(0, 10_000)),
        sections=_non_empty({key: draw(texts) for key in GENTOFTE.section_keys()}),
        public_title=draw(lines),
        chair_notes=draw(texts),
        position=position,
    )
    return item, draw(attachments())


def _non_empty(texts: dict[str, str]) -> dict[str, str]:
    """An item's texts as parsed: only the sections that hold text."""
    return {key: text for key, text in texts.items() if text}


@st.composite
def record(
    draw: st.DrawFn, numbers: range, meeting_day: dt.date
) -> tuple[Approval | None, list[Correction]]:
    """Sometimes an approval, from the meeting's day to today; corrections only with one, not
    before it, each on an agenda item or none."""
    if not draw(st.booleans()) or meeting_day > dt.date.today():
        return None, []
    approved_on = draw(st.dates(min_value=meeting_day, max_value=dt.date.today()))
    approval = Approval(0, approved_on, draw(st.lists(titles, max_size=4)))
    on_item = st.none() | st.sampled_from(numbers) if numbers else st.none()
    made_at = st.datetimes(
        min_value=dt.datetime.combine(approved_on, dt.time()),
        max_value=dt.datetime.combine(dt.date.today(), dt.time(23, 59)),
    ).map(lambda t: t.replace(second=0, microsecond=0))
    corrections = [
        Correction(0, draw(correction_texts), draw(lines), draw(made_at), draw(on_item))
        for _ in range(draw(st.integers(0, 3)))
    ]
    return approval, corrections


@st.composite
def documents(draw: st.DrawFn) -> MeetingDocument:
    agenda = [draw(items(i)) for i in range(draw(st.integers(0, 5)))]
    starts_at = draw(times)
    ends_at = draw(times.filter(lambda end: not end_problem(starts_at, end)))
    meeting = Meeting(
        committee_id=0,
        date=draw(st.dates()),
        starts_at=starts_at,
        ends_at=ends_at,
        location=draw(lines),
        title=draw(lines),
        ended_at=draw(times),
        # The format holds the first number in the first item: with no items, it is 1.
        first_number=draw(st.integers(1, 99_990)) if agenda else 1,
    )
    approval, corrections = draw(
        record(range(meeting.first_number, meeting.first_number + len(agenda)), meeting.date)
    )
    return MeetingDocument(
        committee=Committee(name=draw(titles), kind=draw(st.sampled_from(CommitteeKind))),
        meeting=meeting,
        attendance=[draw(attendance_entries(i)) for i in range(draw(st.integers(0, 4)))],
        items=agenda,
        records=[draw(item_records()) for _ in agenda],
        approval=approval,
        corrections=corrections,
    )


@given(documents())
def test_valid_documents_round_trip(doc: MeetingDocument) -> None:
    original = copy.deepcopy(doc)
    text = json.dumps(dump_meeting(doc), ensure_ascii=False)
    assert parse_meeting(json.loads(text)) == original
    assert doc == original  # dumping does not change the document


@given(documents())
def test_dump_of_a_parsed_dump_is_stable(doc: MeetingDocument) -> None:
    dumped = dump_meeting(doc)
    assert dump_meeting(parse_meeting(copy.deepcopy(dumped))) == dumped


def test_parse_does_not_change_its_input() -> None:
    doc = small_meeting()
    before = copy.deepcopy(doc)
    parsed = parse_meeting(doc)
    assert doc == before
    assert dump_meeting(parsed) == before


# --- the format exactly as documented (issue 10, point 12) -----------------------------------


@pytest.mark.parametrize("name", ["\ufeff", "\u200b", " \u200e\u200b "])
def test_a_name_of_only_invisible_characters_is_empty(name: str) -> None:
    with pytest.raises(ExchangeError, match="må ikke være tom"):
        parse_meeting(minimal_meeting(items=[{"title": name}]))


def test_a_meeting_may_not_end_before_it_starts() -> None:
    data = minimal_meeting()
    data["meeting"].update(start="17:00", end="16:30")
    with pytest.raises(ExchangeError) as caught:
        parse_meeting(data)
    assert str(caught.value) == "meeting.end: slutter kl. 16.30, før mødet begynder kl. 17.00"


def test_a_correction_may_not_be_dated_in_the_future() -> None:
    doc = small_meeting()
    doc["meeting"]["corrections"][1]["at"] = "2999-01-01T10:00"
    with pytest.raises(ExchangeError, match="en dag der ikke er kommet endnu") as caught:
        parse_meeting(doc)
    assert caught.value.field == "meeting.corrections[1].at"


def test_numbers_following_on_past_the_largest_are_refused() -> None:
    items = [{"title": "x", "number": 99_998}, {"title": "y"}, {"title": "z"}]
    with pytest.raises(ExchangeError) as caught:
        parse_meeting(minimal_meeting(items=items))
    assert caught.value.field == "items[2].number"
    dumped = dump_meeting(parse_meeting(minimal_meeting(items=items[:2])))
    assert parse_meeting(dumped).meeting.first_number == 99_998  # what loads, dumps and loads


@pytest.mark.parametrize(
    ("pair", "field"),
    [
        ('"format": "secretary-app/meeting"', "format"),
        ('"date": "2017-06-27"', "meeting.date"),
        ('"name": "Opgaveudvalg om Innovation"', "committee.name"),
        ('"title": "Eventuelt"', "items[1].title"),
        ('"key": "resume"', "committee.layout.sections[0].key"),
    ],
)
def test_a_key_given_twice_is_refused_naming_the_field(pair: str, field: str) -> None:
    """json.loads keeps the last of two equal keys; which one the writer meant is a guess."""
    text = json.dumps(reference_meeting_json(), ensure_ascii=False)
    assert pair in text
    doubled = text.replace(pair, f"{pair}, {pair}", 1)
    with pytest.raises(ExchangeError) as caught:
        parse_meeting(decode(doubled))
    assert str(caught.value) == f"{field}: står to gange i samme objekt"


def test_decoded_json_without_repeated_keys_is_plain() -> None:
    text = json.dumps(reference_meeting_json(), ensure_ascii=False)
    assert decode(text) == json.loads(text)
    assert dump_meeting(parse_meeting(decode(text))) == reference_meeting_json()


@pytest.mark.parametrize(
    ("path", "field"),
    [(("items", 0, "title"), "items[0].title"), (("committee", "name"), "committee.name")],
)
def test_a_one_line_field_over_500_characters_is_refused(path, field) -> None:
    data = reference_meeting_json()
    *parents, key = path
    target = data
    for step in parents:
        target = target[step]
    target[key] = "x" * 501
    with pytest.raises(ExchangeError) as caught:
        parse_meeting(data)
    assert str(caught.value) == f"{field}: er 501 tegn lang; højst 500"
    target[key] = "x" * 500
    assert parse_meeting(data)  # 500 is allowed
