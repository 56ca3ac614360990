"""Every question the UI asks the user, in one place, so tests can answer them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def confirm(parent: QWidget | None, question: str) -> bool:
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("Prompts", "Confirm"), question, buttons
    )
    return answer == QMessageBox.StandardButton.Yes


def show_error(parent: QWidget | None, message: str) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("Prompts", "Error"), message)


def choose_files_to_attach(parent: QWidget | None) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(
        parent, QCoreApplication.translate("Prompts", "Choose attachments")
    )
    return [Path(name) for name in names]


def choose_save_path(
    parent: QWidget | None, caption: str, suggested: str, filters: str
) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
    return Path(name) if name else None


def choose_template(parent: QWidget | None) -> Path | None:
    filters = QCoreApplication.translate("Prompts", "Word templates (*.docx *.dotx)")
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("Prompts", "Choose the municipality's template"),
        "",
        filters,
    )
    return Path(name) if name else None


def show_information(parent: QWidget | None, message: str) -> None:
    QMessageBox.information(parent, QCoreApplication.translate("Prompts", "Information"), message)
