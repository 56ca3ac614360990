"""Composition root: builds the QApplication, opens the archive, wires the window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from secretary_app.store.archive import Archive, ArchiveError
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


def run(path: Path) -> int:
    app = application()
    unexpected = UnexpectedErrors(log_file())
    unexpected.install()
    try:
        archive = Archive.open(path)
    except ArchiveError as error:
        start_log(log_file())
        logger.warning("%s", error)
        QMessageBox.critical(None, "Mødesekretær", str(error))
        return 2
    window = build_window(archive)

    def open_latest_meeting() -> None:
        start_log(log_file())
        logger.info("Mødesekretær er startet med arkivet %s", path)
        window.select_latest_meeting()
        QTimer.singleShot(0, archive.db.prepare_writes)

    after_first_paint(window, open_latest_meeting)  # the window first, then the meeting
    window.show()
    code = app.exec()
    archive.close()
    return code
