"""The header and footer of the municipality's template, as the print writer draws them.

When no converter makes the PDF from the Word document, the Qt print writer (ui.print_writer)
draws the template's own header and footer, as Word would: those of the last section (the
body's), the first page's own where the template gives the first page a header and footer of
its own. They are read from the template with its placeholders filled in as the Word writer
fills them (export.word: the same checks, the same sandbox, the same values), as paragraphs
(export.template_band_paragraphs) and tables, in plain data: the ui only draws them.

Approved minutes show their approval line ("Godkendt … · SHA-256 …") on every page: the default
template's footer has it; where a template shows it nowhere on a page, it goes on top of that
page's footer, right-aligned in the footer's style.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.oxml.ns import qn

from secretary_app.core.text import clean_line
from secretary_app.export.template import default_template_path
from secretary_app.export.template_band_paragraphs import (
    TWIPS_PER_MM,
    BandParagraph,
    BandRun,
    note_paragraph,
    read_paragraph,
)
from secretary_app.export.template_page import StyleSheet
from secretary_app.export.template_problems import CONTENT
from secretary_app.export.template_sandbox import sandboxed_environment
from secretary_app.export.word import fill_in, open_template

NOTE = "approved"  # the placeholder of the approval line
MAX_DEPTH = 3  # tables in tables in tables


@dataclass(frozen=True)
class BandCell:
    blocks: tuple[BandBlock, ...] = ()
    span: int = 1  # the grid columns it covers


@dataclass(frozen=True)
class BandTable:
    rows: tuple[tuple[BandCell, ...], ...] = ()
    widths_mm: tuple[float, ...] = ()  # the grid's columns, where the template sets them


BandBlock = BandParagraph | BandTable


@dataclass(frozen=True)
class Band:
    """A header or a footer: paragraphs and tables, top to bottom."""

    blocks: tuple[BandBlock, ...] = ()

    def text(self, number: int = 1, count: int = 1) -> str:
        return "\n".join(_texts(self.blocks, number, count))

    @property
    def is_empty(self) -> bool:
        return not any(_shown(block) for block in self.blocks)


@dataclass(frozen=True)
class PageBands:
    """The header and footer of every page; of the first, where it has its own."""

    header: Band = Band()
    footer: Band = Band()
    first_header: Band | None = None
    first_footer: Band | None = None

    def header_on(self, number: int) -> Band:
        """The header of page `number` (1 the first)."""
        return self.first_header if number == 1 and self.first_header else self.header

    def footer_on(self, number: int) -> Band:
        return self.first_footer if number == 1 and self.first_footer else self.footer

    def headers(self) -> tuple[Band, ...]:
        return tuple(band for band in (self.first_header, self.header) if band is not None)

    def footers(self) -> tuple[Band, ...]:
        return tuple(band for band in (self.first_footer, self.footer) if band is not None)


def page_bands(template: Path | None, placeholders: Mapping[str, str]) -> PageBands:
    """The header and footer of `template` (None: the default template) filled in with
    `placeholders`, the approval line on every page; a template that cannot be filled in (the
    Word writer says why) gives the default template's."""
    bands, sheet = _read_any(template, placeholders)
    return with_note(bands, clean_line(placeholders.get(NOTE, "")), sheet)


def _read_any(
    template: Path | None, placeholders: Mapping[str, str]
) -> tuple[PageBands, StyleSheet | None]:
    for path in dict.fromkeys((template, None)):
        try:
            return read_bands(filled_template(path, placeholders))
        except Exception:  # an untrusted file: whatever fails, the default template's
            continue
    return PageBands(), None


def filled_template(template: Path | None, placeholders: Mapping[str, str]) -> Document:
    """The template with its placeholders filled in as the Word writer fills them, saved and
    opened again (docxtpl leaves the filled headers and footers as parts python-docx does not
    read as such)."""
    context: dict[str, object] = {name: clean_line(v) for name, v in placeholders.items()}
    context[CONTENT] = ""
    env = sandboxed_environment(None)
    opened = open_template(Path(template or default_template_path()), env, context)
    fill_in(opened.docx, env, context)
    content = io.BytesIO()
    opened.docx.docx.save(content)
    return docx.Document(io.BytesIO(content.getvalue()))


