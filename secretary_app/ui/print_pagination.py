"""The page-making of the Qt print writer (ui.print_writer): the QTextDocument of the blocks
(ui.print_document) laid out on the page's body.

It is laid out once; then blocks are moved to the next page where they would stand alone at a
page's foot (an item heading, its case line and the first lines after them; the signature sheet
is kept whole; no paragraph leaves one line alone at a page's foot or head), paragraphs are
split where they run over a page break (so no line is drawn twice), and the contents' page
numbers are filled in from where the headings landed; they stand in their own cells, so filling
them in moves nothing. The leader dots from a contents entry to its page number are drawn.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QSizeF, Qt
from PySide6.QtGui import (
    QPaintDevice,
    QPainter,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from secretary_app.ui.print_document import (
    CONTENTS_ENTRY,
    CONTENTS_NUMBER,
    HEADING,
    KEEP,
    LEFT_MARGIN,
    MARKS,
    TOGETHER,
    set_cell_format,
)
from secretary_app.ui.rich_text_document import LINE_SEPARATOR

KEEP_LINES = 3  # lines of what follows a heading that keep it company on its page
PAGE_MARGIN_MM = 1.0  # around the body on each page of the document, outside the body


def lay_out_pages(document: QTextDocument, device: QPaintDevice, body: QSizeF) -> int:
    """Lay the document out on pages whose text area is the body (in device pixels); keep
    headings with what follows, the signature sheet whole and no line of a paragraph alone,
    split paragraphs at page breaks, fill in the contents' page numbers. The page count.

    Each document page is the body with a margin all round (PAGE_MARGIN_MM, a whole number of
    pixels), drawn outside the body: with no margin, Qt let a page's last line run over its foot.
    """
    dpi = device.logicalDpiY()
    margin = round(PAGE_MARGIN_MM * dpi / 25.4)
    document.documentLayout().setPaintDevice(device)
    document.setDocumentMargin(margin * 96 / dpi)
    scale_left_margins(document, device.logicalDpiX())
    document.setPageSize(QSizeF(body.width() + 2 * margin, body.height() + 2 * margin))
    page_height = document.pageSize().height()
    # Each step reads the layout whole (pageCount lays the document out to its end): Qt lays
    # a long document out lazily, and a layout read half made and then changed came out with
    # whole items missing from the pages. A split moves nothing, as a rule; should it move a
    # heading to a page's foot all the same, the heading is moved on and the pages split anew.
    for _ in range(3):
        document.pageCount()
        moved = keep_together(document, page_height)
        document.pageCount()
        if not split_paragraphs_at_page_breaks(document, page_height) and not moved:
            break
    document.pageCount()
    fill_in_contents(document, page_height)
    return document.pageCount()


def document_margin(document: QTextDocument) -> float:
    """The document's margin in device pixels."""
    return document.documentMargin() * _dpi(document) / 96


def scale_left_margins(document: QTextDocument, dpi: float) -> None:
    """Qt scales a block's top and bottom margins to the device, not its left margin."""
    for block in _blocks(document):
        block_format = block.blockFormat()
        if block_format.hasProperty(LEFT_MARGIN):
            units = float(block_format.doubleProperty(LEFT_MARGIN))
            block_format.setLeftMargin(units * dpi / 96)
            QTextCursor(block).setBlockFormat(block_format)


def keep_together(document: QTextDocument, page_height: float) -> bool:
    """A page break before a heading (with the labels and case line right after it) that would
    end a page with fewer than KEEP_LINES lines of what follows, before a signature sheet that
    would not fit on what is left of its page, and where a paragraph would leave a line alone
    (_keep_lines). In the document's order, so that nothing moves what is before. Were any?"""
    pages = _Pages(document, page_height)
    moved = False
    block = document.begin()
    while block.isValid():
        moved = _keep(pages, block) or moved
        block = block.next()
    return moved


