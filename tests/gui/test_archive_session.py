"""The window's care of its archive file (issue 10): one writer (a second window reads only,
naming who holds the archive), the daily backup in the background, a damaged archive offered
its newest good backup, and Restore from a backup in the window."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from gui_support import choose_row

from secretary_app.core.model import Committee, Item, Meeting
from secretary_app.store.archive import Archive, ArchiveError
from secretary_app.store.backups import folder_of, list_backups, take_backup
from secretary_app.store.session_lock import lock_path
from secretary_app.ui.archive_session import ArchiveSession
from secretary_app.ui.restore_dialog import RestoreDialog


def committee_names(path: Path) -> list[str]:
    archive = Archive.open(path)
    try:
        return [c.name for c in archive.committees.all()]
    finally:
        archive.close()


@pytest.fixture
def session(archive_path):
    session = ArchiveSession(archive_path)
    assert session.claim() is None
    yield session
    session.release()


def test_a_second_window_reads_only_and_names_who_holds_the_archive(
    qtbot, open_window, archive, archive_path, session, prompts, meeting
):
    second = ArchiveSession(archive_path)
    holder = second.claim()
    assert holder is not None and not second.lock.held
    reader = Archive.open(archive_path, read_only=True)
    try:
        window = open_window(reader)
        window.set_read_only(holder.describe())
        window.check_archive(second)
        assert "(read-only)" in window.windowTitle()
        assert holder.describe() in window.read_only_label.text()
        assert "opened read-only here" in prompts.information[0]
        for action in (
            window.new_committee_action,
            window.new_meeting_action,
            window.new_item_action,
            window.restore_action,
            window.record_actions.approve_action,
        ):
            assert not action.isEnabled()
        window.open_meeting(meeting.id)
        choose_row(qtbot, window, 0)
        assert window.item_editor.title.isReadOnly()  # read, selected and copied, not changed
        assert not window.meeting_panel.add_button.isEnabled()
        actions = window.meeting_actions  # nothing can be recorded (found by a walkthrough)
        assert actions.locked and not actions.item_records.absence_button.isEnabled()
        assert not actions.ended_action.isEnabled() and not actions.attendance_action.isEnabled()
        actions.enter()
        assert actions.view.decision.text_edit.isReadOnly()
        assert not any(button.isEnabled() for button in actions.view.phrase_buttons)
        actions.leave()
        assert list(folder_of(archive_path).glob("*")) == []  # a reader takes no backup
    finally:
        reader.close()
        second.release()
    assert lock_path(archive_path).exists()  # still the first window's


def test_the_days_backup_is_taken_in_the_background_once(qtbot, window, session, archive_path):
    window.check_archive(session)
    qtbot.waitUntil(lambda: "Backup taken" in window.statusBar().currentMessage(), timeout=5000)
    session.wait_for_backup()  # the message comes before the backup's thread has ended
    [backup] = list_backups(archive_path)
    assert backup.kind == "automatic"
    assert not session.back_up_when_due()  # the next is due tomorrow
    assert session.back_up_when_due(dt.datetime.now() + dt.timedelta(days=1, minutes=1))
    session.release()  # waits for the backup that runs
    [newest] = list_backups(archive_path)  # the rotation keeps the newest of a day
    assert newest.sequence == 2


def test_a_failed_backup_is_said_in_the_status_bar(qtbot, window, session, monkeypatch):
    from secretary_app.store.backups import BackupError
    from secretary_app.ui import archive_session

    def full(_path):
        raise BackupError("Sikkerhedskopien kan ikke tages: disken er fuld")

    monkeypatch.setattr(archive_session, "take_backup", full)
    window.check_archive(session)
    qtbot.waitUntil(lambda: "disken er fuld" in window.statusBar().currentMessage(), timeout=5000)
    assert "could not be taken" in window.statusBar().currentMessage()


def test_a_damaged_archive_is_offered_its_newest_good_backup(
    qtbot, window, archive, archive_path, session, prompts, monkeypatch
):
    archive.committees.add(Committee("Økonomiudvalget"))
    take_backup(archive_path)
    archive.committees.add(Committee("Efter kopien"))

    def damaged():
        raise ArchiveError("Arkivet er beskadiget (PRAGMA quick_check: …)")

    monkeypatch.setattr(archive, "quick_check", damaged)
    prompts.answer = True
    window.check_archive(session)
    assert "Restore the newest good backup" in prompts.questions[0]
    assert window.reopen_requested and not window.isVisible()
    assert committee_names(archive_path) == ["Økonomiudvalget"]  # what the program opens next


def test_a_damaged_archive_without_a_backup_is_only_read(
    qtbot, window, archive, session, prompts, monkeypatch
):
    def damaged():
        raise ArchiveError("Arkivet er beskadiget; der er ingen sikkerhedskopi af det")

    monkeypatch.setattr(archive, "quick_check", damaged)
    prompts.expect_errors(1)
    window.check_archive(session)
    assert prompts.errors == ["Arkivet er beskadiget; der er ingen sikkerhedskopi af det"]
    assert window.read_only and not window.new_meeting_action.isEnabled()


def test_restore_in_the_window_shows_each_backup_and_what_it_holds(
    qtbot, window, archive, archive_path, prompts, monkeypatch
):
    committee = archive.committees.add(Committee("Økonomiudvalget"))
    archive.meetings.create(Meeting(committee.id, dt.date(2025, 3, 4)), [Item(0, "Punkt")])
    take_backup(archive_path, dt.datetime(2025, 3, 5, 8, 0))
    archive.committees.add(Committee("Senere udvalg"))
    shown = {}

    def choose_first(dialog: RestoreDialog) -> int:
        shown["rows"] = dialog.model.rowCount()
        shown["kind"] = dialog.model.index(0, 1).data()
        shown["when"] = dialog.model.index(0, 0).data()
        shown["contents"] = dialog.contents.text()
        return 1

    monkeypatch.setattr(RestoreDialog, "exec", choose_first)
    prompts.answer = True
    window.restore_from_backup()
    assert shown["rows"] == 1 and shown["kind"] == "automatisk"
    assert shown["when"] == "5. marts 2025 kl. 08.00"
    assert shown["contents"].startswith(
        "1 committees, 1 meetings (0 approved); the newest meeting 4. marts 2025."
    )
    assert "5. marts 2025" in prompts.questions[0]
    assert window.reopen_requested
    assert committee_names(archive_path) == ["Økonomiudvalget"]
    kinds = sorted(b.kind for b in list_backups(archive_path))
    assert kinds == ["automatic", "restore"]  # what it held before: kept


def test_the_restore_dialog_without_backups_restores_nothing(qtbot):
    dialog = RestoreDialog([])
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled()
    assert dialog.contents.text() == "There are no backups yet."


def test_a_window_whose_lock_was_taken_over_reads_only(qtbot, window, prompts):
    prompts.expect_errors(1)
    window.lock_lost()
    assert window.read_only and "taken the archive over" in prompts.errors[0]


SECOND_START = """
import sys
from secretary_app.ui import prompts
prompts.show_information = lambda _parent, message: (print("INFO", message), sys.stdout.flush())
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from secretary_app import app

