"""F1 opens the Danish guide shipped with the program (issue 11, "Help")."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

SECTIONS = ["Dit første møde", "Under mødet: mødetilstand", "Referatet godkendes"]


def test_f1_opens_the_guide_beside_the_window(window):
    assert window.guide_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    window.guide_action.trigger()
    guide = window._guide
    assert guide is not None and guide.isVisible() and not guide.isModal()
    text = guide.browser.toPlainText()
    assert all(section in text for section in SECTIONS + ["Kommunens skabelon"])

    window.guide_action.trigger()  # again: the same window, not a second one
    assert window._guide is guide


def test_the_guide_names_the_keys_the_window_has(window):
    """A key the guide teaches must be one the window answers to."""
    window.guide_action.trigger()
    text = window._guide.browser.toPlainText()
    shortcuts = {
        s.toString()
        for action in window.findChildren(type(window.guide_action))
        for s in action.shortcuts()
    }
    for key in ("Ctrl+N", "Ctrl+P", "Ctrl+Shift+N", "Ctrl+F", "F11"):
        assert key.replace("Shift", "Skift") in text  # as the Danish menus name it
        assert key in shortcuts
