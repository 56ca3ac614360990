"""Dates and times written the Danish way: "tirsdag den 27. juni 2017", "kl. 17.00-19.00"."""

from __future__ import annotations

import datetime as dt
import re

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


def moment(when: dt.datetime) -> str:
    """6. december 2026 kl. 02.14"""
    return f"{short_date(when.date())} kl. {clock(when.time())}"


def stored_moment(text: str) -> str:
    """A time the archive keeps as text ("2026-12-06 02:14:09") as a Dane reads it; text that
    is not such a time as it is."""
    try:
        return moment(dt.datetime.fromisoformat(text))
    except ValueError:
        return text


def stored_value(text: str) -> str:
    """A value the audit log keeps as the archive stores it, as the program shows it: a date
    ("2025-04-08") as "8. april 2025", a time ("20:35") as "20.35"; other text as it is."""
    try:
        if len(text) == 10:
            return short_date(dt.date.fromisoformat(text))
        if len(text) == 5:
            return clock(dt.time.fromisoformat(text))
    except ValueError:
        pass
    return text


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


# Reading dates and times typed the Danish way ---------------------------------------------
#
# A date: "8.4.2025", "8/4-25", "8/4 2025", "08-04-2025", "2025-04-08", "8.4" or "8/4" (this
# year), "8. april 2025", "8. apr. 2025", "8 april", "i dag", "i morgen", "i overmorgen",
# "i går", "i forgårs", a weekday ("tirsdag", "på tirsdag", "næste tirsdag", "tirs": all the
# next Tuesday after today, never today), and the field's own "tirsdag den 8. april 2025"
# (the weekday before a full date is ignored: the date wins). Two-digit years are 20xx.
# A time: "16", "1600", "16.00", "16:00", "9", "930", "9.30", "kl. 16"; the minutes after a
# separator take two digits ("16.5" is refused: 16.05 or 16.50?), "24.00" and "16.60" are
# refused. Case and spaces do not matter.

MAX_TYPED = 60  # characters: longer text is no date or time


class DateTextError(ValueError):
    """Text that is no date or time; the message says why, in Danish, to the secretary."""


_RELATIVE_DAYS = {
    "i dag": 0,
    "idag": 0,
    "i morgen": 1,
    "imorgen": 1,
    "i overmorgen": 2,
    "i går": -1,
    "igår": -1,
    "i forgårs": -2,
}
_WEEKDAY = r"(?P<weekday>(?:man|tir|ons|tor|fre|lør|søn)[a-zæøå]*)\.?"
_WEEKDAY_ONLY = re.compile(rf"(?:(?:på|næste) )?{_WEEKDAY}")
_DAY_NAMED = re.compile(rf"(?:{_WEEKDAY} )?(?:(?:den|d\.) ?)?(?P<rest>[0-9].*)")
_NUMERIC = re.compile(
    r"(?P<day>[0-9]{1,2}) ?[./-] ?(?P<month>[0-9]{1,2})(?:(?: ?[./-] ?| )(?P<year>[0-9]+))? ?\.?"
)
_ISO = re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})")
_MONTH_NAMED = re.compile(
    r"(?P<day>[0-9]{1,2})\.? ?(?P<month>[a-zæøå]{3,})\.?(?: ?(?P<year>[0-9]+))?"
)
_CLOCK_WORD = re.compile(r"(?:klokken|kl\.?) ?(?P<rest>.*)")
_HOURS = re.compile(r"(?P<hour>[0-9]{1,2})\.?")
_HOURS_MINUTES = re.compile(r"(?P<hour>[0-9]{1,2})(?: ?[.:,] ?| )(?P<minute>[0-9]{2})")
_RUN_TOGETHER = re.compile(r"(?P<hour>[0-9]{1,2})(?P<minute>[0-9]{2})")
_ONE_DIGIT_MINUTE = re.compile(r"[0-9]{1,2} ?[.:,] ?[0-9]")


def parse_date(text: str, today: dt.date) -> dt.date:
    """The date `text` means, typed the Danish way (see above); DateTextError if none."""
    typed = _typed(text)
    if not typed:
        raise DateTextError("Skriv en dato, fx 8.4.2025")
    for reader in (_relative_day, _weekday_ahead, _date_written_out):
        day = reader(typed, today)
        if day is not None:
            return day
    raise DateTextError(f'Forstår ikke "{_quoted(text)}" som en dato (skriv fx 8.4.2025)')


