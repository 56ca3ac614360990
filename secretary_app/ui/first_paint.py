"""Run something once the first window has been painted: the window first, then the work."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer


class _FirstPaint(QObject):
    def __init__(self, app: QCoreApplication, callback: Callable[[], None]) -> None:
        super().__init__(app)
        self.app, self.callback = app, callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.app.removeEventFilter(self)
            QTimer.singleShot(0, self.callback)
            self.deleteLater()
        return False


def after_first_paint(app: QCoreApplication, callback: Callable[[], None]) -> None:
    app.installEventFilter(_FirstPaint(app, callback))
