"""The archive: schema and migrations, round trips, item order, cascades and full-text search."""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from sqlite_utils import Database

import secretary_app.store.migrations as migrations_module
from secretary_app.core.item_fields import value_of
from secretary_app.core.model import (
    Attachment,
    AttendanceEntry,
    AttendanceStatus,
    Committee,
    CommitteeKind,
    Dissent,
    Item,
    ItemAbsence,
    ItemRecords,
    Meeting,
    Member,
    MemberRole,
    Numbering,
    StandingItem,
    Vote,
    VoteSide,
)
from secretary_app.store.archive import Archive, ArchiveError
from secretary_app.store.errors import StoreError
from secretary_app.store.migrations import migration_set

TABLES = {
    "committees",
    "members",
    "standing_items",
    "meetings",
    "items",
    "attachments",
    "attachment_files",
    "attendance",
    "settings",
    "item_sections",
    "item_reservations",
    "saved_layouts",
    "item_search",
    "_sqlite_migrations",
}

MARKDOWN = """Udvalget drøftede **tre** temaer:

1. Borgerinddragelse
   - workshops i *juni*
   - en __åben__ høring
2. Økonomi 💰

Næste møde: 22. august 🗓️"""

EVERY_BYTE = bytes(range(256)) * 4


def migration_names(db):
    """The migrations applied to `db` (ours or sqlite-utils' Database), in order."""
    return [name for (name,) in db.conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]


def backups(tmp_path):
    return sorted((tmp_path / "sikkerhedskopier").glob("*-før-*"))


def titles(archive, meeting):
    return [item.title for item in archive.items.for_meeting(meeting.id)]


def positions(archive, meeting):
    return [item.position for item in archive.items.for_meeting(meeting.id)]


def add_items(archive, meeting, *names):
    return [archive.items.add(Item(meeting.id, name)) for name in names]


def found(archive, words):
    return [hit.item_id for hit in archive.search.items(words)]


def count(archive, table):
    return archive.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


# Schema and migrations


@pytest.fixture
def file_archive(tmp_path):
    archive = Archive.open(tmp_path / "arkiv.sqlite")
    yield archive
    archive.close()


def test_a_new_archive_file_gets_every_table(file_archive):
    assert set(file_archive.db.utils.table_names()) >= TABLES


def test_a_new_archive_records_every_migration(file_archive):
    every_migration = [m.name for m in migration_set().pending(Database(memory=True))]
    assert "m001_initial" in every_migration
    assert migration_names(file_archive.db) == every_migration


def test_a_new_archive_file_needs_no_backup(tmp_path):
    Archive.open(tmp_path / "arkiv.sqlite").close()
    assert backups(tmp_path) == []


def test_reopening_applies_nothing_and_makes_no_backup(tmp_path):
    path = tmp_path / "arkiv.sqlite"
    archive = Archive.open(path)
    applied = archive.db.rows("SELECT * FROM _sqlite_migrations")
    archive.close()

    archive = Archive.open(path)
    assert archive.db.rows("SELECT * FROM _sqlite_migrations") == applied
    assert backups(tmp_path) == []
    archive.close()


def test_a_memory_archive_gets_every_table(archive):
    assert set(archive.db.utils.table_names()) >= TABLES


def add_a_migration(monkeypatch):
    """The archive's migrations plus one more, as if a newer version of the app opened the file."""

    def m999_test_committee_note(db):
        db.execute("ALTER TABLE committees ADD COLUMN note TEXT NOT NULL DEFAULT ''")

    monkeypatch.setattr(
        migrations_module, "STEPS", (*migrations_module.STEPS, m999_test_committee_note)
    )
    return "m999_test_committee_note"


