"""Item layouts in the archive (store.layouts): each committee's, approved minutes', changing one
with the texts moved and put back, the audit log and search that follow, saved layouts, the case
history whatever the layout, and the reservations (forbehold) kept with an item.

Every test works on a fresh in-memory archive (the `archive` fixture).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from secretary_app.core.item_layout import (
    DEFAULT_LAYOUT,
    GENTOFTE,
    STANDARD,
    ItemLayout,
    Section,
    SectionKind,
)
from secretary_app.core.layout_format import layout_from_text
from secretary_app.core.model import (
    Attachment,
    AttendanceEntry,
    Committee,
    Item,
    Meeting,
    Reservation,
)
from secretary_app.core.rich_text import plain_text
from secretary_app.export.layout import (
    Edition,
    ItemHeading,
    Label,
    Plain,
    Text,
    build_layout,
)
from secretary_app.store.case_history import (
    earlier_decisions,
    export_with_history,
    history_for,
    postpone,
)
from secretary_app.store.committee_setup import CommitteeSetup, write_setup
from secretary_app.store.errors import StoreError
from secretary_app.store.exchange import export_meeting
from secretary_app.store.layouts import LayoutInUse

LOCKED = "Referatet er godkendt"
CASE = "EMN-2017-03374"
SENT = dt.datetime(2017, 9, 1, 9, 0)

# Gentofte's sections with an Indstilling of its own, to show that a moved text goes after the
# text already there.
WITH_PROPOSAL = dataclasses.replace(
    GENTOFTE,
    name="Gentofte med indstilling",
    sections=(
        GENTOFTE.sections[0],
        Section("indstilling", "Indstilling"),
        *GENTOFTE.sections[1:],
    ),
)
# A layout with no history section: no "Tidligere beslutninger" nor "Sagsforløb".
NO_HISTORY = ItemLayout(
    name="Kort",
    heading="Punkt {number}: {title}",
    sections=(
        Section("sagsfremstilling", "Sagsfremstilling"),
        Section("beslutning", "Beslutning", SectionKind.DECISION, agenda=False),
    ),
)
# Its own words, a history section under another key, and a text section first that only the
# minutes show.
OWN = ItemLayout(
    name="Egen",
    heading="{number}. {title}",
    sections=(
        Section("notat", "Notat", agenda=False),
        Section("baggrund", "Baggrund"),
        Section("historik", "Historik", SectionKind.HISTORY),
        Section("beslutning", "Afgørelse", SectionKind.DECISION, agenda=False),
    ),
)


# --- helpers --------------------------------------------------------------------------------


def add_committee(archive, name, layout):
    committee = archive.committees.add(Committee(name))
    archive.layouts.set_of_committee(committee.id, layout)
    return committee


def add_meeting(archive, committee, day, items, first_number=1):
    meeting = Meeting(committee.id, day, first_number=first_number)
    return archive.meetings.create(meeting, items)


def items_of(archive, meeting):
    return archive.items.for_meeting(meeting.id)


def section_rows(archive):
    """Every row of item_sections, in a fixed order."""
    sql = "SELECT item_id, key, text FROM item_sections ORDER BY item_id, key"
    return [tuple(row.values()) for row in archive.db.iter_rows(sql)]


def committee_layouts(archive):
    """What each committee's layout column holds, as stored."""
    return archive.db.rows("SELECT id, layout FROM committees ORDER BY id")


def audit_rows(archive, meeting):
    return [(entry.what, entry.old, entry.new) for entry in archive.approvals.audit(meeting.id)]


def labels(document):
    return [block.text for block in document.blocks if isinstance(block, Label)]


def headings(document):
    return [block.text for block in document.blocks if isinstance(block, ItemHeading)]


def found(archive, words):
    return [hit.item_id for hit in archive.search.items(words)]


def search_body(archive, item_id):
    return archive.db.value("SELECT body FROM item_search WHERE rowid = ?", [item_id])


def fts_is_sound(archive):
    """FTS5's own check of the index against its content: raises when they differ."""
    archive.db.execute("INSERT INTO item_search (item_search) VALUES ('integrity-check')")
    return True


@dataclasses.dataclass
class Gentofte:
    """Opgaveudvalg om Innovation in Gentofte's layout: June's minutes approved, September's
    open and sent; and Økonomiudvalget, also in Gentofte's layout, with an open meeting."""

    committee: Committee
    june: Meeting
    september: Meeting
    other: Committee
    other_meeting: Meeting


@pytest.fixture
def gentofte(archive):
    committee = add_committee(archive, "Opgaveudvalg om Innovation", GENTOFTE)
    june = add_meeting(
        archive,
        committee,
        dt.date(2017, 6, 27),
        [
            Item(
                0,
                "Tredje møde",
                case_id=CASE,
                sections={"resume": "Juni-resumé.", "beslutning": "Taget til efterretning."},
            ),
            Item(0, "Eventuelt", sections={"resume": "Intet nyt.", "beslutning": "Intet."}),
        ],
    )
    archive.approvals.approve(archive, june.id, ["Marie Louise"], dt.date(2017, 7, 3))
    september = add_meeting(
        archive,
        committee,
        dt.date(2017, 9, 12),
        [
            Item(
                0,
                "Projektsporet",
                case_id=CASE,
                sections={
                    "resume": "Status på **projekterne**.",
                    "tidligere_beslutninger": "Udvalget tog sagen til efterretning i juni.",
                    "beslutning": "Godkendt.",
                },
            ),
            Item(0, "Eventuelt", sections={"resume": "Cykelparkering ved rådhuset."}),
            Item(0, "Meddelelser", sections={"beslutning": "Intet."}),
        ],
    )
    other = add_committee(archive, "Økonomiudvalget", GENTOFTE)
    other_meeting = add_meeting(
        archive,
        other,
        dt.date(2017, 9, 4),
        [Item(0, "Budget", sections={"resume": "Budgetrammen for 2018."})],
    )
    return Gentofte(committee, june, september, other, other_meeting)


