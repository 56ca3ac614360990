"""Search while typing (issue 11, point 5): the rules (core.search_query) and the store's
answers (store.search) over an in-memory archive; any input works (hypothesis)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secretary_app.core.model import Committee, Item, Meeting
from secretary_app.core.search_query import (
    SearchFilter,
    SearchTerms,
    first_match,
    fts_match,
    fts_word_starts,
    marked,
    plain_text,
    search_terms,
    snippet,
)
from secretary_app.store import search as search_store
from secretary_app.store.archive import Archive

DATA = Path(__file__).resolve().parent.parent / "data"

# --- the rules --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "inside", "word_starts"),
    [
        ("bevilling", ("bevilling",), ()),
        ("  budget   skole ", ("budget", "skole"), ()),
        ("(budget),", ("budget",), ()),
        ("R&D", ("R&D",), ()),
        ("EMN-2017-03374", ("EMN-2017-03374",), ()),
        ("14/10674", ("14/10674",), ()),
        ('"NOT"', ("NOT",), ()),
        ("NEAR(sag", ("NEAR(sag",), ()),
        ("IT strategi", ("strategi",), ("IT",)),
        ("æ", (), ("æ",)),
        ("a b", (), ("a", "b")),
        ("Budget budget", ("Budget",), ()),
        ('"', (), ()),
        ("*", (), ()),
        ("   ", (), ()),
        ("", (), ()),
        ("a_", (), ()),
    ],
)
def test_typed_text_becomes_terms(text, inside, word_starts):
    assert search_terms(text) == SearchTerms(inside, word_starts)


def test_terms_are_bounded():
    terms = search_terms(" ".join(f"ord{n}" for n in range(50)) + " " + "x" * 10_000)
    assert len(terms.inside) == 12
    assert max(map(len, search_terms("y" * 10_000).inside)) == 100


def test_fts_queries_quote_every_term():
    terms = SearchTerms(inside=('sag "om"', "AND"), word_starts=("IT",))
    assert fts_match(terms) == '"sag ""om""" AND "AND"'
    assert fts_word_starts(terms) == '"IT"*'


def test_matches_are_marked_whatever_their_case():
    assert marked("Anlægsbevilling til Østerbro", search_terms("BEVILLING ø")) == (
        ("Anlægs", False),
        ("bevilling", True),
        (" til ", False),
        ("Ø", True),
        ("sterbro", False),
    )


def test_a_short_word_is_marked_only_at_a_word_beginning():
    assert marked("Kit og IT-plan", search_terms("it")) == (
        ("Kit og ", False),
        ("IT", True),
        ("-plan", False),
    )


def test_the_first_match_is_found_as_it_is_written():
    """To find it again in the field that shows the text (an opened hit scrolls to it)."""
    text = "Udvalget godkendte. Anlægsbevillingen til Østerbro Skole"
    assert first_match(text, search_terms("østerbro BEVILLING")) == "bevilling"
    assert first_match(text, search_terms("ØSTERBRO")) == "Østerbro"
    assert first_match("Kit og IT-plan", search_terms("it")) == "IT"
    assert first_match(text, search_terms("andet")) is None


@given(st.text(max_size=60), st.text(max_size=12))
def test_the_first_match_is_in_the_text_whatever_the_input(text, query):
    found = first_match(text, search_terms(query))
    assert found is None or found in text


def test_a_snippet_is_plain_text_around_the_first_match():
    text = "Indledning. " * 40 + "Udvalget **godkendte** anlægsbevillingen:\n\n- til skolen\n"
    segments = snippet(text, search_terms("bevilling"))
    shown = "".join(part for part, _ in segments)
    assert shown.startswith("… ")
    assert "Udvalget godkendte anlægsbevillingen: til skolen" in shown
    assert [part for part, hit in segments if hit] == ["bevilling"]
    assert len(shown) < 200


def test_a_snippet_without_a_match_is_the_texts_beginning():
    assert snippet("Kort tekst", search_terms("andet")) == (("Kort tekst", False),)


def test_a_table_is_made_plain_without_its_rule_and_breaks():
    table = "| Konto | Beløb |\n| --- | :-: |\n| Drift<br>og anlæg | 1.200 |"
    assert plain_text(table) == "| Konto | Beløb | | Drift og anlæg | 1.200 |"


def test_markdown_is_made_plain():
    assert plain_text("1. **fed** og <u>understreget</u>\n   - punkt \\*") == (
        "fed og understreget punkt"
    )


# --- the store --------------------------------------------------------------------------------


@pytest.fixture
def two_years(archive):
    """Økonomiudvalget in 2024 and 2025, Skoleudvalget in 2025: compounds, case IDs, closed."""
    ou = archive.committees.add(Committee("Økonomiudvalget"))
    school = archive.committees.add(Committee("Skoleudvalget"))
    old = _meeting(archive, ou, dt.date(2024, 5, 2), [Item(0, "Budgetopfølgning 1. kvartal")])
    new = _meeting(
        archive,
        ou,
        dt.date(2025, 5, 6),
        [
            Item(0, "Godkendelse af dagsorden"),
            Item(0, "Anlægsbevilling til Østerbro Skole", case_id="EMN-2025-010561"),
            Item(0, "Salg af grund", closed=True, case_id="EMN-2024-00042"),
        ],
    )
    school_meeting = _meeting(archive, school, dt.date(2025, 3, 3), [Item(0, "IT-strategi")])
    archive.items.update_field(
        _items(archive, new)[0].id, "section:beslutning", "Godkendt. Ny bevilling følger."
    )
    return ou, school, old, new, school_meeting