def _keep(pages: _Pages, block: QTextBlock) -> bool:
    previous = block.previous()
    if _marked(block, TOGETHER) and not _marked(previous, TOGETHER):
        whole = pages.spans_pages(_run(block, TOGETHER), whole_tables=True)
        return whole and pages.break_before(block)
    if _marked(block, KEEP) and not _marked(previous, KEEP):
        chain = _run(block, KEEP)
        following = pages.following_lines(chain[-1])
        return pages.spans_pages(chain, following=following) and pages.break_before(block)
    return _ordinary(block) and _keep_lines(pages, block)


def _ordinary(block: QTextBlock) -> bool:
    """A paragraph of text: none of the page-making's marks, not in a table."""
    block_format = block.blockFormat()
    marked = any(block_format.hasProperty(mark) for mark in MARKS)
    return not marked and QTextCursor(block).currentTable() is None


def _keep_lines(pages: _Pages, block: QTextBlock) -> bool:
    """Widow and orphan control: a paragraph over a page break that would leave one line alone
    at a page's foot or head, or that has only two or three lines, goes to the next page whole
    (with the heading and labels right before it); where it leaves one line alone at the head
    of its last page, the line before goes along with it. Was it moved?"""
    line_pages = pages.line_pages(block)
    count = len(line_pages)
    if count < 2 or line_pages[0] == line_pages[-1]:
        return False
    first, last = line_pages.count(line_pages[0]), line_pages.count(line_pages[-1])
    if count <= 3 or first == 1:
        return pages.break_before(_chain_start(block))
    if last > 1:
        return False
    if first == count - 1 and _marked(block.previous(), KEEP) and first - 1 < KEEP_LINES:
        return pages.break_before(_chain_start(block))  # a heading keeps its lines
    pages.split_before_line(block, count - 2)
    return True


def _chain_start(block: QTextBlock) -> QTextBlock:
    """The first of the blocks kept with the next right before `block`; `block` if none."""
    while _marked(block.previous(), KEEP):
        block = block.previous()
    return block


def _marked(block: QTextBlock, mark: int) -> bool:
    return block.isValid() and block.blockFormat().hasProperty(mark)


def _run(block: QTextBlock, mark: int) -> list[QTextBlock]:
    """The block and the blocks right after it that carry `mark`."""
    run = []
    while _marked(block, mark):
        run.append(block)
        block = block.next()
    return run


