"""The window's writer, scripted and journaled, for the crash tests to kill with SIGKILL.

    python crash_child.py ARCHIVE SEED               edit at random until killed
    ... --probe FIELD SECONDS                        type into one field without a pause for
                                                     SECONDS, reading the archive after every
                                                     keystroke, then wait to be killed. FIELD:
                                                     title, a section key (resume), decision
                                                     (in meeting mode), meeting-title
    ... --sabotage delay900|restart                  break the commit timer first, to prove
                                                     that the tests notice: a 900 ms delay, or
                                                     a timer started again by every keystroke

The crash tests fork it from crash_forkserver.py (which calls `main`), or start it as a script.
A writer nobody killed ends itself after LIFETIME seconds.

It builds the real MainWindow over `Archive.open(ARCHIVE)` (offscreen), opens the archive's
latest meeting and edits it through the widgets: it types into the item editor's title and
section texts, adds, moves and deletes items with the meeting panel's buttons, edits the
meeting's title and place, and types decisions (and Alt+N phrases) in meeting mode. The choices
and the typing speed come from `random.Random(SEED)`.

Every line on stdout is one JSON array, written and flushed at once: `[kind, time, ...]`, the
time from `time.monotonic()` (one clock for every process on the machine), taken right after
the key was delivered for a keystroke. A field is named by a target: "item:ID:FIELD" (FIELD as
the store names it: "title", "section:resume") or "meeting:FIELD".

    ["ready", t, {meeting, first_number, synchronous, journal_mode, ids, numbers}]
    ["do", t, action, {details}]        before an action: "add" {row}, "delete" {item},
                                        "move" {item, to}, "type" {target}, "meeting mode" {}
    ["start", t, target, value]         the field's value before typing into it
    ["key", t, target, value]           the field's value after a keystroke, as the app
                                        stores it (a title cleaned, a text as Markdown)
    ["saved", t, target, value]         the undo stack took an edit of the field: its index
                                        changed, and the window's status bar says "Saved in
                                        the archive at …"
    ["saved", t, "order", {ids, numbers}]  the same for adding, moving or deleting an item:
                                        the agenda as the window shows it afterwards
    ["saved", t, "other", text]         any other edit
    ["unsaved", t, text]                the stack's index changed without that message
    ["prompt", t, name, [texts]]        the app asked a question or showed a message
    ["probe", t, target, stored]        (--probe) what a second connection reads
    ["end", t]                          (--probe) typing is over
"""

from __future__ import annotations

import inspect
import json
import os
import random
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from secretary_app.core.item_fields import section_field, value_of
from secretary_app.core.model import DECISION_KEY
from secretary_app.core.text import clean_line
from secretary_app.store.archive import Archive
from secretary_app.ui import prompts
from secretary_app.ui.commands import (
    AddItem,
    DeleteItem,
    EditItemField,
    EditMeetingField,
    MoveItem,
)
from secretary_app.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier
DECISION = section_field(DECISION_KEY)
WORDS = (
    ["budget", "anlæg", "skole", "vej", "plan", "høring", "økonomi", "bæredygtig"]
    + ["indstilling", "byråd", "udvalg", "forslag", "borger", "kommune", "område", "tilskud"]
    + ["ændring", "godkendt", "drift", "år"]
)
MIN_ITEMS, MAX_ITEMS = 3, 12
LIFETIME = 60.0  # a writer nobody killed ends itself: a test that failed leaves none behind
SAVED_MESSAGES = ("Saved in the archive at", "Item deleted – Ctrl+Z undoes it")


# --- the journal ----------------------------------------------------------------------------


def emit(kind: str, *fields: Any, at: float | None = None) -> None:
    line = json.dumps([kind, time.monotonic() if at is None else at, *fields], default=str)
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def answer_prompts() -> None:
    """No modal dialog may block the child: every prompt is journaled and cancelled."""
    for name, function in list(vars(prompts).items()):
        if inspect.isfunction(function) and function.__module__ == prompts.__name__:
            setattr(prompts, name, _journaled_prompt(name))


