"""Tables in a rich-text field, worked as in Word: Tab to the next cell (a new row after the
last), Shift+Tab back, rows and columns added and taken away where the cursor is."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from PySide6.QtGui import QTextCursor, QTextTable
from PySide6.QtWidgets import QTextEdit

from secretary_app.ui.rich_text_document import outermost_table, table_format

NEW_TABLE_ROWS, NEW_TABLE_COLUMNS = 2, 2


def insert_table(edit: QTextEdit) -> None:
    """A new table after the cursor's paragraph (after the table the cursor is in: a cell
    holds no table), in the cursor's list item if any; the cursor in its first cell."""
    cursor = edit.textCursor()
    around = outermost_table(cursor.block())
    if around is not None:
        cursor.setPosition(around.lastPosition() + 1)
    text_list = cursor.currentList()
    level = text_list.format().indent() if text_list else cursor.blockFormat().indent()
    indent = cursor.document().indentWidth() * level
    table = cursor.insertTable(NEW_TABLE_ROWS, NEW_TABLE_COLUMNS, table_format(level, indent))
    edit.setTextCursor(table.cellAt(0, 0).firstCursorPosition())


def move_to_cell(edit: QTextEdit, table: QTextTable, backwards: bool) -> None:
    """The next cell's text selected; Tab in the last cell adds a row, as in Word."""
    cell = table.cellAt(edit.textCursor())
    columns = table.columns()
    here = cell.row() * columns + cell.column()
    target = here + (-1 if backwards else cell.columnSpan())
    if target < 0:
        return
    if target >= table.rows() * columns:
        table.appendRows(1)
        target = (table.rows() - 1) * columns
    next_cell = table.cellAt(target // columns, target % columns)
    cursor = next_cell.firstCursorPosition()
    cursor.setPosition(next_cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)


def insert_row_below(edit: QTextEdit) -> None:
    table, row, _ = _where(edit)
    if table is not None:
        with _cursor_kept(edit):
            table.insertRows(row + 1, 1)


def insert_column_right(edit: QTextEdit) -> None:
    table, _, column = _where(edit)
    if table is not None:
        with _cursor_kept(edit):
            table.insertColumns(column + 1, 1)


def remove_row(edit: QTextEdit) -> None:
    """The cursor's row; the last row takes the table with it (Qt removes an empty table)."""
    table, row, column = _where(edit)
    if table is not None:
        last = table.rows() == 1
        table.removeRows(row, 1)
        if not last:
            _go_to_cell(edit, table, min(row, table.rows() - 1), column)


def remove_column(edit: QTextEdit) -> None:
    table, row, column = _where(edit)
    if table is not None:
        last = table.columns() == 1
        table.removeColumns(column, 1)
        if not last:
            _go_to_cell(edit, table, row, min(column, table.columns() - 1))


@contextlib.contextmanager
def _cursor_kept(edit: QTextEdit) -> Iterator[None]:
    """A cursor at the end of a cell would move into the cells inserted right after it."""
    cursor = edit.textCursor()
    anchor, position = cursor.anchor(), cursor.position()
    yield
    cursor.setPosition(anchor)
    cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)


def _go_to_cell(edit: QTextEdit, table: QTextTable, row: int, column: int) -> None:
    edit.setTextCursor(table.cellAt(row, column).firstCursorPosition())


def _where(edit: QTextEdit) -> tuple[QTextTable | None, int, int]:
    cursor = edit.textCursor()
    table = cursor.currentTable()
    if table is None:
        return None, -1, -1
    cell = table.cellAt(cursor)
    return table, cell.row(), cell.column()
