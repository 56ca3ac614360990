"""When each item is planned to start: from the meeting's start and the items' durations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from secretary_app.core.model import Item


def planned_starts(meeting_start: dt.time | None, items: Sequence[Item]) -> list[dt.time | None]:
    """An item's own planned start wins; otherwise the previous item's start plus its duration.

    The clock stops (None) after an item whose start or duration is unknown, until an item
    gives its own start again.
    """
    clock = _minutes(meeting_start)
    starts: list[dt.time | None] = []
    for item in items:
        if item.planned_start is not None:
            clock = _minutes(item.planned_start)
        starts.append(_time(clock))
        clock = (
            clock + item.duration_minutes if clock is not None and item.duration_minutes else None
        )
    return starts


def _minutes(time: dt.time | None) -> int | None:
    return None if time is None else time.hour * 60 + time.minute


def _time(minutes: int | None) -> dt.time | None:
    if minutes is None:
        return None
    minutes %= 24 * 60
    return dt.time(minutes // 60, minutes % 60)
