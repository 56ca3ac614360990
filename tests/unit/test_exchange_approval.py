"""Approved minutes in the exchange format: `meeting.approved` and `meeting.corrections`.

Reading and writing them (with the field named in every error), `load` of approved minutes
through a real archive (locked, fingerprinted anew from the loaded content, corrections in
order), dump → load → dump, the command line, and the example in docs/exchange-format.md.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from secretary_app.cli import main
from secretary_app.core.exchange import ExchangeError, MeetingDocument, dump_meeting, parse_meeting
from secretary_app.core.item_layout import GENTOFTE
from secretary_app.core.layout_format import layout_to_json
from secretary_app.core.model import (
    AbsenceReason,
    Attachment,
    AttendanceEntry,
    Committee,
    Dissent,
    Item,
    ItemAbsence,
    Meeting,
    Vote,
    VoteSide,
)
from secretary_app.core.record import Approval, Correction, canonical_json, fingerprint
from secretary_app.export.layout import Edition, Plain, build_layout
from secretary_app.store.approvals import current_user
from secretary_app.store.archive import Archive
from secretary_app.store.errors import StoreError
from secretary_app.store.exchange import export_meeting, import_meeting

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "resources" / "reference_meeting.json"
DOCS = ROOT / "docs" / "exchange-format.md"
LOCKED = "Referatet er godkendt"
NO_VOTE = {"for": [], "against": [], "abstain": []}
CASE = "EMN-2017-00421"


def file_text(data: object) -> str:
    """A file as the app writes it: 2-space indent, æøå as they are, a final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def item(
    number: int,
    title: str,
    summary: str = "",
    previous: str = "",
    decision: str = "",
    **fields: Any,
) -> dict[str, Any]:
    """An item in canonical form, in Gentofte's layout: every field, the defaults changed by
    `fields` and the three texts."""
    sections = {"resume": summary, "tidligere_beslutninger": previous, "beslutning": decision}
    return {
        "number": number,
        "title": title,
        "public_title": "",
        "closed": False,
        "case_id": "",
        "presenter": "",
        "planned_start": None,
        "duration_minutes": None,
        "sections": sections,
        "not_present": [],
        "votes": NO_VOTE,
        "dissent": [],
        "reservations": [],
        "chair_notes": "",
        "attachments": [],
    } | fields


def approved_meeting() -> dict[str, Any]:
    """Approved minutes in canonical form, numbered from 7: attendance, records, an attachment,
    a closed item, and two corrections (one to item 8, one to the minutes as a whole).

    Item 7 has a case ID and its "Tidligere beslutninger" written, so no case history in the
    archive can add to it."""
    return {
        "format": "secretary-app/meeting",
        "version": 3,
        "committee": {
            "name": "Teknik- og Miljøudvalget",
            "kind": "standing",
            "layout": layout_to_json(GENTOFTE),
        },
        "meeting": {
            "date": "2017-06-12",
            "start": "17:00",
            "end": "19:00",
            "location": "Udvalgsværelse B, Gentofte Rådhus",
            "title": "",
            "ended_at": "18:40",
            "approved": {"at": "2017-06-19", "by": ["Hans Toft", "Pia Nyring", "Søren Ås"]},
            "corrections": [
                {
                    "at": "2017-06-21T10:15",
                    "item": 8,
                    "text": "Pia Nyring stemte imod.\nHun ønskede det ført til protokol.",
                    "reason": "Stemmen manglede i det godkendte referat.",
                },
                {
                    "at": "2017-06-22T08:05",
                    "item": None,
                    "text": "Mødet blev hævet kl. 18.45.",
                    "reason": "",
                },
            ],
        },
        "attendance": [
            {"name": "Hans Toft", "role": "chair", "status": "present", "substitute": ""},
            {"name": "Pia Nyring", "role": "member", "status": "present", "substitute": ""},
            {
                "name": "Ulrik Borch",
                "role": "member",
                "status": "excused",
                "substitute": "Søren Ås",
            },
        ],
        "items": [
            item(
                7,
                "Lokalplan 367 for Gyldenlundsvej",
                case_id=CASE,
                previous="Teknik- og Miljøudvalget den 8. maj 2017, pkt. 3:\\\nUdsat.",
                decision="Anbefales.",
                not_present=[{"member": "Pia Nyring", "reason": "inhabil", "note": ""}],
                votes={"for": ["Hans Toft", "Søren Ås"], "against": [], "abstain": []},
                dissent=[{"member": "Søren Ås", "text": "Trafikken er ikke belyst."}],
                attachments=[{"title": "Lokalplanforslag", "public": True}],
            ),
            item(8, "Salg af grund", closed=True, decision="Salget godkendes."),
            item(9, "Eventuelt", decision="Intet."),
        ],
    }


