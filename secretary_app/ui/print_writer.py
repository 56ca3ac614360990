"""The document layout (export.layout) on paper and in PDF, when no converter makes the PDF
from the Word document: Qt draws the same blocks itself, on the template's page.

The page follows the template (export.template_page): paper, margins, the distances of header
and footer from the edge, and the fonts of its body, title and headings. The blocks become a
QTextDocument (ui.print_document), laid out on pages of the body's size (ui.print_pagination).
The pages are drawn with a header band and a footer band of two lines (the approval note, then
"Side N af M"), each tall enough for its text: the body is moved in rather than ever overlapped.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from secretary_app.core.files import IncompleteFile, write_atomically
from secretary_app.export.layout import DocumentLayout
from secretary_app.export.template_page import TemplatePage
from secretary_app.ui.print_document import default_page, device_of, text_document, text_font
from secretary_app.ui.print_pagination import (
    contents_leaders,
    document_margin,
    draw_leaders,
    lay_out_pages,
)

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    PageDevice = QPdfWriter | QPrinter  # paged devices that know their resolution

BAND_SCALE = 0.85  # the bands' text against the body's, where the template sets no size
BAND_GAP_MM = 1.5  # at least this between a band's text and the body
BAND_COLOUR = QColor(0x59, 0x59, 0x59)  # the default template's header and footer


class PrintError(Exception):
    """Nothing could be drawn on the printer or into the PDF; the message is for the user
    (Danish). A PDF that cannot be written to its file is an OSError."""


# --- pages ----------------------------------------------------------------------------------


def a4_layout(page: TemplatePage | None = None) -> QPageLayout:
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


page_layout = a4_layout


@dataclass(frozen=True)
class PageTexts:
    """What every page shows around the body: a header (left, and right), and a note above
    the page number."""

    header: str = ""
    note: str = ""  # "Godkendt 3. juli 2017 · SHA-256 …" on approved minutes
    header_right: str = ""  # "Referat – Offentlig udgave"


def page_texts(layout: DocumentLayout) -> PageTexts:
    placeholders = layout.placeholders
    document, edition = placeholders.get("document", ""), placeholders.get("edition", "")
    return PageTexts(
        placeholders.get("committee", ""),
        placeholders.get("approved", ""),
        f"{document} – {edition}" if document and edition else document,
    )


@dataclass(frozen=True)
class PageFrame:
    """Where things go on a page, in device pixels from the paper's top left corner."""

    body: QRectF
    header: QRectF  # the header's left text; its right text is in `header_right`
    header_right: QRectF
    note: QRectF  # the footer's first line(s)
    label: QRectF  # "Side N af M", the footer's last line


def page_frame(
    page: TemplatePage, paper: QSizeF, dpi: float, texts: PageTexts, font: QFont
) -> PageFrame:
    """The body between the template's margins; a band's text starts (ends) at the template's
    header (footer) distance, and the body moves in where a band needs more room."""

    def pixels(mm: float) -> float:
        return mm * dpi / 25.4

    left, right = pixels(page.left_mm), paper.width() - pixels(page.right_mm)
    metrics = QFontMetricsF(font, device_of(dpi))
    wrap = Qt.TextFlag.TextWordWrap.value
    right_width = min(metrics.horizontalAdvance(texts.header_right), (right - left) / 2)
    gap = pixels(BAND_GAP_MM) if texts.header_right else 0
    left_width = right - left - right_width - gap

    def height(text: str, width: float) -> float:
        if not text:
            return 0
        return metrics.boundingRect(QRectF(0, 0, width, 1e6), wrap, text).height()

    top = pixels(page.header_mm)
    header_height = max(height(texts.header, left_width), height(texts.header_right, right_width))
    line = metrics.lineSpacing()
    label_bottom = paper.height() - pixels(page.footer_mm)
    label = QRectF(left, label_bottom - line, right - left, line)
    note_height = height(texts.note, right - left)
    note = QRectF(left, label.top() - note_height, right - left, note_height)
    body_top = max(pixels(page.top_mm), top + header_height + pixels(BAND_GAP_MM))
    body_bottom = min(paper.height() - pixels(page.bottom_mm), note.top() - pixels(BAND_GAP_MM))
    return PageFrame(
        body=QRectF(left, body_top, right - left, body_bottom - body_top),
        header=QRectF(left, top, left_width, header_height),
        header_right=QRectF(right - right_width, top, right_width, header_height),
        note=note,
        label=label,
    )


