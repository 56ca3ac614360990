"""Approved minutes are a record: locked for every writer, corrected only by additions."""

from __future__ import annotations

import datetime as dt

import pytest

from secretary_app.core.agenda_templates import with_approval_item
from secretary_app.core.model import Attachment, Dissent, Item
from secretary_app.core.record import (
    Approval,
    Correction,
    approved_line,
    canonical_json,
    correction_line,
    fingerprint,
)
from secretary_app.store.demo import add_reference_meeting
from secretary_app.store.errors import StoreError

LOCKED = "Referatet er godkendt"


@pytest.fixture
def meeting_id(archive):
    return add_reference_meeting(archive)


@pytest.fixture
def approved(archive, meeting_id):
    return archive.approvals.approve(archive, meeting_id, ["Marie Louise"], dt.date(2017, 7, 3))


def test_approval_records_who_when_and_a_fingerprint_of_the_content(archive, approved):
    found = archive.approvals.approval(approved.meeting_id)
    assert found.approved_by == ["Marie Louise"]
    assert found.approved_at == dt.date(2017, 7, 3)
    assert found.fingerprint == fingerprint(found.snapshot)
    assert "Tredje møde i Opgaveudvalg om Innovation" in found.snapshot
    assert archive.approvals.verify(approved.meeting_id)


def test_a_fingerprint_changes_with_any_character():
    assert fingerprint(canonical_json({"a": "x"})) != fingerprint(canonical_json({"a": "y"}))
    assert canonical_json({"b": 1, "a": "æ"}) == '{"a":"æ","b":1}'


def every_change(archive, meeting_id):
    items = archive.items.for_meeting(meeting_id)
    first, second = items[0].id, items[1].id
    return {
        "edit a field": lambda: archive.items.update_field(second, "section:beslutning", "Ændret."),
        "add an item": lambda: archive.items.add(Item(meeting_id, "Nyt punkt")),
        "delete an item": lambda: archive.items.delete(first),
        "move an item": lambda: archive.items.move(first, 1),
        "change the place": lambda: archive.meetings.update_field(meeting_id, "location", "X"),
        "record the end": lambda: archive.meetings.update_field(
            meeting_id, "ended_at", dt.time(20, 35)
        ),
        "delete the meeting": lambda: archive.meetings.delete(meeting_id),
        "add an attachment": lambda: archive.attachments.add(Attachment(first, "Bilag"), b"x"),
        "add a dissent": lambda: archive.records.set_dissents(first, [Dissent(first, "A", "Nej")]),
        "raw SQL": lambda: archive.db.execute("UPDATE items SET title = 'X' WHERE id = ?", [first]),
    }


CHANGES = [
    "edit a field",
    "add an item",
    "delete an item",
    "move an item",
    "change the place",
    "record the end",
    "delete the meeting",
    "add an attachment",
    "add a dissent",
    "raw SQL",
]


@pytest.mark.parametrize("change", CHANGES)
def test_an_approved_meeting_refuses_every_change(archive, meeting_id, approved, change):
    before = archive.approvals.approval(meeting_id).snapshot
    with pytest.raises(StoreError, match=LOCKED):
        every_change(archive, meeting_id)[change]()
    assert archive.approvals.approval(meeting_id).snapshot == before
    assert archive.approvals.verify(meeting_id)
    assert [i.title for i in archive.items.for_meeting(meeting_id)] == [
        "Tredje møde i Opgaveudvalg om Innovation",
        "Eventuelt",
    ]


def test_an_unapproved_meeting_takes_the_same_changes(archive, meeting_id):
    for change in CHANGES:
        if change != "delete the meeting":
            every_change(archive, meeting_id)[change]()


def test_loading_the_same_meeting_again_adds_a_new_one(archive, meeting_id, approved):
    from secretary_app.core.exchange import parse_meeting
    from secretary_app.store.demo import reference_meeting_json
    from secretary_app.store.exchange import import_meeting

    new_id = import_meeting(archive, parse_meeting(reference_meeting_json()))
    assert new_id != meeting_id
    assert archive.approvals.verify(meeting_id)


