"""The committees and their meetings: each meeting's date whole, its stage beside it when there
is room (at 150 % on a laptop there is not: the stage then steps aside; it stays in the tooltip
and in the meeting's header)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QHeaderView, QStyle, QTreeView, QWidget

from secretary_app.core.danish_dates import short_date
from secretary_app.core.meeting_stage import STAGE_NAMES
from secretary_app.ui.committee_tree_model import CommitteeTreeModel

LONGEST_DATES = [short_date(dt.date(2000, month, 28)) for month in range(1, 13)]


class CommitteeTree(QTreeView):
    def __init__(self, model: CommitteeTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setIndentation(16)  # less than the style's 20: room for the date at 150 %
        self.setUniformRowHeights(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(CommitteeTreeModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CommitteeTreeModel.STAGE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(CommitteeTreeModel.STAGE, self.stage_width())
        model.modelReset.connect(self._span_committees)
        self._span_committees()

    def _span_committees(self) -> None:
        """A committee has no stage: its name takes the stage's column too."""
        for row in range(self.model().rowCount()):
            self.setFirstColumnSpanned(row, QModelIndex(), True)

    def stage_width(self) -> int:
        """As wide as the longest stage name: sizing the column to its contents would read
        every meeting of the archive."""
        return self._text_width(STAGE_NAMES.values())

    def date_width(self) -> int:
        """A meeting's date at its longest, where it stands (under its committee)."""
        return 2 * self.indentation() + self._text_width(LONGEST_DATES)

    def wanted_width(self, *, with_stage: bool) -> int:
        """The view's width for a date whole (and its stage), with a scroll bar and the frame."""
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        stage = self.stage_width() if with_stage else 0
        return self.date_width() + stage + scroll_bar + 2 * self.frameWidth()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        room = self.viewport().width() >= self.date_width() + self.stage_width()
        if self.isColumnHidden(CommitteeTreeModel.STAGE) == room:
            self.setColumnHidden(CommitteeTreeModel.STAGE, not room)
            self.header().resizeSection(CommitteeTreeModel.STAGE, self.stage_width())

    def _text_width(self, texts: Iterable[str]) -> int:
        """The widest text with the item view's margins, rounded up: at 150 % a text is a
        fraction of a pixel wider than its whole-pixel advance, and would be elided."""
        metrics = QFontMetricsF(self.font())
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1
        widest = max(metrics.horizontalAdvance(text) for text in texts)
        return math.ceil(widest) + 2 * margin
