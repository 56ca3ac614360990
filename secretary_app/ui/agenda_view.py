"""The agenda as a table: drag rows to reorder, or use the keyboard.

The narrow columns are as wide as their content and their header, never elided; the title takes
the width left (elided in the middle, whole on hover), at least TITLE_MIN_CHARS characters. When
the window is too narrow for every column chosen, the least important ones (COLUMN_PRIORITY) step
aside until there is room again, as Outlook's message list does: the current item's fields are
all in the item editor beside the agenda, while a table that scrolls sideways would hide the
number and title of every row. Only when even the number and the title's minimum do not fit does
the table scroll sideways. Right-clicking the header chooses the columns; widths set by hand and
the columns chosen are remembered (ui/preferences.py).
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

TITLE_MIN_CHARS = 20  # average characters: "Godkendelse…etape 2" still says which item it is
ALWAYS_SHOWN = (AgendaModel.NUMBER, AgendaModel.TITLE)
COLUMN_PRIORITY = (  # the order in which the narrow columns get room; the last steps aside first
    AgendaModel.ACCESS,
    AgendaModel.CASE_ID,
    AgendaModel.TIME,
    AgendaModel.PRESENTER,
)


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
        self._hidden_by_choice: set[int] = set()
        self._shown_by_hand: set[int] = set()  # turned on now: shown even when empty
        self._no_room: set[int] = set()
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
        self._hidden_by_choice = preferences.hidden_agenda_columns() & set(COLUMN_PRIORITY)
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged):
            signal.connect(self._fit_soon.start)
        self._fit_soon.start()

    # Columns

    def fit_columns(self) -> None:
        """Each narrow column as wide as it needs (or as set by hand), in COLUMN_PRIORITY order
        while the title keeps its minimum; the columns left without room are hidden until the
        window is wider, and so is a column with nothing in it while titles are cut. The title
        stretches over what is left."""
        title = self.content_width(AgendaModel.TITLE)  # read once: it reads every row
        least = self._title_minimum(title)
        left = self.viewport().width() - least
        widths = {AgendaModel.NUMBER: self.wanted_width(AgendaModel.NUMBER)}
        left -= widths[AgendaModel.NUMBER]
        self._no_room = set()
        for column in self.chosen_columns():
            wanted = self.wanted_width(column)
            if wanted <= left:
                widths[column], left = wanted, left - wanted
            else:
                self._no_room.add(column)
        cut = title - least
        for column in [c for c in reversed(self.chosen_columns()) if c in widths]:
            if left >= cut:
                break
            if column not in self._shown_by_hand and self._is_empty(column):  # titles first
                left += widths.pop(column)
                self._no_room.add(column)
        self._apply(widths, scroll=left < 0)

    def _is_empty(self, column: int) -> bool:
        model = self.model()
        return not any(model.index(row, column).data() for row in range(model.rowCount()))

    def _apply(self, widths: dict[int, int], scroll: bool) -> None:
        header = self.horizontalHeader()
        self._fitting = True
        try:
            for column in COLUMN_PRIORITY:
                self.setColumnHidden(column, column not in widths)
            for column, width in widths.items():
                header.resizeSection(column, width)
            title_mode = (
                QHeaderView.ResizeMode.Interactive if scroll else QHeaderView.ResizeMode.Stretch
            )
            header.setSectionResizeMode(AgendaModel.TITLE, title_mode)
            if scroll:  # not even the number and the title's minimum fit: scroll sideways
                header.resizeSection(AgendaModel.TITLE, self.title_minimum())
        finally:
            self._fitting = False

    def chosen_columns(self) -> list[int]:
        """The narrow columns the user chose to see, most important first."""
        return [c for c in COLUMN_PRIORITY if c not in self._hidden_by_choice]

    def columns_without_room(self) -> set[int]:
        """Columns chosen but hidden because the window is too narrow for them."""
        return set(self._no_room)

    def title_minimum(self) -> int:
        """TITLE_MIN_CHARS characters, or less when every title is shorter; never less than
        the header needs."""
        return self._title_minimum(self.content_width(AgendaModel.TITLE))

    def _title_minimum(self, content: int) -> int:
        characters = self.fontMetrics().averageCharWidth() * TITLE_MIN_CHARS
        return max(self.header_width(AgendaModel.TITLE), min(content, characters))

    def wanted_width(self, column: int) -> int:
        """The width set by hand, or what the header and the widest cell need."""
        if column in self._user_widths:
            return self._user_widths[column]
        return max(self.header_width(column), self.content_width(column))

    def header_width(self, column: int) -> int:
        """What the header needs for its text, margins and sort indicator, from the style, and
        never less than a section can be; asked of a hidden column too (sectionSizeHint says 0
        for those)."""
        header = self.horizontalHeader()
        return max(header.minimumSectionSize(), header.sectionSizeFromContents(column).width())

    def content_width(self, column: int) -> int:
        """What the widest cell needs, margins and grid line included."""
        return max(0, self.sizeHintForColumn(column))

    def _resized_by_hand(self, column: int, _old: int, new: int) -> None:
        if self._fitting or column == AgendaModel.TITLE or new <= 0:
            return
        if self.horizontalHeader().sectionResizeMode(column) != QHeaderView.ResizeMode.Interactive:
            return
        self._user_widths[column] = new
        self._save_columns()

    def column_actions(self) -> list[QAction]:
        """A checkable action for each column that can be hidden, checked when chosen (even
        if there is no room for it now), and one that forgets the widths set by hand."""
        model = self.model()
        actions = []
        for column in sorted(COLUMN_PRIORITY):
            name = model.column_name(column) if isinstance(model, AgendaModel) else ""
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(column not in self._hidden_by_choice)
            if column in self._no_room:
                action.setToolTip(self.tr("No room at this width: widen the window to see it"))
            action.toggled.connect(lambda shown, c=column: self.show_column(c, shown))
            actions.append(action)
        reset = QAction(self.tr("Fit the columns to their content"), self)
        reset.triggered.connect(self.forget_widths)
        return [*actions, reset]

    def show_column(self, column: int, shown: bool) -> None:
        """The user's choice: remembered, and honoured whenever there is room."""
        if column in ALWAYS_SHOWN:
            return
        (self._hidden_by_choice.discard if shown else self._hidden_by_choice.add)(column)
        (self._shown_by_hand.add if shown else self._shown_by_hand.discard)(column)
        self._save_columns()
        self.fit_columns()

    def forget_widths(self) -> None:
        self._user_widths.clear()
        self._save_columns()
        self.fit_columns()

    def _column_menu(self, at: QPoint) -> None:
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        actions = self.column_actions()
        menu.addActions(actions[:-1])
        menu.addSeparator()
        menu.addAction(actions[-1])
        menu.exec(self.horizontalHeader().mapToGlobal(at))

    def _save_columns(self) -> None:
        preferences.save_agenda_columns(set(self._hidden_by_choice), self._user_widths)

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