def parse_time(text: str) -> dt.time:
    """The time of day `text` means, typed the Danish way (see above); DateTextError if none."""
    typed = _typed(text)
    after_word = _CLOCK_WORD.fullmatch(typed)
    typed = after_word["rest"] if after_word else typed
    if not typed:
        raise DateTextError("Skriv et klokkeslæt, fx 16.00")
    if _ONE_DIGIT_MINUTE.fullmatch(typed):
        raise DateTextError("Skriv minutterne med to cifre, fx 16.05 eller 16.50")
    for pattern in (_HOURS, _HOURS_MINUTES, _RUN_TOGETHER):
        match = pattern.fullmatch(typed)
        if match:
            minute = match.groupdict().get("minute") or "0"
            return _time_of_day(int(match["hour"]), int(minute), text)
    raise DateTextError(f'Forstår ikke "{_quoted(text)}" som et klokkeslæt (skriv fx 16.00)')


def _typed(text: str) -> str:
    """Lower case, one space between words, nothing at the ends; "" for text too long."""
    return " ".join(text.lower().split()) if len(text) <= MAX_TYPED else "?"


def _quoted(text: str) -> str:
    shown = "".join(char for char in " ".join(text.split()) if char.isprintable())
    return shown if len(shown) <= 20 else shown[:19] + "…"


def _relative_day(typed: str, today: dt.date) -> dt.date | None:
    days = _RELATIVE_DAYS.get(typed)
    return None if days is None else today + dt.timedelta(days=days)


def _weekday_ahead(typed: str, today: dt.date) -> dt.date | None:
    """The next such weekday after today."""
    match = _WEEKDAY_ONLY.fullmatch(typed)
    weekday = _weekday_number(match["weekday"]) if match else None
    if weekday is None:
        return None
    return today + dt.timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def _weekday_number(word: str) -> int | None:
    """0 for "mandag" or "man", …; None for a word that is no weekday."""
    if len(word) < 3:
        return None
    found = [number for number, name in enumerate(WEEKDAYS) if name.startswith(word)]
    return found[0] if len(found) == 1 else None


def _date_written_out(typed: str, today: dt.date) -> dt.date | None:
    match = _DAY_NAMED.fullmatch(typed)
    if match is None or (match["weekday"] and _weekday_number(match["weekday"]) is None):
        return None
    rest = match["rest"]
    for pattern in (_ISO, _NUMERIC, _MONTH_NAMED):
        found = pattern.fullmatch(rest)
        if found:
            return _calendar_date(found, today, typed)
    return None


def _calendar_date(found: re.Match[str], today: dt.date, typed: str) -> dt.date:
    month = _month_number(found["month"])
    if month is None:
        raise DateTextError(f'Kender ikke måneden "{_quoted(found["month"])}" (skriv fx april)')
    year = _full_year(found["year"], today)
    try:
        return dt.date(year, month, int(found["day"]))
    except ValueError:
        raise DateTextError(f'Datoen "{_quoted(typed)}" findes ikke') from None


def _month_number(written: str) -> int | None:
    """1 to 12 for "4", "04", "april", "apr" or "sept"; 0 for a number that is no month;
    None for a word that is no month."""
    if written.isdigit():
        return int(written)
    found = [number for number, name in enumerate(MONTHS, 1) if name.startswith(written)]
    return found[0] if len(found) == 1 else None


def _full_year(written: str | None, today: dt.date) -> int:
    if written is None:
        return today.year
    if len(written) == 2:
        return 2000 + int(written)
    if len(written) == 4:
        return int(written)
    raise DateTextError(f'Skriv året med to eller fire cifre, ikke "{_quoted(written)}"')


def _time_of_day(hour: int, minute: int, text: str) -> dt.time:
    if hour > 23 or minute > 59:
        raise DateTextError(f'Klokkeslættet "{_quoted(text)}" findes ikke (skriv 00.00-23.59)')
    return dt.time(hour, minute)
