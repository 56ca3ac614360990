"""Migration m008: item layouts. Frozen as released: never change this module.

- `committees.layout`: each committee's item layout (core.layout_format, compact JSON); every
  committee there was gets Gentofte's, the only layout there was (`GENTOFTE_LAYOUT`, a literal:
  what the built-in layout is later does not change what this step did).
- `item_sections`: an item's texts by section key. Resumé, Tidligere beslutninger and
  Beslutninger move there from the columns `summary`, `previous_decisions` and `decision`,
  which go, with the triggers that named them.
- `items.public_title`, `item_reservations` (forbehold), `saved_layouts`.
- `item_search`: full-text search over title, public title, case ID and every section's text,
  kept by triggers (it replaces sqlite-utils' `items_fts`, which could only index columns).
- The record rules for the new tables: locked once approved, audited once the agenda is sent,
  the audit naming a section by its label in the committee's layout. An item's records
  (absences, dissent notes, votes, reservations) audited under the item they belong to
  ("punkt 2 Budget: forbehold tilføjet"), absences in the words of core.vocabulary ("ankom
  efter punktets behandling", not "kom senere").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

GENTOFTE_LAYOUT = (
    '{"name":"Gentofte","heading":"{number} ({access}) {title}","case_id_label":"Sags ID",'
    '"open_word":"Åben","closed_word":"Lukket","decision_heading":"{committee} den {date}",'
    '"print_empty_sections":["tidligere_beslutninger"],"sections":['
    '{"key":"resume","label":"Resumé","kind":"text","agenda":true,"minutes":true},'
    '{"key":"tidligere_beslutninger","label":"Tidligere beslutninger:","kind":"history",'
    '"agenda":true,"minutes":true},'
    '{"key":"beslutning","label":"Beslutninger:","kind":"decision","agenda":false,"minutes":true}'
    "]}"
)
# Where each text column goes.
TEXT_COLUMNS = {
    "summary": "resume",
    "previous_decisions": "tidligere_beslutninger",
    "decision": "beslutning",
}
LOCKED_MESSAGE = "Referatet er godkendt og kan ikke ændres; tilføj en rettelse i stedet"

# The words of the audit log this step writes into its triggers (core.vocabulary, frozen).
WORDS = {
    "item": "punkt",
    "added": "tilføjet",
    "removed": "fjernet",
    "moved": "flyttet",
    "place": "plads",
    "public_title": "offentlig titel",
    "reservation": "forbehold",
    "not_present": "ikke til stede",
    "dissent": "protokolbemærkning",
    "vote": "stemme",
    "for": "for",
    "against": "imod",
    "abstain": "undlod",
    "inhabil": "inhabil",
    "left": "forlod mødet",
    "arrived_late": "ankom efter punktets behandling",
}

_TABLES = """
CREATE TABLE item_sections (
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (item_id, key)
);
CREATE TABLE item_reservations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    member TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX item_reservations_item ON item_reservations(item_id, position);
CREATE TABLE saved_layouts (key TEXT PRIMARY KEY, definition TEXT NOT NULL);
ALTER TABLE items ADD COLUMN public_title TEXT NOT NULL DEFAULT '';
ALTER TABLE committees ADD COLUMN layout TEXT
"""

# Triggers and tables that name the text columns, made by m001 (sqlite-utils' FTS) and m006.
_RETIRED = """
DROP TRIGGER items_ai;
DROP TRIGGER items_ad;
DROP TRIGGER items_au;
DROP TABLE items_fts;
DROP TRIGGER IF EXISTS items_summary_audit;
DROP TRIGGER IF EXISTS items_previous_decisions_audit;
DROP TRIGGER IF EXISTS items_decision_audit;
DROP TRIGGER IF EXISTS item_absences_insert_audit;
DROP TRIGGER IF EXISTS item_absences_delete_audit;
DROP TRIGGER IF EXISTS item_absences_position_audit;
DROP TRIGGER IF EXISTS dissents_insert_audit;
DROP TRIGGER IF EXISTS dissents_delete_audit;
DROP TRIGGER IF EXISTS dissents_position_audit;
DROP TRIGGER IF EXISTS votes_insert_audit;
DROP TRIGGER IF EXISTS votes_delete_audit;
DROP TRIGGER IF EXISTS votes_position_audit;
ALTER TABLE items DROP COLUMN summary;
ALTER TABLE items DROP COLUMN previous_decisions;
ALTER TABLE items DROP COLUMN decision
"""

_SEARCH_TITLE = "{row}.title || ' ' || {row}.public_title"
_SEARCH_BODY = (
    "(SELECT coalesce(group_concat(text, char(10)), '') FROM item_sections WHERE item_id = {item})"
)
_SEARCH = (
    "CREATE VIRTUAL TABLE item_search USING fts5("
    "title, case_id, body, tokenize = 'unicode61 remove_diacritics 0')",
    f"""INSERT INTO item_search (rowid, title, case_id, body)
    SELECT i.id, {_SEARCH_TITLE.format(row="i")}, i.case_id, {_SEARCH_BODY.format(item="i.id")}
    FROM items i""",
    f"""CREATE TRIGGER item_search_insert AFTER INSERT ON items BEGIN
    INSERT INTO item_search (rowid, title, case_id, body)
    VALUES (NEW.id, {_SEARCH_TITLE.format(row="NEW")}, NEW.case_id, '');
