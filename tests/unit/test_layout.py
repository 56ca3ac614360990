"""The document layout: one tree of blocks for the agenda and the minutes, full and public."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
from sample_documents import meeting_with_closed_item, reference_document
from word_test_support import SECRET_WORDS

from secretary_app.core.model import AttendanceEntry, AttendanceStatus, Item, MemberRole
from secretary_app.core.rich_text import ListBlock, plain_text
from secretary_app.export.layout import (
    PLACEHOLDER_EXAMPLES,
    AttachmentList,
    Contents,
    Edition,
    Field,
    ItemHeading,
    Label,
    Plain,
    SubLabel,
    Text,
    Title,
    build_layout,
    join_danish,
)

MINUTES = Edition("minutes")
AGENDA = Edition("agenda")


def item_part(blocks):
    """The blocks from the first item heading on, as short strings."""
    first = next(i for i, b in enumerate(blocks) if isinstance(b, ItemHeading))
    return [describe(block) for block in blocks[first:]]


def describe(block):
    if isinstance(block, ItemHeading):
        return f"# {block.text}"
    if isinstance(block, Label | SubLabel | Plain):
        return f"{type(block).__name__}: {block.text}"
    if isinstance(block, AttachmentList):
        return f"AttachmentList: {' | '.join(block.lines())}"
    return type(block).__name__


def test_the_reference_minutes_have_the_reference_sections_in_order():
    layout = build_layout(reference_document(), MINUTES)
    assert item_part(layout.blocks) == [
        "# 1 (Åben) Tredje møde i Opgaveudvalg om Innovation",
        "Plain: Sags ID: EMN-2017-03374",
        "Label: Resumé",
        "Text",
        "Label: Tidligere beslutninger:",
        "Plain: .",
        "Label: Beslutninger:",
        "SubLabel: Opgaveudvalg om Innovation den 27. juni 2017",
        "Text",
        "# 2 (Åben) Eventuelt",
        "Plain: Sags ID: EMN-2017-01714",
        "Label: Tidligere beslutninger:",
        "Plain: .",
        "Label: Beslutninger:",
        "SubLabel: Opgaveudvalg om Innovation den 27. juni 2017",
        "Text",
    ]  # the reference prints an empty "Bilag" too; an empty "Bilag" is never printed (issue 8)


def test_the_minutes_start_with_title_header_block_and_contents():
    layout = build_layout(reference_document(), MINUTES)
    title, time, place, contents = layout.blocks[:4]
    assert title == Title("Referat af møde i Opgaveudvalg om Innovation")
    assert (time.label, time.value) == (
        "Mødetidspunkt",
        "tirsdag den 27. juni 2017 kl. 17.00-19.00",
    )
    assert (place.label, place.value) == ("Mødested", "Mødelokale G på Gentofte Rådhus")
    assert contents == Contents(
        ("1 (Åben) Tredje møde i Opgaveudvalg om Innovation", "2 (Åben) Eventuelt")
    )


def test_the_agenda_has_its_own_title_and_no_decisions():
    layout = build_layout(reference_document(), AGENDA)
    assert layout.title == "Dagsorden til møde i Opgaveudvalg om Innovation"
    assert layout.placeholders["document"] == "Dagsorden"
    texts = item_part(layout.blocks)
    assert "Label: Beslutninger:" not in texts
    assert not any(isinstance(block, SubLabel) for block in layout.blocks)
    assert "Label: Bilag" not in texts  # no attachments


def test_the_summary_keeps_its_nested_numbered_lists():
    layout = build_layout(reference_document(), MINUTES)
    summary = next(block for block in layout.blocks if isinstance(block, Text))
    outer = next(block for block in summary.rich if isinstance(block, ListBlock))
    assert outer.ordered and len(outer.items) == 5
    inner = outer.items[2].blocks[1]
    assert isinstance(inner, ListBlock) and len(inner.items) == 2


def test_item_numbers_follow_the_meetings_first_number():
    doc = reference_document()
    doc.meeting.first_number = 17
    headings = [b for b in build_layout(doc, AGENDA).blocks if isinstance(b, ItemHeading)]
    assert [h.text for h in headings] == [
        "17 (Åben) Tredje møde i Opgaveudvalg om Innovation",
        "18 (Åben) Eventuelt",
    ]


def test_attendance_is_shown_in_the_minutes_once_recorded():
    doc = reference_document()
    doc.attendance = [
        AttendanceEntry(0, "Anne Andersen"),
        AttendanceEntry(0, "Bo Berg", status=AttendanceStatus.ABSENT, substitute="Carl Ceder"),
        AttendanceEntry(0, "Dorte Dahl"),
        AttendanceEntry(0, "Erik Eg", status=AttendanceStatus.EXCUSED),
    ]
    fields = {b.label: b.value for b in build_layout(doc, MINUTES).blocks if isinstance(b, Field)}
    assert fields["Tilstede"] == "Anne Andersen, Dorte Dahl og Carl Ceder"
    assert fields["Fraværende"] == "Bo Berg (stedfortræder: Carl Ceder) og Erik Eg"
    agenda = build_layout(doc, AGENDA)
    assert {b.label for b in agenda.blocks if isinstance(b, Field)} == {
        "Mødetidspunkt",
        "Mødested",
    }
    assert agenda.placeholders["present"] == agenda.placeholders["absent"] == ""


def test_officials_and_guests_who_came_are_listed_apart():
    doc = reference_document()
    doc.attendance = [
        AttendanceEntry(0, "Anne Andersen", MemberRole.CHAIR),
        AttendanceEntry(0, "Gitte Gæst", MemberRole.GUEST),
        AttendanceEntry(0, "Bo Berg", MemberRole.CITIZEN_MEMBER, AttendanceStatus.EXCUSED),
        AttendanceEntry(0, "Ole Embede", MemberRole.OFFICIAL),
        AttendanceEntry(0, "Ulla Udeblevet", MemberRole.OFFICIAL, AttendanceStatus.ABSENT),
    ]
    layout = build_layout(doc, MINUTES)
    fields = [(b.label, b.value) for b in layout.blocks if isinstance(b, Field)]
    assert fields[2:] == [
        ("Tilstede", "Anne Andersen"),
        ("Fraværende", "Bo Berg"),
        ("Desuden deltog", "Gitte Gæst og Ole Embede"),
    ]
    assert layout.placeholders["others_present"] == "Gitte Gæst og Ole Embede"
    assert "Ulla Udeblevet" not in repr(layout)


def test_the_end_of_the_meeting_follows_the_place_in_the_minutes():
    doc = reference_document()
    doc.meeting.ended_at = dt.time(20, 35)
    doc.attendance = [AttendanceEntry(0, "Anne Andersen")]
    fields = [(b.label, b.value) for b in build_layout(doc, MINUTES).blocks if isinstance(b, Field)]
    assert [label for label, _ in fields] == [
        "Mødetidspunkt",
        "Mødested",
        "Protokollen blev læst og mødet hævet kl.",
        "Tilstede",
    ]
    assert fields[2] == ("Protokollen blev læst og mødet hævet kl.", "20.35")
    ended = next(
        b for b in build_layout(doc, MINUTES).blocks if isinstance(b, Field) and b.value == "20.35"
    )
    assert ended.keys == ("ended_at",)
    agenda = build_layout(doc, AGENDA)
    assert agenda.placeholders["ended_at"] == ""
    assert "20.35" not in repr(agenda)


def test_no_attendance_lines_before_attendance_is_recorded():
    labels = [
        b.label for b in build_layout(reference_document(), MINUTES).blocks if isinstance(b, Field)
    ]
    assert labels == ["Mødetidspunkt", "Mødested"]


@pytest.mark.parametrize(
    ("names", "joined"),
    [([], ""), (["A"], "A"), (["A", "B"], "A og B"), (["A", "B", "C"], "A, B og C")],
)
def test_names_are_joined_the_danish_way(names, joined):
    assert join_danish(names) == joined


def test_empty_sections_look_like_the_reference():
    doc = reference_document()
    item, attachments = doc.items[1]
    doc.items[1] = (dataclasses.replace(item, sections={"beslutning": ""}), attachments)
    texts = item_part(build_layout(doc, MINUTES).blocks)
    second = texts[texts.index("# 2 (Åben) Eventuelt") :]
    assert "Label: Resumé" not in second
    assert second[1:] == [
        "Plain: Sags ID: EMN-2017-01714",
        "Label: Tidligere beslutninger:",
        "Plain: .",
        "Label: Beslutninger:",
        "SubLabel: Opgaveudvalg om Innovation den 27. juni 2017",
    ]


def test_the_public_edition_reduces_a_closed_item_to_number_title_and_decision():
    layout = build_layout(meeting_with_closed_item(), Edition("minutes", public=True))
    texts = item_part(layout.blocks)
    closed = texts[
        texts.index("# 2 (Lukket) Salg af ejendom") : texts.index("# 3 (Åben) Eventuelt")
    ]
    assert closed == [
        "# 2 (Lukket) Salg af ejendom",
        "Label: Beslutninger:",
        "SubLabel: Økonomiudvalget den 4. marts 2025",
        "Text",
    ]
    assert "OFFENTLIGBESLUTNING" in repr(layout)


@pytest.mark.parametrize("kind", ["agenda", "minutes"])
def test_nothing_else_of_a_closed_item_reaches_any_part_of_the_public_layout(kind):
    layout = build_layout(meeting_with_closed_item(), Edition(kind, public=True))
    everything = repr(layout)
    for word in SECRET_WORDS:
        assert word not in everything


def test_the_full_edition_shows_a_closed_item_in_full():
    layout = build_layout(meeting_with_closed_item(), MINUTES)
    everything = repr(layout)
    assert "HEMMELIGRESUME" in everything and "HEMMELIGBILAG" in everything
    assert "IKKEOFFENTLIGTBILAG" in everything


def test_the_public_edition_says_so():
    layout = build_layout(meeting_with_closed_item(), Edition("agenda", public=True))
    assert layout.placeholders["edition"] == "Offentlig udgave"
    assert Field("Udgave", "Offentlig udgave", ("edition",)) in layout.blocks
    assert "offentlig udgave" in layout.subject


def test_properties_name_the_document_and_its_cases():
    layout = build_layout(reference_document(), MINUTES)
    assert layout.title == "Referat af møde i Opgaveudvalg om Innovation"
    assert layout.author == "Opgaveudvalg om Innovation"
    assert "EMN-2017-03374" in layout.keywords and "Referat" in layout.keywords
    assert "tirsdag den 27. juni 2017" in layout.subject


def test_every_documented_placeholder_has_a_value():
    for edition in (MINUTES, AGENDA, Edition("minutes", public=True)):
        layout = build_layout(reference_document(), edition)
        assert set(layout.placeholders) == set(PLACEHOLDER_EXAMPLES)


def test_every_placeholder_is_in_the_table_of_the_template_docs():
    docs = (Path(__file__).resolve().parents[2] / "docs" / "templates.md").read_text("utf-8")
    rows = dict(re.findall(r"^\| `\{\{ (\w+) \}\}` \| ([^|]*) \|", docs, re.M))
    assert set(rows) == {*PLACEHOLDER_EXAMPLES, "content"}
    for name, example in PLACEHOLDER_EXAMPLES.items():
        assert rows[name].strip() == (example or "*(empty)*"), name


def test_text_is_cleaned_on_its_way_into_the_layout():
    doc = reference_document()
    doc.committee.name = "Udvalg\x00 for\x0bting"
    doc.items[0] = (Item(0, "Titel\ud800 med\x0c skift", case_id="EMN\x07-1"), [])
    layout = build_layout(doc, MINUTES)
    assert layout.placeholders["committee"] == "Udvalg for ting"
    assert ItemHeading(1, False, "Titel med skift", "1 (Åben) Titel med skift") in layout.blocks
    assert Plain("Sags ID: EMN-1") in layout.blocks


@pytest.mark.parametrize("kind", ["agenda", "minutes"])
@pytest.mark.parametrize("public", [False, True])
def test_the_chairs_notes_are_in_no_edition(kind, public):
    doc = meeting_with_closed_item()
    for item, _ in doc.items:
        item.chair_notes = "FORMANDENSNOTE"
    assert "FORMANDENSNOTE" not in repr(build_layout(doc, Edition(kind, public)))


# --- the chair's copy -----------------------------------------------------------------------

CHAIR = Edition("agenda", chair=True)
OTHER_EDITIONS = [
    Edition(kind, public=public) for kind in ("agenda", "minutes") for public in (False, True)
]
# Marker words that only the chair's copy may show: presenters and internal notes.
CHAIR_WORDS = ("CHAIRNOTEALPHA", "CHAIRNOTEBETA", "CHAIRNOTEGAMMA", "PRESENTERDELTA")


def chair_meeting():
    """The closed-item meeting with times, presenters and rich internal notes on every item."""
    doc = meeting_with_closed_item()
    plans = [(None, 10), (None, 45), (dt.time(17, 30), 20)]
    for index, ((item, _), (own_start, minutes)) in enumerate(zip(doc.items, plans, strict=True)):
        item.planned_start, item.duration_minutes = own_start, minutes
        item.presenter = f"PRESENTERDELTA {index}"
        item.chair_notes = (
            f"Husk **CHAIRNOTEALPHA {index}**\n\n- CHAIRNOTEBETA i en liste\n"
            f"- *CHAIRNOTEGAMMA* {index}"
        )
    return doc


def item_sections(blocks):
    """Item heading text -> the item's blocks as short strings (rich text as plain text)."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for block in blocks:
        if isinstance(block, ItemHeading):
            current = sections.setdefault(block.text, [])
        elif current is not None:
            current.append(
                f"Text: {plain_text(block.rich)}" if isinstance(block, Text) else describe(block)
            )
    return sections


