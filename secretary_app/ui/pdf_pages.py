"""A PDF's pages on a printer or in the print preview, as images rendered by PDFium (pypdfium2).

The printout is the PDF: the same pages Word or LibreOffice laid out, letterhead and all. Each
page is rendered at the printer's resolution (at most `MAX_DPI`) and drawn over the whole sheet.
"""

from __future__ import annotations

import pypdfium2
import pypdfium2.raw as pdfium_c
from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

MAX_DPI = 300
POINTS_PER_INCH = 72


class PdfPagesError(Exception):
    """The pages could not be drawn; the message is for the user (Danish)."""


def page_layout_of(pdf: bytes) -> QPageLayout:
    """The first page's size and orientation, with no margins: the PDF has its own."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        return _page_layout(document, 0)
    finally:
        document.close()


def _page_layout(document: pypdfium2.PdfDocument, index: int) -> QPageLayout:
    width, height = document[index].get_size()
    fuzzy = QPageSize.SizeMatchPolicy.FuzzyMatch
    size = QPageSize(QSizeF(width, height), QPageSize.Unit.Point, "", fuzzy)
    portrait = QPageLayout.Orientation.Portrait
    orientation = portrait if height >= width else QPageLayout.Orientation.Landscape
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)


def paint_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Draw every page of `pdf` on `printer`, one sheet each; the number of pages."""
    printer.setFullPage(True)
    dpi = min(printer.resolution(), MAX_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise PdfPagesError("Der kan ikke tegnes på printeren")
    document = pypdfium2.PdfDocument(pdf)
    try:
        for index in range(len(document)):
            if index:
                printer.newPage()
            sheet = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
            _draw_on_sheet(painter, page_image(document, index, dpi), sheet)
        return len(document)
    finally:
        document.close()
        painter.end()


def _draw_on_sheet(painter: QPainter, image: QImage, sheet: QRectF) -> None:
    """The page over the whole sheet; turned a quarter when the page lies and the sheet stands
    (or the other way round), as a printer driver does, never squeezed."""
    if (image.width() > image.height()) == (sheet.width() > sheet.height()):
        painter.drawImage(sheet, image)
        return
    painter.save()
    painter.translate(sheet.right(), sheet.top())
    painter.rotate(90)
    painter.drawImage(QRectF(0, 0, sheet.height(), sheet.width()), image)
    painter.restore()


def page_image(document: pypdfium2.PdfDocument, index: int, dpi: float) -> QImage:
    """Page `index` as an image at `dpi`."""
    bitmap = document[index].render(
        scale=dpi / POINTS_PER_INCH,
        may_draw_forms=False,
        force_bitmap_format=pdfium_c.FPDFBitmap_BGR,
    )
    try:
        image = QImage(
            bytes(bitmap.buffer),
            bitmap.width,
            bitmap.height,
            bitmap.stride,
            QImage.Format.Format_BGR888,
        )
        return image.copy()  # the bytes above go with the bitmap
    finally:
        bitmap.close()
