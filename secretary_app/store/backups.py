"""Backups of the archive, in the folder `sikkerhedskopier` beside it.

Every backup is made with SQLite's online backup API, never as a file copy: a copy of a live
file misses what is still in its WAL. It is written under a temporary name in the folder,
checked (`PRAGMA quick_check`), synced and renamed, so a backup with a proper name is always
whole; a damaged archive gives no backup at all (it would push good ones out of the rotation).

Names sort by time and say what they are, after the archive's own name:

    arkiv-2026-12-06-0214.sqlite3                      automatic (daily, at start)
    arkiv-før-m010_audit_chain-2026-12-06-0214.sqlite3  before a migration
    arkiv-før-gendannelse-2026-12-06-0214.sqlite3       before a restore
    arkiv-beskadiget-2026-12-06-0214.sqlite3            before a restore, of a damaged archive

The window takes the automatic backup in a worker thread after it has appeared. Everything here
opens its own connections, so it runs in any thread; pass only paths across threads:

    if backup_due(archive.path, dt.datetime.now()):
        take_backup(archive.path)  # BackupError: one Danish line, nothing left behind

While it runs the window keeps writing (WAL: a reader never blocks a writer); the backup holds
the archive as it was when the backup began. After its first paint the window also runs
`archive.quick_check()` (ArchiveError when damaged); its dialog offers
`store.restore.newest_good_backup(path)`, and `store.restore.restore_backup(path, backup.path)`
restores it (then reopen the archive with `Archive.open`, which migrates an older backup).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import sqlite3
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeVar

from secretary_app.core.danish_dates import moment
from secretary_app.core.files import replacing
from secretary_app.core.messages import os_error_reason
from secretary_app.store.errors import StoreError, is_damage

FOLDER = "sikkerhedskopier"
AUTOMATIC_EVERY = dt.timedelta(days=1)
# Rotation of the automatic backups (grandfather-father-son): the newest backup of each of the
# latest days, ISO weeks and months that have one.
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
# Backups before a migration or a restore: the newest two of each kind, and all of the last month.
KEEP_SPECIAL, KEEP_SPECIAL_FOR = 2, dt.timedelta(days=30)
_STALE_TEMPORARY = dt.timedelta(hours=1)

Kind = Literal["automatic", "migration", "restore", "damaged"]
_SPECIAL_KINDS: tuple[Kind, ...] = ("migration", "restore", "damaged")
_RESTORE_WORD, _DAMAGED_WORD = "gendannelse", "beskadiget"


class BackupError(StoreError):
    """A backup could not be taken or used; the message is one line for the user (Danish)."""


class DamagedArchive(BackupError):
    """The archive fails `PRAGMA quick_check`; no backup of it was kept."""


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: dt.datetime
    kind: Kind
    migration: str = ""  # the migration it was taken before
    sequence: int = 1  # 2, 3, … for a second backup of the same kind in the same minute

    @property
    def when(self) -> str:
        """6. december 2026 kl. 02.14"""
        return moment(self.taken_at)

    @property
    def what(self) -> str:
        """What kind of backup it is, in Danish."""
        return {
            "automatic": "automatisk",
            "migration": f"før opdateringen {self.migration}",
            "restore": "før en gendannelse",
            "damaged": "det beskadigede arkiv, før en gendannelse",
        }[self.kind]


def folder_of(archive: Path) -> Path:
    return Path(archive).parent / FOLDER


def is_in_backup_folder(archive: Path, path: Path) -> bool:
    return Path(path).resolve().parent == folder_of(Path(archive).resolve())


# --- what is there ---------------------------------------------------------------------------


def list_backups(archive: Path) -> list[Backup]:
    """The archive's backups, oldest first."""
    archive = Path(archive)
    folder = folder_of(archive)
    if not folder.is_dir():
        return []
    name = _name_pattern(archive)
    found = (_parse(path, name) for path in folder.iterdir() if path.is_file())
    return sorted((b for b in found if b), key=lambda b: (b.taken_at, b.sequence))


def newest_backup(archive: Path) -> Backup | None:
    """The newest backup taken of the archive while it was whole."""
    backups = [b for b in list_backups(archive) if b.kind != "damaged"]
    return backups[-1] if backups else None


def backup_due(archive: Path, now: dt.datetime) -> bool:
    """Is an automatic backup due: none yet, or the newest a day old (or dated after `now`)?"""
    automatic = [b for b in list_backups(archive) if b.kind == "automatic"]
    return not automatic or not now - AUTOMATIC_EVERY < automatic[-1].taken_at <= now


