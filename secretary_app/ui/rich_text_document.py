"""Rich text between the portable tree (core.rich_text) and the QTextDocument of an editor.

Qt's own toMarkdown/setMarkdown are not used: they turn line breaks into spaces and hard breaks
into new list items. Here a list is a QTextList whose indent is its nesting level; a further
paragraph of a list item is a block outside the list, indented to the item's level; a line break
is U+2028; a table is a QTextTable (a table inside a list item carries the item's level as a
property), and a cell's paragraphs are read back as lines. Only bold, italic and underline are read
back, so text pasted from Word loses its fonts, colours and sizes, and merged cells come apart.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeAlias

from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFragment,
    QTextFrameFormat,
    QTextLength,
    QTextList,
    QTextListFormat,
    QTextTable,
    QTextTableCell,
    QTextTableFormat,
)

from secretary_app.core.rich_text import (
    Block,
    ListBlock,
    ListItem,
    Paragraph,
    RichText,
    Span,
    Table,
    normalise,
    parse_markdown,
    to_markdown,
)
from secretary_app.core.text import breakable

LINE_SEPARATOR = "\u2028"
PARAGRAPH_SPACING = 6.0  # pixels (points on paper) below a paragraph that is not a list item
PARAGRAPH_SEPARATOR = "\u2029"
TABLE_LEVEL = QTextFormat.Property.UserProperty + 1  # the list level a table stands in
TABLE_BORDER = "#808080"

_Style = QTextListFormat.Style
ORDERED_STYLES = (_Style.ListDecimal, _Style.ListLowerAlpha, _Style.ListLowerRoman)
BULLET_STYLES = (_Style.ListDisc, _Style.ListCircle, _Style.ListSquare)
_ALL_ORDERED_STYLES = (*ORDERED_STYLES, _Style.ListUpperAlpha, _Style.ListUpperRoman)


def list_style(ordered: bool, level: int) -> QTextListFormat.Style:
    """1. a. i. for numbered lists, disc, circle, square for bullets, by nesting level (from 1)."""
    styles = ORDERED_STYLES if ordered else BULLET_STYLES
    return styles[(level - 1) % len(styles)]


def markdown_from_document(document: QTextDocument) -> str:
    return to_markdown(rich_text_from_document(document))


def set_document_markdown(document: QTextDocument, md: str) -> None:
    document_from_rich_text(parse_markdown(md), document)


# --- tree -> document -----------------------------------------------------------------------


def document_from_rich_text(doc: RichText, document: QTextDocument) -> None:
    """Replace the content of `document` with `doc`."""
    document.clear()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    _DocumentWriter(cursor).write_blocks(normalise(doc), level=0)
    cursor.endEditBlock()


def insert_rich_text(cursor: QTextCursor, doc: RichText) -> None:
    """Write `doc` at the cursor, which stands in an empty block (for the print writer)."""
    _DocumentWriter(cursor, printing=True).write_blocks(normalise(doc), level=0)


class _DocumentWriter:
    def __init__(self, cursor: QTextCursor, printing: bool = False) -> None:
        self._cursor = cursor
        self._at_start = True
        self._printing = printing  # long words get break chances; never in an editor

    def write_blocks(self, blocks: Sequence[Block], level: int) -> None:
        for block in blocks:
            if isinstance(block, Paragraph):
                self._new_block(indent=level, after=PARAGRAPH_SPACING)
                self._write_spans(block.spans)
            elif isinstance(block, Table):
                self._write_table(block, level)
            else:
                self._write_list(block, level + 1)

    def _write_table(self, block: Table, level: int) -> None:
        """Qt puts the table after the cursor's block and an empty block after the table, in
        which the next block is written."""
        columns = len(block.rows[0])
        indent = self._cursor.document().indentWidth() * level
        table = self._cursor.insertTable(len(block.rows), columns, table_format(level, indent))
        for row, cells in enumerate(block.rows):
            for column, cell in enumerate(cells):
                cell_cursor = table.cellAt(row, column).firstCursorPosition()
                self._write_spans(cell.spans, cell_cursor)
        self._cursor.setPosition(table.lastPosition() + 1)
        self._at_start = True

    def _write_list(self, block: ListBlock, level: int) -> None:
        text_list: QTextList | None = None
        for item in block.items:
            self._new_block(indent=0)
            if text_list is None:
                text_list = self._cursor.createList(_list_format(block, level))
            else:
                text_list.add(self._cursor.block())
            self._write_item(item, level)

    def _write_item(self, item: ListItem, level: int) -> None:
        first = item.blocks[0]
        if isinstance(first, Paragraph):
            self._write_spans(first.spans)
            self.write_blocks(item.blocks[1:], level)
        else:
            self.write_blocks(item.blocks, level)

    def _new_block(self, indent: int, after: float = 0) -> None:
        block_format = QTextBlockFormat()
        block_format.setIndent(indent)
        block_format.setBottomMargin(after)
        if self._at_start:
            self._cursor.setBlockFormat(block_format)
            self._at_start = False
        else:
            self._cursor.insertBlock(block_format, QTextCharFormat())

    def _write_spans(self, spans: Sequence[Span], cursor: QTextCursor | None = None) -> None:
        cursor = self._cursor if cursor is None else cursor
        for span in spans:
            text = span.text.replace("\n", LINE_SEPARATOR)
            text = breakable(text) if self._printing else text
            cursor.insertText(text, _char_format(span))


def table_format(level: int, indent: float) -> QTextTableFormat:
    """Thin grey lines, the full width, the header row repeated on every printed page."""
    fmt = QTextTableFormat()
    fmt.setBorder(1)
    fmt.setBorderBrush(QBrush(QColor(TABLE_BORDER)))
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    fmt.setBorderCollapse(True)
    fmt.setCellSpacing(0)
    fmt.setCellPadding(3)
    fmt.setHeaderRowCount(1)
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    fmt.setLeftMargin(indent)
    fmt.setBottomMargin(PARAGRAPH_SPACING)
    fmt.setProperty(TABLE_LEVEL, level)
    return fmt


def _list_format(block: ListBlock, level: int) -> QTextListFormat:
    list_format = QTextListFormat()
    list_format.setStyle(list_style(block.ordered, level))
    list_format.setIndent(level)
    list_format.setStart(block.start)
    return list_format


def _char_format(span: Span) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setFontWeight(QFont.Weight.Bold if span.bold else QFont.Weight.Normal)
    char_format.setFontItalic(span.italic)
    char_format.setFontUnderline(span.underline)
    return char_format


# --- document -> tree -----------------------------------------------------------------------


def rich_text_from_document(document: QTextDocument) -> RichText:
    """The document's text, paragraphs and lists, with bold, italic and underline only."""
    reader = _TreeReader()
    block = document.begin()
    while block.isValid():
        table = outermost_table(block)
        if table is None:
            reader.add(block)
            block = block.next()
            continue
        after = document.findBlock(table.lastPosition() + 1)
        reader.add_table(_table_level(document, table, after), _table(table))
        block = after if after.position() > block.position() else block.next()
    return normalise(reader.blocks())


