"""A table that takes files dropped from Explorer (the attachments of an item)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTableView, QWidget

if TYPE_CHECKING:  # types only: each Qt class costs milliseconds the first time it is named
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent


class FileDropTable(QTableView):
    filesDropped = Signal(list)  # list[Path]: the local files dropped, in order

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.takes_files = True  # False while the item cannot change (approved, read-only)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._files(event)
        if files:
            event.acceptProposedAction()
            self.filesDropped.emit(files)
        else:
            event.ignore()

    def _files(self, event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
        mime = event.mimeData()
        if not self.takes_files or not mime.hasUrls():
            return []
        paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        return [path for path in paths if path.is_file()]
