"""Every failure one line, exit 2, nothing half-written (issue 10, points 6 and 8).

Every command that writes a file (export as Word or PDF, dump, backup) is run onto a full disk,
into a folder that is missing, read-only or a file, and onto a folder. Each time: exit status 2,
one line in Danish on stderr and no traceback, no file at the target (or the earlier file as it
was), no temporary file left beside it, and the archive byte for byte as it was. Then what comes
in: JSON nested too deep, a number too long for Python to read, a disk that fills during `load`,
an archive the program may not write, an archive with a text that is not UTF-8.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from child_cli import FullDisk, can_be_refused_writing, needs_file_size_limit, run_child
from cli_support import Cli, Result

from secretary_app.store.demo import reference_meeting_json

# What each command writes, and the function of secretary_app.cli that starts the writing.
WRITERS = {
    "pdf": (("export", "1", "--document", "minutes", "-o"), "ud.pdf", "_export_pdf"),
    "docx": (("export", "1", "--document", "minutes", "-o"), "ud.docx", "_export_docx"),
    "dump": (("dump", "1", "-o"), "ud.json", "_write_atomically"),
    "backup": (("backup", "-o"), "ud.sqlite3", "write_copy"),
}
IN_PROCESS = ["docx", "dump", "backup"]  # the PDF needs Qt: a child process
EARLIER = b"the earlier file\n"


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    cli = Cli(tmp_path / "arkiv" / "arkiv.sqlite3", capsys)
    assert cli.ok("demo") == "1\n"
    return cli


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "ud"
    folder.mkdir()
    return folder


def refused(result: Result, *words: str) -> str:
    """The one line of a refusal: exit 2, in Danish, no traceback."""
    assert result.status == 2, result
    assert result.out == "" and len(result.err_lines) == 1, result
    line = result.err_lines[0]
    assert line.startswith("secretary-app: ") and "Traceback" not in result.err, result
    assert all(word in line for word in words), result
    return line


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") or "tmp" in p.name)


def write_args(kind: str, target: Path) -> tuple[str, ...]:
    args, _, _ = WRITERS[kind]
    return (*args, str(target))


# --- a full disk ---------------------------------------------------------------------------


@needs_file_size_limit
@pytest.mark.parametrize("kind", list(WRITERS))
@pytest.mark.parametrize("earlier", [False, True], ids=["new", "over-an-earlier-file"])
@pytest.mark.parametrize("room", [0, 3000])
def test_a_full_disk_leaves_nothing_half_written(
    cli: Cli, out: Path, kind: str, earlier: bool, room: int
) -> None:
    """Before: the PDF exited 0 and left 4-20 kB with no trailer; Word printed "Exception
    ignored … Traceback" after its line; the reasons were English ("File too large")."""
    _, name, hook = WRITERS[kind]
    target = out / name
    if earlier:
        target.write_bytes(EARLIER)
    archive = cli.archive.read_bytes()
    result = run_child(cli.archive, *write_args(kind, target), full_disk=FullDisk(hook, room))
    refused(result, str(target), "kan ikke skrives", "disken")
    assert target.read_bytes() == EARLIER if earlier else not target.exists()
    assert leftovers(out) == []
    assert cli.archive.read_bytes() == archive


@needs_file_size_limit
def test_a_full_disk_during_load_changes_nothing(cli: Cli, tmp_path: Path) -> None:
    source = another_meeting(tmp_path)
    archive = cli.archive.read_bytes()
    result = run_child(cli.archive, "load", source, full_disk=FullDisk("_load", 1000))
    line = refused(result, "arkivet", "intet blev ændret")
    assert "disk I/O error" not in line  # SQLite's English for the write that failed
    assert cli.archive.read_bytes() == archive
    assert cli.ok("meetings").count("\n") == 1


def another_meeting(folder: Path) -> Path:
    data = reference_meeting_json()
    data["committee"]["name"] = "Andet udvalg"
    source = folder / "møde.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return source


# --- where the file cannot go ----------------------------------------------------------------


PLACES = {
    "missing-folder": "findes ikke",
    "folder-is-a-file": "mappen findes ikke",
    "target-is-a-folder": "er en mappe, ikke en fil",
}


def unwritable(out: Path, place: str, name: str) -> Path:
    """A target in `out` that cannot be written, as `place` says; `out` holds a file "fil"."""
    (out / "fil").write_text("a file, not a folder")
    if place == "missing-folder":
        return out / "mangler" / name
    if place == "folder-is-a-file":
        return out / "fil" / name
    (out / name).mkdir()
    return out / name


@pytest.mark.parametrize("kind", IN_PROCESS)
@pytest.mark.parametrize("place", list(PLACES))
def test_a_target_that_cannot_be_written(cli: Cli, out: Path, kind: str, place: str) -> None:
    target = unwritable(out, place, WRITERS[kind][1])
    archive = cli.archive.read_bytes()
    line = refused(cli(*write_args(kind, target)), str(target), "kan ikke skrives")
    saved = "; intet blev gemt" if kind == "backup" else ""
    assert line == f"secretary-app: {target}: kan ikke skrives ({PLACES[place]}){saved}"
    assert_nothing_written(out, target)
    assert cli.archive.read_bytes() == archive


