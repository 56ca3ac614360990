"""Item layouts on the command line: `layouts`, and `load`/`dump`/`export` of meetings in a
layout other than Gentofte's; a file whose layout is not its committee's is one line, status 2,
and leaves the archive as it was, byte for byte.

Each test works on archive files under `tmp_path`, through `main(argv)` as the console script
calls it.
"""

from __future__ import annotations

import copy
import json
import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path
from typing import Any

import docx
import pytest
from cli_support import Cli

from secretary_app.core.item_layout import GENTOFTE, STANDARD
from secretary_app.core.layout_format import layout_to_json
from secretary_app.store.archive import Archive

REFERENCE_COMMITTEE = "Opgaveudvalg om Innovation"  # the committee `demo` adds, in Gentofte's
NO_VOTE = {"for": [], "against": [], "abstain": []}


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(tmp_path / "arkiv" / "arkiv.db", capsys)


@pytest.fixture
def second(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    """Another, empty archive."""
    return Cli(tmp_path / "andet" / "arkiv.db", capsys)


def write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def standard_sections(**texts: str) -> dict[str, str]:
    return {key: texts.get(key, "") for key in STANDARD.section_keys()}


def standard_meeting(committee: str = "Teknik- og Miljøudvalget") -> dict[str, Any]:
    """A meeting in the Standard layout, named by its key; canonical apart from the layout."""
    item: dict[str, Any] = {
        "number": 1,
        "title": "Cykelsti langs Strandvejen",
        "public_title": "",
        "closed": False,
        "case_id": "EMN-2025-010561",
        "presenter": "",
        "planned_start": None,
        "duration_minutes": None,
        "sections": standard_sections(
            indstilling="Forvaltningen indstiller, at\n\n1. projektet **godkendes**\n2. "
            "der gives anlægsbevilling",
            sagsfremstilling="Strækningen er *2,4 km*.",
            oekonomi="Udgiften afholdes af puljen.",
            beslutning="Godkendt.",
        ),
        "not_present": [],
        "votes": NO_VOTE,
        "dissent": [],
        "reservations": [{"member": "Søren Holm", "text": "til finansieringen"}],
        "chair_notes": "",
        "attachments": [],
    }
    return {
        "format": "secretary-app/meeting",
        "version": 3,
        "committee": {"name": committee, "kind": "standing", "layout": "standard"},
        "meeting": {
            "date": "2025-03-04",
            "start": "16:00",
            "end": "18:00",
            "location": "Rådssalen",
            "title": "",
            "ended_at": "17:45",
            "approved": None,
            "corrections": [],
        },
        "attendance": [
            {"name": "Anne Andersen", "role": "chair", "status": "present", "substitute": ""},
            {"name": "Bo Berg", "role": "member", "status": "present", "substitute": ""},
        ],
        "items": [
            item,
            item
            | {
                "number": 2,
                "title": "Salg af grund",
                "closed": True,
                "public_title": "Ejendomshandel",
                "case_id": "EMN-2025-010562",
                "sections": standard_sections(
                    indstilling="Salget anbefales.", beslutning="Anbefalet."
                ),
                "reservations": [],
            },
        ],
    }


def version_2_meeting(committee: str) -> dict[str, Any]:
    """A version-2 file: no layout, the three texts in fields of their own."""
    return {
        "format": "secretary-app/meeting",
        "version": 2,
        "committee": {"name": committee, "kind": "task"},
        "meeting": {
            "date": "2017-12-05",
            "start": "17:00",
            "end": "19:00",
            "location": "Mødelokale G",
            "title": "",
            "ended_at": None,
            "approved": None,
            "corrections": [],
        },
        "attendance": [],
        "items": [
            {
                "number": 1,
                "title": "Politisk model",
                "closed": False,
                "case_id": "EMN-2017-03374",
                "presenter": "",
                "planned_start": None,
                "duration_minutes": None,
                "summary": "Udkast til en *politisk model*.",
                "previous_decisions": "",
                "decision": "Drøftet.",
                "not_present": [],
                "votes": NO_VOTE,
                "dissent": [],
                "chair_notes": "",
                "attachments": [],
            }
        ],
    }


def paragraphs(path: Path) -> list[tuple[str, str]]:
    """The body's paragraphs: style name and text."""
    return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs]


def sidecars(archive: Path) -> list[Path]:
    return [p for p in archive.parent.iterdir() if p.name != archive.name and "arkiv" in p.name]