# --- a committee's layout, and approved minutes' ---------------------------------------------


def test_a_new_archive_starts_new_committees_in_the_default_layout(archive):
    assert archive.layouts.default() == DEFAULT_LAYOUT == GENTOFTE

    written = write_setup(
        archive, CommitteeSetup(Committee("Teknik- og Miljøudvalget")), adding=True
    )

    assert archive.layouts.of_committee(written.committee.id) == GENTOFTE


def test_new_committees_take_the_default_of_the_settings_and_keep_it(archive):
    archive.layouts.set_default(STANDARD)
    first = write_setup(archive, CommitteeSetup(Committee("Teknik")), adding=True).committee

    archive.layouts.set_default(OWN)
    second = write_setup(archive, CommitteeSetup(Committee("Skole")), adding=True).committee

    assert archive.layouts.default() == OWN
    assert archive.layouts.of_committee(first.id) == STANDARD
    assert archive.layouts.of_committee(second.id) == OWN
    stored = {row["id"]: layout_from_text(row["layout"]) for row in committee_layouts(archive)}
    assert stored == {first.id: STANDARD, second.id: OWN}


def test_a_committee_added_by_the_committee_store_keeps_the_layout_it_started_in(archive):
    committee = archive.committees.add(Committee("Teknik"))
    started_in = archive.layouts.of_committee(committee.id)

    archive.layouts.set_default(STANDARD)

    assert archive.layouts.of_committee(committee.id) == started_in == GENTOFTE


def test_set_of_committee_and_of_meeting_follow_the_committee(archive):
    committee = add_committee(archive, "Teknik", GENTOFTE)
    meeting = add_meeting(archive, committee, dt.date(2025, 3, 4), [Item(0, "Punkt")])
    assert archive.layouts.of_meeting(meeting.id) == GENTOFTE

    archive.layouts.set_of_committee(committee.id, STANDARD)

    assert archive.layouts.of_committee(committee.id) == STANDARD
    assert archive.layouts.of_meeting(meeting.id) == STANDARD
    with pytest.raises(KeyError):
        archive.layouts.of_meeting(999)


def test_approved_minutes_keep_the_layout_they_were_approved_in(archive, gentofte):
    archive.layouts.change(gentofte.committee.id, STANDARD, {"resume": "indstilling"})

    assert archive.layouts.of_committee(gentofte.committee.id) == STANDARD
    assert archive.layouts.of_meeting(gentofte.september.id) == STANDARD
    assert archive.layouts.of_meeting(gentofte.june.id) == GENTOFTE
    assert archive.approvals.verify(gentofte.june.id)


def test_approved_minutes_export_with_the_labels_they_were_approved_in(archive, gentofte):
    archive.layouts.change(gentofte.committee.id, STANDARD, {"resume": "indstilling"})

    approved = build_layout(export_meeting(archive, gentofte.june.id), Edition("minutes"))
    open_ = build_layout(export_meeting(archive, gentofte.september.id), Edition("minutes"))

    assert headings(approved) == ["1 (Åben) Tredje møde", "2 (Åben) Eventuelt"]
    assert labels(approved) == [
        "Resumé",
        "Tidligere beslutninger:",
        "Beslutninger:",
        "Resumé",
        "Tidligere beslutninger:",
        "Beslutninger:",
    ]
    assert "Sags ID: EMN-2017-03374" in [b.text for b in approved.blocks if isinstance(b, Plain)]
    assert headings(open_)[0] == "1. Projektsporet"
    assert labels(open_)[:3] == ["Indstilling", "Sagsforløb", "Beslutning"]


# --- changing a committee's layout ---------------------------------------------------------


def test_a_change_moves_the_summary_and_the_history_and_keeps_the_decision(archive, gentofte):
    first, second, third = (i.id for i in items_of(archive, gentofte.september))

    archive.layouts.change(gentofte.committee.id, STANDARD, {"resume": "indstilling"})

    [projekt, eventuelt, meddelelser] = items_of(archive, gentofte.september)
    assert projekt.sections == {
        "indstilling": "Status på **projekterne**.",
        "sagsforloeb": "Udvalget tog sagen til efterretning i juni.",
        "beslutning": "Godkendt.",
    }
    assert eventuelt.sections == {"indstilling": "Cykelparkering ved rådhuset."}
    assert meddelelser.sections == {"beslutning": "Intet."}
    assert (projekt.id, eventuelt.id, meddelelser.id) == (first, second, third)


def test_a_moved_text_goes_after_the_text_already_there_as_paragraphs(archive):
    committee = add_committee(archive, "Teknik", WITH_PROPOSAL)
    meeting = add_meeting(
        archive,
        committee,
        dt.date(2025, 3, 4),
        [
            Item(
                0,
                "Cykelsti",
                sections={
                    "resume": "Status på *projekterne*.\n\n1. en\n2. to",
                    "indstilling": "Indstillingen **godkendes**.\n\n- a\n- b",
                },
            ),
            Item(0, "Kun resumé", sections={"resume": "Alene."}),
            Item(0, "Kun indstilling", sections={"indstilling": "Godkendes."}),
        ],
    )

    archive.layouts.change(committee.id, STANDARD, {"resume": "indstilling"})

    assert [item.text("indstilling") for item in items_of(archive, meeting)] == [
        "Indstillingen **godkendes**.\n\n- a\n- b\n\nStatus på *projekterne*.\n\n1. en\n2. to",
        "Alene.",
        "Godkendes.",
    ]
    assert all("resume" not in item.sections for item in items_of(archive, meeting))


