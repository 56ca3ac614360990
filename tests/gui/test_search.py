"""Finding earlier items by words or case ID, from the search field of the main window."""

from __future__ import annotations

from PySide6.QtCore import Qt

from secretary_app.store.demo import add_reference_meeting


def _search(window, qtbot, words):
    window.search_field.setText(words)
    window._search()
    return [
        window.search_model.data(window.search_model.index(row, 0))
        for row in range(window.search_model.rowCount())
    ]


def test_words_find_the_item_and_open_its_meeting(window, archive, qtbot):
    meeting_id = add_reference_meeting(archive)
    window.tree_model.reload()
    found = _search(window, qtbot, "iværksættermiljø")
    assert found == [
        "27. juni 2017 · Opgaveudvalg om Innovation · "
        "Tredje møde i Opgaveudvalg om Innovation (EMN-2017-03374)"
    ]
    assert window.search_results.isVisible()
    window._open_hit(window.search_model.index(0, 0))
    assert window.editor.meeting.id == meeting_id
    assert window.meeting_panel.current_item().case_id == "EMN-2017-03374"


def test_a_case_id_finds_its_item(window, archive, qtbot):
    add_reference_meeting(archive)
    assert [text.split(" · ")[-1] for text in _search(window, qtbot, "EMN-2017-01714")] == [
        "Eventuelt (EMN-2017-01714)"
    ]


def test_an_empty_search_hides_the_results(window, archive, qtbot):
    add_reference_meeting(archive)
    _search(window, qtbot, "Eventuelt")
    assert _search(window, qtbot, "") == []
    assert not window.search_results.isVisible()


def test_ctrl_f_goes_to_the_search_field(window, qtbot):
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.search_field.hasFocus(), timeout=1000)


def test_the_search_model_passes_the_model_tester(window, archive, qtbot, qtmodeltester):
    add_reference_meeting(archive)
    _search(window, qtbot, "Innovation")
    qtmodeltester.check(window.search_model, force_py=True)
