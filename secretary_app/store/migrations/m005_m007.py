"""Migrations m005-m007, as they were released: never change this module.

It is what those steps built, frozen (a fresh archive and an upgraded one must be the same);
the store's run-time knowledge of these rules is in store.audit, and m008 rebuilds some of them.

The schema that makes approved minutes a record, enforced by SQLite itself. Triggers refuse
every insert, update and delete that would touch an approved meeting — from the window, the
command line, `load`, or any other code — and write an audit row for every change to
a meeting after its agenda was sent. Triggers call `secretary_user()`, the Windows user, which
the archive registers on each connection (store.archive).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


LOCKED_MESSAGE = "Referatet er godkendt og kan ikke ændres; tilføj en rettelse i stedet"

_TABLES = """
ALTER TABLE meetings ADD COLUMN agenda_sent_at TEXT;
CREATE TABLE approvals (
    meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id),
    approved_at TEXT NOT NULL,
    approved_by TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    snapshot TEXT NOT NULL
);
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    item_number INTEGER,
    made_at TEXT NOT NULL,
    made_by TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT ''
);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id INTEGER NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    what TEXT NOT NULL,
    old TEXT NOT NULL DEFAULT '',
    new TEXT NOT NULL DEFAULT ''
);
CREATE INDEX corrections_meeting ON corrections(meeting_id, id);
CREATE INDEX audit_log_meeting ON audit_log(meeting_id, id)
"""

# Every table holding a meeting's rows, parents first, and how a row called {row} (NEW, OLD or
# the table's name) finds its meeting.
MEETING_OF = {
    "meetings": "{row}.id",
    "items": "{row}.meeting_id",
    "attendance": "{row}.meeting_id",
    "attachments": "(SELECT meeting_id FROM items WHERE id = {row}.item_id)",
    "item_absences": "(SELECT meeting_id FROM items WHERE id = {row}.item_id)",
    "dissents": "(SELECT meeting_id FROM items WHERE id = {row}.item_id)",
    "votes": "(SELECT meeting_id FROM items WHERE id = {row}.item_id)",
    "attachment_files": (
        "(SELECT i.meeting_id FROM attachments a JOIN items i ON i.id = a.item_id"
        " WHERE a.id = {row}.attachment_id)"
    ),
}

_AUDITED_ITEM_COLUMNS = (
    "title",
    "closed",
    "case_id",
    "presenter",
    "planned_start",
    "duration_minutes",
    "summary",
    "previous_decisions",
    "decision",
    "chair_notes",
    "position",
)
# Rows whose coming and going is audited: table, what (Danish), the row as text.
_AUDITED_ROWS = (
    ("items", "punkt", "{row}.title"),
    ("attachments", "bilag", "{row}.title"),
    (
        "attendance",
        "fremmøde",
        "{row}.name || ' (' || CASE {row}.status WHEN 'present' THEN 'til stede' "
        "WHEN 'absent' THEN 'fraværende' ELSE 'afbud' END || coalesce(nullif("
        "', stedfortræder: ' || {row}.substitute, ', stedfortræder: '), '') || ')'",
    ),
    (
        "item_absences",
        "ikke til stede",
        "{row}.member || ' (' || CASE {row}.reason WHEN 'left' THEN 'forlod mødet' "
        "WHEN 'arrived_late' THEN 'kom senere' ELSE 'inhabil' END || ')'",
    ),
    ("dissents", "protokolbemærkning", "{row}.member || ': ' || {row}.text"),
    (
        "votes",
        "stemme",
        "CASE {row}.side WHEN 'for' THEN 'for' WHEN 'against' THEN 'imod' "
        "ELSE 'undlod' END || ': ' || {row}.voter",
    ),
)
_AUDITED_MEETING_COLUMNS = (
    "date",
    "starts_at",
    "ends_at",
    "location",
    "title",
    "ended_at",
    "first_number",
)


def create_record_schema(db: Database) -> None:
    for statement in _TABLES.split(";"):
        if statement.strip():
            db.execute(statement)
    for table, meeting in MEETING_OF.items():
        for event, rows in (("INSERT", ("NEW",)), ("UPDATE", ("OLD", "NEW")), ("DELETE", ("OLD",))):
            if not (table == "meetings" and event == "INSERT"):
                meetings = [meeting.format(row=row) for row in rows]
                db.execute(_lock_trigger(table, event, meetings))
    for column in _AUDITED_ITEM_COLUMNS:
        db.execute(_audit_update("items", column, "NEW.meeting_id", f"'punkt: {column}'"))
    for column in _AUDITED_MEETING_COLUMNS:
        db.execute(_audit_update("meetings", column, "NEW.id", f"'møde: {column}'"))
    for table, what, text in _AUDITED_ROWS:
        for event, row, done in (("INSERT", "NEW", "tilføjet"), ("DELETE", "OLD", "fjernet")):
            meeting = MEETING_OF[table].format(row=row)
            db.execute(_audit_row(table, event, meeting, f"{what} {done}", text.format(row=row)))
    for column in ("title", "public"):
        meeting = MEETING_OF["attachments"].format(row="NEW")
        db.execute(_audit_update("attachments", column, meeting, f"'bilag: {column}'"))
    for table in ("approvals", "corrections", "audit_log"):
        for event in ("UPDATE", "DELETE"):
            db.execute(_never_trigger(table, event))
    db.execute(
        _guard_insert(
            "approvals", "EXISTS (SELECT 1 FROM approvals a WHERE a.meeting_id = NEW.meeting_id)"
        )
    )
    db.execute(
        _guard_insert(
            "corrections",
            "NOT EXISTS (SELECT 1 FROM approvals a WHERE a.meeting_id = NEW.meeting_id)"
            " OR EXISTS (SELECT 1 FROM corrections c WHERE c.id = NEW.id)",
        )
    )


def _lock_trigger(table: str, event: str, meetings: list[str]) -> str:
    """Refuse a change to a row of an approved meeting: where it is, and (update) where it goes."""
    approved = " OR ".join(
        f"EXISTS (SELECT 1 FROM approvals WHERE meeting_id = {meeting})" for meeting in meetings
    )
    return f"""
