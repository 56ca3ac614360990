"""Fuzzing what comes in from outside (issue 10, "Proven by tests that try").

- Exchange files: the reference meeting (plain, and enriched with attendance, records,
  attachments and an approval) mutated by hypothesis: wrong types, keys deleted and added, huge
  and negative numbers, deep nesting, odd Unicode (RTL override, U+FEFF, escaped surrogates, NUL),
  keys given twice, a byte order mark, broken bytes. Each file goes through the real command line
  (`secretary-app --db ARCHIVE load FILE`): it loads (exit 0; then `dump` and `load` again work and
  `dump` gives the same file back) or is refused with one line (exit 2), the archive byte for byte
  as it was and nothing written anywhere else.
- Attachment names: `safe_file_name` as a property (one file name in a folder on Windows and on
  Linux, whatever the title); the window's use of it is in tests/gui/test_attachment_names.py.

Run with `--hypothesis-show-statistics` to see how many files were loaded and refused, and why.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import sqlite3
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from secretary_app.cli import main
from secretary_app.core.text import MAX_FILE_NAME, safe_file_name
from secretary_app.store.demo import reference_meeting_json

# --- exchange files -------------------------------------------------------------------------


def rich_reference() -> dict[str, Any]:
    """The reference meeting with every optional part filled in: attendance, records, an
    attachment, approved minutes with corrections (so mutations reach every field)."""
    data = reference_meeting_json()
    data["attendance"] = [
        {"name": "Marie Louise Andersen", "role": "chair", "status": "present", "substitute": ""},
        {"name": "Frank Jensen", "role": "member", "status": "excused", "substitute": "Ib Lund"},
    ]
    item = data["items"][1]
    item["not_present"] = [{"member": "Frank Jensen", "reason": "left", "note": "kl. 19.10"}]
    item["votes"] = {"for": ["Venstre"], "against": ["A"], "abstain": []}
    item["dissent"] = [{"member": "A", "text": "Kan ikke støtte."}]
    item["reservations"] = [{"member": "Ib Lund", "text": ""}]
    item["attachments"] = [{"title": "Bilag 1", "public": False}]
    item.update(closed=True, public_title="Lukket punkt", planned_start="18:30")
    item["duration_minutes"] = 15
    data["meeting"]["approved"] = {"at": "2017-07-03", "by": ["Marie Louise Andersen"]}
    data["meeting"]["corrections"] = [
        {"at": "2017-07-05T10:15", "item": 2, "text": "Rettet.", "reason": "Glemt."}
    ]
    return data


BASES = (reference_meeting_json(), rich_reference())


@dataclass(frozen=True)
class Raw:
    """JSON text put into the file as it is: numbers too long for Python, NaN, deep nesting."""

    text: str


class Repeated(dict[str, Any]):
    """A JSON object that gives some of its keys a second time (`again`), after its own pairs:
    json.dumps cannot write that."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.again: list[tuple[str, Any]] = []


def objects_repeatable(value: Any) -> Any:
    if isinstance(value, dict):
        return Repeated({k: objects_repeatable(v) for k, v in value.items()})
    if isinstance(value, list):
        return [objects_repeatable(v) for v in value]
    return value


def to_json(value: Any, ascii_only: bool) -> str:
    """JSON text of `value`, with `Raw` and `Repeated` written as they say."""
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, dict):
        pairs = [*value.items(), *getattr(value, "again", [])]
        return (
            "{"
            + ", ".join(f"{_text(k, ascii_only)}: {to_json(v, ascii_only)}" for k, v in pairs)
            + "}"
        )
    if isinstance(value, list):
        return "[" + ", ".join(to_json(v, ascii_only) for v in value) + "]"
    return json.dumps(value, ensure_ascii=ascii_only)


def _text(key: str, ascii_only: bool) -> str:
    return json.dumps(key, ensure_ascii=ascii_only)