def test_a_change_leaves_approved_minutes_and_other_committees_alone(archive, gentofte):
    approved_before = [i.sections for i in items_of(archive, gentofte.june)]
    other_before = [i.sections for i in items_of(archive, gentofte.other_meeting)]

    archive.layouts.change(gentofte.committee.id, STANDARD, {"resume": "indstilling"})

    assert [i.sections for i in items_of(archive, gentofte.june)] == approved_before
    assert approved_before[0]["resume"] == "Juni-resumé."
    assert [i.sections for i in items_of(archive, gentofte.other_meeting)] == other_before
    assert archive.layouts.of_committee(gentofte.other.id) == GENTOFTE
    assert archive.approvals.verify(gentofte.june.id)


def test_restore_puts_back_the_layout_and_every_text_exactly(archive, gentofte):
    before = section_rows(archive)
    layouts_before = committee_layouts(archive)

    touched = archive.layouts.change(gentofte.committee.id, STANDARD, {"resume": "indstilling"})
    assert section_rows(archive) != before
    archive.layouts.restore(gentofte.committee.id, GENTOFTE, touched)

    assert section_rows(archive) == before
    assert committee_layouts(archive) == layouts_before
    assert archive.layouts.of_committee(gentofte.committee.id) == GENTOFTE


def test_restore_after_appending_puts_back_both_texts(archive):
    committee = add_committee(archive, "Teknik", WITH_PROPOSAL)
    add_meeting(
        archive,
        committee,
        dt.date(2025, 3, 4),
        [Item(0, "Cykelsti", sections={"resume": "Resumé.", "indstilling": "Indstilling."})],
    )
    before = section_rows(archive)

    touched = archive.layouts.change(committee.id, STANDARD, {"resume": "indstilling"})
    archive.layouts.restore(committee.id, WITH_PROPOSAL, touched)

    assert section_rows(archive) == before


def test_a_removed_section_with_text_and_nowhere_to_go_is_refused(archive, gentofte):
    before = (section_rows(archive), committee_layouts(archive))
    audit_before = audit_rows(archive, gentofte.september)
    archive.approvals.mark_agenda_sent(gentofte.september.id, SENT)

    with pytest.raises(LayoutInUse) as refused:
        archive.layouts.change(gentofte.committee.id, STANDARD)

    assert isinstance(refused.value, LookupError)
    assert refused.value.texts == {"resume": 2}
    assert str(refused.value) == (
        "afsnit med tekst ville forsvinde: «Resumé» (2); flyt teksten først"
    )
    assert (section_rows(archive), committee_layouts(archive)) == before
    assert audit_rows(archive, gentofte.september) == audit_before


def test_a_move_to_a_section_the_new_layout_lacks_is_no_move(archive, gentofte):
    before = section_rows(archive)

    with pytest.raises(LayoutInUse, match="«Resumé» \\(2\\)"):
        archive.layouts.change(gentofte.committee.id, STANDARD, {"resume": "findes_ikke"})

    assert section_rows(archive) == before


def test_the_refusal_names_every_stranded_section_by_its_label(archive):
    committee = add_committee(archive, "Teknik", GENTOFTE)
    add_meeting(
        archive,
        committee,
        dt.date(2025, 3, 4),
        [Item(0, "Punkt", sections={"resume": "Tekst.", "tidligere_beslutninger": "Før."})],
    )

    with pytest.raises(LayoutInUse) as refused:
        archive.layouts.change(committee.id, NO_HISTORY)

    assert refused.value.texts == {"resume": 1, "tidligere_beslutninger": 1}
    assert "«Resumé» (1), «Tidligere beslutninger» (1)" in str(refused.value)


@pytest.mark.parametrize("empty", ["", "   "])
def test_empty_texts_do_not_count(archive, empty):
    committee = add_committee(archive, "Teknik", GENTOFTE)
    meeting = add_meeting(archive, committee, dt.date(2025, 3, 4), [Item(0, "Punkt")])
    item = items_of(archive, meeting)[0]
    archive.items.update_field(item.id, "section:resume", empty)

    assert archive.layouts.texts_in(committee.id, ["resume"]) == {}
    assert archive.layouts.stranded(committee.id, STANDARD, {}) == {}
    archive.layouts.change(committee.id, STANDARD)
    assert archive.layouts.of_committee(committee.id) == STANDARD
    assert items_of(archive, meeting)[0].sections == {}


@pytest.mark.parametrize("blank", ["\n", " \n\t ", "\n\n"])
def test_whitespace_only_texts_do_not_count(archive, blank):
    committee = add_committee(archive, "Teknik", GENTOFTE)
    meeting = add_meeting(archive, committee, dt.date(2025, 3, 4), [Item(0, "Punkt")])
    item = items_of(archive, meeting)[0]
    archive.items.update_field(item.id, "section:resume", blank)

    assert archive.layouts.texts_in(committee.id, ["resume"]) == {}
    archive.layouts.change(committee.id, STANDARD)
    assert archive.layouts.of_committee(committee.id) == STANDARD


def test_stranded_reports_what_change_would_refuse(archive, gentofte):
    committee = gentofte.committee.id

    assert archive.layouts.stranded(committee, STANDARD, {}) == {"resume": 2}
    assert archive.layouts.stranded(committee, STANDARD, {"resume": "indstilling"}) == {}
    assert archive.layouts.stranded(committee, NO_HISTORY, {"resume": "sagsfremstilling"}) == {
        "tidligere_beslutninger": 1
    }
    assert archive.layouts.stranded(committee, GENTOFTE, {}) == {}
    with pytest.raises(LayoutInUse) as refused:
        archive.layouts.change(committee, NO_HISTORY, {"resume": "sagsfremstilling"})
    assert refused.value.texts == {"tidligere_beslutninger": 1}


