"""Hypothesis strategies for item layouts (core.item_layout) and meetings in them.

Every text is already clean (core.text), as the exchange format reads it, so a parsed dump equals
the document. No generated text holds a "Q": each section text starts with a marker word of its
own ("QS0x2Q": item 0, section 2) and each dissent, reservation and absence note is a marker
("QR0x1Q"), so a test can tell from the words of a document which texts it shows, and in which
order.
"""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import strategies as st

from secretary_app.core.exchange import MeetingDocument
from secretary_app.core.item_layout import (
    MAX_LABEL,
    ItemLayout,
    Section,
    SectionKind,
    check_layout,
)
from secretary_app.core.model import (
    DECISION_KEY,
    AbsenceReason,
    Committee,
    CommitteeKind,
    Dissent,
    Item,
    ItemAbsence,
    ItemRecords,
    Meeting,
    Reservation,
    Vote,
    VoteSide,
)
from secretary_app.core.schedule import end_problem
from secretary_app.core.text import clean_line, clean_text, visible

MARKER = "Q"  # no generated text holds it; only the markers do
SECTION_MARKER = re.compile(r"QS\d+x\d+Q")
RECORD_MARKER = re.compile(r"QR\d+x\d+Q")

HEADINGS = (
    "{number} ({access}) {title}",
    "{number}. {title}",
    "Punkt {number}: {title}",
    "{title} ({number})",
    "{number} {access} {title}",
    "{number} – {title} – {access}",
)
DECISION_HEADINGS = (
    "",
    "{committee} den {date}",
    "Beslutning i {committee} den {date}:",
    "{date}",
    "Beslutning",
)
CASE_ID_LABELS = ("", "Sags ID", "Sagsnr.", "J.nr.")
# (agenda, minutes) of a section: shown somewhere
PLACES = ((True, True), (True, False), (False, True))


def section_marker(item: int, section: int) -> str:
    return f"QS{item}x{section}Q"


def record_marker(item: int, record: int) -> str:
    return f"QR{item}x{record}Q"


def _without_marker(text: str) -> str:
    return text.replace(MARKER, "")


lines = st.text(max_size=30).map(lambda s: clean_line(_without_marker(s)))
titles = lines.filter(lambda line: bool(visible(line)))
texts = st.text(max_size=60).map(lambda s: clean_text(_without_marker(s)))
labels = st.text(max_size=MAX_LABEL).map(lambda s: clean_line(_without_marker(s)))
keys = st.from_regex(r"[a-z][a-z0-9_]{0,15}", fullmatch=True).filter(lambda k: k != DECISION_KEY)
times = st.none() | st.times().map(lambda t: t.replace(second=0, microsecond=0))


def _unique_labels(drawn: list[str]) -> list[str]:
    """The labels with every repeat (case aside) made empty: empty labels may repeat."""
    seen: set[str] = set()
    unique = []
    for label in drawn:
        unique.append("" if label.casefold() in seen else label)
        seen.add(label.casefold())
    return unique


@st.composite
def sections(draw: st.DrawFn) -> tuple[Section, ...]:
    """1–8 text sections, one of them maybe history, and the decision anywhere among them."""
    count = draw(st.integers(1, 8))
    section_keys = draw(st.lists(keys, min_size=count, max_size=count, unique=True))
    printed = _unique_labels(draw(st.lists(labels, min_size=count + 1, max_size=count + 1)))
    history = draw(st.none() | st.integers(0, count - 1))
    others = [
        Section(
            key,
            label,
            SectionKind.HISTORY if index == history else SectionKind.TEXT,
            *draw(st.sampled_from(PLACES)),
        )
        for index, (key, label) in enumerate(zip(section_keys, printed, strict=False))
    ]
    decision = Section(DECISION_KEY, printed[-1], SectionKind.DECISION, agenda=draw(st.booleans()))
    others.insert(draw(st.integers(0, count)), decision)
    return tuple(others)


