"""Meeting mode's clock: how far the meeting is ahead of or behind its planned times, and how far
each item has come (done, current, to come).

An item is on time while the clock is inside its planned slot (its planned start up to the start
plus its duration). Before the slot the meeting is ahead by the minutes until the start; after it,
behind by the minutes since the slot ended (an item with no duration has a slot of one moment).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from secretary_app.core.model import Item
from secretary_app.core.schedule import planned_starts


class Progress(Enum):
    DONE = "done"  # the item has a decision
    CURRENT = "current"
    TO_COME = "to_come"


def item_progress(row: int, current_row: int, decision: str) -> Progress:
    """The current item is current even when it already has a decision."""
    if row == current_row:
        return Progress.CURRENT
    return Progress.DONE if decision.strip() else Progress.TO_COME


@dataclass(frozen=True)
class Slot:
    """When an item is planned: its start, and its end when it has a duration."""

    start: dt.time
    end: dt.time


def planned_slot(meeting_start: dt.time | None, items: Sequence[Item], row: int) -> Slot | None:
    """The planned slot of the item at `row`; None when its start is not known."""
    if not 0 <= row < len(items):
        return None
    start = planned_starts(meeting_start, items)[row]
    if start is None:
        return None
    minutes = items[row].duration_minutes or 0
    end = (dt.datetime.combine(dt.date.min, start) + dt.timedelta(minutes=minutes)).time()
    return Slot(start, end)


def minutes_ahead(now: dt.datetime, meeting_day: dt.date, slot: Slot | None) -> int | None:
    """Minutes the meeting is ahead of its plan (negative: behind; 0: on time).

    None when there is nothing to compare: no planned slot, or the meeting is not today.
    Seconds are ignored: the chair reads whole minutes off the wall clock.
    """
    if slot is None or now.date() != meeting_day:
        return None
    clock = _minutes(now.time())
    start, end = _minutes(slot.start), _minutes(slot.end)
    if end < start:  # a slot that runs past midnight
        end += 24 * 60
    if clock < start:
        return start - clock
    if clock > end:
        return end - clock
    return 0


def time_of_ending(now: dt.datetime, meeting_day: dt.date) -> dt.time | None:
    """The time recorded as "mødet hævet kl. …" when the meeting is ended now: the current
    minute; None for a meeting of another day (recorded afterwards: the time must be asked)."""
    if now.date() != meeting_day:
        return None
    return now.time().replace(second=0, microsecond=0)


def _minutes(time: dt.time) -> int:
    return time.hour * 60 + time.minute
