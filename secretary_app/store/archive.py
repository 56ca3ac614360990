"""The archive: one SQLite file holding committees, meetings, items and attachments."""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from secretary_app.store import migrations
from secretary_app.store.approvals import ApprovalStore, current_user
from secretary_app.store.attachments import AttachmentStore
from secretary_app.store.backups import (
    BackupError,
    backup_before_migration,
    is_in_backup_folder,
    newest_backup,
    open_read_only,
)
from secretary_app.store.committees import CommitteeStore
from secretary_app.store.database import Database
from secretary_app.store.drives import is_network_path
from secretary_app.store.errors import StoreError, is_damage, reason
from secretary_app.store.items import ItemStore
from secretary_app.store.layouts import LayoutStore
from secretary_app.store.meetings import MeetingStore
from secretary_app.store.migrations.m010_schema import entry_hash
from secretary_app.store.records import RecordStore
from secretary_app.store.settings import SettingsStore

if TYPE_CHECKING:
    from secretary_app.store.search import SearchStore


class ArchiveError(StoreError):
    """The archive file cannot be opened or used; the message is for the user (Danish)."""


# In the file's header (PRAGMA application_id): "MSKR", Mødesekretær's archive.
APPLICATION_ID = 0x4D534B52


class Archive:
    def __init__(self, db: Database, path: Path | None = None) -> None:
        self.db = db
        self.path = path
        self.committees = CommitteeStore(db)
        self.meetings = MeetingStore(db)
        self.items = ItemStore(db)
        self.attachments = AttachmentStore(db)
        self.settings = SettingsStore(db)
        self.records = RecordStore(db)
        self.approvals = ApprovalStore(db, self)
        self.layouts = LayoutStore(db)
        self.read_only = False  # opened so: another window holds the archive
        self.on_network_drive = False  # then without WAL, and one program at a time

    @functools.cached_property
    def search(self) -> SearchStore:
        """Made when first searched: its rules are not needed for the window to appear."""
        from secretary_app.store.search import SearchStore

        return SearchStore(self.db)

    @classmethod
    def open(cls, path: Path | str, *, check: bool = False, read_only: bool = False) -> Archive:
        """The archive at `path`, created when missing, migrated when older. With `check`, or
        when opening it would write to it (a migration, the application id, WAL), it must pass
        `PRAGMA quick_check` first: about 0.2 s on a ten-year archive, 2 s when the file is not
        in the system's cache, so the window runs `quick_check()` after its first paint.

        `read_only`: the file is read and never written (another window holds it; store.
        session_lock). On a network drive the archive uses a rollback journal and exclusive
        locking instead of WAL (store.drives)."""
        path = Path(path)
        network = is_network_path(path)
        db = _connect(path, read_only)
        try:
            problem = why_not_ours(db.conn)  # before anything is written to the file
            if problem:
                raise ArchiveError(f"Arkivet {path} kan ikke åbnes: {problem}")
            if read_only:
                _refuse_pending_migrations(db.conn, path)
                _configure(db, _CONNECTION_PRAGMAS + ("busy_timeout = 10000",))
            else:
                if check or _opening_writes(db.conn, network):
                    _check_quick(db.conn, path)
                _configure(db, _file_pragmas(network) + _CONNECTION_PRAGMAS)
                _migrate(db, path)
        except ArchiveError:
            db.close()
            raise
        except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
            db.close()
            raise ArchiveError(cannot_open(path, error)) from error
        archive = cls(db, path)
        archive.read_only, archive.on_network_drive = read_only, network
        return archive

    @classmethod
    def memory(cls) -> Archive:
        db = Database(sqlite3.connect(":memory:"))
        _configure(db, _CONNECTION_PRAGMAS)
        migrations.migration_set().apply(db.utils)
        return cls(db)

    @classmethod
    def copy_in_memory(cls, source: sqlite3.Connection) -> Archive:
        """A copy of the archive of `source` in memory, migrated: to read an archive of any
        schema of ours with the current code, and never write to its file."""
        db = Database(sqlite3.connect(":memory:"))
        source.backup(db.conn)
        _configure(db, _CONNECTION_PRAGMAS)
        if migrations.pending(db.conn):
            migrations.migration_set().apply(db.utils)
        return cls(db)

    def close(self) -> None:
        self.db.close()

    def is_own_file(self, path: Path) -> bool:
        return self.path is not None and is_archive_file(self.path, path)

    def integrity_ok(self) -> bool:
        return bool(self.db.value("PRAGMA integrity_check") == "ok")

    def quick_check(self) -> None:
        """ArchiveError (one Danish line naming the newest backup) when the archive is damaged."""
        if self.path is None:
            return
        try:
            _check_quick(self.db.conn, self.path)
        except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
            raise ArchiveError(cannot_open(self.path, error)) from error


def is_archive_file(archive: Path, path: Path) -> bool:
    """Is `path` the archive, one of SQLite's files beside it, or one of its backups? No output
    may be written there."""
    archive, target = Path(archive).resolve(), Path(path).resolve()
    if target == archive or (target.exists() and os.path.samefile(target, archive)):
        return True
    beside = target.parent == archive.parent
    ours = (f"{archive.name}-", f"{archive.stem}.before-")  # -wal, -shm, -journal; old backups
    return (beside and target.name.startswith(ours)) or is_in_backup_folder(archive, target)


