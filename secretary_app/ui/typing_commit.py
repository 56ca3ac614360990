"""Typing waiting to be committed: what the item editor, meeting mode and the meeting's title
and place share.

Typed text is committed COMMIT_DELAY_MS after its first keystroke, also while the user types
on (the timer is not restarted by later keys): a crash loses at most that much. The owner holds
each field's way of reading its value, and commits them all when `due` is sent, or sooner when
the window asks (`take` empties the waiting list and stops the timer):

    self.typing = PendingTyping(self)
    self.typing.due.connect(self.flush)
    self.typing.started.connect(self.editPending)   # the undo action may be enabled
    edit.textEdited.connect(lambda _: self.typing.hold("title", edit.text))

    def flush(self):
        for field, value in self.typing.take().items():
            self.items.edit_item_field(self.item_id, field, value())
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from secretary_app.ui.edit_session import COMMIT_DELAY_MS


class PendingTyping(QObject):
    started = Signal()  # the first keystroke not yet committed
    due = Signal()  # COMMIT_DELAY_MS after it: commit now

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._waiting: dict[str, Callable[[], Any]] = {}
        self._timer = QTimer(self, singleShot=True, interval=COMMIT_DELAY_MS)
        self._timer.timeout.connect(self.due)

    def hold(self, field: str, value: Callable[[], Any]) -> None:
        """`field` was typed in; `value` reads what it says when it is committed."""
        self._waiting[field] = value
        if not self._timer.isActive():
            self._timer.start()
            self.started.emit()

    def waits(self, field: str) -> bool:
        return field in self._waiting

    def take(self) -> dict[str, Callable[[], Any]]:
        """What waits, by field; nothing waits afterwards."""
        self._timer.stop()
        waiting, self._waiting = self._waiting, {}
        return waiting
