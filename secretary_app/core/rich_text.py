"""Rich text of agenda items (Resumé, Tidligere beslutninger, Beslutninger) as one portable tree.

The archive stores it as Markdown: `**bold**`, `*italic*`, `<u>underline</u>`, "- " and "1. "
lists (nested), hard line breaks, and tables (GitHub's pipe tables, `<br>` for a line break in a
cell). `parse_markdown` reads any Markdown without losing words;
`to_markdown` writes the one canonical form, so `parse_markdown(to_markdown(doc)) == doc` for every
normalised doc. The Qt editor (ui.rich_text_document) and the Word writer both go through the tree.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, TypeAlias

from secretary_app.core.text import clean_text

if TYPE_CHECKING:
    # markdown-it is imported on first use: it costs a fifth of the window's start-up time.
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@dataclass(frozen=True)
class Span:
    """A run of text in one format; "\\n" in `text` is a hard line break."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", clean_text(self.text))


@dataclass(frozen=True)
class Paragraph:
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class ListItem:
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    items: tuple[ListItem, ...]
    start: int = 1


@dataclass(frozen=True)
class Table:
    """Rows of cells, the first row the header; each cell one paragraph, which may be empty.
    In normal form every row has the same number of cells."""

    rows: tuple[tuple[Paragraph, ...], ...]


Block: TypeAlias = Paragraph | ListBlock | Table
RichText: TypeAlias = tuple[Block, ...]

MAX_LIST_NUMBER = 999_999_999  # CommonMark reads at most nine digits as a list number


# --- formats --------------------------------------------------------------------------------


class _Mark(Enum):
    """A format, in the order they nest when they start and end together (outermost first)."""

    UNDERLINE = "underline"
    BOLD = "bold"
    ITALIC = "italic"


_Marks: TypeAlias = frozenset[_Mark]
_StyledChar: TypeAlias = tuple[str, _Marks]
_UNDERLINE: _Marks = frozenset({_Mark.UNDERLINE})


def _marks_of(span: Span) -> _Marks:
    return frozenset(mark for mark in _Mark if getattr(span, mark.value))


def _span_with(text: str, marks: _Marks) -> Span:
    return Span(text, **{mark.value: mark in marks for mark in _Mark})


def _styled_chars(spans: Iterable[Span]) -> list[_StyledChar]:
    chars: list[_StyledChar] = []
    for span in spans:
        marks = _marks_of(span)
        chars.extend((char, marks) for char in span.text)
    return chars


def _spans(chars: Sequence[_StyledChar]) -> tuple[Span, ...]:
    spans: list[Span] = []
    start = 0
    for end in range(1, len(chars) + 1):
        if end == len(chars) or chars[end][1] != chars[start][1]:
            text = "".join(char for char, _ in chars[start:end])
            spans.append(_span_with(text, chars[start][1]))
            start = end
    return tuple(spans)


# --- normal form ----------------------------------------------------------------------------


def normalise(doc: Sequence[Block]) -> RichText:
    """The one form of `doc` that survives Markdown and the Qt editor unchanged.

    - adjacent spans in one format are merged, empty spans dropped;
    - a paragraph loses the line breaks before its text and all blanks after it, and is dropped
      if nothing is left (blanks at the start of a line are kept: they show);
    - blanks between words are bold or italic only where the words on both sides are, so
      "**Vigtigt:** tekst" however it was typed; a line break carries only the formats the text on
      both sides shares;
    - empty list items and lists are dropped; bullet lists start at 1, numbered ones between 0 and
      MAX_LIST_NUMBER;
    - a table's cells lose the blanks around their text, its rows are filled up to the widest
      with empty cells, rows and columns without text are dropped, and so is a table without
      text (a merged cell pasted from Word leaves empty cells that take no room).
    """
    blocks = (_normal_block(block) for block in doc)
    return tuple(block for block in blocks if block is not None)


def _normal_block(block: Block) -> Block | None:
    if isinstance(block, Paragraph):
        return _normal_paragraph(block)
    if isinstance(block, Table):
        return _normal_table(block)
    return _normal_list(block)