def test_a_backup_is_taken_before_a_pending_migration_runs(tmp_path, monkeypatch):
    path = tmp_path / "arkiv.sqlite"
    archive = Archive.open(path)
    archive.committees.add(Committee("Økonomiudvalget"))
    archive.close()

    extra = add_a_migration(monkeypatch)
    archive = Archive.open(path)

    [backup] = backups(tmp_path)
    assert backup.name.startswith(f"arkiv-før-{extra}-")
    assert backup.suffix == ".sqlite"
    assert "note" in archive.db.table("committees").columns_dict
    assert migration_names(archive.db)[-1] == extra
    archive.close()

    with Database(backup) as before:
        assert [row["name"] for row in before.query("SELECT name FROM committees")] == [
            "Økonomiudvalget"
        ]
        assert "note" not in before.table("committees").columns_dict
        assert extra not in migration_names(before)


def test_the_migrated_archive_needs_no_second_backup(tmp_path, monkeypatch):
    path = tmp_path / "arkiv.sqlite"
    Archive.open(path).close()
    add_a_migration(monkeypatch)
    Archive.open(path).close()
    Archive.open(path).close()
    assert len(backups(tmp_path)) == 1


def test_what_is_pending_is_read_as_sqlite_utils_reads_it(tmp_path, monkeypatch):
    """store.migrations reads sqlite-utils' own table, so that a start-up with nothing to migrate
    need not import sqlite-utils; here both answers are compared on an empty, a current and an
    outdated archive."""
    path = tmp_path / "arkiv.sqlite"

    def both() -> tuple[list[str], list[str]]:
        with Database(path) as db:
            theirs = [m.name for m in migration_set().pending(db)]
            return migrations_module.pending(db.conn), theirs

    ours, theirs = both()
    assert ours == theirs == [step.__name__ for step in migrations_module.STEPS]
    Archive.open(path).close()
    assert both() == ([], [])
    extra = add_a_migration(monkeypatch)
    assert both() == ([extra], [extra])


