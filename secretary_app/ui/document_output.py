"""The agenda and the minutes out of the window: Word, PDF, print preview and print.

One look on paper: the PDF, the preview and the printout are the Word document in the
committee's template, laid out by Word or LibreOffice (export.pdf), as this PC's settings say
(preferences.pdf_converter). Without either, the program's own writer draws the same blocks on
the template's page (ui.print_writer); `route` says which made them.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from secretary_app.core.files import IncompleteFile, write_atomically
from secretary_app.export.layout import DOCUMENT_NAMES, DocumentLayout, Edition, build_layout
from secretary_app.export.pdf import is_whole_pdf, render, write_docx_with_pages
from secretary_app.export.pdf_converters import ConversionError, PdfConverter, find_converter
from secretary_app.export.template import TemplateError
from secretary_app.export.template_page import page_of_template
from secretary_app.export.word import write_docx
from secretary_app.store.archive import Archive
from secretary_app.store.case_history import export_with_history
from secretary_app.store.templates import template_for
from secretary_app.ui.background import Waiting, run_directly
from secretary_app.ui.pdf_pages import page_layout_of, paint_pdf
from secretary_app.ui.pdf_preview import PdfPreview
from secretary_app.ui.preferences import pdf_converter
from secretary_app.ui.print_writer import pdf_content


class DocumentOutput(QObject):
    """Builds the one document layout of a meeting and sends it to Word, PDF or a printer."""

    def __init__(
        self, archive: Archive, parent: QObject | None = None, waiting: Waiting = run_directly
    ) -> None:
        """`waiting` runs what Word or LibreOffice does (seconds): in the window, in the
        background with a progress dialog (ui.background)."""
        super().__init__(parent)
        self.archive = archive
        self._waiting = waiting

    def layout(self, meeting_id: int, edition: Edition) -> DocumentLayout:
        doc = export_with_history(self.archive, meeting_id)
        if doc.approval is not None and not self.archive.approvals.verify(meeting_id):
            doc.approval = None  # never stamped "Godkendt" when not what was approved
        return build_layout(doc, edition)

    def template(self, meeting_id: int) -> Path | None:
        committee_id = self.archive.meetings.get(meeting_id).committee_id
        return template_for(self.archive.settings, committee_id)

    def suggested_name(self, meeting_id: int, edition: Edition, suffix: str) -> str:
        meeting = self.archive.meetings.get(meeting_id)
        committee = self.archive.committees.get(meeting.committee_id).name
        which = " (offentlig)" if edition.public else " (formand)" if edition.chair else ""
        name = f"{DOCUMENT_NAMES[edition.kind]} {committee} {meeting.date.isoformat()}{which}"
        return "".join(c for c in name if c not in '<>:"/\\|?*') + suffix

    def save_word(self, meeting_id: int, edition: Edition, target: Path) -> tuple[str, ...]:
        """Write the .docx, its contents numbered as the converter lays it out; the warnings.
        TemplateError or OSError when it fails (core.files: no file left)."""
        self._refuse_own_file(target)
        layout = self.layout(meeting_id, edition)
        template = self.template(meeting_id)
        converter = self.converter()
        if converter is not None:
            try:
                return self._waiting(
                    self._laying_out(converter),
                    lambda: write_docx_with_pages(layout, target, template, converter),
                )
            except ConversionError as error:
                note = self.tr("%1; Word fills in the page numbers of the contents when it opens")
                warnings = write_docx(layout, target, template).warnings
                return (note.replace("%1", str(error)), *warnings)
        return write_docx(layout, target, template).warnings

    def save_pdf(self, meeting_id: int, edition: Edition, target: Path) -> tuple[str, ...]:
        """Write the PDF; what the user should know, first which program made it. TemplateError
        or OSError when it fails (core.files: no file left)."""
        self._refuse_own_file(target)
        paper = self.paper(meeting_id, edition)
        if not is_whole_pdf(paper.pdf):
            raise IncompleteFile(target)
        write_atomically(target, paper.pdf)
        return (paper.route, *paper.warnings)

    def paper(self, meeting_id: int, edition: Edition) -> Paper:
        """The PDF to save, preview or print, and which program made it (for the window to
        say): Word or LibreOffice, else (or when they fail) the program's own writer."""
        layout = self.layout(meeting_id, edition)
        template = self.template(meeting_id)
        converter = self.converter()
        failure = ""
        if converter is not None:
            try:
                rendered = self._waiting(
                    self._laying_out(converter), lambda: render(layout, template, converter)
                )
                route = self._made_with(rendered.converter)
                return Paper(rendered.pdf, layout.title, route, rendered.warnings)
            except ConversionError as error:
                failure = f"{error}. "
        content, _ = pdf_content(layout, page_of_template(template))
        return Paper(content, layout.title, failure + self._builtin_note())

    def converter(self) -> PdfConverter | None:
        return find_converter(pdf_converter())

    def _laying_out(self, converter: PdfConverter) -> str:
        return self.tr("%1 is laying out the document…").replace("%1", converter.name)

    def _made_with(self, name: str) -> str:
        return self.tr("Made with %1 from the Word document in the template.").replace("%1", name)

    def _builtin_note(self) -> str:
        return self.tr(
            "Made with the program's own writer (neither Word nor LibreOffice was used): the "
            "template's page size, margins and fonts, but not its letterhead, and with no tags "
            "for screen readers."
        )

    def _refuse_own_file(self, target: Path) -> None:
        if self.archive.is_own_file(target):
            reason = self.tr("it is the archive itself, or one of its files")
            raise OSError(errno.EEXIST, reason, str(target))

    def preview(self, paper: Paper, parent: QWidget | None) -> None:
        """Show the PDF's pages as they will be printed; "Print…" there prints them."""
        dialog = PdfPreview(paper.pdf, paper.title, paper.route, parent)
        dialog.printRequested.connect(lambda: self.print_paper(paper, dialog))
        dialog.exec()
        dialog.deleteLater()  # its pages' images go with it

    def print_paper(self, paper: Paper, parent: QWidget | None) -> bool:
        """The print dialog, then the PDF's pages on the printer chosen; False if cancelled."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout_of(paper.pdf))
        printer.setFullPage(True)
        printer.setDocName(paper.title)
        dialog = QPrintDialog(printer, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        paint_pdf(paper.pdf, printer)
        return True


@dataclass(frozen=True)
class Paper:
    """A document for the printer: its PDF, its title, and which program laid it out."""

    pdf: bytes
    title: str
    route: str
    warnings: tuple[str, ...] = ()  # e.g. styles the template lacked


__all__ = ["DocumentOutput", "Paper", "TemplateError"]