def _name_pattern(archive: Path) -> re.Pattern[str]:
    stem, suffix = re.escape(archive.stem), re.escape(_suffix(archive))
    special = rf"(?:før-(?P<special>{_RESTORE_WORD}|m\d{{3}}\w*)|(?P<damaged>{_DAMAGED_WORD}))-"
    stamp = r"(?P<stamp>\d{4}-\d\d-\d\d-\d{4})(?:-(?P<sequence>\d+))?"
    return re.compile(rf"{stem}-(?:{special})?{stamp}{suffix}")


def _parse(path: Path, pattern: re.Pattern[str]) -> Backup | None:
    match = pattern.fullmatch(path.name)
    if match is None:
        return None
    try:
        taken_at = dt.datetime.strptime(match["stamp"], "%Y-%m-%d-%H%M")
    except ValueError:
        return None
    special = match["special"] or ""
    kind: Kind = "restore" if special == _RESTORE_WORD else "migration" if special else "automatic"
    kind = "damaged" if match["damaged"] else kind
    migration = special if kind == "migration" else ""
    return Backup(path, taken_at, kind, migration, int(match["sequence"] or 1))


def _suffix(archive: Path) -> str:
    return archive.suffix or ".sqlite3"


def _name(archive: Path, kind: Kind, migration: str, taken_at: dt.datetime, sequence: int) -> str:
    special = {
        "automatic": "",
        "migration": f"før-{migration}-",
        "restore": f"før-{_RESTORE_WORD}-",
        "damaged": f"{_DAMAGED_WORD}-",
    }
    again = f"-{sequence}" if sequence > 1 else ""
    stamp = taken_at.strftime("%Y-%m-%d-%H%M")
    return f"{archive.stem}-{special[kind]}{stamp}{again}{_suffix(archive)}"


# --- taking one --------------------------------------------------------------------------------


def take_backup(
    archive: Path, now: dt.datetime | None = None, *, connection: sqlite3.Connection | None = None
) -> Backup:
    """An automatic backup of the archive, then the rotation. Without `connection` it opens its
    own (read-only) connection to the archive, so it may run in a worker thread."""
    return _take(Path(archive), "automatic", "", now, connection)


def backup_before_migration(
    connection: sqlite3.Connection, archive: Path, migration: str, now: dt.datetime | None = None
) -> Path:
    return _take(Path(archive), "migration", migration, now, connection).path


def backup_before_restore(archive: Path, now: dt.datetime | None = None) -> Backup:
    """The archive as it is, before a restore replaces it; a damaged one is kept too, named so
    (the rotation and `newest_backup` know it for what it is)."""
    try:
        return _take(Path(archive), "restore", "", now, None)
    except DamagedArchive:
        return _take(Path(archive), "damaged", "", now, None, check=False)


def _take(
    archive: Path,
    kind: Kind,
    migration: str,
    now: dt.datetime | None,
    connection: sqlite3.Connection | None,
    check: bool = True,
) -> Backup:
    taken_at = (now or dt.datetime.now()).replace(second=0, microsecond=0)
    folder = folder_of(archive)
    _make_folder(folder)
    _remove_stale_temporaries(folder)
    sequence = _free_sequence(archive, kind, migration, taken_at)
    path = folder / _name(archive, kind, migration, taken_at, sequence)
    backup = Backup(path, taken_at, kind, migration, sequence)
    if connection is not None:
        write_copy(connection, backup.path, check=check)
    else:
        with contextlib.closing(open_read_only(archive)) as source:
            write_copy(source, backup.path, check=check)
    prune(archive, taken_at)
    return backup


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BackupError(
            f"{folder}: mappen til sikkerhedskopier kan ikke oprettes ({os_error_reason(error)})"
        ) from error


def _free_sequence(archive: Path, kind: Kind, migration: str, taken_at: dt.datetime) -> int:
    """One past the highest sequence of this minute, not the first gap: the rotation may have
    removed an earlier one, and a new backup must sort as the newest."""
    same_minute = [
        b.sequence
        for b in list_backups(archive)
        if (b.kind, b.migration, b.taken_at) == (kind, migration, taken_at)
    ]
    return max(same_minute, default=0) + 1


def open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write the file, nor create it when it is missing."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path}: findes ikke")
    try:
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error as error:
        raise BackupError(f"{path}: kan ikke åbnes ({_why(error)})") from error


