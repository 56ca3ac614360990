"""Items found by words or case ID, newest meeting first: "27. juni 2017 · Udvalg · Titel"."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from secretary_app.core.danish_dates import short_date
from secretary_app.store.search import SearchHit, SearchStore

Index = QModelIndex | QPersistentModelIndex


class SearchModel(QAbstractListModel):
    def __init__(self, search: SearchStore, parent: Any = None) -> None:
        super().__init__(parent)
        self.search = search
        self._hits: list[SearchHit] = []

    def find(self, words: str) -> None:
        self.beginResetModel()
        hits = self.search.items(words)
        self._hits = sorted(hits, key=lambda hit: hit.date, reverse=True)
        self.endResetModel()

    def hit_at(self, row: int) -> SearchHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        hit = self.hit_at(index.row()) if index.isValid() else None
        if hit is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        day = short_date(dt.date.fromisoformat(hit.date))
        case_id = f" ({hit.case_id})" if hit.case_id else ""
        return f"{day} · {hit.committee} · {hit.title}{case_id}"
