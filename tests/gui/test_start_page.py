"""An empty archive shows where to begin (issue 11, point 1): create a committee, open the
example, load a meeting file; File → Load meeting and a dropped .json file do what `load` does,
with the same messages."""

from __future__ import annotations

import json
import sqlite3

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from secretary_app.store.demo import reference_meeting_json


def content(path):
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


def meeting_file(tmp_path, name="møde.json", **changes):
    data = reference_meeting_json()
    data.update(changes)
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_an_empty_archive_shows_the_start_page_with_the_archives_place(window, archive_path):
    assert window.pages.currentWidget() is window.start_page
    assert str(archive_path) in window.start_page.where.text()
    texts = [button.text() for button in window.start_page.buttons]
    assert texts == ["&Create a committee…", "Open the e&xample", "&Load a meeting from a file…"]
    assert not window.new_meeting_action.isEnabled()  # no committee to hold it


def test_open_the_example_shows_the_reference_meeting(window, archive):
    window.start_page.buttons[1].click()

    assert window.pages.currentWidget() is window.panes
    assert window.meetings.meeting is not None
    assert window.meetings.meeting.date.isoformat() == "2017-06-27"
    assert window.agenda_model.rowCount() > 0
    window.start_page.buttons[1].click()  # the example is added once
    assert len(archive.meetings.summaries()) == 1


def test_create_a_committee_from_the_start_page(window, dialogs, archive):
    dialogs.committee("Økonomiudvalget")
    window.start_page.buttons[0].click()

    assert [c.name for c in archive.committees.all()] == ["Økonomiudvalget"]
    assert window.pages.currentWidget() is window.panes
    assert window.new_meeting_action.isEnabled()


def test_load_a_meeting_file_from_the_file_menu(window, prompts, tmp_path, archive):
    prompts.meeting_files = [meeting_file(tmp_path)]
    window.load_meeting_action.trigger()

    assert not prompts.errors
    assert window.meetings.meeting is not None
    assert window.meetings.meeting.date.isoformat() == "2017-06-27"
    assert window.pages.currentWidget() is window.panes


def test_a_bad_file_gets_the_command_lines_message_and_changes_nothing(
    window, prompts, tmp_path, archive_path
):
    bad = meeting_file(tmp_path, "forkert.json", version=99)
    broken = tmp_path / "brudt.json"
    broken.write_text("{", encoding="utf-8")
    before = content(archive_path)
    prompts.meeting_files = [bad, broken]
    prompts.expect_errors()
    window.load_meeting_action.trigger()

    (message,) = prompts.errors
    lines = message.splitlines()
    assert lines[0].startswith(f"{bad}: version") and lines[1].startswith(f"{broken}: er ikke")
    assert content(archive_path) == before
    assert window.pages.currentWidget() is window.start_page


def drop(window, urls):
    mime = QMimeData()
    mime.setUrls(urls)
    point = QPoint(window.width() // 2, window.height() // 2)
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    QApplication.sendEvent(window, QDropEvent(point, Qt.DropAction.CopyAction, mime, buttons, keys))
    return True


def test_a_dropped_meeting_file_is_loaded(window, tmp_path):
    path = meeting_file(tmp_path)
    assert drop(window, [QUrl.fromLocalFile(str(path))])
    assert window.meetings.meeting is not None
    assert window.meetings.meeting.date.isoformat() == "2017-06-27"


def test_other_files_are_not_taken(window, tmp_path):
    other = tmp_path / "referat.docx"
    other.write_bytes(b"PK")
    assert not drop(window, [QUrl.fromLocalFile(str(other))])
    assert not drop(window, [QUrl("https://example.org/m.json")])


def test_a_read_only_window_loads_nothing(window, prompts, tmp_path):
    window.set_read_only("Anne på PC-7 siden kl. 9.02")
    assert not window.load_meeting_action.isEnabled()
    assert not any(button.isEnabled() for button in window.start_page.buttons)
    assert not drop(window, [QUrl.fromLocalFile(str(meeting_file(tmp_path)))])


@pytest.mark.parametrize("size", [(1366, 768), (1280, 720)])
def test_the_start_page_fits(window, size):
    window.resize(*size)
    QApplication.processEvents()
    for button in window.start_page.buttons:
        assert button.isVisible()
        corner = button.mapTo(window, button.rect().bottomRight())
        assert window.rect().contains(corner)


def test_about_shows_the_version_and_opens_the_archives_folder(window, monkeypatch, archive_path):
    from PySide6.QtGui import QDesktopServices

    opened, texts = [], []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)

    def click_folder(box):
        texts.append(box.text())
        (folder,) = [b for b in box.buttons() if "folder" in b.text()]
        folder.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_folder)
    window.about()
    assert texts[0].startswith("Meeting secretary 0.") or "unknown" in texts[0]
    assert opened == [QUrl.fromLocalFile(str(archive_path.parent))]


def test_about_shows_the_licence_and_every_components_licence(window, monkeypatch):
    shown = []

    def read(box):
        shown.append((box.text(), box.detailedText()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", read)
    window.about()
    ((text, details),) = shown
    assert "\nLicence: " in text
    lines = details.splitlines()
    assert lines[0] == "The program is built with:"
    licences = dict(line.split(": ", 1) for line in lines[1:])
    names = {name.rsplit(" ", 1)[0] for name in licences}
    assert {"PySide6-Essentials", "python-docx", "docxtpl", "sqlite-utils", "Python"} <= names
    assert all(licence and licence != "licence not stated" for licence in licences.values())
    assert any("LGPL" in licence for licence in licences.values())  # Qt's, shipped with it
