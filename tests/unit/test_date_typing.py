"""Dates and times typed as Danes type them (core.danish_dates.parse_date, parse_time)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretary_app.core.danish_dates import (
    MAX_TYPED,
    DateTextError,
    clock,
    long_date,
    parse_date,
    parse_time,
    short_date,
)

TODAY = dt.date(2025, 4, 3)  # a Thursday
APRIL_8 = dt.date(2025, 4, 8)


@pytest.mark.parametrize(
    "typed",
    [
        "8.4.2025",
        "8/4-25",
        "8/4 2025",
        "08-04-2025",
        "2025-04-08",
        "8.4.25",
        "8.4.",
        "8.4",
        "8/4",
        "8. april 2025",
        "8. apr. 2025",
        "8 april",
        "8. April",
        "8 APR 25",
        "den 8. april",
        "d. 8/4",
        "tirsdag den 8. april 2025",
        "  8 .  4 . 2025 ",
        "8.\u00a04.\t2025",
    ],
)
def test_the_ways_a_dane_writes_a_date(typed):
    assert parse_date(typed, TODAY) == APRIL_8


@pytest.mark.parametrize(
    ("typed", "month"),
    [
        ("1. jan", 1),
        ("1. feb", 2),
        ("1. mar", 3),
        ("1. marts", 3),
        ("1. maj", 5),
        ("1. jun", 6),
        ("1. jul", 7),
        ("1. aug", 8),
        ("1. sep", 9),
        ("1. sept.", 9),
        ("1. okt", 10),
        ("1. nov", 11),
        ("1. dec", 12),
        ("1. december", 12),
    ],
)
def test_months_by_name_and_abbreviation(typed, month):
    assert parse_date(typed, TODAY) == dt.date(2025, month, 1)


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("i dag", dt.date(2025, 4, 3)),
        ("I DAG", dt.date(2025, 4, 3)),
        ("idag", dt.date(2025, 4, 3)),
        ("i morgen", dt.date(2025, 4, 4)),
        ("i  Morgen ", dt.date(2025, 4, 4)),
        ("i overmorgen", dt.date(2025, 4, 5)),
        ("i går", dt.date(2025, 4, 2)),
        ("i forgårs", dt.date(2025, 4, 1)),
    ],
)
def test_days_named_from_today(typed, day):
    assert parse_date(typed, TODAY) == day


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("fredag", dt.date(2025, 4, 4)),
        ("mandag", dt.date(2025, 4, 7)),
        ("tirsdag", APRIL_8),
        ("Tirsdag", APRIL_8),
        ("tirs", APRIL_8),
        ("tir.", APRIL_8),
        ("på tirsdag", APRIL_8),
        ("næste tirsdag", APRIL_8),
        ("onsdag", dt.date(2025, 4, 9)),
        ("torsdag", dt.date(2025, 4, 10)),  # today is Thursday: the next one, not today
        ("lørdag", dt.date(2025, 4, 5)),
        ("søndag", dt.date(2025, 4, 6)),
    ],
)
def test_a_weekday_is_the_next_such_day_after_today(typed, day):
    assert parse_date(typed, TODAY) == day


def test_a_date_without_a_year_is_this_year_and_two_digit_years_are_20xx():
    assert parse_date("24/12", TODAY) == dt.date(2025, 12, 24)
    assert parse_date("1.1.99", TODAY) == dt.date(2099, 1, 1)
    assert parse_date("1.1.00", TODAY) == dt.date(2000, 1, 1)


def test_the_weekday_before_a_full_date_is_ignored_the_date_wins():
    """The field's own text, with its day number changed: the weekday no longer fits."""
    assert parse_date("tirsdag den 9. april 2025", TODAY) == dt.date(2025, 4, 9)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("31.2.2025", 'Datoen "31.2.2025" findes ikke'),
        ("29.2.2025", 'Datoen "29.2.2025" findes ikke'),
        ("1.13.2025", 'Datoen "1.13.2025" findes ikke'),
        ("32. maj", 'Datoen "32. maj" findes ikke'),
        ("xyz", 'Forstår ikke "xyz" som en dato (skriv fx 8.4.2025)'),
        ("8", 'Forstår ikke "8" som en dato (skriv fx 8.4.2025)'),
        ("", "Skriv en dato, fx 8.4.2025"),
        ("   ", "Skriv en dato, fx 8.4.2025"),
        ("8.4.5", 'Skriv året med to eller fire cifre, ikke "5"'),
        ("8.4.202", 'Skriv året med to eller fire cifre, ikke "202"'),
        ("8. foo 2025", 'Kender ikke måneden "foo" (skriv fx april)'),
        ("8. ma 2025", 'Forstår ikke "8. ma 2025" som en dato (skriv fx 8.4.2025)'),
        ("næste", 'Forstår ikke "næste" som en dato (skriv fx 8.4.2025)'),
    ],
)
def test_what_is_no_date_says_why_in_danish(typed, message):
    with pytest.raises(DateTextError) as refused:
        parse_date(typed, TODAY)
    assert str(refused.value) == message