def _normal_paragraph(paragraph: Paragraph) -> Paragraph | None:
    chars = _styled_chars(paragraph.spans)
    start, end = 0, len(chars)
    while start < end and chars[start][0] == "\n":
        start += 1
    while end > start and chars[end - 1][0].isspace():
        end -= 1
    if start == end:
        return None
    return Paragraph(_spans(_settle_whitespace(chars[start:end])))


def _settle_whitespace(chars: list[_StyledChar]) -> list[_StyledChar]:
    settled = list(chars)
    start = 0
    while start < len(settled):
        end = start
        while end < len(settled) and _is_blank(settled[end][0]):
            end += 1
        if end == start:
            start += 1
            continue
        before = settled[start - 1][1] if start else frozenset()
        after = settled[end][1] if end < len(settled) else frozenset()
        settled[start:end] = _settled_run(settled[start:end], before & after)
        start = end
    return settled


def _settled_run(run: list[_StyledChar], shared: _Marks) -> list[_StyledChar]:
    """Blanks keep their underline (it shows); the rest comes from the text around them."""
    if any(char == "\n" for char, _ in run):
        return [(char, shared) for char, _ in run]
    emphasis = shared - _UNDERLINE
    return [(char, (marks & _UNDERLINE) | emphasis) for char, marks in run]


def _normal_list(block: ListBlock) -> ListBlock | None:
    items = tuple(ListItem(normalise(item.blocks)) for item in block.items)
    items = tuple(item for item in items if item.blocks)
    if not items:
        return None
    start = min(max(block.start, 0), MAX_LIST_NUMBER + 1 - len(items)) if block.ordered else 1
    return ListBlock(block.ordered, items, start)


def _normal_table(table: Table) -> Table | None:
    rows = [tuple(_normal_cell(cell) for cell in row) for row in table.rows]
    rows = [row for row in rows if any(cell.spans for cell in row)]
    if not rows:
        return None
    width = max(len(row) for row in rows)
    empty = Paragraph(())
    rows = [row + (empty,) * (width - len(row)) for row in rows]
    used = [column for column in range(width) if any(row[column].spans for row in rows)]
    return Table(tuple(tuple(row[column] for column in used) for row in rows))


def _normal_cell(cell: Paragraph) -> Paragraph:
    chars = _styled_chars(cell.spans)
    start, end = 0, len(chars)
    while start < end and chars[start][0].isspace():
        start += 1
    while end > start and chars[end - 1][0].isspace():
        end -= 1
    return Paragraph(_spans(_settle_whitespace(chars[start:end])))


# --- reading Markdown -----------------------------------------------------------------------


@functools.cache
def _markdown_reader() -> MarkdownIt:
    from markdown_it import MarkdownIt

    reader = MarkdownIt("commonmark", {"maxNesting": 100})
    return reader.disable(["html_block", "reference"]).enable("table")


_UNDERLINE_OPEN = re.compile(r"<u\s*>", re.IGNORECASE)
_UNDERLINE_CLOSE = re.compile(r"</u\s*>", re.IGNORECASE)
_LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_INLINE_MARKS = {"strong": _Mark.BOLD, "em": _Mark.ITALIC}


def parse_markdown(md: str) -> RichText:
    """Markdown as a tree. Headings, quotes, code and links keep their words as plain paragraphs."""
    if not md.strip():
        return ()
    source = clean_text(md)
    builder = _TreeBuilder(source)
    for token in _markdown_reader().parse(source):
        builder.add(token)
    return normalise(builder.blocks())


@dataclass
class _Container:
    opener: Token
    children: list[Block | ListItem] = field(default_factory=list)

    def build(self) -> Block | ListItem:
        if self.opener.type == "list_item_open":
            return ListItem(_blocks(self.children))
        ordered = self.opener.type == "ordered_list_open"
        start = int(self.opener.attrs.get("start", 1))
        items = tuple(child for child in self.children if isinstance(child, ListItem))
        return ListBlock(ordered, items, start)


def _blocks(children: list[Block | ListItem]) -> RichText:
    return tuple(child for child in children if not isinstance(child, ListItem))


