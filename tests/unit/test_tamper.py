"""Approved minutes against a plain `sqlite3` connection, as a municipal IT person has it (foreign
keys off, recursive triggers off): every INSERT OR REPLACE route, and the committee's going, are
refused by the archive itself, and the minutes still verify."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from secretary_app.core.model import (
    Attachment,
    AttendanceEntry,
    Committee,
    Dissent,
    Item,
    ItemAbsence,
    Meeting,
    Reservation,
    Vote,
    VoteSide,
)
from secretary_app.core.record import Correction
from secretary_app.store.archive import Archive
from secretary_app.store.migrations.m010_schema import entry_hash

LOCKED = "Referatet er godkendt"


@pytest.fixture
def approved(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    """An archive file with one approved meeting holding a row in every table, and an open
    meeting of the same committee; the ids of the approved rows by table (and "open")."""
    path = tmp_path / "arkiv.sqlite3"
    archive = Archive.open(path)
    committee = archive.committees.add(Committee("Udvalget"))
    day = dt.date(2025, 3, 4)
    meeting = archive.meetings.create(
        Meeting(committee.id, day), [Item(0, "Punkt", sections={"beslutning": "Godkendt."})]
    )
    [item] = archive.items.for_meeting(meeting.id)
    attachment = archive.attachments.add(Attachment(item.id, "Bilag"), b"x")
    archive.meetings.set_attendance(meeting.id, [AttendanceEntry(meeting.id, "Anne")])
    archive.records.set_item_records(
        item.id,
        archive.records.item_records(item.id).__class__(
            [ItemAbsence(item.id, "Anne")],
            [Dissent(item.id, "Anne", "Imod")],
            [Vote(item.id, VoteSide.FOR, "Anne")],
            [Reservation(item.id, "Anne", "Forbehold")],
        ),
    )
    archive.approvals.approve(archive, meeting.id, ["Anne"], day)
    other = archive.meetings.create(Meeting(committee.id, dt.date(2025, 4, 1)), [Item(0, "Nyt")])
    ids = {"meetings": meeting.id, "items": item.id, "attachments": attachment.id or 0}
    for table in ("attendance", "item_absences", "dissents", "votes", "item_reservations"):
        ids[table] = archive.db.value(f"SELECT min(id) FROM {table}")
    ids["open"] = other.id
    ids["open_item"] = archive.items.for_meeting(other.id)[0].id
    ids["committee"] = committee.id
    archive.close()
    return path, ids


REPLACING = {
    "meetings": "INSERT OR REPLACE INTO meetings (id, committee_id, date, title)"
    " VALUES (:meetings, :committee, '2099-01-01', 'FORFALSKET')",
    "items": "INSERT OR REPLACE INTO items (id, meeting_id, position, title)"
    " VALUES (:items, :open, 5, 'FORFALSKET')",
    "attachments": "INSERT OR REPLACE INTO attachments (id, item_id, title)"
    " VALUES (:attachments, :open_item, 'FORFALSKET')",
    "attendance": "INSERT OR REPLACE INTO attendance (id, meeting_id, name)"
    " VALUES (:attendance, :open, 'FORFALSKET')",
    "item_absences": "INSERT OR REPLACE INTO item_absences (id, item_id, member)"
    " VALUES (:item_absences, :open_item, 'FORFALSKET')",
    "dissents": "INSERT OR REPLACE INTO dissents (id, item_id, member, text)"
    " VALUES (:dissents, :open_item, 'X', 'FORFALSKET')",
    "votes": "REPLACE INTO votes (id, item_id, side, voter)"
    " VALUES (:votes, :open_item, 'for', 'FORFALSKET')",
    "item_reservations": "INSERT OR REPLACE INTO item_reservations (id, item_id, member)"
    " VALUES (:item_reservations, :open_item, 'FORFALSKET')",
    "item_sections": "INSERT OR REPLACE INTO item_sections (item_id, key, text)"
    " VALUES (:items, 'beslutning', 'FORFALSKET')",
    "committee replaced": "INSERT OR REPLACE INTO committees (id, name)"
    " VALUES (:committee, 'FORFALSKET')",
    "committee deleted": "DELETE FROM committees",
    "committee renumbered": "UPDATE committees SET id = 999",
}


def plain(path: Path) -> sqlite3.Connection:
    """A plain connection, with the functions the audit triggers call registered by hand (or
    SQLite refuses every write to an audited table for lack of them: a refusal by accident)."""
    db = sqlite3.connect(path)
    db.create_function("secretary_user", 0, lambda: "indtrænger")
    db.create_function("secretary_chain", 8, entry_hash)
    return db


def dump(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as db:
        return list(db.iterdump())


@pytest.mark.parametrize("route", REPLACING)
def test_a_plain_connection_cannot_replace_a_row_of_approved_minutes(approved, route):
    path, ids = approved
    before = dump(path)
    with closing(plain(path)) as db:
        assert db.execute("PRAGMA foreign_keys").fetchone() == (0,)
        assert db.execute("PRAGMA recursive_triggers").fetchone() == (0,)
        with pytest.raises(sqlite3.DatabaseError, match=LOCKED):
            db.execute(REPLACING[route], ids)
        db.commit()
    assert dump(path) == before
    archive = Archive.open(path)
    try:
        assert archive.approvals.verify(ids["meetings"])
    finally:
        archive.close()


def test_an_audit_entry_cannot_be_replaced(approved):
    path, ids = approved
    archive = Archive.open(path)
    archive.approvals.mark_agenda_sent(ids["open"], dt.datetime(2025, 3, 30, 9, 0))
    archive.items.update_field(ids["open_item"], "title", "Nyt punkt")
    [entry] = archive.approvals.audit(ids["open"])
    archive.close()
    with closing(plain(path)) as db, pytest.raises(sqlite3.DatabaseError, match=LOCKED):
        db.execute(
            "INSERT OR REPLACE INTO audit_log (id, meeting_id, changed_at, changed_by, what)"
            " VALUES (?, ?, '2025-03-30', 'x', 'FORFALSKET')",
            [entry.id, ids["open"]],
        )


def test_the_program_still_writes_open_meetings_and_new_committees(approved):
    path, ids = approved
    archive = Archive.open(path)
    try:
        archive.items.add(Item(ids["open"], "Endnu et punkt"))
        archive.committees.add(Committee("Nyt udvalg"))
        archive.meetings.delete(ids["open"])
        assert [c.name for c in archive.committees.all()] == ["Nyt udvalg", "Udvalget"]
    finally:
        archive.close()


# --- no output onto the archive (issue 10, point 3) ------------------------------------------


@pytest.mark.parametrize(
    ("command", "name"),
    [
        (["dump", "1", "-o"], "arkiv.sqlite3"),
        (["dump", "1", "-o"], "arkiv.sqlite3-wal"),
        (["export", "1", "--document", "minutes", "-o"], "arkiv.sqlite3.docx"),
        (["dump", "1", "-o"], "arkiv.before-m009_replace_locks-20261206-000000.sqlite3"),
    ],
)
def test_no_output_goes_onto_the_archive_or_its_files(tmp_path, capsys, command, name):
    from secretary_app.cli import main

    path = tmp_path / "arkiv.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    capsys.readouterr()
    target = tmp_path / name
    if name.endswith(".docx"):  # an archive of that name, and the export aimed at it
        path.rename(target)
        path = target
    before = path.read_bytes()
    assert main(["--db", str(path), *command, str(target)]) == 2
    assert "er arkivet selv eller en af dets filer" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_the_archive_knows_its_own_files(tmp_path):
    archive = Archive.open(tmp_path / "arkiv.sqlite3")
    try:
        for name in ("arkiv.sqlite3", "arkiv.sqlite3-shm", "arkiv.before-m001-x.sqlite3"):
            assert archive.is_own_file(tmp_path / name)
        assert archive.is_own_file(tmp_path / "sub" / ".." / "arkiv.sqlite3")
        for name in ("referat.docx", "arkiv.json", "andet.sqlite3"):
            assert not archive.is_own_file(tmp_path / name)
    finally:
        archive.close()


# --- verify, and no stamp on what was changed (issue 10, point 1) ----------------------------


def tamper(path: Path, meeting_id: int) -> None:
    """Change the approved decision behind the program's back: triggers dropped first."""
    with closing(plain(path)) as db:
        db.execute("DROP TRIGGER item_sections_update_locked")
        db.execute(
            "UPDATE item_sections SET text = 'FORFALSKET' WHERE key = 'beslutning' AND item_id ="
            " (SELECT id FROM items WHERE meeting_id = ?)",
            [meeting_id],
        )
        db.commit()