def paths_in(value: Any, here: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path (keys and indexes) of every value in the tree, the root's included."""
    yield here
    if isinstance(value, dict | list):
        children = value.items() if isinstance(value, dict) else enumerate(value)
        for key, child in children:
            yield from paths_in(child, (*here, key))


def parent_of(data: Any, path: tuple[Any, ...]) -> Any:
    """The container holding the value at `path`."""
    node = data
    for step in path[:-1]:
        node = node[step]
    return node


ODD_TEXTS = [
    "",
    " ",
    "\ufeff",
    "\u200b\u200e",
    "\u202eFDP.exe",
    "\u202d\u202c",
    "a\x00b",
    "\x00",
    "\x0b\x0c\r\n",
    "\ud800",
    "\udfff\ud800x",
    "\U0001f600" * 3,
    "e\u0301" * 5,
    "\u0085\u2028\u2029",
    "\ufffe\uffff",
    "x" * 10_000,
    "y " * 5_000,
    "CON",
    "..\\..\\x",
    "/tmp/ABS",
    "2017-02-29",
    "9999-12-31",
    "0001-01-01",
    "25:61",
    "17.00",
    "9:00",
    "23:59",
    "2017-07-05T10:15",
    "{number}",
    "{title} {x}",
    "Åben",
    "beslutning",
    "standard",
    "gentofte",
    "standing",
    "task",
    "present",
    "inhabil",
    "secretary-app/meeting",
]
NUMBERS = [0, 1, -1, 2, 3, 4, 99_999, 100_000, 2**31, 2**63, -(10**30), 10**100, 1.5, -0.0, 1e308]
RAW_NUMBERS = ["9" * 5_000, "-" + "1" * 4_400, "1e400", "-1e400", "NaN", "Infinity", "1E2"]


def nested(depth: int, opener: str) -> Raw:
    """A list or an object `depth` deep."""
    if opener == "[":
        return Raw("[" * depth + "]" * depth)
    return Raw('{"a": ' * depth + "1" + "}" * depth)


odd_values = st.one_of(
    st.sampled_from(ODD_TEXTS),
    st.text(max_size=20),
    st.sampled_from(NUMBERS),
    st.integers(),
    # a copy each time: a later change to the document ("delete", "copy") must not change the
    # strategy's own list or dict (hypothesis then sees the same choices draw differently)
    st.sampled_from(
        [None, True, False, [], {}, [1, 2], {"x": 1}, [""], [None], {"title": "x"}]
    ).map(copy.deepcopy),
    st.sampled_from(RAW_NUMBERS).map(Raw),
    st.builds(nested, st.sampled_from([10, 200, 999, 2_000, 100_000]), st.sampled_from("[{")),
)
new_keys = st.sampled_from(
    ["titel", "x", "", "\ufefftitle", "title ", "Title", "number", "id", "a\nb", "\x1b[2J", "\x85"]
)
MUTATIONS = ["replace", "replace", "delete", "add", "repeat", "copy"]


@st.composite
def mutated_documents(draw: st.DrawFn) -> Any:
    """A base document with one to four changes at places drawn from all its values."""
    data = objects_repeatable(draw(st.sampled_from(BASES)))
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from([p for p in paths_in(data) if p]))
        mutate(parent_of(data, path), path[-1], draw(st.sampled_from(MUTATIONS)), draw)
    return data


def mutate(parent: Any, last: Any, how: str, draw: st.DrawFn) -> None:
    if how == "replace":
        parent[last] = draw(odd_values)
    elif how == "delete":
        del parent[last]
    elif how == "add" and isinstance(parent, Repeated):
        parent[draw(new_keys)] = draw(odd_values)
    elif how == "repeat" and isinstance(parent, Repeated):
        again = draw(st.sampled_from([copy.deepcopy(parent[last]), draw(odd_values)]))
        parent.again.append((last, again))
    elif how == "copy" and isinstance(parent, list):
        parent.insert(last, copy.deepcopy(parent[last]))


def file_bytes(data: Any, ascii_only: bool, bom: bool, damage: str) -> bytes:
    raw = to_json(data, ascii_only).encode("utf-8", "surrogatepass")  # lone surrogate: not UTF-8
    return DAMAGE[damage](b"\xef\xbb\xbf" + raw if bom else raw)


def _recoded(raw: bytes, codec: str) -> bytes:
    return raw.decode("utf-8", "surrogatepass").encode(codec, "replace")


