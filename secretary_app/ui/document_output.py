"""The agenda and the minutes out of the window: Word, PDF, print preview and print."""

from __future__ import annotations

import errno
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from secretary_app.export.layout import DOCUMENT_NAMES, DocumentLayout, Edition, build_layout
from secretary_app.export.template import TemplateError
from secretary_app.export.word import write_docx
from secretary_app.store.archive import Archive
from secretary_app.store.case_history import export_with_history
from secretary_app.store.templates import template_for
from secretary_app.ui.print_writer import (
    a4_layout,
    page_texts,
    paint_pages,
    text_document,
    write_pdf,
)


class DocumentOutput(QObject):
    """Builds the one document layout of a meeting and sends it to Word, PDF or a printer."""

    def __init__(self, archive: Archive, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.archive = archive

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
        """Write the .docx; the template's warnings. TemplateError or OSError when it fails
        (core.files: no file left)."""
        self._refuse_own_file(target)
        layout = self.layout(meeting_id, edition)
        return write_docx(layout, target, self.template(meeting_id)).warnings

    def save_pdf(self, meeting_id: int, edition: Edition, target: Path) -> int:
        """Write the PDF; its page count. OSError when it fails (core.files: no file left)."""
        self._refuse_own_file(target)
        layout = self.layout(meeting_id, edition)
        return write_pdf(layout, target)

    def _refuse_own_file(self, target: Path) -> None:
        if self.archive.is_own_file(target):
            reason = self.tr("it is the archive itself, or one of its files")
            raise OSError(errno.EEXIST, reason, str(target))

    def preview(self, meeting_id: int, edition: Edition, parent: QWidget | None) -> None:
        layout = self.layout(meeting_id, edition)
        printer = self._printer(layout)
        dialog = QPrintPreviewDialog(printer, parent)
        dialog.setWindowTitle(layout.title)
        dialog.paintRequested.connect(lambda p: self._paint(layout, p))
        dialog.exec()

    def print(self, meeting_id: int, edition: Edition, parent: QWidget | None) -> bool:
        layout = self.layout(meeting_id, edition)
        printer = self._printer(layout)
        dialog = QPrintDialog(printer, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self._paint(layout, printer)
        return True

    def _printer(self, layout: DocumentLayout) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(a4_layout())
        printer.setDocName(layout.title)
        return printer

    def _paint(self, layout: DocumentLayout, printer: QPrinter) -> None:
        paint_pages(text_document(layout), printer, page_texts(layout))


__all__ = ["DocumentOutput", "TemplateError"]