def test_the_fingerprint_is_sha256_of_the_canonical_content():
    from secretary_app.core.record import canonical_json, fingerprint

    assert fingerprint(canonical_json({"a": "æ", "b": [1]})) == (
        "bd09504ccca3727a73559cafbabff5d6333fe467ff7a45288e3752f42608f296"  # sha256sum
    )


def test_verify_says_where_approved_minutes_were_changed(approved, capsys):
    from secretary_app.cli import main

    path, ids = approved
    assert main(["--db", str(path), "verify"]) == 0
    assert capsys.readouterr().out == f"{ids['meetings']}\tOK\narkivet\tOK\n"
    tamper(path, ids["meetings"])
    assert main(["--db", str(path), "verify", str(ids["meetings"])]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{ids['meetings']}\tændret: items[0].sections.beslutning",
        "arkivet\tbeskyttelsen er fjernet eller ændret: item_sections_update_locked",
    ]
    assert main(["--db", str(path), "verify", str(ids["open"])]) == 2
    assert "er ikke godkendt" in capsys.readouterr().err


def test_changed_minutes_are_exported_without_the_approval_stamp(approved, capsys, tmp_path):
    import docx

    from secretary_app.cli import main

    path, ids = approved
    target = tmp_path / "referat.docx"
    command = ["--db", str(path), "export", str(ids["meetings"]), "--document", "minutes"]
    assert main([*command, "-o", str(target)]) == 0
    footers = [p.text for s in docx.Document(str(target)).sections for p in s.footer.paragraphs]
    assert any("Godkendt" in text for text in footers)

    tamper(path, ids["meetings"])
    assert main([*command, "-o", str(target)]) == 1
    assert "ikke stemplet godkendt" in capsys.readouterr().err
    footers = [p.text for s in docx.Document(str(target)).sections for p in s.footer.paragraphs]
    assert not any("Godkendt" in text for text in footers)


