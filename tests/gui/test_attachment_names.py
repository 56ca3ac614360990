"""Opening an attachment whatever its name (issue 10, points 10 and "Proven by tests that try").

An attachment's title may come from an exchange file and its file name from any file on disk:
`..\\..\\x`, `../../x`, `/tmp/ABS`, `CON`, `nul.txt`, 300 characters, a right-to-left override,
only dots, nothing, Unicode. Added (through the store, as `load` adds them, or with "Add
attachment…") and opened in the window, the copy is written into a folder of its own in the
program's temporary folder and nowhere else, under a name Windows and Linux both take as one
file; nothing else is written anywhere; the folders go when the window closes.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from gui_support import attachment_rows, button
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QDesktopServices

from secretary_app.core.model import Attachment

CONTENT = b"%PDF-1.7 indhold"
HOSTILE_NAMES = [
    "..\\..\\x",
    "../../x",
    "/tmp/ABS",
    "C:\\Windows\\win.ini",
    "CON",
    "nul.txt",
    "NUL .txt",
    "COM\u00b9",
    "LPT1.pdf",
    "a" * 300,
    "a" * 300 + ".pdf",
    "\u202eFDP.exe",
    "...",
    ".",
    "",
    " ",
    "\U0001f600" * 200,
    "名前" * 100 + ".docx",
    "x\x00y",
    "Bilag\t1\n2",
    "æøå Bilag 1.pdf",
]
# Names a file on Linux may have, for "Add attachment…" (a name is at most 255 bytes).
FILE_NAMES = [
    "..\\..\\x",
    "CON",
    "nul.txt",
    "NUL .txt",
    "COM\u00b9",
    "\u202eFDP.exe",
    "...",
    " ",
    "a" * 200 + ".pdf",
    "名前" * 40 + ".docx",
    "æøå Bilag 1.pdf",
]
DEVICES = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{port}{n}" for port in ("COM", "LPT") for n in "0123456789\u00b9\u00b2\u00b3"
}


def one_file_name(name: str) -> bool:
    """Would Windows and Linux both take `name` as one file in a folder?"""
    return (
        bool(name)
        and name[-1] not in ". "
        and not set(name) & (set('<>:"/\\|?*') | {chr(c) for c in range(32)})
        and name.partition(".")[0].rstrip(" ").upper() not in DEVICES
        and len(name.encode()) <= 255
    )


@pytest.fixture
def temp_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The program's temporary folder, for this test alone."""
    root = tmp_path / "temp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files the window asks the system to open, instead of opening them."""
    files: list[Path] = []

    def open_url(url):  # noqa: ANN001, ANN202 - Qt's signature
        files.append(Path(url.toLocalFile()))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    return files


def everything(folder: Path) -> set[Path]:
    return set(folder.rglob("*"))


def open_first_attachment(window) -> None:
    table = window.item_editor.attachments
    table.setCurrentIndex(table.model().index(0, 0))
    button(window.item_editor, "Open").click()


def check_opened(opened: list[Path], temp_root: Path, before: set[Path], root: Path) -> Path:
    """One file, in a new folder of its own in the temporary folder, and nothing else new."""
    [path] = opened
    folder = path.parent
    assert folder.parent == temp_root and folder.name.startswith("moedesekretaer-bilag-")
    assert path.resolve().parent == folder.resolve() and path.read_bytes() == CONTENT
    assert one_file_name(path.name), path.name
    assert everything(root) - before == {folder, path}
    return path


def show_attachments(window, item_id: int) -> None:
    window.attachments.attachmentsChanged.emit(item_id)


@pytest.mark.parametrize("name", HOSTILE_NAMES)
@pytest.mark.parametrize("field", ["title", "filename"])
def test_an_attachment_of_any_name_opens_in_its_own_folder_and_nowhere_else(
    window, meeting, archive, temp_root, opened, tmp_path, name, field
):
    item_id = window.agenda_model.item_at(0).id
    names = {"title": "Bilag", "filename": "", field: name}
    archive.attachments.add(Attachment(item_id, names["title"], names["filename"]), CONTENT)
    show_attachments(window, item_id)
    before = everything(tmp_path)

    open_first_attachment(window)

    check_opened(opened, temp_root, before, tmp_path)
    window.close()
    assert list(temp_root.iterdir()) == []


@pytest.mark.parametrize("name", FILE_NAMES)
def test_a_file_of_any_name_added_and_opened_stays_in_its_folder(
    window, meeting, prompts, temp_root, opened, tmp_path, name
):
    source = tmp_path / "kilde" / name
    source.parent.mkdir()
    source.write_bytes(CONTENT)
    prompts.files = [source]
    button(window.item_editor, "Add attachment…").click()
    assert [filename for _title, _public, filename in attachment_rows(window)] == [name]
    before = everything(tmp_path)

    open_first_attachment(window)

    check_opened(opened, temp_root, before, tmp_path)
    assert source.read_bytes() == CONTENT


def test_an_absolute_title_writes_nothing_where_it_points(
    window, meeting, archive, temp_root, opened, tmp_path
):
    elsewhere = tmp_path / "andetsteds"
    elsewhere.mkdir()
    item_id = window.agenda_model.item_at(0).id
    archive.attachments.add(Attachment(item_id, str(elsewhere / "ESCAPED")), CONTENT)
    archive.attachments.add(Attachment(item_id, "../" * 12 + str(elsewhere / "X")[1:]), CONTENT)
    show_attachments(window, item_id)
    table = window.item_editor.attachments
    for row in range(2):
        table.setCurrentIndex(table.model().index(row, 0))
        button(window.item_editor, "Open").click()
    assert list(elsewhere.iterdir()) == []
    assert all(path.parent.parent == temp_root for path in opened)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(name=st.text(max_size=300) | st.sampled_from(HOSTILE_NAMES))
def test_any_title_opens_as_one_file_in_its_folder(
    window, meeting, archive, prompts, temp_root, opened, tmp_path, name
):
    item_id = window.agenda_model.item_at(0).id
    for attachment in archive.attachments.for_item(item_id):
        archive.attachments.delete(attachment.id or 0)
    archive.attachments.add(Attachment(item_id, name), CONTENT)
    show_attachments(window, item_id)
    before, opened[:] = everything(tmp_path), []

    open_first_attachment(window)

    errors, prompts.errors[:] = list(prompts.errors), []  # one example's, not all of them
    assert errors == []
    check_opened(opened, temp_root, before, tmp_path)
