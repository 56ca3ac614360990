"""One window writes an archive at a time (issue 10, "One writer"): the lock file beside the
archive, who holds it, and a crashed program's lock taken over."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from secretary_app.store import session_lock
from secretary_app.store.session_lock import (
    STALE_AFTER,
    Holder,
    SessionLock,
    computer_name,
    lock_path,
    read_holder,
)

NOW = dt.datetime(2026, 12, 6, 9, 15)


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    return tmp_path / "arkiv.sqlite3"


def write_lock(archive_path: Path, **fields: object) -> None:
    data = {
        "user": "Anne Hansen",
        "computer": "PC-0417",
        "pid": 4242,
        "since": NOW.isoformat(),
        "renewed": NOW.isoformat(),
        "token": "andet",
    }
    data.update(fields)
    lock_path(archive_path).write_text(json.dumps(data), encoding="utf-8")


def test_the_first_window_takes_the_lock_and_names_itself(archive_path):
    lock = SessionLock(archive_path)
    assert lock.acquire(NOW) is None and lock.held
    holder = read_holder(lock_path(archive_path))
    assert holder is not None
    assert (holder.computer, holder.pid, holder.since) == (computer_name(), os.getpid(), NOW)
    assert lock_path(archive_path).name == "arkiv.sqlite3-lock"


def test_a_second_window_is_told_who_holds_the_archive(archive_path):
    first, second = SessionLock(archive_path), SessionLock(archive_path)
    assert first.acquire(NOW) is None
    holder = second.acquire(NOW + dt.timedelta(minutes=1))
    assert holder is not None and not second.held
    assert holder.token == first.token
    first.release()
    assert not lock_path(archive_path).exists()
    assert second.acquire(NOW + dt.timedelta(minutes=2)) is None


def test_a_lock_of_another_computer_holds_while_it_is_renewed(archive_path):
    write_lock(archive_path, renewed=(NOW - STALE_AFTER + dt.timedelta(seconds=30)).isoformat())
    holder = SessionLock(archive_path).acquire(NOW)
    assert holder is not None
    assert holder.describe() == "Anne Hansen på PC-0417 siden 6.12. kl. 09.15"


def test_a_lock_not_renewed_for_five_minutes_is_taken_over(archive_path):
    write_lock(archive_path, renewed=(NOW - STALE_AFTER - dt.timedelta(seconds=1)).isoformat())
    lock = SessionLock(archive_path)
    assert lock.acquire(NOW) is None and lock.held
    assert lock.taken_over is not None and lock.taken_over.computer == "PC-0417"
    assert read_holder(lock_path(archive_path)).token == lock.token


def test_a_lock_of_a_process_that_ended_on_this_computer_is_taken_over(archive_path):
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    write_lock(archive_path, computer=computer_name(), pid=int(ended.stdout))
    lock = SessionLock(archive_path)
    assert lock.acquire(NOW) is None
    assert lock.taken_over is not None


def test_a_lock_of_a_running_process_on_this_computer_holds(archive_path):
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        write_lock(archive_path, computer=computer_name(), pid=running.pid)
        assert SessionLock(archive_path).acquire(NOW) is not None
    finally:
        running.kill()
        running.wait()


@pytest.mark.parametrize("content", ["", "{", '{"user": "x"}', "\x00\x01"])
def test_a_broken_lock_file_is_taken_over(archive_path, content):
    lock_path(archive_path).write_text(content, encoding="utf-8")
    lock = SessionLock(archive_path)
    assert lock.acquire(NOW) is None and lock.held


def test_renewing_moves_the_time_and_keeps_the_start(archive_path):
    lock = SessionLock(archive_path)
    lock.acquire(NOW)
    assert lock.renew(NOW + dt.timedelta(minutes=1))
    holder = read_holder(lock_path(archive_path))
    assert (holder.since, holder.renewed) == (NOW, NOW + dt.timedelta(minutes=1))


def test_a_lock_taken_over_meanwhile_is_not_written_over(archive_path):
    """This PC slept for an hour; another took the archive over: this one lets it be."""
    lock = SessionLock(archive_path)
    lock.acquire(NOW)
    later = NOW + dt.timedelta(hours=1)
    other = SessionLock(archive_path)
    assert other.acquire(later) is None  # ours was stale by then
    assert not lock.renew(later) and not lock.held
    lock.release()
    assert read_holder(lock_path(archive_path)).token == other.token


def test_a_lock_that_cannot_be_written_is_not_held_and_names_nobody(archive_path, monkeypatch):
    def refused(*_args, **_kwargs):
        raise PermissionError("read-only share")

    monkeypatch.setattr(session_lock.os, "open", refused)
    lock = SessionLock(archive_path)
    assert lock.acquire(NOW) is None and not lock.held


def test_the_holder_without_names_is_described_still():
    holder = Holder("", "", 1, NOW, NOW)
    assert holder.describe() == "en ukendt bruger på en ukendt computer siden 6.12. kl. 09.15"
