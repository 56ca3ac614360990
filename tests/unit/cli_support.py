"""Running the command line in the test's process: `Cli(archive, capsys)("meetings")`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from secretary_app.cli import main


@dataclass
class Result:
    status: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


class Cli:
    """`secretary-app --db ARCHIVE …`, run in this process; output captured by capsys."""

    def __init__(self, archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.archive = archive
        self._capsys = capsys

    def __call__(self, *args: str | Path) -> Result:
        status = main(["--db", str(self.archive), *map(str, args)])
        out, err = self._capsys.readouterr()
        return Result(status, out, err)

    def ok(self, *args: str | Path) -> str:
        """Run a command that must work; its output."""
        result = self(*args)
        assert (result.status, result.err) == (0, ""), result
        return result.out

    def load(self, path: Path) -> int:
        return int(self.ok("load", path))

    def dump(self, meeting_id: int, target: Path) -> bytes:
        self.ok("dump", str(meeting_id), "-o", target)
        return target.read_bytes()