def unapproved(data: dict[str, Any]) -> dict[str, Any]:
    """The same meeting before its approval: no approval, no corrections."""
    data = copy.deepcopy(data)
    data["meeting"].update(approved=None, corrections=[])
    return data


def approved_content_fingerprint(data: dict[str, Any]) -> str:
    """The fingerprint of the approved content: the meeting as approved, in canonical form,
    without the approval itself and the corrections made after it."""
    return fingerprint(canonical_json(unapproved(data)))


# --- reading and writing --------------------------------------------------------------------


def test_approval_and_corrections_round_trip() -> None:
    data = approved_meeting()
    doc = parse_meeting(copy.deepcopy(data))
    assert doc.approval == Approval(
        0, dt.date(2017, 6, 19), ["Hans Toft", "Pia Nyring", "Søren Ås"]
    )
    assert doc.corrections == [
        Correction(
            0,
            "Pia Nyring stemte imod.\nHun ønskede det ført til protokol.",
            "Stemmen manglede i det godkendte referat.",
            dt.datetime(2017, 6, 21, 10, 15),
            8,
        ),
        Correction(0, "Mødet blev hævet kl. 18.45.", "", dt.datetime(2017, 6, 22, 8, 5), None),
    ]
    assert dump_meeting(doc) == data
    assert file_text(dump_meeting(parse_meeting(json.loads(file_text(data))))) == file_text(data)


def test_an_unapproved_meeting_dumps_null_and_no_corrections() -> None:
    doc = parse_meeting(unapproved(approved_meeting()))
    assert (doc.approval, doc.corrections) == (None, [])
    meeting: dict[str, Any] = dump_meeting(doc)["meeting"]  # type: ignore[assignment]
    assert (meeting["approved"], meeting["corrections"]) == (None, [])


def test_approval_and_corrections_are_optional_and_cleaned() -> None:
    data = approved_meeting()
    data["meeting"].pop("corrections")
    data["meeting"]["approved"] = {"at": "2017-06-19", "by": [" Hans\x0bToft\x00 "]}
    doc = parse_meeting(data)
    assert doc.approval == Approval(0, dt.date(2017, 6, 19), ["Hans Toft"])
    assert doc.corrections == []
    data["meeting"]["approved"] = {"at": "2017-06-19"}
    assert parse_meeting(data).approval == Approval(0, dt.date(2017, 6, 19), [])
    data["meeting"]["corrections"] = [{"at": "2017-06-21T10:15", "text": "  Rettet\r\n"}]
    [correction] = parse_meeting(data).corrections
    assert (correction.item_number, correction.text, correction.reason) == (None, "Rettet", "")


# --- errors name the field ------------------------------------------------------------------

Change = Callable[[dict[str, Any]], None]


def _in_meeting(key: str, value: object) -> Change:
    def change(doc: dict[str, Any]) -> None:
        doc["meeting"][key] = value

    return change


def _in_approval(key: str, value: object) -> Change:
    def change(doc: dict[str, Any]) -> None:
        doc["meeting"]["approved"][key] = value

    return change


def _in_correction(index: int, key: str, value: object) -> Change:
    def change(doc: dict[str, Any]) -> None:
        doc["meeting"]["corrections"][index][key] = value

    return change


def _without_approval(doc: dict[str, Any]) -> None:
    del doc["meeting"]["approved"]


def _without_correction_text(doc: dict[str, Any]) -> None:
    del doc["meeting"]["corrections"][1]["text"]