class _TreeBuilder:
    def __init__(self, source: str) -> None:
        self._source = source  # for the cells markdown-it leaves out
        self._top: list[Block | ListItem] = []
        self._open: list[_Container] = []
        self._table: list[list[Paragraph]] | None = None  # the rows of the table being read
        self._row_line: str | None = None

    def blocks(self) -> RichText:
        return _blocks(self._top)

    def add(self, token: Token) -> None:
        if token.type.startswith(("table_", "tr_")) or self._table is not None:
            self._add_to_table(token)
        elif token.type in ("bullet_list_open", "ordered_list_open", "list_item_open"):
            self._open.append(_Container(token))
        elif token.type in ("bullet_list_close", "ordered_list_close", "list_item_close"):
            closed = self._open.pop()
            self._children().append(closed.build())
        elif token.type == "inline":
            self._add_paragraph(_inline_spans(token.children or []))
        elif token.type in ("code_block", "fence"):
            self._add_paragraph([Span(token.content.rstrip("\n"))])

    def _add_paragraph(self, spans: list[Span]) -> None:
        self._children().append(Paragraph(tuple(spans)))

    @functools.cached_property
    def _source_lines(self) -> list[str]:
        return self._source.split("\n")  # only when a table has a body

    def _add_to_table(self, token: Token) -> None:
        """Markdown tables hold only cells of inline text, and never nest."""
        if token.type == "table_open":
            self._table = []
        elif token.type == "table_close" and self._table is not None:
            self._children().append(Table(tuple(tuple(row) for row in self._table)))
            self._table = None
        elif token.type == "tr_open" and self._table is not None:
            self._table.append([])
            body = len(self._table) > 1  # the header row's line may start with a list marker
            self._row_line = self._source_lines[token.map[0]] if token.map and body else None
        elif token.type == "inline" and self._table:
            spans = _inline_spans(token.children or [], in_cell=True)
            self._table[-1].append(Paragraph(tuple(spans)))
        elif token.type == "tr_close" and self._table and self._row_line is not None:
            _keep_cells_past_the_header(self._table[-1], self._row_line)

    def _children(self) -> list[Block | ListItem]:
        return self._open[-1].children if self._open else self._top


def _keep_cells_past_the_header(row: list[Paragraph], line: str) -> None:
    """markdown-it drops the cells of a row past the header's number; their text is added to
    the row's last cell, after a "|", so that no word is lost."""
    cells = _row_cells(line.lstrip(" \t>"))
    if row and len(cells) > len(row):
        extra = " | ".join(cell.strip() for cell in cells[len(row) :])
        row[-1] = Paragraph((*row[-1].spans, Span(" | " + _unescaped(extra))))


def _row_cells(line: str) -> list[str]:
    """The cells of a table row, split as markdown-it splits them."""
    from markdown_it.rules_block.table import escapedSplit

    cells = escapedSplit(line.strip())
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return cells


_BACKSLASH_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _unescaped(markdown: str) -> str:
    """The text of Markdown read as plain text: its backslash escapes undone."""
    return _BACKSLASH_ESCAPE.sub(r"\1", markdown)


def _inline_spans(tokens: list[Token], in_cell: bool = False) -> list[Span]:
    """The spans of a paragraph or, `in_cell`, of a table cell, where `<br>` breaks the line."""
    depth = dict.fromkeys(_Mark, 0)
    spans: list[Span] = []
    for token in tokens:
        kind, _, change = token.type.rpartition("_")
        if kind in _INLINE_MARKS and change in ("open", "close"):
            depth[_INLINE_MARKS[kind]] += 1 if change == "open" else -1
        elif _is_underline_tag(token, depth[_Mark.UNDERLINE]):
            depth[_Mark.UNDERLINE] += 1 if _UNDERLINE_OPEN.fullmatch(token.content) else -1
        else:
            marks = frozenset(mark for mark, level in depth.items() if level > 0)
            line_break = in_cell and _is_line_break_tag(token)
            spans.append(_span_with("\n" if line_break else _inline_text(token), marks))
    return spans


def _is_line_break_tag(token: Token) -> bool:
    return token.type == "html_inline" and bool(_LINE_BREAK_TAG.fullmatch(token.content))


