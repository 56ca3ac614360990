"""The PDF of a document in the municipality's template: the .docx we write, converted by Word or
LibreOffice (export.pdf_converters), so the PDF and the printout show what the Word file shows.

The table of contents needs the pages the items land on, which only the converter knows: it
updates the contents' field itself before it writes the PDF (export.pdf_converters). A Word
document saved on its own gets the numbers from a conversion too: the page of each item heading
is read from the PDF's named destinations (the headings' bookmarks, word_contents) and written
beside its entry.

Reading a PDF is pypdfium2's job (PDFium, the PDF engine of Chrome): page count, destinations,
and the page images the window previews and prints.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c

from secretary_app.core.files import IncompleteFile, write_atomically
from secretary_app.export.layout import Contents, DocumentLayout
from secretary_app.export.pdf_converters import ConversionError, PdfConverter
from secretary_app.export.word import write_docx
from secretary_app.export.word_contents import bookmark_name


@dataclass(frozen=True)
class RenderedDocument:
    """A document as the converter laid it out: its PDF, and how many pages it has."""

    pdf: bytes
    pages: int
    converter: str  # "LibreOffice", "Microsoft Word"
    warnings: tuple[str, ...] = ()


def render(
    layout: DocumentLayout, template: Path | None, converter: PdfConverter
) -> RenderedDocument:
    """The document in `template`, laid out by `converter`, which numbers its contents.

    TemplateError when the template cannot be used; ConversionError when the converter fails.
    """
    with tempfile.TemporaryDirectory(prefix="secretary-pdf-", ignore_cleanup_errors=True) as folder:
        docx, pdf = Path(folder, "dokument.docx"), Path(folder, "dokument.pdf")
        warnings = write_docx(layout, docx, template).warnings
        converter.convert(docx, pdf)
        content = pdf.read_bytes()
        return RenderedDocument(content, page_count(content), converter.name, warnings)


def write_pdf_in_template(
    layout: DocumentLayout, target: Path, template: Path | None, converter: PdfConverter
) -> RenderedDocument:
    """Write the PDF to `target`, whole or not at all (core.files)."""
    rendered = render(layout, template, converter)
    if not is_whole_pdf(rendered.pdf):
        raise IncompleteFile(target)
    write_atomically(target, rendered.pdf)
    return rendered


def write_docx_with_pages(
    layout: DocumentLayout, target: Path, template: Path | None, converter: PdfConverter
) -> tuple[str, ...]:
    """Write the .docx to `target` with its contents' page numbers as `converter` lays it out;
    its warnings. ConversionError leaves `target` as it was."""
    count = _contents_count(layout)
    with tempfile.TemporaryDirectory(prefix="secretary-pdf-", ignore_cleanup_errors=True) as folder:
        docx, pdf = Path(folder, "dokument.docx"), Path(folder, "dokument.pdf")
        write_docx(layout, docx, template)
        converter.convert(docx, pdf)
        pages = heading_pages(pdf.read_bytes(), count)
    return write_docx(layout, target, template, contents_pages=pages).warnings


def heading_pages(pdf: bytes, count: int) -> list[int] | None:
    """The page (from 1) of each of the `count` item headings: from their named destinations
    (LibreOffice), else from the top level of the bookmarks when it has one entry per item
    (Word exports headings as bookmarks, not hidden bookmarks as destinations); None when
    neither tells."""
    document = _opened(pdf)
    try:
        pages = [_destination_page(document, bookmark_name(index)) for index in range(count)]
        if all(page is not None for page in pages):
            return [page for page in pages if page is not None]
        outline = [
            bookmark.get_dest().get_index() + 1
            for bookmark in document.get_toc()
            if bookmark.level == 0 and bookmark.get_dest() is not None
        ]
        return outline if len(outline) == count else None
    finally:
        document.close()


def _destination_page(document: pypdfium2.PdfDocument, name: str) -> int | None:
    """The page (from 1) of the named destination; LibreOffice 7 writes "_" as "5F"."""
    for spelling in (name, name.replace("_", "5F")):
        destination = pdfium_c.FPDF_GetNamedDestByName(document.raw, spelling.encode())
        if destination:
            page = int(pdfium_c.FPDFDest_GetDestPageIndex(document.raw, destination))
            return page + 1 if page >= 0 else None
    return None


def page_count(pdf: bytes) -> int:
    document = _opened(pdf)
    try:
        return len(document)
    finally:
        document.close()


def _opened(pdf: bytes) -> pypdfium2.PdfDocument:
    """The PDF a converter made, opened; ConversionError when it is not a readable PDF."""
    try:
        return pypdfium2.PdfDocument(pdf)
    except pypdfium2.PdfiumError as error:
        raise ConversionError("PDF-filen fra Word eller LibreOffice kan ikke læses") from error


def is_whole_pdf(content: bytes) -> bool:
    """Does `content` begin as a PDF and end with its trailer's end mark?"""
    return content.startswith(b"%PDF-") and content.rstrip().endswith(b"%%EOF")


def _contents_count(layout: DocumentLayout) -> int:
    contents = next((b for b in layout.blocks if isinstance(b, Contents)), None)
    return len(contents.entries) if contents is not None else 0


__all__ = ["ConversionError", "RenderedDocument", "render", "write_pdf_in_template"]
