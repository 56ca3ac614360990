"""Starting, watching and killing the window's writer (crash_child.py) in a process of its own."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import select
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crash_journal import read_journal

import secretary_app
from secretary_app.core.model import Committee, Item, Meeting
from secretary_app.store.archive import Archive

CHILD = Path(__file__).with_name("crash_child.py")
SERVER = Path(__file__).with_name("crash_forkserver.py")
PROJECT = Path(secretary_app.__file__).resolve().parents[1]
READY_TIMEOUT = 30.0
FIRST_ITEMS = ["Godkendelse af dagsorden", "Budget 2018", "Skolestruktur", "Eventuelt"]


def make_archive(path: Path) -> int:
    """A committee with one meeting of four items; the meeting's id."""
    archive = Archive.open(path)
    try:
        committee = archive.committees.add(Committee("Økonomiudvalget", default_location="Rådhus"))
        meeting = Meeting(committee.id or 0, dt.date(2017, 6, 27), dt.time(17), dt.time(19))
        items = [Item(meeting_id=0, title=title) for title in FIRST_ITEMS]
        return archive.meetings.create(meeting, items).id or 0
    finally:
        archive.close()


@dataclass
class Child:
    """A running writer: its journal, and a pidfd to signal it by (never a pid that may have
    been given to another process since)."""

    pid: int
    journal: Path
    exit_code: Callable[[], int]  # waits until the writer is gone
    pidfd: int = -1
    gone: bool = False

    def __post_init__(self) -> None:
        self.pidfd = os.pidfd_open(self.pid)

    def lines(self) -> list[list[Any]]:
        return read_journal(self.journal)

    def alive(self) -> bool:
        readable, _, _ = select.select([self.pidfd], [], [], 0)
        return not readable  # a pidfd turns readable when its process ends

    def wait_for(self, kind: str, timeout: float = READY_TIMEOUT) -> float:
        """Wait for the writer's first line of `kind`; the time it was written."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [line for line in self.lines() if line[0] == kind]
            if found:
                return float(found[0][1])
            if not self.alive():
                raise AssertionError(f"the writer ended before {kind!r}:\n{self.stderr()}")
            time.sleep(0.005)
        raise AssertionError(f"no {kind!r} from the writer in {timeout} s:\n{self.stderr()}")

    def kill(self) -> float:
        """SIGKILL: no cleanup, no atexit, no close. The moment it was sent."""
        moment = time.monotonic()
        with contextlib.suppress(ProcessLookupError):
            signal.pidfd_send_signal(self.pidfd, signal.SIGKILL)
        code = self._reap()
        assert code == -signal.SIGKILL, f"the writer ended by itself ({code}):\n{self.stderr()}"
        return moment

    def stop(self) -> None:
        """After a failure: kill the writer if it still runs, and wait for it."""
        if not self.gone:
            with contextlib.suppress(ProcessLookupError):
                signal.pidfd_send_signal(self.pidfd, signal.SIGKILL)
            self._reap()

    def _reap(self) -> int:
        code = self.exit_code()
        self.gone = True
        os.close(self.pidfd)
        return code

    def stderr(self) -> str:
        errors = self.journal.with_suffix(".stderr")
        return errors.read_text(encoding="utf-8", errors="replace")[-3000:]


def writer_environment() -> dict[str, str]:
    path = os.pathsep.join(filter(None, [str(PROJECT), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": path}


def start_child(archive: Path, seed: int, journal: Path, *options: str) -> Child:
    """A writer in a new interpreter."""
    with journal.open("wb") as out, journal.with_suffix(".stderr").open("wb") as err:
        process = subprocess.Popen(
            [sys.executable, str(CHILD), str(archive), str(seed), *options],
            stdout=out,
            stderr=err,
            env=writer_environment(),
        )
    return Child(process.pid, journal, lambda: process.wait(timeout=10))


class ForkServer:
    """Writers forked from one process that imported the window's modules (crash_forkserver.py)."""

    def __init__(self, errors: Path) -> None:
        with errors.open("wb") as err:
            self.process = subprocess.Popen(
                [sys.executable, str(SERVER)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=err,
                text=True,
                env=writer_environment(),
            )

    def start(self, archive: Path, seed: int, journal: Path, *options: str) -> Child:
        request = [str(archive), str(seed), str(journal), *options]
        journal.write_bytes(b"")  # there to be read before the writer opens it
        self._send(json.dumps(request))
        kind, pid = self._receive()
        assert kind == "pid", f"the fork server said {kind} {pid}"
        return Child(int(pid), journal, lambda: self._exit_code(int(pid)))

    def _exit_code(self, pid: int) -> int:
        kind, gone, code = self._receive()
        assert (kind, int(gone)) == ("exit", pid), f"the fork server said {kind} {gone}"
        return int(code)

    def _send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def _receive(self) -> list[str]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line, f"the fork server ended ({self.process.poll()})"
        return line.split()

    def close(self) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()


def table_rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted: to compare two database files."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as conn:
        names = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {name: sorted(conn.execute(f'SELECT * FROM "{name}"'), key=repr) for name in names}