def test_texts_in_counts_across_committees_and_skips_approved_minutes(archive, gentofte):
    keys = ["resume", "tidligere_beslutninger", "beslutning", "indstilling"]

    assert archive.layouts.texts_in(gentofte.committee.id, keys) == {
        "resume": 2,
        "tidligere_beslutninger": 1,
        "beslutning": 2,
    }
    assert archive.layouts.texts_in(gentofte.other.id, keys) == {"resume": 1}
    assert archive.layouts.texts_in(None, keys) == {
        "resume": 3,
        "tidligere_beslutninger": 1,
        "beslutning": 2,
    }


# --- the audit log of a sent meeting --------------------------------------------------------


PROJEKT = "punkt 1 Projektsporet"
EVENTUELT = "punkt 2 Eventuelt"
SUMMARY = "Status på **projekterne**."
HISTORY = "Udvalget tog sagen til efterretning i juni."
PARKING = "Cykelparkering ved rådhuset."


def test_a_change_and_its_restore_are_in_the_audit_log(archive, gentofte):
    """Each text taken from a section and put into another is an entry with its words; the
    sections the change removes are named by their labels in the old layout, and those the
    restore empties by their labels in the new one."""
    archive.approvals.mark_agenda_sent(gentofte.september.id, SENT)
    touched = archive.layouts.change(gentofte.committee.id, STANDARD, {"resume": "indstilling"})
    changed = audit_rows(archive, gentofte.september)
    archive.layouts.restore(gentofte.committee.id, GENTOFTE, touched)
    restored = audit_rows(archive, gentofte.september)[len(changed) :]

    assert sorted((old, new) for _, old, new in changed) == sorted(
        [("", SUMMARY), ("", HISTORY), ("", PARKING), (SUMMARY, ""), (HISTORY, ""), (PARKING, "")]
    )
    removed = [(what, old) for what, old, new in changed if new == ""]
    assert sorted(removed) == sorted(
        [
            (f"{PROJEKT}: Resumé", SUMMARY),
            (f"{PROJEKT}: Tidligere beslutninger", HISTORY),
            (f"{EVENTUELT}: Resumé", PARKING),
        ]
    )
    emptied = [(what, old) for what, old, new in restored if new == ""]
    assert sorted(emptied) == sorted(
        [
            (f"{PROJEKT}: Indstilling", SUMMARY),
            (f"{PROJEKT}: Sagsforløb", HISTORY),
            (f"{EVENTUELT}: Indstilling", PARKING),
        ]
    )
    assert sorted(new for _, old, new in restored if old == "") == sorted(
        [SUMMARY, HISTORY, PARKING]
    )


def test_the_audit_log_names_the_sections_a_change_writes_by_their_labels(archive, gentofte):
    archive.approvals.mark_agenda_sent(gentofte.september.id, SENT)
    touched = archive.layouts.change(gentofte.committee.id, STANDARD, {"resume": "indstilling"})
    changed = audit_rows(archive, gentofte.september)
    archive.layouts.restore(gentofte.committee.id, GENTOFTE, touched)
    restored = audit_rows(archive, gentofte.september)[len(changed) :]

    assert sorted(changed) == sorted(
        [
            (f"{PROJEKT}: Indstilling", "", SUMMARY),
            (f"{PROJEKT}: Sagsforløb", "", HISTORY),
            (f"{EVENTUELT}: Indstilling", "", PARKING),
            (f"{PROJEKT}: Resumé", SUMMARY, ""),
            (f"{PROJEKT}: Tidligere beslutninger", HISTORY, ""),
            (f"{EVENTUELT}: Resumé", PARKING, ""),
        ]
    )
    assert sorted(restored) == sorted(
        [
            (f"{PROJEKT}: Indstilling", SUMMARY, ""),
            (f"{PROJEKT}: Sagsforløb", HISTORY, ""),
            (f"{EVENTUELT}: Indstilling", PARKING, ""),
            (f"{PROJEKT}: Resumé", "", SUMMARY),
            (f"{PROJEKT}: Tidligere beslutninger", "", HISTORY),
            (f"{EVENTUELT}: Resumé", "", PARKING),
        ]
    )


def test_an_edited_section_is_named_by_its_label_in_the_committees_layout(archive, gentofte):
    archive.approvals.mark_agenda_sent(gentofte.september.id, SENT)
    archive.layouts.change(gentofte.committee.id, STANDARD, {"resume": "indstilling"})
    before = len(audit_rows(archive, gentofte.september))
    projekt = items_of(archive, gentofte.september)[0]

    archive.items.update_field(projekt.id, "section:indstilling", "Ny indstilling.")
    archive.items.update_field(projekt.id, "section:oekonomi", "Ingen udgifter.")

    assert audit_rows(archive, gentofte.september)[before:] == [
        (f"{PROJEKT}: Indstilling", SUMMARY, "Ny indstilling."),
        (f"{PROJEKT}: Økonomi", "", "Ingen udgifter."),
    ]


def test_an_unsent_meeting_logs_nothing_of_a_change(archive, gentofte):
    touched = archive.layouts.change(gentofte.committee.id, STANDARD, {"resume": "indstilling"})
    archive.layouts.restore(gentofte.committee.id, GENTOFTE, touched)

    assert audit_rows(archive, gentofte.september) == []


# --- every committee at once ----------------------------------------------------------------


@pytest.fixture
def three(archive):
    """Three committees in three layouts, each with an open meeting with texts."""
    gentofte = add_committee(archive, "Opgaveudvalg om Innovation", GENTOFTE)
    standard = add_committee(archive, "Teknik- og Miljøudvalget", STANDARD)
    own = add_committee(archive, "Skoleudvalget", OWN)
    add_meeting(
        archive,
        gentofte,
        dt.date(2025, 3, 4),
        [Item(0, "A", sections={"resume": "Resumé A.", "tidligere_beslutninger": "Før A."})],
    )
    add_meeting(
        archive,
        standard,
        dt.date(2025, 3, 5),
        [Item(0, "B", sections={"indstilling": "Indstilling B.", "oekonomi": "Økonomi B."})],
    )
    add_meeting(
        archive,
        own,
        dt.date(2025, 3, 6),
        [Item(0, "C", sections={"notat": "Notat C.", "historik": "Før C.", "beslutning": "Ja."})],
    )
    return gentofte, standard, own


