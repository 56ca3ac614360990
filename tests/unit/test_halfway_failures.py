"""A failure half-way through a write leaves the archive as it was (issue 10, "Proven by tests
that try").

Every multi-step write of the store is run once to count the statements it hands to SQLite
through sqlite-utils (INSERT, UPDATE, DELETE: the store's boundary), then once per statement with
that statement failing as a full disk fails it (`database or disk is full`). Each time the
error reaches the caller as the store's own (DiskFull, "disken er fuld"), the archive file holds
exactly what it held before (iterdump from a second connection, and from the archive's own), no
transaction is left open, and the same write then works. A write that commits in parts (a
`with db.atomic():` removed) fails these tests. The import of a meeting is also failed at its
later store methods (attendance, attachments, records, corrections), and through the command
line (`load`: one line, exit 2, the file byte for byte as it was).
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import io
import json
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
import sqlite_utils.db

from secretary_app.cli import main
from secretary_app.core.exchange import MeetingDocument, parse_meeting
from secretary_app.core.item_layout import STANDARD
from secretary_app.core.model import (
    Attachment,
    Committee,
    Dissent,
    Item,
    ItemRecords,
    Meeting,
    Member,
    MemberRole,
    StandingItem,
    Vote,
    VoteSide,
)
from secretary_app.store.approvals import ApprovalStore
from secretary_app.store.archive import Archive
from secretary_app.store.attachments import AttachmentStore
from secretary_app.store.case_history import postpone
from secretary_app.store.committee_setup import CommitteeSetup, write_setup
from secretary_app.store.demo import reference_meeting_json
from secretary_app.store.errors import DiskFull
from secretary_app.store.exchange import import_meeting
from secretary_app.store.meetings import MeetingStore
from secretary_app.store.records import RecordStore

FULL = "database or disk is full"
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


class FullDisk:
    """Fails the `fail_at`-th write statement the store hands to SQLite; counts them."""

    def __init__(self, fail_at: int | None = None) -> None:
        self.fail_at = fail_at
        self.writes = 0
        self.fired = False

    @contextlib.contextmanager
    def armed(self) -> Iterator[FullDisk]:
        execute = sqlite_utils.db.Database.execute

        def failing(db: Any, sql: str, parameters: Any = None) -> Any:
            if sql.lstrip().split(None, 1)[0].upper() in WRITES:
                self.writes += 1
                if self.writes == self.fail_at:
                    self.fired = True
                    raise sqlite3.OperationalError(FULL)
            return execute(db, sql, parameters)

        with mock.patch.object(sqlite_utils.db.Database, "execute", failing):
            yield self


def file_content(path: Path) -> list[str]:
    """What a second program sees in the archive file: only what was committed."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return list(conn.iterdump())


def own_content(archive: Archive) -> list[str]:
    """What the program itself goes on with."""
    return list(archive.db.conn.iterdump())


# --- the writes -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Write:
    """A multi-step write. `prepare` makes the archive it starts from (once); `arrange` runs on
    each copy before the failure is armed (the deletion an undo puts back) and gives `act` what
    it needs."""

    prepare: Callable[[Archive], None]
    act: Callable[[Archive, Any], Any]
    arrange: Callable[[Archive], Any] = field(default=lambda archive: None)


def rich_document() -> MeetingDocument:
    return parse_meeting(rich_data())


def rich_data() -> dict[str, Any]:
    """The reference meeting with attendance, records, attachments, approval and corrections."""
    data = reference_meeting_json()
    data["committee"]["name"] = "Økonomiudvalget"
    data["attendance"] = [
        {"name": "Marie Louise Andersen", "role": "chair"},
        {"name": "Frank Jensen", "status": "excused", "substitute": "Ib Lund"},
    ]
    for item in data["items"]:
        item["case_id"] = "EMN-2017-03374"
        item["not_present"] = [{"member": "Frank Jensen", "reason": "left", "note": "kl. 19"}]
        item["votes"] = {"for": ["Venstre", "C"], "against": ["A"], "abstain": []}
        item["dissent"] = [{"member": "A", "text": "Kan ikke støtte."}]
        item["reservations"] = [{"member": "Ib Lund", "text": "Økonomien."}]
        item["attachments"] = [{"title": "Bilag 1"}, {"title": "Bilag 2", "public": False}]
    data["meeting"]["approved"] = {"at": "2017-07-03", "by": ["Marie Louise Andersen"]}
    data["meeting"]["corrections"] = [
        {"at": "2017-07-05T10:15", "item": 2, "text": "Rettet.", "reason": "Glemt."},
        {"at": "2017-07-06T09:30", "item": None, "text": "Hævet kl. 19.05.", "reason": ""},
    ]
    return data