class _Pages:
    """Which page a block's lines are on, in the document as it is laid out now."""

    def __init__(self, document: QTextDocument, page_height: float) -> None:
        self.document = document
        self.layout = document.documentLayout()
        self.height = page_height

    def line_count(self, block: QTextBlock) -> int:
        self.layout.blockBoundingRect(block)  # lays the document out up to the block
        return block.layout().lineCount()

    def line_top(self, block: QTextBlock, line: int = 0) -> float:
        """Where the block's line starts (its last, for -1; the block, without lines)."""
        top = self.layout.blockBoundingRect(block).top()
        count = block.layout().lineCount()
        if not count:
            return top
        return top + block.layout().lineAt(line % count if line < 0 else min(line, count - 1)).y()

    def line_pages(self, block: QTextBlock) -> list[int]:
        """The page each of the block's lines is on."""
        top = self.layout.blockBoundingRect(block).top()
        lines = block.layout()
        return [self.page(top + lines.lineAt(n).y()) for n in range(lines.lineCount())]

    def following_lines(self, last: QTextBlock) -> list[tuple[QTextBlock, int]]:
        """The first KEEP_LINES lines after `last`, up to the next heading or the signature
        sheet: (block, line)."""
        lines: list[tuple[QTextBlock, int]] = []
        block = last.next()
        while (
            block.isValid()
            and not (_marked(block, KEEP) or _marked(block, TOGETHER))
            and len(lines) < KEEP_LINES
        ):
            count = max(self.line_count(block), 1)
            lines.extend((block, n) for n in range(min(count, KEEP_LINES - len(lines))))
            block = block.next()
        return lines

    def page(self, y: float) -> int:
        return int(y // self.height)

    def spans_pages(
        self,
        blocks: list[QTextBlock],
        following: list[tuple[QTextBlock, int]] | None = None,
        whole_tables: bool = False,
    ) -> bool:
        """Do the blocks (and the lines after them) not all stand on the first one's page?"""
        first = self.page(self.line_top(blocks[0]))
        bottoms = [self.layout.blockBoundingRect(block).bottom() for block in blocks]
        tops = [self.line_top(block, line) for block, line in following or []]
        if whole_tables:
            bottoms.extend(self._table_bottoms(blocks))
        pages = [self.page(y - 0.5) for y in bottoms] + [self.page(y) for y in tops]
        return max(pages, default=first) > first

    def _table_bottoms(self, blocks: list[QTextBlock]) -> Iterator[float]:
        for block in blocks:
            table = QTextCursor(block).currentTable()
            if table is not None:
                yield self.layout.frameBoundingRect(table).bottom()

    def break_before(self, block: QTextBlock) -> bool:
        """A page break before the block, unless it begins its page already. Was it put?"""
        previous = block.previous()
        if not previous.isValid():
            return False
        if self.page(self.line_top(previous, -1)) < self.page(self.line_top(block)):
            return False
        _page_break_before(block)
        self.document.pageCount()
        return True

    def split_before_line(self, block: QTextBlock, line: int) -> None:
        """Split the block before its line; the rest begins the next page."""
        _split_block(block, block.layout().lineAt(line).textStart(), 0)
        _page_break_before(block.next())
        self.document.pageCount()


def _page_break_before(block: QTextBlock) -> None:
    block_format = block.blockFormat()
    block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QTextCursor(block).setBlockFormat(block_format)


def split_paragraphs_at_page_breaks(document: QTextDocument, page_height: float) -> bool:
    """End a paragraph at the foot of a page and go on in a new one on the next.

    When one paragraph runs over a page break, Qt draws the line before the break once more
    above the next page's body: the clip hides it on paper, but a PDF's text layer keeps it, so
    search and screen readers meet that line twice. Paragraphs that end at the break don't.
    The part of a list item on the next page leaves the list, indented as the item's text: it
    is the same item going on, with no number of its own. Were any split?
    """
    split = False
    block = document.begin()
    while block.isValid():
        found = _first_line_on_a_later_page(document, block, page_height)
        if found is not None:
            _split_block(block, *found)
            split = True
        block = block.next()
    return split


def _first_line_on_a_later_page(
    document: QTextDocument, block: QTextBlock, page_height: float
) -> tuple[int, float] | None:
    """Where the block's first line on a later page starts in the text, and the room Qt left
    above it to begin that page (in the document's 1/96 inch)."""
    top = document.documentLayout().blockBoundingRect(block).top()  # lays it out first
    layout = block.layout()
    if layout.lineCount() < 2:
        return None
    first_page = int((top + layout.lineAt(0).y()) // page_height)
    for index in range(1, layout.lineCount()):
        line, before = layout.lineAt(index), layout.lineAt(index - 1)
        if int((top + line.y()) // page_height) > first_page:
            room = (line.y() - (before.y() + before.height())) * 96 / _dpi(document)
            return int(line.textStart()), room
    return None


def _dpi(document: QTextDocument) -> float:
    """The resolution of the device the document is laid out for."""
    device = document.documentLayout().paintDevice()
    return device.logicalDpiY() if device is not None else 96


def _split_block(block: QTextBlock, position: int, room: float) -> None:
    """Split the block at `position`; the rest keeps the room above it that took it to the
    next page (laid out anew without it, its first line would straddle the page's foot: with
    Arial's metrics it did, and was drawn into the footer band). A line break (U+2028) right
    before the split goes: the new paragraph breaks the line, and a line break at a paragraph's
    end is an empty line, which took the room twice. The rest carries none of the page-making's
    marks, nor a page break."""
    below = block.blockFormat()
    below.setTopMargin(room)
    below.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
    for mark in MARKS:
        below.clearProperty(mark)
    above = block.blockFormat()
    above.setBottomMargin(0)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + position)
    if block.text()[position - 1 : position] == LINE_SEPARATOR:
        cursor.deletePreviousChar()
    cursor.setBlockFormat(above)
    cursor.insertBlock(below, cursor.charFormat())
    text_list = block.textList()
    if text_list is not None:
        text_list.remove(block.next())


def fill_in_contents(document: QTextDocument, page_height: float) -> None:
    """Each contents entry's page number: the page its item heading starts on, level with the
    entry's last line. The numbers stand alone in cells of a fixed width, no taller than the
    entry beside them, so the layout does not change."""
    pages = _Pages(document, page_height)
    starts: dict[int, int] = {}
    for block in _blocks(document):
        block_format = block.blockFormat()
        if block_format.hasProperty(HEADING):
            index = block_format.intProperty(HEADING)
            starts.setdefault(index, pages.page(pages.line_top(block)) + 1)
    entries, numbers = _contents_blocks(document)
    for index, number in numbers.items():
        if index in starts and not number.text():
            _level_with_last_line(number, entries.get(index), pages)
            cursor = QTextCursor(number)
            cursor.insertText(str(starts[index]), cursor.charFormat())


def _blocks(document: QTextDocument) -> Iterator[QTextBlock]:
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def _contents_blocks(
    document: QTextDocument,
) -> tuple[dict[int, QTextBlock], dict[int, QTextBlock]]:
    """The contents' entries (the last part of each) and page-number cells, by index."""
    entries: dict[int, QTextBlock] = {}
    numbers: dict[int, QTextBlock] = {}
    for block in _blocks(document):
        block_format = block.blockFormat()
        if block_format.hasProperty(CONTENTS_NUMBER):
            numbers.setdefault(block_format.intProperty(CONTENTS_NUMBER), block)
        if block_format.hasProperty(CONTENTS_ENTRY):
            entries[block_format.intProperty(CONTENTS_ENTRY)] = block
    return entries, numbers


def _level_with_last_line(number: QTextBlock, entry: QTextBlock | None, pages: _Pages) -> None:
    """Room above the page number's cell down to the entry's last line, one device pixel
    short (never taller than the entry), where the entry is all on one page."""
    if entry is None or pages.line_count(entry) < 2:
        return
    first, last = pages.line_top(entry), pages.line_top(entry, -1)
    table = QTextCursor(number).currentTable()
    if table is None or pages.page(first) != pages.page(last) or last - first <= 1:
        return
    top = (last - first - 1) * 96 / _dpi(pages.document)
    set_cell_format(table.cellAt(number.position()), top=top)


@dataclass(frozen=True)
class Leader:
    """Dots from the end of a contents entry to its page number, in document coordinates."""

    page: int
    start: QPointF
    end: QPointF


def contents_leaders(document: QTextDocument, page_height: float) -> Iterator[Leader]:
    layout = document.documentLayout()
    entries, numbers = _contents_blocks(document)
    for index, entry in entries.items():
        number = numbers.get(index)
        if number is None or not number.text() or not entry.layout().lineCount():
            continue
        line = entry.layout().lineAt(entry.layout().lineCount() - 1)
        origin = layout.blockBoundingRect(entry).topLeft()
        baseline = origin.y() + line.y() + line.ascent()
        start = origin.x() + line.x() + line.naturalTextWidth()
        number_line = number.layout().lineAt(0)
        end = layout.blockBoundingRect(number).left() + number_line.naturalTextRect().left()
        page = int(baseline // page_height)
        yield Leader(page, QPointF(start, baseline), QPointF(end, baseline))


def draw_leaders(painter: QPainter, leaders: list[Leader], dpi: float) -> None:
    """Dotted lines, drawn, not written: the text layer reads "1 (Åben) Titel 3"."""
    if not leaders:
        return
    dot = dpi / 72 * 0.8  # points
    pen = QPen(Qt.GlobalColor.black, dot, Qt.PenStyle.CustomDashLine, Qt.PenCapStyle.RoundCap)
    pen.setDashPattern([0.01, 3.5])
    painter.setPen(pen)
    for leader in leaders:
        start, end = leader.start + QPointF(3 * dot, 0), leader.end - QPointF(3 * dot, 0)
        if end.x() - start.x() > 4 * dot:
            painter.drawLine(start, end)