def _is_underline_tag(token: Token, underline_depth: int) -> bool:
    if token.type != "html_inline":
        return False
    return bool(
        _UNDERLINE_OPEN.fullmatch(token.content)
        or (underline_depth > 0 and _UNDERLINE_CLOSE.fullmatch(token.content))
    )


def _inline_text(token: Token) -> str:
    if token.type == "softbreak":
        return " "
    if token.type == "hardbreak":
        return "\n"
    if token.type == "image":
        return "".join(_inline_text(child) for child in token.children or [])
    if token.type in ("text", "code_inline", "html_inline"):
        return token.content.replace("\n", " ")
    return ""


# --- writing Markdown -----------------------------------------------------------------------


def to_markdown(doc: Sequence[Block]) -> str:
    """The canonical Markdown of `doc` (normalised first); "" for an empty doc."""
    return "\n".join(_block_lines(normalise(doc), in_item=False))


def _block_lines(blocks: RichText, *, in_item: bool) -> list[str]:
    lines: list[str] = []
    previous: Block | None = None
    alternate = False
    for block in blocks:
        if previous is not None and not _follows_tightly(previous, block, in_item):
            lines.append("")
        if isinstance(block, ListBlock):
            alternate = _continues_list(previous, block) and not alternate
            lines.extend(_list_lines(block, alternate))
        elif isinstance(block, Table):
            lines.extend(_table_lines(block))
        else:
            lines.extend(_paragraph_lines(block))
        previous = block
    return lines


def _follows_tightly(previous: Block, block: Block, in_item: bool) -> bool:
    """A list may start right under its item's text only if it can interrupt a paragraph."""
    if not (in_item and isinstance(previous, Paragraph) and isinstance(block, ListBlock)):
        return False
    return not block.ordered or block.start == 1


def _continues_list(previous: Block | None, block: ListBlock) -> bool:
    """Two lists in a row need different markers, or Markdown reads them as one."""
    return isinstance(previous, ListBlock) and previous.ordered == block.ordered


def _list_lines(block: ListBlock, alternate: bool) -> list[str]:
    lines: list[str] = []
    for number, item in enumerate(block.items, start=block.start):
        marker = _list_marker(block.ordered, number, alternate)
        first, *rest = _block_lines(item.blocks, in_item=True)
        lines.append(marker + first)
        lines.extend(" " * len(marker) + line if line else "" for line in rest)
    return lines


def _list_marker(ordered: bool, number: int, alternate: bool) -> str:
    if ordered:
        return f"{number}{')' if alternate else '.'} "
    return "* " if alternate else "- "


def _paragraph_lines(paragraph: Paragraph) -> list[str]:
    pieces = _pieces(_styled_chars(paragraph.spans))
    _choose_italic_markers(pieces)
    _escape_line_starts(pieces)
    _fix_flanking(pieces)
    return "".join(piece.source for piece in pieces).split("\n")


def _table_lines(table: Table) -> list[str]:
    header, *body = (_table_row(row) for row in table.rows)
    rule = "| " + " | ".join("---" for _ in table.rows[0]) + " |"
    return [header, rule, *body]


def _table_row(row: Sequence[Paragraph]) -> str:
    return "| " + " | ".join(_cell_source(cell) for cell in row) + " |"


def _cell_source(cell: Paragraph) -> str:
    """A cell is one line of inline Markdown: a line break in it is written `<br>`."""
    pieces = _pieces(_styled_chars(cell.spans))
    for piece in pieces:
        if piece.char == "\n":
            piece.source = "<br>"
    _choose_italic_markers(pieces)
    _fix_flanking(pieces)
    return "".join(piece.source for piece in pieces)


@dataclass
class _Piece:
    """One character of text, one hard break, or one format delimiter, as written."""

    source: str
    char: str = ""
    mark: _Mark | None = None
    opens: bool = False

    @property
    def is_text(self) -> bool:
        return self.mark is None and self.char != "\n"

    @property
    def is_emphasis(self) -> bool:
        return self.mark in (_Mark.BOLD, _Mark.ITALIC)


