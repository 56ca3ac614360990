"""What a killed writer's journal (crash_child.py) promises, checked against the archive.

A field's history is every value it was seen with, in order: its value in the archive when the
child started, then the value before each burst of typing, after each keystroke, and each value
the window reported saved. The archive must hold one of those values, at or after the field's
floor:

- the last value the window reported saved (the undo stack took it: "Saved in the archive"), and
- for typed text, the value after the last keystroke older than LOSS_WINDOW before the kill.
  The promise (README): "typed text is committed at most half a second after the first
  keystroke, so a crash or a killed process loses at most that". PROMISED_COMMIT_MS is written
  here, not read from the app: a longer delay in the app must fail. MARGIN_MS is what the
  commit may take beyond that: Qt's coarse timer fires up to 5 % late (25 ms), the keystroke
  or action the event loop is busy with when the timer is due (entering meeting mode builds it,
  about 0.1 s; a move or delete rewrites the agenda), the commit itself with two fsyncs
  (`synchronous=FULL` in WAL mode), and a busy machine's scheduler. test_killed_window.py
  prints the slowest commit it saw (keystroke to "saved"): 0.54 s on a 2-core machine.

This holds for the meeting's title and place as for the item's fields: they too are committed
while the user types, not only when the field is left.

The agenda must be the last one reported saved or, when an add, move or delete had begun and was
not yet reported, the one it makes: never anything in between. Positions are 0..n-1.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from secretary_app.core.item_fields import section_field, value_of
from secretary_app.core.numbering import item_numbers
from secretary_app.store.archive import Archive

PROMISED_COMMIT_MS = 500
MARGIN_MS = 300
LOSS_WINDOW = (PROMISED_COMMIT_MS + MARGIN_MS) / 1000
MEETING_FIELDS = ("title", "location")
AGENDA_CHANGES = ("add", "delete", "move")


def read_journal(path: Path) -> list[list[Any]]:
    """The child's lines; a last line cut short by the kill is left out."""
    text = path.read_text(encoding="utf-8")
    whole = text[: text.rfind("\n") + 1]
    return [json.loads(line) for line in whole.splitlines()]


# --- what the archive holds -----------------------------------------------------------------


@dataclass
class State:
    """The meeting as the archive holds it: the agenda's item ids in order, and every field's
    value by target ("item:ID:FIELD", "meeting:FIELD")."""

    meeting_id: int
    first_number: int
    ids: list[int]
    values: dict[str, Any]


def read_state(archive: Archive, meeting_id: int) -> State:
    meeting = archive.meetings.get(meeting_id)
    sections = archive.layouts.of_meeting(meeting_id).sections
    fields = ["title", *(section_field(section.key) for section in sections)]
    items = archive.items.for_meeting(meeting_id)
    values = {f"item:{i.id}:{f}": value_of(i, f) for i in items for f in fields}
    values.update({f"meeting:{f}": getattr(meeting, f) for f in MEETING_FIELDS})
    ids = [item.id or 0 for item in items]
    return State(meeting_id, meeting.first_number, ids, values)


def positions(archive: Archive, meeting_id: int) -> list[int]:
    sql = "SELECT position FROM items WHERE meeting_id = ? ORDER BY position"
    return [row["position"] for row in archive.db.rows(sql, [meeting_id])]


# --- replaying the journal ------------------------------------------------------------------


@dataclass
class History:
    values: list[Any] = field(default_factory=list)
    key_times: list[float | None] = field(default_factory=list)  # None: not a keystroke
    floor: int = -1  # the archive holds values[floor] or a later one
    committed: int = -1  # the last value reported saved
    latencies: list[float] = field(default_factory=list)  # first keystroke not saved -> saved
    # A phrase was being inserted (Alt+digit): it is committed at once, so a kill may come after
    # the commit and before the journal's line; the archive may then hold the last value with
    # the phrase after it.
    phrase_begun: bool = False

    def add(self, value: Any, key_time: float | None = None) -> None:
        self.values.append(value)
        self.key_times.append(key_time)
        self.phrase_begun = False

    def saved(self, value: Any, at: float) -> None:
        if not self.values or self.values[-1] != value:
            self.add(value)
        self.phrase_begun = False
        index = len(self.values) - 1
        waiting = [t for t in self.key_times[self.committed + 1 : index + 1] if t is not None]
        if waiting:
            self.latencies.append(at - min(waiting))
        self.committed = self.floor = max(self.floor, index)

    def keys_before(self, moment: float) -> int:
        """The index of the last keystroke at or before `moment`; -1 when none."""
        found = [i for i, t in enumerate(self.key_times) if t is not None and t <= moment]
        return found[-1] if found else -1

    def holds(self, value: Any) -> bool:
        if any(v == value for v in self.values[max(self.floor, 0) :]):
            return True
        last = self.values[-1] if self.values else None
        return self.phrase_begun and isinstance(value, str) and value.startswith(str(last))