MOVES_TO_STANDARD = {"resume": "indstilling", "notat": "sagsfremstilling", "baggrund": "oekonomi"}


def test_use_everywhere_gives_every_committee_and_new_ones_the_layout(archive, three):
    gentofte, standard, own = three

    changes = archive.layouts.use_everywhere(STANDARD, MOVES_TO_STANDARD)

    assert [change.committee_id for change in changes] == [gentofte.id, own.id]
    assert [change.layout for change in changes] == [GENTOFTE, OWN]
    for committee in three:
        assert archive.layouts.of_committee(committee.id) == STANDARD
    assert archive.layouts.default() == STANDARD
    new = write_setup(archive, CommitteeSetup(Committee("Nyt udvalg")), adding=True).committee
    assert archive.layouts.of_committee(new.id) == STANDARD
    texts = {row[2]: row[1] for row in section_rows(archive)}
    assert texts == {
        "Resumé A.": "indstilling",
        "Før A.": "sagsforloeb",
        "Indstilling B.": "indstilling",
        "Økonomi B.": "oekonomi",
        "Notat C.": "sagsfremstilling",
        "Før C.": "sagsforloeb",
        "Ja.": "beslutning",
    }


def test_restore_everywhere_puts_every_committee_and_the_default_back(archive, three):
    before = (section_rows(archive), committee_layouts(archive))
    default = archive.layouts.default()

    changes = archive.layouts.use_everywhere(STANDARD, MOVES_TO_STANDARD)
    archive.layouts.restore_everywhere(changes, default)

    assert (section_rows(archive), committee_layouts(archive)) == before
    assert archive.layouts.default() == GENTOFTE
    assert [archive.layouts.of_committee(c.id) for c in three] == [GENTOFTE, STANDARD, OWN]


def test_use_everywhere_changes_nothing_when_one_committee_would_lose_text(archive, three):
    before = (section_rows(archive), committee_layouts(archive))

    with pytest.raises(LayoutInUse) as refused:
        archive.layouts.use_everywhere(STANDARD, {"resume": "indstilling"})

    assert refused.value.texts == {"notat": 1}
    assert (section_rows(archive), committee_layouts(archive)) == before
    assert archive.layouts.default() == GENTOFTE


# --- saved layouts --------------------------------------------------------------------------


def test_a_saved_layout_gets_a_key_from_its_name_and_never_a_built_in_one(archive):
    own_key = archive.layouts.save(OWN)
    standard_key = archive.layouts.save(dataclasses.replace(STANDARD, name="Standard"))
    gentofte_key = archive.layouts.save(dataclasses.replace(GENTOFTE, name="Gentofte"))
    danish_key = archive.layouts.save(dataclasses.replace(OWN, name="Økonomi og Ældre"))

    assert (own_key, standard_key, gentofte_key, danish_key) == (
        "egen",
        "standard_2",
        "gentofte_2",
        "oekonomi_og_aeldre",
    )
    known = archive.layouts.known()
    assert list(known) == [
        "gentofte",
        "standard",
        "egen",
        "gentofte_2",
        "oekonomi_og_aeldre",
        "standard_2",
    ]
    assert known["gentofte"] == GENTOFTE and known["standard"] == STANDARD
    assert known["egen"] == OWN
    assert known["standard_2"].same_structure(STANDARD)


def test_a_saved_layout_is_kept_under_a_given_key_and_deleted(archive):
    assert archive.layouts.save(OWN, "skole") == "skole"
    assert archive.layouts.save(NO_HISTORY, "skole") == "skole"
    assert archive.layouts.saved() == {"skole": NO_HISTORY}

    archive.layouts.delete_saved("skole")

    assert archive.layouts.saved() == {}
    assert list(archive.layouts.known()) == ["gentofte", "standard"]


BROKEN_LAYOUTS = [
    "{ikke json",
    "null",
    "[]",
    '"Standard"',
    '{"name": "X"}',
    '{"name": "X", "heading": "{number} {title}", "sections": []}',
    '{"name": "X", "heading": "{number} {title}", "sections": [{"key": "resume"}]}',
    '{"name": 5, "heading": "{number} {title}", "sections": [{"key": "beslutning",'
    ' "label": "B", "kind": "decision"}]}',
    "[" * 100_000,
]


@pytest.mark.parametrize("broken", BROKEN_LAYOUTS, ids=range(len(BROKEN_LAYOUTS)))
def test_a_layout_broken_by_hand_falls_back_to_the_default(archive, broken):
    committee = add_committee(archive, "Teknik", OWN)
    meeting = add_meeting(archive, committee, dt.date(2025, 3, 4), [Item(0, "Punkt")])
    archive.layouts.set_default(STANDARD)
    archive.db.execute("UPDATE committees SET layout = ? WHERE id = ?", [broken, committee.id])

    assert archive.layouts.of_committee(committee.id) == STANDARD
    assert archive.layouts.of_meeting(meeting.id) == STANDARD
    assert export_meeting(archive, meeting.id).layout == STANDARD


def test_a_default_broken_by_hand_falls_back_to_gentofte(archive):
    archive.db.execute("INSERT INTO settings (key, value) VALUES ('item_layout', '{ikke json')")
    committee = archive.committees.add(Committee("Teknik"))

    assert archive.layouts.default() == GENTOFTE
    assert archive.layouts.of_committee(committee.id) == GENTOFTE


def test_a_saved_layout_broken_by_hand_is_left_out(archive):
    archive.layouts.save(OWN)
    archive.db.execute("INSERT INTO saved_layouts (key, definition) VALUES ('brudt', '{ikke')")

    assert list(archive.layouts.known()) == ["gentofte", "standard", "egen"]