def cannot_open(path: Path, error: sqlite3.DatabaseError | UnicodeDecodeError) -> str:
    """Why the archive cannot be opened, in one Danish line; the newest backup when damaged."""
    if isinstance(error, UnicodeDecodeError) or is_damage(error):
        return damaged(path, "en del af filen kan ikke læses")
    if "not a database" in str(error) and newest_backup(path):
        return damaged(path, "filen er ikke længere en SQLite-database")
    return f"Arkivet {path} kan ikke åbnes: {reason(error)}"


def damaged(path: Path, detail: str) -> str:
    backup = newest_backup(path)
    advice = (
        f"den nyeste sikkerhedskopi er {backup.path} fra {backup.when}; gendan den med "
        f'secretary-app --db "{path}" restore "{backup.path}"'
        if backup
        else "der er ingen sikkerhedskopi af det"
    )
    return f"Arkivet {path} er beskadiget ({detail}) og bliver ikke ændret; {advice}"


def _check_quick(conn: sqlite3.Connection, path: Path) -> None:
    found = conn.execute("PRAGMA quick_check").fetchone()[0]
    if found != "ok":
        raise ArchiveError(damaged(path, f"PRAGMA quick_check: {str(found)[:80]}"))


def _connect(path: Path, read_only: bool) -> Database:
    try:
        if read_only:
            return Database(open_read_only(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        return Database(sqlite3.connect(str(path), timeout=10))
    except (sqlite3.DatabaseError, OSError, BackupError) as error:
        raise ArchiveError(f"Arkivet {path} kan ikke åbnes: {error}") from error


def _refuse_pending_migrations(conn: sqlite3.Connection, path: Path) -> None:
    if migrations.applied(conn) and migrations.pending(conn):
        raise ArchiveError(
            f"Arkivet {path} skal opdateres til denne udgave af programmet, men det kan kun "
            "læses nu (det er åbent et andet sted); luk det dér først"
        )


def _opening_writes(conn: sqlite3.Connection, network: bool) -> bool:
    """Would opening write to the file: a migration, our application id, the journal mode?"""
    marked = conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    journal = conn.execute("PRAGMA journal_mode").fetchone()[0]
    return (
        not marked or journal != ("delete" if network else "wal") or bool(migrations.pending(conn))
    )


def _register_functions(db: Database) -> None:
    """SQL functions the archive's triggers call (store.migrations)."""
    user = current_user()
    db.conn.create_function("secretary_user", 0, lambda: user)
    db.conn.create_function("secretary_chain", 8, entry_hash, deterministic=True)


_FILE_PRAGMAS = ("journal_mode = WAL", "synchronous = FULL", "busy_timeout = 10000")
# WAL needs memory shared by all who open the file, which a network share does not have.
_NETWORK_FILE_PRAGMAS = (
    "locking_mode = EXCLUSIVE",  # first: leaving WAL needs the file to itself
    "journal_mode = DELETE",
    "synchronous = FULL",
    "busy_timeout = 10000",
)
# recursive_triggers: as sqlite-utils sets it, so that it holds before sqlite-utils is loaded too
_CONNECTION_PRAGMAS = ("foreign_keys = ON", "recursive_triggers = ON")


def _file_pragmas(network: bool) -> tuple[str, ...]:
    return _NETWORK_FILE_PRAGMAS if network else _FILE_PRAGMAS


def _configure(db: Database, pragmas: tuple[str, ...]) -> None:
    _register_functions(db)
    for pragma in pragmas:
        db.conn.execute(f"PRAGMA {pragma}")


def why_not_ours(conn: sqlite3.Connection) -> str:
    """Why the file is not an archive this program may write, in Danish; "" when it is: an
    empty file, one with our application id, or one of ours from before it (our migrations).
    A file of a newer version of the program, with steps this one does not know, is not."""
    tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
    applied = migrations.applied(conn)
    marked = conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    if tables[0] and not marked and not applied:
        return "filen er en anden slags database, ikke et arkiv fra Mødesekretær"
    unknown = [name for name in applied if name not in migrations.step_names()]
    if unknown:
        return (
            "arkivet er lavet af en nyere udgave af Mødesekretær (den kender "
            f"{', '.join(unknown)}); brug den nyere udgave"
        )
    return ""


def _migrate(db: Database, path: Path) -> None:
    if db.conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        db.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    pending = migrations.pending(db.conn)
    if not pending:
        return
    upgrading = bool(migrations.applied(db.conn))
    if upgrading:
        _backup_before_migration(db, path, pending[0])
    migrations.migration_set().apply(db.utils)
    if upgrading:
        _compact(db)


def _compact(db: Database) -> None:
    """Give back the room a migration left in the file (m008 dropped three text columns: a
    10-year archive is 351 MB after it, 244 MB compacted, in about 2.5 s). It needs as much free
    disk as the file; without it the archive stays as it is, whole and usable."""
    with contextlib.suppress(sqlite3.OperationalError):
        db.conn.execute("VACUUM")


def _backup_before_migration(db: Database, path: Path, migration: str) -> None:
    try:
        backup_before_migration(db.conn, path, migration)
    except BackupError as error:
        raise ArchiveError(
            f"Arkivet {path} kan ikke opdateres til denne udgave af programmet, for der kan ikke "
            f"tages en sikkerhedskopi først: {error}"
        ) from error
