"""Slow work in the background: the window keeps painting, the result or the error comes back."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from secretary_app.ui.background import run_in_background


def test_the_result_comes_back_from_another_thread(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    threads: list[str] = []

    def work() -> int:
        threads.append(threading.current_thread().name)
        return 42

    assert run_in_background(window, "Arbejder…", work) == 42
    assert threads[0].startswith("document")


def test_the_error_is_raised_where_it_was_asked_for(qtbot):
    def work() -> None:
        raise ValueError("skabelonen er i stykker")

    with pytest.raises(ValueError, match="skabelonen er i stykker"):
        run_in_background(None, "Arbejder…", work)


def test_the_window_goes_on_while_it_waits_and_says_what_it_waits_for(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    ticks: list[float] = []
    seen: list[str] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)

    def look() -> None:
        seen.extend(d.labelText() for d in window.findChildren(QProgressDialog) if d.isVisible())

    QTimer.singleShot(700, look)
    run_in_background(window, "LibreOffice sætter dokumentet op…", lambda: time.sleep(1.0))
    timer.stop()
    assert len(ticks) >= 20  # events went on: the window painted and answered
    assert seen == ["LibreOffice sætter dokumentet op…"]
    QApplication.processEvents()
    assert not [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
