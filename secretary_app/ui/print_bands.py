"""The template's header and footer on each page of the Qt print writer (ui.print_writer).

Each band (export.template_bands: paragraphs and tables of runs, page fields and pictures) is
written into a small QTextDocument of its own for each page, with that page's number and the
page count, laid out on the device over the body's width: alignment, tab stops (a right tab
stop puts "committee<TAB>document" at both edges), spacing, bold, italic, size, colour and
font of each run, and pictures at their size (made smaller only where wider than the body or
taller than a quarter of the page). The writer measures the tallest header and footer first,
so that the body is moved in wherever they need more room than the margins leave.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPainter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextOption,
    QTextTableFormat,
)

from secretary_app.export.template_band_paragraphs import BandImage, BandParagraph, BandRun
from secretary_app.export.template_bands import Band, BandBlock, BandTable, PageBands
from secretary_app.export.template_page import TemplatePage
from secretary_app.ui.print_document import UNITS_PER_MM, UNITS_PER_POINT, text_font
from secretary_app.ui.rich_text_document import LINE_SEPARATOR

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintDevice

WIDE_NUMBER = 88888  # a page number as wide as any, to measure the bands' height with
DEFAULT_TAB_MM = 12.7  # Word's default tab stops
ALIGNMENTS = {
    "left": Qt.AlignmentFlag.AlignLeft,
    "center": Qt.AlignmentFlag.AlignHCenter,
    "right": Qt.AlignmentFlag.AlignRight,
    "justify": Qt.AlignmentFlag.AlignJustify,
}
TAB_TYPES = {
    "left": QTextOption.TabType.LeftTab,
    "center": QTextOption.TabType.CenterTab,
    "right": QTextOption.TabType.RightTab,
}


class BandDocuments:
    """The header and footer of each page as QTextDocuments laid out for the device, `width`
    (device pixels) wide: the body's width."""

    def __init__(
        self, bands: PageBands, page: TemplatePage, device: QPaintDevice, width: float
    ) -> None:
        self.bands, self.page, self.device, self.width = bands, page, device, width
        self.pictures = _Pictures()

    def heights(self) -> tuple[float, float]:
        """The tallest header and the tallest footer (with page numbers of WIDE_NUMBER)."""
        number = WIDE_NUMBER
        headers = [self._height(band, number) for band in self.bands.headers()]
        footers = [self._height(band, number) for band in self.bands.footers()]
        return max(headers, default=0), max(footers, default=0)

    def draw(
        self, painter: QPainter, header: QRectF, footer: QRectF, number: int, count: int
    ) -> None:
        """Page `number`'s header at the top of `header`, its footer at the foot of `footer`;
        the paragraphs that do not fit in them are left out."""
        for band, area, at_foot in (
            (self.bands.header_on(number), header, False),
            (self.bands.footer_on(number), footer, True),
        ):
            if band.is_empty:
                continue
            document = self._document(band, number, count)
            height = _fitting(document, area.height())
            painter.save()
            painter.translate(area.left(), area.bottom() - height if at_foot else area.top())
            document.drawContents(painter, QRectF(0, 0, area.width(), height))
            painter.restore()

    def _height(self, band: Band, number: int) -> float:
        return 0.0 if band.is_empty else self._document(band, number, number).size().height()

    def _document(self, band: Band, number: int, count: int) -> QTextDocument:
        document = QTextDocument()
        writer = _BandWriter(document, self.page, self.pictures, number, count)
        writer.blocks(
            QTextCursor(document), band.blocks, self.width * 96 / self.device.logicalDpiX()
        )
        document.documentLayout().setPaintDevice(self.device)
        document.setTextWidth(self.width)
        return document


def _fitting(document: QTextDocument, room: float) -> float:
    """How tall the document is, or its blocks from the top that fit in `room`."""
    height = document.size().height()
    if height <= room:
        return height
    layout, block, fitting = document.documentLayout(), document.begin(), 0.0
    while block.isValid():
        bottom = layout.blockBoundingRect(block).bottom()
        fitting = max(fitting, bottom) if bottom <= room else fitting
        block = block.next()
    return fitting


