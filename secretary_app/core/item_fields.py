"""An agenda item's fields, defined once: what each is and what follows from it.

An item has fixed fields (below) and the sections of its committee's item layout
(core.item_layout), whose rules follow from their kind (`SECTION_RULES`). Everything that
handles an item's fields by name — the editor, the undo commands, the store, the exchange
format, search, the audit log, copying to a later meeting, the public editions — asks here.

A section is edited as the field "section:‹key›" (`section_field`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from secretary_app.core import vocabulary
from secretary_app.core.item_layout import SECTION_RULES, ItemLayout, SectionRule
from secretary_app.core.model import Item

SECTION_PREFIX = "section:"


class FieldType(StrEnum):
    LINE = "line"  # one line of text
    FLAG = "flag"
    TIME = "time"
    MINUTES = "minutes"  # a whole number of minutes, or None
    MARKDOWN = "markdown"


@dataclass(frozen=True)
class ItemField:
    name: str
    label: str  # the Danish word the audit log uses
    type: FieldType
    searchable: bool
    audited: bool
    copied: bool  # to a later meeting: an agenda started from this one, a postponed item
    public_when_closed: bool


def _field(name: str, kind: FieldType, *flags: bool) -> ItemField:
    return ItemField(name, vocabulary.ITEM_FIELD_NAMES[name], kind, *flags)


L, F = FieldType.LINE, FieldType.FLAG
#                     name                 type                searchable audited copied public
ITEM_FIELDS: tuple[ItemField, ...] = (
    _field("title", L, True, True, True, False),
    _field("public_title", L, True, True, True, True),
    _field("closed", F, False, True, True, True),
    _field("case_id", L, True, True, True, False),
    _field("presenter", L, False, True, True, False),
    _field("planned_start", FieldType.TIME, False, True, True, False),
    _field("duration_minutes", FieldType.MINUTES, False, True, True, False),
    _field("chair_notes", FieldType.MARKDOWN, False, True, False, False),
)
FIELDS_BY_NAME = {field.name: field for field in ITEM_FIELDS}
FIELD_NAMES = tuple(FIELDS_BY_NAME)
LINE_FIELDS = tuple(field.name for field in ITEM_FIELDS if field.type is FieldType.LINE)


def section_field(key: str) -> str:
    return SECTION_PREFIX + key


def section_key(field: str) -> str | None:
    """The section a field name stands for, or None for a fixed field."""
    return field[len(SECTION_PREFIX) :] if field.startswith(SECTION_PREFIX) else None


def is_editable(field: str) -> bool:
    return field in FIELDS_BY_NAME or bool(section_key(field))


def value_of(item: Item, field: str) -> Any:
    key = section_key(field)
    return item.text(key) if key is not None else getattr(item, field)


def set_value(item: Item, field: str, value: Any) -> None:
    key = section_key(field)
    if key is not None:
        item.sections[key] = value
    elif field in FIELDS_BY_NAME:
        setattr(item, field, value)
    else:
        raise ValueError(f"unknown item field: {field}")


def rule_of(layout: ItemLayout, key: str) -> SectionRule | None:
    section = layout.section(key)
    return SECTION_RULES[section.kind] if section is not None else None


def copied_to_later_meeting(item: Item, layout: ItemLayout, meeting_id: int) -> Item:
    """The item as a later meeting gets it: the fields and sections that are copied."""
    copy = Item(meeting_id=meeting_id, title=item.title)
    for field in ITEM_FIELDS:
        if field.copied:
            setattr(copy, field.name, getattr(item, field.name))
    copy.sections = {
        section.key: item.text(section.key)
        for section in layout.sections
        if section.rule.copied and item.text(section.key)
    }
    return copy
