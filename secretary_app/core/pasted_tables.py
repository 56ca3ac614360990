"""Tables in pasted HTML (from Word, a browser, a spreadsheet) as lines of text.

An item's text keeps no tables; a table pasted as it is would be shown while editing and lost
when stored. So each row becomes a paragraph of its cells' text, joined by CELL_SEPARATOR, and
everything outside tables is left as it was:

    tables_as_lines("<p>Før</p><table><tr><td>Konto</td><td>Beløb</td></tr></table>")
    == ("<p>Før</p><p>Konto | Beløb</p>", 1)
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

CELL_SEPARATOR = " | "
_CELLS = ("td", "th")


def tables_as_lines(source: str) -> tuple[str, int]:
    """The HTML with every table's rows as paragraphs; how many tables there were (outermost
    ones: a table inside a cell is part of that cell's text)."""
    parser = _TableFlattener()
    parser.feed(source)
    parser.close()
    return "".join(parser.out), parser.tables


class _TableFlattener(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.tables = 0
        self.depth = 0  # tables open
        self.row: list[str] | None = None
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.depth += 1
            self.tables += self.depth == 1
        elif self.depth == 0:
            self.out.append(self.get_starttag_text() or "")
        elif tag == "tr" and self.depth == 1:
            self._end_row()
            self.row = []
        elif tag in _CELLS and self.depth == 1:
            self._end_cell()
            self.cell = []
        elif self.cell is not None and tag in ("br", "p", "tr", *_CELLS):
            self.cell.append(" ")  # a line or a cell of a table inside the cell

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self.depth:
            self.depth -= 1
            if self.depth == 0:
                self._end_row()
        elif self.depth == 0:
            self.out.append(f"</{tag}>")
        elif tag in _CELLS and self.depth == 1:
            self._end_cell()
        elif tag == "tr" and self.depth == 1:
            self._end_row()

    def close(self) -> None:
        super().close()
        if self.depth:  # a table the HTML never closed
            self._end_row()

    def handle_data(self, data: str) -> None:
        if self.depth == 0:
            self.out.append(html.escape(data, quote=False))
        elif self.cell is not None:
            self.cell.append(data)

    def handle_comment(self, data: str) -> None:
        if self.depth == 0:
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
