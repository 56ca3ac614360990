"""The definition of an item's fields (core.item_fields) and the SQL written once by the
migrations agree: what is searchable is found, what is audited has its trigger, and the audit
log's frozen words are core.vocabulary's (m008's: test_migration_m008.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from secretary_app.core import vocabulary
from secretary_app.core.item_fields import ITEM_FIELDS, FieldType
from secretary_app.core.item_layout import GENTOFTE, SECTION_RULES
from secretary_app.core.model import AttendanceStatus, Committee, Item, Meeting, VoteSide
from secretary_app.store.migrations import m005_m007

WORDS = {  # a word no other field holds, for each field that can hold one
    "title": "titelord",
    "public_title": "offentligtord",
    "case_id": "EMN-2017-99999",
    "presenter": "fremlæggerord",
    "chair_notes": "noteord",
}


def triggers(archive) -> set[str]:
    rows = archive.db.rows("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    return {row["name"] for row in rows}


@pytest.mark.parametrize("field", [f for f in ITEM_FIELDS if f.audited], ids=lambda f: f.name)
def test_every_audited_field_has_its_audit_trigger(archive, field):
    assert f"items_{field.name}_audit" in triggers(archive)


def test_every_section_is_audited_as_its_kind_says(archive):
    assert all(rule.audited for rule in SECTION_RULES.values())
    for event in ("insert", "update", "delete"):
        assert f"item_sections_{event}_audit" in triggers(archive)


@pytest.fixture
def item(archive):
    committee = archive.committees.add(Committee("Udvalget"))
    meeting = archive.meetings.create(Meeting(committee.id, dt.date(2025, 3, 4)), [])
    fields = {name: word for name, word in WORDS.items() if name != "title"}
    item = Item(meeting.id, WORDS["title"], closed=True, **fields)
    item.sections = {key: f"{key}ord" for key in GENTOFTE.section_keys()}
    return archive.items.add(item)


@pytest.mark.parametrize(
    "field",
    [f for f in ITEM_FIELDS if f.type in (FieldType.LINE, FieldType.MARKDOWN)],
    ids=lambda f: f.name,
)
def test_search_finds_the_searchable_fields_and_only_those(archive, item, field):
    hits = [hit.item_id for hit in archive.search.items(WORDS[field.name])]
    assert hits == ([item.id] if field.searchable else [])


@pytest.mark.parametrize("key", GENTOFTE.section_keys())
def test_search_finds_every_section(archive, item, key):
    assert SECTION_RULES[GENTOFTE.section(key).kind].searchable
    assert [hit.item_id for hit in archive.search.items(f"{key}ord")] == [item.id]


def test_the_words_m005_to_m007_froze_are_the_vocabularys():
    assert m005_m007._MEETING_FIELD_NAMES == vocabulary.MEETING_FIELD_NAMES
    assert m005_m007._ATTACHMENT_FIELD_NAMES == vocabulary.ATTACHMENT_FIELD_NAMES
    kept = {
        k: v for k, v in m005_m007._ITEM_FIELD_NAMES.items() if k in vocabulary.ITEM_FIELD_NAMES
    }
    assert kept == {k: vocabulary.ITEM_FIELD_NAMES[k] for k in kept}
    rows = {table: (what, text) for table, what, text in m005_m007._AUDITED_ROWS}
    for table, (what, _text) in rows.items():
        assert what == vocabulary.ROW_NAMES[table]
    for status in AttendanceStatus:
        assert f"'{vocabulary.ATTENDANCE_STATUSES[status]}'" in rows["attendance"][1]
    for side in VoteSide:
        assert f"'{vocabulary.VOTE_SIDES[side]}'" in rows["votes"][1]
    shown = m005_m007._SHOWN
    assert f"'{vocabulary.CLOSED}'" in shown["closed"] and f"'{vocabulary.OPEN}'" in shown["closed"]
    assert f"'{vocabulary.YES}'" in shown["public"] and f"'{vocabulary.NO}'" in shown["public"]