def test_opening_an_archive_and_listing_it_does_not_load_sqlite_utils(tmp_path):
    """The window appears with reads only; sqlite-utils (about 65 ms to load) waits for a write."""
    path = tmp_path / "arkiv.sqlite"
    archive = Archive.open(path)
    archive.committees.add(Committee("Økonomiudvalget"))
    archive.close()
    script = (
        "import sys\n"
        "from secretary_app.store.archive import Archive\n"
        f"archive = Archive.open({str(path)!r})\n"
        "archive.settings.get('language'), archive.committees.all()\n"
        "archive.meetings.counts_by_committee(), archive.meetings.latest()\n"
        "print('sqlite_utils' in sys.modules)\n"
        "archive.settings.set('language', 'da')\n"
        "print('sqlite_utils' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.stdout.split() == ["False", "True"], done.stderr


# Connection settings


def test_a_file_archive_uses_wal_and_foreign_keys(file_archive):
    assert file_archive.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert file_archive.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_file_archive_syncs_every_commit_to_disk_known_answer(file_archive):
    """synchronous=FULL (2): a commit is on the disk when it returns, also with WAL; NORMAL
    (1) could lose the last commits to a power cut."""
    assert file_archive.db.value("PRAGMA synchronous") == 2
    assert file_archive.db.value("PRAGMA busy_timeout") == 10_000
    assert file_archive.db.value("PRAGMA recursive_triggers") == 1


def test_a_file_archive_carries_the_application_id_mskr_known_answer(file_archive):
    assert file_archive.db.value("PRAGMA application_id") == 0x4D534B52 == 1297304402


def test_a_memory_archive_enforces_foreign_keys(archive):
    with pytest.raises(StoreError, match="findes ikke længere") as refused:
        archive.meetings.add(Meeting(committee_id=404, date=dt.date(2017, 6, 27)))
    assert isinstance(refused.value.__cause__, sqlite3.IntegrityError)


def test_a_new_archive_is_intact(file_archive):
    assert file_archive.integrity_ok()


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "referat.docx"
    content = random.Random(2017).randbytes(8192)
    path.write_bytes(content)

    with pytest.raises(ArchiveError) as error:
        Archive.open(path)

    assert "kan ikke åbnes" in str(error.value)
    assert "referat.docx" in str(error.value)
    assert path.read_bytes() == content
    assert list(tmp_path.iterdir()) == [path]


# Round trips: every field comes back as it went in


@pytest.mark.parametrize(
    "committee",
    [
        Committee(
            "Opgaveudvalget om innovation 🚀",
            kind=CommitteeKind.TASK,
            starts_on=dt.date(2017, 1, 1),
            ends_on=dt.date(2017, 12, 31),
            default_location="Rådhuset, mødesal 2 – Gentofte Møllevej 18",
            numbering=Numbering.CONTINUOUS,
        ),
        Committee("Økonomiudvalget"),
    ],
    ids=["every-field", "defaults"],
)
def test_committee_round_trip(archive, committee):
    added = archive.committees.add(committee)
    assert archive.committees.get(added.id) == added
    assert archive.committees.find_by_name(committee.name) == added


def test_member_round_trip(archive, committee):
    members = [
        Member(committee.id, "Søren Østergård", MemberRole.CHAIR, party="Ø"),
        Member(committee.id, "Åse Æbelø", MemberRole.VICE_CHAIR, party="Å"),
        Member(committee.id, "Birgitte Borger 🙂", MemberRole.CITIZEN_MEMBER),
        Member(committee.id, "Jens Jensen", MemberRole.OFFICIAL, party=""),
    ]
    saved = archive.committees.set_members(committee.id, members)
    assert [m.position for m in saved] == [0, 1, 2, 3]
    assert archive.committees.members(committee.id) == saved


def test_standing_item_round_trip(archive, committee):
    items = [
        StandingItem(committee.id, "Godkendelse af dagsorden"),
        StandingItem(committee.id, "Personalesag", closed=True),
        StandingItem(committee.id, "Eventuelt"),
    ]
    saved = archive.committees.set_standing_items(committee.id, items)
    assert archive.committees.standing_items(committee.id) == saved
    assert [i.closed for i in archive.committees.standing_items(committee.id)] == [
        False,
        True,
        False,
    ]


@pytest.mark.parametrize(
    "starts_at, ends_at", [(dt.time(17, 0), dt.time(19, 0)), (dt.time(8, 30), None), (None, None)]
)
def test_meeting_round_trip(archive, committee, starts_at, ends_at):
    meeting = Meeting(
        committee.id,
        dt.date(2017, 6, 27),
        starts_at=starts_at,
        ends_at=ends_at,
        location="Gentofte Rådhus, Udvalgsværelse 1 (1. sal) 🏛️",
        first_number=23,
        title="Ekstraordinært møde\nom budget",
    )
    added = archive.meetings.add(meeting)
    assert archive.meetings.get(added.id) == added


def test_item_round_trip_with_every_field(archive, meeting):
    item = Item(
        meeting.id,
        "Status på innovationsprojekter – Æblehaven, Ørholm og Ålholm 🍎",
        closed=True,
        case_id="EMN-2017-03374",
        presenter="Direktør Åsa Ødegaard",
        planned_start=dt.time(17, 35),
        duration_minutes=25,
        sections={
            "resume": MARKDOWN,
            "tidligere_beslutninger": (
                "Udvalget besluttede den 2. maj 2017:\n\n> Sagen *genoptages*."
            ),
            "beslutning": "Godkendt.\n\nSøren Østergård (Ø) tog **forbehold**.",
        },
    )
    added = archive.items.add(item)
    assert archive.items.get(added.id) == added
    assert archive.items.for_meeting(meeting.id) == [added]


def test_item_round_trip_with_no_time_and_no_duration(archive, meeting):
    added = archive.items.add(Item(meeting.id, "Eventuelt"))
    got = archive.items.get(added.id)
    assert got == added
    assert got.planned_start is None
    assert got.duration_minutes is None


def test_every_editable_item_field_round_trips(archive, meeting):
    [item] = add_items(archive, meeting, "Punkt")
    edits = {
        "title": "Ny titel – æøå ÆØÅ 🎉",
        "closed": True,
        "case_id": "01.02.05-P16-1092-15",
        "presenter": "Øjvind",
        "planned_start": dt.time(18, 5),
        "duration_minutes": 10,
        "public_title": "Lukket punkt: Ejendomshandel",
        "chair_notes": "Husk *kaffe*",
        "section:resume": MARKDOWN,
        "section:tidligere_beslutninger": "- a\n- b",
        "section:beslutning": "Anbefales.\n\n**Enstemmigt**",
    }
    for field, value in edits.items():
        archive.items.update_field(item.id, field, value)
    got = archive.items.get(item.id)
    assert {field: value_of(got, field) for field in edits} == edits


def test_an_unknown_item_field_is_refused(archive, meeting):
    [item] = add_items(archive, meeting, "Punkt")
    with pytest.raises(ValueError):
        archive.items.update_field(item.id, "position", 7)


def test_attachment_round_trip(archive, meeting):
    [item] = add_items(archive, meeting, "Punkt")
    attachment = Attachment(
        item.id, "Bilag 1: Økonomi 📎", filename="økonomi æøå.pdf", public=False
    )
    added = archive.attachments.add(attachment, EVERY_BYTE)
    assert added.size == len(EVERY_BYTE)
    assert archive.attachments.get(added.id) == added
    assert archive.attachments.for_item(item.id) == [added]
    assert archive.attachments.content(added.id) == EVERY_BYTE


def test_attendance_round_trip(archive, meeting):
    entries = [
        AttendanceEntry(meeting.id, "Søren Østergård", MemberRole.CHAIR),
        AttendanceEntry(
            meeting.id, "Åse Æbelø", status=AttendanceStatus.ABSENT, substitute="Ærø Ågesen"
        ),
        AttendanceEntry(meeting.id, "Bo 🙂", MemberRole.OFFICIAL, AttendanceStatus.EXCUSED),
    ]
    archive.meetings.set_attendance(meeting.id, entries)
    assert [e.position for e in entries] == [0, 1, 2]
    assert archive.meetings.attendance(meeting.id) == entries


# Item order: positions are always 0..n-1


def test_items_are_added_last(archive, meeting):
    add_items(archive, meeting, "A", "B", "C")
    assert titles(archive, meeting) == ["A", "B", "C"]
    assert positions(archive, meeting) == [0, 1, 2]


@pytest.mark.parametrize(
    "position, expected",
    [
        (0, ["X", "A", "B", "C"]),
        (2, ["A", "B", "X", "C"]),
        (3, ["A", "B", "C", "X"]),
        (99, ["A", "B", "C", "X"]),
        (-5, ["X", "A", "B", "C"]),
    ],
)
def test_an_item_added_at_a_position_pushes_later_items_down(archive, meeting, position, expected):
    add_items(archive, meeting, "A", "B", "C")
    archive.items.add(Item(meeting.id, "X"), position=position)
    assert titles(archive, meeting) == expected
    assert positions(archive, meeting) == [0, 1, 2, 3]


@pytest.mark.parametrize(
    "new_position, expected",
    [
        (0, ["C", "A", "B", "D"]),
        (1, ["A", "C", "B", "D"]),
        (2, ["A", "B", "C", "D"]),
        (3, ["A", "B", "D", "C"]),
        (99, ["A", "B", "D", "C"]),
    ],
)
def test_move_an_item(archive, meeting, new_position, expected):
    _, _, c, _ = add_items(archive, meeting, "A", "B", "C", "D")
    archive.items.move(c.id, new_position)
    assert titles(archive, meeting) == expected
    assert positions(archive, meeting) == [0, 1, 2, 3]


def test_delete_an_item_closes_the_gap(archive, meeting):
    _, b, _ = add_items(archive, meeting, "A", "B", "C")
    archive.items.delete(b.id)
    assert titles(archive, meeting) == ["A", "C"]
    assert positions(archive, meeting) == [0, 1]


def test_restore_puts_back_id_position_and_attachments(archive, meeting):
    _, b, _ = add_items(archive, meeting, "A", "B", "C")
    archive.items.update_field(b.id, "section:beslutning", "Godkendt 👍")
    first = archive.attachments.add(Attachment(b.id, "Bilag 1", "a.pdf"), EVERY_BYTE)
    second = archive.attachments.add(Attachment(b.id, "Bilag 2", public=False), b"\x00\xff")
    before = archive.items.get(b.id)

    snapshot = archive.items.delete(b.id)
    assert archive.attachments.for_item(b.id) == []
    archive.items.restore(snapshot)

    assert archive.items.get(b.id) == before
    assert titles(archive, meeting) == ["A", "B", "C"]
    assert positions(archive, meeting) == [0, 1, 2]
    assert archive.attachments.for_item(b.id) == [first, second]
    assert archive.attachments.content(first.id) == EVERY_BYTE
    assert archive.attachments.content(second.id) == b"\x00\xff"


def test_items_of_other_meetings_keep_their_places(archive, committee, meeting):
    other = archive.meetings.add(Meeting(committee.id, dt.date(2017, 8, 22)))
    add_items(archive, other, "X", "Y")
    a, _ = add_items(archive, meeting, "A", "B")
    archive.items.add(Item(meeting.id, "C"), position=0)
    archive.items.move(a.id, 2)
    archive.items.restore(archive.items.delete(a.id))
    assert titles(archive, other) == ["X", "Y"]
    assert positions(archive, other) == [0, 1]


def test_restore_after_a_new_item_took_the_highest_id(archive, committee, meeting):
    _, b = add_items(archive, meeting, "A", "B")
    snapshot = archive.items.delete(b.id)
    other = archive.meetings.add(Meeting(committee.id, dt.date(2017, 8, 22)))
    [c] = add_items(archive, other, "C")  # e.g. from another window or the command line

    archive.items.restore(snapshot)

    assert c.id != b.id
    assert titles(archive, meeting) == ["A", "B"]
    assert titles(archive, other) == ["C"]


def test_restore_after_a_new_attachment_took_the_highest_id(archive, meeting):
    a, b = add_items(archive, meeting, "A", "B")
    archive.attachments.add(Attachment(b.id, "Bilag til B"), b"b")
    snapshot = archive.items.delete(b.id)
    archive.attachments.add(Attachment(a.id, "Bilag til A"), b"a")

    archive.items.restore(snapshot)

    assert [x.title for x in archive.attachments.for_item(b.id)] == ["Bilag til B"]
    assert [x.title for x in archive.attachments.for_item(a.id)] == ["Bilag til A"]


def test_attachment_positions_stay_0_to_n_after_a_delete(archive, meeting):
    [item] = add_items(archive, meeting, "Punkt")
    a = archive.attachments.add(Attachment(item.id, "a"), b"a")
    archive.attachments.add(Attachment(item.id, "b"), b"b")
    archive.attachments.delete(a.id)
    archive.attachments.add(Attachment(item.id, "c"), b"c")
    attachments = archive.attachments.for_item(item.id)
    assert [x.title for x in attachments] == ["b", "c"]
    assert [x.position for x in attachments] == [0, 1]


# Cascades


def test_deleting_a_meeting_removes_its_items_attachments_and_attendance(archive, meeting):
    a, b = add_items(archive, meeting, "A", "B")
    archive.attachments.add(Attachment(a.id, "Bilag"), EVERY_BYTE)
    archive.meetings.set_attendance(meeting.id, [AttendanceEntry(meeting.id, "Søren")])

    archive.meetings.delete(meeting.id)

    assert not archive.meetings.exists(meeting.id)
    for table in ("items", "attachments", "attachment_files", "attendance"):
        assert count(archive, table) == 0, table
    assert found(archive, "A") == []


def test_deleting_a_meeting_leaves_other_meetings_alone(archive, committee, meeting):
    other = archive.meetings.add(Meeting(committee.id, dt.date(2017, 8, 22)))
    [kept] = add_items(archive, other, "Bliver")
    archive.attachments.add(Attachment(kept.id, "Bilag"), b"x")
    add_items(archive, meeting, "Forsvinder")
    archive.meetings.delete(meeting.id)
    assert titles(archive, other) == ["Bliver"]
    assert count(archive, "attachment_files") == 1


def every_row(archive, but=("audit_log", "sqlite_sequence")):
    """Every row of every table, FTS tables left out (the index is searched instead)."""
    tables = archive.db.rows("SELECT name FROM sqlite_master WHERE type = 'table'")
    names = [t["name"] for t in tables if not t["name"].startswith("item_search")]
    return {n: archive.db.rows(f"SELECT * FROM {n} ORDER BY 1, 2") for n in names if n not in but}


def test_a_deleted_meeting_comes_back_whole_from_its_snapshot(archive, committee, meeting):
    a, b = add_items(archive, meeting, "Budget for skolerne", "Eventuelt")
    archive.items.update_field(a.id, "section:resume", "**Resumé** med _alt_")
    archive.attachments.add(Attachment(a.id, "Bilag"), EVERY_BYTE)
    archive.meetings.set_attendance(meeting.id, [AttendanceEntry(meeting.id, "Søren")])
    archive.records.set_item_records(
        a.id,
        ItemRecords(
            [ItemAbsence(a.id, "Søren")],
            [Dissent(a.id, "Mette", "Imod")],
            [Vote(a.id, VoteSide.FOR, "A")],
        ),
    )
    other = archive.meetings.add(Meeting(committee.id, dt.date(2017, 8, 22)))
    add_items(archive, other, "Bliver")
    before = every_row(archive)

    snapshot = archive.meetings.delete(meeting.id)
    assert not archive.meetings.exists(meeting.id) and found(archive, "skolerne") == []
    add_items(archive, other, "Lagt til imens")  # new rows take new ids, not the deleted ones
    archive.items.delete(archive.items.for_meeting(other.id)[-1].id)
    archive.meetings.restore(snapshot)

    assert every_row(archive) == before
    assert found(archive, "skolerne") == [a.id]


def test_deleting_and_restoring_a_sent_meeting_is_in_its_audit_log_and_nothing_else(
    archive, committee, meeting
):
    add_items(archive, meeting, "Budget", "Eventuelt")
    archive.meetings.set_attendance(meeting.id, [AttendanceEntry(meeting.id, "Søren")])
    archive.approvals.mark_agenda_sent(meeting.id, dt.datetime(2017, 6, 20, 9, 0))
    before = every_row(archive)

    archive.meetings.restore(archive.meetings.delete(meeting.id))

    assert every_row(archive) == before  # sent as before
    log = [(e.what, e.old, e.new) for e in archive.approvals.audit(meeting.id)]
    assert log == [("møde slettet", "", ""), ("møde gendannet", "", "")]


def test_a_restored_meeting_takes_new_attendance_ids_when_its_own_are_taken(
    archive, committee, meeting
):
    archive.meetings.set_attendance(meeting.id, [AttendanceEntry(meeting.id, "Søren")])
    snapshot = archive.meetings.delete(meeting.id)
    other = archive.meetings.add(Meeting(committee.id, dt.date(2017, 8, 22)))
    archive.meetings.set_attendance(other.id, [AttendanceEntry(other.id, "Mette")])  # its id

    archive.meetings.restore(snapshot)

    assert [e.name for e in archive.meetings.attendance(meeting.id)] == ["Søren"]
    assert [e.name for e in archive.meetings.attendance(other.id)] == ["Mette"]


def test_deleting_a_committee_removes_its_members_meetings_and_items(archive, committee, meeting):
    archive.committees.set_members(committee.id, [Member(committee.id, "Søren")])
    archive.committees.set_standing_items(committee.id, [StandingItem(committee.id, "Eventuelt")])
    add_items(archive, meeting, "A")
    archive.committees.delete(committee.id)
    for table in ("members", "standing_items", "meetings", "items"):
        assert count(archive, table) == 0, table


# Full-text search


def test_search_finds_a_new_item(archive, meeting):
    [item] = add_items(archive, meeting, "Status på innovationsprojekter")
    assert found(archive, "innovationsprojekter") == [item.id]


def test_search_matches_word_prefixes_and_ignores_case(archive, meeting):
    [item] = add_items(archive, meeting, "Status på innovationsprojekter")
    assert found(archive, "INNOVATION") == [item.id]


def test_search_needs_every_word(archive, meeting):
    a, _ = add_items(archive, meeting, "Budget for skoler", "Budget for veje")
    assert found(archive, "budget skoler") == [a.id]


def test_search_looks_in_texts_and_decisions(archive, meeting):
    [item] = add_items(archive, meeting, "Punkt")
    archive.items.update_field(item.id, "section:resume", MARKDOWN)
    archive.items.update_field(item.id, "section:tidligere_beslutninger", "Sagen blev udsat")
    archive.items.update_field(item.id, "section:beslutning", "Anbefales enstemmigt")
    assert found(archive, "borgerinddragelse") == [item.id]
    assert found(archive, "udsat") == [item.id]
    assert found(archive, "enstemmigt") == [item.id]


def test_search_follows_an_edit(archive, meeting):
    [item] = add_items(archive, meeting, "Gammel titel")
    archive.items.update_field(item.id, "title", "Ny overskrift")
    assert found(archive, "overskrift") == [item.id]
    assert found(archive, "gammel") == []


def test_search_forgets_a_deleted_item_and_finds_it_again_when_restored(archive, meeting):
    [item] = add_items(archive, meeting, "Sankthansbål")
    snapshot = archive.items.delete(item.id)
    assert found(archive, "sankthansbål") == []
    archive.items.restore(snapshot)
    assert found(archive, "sankthansbål") == [item.id]


def test_search_tells_å_from_a(archive, meeting):
    baal, bal = add_items(archive, meeting, "Bål på stranden", "Bal i byen")
    assert found(archive, "bål") == [baal.id]
    assert found(archive, "bal") == [bal.id]


def test_search_by_case_id_prefix(archive, meeting):
    emn, _ = add_items(archive, meeting, "Innovation", "Andet")
    archive.items.update_field(emn.id, "case_id", "EMN-2017-03374")
    assert found(archive, "EMN-2017") == [emn.id]
    assert found(archive, "EMN-2017-03374") == [emn.id]
    assert found(archive, "EMN-2018") == []


def test_search_words_are_plain_words_never_query_syntax(archive, meeting):
    sag, _ = add_items(archive, meeting, 'Sag om "NOT" AND OR', "Andet punkt")
    assert found(archive, '"NOT"') == [sag.id]
    assert found(archive, "sag OR andet") == []  # OR is a word here, and no item has all three
    for syntax in ["(", "*", "-", "NEAR(sag andet)", "title:andet", '"']:
        assert found(archive, syntax) == [], syntax


def test_search_for_nothing_finds_nothing(archive, meeting):
    add_items(archive, meeting, "Punkt")
    assert found(archive, "") == []
    assert found(archive, "   ") == []


# A property: any sequence of add/move/delete/restore keeps the order a plain list would


class ItemOrder(RuleBasedStateMachine):
    """The archive's item order against a list of ids; restore is undo (last deleted first)."""

    @initialize()
    def start(self):
        self.archive = Archive.memory()
        committee = self.archive.committees.add(Committee("Udvalget"))
        self.meeting = self.archive.meetings.add(Meeting(committee.id, dt.date(2017, 6, 27)))
        self.order = []  # item ids, in agenda order
        self.deleted = []  # snapshots, last deleted last
        self.counter = 0

    def teardown(self):
        if hasattr(self, "archive"):
            self.archive.close()

    @rule(position=st.integers(-2, 12) | st.none())
    def add(self, position):
        self.counter += 1
        item = self.archive.items.add(Item(self.meeting.id, f"Punkt {self.counter}"), position)
        place = len(self.order) if position is None else max(0, min(position, len(self.order)))
        self.order.insert(place, item.id)

    @precondition(lambda self: self.order)
    @rule(data=st.data(), new_position=st.integers(-2, 12))
    def move(self, data, new_position):
        item_id = data.draw(st.sampled_from(self.order))
        self.archive.items.move(item_id, new_position)
        self.order.remove(item_id)
        self.order.insert(max(0, min(new_position, len(self.order))), item_id)

    @precondition(lambda self: self.order)
    @rule(data=st.data())
    def delete(self, data):
        item_id = data.draw(st.sampled_from(self.order))
        self.deleted.append(self.archive.items.delete(item_id))
        self.order.remove(item_id)

    # Restore is undo: the last deleted item first. Only while its id is free: the archive reuses
    # the highest deleted id (see test_restore_after_a_new_item_took_the_highest_id).
    @precondition(lambda self: self.deleted and self.deleted[-1].item.id not in self.order)
    @rule()
    def restore(self):
        snapshot = self.deleted.pop()
        self.archive.items.restore(snapshot)
        self.order.insert(snapshot.item.position, snapshot.item.id)

    @invariant()
    def positions_are_0_to_n_and_match_the_list(self):
        items = self.archive.items.for_meeting(self.meeting.id)
        assert [item.position for item in items] == list(range(len(self.order)))
        assert [item.id for item in items] == self.order


ItemOrder.TestCase.settings = settings(max_examples=60, stateful_step_count=30, deadline=None)
TestItemOrder = ItemOrder.TestCase


# One writer: read-only opening, network drives (issue 10)


def test_an_archive_opened_read_only_is_read_and_never_written(tmp_path):
    path = tmp_path / "arkiv.sqlite3"
    writer = Archive.open(path)
    committee = writer.committees.add(Committee("Økonomiudvalget"))
    reader = Archive.open(path, read_only=True)
    try:
        assert reader.read_only and [c.name for c in reader.committees.all()] == ["Økonomiudvalget"]
        with pytest.raises(StoreError, match=r"filen kan ikke skrives \(skrivebeskyttet\)"):
            reader.committees.add(Committee("Nyt udvalg"))
        writer.committees.add(Committee("Kultur- og Fritidsudvalget"))  # the holder writes on
        assert len(reader.committees.all()) == 2
    finally:
        reader.close()
        writer.close()
    assert committee.id is not None


def test_a_missing_archive_is_not_created_read_only(tmp_path):
    with pytest.raises(ArchiveError, match="findes ikke"):
        Archive.open(tmp_path / "intet.sqlite3", read_only=True)
    assert list(tmp_path.iterdir()) == []


def test_an_old_archive_that_needs_migrating_is_not_opened_read_only(tmp_path):
    copy = tmp_path / "arkiv.sqlite3"
    shutil.copyfile(Path(__file__).parent.parent / "data" / "archive-schema-m007.sqlite3", copy)
    before = copy.read_bytes()
    with pytest.raises(ArchiveError, match="skal opdateres"):
        Archive.open(copy, read_only=True)
    assert copy.read_bytes() == before


def test_on_a_network_drive_the_archive_has_no_wal_and_one_program(tmp_path, monkeypatch):
    from secretary_app.store import archive as archive_module

    path = tmp_path / "arkiv.sqlite3"
    Archive.open(path).close()  # made on a local disk, with WAL
    monkeypatch.setattr(archive_module, "is_network_path", lambda _path: True)
    archive = Archive.open(path)
    try:
        assert archive.on_network_drive
        assert archive.db.value("PRAGMA journal_mode") == "delete"
        assert archive.db.value("PRAGMA locking_mode") == "exclusive"
        assert archive.db.value("PRAGMA synchronous") == 2
        archive.committees.add(Committee("Økonomiudvalget"))
        assert not (tmp_path / "arkiv.sqlite3-wal").exists()
        other = sqlite3.connect(path, timeout=0)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("SELECT count(*) FROM committees").fetchone()
        other.close()
    finally:
        archive.close()
    monkeypatch.setattr(archive_module, "is_network_path", lambda _path: False)
    again = Archive.open(path)  # back on a local disk: WAL again, nothing lost
    try:
        assert again.db.value("PRAGMA journal_mode") == "wal"
        assert [c.name for c in again.committees.all()] == ["Økonomiudvalget"]
    finally:
        again.close()