def _without_approval_date(doc: dict[str, Any]) -> None:
    del doc["meeting"]["approved"]["at"]


def _without_items(doc: dict[str, Any]) -> None:
    doc["items"] = []


def _as_version_1(doc: dict[str, Any]) -> None:
    """A version-1 file that holds an approval (and nothing else of versions 2 and 3)."""
    doc["version"] = 1
    del doc["meeting"]["ended_at"]
    del doc["committee"]["layout"]
    for entry in doc["items"]:
        sections = entry.pop("sections")
        entry.update(
            summary=sections["resume"],
            previous_decisions=sections["tidligere_beslutninger"],
            decision=sections["beslutning"],
        )
        for key in ("not_present", "votes", "dissent", "public_title", "reservations"):
            del entry[key]


def _as_version_1_with_corrections_only(doc: dict[str, Any]) -> None:
    _as_version_1(doc)
    del doc["meeting"]["approved"]


BAD: list[tuple[str, Change, str, str]] = [
    (
        "approved before the meeting",
        _in_approval("at", "2017-06-11"),
        "meeting.approved.at",
        "godkendt 11. juni 2017, før mødet den 12. juni 2017",
    ),
    (
        "corrected before the approval",
        _in_correction(1, "at", "2017-06-18T09:00"),
        "meeting.corrections[1].at",
        "dateret 18. juni 2017, før referatet blev godkendt den 19. juni 2017",
    ),
    (
        "approval date impossible",
        _in_approval("at", "2017-13-01"),
        "meeting.approved.at",
        '"2017-13-01" er ikke en gyldig dato (ÅÅÅÅ-MM-DD)',
    ),
    (
        "approval date Danish",
        _in_approval("at", "19.06.2017"),
        "meeting.approved.at",
        '"19.06.2017" er ikke en gyldig dato (ÅÅÅÅ-MM-DD)',
    ),
    ("approval date missing", _without_approval_date, "meeting.approved.at", "mangler"),
    (
        "approvers not a list",
        _in_approval("by", "Hans Toft"),
        "meeting.approved.by",
        'skal være en liste ([…]), ikke "Hans Toft"',
    ),
    (
        "approver empty",
        _in_approval("by", ["Hans Toft", " \x0b "]),
        "meeting.approved.by[1]",
        "må ikke være tom",
    ),
    (
        "approver not text",
        _in_approval("by", [7]),
        "meeting.approved.by[0]",
        "skal være en tekst, ikke 7",
    ),
    (
        "unknown field in the approval",
        _in_approval("fingerprint", "ab12"),
        "meeting.approved.fingerprint",
        "ukendt felt (kendte felter: at, by)",
    ),
    (
        "approval not an object",
        _in_meeting("approved", "2017-06-19"),
        "meeting.approved",
        'skal være et objekt ({…}), ikke "2017-06-19"',
    ),
    (
        "corrections with approval null",
        _in_meeting("approved", None),
        "meeting.corrections",
        "rettelser hører til et godkendt referat; approved mangler",
    ),
    (
        "corrections without approval",
        _without_approval,
        "meeting.corrections",
        "rettelser hører til et godkendt referat; approved mangler",
    ),
    (
        "correction item 99 not on the agenda",
        _in_correction(0, "item", 99),
        "meeting.corrections[0].item",
        "punkt 99 findes ikke på dagsordenen",
    ),
    (
        "correction item 1 before an agenda that starts at 7",
        _in_correction(1, "item", 1),
        "meeting.corrections[1].item",
        "punkt 1 findes ikke på dagsordenen",
    ),
    (
        "correction item 10 after the agenda",
        _in_correction(0, "item", 10),
        "meeting.corrections[0].item",
        "punkt 10 findes ikke på dagsordenen",
    ),
    (
        "correction item on a meeting without items",
        _without_items,
        "meeting.corrections[0].item",
        "punkt 8 findes ikke på dagsordenen",
    ),
    (
        "correction item zero",
        _in_correction(0, "item", 0),
        "meeting.corrections[0].item",
        "er 0, men skal være mindst 1",
    ),
    (
        "correction item as text",
        _in_correction(0, "item", "8"),
        "meeting.corrections[0].item",
        'skal være et heltal, ikke "8"',
    ),
    (
        "correction time with a space",
        _in_correction(0, "at", "2017-06-21 10:15"),
        "meeting.corrections[0].at",
        '"2017-06-21 10:15" er ikke et gyldigt tidspunkt (ÅÅÅÅ-MM-DDTTT:MM)',
    ),
    (
        "correction time only a date",
        _in_correction(1, "at", "2017-06-22"),
        "meeting.corrections[1].at",
        '"2017-06-22" er ikke et gyldigt tidspunkt (ÅÅÅÅ-MM-DDTTT:MM)',
    ),
    (
        "correction time impossible",
        _in_correction(0, "at", "2017-06-21T25:15"),
        "meeting.corrections[0].at",
        '"2017-06-21T25:15" er ikke et gyldigt tidspunkt (ÅÅÅÅ-MM-DDTTT:MM)',
    ),
    (
        "correction time missing",
        _in_correction(0, "at", None),
        "meeting.corrections[0].at",
        "skal være en tekst, ikke null",
    ),
    (
        "correction text empty",
        _in_correction(0, "text", ""),
        "meeting.corrections[0].text",
        "må ikke være tom",
    ),
    (
        "correction text only blanks and control characters",
        _in_correction(1, "text", " \n\x0b\x00 "),
        "meeting.corrections[1].text",
        "må ikke være tom",
    ),
    (
        "correction text missing",
        _without_correction_text,
        "meeting.corrections[1].text",
        "må ikke være tom",
    ),
    (
        "unknown field in a correction",
        _in_correction(0, "by", "Hans Toft"),
        "meeting.corrections[0].by",
        "ukendt felt (kendte felter: at, item, text, reason)",
    ),
    (
        "corrections not a list",
        _in_meeting("corrections", {}),
        "meeting.corrections",
        "skal være en liste ([…]), ikke et objekt",
    ),
    (
        "version-1 file with an approval",
        _as_version_1,
        "meeting.approved",
        "findes først i version 2 af formatet; filen er version 1",
    ),
    (
        "version-1 file with corrections",
        _as_version_1_with_corrections_only,
        "meeting.corrections",
        "findes først i version 2 af formatet; filen er version 1",
    ),
]


