"""An item layout as JSON: the `committee.layout` object of the exchange format, and the form the
archive keeps a committee's layout in (docs/exchange-format.md, "Item layouts").

    {"name": "Standard", "heading": "{number}. {title}", "case_id_label": "Sagsnr.",
     "open_word": "Åbent", "closed_word": "Lukket", "decision_heading": "",
     "print_empty_sections": [],
     "sections": [{"key": "indstilling", "label": "Indstilling", "kind": "text",
                   "agenda": true, "minutes": true}, …]}

`print_empty_sections` lists the keys of the sections printed with "." when they hold no text;
`true` and `false` are read as all of them and none.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from secretary_app.core.item_layout import (
    MAX_SECTIONS,
    ItemLayout,
    LayoutError,
    Section,
    SectionKind,
    check_layout,
)
from secretary_app.core.json_reader import FieldError, ObjectReader, printable

LAYOUT_FIELDS = (
    "name",
    "heading",
    "case_id_label",
    "open_word",
    "closed_word",
    "decision_heading",
    "print_empty_sections",
    "sections",
)
SECTION_FIELDS = ("key", "label", "kind", "agenda", "minutes")
_REQUIRED = ("name", "heading", "sections")


def layout_to_json(layout: ItemLayout) -> dict[str, object]:
    """The canonical form: every field, in the documented order."""
    return {
        "name": layout.name,
        "heading": layout.heading,
        "case_id_label": layout.case_id_label,
        "open_word": layout.open_word,
        "closed_word": layout.closed_word,
        "decision_heading": layout.decision_heading,
        "print_empty_sections": [key for key in layout.section_keys() if key in layout.print_empty],
        "sections": [_section_to_json(section) for section in layout.sections],
    }


def _section_to_json(section: Section) -> dict[str, object]:
    return {
        "key": section.key,
        "label": section.label,
        "kind": str(section.kind),
        "agenda": section.agenda,
        "minutes": section.minutes,
    }


def layout_text(layout: ItemLayout) -> str:
    """The layout as the archive stores it: compact JSON, keys in the documented order."""
    return json.dumps(layout_to_json(layout), ensure_ascii=False, separators=(",", ":"))


def layout_from_text(text: str) -> ItemLayout:
    """A stored layout; FieldError when it is not one."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise FieldError("layout", "er ikke gyldig JSON") from error
    return read_layout(ObjectReader(data, "layout"))


def read_layout(obj: ObjectReader) -> ItemLayout:
    """A layout object, checked (core.item_layout.check_layout); FieldError names the field."""
    obj.refuse_unknown(LAYOUT_FIELDS)
    for key in _REQUIRED:
        obj.value(key, None, required=True)
    entries = obj.entries("sections")
    if len(entries) > MAX_SECTIONS:  # before reading them: a hostile file may hold millions
        raise FieldError(obj.at("sections"), f"skal have fra 1 til {MAX_SECTIONS} afsnit")
    sections = tuple(_read_section(*entry) for entry in entries)
    layout = ItemLayout(
        name=obj.line("name", required=True),
        sections=sections,
        heading=obj.line("heading", required=True),
        case_id_label=obj.line("case_id_label"),
        open_word=obj.line("open_word") if obj.has("open_word") else "Åben",
        closed_word=obj.line("closed_word") if obj.has("closed_word") else "Lukket",
        decision_heading=obj.line("decision_heading"),
        print_empty=_read_print_empty(obj, [section.key for section in sections]),
    )
    try:
        return check_layout(layout)
    except LayoutError as error:
        raise FieldError(obj.at(error.field), error.problem) from error


def _read_section(path: str, data: object, _position: int) -> Section:
    obj = ObjectReader(data, path, SECTION_FIELDS)
    return Section(
        key=obj.string("key", required=True),
        label=obj.line("label"),
        kind=obj.choice("kind", SectionKind.TEXT),
        agenda=obj.flag("agenda", default=True),
        minutes=obj.flag("minutes", default=True),
    )


def _read_print_empty(obj: ObjectReader, keys: list[str]) -> frozenset[str]:
    value = obj.value("print_empty_sections", False)
    if isinstance(value, bool):
        return frozenset(keys) if value else frozenset()
    return frozenset(obj.names("print_empty_sections"))


def resolve_layout(obj: ObjectReader, key: str, known: Mapping[str, ItemLayout]) -> ItemLayout:
    """`committee.layout` given as the key of a built-in or saved layout."""
    if key not in known:
        names = ", ".join(f'"{k}"' for k in known)
        problem = f'"{printable(key)}" er ikke en kendt punktopbygning ({names})'
        raise FieldError(obj.at("layout"), problem)
    return known[key]
