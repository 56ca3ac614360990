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
from secretary_app.store.archive import Archive

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
    """A plain connection, with the function the audit triggers call registered by hand (or
    SQLite refuses every write to an audited table for lack of it: a refusal by accident)."""
    db = sqlite3.connect(path)
    db.create_function("secretary_user", 0, lambda: "indtrænger")
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
    assert capsys.readouterr().out == f"{ids['meetings']}\tOK\n"
    tamper(path, ids["meetings"])
    assert main(["--db", str(path), "verify", str(ids["meetings"])]) == 1
    out = capsys.readouterr().out
    assert out == f"{ids['meetings']}\tændret: items[0].sections.beslutning\n"
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
