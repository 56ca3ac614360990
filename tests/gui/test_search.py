"""Finding earlier items by words or case ID from the main window: Ctrl+F opens the search pane
in a dock beside the panes; a hit opens its meeting at the item."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from secretary_app.core.item_fields import section_field
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


def _meeting_with_a_long_item(archive):
    """An item whose decision, far down under a long Resumé, holds "Anlægsbevillingen"."""
    import datetime as dt

    from secretary_app.core.model import Committee, Item, Meeting

    committee = archive.committees.add(Committee("Økonomiudvalget"))
    resume = "\n\n".join(f"Afsnit {number} om skolens ombygning." for number in range(60))
    item = Item(
        0,
        "Ombygning af Østerbro Skole",
        sections={"resume": resume, "beslutning": "Udvalget godkendte. Anlægsbevillingen gives."},
    )
    return archive.meetings.create(Meeting(committee.id or 0, dt.date(2025, 5, 6)), [item])


def _choose_first_hit(window, words, qtbot):
    _search(window, words)
    pane = window.search_pane
    pane.results.activated.emit(pane.model.index(0, 0))
    decision = window.item_editor._rich_edits[section_field("beslutning")].text_edit
    qtbot.waitUntil(lambda: decision.textCursor().hasSelection(), timeout=2000)
    return decision


def test_an_opened_hit_shows_the_words_it_was_found_by(window, archive, qtbot):
    """Found in the decision under a long Resumé: the item opens scrolled to it, the words
    chosen (found by a walkthrough: it opened at the top, the decision out of sight)."""
    _meeting_with_a_long_item(archive)
    window.tree_model.reload()
    decision = _choose_first_hit(window, "bevilling", qtbot)
    assert decision.textCursor().selectedText() == "bevilling"
    QTest.qWait(100)  # the fields have taken their heights (the Resumé grew with its text)
    editor = window.item_editor
    at = decision.viewport().mapTo(editor.viewport(), decision.cursorRect().center())
    assert editor.viewport().rect().contains(at)
    assert editor.verticalScrollBar().value() > 0


def test_on_a_small_screen_the_search_takes_the_items_place_until_a_hit_is_chosen(
    window, archive, qtbot
):
    """150 % on a laptop (910×512): the search, the agenda and the item do not fit side by
    side; the item steps aside while searching, and a hit chosen shows it again."""
    _meeting_with_a_long_item(archive)
    window.tree_model.reload()
    window.resize(910, 512)
    window.select_latest_meeting()  # its first item shown, as the secretary has it
    window.show_search()
    QTest.qWait(10)
    assert window.width() <= 910
    assert window.item_editor.isHidden() and window.left_pane.isHidden()
    decision = _choose_first_hit(window, "bevilling", qtbot)
    assert not window.search_dock.isVisible()
    assert not window.item_editor.isHidden() and not window.left_pane.isHidden()
    assert decision.textCursor().selectedText() == "bevilling"


def test_a_second_hit_at_once_in_another_layout_is_safe(window, archive, qtbot, monkeypatch):
    """Two hits opened within the moment the first keeps its words in view, the second in a
    committee whose item layout builds the fields anew: typing then grows a field, and nothing
    acts on the first item's deleted field (found by review: an unexpected error)."""
    import datetime as dt
    import sys

    from secretary_app.core.item_layout import STANDARD
    from secretary_app.core.model import Committee, Item, Meeting

    errors: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda *args: errors.append(args[1]))
    _meeting_with_a_long_item(archive)
    other = archive.committees.add(Committee("Børneudvalget"))
    archive.layouts.set_of_committee(other.id or 0, STANDARD)
    archive.meetings.create(
        Meeting(other.id or 0, dt.date(2025, 5, 7)), [Item(0, "Anlægsbevillingen til Nørrebro")]
    )
    window.tree_model.reload()
    found = _search(window, "anlægsbevillingen")
    pane = window.search_pane
    rows = {text.split(" · ")[1]: row for row, text in enumerate(found)}
    pane.results.activated.emit(pane.model.index(rows["Økonomiudvalget"], 0))
    QTest.qWait(50)
    window.show_search()
    pane.results.activated.emit(pane.model.index(rows["Børneudvalget"], 0))
    QTest.qWait(50)
    edit = next(iter(window.item_editor._rich_edits.values())).text_edit
    edit.setFocus()
    for _ in range(15):
        QTest.keyClicks(edit, "Linje")
        QTest.keyClick(edit, Qt.Key.Key_Return)
    QTest.qWait(100)
    assert errors == []


def test_the_search_opens_within_a_maximised_window(window, archive, qtbot):
    """Maximised on a small screen, the window stays on the screen (found by review: it was
    pushed to 1010 pixels on a 910-pixel screen)."""
    _meeting_with_a_long_item(archive)
    window.tree_model.reload()
    window.select_latest_meeting()
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized, timeout=1000)
    QTest.qWait(50)
    screen = window.screen().availableGeometry()
    window.show_search()
    QTest.qWait(50)
    assert window.width() <= screen.width()
    window.search_dock.hide()
    QTest.qWait(50)
    assert window.width() <= screen.width()


def test_a_hit_chosen_after_the_window_grew_shows_the_item(window, archive, qtbot):
    """Opened small, the search stood in the item's place; the window made larger since,
    a hit chosen shows the item beside the search (found by review: it stayed hidden)."""
    _meeting_with_a_long_item(archive)
    window.tree_model.reload()
    window.select_latest_meeting()
    window.resize(910, 512)
    window.show_search()
    QTest.qWait(20)
    assert window.item_editor.isHidden()
    window.resize(1366, 768)
    _choose_first_hit(window, "bevilling", qtbot)
    assert window.search_dock.isVisible() and not window.item_editor.isHidden()


def test_the_search_is_not_offered_in_the_menu_bars_context_menu(window):
    """Shown from there it would stand beside the tree (Ctrl+F and Find make room for it)."""
    window.show_search()
    menu = window.createPopupMenu()
    shown = [a for a in (menu.actions() if menu else []) if a.isVisible()]
    assert window.search_dock.toggleViewAction() not in shown