def test_a_correction_is_an_addition_with_its_date_and_reason(archive, meeting_id, approved):
    made = dt.datetime(2017, 7, 5, 10, 0)
    archive.approvals.add_correction(
        Correction(meeting_id, "Intet at bemærke.", "Skrivefejl", made, 2)
    )
    [correction] = archive.approvals.corrections(meeting_id)
    assert (correction.item_number, correction.made_at, correction.reason) == (
        2,
        made,
        "Skrivefejl",
    )
    assert correction.made_by
    assert archive.items.for_meeting(meeting_id)[1].decision == "Intet."
    assert correction_line(correction) == (
        "Rettelse 5. juli 2017 (punkt 2): Intet at bemærke. Begrundelse: Skrivefejl"
    )


def test_the_audit_log_starts_when_the_agenda_is_sent(archive, meeting_id):
    item = archive.items.for_meeting(meeting_id)[1]
    archive.items.update_field(item.id, "section:beslutning", "Før udsendelse.")
    assert archive.approvals.audit(meeting_id) == []
    archive.approvals.mark_agenda_sent(meeting_id, dt.datetime(2017, 6, 20, 9, 0))
    archive.items.update_field(item.id, "section:beslutning", "Efter udsendelse.")
    archive.items.add(Item(meeting_id, "Ekstra punkt"))
    log = archive.approvals.audit(meeting_id)
    assert [(e.what, e.old, e.new) for e in log[:1]] == [
        ("punkt 2 Eventuelt: Beslutninger", "Før udsendelse.", "Efter udsendelse.")
    ]
    assert any(e.what == "punkt tilføjet" and e.new == "Ekstra punkt" for e in log)
    assert all(e.changed_by and e.changed_at for e in log)


def test_the_approved_line_names_the_date_and_the_fingerprint():
    approval = Approval(1, dt.date(2017, 7, 3), [], "1a2b3c4d5e6f7a8b9c")
    assert approved_line(approval) == "Godkendt 3. juli 2017 · SHA-256 1a2b 3c4d 5e6f 7a8b"


def test_the_next_agenda_asks_for_approval_while_the_minutes_are_not_approved():
    items = [Item(0, "Meddelelser")]
    titles = [i.title for i in with_approval_item(items, dt.date(2017, 6, 27), approved=False)]
    assert titles == ["Godkendelse af referat fra mødet den 27. juni 2017", "Meddelelser"]
    assert with_approval_item(items, dt.date(2017, 6, 27), approved=True) == items
    assert with_approval_item(items, None, approved=False) == items


def test_approval_keeps_the_case_history_as_it_was(archive):
    from secretary_app.core.model import Committee, Meeting

    committee = archive.committees.add(Committee("Økonomiudvalget"))
    earlier = archive.meetings.create(
        Meeting(committee.id, dt.date(2017, 5, 1)),
        [Item(0, "Budget", case_id="EMN-2017-00001", sections={"beslutning": "Anbefales."})],
    )
    later = archive.meetings.create(
        Meeting(committee.id, dt.date(2017, 6, 1)), [Item(0, "Budget", case_id="EMN-2017-00001")]
    )
    assert earlier.id
    archive.approvals.approve(archive, later.id, ["Udvalget"], dt.date(2017, 6, 2))
    kept = archive.items.for_meeting(later.id)[0].text("tidligere_beslutninger")
    assert "Anbefales." in kept and "1. maj 2017" in kept
    assert "Anbefales." in archive.approvals.approval(later.id).snapshot


def _approved_minutes(archive, meeting_id, public=False):
    from secretary_app.export.layout import Edition, build_layout
    from secretary_app.store.exchange import export_meeting

    return build_layout(export_meeting(archive, meeting_id), Edition("minutes", public=public))


def _texts(layout):
    return [getattr(block, "text", "") for block in layout.blocks]


def _signature_sheets(layout):
    from secretary_app.export.layout import SignatureSheet

    return [block for block in layout.blocks if isinstance(block, SignatureSheet)]