# --- search ---------------------------------------------------------------------------------


@pytest.fixture
def searchable(archive):
    committee = add_committee(archive, "Teknik- og Miljøudvalget", STANDARD)
    meeting = add_meeting(
        archive,
        committee,
        dt.date(2025, 3, 4),
        [
            Item(
                0,
                "Salg af ejendom",
                closed=True,
                case_id="EMN-2025-010561",
                public_title="Ejendomshandel på Strandvejen",
                sections={
                    "indstilling": "Salget **anbefales**.",
                    "sagsforloeb": "Tidligere udsat af Økonomiudvalget.",
                    "sagsfremstilling": "Matriklen ligger ved havnen.",
                    "oekonomi": "Provenuet er budgetlagt.",
                    "beslutning": "Vedtaget enstemmigt.",
                },
            ),
            Item(0, "Eventuelt"),
        ],
    )
    return committee, meeting


@pytest.mark.parametrize(
    "words",
    [
        "anbefales",
        "udsat Økonomiudvalget",
        "havnen",
        "provenuet",
        "enstemmigt",
        "Strandvejen",
        "Ejendomshandel",
        "Salg",
        "EMN-2025-010561",
        "budget",
    ],
)
def test_search_finds_words_in_every_section_and_the_public_title(archive, searchable, words):
    _committee, meeting = searchable
    item = items_of(archive, meeting)[0]

    assert found(archive, words) == [item.id]


def test_search_stops_finding_a_removed_text_or_a_deleted_item(archive, searchable):
    _committee, meeting = searchable
    item = items_of(archive, meeting)[0]

    archive.items.update_field(item.id, "section:oekonomi", "")
    archive.items.update_field(item.id, "public_title", "")
    assert found(archive, "provenuet") == []
    assert found(archive, "Strandvejen") == []
    assert found(archive, "havnen") == [item.id]

    snapshot = archive.items.delete(item.id)
    assert found(archive, "havnen") == []
    assert archive.db.value("SELECT count(*) FROM item_search WHERE rowid = ?", [item.id]) == 0

    archive.items.restore(snapshot)
    assert found(archive, "havnen") == [item.id]
    assert fts_is_sound(archive)


def test_search_follows_the_texts_a_change_moves_and_a_restore_puts_back(archive, gentofte):
    projekt, eventuelt, _ = items_of(archive, gentofte.september)

    touched = archive.layouts.change(gentofte.committee.id, STANDARD, {"resume": "indstilling"})

    assert found(archive, "Cykelparkering") == [eventuelt.id]
    assert found(archive, "projekterne efterretning") == [projekt.id]
    assert sorted(search_body(archive, projekt.id).split("\n")) == sorted(
        [SUMMARY, HISTORY, "Godkendt."]
    )
    archive.layouts.restore(gentofte.committee.id, GENTOFTE, touched)
    assert found(archive, "Cykelparkering") == [eventuelt.id]
    assert sorted(search_body(archive, projekt.id).split("\n")) == sorted(
        [SUMMARY, HISTORY, "Godkendt."]
    )
    assert fts_is_sound(archive)


def test_search_forgets_a_deleted_meeting_and_finds_it_restored(archive, searchable):
    _committee, meeting = searchable
    item = items_of(archive, meeting)[0]

    snapshot = archive.meetings.delete(meeting.id)
    assert found(archive, "havnen") == []

    archive.meetings.restore(snapshot)
    assert found(archive, "havnen") == [item.id]
    assert fts_is_sound(archive)


# --- the case history whatever the layout ---------------------------------------------------


@pytest.fixture
def case_in_two_layouts(archive):
    """The case before Økonomiudvalget (Gentofte's layout) in June, then before Teknik- og
    Miljøudvalget (Standard) in August, and before Skoleudvalget (no history section) in
    September."""
    ou = add_committee(archive, "Økonomiudvalget", GENTOFTE)
    tmu = add_committee(archive, "Teknik- og Miljøudvalget", STANDARD)
    school = add_committee(archive, "Skoleudvalget", NO_HISTORY)
    june = add_meeting(
        archive,
        ou,
        dt.date(2017, 6, 12),
        [Item(0, "Cykelsti", case_id=CASE, sections={"beslutning": "Anbefales **principielt**."})],
        first_number=4,
    )
    august = add_meeting(
        archive,
        tmu,
        dt.date(2017, 8, 15),
        [
            Item(
                0,
                "Cykelsti",
                case_id=CASE,
                sections={"indstilling": "Godkendes.", "beslutning": "Godkendt."},
            )
        ],
    )
    september = add_meeting(
        archive,
        school,
        dt.date(2017, 9, 5),
        [Item(0, "Cykelsti", case_id=CASE, sections={"sagsfremstilling": "Skolevejen."})],
    )
    return june, august, september


OU_HISTORY = "**Økonomiudvalget den 12. juni 2017, punkt 4:**\n\nAnbefales **principielt**."
TMU_HISTORY = "**Teknik- og Miljøudvalget den 15. august 2017, punkt 1:**\n\nGodkendt."


def test_earlier_decisions_are_read_whatever_their_meetings_layout(archive, case_in_two_layouts):
    _june, august, september = case_in_two_layouts

    assert [d.decision for d in earlier_decisions(archive, CASE, august.id)] == [
        "Anbefales **principielt**."
    ]
    assert history_for(archive, CASE, september.id) == f"{TMU_HISTORY}\n\n{OU_HISTORY}"


def test_earlier_decisions_survive_a_change_of_layout(archive, case_in_two_layouts):
    june, _august, september = case_in_two_layouts
    archive.layouts.change(june.committee_id, NO_HISTORY, {"resume": "sagsfremstilling"})

    assert history_for(archive, CASE, september.id) == f"{TMU_HISTORY}\n\n{OU_HISTORY}"