def _meeting(archive, committee, day, items):
    return archive.meetings.create(Meeting(committee.id, day), items)


def _items(archive, meeting):
    return archive.items.for_meeting(meeting.id)


def titles(archive, text, where=None):
    return [hit.title for hit in archive.search.find(text, where).hits]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bevilling", ["Anlægsbevilling til Østerbro Skole", "Godkendelse af dagsorden"]),
        ("opfølgning", ["Budgetopfølgning 1. kvartal"]),
        ("ØSTERBRO", ["Anlægsbevilling til Østerbro Skole"]),
        ("EMN-2025-010561", ["Anlægsbevilling til Østerbro Skole"]),
        ("emn-2025", ["Anlægsbevilling til Østerbro Skole"]),
        ("EMN-2024", ["Salg af grund"]),
        ("EMN-2026", []),
        ("it", ["IT-strategi"]),
        ("ø", ["Anlægsbevilling til Østerbro Skole"]),
        ("bevilling ø", ["Anlægsbevilling til Østerbro Skole"]),
        ("skole bevilling", ["Anlægsbevilling til Østerbro Skole"]),
        ("R&D", []),
        ('"', []),
        ("NEAR(", []),
        ("*", []),
        (" ", []),
    ],
)
def test_search_finds_inside_words_and_by_case_id(archive, two_years, text, expected):
    assert titles(archive, text) == expected


def test_title_hits_come_first_then_the_newest_meeting(archive, two_years):
    # "bevilling" is in the title of one item and in the decision of another: the title first.
    assert titles(archive, "bevilling")[0] == "Anlægsbevilling til Østerbro Skole"
    # "a" (word beginnings): the newest meeting first, then the agenda's order.
    found = archive.search.find("af")
    assert [(hit.date, hit.number) for hit in found.hits] == [("2025-05-06", 1), ("2025-05-06", 3)]


def test_a_hit_says_where_it_is_and_shows_the_match(archive, two_years):
    _ou, _school, _old, new, _ = two_years
    result = archive.search.find("følger")
    [hit] = result.hits
    assert result.total == 1
    assert (hit.meeting_id, hit.date, hit.committee, hit.number) == (
        new.id,
        "2025-05-06",
        "Økonomiudvalget",
        1,
    )
    assert hit.snippet == (("Godkendt. Ny bevilling ", False), ("følger", True), (".", False))


def test_the_limit_keeps_the_count(archive, two_years):
    result = archive.search.find("af", limit=1)
    assert [hit.title for hit in result.hits] == ["Godkendelse af dagsorden"]
    assert result.total == 2


FILTERS = {
    "committee": ("it", lambda ou, school: SearchFilter(committee_id=school.id), ["IT-strategi"]),
    "period": (
        "kvartal",
        lambda ou, school: SearchFilter(
            date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 12, 31)
        ),
        ["Budgetopfølgning 1. kvartal"],
    ),
    "not in the period": (
        "kvartal",
        lambda ou, school: SearchFilter(date_from=dt.date(2025, 1, 1)),
        [],
    ),
    "closed": ("emn", lambda ou, school: SearchFilter(closed=True), ["Salg af grund"]),
    "open": (
        "emn",
        lambda ou, school: SearchFilter(committee_id=ou.id, closed=False),
        ["Anlægsbevilling til Østerbro Skole"],
    ),
}


@pytest.mark.parametrize("name", FILTERS)
def test_filters(archive, two_years, name):
    ou, school, *_ = two_years
    text, where, expected = FILTERS[name]
    result = archive.search.find(text, where(ou, school))
    assert [hit.title for hit in result.hits] == expected
    assert result.total == len(expected)


def test_search_follows_edits_and_deletes(archive, two_years):
    *_, school_meeting = two_years
    [item] = _items(archive, school_meeting)
    archive.items.update_field(item.id, "title", "Digitaliseringsstrategi")
    archive.items.update_field(item.id, "case_id", "QX-2025-0001")
    assert titles(archive, "it") == []
    assert titles(archive, "strategi") == ["Digitaliseringsstrategi"]
    assert titles(archive, "qx") == ["Digitaliseringsstrategi"]  # the case ID's beginning
    archive.items.delete(item.id)
    assert titles(archive, "strategi") == titles(archive, "qx") == []
    _integrity(archive)


