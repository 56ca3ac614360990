"""The user's data folder (%APPDATA% on Windows): where the archive lives by default, and the
program's log."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

APPLICATION_NAME = "Moedesekretaer"
ORGANIZATION_NAME = "Moedesekretaer"
ARCHIVE_FILENAME = "arkiv.sqlite3"
LOG_FILENAME = "moedesekretaer.log"


def set_application_names() -> None:
    QCoreApplication.setApplicationName(APPLICATION_NAME)
    QCoreApplication.setOrganizationName(ORGANIZATION_NAME)


def data_folder() -> Path:
    set_application_names()
    location = QStandardPaths.StandardLocation.AppDataLocation
    return Path(QStandardPaths.writableLocation(location))


def default_archive_path() -> Path:
    return data_folder() / ARCHIVE_FILENAME


def log_file() -> Path:
    return data_folder() / "log" / LOG_FILENAME