END""",
    f"""CREATE TRIGGER item_search_update AFTER UPDATE OF title, public_title, case_id ON items
BEGIN
    UPDATE item_search SET title = {_SEARCH_TITLE.format(row="NEW")}, case_id = NEW.case_id
    WHERE rowid = NEW.id;
END""",
    """CREATE TRIGGER item_search_delete AFTER DELETE ON items BEGIN
    DELETE FROM item_search WHERE rowid = OLD.id;
END""",
    *(
        f"""CREATE TRIGGER item_search_section_{event.lower()} AFTER {event} ON item_sections
BEGIN
    UPDATE item_search SET body = {_SEARCH_BODY.format(item=f"{row}.item_id")}
    WHERE rowid = {row}.item_id;
END"""
        for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD"))
    ),
)

_MEETING_OF_ITEM = "(SELECT meeting_id FROM items WHERE id = {row}.item_id)"
_ITEM_NAME = (
    "(SELECT '{item} ' || (m.first_number + i.position) || ' ' || i.title"
    " FROM items i JOIN meetings m ON m.id = i.meeting_id WHERE i.id = {{row}}.item_id)"
).format(item=WORDS["item"])
_SECTION_LABEL = (
    "coalesce(nullif(rtrim((SELECT json_extract(s.value, '$.label')"
    " FROM items i JOIN meetings m ON m.id = i.meeting_id"
    " JOIN committees c ON c.id = m.committee_id, json_each(c.layout, '$.sections') AS s"
    " WHERE i.id = {row}.item_id AND json_extract(s.value, '$.key') = {row}.key), ':'), ''),"
    " {row}.key)"
)
_ABSENCE = (
    "{row}.member || ' (' || CASE {row}.reason"
    f" WHEN 'left' THEN '{WORDS['left']}'"
    f" WHEN 'arrived_late' THEN '{WORDS['arrived_late']}'"
    f" ELSE '{WORDS['inhabil']}' END || ')'"
)
_RESERVATION = "{row}.member || ': ' || {row}.text"
_DISSENT = "{row}.member || ': ' || {row}.text"
_VOTE = (
    "CASE {row}.side"
    f" WHEN 'for' THEN '{WORDS['for']}' WHEN 'against' THEN '{WORDS['against']}'"
    f" ELSE '{WORDS['abstain']}' END || ': ' || {{row}}.voter"
)


def m008_item_layouts(db: Database) -> None:
    _run(db, _TABLES)
    for column, key in TEXT_COLUMNS.items():
        db.execute(
            f"INSERT INTO item_sections (item_id, key, text)"
            f" SELECT id, '{key}', {column} FROM items WHERE {column} != ''"
        )
    db.execute("UPDATE committees SET layout = ?", [GENTOFTE_LAYOUT])
    _run(db, _RETIRED)
    for statement in _SEARCH:
        db.execute(statement)
    for table in ("item_sections", "item_reservations"):
        _lock(db, table)
    _audit_sections(db)
    _audit_rows(db, "item_reservations", WORDS["reservation"], _RESERVATION)
    _audit_rows(db, "item_absences", WORDS["not_present"], _ABSENCE)
    _audit_rows(db, "dissents", WORDS["dissent"], _DISSENT)
    _audit_rows(db, "votes", WORDS["vote"], _VOTE)
    _audit_public_title(db)


def _run(db: Database, script: str) -> None:
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _sent(meeting: str) -> str:
    return f"(SELECT agenda_sent_at FROM meetings WHERE id = {meeting}) IS NOT NULL"


def _audit_insert(meeting: str, what: str, old: str, new: str) -> str:
    return f"""INSERT INTO audit_log (meeting_id, changed_at, changed_by, what, old, new) VALUES (
    {meeting}, strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime'), secretary_user(),
    {what}, {old}, {new})"""


def _lock(db: Database, table: str) -> None:
    for event, rows in (("INSERT", ("NEW",)), ("UPDATE", ("OLD", "NEW")), ("DELETE", ("OLD",))):
        approved = " OR ".join(
            f"EXISTS (SELECT 1 FROM approvals WHERE meeting_id = "
            f"{_MEETING_OF_ITEM.format(row=row)})"
            for row in rows
        )
        db.execute(f"""
