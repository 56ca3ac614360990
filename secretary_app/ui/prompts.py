"""Every question the UI asks the user, in one place, so tests can answer them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("Prompts", text)


def confirm(parent: QWidget | None, question: str) -> bool:
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, _tr("Confirm"), question, buttons)
    return answer == QMessageBox.StandardButton.Yes


def show_error(parent: QWidget | None, message: str) -> None:
    QMessageBox.warning(parent, _tr("Error"), message)


def choose_files_to_attach(parent: QWidget | None) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(parent, _tr("Choose attachments"))
    return [Path(name) for name in names]