@dataclass
class Replay:
    """A child's journal read in order, from the archive's state when it started."""

    before: State
    histories: dict[str, History] = field(default_factory=dict)
    ids: list[int] = field(default_factory=list)  # the agenda last reported saved
    pending: tuple[str, dict[str, Any]] | None = None  # begun, not reported saved
    gone: set[int] = field(default_factory=set)  # deleted items
    ready: dict[str, Any] | None = None
    keys: int = 0
    saves: int = 0
    problems: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.ids = list(self.before.ids)
        for target, value in self.before.values.items():
            history = self.history(target)
            history.add(value)
            history.floor = 0  # it was committed before this child started

    def history(self, target: str) -> History:
        return self.histories.setdefault(target, History())

    def read(self, lines: list[list[Any]]) -> Replay:
        for kind, at, *rest in lines:
            getattr(self, "_" + kind.replace(" ", "_"))(at, *rest)
        return self

    def _ready(self, _at: float, details: dict[str, Any]) -> None:
        self.ready = details
        if details["ids"] != self.before.ids:
            self.problems.append(f"the window shows {details['ids']}, the archive held {self.ids}")

    def _do(self, _at: float, action: str, details: dict[str, Any]) -> None:
        if action in AGENDA_CHANGES:
            self.pending = (action, details)
        elif action == "phrase":
            self.history(details["target"]).phrase_begun = True

    def _start(self, _at: float, target: str, value: Any) -> None:
        self.history(target).add(value)

    def _key(self, at: float, target: str, value: Any) -> None:
        self.keys += 1
        self.history(target).add(value, at)

    def _saved(self, at: float, target: str, value: Any) -> None:
        self.saves += 1
        if target == "order":
            self._agenda_saved(value)
        elif target != "other":
            self.history(target).saved(value, at)

    def _agenda_saved(self, agenda: dict[str, list[Any]]) -> None:
        ids = agenda["ids"]
        self.gone |= set(self.ids) - set(ids)
        self.ids, self.pending = ids, None
        numbers = [str(n) for n in item_numbers(self.before.first_number, len(ids))]
        if agenda["numbers"] != numbers:
            self.problems.append(f"the window numbers the agenda {agenda['numbers']}")

    def _unsaved(self, _at: float, message: str) -> None:
        self.problems.append(f"an edit went into the undo stack, the status bar says {message!r}")

    def _prompt(self, _at: float, name: str, texts: list[str]) -> None:
        self.problems.append(f"the window asked {name}: {texts}")

    def _probe(self, _at: float, _target: str, _stored: Any) -> None:
        pass

    def _end(self, _at: float) -> None:
        pass

    # After the kill

    def killed_at(self, moment: float) -> int:
        """Raise the floors to the keystrokes older than LOSS_WINDOW; how many fields had one."""
        raised = 0
        for history in self.histories.values():
            index = history.keys_before(moment - LOSS_WINDOW)
            raised += index >= 0
            history.floor = max(history.floor, index)
        return raised

    def agenda_allowed(self, ids: list[int]) -> bool:
        return ids == self.ids or (self.pending is not None and ids == self._after_pending(ids))

    def _after_pending(self, ids: list[int]) -> list[int]:
        assert self.pending is not None
        action, details = self.pending
        if action == "delete":
            return [i for i in self.ids if i != details["item"]]
        if action == "move":
            moved = [i for i in self.ids if i != details["item"]]
            moved.insert(details["to"], details["item"])
            return moved
        added = [i for i in ids if i not in self.ids]
        row = details["row"]
        return self.ids[:row] + added[:1] + self.ids[row:] if len(added) == 1 else []

    def may_be_gone(self, item_id: int) -> bool:
        pending_delete = self.pending is not None and self.pending[0] == "delete"
        return item_id in self.gone or (pending_delete and self.pending[1]["item"] == item_id)


def problems_after_kill(replay: Replay, archive: Archive) -> list[str]:
    """What the archive lacks of what the journal promised; [] when it holds everything."""
    meeting_id = replay.before.meeting_id
    found = list(replay.problems)
    if archive.db.value("PRAGMA integrity_check") != "ok":
        return [*found, "PRAGMA integrity_check fails"]
    after = read_state(archive, meeting_id)
    if positions(archive, meeting_id) != list(range(len(after.ids))):
        found.append(f"positions {positions(archive, meeting_id)}: not 0..n-1")
    if not replay.agenda_allowed(after.ids):
        found.append(f"agenda {after.ids}, saved {replay.ids}, begun {replay.pending}")
    items = [t for t in replay.histories if t.startswith("item:")]
    lost = {int(t.split(":")[1]) for t in items if t not in after.values}
    found += [f"item {i} is lost" for i in sorted(lost) if not replay.may_be_gone(i)]
    for target, history in replay.histories.items():
        if target in after.values and not history.holds(after.values[target]):
            found.append(_field_problem(target, history, after.values[target]))
    return found


def _field_problem(target: str, history: History, stored: Any) -> str:
    expected = history.values[history.floor] if history.floor >= 0 else None
    return f"{target}: the archive holds {stored!r}, at least {expected!r} was promised"


# --- probing while the user types -----------------------------------------------------------


def probe_problems(lines: list[list[Any]]) -> tuple[list[str], int]:
    """The probes (crash_child.py --probe) that found typing older than LOSS_WINDOW missing from
    the archive, and how many probes came late enough to check any typing."""
    history, found, checked = History(), [], 0
    for kind, at, *rest in lines:
        if kind in ("start", "key"):
            history.add(rest[1], at if kind == "key" else None)
        elif kind == "probe":
            floor = history.keys_before(at - LOSS_WINDOW)
            checked += floor >= 0
            if floor >= 0 and not any(v == rest[1] for v in history.values[floor:]):
                found.append(_missing(history, floor, at, rest[1]))
    return found, checked


def _missing(history: History, floor: int, at: float, stored: Any) -> str:
    typed = history.key_times[floor] or at
    return (
        f"typing of {at - typed:.2f} s ago is not in the archive: it holds {stored!r}, "
        f"{history.values[floor]!r} was typed"
    )
