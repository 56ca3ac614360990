"""A push button standing for a QAction: its text, keys (in the tooltip) and enabled state; and
keys as the menus show them ("Ctrl+Skift+I" in Danish), for any text that names them."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QWidget


def shown_keys(keys: QKeySequence | QKeySequence.StandardKey | str) -> str:
    """`keys` as the menus show them, in the program's language."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def action_button(action: QAction, parent: QWidget) -> QPushButton:
    """A push button that triggers `action` and follows its text and enabled state."""
    button = QPushButton(parent)

    def follow() -> None:
        text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&&")
        button.setText(text)
        button.setAccessibleName(text.replace("&&", "&").rstrip("…"))
        keys = shown_keys(action.shortcut())
        button.setToolTip(f"{text} ({keys})" if keys else text)
        button.setEnabled(action.isEnabled())

    follow()
    action.changed.connect(follow)
    button.clicked.connect(action.trigger)
    return button