def _table_level(document: QTextDocument, table: QTextTable, after: QTextBlock) -> int:
    """The list level the table stands in: ours say it; a pasted one (Qt puts a table of a
    list item's between the item and the next) is in the list that goes on after it."""
    if table.format().hasProperty(TABLE_LEVEL):
        return table.format().intProperty(TABLE_LEVEL)
    before = document.findBlock(table.firstPosition() - 1).textList()
    while after.isValid() and after.textList() is None and not after.text().strip():
        after = after.next()
    going_on = after.textList() if after.isValid() else None
    if before is None or going_on is None or before.objectIndex() != going_on.objectIndex():
        return 0
    return before.format().indent()


def outermost_table(block: QTextBlock) -> QTextTable | None:
    """The table the block is in; for a table in a table's cell, the outer one."""
    table = QTextCursor(block).currentTable()
    while table is not None:
        parent = table.parentFrame()
        if not isinstance(parent, QTextTable):
            break
        table = parent
    return table


def _table(table: QTextTable) -> Table:
    """A merged cell's text goes to its first row and column, the cells it covers are empty."""
    rows = []
    for row in range(table.rows()):
        cells = []
        for column in range(table.columns()):
            cell = table.cellAt(row, column)
            covered = (cell.row(), cell.column()) != (row, column)
            cells.append(Paragraph(()) if covered else _cell_paragraph(cell))
        rows.append(tuple(cells))
    return Table(tuple(rows))


