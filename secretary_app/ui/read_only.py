"""Approved minutes shown as text to read, select and copy: not as greyed-out, dead fields.

Text fields become read-only (the text can be selected and copied with Ctrl+C, not changed by
typing, pasting, dropping or Delete); number, date and time fields read-only (no arrows, no
wheel, no typing); what can only change a value (a check box, a choice, a button) is disabled.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QTextEdit, QWidget

if TYPE_CHECKING:
    from secretary_app.ui.rich_text_edit import RichTextEdit

_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse | (
    Qt.TextInteractionFlag.TextSelectableByKeyboard
)


def set_read_only(widgets: Iterable[QWidget], read_only: bool) -> None:
    """Each widget read-only (text, numbers, dates) or disabled (anything else)."""
    for widget in widgets:
        if isinstance(widget, QAbstractSpinBox):
            widget.setReadOnly(read_only)
            symbols = QAbstractSpinBox.ButtonSymbols
            widget.setButtonSymbols(symbols.NoButtons if read_only else symbols.UpDownArrows)
        elif isinstance(widget, QLineEdit):
            widget.setReadOnly(read_only)
        elif isinstance(widget, QTextEdit):
            set_text_read_only(widget, read_only)
        else:
            widget.setEnabled(not read_only)


def set_text_read_only(edit: QTextEdit, read_only: bool) -> None:
    """Read-only, and the text still selectable from the keyboard too (Shift+arrows)."""
    edit.setReadOnly(read_only)
    if read_only:
        edit.setTextInteractionFlags(_SELECTABLE)


def set_rich_text_read_only(edit: RichTextEdit, read_only: bool) -> None:
    """The text read-only, and its formatting (toolbar and keys: bold, lists, indent) off: they
    would change the text even so."""
    set_text_read_only(edit.text_edit, read_only)
    edit.toolbar.setEnabled(not read_only)
    for action in edit.actions():
        action.setEnabled(not read_only)
