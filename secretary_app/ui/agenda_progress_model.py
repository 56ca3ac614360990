"""The agenda in meeting mode: each item with its progress (done, current, to come)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QIdentityProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap

from secretary_app.core.meeting_clock import Progress, item_progress
from secretary_app.ui.agenda_model import AgendaModel

Index = QModelIndex | QPersistentModelIndex
ICON_SIZE = 20


class AgendaProgressModel(QIdentityProxyModel):
    """The agenda model as it is, with the title column showing "2. Title" and a progress icon.

    Shown in a list on the title column; the current row is the item meeting mode shows.
    """

    def __init__(self, agenda: AgendaModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.agenda = agenda
        self.current_row = -1
        self.setSourceModel(agenda)
        agenda.modelReset.connect(self._forget_current)

    def _forget_current(self) -> None:
        self.current_row = -1

    def set_current_row(self, row: int) -> None:
        old, self.current_row = self.current_row, row
        for changed in {old, row}:
            if 0 <= changed < self.rowCount():
                last = self.columnCount() - 1
                self.dataChanged.emit(self.index(changed, 0), self.index(changed, last))

    def progress_at(self, row: int) -> Progress:
        item = self.agenda.item_at(row)
        return item_progress(row, self.current_row, item.decision if item else "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() != AgendaModel.TITLE:
            return super().data(index, role)
        row = index.row()
        item = self.agenda.item_at(row)
        if item is None:
            return None
        label = f"{self.agenda.number_of_row(row)}. {item.title}"
        progress = self.progress_at(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return label
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return f"{label} ({self.progress_name(progress)})"
        if role == Qt.ItemDataRole.DecorationRole:
            return progress_icon(progress)
        if role == Qt.ItemDataRole.FontRole and progress is Progress.CURRENT:
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)

    def progress_name(self, progress: Progress) -> str:
        names = {
            Progress.DONE: self.tr("decided"),
            Progress.CURRENT: self.tr("now"),
            Progress.TO_COME: self.tr("to come"),
        }
        return names[progress]


_icons: dict[Progress, QIcon] = {}


def progress_icon(progress: Progress) -> QIcon:
    """A green check (done), a blue arrow (current), a grey ring (to come)."""
    if progress not in _icons:
        _icons[progress] = QIcon(_draw(progress))
    return _icons[progress]


def _draw(progress: Progress) -> QPixmap:
    pixmap = QPixmap(ICON_SIZE, ICON_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    middle, radius = ICON_SIZE / 2, ICON_SIZE / 2 - 2
    if progress is Progress.DONE:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#2e7d32"))
        painter.drawEllipse(QPointF(middle, middle), radius, radius)
        painter.setPen(QPen(QColor("white"), 2.2))
        check = QPainterPath(QPointF(5.5, 10.5))
        check.lineTo(8.5, 13.5)
        check.lineTo(14.5, 6.5)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(check)
    elif progress is Progress.CURRENT:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#1565c0"))
        arrow = QPainterPath(QPointF(5, 3))
        arrow.lineTo(16, 10)
        arrow.lineTo(5, 17)
        arrow.closeSubpath()
        painter.drawPath(arrow)
    else:
        painter.setPen(QPen(QColor("#9e9e9e"), 1.6))
        painter.drawEllipse(QPointF(middle, middle), radius - 1, radius - 1)
    painter.end()
    return pixmap
