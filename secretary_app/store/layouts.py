"""Item layouts in the archive: each committee's, the saved ones, and the default for new ones.

A committee's layout is kept with it (`committees.layout`). Its meetings follow it — all but
approved minutes, which keep the layout they were approved in, read from their approval's
snapshot. Changing a committee's layout keeps every word: texts stay under their section key,
a removed section's text is moved into another section (`change`), and nothing is removed that
still holds text in minutes not yet approved unless it is moved.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from secretary_app.core.item_layout import (
    BUILT_IN_LAYOUTS,
    DEFAULT_LAYOUT,
    ItemLayout,
    Section,
    key_for_label,
)
from secretary_app.core.json_reader import FieldError
from secretary_app.core.layout_format import layout_from_text, layout_text, layout_to_json
from secretary_app.core.rich_text import join_markdown
from secretary_app.store.database import Database

DEFAULT_KEY = "item_layout"  # in settings: the layout new committees start with

# The items of a committee's meetings not yet approved: the ones a layout change reaches.
_OPEN_ITEMS = """
SELECT i.id FROM items i JOIN meetings m ON m.id = i.meeting_id
WHERE m.committee_id = ? AND NOT EXISTS (SELECT 1 FROM approvals a WHERE a.meeting_id = m.id)
"""
# A text with more than blanks and line breaks in it (as Python's str.strip() sees it).
_HAS_TEXT = "trim({t}, char(32, 9, 10, 13, 160, 8239)) != ''"
_OPEN_ITEMS_ANYWHERE = """
SELECT i.id FROM items i
WHERE NOT EXISTS (SELECT 1 FROM approvals a WHERE a.meeting_id = i.meeting_id)
"""


class LayoutInUse(LookupError):
    """Sections that would be removed while they hold text: key and how many items each."""

    def __init__(self, texts: dict[str, int], layout: ItemLayout) -> None:
        counts = ", ".join(f"«{_name(layout, key)}» ({count})" for key, count in texts.items())
        super().__init__(f"afsnit med tekst ville forsvinde: {counts}; flyt teksten først")
        self.texts = texts


@dataclass
class LayoutChange:
    """One committee's layout as it was before a change, with the texts the change touched."""

    committee_id: int
    layout: ItemLayout
    texts: SectionTexts


@dataclass
class SectionTexts:
    """What a layout change touched: the texts of these sections as they were, per item."""

    keys: list[str] = field(default_factory=list)
    rows: list[tuple[int, str, str]] = field(default_factory=list)  # item id, key, text


class LayoutStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    # Reading

    def of_committee(self, committee_id: int) -> ItemLayout:
        text = self.db.value("SELECT layout FROM committees WHERE id = ?", [committee_id])
        return _read(text, self.default())

    def of_meeting(self, meeting_id: int) -> ItemLayout:
        """The meeting's layout: its committee's, or the one its minutes were approved in."""
        sql = "SELECT snapshot FROM approvals WHERE meeting_id = ?"
        snapshot = self.db.value(sql, [meeting_id])
        if snapshot is not None:
            from secretary_app.core.exchange import layout_of_dump  # approved minutes only

            return layout_of_dump(json.loads(snapshot))
        committee_id = self.db.value("SELECT committee_id FROM meetings WHERE id = ?", [meeting_id])
        if committee_id is None:
            raise KeyError(f"meetings {meeting_id}")
        return self.of_committee(int(committee_id))

    def default(self) -> ItemLayout:
        text = self.db.value("SELECT value FROM settings WHERE key = ?", [DEFAULT_KEY])
        return _read(text, DEFAULT_LAYOUT)

    def saved(self) -> dict[str, ItemLayout]:
        """The saved layouts by key; one that cannot be read (edited by hand) is left out."""
        rows = self.db.iter_rows("SELECT key, definition FROM saved_layouts ORDER BY key")
        found: dict[str, ItemLayout] = {}
        for row in rows:
            try:
                found[row["key"]] = layout_from_text(row["definition"])
            except FieldError:
                continue
        return found

    def known(self) -> dict[str, ItemLayout]:
        """Every layout that can be chosen by key: the built-in ones, then the saved ones (a
        saved one under a built-in's key, made by hand, does not replace it)."""
        saved = {key: layout for key, layout in self.saved().items() if key not in BUILT_IN_LAYOUTS}
        return {**BUILT_IN_LAYOUTS, **saved}

    # Writing

    def set_default(self, layout: ItemLayout) -> None:
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [DEFAULT_KEY, layout_text(layout)],
            )

    def set_of_committee(self, committee_id: int, layout: ItemLayout) -> None:
        """Set a committee's layout as it is; for one with no meetings yet (see `change`)."""
        self._store(committee_id, layout_text(layout))

    def _store(self, committee_id: int, text: str) -> None:
        with self.db.atomic():
            sql = "UPDATE committees SET layout = ? WHERE id = ?"
            self.db.execute(sql, [text, committee_id])

    def save(self, layout: ItemLayout, key: str | None = None) -> str:
        """Keep the layout under its key (made from its name when None); the key."""
        taken = set(self.known()) - ({key} if key else set())
        key = key or key_for_label(layout.name, taken)
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO saved_layouts(key, definition) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET definition = excluded.definition",
                [key, layout_text(layout)],
            )
        return key

    def delete_saved(self, key: str) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM saved_layouts WHERE key = ?", [key])

    # Changing a committee's layout

    def texts_in(self, committee_id: int | None, keys: Iterable[str]) -> dict[str, int]:
        """How many items of the committee's unapproved meetings (None: any committee's) hold
        text in each section."""
        items = _OPEN_ITEMS if committee_id is not None else _OPEN_ITEMS_ANYWHERE
        found: dict[str, int] = {}
        for key in keys:
            count = self.db.value(
                f"SELECT count(*) FROM item_sections WHERE key = ? AND {_HAS_TEXT.format(t='text')}"
                f" AND item_id IN ({items})",
                [key] if committee_id is None else [key, committee_id],
            )
            if count:
                found[key] = int(count)
        return found

    def use_everywhere(self, layout: ItemLayout, moves: Mapping[str, str]) -> list[LayoutChange]:
        """Every committee gets `layout` (see `change`), and new ones start with it; in one
        transaction. What each committee had, to put it back (`restore_everywhere`)."""
        changes: list[LayoutChange] = []
        with self.db.atomic():
            for committee_id in self._committee_ids():
                old = self.of_committee(committee_id)
                if old != layout:
                    texts = self.change(committee_id, layout, moves)
                    changes.append(LayoutChange(committee_id, old, texts))
            self.set_default(layout)
        return changes

    def restore_everywhere(self, changes: list[LayoutChange], default: ItemLayout) -> None:
        with self.db.atomic():
            for change in reversed(changes):
                self.restore(change.committee_id, change.layout, change.texts)
            self.set_default(default)

    def _committee_ids(self) -> list[int]:
        return [int(row["id"]) for row in self.db.iter_rows("SELECT id FROM committees")]

    def stranded(
        self, committee_id: int, layout: ItemLayout, moves: Mapping[str, str]
    ) -> dict[str, int]:
        """The sections `layout` would remove from the committee's while they hold text and
        `moves` gives them nowhere to go: key and how many items."""
        old = self.of_committee(committee_id)
        moves = _with_history_moved(old, layout, moves)
        removed = [key for key in old.section_keys() if layout.section(key) is None]
        return self.texts_in(committee_id, [key for key in removed if key not in moves])

    def change(
        self, committee_id: int, layout: ItemLayout, moves: Mapping[str, str] | None = None
    ) -> SectionTexts:
        """Give the committee `layout`; the texts of removed sections go where `moves` says
        (old key -> new key), added after any text already there; a history section's text goes
        into the new layout's history section. LayoutInUse, and nothing changed, when a removed
        section holds text and has nowhere to go. The returned texts put everything back
        (`restore`)."""
        old = self.of_committee(committee_id)
        moves = _with_history_moved(old, layout, moves or {})
        removed = [key for key in old.section_keys() if layout.section(key) is None]
        with self.db.atomic():
            stranded = self.texts_in(committee_id, [k for k in removed if k not in moves])
            if stranded:
                raise LayoutInUse(stranded, old)
            touched = removed + [moves[k] for k in removed if k in moves]
            before = self._texts(committee_id, touched)
            self._store(committee_id, _both(old, layout))  # the audit log names every section
            for source in removed:
                if source in moves:
                    self._move(committee_id, source, moves[source])
            self._delete(committee_id, removed)
            self.set_of_committee(committee_id, layout)
        return before

    def restore(self, committee_id: int, layout: ItemLayout, before: SectionTexts) -> None:
        """Undo `change`: the old layout, and the touched sections' texts as they were."""
        with self.db.atomic():
            self._store(committee_id, _both(self.of_committee(committee_id), layout))
            self._delete(committee_id, before.keys)
            for item_id, key, text in before.rows:
                self.db.execute(
                    "INSERT INTO item_sections (item_id, key, text) VALUES (?, ?, ?)",
                    [item_id, key, text],
                )
            self.set_of_committee(committee_id, layout)

    def _texts(self, committee_id: int, keys: list[str]) -> SectionTexts:
        rows = self.db.iter_rows(
            f"SELECT item_id, key, text FROM item_sections WHERE item_id IN ({_OPEN_ITEMS})"
            " ORDER BY item_id, key",
            [committee_id],
        )
        kept = [(row["item_id"], row["key"], row["text"]) for row in rows if row["key"] in keys]
        return SectionTexts(list(dict.fromkeys(keys)), kept)

    def _move(self, committee_id: int, source: str, target: str) -> None:
        rows = self.db.rows(
            f"SELECT s.item_id, s.text, t.text AS there FROM item_sections s"
            f" LEFT JOIN item_sections t ON t.item_id = s.item_id AND t.key = ?"
            f" WHERE s.key = ? AND {_HAS_TEXT.format(t='s.text')} AND s.item_id IN ({_OPEN_ITEMS})",
            [target, source, committee_id],
        )
        for row in rows:
            self.db.execute(
                "INSERT INTO item_sections (item_id, key, text) VALUES (?, ?, ?) "
                "ON CONFLICT(item_id, key) DO UPDATE SET text = excluded.text",
                [row["item_id"], target, join_markdown(row["there"] or "", row["text"])],
            )

    def _delete(self, committee_id: int, keys: list[str]) -> None:
        for key in keys:
            self.db.execute(
                f"DELETE FROM item_sections WHERE key = ? AND item_id IN ({_OPEN_ITEMS})",
                [key, committee_id],
            )


def _both(first: ItemLayout, second: ItemLayout) -> str:
    """Both layouts' sections in one stored layout, for the moment a change moves texts from
    the one to the other: the audit triggers find every section's label in it."""
    sections = [*first.sections]
    sections += [s for s in second.sections if first.section(s.key) is None]
    data = layout_to_json(first) | {"sections": [_section_json(s) for s in sections]}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _section_json(section: Section) -> dict[str, object]:
    return {"key": section.key, "label": section.label}


def _with_history_moved(
    old: ItemLayout, new: ItemLayout, moves: Mapping[str, str]
) -> dict[str, str]:
    moved = {key: target for key, target in moves.items() if new.section(target) is not None}
    if old.history is not None and new.history is not None and new.section(old.history.key) is None:
        moved.setdefault(old.history.key, new.history.key)
    return moved


def _name(layout: ItemLayout, key: str) -> str:
    section = layout.section(key)
    return section.name if section else key


def _read(text: object, fallback: ItemLayout) -> ItemLayout:
    """A stored layout; `fallback` where none is stored or it cannot be read (edited by hand)."""
    if not isinstance(text, str) or not text:
        return fallback
    try:
        return layout_from_text(text)
    except FieldError:
        return fallback
