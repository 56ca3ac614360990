"""Meeting mode fits a 1366×768 laptop at 150 % (910×512 logical pixels), with nine long
phrases: the phrase buttons and the item's record buttons wrap to more rows rather than widen
the screen; after meeting mode the window is as small and as large as it was before (found by
a walkthrough: the mode needed 950×615, and after it the window could not be narrower)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from secretary_app.core.decision_phrases import PHRASE_KEYS
from secretary_app.ui.item_records_editor import ItemRecordsEditor

SMALL = (910, 512)
LONG_PHRASES = [
    f"{number}. Udvalget anbefaler Kommunalbestyrelsen at godkende indstillingen"
    for number in range(1, PHRASE_KEYS + 1)
]


def settle():
    for _ in range(3):
        QApplication.processEvents()


def fits(size, bounds) -> bool:
    return size.width() <= bounds[0] and size.height() <= bounds[1]


def no_overlap(widgets) -> bool:
    rects = [widget.geometry() for widget in widgets]
    return not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])


@pytest.fixture
def long_phrases(archive, meeting, window):
    archive.records.set_phrases(meeting.committee_id, LONG_PHRASES)
    window.meetings.open_meeting(meeting.id)  # read anew
    return LONG_PHRASES


def test_meeting_mode_fits_150_percent_with_nine_long_phrases(
    qtbot, window, meeting, long_phrases, danish
):
    window.meeting_actions.enter()
    settle()
    view = window.meeting_actions.view
    bars = window.menuBar().sizeHint().height() + window.statusBar().sizeHint().height()
    room = (SMALL[0], SMALL[1] - bars)  # full screen on that laptop, menus and status bar too
    view.setParent(None)  # the test's screen is another size: the view alone, at that size
    qtbot.addWidget(view)
    view.resize(*room)
    view.show()
    settle()
    assert fits(view.minimumSizeHint(), room)
    buttons = view.phrase_buttons
    assert len(buttons) == PHRASE_KEYS and no_overlap(buttons)
    for button in [*buttons, *view.records.buttons]:  # whole, none below the pane's foot
        assert view.rect().contains(QRect(button.mapTo(view, QPoint(0, 0)), button.size()))
    assert len({button.y() for button in buttons}) > 1  # more rows, not a wider screen
    records = view.records.buttons
    assert no_overlap(records)
    assert all(b.geometry().bottom() < view.records.height() for b in records)


def test_after_meeting_mode_the_window_is_as_it_was(qtbot, window, meeting):
    window.resize(760, 500)  # within the test screen (800×600), which full screen fills
    settle()
    least_before, size_before = window.minimumSizeHint(), window.size()
    window.meeting_actions.enter()
    settle()
    assert window.isFullScreen()
    window.meeting_actions.leave()
    qtbot.waitUntil(lambda: window.size() == size_before, timeout=2000)
    assert window.minimumSizeHint() == least_before
    assert fits(window.minimumSizeHint(), SMALL)
    window.show_search()  # the search beside the panes does not widen it past the screen
    settle()
    assert window.width() <= SMALL[0] + 60


def test_the_record_buttons_wrap_in_the_item_pane_at_150_percent(window, meeting):
    window.resize(*SMALL)
    window.meeting_panel.select_row(0)
    settle()
    editor = window.item_editor
    (in_the_item,) = [
        records
        for records in window.findChildren(ItemRecordsEditor)
        if editor.isAncestorOf(records)
    ]
    records = in_the_item.buttons
    assert no_overlap(records)
    assert all(b.geometry().right() < b.parentWidget().width() for b in records)
    assert editor.widget().minimumSizeHint().width() <= editor.viewport().width()


def test_keys_are_named_as_the_menus_name_them(window, meeting, danish):
    """In Danish the menus say "Ctrl+Skift+…": the mode's key help and buttons say the same
    (found by a walkthrough: they said "Ctrl+Shift+…" and "Ctrl+PgDn")."""
    from PySide6.QtWidgets import QLabel

    window.meeting_actions.enter()
    settle()
    view = window.meeting_actions.view
    menu_keys = window.meeting_actions.next_action.shortcut().toString(
        QKeySequence.SequenceFormat.NativeText
    )
    hint = next(
        label.text() for label in view.findChildren(QLabel) if "næste punkt" in label.text()
    )
    assert hint.startswith(f"{menu_keys} næste punkt")
    assert "Ctrl+Skift+I ikke til stede" in hint and "Shift" not in hint
    assert view.whole_pane.text() == "Beslutning i hele ruden (Ctrl+Skift+D)"


def test_leaving_meeting_mode_a_maximised_window_is_maximised_as_before(qtbot, window, meeting):
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized, timeout=1000)
    settle()
    before = window.geometry()
    window.meeting_actions.enter()
    settle()
    window.meeting_actions.leave()
    QTest.qWait(50)
    assert window.isMaximized() and window.geometry() == before
