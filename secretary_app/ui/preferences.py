"""What this PC's user chose for the window: its size, place and maximised state, and the
agenda's columns. Kept with QSettings (the registry on Windows), not in the archive: they belong
to the screen in front of the secretary, not to the minutes, and a read-only window keeps them
too."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QSize
from PySide6.QtWidgets import QMainWindow

from secretary_app.ui.screen_fit import free_area

if TYPE_CHECKING:
    from secretary_app.export.pdf_converters import ConverterChoice

WINDOW_GEOMETRY = "window/geometry"
AGENDA_HIDDEN = "agenda/hidden_columns"
AGENDA_WIDTHS = "agenda/column_widths"
PDF_CONVERTER = "documents/pdf_converter"
FIRST_SIZE = QSize(1366, 768)


def restore_window(window: QMainWindow) -> None:
    """The size and place the window had when it was last closed; the first time, 1366×768 or
    the screen's free area when that is smaller."""
    saved = QSettings().value(WINDOW_GEOMETRY)
    if isinstance(saved, QByteArray) and window.restoreGeometry(saved):
        return
    window.resize(FIRST_SIZE.boundedTo(free_area().size()))


def save_window(window: QMainWindow, geometry: QByteArray | None = None) -> None:
    """The window's geometry now, or `geometry` saved earlier (before it went full screen)."""
    QSettings().setValue(WINDOW_GEOMETRY, geometry or window.saveGeometry())


def hidden_agenda_columns() -> set[int]:
    return {int(str(c)) for c in _list(QSettings().value(AGENDA_HIDDEN)) if str(c).isdigit()}


def agenda_column_widths() -> dict[int, int]:
    """Widths the user gave columns by hand, by column."""
    widths = {}
    for pair in _list(QSettings().value(AGENDA_WIDTHS)):
        column, _, width = str(pair).partition(":")
        if column.isdigit() and width.isdigit():
            widths[int(column)] = int(width)
    return widths


def save_agenda_columns(hidden: set[int], widths: dict[int, int]) -> None:
    settings = QSettings()
    settings.setValue(AGENDA_HIDDEN, [str(c) for c in sorted(hidden)])
    settings.setValue(AGENDA_WIDTHS, [f"{c}:{w}" for c, w in sorted(widths.items())])


def pdf_converter() -> ConverterChoice:
    """What lays out the PDF and the printout on this PC: "auto" (Word, else LibreOffice),
    "word", "libreoffice" or "builtin"; until chosen, SECRETARY_PDF_CONVERTER or "auto"."""
    from secretary_app.export.pdf_converters import CONVERTER_CHOICES, default_choice

    value = QSettings().value(PDF_CONVERTER)
    return next((choice for choice in CONVERTER_CHOICES if choice == value), default_choice())


def set_pdf_converter(choice: ConverterChoice) -> None:
    QSettings().setValue(PDF_CONVERTER, choice)


def _list(value: object) -> list[object]:
    """QSettings gives a one-element list back as a string, and no list as None."""
    if value is None or value == "":
        return []
    return list(value) if isinstance(value, list) else [value]
