"""The archive's schema. Append-only: never edit a migration that has been released.

Each step builds with literals of its own, never with live constants, so that a fresh archive
and an upgraded one are the same. In the order they are applied (`STEPS`):

- m001_initial: committees, members, standing items, meetings, items, attachments, attendance,
  settings; sqlite-utils' full-text index over the items' columns;
- m002_chair_notes: the chair's internal notes;
- m003_meeting_records: the meeting's end, absences per item, dissent notes, votes, phrases;
- m005_approved_minutes: approvals, corrections, the audit log; triggers lock approved
  meetings and log changes to sent ones (m005_m007.py);
- m004_postponed_from: the item a postponed item came from; case IDs indexed as compared
  (released after m005, so applied after it);
- m006_audit_in_danish, m007_audit_moves: the audit log in Danish words, and moved rows;
- m008_item_layouts: each committee's item layout; an item's texts kept by section; public
  titles, reservations, saved layouts; a new full-text index (m008_schema.py);
- m009_replace_locks: approved minutes locked against INSERT OR REPLACE, and their committee
  against deletion (m009_schema.py);
- m010_audit_chain: the audit log as a hash chain, approvals and corrections entered in it
  (m010_schema.py);
- m011_search_inside_words: the full-text index over three-letter pieces (trigrams), so words
  are found inside Danish compounds; meetings indexed by date (m011_schema.py).

The steps are applied by sqlite-utils' Migrations, which is imported only when a step is
pending: whether one is, is read here in plain SQL (see store.database for why).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "secretary_app"
APPLIED_TABLE = "_sqlite_migrations"  # where sqlite-utils' Migrations records applied steps

# m001 indexed these columns (m008 replaced the index).
ITEM_SEARCH_COLUMNS = ["title", "case_id", "summary", "previous_decisions", "decision"]

_SCHEMA_1 = """
CREATE TABLE committees (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'standing',
    starts_on TEXT,
    ends_on TEXT,
    default_location TEXT NOT NULL DEFAULT '',
    numbering TEXT NOT NULL DEFAULT 'per_meeting'
);
CREATE TABLE members (
    id INTEGER PRIMARY KEY,
    committee_id INTEGER NOT NULL REFERENCES committees(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'member',
    party TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE standing_items (
    id INTEGER PRIMARY KEY,
    committee_id INTEGER NOT NULL REFERENCES committees(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    closed INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE meetings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    committee_id INTEGER NOT NULL REFERENCES committees(id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    starts_at TEXT,
    ends_at TEXT,
    location TEXT NOT NULL DEFAULT '',
    first_number INTEGER NOT NULL DEFAULT 1,
    title TEXT NOT NULL DEFAULT ''
);
CREATE TABLE items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    closed INTEGER NOT NULL DEFAULT 0,
    case_id TEXT NOT NULL DEFAULT '',
    presenter TEXT NOT NULL DEFAULT '',
    planned_start TEXT,
    duration_minutes INTEGER,
    summary TEXT NOT NULL DEFAULT '',
    previous_decisions TEXT NOT NULL DEFAULT '',
    decision TEXT NOT NULL DEFAULT ''
);
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    filename TEXT NOT NULL DEFAULT '',
    public INTEGER NOT NULL DEFAULT 1,
    position INTEGER NOT NULL DEFAULT 0,
    size INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE attachment_files (
    attachment_id INTEGER PRIMARY KEY REFERENCES attachments(id) ON DELETE CASCADE,
    content BLOB NOT NULL
);
CREATE TABLE attendance (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'member',
    status TEXT NOT NULL DEFAULT 'present',
    substitute TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE INDEX members_committee ON members(committee_id, position);
CREATE INDEX standing_items_committee ON standing_items(committee_id, position);
CREATE INDEX meetings_committee_date ON meetings(committee_id, date);
CREATE INDEX items_meeting_position ON items(meeting_id, position);
CREATE INDEX items_case_id ON items(case_id);
CREATE INDEX attachments_item ON attachments(item_id, position);
CREATE INDEX attendance_meeting ON attendance(meeting_id, position);
"""


def m001_initial(db: Database) -> None:
    for statement in _SCHEMA_1.split(";"):
        if statement.strip():
            db.execute(statement)
    db.table("items").enable_fts(
        ITEM_SEARCH_COLUMNS,
        create_triggers=True,
        tokenize="unicode61 remove_diacritics 0",
    )


def m002_chair_notes(db: Database) -> None:
    """Internal notes for the chair's copy of the agenda (not searched, never published)."""
    db.execute("ALTER TABLE items ADD COLUMN chair_notes TEXT NOT NULL DEFAULT ''")


_SCHEMA_3 = """
ALTER TABLE meetings ADD COLUMN ended_at TEXT;
CREATE TABLE item_absences (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    member TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT 'inhabil',
    note TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE dissents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    member TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE votes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    side TEXT NOT NULL,
    voter TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE decision_phrases (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    committee_id INTEGER NOT NULL REFERENCES committees(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX item_absences_item ON item_absences(item_id, position);
CREATE INDEX dissents_item ON dissents(item_id, position);
CREATE INDEX votes_item ON votes(item_id, side, position);
CREATE INDEX decision_phrases_committee ON decision_phrases(committee_id, position)
"""


def m003_meeting_records(db: Database) -> None:
    """What happens at the meeting: end time, absences per item, dissent, votes, phrases."""
    for statement in _SCHEMA_3.split(";"):
        if statement.strip():
            db.execute(statement)


def m005_approved_minutes(db: Database) -> None:
    """Approval, corrections and the audit log; approved meetings locked by triggers."""
    from secretary_app.store.migrations.m005_m007 import create_record_schema

    create_record_schema(db)


# Blanks SQLite leaves in a case ID (clean_line already turned tabs and line breaks into spaces).
_CASE_ID_BLANKS = (" ", "\t", "\n", "\r", "\u00a0", "\u202f")


def case_key_sql(value: str) -> str:
    """SQL for core.case_history.case_key of `value` (a column or "?"), as index m004 stores it.

    SQLite's upper() changes ASCII letters only; callers pass "ÆØÅ" in both cases. Never change
    this text: the index matches only the very same expression.
    """
    for blank in _CASE_ID_BLANKS:
        value = f"replace({value}, char({ord(blank)}), '')"
    return f"upper({value})"


def m004_postponed_from(db: Database) -> None:
    """The item a postponed item was moved from, and case IDs indexed as they are compared.

    `postponed_from` has no foreign key: item ids are never reused (AUTOINCREMENT), so a link to a
    deleted item points at nothing rather than at a wrong item, and it survives deleting and
    restoring the original (undo) without touching the copy, whose meeting may be approved.
    """
    db.execute("ALTER TABLE items ADD COLUMN postponed_from INTEGER")
    db.execute("CREATE INDEX items_postponed_from ON items(postponed_from)")
    db.execute(f"CREATE INDEX items_case_key ON items({case_key_sql('case_id')})")


def m006_audit_in_danish(db: Database) -> None:
    """Audit entries of changed fields in Danish words, naming the item by number and title."""
    from secretary_app.store.migrations.m005_m007 import name_audited_fields

    name_audited_fields(db)


def m007_audit_moves(db: Database) -> None:
    """A moved row of a sent meeting's attendance or item records is in the audit log."""
    from secretary_app.store.migrations.m005_m007 import audit_moves

    audit_moves(db)


def m008_item_layouts(db: Database) -> None:
    """Item layouts: sections, public titles, reservations (m008_schema.py)."""
    from secretary_app.store.migrations import m008_schema

    m008_schema.m008_item_layouts(db)


def m009_replace_locks(db: Database) -> None:
    """Approved minutes locked against REPLACE and their committee's going (m009_schema.py)."""
    from secretary_app.store.migrations import m009_schema

    m009_schema.m009_replace_locks(db)


def m010_audit_chain(db: Database) -> None:
    """The audit log as a hash chain; approvals and corrections entered in it (m010_schema.py)."""
    from secretary_app.store.migrations import m010_schema

    m010_schema.m010_audit_chain(db)


def m011_search_inside_words(db: Database) -> None:
    """Search inside words: the full-text index over trigrams (m011_schema.py)."""
    from secretary_app.store.migrations import m011_schema

    m011_schema.m011_search_inside_words(db)


Step = Callable[["Database"], None]

# In the order they are applied; a new step goes at the end.
STEPS: tuple[Step, ...] = (
    m001_initial,
    m002_chair_notes,
    m003_meeting_records,
    m005_approved_minutes,
    m004_postponed_from,
    m006_audit_in_danish,
    m007_audit_moves,
    m008_item_layouts,
    m009_replace_locks,
    m010_audit_chain,
    m011_search_inside_words,
)


def migration_set() -> Migrations:
    """sqlite-utils' Migrations with every step, to apply the pending ones."""
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for step in STEPS:
        migrations()(step)
    return migrations


def applied(conn: sqlite3.Connection) -> list[str]:
    """The names of the steps applied to the archive, in the order they were applied."""
    table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [APPLIED_TABLE]
    ).fetchone()
    if table is None:
        return []
    rows = conn.execute(
        f"SELECT name FROM {APPLIED_TABLE} WHERE migration_set = ? ORDER BY rowid", [MIGRATION_SET]
    )
    return [str(name) for (name,) in rows]


def step_names() -> list[str]:
    return [step.__name__ for step in STEPS]


def pending(conn: sqlite3.Connection) -> list[str]:
    """The names of the steps not yet applied, in the order they will be."""
    done = set(applied(conn))
    return [step.__name__ for step in STEPS if step.__name__ not in done]