CREATE TRIGGER {table}_{event.lower()}_locked BEFORE {event} ON {table}
WHEN {approved}
BEGIN SELECT RAISE(ABORT, '{LOCKED_MESSAGE}'); END""")


def _audit_sections(db: Database) -> None:
    """A section's text written, changed or emptied: "punkt 2 Eventuelt: Beslutninger"."""
    for event, condition, old, new in (
        ("INSERT", "NEW.text != ''", "''", "NEW.text"),
        ("UPDATE", "OLD.text IS NOT NEW.text", "OLD.text", "NEW.text"),
        ("DELETE", "OLD.text != ''", "OLD.text", "''"),
    ):
        row = "OLD" if event == "DELETE" else "NEW"
        meeting = _MEETING_OF_ITEM.format(row=row)
        what = f"{_ITEM_NAME.format(row=row)} || ': ' || {_SECTION_LABEL.format(row=row)}"
        db.execute(f"""
CREATE TRIGGER item_sections_{event.lower()}_audit AFTER {event} ON item_sections
WHEN {condition} AND {_sent(meeting)}
BEGIN
{_audit_insert(meeting, what, old, new)};
END""")


def _audit_rows(db: Database, table: str, name: str, text: str) -> None:
    """A row of an item's records added, removed or moved, once the agenda is sent, under
    the item it belongs to."""
    for event, row, done in (
        ("INSERT", "NEW", WORDS["added"]),
        ("DELETE", "OLD", WORDS["removed"]),
    ):
        meeting = _MEETING_OF_ITEM.format(row=row)
        shown = text.format(row=row)
        old, new = ("''", shown) if event == "INSERT" else (shown, "''")
        what = _under_item(row, f"{name} {done}")
        db.execute(f"""
CREATE TRIGGER {table}_{event.lower()}_audit AFTER {event} ON {table}
WHEN {_sent(meeting)}
BEGIN
{_audit_insert(meeting, what, old, new)};
END""")
    meeting = _MEETING_OF_ITEM.format(row="NEW")
    old, new = (
        f"{text.format(row=row)} || ', {WORDS['place']} ' || ({row}.position + 1)"
        for row in ("OLD", "NEW")
    )
    db.execute(f"""
CREATE TRIGGER {table}_position_audit AFTER UPDATE OF position ON {table}
WHEN OLD.position IS NOT NEW.position AND {_sent(meeting)}
BEGIN
{_audit_insert(meeting, _under_item("NEW", f"{name} {WORDS['moved']}"), old, new)};
END""")


def _under_item(row: str, what: str) -> str:
    """ "punkt 2 Budget: forbehold tilføjet"; the bare words when the item is gone already (a
    meeting deleted whole)."""
    return f"coalesce({_ITEM_NAME.format(row=row)} || ': ', '') || '{what}'"


def _audit_public_title(db: Database) -> None:
    label = (
        f"'{WORDS['item']} ' || ((SELECT first_number FROM meetings WHERE id = NEW.meeting_id)"
        f" + OLD.position) || ' ' || OLD.title || ': {WORDS['public_title']}'"
    )
    db.execute(f"""
CREATE TRIGGER items_public_title_audit AFTER UPDATE OF public_title ON items
WHEN OLD.public_title IS NOT NEW.public_title AND {_sent("NEW.meeting_id")}
BEGIN
{_audit_insert("NEW.meeting_id", label, "OLD.public_title", "NEW.public_title")};
END""")