@st.composite
def access_words(draw: st.DrawFn) -> tuple[str, str]:
    word = st.text(min_size=1, max_size=20).map(lambda s: clean_line(_without_marker(s)))
    open_word = draw(word.filter(bool))
    closed_word = draw(word.filter(lambda w: bool(w) and w.casefold() != open_word.casefold()))
    return open_word, closed_word


@st.composite
def item_layouts(draw: st.DrawFn) -> ItemLayout:
    """A valid layout (check_layout accepts it), already in the form read_layout gives."""
    chosen = draw(sections())
    open_word, closed_word = draw(access_words())
    layout_keys = [section.key for section in chosen]
    return check_layout(
        ItemLayout(
            name=draw(titles),
            sections=chosen,
            heading=draw(st.sampled_from(HEADINGS)),
            case_id_label=draw(st.sampled_from(CASE_ID_LABELS)),
            open_word=open_word,
            closed_word=closed_word,
            decision_heading=draw(st.sampled_from(DECISION_HEADINGS)),
            print_empty=frozenset(draw(st.lists(st.sampled_from(layout_keys), unique=True))),
        )
    )


@st.composite
def section_texts(draw: st.DrawFn, layout: ItemLayout, item: int) -> dict[str, str]:
    """Some of the layout's sections with text, each led by its marker; the others left out,
    as parse_meeting leaves out empty sections."""
    return {
        section.key: f"{section_marker(item, index)}\n\n{draw(texts)}"
        for index, section in enumerate(layout.sections)
        if draw(st.booleans())
    }


@st.composite
def item_records(draw: st.DrawFn, item: int) -> ItemRecords:
    """Absences, dissents and reservations whose notes and texts are markers; votes grouped by
    side, as the format holds them."""
    numbers = iter(range(100))
    absences = [
        ItemAbsence(
            0,
            draw(titles),
            draw(st.sampled_from(AbsenceReason)),
            record_marker(item, next(numbers)),
            position,
        )
        for position in range(draw(st.integers(0, 2)))
    ]
    dissents = [
        Dissent(0, draw(titles), f"{record_marker(item, next(numbers))} {draw(texts)}", position)
        for position in range(draw(st.integers(0, 2)))
    ]
    reservations = [
        Reservation(0, draw(titles), record_marker(item, next(numbers)), position)
        for position in range(draw(st.integers(0, 2)))
    ]
    sides = [side for side in VoteSide for _ in range(draw(st.integers(0, 2)))]
    votes = [Vote(0, side, draw(titles), position) for position, side in enumerate(sides)]
    return ItemRecords(absences, dissents, votes, reservations)


@st.composite
def items(draw: st.DrawFn, layout: ItemLayout, position: int) -> Item:
    return Item(
        meeting_id=0,
        title=draw(titles),
        closed=draw(st.booleans()),
        case_id=draw(lines),
        presenter=draw(lines),
        planned_start=draw(times),
        duration_minutes=draw(st.none() | st.integers(0, 600)),
        sections=draw(section_texts(layout, position)),
        public_title=draw(lines),
        chair_notes=draw(texts),
        position=position,
    )


@st.composite
def meetings_in_layouts(draw: st.DrawFn) -> MeetingDocument:
    """A meeting of 1–4 items in a random valid layout, with no attendance, approval or
    corrections: after the last item the minutes hold nothing but its blocks."""
    layout = draw(item_layouts())
    agenda = [draw(items(layout, position)) for position in range(draw(st.integers(1, 4)))]
    starts_at = draw(times)
    ends_at = draw(times.filter(lambda end: not end_problem(starts_at, end)))
    meeting = Meeting(
        committee_id=0,
        date=draw(st.dates(dt.date(1990, 1, 1), dt.date(2060, 12, 31))),
        starts_at=starts_at,
        ends_at=ends_at,
        location=draw(lines),
        title=draw(lines),
        ended_at=draw(times),
        first_number=draw(st.integers(1, 999)),
    )
    return MeetingDocument(
        committee=Committee(name=draw(titles), kind=draw(st.sampled_from(CommitteeKind))),
        meeting=meeting,
        items=[(item, []) for item in agenda],
        records=[draw(item_records(position)) for position in range(len(agenda))],
        layout=layout,
    )
