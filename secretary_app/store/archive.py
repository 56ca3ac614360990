"""The archive: one SQLite file holding committees, meetings, items and attachments."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from secretary_app.store.approvals import ApprovalStore, current_user
from secretary_app.store.attachments import AttachmentStore
from secretary_app.store.committees import CommitteeStore
from secretary_app.store.items import ItemStore
from secretary_app.store.meetings import MeetingStore
from secretary_app.store.migrations import migrations
from secretary_app.store.records import RecordStore
from secretary_app.store.search import SearchStore
from secretary_app.store.settings import SettingsStore


class ArchiveError(Exception):
    """The archive file cannot be opened or used; the message is for the user (Danish)."""


class Archive:
    def __init__(self, db: Database, path: Path | None = None) -> None:
        self.db = db
        self.path = path
        self.committees = CommitteeStore(db)
        self.meetings = MeetingStore(db)
        self.items = ItemStore(db)
        self.attachments = AttachmentStore(db)
        self.settings = SettingsStore(db)
        self.search = SearchStore(db)
        self.records = RecordStore(db)
        self.approvals = ApprovalStore(db, self)

    @classmethod
    def open(cls, path: Path | str) -> Archive:
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = Database(sqlite3.connect(str(path), timeout=10))
        except (sqlite3.DatabaseError, OSError) as error:
            raise ArchiveError(f"Arkivet {path} kan ikke åbnes: {error}") from error
        try:
            _configure(db)
            _migrate(db, path)
        except sqlite3.DatabaseError as error:
            db.close()
            raise ArchiveError(f"Arkivet {path} kan ikke åbnes: {_reason(error)}") from error
        return cls(db, path)

    @classmethod
    def memory(cls) -> Archive:
        db = Database(memory=True)
        db.execute("PRAGMA foreign_keys = ON")
        _register_functions(db)
        migrations.apply(db)
        return cls(db)

    def close(self) -> None:
        self.db.close()

    def integrity_ok(self) -> bool:
        return bool(self.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok")


def _reason(error: sqlite3.DatabaseError) -> str:
    text = str(error)
    if "not a database" in text:
        return "filen er ikke et arkiv (ikke en SQLite-database)"
    if "locked" in text:
        return "filen er låst af et andet program"
    if "readonly" in text or "read-only" in text:
        return "filen kan ikke skrives (skrivebeskyttet)"
    if "full" in text:
        return "disken er fuld"
    return text


def _register_functions(db: Database) -> None:
    """SQL functions the archive's triggers call (store.record_schema)."""
    user = current_user()
    db.conn.create_function("secretary_user", 0, lambda: user)


def _configure(db: Database) -> None:
    _register_functions(db)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 10000")


def _migrate(db: Database, path: Path) -> None:
    pending = migrations.pending(db)
    if pending and migrations.applied(db):
        backup_before_migration(db, path, pending[0].name)
    migrations.apply(db)


def backup_before_migration(db: Database, path: Path, migration: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-{migration}-{stamp}{path.suffix}")
    with sqlite3.connect(str(target)) as copy:
        db.conn.backup(copy)
    return target
