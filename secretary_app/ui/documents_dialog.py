"""Choose the agenda or the minutes, full or public, and save it as Word or PDF, or print it."""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from secretary_app.core.files import IncompleteFile
from secretary_app.core.messages import os_error_reason
from secretary_app.export.layout import DocumentKind, Edition
from secretary_app.export.pdf_converters import PdfConverter
from secretary_app.export.template import TemplateError
from secretary_app.ui import prompts
from secretary_app.ui.document_output import DocumentOutput, Paper
from secretary_app.ui.pdf_pages import PdfPagesError
from secretary_app.ui.print_writer import PrintError

Result = TypeVar("Result")


class DocumentsDialog(QDialog):
    agendaSaved = Signal(int)  # an agenda was saved as Word or PDF: the meeting's id

    def __init__(self, output: DocumentOutput, meeting_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.output, self.meeting_id = output, meeting_id
        self.setWindowTitle(self.tr("Agenda and minutes"))
        layout = QVBoxLayout(self)
        self.document = self._choice(
            layout, self.tr("Document"), [self.tr("&Agenda"), self.tr("&Minutes")]
        )
        self.edition = self._choice(
            layout,
            self.tr("Edition"),
            [
                self.tr("&Full edition"),
                self.tr("P&ublic edition"),
                self.tr("&Chair's copy (agenda with times and internal notes)"),
            ],
        )
        self.document.idToggled.connect(lambda *_: self._chair_only_for_agenda())
        template = output.template(meeting_id)
        name = template.name if template else self.tr("the default template")
        layout.addWidget(QLabel(self.tr("Word template: %1").replace("%1", name), self))
        self.route = QLabel(self._route_text(output.converter()), self)
        self.route.setWordWrap(True)
        layout.addWidget(self.route)
        layout.addLayout(self._buttons())

    def _route_text(self, converter: PdfConverter | None) -> str:
        if converter is None:
            return self.tr(
                "PDF and printout: the program's own writer (neither Word nor LibreOffice is "
                "used; choose in Settings)"
            )
        made = self.tr("PDF and printout: made by %1 from the Word document")
        return made.replace("%1", converter.name)

    def _choice(self, layout: QVBoxLayout, title: str, options: list[str]) -> QButtonGroup:
        box = QGroupBox(title, self)
        row = QHBoxLayout(box)
        group = QButtonGroup(self)
        for index, text in enumerate(options):
            button = QRadioButton(text, box)
            button.setChecked(index == 0)
            group.addButton(button, index)
            row.addWidget(button)
        layout.addWidget(box)
        return group

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, slot in (
            (self.tr("Save as &Word…"), self.save_word),
            (self.tr("Save as &PDF…"), self.save_pdf),
            (self.tr("Print pre&view…"), self.preview),
            (self.tr("P&rint…"), self.print),
            (self.tr("Close"), self.reject),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            row.addWidget(button)
        return row

    def _chair_only_for_agenda(self) -> None:
        chair = self.edition.button(2)
        minutes = self.document.checkedId() == 1
        if minutes and chair.isChecked():
            self.edition.button(0).setChecked(True)
        chair.setEnabled(not minutes)

    def chosen_edition(self) -> Edition:
        kind: DocumentKind = "minutes" if self.document.checkedId() == 1 else "agenda"
        edition = self.edition.checkedId()
        return Edition(kind, public=edition == 1, chair=edition == 2 and kind == "agenda")

    def save_word(self) -> None:
        self._save(self.tr("Word documents (*.docx)"), ".docx", self.output.save_word)

    def save_pdf(self) -> None:
        self._save(self.tr("PDF documents (*.pdf)"), ".pdf", self.output.save_pdf)

    def _save(
        self, filters: str, suffix: str, write: Callable[[int, Edition, Path], object]
    ) -> None:
        edition = self.chosen_edition()
        suggested = self.output.suggested_name(self.meeting_id, edition, suffix)
        target = prompts.choose_save_path(self, self.tr("Save as"), suggested, filters)
        if target is None:
            return
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        self._busy(lambda: self._write(write, edition, target))

    def _write(
        self, write: Callable[[int, Edition, Path], object], edition: Edition, target: Path
    ) -> None:
        try:
            warnings = write(self.meeting_id, edition, target)
        except TemplateError as error:
            template = self.output.template(self.meeting_id)
            name = str(template) if template else self.tr("The default template")
            prompts.show_error(self, f"{name}: {error}")
            return
        except PrintError as error:
            prompts.show_error(self, str(error))
            return
        except OSError as error:
            message = self.tr("%1 could not be written: %2. Nothing was saved.")
            reason = self.why_not_written(error)
            prompts.show_error(self, message.replace("%1", str(target)).replace("%2", reason))
            return
        notes = "\n".join(warnings) if isinstance(warnings, tuple) else ""
        message = self.tr("Saved %1").replace("%1", str(target))
        opened = prompts.show_saved(self, f"{message}\n\n{notes}".strip())
        if opened is not None:
            where = target if opened == prompts.OPEN_DOCUMENT else target.parent
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(where)))
        if edition.kind == "agenda" and not edition.chair:
            self.agendaSaved.emit(self.meeting_id)

    def why_not_written(self, error: OSError) -> str:
        """The reason a document could not be saved, in the user's language."""
        if isinstance(error, IncompleteFile):
            return self.tr("the file was not written completely (is the disk full?)")
        reasons = {
            errno.ENOSPC: self.tr("the disk is full"),
            errno.EFBIG: self.tr("the disk is full"),
            errno.EACCES: self.tr("access denied; if the document is open in Word, close it"),
            errno.EPERM: self.tr("access denied; if the document is open in Word, close it"),
            errno.EROFS: self.tr("the drive is read-only"),
            errno.ENOENT: self.tr("the folder does not exist"),
            errno.ENOTDIR: self.tr("the folder does not exist"),
            errno.EISDIR: self.tr("it is a folder, not a file"),
            errno.ENAMETOOLONG: self.tr("the name is too long"),
            errno.EIO: self.tr("the drive could not be read or written"),
        }
        return reasons.get(error.errno or 0) or error.strerror or os_error_reason(error)

    def preview(self) -> None:
        paper = self._paper()
        if paper is not None:
            self.route.setText(paper.route)
            self._printing(lambda: self.output.preview(paper, self))

    def print(self) -> None:
        paper = self._paper()
        if paper is not None:
            self._printing(lambda: self.output.print_paper(paper, self))

    def _paper(self) -> Paper | None:
        """The PDF to preview or print (made under the wait cursor); None, and a message, when
        the template cannot be used or no temporary file can be written."""
        edition = self.chosen_edition()
        try:
            return self._busy(lambda: self.output.paper(self.meeting_id, edition))
        except TemplateError as error:
            template = self.output.template(self.meeting_id)
            name = str(template) if template else self.tr("The default template")
            prompts.show_error(self, f"{name}: {error}")
        except PrintError as error:
            prompts.show_error(self, str(error))
        except OSError as error:
            message = self.tr("The document could not be made ready: %1").replace(
                "%1", self.why_not_written(error)
            )
            prompts.show_error(self, message)
        return None

    def _printing(self, action: Callable[[], object]) -> None:
        """A printer that cannot be drawn on is said in a message."""
        try:
            action()
        except (PrintError, PdfPagesError) as error:
            prompts.show_error(self, str(error))

    def _busy(self, action: Callable[[], Result]) -> Result:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return action()
        finally:
            QGuiApplication.restoreOverrideCursor()
