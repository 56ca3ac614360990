"""The document of the Qt print writer (ui.print_writer): the blocks of the document layout
(export.layout) as a QTextDocument, in the fonts of the template's page. The header block and
the signature sheet become tables, the attachments a numbered list ("Bilag 1: …"), the table of
contents a table of entries and page numbers. Blocks carry marks (KEEP, HEADING, …) that the
page-making (ui.print_pagination) reads back after the layout.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QBrush,
    QFont,
    QFontMetricsF,
    QImage,
    QPaintDevice,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextListFormat,
    QTextTable,
    QTextTableCell,
    QTextTableFormat,
)

from secretary_app.core import vocabulary as words
from secretary_app.core.text import breakable
from secretary_app.export.layout import (
    AttachmentList,
    Block,
    Contents,
    DocumentLayout,
    Field,
    ItemHeading,
    Label,
    Plain,
    SignatureSheet,
    SubLabel,
    Text,
    Title,
)
from secretary_app.export.template_page import TemplatePage, page_of_template
from secretary_app.ui.rich_text_document import insert_rich_text

# Lengths in a QTextDocument (margins, paddings, borders) are 1/96 inch, scaled to the device.
UNITS_PER_POINT = 96 / 72
UNITS_PER_MM = 96 / 25.4
TITLE_POINTS = 18.0  # where the template's "Title" and "heading 1" leave the size to the body
HEADING_POINTS = 14.0
FIELD_LABEL_PERCENT = 30.0  # the header block's label column, wider for a label's long word
FIELD_LABEL_MOST_PERCENT = 50.0
CONTENTS_NUMBER_PERCENT = 10.0  # the table of contents' page-number column
SIGNATURE_ROW_MM = 14.0  # a row of the signature sheet, name and line to sign on
SIGNATURE_COLUMNS = (45.0, 55.0)

# Block properties the page-making reads back after the layout.
_USER = int(QTextFormat.Property.UserProperty.value)
KEEP = _USER + 1  # keep with the next block: a heading, a label, an item's case line
HEADING = _USER + 2  # the i-th item heading
CONTENTS_NUMBER = _USER + 3  # the cell for the page number of the i-th contents entry
CONTENTS_ENTRY = _USER + 4  # the i-th contents entry (leader dots run from its end)
TOGETHER = _USER + 5  # a part of the signature sheet, kept on one page
LEFT_MARGIN = _USER + 6  # the block's left margin in 1/96 inch (Qt does not scale that one)
MARKS = (KEEP, HEADING, CONTENTS_NUMBER, CONTENTS_ENTRY, TOGETHER)


@functools.cache
def default_page() -> TemplatePage:
    """The page of the default template."""
    return page_of_template(None)


def heading_anchor(index: int) -> str:
    """The name of the i-th item heading, for the contents' links."""
    return f"punkt-{index + 1}"


def text_document(layout: DocumentLayout, page: TemplatePage | None = None) -> QTextDocument:
    """The blocks of `layout` in the fonts of `page` (None: the default template's)."""
    page = page or default_page()
    document = QTextDocument()
    document.setDefaultFont(text_font(page.font_family, page.body_points))
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, layout.title)
    writer = _BlockWriter(QTextCursor(document), page, _label_percent(layout.blocks, page))
    for block in layout.blocks:
        writer.write(block)
    writer.finish()
    return document


def text_font(family: str, points: float) -> QFont:
    font = QFont(family)
    # No ligatures: the PDF's text layer would spell "Offentlig" with U+FB00 and search fails.
    for feature in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(feature), 0)
    font.setPointSizeF(points)
    return font


