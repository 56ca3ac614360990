"""Choose the municipality's Word template; a template that cannot be used is refused."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

if TYPE_CHECKING:
    from secretary_app.export.template_check import TemplateReport
from secretary_app.ui import prompts


class TemplateChooser(QWidget):
    def __init__(self, path: Path | None, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path, self.empty_text = path, empty_text
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        choose = QPushButton(self.tr("Choose…"), self)
        choose.setAccessibleName(self.tr("Choose Word template"))
        clear = QPushButton(self.tr("Clear"), self)
        clear.setAccessibleName(self.tr("Clear Word template"))
        choose.clicked.connect(self.choose)
        clear.clicked.connect(lambda: self._set(None))
        layout.addWidget(self.label, 1)
        layout.addWidget(choose)
        layout.addWidget(clear)
        self._set(path)

    def choose(self) -> None:
        path = prompts.choose_template(self)
        if path is None:
            return
        from secretary_app.export.template_check import check_template  # python-docx: load late

        report = check_template(path)
        if not report.usable:
            prompts.show_error(self, self._problems(path, report))
            return
        notes = self._notes(report)
        if notes:
            prompts.show_information(self, notes)
        self._set(path)

    def _set(self, path: Path | None) -> None:
        self.path = path
        self.label.setText(str(path) if path else self.empty_text)

    def _problems(self, path: Path, report: TemplateReport) -> str:
        lines = [f"{where}: {message}" for where, message in report.errors]
        heading = self.tr("The template %1 cannot be used:").replace("%1", path.name)
        return "\n".join([heading, *lines])

    def _notes(self, report: TemplateReport) -> str:
        lines = []
        if report.unknown_placeholders:
            names = ", ".join(report.unknown_placeholders)
            lines.append(self.tr("Unknown placeholders: %1").replace("%1", names))
        if report.missing_styles:
            styles = ", ".join(report.missing_styles)
            lines.append(self.tr("Styles the documents will add: %1").replace("%1", styles))
        if not report.has_content_marker:
            lines.append(self.tr("No {{ content }} marker: the items go at the end of the body."))
        return "\n".join(lines)
