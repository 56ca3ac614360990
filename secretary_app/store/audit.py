"""What the store needs to know of the archive's record rules at run time, and the checks that
the record is as the program left it.

The rules themselves are SQL triggers, written by the migrations (store.migrations): they refuse
every change to approved minutes and log every change to a meeting whose agenda was sent, in an
audit log that is a hash chain (m010). Anyone with the file can drop a trigger, so the program
also checks: the triggers are all there as written, the chain is unbroken, and every approval
and correction is in it.
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
from collections import Counter

from secretary_app.store.database import Database
from secretary_app.store.migrations.m010_schema import ENTRY_FIELDS, entry_hash

# Every table holding a meeting's rows, parents first, and how a row called {row} (the table's
# name) finds its meeting.
MEETING_OF = {
    "meetings": "{row}.id",
    "items": "{row}.meeting_id",
    "attendance": "{row}.meeting_id",
    "attachments": "(SELECT meeting_id FROM items WHERE id = {row}.item_id)",
    "item_absences": "(SELECT meeting_id FROM items WHERE id = {row}.item_id)",
    "dissents": "(SELECT meeting_id FROM items WHERE id = {row}.item_id)",
    "votes": "(SELECT meeting_id FROM items WHERE id = {row}.item_id)",
    "item_sections": "(SELECT meeting_id FROM items WHERE id = {row}.item_id)",
    "item_reservations": "(SELECT meeting_id FROM items WHERE id = {row}.item_id)",
    "attachment_files": (
        "(SELECT i.meeting_id FROM attachments a JOIN items i ON i.id = a.item_id"
        " WHERE a.id = {row}.attachment_id)"
    ),
}

_LOG_WHOLE_MEETING = """
INSERT INTO audit_log (meeting_id, changed_at, changed_by, what, old, new) VALUES (
    ?, strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime'), secretary_user(), ?, '', '')"""


def log_whole_meeting(db: Database, meeting_id: int, what: str) -> None:
    """An entry about the meeting as a whole (deleted, restored), written by the store."""
    db.execute(_LOG_WHOLE_MEETING, [meeting_id, what])


def chain_problems(db: Database) -> list[str]:
    """Where the audit log's hash chain is broken, in Danish; [] when every entry is as it was
    written. An edited entry no longer has its hash; after a deleted one, the next entry's
    `previous` is not the hash of the entry now before it."""
    problems, previous = [], ""
    columns = ", ".join(ENTRY_FIELDS)
    rows = db.tuples(f"SELECT previous, hash, {columns} FROM audit_log ORDER BY id")
    for stored_previous, stored_hash, *fields in rows:
        if stored_previous != previous:
            problems.append(f"ændringsloggen: posten før post {fields[0]} er slettet eller ændret")
        if entry_hash(stored_previous, *fields) != stored_hash:
            problems.append(f"ændringsloggen: post {fields[0]} er ændret")
        previous = stored_hash
    return problems


def record_entry_problems(db: Database) -> list[str]:
    """Approvals and corrections that are not in the audit log as they were made (one deleted,
    or added behind the program's back), in Danish; [] when they all are."""
    approvals = _counted(db, "SELECT meeting_id, fingerprint FROM approvals")
    approved = _counted(db, f"{_ENTRIES} what = 'referat godkendt'")
    corrections = _counted(db, "SELECT meeting_id, text FROM corrections")
    corrected = _counted(db, f"{_ENTRIES} what LIKE 'rettelse%'")
    return [
        *(f"møde {m}: godkendelsen er slettet" for m, _ in approved - approvals),
        *(f"møde {m}: godkendelsen står ikke i ændringsloggen" for m, _ in approvals - approved),
        *(f"møde {m}: en rettelse er slettet" for m, _ in corrected - corrections),
        *(f"møde {m}: en rettelse står ikke i ændringsloggen" for m, _ in corrections - corrected),
    ]


_ENTRIES = "SELECT meeting_id, new FROM audit_log WHERE"


def _counted(db: Database, sql: str) -> Counter[tuple[int, str]]:
    return Counter((int(meeting), str(text)) for meeting, text in db.tuples(sql))


def missing_protections(db: Database) -> list[str]:
    """The archive's triggers (the record's protection) that are gone or not as the program
    made them, compared with a new archive's, by name; [] when all are there."""
    expected = _triggers_of_new_archive()
    triggers = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
    found: dict[str, str] = dict(db.tuples(triggers))
    return sorted(name for name, sql in expected.items() if found.get(name) != sql)


@functools.cache
def _triggers_of_new_archive() -> dict[str, str]:
    from secretary_app.store import migrations  # sqlite-utils, when this is needed

    with contextlib.closing(sqlite3.connect(":memory:")) as conn:
        migrations.migration_set().apply(Database(conn).utils)
        return dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