class _BlockWriter:
    """Writes blocks at the cursor, which always stands at the document's end."""

    def __init__(self, cursor: QTextCursor, page: TemplatePage, label_percent: float) -> None:
        self.cursor = cursor
        self.page = page
        self.label_percent = label_percent
        self.fresh = True  # the cursor's block is empty and nobody has written in it
        self.fields: QTextTable | None = None  # the header block being written
        self.headings = 0
        self.after_heading = False

    def write(self, block: Block) -> None:
        if not isinstance(block, Field):
            self.fields = None
        case_line, self.after_heading = self.after_heading, isinstance(block, ItemHeading)
        if isinstance(block, Title):
            self._line(block.text, self._title_points(), bold=True, after=12)
        elif isinstance(block, Field):
            self._field(block)
        elif isinstance(block, Contents):
            self._contents(block)
        elif isinstance(block, ItemHeading):
            self._heading(block)
        elif isinstance(block, Label):
            self._line(block.text, bold=True, before=6, after=2, marks={KEEP: 1})
        elif isinstance(block, SubLabel):
            self._line(block.text, italic=True, after=3, marks={KEEP: 1})
        elif isinstance(block, Text):
            self._new_block(QTextBlockFormat())
            insert_rich_text(self.cursor, block.rich)
        elif isinstance(block, Plain):
            self._line(block.text, after=2, marks={KEEP: 1} if case_line else {})
        elif isinstance(block, AttachmentList):
            self._attachments(block)
        elif isinstance(block, SignatureSheet):
            self._signatures(block)

    def finish(self) -> None:
        """An empty block left after a closing table takes no room (nor a page of its own)."""
        if self.fresh and self.cursor.block().previous().isValid():
            block_format = QTextBlockFormat()
            block_format.setLineHeight(1, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
            self.cursor.setBlockFormat(block_format)
            self.cursor.setBlockCharFormat(self._char(points=1))

    # -- plain blocks

    def _heading(self, heading: ItemHeading) -> None:
        char_format = self._char(self._heading_points(), bold=True)
        char_format.setAnchor(True)
        char_format.setAnchorNames([heading_anchor(self.headings)])
        marks = {KEEP: 1, HEADING: self.headings}
        self._line(heading.text, before=18, after=6, marks=marks, char_format=char_format)
        self.headings += 1

    def _line(
        self,
        text: str,
        points: float | None = None,
        bold: bool = False,
        italic: bool = False,
        before: float = 0,
        after: float = 0,
        marks: Mapping[int, int] | None = None,
        char_format: QTextCharFormat | None = None,
    ) -> None:
        char_format = char_format or self._char(points, bold, italic)
        self._new_block(_spacing(before, after, marks), char_format)
        self.cursor.insertText(breakable(text), char_format)

    def _new_block(
        self, block_format: QTextBlockFormat, char_format: QTextCharFormat | None = None
    ) -> None:
        char_format = char_format or self._char()
        if self.fresh:
            self.cursor.setBlockFormat(block_format)
            self.cursor.setBlockCharFormat(char_format)
            self.fresh = False
        else:
            self.cursor.insertBlock(block_format, char_format)

    def _char(
        self, points: float | None = None, bold: bool = False, italic: bool = False
    ) -> QTextCharFormat:
        char_format = QTextCharFormat()
        char_format.setFontPointSize(points or self.page.body_points)
        char_format.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        char_format.setFontItalic(italic)
        return char_format

    def _title_points(self) -> float:
        return self.page.title_points or max(TITLE_POINTS, self.page.body_points)

    def _heading_points(self) -> float:
        return self.page.heading_points or max(HEADING_POINTS, self.page.body_points)

    # -- tables

    def _table(
        self, rows: int, widths: tuple[float, ...], before: float = 0, after: float = 0
    ) -> QTextTable:
        """A borderless table over the body's width, columns in per cent of it; the cursor
        goes on after it."""
        table_format = QTextTableFormat()
        table_format.setBorder(0)
        table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_None)
        table_format.setBorderCollapse(True)
        table_format.setCellSpacing(0)
        table_format.setCellPadding(0)
        table_format.setMargin(0)
        # Qt leaves out the top margin of a block right after a table: the table keeps it.
        table_format.setTopMargin(before * UNITS_PER_POINT)
        table_format.setBottomMargin(after * UNITS_PER_POINT)
        table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        lengths = [QTextLength(QTextLength.Type.PercentageLength, w) for w in widths]
        table_format.setColumnWidthConstraints(lengths)
        table = self.cursor.insertTable(rows, len(widths), table_format)
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        self.fresh = True  # the empty block Qt puts after a table
        return table

    def _cell(
        self,
        table: QTextTable,
        row: int,
        column: int,
        text: str,
        char_format: QTextCharFormat,
        block_format: QTextBlockFormat | None = None,
    ) -> QTextTableCell:
        """Write the cell's text; the cell, for its own format, which must be set after this
        (a cell's format is its first block's character format)."""
        cell = table.cellAt(row, column)
        cursor = cell.firstCursorPosition()
        cursor.setBlockFormat(block_format or _spacing(0, 2))
        cursor.setBlockCharFormat(char_format)
        cursor.insertText(breakable(text), char_format)
        return cell

    def _field(self, field: Field) -> None:
        """A row of the header block: the label in bold in its column, the value beside it."""
        if self.fields is None:
            widths = (self.label_percent, 100 - self.label_percent)
            self.fields = self._table(1, widths, before=4, after=14)
        else:
            self.fields.appendRows(1)
        table, row = self.fields, self.fields.rows() - 1
        label = self._cell(table, row, 0, f"{field.label}:", self._char(bold=True))
        set_cell_format(label, right=6)
        self._cell(table, row, 1, field.value, self._char())

    def _contents(self, contents: Contents) -> None:
        """The heading, and a row per entry: its text, and its page number right-aligned in a
        column of its own (filled in when the pages are made; linked to the item)."""
        points, keep = self._heading_points(), {KEEP: 1}
        self._line(contents.heading, points, bold=True, before=14, after=4, marks=keep)
        if not contents.entries:
            return
        widths = (100 - CONTENTS_NUMBER_PERCENT, CONTENTS_NUMBER_PERCENT)
        table = self._table(len(contents.entries), widths, after=18)
        for index, entry in enumerate(contents.entries):
            link = self._link(index)
            self._cell(table, index, 0, entry, link, _spacing(0, 2, {CONTENTS_ENTRY: index}))
            number = _spacing(0, 2, {CONTENTS_NUMBER: index})
            number.setAlignment(Qt.AlignmentFlag.AlignRight)
            self._cell(table, index, 1, "", link, number)

    def _link(self, index: int) -> QTextCharFormat:
        link = self._char()
        link.setAnchor(True)
        link.setAnchorHref(f"#{heading_anchor(index)}")
        return link

    # -- lists and sheets

    def _attachments(self, attachments: AttachmentList) -> None:
        """A numbered list, "Bilag 1: …": the numbers stand in the margin the blocks keep on
        their left, wide enough for the widest, so its "B" is at the body's edge."""
        prefix, _, suffix = words.ATTACHMENT_NUMBER.partition("{number}")
        list_format = QTextListFormat()
        list_format.setStyle(QTextListFormat.Style.ListDecimal)
        list_format.setNumberPrefix(prefix)
        list_format.setNumberSuffix(suffix)
        list_format.setIndent(0)
        widest = f"{prefix}{len(attachments.titles)}{suffix} "
        margin = _text_width(widest, self.page) + 2
        block_format = _spacing(0, 2)
        block_format.setLeftMargin(margin)
        block_format.setProperty(LEFT_MARGIN, margin)
        text_list = None
        for title in attachments.titles:
            self._new_block(block_format)
            if text_list is None:
                text_list = self.cursor.createList(list_format)
            else:
                text_list.add(self.cursor.block())
            self.cursor.insertText(breakable(title), self._char())

    def _signatures(self, sheet: SignatureSheet) -> None:
        """The heading, who approved, and a row per member: the name, and a line to sign on."""
        together: Mapping[int, int] = {TOGETHER: 1}
        self._line(sheet.heading, bold=True, before=12, after=2, marks=together)
        if sheet.approved:
            self._line(sheet.approved, after=4, marks=together)
        table = self._table(len(sheet.names) + 1, SIGNATURE_COLUMNS, before=4)
        header = _spacing(0, 2, together)
        self._cell(table, 0, 0, words.SIGNATURE_NAME, self._char(bold=True), header)
        self._cell(table, 0, 1, words.SIGNATURE_COLUMN, self._char(bold=True), header)
        text = 1.15 * self.page.body_points + 2  # a line of the body's font, and its spacing
        room = SIGNATURE_ROW_MM * UNITS_PER_MM - text * UNITS_PER_POINT
        for row, name in enumerate(sheet.names, start=1):
            name_cell = self._cell(table, row, 0, name, self._char(), _spacing(0, 2, together))
            set_cell_format(name_cell, top=room)
            to_sign = self._cell(table, row, 1, "", self._char(), _spacing(0, 2, together))
            set_cell_format(to_sign, top=room, left=6, line=0.75)