_ALWAYS_ESCAPED = frozenset("\\*_`<>[]&|")  # "|": a line with one may start a table
_ESCAPED_AT_LINE_START = frozenset("#+-=~:")  # ":": a table's rule, "--- | :-:"
_DIGITS = frozenset("0123456789")
_DELIMITERS = {_Mark.UNDERLINE: ("<u>", "</u>"), _Mark.BOLD: ("**", "**"), _Mark.ITALIC: ("*", "*")}


def _text_piece(char: str) -> _Piece:
    if char == "\n":
        return _Piece("\\\n", char)
    return _Piece("\\" + char if char in _ALWAYS_ESCAPED else char, char)


def _delimiter(mark: _Mark, opens: bool) -> _Piece:
    opening, closing = _DELIMITERS[mark]
    return _Piece(opening if opens else closing, mark=mark, opens=opens)


def _pieces(chars: list[_StyledChar]) -> list[_Piece]:
    """Text and delimiters, nested: formats that last longer open first and close last."""
    reach = _reach(chars)
    pieces: list[_Piece] = []
    stack: list[_Mark] = []
    for index, (char, marks) in enumerate(chars):
        kept = next((depth for depth, mark in enumerate(stack) if mark not in marks), len(stack))
        pieces.extend(_delimiter(mark, opens=False) for mark in reversed(stack[kept:]))
        del stack[kept:]
        new = sorted(marks - set(stack), key=lambda m: (-reach[m][index], list(_Mark).index(m)))
        pieces.extend(_delimiter(mark, opens=True) for mark in new)
        stack.extend(new)
        pieces.append(_text_piece(char))
    pieces.extend(_delimiter(mark, opens=False) for mark in reversed(stack))
    return pieces


def _reach(chars: list[_StyledChar]) -> dict[_Mark, list[int]]:
    """For each format and position: how many characters from there on have it."""
    reach = {mark: [0] * (len(chars) + 1) for mark in _Mark}
    for index in range(len(chars) - 1, -1, -1):
        for mark in chars[index][1]:
            reach[mark][index] = reach[mark][index + 1] + 1
    return reach


def _choose_italic_markers(pieces: list[_Piece]) -> None:
    """Italic next to bold is written with "_", so that no run of "*" holds two delimiters."""
    opener = 0
    for index, piece in enumerate(pieces):
        if piece.mark is not _Mark.ITALIC:
            continue
        if piece.opens:
            opener = index
        elif _touches_bold(pieces, opener) or _touches_bold(pieces, index):
            pieces[opener].source = pieces[index].source = "_"


def _touches_bold(pieces: list[_Piece], index: int) -> bool:
    neighbours = pieces[max(index - 1, 0) : index + 2]
    return any(piece.mark is _Mark.BOLD for piece in neighbours)


def _escape_line_starts(pieces: list[_Piece]) -> None:
    """Keep the first characters of each line from reading as a heading, list, code or rule."""
    for start in range(len(pieces)):
        if start == 0 or pieces[start - 1].char == "\n":
            _escape_line_start(pieces, start)


def _escape_line_start(pieces: list[_Piece], start: int) -> None:
    first = pieces[start]
    if not first.is_text:
        return
    if first.char.isspace():
        first.source = _entity(first.char)
    elif first.char in _ESCAPED_AT_LINE_START:
        first.source = "\\" + first.char
    end = start
    while end < len(pieces) and pieces[end].is_text and pieces[end].char in _DIGITS:
        end += 1
    if start < end < len(pieces) and pieces[end].is_text and pieces[end].char in ".)":
        pieces[end].source = "\\" + pieces[end].char


def _entity(char: str) -> str:
    return f"&#{ord(char)};"


# Emphasis follows CommonMark's flanking rules: "**" opens only before a non-blank, and only
# where it is not in the middle of punctuation. Where the text around a delimiter would break
# those rules, the neighbouring character is written as an entity ("&#32;"), which reads as
# punctuation to the delimiter and as the same character to the reader.


def _fix_flanking(pieces: list[_Piece]) -> None:
    delimiters = [index for index, piece in enumerate(pieces) if piece.is_emphasis]
    while any([_fix_delimiter(pieces, index) for index in delimiters]):
        pass


