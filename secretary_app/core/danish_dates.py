"""Dates and times written the Danish way: "tirsdag den 27. juni 2017", "kl. 17.00-19.00"."""

from __future__ import annotations

import datetime as dt

WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)


def short_date(day: dt.date) -> str:
    """27. juni 2017"""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def long_date(day: dt.date) -> str:
    """tirsdag den 27. juni 2017"""
    return f"{WEEKDAYS[day.weekday()]} den {short_date(day)}"


def clock(time: dt.time) -> str:
    """17.00"""
    return f"{time.hour:02d}.{time.minute:02d}"


def time_span(start: dt.time | None, end: dt.time | None) -> str:
    """kl. 17.00-19.00, kl. 17.00, or "" """
    if start is None:
        return ""
    if end is None:
        return f"kl. {clock(start)}"
    return f"kl. {clock(start)}-{clock(end)}"


def meeting_time(day: dt.date, start: dt.time | None, end: dt.time | None) -> str:
    """tirsdag den 27. juni 2017 kl. 17.00-19.00"""
    span = time_span(start, end)
    return f"{long_date(day)} {span}" if span else long_date(day)
