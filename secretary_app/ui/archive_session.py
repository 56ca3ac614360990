"""The window's care of its archive file, beside the editing: the one-writer lock, renewed while
the window is open; the automatic backup, taken in the background once a day; the quick check
after the first paint, offering the newest good backup when the archive is damaged.

The rules live in the store (store.session_lock, store.backups, store.restore); this is when
the window applies them.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from secretary_app.store.archive import Archive, ArchiveError
from secretary_app.store.backups import Backup, BackupError, backup_due, take_backup
from secretary_app.store.session_lock import RENEW_EVERY, Holder, SessionLock
from secretary_app.ui import prompts


class ArchiveSession(QObject):
    backupTaken = Signal(str)  # where
    backupFailed = Signal(str)  # why, in Danish
    lockLost = Signal()  # another program took the archive over (this PC slept a long time)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.lock = SessionLock(path)
        self._renewal = QTimer(self, interval=int(RENEW_EVERY.total_seconds() * 1000))
        self._renewal.timeout.connect(self._renew)
        self._backup: threading.Thread | None = None

    def claim(self) -> Holder | None:
        """Take the archive for this window; who holds it when another window does."""
        holder = self.lock.acquire()
        if self.lock.held:
            self._renewal.start()
        return holder

    def release(self) -> None:
        """At the end: the backup running finishes first, then the lock goes."""
        self._renewal.stop()
        self.wait_for_backup()
        self.lock.release()

    def wait_for_backup(self) -> None:
        """Until the backup running, if any, has finished (its thread too, not only the
        message that it was taken)."""
        if self._backup is not None:
            self._backup.join()

    def _renew(self) -> None:
        if not self.lock.renew():
            self._renewal.stop()
            self.lockLost.emit()

    # The automatic backup

    def back_up_when_due(self, now: dt.datetime | None = None) -> bool:
        """Start the day's backup in a thread of its own (it has its own connection, and the
        window goes on writing meanwhile); False when none is due or one is running."""
        running = self._backup is not None and self._backup.is_alive()
        if running or not backup_due(self.path, now or dt.datetime.now()):
            return False
        self._backup = threading.Thread(target=self._take_backup, name="backup")
        self._backup.start()
        return True

    def _take_backup(self) -> None:
        try:
            taken: Backup = take_backup(self.path)
        except BackupError as error:
            self.backupFailed.emit(str(error))  # queued to the window's thread
            return
        self.backupTaken.emit(str(taken.path))


def damage_found(archive: Archive) -> str:
    """The quick check, after the first paint: "" when the archive is whole, else the Danish
    line that says so and names the newest backup."""
    try:
        archive.quick_check()
    except ArchiveError as error:
        return str(error)
    return ""


def offer_newest_backup(parent: QWidget | None, path: Path, problem: str) -> bool:
    """The archive is damaged: offer to restore its newest good backup; True when restored."""
    from secretary_app.store.restore import newest_good_backup, restore_backup

    backup = newest_good_backup(path)
    if backup is None:
        return False
    question = QCoreApplication.translate(
        "ArchiveSession", "%1\n\nRestore the newest good backup, from %2, now?"
    )
    if not prompts.confirm(parent, question.replace("%1", problem).replace("%2", backup.when)):
        return False
    try:
        restore_backup(path, backup.path)
    except BackupError as error:
        prompts.show_error(parent, str(error))
        return False
    return True
