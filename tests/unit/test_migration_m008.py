"""Migration m008 (item layouts) on every released archive: each text lands in its section word
for word, committees get Gentofte's layout, approved minutes still verify and print as they did,
the schema is a fresh archive's, the frozen words are the vocabulary's, and a migration cut off
half-way leaves the copy taken before it and an archive that migrates when opened again.

Each test works on a copy of an archive in tests/data, under `tmp_path`.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from word_test_support import (
    as_since_issue_9,
    baseline_paragraphs,
    without_empty_attachments,
)

from secretary_app.core import vocabulary
from secretary_app.core.item_layout import GENTOFTE
from secretary_app.core.layout_format import layout_from_text
from secretary_app.core.model import (
    AbsenceReason,
    Committee,
    Item,
    ItemAbsence,
    Meeting,
    Reservation,
    VoteSide,
)
from secretary_app.export.layout import Edition, build_layout
from secretary_app.export.word import write_docx
from secretary_app.store import migrations
from secretary_app.store.archive import Archive
from secretary_app.store.case_history import export_with_history
from secretary_app.store.errors import StoreError
from secretary_app.store.migrations import m008_schema

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
BASELINES = DATA / "before-item-layouts"
# The released archives from before item layouts (m008): the ones this migration changes.
RELEASED = [
    p for p in sorted(DATA.glob("archive-schema-*.sqlite3")) if p.stem < "archive-schema-m008"
]
M007 = DATA / "archive-schema-m007.sqlite3"
APPROVED_MEETING = 2  # in the m007 archive: minutes approved before item layouts
APPROVED_BY = "Godkendt 3. oktober 2017 af Marie Louise Andersen, Frank Jensen og Jens Lund"
LOCKED = "Referatet er godkendt"
SENT = dt.datetime(2017, 6, 20, 9, 0)


@pytest.fixture(params=RELEASED, ids=lambda path: path.name)
def old_archive(request, tmp_path):
    copy = tmp_path / request.param.name
    shutil.copyfile(request.param, copy)
    return copy


@pytest.fixture
def m007(tmp_path):
    copy = tmp_path / M007.name
    shutil.copyfile(M007, copy)
    archive = Archive.open(copy)
    yield archive
    archive.close()


def old_texts(path):
    """Every item's three texts as the old schema kept them, read with plain sqlite3."""
    with closing(sqlite3.connect(path)) as conn:
        rows = conn.execute("SELECT id, summary, previous_decisions, decision FROM items")
        return {item_id: texts for item_id, *texts in rows}


def item_columns(conn):
    return [row[1] for row in conn.execute("PRAGMA table_info(items)")]


def schema(conn):
    rows = conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    )
    return set(rows)


def first_word(text):
    return re.findall(r"\w{4,}", text)[0]


# --- every text in its section --------------------------------------------------------------


def test_every_text_lands_in_its_section_word_for_word(old_archive):
    before = old_texts(old_archive)

    archive = Archive.open(old_archive)
    try:
        rows = archive.db.rows("SELECT item_id, key, text FROM item_sections")
        found = {(row["item_id"], row["key"]): row["text"] for row in rows}
        keys = ("resume", "tidligere_beslutninger", "beslutning")
        expected = {
            (item_id, key): text
            for item_id, texts in before.items()
            for key, text in zip(keys, texts, strict=True)
            if text
        }
        assert found == expected
        assert expected, "the archive holds texts to migrate"
        for item_id, (summary, earlier, decision) in before.items():
            item = archive.items.get(item_id)
            assert (item.text("resume"), item.text("tidligere_beslutninger"), item.decision) == (
                summary,
                earlier,
                decision,
            )
    finally:
        archive.close()


def test_every_committee_gets_gentoftes_layout(old_archive):
    archive = Archive.open(old_archive)
    try:
        stored = archive.db.rows("SELECT id, layout FROM committees")
        assert stored
        for row in stored:
            assert row["layout"] == m008_schema.GENTOFTE_LAYOUT
            assert layout_from_text(row["layout"]) == GENTOFTE
            assert archive.layouts.of_committee(row["id"]) == GENTOFTE
    finally:
        archive.close()


def test_the_migrated_archive_is_sound_and_finds_the_decisions(old_archive):
    decisions = {item_id: texts[2] for item_id, texts in old_texts(old_archive).items()}

    archive = Archive.open(old_archive)
    try:
        assert archive.db.value("PRAGMA integrity_check") == "ok"
        assert archive.db.value("PRAGMA foreign_key_check") is None
        archive.db.execute("INSERT INTO item_search (item_search) VALUES ('integrity-check')")
        for item_id, decision in decisions.items():
            if decision:
                hits = [hit.item_id for hit in archive.search.items(first_word(decision))]
                assert item_id in hits, (item_id, decision)
        assert archive.db.value("SELECT count(*) FROM item_search") == len(decisions)
    finally:
        archive.close()


