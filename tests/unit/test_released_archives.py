"""Every released schema's archive file opens, migrates, and keeps its data."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from secretary_app.store.archive import Archive

DATA = Path(__file__).resolve().parent.parent / "data"
RELEASED = sorted(DATA.glob("archive-schema-*.sqlite3"))


def test_there_is_an_archive_of_each_released_schema():
    assert [p.name for p in RELEASED] == [
        "archive-schema-m001.sqlite3",
        "archive-schema-m005.sqlite3",
        "archive-schema-m007.sqlite3",
        "archive-schema-m009.sqlite3",
        "archive-schema-m010.sqlite3",  # the audit log a hash chain; before the trigram search
    ]


@pytest.fixture(params=RELEASED, ids=lambda p: p.name)
def old_archive(request, tmp_path):
    copy = tmp_path / request.param.name
    shutil.copyfile(request.param, copy)
    return copy


def test_an_old_archive_migrates_and_keeps_its_data(old_archive):
    archive = Archive.open(old_archive)
    try:
        items = archive.items.for_meeting(1)
        assert [i.title for i in items] == ["Tredje møde i Opgaveudvalg om Innovation", "Eventuelt"]
        assert items[0].decision == "Taget til efterretning."
        assert items[0].chair_notes == ""
        assert archive.attachments.content(archive.attachments.for_item(1)[0].id) == b"hello"
        assert 1 in [hit.item_id for hit in archive.search.items("Innovation")]
        assert archive.integrity_ok()
    finally:
        archive.close()


def _applied(path):
    with sqlite3.connect(path) as db:
        return [row[0] for row in db.execute("SELECT name FROM _sqlite_migrations")]


def test_migrating_takes_a_copy_first(old_archive):
    before = _applied(old_archive)
    Archive.open(old_archive).close()
    copies = list((old_archive.parent / "sikkerhedskopier").glob(f"{old_archive.stem}-før-*"))
    if before == _applied(old_archive):  # the current schema: nothing to migrate, no copy
        assert copies == []
        return
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as copy:
        rows = copy.execute("SELECT title FROM items WHERE meeting_id = 1 ORDER BY position")
        titles = [row[0] for row in rows]
    assert _applied(copies[0]) == before
    assert titles == ["Tredje møde i Opgaveudvalg om Innovation", "Eventuelt"]


def test_every_archive_ends_on_the_current_schema(old_archive):
    from sqlite_utils import Database

    from secretary_app.store.migrations import migration_set

    Archive.open(old_archive).close()
    with Database(old_archive) as db:
        assert migration_set().pending(db) == []


def test_a_migrated_archive_takes_new_fields(old_archive):
    archive = Archive.open(old_archive)
    try:
        archive.items.update_field(1, "chair_notes", "Husk kaffe")
        assert archive.items.get(1).chair_notes == "Husk kaffe"
    finally:
        archive.close()


def test_an_upgraded_archive_is_compacted(old_archive):
    """The room migrations leave (m008 drops three text columns and an index) is given back."""
    Archive.open(old_archive).close()
    with closing(sqlite3.connect(old_archive)) as db:
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute("VACUUM")
        assert db.execute("PRAGMA page_count").fetchone()[0] == pages


def test_approved_minutes_of_an_old_archive_verify_and_enter_the_audit_chain(old_archive):
    archive = Archive.open(old_archive)
    try:
        approved = archive.approvals.approved_meetings()
        assert [archive.approvals.differences(m) for m in approved] == [[] for _ in approved]
        assert archive.approvals.record_problems() == []
        for meeting_id in approved:
            entries = [e.what for e in archive.approvals.audit(meeting_id)]
            assert "referat godkendt" in entries
            corrections = archive.approvals.corrections(meeting_id)
            assert sum(what.startswith("rettelse") for what in entries) == len(corrections)
    finally:
        archive.close()


@pytest.mark.parametrize("name", ["archive-schema-m009.sqlite3", "archive-schema-m010.sqlite3"])
def test_the_released_archives_hold_approved_minutes_with_corrections(name):
    with closing(sqlite3.connect(DATA / name)) as db:
        assert db.execute("SELECT meeting_id FROM approvals ORDER BY 1").fetchall() == [(2,), (3,)]
        assert db.execute("SELECT count(*) FROM corrections").fetchone()[0] >= 2