class _BandWriter:
    """Writes a band into a QTextDocument, as page `number` of `count` shows it."""

    def __init__(
        self,
        document: QTextDocument,
        page: TemplatePage,
        pictures: _Pictures,
        number: int,
        count: int,
    ) -> None:
        self.document, self.page, self.pictures = document, page, pictures
        self.number, self.count = number, count
        document.setDocumentMargin(0)
        document.setDefaultFont(text_font(page.font_family, page.body_points))
        option = QTextOption()
        option.setTabStopDistance(DEFAULT_TAB_MM * UNITS_PER_MM)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        document.setDefaultTextOption(option)

    def blocks(self, cursor: QTextCursor, blocks: tuple[BandBlock, ...], width: float) -> None:
        """The blocks at the cursor, in an empty block; `width` in 1/96 inch."""
        fresh = True  # the cursor's block is empty and nobody has written in it
        for block in blocks:
            if isinstance(block, BandParagraph):
                self._paragraph(cursor, block, width, fresh)
                fresh = False
            elif self._table(cursor, block, width):
                fresh = True  # the empty block Qt puts after a table
        if fresh and blocks:  # that block takes no room
            block_format = QTextBlockFormat()
            block_format.setLineHeight(0, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
            cursor.setBlockFormat(block_format)
            cursor.setBlockCharFormat(self._char(BandRun(points=1)))

    def _paragraph(
        self, cursor: QTextCursor, paragraph: BandParagraph, width: float, fresh: bool
    ) -> None:
        block_format = QTextBlockFormat()
        block_format.setAlignment(ALIGNMENTS.get(paragraph.alignment, Qt.AlignmentFlag.AlignLeft))
        block_format.setTopMargin(paragraph.before_points * UNITS_PER_POINT)
        block_format.setBottomMargin(paragraph.after_points * UNITS_PER_POINT)
        tabs = [
            QTextOption.Tab(min(stop.position_mm * UNITS_PER_MM, width), TAB_TYPES[stop.kind])
            for stop in paragraph.tabs
        ]
        block_format.setTabPositions(tabs)
        char_format = self._char(next((run for run in paragraph.runs if not run.image), BandRun()))
        if fresh:
            cursor.setBlockFormat(block_format)
            cursor.setBlockCharFormat(char_format)
        else:
            cursor.insertBlock(block_format, char_format)
        for run in paragraph.runs:
            if run.image is not None:
                self._picture(cursor, run.image, width)
            else:
                text = run.shown(self.number, self.count).replace("\n", LINE_SEPARATOR)
                cursor.insertText(text, self._char(run))

    def _char(self, run: BandRun) -> QTextCharFormat:
        char_format = QTextCharFormat()
        if run.family:
            char_format.setFontFamilies([run.family])
        char_format.setFontPointSize(run.points or self.page.body_points)
        char_format.setFontWeight(QFont.Weight.Bold if run.bold else QFont.Weight.Normal)
        char_format.setFontItalic(run.italic)
        colour = QColor(f"#{run.colour}") if run.colour else QColor(Qt.GlobalColor.black)
        char_format.setForeground(colour)
        return char_format

    def _picture(self, cursor: QTextCursor, image: BandImage, width: float) -> None:
        """The picture at its size, made smaller where it is wider than `width` or taller
        than a quarter of the page."""
        name, picture = self.pictures.get(image)
        if picture is None:
            return
        self.document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), picture)
        wide, high = image.width_mm * UNITS_PER_MM, image.height_mm * UNITS_PER_MM
        scale = min(1.0, width / wide, self.page.height_mm * UNITS_PER_MM / 4 / high)
        image_format = QTextImageFormat()
        image_format.setName(name)
        image_format.setWidth(wide * scale)
        image_format.setHeight(high * scale)
        cursor.insertImage(image_format)

    def _table(self, cursor: QTextCursor, table: BandTable, width: float) -> bool:
        """A borderless table, its columns as the template's grid; was there one?"""
        columns = max((sum(cell.span for cell in row) for row in table.rows), default=0)
        if not columns:
            return False
        wide, percents = _grid(table.widths_mm, columns, width)
        inserted = cursor.insertTable(len(table.rows), columns, _table_format(wide, percents))
        for row, cells in enumerate(table.rows):
            column = 0
            for cell in cells[:columns]:
                span = min(cell.span, columns - column)
                if span < 1:
                    break
                inserted.mergeCells(row, column, 1, span)
                inner = width * wide / 100 * sum(percents[column : column + span]) / 100
                self.blocks(inserted.cellAt(row, column).firstCursorPosition(), cell.blocks, inner)
                column += span
        cursor.setPosition(inserted.lastPosition() + 1)
        return True


def _table_format(wide: float, percents: list[float]) -> QTextTableFormat:
    """No borders, no spacing, no padding; `wide` per cent of the band's width, its columns
    `percents` of that."""
    table_format = QTextTableFormat()
    table_format.setBorder(0)
    table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_None)
    table_format.setCellSpacing(0)
    table_format.setCellPadding(0)
    table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, wide))
    lengths = [QTextLength(QTextLength.Type.PercentageLength, p) for p in percents]
    table_format.setColumnWidthConstraints(lengths)
    return table_format


class _Pictures:
    """The band's pictures, each read once (on white: a PDF/A-1 has no transparency)."""

    def __init__(self) -> None:
        self.read: dict[BandImage, tuple[str, QImage | None]] = {}

    def get(self, image: BandImage) -> tuple[str, QImage | None]:
        if image not in self.read:
            self.read[image] = (f"band-picture-{len(self.read)}", _on_white(image.data))
        return self.read[image]


def _on_white(data: bytes) -> QImage | None:
    image = QImage.fromData(data)
    if image.isNull():
        return None  # a format Qt does not read (EMF, WMF): left out
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(Qt.GlobalColor.white)
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    return flat


def _grid(widths_mm: tuple[float, ...], columns: int, width: float) -> tuple[float, list[float]]:
    """The table's width in per cent of the band's (`width`, 1/96 inch), and its columns' in
    per cent of the table's: the template's grid, or the band's width in equal columns."""
    total = sum(widths_mm[:columns])
    if len(widths_mm) < columns or total <= 0:
        return 100.0, [100 / columns] * columns
    wide = min(100.0, total * UNITS_PER_MM / width * 100)
    return wide, [column / total * 100 for column in widths_mm[:columns]]
