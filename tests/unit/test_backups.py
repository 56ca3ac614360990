"""Backups with SQLite's backup API (issue 10, point 5): whole, named by time, rotated, never a
half-written file; restored into the archive's own file; a damaged archive never written."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretary_app.core import files as files_module
from secretary_app.core.model import Committee
from secretary_app.store import backups as backups_module
from secretary_app.store.archive import Archive, ArchiveError
from secretary_app.store.backups import (
    KEEP_DAILY,
    KEEP_MONTHLY,
    KEEP_WEEKLY,
    Backup,
    BackupError,
    backup_due,
    list_backups,
    rotation_keeps,
    special_keeps,
    take_backup,
)
from secretary_app.store.restore import newest_good_backup, restore_backup

DATA = Path(__file__).resolve().parent.parent / "data"
ROOT = Path(__file__).resolve().parents[2]
DEC_6 = dt.datetime(2026, 12, 6, 2, 14)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """An archive file with two committees, closed."""
    path = tmp_path / "arkiv.sqlite3"
    archive = Archive.open(path)
    archive.committees.add(Committee("Økonomiudvalget"))
    archive.committees.add(Committee("Teknik- og Miljøudvalget"))
    archive.close()
    return path


def committees(path: Path) -> list[str]:
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
        return [name for (name,) in db.execute("SELECT name FROM committees ORDER BY id")]


def every_row(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
        tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: sorted(db.execute(f'SELECT * FROM "{t}"'), key=repr) for t in tables}


def integrity(path: Path) -> str:
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])


def damage(path: Path, table: str = "committees") -> Path:
    """Overwrite the start of a table's page, as a failing disk or a stray write would."""
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page = db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()
        size = db.execute("PRAGMA page_size").fetchone()[0]
    with open(path, "r+b") as file:
        file.seek((page[0] - 1) * size)
        file.write(b"\xff" * 100)
    return path


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# --- taking a backup -------------------------------------------------------------------------


def test_a_backup_holds_what_is_committed_also_while_it_is_only_in_the_wal(path: Path) -> None:
    """The pre-migration backup used to be a file copy: a change committed but still in the WAL
    was not in it. The backup API reads through SQLite; an uncommitted change is not in it."""
    archive = Archive.open(path)
    archive.db.conn.execute("PRAGMA wal_autocheckpoint = 0")
    archive.committees.add(Committee("Børne- og Skoleudvalget"))  # committed, in the WAL
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO committees (name) VALUES ('Ufærdigt udvalg')")
    try:
        shutil.copyfile(path, path.with_name("filkopi.sqlite3"))
        backup = take_backup(path, DEC_6)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
        archive.close()
    assert "Børne- og Skoleudvalget" not in committees(path.with_name("filkopi.sqlite3"))
    assert committees(backup.path) == [
        "Økonomiudvalget",
        "Teknik- og Miljøudvalget",
        "Børne- og Skoleudvalget",
    ]


def test_a_backup_is_one_whole_file_named_by_its_time(path: Path) -> None:
    backup = take_backup(path, DEC_6)
    folder = path.parent / "sikkerhedskopier"
    assert backup.path == folder / "arkiv-2026-12-06-0214.sqlite3"
    assert files_in(folder) == ["arkiv-2026-12-06-0214.sqlite3"]  # no -wal, no temporary
    assert (backup.kind, backup.when) == ("automatic", "6. december 2026 kl. 02.14")
    assert list_backups(path) == [backup]
    assert integrity(backup.path) == "ok"
    copy = shutil.copyfile(backup.path, path.with_name("kopi.sqlite3"))
    Archive.open(copy).close()
    assert committees(copy) == committees(path)


def test_a_second_backup_in_the_same_minute_gets_its_own_name(path: Path) -> None:
    first = backups_module.backup_before_restore(path, DEC_6)
    second = backups_module.backup_before_restore(path, DEC_6)
    assert first.path.name == "arkiv-før-gendannelse-2026-12-06-0214.sqlite3"
    assert second.path.name == "arkiv-før-gendannelse-2026-12-06-0214-2.sqlite3"
    assert list_backups(path) == [first, second]


