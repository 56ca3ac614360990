"""Date and time fields that take what a Dane types: "8.4.2025", "8. april", "i morgen",
"tirsdag"; "16", "1600", "16.30" (core.danish_dates reads them).

They keep what QDateEdit and QTimeEdit do: the arrow keys, the calendar, typing into a chosen
part (the day, the hour: a click once in the field chooses one). Text typed over the whole field
(it is all chosen however the field is reached: Tab, a click, a dialog opening on it) is read
when Enter or Tab is pressed or the field is left;
the value it means is set then, and dateChanged or timeChanged sent once, as for a chosen
part. Nothing is set while typing. Text that means no date or time puts the value back, and
the reason is shown under the field and in the window's status bar and sent as `refused`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QPoint, Qt, QTime, QTimer, Signal
from PySide6.QtGui import (
    QKeySequence,
    QPalette,
    QStatusTipEvent,
    QValidator,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDateEdit,
    QDateTimeEdit,
    QLabel,
    QTimeEdit,
    QToolTip,
    QWidget,
)

from secretary_app.core.danish_dates import (
    MAX_TYPED,
    DateTextError,
    clock,
    parse_date,
    parse_time,
    short_date,
)

REFUSAL_SHOWN_MS = 6000
_KEEPING_FOCUS = (Qt.FocusReason.PopupFocusReason,)  # back from the calendar: as it was
_NOT_LEAVING = (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason)
_STEPPING_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
_ERASING_KEYS = (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
_NOT_TYPING = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
Acceptable, Intermediate = QValidator.State.Acceptable, QValidator.State.Intermediate

if TYPE_CHECKING:
    from PySide6.QtGui import QFocusEvent, QHideEvent, QKeyEvent

    _Base = QDateTimeEdit
else:
    _Base = object


class _TypedText(_Base):
    """What DateField and TimeField share; each gives `_typed_value` and `_range_problem`.
    (A plain mixin: PySide6 cannot derive from QDateTimeEdit twice.)"""

    refused: Signal
    _free = False  # the text typed is read as a whole, not in the field's parts
    _away: tuple[str, int] | None = None  # another window took the focus: the text, cursor

    def _typed_value(self, text: str) -> QDateTime:
        raise NotImplementedError  # DateTextError for text that means no date or time

    def _range_problem(self, value: QDateTime) -> str:
        raise NotImplementedError  # why `value` is outside the field's range, or ""

    def _start_typing(self) -> None:
        self.setKeyboardTracking(False)  # "8.4" on the way to "8.4.2025" is not a date
        self._balloon = _Balloon(self)

    # Qt's virtual functions

    def validate(self, text: str, pos: int, /) -> tuple[QValidator.State, str, int]:
        """Qt's reading of the field's parts; while typing freely, any short text may be on
        its way to a date or time (Enter, Tab or leaving the field reads it)."""
        if not self._free:
            return super().validate(text, pos)
        if len(text) > MAX_TYPED:
            return QValidator.State.Invalid, text, pos
        readable = self._value_or_none(text) is not None
        return (Acceptable if readable else Intermediate), text, pos

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._balloon.hide()
        if self._free or (_starts_free_typing(event) and self._all_selected()):
            self._type_freely(event)
        else:
            super().keyPressEvent(event)

    def stepBy(self, steps: int) -> None:
        self._free = False
        super().stepBy(steps)

    def focusNextPrevChild(self, next: bool, /) -> bool:
        """Tab leaves the field, unless a part of it is being edited (then Tab goes to the
        next part, as in any QDateTimeEdit)."""
        if not (self._free or self._all_selected()):
            return super().focusNextPrevChild(next)
        self._read_typed_text()
        return QAbstractSpinBox.focusNextPrevChild(self, next)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """However the field is reached (Tab, a click, a dialog opening on it), all of it is
        chosen, so that typing replaces it; a click in the field once there chooses a part.
        Back from another window, the field is as it was left: the part chosen, the typing."""
        away, self._away = self._away, None
        super().focusInEvent(event)
        if away is not None and event.reason() == Qt.FocusReason.ActiveWindowFocusReason:
            self._show_typing(away)
            return
        self._free = False
        if event.reason() == Qt.FocusReason.MouseFocusReason:
            # after the click has placed the cursor
            QTimer.singleShot(0, self, self._select_all_if_focused)
        elif event.reason() not in _KEEPING_FOCUS:
            self.selectAll()

    def _select_all_if_focused(self) -> None:
        if self.hasFocus() and not self._free:
            self.selectAll()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Leaving the field reads what was typed; another window taking the focus does not
        ("9.5.20" on the way to "9.5.2025" is not a date): the typing goes on when the
        secretary is back, and whatever needs it first reads it (commit_typing)."""
        if event.reason() == Qt.FocusReason.ActiveWindowFocusReason:
            self._away = (self.lineEdit().text(), self.lineEdit().cursorPosition())
        elif event.reason() != Qt.FocusReason.PopupFocusReason:
            self._read_typed_text()
        super().focusOutEvent(event)
        if self._away is not None:
            self._show_typing(self._away)  # the spin box put its value's text back

    def _show_typing(self, typed: tuple[str, int]) -> None:
        """The text being typed, and the cursor in it, as they were."""
        if not self._free:
            return
        text, cursor = typed
        blocked = self.lineEdit().blockSignals(True)
        self.lineEdit().setText(text)
        self.lineEdit().setCursorPosition(cursor)
        self.lineEdit().blockSignals(blocked)

    def hideEvent(self, event: QHideEvent) -> None:
        self._balloon.hide()
        super().hideEvent(event)

    # Typing freely

    def _type_freely(self, event: QKeyEvent) -> None:
        """The keys edit the text as a line: in QDateTimeEdit "." would jump to the next
        part, and each move of the cursor would read the text as parts, putting the value
        back. The arrows up and down still step the value; Escape puts it back."""
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._read_typed_text():
                event.ignore()  # as in QDateTimeEdit: a dialog's default button gets it too
                self.editingFinished.emit()
        elif key == Qt.Key.Key_Escape:
            self._free = False
            self._show_value()
        elif key in _STEPPING_KEYS:
            self._free = False
            super().keyPressEvent(event)
        else:
            self._free = True
            blocked = self.lineEdit().blockSignals(True)
            QAbstractSpinBox.keyPressEvent(self, event)
            self.lineEdit().blockSignals(blocked)

    def commit_typing(self) -> None:
        """Text typed and not yet confirmed is read now (the window closes, a meeting is left,
        an export begins): typing is not lost for want of Enter or Tab."""
        self._read_typed_text()

    def _read_typed_text(self) -> bool:
        """Text typed freely: the value it means is set, or the value is kept and the
        secretary told why (False)."""
        if not self._free:
            return True
        self._free = False
        try:
            value = self._checked_value(self.lineEdit().text())
        except DateTextError as refusal:
            self._show_value()
            self._refuse(str(refusal))
            return False
        self._set_value(value)
        return True

    def _show_value(self) -> None:
        self._set_value(self.dateTime())  # the value's text back in the field

    def _set_value(self, value: QDateTime) -> None:
        raise NotImplementedError  # setDate or setTime: sends dateChanged or timeChanged

    def _checked_value(self, text: str) -> QDateTime:
        if self._in_own_format(text):
            value = super().dateTimeFromText(text)
        else:
            value = self._typed_value(text)
        problem = self._range_problem(value)
        if problem:
            raise DateTextError(problem)
        return value

    def _value_or_none(self, text: str) -> QDateTime | None:
        try:
            return self._checked_value(text)
        except DateTextError:
            return None

    def _in_own_format(self, text: str) -> bool:
        """The field's own text ("tirsdag den 8. april 2025"), or its text for no value."""
        return super().validate(text, 0)[0] == Acceptable

    def _all_selected(self) -> bool:
        return self.lineEdit().selectedText() == self.lineEdit().text()

    def _refuse(self, message: str) -> None:
        self._balloon.show_under(self, message)
        QCoreApplication.sendEvent(self, QStatusTipEvent(message))  # a main window shows it
        self.refused.emit(message)