def _fix_delimiter(pieces: list[_Piece], index: int) -> bool:
    piece = pieces[index]
    if _delimiter_works(pieces, index):
        return False
    inner, outer = (index + 1, index - 1) if piece.opens else (index - 1, index + 1)
    if _is_blank(_source_char(pieces, inner, inner > index)) and _encode(pieces, inner):
        return True
    if _is_word_char(_source_char(pieces, outer, outer > index)):
        return _encode(pieces, outer)
    return False


def _delimiter_works(pieces: list[_Piece], index: int) -> bool:
    piece = pieces[index]
    before = _source_char(pieces, index - 1, False)
    after = _source_char(pieces, index + 1, True)
    can_open, can_close = _flanking(before, after, split_word=piece.source[0] == "*")
    return can_open if piece.opens else can_close


def _source_char(pieces: list[_Piece], index: int, first: bool) -> str:
    if not 0 <= index < len(pieces):
        return " "
    return pieces[index].source[0 if first else -1]


def _encode(pieces: list[_Piece], index: int) -> bool:
    piece = pieces[index]
    if not piece.is_text or piece.source.startswith("&#"):
        return False
    piece.source = _entity(piece.char)
    return True


@functools.cache
def _is_punctuation(char: str) -> bool:
    from markdown_it.common.utils import isMdAsciiPunct, isPunctChar

    return isMdAsciiPunct(ord(char)) or isPunctChar(char)


@functools.cache
def _is_blank(char: str) -> bool:
    from markdown_it.common.utils import isWhiteSpace

    return isWhiteSpace(ord(char))


def _is_word_char(char: str) -> bool:
    return not (_is_blank(char) or _is_punctuation(char))


def _flanking(before: str, after: str, *, split_word: bool) -> tuple[bool, bool]:
    """Whether a delimiter between `before` and `after` can open and close (as markdown-it)."""
    blank_before, blank_after = _is_blank(before), _is_blank(after)
    punct_before, punct_after = _is_punctuation(before), _is_punctuation(after)
    left = not (blank_after or (punct_after and not (blank_before or punct_before)))
    right = not (blank_before or (punct_before and not (blank_after or punct_after)))
    can_open = left and (split_word or not right or punct_before)
    can_close = right and (split_word or not left or punct_after)
    return can_open, can_close


# --- plain text -----------------------------------------------------------------------------

_BULLETS = ("•", "◦", "▪")


def plain_text(doc: Sequence[Block]) -> str:
    """The words as a reader sees them, for search and previews: one line per paragraph."""
    return "\n".join(_plain_lines(doc, level=1))


def _plain_lines(blocks: Sequence[Block], level: int) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield "".join(span.text for span in block.spans)
            continue
        if isinstance(block, Table):
            yield from (_plain_row(row) for row in block.rows)
            continue
        for number, item in enumerate(block.items, start=block.start):
            label = _list_label(block.ordered, level, number)
            lines = list(_plain_lines(item.blocks, level + 1))
            first_is_text = bool(item.blocks) and isinstance(item.blocks[0], Paragraph)
            yield from [f"{label} {lines[0]}", *lines[1:]] if first_is_text else [label, *lines]


def _plain_row(row: Sequence[Paragraph]) -> str:
    cells = ("".join(span.text for span in cell.spans).replace("\n", " ") for cell in row)
    return " | ".join(cells)


def _list_label(ordered: bool, level: int, number: int) -> str:
    if not ordered:
        return _BULLETS[(level - 1) % len(_BULLETS)]
    numbering: tuple[Callable[[int], str], ...] = (str, _letters, _roman)
    return numbering[(level - 1) % len(numbering)](number) + "."


def _letters(number: int) -> str:
    if number < 1:
        return str(number)
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _roman(number: int) -> str:
    if not 0 < number < 4000:
        return str(number)
    roman = ""
    for value, numeral in _ROMAN:
        count, number = divmod(number, value)
        roman += numeral * count
    return roman


def join_markdown(first: str, second: str) -> str:
    """Two texts as one: the second's paragraphs and lists after the first's."""
    if not first.strip():
        return second
    if not second.strip():
        return first
    return to_markdown((*parse_markdown(first), *parse_markdown(second)))
