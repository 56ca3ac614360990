"""Turning the core's dataclasses into table rows and back."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import types
import typing
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    from secretary_app.store.database import Database

T = TypeVar("T")
_PLACE = ("id", "position")  # where a child row is, not what it says


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


class ChildRow(Protocol):
    """A row that belongs to a parent row, in an order (members, attendance, votes …)."""

    id: int | None
    position: int


C = TypeVar("C", bound=ChildRow)


def replace_children(
    db: Database, table: str, parent_column: str, parent_id: int, children: list[C]
) -> list[C]:
    """Make `children` the parent's rows of `table`, in this order.

    A row that says the same as a child stays, at its new place; the others go and the new ones
    come. So the audit log of a sent agenda names what changed: rows added, removed, moved.
    """
    with db.atomic():
        sql = f"SELECT * FROM {table} WHERE {parent_column} = ? ORDER BY position, id"
        unused = db.rows(sql, [parent_id])
        matches: list[dict[str, Any] | None] = []
        for position, child in enumerate(children):
            setattr(child, parent_column, parent_id)
            child.position = position
            match = next((row for row in unused if _same_content(row, to_row(child))), None)
            if match is not None:
                unused.remove(match)
            matches.append(match)
        for row in unused:
            db.execute(f"DELETE FROM {table} WHERE id = ?", [row["id"]])
        for child, match in zip(children, matches, strict=True):
            if match is None:
                child.id = None
                child.id = db.table(table).insert(to_row(child)).last_pk
            else:
                child.id = match["id"]
                if match["position"] != child.position:
                    update = f"UPDATE {table} SET position = ? WHERE id = ?"
                    db.execute(update, [child.position, child.id])
    return children


def _same_content(row: dict[str, Any], new: dict[str, Any]) -> bool:
    return all(row.get(key) == value for key, value in new.items() if key not in _PLACE)