def test_a_fresh_archive_and_an_upgraded_one_have_the_same_schema(old_archive, tmp_path):
    fresh = Archive.open(tmp_path / "ny" / "arkiv.sqlite3")
    upgraded = Archive.open(old_archive)
    try:
        assert schema(upgraded.db.conn) == schema(fresh.db.conn)
        assert migrations.pending(upgraded.db.conn) == []
        assert not {"summary", "previous_decisions", "decision"} & set(
            item_columns(upgraded.db.conn)
        )
    finally:
        fresh.close()
        upgraded.close()


# --- approved minutes from before item layouts ------------------------------------------------


def test_approved_minutes_still_verify(m007):
    assert m007.approvals.is_approved(APPROVED_MEETING)
    assert m007.approvals.verify(APPROVED_MEETING)
    assert m007.layouts.of_meeting(APPROVED_MEETING) == GENTOFTE


@pytest.mark.parametrize(
    ("edition", "baseline"),
    [
        (Edition("minutes"), "archive-m007-approved-minutes.txt"),
        (Edition("minutes", public=True), "archive-m007-approved-minutes-public.txt"),
    ],
    ids=["full", "public"],
)
def test_approved_minutes_print_as_before_but_for_the_deliberate_changes(
    m007, tmp_path, edition, baseline
):
    """As before item layouts but for the empty "Bilag" headings left out (issue 8) and issue
    9's changes (word_test_support.as_since_issue_9): the signature sheet a table, with the
    approvers' line above it."""
    target = tmp_path / "referat.docx"
    doc = export_with_history(m007, APPROVED_MEETING)
    write_docx(build_layout(doc, edition), target)

    lines = (BASELINES / baseline).read_text(encoding="utf-8").splitlines()
    expected = without_empty_attachments(lines)
    assert len(lines) - len(expected) == 2  # the two items' empty "Bilag"
    # issue 9: the signature lines are a table, under who approved the minutes and when
    approved = "" if edition.public else APPROVED_BY
    assert baseline_paragraphs(target) == as_since_issue_9(expected, approved)


def test_approved_minutes_stay_locked_after_the_migration(m007):
    item = m007.items.for_meeting(APPROVED_MEETING)[0]

    for sql in (
        "UPDATE item_sections SET text = 'x' WHERE item_id = ?",
        "DELETE FROM item_sections WHERE item_id = ?",
        "INSERT INTO item_sections (item_id, key, text) VALUES (?, 'ny', 'x')",
        "INSERT INTO item_reservations (item_id, member) VALUES (?, 'x')",
        "UPDATE items SET public_title = 'x' WHERE id = ?",
    ):
        with pytest.raises(StoreError, match=LOCKED):
            m007.db.execute(sql, [item.id])
    assert m007.approvals.verify(APPROVED_MEETING)


# --- the words frozen into m008 --------------------------------------------------------------


def test_the_frozen_words_are_the_vocabularys():
    frozen, reasons = m008_schema.WORDS, vocabulary.ABSENCE_REASONS
    assert frozen == {
        "item": vocabulary.ITEM,
        "added": vocabulary.ADDED,
        "removed": vocabulary.REMOVED,
        "moved": vocabulary.MOVED,
        "place": vocabulary.PLACE,
        "public_title": vocabulary.ITEM_FIELD_NAMES["public_title"],
        "reservation": vocabulary.ROW_NAMES["item_reservations"],
        "not_present": vocabulary.ROW_NAMES["item_absences"],
        "dissent": vocabulary.ROW_NAMES["dissents"],
        "vote": vocabulary.ROW_NAMES["votes"],
        **{side.value: vocabulary.VOTE_SIDES[side] for side in VoteSide},
        "inhabil": reasons[AbsenceReason.DISQUALIFIED],
        "left": reasons[AbsenceReason.LEFT],
        "arrived_late": reasons[AbsenceReason.ARRIVED_LATE],
    }


def test_the_frozen_layout_is_gentoftes():
    assert layout_from_text(m008_schema.GENTOFTE_LAYOUT) == GENTOFTE


def test_the_frozen_section_keys_are_version_2s():
    from secretary_app.core.exchange import VERSION_2_TEXTS

    assert m008_schema.TEXT_COLUMNS == VERSION_2_TEXTS


@pytest.fixture
def sent_meeting(archive):
    committee = archive.committees.add(Committee("Opgaveudvalg om Innovation"))
    archive.layouts.set_of_committee(committee.id, GENTOFTE)
    meeting = archive.meetings.create(
        Meeting(committee.id, dt.date(2017, 6, 27)), [Item(0, "Eventuelt")]
    )
    archive.approvals.mark_agenda_sent(meeting.id, SENT)
    return meeting, archive.items.for_meeting(meeting.id)[0]