def read_bands(document: Document) -> tuple[PageBands, StyleSheet]:
    """The header and footer of the document's last section."""
    sheet = StyleSheet(document)
    section = document.sections[-1]
    bands = PageBands(_band(section.header, sheet), _band(section.footer, sheet))
    if section.different_first_page_header_footer:
        first_header = _band(section.first_page_header, sheet)
        bands = replace(bands, first_header=first_header)
        bands = replace(bands, first_footer=_band(section.first_page_footer, sheet))
    return bands, sheet


def with_note(bands: PageBands, note: str, sheet: StyleSheet | None) -> PageBands:
    """The approval line on top of each footer of a page that does not show it."""
    if not note:
        return bands
    paragraph = note_paragraph(note, sheet) if sheet else BandParagraph((BandRun(note),), "right")

    def noted(header: Band, footer: Band) -> Band:
        shown = " ".join(f"{header.text()} {footer.text()}".split())
        return footer if " ".join(note.split()) in shown else Band((paragraph, *footer.blocks))

    bands = replace(bands, footer=noted(bands.header, bands.footer))
    if bands.first_header is not None and bands.first_footer is not None:
        bands = replace(bands, first_footer=noted(bands.first_header, bands.first_footer))
    return bands


# --- reading --------------------------------------------------------------------------------


def _band(header_or_footer: Any, sheet: StyleSheet) -> Band:
    part = header_or_footer.part
    return Band(_blocks(part.element, part, sheet))


def _blocks(container: Any, part: Any, sheet: StyleSheet, depth: int = 0) -> tuple[Any, ...]:
    """The paragraphs and tables of a header, a footer or a cell, in order."""
    blocks: list[BandBlock] = []
    for child in container:
        if child.tag == qn("w:p"):
            blocks.append(read_paragraph(child, part, sheet))
        elif child.tag == qn("w:tbl") and depth < MAX_DEPTH:
            blocks.append(_table(child, part, sheet, depth + 1))
        elif child.tag == qn("w:sdt"):
            for content in child.iterfind(qn("w:sdtContent")):
                blocks.extend(_blocks(content, part, sheet, depth))
    return tuple(blocks)


def _table(table: Any, part: Any, sheet: StyleSheet, depth: int) -> BandTable:
    columns = table.iterfind(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")
    widths = tuple(_twips(column.get(qn("w:w"))) / TWIPS_PER_MM for column in columns)
    rows = tuple(
        tuple(_cell(cell, part, sheet, depth) for cell in row.iterfind(qn("w:tc")))
        for row in table.iterfind(qn("w:tr"))
    )
    return BandTable(tuple(row for row in rows if row), widths)


def _cell(cell: Any, part: Any, sheet: StyleSheet, depth: int) -> BandCell:
    span = cell.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    columns = max(1, int(_twips(span.get(qn("w:val"))))) if span is not None else 1
    return BandCell(_blocks(cell, part, sheet, depth), columns)


def _twips(text: str | None) -> float:
    try:
        return max(0.0, float(text or 0))
    except ValueError:
        return 0.0


def _texts(blocks: tuple[BandBlock, ...], number: int, count: int) -> list[str]:
    texts: list[str] = []
    for block in blocks:
        if isinstance(block, BandParagraph):
            texts.append(block.text(number, count))
        else:
            for row in block.rows:
                texts.extend(t for cell in row for t in _texts(cell.blocks, number, count))
    return texts


def _shown(block: BandBlock) -> bool:
    if isinstance(block, BandParagraph):
        return not block.is_empty
    return any(_shown(inner) for row in block.rows for cell in row for inner in cell.blocks)
