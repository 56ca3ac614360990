"""Every question the UI asks the user, in one place, so tests can answer them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from secretary_app.ui.screen_fit import resize_within_screen


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


def choose_meeting_files(parent: QWidget | None) -> list[Path]:
    filters = QCoreApplication.translate("Prompts", "Meeting files (*.json)")
    caption = QCoreApplication.translate("Prompts", "Load meeting from file")
    names, _ = QFileDialog.getOpenFileNames(parent, caption, "", filters)
    return [Path(name) for name in names]


OPEN_DOCUMENT, OPEN_FOLDER = "document", "folder"


def show_saved(parent: QWidget | None, message: str) -> str | None:
    """A document was saved: OPEN_DOCUMENT, OPEN_FOLDER, or None (OK)."""
    title = QCoreApplication.translate("Prompts", "Saved")
    box = QMessageBox(QMessageBox.Icon.Information, title, message, parent=parent)
    role = QMessageBox.ButtonRole.ActionRole
    document = box.addButton(QCoreApplication.translate("Prompts", "&Open document"), role)
    folder = box.addButton(QCoreApplication.translate("Prompts", "Open &folder"), role)
    box.addButton(QMessageBox.StandardButton.Ok)
    box.exec()
    clicked = box.clickedButton()
    return OPEN_DOCUMENT if clicked is document else OPEN_FOLDER if clicked is folder else None


def show_information(parent: QWidget | None, message: str) -> None:
    QMessageBox.information(parent, QCoreApplication.translate("Prompts", "Information"), message)


def choose_section_for_text(
    parent: QWidget | None, label: str, count: int, targets: list[tuple[str, str]]
) -> str | None:
    """The key of the section (of `targets`, key and label) to take a removed section's text;
    None: cancel, keep the section."""
    question = QCoreApplication.translate(
        "Prompts",
        'The section "%1" holds text in %2 items of meetings not yet approved. Move the text into:',
    )
    question = question.replace("%1", label).replace("%2", str(count))
    labels = [target_label or key for key, target_label in targets]
    title = QCoreApplication.translate("Prompts", "Move text")
    chosen, ok = QInputDialog.getItem(parent, title, question, labels, 0, False)
    return targets[labels.index(chosen)][0] if ok and chosen in labels else None


def ask_text(parent: QWidget | None, title: str, label: str, text: str) -> str | None:
    """One line of text from the user; None when cancelled."""
    answer, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return answer if ok else None


def show_unexpected_error(parent: QWidget | None, message: str, details: str) -> None:
    """The dialog for an error nobody expected: what happened, and its details to copy for
    whoever supports the program."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontDatabase, QGuiApplication, QIcon
    from PySide6.QtWidgets import (
        QDialog,
        QDialogButtonBox,
        QLabel,
        QPlainTextEdit,
        QPushButton,
        QStyle,
        QVBoxLayout,
    )

    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("Prompts", "Unexpected error"))
    icon: QIcon = dialog.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
    dialog.setWindowIcon(icon)
    layout = QVBoxLayout(dialog)
    text = QLabel(message, dialog)
    text.setWordWrap(True)
    text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    shown = QPlainTextEdit(details, dialog)
    shown.setReadOnly(True)
    shown.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    shown.setAccessibleName(QCoreApplication.translate("Prompts", "Details"))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, dialog)
    copy = QPushButton(QCoreApplication.translate("Prompts", "&Copy details"), dialog)
    buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)  # it does not close
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
    copy.clicked.connect(lambda: copy.setText(QCoreApplication.translate("Prompts", "Copied")))
    buttons.accepted.connect(dialog.accept)
    for widget in (text, shown, buttons):
        layout.addWidget(widget)
    resize_within_screen(dialog, 640, 360)
    dialog.exec()
