"""Print preview: the PDF's pages, exactly as the printer will get them.

A page is rendered (PDFium, through pypdfium2) when it is scrolled into view, at the screen's
resolution and the chosen zoom, and let go when it is far out of view, so a hundred-page document
opens at once and holds only the few pages around the one shown. Qt's own QPrintPreviewDialog
would draw every page at the printer's resolution first (3.3 GB and 8 s for 97 pages at 1200 dpi
here) and print from that copy.
"""

from __future__ import annotations

import pypdfium2
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from secretary_app.ui.pdf_pages import POINTS_PER_INCH, page_image
from secretary_app.ui.screen_fit import resize_within_screen

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
PAGE_GAP = 12  # pixels between pages


class PdfPreview(QDialog):
    """The pages of `pdf` in a scrolled column; "Print…" asks to print these pages."""

    printRequested = Signal()

    def __init__(self, pdf: bytes, title: str, route: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._document = pypdfium2.PdfDocument(pdf)
        self._sizes = [self._document[i].get_size() for i in range(len(self._document))]
        self._zoom = 1.0
        self.pages: list[QLabel] = []
        self.area = QScrollArea(self)
        self.area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.column = self._page_column()
        self.area.setWidget(self.column)
        self.area.verticalScrollBar().valueChanged.connect(self._render_visible)
        self.route = QLabel(route, self)
        self.route.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self._buttons())
        layout.addWidget(self.area, 1)
        layout.addWidget(self.route)
        self._closed = False
        self.finished.connect(self._close_document)
        resize_within_screen(self, 900, 700)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.clicked.connect(self.printRequested)
        smaller = QPushButton(self.tr("Zoom &out"), self)
        smaller.setShortcut(QKeySequence.StandardKey.ZoomOut)
        smaller.clicked.connect(lambda: self.set_zoom(self._step(-1)))
        larger = QPushButton(self.tr("Zoom &in"), self)
        larger.setShortcut(QKeySequence.StandardKey.ZoomIn)
        larger.clicked.connect(lambda: self.set_zoom(self._step(+1)))
        self.count = QLabel(self._count_text(), self)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        for widget in (self.print_button, smaller, larger, self.count):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(close)
        return row

    def _count_text(self) -> str:
        count = len(self._sizes)
        text = self.tr("1 page") if count == 1 else self.tr("%1 pages").replace("%1", str(count))
        return f"{text} · {round(self._zoom * 100)} %"

    def _page_column(self) -> QWidget:
        column = QWidget(self.area)
        layout = QVBoxLayout(column)
        layout.setSpacing(PAGE_GAP)
        for number in range(len(self._sizes)):
            page = QLabel(column)
            page.setAlignment(Qt.AlignmentFlag.AlignCenter)
            page.setStyleSheet("background: white; border: 1px solid #999;")
            page.setAccessibleName(self.tr("Page %1").replace("%1", str(number + 1)))
            layout.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
            self.pages.append(page)
        self._size_pages()
        return column

    def _size_pages(self) -> None:
        for page, (width, height) in zip(self.pages, self._sizes, strict=True):
            page.setFixedSize(self._pixels(width), self._pixels(height))
            page.clear()

    def _pixels(self, points: float) -> int:
        return round(points * self._dpi() / POINTS_PER_INCH)

    def _dpi(self) -> float:
        return float(self.logicalDpiY()) * self._zoom

    def set_zoom(self, zoom: float) -> None:
        self._zoom = zoom
        self._size_pages()
        self.column.adjustSize()
        self.count.setText(self._count_text())
        QTimer.singleShot(0, self._render_visible)

    def _step(self, direction: int) -> float:
        index = min(range(len(ZOOMS)), key=lambda i: abs(ZOOMS[i] - self._zoom))
        return ZOOMS[max(0, min(len(ZOOMS) - 1, index + direction))]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._render_visible)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self._render_visible)

    def rendered_pages(self) -> list[int]:
        """The numbers (from 1) of the pages drawn so far at this zoom."""
        return [n + 1 for n, page in enumerate(self.pages) if not page.pixmap().isNull()]

    def _render_visible(self) -> None:
        """Draw the pages in view (and the next one) not drawn yet; let go of those more than a
        screen away."""
        if self._closed:
            return  # a call queued before the dialog closed
        top = self.area.verticalScrollBar().value()
        height = self.area.viewport().height()
        ratio = self.devicePixelRatioF()
        for index, page in enumerate(self.pages):
            near = page.y() <= top + 2 * height and page.y() + page.height() >= top - height
            seen = page.y() <= top + height + page.height() and page.y() + page.height() >= top
            if seen and page.pixmap().isNull():
                image = page_image(self._document, index, self._dpi() * ratio)
                pixmap = QPixmap.fromImage(image)
                pixmap.setDevicePixelRatio(ratio)
                page.setPixmap(pixmap)
            elif not near and not page.pixmap().isNull():
                page.clear()

    def _close_document(self) -> None:
        self._closed = True
        self._document.close()

    def sizeHint(self) -> QSize:
        return QSize(900, 700)