def write_copy(source: sqlite3.Connection, target: Path, *, check: bool = True) -> None:
    """The database of `source`, as it is at one moment, into `target`: written under a temporary
    name beside it, checked (DamagedArchive), synced, renamed (core.files). On failure nothing is
    left and `target` is as it was; BackupError says why, in Danish."""
    target = Path(target)
    try:
        with replacing(target) as temporary:
            try:
                temporary.touch(exist_ok=False)  # the OS's reason, not SQLite's "unable to open"
                _copy_into(source, temporary, check)
            finally:
                _remove_journals(temporary)
    except (sqlite3.Error, OSError) as error:
        raise BackupError(f"{target}: kan ikke skrives ({_why(error)}); intet blev gemt") from error


def _copy_into(source: sqlite3.Connection, temporary: Path, check: bool) -> None:
    with contextlib.closing(_open_copy(temporary)) as copy:
        source.backup(copy)  # in one step: the archive as it was when the step began
        copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal
        if check and not _whole(copy):
            raise DamagedArchive(
                "arkivet er beskadiget (PRAGMA quick_check); der er ikke taget en sikkerhedskopi"
            )


def _whole(conn: sqlite3.Connection) -> bool:
    try:
        return bool(conn.execute("PRAGMA quick_check").fetchone()[0] == "ok")
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            return False
        raise


def _open_copy(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(str(path), isolation_level=None)


def _remove_journals(temporary: Path) -> None:
    """What SQLite may leave beside a copy it did not finish."""
    for end in ("-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            Path(f"{temporary}{end}").unlink()


def _remove_stale_temporaries(folder: Path) -> None:
    """Temporary files of a backup that was killed half-way: gone after an hour."""
    oldest = dt.datetime.now().timestamp() - _STALE_TEMPORARY.total_seconds()
    for path in folder.glob(".*.tmp*"):
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < oldest:
                path.unlink()


def _why(error: sqlite3.Error | OSError) -> str:
    if isinstance(error, OSError):
        return os_error_reason(error)
    if getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or "full" in str(error):
        return "disken er fuld"
    if "malformed" in str(error):
        return "arkivet er beskadiget"
    if "disk I/O error" in str(error):
        return "skrivefejl på disken, måske er den fuld"
    if "unable to open" in str(error):
        return "mappen findes ikke eller kan ikke skrives"
    return str(error)


# --- rotation --------------------------------------------------------------------------------

T = TypeVar("T")

_PERIODS: tuple[tuple[Callable[[dt.datetime], Hashable], int], ...] = (
    (lambda t: t.date(), KEEP_DAILY),
    (lambda t: tuple(t.isocalendar())[:2], KEEP_WEEKLY),
    (lambda t: (t.year, t.month), KEEP_MONTHLY),
)


def rotation_keeps(backups: Sequence[T], taken_at: Callable[[T], dt.datetime]) -> list[T]:
    """Which automatic backups to keep: the newest of each of the latest 7 days that have one,
    of the latest 4 ISO weeks and of the latest 12 months (in the order given; of two taken at
    the same time the later in `backups` counts as the newer)."""
    newest_first = sorted(
        range(len(backups)), key=lambda i: (taken_at(backups[i]), i), reverse=True
    )
    keep: set[int] = set()
    for period_of, count in _PERIODS:
        newest_of: dict[Hashable, int] = {}
        for i in newest_first:
            period = period_of(taken_at(backups[i]))
            if period not in newest_of and len(newest_of) == count:
                break
            newest_of.setdefault(period, i)
        keep.update(newest_of.values())
    return [backup for i, backup in enumerate(backups) if i in keep]


def special_keeps(backups: Sequence[Backup], now: dt.datetime) -> list[Backup]:
    """Which backups taken before a migration or a restore to keep: of each kind the newest
    two, and every one of the last 30 days."""
    keep: list[Backup] = []
    for kind in _SPECIAL_KINDS:
        of_kind = [b for b in backups if b.kind == kind]  # oldest first
        recent = [b for b in of_kind if b.taken_at > now - KEEP_SPECIAL_FOR]
        keep += [b for b in of_kind if b in of_kind[-KEEP_SPECIAL:] or b in recent]
    return keep


def prune(archive: Path, now: dt.datetime) -> list[Path]:
    """Remove the backups the rotation does not keep; the paths removed."""
    backups = list_backups(archive)
    automatic = [b for b in backups if b.kind == "automatic"]
    keep = {*rotation_keeps(automatic, lambda b: b.taken_at), *special_keeps(backups, now)}
    removed = []
    for backup in backups:
        if backup not in keep:
            with contextlib.suppress(OSError):
                backup.path.unlink()
                removed.append(backup.path)
    return removed
