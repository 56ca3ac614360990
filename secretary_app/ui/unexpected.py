"""An exception nobody caught: written to the log file in the data folder, and told to the user
in a dialog that says what happened, that nothing saved was lost, and where the details are.

Every edit is in the archive the moment it is made, so an error in the window loses nothing
that was saved; the window goes on. Qt calls `sys.excepthook` for an exception in a slot or an
event handler; threads call `threading.excepthook`.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QMetaObject, QObject, Qt, Slot
from PySide6.QtWidgets import QApplication

from secretary_app.ui import prompts

LOG_BYTES = 1_000_000  # a log file is at most this big; the five before it are kept
LOG_BACKUPS = 5
SAME_ERROR_QUIET_SECONDS = 10  # the same error again within this time is logged, not shown

logger = logging.getLogger("secretary_app")


def start_log(path: Path) -> None:
    """Log to `path`, rotated (once; again does nothing); a log that cannot be written (a
    read-only folder) is left out. Called after the window's first paint, or at the first
    error before it: the log's module costs start-up time."""
    if any(getattr(handler, "baseFilename", None) == str(path) for handler in logger.handlers):
        return
    from logging.handlers import RotatingFileHandler

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


class UnexpectedErrors(QObject):
    """Installed as the hook for exceptions nobody caught, in the main thread and in others."""

    def __init__(self, log_file: Path) -> None:
        super().__init__()
        self.log_file = log_file
        self._showing = False
        self._last_shown: tuple[str, float] = ("", 0.0)
        self._pending: list[tuple[str, str]] = []

    def install(self) -> None:
        sys.excepthook = self.report
        threading.excepthook = self._report_thread

    def report(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        import traceback  # here: it costs the window's start

        details = "".join(traceback.format_exception(kind, error, trace))
        start_log(self.log_file)
        logger.error("Uventet fejl\n%s", details)
        self._pending.append((_one_line(error), details))
        if threading.current_thread() is threading.main_thread():
            self._show_pending()
        else:  # a dialog only in the main thread
            QMetaObject.invokeMethod(self, "_show_pending", Qt.ConnectionType.QueuedConnection)

    def _report_thread(self, args: threading.ExceptHookArgs) -> None:
        self.report(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    @Slot()
    def _show_pending(self) -> None:
        """One dialog at a time; the same error over and over (in a paint event, say) is shown
        once, then only logged for a while."""
        if self._showing or QApplication.instance() is None:
            return
        while self._pending:
            summary, details = self._pending.pop(0)
            last, at = self._last_shown
            if summary == last and time.monotonic() - at < SAME_ERROR_QUIET_SECONDS:
                continue
            self._showing = True
            try:
                prompts.show_unexpected_error(None, _message(summary, self.log_file), details)
            finally:
                self._showing = False
                self._last_shown = (summary, time.monotonic())


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    shown = f"{type(error).__name__}: {text}" if text else type(error).__name__
    return shown if len(shown) <= 200 else shown[:199] + "…"


def _message(summary: str, log_file: Path) -> str:
    message = QCoreApplication.translate(
        "UnexpectedErrors",
        "The program met an error it did not expect (%1). Everything that was saved is still "
        "in the archive, and you can go on working. The details are written in the log: %2",
    )
    return message.replace("%1", summary).replace("%2", str(log_file))