def test_approved_minutes_show_corrections_signatures_and_the_fingerprint(archive, meeting_id):
    from secretary_app.core.model import AttendanceEntry, AttendanceStatus

    archive.meetings.set_attendance(
        meeting_id,
        [
            AttendanceEntry(meeting_id, "Marie Louise"),
            AttendanceEntry(meeting_id, "Frank", status=AttendanceStatus.ABSENT, substitute="Ole"),
        ],
    )
    approval = archive.approvals.approve(archive, meeting_id, ["Marie Louise"], dt.date(2017, 7, 3))
    made = dt.datetime(2017, 7, 5, 10, 0)
    archive.approvals.add_correction(
        Correction(meeting_id, "Intet at bemærke.", "Skrivefejl", made, 2)
    )

    layout = _approved_minutes(archive, meeting_id)
    texts = _texts(layout)
    assert layout.placeholders["approved"] == approved_line(approval)
    assert approval.fingerprint[:4] in layout.placeholders["approved"]
    at = texts.index("Rettelser efter godkendelsen")
    assert texts[at + 1].startswith("Rettelse 5. juli 2017 (punkt 2): Intet at bemærke.")
    (sheet,) = _signature_sheets(layout)  # the last block: a row for each member present
    assert layout.blocks[-1] is sheet and sheet.heading == "Underskrifter"
    assert sheet.names == ("Marie Louise", "Ole")
    assert sheet.approved == "Godkendt 3. juli 2017 af Marie Louise"


def test_approved_without_attendance_the_approvers_sign_and_are_named(archive, meeting_id):
    """No attendance recorded (the approval dialog then offers every member): the signature
    sheet has a row for each who approved, under "Godkendt … af …" (found by a walkthrough:
    the minutes said nowhere who approved them)."""
    archive.approvals.approve(archive, meeting_id, ["Anna Holm", "Bo Berg"], dt.date(2025, 4, 9))
    (sheet,) = _signature_sheets(_approved_minutes(archive, meeting_id))
    assert sheet.names == ("Anna Holm", "Bo Berg")
    assert sheet.approved == "Godkendt 9. april 2025 af Anna Holm og Bo Berg"


def test_minutes_neither_approved_nor_with_attendance_have_no_signature_sheet(archive, meeting_id):
    assert _signature_sheets(_approved_minutes(archive, meeting_id)) == []


def test_the_public_minutes_withhold_corrections_to_closed_items(archive, meeting_id):
    items = archive.items.for_meeting(meeting_id)
    archive.items.update_field(items[1].id, "closed", True)
    archive.approvals.approve(archive, meeting_id, ["Udvalget"], dt.date(2017, 7, 3))
    made = dt.datetime(2017, 7, 5, 10, 0)
    archive.approvals.add_correction(Correction(meeting_id, "HEMMELIGT", "Fejl", made, 2))
    public = _approved_minutes(archive, meeting_id, public=True)
    assert not any("HEMMELIGT" in text for text in _texts(public))
    assert "Underskrifter" not in _texts(public) and _signature_sheets(public) == []
    assert any("HEMMELIGT" in text for text in _texts(_approved_minutes(archive, meeting_id)))


def test_the_approval_line_reaches_the_word_footer(archive, meeting_id, tmp_path):
    import docx

    from secretary_app.export.word import write_docx

    approval = archive.approvals.approve(archive, meeting_id, ["Udvalget"], dt.date(2017, 7, 3))
    target = write_docx(_approved_minutes(archive, meeting_id), tmp_path / "referat.docx").path
    footers = [p.text for s in docx.Document(str(target)).sections for p in s.footer.paragraphs]
    assert any(approved_line(approval) in text for text in footers)


def test_the_audit_log_names_every_kind_of_change(archive, meeting_id):
    from secretary_app.core.model import AttendanceEntry, AttendanceStatus, Vote, VoteSide

    archive.approvals.mark_agenda_sent(meeting_id, dt.datetime(2017, 6, 20, 9, 0))
    first, second = (item.id for item in archive.items.for_meeting(meeting_id))
    archive.meetings.set_attendance(
        meeting_id,
        [AttendanceEntry(meeting_id, "Anna", status=AttendanceStatus.ABSENT, substitute="Bo")],
    )
    archive.records.set_dissents(first, [Dissent(first, "Anna", "Imod")])
    archive.records.set_votes(first, [Vote(first, VoteSide.AGAINST, "Carl")])
    attachment = archive.attachments.add(Attachment(first, "Budget"), b"x")
    archive.attachments.update_field(attachment.id, "title", "Budget 2018")
    archive.meetings.update_field(meeting_id, "location", "Byrådssalen")
    archive.items.delete(second)
    log = [(e.what, e.old, e.new) for e in archive.approvals.audit(meeting_id)]
    assert log == [
        ("fremmøde tilføjet", "", "Anna (fraværende, stedfortræder: Bo)"),
        (
            "punkt 1 Tredje møde i Opgaveudvalg om Innovation: protokolbemærkning tilføjet",
            "",
            "Anna: Imod",
        ),
        ("punkt 1 Tredje møde i Opgaveudvalg om Innovation: stemme tilføjet", "", "imod: Carl"),
        ("bilag tilføjet", "", "Budget"),
        ("bilag Budget: titel", "Budget", "Budget 2018"),
        ("møde: mødested", "Mødelokale G på Gentofte Rådhus", "Byrådssalen"),
        ("punkt 2 Eventuelt: Beslutninger", "Intet.", ""),  # a deleted item's texts are kept
        ("punkt fjernet", "Eventuelt", ""),
    ]