def archive_bytes(archive: Path) -> tuple[bytes, list[str]]:
    """The archive as a file (bytes) and as SQL (iterdump).

    The command closes its archive before it returns; SQLite checkpoints the write-ahead log into
    the main file when the last connection closes and deletes the -wal and -shm files, so the
    main file alone is the archive. The test checks that no -wal/-shm file is left, so the bytes
    compared are all there is; the dump compares the content too, should SQLite ever rewrite a
    page without a change (it does not today).
    """
    assert sidecars(archive) == [], "a -wal or -shm file means the file is not the whole archive"
    with closing(sqlite3.connect(archive)) as conn:
        dump = list(conn.iterdump())
    assert sidecars(archive) == []
    return archive.read_bytes(), dump


# --- layouts --------------------------------------------------------------------------------


def test_layouts_lists_the_built_in_layouts(cli: Cli) -> None:
    assert cli.ok("layouts") == "gentofte\tGentofte\nstandard\tStandard\n"


def test_layouts_lists_the_saved_layouts_after_the_built_in_ones(cli: Cli) -> None:
    archive = Archive.open(cli.archive)
    archive.layouts.save(replace(STANDARD, name="Teknik og Miljø"))
    archive.layouts.save(replace(GENTOFTE, name="Gentofte"))
    archive.close()

    assert cli.ok("layouts").splitlines() == [
        "gentofte\tGentofte",
        "standard\tStandard",
        "gentofte_2\tGentofte",
        "teknik_og_miljoe\tTeknik og Miljø",
    ]


def test_layouts_leaves_out_a_saved_layout_broken_by_hand(cli: Cli) -> None:
    cli.ok("meetings")  # the archive exists
    with closing(sqlite3.connect(cli.archive)) as conn, conn:
        conn.execute("INSERT INTO saved_layouts (key, definition) VALUES ('brudt', '{ikke')")

    assert cli.ok("layouts") == "gentofte\tGentofte\nstandard\tStandard\n"


# --- load, dump and export in the Standard layout --------------------------------------------


def test_load_by_layout_key_creates_the_committee_in_that_layout(cli: Cli, tmp_path: Path) -> None:
    meeting_id = cli.load(write(tmp_path / "tmu.json", standard_meeting()))

    archive = Archive.open(cli.archive)
    try:
        committee = archive.committees.find_by_name("Teknik- og Miljøudvalget")
        assert archive.layouts.of_committee(committee.id) == STANDARD
        assert archive.layouts.of_meeting(meeting_id) == STANDARD
        [first, second] = archive.items.for_meeting(meeting_id)
        assert first.text("oekonomi") == "Udgiften afholdes af puljen."
        assert second.public_title == "Ejendomshandel"
        assert [r.member for r in archive.records.reservations(first.id)] == ["Søren Holm"]
    finally:
        archive.close()


def test_dump_writes_the_whole_layout_object(cli: Cli, tmp_path: Path) -> None:
    meeting_id = cli.load(write(tmp_path / "tmu.json", standard_meeting()))

    dumped = json.loads(cli.dump(meeting_id, tmp_path / "ud.json"))

    expected = standard_meeting()
    expected["committee"]["layout"] = layout_to_json(STANDARD)
    assert dumped == expected
    assert dumped["committee"]["layout"]["sections"][1] == {
        "key": "sagsforloeb",
        "label": "Sagsforløb",
        "kind": "history",
        "agenda": True,
        "minutes": True,
    }


def test_a_dump_loads_into_another_archive_and_dumps_and_exports_the_same(
    cli: Cli, second: Cli, tmp_path: Path
) -> None:
    first_id = cli.load(write(tmp_path / "tmu.json", standard_meeting()))
    first_dump = cli.dump(first_id, tmp_path / "første.json")

    second_id = second.load(tmp_path / "første.json")
    second_dump = second.dump(second_id, tmp_path / "anden.json")

    assert second_dump == first_dump
    cli.ok("export", str(first_id), "--document", "minutes", "-o", tmp_path / "første.docx")
    second.ok("export", str(second_id), "--document", "minutes", "-o", tmp_path / "anden.docx")
    exported = paragraphs(tmp_path / "første.docx")
    assert paragraphs(tmp_path / "anden.docx") == exported
    texts = [text for _, text in exported]
    assert "1. Cykelsti langs Strandvejen" in texts
    assert "Sagsnr.: EMN-2025-010561 · Åbent" in texts
    assert ("Heading 2", "Indstilling") in exported
    assert ("Heading 2", "Økonomi") in exported
    assert ("Heading 2", "Beslutning") in exported
    assert not any(text in ("Resumé", "Beslutninger:") for text in texts)