def set_cell_format(
    cell: QTextTableCell, top: float = 0, right: float = 0, left: float = 0, line: float = 0
) -> None:
    """The cell's paddings (top in 1/96 inch, the sides in points) and a line at its foot
    (points wide)."""
    cell_format = cell.format().toTableCellFormat()
    cell_format.setTopPadding(top)
    cell_format.setRightPadding(right * UNITS_PER_POINT)
    cell_format.setLeftPadding(left * UNITS_PER_POINT)
    if line:
        cell_format.setBottomBorder(line * UNITS_PER_POINT)
        cell_format.setBottomBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        cell_format.setBottomBorderBrush(QBrush(Qt.GlobalColor.black))
    cell.setFormat(cell_format)


def _spacing(
    before: float, after: float, marks: Mapping[int, int] | None = None
) -> QTextBlockFormat:
    """A block format with room before and after it (points), and the page-making's marks."""
    block_format = QTextBlockFormat()
    block_format.setTopMargin(before * UNITS_PER_POINT)
    block_format.setBottomMargin(after * UNITS_PER_POINT)
    for mark, value in (marks or {}).items():
        block_format.setProperty(mark, value)
    return block_format


def _label_percent(blocks: tuple[Block, ...], page: TemplatePage) -> float:
    """The header block's label column (per cent of the body's width): FIELD_LABEL_PERCENT,
    or what the longest word of a label needs (a word is never broken), up to a half."""
    labels = [f"{block.label}:" for block in blocks if isinstance(block, Field)]
    widest = max((_text_width(w, page, bold=True) for t in labels for w in t.split()), default=0)
    needed = (widest + 6 * UNITS_PER_POINT + 2) / (page.body_width_mm * UNITS_PER_MM) * 100
    return min(max(FIELD_LABEL_PERCENT, needed), FIELD_LABEL_MOST_PERCENT)


def _text_width(text: str, page: TemplatePage, bold: bool = False) -> float:
    """How wide `text` is in the body's font, in the document's 1/96 inch."""
    font = text_font(page.font_family, page.body_points)
    font.setBold(bold)
    metrics = QFontMetricsF(font, device_of(96))
    return metrics.horizontalAdvance(text)


def device_of(dpi: float) -> QPaintDevice:
    """A paint device of `dpi` dots per inch, for font metrics before painting."""
    image = QImage(1, 1, QImage.Format.Format_Mono)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    return image
