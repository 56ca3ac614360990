"""Never write to a file that is not our archive of a schema we know (issue 10, point 4): another
program's SQLite file, a file that is no database, and an archive of a newer version of the
program are refused, in Danish, before anything is written to them."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from secretary_app.cli import main
from secretary_app.store.archive import APPLICATION_ID, Archive, ArchiveError

DATA = Path(__file__).resolve().parent.parent / "data"


def foreign(path: Path) -> Path:
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE kunder (id INTEGER PRIMARY KEY, navn TEXT)")
        db.execute("INSERT INTO kunder (navn) VALUES ('Hansen')")
        db.commit()
    return path


def not_a_database(path: Path) -> Path:
    path.write_bytes(b"Dette er et brev, ikke en database.\n" * 50)
    return path


def newer(path: Path) -> Path:
    archive = Archive.open(path)
    archive.close()
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
        (foreign, "en anden slags database"),
        (not_a_database, "ikke et arkiv"),
        (newer, "nyere udgave af Mødesekretær"),
    ],
    ids=["another program's database", "not a database", "a newer program's archive"],
)
def test_a_file_that_is_not_ours_is_refused_and_left_as_it_was(tmp_path, make, problem):
    path = tmp_path / "fil.sqlite3"
    make(path)
    before = path.read_bytes()
    with pytest.raises(ArchiveError, match=problem):
        Archive.open(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fil.sqlite3"]  # no -wal, no copy


def test_the_command_line_says_so_in_one_line(tmp_path, capsys):
    path = foreign(tmp_path / "kunder.db")
    assert main(["--db", str(path), "meetings"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "ikke et arkiv fra Mødesekretær" in err[0]


def application_id(path: Path) -> int:
    with closing(sqlite3.connect(path)) as db:
        return int(db.execute("PRAGMA application_id").fetchone()[0])


def test_a_new_archive_carries_our_application_id(tmp_path):
    Archive.open(tmp_path / "ny.sqlite3").close()
    assert application_id(tmp_path / "ny.sqlite3") == APPLICATION_ID


@pytest.mark.parametrize("name", ["archive-schema-m001.sqlite3", "archive-schema-m007.sqlite3"])
def test_an_archive_from_before_the_id_is_ours_and_gets_it(tmp_path, name):
    copy = tmp_path / name
    shutil.copyfile(DATA / name, copy)
    assert application_id(copy) == 0
    Archive.open(copy).close()
    assert application_id(copy) == APPLICATION_ID
