"""The tables of our documents, built as WordprocessingML (w:tbl) with lxml.

- The header block ("Mødested", "Tilstede", "Protokollen blev læst og mødet hævet kl.") is a
  table without borders: a label column and a value column, so a long label wraps inside its
  own cell and every value starts at the same place, whatever the template's font.
- The signature sheet (underskriftsark) has a row for each member present: the name, and a cell
  whose bottom border is the line to sign on. Its rows never split and hold together, so the
  sheet stands on one page.
- A table in an item's text (core.rich_text.Table) has thin lines all round; its columns are as
  wide as their longest text asks, within bounds, and its header row repeats on every page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from lxml import etree

from secretary_app.core import vocabulary as words
from secretary_app.export.layout import Field, SignatureSheet
from secretary_app.export.word_styles import first_child

LABEL_SHARE = 0.3  # of the text width: the header block's label column
NAME_SHARE = 0.45  # of the text width: the signature sheet's name column
SIGNATURE_ROW_HEIGHT = 794  # twips (1.4 cm): room to sign above the line
CELL_GAP = 113  # twips (2 mm) between the columns
CELL_MARGIN = 108  # twips (1.9 mm): Word's own space between a cell's lines and its text
COLUMN_WEIGHT = (3, 40)  # characters: a column is as wide as its longest text, within these
_VAL, _W, _TYPE = qn("w:val"), qn("w:w"), qn("w:type")

Paragraph = Callable[[str, bool], Any]  # (text, bold) -> a w:p in the body's style


def header_table(fields: Sequence[Field], text_width: int, paragraph: Paragraph) -> Any:
    """The header block: "Label:" | value, a row for each field."""
    label_width = int(text_width * LABEL_SHARE)
    widths = (label_width, text_width - label_width)
    table = _table(widths)
    for field in fields:
        label, value = paragraph(f"{field.label}:", True), paragraph(field.value, False)
        _row(table, widths, [label, value])
    return table


def signature_table(sheet: SignatureSheet, text_width: int, paragraph: Paragraph) -> Any:
    """Navn | Underskrift, then a row for each name with a line to sign on."""
    name_width = int(text_width * NAME_SHARE)
    widths = (name_width, text_width - name_width)
    table = _table(widths)
    header = _row(
        table,
        widths,
        [paragraph(words.SIGNATURE_NAME, True), paragraph(words.SIGNATURE_COLUMN, True)],
    )
    etree.SubElement(_row_properties(header), qn("w:tblHeader"))
    for name in sheet.names:
        row = _row(table, widths, [paragraph(name, False), paragraph("", False)])
        height = etree.SubElement(_row_properties(row), qn("w:trHeight"))
        height.set(_VAL, str(SIGNATURE_ROW_HEIGHT))
        height.set(qn("w:hRule"), "atLeast")
        _bottom_border(row.findall(qn("w:tc"))[1])
        for cell in row.findall(qn("w:tc")):
            _cell_properties(cell).append(_element("w:vAlign", {_VAL: "bottom"}))
    _hold_together(table)
    return table


def content_table(rows: Sequence[Sequence[Any]], widths: Sequence[int], indent: int) -> Any:
    """A table of an item's text: `rows` of cell paragraphs (w:p), the first the header row,
    `indent` twips from the margin (in a list item)."""
    table = _table(widths, _grid_lines(), (CELL_MARGIN, CELL_MARGIN), indent)
    for index, cells in enumerate(rows):
        row = _row(table, widths, cells, split=True)
        if index == 0:
            etree.SubElement(_row_properties(row), qn("w:tblHeader"))
    return table


def column_widths(lengths: Sequence[int], total: int) -> list[int]:
    """Widths (twips) sharing `total` after the longest text of each column (`lengths`)."""
    low, high = COLUMN_WEIGHT
    weights = [min(max(length, low), high) for length in lengths]
    widths = [total * weight // sum(weights) for weight in weights]
    widths[-1] += total - sum(widths)
    return widths


def _table(
    widths: Sequence[int],
    borders: Any = None,
    cell_margins: tuple[int, int] = (0, CELL_GAP),
    indent: int = 0,
) -> Any:
    """Without `borders`, no lines at all."""
    table = _element("w:tbl")
    properties = etree.SubElement(table, qn("w:tblPr"))
    properties.append(_element("w:tblW", {_W: str(sum(widths)), _TYPE: "dxa"}))
    if indent:
        properties.append(_element("w:tblInd", {_W: str(indent), _TYPE: "dxa"}))
    properties.append(_no_borders() if borders is None else borders)
    properties.append(_element("w:tblLayout", {_TYPE: "fixed"}))
    margins = etree.SubElement(properties, qn("w:tblCellMar"))
    margins.append(_element("w:left", {_W: str(cell_margins[0]), _TYPE: "dxa"}))
    margins.append(_element("w:right", {_W: str(cell_margins[1]), _TYPE: "dxa"}))
    properties.append(_element("w:tblLook", {_VAL: "0000", qn("w:firstRow"): "0"}))
    grid = etree.SubElement(table, qn("w:tblGrid"))
    for width in widths:
        grid.append(_element("w:gridCol", {_W: str(width)}))
    return table


def _no_borders() -> Any:
    """No lines, whatever the template's default table style draws (the signature line is the
    cell's own border, which wins)."""
    return _borders({_VAL: "nil"})


