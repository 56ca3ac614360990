"""Help → About: the version, where the archive and the log are, and a way to their folder."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

DISTRIBUTION = "secretary-app"


def program_version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:  # run from a source folder that was never installed
        return QCoreApplication.translate("About", "unknown (not installed)")


def about_text(archive: Path | None, log: Path) -> str:
    text = QCoreApplication.translate(
        "About",
        "Meeting secretary %1\n\nAgendas and minutes for committee secretaries.\n\n"
        "Archive: %2\nLog: %3",
    )
    return text.replace("%1", program_version()).replace("%2", str(archive)).replace("%3", str(log))


def show_about(parent: QWidget, archive: Path | None, log: Path) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("About", "About Meeting secretary"))
    box.setIcon(QMessageBox.Icon.Information)
    box.setText(about_text(archive, log))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    folder = box.addButton(
        QCoreApplication.translate("About", "Open the archive's &folder"),
        QMessageBox.ButtonRole.ActionRole,
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is folder and archive is not None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(archive.parent)))
