"""Search across the archive while typing: a field, filters (committee, period, open/closed),
the number of hits or "No results", and the hits (search_model). It works as a pane in a dock
or as a popup under a field; `hitChosen(meeting_id, item_id, terms)` tells where to go, and
what was searched for (to show it there).

Keys: Down from the field goes into the hits, Up from the first hit back; Enter opens the hit
(the first, from the field); Esc clears the field, and in an empty field sends `dismissed`.
The search runs SEARCH_DELAY ms after the last keystroke (or at once on Enter).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from secretary_app.core.search_query import SearchFilter, recent_filter, year_filter
from secretary_app.store.committees import CommitteeStore
from secretary_app.store.search import SearchStore
from secretary_app.ui.search_model import SearchHitDelegate, SearchModel

SEARCH_DELAY = 150  # ms after the last keystroke
ALL, RECENT = "all", "recent"  # periods besides the years


class SearchPane(QWidget):
    hitChosen = Signal(int, int, object)  # meeting id, item id, the SearchTerms
    dismissed = Signal()  # Esc in an empty field: a popup may close

    def __init__(
        self, search: SearchStore, committees: CommitteeStore, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.search = search
        self.committees = committees
        self.model = SearchModel(search, self)
        self.timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY)
        self._build()
        self._connect()
        self.reload_filters()

    # Building

    def _build(self) -> None:
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Search titles, case IDs and texts…"))
        self.field.setAccessibleName(self.tr("Search"))
        self.field.setClearButtonEnabled(True)
        self.committee_box = self._combo(self.tr("Committee"))
        self.period_box = self._combo(self.tr("Period"))
        self.access_box = self._combo(self.tr("Open or closed"))
        for text, closed in (
            (self.tr("Open and closed"), None),
            (self.tr("Open items"), False),
            (self.tr("Closed items"), True),
        ):
            self.access_box.addItem(text, closed)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Number of hits"))
        self.results = self._result_list()
        self._lay_out()

    def _combo(self, name: str) -> QComboBox:
        box = QComboBox(self)
        box.setAccessibleName(name)
        box.setToolTip(name)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(8)
        return box

    def _result_list(self) -> QListView:
        results = QListView(self)
        results.setModel(self.model)
        results.setItemDelegate(SearchHitDelegate(results))
        results.setAccessibleName(self.tr("Search results"))
        results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        results.setUniformItemSizes(True)
        results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return results

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        for box in (self.committee_box, self.period_box, self.access_box):
            filters.addWidget(box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addLayout(filters)
        layout.addWidget(self.count_label)
        layout.addWidget(self.results, 1)

    def _connect(self) -> None:
        self.field.textChanged.connect(lambda _text: self.timer.start())
        self.timer.timeout.connect(self.run_search)
        for box in (self.committee_box, self.period_box, self.access_box):
            box.currentIndexChanged.connect(lambda _index: self.run_search())
        self.results.activated.connect(self._choose)
        self.results.clicked.connect(self._choose)
        self.field.installEventFilter(self)
        self.results.installEventFilter(self)

    def reload_filters(self) -> None:
        """The committees and years the archive holds now (a committee or meeting was added)."""
        self._refill(
            self.committee_box,
            [(self.tr("All committees"), None)]
            + [(committee.name, committee.id) for committee in self.committees.all()],
        )
        periods: list[tuple[str, object]] = [(self.tr("Any time"), ALL)]
        periods.append((self.tr("Last 12 months"), RECENT))
        periods += [(str(year), year) for year in self.search.years()]
        self._refill(self.period_box, periods)

    def _refill(self, box: QComboBox, entries: list[tuple[str, object]]) -> None:
        chosen = box.currentData()
        box.blockSignals(True)
        box.clear()
        for text, data in entries:
            box.addItem(text, data)
        box.setCurrentIndex(max(0, box.findData(chosen)))
        box.blockSignals(False)

    # Searching

    def filter(self) -> SearchFilter:
        """What the filters let through."""
        base = SearchFilter(
            committee_id=self.committee_box.currentData(),
            closed=self.access_box.currentData(),
        )
        period = self.period_box.currentData()
        if period == RECENT:
            return recent_filter(dt.date.today(), base)
        return year_filter(period, base) if isinstance(period, int) else base

    def run_search(self) -> None:
        self.timer.stop()
        text = self.field.text()
        if text.strip():
            self.model.find(text, self.filter())
        else:
            self.model.clear()
        self._show_count(bool(text.strip()))
        if self.model.rowCount():
            self.results.setCurrentIndex(self.model.index(0, 0))

    def _show_count(self, searched: bool) -> None:
        shown, total = self.model.rowCount(), self.model.total
        if not searched:
            text = ""
        elif total == 0:
            text = self.tr("No results")
        elif self.model.more_than_total:
            text = (
                self.tr("The first %1 of more than %2 hits: type more words, or choose a filter")
                .replace("%1", str(shown))
                .replace("%2", str(total))
            )
        elif shown < total:
            text = (
                self.tr("The first %1 of %2 hits")
                .replace("%1", str(shown))
                .replace("%2", str(total))
            )
        else:
            # not Qt's plural forms (%n): they need a translation, and the code's English has none
            many = self.tr("%1 hits").replace("%1", str(total))
            text = self.tr("1 hit") if total == 1 else many
        self.count_label.setText(text)

    def _choose(self, index: QModelIndex) -> None:
        hit = self.model.hit_at(index.row())
        if hit is not None:
            self.hitChosen.emit(hit.meeting_id, hit.item_id, hit.terms)

    # Keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        if watched is self.field:
            return self._field_key(event.key())
        if watched is self.results:
            return self._results_key(event.key())
        return False

    def _field_key(self, key: int) -> bool:
        if key == Qt.Key.Key_Down and self.model.rowCount():
            self.results.setFocus()
            self.results.setCurrentIndex(self.model.index(0, 0))
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._open_current_or_first()
            return True
        if key == Qt.Key.Key_Escape:
            self._escape()
            return True
        return False

    def _results_key(self, key: int) -> bool:
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._choose(self.results.currentIndex())
            return True
        if key == Qt.Key.Key_Escape or (
            key == Qt.Key.Key_Up and self.results.currentIndex().row() <= 0
        ):
            self.field.setFocus()
            return True
        return False

    def _open_current_or_first(self) -> None:
        if self.timer.isActive() or not self.model.rowCount():
            self.run_search()
        current = self.results.currentIndex()
        self._choose(current if current.isValid() else self.model.index(0, 0))

    def _escape(self) -> None:
        if self.field.text():
            self.field.clear()
            self.run_search()
        else:
            self.dismissed.emit()

    def focus_field(self) -> None:
        """The field, its text chosen: for Ctrl+F."""
        self.field.setFocus()
        self.field.selectAll()