def test_approved_minutes_are_found_and_the_indexes_stay_sound(archive, two_years):
    _ou, _school, old, *_ = two_years
    archive.approvals.approve(archive, old.id, ["Formand"], dt.date(2024, 5, 10))
    assert archive.approvals.is_approved(old.id)
    assert titles(archive, "opfølgning") == titles(archive, "bu") == ["Budgetopfølgning 1. kvartal"]
    other = archive.items.add(Item(_two_years_new(two_years).id, "Ny opfølgning"))
    assert archive.search.find("opfølgning").total == 2
    assert other.id in [hit.item_id for hit in archive.search.find("opfølgning").hits]
    _integrity(archive)


def _two_years_new(two_years):
    return two_years[3]


def _integrity(archive):
    for table in ("item_search", "item_search_words"):
        archive.db.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")


@pytest.mark.parametrize("name", ["archive-schema-m005.sqlite3", "archive-schema-m009.sqlite3"])
def test_an_upgraded_archive_finds_inside_words_also_in_approved_minutes(tmp_path, name):
    copy = tmp_path / name
    shutil.copyfile(DATA / name, copy)
    archive = Archive.open(copy)
    try:
        for meeting_id in archive.approvals.approved_meetings():
            for item in archive.items.for_meeting(meeting_id):
                piece = item.title[len(item.title) // 3 :][:5]
                if len(piece.strip()) >= 3:
                    found = [hit.item_id for hit in archive.search.find(piece.strip()).hits]
                    assert item.id in found, (item.title, piece)
        assert archive.search.find("novation").total >= 1
        _integrity(archive)
    finally:
        archive.close()


# --- any input works --------------------------------------------------------------------------

QUERY_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"]) | st.sampled_from('"*()&^:-+ NEARæøÅ'),
    max_size=60,
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=QUERY_TEXT)
def test_any_text_is_a_search_and_never_raises(archive, two_years, text):
    result = archive.search.find(text)
    assert result.total >= len(result.hits)
    for hit in result.hits:
        assert "".join(part for part, _ in hit.title_marks) == hit.title
        assert isinstance(hit.snippet, tuple)


@pytest.mark.parametrize(
    "text", ["x" * 10_000, "ab " * 3_000, '"' * 500, "\x00\ud800 bevilling", "NEAR(" * 100]
)
def test_very_long_or_odd_text_is_a_search(archive, two_years, text):
    assert archive.search.find(text).total >= 0


# --- many hits: counted up to a bound, ordered without reading them all ------------------------


@pytest.fixture
def out_of_order(archive):
    """Meetings added in another order than their dates (one planned early, one moved back, one
    added late): ids do not follow the dates, which the search must not rely on."""
    committee = archive.committees.add(Committee("Teknik- og Miljøudvalget"))
    days = [dt.date(2025, 6, 1), dt.date(2021, 1, 5), dt.date(2022, 3, 1), dt.date(2019, 9, 9)]
    for n, day in enumerate(days):
        items = [Item(0, f"Punkt {n}.{k} om vejene") for k in range(3)]
        items += [
            Item(0, f"Punkt {n}.{k} om budget", case_id=f"EMN-{day.year}-0{k}") for k in (3, 4)
        ]
        _meeting(archive, committee, day, items)
    return committee


def _newest(hits):
    return sorted(hits, key=lambda hit: (hit.date, hit.meeting_id, -hit.number), reverse=True)


def _expected(archive, text):
    """Every hit of `text` in its order, sorted here from the items' own dates."""
    every = archive.search.find(text, limit=1_000).hits
    titled = [hit for hit in every if text.lower() in (hit.title + hit.case_id).lower()]
    others = [hit for hit in every if hit not in titled]
    return [hit.item_id for hit in _newest(titled) + _newest(others)]


@pytest.mark.parametrize("text", ["vejene", "budget", "punkt", "emn-20", "om"])
@pytest.mark.parametrize("limit", [1, 2, 4, 7])
def test_the_first_hits_are_the_newest_whatever_order_meetings_were_added(
    archive, out_of_order, monkeypatch, text, limit
):
    monkeypatch.setattr(search_store, "COUNT_LIMIT", limit)
    expected = _expected(archive, text)
    result = archive.search.find(text, limit=limit)
    assert [hit.item_id for hit in result.hits] == expected[:limit]
    assert result.total == min(len(expected), limit)
    assert result.total_is_lower_bound == (len(expected) > limit)


def test_hits_are_counted_up_to_a_bound(archive, out_of_order, monkeypatch):
    monkeypatch.setattr(search_store, "COUNT_LIMIT", 5)
    many = archive.search.find("punkt", limit=2)  # 20 hits
    assert (len(many.hits), many.total, many.total_is_lower_bound) == (2, 5, True)
    recent = archive.search.find("vej", SearchFilter(date_from=dt.date(2022, 1, 1)), limit=2)
    assert [hit.date for hit in recent.hits] == ["2025-06-01", "2025-06-01"]
    assert (recent.total, recent.total_is_lower_bound) == (5, True)  # 6 hits
    budget = archive.search.find("budget", limit=2)  # 8 hits
    assert (budget.total, budget.total_is_lower_bound) == (5, True)
    all_budget = archive.search.find("budget", limit=100)
    assert (all_budget.total, all_budget.total_is_lower_bound) == (8, False)
