"""A push button standing for a QAction: its text, keys (in the tooltip) and enabled state."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QWidget


def action_button(action: QAction, parent: QWidget) -> QPushButton:
    """A push button that triggers `action` and follows its text and enabled state."""
    button = QPushButton(parent)

    def follow() -> None:
        text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&&")
        button.setText(text)
        button.setAccessibleName(text.replace("&&", "&").rstrip("…"))
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{text} ({keys})" if keys else text)
        button.setEnabled(action.isEnabled())

    follow()
    action.changed.connect(follow)
    button.clicked.connect(action.trigger)
    return button
