"""The document layout (export.layout) on paper and in PDF, with "Side N af M" on every page.

The same blocks the Word writer renders are drawn here into a QTextDocument, so the printed
agenda and the Word file have the same numbering and sections.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from secretary_app.core.files import IncompleteFile, write_atomically
from secretary_app.core.text import breakable
from secretary_app.export.layout import (
    Block,
    Contents,
    DocumentLayout,
    Field,
    ItemHeading,
    Label,
    Plain,
    SubLabel,
    Text,
    Title,
)
from secretary_app.ui.rich_text_document import insert_rich_text

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    PageDevice = QPdfWriter | QPrinter  # paged devices that know their resolution

FONT_FAMILY = "Arial"
BODY_POINTS = 10.5
MARGINS_MM = QMarginsF(25, 20, 20, 20)
FOOTER_POINTS = 8.5


class PrintError(Exception):
    """Nothing could be drawn on the printer or into the PDF; the message is for the user
    (Danish). A PDF that cannot be written to its file is an OSError."""


def text_document(layout: DocumentLayout) -> QTextDocument:
    document = QTextDocument()
    font = QFont(FONT_FAMILY)
    # No ligatures: the PDF's text layer would spell "Offentlig" with U+FB00 and search fails.
    for feature in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(feature), 0)
    font.setPointSizeF(BODY_POINTS)
    document.setDefaultFont(font)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, layout.title)
    cursor = QTextCursor(document)
    writer = _BlockWriter(cursor)
    for block in layout.blocks:
        writer.write(block)
    return document


class _BlockWriter:
    def __init__(self, cursor: QTextCursor) -> None:
        self.cursor = cursor
        self.first = True

    def write(self, block: Block) -> None:
        if isinstance(block, Title):
            self._line(block.text, points=18, bold=True, after=10)
        elif isinstance(block, Field):
            self._field(block)
        elif isinstance(block, Contents):
            self._contents(block)
        elif isinstance(block, ItemHeading):
            self._line(block.text, points=14, bold=True, before=18, after=6)
        elif isinstance(block, Label):
            self._line(block.text, bold=True, before=8, after=2)
        elif isinstance(block, SubLabel):
            self._line(block.text, italic=True, after=4)
        elif isinstance(block, Text):
            self._new_block(QTextBlockFormat())
            insert_rich_text(self.cursor, block.rich)
        elif isinstance(block, Plain):
            self._line(block.text, after=2)

    def _field(self, field: Field) -> None:
        self._new_block(_spacing(0, 2))
        self.cursor.insertText(f"{field.label}: ", _char(bold=True))
        self.cursor.insertText(breakable(field.value), _char())

    def _contents(self, contents: Contents) -> None:
        self._line(contents.heading, points=13, bold=True, before=14, after=4)
        for entry in contents.entries:
            self._line(entry, after=1)

    def _line(
        self,
        text: str,
        points: float = BODY_POINTS,
        bold: bool = False,
        italic: bool = False,
        before: float = 0,
        after: float = 0,
    ) -> None:
        self._new_block(_spacing(before, after))
        self.cursor.insertText(breakable(text), _char(points, bold, italic))

    def _new_block(self, block_format: QTextBlockFormat) -> None:
        if self.first:
            self.cursor.setBlockFormat(block_format)
            self.first = False
        else:
            self.cursor.insertBlock(block_format, _char())


def _spacing(before: float, after: float) -> QTextBlockFormat:
    block_format = QTextBlockFormat()
    block_format.setTopMargin(before)
    block_format.setBottomMargin(after)
    return block_format


def _char(points: float = BODY_POINTS, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setFontPointSize(points)
    char_format.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    char_format.setFontItalic(italic)
    return char_format


# --- pages ----------------------------------------------------------------------------------


def a4_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )


@dataclass(frozen=True)
class PageTexts:
    """What every page shows around the body: a header, and a note beside the page number."""

    header: str = ""
    note: str = ""  # "Godkendt 3. juli 2017 · SHA-256 …" on approved minutes


def page_texts(layout: DocumentLayout) -> PageTexts:
    return PageTexts(
        layout.placeholders.get("committee", ""), layout.placeholders.get("approved", "")
    )


def paint_pages(document: QTextDocument, device: PageDevice, texts: PageTexts) -> int:
    """Draw the document page by page, with the header and "Side N af M"; the page count."""
    painter = QPainter()
    if not painter.begin(device):
        raise PrintError("Der kan ikke tegnes på printeren eller i filen")
    try:
        return _paint(document, device, painter, texts)
    finally:
        painter.end()


def _paint(document: QTextDocument, device: PageDevice, painter: QPainter, texts: PageTexts) -> int:
    dpi = device.resolution()
    page = device.pageLayout().paintRectPixels(dpi)
    band = _points_to_pixels(FOOTER_POINTS * 3, dpi)
    body = QRectF(0, 0, page.width(), page.height() - 2 * band)
    document.documentLayout().setPaintDevice(device)
    document.setPageSize(QSizeF(body.width(), body.height()))
    split_paragraphs_at_page_breaks(document, body.height())
    count = document.pageCount()
    small = QFont(FONT_FAMILY)
    small.setPointSizeF(FOOTER_POINTS)
    for number in range(count):
        if number:
            device.newPage()
        painter.save()
        painter.translate(0, band - number * body.height())
        document.drawContents(painter, body.translated(0, number * body.height()))
        painter.restore()
        painter.setFont(small)
        _draw_bands(painter, QRectF(0, 0, page.width(), page.height()), band, texts)
        footer = QRectF(0, page.height() - band, page.width(), band)
        bottom_centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
        painter.drawText(footer, bottom_centre, page_label(number + 1, count))
    return count


def split_paragraphs_at_page_breaks(document: QTextDocument, page_height: float) -> None:
    """End a paragraph at the foot of a page and go on in a new one on the next.

    When one paragraph runs over a page break, Qt draws the line before the break once more
    above the next page's body: the clip hides it on paper, but a PDF's text layer keeps it, so
    search and screen readers meet that line twice. Paragraphs that end at the break don't.
    The part of a list item on the next page leaves the list, indented as the item's text: it
    is the same item going on, with no number of its own.
    """
    block = document.begin()
    while block.isValid():
        found = _first_line_on_a_later_page(document, block, page_height)
        if found is not None:
            _split_block(block, *found)
            text_list = block.textList()
            if text_list is not None:
                text_list.remove(block.next())
        block = block.next()


def _first_line_on_a_later_page(
    document: QTextDocument, block: QTextBlock, page_height: float
) -> tuple[int, float] | None:
    """Where the block's first line on a later page starts, and the room Qt left above it to
    begin that page."""
    layout = block.layout()
    if layout.lineCount() < 2:
        return None
    top = document.documentLayout().blockBoundingRect(block).top()
    first_page = int((top + layout.lineAt(0).y()) // page_height)
    for index in range(1, layout.lineCount()):
        line, before = layout.lineAt(index), layout.lineAt(index - 1)
        if int((top + line.y()) // page_height) > first_page:
            return int(line.textStart()), line.y() - (before.y() + before.height())
    return None


def _split_block(block: QTextBlock, position: int, room: float) -> None:
    """Split the block at `position`; the rest keeps the room above it that took it to the
    next page (laid out anew without it, its first line would straddle the page's foot: with
    Arial's metrics it did, and was drawn into the footer band). The spacing around the whole
    stays as it was."""
    below = block.blockFormat()
    below.setTopMargin(room)
    above = block.blockFormat()
    above.setBottomMargin(0)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + position)
    cursor.setBlockFormat(above)
    cursor.insertBlock(below, cursor.charFormat())


def _draw_bands(painter: QPainter, page: QRectF, band: float, texts: PageTexts) -> None:
    top_right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
    painter.drawText(QRectF(0, 0, page.width(), band), top_right, texts.header)
    bottom_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
    painter.drawText(QRectF(0, page.height() - band, page.width(), band), bottom_left, texts.note)


def page_label(number: int, count: int) -> str:
    return f"Side {number} af {count}"


def _points_to_pixels(points: float, dpi: int) -> float:
    return points * dpi / 72


def write_pdf(layout: DocumentLayout, target: Path) -> int:
    """Write the PDF (PDF/A-1b) to `target`, whole or not at all (core.files); its page count.

    QPdfWriter does not report a failed write, so the PDF is made in memory, checked, and
    written by Python, which does: OSError when `target` cannot be written.
    """
    content, pages = pdf_content(layout)
    if not is_whole_pdf(content):
        raise IncompleteFile(target)
    write_atomically(target, content)
    return pages


def pdf_content(layout: DocumentLayout) -> tuple[bytes, int]:
    """The PDF of `layout`, and its page count."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(a4_layout())
    writer.setResolution(300)
    writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_A1b)
    writer.setTitle(layout.title)
    writer.setAuthor(layout.author)
    writer.setCreator("Mødesekretær")
    pages = paint_pages(text_document(layout), writer, page_texts(layout))
    del writer
    return bytes(buffer.data().data()), pages


def is_whole_pdf(content: bytes) -> bool:
    """Does `content` begin as a PDF and end with its trailer's end mark?"""
    return content.startswith(b"%PDF-") and content.rstrip().endswith(b"%%EOF")