def test_the_chairs_copy_shows_planned_times_presenters_and_internal_notes():
    layout = build_layout(chair_meeting(), CHAIR)
    sections = item_sections(layout.blocks)
    first = sections["1 (Åben) Godkendelse af dagsorden"]
    assert first[:5] == [
        "Plain: Sags ID: EMN-2025-010561",
        "Plain: Planlagt: kl. 16.00 · 10 min.",
        "Plain: Fremlægges af: PRESENTERDELTA 0",
        "Label: Interne noter:",
        "Text: Husk CHAIRNOTEALPHA 0\n• CHAIRNOTEBETA i en liste\n• CHAIRNOTEGAMMA 0",
    ]
    assert first[5:] == [
        "Label: Resumé",
        "Text: Åben.",
        "Label: Tidligere beslutninger:",
        "Plain: .",
        "Label: Bilag",
        "AttachmentList: Bilag 1: Offentligt bilag",
    ]
    # Computed from the meeting's start (16.00) and the first item's 10 minutes.
    assert "Plain: Planlagt: kl. 16.10 · 45 min." in sections["2 (Lukket) Salg af ejendom"]
    # The third item's own planned start wins over 16.55.
    assert "Plain: Planlagt: kl. 17.30 · 20 min." in sections["3 (Åben) Eventuelt"]