class DateField(_TypedText, QDateEdit):
    refused = Signal(str)  # why the text typed was not taken, in Danish

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start_typing()

    def _typed_value(self, text: str) -> QDateTime:
        day = parse_date(text, dt.date.today())
        return QDateTime(QDate(day.year, day.month, day.day), self.time())

    def _range_problem(self, value: QDateTime) -> str:
        """A field with a text for no value keeps its minimum for that: it cannot be typed."""
        earliest = self.minimumDate().addDays(1 if self.specialValueText() else 0)
        if value.date() < earliest:
            message = self.tr("The date cannot be before %1.")
            return message.replace("%1", short_date(earliest.toPython()))  # type: ignore[arg-type]
        if value.date() > self.maximumDate():
            message = self.tr("The date cannot be after %1.")
            return message.replace("%1", short_date(self.maximumDate().toPython()))  # type: ignore[arg-type]
        return ""

    def _set_value(self, value: QDateTime) -> None:
        self.setDate(value.date())


class TimeField(_TypedText, QTimeEdit):
    refused = Signal(str)  # why the text typed was not taken, in Danish

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start_typing()

    def _typed_value(self, text: str) -> QDateTime:
        time = parse_time(text)
        return QDateTime(self.date(), QTime(time.hour, time.minute))

    def _range_problem(self, value: QDateTime) -> str:
        if value.time() < self.minimumTime():
            message = self.tr("The time cannot be before %1.")
            return message.replace("%1", _clock(self.minimumTime()))
        if value.time() > self.maximumTime():
            message = self.tr("The time cannot be after %1.")
            return message.replace("%1", _clock(self.maximumTime()))
        return ""

    def _set_value(self, value: QDateTime) -> None:
        self.setTime(value.time())


class _Balloon(QLabel):
    """A message under a field for a few seconds. (A QToolTip is hidden by the release of
    the very Tab or Enter key that made the message.)"""

    def __init__(self, field: QWidget) -> None:
        super().__init__(field, Qt.WindowType.ToolTip)
        self.setPalette(QToolTip.palette())
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.setAutoFillBackground(True)
        self.setMargin(4)
        self.setWordWrap(True)
        self._timer = QTimer(self, singleShot=True, interval=REFUSAL_SHOWN_MS)
        self._timer.timeout.connect(self.hide)

    def show_under(self, field: QWidget, message: str) -> None:
        self.setText(message)
        self.adjustSize()
        self.move(field.mapToGlobal(QPoint(0, field.height())))
        self.show()
        self._timer.start()


def _starts_free_typing(event: QKeyEvent) -> bool:
    """A key that replaces the text when all of it is chosen."""
    if event.key() in _ERASING_KEYS or event.matches(QKeySequence.StandardKey.Paste):
        return True
    text = event.text()
    return bool(text) and text.isprintable() and not event.modifiers() & _NOT_TYPING


def _clock(time: QTime) -> str:
    return clock(dt.time(time.hour(), time.minute()))
