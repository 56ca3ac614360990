"""Composition root: builds the QApplication, opens the archive, wires the window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from secretary_app.store.archive import Archive, ArchiveError
from secretary_app.store.session_lock import Holder
from secretary_app.ui.archive_session import ArchiveSession, offer_newest_backup
from secretary_app.ui.first_paint import after_first_paint
from secretary_app.ui.i18n import install_translators
from secretary_app.ui.main_window import MainWindow
from secretary_app.ui.paths import log_file, set_application_names
from secretary_app.ui.unexpected import UnexpectedErrors, logger, start_log


def application() -> QApplication:
    set_application_names()
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication(sys.argv)


def build_window(archive: Archive) -> MainWindow:
    install_translators(application(), archive.settings.get("language"))
    return MainWindow(archive)


def run(path: Path | str) -> int:
    path = Path(path)
    app = application()
    UnexpectedErrors(log_file()).install()
    session = ArchiveSession(path)
    holder = session.claim()
    try:
        while True:  # again after a restore: the archive opened anew
            archive = _open_archive(path, read_only=holder is not None)
            if archive is None:
                return 2
            window = build_window(archive)
            _wire(window, archive, session, holder)
            window.show()
            code = app.exec()
            archive.close()
            if not window.reopen_requested:
                return code
    finally:
        session.release()


def _open_archive(path: Path, *, read_only: bool) -> Archive | None:
    """The archive, or None after telling why not (a damaged one: its newest good backup is
    offered, and opened when restored)."""
    while True:
        try:
            return Archive.open(path, read_only=read_only)
        except ArchiveError as error:
            start_log(log_file())
            logger.warning("%s", error)
            if read_only or not offer_newest_backup(None, path, str(error)):
                QMessageBox.critical(None, "Mødesekretær", str(error))
                return None


def _wire(
    window: MainWindow, archive: Archive, session: ArchiveSession, holder: Holder | None
) -> None:
    if holder is not None:
        window.set_read_only(holder.describe())

    def after_first_paint_work() -> None:
        start_log(log_file())
        logger.info("Mødesekretær er startet med arkivet %s", archive.path)
        if session.lock.taken_over is not None:
            logger.info("Låsen efter %s er overtaget", session.lock.taken_over.describe())
        window.select_latest_meeting()
        QTimer.singleShot(0, archive.db.prepare_writes)
        QTimer.singleShot(0, lambda: window.check_archive(session))

    after_first_paint(window, after_first_paint_work)  # the window first, then the meeting
