"""Restoring a backup: the archive's content replaced by the backup's, the file kept in place.

The backup must be one of ours (our application id or our migrations, none unknown) and whole
(`PRAGMA integrity_check`). The archive as it is goes into the backup folder first. Then the
backup is copied into the archive's own file with SQLite's backup API in one transaction: other
connections (a window open on the archive) see the restored content at their next read, and a
failure leaves the archive as it was. A backup of an older schema is migrated when the archive
is next opened (`Archive.open`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from secretary_app.store.archive import why_not_ours
from secretary_app.store.backups import (
    Backup,
    BackupError,
    backup_before_restore,
    list_backups,
    open_read_only,
    write_copy,
)
from secretary_app.store.errors import is_damage, reason
from secretary_app.store.migrations import applied


def backup_problem(path: Path) -> str:
    """Why `path` cannot be restored, in Danish; "" when it can."""
    if not Path(path).is_file():
        return "filen findes ikke"
    try:
        with contextlib.closing(open_read_only(path)) as conn:
            return _not_restorable(conn)
    except BackupError as error:
        return str(error)
    except sqlite3.DatabaseError as error:
        return reason(error)
    except UnicodeDecodeError:
        return "filen er beskadiget"


def _not_restorable(conn: sqlite3.Connection) -> str:
    problem = why_not_ours(conn)
    if problem:
        return problem
    if not applied(conn):
        return "filen er ikke en sikkerhedskopi af et arkiv (den er tom)"
    found = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    if found != ["ok"]:
        return f"filen er beskadiget (PRAGMA integrity_check: {str(found[0])[:80]})"
    return ""


def newest_good_backup(archive: Path) -> Backup | None:
    """The newest backup of the archive that can be restored (checked, newest first)."""
    for backup in reversed(list_backups(archive)):
        if backup.kind != "damaged" and not backup_problem(backup.path):
            return backup
    return None


def restore_backup(archive: Path, backup: Path, now: dt.datetime | None = None) -> Backup | None:
    """Replace the archive's content with the backup's; the backup of the archive taken first
    (None when there was no archive). BackupError, one Danish line, when it cannot be done:
    then nothing was changed."""
    archive, backup = Path(archive), Path(backup)
    _refuse_the_archive_itself(archive, backup)
    problem = backup_problem(backup)
    if problem:
        raise BackupError(f"{backup} kan ikke gendannes: {problem}; intet blev ændret")
    if not archive.exists():
        _restore_as_new(archive, backup)
        return None
    _refuse_what_is_not_ours(archive)
    saved = backup_before_restore(archive, now)
    _copy_into_archive(archive, backup)
    return saved


def _refuse_the_archive_itself(archive: Path, backup: Path) -> None:
    same = archive.exists() and backup.exists() and os.path.samefile(archive, backup)
    if same or archive.resolve() == backup.resolve():
        raise BackupError(f"{backup} er arkivet selv; vælg en sikkerhedskopi")


def _refuse_what_is_not_ours(archive: Path) -> None:
    try:
        with contextlib.closing(open_read_only(archive)) as conn:
            problem = why_not_ours(conn)
    except UnicodeDecodeError:
        return  # damaged, as a restore is for: it is kept in the backup folder first
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            return
        problem = (
            f"{reason(error)}, så det kan ikke gemmes før gendannelsen; flyt det væk, så "
            "gendannes sikkerhedskopien som et nyt arkiv"
        )
    if problem:
        raise BackupError(f"Arkivet {archive}: {problem}; intet blev ændret")


def _restore_as_new(archive: Path, backup: Path) -> None:
    """No archive: the backup becomes it (a leftover WAL beside it would be read into it)."""
    for leftover in (Path(f"{archive}-wal"), Path(f"{archive}-journal")):
        if leftover.exists() and leftover.stat().st_size:
            raise BackupError(
                f"{leftover} hører til et arkiv, der ikke er her længere; flyt den væk og prøv "
                "igen; intet blev ændret"
            )
    with contextlib.closing(open_read_only(backup)) as source:
        write_copy(source, archive)


def _copy_into_archive(archive: Path, backup: Path) -> None:
    try:
        with (
            contextlib.closing(open_read_only(backup)) as source,
            contextlib.closing(sqlite3.connect(str(archive), timeout=10)) as target,
        ):
            source.backup(target)  # one step, one transaction on the archive
            with contextlib.suppress(sqlite3.Error):
                target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error as error:
        raise BackupError(
            f"Arkivet {archive} kan ikke gendannes: {reason(error)}; intet blev ændret"
        ) from error


@dataclass(frozen=True)
class BackupContents:
    """What a backup holds, to choose one by: its committees and meetings."""

    committees: int
    meetings: int
    approved: int
    newest_meeting: dt.date | None


def backup_contents(path: Path) -> BackupContents:
    """Counted in the backup itself (read-only); BackupError when it cannot be read."""
    try:
        with contextlib.closing(open_read_only(path)) as conn:
            committees, meetings, newest = conn.execute(
                "SELECT (SELECT count(*) FROM committees), count(*), max(date) FROM meetings"
            ).fetchone()
            has_approvals = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'approvals'"
            ).fetchone()  # not in an archive from before approvals (m005)
            approved = (
                conn.execute("SELECT count(*) FROM approvals").fetchone()[0] if has_approvals else 0
            )
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path}: kan ikke læses ({reason(error)})") from error
    newest_day = dt.date.fromisoformat(newest) if newest else None
    return BackupContents(committees, meetings, approved, newest_day)