@pytest.mark.parametrize(
    ("change", "field", "problem"),
    [pytest.param(change, field, problem, id=name) for name, change, field, problem in BAD],
)
def test_a_bad_approval_or_correction_names_the_field(
    change: Change, field: str, problem: str
) -> None:
    data = approved_meeting()
    change(data)
    with pytest.raises(ExchangeError) as caught:
        parse_meeting(data)
    assert (caught.value.field, caught.value.problem) == (field, problem)
    assert str(caught.value) == f"{field}: {problem}"


def test_a_version_1_file_with_approved_null_is_refused_too() -> None:
    data = unapproved(approved_meeting())
    _as_version_1(data)
    del data["meeting"]["corrections"]
    with pytest.raises(ExchangeError) as caught:
        parse_meeting(data)
    assert str(caught.value) == (
        "meeting.approved: findes først i version 2 af formatet; filen er version 1"
    )


# --- load and dump through the archive ------------------------------------------------------


@pytest.fixture
def archive() -> Iterator[Archive]:
    archive = Archive.memory()
    yield archive
    archive.close()


def load(archive: Archive, data: dict[str, Any]) -> int:
    return import_meeting(archive, parse_meeting(copy.deepcopy(data)))


def dump(archive: Archive, meeting_id: int) -> dict[str, Any]:
    return dump_meeting(export_meeting(archive, meeting_id))


def test_load_of_approved_minutes_gives_an_approved_meeting(archive: Archive) -> None:
    data = approved_meeting()
    meeting_id = load(archive, data)
    assert archive.approvals.is_approved(meeting_id)
    assert archive.approvals.verify(meeting_id)
    approval = archive.approvals.approval(meeting_id)
    assert approval is not None
    assert (approval.meeting_id, approval.approved_at, approval.approved_by) == (
        meeting_id,
        dt.date(2017, 6, 19),
        ["Hans Toft", "Pia Nyring", "Søren Ås"],
    )
    assert dump(archive, meeting_id) == data


