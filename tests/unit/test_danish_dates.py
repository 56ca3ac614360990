"""Danish dates and times, lower case: "tirsdag den 27. juni 2017", "kl. 17.00-19.00"."""

from __future__ import annotations

import datetime as dt

import pytest

from secretary_app.core.danish_dates import (
    clock,
    long_date,
    meeting_time,
    short_date,
    stored_value,
    time_span,
)

FIVE_PM = dt.time(17, 0)
SEVEN_PM = dt.time(19, 0)


def test_long_date():
    assert long_date(dt.date(2017, 6, 27)) == "tirsdag den 27. juni 2017"


def test_short_date():
    assert short_date(dt.date(2017, 6, 27)) == "27. juni 2017"


def test_day_of_month_has_no_leading_zero():
    assert short_date(dt.date(2013, 5, 2)) == "2. maj 2013"


def test_clock_uses_a_dot_and_two_digit_hours():
    assert clock(dt.time(17, 0)) == "17.00"
    assert clock(dt.time(8, 5)) == "08.05"


def test_time_span_with_start_and_end():
    assert time_span(FIVE_PM, SEVEN_PM) == "kl. 17.00-19.00"


def test_time_span_with_start_only():
    assert time_span(FIVE_PM, None) == "kl. 17.00"


def test_time_span_with_no_start_is_empty():
    assert time_span(None, None) == ""
    assert time_span(None, SEVEN_PM) == ""


def test_meeting_time():
    day = dt.date(2017, 6, 27)
    assert meeting_time(day, FIVE_PM, SEVEN_PM) == "tirsdag den 27. juni 2017 kl. 17.00-19.00"
    assert meeting_time(day, FIVE_PM, None) == "tirsdag den 27. juni 2017 kl. 17.00"
    assert meeting_time(day, None, None) == "tirsdag den 27. juni 2017"


# Every weekday and month once, against tables written by hand (not the module's own tables).


@pytest.mark.parametrize(
    "day, expected",
    [
        (dt.date(2017, 6, 26), "mandag den 26. juni 2017"),
        (dt.date(2017, 6, 27), "tirsdag den 27. juni 2017"),
        (dt.date(2017, 6, 28), "onsdag den 28. juni 2017"),
        (dt.date(2017, 6, 29), "torsdag den 29. juni 2017"),
        (dt.date(2017, 6, 30), "fredag den 30. juni 2017"),
        (dt.date(2017, 7, 1), "lørdag den 1. juli 2017"),
        (dt.date(2017, 7, 2), "søndag den 2. juli 2017"),
    ],
)
def test_every_weekday(day, expected):
    assert long_date(day) == expected


@pytest.mark.parametrize(
    "month, name",
    [
        (1, "januar"),
        (2, "februar"),
        (3, "marts"),
        (4, "april"),
        (5, "maj"),
        (6, "juni"),
        (7, "juli"),
        (8, "august"),
        (9, "september"),
        (10, "oktober"),
        (11, "november"),
        (12, "december"),
    ],
)
def test_every_month(month, name):
    assert short_date(dt.date(2025, month, 15)) == f"15. {name} 2025"


def test_a_stored_moment_reads_as_a_dane_reads_it():
    from secretary_app.core.danish_dates import moment, stored_moment

    assert moment(dt.datetime(2026, 12, 6, 2, 14, 9)) == "6. december 2026 kl. 02.14"
    assert stored_moment("2026-12-06 02:14:09") == "6. december 2026 kl. 02.14"
    assert stored_moment("ikke en tid") == "ikke en tid"


def test_a_stored_value_as_the_program_shows_it():
    """The audit log's old and new values (found by a walkthrough: "20:35" beside "20.35")."""
    assert stored_value("20:35") == "20.35"
    assert stored_value("2025-04-08") == "8. april 2025"
    assert stored_value("Beslutningen lyder: godkendt") == "Beslutningen lyder: godkendt"
    assert stored_value("99:99") == "99:99" and stored_value("") == ""
