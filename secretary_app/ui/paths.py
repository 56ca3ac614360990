"""Where the archive lives by default: the user's data folder (%APPDATA% on Windows)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

APPLICATION_NAME = "Moedesekretaer"
ORGANIZATION_NAME = "Moedesekretaer"
ARCHIVE_FILENAME = "arkiv.sqlite3"


def set_application_names() -> None:
    QCoreApplication.setApplicationName(APPLICATION_NAME)
    QCoreApplication.setOrganizationName(ORGANIZATION_NAME)


def default_archive_path() -> Path:
    set_application_names()
    location = QStandardPaths.StandardLocation.AppDataLocation
    return Path(QStandardPaths.writableLocation(location)) / ARCHIVE_FILENAME