def test_the_fingerprint_is_computed_over_the_loaded_content(archive: Archive) -> None:
    data = approved_meeting()
    approval = archive.approvals.approval(load(archive, data))
    assert approval is not None
    assert approval.snapshot == canonical_json(unapproved(data))
    assert approval.fingerprint == approved_content_fingerprint(data)


def test_loaded_approved_minutes_match_minutes_approved_in_the_archive(archive: Archive) -> None:
    """Loading approved minutes fingerprints them as approving the same minutes would."""
    data = approved_meeting()
    loaded = archive.approvals.approval(load(archive, data))
    other = Archive.memory()
    try:
        meeting_id = load(other, unapproved(data))
        assert not other.approvals.is_approved(meeting_id)
        by = data["meeting"]["approved"]["by"]
        approved = other.approvals.approve(other, meeting_id, by, dt.date(2017, 6, 19))
    finally:
        other.close()
    assert loaded is not None
    assert (loaded.fingerprint, loaded.snapshot) == (approved.fingerprint, approved.snapshot)


def test_the_corrections_are_loaded_in_order(archive: Archive) -> None:
    meeting_id = load(archive, approved_meeting())
    corrections = archive.approvals.corrections(meeting_id)
    assert [(c.made_at, c.item_number, c.text, c.reason) for c in corrections] == [
        (
            dt.datetime(2017, 6, 21, 10, 15),
            8,
            "Pia Nyring stemte imod.\nHun ønskede det ført til protokol.",
            "Stemmen manglede i det godkendte referat.",
        ),
        (dt.datetime(2017, 6, 22, 8, 5), None, "Mødet blev hævet kl. 18.45.", ""),
    ]
    assert all(c.meeting_id == meeting_id for c in corrections)
    assert all(c.made_by == current_user() for c in corrections)


def store_writes(archive: Archive, meeting_id: int) -> dict[str, Callable[[], object]]:
    """Every kind of store write on the meeting, each one a real change."""
    first, second, third = (i.id or 0 for i in archive.items.for_meeting(meeting_id))
    [attachment] = archive.attachments.for_item(first)
    attachment_id = attachment.id or 0
    committee_id = archive.meetings.get(meeting_id).committee_id
    return {
        "meeting field": lambda: archive.meetings.update_field(meeting_id, "location", "Salen"),
        "meeting end time": lambda: archive.meetings.update_field(
            meeting_id, "ended_at", dt.time(18, 45)
        ),
        "first number": lambda: archive.meetings.update_field(meeting_id, "first_number", 1),
        "delete the meeting": lambda: archive.meetings.delete(meeting_id),
        "delete the committee": lambda: archive.committees.delete(committee_id),
        "attendance": lambda: archive.meetings.set_attendance(
            meeting_id, [AttendanceEntry(meeting_id, "Ny Person")]
        ),
        "clear the attendance": lambda: archive.meetings.set_attendance(meeting_id, []),
        "item decision": lambda: archive.items.update_field(second, "section:beslutning", "Udsat."),
        "item title": lambda: archive.items.update_field(third, "title", "Orientering"),
        "item closed": lambda: archive.items.update_field(first, "closed", True),
        "add an item": lambda: archive.items.add(Item(meeting_id, "Nyt punkt")),
        "move an item": lambda: archive.items.move(third, 0),
        "delete an item": lambda: archive.items.delete(third),
        "add an attachment": lambda: archive.attachments.add(Attachment(second, "Bilag"), b"x"),
        "attachment title": lambda: archive.attachments.update_field(attachment_id, "title", "X"),
        "delete an attachment": lambda: archive.attachments.delete(attachment_id),
        "add an absence": lambda: archive.records.set_absences(
            second, [ItemAbsence(second, "Hans Toft", AbsenceReason.LEFT)]
        ),
        "clear the absences": lambda: archive.records.set_absences(first, []),
        "add a dissent": lambda: archive.records.set_dissents(
            second, [Dissent(second, "Pia Nyring", "Imod.")]
        ),
        "clear the dissents": lambda: archive.records.set_dissents(first, []),
        "add a vote": lambda: archive.records.set_votes(
            second, [Vote(second, VoteSide.AGAINST, "Pia Nyring")]
        ),
        "clear the votes": lambda: archive.records.set_votes(first, []),
    }


