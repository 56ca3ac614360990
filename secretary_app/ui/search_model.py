"""The hits of a search, best first (store.search), and the delegate that paints each in three
lines: committee · date · item number; the title; a snippet of its text. Matched words bold."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from secretary_app.core.danish_dates import short_date
from secretary_app.core.search_query import SearchFilter, Segments
from secretary_app.store.search import SearchHit, SearchResult, SearchStore

Index = QModelIndex | QPersistentModelIndex

HIT_ROLE = Qt.ItemDataRole.UserRole + 1  # the SearchHit of a row
PLACE_ROLE = Qt.ItemDataRole.UserRole + 2  # "Økonomiudvalget · 6. maj 2025 · punkt 2"


class SearchModel(QAbstractListModel):
    def __init__(self, search: SearchStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.search = search
        self._result = SearchResult()

    @property
    def total(self) -> int:
        """How many items the last search found, also those not shown."""
        return self._result.total

    @property
    def more_than_total(self) -> bool:
        """The count stopped early: there are more hits than `total`."""
        return self._result.total_is_lower_bound

    def find(self, text: str, where: SearchFilter | None = None) -> None:
        self.show_result(self.search.find(text, where))

    def show_result(self, result: SearchResult) -> None:
        self.beginResetModel()
        self._result = result
        self.endResetModel()

    def clear(self) -> None:
        self.show_result(SearchResult())

    def hit_at(self, row: int) -> SearchHit | None:
        hits = self._result.hits
        return hits[row] if 0 <= row < len(hits) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._result.hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        hit = self.hit_at(index.row()) if index.isValid() else None
        if hit is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._line(hit)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.place(hit)} · {hit.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(hit)
        if role == PLACE_ROLE:
            return self.place(hit)
        return hit if role == HIT_ROLE else None

    def place(self, hit: SearchHit) -> str:
        """Where the hit is: committee · date · item number (· closed)."""
        day = short_date(dt.date.fromisoformat(hit.date))
        parts = [hit.committee, day, self.tr("item %1").replace("%1", str(hit.number))]
        if hit.closed:
            parts.append(self.tr("Closed"))
        return " · ".join(parts)

    def _line(self, hit: SearchHit) -> str:
        """The hit as one line: "27. juni 2017 · Udvalg · Titel (EMN-2017-03374)"."""
        day = short_date(dt.date.fromisoformat(hit.date))
        case_id = f" ({hit.case_id})" if hit.case_id else ""
        return f"{day} · {hit.committee} · {hit.title}{case_id}"

    def _tooltip(self, hit: SearchHit) -> str:
        case_id = f" ({hit.case_id})" if hit.case_id else ""
        text = "".join(part for part, _ in hit.snippet)
        return f"{self.place(hit)}\n{hit.title}{case_id}\n\n{text}".rstrip()


class SearchHitDelegate(QStyledItemDelegate):
    """Three lines a hit: where (small), the title, the snippet; matched words in bold."""

    PADDING = 6

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        line = QFontMetrics(option.font).lineSpacing()
        return QSize(200, 3 * line + 2 * self.PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        hit = index.data(HIT_ROLE)
        if not isinstance(hit, SearchHit):
            return
        self.initStyleOption(option, index)
        widget: QWidget | None = option.widget
        style = widget.style() if widget is not None else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        painter.save()
        self._paint_lines(painter, option, hit, str(index.data(PLACE_ROLE)))
        painter.restore()

    def _paint_lines(
        self, painter: QPainter, option: QStyleOptionViewItem, hit: SearchHit, place: str
    ) -> None:
        rect: QRect = option.rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        font = QFont(option.font)
        line = QFontMetrics(font).lineSpacing()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        text = palette.highlightedText() if selected else palette.text()
        muted = text if selected else palette.placeholderText()
        painter.setPen(muted.color())
        _draw_segments(
            painter, QRect(rect.x(), rect.y(), rect.width(), line), ((place, False),), font
        )
        painter.setPen(text.color())
        title_rect = QRect(rect.x(), rect.y() + line, rect.width(), line)
        _draw_segments(painter, title_rect, hit.title_marks, font)
        painter.setPen(muted.color())
        snippet_rect = QRect(rect.x(), rect.y() + 2 * line, rect.width(), line)
        _draw_segments(painter, snippet_rect, hit.snippet, font)


def _draw_segments(painter: QPainter, rect: QRect, segments: Segments, font: QFont) -> None:
    """Pieces of text on one line, the marked ones bold; cut with "…" where the line ends."""
    bold = QFont(font)
    bold.setBold(True)
    x = rect.x()
    for text, is_marked in segments:
        painter.setFont(bold if is_marked else font)
        metrics = painter.fontMetrics()
        room = rect.right() - x
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        painter.drawText(
            QRect(x, rect.y(), room, rect.height()), Qt.AlignmentFlag.AlignVCenter, shown
        )
        x += metrics.horizontalAdvance(shown)
        if shown != text or x >= rect.right():
            return