def test_rows_cannot_be_moved_into_an_approved_meeting(archive, meeting_id, approved):
    from secretary_app.core.model import Meeting

    committee_id = archive.meetings.get(meeting_id).committee_id
    other = archive.meetings.add(Meeting(committee_id, dt.date(2017, 8, 1)))
    smuggled = archive.items.add(Item(other.id, "Indsmuglet punkt"))
    with pytest.raises(StoreError, match=LOCKED):
        archive.db.execute(
            "UPDATE items SET meeting_id = ? WHERE id = ?", [meeting_id, smuggled.id]
        )
    assert archive.approvals.verify(meeting_id)


def test_verify_compares_the_archive_with_what_was_approved(archive, meeting_id, approved):
    item = archive.items.for_meeting(meeting_id)[1]
    archive.db.execute("DROP TRIGGER item_sections_update_locked")  # tampering behind our back
    archive.db.execute(
        "UPDATE item_sections SET text = 'Noget andet.' WHERE item_id = ? AND key = 'beslutning'",
        [item.id],
    )
    assert not archive.approvals.verify(meeting_id)


def test_a_renamed_committee_keeps_its_name_in_approved_minutes(archive, meeting_id, approved):
    from dataclasses import replace

    from secretary_app.store.exchange import export_meeting

    committee = archive.committees.get(archive.meetings.get(meeting_id).committee_id)
    archive.committees.update(replace(committee, name="Opgaveudvalget for Fremtiden"))
    assert export_meeting(archive, meeting_id).committee.name == "Opgaveudvalg om Innovation"
    assert archive.approvals.verify(meeting_id)


def test_loaded_minutes_keep_their_fingerprint_in_any_archive(archive, meeting_id, approved):
    from secretary_app.core.exchange import dump_meeting, parse_meeting
    from secretary_app.core.model import Committee, CommitteeKind
    from secretary_app.store.archive import Archive
    from secretary_app.store.exchange import export_meeting, import_meeting

    document = dump_meeting(export_meeting(archive, meeting_id))
    other = Archive.memory()
    other.committees.add(Committee("Opgaveudvalg om Innovation", CommitteeKind.STANDING))
    loaded = import_meeting(other, parse_meeting(document))
    assert other.approvals.approval(loaded).fingerprint == approved.fingerprint
    assert other.approvals.verify(loaded)


def test_printed_approved_minutes_get_no_history_added_later(archive):
    from secretary_app.core.model import Committee, Meeting
    from secretary_app.store.case_history import export_with_history

    committee = archive.committees.add(Committee("Økonomiudvalget"))
    later = archive.meetings.create(
        Meeting(committee.id, dt.date(2017, 6, 1)), [Item(0, "Budget", case_id="EMN-2017-00001")]
    )
    archive.approvals.approve(archive, later.id, ["Udvalget"], dt.date(2017, 6, 2))
    archive.meetings.create(
        Meeting(committee.id, dt.date(2017, 5, 1)),
        [Item(0, "Budget", case_id="EMN-2017-00001", sections={"beslutning": "Anbefales IKKE."})],
    )
    printed = export_with_history(archive, later.id).items[0][0].text("tidligere_beslutninger")
    assert "Anbefales IKKE." not in printed