def _journaled_prompt(name: str) -> Callable[..., None]:
    def prompt(*args: Any, **_kwargs: Any) -> None:
        emit("prompt", name, [str(arg) for arg in args[1:]])

    return prompt


# --- sabotage: the faults the tests must notice ---------------------------------------------


def sabotage(kind: str) -> None:
    """Every field's typing waits in a PendingTyping (ui/typing_commit.py): break it there."""
    from secretary_app.ui import typing_commit

    if kind == "delay900":
        typing_commit.COMMIT_DELAY_MS = 900
    elif kind == "restart":
        _restart_timer_on_every_call(typing_commit.PendingTyping, "hold")
    else:
        raise SystemExit(f"unknown sabotage: {kind}")


def _restart_timer_on_every_call(cls: type, name: str) -> None:
    original = getattr(cls, name)

    def restarting(self: Any, *args: Any) -> None:
        self._timer.stop()  # the original then starts it afresh: typing never commits
        original(self, *args)

    setattr(cls, name, restarting)


# --- the window -----------------------------------------------------------------------------


def pause(seconds: float) -> None:
    """Wait as the user does: the event loop runs (the commit timer fires in here)."""
    QTest.qWait(max(0, round(seconds * 1000)))


def press(widget: QWidget, key: Qt.Key, modifiers: Any = NONE) -> None:
    QTest.keyClick(widget, key, modifiers)


def type_char(widget: QWidget, char: str) -> None:
    """One key, Danish letters too (QTest.keyClicks sends those as UTF-8 bytes)."""
    if char.isascii():
        QTest.keyClicks(widget, char)
        return
    QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key(ord(char.upper())), char, NONE)