@pytest.mark.parametrize("reason", list(AbsenceReason))
def test_an_absence_is_logged_in_the_words_of_the_documents(archive, sent_meeting, reason):
    meeting, item = sent_meeting

    archive.records.set_absences(item.id, [ItemAbsence(item.id, "Frank Jensen", reason)])

    [entry] = archive.approvals.audit(meeting.id)
    phrase = vocabulary.ABSENCE_REASONS[reason]
    assert (entry.what, entry.old, entry.new) == (
        "punkt 1 Eventuelt: ikke til stede tilføjet",
        "",
        f"Frank Jensen ({phrase})",
    )


def test_arriving_late_reads_as_in_the_documents(archive, sent_meeting):
    meeting, item = sent_meeting

    archive.records.set_absences(
        item.id, [ItemAbsence(item.id, "Frank Jensen", AbsenceReason.ARRIVED_LATE)]
    )
    archive.records.set_absences(item.id, [])

    assert [(e.what, e.old, e.new) for e in archive.approvals.audit(meeting.id)] == [
        (
            "punkt 1 Eventuelt: ikke til stede tilføjet",
            "",
            "Frank Jensen (ankom efter punktets behandling)",
        ),
        (
            "punkt 1 Eventuelt: ikke til stede fjernet",
            "Frank Jensen (ankom efter punktets behandling)",
            "",
        ),
    ]


def test_arriving_late_in_an_upgraded_archive_reads_as_in_the_documents(m007):
    sent = 1  # the m007 archive's meeting whose agenda was sent
    assert m007.approvals.agenda_sent_at(sent)
    item = m007.items.for_meeting(sent)[1]
    before = len(m007.approvals.audit(sent))

    m007.records.set_absences(
        item.id, [ItemAbsence(item.id, "Frank Jensen", AbsenceReason.ARRIVED_LATE, "kl. 18.10")]
    )

    entries = m007.approvals.audit(sent)[before:]
    assert [(e.what, e.new) for e in entries] == [
        (
            "punkt 2 Eventuelt: ikke til stede tilføjet",
            "Frank Jensen (ankom efter punktets behandling)",
        )
    ]


def test_reservations_and_public_titles_are_logged_in_the_vocabularys_words(archive, sent_meeting):
    meeting, item = sent_meeting

    archive.records.set_reservations(
        item.id, [Reservation(item.id, "Søren Holm", "til finansieringen")]
    )
    archive.items.update_field(item.id, "public_title", "Offentlig")

    assert [(e.what, e.old, e.new) for e in archive.approvals.audit(meeting.id)] == [
        ("punkt 1 Eventuelt: forbehold tilføjet", "", "Søren Holm: til finansieringen"),
        ("punkt 1 Eventuelt: offentlig titel", "", "Offentlig"),
    ]


# --- a migration cut off half-way ------------------------------------------------------------

# Runs m008 to its end and kills the process before the step is committed, as a power cut would.
INTERRUPTED = """
import os, sys
from secretary_app.store.migrations import m008_schema
from secretary_app.store.archive import Archive

real = m008_schema.m008_item_layouts

def cut_off(db):
    real(db)
    os._exit(3)

m008_schema.m008_item_layouts = cut_off
Archive.open(sys.argv[1])
"""


def applied(path):
    with closing(sqlite3.connect(path)) as conn:
        return migrations.applied(conn)


def test_an_interrupted_migration_leaves_the_copy_and_migrates_when_opened_again(old_archive):
    texts = old_texts(old_archive)
    with closing(sqlite3.connect(old_archive)) as conn:
        before = migrations.applied(conn)
        first_pending = migrations.pending(conn)[0]

    done = subprocess.run(
        [sys.executable, "-c", INTERRUPTED, str(old_archive)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 3, done.stderr

    backups = old_archive.parent / "sikkerhedskopier"
    [copy] = backups.glob(f"{old_archive.stem}-før-{first_pending}-*.sqlite3")
    assert applied(copy) == before
    assert old_texts(copy) == texts
    with closing(sqlite3.connect(copy)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert {"summary", "previous_decisions", "decision"} <= set(item_columns(conn))
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        assert "item_sections" not in tables

    assert "m008_item_layouts" not in applied(old_archive)
    assert old_texts(old_archive) == texts  # the cut-off step left nothing behind
    archive = Archive.open(old_archive)
    try:
        assert archive.integrity_ok()
        assert migrations.pending(archive.db.conn) == []
        for item_id, (summary, _earlier, decision) in texts.items():
            item = archive.items.get(item_id)
            assert (item.text("resume"), item.decision) == (summary, decision)
    finally:
        archive.close()