def test_export_says_when_the_protection_was_dropped(approved, capsys, tmp_path):
    """The triggers gone but the content as approved: the stamp stays (it is true), the
    command says what was removed and exits 1."""
    import docx

    from secretary_app.cli import main

    path, ids = approved
    behind_the_programs_back(path, "DROP TRIGGER items_update_locked")
    target = tmp_path / "referat.docx"
    command = ["--db", str(path), "export", str(ids["meetings"]), "--document", "minutes"]
    assert main([*command, "-o", str(target)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "secretary-app: advarsel: arkivet: beskyttelsen er fjernet eller ændret: "
        "items_update_locked"
    ]
    footers = [p.text for s in docx.Document(str(target)).sections for p in s.footer.paragraphs]
    assert any("Godkendt" in text for text in footers)


# --- the audit log as a hash chain (issue 10, point 1) -----------------------------------------


def sent_with_changes(path: Path, ids: dict[str, int]) -> None:
    """The open meeting's agenda sent, then three changes: three entries in the audit log."""
    archive = Archive.open(path)
    archive.approvals.mark_agenda_sent(ids["open"], dt.datetime(2025, 3, 30, 9, 0))
    for title in ("Første", "Anden", "Tredje"):
        archive.items.update_field(ids["open_item"], "title", title)
    archive.close()


def record_problems(path: Path) -> list[str]:
    archive = Archive.open(path)
    try:
        return archive.approvals.record_problems()
    finally:
        archive.close()


def behind_the_programs_back(path: Path, *statements: str) -> None:
    with closing(plain(path)) as db:
        for statement in statements:
            db.execute(statement)
        db.commit()


def entry_ids(path: Path) -> list[int]:
    with closing(sqlite3.connect(path)) as db:
        return [row[0] for row in db.execute("SELECT id FROM audit_log ORDER BY id")]


def test_each_entry_carries_the_hash_of_the_one_before(approved):
    path, ids = approved
    sent_with_changes(path, ids)
    with closing(sqlite3.connect(path)) as db:
        rows = db.execute("SELECT previous, hash FROM audit_log ORDER BY id").fetchall()
    assert len(rows) == 4  # the approval, and the three changes
    assert rows[0][0] == ""
    assert [previous for previous, _ in rows[1:]] == [hash_ for _, hash_ in rows[:-1]]
    assert all(len(hash_) == 64 for _, hash_ in rows)
    assert record_problems(path) == []


def test_an_entry_edited_behind_the_programs_back_is_found(approved):
    path, ids = approved
    sent_with_changes(path, ids)
    second = entry_ids(path)[2]
    behind_the_programs_back(
        path,
        "DROP TRIGGER audit_log_update_sealed",
        f"UPDATE audit_log SET new = 'FORFALSKET' WHERE id = {second}",
    )
    assert record_problems(path) == [
        "beskyttelsen er fjernet eller ændret: audit_log_update_sealed",
        f"ændringsloggen: post {second} er ændret",
    ]


def test_an_entry_deleted_behind_the_programs_back_is_found(approved):
    path, ids = approved
    sent_with_changes(path, ids)
    _, _, second, third = entry_ids(path)
    behind_the_programs_back(
        path, "DROP TRIGGER audit_log_delete_never", f"DELETE FROM audit_log WHERE id = {second}"
    )
    assert record_problems(path) == [
        "beskyttelsen er fjernet eller ændret: audit_log_delete_never",
        f"ændringsloggen: posten før post {third} er slettet eller ændret",
    ]


def test_an_entry_forged_with_a_hash_of_its_own_is_found(approved):
    path, ids = approved
    with closing(sqlite3.connect(path)) as db:
        db.create_function("secretary_chain", 8, lambda *fields: "0" * 64)
        db.execute(
            "INSERT INTO audit_log (meeting_id, changed_at, changed_by, what)"
            " VALUES (?, '2025-03-30 10:00:00', 'x', 'FORFALSKET')",
            [ids["open"]],
        )
        db.commit()
    [forged] = entry_ids(path)[-1:]
    assert record_problems(path) == [f"ændringsloggen: post {forged} er ændret"]


def test_a_deleted_approval_is_found(approved, capsys):
    from secretary_app.cli import main

    path, ids = approved
    behind_the_programs_back(
        path,
        "DROP TRIGGER approvals_delete_never",
        f"DELETE FROM approvals WHERE meeting_id = {ids['meetings']}",
    )
    assert main(["--db", str(path), "verify"]) == 1  # no approved minutes left to list, but
    assert capsys.readouterr().out.splitlines() == [
        "arkivet\tbeskyttelsen er fjernet eller ændret: approvals_delete_never",
        f"arkivet\tmøde {ids['meetings']}: godkendelsen er slettet",
    ]


def test_approvals_and_corrections_are_entries_of_the_chain(approved):
    path, ids = approved
    archive = Archive.open(path)
    try:
        archive.approvals.add_correction(
            Correction(ids["meetings"], "Rettet stavefejl.", "Stavefejl", dt.datetime.now(), 1)
        )
        log = [(e.what, e.old, e.new) for e in archive.approvals.audit(ids["meetings"])]
        fingerprint = archive.approvals.approval(ids["meetings"]).fingerprint
    finally:
        archive.close()
    assert log == [
        ("referat godkendt", "", fingerprint),
        ("rettelse til punkt 1", "Stavefejl", "Rettet stavefejl."),
    ]
    assert record_problems(path) == []


def test_the_hash_of_an_entry_is_sha256_of_its_fields_known_answer():
    fields = (1, 2, "2025-03-30 09:00:00", "anne", "punkt 1: titel", "Før", "Efter")
    assert entry_hash("", *fields) == (
        # printf '%s' '["",1,2,"2025-03-30 09:00:00","anne","punkt 1: titel","Før","Efter"]' |
        # sha256sum
        "fd188923ca88b475d6fa9f4b290fe50f0b7ffa503e2c653bb80e172e84811ed3"
    )


# --- every write route of a plain connection, on every table of the record ------------------

# How each table's rows of the approved meeting are found (its key columns, from `ids`).
APPROVED_ROWS = {
    "meetings": "id = :meetings",
    "items": "id = :items",
    "attendance": "id = :attendance",
    "attachments": "id = :attachments",
    "attachment_files": "attachment_id = :attachments",
    "item_absences": "id = :item_absences",
    "dissents": "id = :dissents",
    "votes": "id = :votes",
    "item_reservations": "id = :item_reservations",
    "item_sections": "item_id = :items",
    "approvals": "meeting_id = :meetings",
    "committees": "id = :committee",
}
# A new row added to the approved meeting.
INSERTING = {
    "items": "INSERT INTO items (meeting_id, position, title) VALUES (:meetings, 7, 'FORFALSKET')",
    "attendance": "INSERT INTO attendance (meeting_id, name) VALUES (:meetings, 'FORFALSKET')",
    "attachments": "INSERT INTO attachments (item_id, title) VALUES (:items, 'FORFALSKET')",
    "item_absences": "INSERT INTO item_absences (item_id, member) VALUES (:items, 'FORFALSKET')",
    "dissents": "INSERT INTO dissents (item_id, member, text) VALUES (:items, 'X', 'FORFALSKET')",
    "votes": "INSERT INTO votes (item_id, side, voter) VALUES (:items, 'for', 'FORFALSKET')",
    "item_reservations": "INSERT INTO item_reservations (item_id, member) VALUES (:items, 'X')",
    "item_sections": "INSERT INTO item_sections (item_id, key, text) VALUES (:items, 'ny', 'X')",
    "approvals": "INSERT INTO approvals (meeting_id, approved_at, approved_by, fingerprint,"
    " snapshot) VALUES (:meetings, '2025-03-05', '[]', 'x', '{}')",
}


def routes() -> list[tuple[str, str]]:
    found = [(f"insert {table}", sql) for table, sql in INSERTING.items()]
    for table, where in APPROVED_ROWS.items():
        key = where.split(" = ")[0]
        # Any change to a row of the record; a committee may be renamed, not renumbered.
        change = f"{key} = {key} + 1000" if table == "committees" else f"{key} = {key}"
        found.append((f"update {table}", f"UPDATE {table} SET {change} WHERE {where}"))
        found.append((f"delete {table}", f"DELETE FROM {table} WHERE {where}"))
    found.append(
        (
            "replace attachment_files",
            "INSERT OR REPLACE INTO attachment_files"
            " (attachment_id, content) VALUES (:attachments, X'00')",
        )
    )
    return found


ROUTES = routes()


@pytest.mark.parametrize("foreign_keys", ["ON", "OFF"])
@pytest.mark.parametrize(("route", "sql"), ROUTES, ids=[route for route, _ in ROUTES])
def test_every_write_route_to_approved_minutes_is_refused(approved, route, sql, foreign_keys):
    path, ids = approved
    before = dump(path)
    with closing(plain(path)) as db:
        db.execute(f"PRAGMA foreign_keys = {foreign_keys}")
        with pytest.raises(sqlite3.DatabaseError, match=LOCKED):
            db.execute(sql, ids)
        db.commit()
    assert dump(path) == before