def focus(widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    for _ in range(100):
        if widget.hasFocus():
            return
        pause(0.01)


def open_window(path: str) -> MainWindow:
    window = MainWindow(Archive.open(path))
    window.show()
    window.activateWindow()
    for _ in range(200):
        if QApplication.activeWindow() is window:
            break
        pause(0.01)
    window.select_latest_meeting()
    QTimer.singleShot(0, window.archive.db.prepare_writes)  # as app.run does after its first paint
    return window


class Writer:
    """Edits the window's meeting through its widgets and journals what happens."""

    def __init__(self, window: MainWindow, rng: random.Random) -> None:
        self.window, self.rng = window, rng
        self.meetings = window.meetings
        self.model = window.agenda_model
        self.panel = window.meeting_panel
        self.actions = window.meeting_actions
        self.stack = window.session.undo_stack
        self._index = self.stack.index()
        self.stack.indexChanged.connect(self._index_changed)  # after the window's own slot

    # What the window says

    def ready(self) -> None:
        meeting = self.meetings.meeting
        assert meeting is not None, "the archive has no meeting"
        db = self.window.archive.db
        details = {
            "meeting": meeting.id,
            "first_number": meeting.first_number,
            "synchronous": db.value("PRAGMA synchronous"),
            "journal_mode": db.value("PRAGMA journal_mode"),
            **self.agenda(),
        }
        emit("ready", details)

    def agenda(self) -> dict[str, list[Any]]:
        rows = range(self.model.rowCount())
        return {
            "ids": [self.model.item_at(row).id for row in rows],
            "numbers": [self.model.index(row, 0).data() for row in rows],
        }

    def _index_changed(self, index: int) -> None:
        """The stack took an edit (index up, or the same index for an edit merged into the last
        one); the edit just done is the command below the index. The script never undoes, so
        a lower index is an edit merged back to where it started: reported as "other"."""
        message = self.window.statusBar().currentMessage()
        command = self.stack.command(index - 1) if index > 0 else None
        went_back, self._index = index < self._index, index
        if went_back:
            emit("saved", "other", "an edit merged back to its old value")
        elif not message.startswith(SAVED_MESSAGES) or command is None:
            emit("unsaved", message)
        elif isinstance(command, EditItemField):
            emit("saved", f"item:{command.item_id}:{command.field}", command.new)
        elif isinstance(command, EditMeetingField):
            emit("saved", f"meeting:{command.field}", command.new)
        elif isinstance(command, AddItem | DeleteItem | MoveItem):
            emit("saved", "order", self.agenda())
        else:
            emit("saved", "other", command.text())

    # Typing

    def type_text(self, widget: QWidget, target: str, read: Callable[[], str], text: str) -> None:
        """Type `text` key by key at a speed of this burst's own; journal every key."""
        gap = self.rng.uniform(0.01, 0.12)
        for char in text:
            type_char(widget, char)
            at = time.monotonic()
            emit("key", target, read(), at=at)
            pause(self.rng.uniform(0, 2 * gap))

    def words(self, count: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(count))

    # Actions

    def choose_row(self, row: int) -> None:
        view = self.panel.agenda
        rect = view.visualRect(self.model.index(row, 1))
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, NONE, rect.center())

    def choose_any_row(self) -> int:
        row = self.rng.randrange(self.model.rowCount())
        self.choose_row(row)
        return row

    def current_id(self) -> int:
        item = self.panel.current_item()
        assert item is not None and item.id is not None, "no item is chosen"
        return item.id

    def type_title(self) -> None:
        self.choose_any_row()
        edit = self.window.item_editor.title
        target = f"item:{self.current_id()}:title"
        emit("do", "type", {"target": target})
        focus(edit)
        emit("start", target, clean_line(edit.text()))
        press(edit, Qt.Key.Key_A, CTRL)  # the first key replaces the title
        self.type_text(edit, target, lambda: clean_line(edit.text()), self.words(3))

    def type_section(self) -> None:
        self.choose_any_row()
        key = self.rng.choice(self.meetings.layout.sections).key
        rich = self.window.item_editor.rich_edit(section_field(key))
        target = f"item:{self.current_id()}:{section_field(key)}"
        emit("do", "type", {"target": target})
        self.type_rich(rich.text_edit, target, rich.markdown, self.rng.randint(2, 8))

    def type_rich(self, edit: QWidget, target: str, read: Callable[[], str], words: int) -> None:
        focus(edit)
        emit("start", target, read())
        long = len(read()) > 200
        press(edit, Qt.Key.Key_A if long else Qt.Key.Key_End, CTRL)  # replace, or go on
        for _ in range(words):
            self.rich_extra(edit, target, read)
            self.type_text(edit, target, read, self.words(1) + " ")

    def rich_extra(self, edit: QWidget, target: str, read: Callable[[], str]) -> None:
        """Now and then a new paragraph, or bold on or off, as a secretary types."""
        roll = self.rng.random()
        if roll < 0.1:
            press(edit, Qt.Key.Key_Return)
        elif roll < 0.15:
            press(edit, Qt.Key.Key_B, CTRL)
        else:
            return
        at = time.monotonic()
        emit("key", target, read(), at=at)

    def add_item(self) -> None:
        if self.model.rowCount() >= MAX_ITEMS:
            return
        row = self.choose_any_row()
        emit("do", "add", {"row": row + 1})
        QTest.mouseClick(self.panel.add_button, Qt.MouseButton.LeftButton)

    def delete_item(self) -> None:
        if self.model.rowCount() <= MIN_ITEMS:
            return
        self.choose_any_row()
        emit("do", "delete", {"item": self.current_id()})
        QTest.mouseClick(self.panel.delete_button, Qt.MouseButton.LeftButton)

    def move_item(self) -> None:
        row = self.choose_any_row()
        delta = self.rng.choice((-1, 1))
        if not 0 <= row + delta < self.model.rowCount():
            return
        emit("do", "move", {"item": self.current_id(), "to": row + delta})
        button = self.panel.up_button if delta < 0 else self.panel.down_button
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    def edit_meeting(self) -> None:
        """The meeting's title or place: typed (committed while typing), then Enter or Tab."""
        name = self.rng.choice(("title", "location"))
        edit = getattr(self.panel, name)
        target = f"meeting:{name}"
        emit("do", "type", {"target": target})
        focus(edit)
        emit("start", target, clean_line(edit.text()))
        press(edit, Qt.Key.Key_A, CTRL)
        self.type_text(edit, target, lambda: clean_line(edit.text()), self.words(2))
        press(edit, self.rng.choice((Qt.Key.Key_Return, Qt.Key.Key_Tab)))

    def meeting_mode(self) -> None:
        """Meeting mode: a decision typed, a phrase now and then, the next item, and out."""
        self.choose_any_row()
        emit("do", "meeting mode", {})
        press(self.panel.agenda, Qt.Key.Key_F11)
        view = self.actions.view
        field = view.decision.text_edit
        for _ in range(self.rng.randint(1, 2)):
            target = f"item:{self.current_id()}:{DECISION}"
            self.type_rich(field, target, view.decision.markdown, self.rng.randint(1, 4))
            if self.rng.random() < 0.3:
                emit("do", "phrase", {"target": target})
                press(field, Qt.Key(Qt.Key.Key_1 + self.rng.randrange(5)), ALT)
                at = time.monotonic()
                emit("key", target, view.decision.markdown(), at=at)
            press(field, Qt.Key.Key_PageDown, CTRL)
        press(field, Qt.Key.Key_Escape)

    ACTIONS: tuple[tuple[Callable[[Writer], None], int], ...] = (
        (type_title, 3),
        (type_section, 4),
        (add_item, 1),
        (delete_item, 1),
        (move_item, 2),
        (edit_meeting, 1),
        (meeting_mode, 1),
    )

    def edit_forever(self) -> None:
        actions, weights = zip(*self.ACTIONS, strict=True)
        while True:
            self.rng.choices(actions, weights)[0](self)
            pause(self.rng.uniform(0, 0.1))

    # Probing: what the archive holds while the user goes on typing

    def probe(self, field: str, seconds: float) -> None:
        self.choose_row(min(1, self.model.rowCount() - 1))
        edit, read, target = self.probe_field(field)
        reader = Archive.open(self.window.archive.path or "")
        focus(edit)
        emit("start", target, read())
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            type_char(edit, self.rng.choice("abcdefghijklmnopqrstuvwxyzæøå "))
            at = time.monotonic()
            emit("key", target, read(), at=at)
            emit("probe", target, self.stored(reader, target))
            pause(self.rng.uniform(0.01, 0.05))
        emit("end")

    def probe_field(self, field: str) -> tuple[QWidget, Callable[[], str], str]:
        """The widget to type into for FIELD ("title", a section's key, "decision" in meeting
        mode, "meeting-title"), how to read it as the app stores it, and its target."""
        item = f"item:{self.current_id()}"
        if field in ("title", "meeting-title"):
            edit = self.window.item_editor.title if field == "title" else self.panel.title
            target = f"{item}:title" if field == "title" else "meeting:title"
            return edit, lambda: clean_line(edit.text()), target
        if field == "decision":
            press(self.panel.agenda, Qt.Key.Key_F11)
            rich = self.actions.view.decision
        else:
            rich = self.window.item_editor.rich_edit(section_field(field))
        key = DECISION if field == "decision" else section_field(field)
        return rich.text_edit, rich.markdown, f"{item}:{key}"

    def stored(self, reader: Archive, target: str) -> Any:
        kind, *rest = target.split(":", 2)
        if kind == "meeting":
            return getattr(reader.meetings.get(self.meetings.meeting.id or 0), rest[0])
        return value_of(reader.items.get(int(rest[0])), rest[1])


def main(argv: list[str]) -> None:
    path, seed, *rest = argv
    threading.Timer(LIFETIME, os._exit, [3]).start()
    if "--sabotage" in rest:
        sabotage(rest[rest.index("--sabotage") + 1])
    app = QApplication.instance() or QApplication([sys.argv[0]])
    answer_prompts()
    writer = Writer(open_window(path), random.Random(int(seed)))
    writer.ready()
    if "--probe" in rest:
        where = rest.index("--probe")
        writer.probe(rest[where + 1], float(rest[where + 2]))
    else:
        writer.edit_forever()
    while True:  # until killed
        app.processEvents()
        pause(0.05)


if __name__ == "__main__":
    main(sys.argv[1:])
