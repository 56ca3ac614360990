"""An agenda item's layout (*punktopbygning*): the municipality's sections, labels and order.

Every municipality builds its items its own way (shared/reference/layouts.md). A layout is
data, chosen per committee: the heading pattern, the case-ID label, the words for open and
closed, the sections in order with their printed labels, where each appears (agenda, minutes)
and of what kind it is, the decision's sub-heading, and which sections are printed when empty.

The kinds, and what follows from each (one rule, in `SECTION_RULES`):

- *text*: written before the meeting (Resumé, Indstilling, Sagsfremstilling, …);
- *history*: filled from earlier decisions on the same case (Tidligere beslutninger, Sagsforløb);
  at most one per layout;
- *decision*: written at the meeting; exactly one per layout, always under the key
  `beslutning`; the one section of a closed item that the public minutes show.

An item's texts are kept by section key, so a layout can be changed without losing a word.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from secretary_app.core.json_reader import printable
from secretary_app.core.model import DECISION_KEY
from secretary_app.core.text import clean_line

HEADING_FIELDS = ("number", "access", "title")
DECISION_HEADING_FIELDS = ("committee", "date")
MAX_SECTIONS = 30
MAX_LABEL = 80
MAX_PATTERN = 200
_KEY = re.compile(r"[a-z][a-z0-9_]{0,39}")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


class SectionKind(StrEnum):
    TEXT = "text"
    HISTORY = "history"
    DECISION = "decision"


@dataclass(frozen=True)
class SectionRule:
    """What a kind of section means for search, the audit log, copies and publication."""

    searchable: bool
    audited: bool
    copied: bool  # to a later meeting: an agenda started from this one, a postponed item
    public_when_closed: bool


SECTION_RULES: dict[SectionKind, SectionRule] = {
    SectionKind.TEXT: SectionRule(True, True, copied=True, public_when_closed=False),
    SectionKind.HISTORY: SectionRule(True, True, copied=False, public_when_closed=False),
    SectionKind.DECISION: SectionRule(True, True, copied=False, public_when_closed=True),
}


@dataclass(frozen=True)
class Section:
    key: str  # lower-case ASCII word: where the text is kept; never printed
    label: str  # as printed: "Resumé", "Tidligere beslutninger:"; "" prints no label
    kind: SectionKind = SectionKind.TEXT
    agenda: bool = True
    minutes: bool = True

    @property
    def rule(self) -> SectionRule:
        return SECTION_RULES[self.kind]

    @property
    def name(self) -> str:
        """The section as the window and the audit log name it: its label without a closing
        colon, else its key."""
        return clean_line(self.label).rstrip(": ") or self.key

    def shown_in(self, document: str) -> bool:
        """Is the section in the "agenda" or the "minutes"?"""
        return self.agenda if document == "agenda" else self.minutes


@dataclass(frozen=True)
class ItemLayout:
    name: str
    sections: tuple[Section, ...]
    heading: str = "{number} ({access}) {title}"
    case_id_label: str = "Sags ID"
    open_word: str = "Åben"
    closed_word: str = "Lukket"
    decision_heading: str = "{committee} den {date}"  # "" for none
    print_empty: frozenset[str] = frozenset()  # keys of the sections printed with "." when empty

    # Lookups

    def section_keys(self) -> list[str]:
        return [section.key for section in self.sections]

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    @property
    def decision(self) -> Section:
        found = self.section(DECISION_KEY)
        assert found is not None, "a checked layout has its decision section"
        return found

    @property
    def history(self) -> Section | None:
        return next((s for s in self.sections if s.kind is SectionKind.HISTORY), None)

    def note_section(self) -> Section | None:
        """Where a note on the item's own past goes ("Udsat fra mødet den …"): the first text
        section the agenda shows, or the first text section."""
        texts = [s for s in self.sections if s.kind is SectionKind.TEXT]
        return next((s for s in texts if s.agenda), texts[0] if texts else None)

    # Printing

    def access_word(self, closed: bool) -> str:
        return self.closed_word if closed else self.open_word

    def heading_text(self, number: int, closed: bool, title: str) -> str:
        """1 (Åben) Titel, Punkt 1: Titel, 1. Titel"""
        values = {"number": str(number), "access": self.access_word(closed), "title": title}
        return fill_pattern(self.heading, values)

    def shows_access_in_heading(self) -> bool:
        return "access" in placeholders(self.heading)

    def case_id_line(self, case_id: str) -> str:
        """Sags ID: EMN-2017-03374; the bare case ID when the layout has no label for it."""
        return f"{self.case_id_label}: {case_id}" if self.case_id_label else case_id

    def decision_heading_text(self, committee: str, date: str) -> str:
        return fill_pattern(self.decision_heading, {"committee": committee, "date": date})

    def same_structure(self, other: ItemLayout) -> bool:
        """The same layout whatever its name: the items read alike."""
        return dataclasses.replace(self, name="") == dataclasses.replace(other, name="")


def placeholders(pattern: str) -> list[str]:
    return _PLACEHOLDER.findall(pattern)


def fill_pattern(pattern: str, values: Mapping[str, str]) -> str:
    """The pattern with each {name} replaced; plain text substitution, never str.format."""
    return _PLACEHOLDER.sub(lambda found: values.get(found.group(1), found.group(0)), pattern)


# --- checking -------------------------------------------------------------------------------


class LayoutError(ValueError):
    """A layout that cannot be used: where (`field`, as in the exchange format) and why (Danish)."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")


