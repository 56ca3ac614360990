"""The agenda as a table: drag rows to reorder, or use the keyboard.

The title takes the free width, at least TITLE_SHARE of it when its titles need that much; the
narrow columns are as wide as their content, narrowed together (their text elided, whole on
hover) when that leaves the title too little. Right-clicking the header chooses the columns;
widths set by hand and the columns chosen are remembered (ui/preferences.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from secretary_app.ui import preferences
from secretary_app.ui.agenda_model import AgendaModel

if TYPE_CHECKING:  # types only: each Qt class costs milliseconds the first time it is named
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QKeyEvent, QResizeEvent

TITLE_SHARE = 0.55
TITLE_MIN = 160  # pixels
NARROW_MIN = 32  # pixels: an elided column still shows a letter or two
ALWAYS_SHOWN = (AgendaModel.NUMBER, AgendaModel.TITLE)
NEVER_NARROWED = (AgendaModel.NUMBER,)


class AgendaView(QTableView):
    """Ctrl+Up/Down move the current item, Insert adds one, Delete removes it."""

    moveRequested = Signal(int)  # -1 up, +1 down
    addRequested = Signal()
    deleteRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.verticalHeader().hide()
        self.setTabKeyNavigation(False)  # Tab leaves the agenda; arrows move within it
        self._fitting = False
        self._user_widths: dict[int, int] = {}
        self._fit_soon = QTimer(self, singleShot=True, interval=0)
        self._fit_soon.timeout.connect(self.fit_columns)

    def setModel(self, model: AgendaModel) -> None:  # type: ignore[override]
        super().setModel(model)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(AgendaModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        header.sectionResized.connect(self._resized_by_hand)
        self._user_widths = preferences.agenda_column_widths()
        for column in preferences.hidden_agenda_columns() - set(ALWAYS_SHOWN):
            self.setColumnHidden(column, True)
        for signal in (model.modelReset, model.rowsInserted, model.dataChanged):
            signal.connect(self._fit_soon.start)
        self._fit_soon.start()

    # Columns

    def fit_columns(self) -> None:
        """Narrow columns as wide as their content, or as set by hand; when the title would
        get less than its share, the room left is shared out fairly: a column that needs less
        than its part keeps its width, the others split the rest (their text elided)."""
        wanted = {c: self._wanted_width(c) for c in self._narrow_columns()}
        free = self.viewport().width()
        title_needs = self.sizeHintForColumn(AgendaModel.TITLE)  # short titles leave room
        room = free - max(TITLE_MIN, min(title_needs, int(free * TITLE_SHARE)))
        kept = (*NEVER_NARROWED, *self._user_widths)
        widths = {c: w for c, w in wanted.items() if c in kept}
        elastic = sorted((w, c) for c, w in wanted.items() if c not in kept)
        left = room - sum(widths.values())
        for position, (width, column) in enumerate(elastic):
            share = left // (len(elastic) - position)
            widths[column] = max(NARROW_MIN, min(width, share))
            left -= widths[column]
        self._fitting = True
        try:
            for column, width in widths.items():
                self.horizontalHeader().resizeSection(column, width)
        finally:
            self._fitting = False

    def _narrow_columns(self) -> list[int]:
        model = self.model()
        count = model.columnCount() if model is not None else 0
        return [c for c in range(count) if c != AgendaModel.TITLE and not self.isColumnHidden(c)]

    def _wanted_width(self, column: int) -> int:
        if column in self._user_widths:
            return self._user_widths[column]
        content = self.sizeHintForColumn(column)
        return max(content, self.horizontalHeader().sectionSizeHint(column))

    def _resized_by_hand(self, column: int, _old: int, new: int) -> None:
        if self._fitting or column == AgendaModel.TITLE or new <= 0:
            return
        if self.horizontalHeader().sectionResizeMode(column) != QHeaderView.ResizeMode.Interactive:
            return
        self._user_widths[column] = new
        self._save_columns()

    def column_actions(self) -> list[QAction]:
        """A checkable action for each column that can be hidden, and one that forgets the
        widths set by hand."""
        model = self.model()
        actions = []
        for column in range(model.columnCount() if model is not None else 0):
            if column in ALWAYS_SHOWN:
                continue
            action = QAction(str(model.headerData(column, Qt.Orientation.Horizontal)), self)
            action.setCheckable(True)
            action.setChecked(not self.isColumnHidden(column))
            action.toggled.connect(lambda shown, c=column: self.show_column(c, shown))
            actions.append(action)
        reset = QAction(self.tr("Fit the columns to their content"), self)
        reset.triggered.connect(self.forget_widths)
        return [*actions, reset]

    def show_column(self, column: int, shown: bool) -> None:
        self.setColumnHidden(column, not shown)
        self._save_columns()
        self.fit_columns()

    def forget_widths(self) -> None:
        self._user_widths.clear()
        self._save_columns()
        self.fit_columns()

    def _column_menu(self, at: QPoint) -> None:
        menu = QMenu(self)
        actions = self.column_actions()
        menu.addActions(actions[:-1])
        menu.addSeparator()
        menu.addAction(actions[-1])
        menu.exec(self.horizontalHeader().mapToGlobal(at))

    def _save_columns(self) -> None:
        model = self.model()
        count = model.columnCount() if model is not None else 0
        hidden = {c for c in range(count) if self.isColumnHidden(c)}
        preferences.save_agenda_columns(hidden, self._user_widths)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_soon.start()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        control = modifiers & Qt.KeyboardModifier.ControlModifier
        if control and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.moveRequested.emit(-1 if key == Qt.Key.Key_Up else 1)
        elif key == Qt.Key.Key_Insert:
            self.addRequested.emit()
        elif key == Qt.Key.Key_Delete:
            self.deleteRequested.emit()
        else:
            super().keyPressEvent(event)
