"""The sections of an item layout, one row each: label, kind, agenda, minutes, printed empty."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from secretary_app.core.item_layout import Section, SectionKind

Index = QModelIndex | QPersistentModelIndex
_CHECK_FIELDS = {2: "agenda", 3: "minutes", 4: "print_empty"}


class SectionsModel(QAbstractTableModel):
    """A thin adapter over a list of Section and the keys printed with "." when empty.

    The view's edits do not change the rows here: the model asks for them with
    `editRequested(row, field, value)` (field: label, kind, agenda, minutes, print_empty), and
    the undo command that performs the edit calls `replace_row`.
    """

    LABEL, KIND, AGENDA, MINUTES, EMPTY = range(5)
    editRequested = Signal(int, str, object)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sections: list[Section] = []
        self._print_empty: set[str] = set()

    # Lookups

    def sections(self) -> list[Section]:
        return list(self._sections)

    def print_empty(self) -> frozenset[str]:
        return frozenset(self._print_empty)

    def section_at(self, row: int) -> Section:
        return self._sections[row]

    def is_print_empty(self, row: int) -> bool:
        return self._sections[row].key in self._print_empty

    def kind_name(self, kind: SectionKind) -> str:
        names = {
            SectionKind.TEXT: self.tr("Text"),
            SectionKind.HISTORY: self.tr("History"),
            SectionKind.DECISION: self.tr("Decision"),
        }
        return names[kind]

    # Changes, called by the undo commands

    def set_rows(self, sections: list[Section], print_empty: frozenset[str]) -> None:
        self.beginResetModel()
        self._sections = list(sections)
        self._print_empty = set(print_empty) & {section.key for section in sections}
        self.endResetModel()

    def insert_row(self, row: int, section: Section, print_empty: bool) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self._sections.insert(row, section)
        self._set_print_empty(section.key, print_empty)
        self.endInsertRows()

    def remove_row(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        removed = self._sections.pop(row)
        self._print_empty.discard(removed.key)
        self.endRemoveRows()

    def move_row(self, source: int, destination: int) -> None:
        """Move the section at `source` so that it ends up at row `destination`."""
        if source == destination:
            return
        qt_destination = destination + 1 if destination > source else destination
        self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), qt_destination)
        self._sections.insert(destination, self._sections.pop(source))
        self.endMoveRows()

    def replace_row(self, row: int, section: Section, print_empty: bool) -> None:
        self._print_empty.discard(self._sections[row].key)
        self._sections[row] = section
        self._set_print_empty(section.key, print_empty)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.EMPTY))

    def _set_print_empty(self, key: str, print_empty: bool) -> None:
        if print_empty:
            self._print_empty.add(key)
        else:
            self._print_empty.discard(key)

    # QAbstractTableModel

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._sections)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        section, column = self._sections[index.row()], index.column()
        if column in _CHECK_FIELDS:
            return self._check_data(index.row(), column, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return section.label if column == self.LABEL else self.kind_name(section.kind)
        if role == Qt.ItemDataRole.EditRole:
            return section.label if column == self.LABEL else section.kind.value
        return None

    def _check_data(self, row: int, column: int, role: int) -> Any:
        checked = self._checked(row, column)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("Yes") if checked else self.tr("No")
        return None

    def _checked(self, row: int, column: int) -> bool:
        if column == self.EMPTY:
            return self.is_print_empty(row)
        return bool(getattr(self._sections[row], _CHECK_FIELDS[column]))

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row, column = index.row(), index.column()
        if column in _CHECK_FIELDS and role == Qt.ItemDataRole.CheckStateRole:
            checked = _check_state(value) == Qt.CheckState.Checked
            self.editRequested.emit(row, _CHECK_FIELDS[column], checked)
            return True
        if role != Qt.ItemDataRole.EditRole or column in _CHECK_FIELDS:
            return False
        field = "label" if column == self.LABEL else "kind"
        self.editRequested.emit(row, field, str(value))
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in _CHECK_FIELDS:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        decision = self._sections[index.row()].kind is SectionKind.DECISION
        if index.column() == self.KIND and decision:
            return base  # the decision section stays the decision
        return base | Qt.ItemFlag.ItemIsEditable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 5:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips()[section]
        return None

    def _headers(self) -> tuple[str, ...]:
        return (
            self.tr("Section"),
            self.tr("Type"),
            self.tr("Agenda"),
            self.tr("Minutes"),
            self.tr("Print when empty"),
        )

    def _header_tips(self) -> tuple[str, ...]:
        return (
            self.tr("The section's heading as printed"),
            self.tr("Text written before the meeting, earlier decisions, or the decision"),
            self.tr("Shown on the agenda"),
            self.tr("Shown in the minutes"),
            self.tr('Printed with "." when the item has no text there'),
        )


def _check_state(value: Any) -> Qt.CheckState:
    return value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
