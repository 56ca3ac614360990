"""A layout that places its widgets in a row and wraps them to the next when the row is full
(after Qt's Flow Layout example): buttons as many as fit, whatever the width of the screen; and
FlowBox, a widget holding one, whose least height is that of its rows at its width."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        """No: its FlowBox sets its least height to the rows' height instead. A height at a
        width makes a column layout give the rows' parent its preferred height, and what is
        above it (the decision in meeting mode) only what is left, below its least."""
        return False

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        """The widest item, as it is placed (at its size hint): narrower, the layout only has
        more rows."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.sizeHint())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out in rows within `rect` (or only measure): the height they take."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        across = self._spacing(Qt.Orientation.Horizontal)
        down = self._spacing(Qt.Orientation.Vertical)
        x, y, row_height = area.x(), area.y(), 0
        for item in self._items:
            size = item.sizeHint()
            if x > area.x() and x + size.width() > area.right() + 1:  # the row is full
                x, y, row_height = area.x(), y + row_height + down, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), size))
            x += size.width() + across
            row_height = max(row_height, size.height())
        return y + row_height - rect.y() + margins.bottom()

    def _spacing(self, orientation: Qt.Orientation) -> int:
        """The layout's spacing, or the style's between push buttons."""
        if self.spacing() >= 0:
            return self.spacing()
        parent = self.parentWidget()
        if parent is None:
            return 0
        button = QSizePolicy.ControlType.PushButton
        return parent.style().layoutSpacing(button, button, orientation, None, parent)


class FlowBox(QWidget):
    """Widgets in rows that wrap (a FlowLayout), whose least height is that of the rows at its
    width: layouts that do not ask for a height at a width (a QSplitter) keep every row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = FlowLayout(self)
        self.flow.setContentsMargins(0, 0, 0, 0)

    def add(self, widget: QWidget) -> None:
        self.flow.addWidget(widget)
        self._fit_height(self.width())

    def remove(self, widget: QWidget) -> None:
        self.flow.removeWidget(widget)
        self._fit_height(self.width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height(event.size().width())

    def _fit_height(self, width: int) -> None:
        height = self.flow.heightForWidth(max(width, self.flow.minimumSize().width()))
        if height != self.minimumHeight():
            self.setMinimumHeight(height)
