"""Reading decoded JSON strictly, with the path of every value for error messages.

`ObjectReader` wraps one JSON object: each accessor checks the type of one field, cleans text at
the boundary (core.text) and raises `FieldError` naming the field ("items[1].title") and what is
wrong with it, in Danish. The exchange format and item layouts are read through it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from enum import StrEnum
from typing import TypeVar

from secretary_app.core.text import MAX_LINE, clean_text, one_line, visible

_E = TypeVar("_E", bound=StrEnum)
_T = TypeVar("_T")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME = re.compile(r"[0-9]{2}:[0-9]{2}")
_DATE_MEANS = "en gyldig dato (ÅÅÅÅ-MM-DD)"
_TIME_MEANS = "et gyldigt klokkeslæt (TT:MM)"
_SHOWN_MAX = 40
_DIGITS_MAX = 100  # of an integer read as one


class FieldError(ValueError):
    """A value that does not follow the format: where (`field`) and what is wrong (Danish)."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}" if field else problem)


def decode(text: str) -> object:
    """JSON text as Python values; an object that gives a key twice is kept, marked, so that
    reading it names the field (`ObjectReader`) instead of silently keeping the last value. So
    is a number too long to be one (Python refuses to read more than 4,300 digits)."""
    return json.loads(text, object_pairs_hook=_object, parse_int=_integer)


class LongNumber:
    """An integer with more digits than any field may hold, kept as its text."""

    def __init__(self, digits: str) -> None:
        self.digits = digits

    @property
    def negative(self) -> bool:
        return self.digits.startswith("-")

    def __repr__(self) -> str:
        return f"{self.digits[: _SHOWN_MAX // 2]}… ({len(self.digits.lstrip('-'))} cifre)"


def _integer(text: str) -> int | LongNumber:
    return int(text) if len(text) <= _DIGITS_MAX else LongNumber(text)


class _RepeatedKey(dict[str, object]):
    def __init__(self, pairs: list[tuple[str, object]], key: str) -> None:
        super().__init__(pairs)
        self.key = key


def _object(pairs: list[tuple[str, object]]) -> dict[str, object]:
    seen: set[str] = set()
    for key, _value in pairs:
        if key in seen:
            return _RepeatedKey(pairs, key)
        seen.add(key)
    return dict(pairs)


