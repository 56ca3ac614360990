"""Slow work that is not the window's (Word or LibreOffice laying out a document: seconds) done in
a worker thread, while a small progress dialog says what is happening and the window keeps
painting, instead of freezing until Windows calls it "not responding".

Only work that touches neither Qt widgets nor the archive goes here: the archive's connection
belongs to the window's thread, so the document is read before.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Protocol, TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

Result = TypeVar("Result")
POLL_MS = 25
SHOW_AFTER_MS = 400  # quicker work shows no dialog at all


class Waiting(Protocol):
    """How slow work is waited for: in the background with a progress dialog, or directly."""

    def __call__(self, label: str, work: Callable[[], Result]) -> Result: ...


def run_directly(label: str, work: Callable[[], Result]) -> Result:
    """For a DocumentOutput with no window (the tests' and the command line's way)."""
    return work()


def run_in_background(parent: QWidget | None, label: str, work: Callable[[], Result]) -> Result:
    """`work()` in a worker thread; its result, or its exception raised here."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="document") as pool:
        future = pool.submit(work)
        _wait(future, _progress(parent, label))
        return future.result()


def _progress(parent: QWidget | None, label: str) -> QProgressDialog:
    dialog = QProgressDialog(label, "", 0, 0, parent)  # 0..0: busy, no percentage
    dialog.setCancelButton(None)  # a converter cannot be stopped half-way safely
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    return dialog


def _wait(future: Future[Result], dialog: QProgressDialog) -> None:
    """Keep the window's events going until the work is done."""
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(POLL_MS)
    timer.timeout.connect(lambda: loop.quit() if future.done() else dialog.setValue(0))
    timer.start()
    if not future.done():
        loop.exec()
    timer.stop()
    dialog.reset()
    dialog.close()
    dialog.deleteLater()
