"""Migration m010: the audit log as a hash chain. Frozen as released: never change this module.

Each entry carries `previous`, the hash of the entry before it (by id; "" for the first), and
`hash`, SHA-256 of its own fields with `previous` (`entry_hash`), written by the trigger
`audit_log_chained` through the SQL function `secretary_chain` the program registers. An entry
edited or deleted outside the program, even with every trigger dropped, breaks the chain where
it was (store.audit.chain_problems). The approval of minutes and each correction are entries
too, so an approval or correction deleted behind the program's back is found as well; those made
before this step are entered now, in the order they were made.

An entry is sealed once it has its hash: the chain trigger writes `previous` and `hash` into the
entry just inserted, and nothing may change an entry after that.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

LOCKED_MESSAGE = "Referatet er godkendt og kan ikke ændres; tilføj en rettelse i stedet"
ENTRY_FIELDS = ("id", "meeting_id", "changed_at", "changed_by", "what", "old", "new")


def entry_hash(previous: str, *fields: object) -> str:
    """The hash of an entry: `previous` and the entry's ENTRY_FIELDS, as one JSON list."""
    import hashlib  # here: the window's first paint does without it (tests/gui/test_startup.py)

    text = json.dumps([previous, *fields], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_PREVIOUS = "coalesce((SELECT hash FROM audit_log WHERE id < NEW.id ORDER BY id DESC LIMIT 1), '')"
_NOW = "strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')"

_SCHEMA = (
    "DROP TRIGGER audit_log_update_never",
    "ALTER TABLE audit_log ADD COLUMN previous TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT ''",
    """INSERT INTO audit_log (meeting_id, changed_at, changed_by, what, old, new)
    SELECT meeting_id, approved_at, '', 'referat godkendt', '', fingerprint FROM approvals
    ORDER BY approved_at, meeting_id""",
    """INSERT INTO audit_log (meeting_id, changed_at, changed_by, what, old, new)
    SELECT meeting_id, made_at, made_by,
        'rettelse' || coalesce(' til punkt ' || item_number, ''), reason, text
    FROM corrections ORDER BY id""",
)

_TRIGGERS = (
    f"""CREATE TRIGGER audit_log_update_sealed BEFORE UPDATE ON audit_log
WHEN OLD.hash != ''
BEGIN SELECT RAISE(ABORT, '{LOCKED_MESSAGE}'); END""",
    f"""CREATE TRIGGER audit_log_chained AFTER INSERT ON audit_log
BEGIN
UPDATE audit_log SET previous = {_PREVIOUS}, hash = secretary_chain({_PREVIOUS},
    NEW.id, NEW.meeting_id, NEW.changed_at, NEW.changed_by, NEW.what, NEW.old, NEW.new)
WHERE id = NEW.id;
END""",
    f"""CREATE TRIGGER approvals_insert_audit AFTER INSERT ON approvals
BEGIN
INSERT INTO audit_log (meeting_id, changed_at, changed_by, what, old, new) VALUES (
    NEW.meeting_id, {_NOW}, secretary_user(), 'referat godkendt', '', NEW.fingerprint);
END""",
    """CREATE TRIGGER corrections_insert_audit AFTER INSERT ON corrections
BEGIN
INSERT INTO audit_log (meeting_id, changed_at, changed_by, what, old, new) VALUES (
    NEW.meeting_id, NEW.made_at, NEW.made_by,
    'rettelse' || coalesce(' til punkt ' || NEW.item_number, ''), NEW.reason, NEW.text);
END""",
)


def m010_audit_chain(db: Database) -> None:
    for statement in _SCHEMA:
        db.execute(statement)
    _chain_existing_entries(db)
    for statement in _TRIGGERS:
        db.execute(statement)


def _chain_existing_entries(db: Database) -> None:
    previous = ""
    columns = ", ".join(ENTRY_FIELDS)
    rows = db.execute(f"SELECT {columns} FROM audit_log ORDER BY id").fetchall()
    for row in rows:
        previous = entry_hash(previous, *row)
        db.execute("UPDATE audit_log SET hash = ? WHERE id = ?", [previous, row[0]])
    db.execute(
        "UPDATE audit_log SET previous = coalesce((SELECT hash FROM audit_log p"
        " WHERE p.id < audit_log.id ORDER BY p.id DESC LIMIT 1), '')"
    )
