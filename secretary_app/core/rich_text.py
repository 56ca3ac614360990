"""Rich text of agenda items (Resumé, Tidligere beslutninger, Beslutninger) as one portable tree.

The archive stores it as Markdown: `**bold**`, `*italic*`, `<u>underline</u>`, "- " and "1. "
lists (nested), and hard line breaks. `parse_markdown` reads any Markdown without losing words;
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


Block: TypeAlias = Paragraph | ListBlock
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
      MAX_LIST_NUMBER.
    """
    blocks = (_normal_block(block) for block in doc)
    return tuple(block for block in blocks if block is not None)


def _normal_block(block: Block) -> Block | None:
    if isinstance(block, Paragraph):
        return _normal_paragraph(block)
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


# --- reading Markdown -----------------------------------------------------------------------


@functools.cache
def _markdown_reader() -> MarkdownIt:
    from markdown_it import MarkdownIt

    reader = MarkdownIt("commonmark", {"maxNesting": 100})
    return reader.disable(["html_block", "reference"])


_UNDERLINE_OPEN = re.compile(r"<u\s*>", re.IGNORECASE)
_UNDERLINE_CLOSE = re.compile(r"</u\s*>", re.IGNORECASE)
_INLINE_MARKS = {"strong": _Mark.BOLD, "em": _Mark.ITALIC}


def parse_markdown(md: str) -> RichText:
    """Markdown as a tree. Headings, quotes, code and links keep their words as plain paragraphs."""
    if not md.strip():
        return ()
    builder = _TreeBuilder()
    for token in _markdown_reader().parse(clean_text(md)):
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
    def __init__(self) -> None:
        self._top: list[Block | ListItem] = []
        self._open: list[_Container] = []

    def blocks(self) -> RichText:
        return _blocks(self._top)

    def add(self, token: Token) -> None:
        if token.type in ("bullet_list_open", "ordered_list_open", "list_item_open"):
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

    def _children(self) -> list[Block | ListItem]:
        return self._open[-1].children if self._open else self._top


def _inline_spans(tokens: list[Token]) -> list[Span]:
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
            spans.append(_span_with(_inline_text(token), marks))
    return spans


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


_ALWAYS_ESCAPED = frozenset("\\*_`<>[]&")
_ESCAPED_AT_LINE_START = frozenset("#+-=~")
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
        for number, item in enumerate(block.items, start=block.start):
            label = _list_label(block.ordered, level, number)
            lines = list(_plain_lines(item.blocks, level + 1))
            first_is_text = bool(item.blocks) and isinstance(item.blocks[0], Paragraph)
            yield from [f"{label} {lines[0]}", *lines[1:]] if first_is_text else [label, *lines]


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