@pytest.mark.parametrize(
    "tampering",
    [
        "INSERT OR REPLACE INTO approvals (meeting_id, approved_at, approved_by, fingerprint, "
        "snapshot) VALUES ({m}, '2017-07-03', '[\"X\"]', 'f', 's')",
        "DELETE FROM approvals WHERE meeting_id = {m}",
        "UPDATE corrections SET text = 'Omskrevet' WHERE meeting_id = {m}",
    ],
)
def test_the_record_itself_cannot_be_rewritten(archive, meeting_id, approved, tampering):
    made = dt.datetime(2017, 7, 5, 10, 0)
    archive.approvals.add_correction(Correction(meeting_id, "Rettelse", "Fejl", made))
    archive.db.execute("PRAGMA recursive_triggers = OFF")
    with pytest.raises(StoreError, match=LOCKED):
        archive.db.execute(tampering.format(m=meeting_id))


def test_a_correction_only_to_approved_minutes_even_in_raw_sql(archive, meeting_id):
    with pytest.raises(StoreError, match=LOCKED):
        archive.db.execute(
            "INSERT INTO corrections (meeting_id, made_at, text) VALUES (?, '2017-07-05', 'x')",
            [meeting_id],
        )
    with pytest.raises(ValueError, match="ikke godkendt"):
        archive.approvals.add_correction(
            Correction(meeting_id, "x", "y", dt.datetime(2017, 7, 5, 10, 0))
        )


@pytest.mark.parametrize("tampering", ["DELETE FROM audit_log", "UPDATE audit_log SET new = 'x'"])
def test_the_audit_log_cannot_be_rewritten(archive, meeting_id, tampering):
    archive.approvals.mark_agenda_sent(meeting_id, dt.datetime(2017, 6, 20, 9, 0))
    archive.meetings.update_field(meeting_id, "location", "Byrådssalen")
    archive.db.execute("PRAGMA recursive_triggers = OFF")
    with pytest.raises(StoreError, match=LOCKED):
        archive.db.execute(tampering)
    assert len(archive.approvals.audit(meeting_id)) == 1


def test_deleting_an_item_logs_what_went_with_it(archive, meeting_id):
    archive.approvals.mark_agenda_sent(meeting_id, dt.datetime(2017, 6, 20, 9, 0))
    first = archive.items.for_meeting(meeting_id)[0].id
    archive.attachments.add(Attachment(first, "Kommissorium"), b"x")
    archive.records.set_dissents(first, [Dissent(first, "Anna", "Imod")])
    archive.items.delete(first)
    removed = [(e.what, e.old) for e in archive.approvals.audit(meeting_id) if "fjernet" in e.what]
    assert ("bilag fjernet", "Kommissorium") in removed
    dissent = "punkt 1 Tredje møde i Opgaveudvalg om Innovation: protokolbemærkning fjernet"
    assert (dissent, "Anna: Imod") in removed
    assert removed[-1] == ("punkt fjernet", "Tredje møde i Opgaveudvalg om Innovation")


def test_minutes_are_not_approved_before_their_meeting(archive, meeting_id):
    day = archive.meetings.get(meeting_id).date
    with pytest.raises(ValueError, match="før mødet"):
        archive.approvals.approve(archive, meeting_id, ["Udvalget"], day - dt.timedelta(days=1))
    assert not archive.approvals.is_approved(meeting_id)
    archive.approvals.approve(archive, meeting_id, [], day)  # the same day; by the committee
    assert archive.approvals.approval(meeting_id).approved_by == []


def test_a_correction_is_not_dated_before_the_approval(archive, meeting_id, approved):
    before = dt.datetime.combine(approved.approved_at, dt.time(9)) - dt.timedelta(days=1)
    with pytest.raises(ValueError, match="før referatet blev godkendt"):
        archive.approvals.add_correction(Correction(meeting_id, "Rettet", "Fejl", before))
    assert archive.approvals.corrections(meeting_id) == []


def test_the_audit_log_shows_numbers_and_yes_no_as_the_window_does(archive, meeting_id):
    archive.approvals.mark_agenda_sent(meeting_id, dt.datetime(2017, 6, 20, 9, 0))
    first, second = archive.items.for_meeting(meeting_id)
    archive.items.update_field(first.id, "closed", True)
    archive.items.move(second.id, 0)
    attachment = archive.attachments.add(Attachment(first.id, "Budget"), b"x")
    archive.attachments.update_field(attachment.id, "public", False)
    log = [(e.what, e.old, e.new) for e in archive.approvals.audit(meeting_id)]
    title = first.title
    assert log[0] == (f"punkt 1 {title}: åben/lukket", "åben", "lukket")
    assert sorted(log[1:3]) == [  # the two numbers swapped, in either order
        ("punkt 1 " + title + ": nummer", "1", "2"),
        ("punkt 2 Eventuelt: nummer", "2", "1"),
    ]
    assert log[3:] == [("bilag tilføjet", "", "Budget"), ("bilag Budget: offentligt", "ja", "nej")]


