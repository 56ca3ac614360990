"""The window's three panes side by side: the committee tree, the agenda, the item."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QSplitter, QWidget

from secretary_app.ui.committee_tree import CommitteeTree

ROW, STACK = QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom


class Panes(QSplitter):
    """The tree pane is as wide as a meeting's date and stage and its buttons in a row; the
    agenda and the item share the rest. When they would then not have the agenda's least
    width each (150 % on a laptop), the tree pane narrows to the date alone (the tree puts the
    stage aside) and stacks its buttons. Once the secretary moves a divider, it stays."""

    def __init__(
        self,
        left: QWidget,
        tree: CommitteeTree,
        buttons: QBoxLayout,
        agenda: QWidget,
        item: QWidget,
        parent: QWidget,
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.left, self.tree, self.buttons, self.agenda = left, tree, buttons, agenda
        for pane in (left, agenda, item):
            self.addWidget(pane)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 1)
        self.setStretchFactor(2, 1)
        self.setChildrenCollapsible(False)
        self.divider_moved = False
        self.splitterMoved.connect(self._note_divider_moved)

    def left_width(self, *, narrow: bool) -> int:
        """The tree pane's width, its buttons stacked when `narrow` (sets their direction)."""
        layout = self.left.layout()
        direction = STACK if narrow else ROW
        if self.buttons.direction() != direction:
            self.buttons.setDirection(direction)
            if layout is not None:
                layout.invalidate()  # else the pane's least width is the one before
        margins = layout.contentsMargins() if layout is not None else self.left.contentsMargins()
        tree = self.tree.wanted_width(with_stage=not narrow) + margins.left() + margins.right()
        return max(tree, self.left.minimumSizeHint().width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.divider_moved and not self.left.isHidden():  # hidden: the search is open
            self._fit_left_pane()

    def _fit_left_pane(self) -> None:
        width = self.left_width(narrow=False)
        if self.width() - width < 2 * self.agenda.minimumSizeHint().width():
            width = self.left_width(narrow=True)
        sizes = self.sizes()
        if sizes[0] != width:
            rest = max(0, sum(sizes) - width)
            self.setSizes([width, rest - rest // 2, rest // 2])

    def _note_divider_moved(self) -> None:
        self.divider_moved = True