def check_layout(layout: ItemLayout) -> ItemLayout:
    """The layout, when every rule holds; LayoutError names the first that does not."""
    _check_words(layout)
    _check_pattern("heading", layout.heading, HEADING_FIELDS, required=("number", "title"))
    _check_pattern("decision_heading", layout.decision_heading, DECISION_HEADING_FIELDS)
    _check_sections(layout.sections)
    for key in layout.print_empty:
        if layout.section(key) is None:
            problem = f'"{printable(key)}" er ikke et af afsnittene'
            raise LayoutError("print_empty_sections", problem)
    return layout


def _check_words(layout: ItemLayout) -> None:
    for field in ("name", "open_word", "closed_word"):
        if not clean_line(getattr(layout, field)):
            raise LayoutError(field, "må ikke være tom")
    for field in ("name", "case_id_label", "open_word", "closed_word"):
        if len(getattr(layout, field)) > MAX_LABEL:
            raise LayoutError(field, f"må højst være {MAX_LABEL} tegn")
    if clean_line(layout.open_word).casefold() == clean_line(layout.closed_word).casefold():
        raise LayoutError("closed_word", "skal være et andet ord end open_word")


def _check_pattern(
    field: str, pattern: str, known: tuple[str, ...], required: tuple[str, ...] = ()
) -> None:
    if len(pattern) > MAX_PATTERN:
        raise LayoutError(field, f"må højst være {MAX_PATTERN} tegn")
    used = placeholders(pattern)
    for name in used:
        if name not in known:
            names = ", ".join("{" + k + "}" for k in known)
            raise LayoutError(field, f"{{{name}}} er ukendt; brug {names}")
    for name in required:
        if name not in used:
            raise LayoutError(field, f"skal indeholde {{{name}}}")


def _check_sections(sections: tuple[Section, ...]) -> None:
    if not 1 <= len(sections) <= MAX_SECTIONS:
        raise LayoutError("sections", f"skal have fra 1 til {MAX_SECTIONS} afsnit")
    seen_keys: set[str] = set()
    seen_labels: set[str] = set()
    for index, section in enumerate(sections):
        at = f"sections[{index}]"
        _check_section(at, section, seen_keys, seen_labels)
    kinds = [section.kind for section in sections]
    if kinds.count(SectionKind.DECISION) != 1:
        raise LayoutError("sections", "skal have netop ét afsnit af typen decision")
    if kinds.count(SectionKind.HISTORY) > 1:
        raise LayoutError("sections", "må højst have ét afsnit af typen history")


def _check_section(at: str, section: Section, keys: set[str], labels: set[str]) -> None:
    if not _KEY.fullmatch(section.key):
        problem = "skal være et ord med små bogstaver a-z, cifre og _ (fx indstilling)"
        raise LayoutError(f"{at}.key", f'"{printable(section.key)}" {problem}')
    if section.key in keys:
        raise LayoutError(f"{at}.key", f'"{section.key}" findes allerede')
    keys.add(section.key)
    decision = section.kind is SectionKind.DECISION
    if decision != (section.key == DECISION_KEY):
        problem = f'beslutningsafsnittet og kun det har nøglen "{DECISION_KEY}"'
        raise LayoutError(f"{at}.key", problem)
    if len(section.label) > MAX_LABEL:
        raise LayoutError(f"{at}.label", f"må højst være {MAX_LABEL} tegn")
    label = clean_line(section.label).casefold()  # as the label is stored and read back
    if label and label in labels:
        raise LayoutError(f"{at}.label", f'"{section.label}" findes allerede')
    labels.add(label)
    if not (section.agenda or section.minutes):
        problem = "afsnittet skal vises på dagsordenen, i referatet eller begge"
        raise LayoutError(f"{at}.minutes", problem)
    if decision and not section.minutes:
        raise LayoutError(f"{at}.minutes", "beslutningen skal stå i referatet")


# --- making keys ----------------------------------------------------------------------------

_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u", "ö": "oe", "ä": "ae"})


def key_for_label(label: str, taken: Iterable[str] = ()) -> str:
    """A section key made from its label: "Økonomi" is "oekonomi", "Beslutningstema 2" is
    "beslutningstema_2"; a number is added while the key is taken."""
    words = re.findall(r"[a-z0-9]+", clean_line(label).lower().translate(_DANISH))
    base = "_".join(words)[:36] or "afsnit"
    if not base[0].isalpha():
        base = f"afsnit_{base}"[:36]
    used = set(taken) | {DECISION_KEY}
    key, number = base, 2
    while key in used:
        key, number = f"{base}_{number}", number + 1
    return key


# --- the built-in layouts -------------------------------------------------------------------

GENTOFTE = ItemLayout(
    name="Gentofte",
    heading="{number} ({access}) {title}",
    case_id_label="Sags ID",
    open_word="Åben",
    closed_word="Lukket",
    decision_heading="{committee} den {date}",
    print_empty=frozenset({"tidligere_beslutninger"}),
    sections=(
        Section("resume", "Resumé"),
        Section("tidligere_beslutninger", "Tidligere beslutninger:", SectionKind.HISTORY),
        Section(DECISION_KEY, "Beslutninger:", SectionKind.DECISION, agenda=False),
    ),
)

STANDARD = ItemLayout(
    name="Standard",
    heading="{number}. {title}",
    case_id_label="Sagsnr.",
    open_word="Åbent",
    closed_word="Lukket",
    decision_heading="",
    print_empty=frozenset(),
    sections=(
        Section("indstilling", "Indstilling"),
        Section("sagsforloeb", "Sagsforløb", SectionKind.HISTORY),
        Section("sagsfremstilling", "Sagsfremstilling"),
        Section("oekonomi", "Økonomi"),
        Section(DECISION_KEY, "Beslutning", SectionKind.DECISION, agenda=False),
    ),
)

BUILT_IN_LAYOUTS: dict[str, ItemLayout] = {"gentofte": GENTOFTE, "standard": STANDARD}
DEFAULT_LAYOUT = GENTOFTE