def test_saving_a_list_again_logs_only_what_changed(archive, meeting_id):
    from secretary_app.core.model import AttendanceEntry, AttendanceStatus

    names = ["Anna", "Bo", "Carl"]
    archive.meetings.set_attendance(meeting_id, [AttendanceEntry(meeting_id, n) for n in names])
    archive.approvals.mark_agenda_sent(meeting_id, dt.datetime(2017, 6, 20, 9, 0))
    entries = archive.meetings.attendance(meeting_id)
    kept_ids = [entries[0].id, entries[2].id]
    entries[1].status = AttendanceStatus.EXCUSED
    archive.meetings.set_attendance(meeting_id, entries)

    log = [(e.what, e.old, e.new) for e in archive.approvals.audit(meeting_id)]
    assert log == [
        ("fremmøde fjernet", "Bo (til stede)", ""),
        ("fremmøde tilføjet", "", "Bo (afbud)"),
    ]
    saved = archive.meetings.attendance(meeting_id)
    assert [(e.name, e.status) for e in saved] == [
        ("Anna", AttendanceStatus.PRESENT),
        ("Bo", AttendanceStatus.EXCUSED),
        ("Carl", AttendanceStatus.PRESENT),
    ]
    assert [saved[0].id, saved[2].id] == kept_ids


def test_m006_replaces_the_field_triggers_an_early_m005_archive_lacks(tmp_path):
    """m005 archives made before chair notes were audited have no trigger for them."""
    from secretary_app.store.archive import Archive

    path = tmp_path / "arkiv.sqlite3"
    archive = Archive.open(path)
    meeting_id = add_reference_meeting(archive)
    archive.db.execute("DROP TRIGGER items_chair_notes_audit")
    archive.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm006_audit_in_danish'")
    archive.close()

    archive = Archive.open(path)
    try:
        archive.approvals.mark_agenda_sent(meeting_id, dt.datetime(2017, 6, 20, 9, 0))
        item = archive.items.for_meeting(meeting_id)[0]
        archive.items.update_field(item.id, "chair_notes", "Husk kaffe")
        [entry] = archive.approvals.audit(meeting_id)
        assert entry.what == f"punkt 1 {item.title}: interne noter"
    finally:
        archive.close()


def test_a_list_put_in_another_order_logs_who_moved(archive, meeting_id):
    from secretary_app.core.model import AttendanceEntry

    names = ["Anna", "Bo", "Carl"]
    archive.meetings.set_attendance(meeting_id, [AttendanceEntry(meeting_id, n) for n in names])
    archive.approvals.mark_agenda_sent(meeting_id, dt.datetime(2017, 6, 20, 9, 0))
    anna, bo, carl = archive.meetings.attendance(meeting_id)

    archive.meetings.set_attendance(meeting_id, [anna, carl])  # Bo leaves, Carl comes up
    archive.meetings.set_attendance(meeting_id, [carl, anna])

    log = [(e.what, e.old, e.new) for e in archive.approvals.audit(meeting_id)]
    assert log[:2] == [
        ("fremmøde fjernet", "Bo (til stede)", ""),
        ("fremmøde flyttet", "Carl (til stede), plads 3", "Carl (til stede), plads 2"),
    ]
    assert sorted(log[2:]) == [
        ("fremmøde flyttet", "Anna (til stede), plads 1", "Anna (til stede), plads 2"),
        ("fremmøde flyttet", "Carl (til stede), plads 2", "Carl (til stede), plads 1"),
    ]


def test_minutes_are_not_approved_on_a_day_to_come(archive, meeting_id):
    with pytest.raises(ValueError, match="ikke er kommet endnu"):
        archive.approvals.approve(
            archive, meeting_id, ["Udvalget"], dt.date.today() + dt.timedelta(days=1)
        )
    assert not archive.approvals.is_approved(meeting_id)
