"""The command line in a child process, under trouble a test cannot make in its own process: a
disk that fills up half-way through writing a file, a folder the program may not write in.

    run_child(archive, "dump", "1", "-o", out, full_disk=FullDisk("_write_atomically", 3000))

A full disk is `RLIMIT_FSIZE` with SIGXFSZ ignored: past the limit a write fails with EFBIG, as
it fails with ENOSPC on a full disk. It is set when the named function of `secretary_app.cli`
starts, so the archive is opened (and read) before the disk "fills". A read-only folder is a
folder without write permission; root, who may write anyway, runs without the capability that
lets it (CAP_DAC_OVERRIDE, dropped from the child's bounding set before it starts).
"""

from __future__ import annotations

import ctypes
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from cli_support import Result

REPO = Path(__file__).resolve().parents[2]
_PR_CAPBSET_DROP, _CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 24, 1, 2

_CHILD = """
import json, resource, signal, sys
import secretary_app.cli as cli

hook, limit, argv = json.loads(sys.argv[1])
if hook:
    inner = getattr(cli, hook)

    def limited(*args, **kwargs):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        return inner(*args, **kwargs)

    setattr(cli, hook, limited)
sys.exit(cli.main(argv))
"""

needs_file_size_limit = pytest.mark.skipif(
    sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX only"
)


@dataclass(frozen=True)
class FullDisk:
    """The disk fills up once `hook` (a function of secretary_app.cli) starts, after `room`
    more bytes of any one file."""

    hook: str
    room: int


def run_child(
    archive: Path, *args: str | Path, full_disk: FullDisk | None = None, read_only: bool = False
) -> Result:
    """`secretary-app --db ARCHIVE ARGS…` in a child process."""
    argv = ["--db", str(archive), *map(str, args)]
    hook, room = (full_disk.hook, full_disk.room) if full_disk else ("", 0)
    completed = subprocess.run(
        [sys.executable, "-c", _CHILD, json.dumps([hook, room, argv])],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        preexec_fn=_without_override if read_only else None,
    )
    return Result(completed.returncode, completed.stdout, completed.stderr)


def can_be_refused_writing() -> bool:
    """Does a folder without write permission stop the child (not root, or root that can drop
    its override)?"""
    if sys.platform == "win32":
        return False
    if os.geteuid() != 0:
        return True
    probe = subprocess.run([sys.executable, "-c", "pass"], preexec_fn=_without_override)
    return probe.returncode == 0


def _without_override() -> None:
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            os._exit(97)
