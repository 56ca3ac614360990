"""When each item is planned to start (core.schedule.planned_starts): the chair's copy's times."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretary_app.core.model import Item
from secretary_app.core.schedule import end_after_moved_start, end_problem, planned_starts


def items(*plans):
    """Items from (own start "HH:MM" or None, duration in minutes or None) pairs."""
    made = []
    for position, (start, minutes) in enumerate(plans):
        own = dt.time.fromisoformat(start) if start else None
        made.append(Item(0, f"Punkt {position + 1}", planned_start=own, duration_minutes=minutes))
    return made


def clocks(starts):
    return [start.strftime("%H:%M") if start is not None else None for start in starts]


def test_no_items_no_starts():
    assert planned_starts(dt.time(17), []) == []


def test_from_the_meeting_start_and_the_durations():
    starts = planned_starts(dt.time(17), items((None, 10), (None, 45), (None, 5), (None, 20)))
    assert clocks(starts) == ["17:00", "17:10", "17:55", "18:00"]


def test_every_start_is_a_time_of_day():
    starts = planned_starts(dt.time(9, 30), items((None, 15), (None, 15)))
    assert starts == [dt.time(9, 30), dt.time(9, 45)]
    assert all(isinstance(start, dt.time) for start in starts)


def test_the_last_items_duration_does_not_matter():
    assert clocks(planned_starts(dt.time(17), items((None, 10), (None, None)))) == [
        "17:00",
        "17:10",
    ]


def test_an_items_own_planned_start_resets_the_clock():
    plan = items((None, 30), ("18:00", 15), (None, 10), (None, 5))
    assert clocks(planned_starts(dt.time(17), plan)) == ["17:00", "18:00", "18:15", "18:25"]


def test_an_own_start_earlier_than_the_clock_still_wins():
    plan = items((None, 90), ("17:30", 10), (None, 10))
    assert clocks(planned_starts(dt.time(17), plan)) == ["17:00", "17:30", "17:40"]


def test_an_own_start_on_the_first_item_wins_over_the_meeting_start():
    plan = items(("16:45", 15), (None, 10))
    assert clocks(planned_starts(dt.time(17), plan)) == ["16:45", "17:00"]


@pytest.mark.parametrize("unknown", [None, 0])
def test_an_unknown_duration_stops_the_clock_until_the_next_own_start(unknown):
    plan = items((None, 10), (None, unknown), (None, 20), (None, 5), ("18:30", 15), (None, 5))
    assert clocks(planned_starts(dt.time(17), plan)) == [
        "17:00",
        "17:10",  # its own start is known; what follows it is not
        None,
        None,
        "18:30",
        "18:45",
    ]


def test_an_own_start_alone_is_kept_while_the_clock_is_stopped():
    plan = items((None, None), ("17:40", None), (None, 10))
    assert clocks(planned_starts(dt.time(17), plan)) == ["17:00", "17:40", None]


def test_no_meeting_start():
    plan = items((None, 10), (None, 10), ("18:00", 30), (None, 5))
    assert clocks(planned_starts(None, plan)) == [None, None, "18:00", "18:30"]


def test_no_meeting_start_and_no_own_start():
    assert planned_starts(None, items((None, 10), (None, 10))) == [None, None]


def test_crossing_midnight():
    plan = items((None, 30), (None, 45), (None, 60), (None, 10))
    assert clocks(planned_starts(dt.time(23, 15), plan)) == ["23:15", "23:45", "00:30", "01:30"]


def test_more_than_a_day_of_durations_wraps_to_a_time_of_day():
    plan = items((None, 24 * 60 + 5), (None, 10))
    assert clocks(planned_starts(dt.time(8), plan)) == ["08:00", "08:05"]


def test_midnight_itself_is_a_start():
    plan = items((None, 15), (None, 15))
    assert planned_starts(dt.time(0), plan) == [dt.time(0), dt.time(0, 15)]


def test_the_items_are_left_unchanged():
    plan = items((None, 10), ("18:00", 5))
    before = [(item.planned_start, item.duration_minutes) for item in plan]
    planned_starts(dt.time(17), plan)
    assert [(item.planned_start, item.duration_minutes) for item in plan] == before


# --- the meeting's own start and end ----------------------------------------------------------


def t(clock):
    return dt.time.fromisoformat(clock) if clock else None


@pytest.mark.parametrize(
    ("start", "end", "problem"),
    [
        ("17:00", "19:00", ""),
        ("17:00", "17:00", ""),  # a meeting of no length is not refused
        (None, "09:00", ""),
        ("17:00", None, ""),
        ("17:00", "16:59", "slutter kl. 16.59, før mødet begynder kl. 17.00"),
    ],
)
def test_a_meeting_ends_at_or_after_its_start(start, end, problem):
    assert end_problem(t(start), t(end)) == problem


@pytest.mark.parametrize(
    ("old_start", "new_start", "end", "new_end"),
    [
        ("17:00", "18:00", "19:00", "19:00"),  # still before the end: the end stays
        ("17:00", "19:00", "19:00", "19:00"),
        ("17:00", "20:00", "19:00", "22:00"),  # passed: the two hours move along
        ("17:00", "23:00", "19:00", "23:59"),  # not past midnight
        (None, "20:00", "19:00", "20:00"),  # no start to measure from: as far as the start
        ("17:00", "20:00", None, None),
        ("17:00", None, "19:00", "19:00"),
    ],
)
def test_the_end_moves_with_a_start_that_passes_it(old_start, new_start, end, new_end):
    assert end_after_moved_start(t(old_start), t(new_start), t(end)) == t(new_end)


clock_times = st.times().map(lambda time: time.replace(second=0, microsecond=0))


@given(clock_times, clock_times, clock_times)
def test_a_moved_start_never_leaves_the_end_before_it(old_start, new_start, end):
    moved = end_after_moved_start(old_start, new_start, end)
    assert end_problem(new_start, moved) == ""
    if not end_problem(new_start, end):
        assert moved == end
