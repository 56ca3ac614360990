"""An exception nobody caught (issue 10, "The unexpected, handled"): written to a rotating log
file, and said once in a dialog in the user's language with the details to copy."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit, QPushButton

from secretary_app.ui import prompts, unexpected
from secretary_app.ui.unexpected import UnexpectedErrors, logger, start_log


@pytest.fixture
def shown(monkeypatch):
    """The dialogs the hook shows: (message, details) each."""
    dialogs: list[tuple[str, str]] = []
    monkeypatch.setattr(
        prompts,
        "show_unexpected_error",
        lambda _p, message, details: dialogs.append((message, details)),
    )
    return dialogs


@pytest.fixture
def hook(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    errors = UnexpectedErrors(tmp_path / "log" / "moedesekretaer.log")
    errors.install()
    yield errors
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()


def raise_and_report(errors: UnexpectedErrors, error: Exception) -> None:
    try:
        raise error
    except Exception:
        errors.report(*sys.exc_info())


def test_an_unexpected_error_is_logged_and_shown_with_its_details(qtbot, hook, shown):
    raise_and_report(hook, KeyError("punkt 7"))
    [(message, details)] = shown
    assert "KeyError: 'punkt 7'" in message
    assert "Everything that was saved is still in the archive" in message
    assert str(hook.log_file) in message
    assert "Traceback (most recent call last)" in details and "raise error" in details
    log = hook.log_file.read_text(encoding="utf-8")
    assert "Uventet fejl" in log and "KeyError: 'punkt 7'" in log


def test_the_same_error_over_and_over_is_shown_once_and_logged_each_time(qtbot, hook, shown):
    for _ in range(5):  # as a failing paint event would
        raise_and_report(hook, ValueError("igen"))
    raise_and_report(hook, ValueError("en anden"))
    assert [message.split("(")[1].split(")")[0] for message, _ in shown] == [
        "ValueError: igen",
        "ValueError: en anden",
    ]
    assert hook.log_file.read_text(encoding="utf-8").count("ValueError: igen") == 5


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_reaches_the_hook(qtbot, hook, shown):
    def slot() -> None:
        raise RuntimeError("i en slot")

    QTimer.singleShot(0, slot)
    qtbot.waitUntil(lambda: bool(shown))
    assert "RuntimeError: i en slot" in shown[0][0]


def test_an_error_in_another_thread_is_shown_in_the_main_thread(qtbot, hook, shown):
    def work() -> None:
        raise OSError("netværksdrevet forsvandt")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(shown))
    assert "OSError: netværksdrevet forsvandt" in shown[0][0]


def test_a_log_that_cannot_be_written_is_left_out(tmp_path, hook, shown):
    blocked = tmp_path / "fil"
    blocked.write_text("")
    start_log(blocked / "log" / "x.log")  # its folder would be inside a file
    assert not [h for h in logger.handlers if "fil" in str(getattr(h, "baseFilename", ""))]


def test_the_log_rotates(tmp_path, monkeypatch, hook):
    monkeypatch.setattr(unexpected, "LOG_BYTES", 2_000)
    path = tmp_path / "rotating" / "moedesekretaer.log"
    start_log(path)
    for number in range(200):
        logger.info("linje %d %s", number, "x" * 40)
    names = sorted(p.name for p in path.parent.iterdir())
    assert names == [
        "moedesekretaer.log",
        *(f"moedesekretaer.log.{n}" for n in range(1, unexpected.LOG_BACKUPS + 1)),
    ]
    assert all(p.stat().st_size <= 2_100 for p in path.parent.iterdir())


def test_the_dialog_copies_the_details_and_stays_open_until_ok(qtbot):
    seen: dict[str, object] = {}

    def press_buttons() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        seen["details"] = dialog.findChild(QPlainTextEdit).toPlainText()
        buttons = {b.text().replace("&", ""): b for b in dialog.findChildren(QPushButton)}
        buttons["Copy details"].click()
        seen["open after copying"] = dialog.isVisible()
        seen["copy button"] = buttons["Copy details"].text()
        buttons["OK"].click()

    QTimer.singleShot(0, press_buttons)
    prompts.show_unexpected_error(None, "Noget gik galt.", "Traceback …\nKeyError: 7")
    assert seen == {
        "details": "Traceback …\nKeyError: 7",
        "open after copying": True,
        "copy button": "Copied",
    }
    assert QApplication.clipboard().text() == "Traceback …\nKeyError: 7"


def test_about_names_the_log(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: texts.append(box.text()) or 0)
    window.about()
    assert "Log: " in texts[0] and texts[0].endswith("moedesekretaer.log")