def test_the_chairs_copy_notes_keep_their_formatting():
    layout = build_layout(chair_meeting(), CHAIR)
    notes = [
        block
        for block in layout.blocks
        if isinstance(block, Text) and "CHAIRNOTEALPHA" in plain_text(block.rich)
    ]
    assert len(notes) == 3
    first, listed = notes[0].rich
    assert any(span.bold and "CHAIRNOTEALPHA" in span.text for span in first.spans)
    assert isinstance(listed, ListBlock) and not listed.ordered and len(listed.items) == 2


def test_the_chairs_copy_says_so_and_is_a_full_agenda():
    layout = build_layout(chair_meeting(), CHAIR)
    assert layout.title == "Dagsorden til møde i Økonomiudvalget"
    assert layout.placeholders["edition"] == "Formandens eksemplar"
    assert Field("Udgave", "Formandens eksemplar", ("edition",)) in layout.blocks
    assert "formandens eksemplar" in layout.subject
    assert not any(isinstance(block, SubLabel) for block in layout.blocks)  # no decisions
    assert "HEMMELIGRESUME" in repr(layout)  # a closed item in full


def test_the_chairs_copy_with_an_unknown_duration_and_no_meeting_start():
    doc = chair_meeting()
    doc.meeting.starts_at = None
    doc.items[2][0].planned_start = None
    doc.items[1][0].duration_minutes = None
    sections = item_sections(build_layout(doc, CHAIR).blocks)
    plans = {
        heading: [line for line in lines if line.startswith("Plain: Planlagt")]
        for heading, lines in sections.items()
    }
    assert plans == {
        "1 (Åben) Godkendelse af dagsorden": ["Plain: Planlagt: 10 min."],
        "2 (Lukket) Salg af ejendom": [],
        "3 (Åben) Eventuelt": ["Plain: Planlagt: 20 min."],
    }


