"""Run something once a window has been painted: the window first, then the work.

The filter sits on the window, not on the application: an application-wide Python event filter
is handed every object and event Qt has, and PySide then builds the Python types of all of
them, which costs about 20 ms before the first paint.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self.window, self.callback = window, callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self.callback)
            self.deleteLater()
        return False


def after_first_paint(window: QWidget, callback: Callable[[], None]) -> None:
    """Call `callback` from the event loop once `window` has had its first paint event."""
    window.installEventFilter(_FirstPaint(window, callback))
