"""Turning the core's dataclasses into table rows and back."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import types
import typing
from typing import Any, TypeVar

T = TypeVar("T")


def to_row(obj: Any) -> dict[str, Any]:
    """A dataclass as a row; the id is left out while it is None."""
    row = {f.name: sql_value(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if row.get("id") is None:
        row.pop("id", None)
    return row


def from_row(cls: type[T], row: dict[str, Any]) -> T:
    fields = _field_types(cls)  # type: ignore[arg-type]  # classes are hashable
    values = {name: _from_sql(kind, row[name]) for name, kind in fields.items() if name in row}
    return cls(**values)


@functools.cache
def _field_types(cls: type[Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    return {f.name: _non_optional(hints[f.name]) for f in dataclasses.fields(cls)}


def sql_value(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _from_sql(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    kind = hint
    if kind is bool:
        return bool(value)
    if kind is dt.date:
        return dt.date.fromisoformat(value)
    if kind is dt.time:
        return dt.time.fromisoformat(value)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind(value)
    return value


def _non_optional(hint: Any) -> Any:
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0] if len(args) == 1 else hint
    return hint
