"""A committee's own decision phrases, edited as a short list: the first nine are Alt+1 … Alt+9
in meeting mode. The committee's most used decisions can be suggested."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from secretary_app.core.decision_phrases import phrases_to_store, suggested_phrases
from secretary_app.ui.flow_layout import FlowBox


class PhraseListEditor(QWidget):
    def __init__(
        self,
        phrases: list[str],
        suggestions: Callable[[], list[str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.suggestions = suggestions
        self.model = QStringListModel(phrases, self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Decision phrases"))
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addWidget(self._build_buttons())

    def _build_buttons(self) -> FlowBox:
        """As many buttons a row as fit: at 150 % they take two rows, not a wider dialog."""
        row = FlowBox(self)
        self.add_button = self._button(self.tr("Add phrase"), self.add, row)
        self.remove_button = self._button(self.tr("Remove phrase"), self.remove, row)
        self.up_button = self._button(self.tr("Up"), lambda: self.move_current(-1), row)
        self.down_button = self._button(self.tr("Down"), lambda: self.move_current(+1), row)
        self.suggest_button = self._button(
            self.tr("Suggest from earlier decisions"), self.suggest, row
        )
        self.suggest_button.setEnabled(self.suggestions is not None)
        return row

    def _button(self, text: str, slot: object, row: FlowBox) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text)
        button.clicked.connect(slot)
        row.add(button)
        return button

    def phrases(self) -> list[str]:
        """The list as it is to be saved (an empty list: the standard phrases)."""
        return phrases_to_store(self.model.stringList())

    def add(self) -> None:
        row = self.model.rowCount()
        self.model.insertRows(row, 1)
        index = self.model.index(row)
        self.view.setCurrentIndex(index)
        self.view.edit(index)

    def remove(self) -> None:
        row = self.view.currentIndex().row()
        if row >= 0:
            self.model.removeRows(row, 1)

    def move_current(self, delta: int) -> None:
        row = self.view.currentIndex().row()
        target = row + delta
        if row < 0 or not 0 <= target < self.model.rowCount():
            return
        texts = self.model.stringList()
        texts.insert(target, texts.pop(row))
        self.model.setStringList(texts)
        self.view.setCurrentIndex(self.model.index(target))

    def suggest(self) -> None:
        if self.suggestions is not None:
            self.model.setStringList(suggested_phrases(self.model.stringList(), self.suggestions()))