def test_the_text_quoted_in_a_message_is_short_and_printable():
    with pytest.raises(DateTextError) as refused:
        parse_date("abc\x00defghijklmnopqrstuvwxyz", TODAY)
    assert (
        str(refused.value) == 'Forstår ikke "abcdefghijklmnopqrs…" som en dato (skriv fx 8.4.2025)'
    )


def test_text_longer_than_any_date_is_refused():
    with pytest.raises(DateTextError):
        parse_date("8.4.2025" + " " * MAX_TYPED, TODAY)


def test_the_field_texts_read_back_as_the_same_date():
    for day in (APRIL_8, dt.date(2017, 6, 27), dt.date(2024, 2, 29), dt.date(2030, 12, 31)):
        assert parse_date(long_date(day), TODAY) == day
        assert parse_date(short_date(day), TODAY) == day


@pytest.mark.parametrize(
    ("typed", "time"),
    [
        ("16", dt.time(16)),
        ("16.", dt.time(16)),
        ("1600", dt.time(16)),
        ("16.00", dt.time(16)),
        ("16:00", dt.time(16)),
        ("16,00", dt.time(16)),
        ("16 00", dt.time(16)),
        ("9", dt.time(9)),
        ("09", dt.time(9)),
        ("930", dt.time(9, 30)),
        ("0930", dt.time(9, 30)),
        ("9.30", dt.time(9, 30)),
        ("kl. 16", dt.time(16)),
        ("kl.16.30", dt.time(16, 30)),
        ("Kl 9", dt.time(9)),
        ("klokken 17.15", dt.time(17, 15)),
        ("0", dt.time(0)),
        ("23.59", dt.time(23, 59)),
        (" 16.30 ", dt.time(16, 30)),
    ],
)
def test_the_ways_a_dane_writes_a_time(typed, time):
    assert parse_time(typed) == time


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("16.5", "Skriv minutterne med to cifre, fx 16.05 eller 16.50"),
        ("9:3", "Skriv minutterne med to cifre, fx 16.05 eller 16.50"),
        ("24.00", 'Klokkeslættet "24.00" findes ikke (skriv 00.00-23.59)'),
        ("2400", 'Klokkeslættet "2400" findes ikke (skriv 00.00-23.59)'),
        ("16.60", 'Klokkeslættet "16.60" findes ikke (skriv 00.00-23.59)'),
        ("25", 'Klokkeslættet "25" findes ikke (skriv 00.00-23.59)'),
        ("", "Skriv et klokkeslæt, fx 16.00"),
        ("kl.", "Skriv et klokkeslæt, fx 16.00"),
        ("xyz", 'Forstår ikke "xyz" som et klokkeslæt (skriv fx 16.00)'),
        ("16.000", 'Forstår ikke "16.000" som et klokkeslæt (skriv fx 16.00)'),
        ("16-18", 'Forstår ikke "16-18" som et klokkeslæt (skriv fx 16.00)'),
    ],
)
def test_what_is_no_time_says_why_in_danish(typed, message):
    with pytest.raises(DateTextError) as refused:
        parse_time(typed)
    assert str(refused.value) == message


def test_a_date_text_error_is_a_value_error():
    assert issubclass(DateTextError, ValueError)


@given(st.text(max_size=80), st.dates())
def test_any_text_is_a_date_or_a_date_text_error(text, today):
    try:
        assert isinstance(parse_date(text, today), dt.date)
    except DateTextError as refused:
        assert str(refused)


@given(st.text(max_size=80))
def test_any_text_is_a_time_or_a_date_text_error(text):
    try:
        assert isinstance(parse_time(text), dt.time)
    except DateTextError as refused:
        assert str(refused)


_DATE_ALPHABET = st.sampled_from(list("0123456789./- ") + ["april", "i ", "dag", "tirsdag"])


@given(st.lists(_DATE_ALPHABET, max_size=12).map("".join), st.dates())
def test_date_like_text_is_a_date_or_a_date_text_error(text, today):
    """Near misses of real dates: the regular expressions' corners, not only random text."""
    try:
        assert isinstance(parse_date(text, today), dt.date)
    except DateTextError as refused:
        assert str(refused)


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_every_date_written_the_usual_ways_reads_back(day):
    for written in (
        f"{day.day}.{day.month}.{day.year}",
        f"{day.day:02d}-{day.month:02d}-{day.year}",
        f"{day.day}/{day.month}-{day.year % 100:02d}",
        day.isoformat(),
        short_date(day),
        long_date(day),
    ):
        assert parse_date(written, TODAY) == day


@given(st.times())
def test_every_time_written_the_usual_ways_reads_back(time):
    minute = dt.time(time.hour, time.minute)
    for written in (
        clock(minute),
        f"{time.hour}:{time.minute:02d}",
        f"{time.hour}{time.minute:02d}",
    ):
        assert parse_time(written) == minute