def test_export_fills_the_layouts_history_section(archive, case_in_two_layouts):
    _june, august, _september = case_in_two_layouts

    exported = export_with_history(archive, august.id)

    [(item, _)] = exported.items
    assert item.sections == {
        "indstilling": "Godkendes.",
        "sagsforloeb": OU_HISTORY,
        "beslutning": "Godkendt.",
    }
    assert items_of(archive, august)[0].text("sagsforloeb") == ""
    document = build_layout(exported, Edition("agenda"))
    assert labels(document) == ["Indstilling", "Sagsforløb"]
    texts = [plain_text(b.rich) for b in document.blocks if isinstance(b, Text)]
    assert "Anbefales principielt." in texts[1]


def test_a_layout_without_a_history_section_gets_no_history(archive, case_in_two_layouts):
    _june, _august, september = case_in_two_layouts

    exported = export_with_history(archive, september.id)

    [(item, _)] = exported.items
    assert item.sections == {"sagsfremstilling": "Skolevejen."}
    document = build_layout(exported, Edition("minutes"))
    assert labels(document) == ["Sagsfremstilling", "Beslutning"]
    assert not any(
        "Anbefales" in plain_text(b.rich) for b in document.blocks if isinstance(b, Text)
    )


def test_approving_minutes_without_a_history_section_writes_no_history(
    archive, case_in_two_layouts
):
    _june, _august, september = case_in_two_layouts

    archive.approvals.approve(archive, september.id, ["Formanden"], dt.date(2017, 9, 6))

    assert items_of(archive, september)[0].sections == {"sagsfremstilling": "Skolevejen."}
    assert archive.approvals.verify(september.id)


def test_approving_minutes_keeps_the_history_in_the_layouts_history_section(
    archive, case_in_two_layouts
):
    _june, august, _september = case_in_two_layouts

    archive.approvals.approve(archive, august.id, ["Formanden"], dt.date(2017, 8, 16))

    assert items_of(archive, august)[0].text("sagsforloeb") == OU_HISTORY
    assert archive.approvals.verify(august.id)


def test_postponing_in_standard_notes_it_in_indstilling_and_the_history_in_sagsforloeb(
    archive, case_in_two_layouts
):
    _june, august, _september = case_in_two_layouts
    tmu = archive.committees.get(august.committee_id)
    archive.items.update_field(
        items_of(archive, august)[0].id, "section:sagsfremstilling", "Baggrund."
    )
    archive.items.update_field(items_of(archive, august)[0].id, "section:beslutning", "")
    later = add_meeting(archive, tmu, dt.date(2017, 10, 3), [Item(0, "Godkendelse")])

    done = postpone(archive, items_of(archive, august)[0].id)

    copy = items_of(archive, later)[-1]
    assert copy.id == done.copy.id
    assert copy.sections == {
        "indstilling": "Udsat fra mødet den 15. august 2017, punkt 1.\n\nGodkendes.",
        "sagsfremstilling": "Baggrund.",
        "sagsforloeb": f"{TMU_HISTORY.replace('Godkendt.', 'Udsat.')}\n\n{OU_HISTORY}",
    }


def test_postponing_notes_it_in_the_first_text_section_the_agenda_shows(archive):
    committee = add_committee(archive, "Skoleudvalget", OWN)
    first = add_meeting(
        archive,
        committee,
        dt.date(2017, 6, 27),
        [Item(0, "Skolevej", sections={"notat": "Kun i referatet.", "baggrund": "Baggrund."})],
    )
    later = add_meeting(archive, committee, dt.date(2017, 8, 15), [])

    postpone(archive, items_of(archive, first)[0].id)

    [copy] = items_of(archive, later)
    assert copy.sections == {
        "notat": "Kun i referatet.",
        "baggrund": "Udsat fra mødet den 27. juni 2017, punkt 1.\n\nBaggrund.",
        "historik": "**Skoleudvalget den 27. juni 2017, punkt 1:**\n\nUdsat.",
    }


# --- reservations (forbehold) ---------------------------------------------------------------


@pytest.fixture
def reserved(archive):
    committee = add_committee(archive, "Økonomiudvalget", GENTOFTE)
    meeting = add_meeting(
        archive,
        committee,
        dt.date(2025, 3, 4),
        [Item(0, "Budget", sections={"beslutning": "Godkendt."}), Item(0, "Eventuelt")],
    )
    item = items_of(archive, meeting)[0]
    archive.records.set_reservations(
        item.id,
        [Reservation(item.id, "Søren Holm", "til finansieringen"), Reservation(item.id, "Ø")],
    )
    return meeting, item


def reservation_words(archive, item_id):
    return [(r.member, r.text, r.position) for r in archive.records.reservations(item_id)]


def test_reservations_are_kept_in_order(archive, reserved):
    _meeting, item = reserved

    assert reservation_words(archive, item.id) == [
        ("Søren Holm", "til finansieringen", 0),
        ("Ø", "", 1),
    ]
    archive.records.set_reservations(item.id, [Reservation(item.id, "Ø")])
    assert reservation_words(archive, item.id) == [("Ø", "", 0)]


def test_reservations_go_with_a_deleted_item_and_come_back_with_it(archive, reserved):
    _meeting, item = reserved
    before = reservation_words(archive, item.id)

    snapshot = archive.items.delete(item.id)
    assert archive.db.value("SELECT count(*) FROM item_reservations") == 0
    assert archive.records.reservations(item.id) == []

    archive.items.restore(snapshot)
    assert reservation_words(archive, item.id) == before


