"""The store's own errors (issue 11, "Every message in Danish"): whatever SQLite says, a read or
a write of the archive fails with a StoreError whose reason is Danish, SQLite's error kept as
its cause, and a failed write changes nothing."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from secretary_app.core.model import Attachment, Committee, Item, Meeting
from secretary_app.store.archive import Archive, ArchiveError
from secretary_app.store.backups import BackupError, DamagedArchive
from secretary_app.store.errors import (
    ArchiveBusy,
    DamagedFile,
    DiskFull,
    StoreError,
    store_error,
)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "arkiv.sqlite3"


@pytest.fixture
def archive(path: Path) -> Iterator[Archive]:
    archive = Archive.open(path)
    committee = archive.committees.add(Committee("Økonomiudvalget"))
    meeting = archive.meetings.add(Meeting(committee.id or 0, dt.date(2017, 6, 27)))
    archive.items.add(Item(meeting.id or 0, "Godkendelse af dagsorden"), 0)
    yield archive
    archive.close()


def first_item(archive: Archive) -> Item:
    meeting = archive.meetings.latest()
    assert meeting is not None
    return archive.items.for_meeting(meeting.id)[0]


def file_content(path: Path) -> list[str]:
    """What another program sees in the file: only what was committed."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return list(conn.iterdump())


@contextlib.contextmanager
def write_lock_held(path: Path) -> Iterator[None]:
    """Another program in a write transaction (DB Browser before "Write Changes")."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_locked_archive_is_said_in_danish_and_nothing_changes(archive, path):
    item = first_item(archive)
    archive.db.set_busy_timeout(50)
    before = file_content(path)
    with write_lock_held(path), pytest.raises(ArchiveBusy) as refused:
        archive.items.update_field(item.id or 0, "title", "Ændret")
    assert refused.value.reason == "filen er låst af et andet program"
    assert isinstance(refused.value.__cause__, sqlite3.OperationalError)
    assert not archive.db.conn.in_transaction
    assert file_content(path) == before
    assert first_item(archive).title == "Godkendelse af dagsorden"


def test_a_read_only_archive_is_said_in_danish_and_nothing_changes(archive, path):
    item = first_item(archive)
    before = file_content(path)
    reader = Archive.open(path, read_only=True)
    try:
        with pytest.raises(StoreError) as refused:
            reader.items.update_field(item.id or 0, "title", "Ændret")
    finally:
        reader.close()
    assert refused.value.reason == "filen kan ikke skrives (skrivebeskyttet)"
    assert isinstance(refused.value.__cause__, sqlite3.OperationalError)
    assert file_content(path) == before


def test_a_full_disk_is_said_in_danish_and_nothing_changes(archive, path):
    """SQLite's own SQLITE_FULL: the file may not grow by a page (PRAGMA max_page_count)."""
    item = first_item(archive)
    pages = archive.db.value("PRAGMA page_count")
    archive.db.conn.execute(f"PRAGMA max_page_count = {pages}")
    before = file_content(path)
    attachment = Attachment(item_id=item.id or 0, title="Budget", filename="budget.pdf")
    with pytest.raises(DiskFull) as refused:
        archive.attachments.add_stream(attachment, io.BytesIO(b"x" * 200_000))
    assert refused.value.reason == "disken er fuld"
    assert refused.value.__cause__.sqlite_errorcode == sqlite3.SQLITE_FULL
    assert not archive.db.conn.in_transaction
    assert file_content(path) == before
    assert archive.attachments.for_item(item.id or 0) == []


def test_a_read_of_a_closed_archive_is_a_store_error(archive):
    archive.close()
    with pytest.raises(StoreError, match="^arkivet er lukket$"):
        archive.committees.all()


def test_a_search_reads_through_the_store_and_says_its_errors_in_danish(archive):
    archive.close()
    with pytest.raises(StoreError, match="arkivet er lukket"):
        archive.search.years()


@pytest.mark.parametrize(
    ("sqlite_says", "kind", "reason"),
    [
        ("database is locked", ArchiveBusy, "filen er låst af et andet program"),
        ("database or disk is full", DiskFull, "disken er fuld"),
        ("database disk image is malformed", DamagedFile, "filen er beskadiget"),
        ("attempt to write a readonly database", StoreError, "filen kan ikke skrives"),
        ("FOREIGN KEY constraint failed", StoreError, "findes ikke længere i arkivet"),
    ],
)
def test_each_sqlite_error_becomes_one_of_the_stores_own(sqlite_says, kind, reason):
    error = store_error(sqlite3.OperationalError(sqlite_says))
    assert type(error) is kind
    assert reason in error.reason == str(error)
    assert sqlite_says not in error.reason


def test_the_archives_own_refusal_keeps_its_words():
    said = "Referatet er godkendt og kan ikke ændres; tilføj en rettelse i stedet"
    assert store_error(sqlite3.IntegrityError(said)).reason == said


def test_the_stores_errors_are_one_family():
    for error in (ArchiveError("a"), BackupError("b"), DamagedArchive("c")):
        assert isinstance(error, StoreError)
        assert error.reason == str(error)
