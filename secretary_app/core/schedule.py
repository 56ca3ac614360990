"""When a meeting and each of its items are planned: the meeting ends at or after its start
(a meeting does not run past midnight), and an item starts from the meeting's start and the
items' durations."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from secretary_app.core.danish_dates import clock
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


def end_problem(start: dt.time | None, end: dt.time | None) -> str:
    """Why a meeting cannot be planned from `start` to `end` ("" when it can)."""
    if start is not None and end is not None and end < start:
        return f"slutter kl. {clock(end)}, før mødet begynder kl. {clock(start)}"
    return ""


def end_after_moved_start(
    old_start: dt.time | None, new_start: dt.time | None, end: dt.time | None
) -> dt.time | None:
    """The meeting's end when its start moves: kept while it is still at or after the new
    start; otherwise moved with the start, so the meeting keeps its length (until 23.59 at
    the latest)."""
    if new_start is None or end is None or not end_problem(new_start, end):
        return end
    length = 0 if old_start is None else max(_day_minutes(end) - _day_minutes(old_start), 0)
    return _time(min(_day_minutes(new_start) + length, 23 * 60 + 59))


USUAL_FROM_LAST = 5  # a committee's habit: its last five meetings
DEFAULT_TIMES = (dt.time(17), dt.time(19))  # a committee with no habit yet
EarlierMeeting = tuple[dt.date, dt.time | None, dt.time | None, str]  # date, start, end, place


@dataclass(frozen=True)
class MeetingProposal:
    date: dt.date
    starts_at: dt.time
    ends_at: dt.time
    location: str


def usual_meeting(
    previous: Sequence[EarlierMeeting], today: dt.date, default_location: str = ""
) -> MeetingProposal:
    """A new meeting as the committee usually holds them: the weekday, the times (start and
    end together) and the place most common among its last USUAL_FROM_LAST meetings, a tie
    going to the latest. Its date is the next such weekday on or after today and after the
    last meeting. With no earlier meetings: today, DEFAULT_TIMES, the committee's place."""
    recent = sorted(previous, key=lambda meeting: meeting[0], reverse=True)[:USUAL_FROM_LAST]
    if not recent:
        return MeetingProposal(today, *DEFAULT_TIMES, default_location)
    first_day = max(today, recent[0][0] + dt.timedelta(days=1))
    weekday = _most_common([day.weekday() for day, *_ in recent])
    times = [(start, end) for _day, start, end, _place in recent if start and end]
    starts_at, ends_at = _most_common(times) if times else DEFAULT_TIMES
    places = [place for *_, place in recent if place]
    return MeetingProposal(
        first_day + dt.timedelta(days=(weekday - first_day.weekday()) % 7),
        starts_at,
        ends_at,
        _most_common(places) if places else default_location,
    )


T = TypeVar("T")


def _most_common(values: Sequence[T]) -> T:
    """The most common of `values`; of equally common ones, the first."""
    return Counter(values).most_common(1)[0][0]


def _day_minutes(time: dt.time) -> int:
    return time.hour * 60 + time.minute


def _minutes(time: dt.time | None) -> int | None:
    return None if time is None else _day_minutes(time)


def _time(minutes: int | None) -> dt.time | None:
    if minutes is None:
        return None
    minutes %= 24 * 60
    return dt.time(minutes // 60, minutes % 60)
