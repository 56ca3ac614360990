"""The document layout (export.layout) on paper and in PDF, when no converter makes the PDF
from the Word document: Qt draws the same blocks itself, on the template's page.

The page follows the template (export.template_page): paper, margins, the distances of header
and footer from the edge, and the fonts of its body, title and headings. The blocks become a
QTextDocument (ui.print_document), laid out on pages of the body's size (ui.print_pagination).
Each page shows the template's own header and footer (export.template_bands: its text with the
placeholders filled in, "Side N af M" from its page fields, its pictures, alignment and tab
stops), drawn as a small QTextDocument of its own (ui.print_bands): the header from the
template's header distance down, the footer up from its footer distance, and the body moved in
wherever a band needs more room than the margins leave, so that nothing ever overlaps.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, QSizeF
from PySide6.QtGui import (
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from secretary_app.core.files import IncompleteFile, write_atomically
from secretary_app.export.layout import DocumentLayout
from secretary_app.export.pdf import is_whole_pdf
from secretary_app.export.template_bands import PageBands
from secretary_app.export.template_bands import page_bands as template_bands
from secretary_app.export.template_page import TemplatePage
from secretary_app.ui.print_bands import BandDocuments
from secretary_app.ui.print_document import default_page, text_document
from secretary_app.ui.print_pagination import (
    contents_leaders,
    document_margin,
    draw_leaders,
    lay_out_pages,
)

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    PageDevice = QPdfWriter | QPrinter  # paged devices that know their resolution

BAND_GAP_MM = 1.5  # at least this between a band and the body
MOST_OF_PAGE = 1 / 3  # of the paper's height, a band takes at most this (the rest is cut off)


class PrintError(Exception):
    """Nothing could be drawn on the printer or into the PDF; the message is for the user
    (Danish). A PDF that cannot be written to its file is an OSError."""


# --- pages ----------------------------------------------------------------------------------


def page_layout(page: TemplatePage | None = None) -> QPageLayout:
    """The paper of `page` (None: the default template's), with its side margins; at top and
    foot the margins reach to the header and the footer, which are drawn inside them."""
    page = page or default_page()
    size = QPageSize(
        QSizeF(page.width_mm, page.height_mm),
        QPageSize.Unit.Millimeter,
        "",
        QPageSize.SizeMatchPolicy.FuzzyMatch,
    )
    portrait = page.height_mm >= page.width_mm
    orientation = (
        QPageLayout.Orientation.Portrait if portrait else QPageLayout.Orientation.Landscape
    )
    margins = QMarginsF(page.left_mm, page.header_mm, page.right_mm, page.footer_mm)
    return QPageLayout(size, orientation, margins, QPageLayout.Unit.Millimeter)


def page_bands(layout: DocumentLayout, page: TemplatePage | None = None) -> PageBands:
    """The header and footer of the page's template (None: the default template's), filled in
    with the layout's placeholders."""
    return template_bands((page or default_page()).template, layout.placeholders)


@dataclass(frozen=True)
class PageFrame:
    """Where things go on a page, in device pixels from the paper's top left corner."""

    body: QRectF
    header: QRectF  # from the template's header distance down, as tall as the tallest header
    footer: QRectF  # up from the template's footer distance, as tall as the tallest footer


def page_frame(
    page: TemplatePage, paper: QSizeF, dpi: float, header: float, footer: float
) -> PageFrame:
    """The body between the template's margins, moved in where the bands (`header` and
    `footer` tall, in device pixels) need more room; a band takes at most MOST_OF_PAGE."""

    def pixels(mm: float) -> float:
        return mm * dpi / 25.4

    left, right = pixels(page.left_mm), paper.width() - pixels(page.right_mm)
    header, footer = (min(h, paper.height() * MOST_OF_PAGE) for h in (header, footer))
    top, bottom = pixels(page.header_mm), paper.height() - pixels(page.footer_mm)
    body_top, body_bottom = pixels(page.top_mm), paper.height() - pixels(page.bottom_mm)
    if header:
        body_top = max(body_top, top + header + pixels(BAND_GAP_MM))
    if footer:
        body_bottom = min(body_bottom, bottom - footer - pixels(BAND_GAP_MM))
    return PageFrame(
        body=QRectF(left, body_top, right - left, body_bottom - body_top),
        header=QRectF(left, top, right - left, header),
        footer=QRectF(left, bottom - footer, right - left, footer),
    )


def paint_pages(
    document: QTextDocument,
    device: PageDevice,
    bands: PageBands,
    page: TemplatePage | None = None,
) -> int:
    """Draw the document page by page on the template's page (None: the default template's),
    with the template's header and footer; the page count."""
    painter = QPainter()
    if not painter.begin(device):
        raise PrintError("Der kan ikke tegnes på printeren eller i filen")
    try:
        return _paint(document, device, painter, bands, page or default_page())
    finally:
        painter.end()


def _paint(
    document: QTextDocument,
    device: PageDevice,
    painter: QPainter,
    bands: PageBands,
    page: TemplatePage,
) -> int:
    dpi = device.resolution()
    paper = QSizeF(device.pageLayout().fullRectPixels(dpi).size())
    painter.translate(-_origin(device, dpi))  # from here on, the paper's top left is (0, 0)
    width = paper.width() - (page.left_mm + page.right_mm) * dpi / 25.4
    drawn = BandDocuments(bands, page, device, width)
    frame = page_frame(page, paper, dpi, *drawn.heights())
    count = lay_out_pages(document, device, frame.body.size())
    margin = document_margin(document)  # a document page is the body and its margin all round
    height = document.pageSize().height()
    leaders = list(contents_leaders(document, height))
    for number in range(count):
        if number:
            device.newPage()
        painter.save()
        top_left = frame.body.topLeft() - QPointF(margin, margin)
        painter.translate(top_left.x(), top_left.y() - number * height)
        page_area = QRectF(0, number * height, document.pageSize().width(), height)
        document.drawContents(painter, page_area)
        draw_leaders(painter, [leader for leader in leaders if leader.page == number], dpi)
        painter.restore()
        drawn.draw(painter, frame.header, frame.footer, number + 1, count)
    return count


def _origin(device: PageDevice, dpi: int) -> QPointF:
    """Where the painter's (0, 0) is on the paper: the corner of the margins, or of the paper
    on a printer set to paint the full page."""
    full_page = getattr(device, "fullPage", None)
    if callable(full_page) and full_page():
        return QPointF(0, 0)
    return QPointF(device.pageLayout().paintRectPixels(dpi).topLeft())


# --- the PDF --------------------------------------------------------------------------------


def write_pdf(layout: DocumentLayout, target: Path, page: TemplatePage | None = None) -> int:
    """Write the PDF (PDF/A-1b) on the template's page (None: the default template's) to
    `target`, whole or not at all (core.files); its page count.

    QPdfWriter does not report a failed write, so the PDF is made in memory, checked, and
    written by Python, which does: OSError when `target` cannot be written.
    """
    content, pages = pdf_content(layout, page)
    if not is_whole_pdf(content):
        raise IncompleteFile(target)
    write_atomically(target, content)
    return pages


def pdf_content(layout: DocumentLayout, page: TemplatePage | None = None) -> tuple[bytes, int]:
    """The PDF of `layout`, and its page count."""
    page = page or default_page()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(page_layout(page))
    writer.setResolution(300)
    writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_A1b)
    writer.setTitle(layout.title)
    writer.setAuthor(layout.author)
    writer.setCreator("Mødesekretær")
    document = text_document(layout, page)
    pages = paint_pages(document, writer, page_bands(layout, page), page)
    del writer
    return bytes(buffer.data().data()), pages
