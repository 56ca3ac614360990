"""One window writes an archive at a time: a small lock file beside the archive names who holds
it (user, computer, since when), and the window that holds it renews it every minute.

A second window on the same archive (a second start, or another PC on a network share) finds
the file and opens the archive read-only, naming the holder. A lock left by a program that
crashed is taken over: on the same computer when its process is gone, from anywhere when it
was not renewed for `STALE_AFTER`. The command line does not take the lock: its writes are
short, and SQLite makes them wait for each other (store.database).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from secretary_app.store.approvals import current_user

LOCK_SUFFIX = "-lock"  # beside "arkiv.sqlite3": "arkiv.sqlite3-lock", one of the archive's files
RENEW_EVERY = dt.timedelta(minutes=1)
STALE_AFTER = dt.timedelta(minutes=5)


@dataclass(frozen=True)
class Holder:
    """Who holds an archive's lock."""

    user: str
    computer: str
    pid: int
    since: dt.datetime
    renewed: dt.datetime
    token: str = ""

    def describe(self) -> str:
        """ "Anne Hansen på PC-0417 siden 6.12. kl. 09.15", for a message in Danish."""
        since = f"{self.since.day}.{self.since.month}. kl. {self.since:%H.%M}"
        user, computer = self.user or "en ukendt bruger", self.computer or "en ukendt computer"
        return f"{user} på {computer} siden {since}"


def computer_name() -> str:
    """This computer's name (not through the socket module: it costs the window's start)."""
    if sys.platform == "win32":
        return os.environ.get("COMPUTERNAME", "")
    return os.uname().nodename


def lock_path(archive_path: Path) -> Path:
    return archive_path.with_name(archive_path.name + LOCK_SUFFIX)


class SessionLock:
    """This program's claim on an archive, held from `acquire` until `release`."""

    def __init__(self, archive_path: Path) -> None:
        self.path = lock_path(archive_path)
        self.token = os.urandom(16).hex()
        self.held = False
        self.taken_over: Holder | None = None  # the crashed program's lock this one took

    def acquire(self, now: dt.datetime | None = None) -> Holder | None:
        """Take the lock; None when this program holds it now, else who does. A lock that
        cannot be written (a read-only folder) is not held, and nobody is named."""
        now = now or dt.datetime.now()
        mine = self._holder(now, now)
        try:
            _create_exclusively(self.path, mine)
        except FileExistsError:
            other = read_holder(self.path)
            if other is not None and not is_stale(other, now):
                return other
            self._write(mine)
            if (read_holder(self.path) or mine).token != self.token:  # another took it first
                return read_holder(self.path)
            self.taken_over = other
        except OSError:
            return None
        self.held = True
        return None

    def renew(self, now: dt.datetime | None = None) -> bool:
        """Say this program is still there; False when the lock is no longer this program's
        (another took it over after a long sleep of this PC), then it is not written."""
        if not self.held:
            return False
        now = now or dt.datetime.now()
        current = read_holder(self.path)
        if current is None or current.token != self.token:
            self.held = False
            return False
        with contextlib.suppress(OSError):  # the next renewal tries again; the file is there
            self._write(self._holder(current.since, now))
        return True

    def release(self) -> None:
        if self.held:
            current = read_holder(self.path)
            if current is not None and current.token == self.token:
                self.path.unlink(missing_ok=True)
            self.held = False

    def _holder(self, since: dt.datetime, renewed: dt.datetime) -> Holder:
        return Holder(current_user(), computer_name(), os.getpid(), since, renewed, self.token)

    def _write(self, holder: Holder) -> None:
        temporary = self.path.with_name(f"{self.path.name}.{self.token}.tmp")
        temporary.write_text(_as_text(holder), encoding="utf-8")
        os.replace(temporary, self.path)


def read_holder(path: Path) -> Holder | None:
    """The holder the lock file names; None when there is none, or it cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Holder(
            user=str(data["user"]),
            computer=str(data["computer"]),
            pid=int(data["pid"]),
            since=dt.datetime.fromisoformat(data["since"]),
            renewed=dt.datetime.fromisoformat(data["renewed"]),
            token=str(data["token"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def is_stale(holder: Holder, now: dt.datetime) -> bool:
    """Left by a program that is gone: on this computer its process has ended; anywhere, it
    was not renewed for STALE_AFTER (a crash, a PC switched off)."""
    if now - holder.renewed > STALE_AFTER:
        return True
    return holder.computer == computer_name() and not process_is_running(holder.pid)


def process_is_running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _windows_process_is_running(pid)
    try:
        os.kill(pid, 0)  # signal 0: asks, sends nothing (on POSIX only)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _windows_process_is_running(pid: int) -> bool:
    import ctypes

    synchronize, still_active = 0x00100000 | 0x1000, 259  # and PROCESS_QUERY_LIMITED_INFORMATION
    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    handle = kernel.OpenProcess(synchronize, False, pid)
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == still_active
    finally:
        kernel.CloseHandle(handle)


def _create_exclusively(path: Path, holder: Holder) -> None:
    descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(_as_text(holder))


def _as_text(holder: Holder) -> str:
    return json.dumps(
        {
            "user": holder.user,
            "computer": holder.computer,
            "pid": holder.pid,
            "since": holder.since.isoformat(timespec="seconds"),
            "renewed": holder.renewed.isoformat(timespec="seconds"),
            "token": holder.token,
        },
        ensure_ascii=False,
    )
