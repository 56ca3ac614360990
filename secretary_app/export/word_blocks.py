"""The layout's blocks as WordprocessingML paragraphs (w:p elements), built directly with lxml.

Formats become run properties (w:b, w:i, w:u), hard line breaks w:br, tabs w:tab, and lists
real Word numbering (w:numPr with the list's w:numId and the nesting level as w:ilvl). Every text
is cleaned (core.text.clean_text) on its way in, so any Unicode gives valid XML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from lxml import etree

from secretary_app.core.rich_text import Block as RichBlock
from secretary_app.core.rich_text import ListBlock, ListItem, Paragraph, Span
from secretary_app.core.text import clean_text
from secretary_app.export.layout import (
    Block,
    Contents,
    Field,
    ItemHeading,
    Label,
    SubLabel,
    Text,
    Title,
)
from secretary_app.export.word_lists import ListNumbering, list_indent

FIELD_LABEL_WIDTH = 1985  # twips (3.5 cm): where a header field's value starts
FIELD_SPACING = 40  # twips (2 pt) after each line of the header block: one block, not paragraphs
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
    """Writes blocks as paragraphs in the given styles, with lists numbered by `numbering`."""

    def __init__(self, style_ids: dict[str, str], numbering: ListNumbering) -> None:
        self._styles = style_ids
        self._numbering = numbering

    def paragraphs(self, blocks: Iterable[Block]) -> list[Any]:
        result: list[Any] = []
        for block in blocks:
            result.extend(self._block(block))
        return result

    def _block(self, block: Block) -> list[Any]:
        if isinstance(block, Text):
            return self._rich(block.rich, level=-1)
        if isinstance(block, Field):
            return [_field(block)]
        if isinstance(block, Contents):
            return self._contents(block)
        return [self._plain(_STYLE_ROLES.get(type(block)), block.text)]

    def _plain(self, role: str | None, text: str) -> Any:
        paragraph = _paragraph(self._styles[role] if role else None)
        _add_run(paragraph, text)
        return paragraph

    def _contents(self, contents: Contents) -> list[Any]:
        entries = [self._plain("contents_entry", entry) for entry in contents.entries]
        return [self._plain("contents_heading", contents.heading), *entries]

    def _rich(self, blocks: Iterable[RichBlock], level: int) -> list[Any]:
        """Paragraphs and lists; inside a list item (`level` ≥ 0) paragraphs are indented."""
        result: list[Any] = []
        for block in blocks:
            if isinstance(block, ListBlock):
                result.extend(self._list(block, level + 1))
            else:
                result.append(self._rich_paragraph(block.spans, level))
        return result

    def _rich_paragraph(self, spans: Iterable[Span], level: int) -> Any:
        paragraph = _paragraph(self._styles["list"] if level >= 0 else None)
        if level >= 0:
            _indent(paragraph, list_indent(level))
        _add_spans(paragraph, spans)
        return paragraph

    def _list(self, block: ListBlock, level: int) -> list[Any]:
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


def _field(field: Field) -> Any:
    """ "Tilstede:⇥A, B og C", the value aligned at a tab, wrapped lines under the value."""
    paragraph = _paragraph(None)
    properties = _properties(paragraph)
    tabs = etree.SubElement(properties, qn("w:tabs"))
    tab = etree.SubElement(tabs, qn("w:tab"))
    tab.set(_VAL, "left")
    tab.set(qn("w:pos"), str(FIELD_LABEL_WIDTH))
    etree.SubElement(properties, qn("w:spacing")).set(qn("w:after"), str(FIELD_SPACING))
    _indent(paragraph, FIELD_LABEL_WIDTH, FIELD_LABEL_WIDTH)
    _add_run(paragraph, f"{field.label}:", bold=True)
    _add_run(paragraph, "\t" + field.value)
    return paragraph


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