def test_an_approved_meeting_refuses_new_reservations(archive, reserved):
    meeting, item = reserved
    archive.approvals.approve(archive, meeting.id, ["Formanden"], dt.date(2025, 3, 5))

    with pytest.raises(StoreError, match=LOCKED):
        archive.records.set_reservations(item.id, [Reservation(item.id, "Venstre")])
    with pytest.raises(StoreError, match=LOCKED):
        archive.records.set_reservations(item.id, [])
    with pytest.raises(StoreError, match=LOCKED):
        archive.db.execute("UPDATE item_reservations SET text = 'x'")
    assert reservation_words(archive, item.id) == [
        ("Søren Holm", "til finansieringen", 0),
        ("Ø", "", 1),
    ]
    assert archive.approvals.verify(meeting.id)


SECTION_WRITES = {
    "insert": "INSERT INTO item_sections (item_id, key, text) VALUES (?, 'resume', 'Nyt.')",
    "insert or replace": (
        "INSERT OR REPLACE INTO item_sections (item_id, key, text) VALUES (?, 'beslutning', 'x')"
    ),
    "upsert": (
        "INSERT INTO item_sections (item_id, key, text) VALUES (?, 'beslutning', 'x') "
        "ON CONFLICT(item_id, key) DO UPDATE SET text = excluded.text"
    ),
    "update": "UPDATE item_sections SET text = 'Ændret.' WHERE item_id = ?",
    "delete": "DELETE FROM item_sections WHERE item_id = ?",
    "move away": "UPDATE item_sections SET item_id = 999 WHERE item_id = ?",
}


@pytest.mark.parametrize("write", SECTION_WRITES)
def test_an_approved_meeting_refuses_every_write_to_its_sections(archive, reserved, write):
    meeting, item = reserved
    archive.approvals.approve(archive, meeting.id, ["Formanden"], dt.date(2025, 3, 5))
    before = section_rows(archive)

    with pytest.raises(StoreError, match=LOCKED):
        archive.db.execute(SECTION_WRITES[write], [item.id])

    assert section_rows(archive) == before
    assert archive.approvals.verify(meeting.id)


def test_an_approved_meeting_refuses_a_text_moved_in_from_another_item(archive, reserved):
    meeting, item = reserved
    other = items_of(archive, meeting)[1]
    archive.approvals.approve(archive, meeting.id, ["Formanden"], dt.date(2025, 3, 5))
    committee = add_committee(archive, "Teknik", GENTOFTE)
    open_meeting = add_meeting(
        archive, committee, dt.date(2025, 4, 1), [Item(0, "Åbent", sections={"resume": "x"})]
    )
    open_item = items_of(archive, open_meeting)[0]

    with pytest.raises(StoreError, match=LOCKED):
        archive.db.execute(
            "UPDATE item_sections SET item_id = ? WHERE item_id = ?", [other.id, open_item.id]
        )
    with pytest.raises(StoreError, match=LOCKED):
        archive.items.update_field(item.id, "section:resume", "Tilføjet bagefter.")


# --- texts copied from minutes in another layout (the review's finding 1) --------------------


def test_an_agenda_from_minutes_approved_in_another_layout_keeps_every_text(archive, gentofte):
    from secretary_app.core.agenda_templates import items_from_earlier_agenda

    archive.layouts.change(gentofte.committee.id, STANDARD, {"resume": "indstilling"})
    source = archive.layouts.of_meeting(gentofte.june.id)
    target = archive.layouts.of_committee(gentofte.committee.id)
    assert (source, target) == (GENTOFTE, STANDARD)

    first, second = items_from_earlier_agenda(items_of(archive, gentofte.june), source, target)

    assert set(first.sections) == {"indstilling"}
    assert first.text("indstilling") == "**Resumé**\n\nJuni-resumé."
    assert second.text("indstilling") == "**Resumé**\n\nIntet nyt."
    assert first.decision == ""  # the decision belongs to June's meeting


def test_postponing_from_minutes_in_another_layout_keeps_the_items_texts(archive, gentofte):
    archive.layouts.change(gentofte.committee.id, STANDARD, {"resume": "indstilling"})
    [june_item, _] = items_of(archive, gentofte.june)
    # June's minutes are approved (its decision stays): the copy goes to September's meeting.
    copy = postpone(archive, june_item.id)
    assert copy is not None
    moved = archive.items.get(copy.copy.id)
    assert moved.meeting_id == gentofte.september.id
    assert moved.text("indstilling").endswith("**Resumé**\n\nJuni-resumé.")
    assert set(moved.sections) <= set(STANDARD.section_keys())


# --- verify, as approved (the review's finding 3) ---------------------------------------------


def test_minutes_with_untidy_names_verify_as_approved(archive):
    committee = add_committee(archive, "Udvalget", GENTOFTE)
    meeting = add_meeting(archive, committee, dt.date(2025, 3, 4), [Item(0, "Punkt")])
    [item] = items_of(archive, meeting)
    archive.attachments.add(Attachment(item.id, " Bilag", " Bilag.pdf"), b"%PDF")
    archive.meetings.set_attendance(meeting.id, [AttendanceEntry(meeting.id, "Anne ")])
    archive.items.update_field(item.id, "chair_notes", "Husk\x0c kaffe")
    archive.approvals.approve(archive, meeting.id, ["Anne"], dt.date(2025, 3, 5))
    assert archive.approvals.verify(meeting.id)


def test_a_saved_layout_deleted_from_a_committee_dialog_comes_back_with_undo(archive):
    from secretary_app.store.committee_setup import save_layouts

    ours = dataclasses.replace(STANDARD, name="Vores")
    archive.layouts.save(ours, "vores")
    committee = add_committee(archive, "Udvalget", GENTOFTE)
    setup = CommitteeSetup(archive.committees.get(committee.id), saved_layouts={"vores": None})

    written = write_setup(archive, setup)
    assert "vores" not in archive.layouts.known()

    save_layouts(archive, written.saved_before)  # what undoing the dialog's change does
    assert archive.layouts.known()["vores"] == ours