def band_font(page: TemplatePage) -> QFont:
    return text_font(page.font_family, page.band_points or page.body_points * BAND_SCALE)


def paint_pages(
    document: QTextDocument,
    device: PageDevice,
    texts: PageTexts,
    page: TemplatePage | None = None,
) -> int:
    """Draw the document page by page on the template's page (None: the default template's),
    with the header and the footer; the page count."""
    painter = QPainter()
    if not painter.begin(device):
        raise PrintError("Der kan ikke tegnes på printeren eller i filen")
    try:
        return _paint(document, device, painter, texts, page or default_page())
    finally:
        painter.end()


def _paint(
    document: QTextDocument,
    device: PageDevice,
    painter: QPainter,
    texts: PageTexts,
    page: TemplatePage,
) -> int:
    dpi = device.resolution()
    paper_layout = device.pageLayout()
    paper = QSizeF(paper_layout.fullRectPixels(dpi).size())
    painter.translate(-_origin(device, dpi))  # from here on, the paper's top left is (0, 0)
    font = band_font(page)
    frame = page_frame(page, paper, dpi, texts, font)
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
        header = number > 0 or page.header_on_first_page
        _draw_bands(painter, frame, texts if header else _without_header(texts), font)
        _draw_page_label(painter, frame, font, page_label(number + 1, count))
    return count


def _origin(device: PageDevice, dpi: int) -> QPointF:
    """Where the painter's (0, 0) is on the paper: the corner of the margins, or of the paper
    on a printer set to paint the full page."""
    full_page = getattr(device, "fullPage", None)
    if callable(full_page) and full_page():
        return QPointF(0, 0)
    return QPointF(device.pageLayout().paintRectPixels(dpi).topLeft())


def _draw_bands(painter: QPainter, frame: PageFrame, texts: PageTexts, font: QFont) -> None:
    painter.setFont(font)
    painter.setPen(BAND_COLOUR)
    wrap = Qt.TextFlag.TextWordWrap
    top, right = Qt.AlignmentFlag.AlignTop, Qt.AlignmentFlag.AlignRight
    painter.drawText(frame.header, Qt.AlignmentFlag.AlignLeft | top | wrap, texts.header)
    painter.drawText(frame.header_right, right | top | wrap, texts.header_right)
    painter.drawText(frame.note, right | top | wrap, texts.note)


def _draw_page_label(painter: QPainter, frame: PageFrame, font: QFont, label: str) -> None:
    painter.setFont(font)
    painter.setPen(BAND_COLOUR)
    painter.drawText(frame.label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, label)


def _without_header(texts: PageTexts) -> PageTexts:
    """The texts of a first page whose header the template leaves empty."""
    return dataclasses.replace(texts, header="", header_right="")


def page_label(number: int, count: int) -> str:
    return f"Side {number} af {count}"


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
    writer.setPageLayout(a4_layout(page))
    writer.setResolution(300)
    writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_A1b)
    writer.setTitle(layout.title)
    writer.setAuthor(layout.author)
    writer.setCreator("Mødesekretær")
    pages = paint_pages(text_document(layout, page), writer, page_texts(layout), page)
    del writer
    return bytes(buffer.data().data()), pages


def is_whole_pdf(content: bytes) -> bool:
    """Does `content` begin as a PDF and end with its trailer's end mark?"""
    return content.startswith(b"%PDF-") and content.rstrip().endswith(b"%%EOF")