WRITES = [
    "meeting field",
    "meeting end time",
    "first number",
    "delete the meeting",
    "delete the committee",
    "attendance",
    "clear the attendance",
    "item decision",
    "item title",
    "item closed",
    "add an item",
    "move an item",
    "delete an item",
    "add an attachment",
    "attachment title",
    "delete an attachment",
    "add an absence",
    "clear the absences",
    "add a dissent",
    "clear the dissents",
    "add a vote",
    "clear the votes",
]


def test_the_list_of_writes_is_complete(archive: Archive) -> None:
    meeting_id = load(archive, unapproved(approved_meeting()))
    assert list(store_writes(archive, meeting_id)) == WRITES


@pytest.mark.parametrize("write", WRITES)
def test_every_store_write_on_loaded_approved_minutes_is_refused(
    archive: Archive, write: str
) -> None:
    data = approved_meeting()
    meeting_id = load(archive, data)
    with pytest.raises(StoreError, match=LOCKED):
        store_writes(archive, meeting_id)[write]()
    assert dump(archive, meeting_id) == data
    assert archive.approvals.verify(meeting_id)


@pytest.mark.parametrize("write", WRITES)
def test_the_same_writes_change_loaded_minutes_that_are_not_approved(
    archive: Archive, write: str
) -> None:
    data = unapproved(approved_meeting())
    meeting_id = load(archive, data)
    store_writes(archive, meeting_id)[write]()
    assert not archive.meetings.exists(meeting_id) or dump(archive, meeting_id) != data


def test_a_correction_can_still_be_added_after_the_loaded_ones(archive: Archive) -> None:
    data = approved_meeting()
    meeting_id = load(archive, data)
    made = dt.datetime(2017, 6, 30, 12, 0)
    archive.approvals.add_correction(Correction(meeting_id, "Tilføjet.", "Glemt", made, 9))
    dumped = dump(archive, meeting_id)
    added = {"at": "2017-06-30T12:00", "item": 9, "text": "Tilføjet.", "reason": "Glemt"}
    assert dumped["meeting"]["corrections"] == [*data["meeting"]["corrections"], added]
    assert archive.approvals.verify(meeting_id)
    approval = archive.approvals.approval(meeting_id)
    assert approval is not None and approval.fingerprint == approved_content_fingerprint(data)


def test_dump_load_dump_gives_the_same_json_and_fingerprint(archive: Archive) -> None:
    first_id = load(archive, approved_meeting())
    first = dump(archive, first_id)
    other = Archive.memory()
    try:
        second_id = load(other, first)
        second = dump(other, second_id)
        assert other.approvals.is_approved(second_id) and other.approvals.verify(second_id)
        fingerprints = [
            approval.fingerprint if approval else None
            for approval in (
                archive.approvals.approval(first_id),
                other.approvals.approval(second_id),
            )
        ]
    finally:
        other.close()
    assert file_text(second) == file_text(first) == file_text(approved_meeting())
    assert fingerprints[0] == fingerprints[1] == approved_content_fingerprint(first)


def with_history_to_fill(data: dict[str, Any]) -> dict[str, Any]:
    """Item 7 as many real items are: a case ID, and no "Tidligere beslutninger" written."""
    data = copy.deepcopy(data)
    data["items"][0]["sections"]["tidligere_beslutninger"] = ""
    return data


def test_approved_minutes_loaded_twice_into_one_archive_keep_their_content(
    archive: Archive,
) -> None:
    data = with_history_to_fill(approved_meeting())
    first_id = load(archive, data)
    assert dump(archive, first_id) == data  # nothing earlier on the case yet
    second_id = load(archive, dump(archive, first_id))
    assert dump(archive, second_id) == data
    second = archive.approvals.approval(second_id)
    assert second is not None and second.fingerprint == approved_content_fingerprint(data)


