"""An agenda item's fields, defined once: what each is and what follows from it.

An item has fixed fields (below) and the sections of its committee's item layout
(core.item_layout), whose rules follow from their kind (`SECTION_RULES`). The editor, the undo
commands and the store edit a field by its name here; copying to a later meeting and the public
editions follow its flags. Search and the audit log are SQL written once by a migration
(store.migrations, m008): tests hold them to the flags here (searchable, audited).

A section is edited as the field "section:‹key›" (`section_field`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from secretary_app.core import vocabulary
from secretary_app.core.item_layout import ItemLayout
from secretary_app.core.model import Item
from secretary_app.core.rich_text import Paragraph, Span, join_markdown, to_markdown

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


def copied_to_later_meeting(
    item: Item, source: ItemLayout, target: ItemLayout, meeting_id: int
) -> Item:
    """The item as a later meeting gets it: the fields and the sections that are copied, from
    the layout of its meeting (`source`) into the later meeting's (`target`)."""
    copy = Item(meeting_id=meeting_id, title=item.title)
    for field in ITEM_FIELDS:
        if field.copied:
            setattr(copy, field.name, getattr(item, field.name))
    copy.sections = fitted_texts(item, source, target)
    return copy


def fitted_texts(item: Item, source: ItemLayout, target: ItemLayout) -> dict[str, str]:
    """The item's copied texts under `target`'s keys: a section's text under the same key when
    `target` has it, else at the end of `target`'s first text section, after a bold line with
    the section's name, so that no word is left where the later meeting cannot show it."""
    texts: dict[str, str] = {}
    into = target.note_section()
    for section in source.sections:
        text = item.text(section.key)
        if not section.rule.copied or not text.strip():
            continue
        if target.section(section.key) is not None:
            texts[section.key] = join_markdown(texts.get(section.key, ""), text)
        elif into is not None:
            heading = to_markdown((Paragraph((Span(section.name, bold=True),)),))
            named = join_markdown(heading, text)
            texts[into.key] = join_markdown(texts.get(into.key, ""), named)
    return texts