class ObjectReader:
    """A JSON object being read, with its path for error messages."""

    def __init__(self, data: object, path: str, allowed: tuple[str, ...] = ()) -> None:
        if not isinstance(data, dict):
            problem = f"skal være et objekt ({{…}}), ikke {shown_value(data)}"
            raise FieldError(path, problem if path else "dokumentet " + problem)
        self.path = path
        if isinstance(data, _RepeatedKey):
            raise FieldError(self.at(_shown_key(data.key)), "står to gange i samme objekt")
        self._data: dict[object, object] = data
        if allowed:
            self.refuse_unknown(allowed)

    def at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def refuse_unknown(self, allowed: tuple[str, ...]) -> None:
        for key in self._data:
            if key not in allowed:
                known = ", ".join(allowed)
                raise FieldError(self.at(_shown_key(key)), f"ukendt felt (kendte felter: {known})")

    def wrong(self, key: str, expected: str, value: object) -> FieldError:
        return FieldError(self.at(key), f"skal være {expected}, ikke {shown_value(value)}")

    def value(self, key: str, default: object, *, required: bool = False) -> object:
        if required and key not in self._data:
            raise FieldError(self.at(key), "mangler")
        return self._data.get(key, default)

    def has(self, key: str) -> bool:
        return key in self._data

    def raw(self, key: str) -> object:
        return self._data.get(key)

    def child(self, key: str, allowed: tuple[str, ...]) -> ObjectReader:
        return ObjectReader(self.value(key, None, required=True), self.at(key), allowed)

    def optional_child(self, key: str, allowed: tuple[str, ...]) -> ObjectReader:
        return ObjectReader(self.value(key, {}), self.at(key), allowed)

    def entries(self, key: str) -> list[tuple[str, object, int]]:
        """The elements of a list field: (path, value, position) each."""
        values = self.value(key, [])
        if not isinstance(values, list):
            raise self.wrong(key, "en liste ([…])", values)
        return [(f"{self.at(key)}[{i}]", value, i) for i, value in enumerate(values)]

    def string(self, key: str, *, required: bool = False) -> str:
        value = self.value(key, "", required=required)
        if not isinstance(value, str):
            raise self.wrong(key, "en tekst", value)
        return value

    def line(self, key: str, *, required: bool = False) -> str:
        text = _within_a_line(self.at(key), self.string(key, required=required))
        if required and not visible(text):
            raise FieldError(self.at(key), "må ikke være tom")
        return text

    def names(self, key: str) -> list[str]:
        """A list of one-line texts, none of them empty."""
        return [_name(path, value) for path, value, _ in self.entries(key)]

    def text(self, key: str) -> str:
        return clean_text(self.string(key))

    def flag(self, key: str, *, default: bool) -> bool:
        value = self.value(key, default)
        if not isinstance(value, bool):
            raise self.wrong(key, "true eller false", value)
        return value

    def choice(self, key: str, default: _E, *, required: bool = False) -> _E:
        kind = type(default)
        value = self.value(key, default.value, required=required)
        if isinstance(value, str) and value in {member.value for member in kind}:
            return kind(value)
        allowed = ", ".join(member.value for member in kind)
        raise self.wrong(key, f"en af {allowed}", value)

    def count(
        self, key: str, *, minimum: int = 0, maximum: int = 99_999, required: bool = False
    ) -> int | None:
        value = self.value(key, None, required=required)
        if value is None and not required:
            return None
        if isinstance(value, LongNumber):
            bound = f"skal være mindst {minimum}" if value.negative else f"må højst være {maximum}"
            raise FieldError(self.at(key), f"er {value!r}, men {bound}")
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.wrong(key, "et heltal", value)
        if value < minimum:
            raise FieldError(self.at(key), f"er {value}, men skal være mindst {minimum}")
        if value > maximum:
            raise FieldError(self.at(key), f"er {shown_value(value)}, men må højst være {maximum}")
        return value

    def date(self, key: str) -> dt.date:
        text = self.string(key, required=True)
        return self.checked(key, text, _DATE, dt.date.fromisoformat, _DATE_MEANS)

    def time(self, key: str) -> dt.time | None:
        value = self.value(key, None)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.wrong(key, "et klokkeslæt som tekst (TT:MM) eller null", value)
        return self.checked(key, value, _TIME, dt.time.fromisoformat, _TIME_MEANS)

    def checked(
        self, key: str, text: str, form: re.Pattern[str], read: Callable[[str], _T], what: str
    ) -> _T:
        try:
            if form.fullmatch(text):
                return read(text)
        except ValueError:
            pass
        raise FieldError(self.at(key), f"{shown_value(text)} er ikke {what}")


def _within_a_line(path: str, value: str) -> str:
    text = one_line(value)
    if len(text) > MAX_LINE:
        raise FieldError(path, f"er {len(text):,} tegn lang; højst {MAX_LINE}".replace(",", "."))
    return text


def _name(path: str, value: object) -> str:
    if not isinstance(value, str):
        raise FieldError(path, f"skal være en tekst, ikke {shown_value(value)}")
    text = _within_a_line(path, value)
    if not visible(text):
        raise FieldError(path, "må ikke være tom")
    return text


def _shown_key(key: object) -> str:
    name = printable(str(key))
    return name if len(name) <= _SHOWN_MAX else name[:_SHOWN_MAX] + "…"


def shown_value(value: object) -> str:
    """A value as the error message shows it: JSON-like, on one line, not too long."""
    if isinstance(value, dict):
        return "et objekt"
    if isinstance(value, list):
        return "en liste"
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    text = printable(text)
    return text if len(text) <= _SHOWN_MAX else text[: _SHOWN_MAX - 1] + "…"


def printable(text: str) -> str:
    """What shows nothing or breaks the line (U+0085, U+2028, an RTL override, ESC) escaped:
    a message quoting the file's text stays one line and cannot steer the terminal."""
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in text)
