"""The layout's blocks as WordprocessingML paragraphs (w:p elements), built directly with lxml.

Formats become run properties (w:b, w:i, w:u), hard line breaks w:br, tabs w:tab, and lists
real Word numbering (w:numPr with the list's w:numId and the nesting level as w:ilvl). Every text
is cleaned (core.text.clean_text) on its way in, so any Unicode gives valid XML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from lxml import etree

from secretary_app.core.rich_text import Block as RichBlock
from secretary_app.core.rich_text import ListBlock, ListItem, Paragraph, Span, Table, plain_text
from secretary_app.core.text import clean_text
from secretary_app.export.layout import (
    AttachmentList,
    Block,
    Contents,
    Field,
    ItemHeading,
    Label,
    Plain,
    SignatureSheet,
    SubLabel,
    Text,
    Title,
)
from secretary_app.export.word_contents import add_bookmark, contents_entries
from secretary_app.export.word_lists import LEVELS, ListNumbering, list_indent
from secretary_app.export.word_tables import (
    column_widths,
    content_table,
    header_table,
    keep_with_next,
    signature_table,
)

FIELD_SPACING = 40  # twips (2 pt) after each line of the header block: one block, not paragraphs
TABLE_SPACE = 120  # twips (6 pt): the spacer's height under a table in an item's text
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_BREAKS = re.compile(r"([\n\t])")
_P, _PPR, _R, _RPR, _T = qn("w:p"), qn("w:pPr"), qn("w:r"), qn("w:rPr"), qn("w:t")
_BR, _TAB, _VAL = qn("w:br"), qn("w:tab"), qn("w:val")
_B, _I, _U = qn("w:b"), qn("w:i"), qn("w:u")
_STYLE_ROLES: dict[type, str] = {
    Title: "title",
    ItemHeading: "heading",
    Label: "label",
    SubLabel: "sublabel",
}


class BlockWriter:
    """Writes blocks as paragraphs and tables in the given styles, with lists numbered by
    `numbering`; tables and the contents' tab fill `text_width` (twips). `contents_pages[i]`
    is the page of the i-th item heading, when a converter rendered the document (None: not
    known)."""

    def __init__(
        self,
        style_ids: dict[str, str],
        numbering: ListNumbering,
        text_width: int,
        contents_pages: Sequence[int] | None = None,
    ) -> None:
        self._styles = style_ids
        self._numbering = numbering
        self._text_width = text_width
        self._contents_pages = contents_pages
        self._headings = 0

    def elements(self, blocks: Iterable[Block]) -> list[Any]:
        """The body's elements (w:p and w:tbl); the header block's fields make one table."""
        result: list[Any] = []
        fields: list[Field] = []
        previous: Block | None = None
        for block in blocks:
            if isinstance(block, Field):
                fields.append(block)
                continue
            if fields:
                result.append(header_table(fields, self._text_width, self._cell_paragraph))
                fields = []
            written = self._block(block)
            if isinstance(previous, ItemHeading) and isinstance(block, Plain):
                keep_with_next(written[-1])  # the case line stays with what follows
            result.extend(written)
            previous = block
        if fields:
            result.append(header_table(fields, self._text_width, self._cell_paragraph))
        return result

    def _block(self, block: Block) -> list[Any]:
        if isinstance(block, Text):
            return self._rich(block.rich, level=-1)
        if isinstance(block, Contents):
            return self._contents(block)
        if isinstance(block, AttachmentList):
            return self._attachments(block)
        if isinstance(block, SignatureSheet):
            return self._signatures(block)
        assert not isinstance(block, Field), "elements() writes the fields as one table"
        paragraph = self._plain(_STYLE_ROLES.get(type(block)), block.text)
        if isinstance(block, Title | ItemHeading | Label | SubLabel):
            keep_with_next(paragraph)  # whatever the template's heading styles say
        if isinstance(block, ItemHeading):
            add_bookmark(paragraph, self._headings)
            self._headings += 1
        return [paragraph]

    def _plain(self, role: str | None, text: str) -> Any:
        paragraph = _paragraph(self._styles[role] if role else None)
        _add_run(paragraph, text)
        return paragraph

    def _cell_paragraph(self, text: str, bold: bool) -> Any:
        """A paragraph in a table cell, tight: the table's rows are the block's lines."""
        paragraph = _paragraph(None)
        etree.SubElement(_properties(paragraph), qn("w:spacing")).set(
            qn("w:after"), str(FIELD_SPACING)
        )
        if text:
            _add_run(paragraph, text, bold=bold)
        return paragraph

    def _contents(self, contents: Contents) -> list[Any]:
        entries = [self._plain("contents_entry", entry) for entry in contents.entries]
        linked = contents_entries(entries, self._text_width, self._contents_pages)
        return [self._plain("contents_heading", contents.heading), *linked]

    def _attachments(self, attachments: AttachmentList) -> list[Any]:
        """A real list whose numbers read "Bilag 1:", "Bilag 2:" (word_lists)."""
        num_id = self._numbering.new_attachment_list()
        result = []
        for title in attachments.titles:
            paragraph = self._plain("list", title)
            _number(paragraph, num_id, 0)
            result.append(paragraph)
        return result

    def _signatures(self, sheet: SignatureSheet) -> list[Any]:
        heading = self._plain("label", sheet.heading)
        approved = [self._plain(None, sheet.approved)] if sheet.approved else []
        for paragraph in (heading, *approved):
            keep_with_next(paragraph)
        table = signature_table(sheet, self._text_width, self._cell_paragraph)
        return [heading, *approved, table]

    def _rich(self, blocks: Iterable[RichBlock], level: int) -> list[Any]:
        """Paragraphs and lists; inside a list item (`level` ≥ 0) paragraphs are indented."""
        result: list[Any] = []
        for block in blocks:
            if isinstance(block, ListBlock):
                result.extend(self._list(block, level + 1))
            elif isinstance(block, Table):
                result.extend([self._table(block, level), _table_spacer()])
            else:
                result.append(self._rich_paragraph(block.spans, level))
        return result

    def _rich_paragraph(self, spans: Iterable[Span], level: int) -> Any:
        paragraph = _paragraph(self._styles["list"] if level >= 0 else None)
        if level >= 0:
            _indent(paragraph, list_indent(level))
        _add_spans(paragraph, spans)
        return paragraph

    def _table(self, table: Table, level: int) -> Any:
        """Inside a list item (`level` ≥ 0) the table stands under the item's text."""
        indent = min(list_indent(level), self._text_width // 2) if level >= 0 else 0
        columns = zip(*table.rows, strict=True)
        lengths = [max(len(plain_text((cell,))) for cell in column) for column in columns]
        widths = column_widths(lengths, self._text_width - indent)
        rows = [[self._rich_cell(cell.spans) for cell in row] for row in table.rows]
        return content_table(rows, widths, indent)

    def _rich_cell(self, spans: Iterable[Span]) -> Any:
        paragraph = _paragraph(None)
        etree.SubElement(_properties(paragraph), qn("w:spacing")).set(qn("w:after"), "0")
        _add_spans(paragraph, spans)
        return paragraph

    def _list(self, block: ListBlock, level: int) -> list[Any]:
        """Word numbers nine levels: a list nested deeper is written at the ninth."""
        level = min(level, LEVELS - 1)
        num_id = self._numbering.new_list(ordered=block.ordered, start=block.start, level=level)
        result: list[Any] = []
        for item in block.items:
            result.extend(self._list_item(item, num_id, level))
        return result

    def _list_item(self, item: ListItem, num_id: int, level: int) -> list[Any]:
        """The item's first paragraph carries the number; a nested list first gets an empty one."""
        first, rest = item.blocks[0], item.blocks[1:]
        numbered = _paragraph(self._styles["list"])
        _number(numbered, num_id, level)
        if isinstance(first, Paragraph):
            _add_spans(numbered, first.spans)
        else:
            rest = item.blocks
        return [numbered, *self._rich(rest, level)]


def _table_spacer() -> Any:
    """Half a line of room under a table, which also keeps Word from joining it to a table
    that follows."""
    paragraph = _paragraph(None)
    spacing = etree.SubElement(_properties(paragraph), qn("w:spacing"))
    for name, value in (("w:after", "0"), ("w:line", str(TABLE_SPACE)), ("w:lineRule", "exact")):
        spacing.set(qn(name), value)
    return paragraph


def _paragraph(style_id: str | None) -> Any:
    paragraph = OxmlElement("w:p")
    if style_id is not None:
        properties = etree.SubElement(paragraph, _PPR)
        etree.SubElement(properties, qn("w:pStyle")).set(_VAL, style_id)
    return paragraph


def _properties(paragraph: Any) -> Any:
    properties = paragraph.find(_PPR)
    if properties is None:
        properties = etree.SubElement(paragraph, _PPR)
        paragraph.insert(0, properties)
    return properties


def _number(paragraph: Any, num_id: int, level: int) -> None:
    """w:numPr comes right after w:pStyle (and before everything else in w:pPr)."""
    numbering = OxmlElement("w:numPr")
    etree.SubElement(numbering, qn("w:ilvl")).set(_VAL, str(level))
    etree.SubElement(numbering, qn("w:numId")).set(_VAL, str(num_id))
    properties = _properties(paragraph)
    style = properties.find(qn("w:pStyle"))
    if style is None:
        properties.insert(0, numbering)
    else:
        style.addnext(numbering)


def _indent(paragraph: Any, left: int, hanging: int = 0) -> None:
    indent = etree.SubElement(_properties(paragraph), qn("w:ind"))
    indent.set(qn("w:left"), str(left))
    if hanging:
        indent.set(qn("w:hanging"), str(hanging))


def _add_spans(paragraph: Any, spans: Iterable[Span]) -> None:
    """Spans clean their text when they are made (core.rich_text.Span): no need to again."""
    for span in spans:
        _add_clean_run(paragraph, span.text, span.bold, span.italic, span.underline)


def _add_run(paragraph: Any, text: str, bold: bool = False) -> None:
    _add_clean_run(paragraph, clean_text(text), bold)


def _add_clean_run(
    paragraph: Any, text: str, bold: bool = False, italic: bool = False, underline: bool = False
) -> None:
    """One run; "\\n" becomes a line break (w:br), "\\t" a tab."""
    run = etree.SubElement(paragraph, _R)
    if bold or italic or underline:
        properties = etree.SubElement(run, _RPR)
        if bold:
            etree.SubElement(properties, _B)
        if italic:
            etree.SubElement(properties, _I)
        if underline:
            etree.SubElement(properties, _U).set(_VAL, "single")
    if "\n" not in text and "\t" not in text:
        _add_text(run, text)
        return
    for piece in _BREAKS.split(text):
        if piece == "\n":
            etree.SubElement(run, _BR)
        elif piece == "\t":
            etree.SubElement(run, _TAB)
        elif piece:
            _add_text(run, piece)


def _add_text(run: Any, text: str) -> None:
    element = etree.SubElement(run, _T)
    element.text = text
    element.set(_XML_SPACE, "preserve")