# --- a file whose layout is not its committee's ----------------------------------------------


def test_a_meeting_in_another_layout_than_its_committees_is_one_line_and_changes_nothing(
    cli: Cli, tmp_path: Path
) -> None:
    cli.ok("demo")  # Opgaveudvalg om Innovation, in Gentofte's layout
    before = archive_bytes(cli.archive)
    source = write(tmp_path / "møde.json", standard_meeting(REFERENCE_COMMITTEE))

    result = cli("load", source)

    assert (result.status, result.out) == (2, "")
    assert len(result.err_lines) == 1, result.err
    line = result.err_lines[0]
    assert line.startswith(f"secretary-app: {source}: committee.layout: ")
    assert "Gentofte" in line and "Standard" in line
    assert archive_bytes(cli.archive) == before


def test_a_section_the_layout_lacks_is_one_line_naming_it(cli: Cli, tmp_path: Path) -> None:
    cli.ok("meetings")
    before = archive_bytes(cli.archive)
    data = standard_meeting()
    data["items"][0]["sections"]["resume"] = "Et resumé."
    source = write(tmp_path / "møde.json", data)

    result = cli("load", source)

    assert (result.status, result.out) == (2, "")
    assert len(result.err_lines) == 1, result.err
    assert result.err_lines[0].startswith(
        f"secretary-app: {source}: items[0].sections.resume: ukendt felt"
    )
    assert archive_bytes(cli.archive) == before
    assert cli.ok("meetings") == ""


def test_a_section_of_another_layout_in_a_gentofte_file_is_one_line(
    cli: Cli, tmp_path: Path
) -> None:
    data = standard_meeting()
    data["committee"]["layout"] = "gentofte"

    result = cli("load", write(tmp_path / "møde.json", data))

    assert result.status == 2 and len(result.err_lines) == 1, result.err
    assert "items[0].sections.indstilling: ukendt felt" in result.err


# --- version 2 files: Gentofte's layout --------------------------------------------------------


def test_a_version_2_file_loads_into_a_committee_in_gentoftes_layout(
    cli: Cli, tmp_path: Path
) -> None:
    cli.ok("demo")

    meeting_id = cli.load(write(tmp_path / "v2.json", version_2_meeting(REFERENCE_COMMITTEE)))

    dumped = json.loads(cli.dump(meeting_id, tmp_path / "ud.json"))
    assert dumped["committee"]["layout"] == layout_to_json(GENTOFTE)
    assert dumped["items"][0]["sections"] == {
        "resume": "Udkast til en *politisk model*.",
        "tidligere_beslutninger": "",
        "beslutning": "Drøftet.",
    }
    assert len(cli.ok("meetings").splitlines()) == 2


def test_a_version_2_file_is_refused_by_a_committee_in_the_standard_layout(
    cli: Cli, tmp_path: Path
) -> None:
    cli.load(write(tmp_path / "tmu.json", standard_meeting()))
    before = archive_bytes(cli.archive)

    result = cli("load", write(tmp_path / "v2.json", version_2_meeting("Teknik- og Miljøudvalget")))

    assert (result.status, result.out) == (2, "")
    assert len(result.err_lines) == 1, result.err
    assert "committee.layout: " in result.err_lines[0]
    assert archive_bytes(cli.archive) == before


def test_a_version_2_file_makes_a_new_committee_in_gentoftes_layout(
    cli: Cli, tmp_path: Path
) -> None:
    archive = Archive.open(cli.archive)
    archive.layouts.set_default(STANDARD)  # the default does not decide what an old file is
    archive.close()

    meeting_id = cli.load(write(tmp_path / "v2.json", version_2_meeting("Nyt udvalg")))

    archive = Archive.open(cli.archive)
    try:
        assert archive.layouts.of_meeting(meeting_id) == GENTOFTE
    finally:
        archive.close()


def test_the_standard_meeting_is_canonical_but_for_its_layout_key() -> None:
    """The hand-made file must itself be what dump writes (given the layout in full), or the
    byte comparisons prove nothing."""
    from secretary_app.core.exchange import dump_meeting, parse_meeting

    data = standard_meeting()
    full = copy.deepcopy(data)
    full["committee"]["layout"] = layout_to_json(STANDARD)
    assert dump_meeting(parse_meeting(copy.deepcopy(data))) == full
