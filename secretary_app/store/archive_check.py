"""`secretary-app check`: is the archive file ours, of a schema we know, whole, and is its record
what was approved? Read only: the file is opened read-only, and an archive of an older schema is
migrated in a copy in memory, never in its file."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from secretary_app.store import migrations
from secretary_app.store.archive import (
    APPLICATION_ID,
    Archive,
    ArchiveError,
    damaged,
    why_not_ours,
)
from secretary_app.store.backups import BackupError, list_backups, open_read_only
from secretary_app.store.errors import is_damage, reason


@dataclass(frozen=True)
class Finding:
    what: str
    found: str
    ok: bool = True

    def __str__(self) -> str:
        return f"{self.what}: {self.found}" if self.what else self.found


def check_archive(path: Path) -> list[Finding]:
    """What was found, one finding a line; ArchiveError (one Danish line) for a file that is
    no archive of ours at all: missing, not a database, another program's, a newer one's."""
    path = Path(path)
    try:
        with contextlib.closing(open_read_only(path)) as conn:
            return list(_findings(conn, path))
    except BackupError as error:
        raise ArchiveError(str(error)) from error


def _findings(conn: sqlite3.Connection, path: Path) -> Iterator[Finding]:
    yield from _ours(conn, path)
    try:
        integrity = list(_integrity(conn))
        yield from integrity
        if all(finding.ok for finding in integrity):
            yield from _foreign_keys(conn)
            yield from _record(conn)
            yield _backups(path)
            return
        detail = "PRAGMA integrity_check"
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
        if isinstance(error, sqlite3.DatabaseError) and not is_damage(error):
            raise ArchiveError(f"Arkivet {path} kan ikke læses: {reason(error)}") from error
        detail = "en del af filen kan ikke læses"
    yield Finding("", damaged(path, detail), ok=False)


def _ours(conn: sqlite3.Connection, path: Path) -> Iterator[Finding]:
    try:
        problem = why_not_ours(conn)
        marked = conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        applied = migrations.applied(conn)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
        if isinstance(error, sqlite3.DatabaseError) and not is_damage(error):
            raise ArchiveError(f"Arkivet {path} kan ikke åbnes: {reason(error)}") from error
        raise ArchiveError(damaged(path, "en del af filen kan ikke læses")) from error
    if problem:
        raise ArchiveError(f"Arkivet {path} kan ikke bruges: {problem}")
    if not applied:
        raise ArchiveError(f"Arkivet {path} kan ikke bruges: filen er tom")
    yield Finding(
        "application id",
        "OK (Mødesekretær)" if marked else "OK (fra før det blev sat; sættes, når arkivet åbnes)",
    )
    yield Finding("skema", _schema(applied))


def _schema(applied: list[str]) -> str:
    missing = [name for name in migrations.step_names() if name not in applied]
    if not missing:
        return f"OK ({applied[-1]}, det nyeste)"
    return f"OK ({applied[-1]}; {', '.join(missing)} indføres, når arkivet åbnes)"


def _integrity(conn: sqlite3.Connection) -> Iterator[Finding]:
    found = [str(row[0]) for row in conn.execute("PRAGMA integrity_check")]
    if found == ["ok"]:
        yield Finding("integrity_check", "OK")
        return
    more = f" (og {len(found) - 1} fund mere)" if len(found) > 1 else ""
    yield Finding("integrity_check", f"FEJL: {found[0][:120]}{more}", ok=False)


def _foreign_keys(conn: sqlite3.Connection) -> Iterator[Finding]:
    rows = conn.execute("PRAGMA foreign_key_check").fetchall()
    if not rows:
        yield Finding("foreign_key_check", "OK")
        return
    tables = sorted({str(row[0]) for row in rows})
    yield Finding(
        "foreign_key_check",
        f"FEJL: {len(rows)} rækker peger på noget, der ikke findes ({', '.join(tables)})",
        ok=False,
    )


def _record(conn: sqlite3.Connection) -> Iterator[Finding]:
    copy = Archive.copy_in_memory(conn)
    try:
        approved = copy.approvals.approved_meetings()
        changed = [(m, _differences(copy, m)) for m in approved]
        changed = [(m, differences) for m, differences in changed if differences]
        problems = copy.approvals.record_problems()
    finally:
        copy.close()
    for meeting_id, differences in changed:
        yield Finding(f"møde {meeting_id}", "ændret: " + ", ".join(differences), ok=False)
    yield from (Finding("protokollen", problem, ok=False) for problem in problems)
    if not changed:
        count = f"alle {len(approved)} svarer til deres fingeraftryk" if approved else "ingen endnu"
        yield Finding("godkendte referater", f"OK ({count})")


def _differences(archive: Archive, meeting_id: int) -> list[str]:
    try:
        return archive.approvals.differences(meeting_id)
    except KeyError:  # the meeting's rows deleted behind the program's back
        return ["mødet findes ikke længere i arkivet"]


def _backups(path: Path) -> Finding:
    backups = [b for b in list_backups(path) if b.kind != "damaged"]
    if not backups:
        return Finding("sikkerhedskopier", "ingen endnu")
    newest = backups[-1]
    return Finding(
        "sikkerhedskopier", f"{len(backups)}; den nyeste er {newest.path} fra {newest.when}"
    )