def _grid_lines() -> Any:
    return _borders({_VAL: "single", qn("w:sz"): "4", qn("w:space"): "0", qn("w:color"): "808080"})


def _borders(line: dict[str, str]) -> Any:
    """The same `line` on every side of the table and between its cells."""
    borders = _element("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_element(f"w:{side}", line))
    return borders


def _row(table: Any, widths: Sequence[int], paragraphs: Sequence[Any], split: bool = False) -> Any:
    """A row that stays on one page unless it may `split` (a long cell of an item's text)."""
    row = etree.SubElement(table, qn("w:tr"))
    if not split:
        etree.SubElement(_row_properties(row), qn("w:cantSplit"))
    for width, paragraph in zip(widths, paragraphs, strict=True):
        cell = etree.SubElement(row, qn("w:tc"))
        _cell_properties(cell).append(_element("w:tcW", {_W: str(width), _TYPE: "dxa"}))
        cell.append(paragraph)
    return row


def _row_properties(row: Any) -> Any:
    return first_child(row, "w:trPr")


def _cell_properties(cell: Any) -> Any:
    return first_child(cell, "w:tcPr")


def _bottom_border(cell: Any) -> None:
    """The line to sign on. w:tcBorders comes right after w:tcW in w:tcPr."""
    borders = _element("w:tcBorders")
    borders.append(_element("w:bottom", {_VAL: "single", qn("w:sz"): "6", qn("w:color"): "auto"}))
    _cell_properties(cell).find(qn("w:tcW")).addnext(borders)


def _hold_together(table: Any) -> None:
    """Every paragraph but the last row's keeps with the next: the table stays on one page."""
    rows = table.findall(qn("w:tr"))
    for row in rows[:-1]:
        for paragraph in row.iter(qn("w:p")):
            keep_with_next(paragraph)


def keep_with_next(paragraph: Any) -> None:
    """w:keepNext right after w:pStyle (first in w:pPr, where the schema wants it)."""
    properties = paragraph.find(qn("w:pPr"))
    if properties is None:
        properties = _element("w:pPr")
        paragraph.insert(0, properties)
    style = properties.find(qn("w:pStyle"))
    keep = _element("w:keepNext")
    if style is None:
        properties.insert(0, keep)
    else:
        style.addnext(keep)


def _element(tag: str, attributes: dict[str, str] | None = None) -> Any:
    return OxmlElement(tag, attributes)