def _cell_paragraph(cell: QTextTableCell) -> Paragraph:
    """The cell's paragraphs (and a table's in it) as lines of one paragraph."""
    spans: list[Span] = []
    block = cell.firstCursorPosition().block()
    first, last = block.position(), cell.lastCursorPosition().position()
    while block.isValid() and block.position() <= last:
        if block.position() > first:
            spans.append(Span("\n"))
        spans.extend(_span(fragment) for fragment in _text_fragments(block))
        block = block.next()
    return Paragraph(tuple(spans))


@dataclass
class _OpenList:
    key: int
    ordered: bool
    start: int
    items: list[list[_Child]] = field(default_factory=list)

    def freeze(self) -> ListBlock:
        items = tuple(ListItem(_freeze(item)) for item in self.items)
        return ListBlock(self.ordered, items, self.start)


_Child: TypeAlias = Paragraph | Table | _OpenList


def _freeze(children: list[_Child]) -> RichText:
    return tuple(child.freeze() if isinstance(child, _OpenList) else child for child in children)


class _TreeReader:
    """Builds the tree block by block; `_open` holds the lists the last block is inside.

    A list nests at most one level below the list before it, whatever its indent says.
    """

    def __init__(self) -> None:
        self._top: list[_Child] = []
        self._open: list[_OpenList] = []

    def blocks(self) -> RichText:
        return _freeze(self._top)

    def add(self, block: QTextBlock) -> None:
        paragraph = _paragraph(block)
        text_list = block.textList()
        if text_list is not None:
            self._add_item(block, text_list, paragraph)
        elif paragraph is not None:
            self._add_paragraph(block.blockFormat().indent(), paragraph)

    def _add_item(
        self, block: QTextBlock, text_list: QTextList, paragraph: Paragraph | None
    ) -> None:
        keys = [opened.key for opened in self._open]
        if text_list.objectIndex() in keys:
            del self._open[keys.index(text_list.objectIndex()) + 1 :]
        else:
            level = min(max(text_list.format().indent(), 1), len(self._open) + 1)
            del self._open[level - 1 :]
            self._open_list(block, text_list)
        self._open[-1].items.append([paragraph] if paragraph is not None else [])

    def _open_list(self, block: QTextBlock, text_list: QTextList) -> None:
        list_format = text_list.format()
        ordered = list_format.style() in _ALL_ORDERED_STYLES
        start = list_format.start() + text_list.itemNumber(block)
        opened = _OpenList(text_list.objectIndex(), ordered, start)
        self._container().append(opened)
        self._open.append(opened)

    def _add_paragraph(self, indent: int, paragraph: Paragraph) -> None:
        del self._open[max(indent, 0) :]
        self._container().append(paragraph)

    def add_table(self, level: int, table: Table) -> None:
        del self._open[max(level, 0) :]
        self._container().append(table)

    def _container(self) -> list[_Child]:
        return self._open[-1].items[-1] if self._open else self._top


def _paragraph(block: QTextBlock) -> Paragraph | None:
    spans = tuple(_span(fragment) for fragment in _text_fragments(block))
    return Paragraph(spans) if spans else None


def _text_fragments(block: QTextBlock) -> Iterator[QTextFragment]:
    position = block.begin()
    while not position.atEnd():
        fragment = position.fragment()
        if fragment.isValid() and not fragment.charFormat().isImageFormat():
            yield fragment
        position += 1


def _span(fragment: QTextFragment) -> Span:
    char_format = fragment.charFormat()
    text = fragment.text().replace(LINE_SEPARATOR, "\n").replace(PARAGRAPH_SEPARATOR, "\n")
    return Span(
        text,
        bold=char_format.fontWeight() >= QFont.Weight.Bold.value,
        italic=char_format.fontItalic(),
        underline=char_format.fontUnderline(),
    )
