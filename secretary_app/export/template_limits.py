"""How much a template may do while its placeholders are filled in: time, work, sizes and widths.

A template is untrusted: it may loop, repeat and pad text until the program hangs or runs out of
memory. The sandbox (export.template_sandbox) asks a RenderGuard at every loop round, call,
filter, operator and piece of output, and the guard stops the render with LimitExceeded, whose
message says in Danish what was too much. Nothing is stopped from outside (no threads, no
signals): the guard checks the clock itself, so it works the same on Windows.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from jinja2.exceptions import SecurityError
from jinja2.sandbox import MAX_RANGE

T = TypeVar("T")
_BITS_PER_DIGIT = 3.33  # log2(10), rounded up a little
_EMPTY: dict[object, object] = {}
# What prints everything it holds (dict views too); concrete types: isinstance on ABCs is slow.
_VIEWS = (type(_EMPTY.keys()), type(_EMPTY.values()), type(_EMPTY.items()))
_CONTAINERS = (list, tuple, set, frozenset, dict, *_VIEWS)
_SHOWN_MAX = 10**12


@dataclass(frozen=True)
class RenderLimits:
    """The limits of one export (or one check), its trial renders included."""

    seconds: float = 10.0  # time, in all
    steps: int = 1_000_000  # loop rounds and calls, in all
    range: int = MAX_RANGE  # numbers in one range(): 100,000
    value: int = 100_000  # characters (or elements) of one value a template builds
    built: int = 10_000_000  # characters of all the values a template builds, in all
    growth: int = 1_000_000  # characters a template adds to its own text, in all
    width: int = 1_000  # a width, precision or count given to a filter or a format
    digits: int = 4_000  # digits of a number


class LimitExceeded(SecurityError):
    """A template went over a limit; `reason` says what, in Danish, after "Skabelonen …"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class BudgetExhausted(LimitExceeded):
    """A limit of the whole export (time, steps, characters) is used up: nothing more renders."""


def danish_number(number: float) -> str:
    """1000000 -> "1.000.000" (Danish thousands separator)."""
    return f"{number:,.0f}".replace(",", ".")


def weight(value: object, limit: int) -> int:
    """About how many characters `value` is as text; anything over `limit` counts as limit + 1.

    Containers are counted with everything in them, as often as it is in them: a list that
    holds the same long text twice prints it twice.
    """
    if not isinstance(value, _CONTAINERS):
        return min(_own_weight(value), limit + 1)
    total = 0
    pending: list[object] = [value]
    while pending and total <= limit:
        item = pending.pop()
        total += _own_weight(item)
        if isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, _CONTAINERS):
            pending.extend(item)
    return min(total, limit + 1)


def _own_weight(item: object) -> int:
    if isinstance(item, str | bytes | bytearray):
        return len(item)
    if isinstance(item, int):
        return int(item.bit_length() / _BITS_PER_DIGIT) + 1
    return 1


class RenderGuard:
    """The counters of one export, and the checks the sandbox calls."""

    def __init__(self, limits: RenderLimits) -> None:
        self.limits = limits
        self.deadline = time.monotonic() + limits.seconds
        self.steps = 0
        self.built = 0
        self.growth = 0
        self.part_source = 0
        self.allowed_output = limits.growth

    # --- time and work -------------------------------------------------------------------

    def tick(self) -> None:
        """One loop round or call: within the steps and the time of the export, or refused."""
        self.steps += 1
        if self.steps > self.limits.steps:
            steps = danish_number(self.limits.steps)
            raise BudgetExhausted(f"gennemløber løkker og kald mere end {steps} gange")
        if time.monotonic() > self.deadline:
            seconds = f"{self.limits.seconds:g}".replace(".", ",")
            raise BudgetExhausted(f"bruger mere end {seconds} sekunder")

    def counted(self, iterable: Iterable[T]) -> Iterator[T]:
        """`iterable`, each round counted (every {% for %} loops through this)."""
        for item in iterable:
            self.tick()
            yield item

    def range(self, *args: int) -> range:
        """range(), refused above the limit (Jinja's own says so in English)."""
        numbers = range(*args)
        try:
            count = len(numbers)
        except OverflowError:
            count = self.limits.range + 1
        if count > self.limits.range:
            limit = danish_number(self.limits.range)
            raise LimitExceeded(f"beder om en talrække (range) med mere end {limit} tal")
        return numbers

    # --- sizes ---------------------------------------------------------------------------

    def made(self, value: T) -> T:
        """`value`, a result the template built: within the size of one value, and counted."""
        size = self.size(value)
        self.built += size
        if self.built > self.limits.built:
            built = danish_number(self.limits.built)
            raise BudgetExhausted(f"bygger mere end {built} tegn i alt")
        return value

    def size(self, value: object) -> int:
        """The weight of `value`, if it is within the limits of one value; else refused."""
        if isinstance(value, str):  # the usual case, first
            if len(value) > self.limits.value:
                self.too_big()
            return len(value)
        if isinstance(value, int) and value.bit_length() > self.limits.digits * _BITS_PER_DIGIT:
            self.too_many_digits()
        size = weight(value, self.limits.value)
        if size > self.limits.value:
            self.too_big()
        return size

    def too_big(self) -> None:
        limit = danish_number(self.limits.value)
        raise LimitExceeded(f"bygger en tekst eller liste på mere end {limit} tegn")

    def too_many_digits(self) -> None:
        digits = danish_number(self.limits.digits)
        raise LimitExceeded(f"regner med et tal på mere end {digits} cifre")

    def planned(self, size: int) -> None:
        """Refuse a result of `size` characters before it is built."""
        if size > self.limits.value:
            self.too_big()

    def width(self, value: object) -> None:
        """A width, precision or count: refused above the limit."""
        if isinstance(value, bool) or not isinstance(value, int | float):
            return
        if abs(value) > self.limits.width:
            shown = str(value) if abs(value) < _SHOWN_MAX else f"over {danish_number(_SHOWN_MAX)}"
            limit = danish_number(self.limits.width)
            raise LimitExceeded(f"beder om en bredde eller et antal på {shown} (højst {limit})")

    def finalize(self, value: T) -> T:
        """Every {{ … }} passes here before it becomes text: no huge list is printed, and what
        is printed counts as built (escaping copies it, even into a {% set %} block)."""
        return self.made(value)

    # --- output --------------------------------------------------------------------------

    def start_part(self, source_chars: int) -> None:
        """A part of the template starts rendering: it may add what is left of the growth."""
        self.allowed_output = source_chars + max(0, self.limits.growth - self.growth)
        self.part_source = source_chars

    def end_part(self, rendered_chars: int) -> None:
        self.growth += max(0, rendered_chars - self.part_source)

    def concat(self, pieces: Iterable[str]) -> str:
        """The pieces joined; refused as soon as the text grows more than the part may."""
        kept: list[str] = []
        size = 0
        for piece in pieces:
            size += len(piece)
            if size > self.allowed_output:
                growth = danish_number(self.limits.growth)
                raise BudgetExhausted(f"gør dokumentet mere end {growth} tegn længere")
            kept.append(piece)
        return "".join(kept)
