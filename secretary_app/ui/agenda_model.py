"""The chosen meeting's agenda: one row per item, numbered in order."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from secretary_app.core.danish_dates import clock
from secretary_app.core.item_fields import set_value
from secretary_app.core.model import Item
from secretary_app.core.numbering import item_number

Index = QModelIndex | QPersistentModelIndex
ITEM_ID_MIME = "application/x-secretary-app-item-id"


class AgendaModel(QAbstractTableModel):
    """A thin adapter over the meeting's items; edits come in through the undo commands.

    Dropping rows does not move them here: the model asks for the move with
    `moveRequested`, and the command that performs it calls `move_row`.
    """

    NUMBER, TITLE, ACCESS, CASE_ID, PRESENTER, TIME = range(6)
    moveRequested = Signal(int, int)  # item id, destination row

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.meeting_id: int | None = None
        self.first_number = 1
        self._items: list[Item] = []

    def set_meeting(self, meeting_id: int | None, first_number: int, items: list[Item]) -> None:
        self.beginResetModel()
        self.meeting_id, self.first_number, self._items = meeting_id, first_number, list(items)
        self.endResetModel()

    def set_first_number(self, first_number: int) -> None:
        self.first_number = first_number
        self._changed_rows(0, len(self._items) - 1, self.NUMBER)

    # Lookups

    def item_at(self, row: int) -> Item | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, item_id: int) -> int:
        return next((row for row, item in enumerate(self._items) if item.id == item_id), -1)

    def items(self) -> list[Item]:
        return list(self._items)

    def number_of_row(self, row: int) -> int:
        return item_number(self.first_number, row)

    # Changes, called by the undo commands after the archive took them

    def insert_item(self, row: int, item: Item) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.insert(row, item)
        self.endInsertRows()
        self._changed_rows(row, len(self._items) - 1, self.NUMBER)

    def remove_row(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._items[row]
        self.endRemoveRows()
        self._changed_rows(row, len(self._items) - 1, self.NUMBER)

    def move_row(self, source: int, destination: int) -> None:
        """Move the item at `source` so that it ends up at row `destination`."""
        if source == destination:
            return
        qt_destination = destination + 1 if destination > source else destination
        self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), qt_destination)
        self._items.insert(destination, self._items.pop(source))
        self.endMoveRows()
        self._changed_rows(min(source, destination), max(source, destination), self.NUMBER)

    def update_item(self, item_id: int, field: str, value: Any) -> None:
        row = self.row_of(item_id)
        if row >= 0:
            set_value(self._items[row], field, value)
            self._changed_rows(row, row, self.TITLE, self.TIME)

    def _changed_rows(self, first: int, last: int, left: int, right: int | None = None) -> None:
        if first <= last:
            right = left if right is None else right
            self.dataChanged.emit(self.index(first, left), self.index(last, right))

    # QAbstractTableModel

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(item, index.row(), index.column())
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._text(item, index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, item: Item, row: int, column: int) -> str:
        if column == self.NUMBER:
            return str(self.number_of_row(row))
        if column == self.ACCESS:
            return self.tr("Closed") if item.closed else self.tr("Open")
        if column == self.TIME:
            return self._time_text(item)
        return str(getattr(item, ("", "title", "", "case_id", "presenter")[column]))

    def _time_text(self, item: Item) -> str:
        start = clock(item.planned_start) if item.planned_start else ""
        minutes = self.tr("%1 min").replace("%1", str(item.duration_minutes))
        duration = minutes if item.duration_minutes else ""
        return " · ".join(part for part in (start, duration) if part)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.column_name(section)
        return None

    def _headers(self) -> tuple[str, ...]:
        """The short header texts: the narrow columns must fit a laptop at 150 %."""
        return (
            self.tr("No."),
            self.tr("Title"),
            self.tr("Access", "the header over Open/Closed; short, the column is narrow"),
            self.tr("Case ID"),
            self.tr("Presenter"),
            self.tr("Time"),
        )

    def column_name(self, section: int) -> str:
        """The column's full name: the header's tooltip and the column menu's entry."""
        names = (
            self.tr("Item number"),
            self.tr("Title"),
            self.tr("Open/Closed"),
            self.tr("Case ID"),
            self.tr("Presenter"),
            self.tr("Planned start and duration"),
        )
        return names[section] if 0 <= section < len(names) else ""

    # Drag and drop: rows are dragged by item id, the move is requested, not done

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ITEM_ID_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        rows = sorted({index.row() for index in indexes})
        if rows:
            data.setData(ITEM_ID_MIME, QByteArray(str(self._items[rows[0]].id).encode()))
        return data

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(ITEM_ID_MIME):
            return False
        item_id = int(bytes(data.data(ITEM_ID_MIME).data()).decode())
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._items))
        source = self.row_of(item_id)
        destination = target - 1 if target > source else target
        if source >= 0 and destination != source:
            self.moveRequested.emit(item_id, destination)
        return False  # the command moved the row; the view must not remove the source
