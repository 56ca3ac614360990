"""Settings: the UI's language and the pattern case IDs are checked against."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from secretary_app.core.case_ids import DEFAULT_CASE_ID_PATTERN, pattern_error
from secretary_app.ui import prompts
from secretary_app.ui.i18n import LANGUAGES
from secretary_app.ui.template_chooser import TemplateChooser


class SettingsDialog(QDialog):
    def __init__(
        self,
        language: str,
        case_id_pattern: str,
        template: Path | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        form = QFormLayout(self)
        self.language = QComboBox(self)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.pattern = QLineEdit(case_id_pattern, self)
        reset = QPushButton(self.tr("Use the default pattern"), self)
        reset.clicked.connect(lambda: self.pattern.setText(DEFAULT_CASE_ID_PATTERN))
        self.template = TemplateChooser(template, self.tr("The default template"), self)
        for label, widget in (
            (self.tr("&Language"), self.language),
            (self.tr("Case ID &pattern"), self.pattern),
            (self.tr("Word template for all committees"), self.template),
        ):
            widget.setAccessibleName(label.replace("&", ""))
            form.addRow(label, widget)
        form.addRow("", reset)
        note = QLabel(self.tr("A case ID that does not match only gets a warning."), self)
        note.setWordWrap(True)
        form.addRow("", note)
        form.addRow(QLabel(self.tr("A new language is used from the next start."), self))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        error = pattern_error(self.pattern.text())
        if error:
            prompts.show_error(self, error)
            return
        super().accept()

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def chosen_pattern(self) -> str:
        return self.pattern.text()

    def chosen_template(self) -> Path | None:
        return self.template.path
