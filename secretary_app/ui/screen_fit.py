"""Windows and dialogs within the screen's free area (without the taskbar), whatever the
scaling: at 150 % a 1366×768 laptop leaves about 910×485 logical pixels."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

TITLE_BAR = 32  # logical pixels a dialog's title bar and frame take above its contents, at most


def free_area(widget: QWidget | None = None) -> QRect:
    """The free area of the screen `widget` is on (or the primary screen)."""
    screen = widget.screen() if widget is not None else QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


def resize_within_screen(dialog: QWidget, width: int, height: int) -> None:
    """`width`×`height`, or less where the screen has less room for it with its title bar."""
    room = free_area(dialog.parentWidget() or dialog).size() - QSize(0, TITLE_BAR)
    dialog.resize(QSize(width, height).boundedTo(room).expandedTo(dialog.minimumSizeHint()))