def committee_with_meetings(archive: Archive) -> None:
    """Økonomiudvalget (Gentofte's layout) with two meetings on one case; the first decided."""
    committee = archive.committees.add(Committee("Økonomiudvalget"))
    for day, decision in ((dt.date(2017, 5, 2), "Udsat."), (dt.date(2017, 6, 27), "")):
        items = [
            Item(
                0,
                "Budget",
                case_id="EMN-2017-03374",
                sections={"resume": "Tal", "beslutning": decision},
            ),
            Item(0, "Anlæg", sections={"resume": "Vej", "tidligere_beslutninger": "Før"}),
            Item(0, "Eventuelt"),
        ]
        meeting = archive.meetings.create(Meeting(committee.id or 0, day), items)
        item_id = items[0].id or 0
        archive.attachments.add(Attachment(item_id, "Bilag", "bilag.pdf"), b"%PDF" * 100)
        archive.attachments.add(Attachment(item_id, "Notat", public=False), b"notat")
        votes = [Vote(item_id, VoteSide.FOR, "A"), Vote(item_id, VoteSide.AGAINST, "V")]
        archive.records.set_item_records(
            item_id, ItemRecords([], [Dissent(item_id, "V", "Nej")], votes)
        )
        archive.meetings.set_attendance(meeting.id or 0, [])


def sent_agenda(archive: Archive) -> None:
    """As `committee_with_meetings`, the first meeting's agenda sent: its audit log keeps a
    deleted meeting (store.audit), one more write."""
    committee_with_meetings(archive)
    archive.approvals.mark_agenda_sent(1, dt.datetime(2017, 4, 25, 9, 0))


def first_item(archive: Archive, meeting: int = 1) -> int:
    return archive.items.for_meeting(meeting)[0].id or 0


def new_meeting(archive: Archive, _: Any) -> Any:
    items = [Item(0, f"Punkt {n}", sections={"resume": f"Tekst {n}"}) for n in range(4)]
    return archive.meetings.create(Meeting(1, dt.date(2017, 9, 12), title="Nyt møde"), items)


def new_setup(archive: Archive, _: Any) -> Any:
    committee = archive.committees.get(1)
    setup = CommitteeSetup(
        replace(committee, name="Økonomiudvalget (nyt navn)"),
        [Member(1, "Søren", MemberRole.CHAIR, "A"), Member(1, "Mette")],
        [StandingItem(1, "Meddelelser"), StandingItem(1, "Eventuelt")],
        ["Godkendt.", "Taget til efterretning."],
        Path("/skabeloner/økonomi.dotx"),
        layout=STANDARD,
        moves={"resume": "sagsfremstilling"},
        saved_layouts={"mit": replace(STANDARD, name="Mit eget")},
    )
    return write_setup(archive, setup)


WRITES_TRIED: dict[str, Write] = {
    "import_meeting": Write(lambda a: None, lambda a, _: import_meeting(a, rich_document())),
    "MeetingStore.create": Write(committee_with_meetings, new_meeting),
    "ApprovalStore.approve": Write(
        committee_with_meetings,
        lambda a, _: a.approvals.approve(a, 2, ["Søren", "Mette"], dt.date(2017, 7, 3)),
    ),
    "LayoutStore.change": Write(
        committee_with_meetings,
        lambda a, _: a.layouts.change(1, STANDARD, {"resume": "indstilling"}),
    ),
    "LayoutStore.use_everywhere": Write(
        committee_with_meetings,
        lambda a, _: a.layouts.use_everywhere(STANDARD, {"resume": "sagsfremstilling"}),
    ),
    "committee_setup.write_setup": Write(committee_with_meetings, new_setup),
    "ItemStore.delete": Write(committee_with_meetings, lambda a, _: a.items.delete(first_item(a))),
    "ItemStore.restore": Write(
        committee_with_meetings,
        lambda a, snapshot: a.items.restore(snapshot),
        arrange=lambda a: a.items.delete(first_item(a)),
    ),
    "MeetingStore.delete": Write(sent_agenda, lambda a, _: a.meetings.delete(1)),
    "MeetingStore.restore": Write(
        sent_agenda,
        lambda a, snapshot: a.meetings.restore(snapshot),
        arrange=lambda a: a.meetings.delete(1),
    ),
    "case_history.postpone": Write(
        committee_with_meetings, lambda a, _: postpone(a, a.items.for_meeting(1)[1].id or 0)
    ),
}


@pytest.fixture
def start(tmp_path: Path) -> Callable[[Write], Path]:
    """The archive file a write starts from, made once per test."""

    def made(write: Write) -> Path:
        path = tmp_path / "start.sqlite3"
        archive = Archive.open(path)
        write.prepare(archive)
        archive.close()
        return path

    return made


