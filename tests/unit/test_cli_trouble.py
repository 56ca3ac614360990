"""The command line under trouble (issue 10): another writer holding the archive, a database
error in the middle of a command."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from cli_support import Cli

from secretary_app.store.demo import reference_meeting_json
from secretary_app.store.errors import store_error


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(tmp_path / "arkiv" / "arkiv.db", capsys)


# --- a second writer (issue 10, point 7) -----------------------------------------------------


def test_load_waits_for_another_writer_instead_of_failing(cli: Cli, tmp_path: Path) -> None:
    """Another program holds the write lock for a second: `load` waits for it (the busy
    timeout), then adds the meeting; before, it failed at once with a traceback."""
    import subprocess
    import sys
    import time

    cli.ok("demo")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time; db = sqlite3.connect(sys.argv[1], isolation_level=None);"
            " db.execute('BEGIN IMMEDIATE'); print('held', flush=True); time.sleep(1.5);"
            " db.execute('COMMIT')",
            str(cli.archive),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    source = tmp_path / "møde.json"
    source.write_text(json.dumps(reference_meeting_json(), ensure_ascii=False), encoding="utf-8")
    started = time.monotonic()
    result = cli("load", source)
    waited = time.monotonic() - started
    holder.wait(timeout=10)
    assert (result.status, result.err) == (0, ""), result
    assert waited > 0.5


def test_a_database_error_is_one_danish_line(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import secretary_app.cli as cli_module

    def locked(*_args: object) -> int:
        raise store_error(sqlite3.OperationalError("database is locked"))

    monkeypatch.setattr(cli_module, "load_meeting_file", locked)
    source = tmp_path / "møde.json"
    source.write_text(json.dumps(reference_meeting_json(), ensure_ascii=False), encoding="utf-8")
    result = cli("load", source)
    assert result.status == 2
    assert result.err_lines == [
        "secretary-app: arkivet: filen er låst af et andet program; intet blev ændret"
    ]


# --- the exchange format exactly as documented (issue 10, point 12) ---------------------------


def test_a_file_with_a_byte_order_mark_loads(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "powershell.json"
    text = json.dumps(reference_meeting_json(), ensure_ascii=False)
    source.write_bytes("\ufeff".encode() + text.encode("utf-8"))
    assert cli.load(source) > 0


def test_a_key_given_twice_is_refused_naming_it(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "dobbelt.json"
    text = json.dumps(reference_meeting_json(), ensure_ascii=False)
    source.write_text(text.replace('"title": "Eventuelt"', '"title": "A", "title": "B"', 1))
    result = cli("load", source)
    assert result.status == 2
    assert result.err_lines == [
        f"secretary-app: {source}: items[1].title: står to gange i samme objekt"
    ]
