"""The search pane on its own (issue 11, point 5): results while typing, the count and "No
results", filters, Down/Enter/Esc, the hits painted readable at 1366×768 and at 150 %."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from secretary_app.core.model import Committee, Item, Meeting
from secretary_app.store.demo import add_reference_meeting
from secretary_app.ui.i18n import install_translators
from secretary_app.ui.search_model import HIT_ROLE
from secretary_app.ui.search_pane import SEARCH_DELAY, SearchPane


@pytest.fixture
def pane(qtbot, archive):
    install_translators(QApplication.instance(), "en")  # the tests read the source texts
    add_reference_meeting(archive)
    budget = archive.committees.add(Committee("Økonomiudvalget"))
    archive.meetings.create(
        Meeting(budget.id, dt.date(2025, 5, 6)),
        [
            Item(0, "Anlægsbevilling til Østerbro Skole", case_id="EMN-2025-010561"),
            Item(0, "Salg af grund", closed=True),
        ],
    )
    pane = SearchPane(archive.search, archive.committees)
    pane.resize(700, 500)
    qtbot.addWidget(pane)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def shown_titles(pane):
    return [pane.model.index(row, 0).data(HIT_ROLE).title for row in range(pane.model.rowCount())]


def type_text(qtbot, pane, text):
    pane.field.setFocus()
    qtbot.keyClicks(pane.field, text)
    qtbot.waitUntil(lambda: not pane.timer.isActive(), timeout=SEARCH_DELAY * 10)


def test_results_come_while_typing_with_their_count(qtbot, pane):
    type_text(qtbot, pane, "bevilling")
    assert shown_titles(pane) == ["Anlægsbevilling til Østerbro Skole"]
    assert pane.count_label.text() == "1 hit"
    assert pane.model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Økonomiudvalget · 6. maj 2025 · item 1 · Anlægsbevilling til Østerbro Skole"
    )


def test_no_results_says_so(qtbot, pane):
    type_text(qtbot, pane, "ingen-sådan-ting")
    assert shown_titles(pane) == []
    assert pane.count_label.text() == "No results"


@pytest.mark.parametrize("text", ['"', "R&D", "NEAR(", "*", "æ", "a", " " * 5, "x" * 2000])
def test_any_text_is_a_search(qtbot, pane, text):
    pane.field.setText(text)
    pane.run_search()
    assert pane.model.total >= pane.model.rowCount()


def test_the_search_waits_for_a_pause_in_typing(qtbot, pane):
    pane.field.setText("bevilling")
    assert pane.model.rowCount() == 0 and pane.timer.isActive()
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1, timeout=SEARCH_DELAY * 10)


def test_filters_narrow_the_hits(qtbot, pane, archive):
    type_text(qtbot, pane, "EMN")
    assert len(shown_titles(pane)) >= 2
    pane.committee_box.setCurrentIndex(pane.committee_box.findText("Økonomiudvalget"))
    assert shown_titles(pane) == ["Anlægsbevilling til Østerbro Skole"]
    pane.committee_box.setCurrentIndex(0)
    pane.period_box.setCurrentIndex(pane.period_box.findText("2017"))
    assert shown_titles(pane) and all(
        pane.model.hit_at(row).date.startswith("2017") for row in range(pane.model.rowCount())
    )
    pane.period_box.setCurrentIndex(0)
    pane.committee_box.setCurrentIndex(pane.committee_box.findText("Økonomiudvalget"))
    pane.field.setText("grund")
    pane.run_search()
    pane.access_box.setCurrentIndex(pane.access_box.findData(False))
    assert shown_titles(pane) == []
    pane.access_box.setCurrentIndex(pane.access_box.findData(True))
    assert shown_titles(pane) == ["Salg af grund"]


def test_down_enters_the_hits_and_enter_opens_one(qtbot, pane):
    chosen = []
    pane.hitChosen.connect(lambda meeting_id, item_id, _terms: chosen.append((meeting_id, item_id)))
    type_text(qtbot, pane, "EMN")
    qtbot.keyClick(pane.field, Qt.Key.Key_Down)
    assert pane.results.hasFocus()
    qtbot.keyClick(pane.results, Qt.Key.Key_Down)
    second = pane.model.hit_at(1)
    qtbot.keyClick(pane.results, Qt.Key.Key_Return)
    assert chosen == [(second.meeting_id, second.item_id)]
    qtbot.keyClick(pane.results, Qt.Key.Key_Up)
    qtbot.keyClick(pane.results, Qt.Key.Key_Up)
    assert pane.field.hasFocus()


def test_enter_in_the_field_opens_the_first_hit_at_once(qtbot, pane):
    chosen = []
    pane.hitChosen.connect(lambda meeting_id, item_id, _terms: chosen.append((meeting_id, item_id)))
    pane.field.setFocus()
    qtbot.keyClicks(pane.field, "bevilling")
    qtbot.keyClick(pane.field, Qt.Key.Key_Return)  # before the pause has passed
    first = pane.model.hit_at(0)
    assert chosen == [(first.meeting_id, first.item_id)]


def test_esc_clears_then_dismisses(qtbot, pane):
    dismissed = []
    pane.dismissed.connect(lambda: dismissed.append(True))
    type_text(qtbot, pane, "bevilling")
    qtbot.keyClick(pane.field, Qt.Key.Key_Down)
    qtbot.keyClick(pane.results, Qt.Key.Key_Escape)
    assert pane.field.hasFocus()
    qtbot.keyClick(pane.field, Qt.Key.Key_Escape)
    assert (pane.field.text(), pane.model.rowCount(), pane.count_label.text()) == ("", 0, "")
    assert dismissed == []
    qtbot.keyClick(pane.field, Qt.Key.Key_Escape)
    assert dismissed == [True]


def test_a_hit_shows_its_snippet_and_whole_text_on_hover(qtbot, pane):
    type_text(qtbot, pane, "iværksættermiljø")
    hit = pane.model.hit_at(0)
    marked = [part.lower() for part, is_marked in hit.snippet if is_marked]
    assert marked == ["iværksættermiljø"]
    tooltip = pane.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert hit.title in tooltip and "EMN-2017-03374" in tooltip


def test_the_model_passes_the_model_tester(qtbot, pane, qtmodeltester):
    type_text(qtbot, pane, "e")
    qtmodeltester.check(pane.model, force_py=True)


def test_a_hit_is_three_lines_high(qtbot, pane):
    type_text(qtbot, pane, "EMN")
    height = pane.results.sizeHintForRow(0)
    line = pane.results.fontMetrics().lineSpacing()
    assert height >= 3 * line


def test_the_pane_is_readable_at_1366x768(qtbot, pane, tmp_path):
    pane.resize(1366 * 2 // 5, 768 - 120)  # the left two panes' width, under the field
    type_text(qtbot, pane, "innovation")
    image = pane.grab()
    assert not image.isNull()
    image.save(str(tmp_path / "search-pane.png"))


def test_more_hits_than_are_counted_says_so_and_how_to_narrow_them(qtbot, pane, archive):
    """Counting every hit of a common word would make the search slow: it stops at 200."""
    committee = archive.committees.add(Committee("Teknik- og Miljøudvalget"))
    for month in range(1, 12):
        items = [Item(0, f"Budgetopfølgning {month}.{n}") for n in range(25)]
        archive.meetings.create(Meeting(committee.id, dt.date(2024, month, 3)), items)
    pane.field.setText("opfølgning")
    pane.run_search()
    assert pane.model.more_than_total
    assert pane.count_label.text() == (
        "The first 200 of more than 200 hits: type more words, or choose a filter"
    )
