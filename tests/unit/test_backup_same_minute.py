"""A third automatic backup in the same minute is the newest, and the rotation keeps it (found by
the crash tests of issue 10, which take a backup after every kill)."""

from __future__ import annotations

import datetime as dt

from secretary_app.core.model import Committee
from secretary_app.store.archive import Archive
from secretary_app.store.backups import newest_backup, take_backup

NOW = dt.datetime(2026, 1, 5, 10, 0)


def add_committee(path, name):
    archive = Archive.open(path)
    try:
        archive.committees.add(Committee(name))
    finally:
        archive.close()


def test_the_third_backup_in_one_minute_is_kept_as_the_newest(tmp_path):
    path = tmp_path / "arkiv.sqlite3"
    add_committee(path, "Økonomiudvalget")
    take_backup(path, NOW)
    take_backup(path, NOW)
    add_committee(path, "Børne- og skoleudvalget")

    third = take_backup(path, NOW)

    assert third.path.is_file()
    newest = newest_backup(path)
    assert newest is not None and newest.path == third.path