def test_a_failed_backup_leaves_no_file_and_says_why_in_danish(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk (the copy may hold five pages) half-way through the copy."""

    def small_disk(target: Path) -> sqlite3.Connection:
        copy = sqlite3.connect(str(target), isolation_level=None)
        copy.execute("PRAGMA max_page_count = 5")
        return copy

    monkeypatch.setattr(backups_module, "_open_copy", small_disk)
    with pytest.raises(BackupError, match="disken er fuld") as refused:
        take_backup(path, DEC_6)
    assert len(str(refused.value).splitlines()) == 1
    assert files_in(path.parent / "sikkerhedskopier") == []


def test_a_failed_rename_leaves_no_file(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_room(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files_module.os, "replace", no_room)
    with pytest.raises(BackupError, match=r"kan ikke skrives \(disken er fuld\); intet blev gemt"):
        take_backup(path, DEC_6)
    assert files_in(path.parent / "sikkerhedskopier") == []


KEEP_BACKING_UP = """
import datetime as dt, sys
from pathlib import Path
from secretary_app.store.backups import take_backup
start = dt.datetime(2026, 1, 1)
for minute in range(100000):
    take_backup(Path(sys.argv[1]), start + dt.timedelta(hours=minute))
    print(minute, flush=True)
"""


def test_a_backup_killed_at_any_moment_leaves_no_file_under_a_backup_name(path: Path) -> None:
    archive = Archive.open(path)
    with archive.db.atomic():
        for n in range(3000):
            archive.db.conn.execute("INSERT INTO committees (name) VALUES (?)", [f"U{n:05} " * 40])
    archive.close()
    folder = path.parent / "sikkerhedskopier"
    for delay in (0.35, 0.5, 0.65, 0.8, 0.95):
        child = subprocess.Popen(
            [sys.executable, "-c", KEEP_BACKING_UP, str(path)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None and child.stdout.readline()  # one backup made
        time.sleep(delay - 0.3)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
        child.stdout.close()
        for backup in list_backups(path):
            assert integrity(backup.path) == "ok"
            assert len(committees(backup.path)) == 3002
        names = set(files_in(folder)) - {b.path.name for b in list_backups(path)}
        assert all(name.startswith(".arkiv-") and ".tmp" in name for name in names), names
    assert names  # a kill came in the middle of a backup: its temporary file is still there
    assert take_backup(path).path.exists()  # and the next one works


def test_a_damaged_archive_gives_no_backup(path: Path) -> None:
    damage(path)
    with pytest.raises(BackupError, match="beskadiget"):
        take_backup(path, DEC_6)
    assert files_in(path.parent / "sikkerhedskopier") == []


def test_a_backup_is_due_once_a_day(path: Path) -> None:
    assert backup_due(path, DEC_6)
    take_backup(path, DEC_6)
    assert not backup_due(path, DEC_6 + dt.timedelta(hours=23, minutes=59))
    assert backup_due(path, DEC_6 + dt.timedelta(days=1))
    assert backup_due(path, DEC_6 - dt.timedelta(days=1))  # the clock was put back


def test_backups_before_a_migration_or_a_restore_are_not_the_daily_one(path: Path) -> None:
    backups_module.backup_before_restore(path, DEC_6)
    assert backup_due(path, DEC_6 + dt.timedelta(minutes=1))


# --- rotation --------------------------------------------------------------------------------

times = st.lists(
    st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2030, 12, 31)),
    max_size=300,
)


def keeps(taken: list[dt.datetime]) -> list[dt.datetime]:
    return rotation_keeps(taken, lambda t: t)


@given(times)
def test_rotation_never_removes_the_newest(taken: list[dt.datetime]) -> None:
    assert not taken or max(taken) in keeps(taken)


@given(times)
def test_rotation_keeps_at_most_7_daily_4_weekly_12_monthly(taken: list[dt.datetime]) -> None:
    assert len(keeps(taken)) <= KEEP_DAILY + KEEP_WEEKLY + KEEP_MONTHLY


@given(times)
def test_rotation_is_idempotent(taken: list[dt.datetime]) -> None:
    kept = keeps(taken)
    assert keeps(kept) == kept


@given(times)
def test_rotation_keeps_the_newest_of_each_of_the_latest_seven_days(
    taken: list[dt.datetime],
) -> None:
    days = sorted({t.date() for t in taken}, reverse=True)[:KEEP_DAILY]
    newest = {day: max(t for t in taken if t.date() == day) for day in days}
    assert set(newest.values()) <= set(keeps(taken))


def test_a_year_of_daily_backups_keeps_a_week_a_month_and_a_year() -> None:
    taken = [dt.datetime(2026, 1, 1, 8) + dt.timedelta(days=n) for n in range(365)]
    kept = keeps(taken)
    assert kept[-7:] == taken[-7:]  # the last 7 days: 25 to 31 December
    assert dt.datetime(2026, 12, 20, 8) in kept  # Sunday, the newest of ISO week 51
    assert dt.datetime(2026, 12, 13, 8) in kept  # and of week 50
    assert dt.datetime(2026, 1, 31, 8) in kept  # the newest of January
    # weeks 53 and 52 and December end within the last seven days
    assert len(kept) == 7 + 2 + 11


def test_backups_before_a_migration_keep_the_newest_two_and_the_last_month(tmp_path: Path) -> None:
    def before(day: dt.datetime) -> Backup:
        return Backup(tmp_path / str(day), day, "migration", "m010_audit_chain")

    old = [before(dt.datetime(2025, month, 1)) for month in (1, 2, 3)]
    recent = [before(DEC_6 - dt.timedelta(days=days)) for days in (20, 10, 1)]
    assert special_keeps(old, DEC_6) == old[-2:]
    assert special_keeps([*old, *recent], DEC_6) == recent


def test_a_backup_every_day_for_a_year_leaves_the_rotation_on_disk(path: Path) -> None:
    for day in range(0, 400, 3):
        take_backup(path, DEC_6 + dt.timedelta(days=day))
    kept = list_backups(path)
    assert kept[-1].taken_at == DEC_6 + dt.timedelta(days=399)
    assert len(kept) <= KEEP_DAILY + KEEP_WEEKLY + KEEP_MONTHLY
    assert len(files_in(path.parent / "sikkerhedskopier")) == len(kept)


# --- restore ---------------------------------------------------------------------------------


def test_a_restored_archive_holds_exactly_the_backups_rows(path: Path) -> None:
    backup = take_backup(path, DEC_6)
    archive = Archive.open(path)
    archive.committees.add(Committee("Efter sikkerhedskopien"))
    archive.close()
    before_restore = every_row(path)

    saved = restore_backup(path, backup.path, DEC_6 + dt.timedelta(hours=1))

    assert every_row(path) == every_row(backup.path)
    assert saved is not None and every_row(saved.path) == before_restore
    assert saved.path.name == "arkiv-før-gendannelse-2026-12-06-0314.sqlite3"
    archive = Archive.open(path, check=True)
    assert [c.name for c in archive.committees.all()] == sorted(committees(backup.path))
    archive.close()


def test_a_window_open_on_the_archive_reads_the_restored_content(path: Path) -> None:
    backup = take_backup(path, DEC_6)
    archive = Archive.open(path)
    archive.committees.add(Committee("Efter sikkerhedskopien"))
    restore_backup(path, backup.path)
    assert "Efter sikkerhedskopien" not in [c.name for c in archive.committees.all()]
    archive.close()


def test_a_backup_of_an_older_schema_is_migrated_when_opened(path: Path, tmp_path: Path) -> None:
    old = shutil.copyfile(DATA / "archive-schema-m007.sqlite3", tmp_path / "gammel.sqlite3")
    restore_backup(path, old)
    archive = Archive.open(path)
    try:
        assert archive.approvals.approved_meetings() == [2]
        assert archive.approvals.differences(2) == []
    finally:
        archive.close()


def test_restoring_onto_no_archive_makes_it(path: Path, tmp_path: Path) -> None:
    backup = take_backup(path, DEC_6)
    new = tmp_path / "ny" / "arkiv.sqlite3"
    new.parent.mkdir()
    assert restore_backup(new, backup.path) is None
    assert every_row(new) == every_row(backup.path)


def foreign(path: Path) -> Path:
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE kunder (navn TEXT)")
        db.commit()
    return path


def newer(path: Path) -> Path:
    with closing(sqlite3.connect(path)) as db:
        db.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
            " VALUES ('secretary_app', 'm999_from_the_future', '2030-01-01')"
        )
        db.commit()
    return path


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda p, b: foreign(b), "en anden slags database"),
        (lambda p, b: b.write_bytes(b"ikke en database\n" * 300), "ikke et arkiv"),
        (lambda p, b: damage(shutil.copyfile(p, b)), "beskadiget"),
        (lambda p, b: newer(shutil.copyfile(p, b)), "nyere udgave"),
        (lambda p, b: sqlite3.connect(b).close(), "tom"),
        (lambda p, b: None, "findes ikke"),
    ],
    ids=["foreign", "not a database", "damaged", "newer schema", "empty", "missing"],
)
def test_a_restore_refuses_what_is_not_a_good_backup_and_changes_nothing(
    path: Path, tmp_path: Path, make, problem
) -> None:
    backup = tmp_path / "sikkerhedskopi.sqlite3"
    make(path, backup)
    before = path.read_bytes()
    with pytest.raises(BackupError, match=problem) as refused:
        restore_backup(path, backup)
    assert str(refused.value).endswith("intet blev ændret")
    assert path.read_bytes() == before
    assert files_in(tmp_path / "sikkerhedskopier") == []


def test_a_restore_refuses_the_archive_itself(path: Path) -> None:
    with pytest.raises(BackupError, match="er arkivet selv"):
        restore_backup(path, path.parent / "." / path.name)


def test_a_restore_will_not_write_over_another_programs_file(path: Path, tmp_path: Path) -> None:
    backup = take_backup(path, DEC_6)
    other = foreign(tmp_path / "kunder.sqlite3")
    before = other.read_bytes()
    with pytest.raises(BackupError, match="en anden slags database"):
        restore_backup(other, backup.path)
    assert other.read_bytes() == before


def test_a_damaged_archive_is_restored_and_kept_as_it_was(path: Path) -> None:
    backup = take_backup(path, DEC_6)
    damage(path)
    saved = restore_backup(path, backup.path, DEC_6 + dt.timedelta(hours=1))
    assert saved is not None and saved.kind == "damaged"
    assert saved.path.name == "arkiv-beskadiget-2026-12-06-0314.sqlite3"
    assert integrity(path) == "ok" and committees(path) == committees(backup.path)
    assert newest_good_backup(path) == backup


# --- a damaged archive at opening ------------------------------------------------------------


def test_a_damaged_archive_is_refused_naming_the_newest_backup(path: Path) -> None:
    backup = take_backup(path, DEC_6)
    damage(path)
    before = path.read_bytes()
    with pytest.raises(ArchiveError) as refused:
        Archive.open(path, check=True)
    message = str(refused.value)
    assert len(message.splitlines()) == 1
    assert "er beskadiget" in message
    assert f"den nyeste sikkerhedskopi er {backup.path} fra 6. december 2026 kl. 02.14" in message
    assert f'secretary-app --db "{path}" restore "{backup.path}"' in message
    assert path.read_bytes() == before


def test_the_window_checks_after_its_first_paint(path: Path) -> None:
    damage(path, "items")
    archive = Archive.open(path)  # no check: quick to open
    try:
        with pytest.raises(ArchiveError, match="der er ingen sikkerhedskopi af det"):
            archive.quick_check()
    finally:
        archive.close()


def test_an_archive_that_would_be_migrated_is_checked_first(tmp_path: Path) -> None:
    old = damage(shutil.copyfile(DATA / "archive-schema-m007.sqlite3", tmp_path / "a.sqlite3"))
    before = old.read_bytes()
    with pytest.raises(ArchiveError, match="er beskadiget"):
        Archive.open(old)
    assert old.read_bytes() == before
    assert files_in(tmp_path / "sikkerhedskopier") == []


def test_the_newest_good_backup_passes_over_a_damaged_one(path: Path) -> None:
    older = take_backup(path, DEC_6 - dt.timedelta(days=1))
    newest = take_backup(path, DEC_6)
    assert newest_good_backup(path) == newest
    damage(newest.path)
    assert newest_good_backup(path) == older


# --- no output onto the backups ----------------------------------------------------------------


def test_the_backup_folder_belongs_to_the_archive(path: Path) -> None:
    archive = Archive.open(path)
    try:
        folder = path.parent / "sikkerhedskopier"
        assert archive.is_own_file(folder / "arkiv-2026-12-06-0214.sqlite3")
        assert archive.is_own_file(folder / "referat.docx")
        assert archive.is_own_file(path.parent / "arkiv.before-m009-20261206-000000.sqlite3")
        assert not archive.is_own_file(path.parent / "referat.docx")
    finally:
        archive.close()
