"""The window's one undo stack over the archive, and what every edit shares: undo and redo, the
message when a write fails, and the typed edits that wait while another program holds the
archive.

The edits of each area (ui.meeting_edits, ui.item_edits, ui.attachment_edits) push their
commands here. A waiting edit is written again through the handler its area registered for its
kind ("item", "meeting"): the session knows nothing of items or meetings.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QUndoStack

from secretary_app.core.messages import os_error_reason
from secretary_app.store.archive import Archive
from secretary_app.store.errors import ArchiveBusy, DiskFull, StoreError

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoCommand

    from secretary_app.ui.commands import StoreCommand

# Typing is committed this long after its first keystroke, also while the user types on: a crash
# loses at most this much of what was typed (docs/reliability.md).
COMMIT_DELAY_MS = 500
WINDOW_BUSY_TIMEOUT_MS = 1000  # the window waits this long for another program's write lock
BUSY_RETRY_MS = 2000  # then asks again this often, without waiting

WaitingKey = tuple[str, int, str]  # kind ("item", "meeting"), its id, the field
Replay = Callable[[int, str, Any], None]  # writes a waiting edit: id, field, value


class EditSession(QObject):
    failed = Signal(str)
    archiveBusy = Signal(bool)  # another program holds the archive: typed edits wait, or not
    flushRequested = Signal()  # commit what is typed but not yet committed, before a change

    def __init__(self, archive: Archive, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.undo_stack = QUndoStack(self)
        # Opens the meeting an undo or redo is about to change; the meeting edits set it.
        self.show_meeting: Callable[[int], None] = lambda _meeting_id: None
        self._waiting: dict[WaitingKey, Any] = {}  # typed, kept while busy
        self._replays: dict[str, Replay] = {}
        self._retry = QTimer(self, interval=BUSY_RETRY_MS)
        self._retry.timeout.connect(self.save_waiting)
        archive.db.set_busy_timeout(WINDOW_BUSY_TIMEOUT_MS)

    # Pushing, undoing, redoing

    def push(self, command: QUndoCommand) -> None:
        self.undo_stack.push(command)

    @contextlib.contextmanager
    def macro(self, name: str) -> Iterator[None]:
        """The commands pushed inside are one undo step, named `name`."""
        self.undo_stack.beginMacro(name)
        try:
            yield
        finally:
            self.undo_stack.endMacro()

    def undo(self) -> None:
        self.flushRequested.emit()
        with busy():
            self.undo_stack.undo()

    def redo(self) -> None:
        self.flushRequested.emit()
        with busy():
            self.undo_stack.redo()

    # Another program holding the archive

    def on_replay(self, kind: str, replay: Replay) -> None:
        """`replay` writes the waiting edits of `kind` once the archive is free."""
        self._replays[kind] = replay

    def wait_behind(self, key: WaitingKey, value: Any) -> bool:
        """While edits wait, this one waits behind them (True); else it may be written now."""
        if self._waiting:
            self._waiting[key] = value
        return bool(self._waiting)

    def command_failed(self, command: StoreCommand, error: Exception) -> None:
        """A typed edit that failed because the archive is busy waits and is tried again,
        with one message for the whole wait; any other failure is reported."""
        retry = command.retry_later() if isinstance(error, ArchiveBusy) else None
        if retry is None:
            self.report_failure(command.text(), error)
            return
        key, value = retry
        if not self._waiting:
            self._retry.start()
            self.archiveBusy.emit(True)
        self._waiting.setdefault(key, value)

    def has_waiting_edits(self) -> bool:
        return bool(self._waiting)

    def save_waiting(self) -> None:
        """Write the edits that waited, once the archive is free (asked without waiting)."""
        if not self._waiting or not self.archive.db.write_lock_free():
            return
        waiting, self._waiting = self._waiting, {}
        self._retry.stop()
        for (kind, owner, field), value in waiting.items():
            self._replays[kind](owner, field, value)
        if not self._waiting:
            self.archiveBusy.emit(False)

    # Messages

    def report_failure(self, action: str, error: Exception, path: Path | None = None) -> None:
        where = f" ({path})" if path else ""
        message = self.tr("%1 failed%2: %3. Nothing was changed.")
        reason = self._in_words(error)
        self.failed.emit(message.replace("%1", action).replace("%2", where).replace("%3", reason))

    def _in_words(self, error: Exception) -> str:
        if isinstance(error, DiskFull):
            return self.tr("the disk is full")
        if isinstance(error, StoreError):
            return error.reason  # SQLite's "database is locked" as the store says it
        if isinstance(error, OSError):
            return os_error_reason(error)
        return str(error)


@contextlib.contextmanager
def busy() -> Iterator[None]:
    """The wait cursor while an edit that may take a while is written."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