DAMAGE = {
    "none": lambda raw: raw,
    "truncated": lambda raw: raw[: len(raw) // 2],
    "trailing garbage": lambda raw: raw + b"\n}",
    "two documents": lambda raw: raw + b"\n" + raw,
    "latin-1": lambda raw: _recoded(raw, "latin-1"),
    "utf-16": lambda raw: _recoded(raw, "utf-16"),
    "nul byte": lambda raw: raw[:1] + b"\x00" + raw[1:],
    "double bom": lambda raw: b"\xef\xbb\xbf" + raw,
    "empty": lambda raw: b"",
    "whitespace": lambda raw: b" \n\t",
}
damages = st.sampled_from(["none"] * len(DAMAGE) + list(DAMAGE))


# --- running the command line --------------------------------------------------------------


@dataclass
class Run:
    status: int
    out: str
    err: str


def run(*args: str | Path) -> Run:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main([*map(str, args)])
    return Run(status, out.getvalue(), err.getvalue())


def listing(folder: Path, archive: Path) -> dict[str, tuple[int, int]]:
    """Every file under `folder` with its size and time, the archive's -wal and -shm aside."""
    sidecars = {f"{archive.name}-wal", f"{archive.name}-shm"}
    return {
        str(path.relative_to(folder)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.name not in sidecars
    }


def content(archive: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(archive)) as conn:
        return list(conn.iterdump())


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive holding the reference meeting (so a file may meet its committee)."""
    path = tmp_path_factory.mktemp("fuzz") / "arkiv.sqlite3"
    assert run("--db", path, "demo").status == 0
    return path


@contextlib.contextmanager
def fresh_archive(original: Path) -> Iterator[tuple[Path, Path]]:
    """A folder of its own (also the working directory) with a copy of the archive."""
    with tempfile.TemporaryDirectory() as name, contextlib.chdir(name):
        folder = Path(name)
        archive = folder / "arkiv.sqlite3"
        archive.write_bytes(original.read_bytes())
        yield folder, archive


def check_refused(result: Run, path: Path) -> None:
    """Exit 2: one line, ours, no traceback, naming the file."""
    lines = result.err.splitlines()
    assert result.status == 2 and result.out == "", result
    assert len(lines) == 1 and lines[0].startswith("secretary-app: "), result
    assert "Traceback" not in result.err and str(path) in lines[0], result
    assert not [c for c in lines[0] if unicodedata.category(c) == "Cc"], result


def check_round_trip(folder: Path, archive: Path, meeting_id: int) -> None:
    """The loaded meeting dumps, loads again, and dumps to the same file."""
    first, second = folder / "ud1.json", folder / "ud2.json"
    assert run("--db", archive, "dump", meeting_id, "-o", first).status == 0
    again = run("--db", archive, "load", first)
    assert (again.status, again.err) == (0, ""), again
    assert run("--db", archive, "dump", again.out.strip(), "-o", second).status == 0
    assert first.read_bytes() == second.read_bytes()


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    data=mutated_documents(),
    ascii_only=st.booleans(),
    bom=st.booleans(),
    damage=damages,
)
@example(data=BASES[1], ascii_only=False, bom=True, damage="none")
@example(data=BASES[0], ascii_only=True, bom=False, damage="utf-16")
def test_any_exchange_file_loads_or_is_refused_in_one_line_and_changes_nothing(
    original: Path, data: Any, ascii_only: bool, bom: bool, damage: str
) -> None:
    with fresh_archive(original) as (folder, archive):
        source = folder / "møde.json"
        source.write_bytes(file_bytes(data, ascii_only, bom, damage))
        before_files, before_content = listing(folder, archive), content(archive)
        result = run("--db", archive, "load", source)
        if result.status == 0:
            event("loaded")
            assert result.err == "" and result.out.strip().isdigit(), result
            check_round_trip(folder, archive, int(result.out))
            return
        check_refused(result, source)
        event(f"refused: {result.err.split(': ', 2)[-1].split(':')[0][:40]}")
        assert archive.read_bytes() == original.read_bytes()
        assert listing(folder, archive) == before_files
        assert content(archive) == before_content


def test_both_bases_load_as_they_are(original: Path) -> None:
    """The fuzz starts from files that load: a refusal is the change's doing."""
    for base in BASES:
        with fresh_archive(original) as (folder, archive):
            source = folder / "møde.json"
            source.write_bytes(file_bytes(base, False, False, "none"))
            result = run("--db", archive, "load", source)
            assert (result.status, result.err) == (0, ""), result
            check_round_trip(folder, archive, int(result.out))


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("items", 0, "title"), "\ufeff\u200b"),
        (("items", 0, "number"), Raw("9" * 5_000)),
        (("items",), nested(100_000, "[")),
        (("committee", "name"), "\ud800"),
        (("meeting", "location"), "a\x00b"),
    ],
)
def test_known_hostile_values_are_refused_or_cleaned(
    original: Path, path: tuple[Any, ...], value: Any
) -> None:
    data = copy.deepcopy(BASES[0])
    parent_of(data, path)[path[-1]] = value
    with fresh_archive(original) as (folder, archive):
        source = folder / "møde.json"
        source.write_bytes(file_bytes(data, True, False, "none"))
        result = run("--db", archive, "load", source)
        if result.status:
            check_refused(result, source)
            assert archive.read_bytes() == original.read_bytes()
        else:
            check_round_trip(folder, archive, int(result.out))


