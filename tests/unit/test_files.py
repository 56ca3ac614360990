"""core.files: every output is written whole or not at all (issue 10)."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from secretary_app.core import files
from secretary_app.core.files import IncompleteFile, replacing, write_atomically
from secretary_app.core.messages import os_error_reason

EARLIER = b"the earlier file\n"


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def fail(number: int):  # noqa: ANN201 - a stand-in for os functions of any signature
    def raising(*_args: object) -> None:
        raise OSError(number, "failed")

    return raising


def test_a_new_file(tmp_path: Path) -> None:
    write_atomically(tmp_path / "ud.json", b"{}\n")
    assert (tmp_path / "ud.json").read_bytes() == b"{}\n"
    assert names(tmp_path) == ["ud.json"]


def test_an_earlier_file_is_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "ud.json"
    target.write_bytes(EARLIER)
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new" and names(tmp_path) == ["ud.json"]


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_failure_at_any_step_keeps_the_earlier_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    target = tmp_path / "ud.json"
    target.write_bytes(EARLIER)
    monkeypatch.setattr(files.os, step, fail(errno.ENOSPC))
    with pytest.raises(OSError) as raised:
        write_atomically(target, b"new")
    assert os_error_reason(raised.value) == "disken er fuld"
    assert target.read_bytes() == EARLIER and names(tmp_path) == ["ud.json"]


def test_bytes_that_do_not_read_back_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Path, "read_bytes", lambda _path: b"ne")
    with pytest.raises(IncompleteFile) as raised:
        write_atomically(tmp_path / "ud.pdf", b"new")
    assert os_error_reason(raised.value) == "filen blev ikke skrevet færdig (er disken fuld?)"
    assert names(tmp_path) == []


def test_a_writer_that_wrote_nothing(tmp_path: Path) -> None:
    with pytest.raises(IncompleteFile), replacing(tmp_path / "kopi.sqlite3") as temporary:
        temporary.touch()
    assert names(tmp_path) == []


def test_an_error_in_the_writer_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(ValueError), replacing(tmp_path / "kopi.sqlite3") as temporary:
        temporary.write_bytes(b"half")
        raise ValueError
    assert names(tmp_path) == []


def test_a_folder_where_the_file_should_be(tmp_path: Path) -> None:
    (tmp_path / "ud.docx").mkdir()
    with pytest.raises(IsADirectoryError) as raised:
        write_atomically(tmp_path / "ud.docx", b"new")
    assert os_error_reason(raised.value) == "er en mappe, ikke en fil"
    assert names(tmp_path / "ud.docx") == []


def test_a_name_of_255_characters(tmp_path: Path) -> None:
    target = tmp_path / ("æ" * 60 + "x" * 130 + ".docx")
    write_atomically(target, b"new")
    assert names(tmp_path) == [target.name]


@pytest.mark.parametrize("number", [errno.ENOSPC, errno.EFBIG])
def test_a_full_disk_is_said_so(number: int) -> None:
    assert os_error_reason(OSError(number, "No space left on device")) == "disken er fuld"