def test_approved_minutes_loaded_beside_an_earlier_meeting_on_the_case_keep_their_content(
    archive: Archive,
) -> None:
    committee = archive.committees.add(Committee("Økonomiudvalget"))
    assert committee.id is not None
    earlier = Meeting(committee.id, dt.date(2017, 5, 8))
    archive.meetings.create(
        earlier, [Item(0, "Lokalplan 367", case_id=CASE, sections={"beslutning": "Udsat."})]
    )
    data = with_history_to_fill(approved_meeting())
    meeting_id = load(archive, data)
    assert dump(archive, meeting_id) == data
    approval = archive.approvals.approval(meeting_id)
    assert approval is not None and approval.fingerprint == approved_content_fingerprint(data)


# --- the command line -----------------------------------------------------------------------


def cli(capsys: pytest.CaptureFixture[str], db: Path, *args: str | Path) -> str:
    status = main(["--db", str(db), *map(str, args)])
    out, err = capsys.readouterr()
    assert (status, err) == (0, ""), (status, err)
    return out


def test_cli_load_of_approved_minutes_then_dump_is_byte_identical(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "arkiv" / "arkiv.db"
    source = tmp_path / "godkendt.json"
    source.write_text(file_text(approved_meeting()), encoding="utf-8")
    meeting_id = int(cli(capsys, db, "load", source))
    target = tmp_path / "ud.json"
    cli(capsys, db, "dump", str(meeting_id), "-o", target)
    assert target.read_bytes() == source.read_bytes()
    archive = Archive.open(db)
    try:
        assert archive.approvals.verify(meeting_id)
        with pytest.raises(StoreError, match=LOCKED):
            archive.meetings.update_field(meeting_id, "title", "Ændret")
    finally:
        archive.close()


def test_cli_refuses_corrections_without_an_approval_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "arkiv.db"
    data = approved_meeting()
    data["meeting"]["approved"] = None
    source = tmp_path / "møde.json"
    source.write_text(file_text(data), encoding="utf-8")
    assert main(["--db", str(db), "load", str(source)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"secretary-app: {source}: meeting.corrections: "
        "rettelser hører til et godkendt referat; approved mangler\n"
    )
    assert cli(capsys, db, "meetings") == ""


# --- the documented example -----------------------------------------------------------------


def documented(marker: str, language: str) -> str:
    docs = DOCS.read_text(encoding="utf-8")
    found = re.search(rf"<!-- {marker} -->\n```{language}\n(.*?)```", docs, re.S)
    assert found is not None, marker
    return found.group(1)


def documented_meeting() -> dict[str, Any]:
    """The reference meeting with the documented `meeting` object of approved minutes."""
    data = json.loads(REFERENCE.read_text(encoding="utf-8"))
    data["meeting"] = json.loads(documented("approved meeting example", "json"))
    return data


def test_the_documented_example_is_written_as_the_app_writes_it() -> None:
    data = documented_meeting()
    dumped = dump_meeting(parse_meeting(copy.deepcopy(data)))
    assert dumped == data
    shown = json.dumps(dumped["meeting"], ensure_ascii=False, indent=2) + "\n"
    assert shown == documented("approved meeting example", "json")


def _plain(blocks: tuple[object, ...], index: int) -> bool:
    return index < len(blocks) and isinstance(blocks[index], Plain)


def test_the_documented_example_reads_in_the_minutes_as_documented() -> None:
    doc: MeetingDocument = parse_meeting(documented_meeting())
    blocks = build_layout(doc, Edition("minutes")).blocks
    texts = [getattr(block, "text", "") for block in blocks]
    start = texts.index("Rettelser efter godkendelsen")
    end = next(i for i in range(start + 1, len(blocks) + 1) if not _plain(blocks, i))
    lines = texts[start:end]
    assert lines == documented("approved meeting minutes", "text").splitlines()
    doc.items[1][0].closed = True
    public = build_layout(doc, Edition("minutes", public=True)).blocks
    withheld = "Rettelse 5. juli 2017 (punkt 2): (rettelse til et lukket punkt; ikke offentlig)"
    assert withheld in [b.text for b in public if isinstance(b, Plain)]
    assert withheld in DOCS.read_text(encoding="utf-8")
