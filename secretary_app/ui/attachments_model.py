"""An item's attachments (Bilag): title (editable), public mark (checkable), file, size."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from secretary_app.core.model import Attachment

Index = QModelIndex | QPersistentModelIndex


class AttachmentsModel(QAbstractTableModel):
    TITLE, PUBLIC, FILENAME, SIZE = range(4)
    editRequested = Signal(object, str, object)  # attachment, field, new value

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._attachments: list[Attachment] = []

    def set_attachments(self, attachments: list[Attachment]) -> None:
        self.beginResetModel()
        self._attachments = list(attachments)
        self.endResetModel()

    def attachment_at(self, row: int) -> Attachment | None:
        return self._attachments[row] if 0 <= row < len(self._attachments) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._attachments)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        attachment = self._attachments[index.row()]
        column = index.column()
        if column == self.PUBLIC and role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if attachment.public else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(attachment, column)
        return None

    def _text(self, attachment: Attachment, column: int) -> str:
        if column == self.TITLE:
            return attachment.title
        if column == self.PUBLIC:
            return self.tr("Public") if attachment.public else self.tr("Not public")
        if column == self.FILENAME:
            return attachment.filename
        return QLocale().formattedDataSize(
            attachment.size, 1, QLocale.DataSizeFormat.DataSizeSIFormat
        )

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        attachment = self.attachment_at(index.row())
        if attachment is None:
            return False
        if index.column() == self.TITLE and role == Qt.ItemDataRole.EditRole:
            self.editRequested.emit(attachment, "title", str(value))
            return True
        if index.column() == self.PUBLIC and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            self.editRequested.emit(attachment, "public", checked)
            return True
        return False

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.TITLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        if index.column() == self.PUBLIC:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (self.tr("Title"), self.tr("Public"), self.tr("File"), self.tr("Size"))
        return headers[section] if 0 <= section < len(headers) else None