# --- file names -----------------------------------------------------------------------------

# Windows' reserved device names, as Python 3.13's ntpath.isreserved reads them: a name is the
# device when the part before its first dot, blanks at its end removed, is one of these.
DEVICES = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{port}{n}" for port in ("COM", "LPT") for n in "0123456789\u00b9\u00b2\u00b3"
}
NOT_IN_NAMES = set('<>:"/\\|?*') | {chr(c) for c in range(32)}


def windows_problem(name: str) -> str:
    """Why Windows (or Linux) would not take `name` as one file in a folder; "" when it would."""
    if not name or name in (".", ".."):
        return "empty"
    if name[-1] in ". ":
        return "ends in a dot or a blank"
    if NOT_IN_NAMES & set(name):
        return "a character Windows refuses, or a folder separator"
    if name.partition(".")[0].rstrip(" ").upper() in DEVICES:
        return "a device name"
    return ""


HOSTILE_NAMES = [
    "..\\..\\x",
    "../../x",
    "/tmp/ABS",
    "C:\\Windows\\x.exe",
    "CON",
    "con.txt",
    "nul.txt",
    "NUL .txt",
    "COM1",
    "LPT9.pdf",
    "COM\u00b9",
    "CONIN$",
    "a" * 300,
    "a" * 300 + ".pdf",
    "CON" + " " * 200 + "x",
    "\u202eFDP.exe",
    "...",
    ".",
    "..",
    "",
    " ",
    "_ x",
    "æøå Bilag 1.pdf",
    "\U0001f600" * 200,
    "名前" * 100 + ".docx",
    "x\x00y",
    "tab\there",
    "\ufeff\u200b",
]
name_texts = st.one_of(
    st.sampled_from(HOSTILE_NAMES),
    st.text(max_size=300),
    st.text(st.sampled_from(list(" ._-/\\:CONULPRAUXM1¹$\u202e\u200bæ😀a")), max_size=30),
    st.tuples(st.sampled_from(sorted(DEVICES)), st.text(" ._x", max_size=5)).map("".join),
)


@settings(max_examples=1_000, deadline=None)
@given(name=name_texts)
@example(name=":\xa00")  # found by CI: a no-break space in front stayed, then went
@example(name=" \xa0_x. \xa0")
def test_a_safe_file_name_is_one_file_name_anywhere(name: str) -> None:
    safe = safe_file_name(name)
    assert windows_problem(safe) == "", (name, safe)
    assert 0 < len(safe) <= MAX_FILE_NAME
    assert safe_file_name(safe) == safe  # idempotent: cleaning twice changes nothing more
    assert all(not ("\u200b" <= c <= "\u200f" or "\u202a" <= c <= "\u202e") for c in safe)


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_safe_file_name_stays_in_its_folder(tmp_path: Path, name: str) -> None:
    """Written into a folder, the file is in that folder, under the name given, on this system
    too (Linux counts bytes: at most 255 in a name)."""
    folder = tmp_path / "bilag"
    folder.mkdir()
    path = folder / f"{safe_file_name(name)}.bin"
    path.write_bytes(b"x")
    assert path.resolve().parent == folder.resolve()
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [path.name]
