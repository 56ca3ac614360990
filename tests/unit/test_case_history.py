"""The case history ("Tidligere beslutninger") and postponed items ("Udsat").

The rule (core.case_history) on plain data; the archive's query (store.case_history) over three
meetings of two committees that share a case; the export path that fills an unwritten history
while `dump` stays what the archive holds; and moving an item to the committee's next meeting.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import docx
import pytest

from secretary_app.cli import main
from secretary_app.core.case_history import (
    EarlierDecision,
    case_key,
    history_markdown,
    postponed_note,
    postponed_summary,
)
from secretary_app.core.exchange import MeetingDocument, dump_meeting
from secretary_app.core.model import Attachment, Committee, Item, Meeting
from secretary_app.core.rich_text import Paragraph, Span, parse_markdown, plain_text
from secretary_app.export.layout import Edition, Text, build_layout
from secretary_app.store.archive import Archive
from secretary_app.store.case_history import (
    _EARLIER_SQL,
    earlier_decisions,
    export_with_history,
    history_for,
    postpone,
    postponed_from,
    put_back,
    take_back,
)
from secretary_app.store.exchange import export_meeting

CASE = "EMN-2017-03374"
KB_DECISION = "Indstillingen **godkendt**.\n\n- Borgmesteren bemyndiges.\n- Sagen afsluttes."
KB_HISTORY = (
    "**Kommunalbestyrelsen den 24. juni 2013, punkt 7:**\n\n"
    "Indstillingen **godkendt**.\n\n- Borgmesteren bemyndiges.\n- Sagen afsluttes.\n\n"
    "**Økonomiudvalget den 10. juni 2013, punkt 4:**\n\nAnbefales."
)


# --- the rule, on plain data ----------------------------------------------------------------


def test_the_history_is_newest_first_with_committee_date_and_number():
    older = EarlierDecision("Økonomiudvalget", dt.date(2013, 6, 10), 4, "Anbefales.")
    newer = EarlierDecision("Kommunalbestyrelsen", dt.date(2013, 6, 24), 7, KB_DECISION)

    assert history_markdown([older, newer]) == KB_HISTORY
    assert history_markdown([newer, older]) == KB_HISTORY


def test_each_decision_keeps_its_formats_under_a_bold_heading():
    newer = EarlierDecision("Kommunalbestyrelsen", dt.date(2013, 6, 24), 7, KB_DECISION)

    blocks = parse_markdown(history_markdown([newer]))

    assert blocks[0] == Paragraph((Span("Kommunalbestyrelsen den 24. juni 2013, punkt 7:", True),))
    assert blocks[1:] == parse_markdown(KB_DECISION)


def test_a_committee_name_with_markdown_characters_stays_text():
    earlier = EarlierDecision("Udvalg *for* 1. klasse", dt.date(2020, 1, 2), 1, "Godkendt.")

    heading = parse_markdown(history_markdown([earlier]))[0]

    assert heading == Paragraph(
        (Span("Udvalg *for* 1. klasse den 2. januar 2020, punkt 1:", True),)
    )


@pytest.mark.parametrize("empty", ["", "  \n ", "\n\n"])
def test_an_earlier_item_without_a_decision_is_left_out(empty):
    minuted = EarlierDecision("Økonomiudvalget", dt.date(2013, 6, 10), 4, "Anbefales.")
    not_minuted = EarlierDecision("Kommunalbestyrelsen", dt.date(2013, 6, 24), 7, empty)

    assert history_markdown([not_minuted, minuted]) == (
        "**Økonomiudvalget den 10. juni 2013, punkt 4:**\n\nAnbefales."
    )
    assert history_markdown([not_minuted]) == ""
    assert history_markdown([]) == ""


@pytest.mark.parametrize(
    "typed", ["EMN-2017-03374", "emn-2017-03374", " EMN - 2017 - 03374 ", "Emn-2017-\u00a003374"]
)
def test_case_ids_compare_without_blanks_and_case(typed):
    assert case_key(typed) == "EMN-2017-03374"


def test_the_postponed_note_comes_first_in_the_summary():
    note = postponed_note(dt.date(2017, 6, 27), 1)

    assert note == "Udsat fra mødet den 27. juni 2017, punkt 1."
    assert postponed_summary(note, "Sagen *genoptages*.") == f"{note}\n\nSagen *genoptages*."
    assert postponed_summary(note, "") == note


def test_postponed_again_the_newest_note_replaces_the_older_one():
    first = postponed_summary(postponed_note(dt.date(2017, 6, 27), 1), "Resumé.")
    again = postponed_summary(postponed_note(dt.date(2017, 8, 15), 5), first)

    assert again == "Udsat fra mødet den 15. august 2017, punkt 5.\n\nResumé."


# --- the archive: three meetings, two committees, one case ---------------------------------


@pytest.fixture
def case(archive):
    return make_case(archive)


def make_case(archive):
    """ØU 10 June 2013 (item 4), KB 24 June 2013 (items 7-8), ØU 12 August 2013 (item 2): all
    on CASE, typed differently; and a later KB meeting on 26 August with the case again."""
    ou = archive.committees.add(Committee("Økonomiudvalget"))
    kb = archive.committees.add(Committee("Kommunalbestyrelsen"))
    first = meeting(archive, ou, dt.date(2013, 6, 10), 1, ["", "", "", CASE])
    archive.items.update_field(items_of(archive, first)[3].id, "section:beslutning", "Anbefales.")
    second = meeting(archive, kb, dt.date(2013, 6, 24), 7, [" emn-2017- 03374", ""])
    archive.items.update_field(items_of(archive, second)[0].id, "section:beslutning", KB_DECISION)
    newest = meeting(archive, ou, dt.date(2013, 8, 12), 1, ["", "EMN-2017-03374 "])
    later = meeting(archive, kb, dt.date(2013, 8, 26), 1, [CASE])
    archive.items.update_field(items_of(archive, later)[0].id, "section:beslutning", "Senere.")
    return first, second, newest, later


def meeting(archive, committee, day, first_number, case_ids):
    items = [Item(0, f"Punkt {n}", case_id=case_id) for n, case_id in enumerate(case_ids)]
    return archive.meetings.create(Meeting(committee.id, day, first_number=first_number), items)


def items_of(archive, meeting):
    return archive.items.for_meeting(meeting.id)


def test_the_newest_item_lists_the_two_older_decisions_newest_first(archive, case):
    _first, _second, newest, _later = case

    found = earlier_decisions(archive, CASE, newest.id)

    assert found == [
        EarlierDecision("Kommunalbestyrelsen", dt.date(2013, 6, 24), 7, KB_DECISION),
        EarlierDecision("Økonomiudvalget", dt.date(2013, 6, 10), 4, "Anbefales."),
    ]
    assert history_for(archive, CASE, newest.id) == KB_HISTORY


def test_later_meetings_and_the_meeting_itself_are_not_included(archive, case):
    first, second, _newest, _later = case

    assert earlier_decisions(archive, CASE, first.id) == []
    assert [d.committee for d in earlier_decisions(archive, CASE, second.id)] == ["Økonomiudvalget"]


def test_a_meeting_the_same_day_counts_by_its_id(archive, case):
    first, *_ = case
    same_day = meeting(archive, archive.committees.get(first.committee_id), first.date, 1, [CASE])

    assert [d.number for d in earlier_decisions(archive, CASE, same_day.id)] == [4]
    assert earlier_decisions(archive, CASE, first.id) == []


@pytest.mark.parametrize("typed", ["emn-2017-03374", "EMN-2017- 03374", "  Emn-2017-03374\u00a0"])
def test_a_case_id_typed_differently_matches(archive, case, typed):
    *_, newest, _later = case

    assert history_for(archive, typed, newest.id) == KB_HISTORY


def test_danish_letters_match_in_either_case(archive, committee):
    old = meeting(archive, committee, dt.date(2020, 1, 1), 1, ["ØKO-2020-1234"])
    archive.items.update_field(items_of(archive, old)[0].id, "section:beslutning", "Godkendt.")
    new = meeting(archive, committee, dt.date(2020, 2, 1), 1, ["øko-2020-1234"])

    assert [d.decision for d in earlier_decisions(archive, "øko-2020-1234", new.id)] == [
        "Godkendt."
    ]


@pytest.mark.parametrize("empty", ["", "   "])
def test_no_case_id_has_no_history(archive, case, empty):
    *_, newest, _later = case
    for item in items_of(archive, case[0]):  # earlier items with no case ID, and decisions
        archive.items.update_field(item.id, "section:beslutning", "Godkendt.")

    assert earlier_decisions(archive, empty, newest.id) == []
    assert history_for(archive, empty, newest.id) == ""


def test_the_query_uses_the_case_id_index(archive):
    plan = archive.db.execute(f"EXPLAIN QUERY PLAN {_EARLIER_SQL}", ["A", "a", 1]).fetchall()

    assert any("items_case_key" in row[-1] for row in plan), plan


# --- the export path fills, `dump` does not ---------------------------------------------------


def test_export_fills_an_unwritten_history_and_dump_stays_unchanged(archive, case):
    *_, newest, _later = case
    written = items_of(archive, newest)[0]
    archive.items.update_field(written.id, "section:tidligere_beslutninger", "Skrevet *i hånden*.")

    exported = export_with_history(archive, newest.id)
    dumped = export_meeting(archive, newest.id)

    assert [item.text("tidligere_beslutninger") for item, _ in exported.items] == [
        "Skrevet *i hånden*.",
        KB_HISTORY,
    ]
    assert [item.text("tidligere_beslutninger") for item, _ in dumped.items] == [
        "Skrevet *i hånden*.",
        "",
    ]
    assert archive.items.for_meeting(newest.id)[1].text("tidligere_beslutninger") == ""


def test_a_loaded_meeting_exports_with_the_current_history_and_dumps_without(tmp_path, capsys):
    db = tmp_path / "arkiv.sqlite3"
    archive = Archive.open(db)
    make_case(archive)
    archive.close()
    source = tmp_path / "kb.json"
    source.write_text(json.dumps(dump_meeting(loaded_meeting(" emn-2017-03374"))), "utf-8")
    capsys.readouterr()
    assert cli(db, "load", source) == 0
    loaded = int(capsys.readouterr().out)

    assert cli(db, "export", loaded, "--document", "minutes", "-o", tmp_path / "r.docx") == 0
    assert cli(db, "dump", loaded, "-o", tmp_path / "d.json") == 0

    lines = docx_lines(tmp_path / "r.docx")
    start = lines.index("Tidligere beslutninger:")
    assert lines[start + 1 : start + 5] == [
        "Kommunalbestyrelsen den 26. august 2013, punkt 1:",
        "Senere.",
        "Kommunalbestyrelsen den 24. juni 2013, punkt 7:",
        "Indstillingen godkendt.",
    ]
    assert "Økonomiudvalget den 10. juni 2013, punkt 4:" in lines
    dumped = json.loads((tmp_path / "d.json").read_text("utf-8"))
    assert dumped["items"][0]["sections"]["tidligere_beslutninger"] == ""


def loaded_meeting(case_id: str) -> MeetingDocument:
    meeting = Meeting(0, dt.date(2013, 9, 2), dt.time(17), dt.time(19), "Rådssalen")
    items = [(Item(0, "Lokalplan 350. Endelig vedtagelse", case_id=case_id), [])]
    return MeetingDocument(Committee("Kommunalbestyrelsen"), meeting, [], items)


def cli(db: Path, *args: object) -> int:
    return main(["--db", str(db), *map(str, args)])


def docx_lines(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


# --- postponing: the item moves to the committee's next meeting ------------------------------


@pytest.fixture
def june(archive):
    """Opgaveudvalg om Innovation: 27 June 2017 (items 1-2) and 15 August 2017 (items 3-4);
    another committee meets in between."""
    task = archive.committees.add(Committee("Opgaveudvalg om Innovation"))
    other = archive.committees.add(Committee("Økonomiudvalget"))
    june = archive.meetings.create(
        Meeting(task.id, dt.date(2017, 6, 27)),
        [
            Item(
                0,
                "Projektsporet",
                case_id=CASE,
                sections={"resume": "Status på **projekterne**."},
                closed=True,
            ),
            Item(0, "Eventuelt"),
        ],
    )
    meeting(archive, other, dt.date(2017, 7, 3), 1, [CASE])
    archive.meetings.create(
        Meeting(task.id, dt.date(2017, 8, 15), first_number=3),
        [Item(0, "Godkendelse"), Item(0, "Eventuelt")],
    )
    return june


def test_postponing_copies_the_item_to_the_end_of_the_next_meeting(archive, june):
    original = items_of(archive, june)[0]
    archive.attachments.add(Attachment(original.id, "Notat", "notat.pdf", public=False), b"%PDF")

    done = postpone(archive, original.id)

    august = archive.meetings.next_after(june.id)
    copy = items_of(archive, august)[-1]
    assert (done.copy.id, copy.position, august.date) == (copy.id, 2, dt.date(2017, 8, 15))
    assert (copy.title, copy.case_id, copy.closed) == ("Projektsporet", CASE, True)
    assert (
        copy.text("resume")
        == "Udsat fra mødet den 27. juni 2017, punkt 1.\n\nStatus på **projekterne**."
    )
    assert copy.text("tidligere_beslutninger") == (
        "**Opgaveudvalg om Innovation den 27. juni 2017, punkt 1:**\n\nUdsat."
    )
    assert archive.items.get(original.id).decision == "Udsat."
    assert postponed_from(archive, copy.id) == original.id
    assert postponed_from(archive, original.id) is None
    [attachment] = archive.attachments.for_item(copy.id)
    assert (attachment.title, attachment.public, archive.attachments.content(attachment.id)) == (
        "Notat",
        False,
        b"%PDF",
    )


def test_the_postponed_note_shows_in_the_exported_agenda(archive, june):
    postpone(archive, items_of(archive, june)[0].id)
    august = archive.meetings.next_after(june.id)

    layout = build_layout(export_with_history(archive, august.id), Edition("agenda"))

    texts = [plain_text(block.rich) for block in layout.blocks if isinstance(block, Text)]
    assert "Udsat fra mødet den 27. juni 2017, punkt 1." in texts[0]


def test_a_written_decision_is_kept_and_heads_the_history(archive, june):
    original = items_of(archive, june)[0]
    archive.items.update_field(original.id, "section:beslutning", "Udsat. Afventer *høringen*.")

    done = postpone(archive, original.id)

    assert done.decision_before is None
    assert archive.items.get(original.id).decision == "Udsat. Afventer *høringen*."
    assert done.copy.text("tidligere_beslutninger").endswith("Udsat. Afventer *høringen*.")


def test_without_a_case_id_the_history_is_the_original_decision(archive, june):
    original = items_of(archive, june)[1]

    done = postpone(archive, original.id)

    assert done.copy.text("tidligere_beslutninger") == (
        "**Opgaveudvalg om Innovation den 27. juni 2017, punkt 2:**\n\nUdsat."
    )


def test_undo_and_redo_of_a_postponement(archive, june):
    original = items_of(archive, june)[0]
    august = archive.meetings.next_after(june.id)
    done = postpone(archive, original.id)

    take_back(archive, done)
    assert [i.title for i in items_of(archive, august)] == ["Godkendelse", "Eventuelt"]
    assert archive.items.get(original.id).decision == ""

    put_back(archive, done)
    copy = items_of(archive, august)[-1]
    assert (copy.id, copy.title) == (done.copy.id, "Projektsporet")
    assert postponed_from(archive, copy.id) == original.id
    assert archive.items.get(original.id).decision == "Udsat."
    assert len(archive.attachments.for_item(copy.id)) == 0


def test_with_no_later_meeting_nothing_changes(archive, june):
    august = archive.meetings.next_after(june.id)
    last = items_of(archive, august)[0]
    before = [export_meeting(archive, m.id) for m in (june, august)]

    assert postpone(archive, last.id) is None
    assert [export_meeting(archive, m.id) for m in (june, august)] == before


def test_the_next_meeting_is_the_same_committees_by_date_then_id(archive, june):
    same_day = archive.meetings.add(Meeting(june.committee_id, june.date))
    earlier = archive.meetings.add(Meeting(june.committee_id, dt.date(2017, 5, 1)))

    assert archive.meetings.next_after(june.id).id == same_day.id
    assert archive.meetings.next_after(earlier.id).id == june.id


def test_an_archive_of_the_first_schema_takes_the_link(tmp_path):
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(Path(__file__).parent.parent / "data" / "archive-schema-m001.sqlite3", path)
    archive = Archive.open(path)
    try:
        archive.meetings.add(Meeting(archive.meetings.get(1).committee_id, dt.date(2030, 1, 1)))
        done = postpone(archive, 1)
        assert postponed_from(archive, done.copy.id) == 1
        assert archive.integrity_ok()
    finally:
        archive.close()