@pytest.mark.parametrize("place", list(PLACES))
def test_a_pdf_that_cannot_be_written(cli: Cli, out: Path, place: str) -> None:
    target = unwritable(out, place, "ud.pdf")
    archive = cli.archive.read_bytes()
    result = run_child(cli.archive, *write_args("pdf", target))
    assert refused(result) == f"secretary-app: {target}: kan ikke skrives ({PLACES[place]})"
    assert_nothing_written(out, target)
    assert cli.archive.read_bytes() == archive


def assert_nothing_written(out: Path, target: Path) -> None:
    expected = ["fil", target.name] if target.is_dir() else ["fil"]
    assert sorted(p.name for p in out.iterdir()) == sorted(expected)
    assert not target.is_file() and (not target.is_dir() or list(target.iterdir()) == [])


@pytest.mark.skipif(not can_be_refused_writing(), reason="cannot take away the right to write")
@pytest.mark.parametrize("kind", list(WRITERS))
def test_a_read_only_folder(cli: Cli, out: Path, kind: str) -> None:
    target = out / WRITERS[kind][1]
    archive = cli.archive.read_bytes()
    out.chmod(0o555)
    try:
        result = run_child(cli.archive, *write_args(kind, target), read_only=True)
    finally:
        out.chmod(0o755)
    refused(result, str(target), "kan ikke skrives")
    assert list(out.iterdir()) == []
    assert cli.archive.read_bytes() == archive


@pytest.mark.parametrize("kind", IN_PROCESS)
def test_a_failed_sync_keeps_the_earlier_file(
    cli: Cli, out: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills while the file is synced: the earlier file stays, nothing is left."""
    from secretary_app.core import files

    def no_room(_descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    target = out / WRITERS[kind][1]
    target.write_bytes(EARLIER)
    monkeypatch.setattr(files.os, "fsync", no_room)
    refused(cli(*write_args(kind, target)), "kan ikke skrives (disken er fuld)")
    assert target.read_bytes() == EARLIER
    assert leftovers(out) == []


# --- what comes in -----------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [2_000, 100_000])
def test_json_nested_too_deep(cli: Cli, tmp_path: Path, depth: int) -> None:
    source = tmp_path / "dyb.json"
    source.write_text("[" * depth + "]" * depth)
    archive = cli.archive.read_bytes()
    assert refused(cli("load", source)) == (
        f"secretary-app: {source}: er for dybt indlejret til at være et møde"
    )
    assert cli.archive.read_bytes() == archive


LONG = "9" * 5000


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('"number": 1', f'"number": {LONG}', "items[0].number: er 99999999999999999999… (5000"),
        ('"number": 1', f'"number": -{LONG}', "items[0].number: er -9999999999999999999… (5000"),
        ('"closed": false', f'"closed": {LONG}', "items[0].closed: skal være true eller false"),
        ('"format"', f'"x": {LONG}, "format"', "x: ukendt felt"),
    ],
    ids=["item-number", "negative", "flag", "unknown-field"],
)
def test_a_number_of_more_than_4300_digits(
    cli: Cli, tmp_path: Path, old: str, new: str, expected: str
) -> None:
    """Python refuses to read an integer of more than 4,300 digits: before, a ValueError
    traceback with exit 1."""
    text = json.dumps(reference_meeting_json(), ensure_ascii=False)
    assert old in text
    source = tmp_path / "tal.json"
    source.write_text(text.replace(old, new, 1), encoding="utf-8")
    archive = cli.archive.read_bytes()
    assert f"{source}: {expected}" in refused(cli("load", source))
    assert cli.archive.read_bytes() == archive


def test_a_number_alone(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "tal.json"
    source.write_text("1" * 5000)
    assert "skal være et objekt" in refused(cli("load", source), str(source))


@pytest.mark.skipif(not can_be_refused_writing(), reason="cannot take away the right to write")
def test_a_read_only_archive(cli: Cli, tmp_path: Path) -> None:
    source = another_meeting(tmp_path)
    cli.archive.parent.chmod(0o777)
    cli.archive.chmod(0o444)
    archive = cli.archive.read_bytes()
    try:
        result = run_child(cli.archive, "load", source, read_only=True)
    finally:
        cli.archive.chmod(0o644)
    refused(result, "arkivet: filen kan ikke skrives (skrivebeskyttet); intet blev ændret")
    assert cli.archive.read_bytes() == archive


@pytest.mark.parametrize("command", ["meetings", "dump"])
def test_an_archive_with_a_text_that_is_not_utf8(cli: Cli, out: Path, command: str) -> None:
    """Bytes that are not UTF-8 where the archive keeps a text (a damaged page that still
    passes SQLite's checks): before, SQLite's English message with the broken text in it."""
    content = cli.archive.read_bytes()
    assert b"Innovation" in content
    cli.archive.write_bytes(content.replace(b"Innovation", b"\xff\xfe\xfdovation"))
    archive = cli.archive.read_bytes()
    args = ["dump", "1", "-o", str(out / "ud.json")] if command == "dump" else [command]
    line = refused(cli(*args), "er beskadiget (en del af filen kan ikke læses)")
    assert "Could not decode" not in line and "\ufffd" not in line
    assert cli.archive.read_bytes() == archive
    assert list(out.iterdir()) == []
