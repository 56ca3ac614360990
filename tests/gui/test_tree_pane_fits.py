"""The committee tree shows every meeting's date whole, and its stage beside it where there is
room (issue 11, "fits the screen"): at 1366×768 and 1280×720 both; at 150 % (910×512 logical
pixels) the stage steps aside so that the agenda and the item keep their room, and stays in the
tooltip. Where the secretary moves the divider, it stays."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication, QStyle

from secretary_app.core.model import Committee, Item, Meeting
from secretary_app.ui.committee_tree_model import CommitteeTreeModel

SIZES = {"1366×768": (1366, 768), "1280×720": (1280, 720), "150 %": (910, 512)}
STAGE = CommitteeTreeModel.STAGE


@pytest.fixture
def a_year_of_meetings(window, archive):
    """A meeting on the 28th of every month of 2025 (September's date is the longest)."""
    committee = archive.committees.add(Committee("Børne- og Skoleudvalget"))
    for month in range(1, 13):
        archive.meetings.create(
            Meeting(committee.id or 0, dt.date(2025, month, 28), dt.time(17), dt.time(19), ""),
            [Item(meeting_id=0, title="Godkendelse af dagsorden")],
        )
    window.tree_model.reload()
    window.tree.expandAll()
    window.select_latest_meeting()
    return committee


def settle():
    for _ in range(3):
        QApplication.processEvents()


def needs(tree, text):
    """The text's width as drawn (fractions of a pixel count) with the item view's margins."""
    margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1
    return QFontMetricsF(tree.font()).horizontalAdvance(text) + 2 * margin


def meetings_of(model):
    """The index of the committee with meetings (the others have none)."""
    rows = (model.index(row, 0) for row in range(model.rowCount()))
    return next(index for index in rows if model.rowCount(index))


@pytest.mark.parametrize("size", list(SIZES.values()), ids=list(SIZES))
@pytest.mark.parametrize("committees", [1, 40], ids=["one committee", "the tree scrolls"])
def test_every_meeting_date_is_whole_and_its_stage_where_shown(
    window, archive, a_year_of_meetings, danish, size, committees
):
    for number in range(committees - 1):
        archive.committees.add(Committee(f"Udvalg {number:02}"))
    window.tree_model.reload()
    window.tree.expandAll()
    window.resize(*size)
    settle()
    tree, model = window.tree, window.tree_model
    committee = meetings_of(model)
    assert tree.verticalScrollBar().isVisible() == (committees > 1)
    assert tree.isColumnHidden(STAGE) == (size == SIZES["150 %"])
    assert model.rowCount(committee) == 12
    for row in range(12):
        date = model.index(row, CommitteeTreeModel.NAME, committee)
        assert tree.visualRect(date).width() >= needs(tree, date.data()), (size, date.data())
        stage = model.index(row, STAGE, committee)
        assert tree.isColumnHidden(STAGE) or tree.visualRect(stage).width() >= needs(
            tree, stage.data()
        )
        assert stage.data() in date.data(Qt.ItemDataRole.ToolTipRole)
    september = model.index(3, CommitteeTreeModel.NAME, committee)
    assert "september" in september.data()
    tree.scrollTo(september)
    assert tree.viewport().rect().contains(tree.visualRect(september))


def test_the_agenda_and_the_item_take_what_the_tree_leaves(window, a_year_of_meetings):
    window.resize(1366, 768)
    settle()
    tree, agenda, item = window.panes.sizes()
    window.resize(1280, 720)
    settle()
    smaller = window.panes.sizes()
    assert smaller[0] == tree
    assert smaller[1] < agenda and smaller[2] < item
    window.resize(910, 512)
    settle()
    narrow = window.panes.sizes()
    assert narrow[0] < tree  # the stage stepped aside
    assert narrow[1] >= window.meeting_panel.minimumSizeHint().width()
    editor = window.item_editor  # and the item's fields need no sideways scrolling
    assert editor.widget().minimumSizeHint().width() <= editor.viewport().width()
    assert window.new_committee_button.y() < window.new_meeting_button.y()  # stacked
    window.resize(1366, 768)
    settle()
    assert window.panes.sizes()[0] == tree
    assert not window.tree.isColumnHidden(STAGE)
    assert window.new_committee_button.y() == window.new_meeting_button.y()  # in a row


def test_a_divider_moved_by_hand_stays(window, a_year_of_meetings):
    window.resize(1366, 768)
    settle()
    window.panes.moveSplitter(400, 1)
    window.panes.splitterMoved.emit(400, 1)  # as dragging it does
    settle()
    assert window.panes.sizes()[0] >= 390
    window.resize(1280, 720)
    settle()
    assert window.panes.sizes()[0] >= 390


def test_a_committee_name_takes_the_stage_column_too(window, archive, a_year_of_meetings, danish):
    window.resize(1280, 720)
    archive.committees.add(Committee("Teknik- og Miljøudvalget, underudvalg for klima"))
    window.tree_model.reload()  # a committee added: the tree is read anew
    settle()
    tree, model = window.tree, window.tree_model
    for row in range(model.rowCount()):
        name = model.index(row, CommitteeTreeModel.NAME)
        assert tree.isFirstColumnSpanned(row, name.parent())
    committee = meetings_of(model)
    assert tree.visualRect(committee).width() >= needs(tree, "Børne- og Skoleudvalget")
    assert not tree.isFirstColumnSpanned(0, committee)  # a meeting keeps its stage


def test_while_the_search_is_open_the_agenda_and_the_item_share_the_panes(
    window, a_year_of_meetings
):
    window.resize(1366, 768)
    settle()
    tree = window.panes.sizes()[0]
    window.show_search()
    window.resize(1280, 720)
    settle()
    hidden, agenda, item = window.panes.sizes()
    assert hidden == 0 and abs(agenda - item) <= 1
    assert agenda + item + window.panes.handleWidth() >= window.panes.width() - 2
    window.search_dock.hide()
    settle()
    assert window.panes.sizes()[0] == tree
