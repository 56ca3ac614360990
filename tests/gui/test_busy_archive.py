"""Another program holding the archive's write lock (DB Browser with unwritten changes, a long
`load`) while the secretary types (issue 10, point 7): one message for the whole wait, not a
dialog every half second, and nothing typed is lost."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from gui_support import choose_row

from secretary_app.store.errors import store_error
from secretary_app.ui import edit_session


@contextmanager
def write_lock_held(path: Path) -> Iterator[sqlite3.Connection]:
    """Another connection in a write transaction, as DB Browser keeps one until "Write"."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield other
    finally:
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()


def stored_title(disk, window, row: int) -> str:
    item_id = window.meetings.agenda_model.item_at(row).id
    return disk.items.get(item_id).title


def type_title(qtbot, window, text: str) -> None:
    title = window.item_editor.title
    title.selectAll()
    qtbot.keyClicks(title, text)
    window.item_editor.flush()


def test_typing_while_the_archive_is_busy_is_kept_and_saved_when_it_is_free(
    qtbot, window, meeting, disk, prompts, archive_path, monkeypatch
):
    monkeypatch.setattr(edit_session, "BUSY_RETRY_MS", 50)
    window.session._retry.setInterval(50)
    choose_row(qtbot, window, 1)
    before = stored_title(disk, window, 1)
    with write_lock_held(archive_path):
        started = time.monotonic()
        type_title(qtbot, window, "Budget")
        first_wait = time.monotonic() - started
        assert window.busy_label.isVisible()
        started = time.monotonic()
        for more in (" 2018", " - anden", " behandling"):  # typing on: no more waiting
            qtbot.keyClicks(window.item_editor.title, more)
            window.item_editor.flush()
        assert time.monotonic() - started < 0.5
        assert prompts.errors == []  # no dialog at all
        assert stored_title(disk, window, 1) == before
        assert window.session.has_waiting_edits()
    qtbot.waitUntil(lambda: stored_title(disk, window, 1) == "Budget 2018 - anden behandling")
    assert not window.busy_label.isVisible()
    assert "free again" in window.statusBar().currentMessage()
    assert not window.session.has_waiting_edits()
    assert first_wait < edit_session.WINDOW_BUSY_TIMEOUT_MS / 1000 + 1  # not 10 s frozen
    window.session.undo()  # the saved edit is an ordinary step to undo
    assert stored_title(disk, window, 1) == before


def test_the_meeting_panel_waits_too(qtbot, window, meeting, disk, prompts, archive_path):
    window.session._retry.setInterval(50)
    with write_lock_held(archive_path):
        window.meetings.edit_meeting_field("title", "Budgetmøde")
        window.meetings.edit_meeting_field("location", "Byrådssalen")
        assert prompts.errors == []
    qtbot.waitUntil(lambda: disk.meetings.get(meeting.id).location == "Byrådssalen")
    assert disk.meetings.get(meeting.id).title == "Budgetmøde"


def test_closing_while_edits_wait_asks_first(qtbot, window, meeting, disk, prompts, archive_path):
    choose_row(qtbot, window, 1)
    before = stored_title(disk, window, 1)
    with write_lock_held(archive_path):
        type_title(qtbot, window, "Ikke gemt endnu")
        prompts.answer = False
        assert not window.close()  # kept open: nothing lost
        assert prompts.questions and "not saved yet" in prompts.questions[-1]
        assert window.isVisible()
    window.session.save_waiting()
    assert stored_title(disk, window, 1) == "Ikke gemt endnu" != before
    assert window.close()


def test_another_failure_than_busy_is_still_reported(qtbot, window, meeting, prompts, monkeypatch):
    def full(*_args, **_kwargs):
        raise store_error(sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(window.archive.items, "update_field", full)
    prompts.expect_errors(1)
    choose_row(qtbot, window, 1)
    type_title(qtbot, window, "Fuld disk")
    assert "the disk is full" in prompts.errors[0]
    assert not window.busy_label.isVisible()
    assert not window.session.has_waiting_edits()