CREATE TRIGGER {table}_{event.lower()}_locked BEFORE {event} ON {table}
WHEN {approved}
BEGIN SELECT RAISE(ABORT, '{LOCKED_MESSAGE}'); END"""


def _guard_insert(table: str, refused_when: str) -> str:
    """No second approval of a meeting; corrections only to approved minutes, never replaced."""
    return f"""
CREATE TRIGGER {table}_insert_guarded BEFORE INSERT ON {table}
WHEN {refused_when}
BEGIN SELECT RAISE(ABORT, '{LOCKED_MESSAGE}'); END"""


def _never_trigger(table: str, event: str) -> str:
    """An approval and a correction are written once and kept as they are."""
    return f"""
CREATE TRIGGER {table}_{event.lower()}_never BEFORE {event} ON {table}
BEGIN SELECT RAISE(ABORT, '{LOCKED_MESSAGE}'); END"""


def _sent(meeting: str) -> str:
    return f"(SELECT agenda_sent_at FROM meetings WHERE id = {meeting}) IS NOT NULL"


def _audit_insert(meeting: str, what: str, old: str, new: str) -> str:
    """The one way an audit row is written: each argument is SQL (a column, a text, or ?)."""
    return f"""INSERT INTO audit_log (meeting_id, changed_at, changed_by, what, old, new) VALUES (
    {meeting}, strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime'), secretary_user(),
    {what}, {old}, {new})"""


def _audit_update(table: str, column: str, meeting: str, what: str, shown: str = "{value}") -> str:
    """A changed field: `what` is SQL for its description, `shown` for a value of it."""
    old, new = (shown.format(value=f"{row}.{column}") for row in ("OLD", "NEW"))
    return f"""
