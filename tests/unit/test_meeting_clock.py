"""Meeting mode's clock (core.meeting_clock): ahead of or behind the planned times, and each
item's progress."""

from __future__ import annotations

import datetime as dt

import pytest

from secretary_app.core.meeting_clock import (
    Progress,
    Slot,
    item_progress,
    minutes_ahead,
    planned_slot,
    time_of_ending,
)
from secretary_app.core.model import Item

DAY = dt.date(2017, 6, 27)


def at(hhmm: str, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(hhmm))


def agenda(*durations: int | None) -> list[Item]:
    return [Item(0, f"Punkt {n}", duration_minutes=d) for n, d in enumerate(durations, 1)]


def slot(start: str, end: str) -> Slot:
    return Slot(dt.time.fromisoformat(start), dt.time.fromisoformat(end))


# --- the planned slot ------------------------------------------------------------------------


def test_the_slot_runs_from_the_planned_start_for_the_items_duration():
    items = agenda(10, 45, 5)
    assert planned_slot(dt.time(17), items, 0) == slot("17:00", "17:10")
    assert planned_slot(dt.time(17), items, 1) == slot("17:10", "17:55")
    assert planned_slot(dt.time(17), items, 2) == slot("17:55", "18:00")


def test_an_items_own_start_wins():
    items = agenda(10, 20)
    items[1].planned_start = dt.time(17, 30)
    assert planned_slot(dt.time(17), items, 1) == slot("17:30", "17:50")


def test_an_item_without_duration_has_a_slot_of_one_moment():
    assert planned_slot(dt.time(17), agenda(None), 0) == slot("17:00", "17:00")


def test_no_slot_without_a_known_start_or_outside_the_agenda():
    assert planned_slot(None, agenda(10), 0) is None
    assert planned_slot(dt.time(17), agenda(None, 10), 1) is None  # the clock stopped
    assert planned_slot(dt.time(17), agenda(10), 1) is None
    assert planned_slot(dt.time(17), agenda(10), -1) is None


# --- ahead or behind -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("17:07", 3),  # item 2 planned 17:10: three minutes ahead
        ("17:10", 0),
        ("17:30", 0),  # inside the slot: on time
        ("17:55", 0),
        ("18:07", -12),  # the slot ended 17:55: twelve minutes behind
    ],
)
def test_minutes_ahead_of_the_current_items_slot(now, expected):
    assert minutes_ahead(at(now), DAY, slot("17:10", "17:55")) == expected


def test_seconds_do_not_count():
    now = dt.datetime.combine(DAY, dt.time(17, 9, 59))
    assert minutes_ahead(now, DAY, slot("17:10", "17:55")) == 1


def test_nothing_to_compare_on_another_day_or_without_a_slot():
    assert (
        minutes_ahead(at("17:07", DAY + dt.timedelta(days=1)), DAY, slot("17:10", "17:55")) is None
    )
    assert minutes_ahead(at("17:07"), DAY, None) is None


def test_a_slot_past_midnight():
    assert minutes_ahead(at("23:50"), DAY, slot("23:45", "00:15")) == 0


# --- progress --------------------------------------------------------------------------------


def test_progress_done_current_to_come():
    assert item_progress(0, 1, "Godkendt.") is Progress.DONE
    assert item_progress(1, 1, "Godkendt.") is Progress.CURRENT
    assert item_progress(1, 1, "") is Progress.CURRENT
    assert item_progress(2, 1, "") is Progress.TO_COME
    assert item_progress(2, 1, "  \n") is Progress.TO_COME


def test_the_time_of_ending_is_the_current_minute():
    now = dt.datetime(2017, 6, 27, 20, 35, 42, 123)
    assert time_of_ending(now, dt.date(2017, 6, 27)) == dt.time(20, 35)


def test_a_meeting_of_another_day_is_not_ended_now():
    """Recorded afterwards, the clock's time would be wrong: the time is asked."""
    now = dt.datetime(2025, 4, 9, 11, 19)
    assert time_of_ending(now, dt.date(2025, 4, 8)) is None
