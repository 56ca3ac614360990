"""Tables in pasted HTML (from Word, a browser, a spreadsheet), made fit for an item's text.

An item's text keeps tables of plain cells (core.rich_text.Table): no table inside a cell. So a
table inside a cell, or any table pasted into a table, becomes lines of text: each row a
paragraph of its cells' text joined by CELL_SEPARATOR. Everything else is left as it was, and
what could not be kept is counted, so the editor can say so:

    prepare_pasted_tables("<table><tr><td>a<table><tr><td>b</td><td>c</td></tr></table></td>"
                          "</tr></table>", into_table=False).html
    == "<table><tr><td>a<p>b | c</p></td></tr></table>"
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from html.parser import HTMLParser

CELL_SEPARATOR = " | "
_CELLS = ("td", "th")
_SPANS = ("colspan", "rowspan")


@dataclass(frozen=True)
class PastedTables:
    html: str
    kept: int  # tables that stay tables
    flattened: int  # tables that became lines of text (the outermost ones flattened)
    merged_cells: bool  # a kept table has merged cells, which come apart


def prepare_pasted_tables(source: str, into_table: bool) -> PastedTables:
    """`source` with the tables an item's text cannot hold as lines; `into_table`: the paste
    goes into a table's cell, where no table can stand."""
    parser = _TableFlattener(kept_depth=0 if into_table else 1)
    parser.feed(source)
    parser.close()
    return PastedTables("".join(parser.out), parser.kept, parser.flattened, parser.merged)


def tables_as_lines(source: str) -> tuple[str, int]:
    """The HTML with every table's rows as paragraphs; how many tables there were (outermost
    ones: a table inside a cell is part of that cell's text)."""
    pasted = prepare_pasted_tables(source, into_table=True)
    return pasted.html, pasted.flattened


class _TableFlattener(HTMLParser):
    """Tables open at most `kept_depth` deep pass through; the next level is flattened, and
    whatever is deeper in it is part of its cells' text."""

    def __init__(self, kept_depth: int) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.kept = self.flattened = 0
        self.merged = False
        self.kept_depth = kept_depth
        self.depth = 0  # tables open
        self.row: list[str] | None = None
        self.cell: list[str] | None = None

    @property
    def level(self) -> int:
        """≤ 0: passing through; 1: in a table being flattened; > 1: deeper in it."""
        return self.depth - self.kept_depth

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.depth += 1
            self.kept += self.level <= 0
            self.flattened += self.level == 1
        if self.level <= 0:
            self.out.append(self.get_starttag_text() or "")
            self.merged = self.merged or (tag in _CELLS and _spans_cells(attrs))
        elif tag in ("tr", "caption") and self.level == 1:  # a caption: a line of its own
            self._end_row()
            self.row = []
        elif tag in _CELLS and self.level == 1:
            self._end_cell()
            self.row = [] if self.row is None else self.row  # a cell with no row around it
            self.cell = []
        elif self.cell is not None and tag in ("br", "p", "tr", "caption", *_CELLS):
            self.cell.append(" ")  # a line or a cell of a table inside the cell

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "table":  # "<table/>" holds nothing, and closes nothing either
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self.level >= 1:
            if self.level == 1:
                self._end_row()
            self.depth -= 1
        elif self.level <= 0:
            self.depth -= tag == "table" and self.depth > 0
            self.out.append(f"</{tag}>")
        elif tag in _CELLS and self.level == 1:
            self._end_cell()
        elif tag in ("tr", "caption") and self.level == 1:
            self._end_row()

    def close(self) -> None:
        super().close()
        if self.level >= 1:  # a table the HTML never closed
            self._end_row()

    def handle_data(self, data: str) -> None:
        if self.level <= 0:
            raw = self.cdata_elem is not None  # a <style> or <script>: not HTML text
            self.out.append(data if raw else html.escape(data, quote=False))
            return
        if self.cell is None and data.strip():  # text in a table but outside its cells
            self.row = [] if self.row is None else self.row
            self.cell = []
        if self.cell is not None:
            self.cell.append(data)

    def handle_comment(self, data: str) -> None:
        if self.level <= 0:
            self.out.append(f"<!--{data}-->")

    def _end_cell(self) -> None:
        if self.cell is not None and self.row is not None:
            self.row.append(" ".join("".join(self.cell).split()))
        self.cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self.row is not None and any(self.row):
            line = CELL_SEPARATOR.join(self.row)
            self.out.append(f"<p>{html.escape(line, quote=False)}</p>")
        self.row = None


def _spans_cells(attrs: list[tuple[str, str | None]]) -> bool:
    return any(name in _SPANS and (value or "1").strip() not in ("", "1") for name, value in attrs)