def test_the_chairs_copy_plans_across_midnight():
    doc = chair_meeting()
    doc.meeting.starts_at = dt.time(23, 50)
    doc.items[2][0].planned_start = None
    plans = [
        block.text
        for block in build_layout(doc, CHAIR).blocks
        if isinstance(block, Plain) and block.text.startswith("Planlagt")
    ]
    assert plans == [
        "Planlagt: kl. 23.50 · 10 min.",
        "Planlagt: kl. 00.00 · 45 min.",
        "Planlagt: kl. 00.45 · 20 min.",
    ]


def test_the_chairs_copy_leaves_out_what_an_item_does_not_have():
    doc = reference_document()
    layout = build_layout(doc, CHAIR)
    sections = item_sections(layout.blocks)
    assert sections["1 (Åben) Tredje møde i Opgaveudvalg om Innovation"][:3] == [
        "Plain: Sags ID: EMN-2017-03374",
        "Plain: Planlagt: kl. 17.00",
        "Label: Resumé",
    ]
    everything = repr(layout)
    assert "Fremlægges af" not in everything and "Interne noter" not in everything


@pytest.mark.parametrize("edition", OTHER_EDITIONS, ids=repr)
def test_no_other_edition_shows_anything_only_for_the_chair(edition):
    layout = build_layout(chair_meeting(), edition)
    texts = [repr(block) for block in layout.blocks]
    texts.extend(layout.placeholders.values())
    texts.extend([layout.title, layout.subject, layout.author, layout.keywords])
    for text in texts:
        for word in (*CHAIR_WORDS, "Planlagt", "Fremlægges af", "Interne noter"):
            assert word not in text, (word, text)
    assert "Formandens eksemplar" not in repr(layout)


def test_the_chair_words_are_all_in_the_chairs_copy():
    everything = repr(build_layout(chair_meeting(), CHAIR))
    for word in CHAIR_WORDS:
        assert everything.count(word) == 3, word


@pytest.mark.parametrize(
    "arguments",
    [
        {"kind": "agenda", "public": True, "chair": True},
        {"kind": "minutes", "chair": True},
        {"kind": "minutes", "public": True, "chair": True},
    ],
)
def test_a_chairs_copy_is_only_a_full_agenda(arguments):
    with pytest.raises(ValueError):
        Edition(**arguments)


def test_a_chairs_copy_of_the_agenda_is_an_edition():
    assert Edition("agenda", chair=True) == CHAIR
    assert not CHAIR.public and CHAIR.kind == "agenda"
