"""The command line: demo, meetings, load/dump round trips, and one line for each bad input.

Each test works on its own archive file under `tmp_path`, through `main(argv)` as the console
script calls it; one test runs the real entry point in a child process.
"""

from __future__ import annotations

import copy
import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from cli_support import Cli

from secretary_app.core.exchange import dump_meeting, parse_meeting
from secretary_app.core.item_layout import GENTOFTE
from secretary_app.core.layout_format import layout_to_json

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "resources" / "reference_meeting.json"
REFERENCE_LINE = (
    "Opgaveudvalg om Innovation\t2017-06-27\tMøde i Opgaveudvalg om Innovation den 27. juni 2017"
)


def canonical_json(data: object) -> str:
    """A file as the app writes it: 2-space indent, æøå as they are, a final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


NO_VOTE = {"for": [], "against": [], "abstain": []}
GENTOFTE_JSON = layout_to_json(GENTOFTE)


def sections(resume: str = "", earlier: str = "", decision: str = "") -> dict[str, str]:
    return {"resume": resume, "tidligere_beslutninger": earlier, "beslutning": decision}


def budget_meeting() -> dict[str, Any]:
    """A hand-made meeting in canonical form: attendance, closed items, attachments, times,
    numbers that go on from an earlier meeting (first number 7), the end time, and what was
    recorded per item (who was not there, votes, dissent). Not approved, so it stays open to
    change; approved minutes are in test_exchange_approval.py."""
    item: dict[str, Any] = {
        "number": 7,
        "title": "Godkendelse af dagsorden",
        "public_title": "",
        "closed": False,
        "case_id": "",
        "presenter": "",
        "planned_start": "08:15",
        "duration_minutes": 5,
        "sections": sections(decision="Godkendt."),
        "not_present": [],
        "votes": NO_VOTE,
        "dissent": [],
        "reservations": [],
        "chair_notes": "Husk at takke for indsatsen.",
        "attachments": [],
    }
    return {
        "format": "secretary-app/meeting",
        "version": 3,
        "committee": {"name": "Økonomiudvalget", "kind": "standing", "layout": GENTOFTE_JSON},
        "meeting": {
            "date": "2013-06-10",
            "start": "08:15",
            "end": "10:30",
            "location": "Udvalgsværelse A, Gentofte Rådhus",
            "title": "Budgetseminar",
            "ended_at": "10:25",
            "approved": None,
            "corrections": [],
        },
        "attendance": [
            {"name": "Hans Toft", "role": "chair", "status": "present", "substitute": ""},
            {
                "name": "Marianne Ørsted",
                "role": "vice_chair",
                "status": "excused",
                "substitute": "Kirsten Jæger",
            },
            {"name": "Jens Ås", "role": "official", "status": "absent", "substitute": ""},
            {"name": "Lise Borg", "role": "guest", "status": "present", "substitute": ""},
        ],
        "items": [
            item,
            item
            | {
                "number": 8,
                "title": "Salg af ejendom",
                "closed": True,
                "case_id": "018520-2013",
                "presenter": "v/ Marie Louise",
                "planned_start": "08:20",
                "duration_minutes": 30,
                "public_title": "Lukket punkt: Ejendomshandel",
                "sections": sections(
                    "**Fortroligt.** Sagen drejer sig om:\n\n- pris\n- køber\n  - vilkår",
                    "Økonomiudvalget den 13. maj 2013, pkt. 4:\\\nUdsat.",
                    "Anbefales.",
                ),
                "not_present": [
                    {"member": "Hans Toft", "reason": "inhabil", "note": "ejer naboejendommen"},
                    {"member": "Kirsten Jæger", "reason": "arrived_late", "note": ""},
                ],
                "votes": {"for": ["Venstre", "Ø"], "against": [], "abstain": ["Jens Ås"]},
                "dissent": [{"member": "Ø", "text": "Ø ønsker salget udsat.\nPrisen er for lav."}],
                "reservations": [{"member": "Venstre", "text": ""}],
                "chair_notes": "",
                "attachments": [
                    {"title": "Købstilbud", "public": False},
                    {"title": "Kort over matriklen", "public": True},
                ],
            },
            item
            | {
                "number": 9,
                "title": "Eventuelt",
                "case_id": "14/10674",
                "planned_start": None,
                "duration_minutes": None,
                "sections": sections(decision="Intet."),
                "chair_notes": "",
                "attachments": [{"title": "Bilag & noter <udkast>", "public": True}],
            },
        ],
    }


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(tmp_path / "arkiv" / "arkiv.db", capsys)


def write(path: Path, data: object) -> Path:
    path.write_text(canonical_json(data), encoding="utf-8")
    return path


def table_contents(archive: Path) -> dict[str, list[str]]:
    """Every row of every table, full-text index included, in a comparable form."""
    with closing(sqlite3.connect(archive)) as conn:
        names = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        tables = [name for (name,) in names]
        return {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))) for t in tables}


def archive_state(cli: Cli, tmp_path: Path) -> tuple[dict[str, list[str]], str, list[bytes]]:
    """What the archive holds: its tables, the meeting list, and a dump of every meeting."""
    listing = cli.ok("meetings")
    ids = [int(line.split("\t")[0]) for line in listing.splitlines()]
    snapshots = tmp_path / "snapshots"
    snapshots.mkdir(exist_ok=True)
    dumps = [cli.dump(i, snapshots / f"{i}.json") for i in ids]
    return table_contents(cli.archive), listing, dumps


@pytest.fixture
def filled(cli: Cli, tmp_path: Path) -> Cli:
    """An archive holding the reference meeting and the budget meeting."""
    cli.ok("demo")
    cli.load(write(tmp_path / "budget.json", budget_meeting()))
    return cli


def leftovers(folder: Path) -> list[Path]:
    """Temporary files a failed write may have left behind."""
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


# --- demo and meetings ---------------------------------------------------------------------


def test_demo_prints_the_id_of_the_reference_meeting(cli: Cli, tmp_path: Path) -> None:
    out = cli.ok("demo")
    assert out.endswith("\n") and out.strip().isdigit()
    meeting_id = int(out)
    assert cli.ok("meetings") == f"{meeting_id}\t{REFERENCE_LINE}\n"
    assert cli.dump(meeting_id, tmp_path / "demo.json") == REFERENCE.read_bytes()


def test_demo_is_idempotent(cli: Cli) -> None:
    first = cli.ok("demo")
    tables = table_contents(cli.archive)
    assert cli.ok("demo") == first
    assert table_contents(cli.archive) == tables
    assert len(cli.ok("meetings").splitlines()) == 1


def test_demo_uses_the_packaged_reference_file() -> None:
    packaged = resources.files("secretary_app.resources").joinpath("reference_meeting.json")
    assert packaged.read_bytes() == REFERENCE.read_bytes()


def test_meetings_on_an_empty_archive_prints_nothing(cli: Cli) -> None:
    assert cli.ok("meetings") == ""


def test_meetings_lists_id_committee_date_and_title_by_date(filled: Cli) -> None:
    lines = filled.ok("meetings").splitlines()
    assert [line.split("\t", 1)[1] for line in lines] == [
        "Økonomiudvalget\t2013-06-10\tBudgetseminar",
        REFERENCE_LINE,
    ]
    assert all(len(line.split("\t")) == 4 for line in lines)
    assert len({line.split("\t")[0] for line in lines}) == 2


# --- load and dump -------------------------------------------------------------------------


def test_load_then_dump_gives_back_the_reference_file(cli: Cli, tmp_path: Path) -> None:
    meeting_id = cli.load(REFERENCE)
    assert cli.dump(meeting_id, tmp_path / "ud.json") == REFERENCE.read_bytes()


def test_load_then_dump_gives_back_a_full_meeting(cli: Cli, tmp_path: Path) -> None:
    source = write(tmp_path / "budget.json", budget_meeting())
    meeting_id = cli.load(source)
    assert cli.dump(meeting_id, tmp_path / "ud.json") == source.read_bytes()


def version_2(data: dict[str, Any]) -> dict[str, Any]:
    """The meeting as a version-2 file: no layout, the three texts in fields of their own, no
    public titles nor reservations."""
    old = copy.deepcopy(data) | {"version": 2}
    del old["committee"]["layout"]
    for item in old["items"]:
        texts = item.pop("sections")
        item.update(
            summary=texts["resume"],
            previous_decisions=texts["tidligere_beslutninger"],
            decision=texts["beslutning"],
        )
        del item["public_title"], item["reservations"]
    return old


def version_1(data: dict[str, Any]) -> dict[str, Any]:
    """The meeting as a version-1 file: without the fields versions 2 and 3 added."""
    old = version_2(data) | {"version": 1}
    for field in ("ended_at", "approved", "corrections"):
        del old["meeting"][field]
    for item in old["items"]:
        for field in ("not_present", "votes", "dissent"):
            del item[field]
    return old


def test_a_version_1_file_loads_and_dumps_as_version_3_with_the_same_content(
    cli: Cli, tmp_path: Path
) -> None:
    source = write(tmp_path / "gammel.json", version_1(budget_meeting()))
    dumped = json.loads(cli.dump(cli.load(source), tmp_path / "ud.json"))
    expected = budget_meeting()
    expected["meeting"]["ended_at"] = None
    for item in expected["items"]:
        item.update(not_present=[], votes=NO_VOTE, dissent=[], public_title="", reservations=[])
    assert dumped == expected
    assert version_1(dumped) == version_1(budget_meeting())


def test_a_version_2_file_loads_in_the_gentofte_layout(cli: Cli, tmp_path: Path) -> None:
    source = write(tmp_path / "v2.json", version_2(budget_meeting()))
    dumped = json.loads(cli.dump(cli.load(source), tmp_path / "ud.json"))
    assert dumped["committee"]["layout"] == GENTOFTE_JSON
    assert version_2(dumped) == version_2(budget_meeting())


def test_a_version_1_file_with_a_field_of_version_2_is_one_line(cli: Cli, tmp_path: Path) -> None:
    data = version_1(budget_meeting())
    data["items"][1]["dissent"] = []
    result = cli("load", write(tmp_path / "gammel.json", data))
    assert result.status == 2 and len(result.err_lines) == 1
    assert (
        "items[1].dissent: findes først i version 2 af formatet; filen er version 1" in result.err
    )
    assert cli.ok("meetings") == ""


def test_a_dumped_meeting_loads_as_a_new_meeting_with_the_same_dump(
    filled: Cli, tmp_path: Path
) -> None:
    first_id = int(filled.ok("meetings").split("\t")[0])
    first = filled.dump(first_id, tmp_path / "first.json")
    second_id = filled.load(tmp_path / "first.json")
    assert second_id != first_id
    assert filled.dump(second_id, tmp_path / "second.json") == first


def test_dump_replaces_an_existing_file_and_leaves_no_temporary_file(
    filled: Cli, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "møde.json"
    target.parent.mkdir()
    target.write_text("gammelt indhold", encoding="utf-8")
    meeting_id = int(filled.ok("meetings").split("\t")[0])
    assert json.loads(filled.dump(meeting_id, target)) == budget_meeting()
    assert sorted(p.name for p in target.parent.iterdir()) == ["møde.json"]


# --- bad input: one line naming the file and the field, status 2, archive unchanged ---------

BadFile = Callable[[Path], Path]


def _json_with(change: Callable[[dict[str, Any]], object]) -> BadFile:
    def make(folder: Path) -> Path:
        data = budget_meeting()
        change(data)
        return write(folder / "møde.json", data)

    return make


def _text(text: str) -> BadFile:
    def make(folder: Path) -> Path:
        path = folder / "møde.json"
        path.write_text(text, encoding="utf-8")
        return path

    return make


def _bytes(data: bytes) -> BadFile:
    def make(folder: Path) -> Path:
        path = folder / "møde.json"
        path.write_bytes(data)
        return path

    return make


def _missing(folder: Path) -> Path:
    return folder / "findes-ikke.json"


def _folder(folder: Path) -> Path:
    path = folder / "en-mappe.json"
    path.mkdir()
    return path


BAD_FILES: list[tuple[str, BadFile, list[str]]] = [
    ("not JSON", _text('{"format": "secretary-app/meeting",'), ["ikke gyldig JSON", "linje 1"]),
    ("empty file", _text(""), ["ikke gyldig JSON"]),
    ("not UTF-8", _bytes(b'{"title": "M\xf8de"}'), ["UTF-8"]),
    ("missing file", _missing, ["kan ikke læses", "findes ikke"]),
    ("a folder", _folder, ["kan ikke læses", "mappe"]),
    (
        "missing title",
        _json_with(lambda d: d["items"][1].pop("title")),
        ["items[1].title: mangler"],
    ),
    (
        "empty title",
        _json_with(lambda d: d["items"][0].update(title=" ")),
        ["items[0].title: må ikke være tom"],
    ),
    (
        "unknown field",
        _json_with(lambda d: d["items"][2].update(colour="blå")),
        ["items[2].colour: ukendt felt"],
    ),
    (
        "impossible date",
        _json_with(lambda d: d["meeting"].update(date="2017-13-45")),
        ['meeting.date: "2017-13-45" er ikke en gyldig dato'],
    ),
    (
        "missing attendance name",
        _json_with(lambda d: d["attendance"][1].pop("name")),
        ["attendance[1].name: mangler"],
    ),
    (
        "empty attachment title",
        _json_with(lambda d: d["items"][1]["attachments"][1].update(title="")),
        ["items[1].attachments[1].title: må ikke være tom"],
    ),
    (
        "numbers that do not follow on",
        _json_with(lambda d: d["items"][2].update(number=11)),
        ["items[2].number"],
    ),
    ("a list, not an object", _text("[]"), ["dokumentet skal være et objekt"]),
]


@pytest.mark.parametrize(
    ("make", "expected"),
    [pytest.param(make, expected, id=name) for name, make, expected in BAD_FILES],
)
def test_bad_input_is_one_line_status_2_and_changes_nothing(
    filled: Cli, tmp_path: Path, make: BadFile, expected: list[str]
) -> None:
    folder = tmp_path / "ind"
    folder.mkdir()
    bad = make(folder)
    before = archive_state(filled, tmp_path)
    result = filled("load", bad)
    assert result.status == 2
    assert result.out == ""
    assert len(result.err_lines) == 1, result.err
    line = result.err_lines[0]
    assert line.startswith(f"secretary-app: {bad}: ")
    for words in expected:
        assert words in line
    assert archive_state(filled, tmp_path) == before


def test_the_error_line_for_a_bad_date_reads_in_full(cli: Cli, tmp_path: Path) -> None:
    data = budget_meeting()
    data["meeting"]["date"] = "2017-13-45"
    bad = write(tmp_path / "møde.json", data)
    result = cli("load", bad)
    assert (result.status, result.out) == (2, "")
    assert result.err == (
        f'secretary-app: {bad}: meeting.date: "2017-13-45" er ikke en gyldig dato (ÅÅÅÅ-MM-DD)\n'
    )


def test_a_bad_file_adds_nothing_to_an_empty_archive(cli: Cli, tmp_path: Path) -> None:
    cli.ok("meetings")  # the archive exists, empty
    before = table_contents(cli.archive)
    result = cli("load", _text("ikke json")(tmp_path))
    assert result.status == 2 and len(result.err_lines) == 1
    assert table_contents(cli.archive) == before
    assert cli.ok("meetings") == ""


@pytest.mark.parametrize("field", ["number", "duration_minutes"])
def test_a_number_too_large_for_the_archive_is_one_line(
    filled: Cli, tmp_path: Path, field: str
) -> None:
    data = budget_meeting()
    data["items"] = [data["items"][0] | {field: 10**20}]
    bad = write(tmp_path / "stor.json", data)
    before = archive_state(filled, tmp_path)
    result = filled("load", bad)
    assert archive_state(filled, tmp_path) == before
    assert result.status == 2 and len(result.err_lines) == 1
    assert f"items[0].{field}" in result.err


# --- a bad archive --------------------------------------------------------------------------

NOT_AN_ARCHIVE = b"Dagsorden for \xc3\x98konomiudvalget\n" * 100


@pytest.mark.parametrize("command", ["meetings", "demo", "load", "dump"])
def test_an_archive_that_is_not_sqlite_is_one_line_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    archive = tmp_path / "arkiv.db"
    archive.write_bytes(NOT_AN_ARCHIVE)
    arguments: dict[str, list[str | Path]] = {
        "load": [REFERENCE],
        "dump": ["1", "-o", tmp_path / "ud.json"],
    }
    result = Cli(archive, capsys)(command, *arguments.get(command, []))
    assert (result.status, result.out) == (2, "")
    assert len(result.err_lines) == 1, result.err
    assert str(archive) in result.err and "ikke et arkiv" in result.err
    assert archive.read_bytes() == NOT_AN_ARCHIVE
    assert [p.name for p in tmp_path.iterdir()] == ["arkiv.db"]  # no -wal, -shm or copy


# --- dump that cannot be done ---------------------------------------------------------------


def _dump_fails(filled: Cli, tmp_path: Path, meeting_id: str, target: Path) -> str:
    """Run a dump that must fail; its one error line, after checking what it left."""
    before = archive_state(filled, tmp_path)
    result = filled("dump", meeting_id, "-o", target)
    assert (result.status, result.out) == (2, "")
    assert len(result.err_lines) == 1, result.err
    assert archive_state(filled, tmp_path) == before
    assert leftovers(tmp_path) == []
    return result.err_lines[0]


def test_dump_of_an_unknown_meeting_writes_nothing(filled: Cli, tmp_path: Path) -> None:
    target = tmp_path / "ud" / "møde.json"
    target.parent.mkdir()
    line = _dump_fails(filled, tmp_path, "999", target)
    assert "999" in line and "findes ikke" in line
    assert list(target.parent.iterdir()) == []


def test_dump_into_a_missing_folder_writes_nothing(filled: Cli, tmp_path: Path) -> None:
    target = tmp_path / "mangler" / "møde.json"
    line = _dump_fails(filled, tmp_path, "1", target)
    assert line.startswith(f"secretary-app: {target}: kan ikke skrives")
    assert not target.parent.exists()


def test_dump_onto_a_folder_writes_nothing(filled: Cli, tmp_path: Path) -> None:
    target = tmp_path / "ud.json"
    target.mkdir()
    line = _dump_fails(filled, tmp_path, "1", target)
    assert line.startswith(f"secretary-app: {target}: kan ikke skrives")
    assert target.is_dir() and list(target.iterdir()) == []


def test_dump_below_a_file_writes_nothing(filled: Cli, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "noter.txt"
    not_a_folder.write_text("noter", encoding="utf-8")
    target = not_a_folder / "møde.json"
    line = _dump_fails(filled, tmp_path, "1", target)
    assert line.startswith(f"secretary-app: {target}: kan ikke skrives")
    assert not_a_folder.read_text(encoding="utf-8") == "noter"


# --- the real entry point -------------------------------------------------------------------


def test_python_m_secretary_app_runs_the_command_line(cli: Cli, tmp_path: Path) -> None:
    command = [sys.executable, "-m", "secretary_app", "--db", str(cli.archive), "demo"]
    done = subprocess.run(
        command, cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", timeout=60
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.strip().isdigit()
    assert cli.ok("meetings") == f"{int(done.stdout)}\t{REFERENCE_LINE}\n"


def test_the_budget_meeting_is_in_canonical_form() -> None:
    """The hand-made meeting must itself be what dump writes, or byte identity proves nothing."""
    data = budget_meeting()
    assert dump_meeting(parse_meeting(copy.deepcopy(data))) == data


# --- search ----------------------------------------------------------------------------------


def test_search_prints_the_hits_one_a_line(filled: Cli) -> None:
    lines = filled.ok("search", "opgaveudvalg").splitlines()
    assert lines
    for line in lines:
        meeting_id, day, committee, number, title = line.split("\t")
        assert (meeting_id.isdigit(), number.isdigit(), len(day)) == (True, True, 10)
        assert "opgaveudvalg" in (title + committee).lower()
    assert lines[0] == "1\t2017-06-27\tOpgaveudvalg om Innovation\t1\t" + (
        "Tredje møde i Opgaveudvalg om Innovation"
    )


def test_search_finds_inside_words(filled: Cli) -> None:
    assert "Tredje møde i Opgaveudvalg om Innovation" in filled.ok("search", "novation")


@pytest.mark.parametrize("query", ["ingen-sådan-ting", '"', "NEAR(", "*", "R&D", " "])
def test_search_with_no_hits_prints_nothing_and_succeeds(filled: Cli, query: str) -> None:
    assert filled.ok("search", query) == ""