CREATE TRIGGER {table}_{column}_audit AFTER UPDATE OF {column} ON {table}
WHEN OLD.{column} IS NOT NEW.{column} AND {_sent(meeting)}
BEGIN
{_audit_insert(meeting, what, f"coalesce({old}, '')", f"coalesce({new}, '')")};
END"""


# m006: a changed field named in Danish, and its item by number and title as they were.
_ITEM_FIELD_NAMES = {
    "title": "titel",
    "closed": "åben/lukket",
    "case_id": "sags-ID",
    "presenter": "fremlægger",
    "planned_start": "planlagt start",
    "duration_minutes": "varighed (minutter)",
    "summary": "resumé",
    "previous_decisions": "tidligere beslutninger",
    "decision": "beslutning",
    "chair_notes": "interne noter",
    "position": "nummer",
}
_MEETING_FIELD_NAMES = {
    "date": "dato",
    "starts_at": "starttidspunkt",
    "ends_at": "sluttidspunkt",
    "location": "mødested",
    "title": "mødetitel",
    "ended_at": "mødet hævet",
    "first_number": "første punktnummer",
}
_ATTACHMENT_FIELD_NAMES = {"title": "titel", "public": "offentligt"}
_FIRST_NUMBER = "(SELECT first_number FROM meetings WHERE id = NEW.meeting_id)"
_SHOWN = {
    "closed": "CASE {value} WHEN 1 THEN 'lukket' ELSE 'åben' END",
    "public": "CASE {value} WHEN 1 THEN 'ja' ELSE 'nej' END",
    "position": f"{_FIRST_NUMBER} + {{value}}",
}


def name_audited_fields(db: Database) -> None:
    """Replace m005's field audit triggers: "punkt 3 Budget: beslutning", not "punkt: decision"."""
    attachment_meeting = MEETING_OF["attachments"].format(row="NEW")
    for table, names, label, meeting in (
        (
            "items",
            _ITEM_FIELD_NAMES,
            f"'punkt ' || ({_FIRST_NUMBER} + OLD.position) || ' ' || OLD.title",
            "NEW.meeting_id",
        ),
        ("meetings", _MEETING_FIELD_NAMES, "'møde'", "NEW.id"),
        ("attachments", _ATTACHMENT_FIELD_NAMES, "'bilag ' || OLD.title", attachment_meeting),
    ):
        for column, name in names.items():
            db.execute(f"DROP TRIGGER IF EXISTS {table}_{column}_audit")  # m005 may predate some
            what = f"{label} || ': {name}'"
            db.execute(_audit_update(table, column, meeting, what, _SHOWN.get(column, "{value}")))


def _audit_row(table: str, event: str, meeting: str, what: str, text: str) -> str:
    """A row added (its text as "new") or removed (as "old")."""
    old, new = ("''", text) if event == "INSERT" else (text, "''")
    return f"""
CREATE TRIGGER {table}_{event.lower()}_audit AFTER {event} ON {table}
WHEN {_sent(meeting)}
BEGIN
{_audit_insert(meeting, f"'{what}'", old, new)};
END"""


# m007: a row of a sent meeting's lists moved to another place (the minutes show their order).
_MOVABLE_ROWS = ("attendance", "item_absences", "dissents", "votes")


def audit_moves(db: Database) -> None:
    for table, what, text in _AUDITED_ROWS:
        if table in _MOVABLE_ROWS:
            meeting = MEETING_OF[table].format(row="NEW")
            old, new = (
                f"{text.format(row=row)} || ', plads ' || ({row}.position + 1)"
                for row in ("OLD", "NEW")
            )
            db.execute(f"""
CREATE TRIGGER {table}_position_audit AFTER UPDATE OF position ON {table}
WHEN OLD.position IS NOT NEW.position AND {_sent(meeting)}
BEGIN
{_audit_insert(meeting, f"'{what} flyttet'", old, new)};
END""")