@contextlib.contextmanager
def copy_of(start: Path, tmp_path: Path, n: int) -> Iterator[tuple[Archive, Path]]:
    path = tmp_path / f"arkiv-{n}.sqlite3"
    shutil.copyfile(start, path)
    archive = Archive.open(path)
    try:
        yield archive, path
    finally:
        archive.close()


def count_writes(write: Write, start: Path, tmp_path: Path) -> int:
    with copy_of(start, tmp_path, 0) as (archive, _path):
        arranged = write.arrange(archive)
        with FullDisk().armed() as disk:
            write.act(archive, arranged)
    return disk.writes


@pytest.mark.parametrize("name", list(WRITES_TRIED))
def test_a_write_failing_at_any_statement_leaves_the_archive_as_it_was(
    name: str, start: Callable[[Write], Path], tmp_path: Path
) -> None:
    write = WRITES_TRIED[name]
    origin = start(write)
    count = count_writes(write, origin, tmp_path)
    assert count >= 2, f"{name} is one statement: nothing to fail half-way"
    for n in range(1, count + 1):
        with copy_of(origin, tmp_path, n) as (archive, path):
            arranged = write.arrange(archive)
            before = file_content(path)
            with FullDisk(n).armed() as disk, pytest.raises(DiskFull, match="disken er fuld"):
                write.act(archive, arranged)
            assert disk.fired
            assert not archive.db.conn.in_transaction, f"{name}: a transaction left open at {n}"
            assert file_content(path) == before, f"{name}: write {n} of {count} left a part"
            assert own_content(archive) == before, f"{name}: write {n} of {count} left a part"
            write.act(archive, arranged)  # and the same write then works
            assert file_content(path) != before


# --- the import, failed at its later store methods ------------------------------------------

LATE_IN_IMPORT = [
    (MeetingStore, "set_attendance"),
    (AttachmentStore, "add"),
    (RecordStore, "set_item_records"),
    (ApprovalStore, "approve"),
    (ApprovalStore, "add_correction"),
]


def failing_on_call(cls: type, method: str, n: int | None, calls: list[int]) -> Any:
    """`cls.method` that counts its calls and fails the n-th as a full disk fails it."""
    inner = getattr(cls, method)

    def failing(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == n:
            raise sqlite3.OperationalError(FULL)
        return inner(*args, **kwargs)

    return mock.patch.object(cls, method, failing)


@pytest.mark.parametrize(("cls", "method"), LATE_IN_IMPORT, ids=lambda v: getattr(v, "__name__", v))
def test_an_import_failing_in_a_late_store_method_adds_nothing(
    cls: type, method: str, tmp_path: Path
) -> None:
    path = tmp_path / "arkiv.sqlite3"
    archive = Archive.open(path)
    committee_with_meetings(archive)
    calls: list[int] = []
    with (
        contextlib.closing(Archive.memory()) as counting,
        failing_on_call(cls, method, None, calls),
    ):
        import_meeting(counting, rich_document())
    assert calls, f"import_meeting does not call {cls.__name__}.{method}"
    for n in range(1, len(calls) + 1):
        before = file_content(path)
        with failing_on_call(cls, method, n, []), pytest.raises(DiskFull):
            import_meeting(archive, rich_document())
        assert not archive.db.conn.in_transaction
        assert file_content(path) == before == own_content(archive), f"call {n} left a part"
    archive.close()


def test_load_onto_a_full_disk_is_one_line_and_the_archive_unchanged(
    tmp_path: Path, start: Callable[[Write], Path]
) -> None:
    """Through the command line: exit 2, one line in Danish, the file byte for byte as it was."""
    origin = start(Write(committee_with_meetings, lambda a, _: None))
    source = tmp_path / "møde.json"
    data = rich_data()
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with copy_of(origin, tmp_path, 0) as (archive, _path):
        doc = parse_meeting(copy.deepcopy(data))
        with FullDisk().armed() as counted:
            import_meeting(archive, doc)
    for n in range(1, counted.writes + 1):
        path = tmp_path / f"arkiv-{n}.sqlite3"
        shutil.copyfile(origin, path)
        err = io.StringIO()
        with (
            FullDisk(n).armed(),
            contextlib.redirect_stderr(err),
            contextlib.redirect_stdout(io.StringIO()),
        ):
            status = main(["--db", str(path), "load", str(source)])
        assert (status, err.getvalue()) == (
            2,
            "secretary-app: arkivet: disken er fuld; intet blev ændret\n",
        ), f"write {n}"
        assert path.read_bytes() == origin.read_bytes(), f"write {n} changed the file"
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(path.name)) == [
            path.name
        ]
