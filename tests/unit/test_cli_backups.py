"""`secretary-app backup -o FILE`, `restore FILE`, `check` and `backups` (issue 10): one line per
finding or one line of refusal, never a traceback; the archive unchanged when refused."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from cli_support import Cli
from test_backups import committees, damage, every_row, foreign, newer
from test_tamper import plain

from secretary_app.store.backups import list_backups

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    cli = Cli(tmp_path / "arkiv.sqlite3", capsys)
    cli.ok("demo")
    return cli


def refused(result, *words: str) -> str:
    """The one line of a refusal (exit 2)."""
    assert result.status == 2, result
    assert len(result.err_lines) == 1 and "Traceback" not in result.err, result
    assert all(word in result.err for word in words), result
    return result.err_lines[0]


# --- backup -o -------------------------------------------------------------------------------


def test_backup_writes_a_whole_copy(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "ud" / "kopi.sqlite3"
    target.parent.mkdir()
    assert cli.ok("backup", "-o", target) == ""
    assert every_row(target) == every_row(cli.archive)
    assert sorted(p.name for p in target.parent.iterdir()) == ["kopi.sqlite3"]


@pytest.mark.parametrize(
    "name",
    [
        "arkiv.sqlite3",
        "arkiv.sqlite3-wal",
        "arkiv.sqlite3-shm",
        "sikkerhedskopier/arkiv-2026-12-06-0214.sqlite3",
        "arkiv.before-m009_replace_locks-20261206-000000.sqlite3",
    ],
)
def test_backup_is_never_written_onto_the_archive_or_its_files(
    cli: Cli, tmp_path: Path, name: str
) -> None:
    before = cli.archive.read_bytes()
    refused(cli("backup", "-o", tmp_path / name), "er arkivet selv eller en af dets filer")
    assert cli.archive.read_bytes() == before
    assert not (tmp_path / "sikkerhedskopier").exists()


def test_backup_of_a_damaged_archive_is_refused(cli: Cli, tmp_path: Path) -> None:
    damage(cli.archive)
    refused(cli("backup", "-o", tmp_path / "kopi.sqlite3"), "er beskadiget")
    assert not (tmp_path / "kopi.sqlite3").exists()


def test_backup_of_a_file_that_is_no_database_is_one_danish_line(tmp_path: Path, capsys) -> None:
    path = tmp_path / "fil.sqlite3"
    path.write_bytes(b"ikke en database\n" * 300)
    line = refused(Cli(path, capsys)("backup", "-o", tmp_path / "kopi.sqlite3"), "ikke et arkiv")
    said = "filen er ikke et arkiv (ikke en SQLite-database)"
    assert line == f"secretary-app: arkivet: {said}; intet blev ændret"
    assert not (tmp_path / "kopi.sqlite3").exists()


def test_backup_into_a_missing_folder_says_so(cli: Cli, tmp_path: Path) -> None:
    refused(cli("backup", "-o", tmp_path / "findes-ikke" / "kopi.sqlite3"), "kan ikke skrives")


# --- restore ---------------------------------------------------------------------------------


def test_restore_brings_back_the_backup_and_keeps_the_archive_first(
    cli: Cli, tmp_path: Path
) -> None:
    backup = tmp_path / "kopi.sqlite3"
    cli.ok("backup", "-o", backup)
    cli.ok("load", DATA.parent.parent / "resources" / "reference_meeting.json")
    before = every_row(cli.archive)

    out = cli.ok("restore", backup)

    [saved] = list_backups(cli.archive)
    assert out == (
        f"Arkivet {cli.archive} har nu indholdet fra {backup}; det tidligere indhold er gemt i "
        f"{saved.path}\n"
    )
    assert every_row(cli.archive) == every_row(backup)
    assert every_row(saved.path) == before
    assert len(cli.ok("meetings").splitlines()) == 1


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda archive, backup: foreign(backup), "en anden slags database"),
        (lambda archive, backup: damage(shutil.copyfile(archive, backup)), "beskadiget"),
        (lambda archive, backup: newer(shutil.copyfile(archive, backup)), "nyere udgave"),
    ],
    ids=["foreign", "damaged", "newer schema"],
)
def test_restore_refuses_in_one_line_and_changes_nothing(
    cli: Cli, tmp_path: Path, make, words: str
) -> None:
    backup = tmp_path / "kopi.sqlite3"
    make(cli.archive, backup)
    before = cli.archive.read_bytes()
    line = refused(cli("restore", backup), words, "intet blev ændret")
    assert line.startswith(f"secretary-app: {backup} kan ikke gendannes: ")
    assert cli.archive.read_bytes() == before
    assert list_backups(cli.archive) == []


# --- check -----------------------------------------------------------------------------------


def test_check_of_a_good_archive(cli: Cli) -> None:
    assert cli.ok("check").splitlines() == [
        "application id: OK (Mødesekretær)",
        f"skema: OK ({applied(cli.archive)[-1]}, det nyeste)",
        "integrity_check: OK",
        "foreign_key_check: OK",
        "godkendte referater: OK (ingen endnu)",
        "sikkerhedskopier: ingen endnu",
    ]


def applied(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as db:
        return [name for (name,) in db.execute("SELECT name FROM _sqlite_migrations")]


def test_check_of_a_damaged_archive_names_the_newest_backup(cli: Cli, tmp_path: Path) -> None:
    from secretary_app.store.backups import take_backup

    backup = take_backup(cli.archive)
    damage(cli.archive)
    before = cli.archive.read_bytes()
    result = cli("check")
    assert result.status == 1 and result.err == "", result
    last = result.out.splitlines()[-1]
    assert "er beskadiget" in last and f'restore "{backup.path}"' in last
    assert cli.archive.read_bytes() == before


def test_check_of_a_file_damaged_where_the_schema_is_stays_one_line(
    cli: Cli, tmp_path: Path
) -> None:
    with closing(sqlite3.connect(cli.archive)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with open(cli.archive, "r+b") as file:  # page 1 after the header: the schema's own table
        file.seek(100)
        file.write(b"\xff" * 200)
    result = cli("check")
    assert result.status in (1, 2) and "Traceback" not in result.err, result
    assert "beskadiget" in result.out + result.err


def test_check_finds_tampered_approved_minutes(tmp_path: Path, capsys) -> None:
    """An archive of a released schema with approved minutes; the lock dropped by hand and the
    decision rewritten."""
    path = shutil.copyfile(DATA / "archive-schema-m007.sqlite3", tmp_path / "arkiv.sqlite3")
    cli = Cli(path, capsys)
    assert "godkendte referater: OK (alle 1 svarer til deres fingeraftryk)" in cli.ok("check")
    cli.ok("meetings")  # opened once: migrated to the current schema
    with closing(plain(path)) as db:
        db.execute("DROP TRIGGER item_sections_update_locked")
        db.execute("UPDATE item_sections SET text = 'FORFALSKET' WHERE item_id = 3")
        db.commit()
    result = cli("check")
    assert result.status == 1 and result.err == "", result
    lines = result.out.splitlines()
    assert "møde 2: ændret: " in "\n".join(lines)
    assert any(line.startswith("protokollen: beskyttelsen er fjernet") for line in lines)
    assert "integrity_check: OK" in lines


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (foreign, "en anden slags database"),
        (lambda p: p.write_bytes(b"ikke en database\n" * 300), "ikke et arkiv"),
        (lambda p: None, "findes ikke"),
    ],
    ids=["foreign", "not a database", "missing"],
)
def test_check_of_what_is_no_archive_is_one_line_exit_2(
    tmp_path: Path, capsys, make, words: str
) -> None:
    path = tmp_path / "fil.sqlite3"
    make(path)
    refused(Cli(path, capsys)("check"), words)
    assert sorted(p.name for p in tmp_path.iterdir()) == (["fil.sqlite3"] if path.exists() else [])


# --- backups ---------------------------------------------------------------------------------


def test_backups_lists_them_oldest_first(cli: Cli) -> None:
    import datetime as dt

    from secretary_app.store.backups import backup_before_restore, take_backup

    take_backup(cli.archive, dt.datetime(2026, 12, 5, 8, 0))
    backup_before_restore(cli.archive, dt.datetime(2026, 12, 6, 2, 14))
    folder = cli.archive.parent / "sikkerhedskopier"
    assert cli.ok("backups").splitlines() == [
        f"2026-12-05 08.00\tautomatisk\t{folder / 'arkiv-2026-12-05-0800.sqlite3'}",
        f"2026-12-06 02.14\tfør en gendannelse\t{folder}/arkiv-før-gendannelse-2026-12-06-0214"
        ".sqlite3",
    ]
    assert committees(cli.archive) == ["Opgaveudvalg om Innovation"]
