"""Migration m009: approved minutes locked against REPLACE and against their committee's going.
Frozen as released: never change this module.

`INSERT OR REPLACE` deletes the row it replaces without firing its DELETE triggers (SQLite's
default `recursive_triggers=OFF`, as any plain connection has it), so a row of approved minutes
could be replaced by one whose own meeting is not approved. Each table of a meeting's rows now
refuses an insert that would replace such a row. A committee with approved minutes can be
neither deleted, replaced, nor given another id (a plain connection has foreign keys off, and
the minutes would lose their committee). Approvals and corrections refused a second row
already (m005); the audit log now refuses one too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

LOCKED_MESSAGE = "Referatet er godkendt og kan ikke ændres; tilføj en rettelse i stedet"

# The meeting of the row an insert would replace, found by the new row's id.
REPLACED_MEETING = {
    "meetings": "NEW.id",
    "items": "(SELECT meeting_id FROM items WHERE id = NEW.id)",
    "attendance": "(SELECT meeting_id FROM attendance WHERE id = NEW.id)",
    "attachments": (
        "(SELECT i.meeting_id FROM attachments a JOIN items i ON i.id = a.item_id"
        " WHERE a.id = NEW.id)"
    ),
    "item_absences": (
        "(SELECT i.meeting_id FROM item_absences r JOIN items i ON i.id = r.item_id"
        " WHERE r.id = NEW.id)"
    ),
    "dissents": (
        "(SELECT i.meeting_id FROM dissents r JOIN items i ON i.id = r.item_id WHERE r.id = NEW.id)"
    ),
    "votes": (
        "(SELECT i.meeting_id FROM votes r JOIN items i ON i.id = r.item_id WHERE r.id = NEW.id)"
    ),
    "item_reservations": (
        "(SELECT i.meeting_id FROM item_reservations r JOIN items i ON i.id = r.item_id"
        " WHERE r.id = NEW.id)"
    ),
}
_APPROVED_OF_COMMITTEE = (
    "EXISTS (SELECT 1 FROM meetings m JOIN approvals a ON a.meeting_id = m.id"
    " WHERE m.committee_id = {committee})"
)


def m009_replace_locks(db: Database) -> None:
    for table, meeting in REPLACED_MEETING.items():
        _refuse(db, f"{table}_replace_locked", f"BEFORE INSERT ON {table}", _approved(meeting))
    committee = _APPROVED_OF_COMMITTEE
    _refuse(
        db,
        "committees_delete_locked",
        "BEFORE DELETE ON committees",
        committee.format(committee="OLD.id"),
    )
    _refuse(
        db,
        "committees_replace_locked",
        "BEFORE INSERT ON committees",
        committee.format(committee="NEW.id"),
    )
    moved = f"OLD.id IS NOT NEW.id AND {committee.format(committee='OLD.id')}"
    _refuse(db, "committees_id_locked", "BEFORE UPDATE OF id ON committees", moved)
    again = "EXISTS (SELECT 1 FROM audit_log l WHERE l.id = NEW.id)"
    _refuse(db, "audit_log_insert_guarded", "BEFORE INSERT ON audit_log", again)


def _approved(meeting: str) -> str:
    return f"EXISTS (SELECT 1 FROM approvals WHERE meeting_id = {meeting})"


def _refuse(db: Database, name: str, event: str, when: str) -> None:
    db.execute(f"""
CREATE TRIGGER {name} {event}
WHEN {when}
BEGIN SELECT RAISE(ABORT, '{LOCKED_MESSAGE}'); END""")