def build(archive):
    window = original(archive)
    def report():
        print("READ_ONLY", window.read_only, archive.read_only)
        QApplication.quit()
    QTimer.singleShot(1500, report)
    return window

original, app.build_window = app.build_window, build
app.run(sys.argv[1])
"""

FIRST_START = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from secretary_app import app

def build(archive):
    window = original(archive)
    QTimer.singleShot(int(sys.argv[2]), QApplication.quit)
    return window

original, app.build_window = app.build_window, build
sys.exit(app.run(sys.argv[1]))
"""


def test_two_starts_on_one_archive_one_writes_one_reads(tmp_path):
    path = tmp_path / "arkiv.sqlite3"
    Archive.open(path).close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"))
    first = subprocess.Popen(
        [sys.executable, "-c", FIRST_START, str(path), "8000"], env=env, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 20
        while not lock_path(path).exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert lock_path(path).exists()
        second = subprocess.run(
            [sys.executable, "-c", SECOND_START, str(path)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode == 0, second.stderr
        lines = second.stdout.splitlines()
        assert "READ_ONLY True True" in lines
        assert any(line.startswith("INFO") and "skrivebeskyttet" in line for line in lines)
    finally:
        first.wait(timeout=60)
    assert first.returncode == 0
    assert not lock_path(path).exists()  # given back at the end
    assert Path(path).exists()
