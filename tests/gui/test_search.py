"""Finding earlier items by words or case ID from the main window: Ctrl+F opens the search pane
in a dock beside the panes; a hit opens its meeting at the item."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from secretary_app.store.demo import add_reference_meeting


def _search(window, words):
    window.show_search()
    pane = window.search_pane
    pane.field.setText(words)
    pane.run_search()
    return [pane.model.data(pane.model.index(row, 0)) for row in range(pane.model.rowCount())]


def test_words_find_the_item_and_open_its_meeting(window, archive, qtbot):
    meeting_id = add_reference_meeting(archive)
    window.tree_model.reload()
    found = _search(window, "iværksættermiljø")
    assert found == [
        "27. juni 2017 · Opgaveudvalg om Innovation · "
        "Tredje møde i Opgaveudvalg om Innovation (EMN-2017-03374)"
    ]
    assert window.search_dock.isVisible()
    pane = window.search_pane
    pane.results.activated.emit(pane.model.index(0, 0))
    assert window.meetings.meeting.id == meeting_id
    assert window.meeting_panel.current_item().case_id == "EMN-2017-03374"


def test_the_second_half_of_a_compound_finds_it(window, archive):
    """Danish joins words: "miljø" finds "iværksættermiljø"."""
    add_reference_meeting(archive)
    assert len(_search(window, "miljø")) >= 1


def test_a_case_id_finds_its_item(window, archive):
    add_reference_meeting(archive)
    assert [text.split(" · ")[-1] for text in _search(window, "EMN-2017-01714")] == [
        "Eventuelt (EMN-2017-01714)"
    ]


def test_esc_in_an_empty_search_closes_the_pane(window, archive, qtbot):
    add_reference_meeting(archive)
    _search(window, "Eventuelt")
    pane = window.search_pane
    pane.field.clear()
    QTest.keyClick(pane.field, Qt.Key.Key_Escape)
    assert not window.search_dock.isVisible()


def test_ctrl_f_goes_to_the_search_field(window, qtbot):
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.search_pane.field.hasFocus(), timeout=1000)


def test_the_search_model_passes_the_model_tester(window, archive, qtmodeltester):
    add_reference_meeting(archive)
    _search(window, "Innovation")
    qtmodeltester.check(window.search_pane.model, force_py=True)
