"""Forks a fresh window's writer (crash_child.py) for each line on stdin, with the window's modules
imported once: a writer is ready in about 0.07 s instead of the 0.3 s of a new interpreter, which
keeps 200 kills within the test suite's time. Nothing Qt is created here before the fork.

In:  one JSON array a line: [ARCHIVE, SEED, JOURNAL, option, ...]
Out: "pid PID" once the writer is forked, "exit PID CODE" once it is gone (CODE -9: SIGKILL).
The writer's stdout goes to JOURNAL, its stderr to JOURNAL with the suffix .stderr.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path

import crash_child  # PySide6 and the window's modules, imported once for every fork


def serve() -> None:
    for line in sys.stdin:
        archive, seed, journal, *options = json.loads(line)
        pid = os.fork()
        if pid == 0:
            run_writer(Path(journal), [archive, seed, *options])
        print("pid", pid, flush=True)
        _pid, status = os.waitpid(pid, 0)
        print("exit", pid, os.waitstatus_to_exitcode(status), flush=True)


def run_writer(journal: Path, arguments: list[str]) -> None:
    """In the forked process: never returns into the server's loop."""
    code = 1
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
        os.dup2(os.open(journal, flags), 1)
        os.dup2(os.open(journal.with_suffix(".stderr"), flags), 2)
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        crash_child.main(arguments)
        code = 0
    except BaseException:
        traceback.print_exc()
        sys.stderr.flush()
    finally:
        os._exit(code)


if __name__ == "__main__":
    serve()
