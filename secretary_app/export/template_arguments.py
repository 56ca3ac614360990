"""The arguments that make one filter, method, operator or format build a huge text at once.

`'x'|center(2**62)`, `indent(10**9)`, `'%0999999999d'|format(1)`, `'x'.ljust(N)`,
`'{:>N}'.format()` and `'x' * N` each ask for one enormous result. Widths, precisions and counts
are refused above the limit, and repetitions (`*`, replace, join, indent, wordwrap, `%`) are
sized before they are built, so the result is refused without being made.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence, Sized
from typing import Any

from secretary_app.export.template_limits import RenderGuard, weight

Arguments = tuple[Any, ...]
Keywords = Mapping[str, Any]

# Filters with a width, precision or count: name -> (keyword, position after the value).
FILTER_WIDTHS: dict[str, tuple[tuple[str, int], ...]] = {
    "center": (("width", 0),),
    "indent": (("width", 0),),
    "truncate": (("length", 0), ("leeway", 3)),
    "wordwrap": (("width", 0),),
    "round": (("precision", 0),),
    "batch": (("linecount", 0),),
    "slice": (("slices", 0),),
    "tojson": (("indent", 0),),
}
# Methods of text, bytes and numbers with a width: name -> its keyword (it comes first).
METHOD_WIDTHS = {
    "center": "width",
    "ljust": "width",
    "rjust": "width",
    "zfill": "width",
    "expandtabs": "tabsize",
    "to_bytes": "length",
}
_REPEATABLE = (str, bytes, list, tuple)
_PERCENT_FIELD = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?[a-zA-Z%]")
_DIGITS = re.compile(r"\d+")
_LONGEST_NUMBER = 15  # digits; longer numbers are "over a billion" and refused anyway


def argument(args: Arguments, kwargs: Keywords, keyword: str, position: int) -> Any:
    """The argument given by `keyword` or at `position`; None when not given."""
    if keyword in kwargs:
        return kwargs[keyword]
    return args[position] if len(args) > position else None


# --- filters -------------------------------------------------------------------------------


def check_filter(
    guard: RenderGuard, name: str, value: Any, args: Arguments, kwargs: Keywords
) -> Any:
    """Refuse a filter call that would build too much; the value to filter (a list, not a
    one-time iterator, when it had to be counted)."""
    for given in (value, *args, *kwargs.values()):
        guard.size(given)
    for keyword, position in FILTER_WIDTHS.get(name, ()):
        width = argument(args, kwargs, keyword, position)
        if not isinstance(width, str):
            guard.width(width)
    sizer = _FILTER_SIZERS.get(name)
    return value if sizer is None else sizer(guard, value, args, kwargs)


def _replace_filter(guard: RenderGuard, value: Any, args: Arguments, kwargs: Keywords) -> Any:
    old, new, count = (argument(args, kwargs, key, n) for n, key in enumerate(_REPLACE_KEYS))
    guard.planned(replaced_size(str(value), str(old), str(new), count))
    return value


_REPLACE_KEYS = ("old", "new", "count")


def _join_filter(guard: RenderGuard, value: Any, args: Arguments, kwargs: Keywords) -> Any:
    separator = argument(args, kwargs, "d", 0)
    return joined(guard, "" if separator is None else str(separator), value)


def _indent_filter(guard: RenderGuard, value: Any, args: Arguments, kwargs: Keywords) -> Any:
    width = argument(args, kwargs, "width", 0)
    prefix = len(width) if isinstance(width, str) else width if isinstance(width, int) else 4
    text = str(value)
    guard.planned(len(text) + (text.count("\n") + 1) * max(prefix, 0))
    return value


def _wordwrap_filter(guard: RenderGuard, value: Any, args: Arguments, kwargs: Keywords) -> Any:
    width = argument(args, kwargs, "width", 0)
    wrap = argument(args, kwargs, "wrapstring", 2)
    text = str(value)
    per_line = width if isinstance(width, int) and width > 0 else 79
    lines = len(text) // per_line + len(text.split()) + 1
    guard.planned(len(text) + lines * len("\n" if wrap is None else str(wrap)))
    return value


def _format_filter(guard: RenderGuard, value: Any, args: Arguments, kwargs: Keywords) -> Any:
    check_percent(guard, str(value), kwargs or args)
    return value


Sizer = Callable[[RenderGuard, Any, Arguments, Keywords], Any]
_FILTER_SIZERS: dict[str, Sizer] = {
    "replace": _replace_filter,
    "join": _join_filter,
    "indent": _indent_filter,
    "wordwrap": _wordwrap_filter,
    "format": _format_filter,
}


# --- methods and operators -----------------------------------------------------------------


def check_call(guard: RenderGuard, func: Any, args: Arguments, kwargs: Keywords) -> Arguments:
    """Refuse a call that would build too much; its arguments (an iterator counted into a list)."""
    for given in (*args, *kwargs.values()):
        guard.size(given)
    owner = getattr(func, "__self__", None)
    if not isinstance(owner, str | bytes | bytearray | int):
        return args
    name = getattr(func, "__name__", "")
    if name in METHOD_WIDTHS:
        guard.width(argument(args, kwargs, METHOD_WIDTHS[name], 0))
    elif name == "replace" and len(args) >= 2:
        count = argument(args, kwargs, "count", 2)
        guard.planned(replaced_size(owner, args[0], args[1], count))
    elif name == "join" and args and isinstance(owner, str | bytes):
        return (joined(guard, owner, args[0]), *args[1:])
    return args


def check_operation(guard: RenderGuard, operator: str, left: Any, right: Any) -> None:
    """Refuse `left <operator> right` when its result would be too big to build."""
    if operator == "*":
        for sequence, count in ((left, right), (right, left)):
            if isinstance(sequence, _REPEATABLE) and isinstance(count, int) and count > 0:
                guard.planned(weight(sequence, guard.limits.value) * count)
    elif operator == "**":
        _check_power(guard, left, right)
    elif operator == "%" and isinstance(left, str | bytes):
        text = left if isinstance(left, str) else left.decode("latin-1")
        check_percent(guard, text, right)


def _check_power(guard: RenderGuard, base: Any, exponent: Any) -> None:
    if not (isinstance(base, int) and isinstance(exponent, int)) or exponent <= 0:
        return
    if abs(base) > 1 and base.bit_length() * exponent > guard.limits.digits * 3.33:
        guard.too_many_digits()


def replaced_size(text: Any, old: Any, new: Any, count: Any) -> int:
    """The length of text.replace(old, new, count), without making it."""
    found = len(text) + 1 if len(old) == 0 else text.count(old)
    if isinstance(count, int) and count >= 0:
        found = min(found, count)
    return int(len(text) + found * (len(new) - len(old)))


def joined(guard: RenderGuard, separator: str | bytes, items: Any) -> Any:
    """`items` (counted into a list when it is an iterator) if joining them is not too long."""
    if not isinstance(items, Sized):
        items = list(guard.counted(items))
    guard.planned(weight(items, guard.limits.value) + len(separator) * len(items))
    return items


# --- formats -------------------------------------------------------------------------------


def check_percent(guard: RenderGuard, text: str, values: Any) -> None:
    """`text % values`: widths and precisions within the limit, and the result not too long."""
    planned = len(text) + weight(values, guard.limits.value)
    from_values = False
    for field in _PERCENT_FIELD.finditer(text):
        for number in field.groups():
            if number == "*":
                from_values = True
            elif number:
                planned += _width(guard, number)
    if from_values:
        given = values if isinstance(values, Sequence) and not isinstance(values, str) else ()
        for value in given:
            guard.width(value)
            planned += value if isinstance(value, int) else 0
    guard.planned(planned)


def check_format_spec(guard: RenderGuard, spec: str) -> int:
    """A field's format spec ("{:>10.2f}"): its numbers within the limit; their sum."""
    return sum(_width(guard, number) for number in _DIGITS.findall(spec))


def _width(guard: RenderGuard, digits: str) -> int:
    number = int(digits) if len(digits) <= _LONGEST_NUMBER else 10**_LONGEST_NUMBER
    guard.width(number)
    return number
