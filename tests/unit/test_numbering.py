"""Agenda item numbers: per meeting (always from 1) or continuous (on from the previous meeting)."""

from __future__ import annotations

import datetime as dt

import pytest

from secretary_app.core.model import Committee, Item, Meeting, Numbering
from secretary_app.core.numbering import (
    first_number_for_new_meeting,
    item_number,
    item_numbers,
    last_number,
)


def test_item_numbers_follow_the_order_from_the_first_number():
    assert item_numbers(1, 4) == [1, 2, 3, 4]
    assert item_numbers(23, 3) == [23, 24, 25]
    assert item_numbers(1, 0) == []


def test_item_number_of_a_position():
    assert item_number(1, 0) == 1
    assert item_number(23, 2) == 25


def test_last_number_of_a_meeting():
    assert last_number(1, 4) == 4
    assert last_number(23, 3) == 25


def test_a_meeting_with_no_items_has_no_last_number():
    assert last_number(1, 0) is None
    assert last_number(23, 0) is None


@pytest.mark.parametrize("previous_last_number", [None, 0, 7, 141])
def test_per_meeting_numbering_always_starts_at_one(previous_last_number):
    assert first_number_for_new_meeting(Numbering.PER_MEETING, previous_last_number) == 1


def test_continuous_numbering_goes_on_after_the_previous_meeting():
    assert first_number_for_new_meeting(Numbering.CONTINUOUS, 7) == 8
    assert first_number_for_new_meeting(Numbering.CONTINUOUS, 141) == 142


def test_continuous_numbering_of_a_committees_first_meeting_starts_at_one():
    assert first_number_for_new_meeting(Numbering.CONTINUOUS, None) == 1


# MeetingStore.first_number_for, through a real archive

JUNE = dt.date(2017, 6, 27)
AUGUST = dt.date(2017, 8, 22)


def add_meeting(archive, committee, day, first_number=1, items=0):
    meeting = archive.meetings.add(Meeting(committee.id, day, first_number=first_number))
    for n in range(items):
        archive.items.add(Item(meeting.id, f"Punkt {n + 1}"))
    return meeting


@pytest.fixture
def per_meeting(archive):
    return archive.committees.add(Committee("Børne- og skoleudvalget"))


@pytest.fixture
def continuous(archive):
    return archive.committees.add(Committee("Økonomiudvalget", numbering=Numbering.CONTINUOUS))


def test_first_meeting_of_a_committee_starts_at_one(archive, per_meeting, continuous):
    assert archive.meetings.first_number_for(per_meeting, AUGUST) == 1
    assert archive.meetings.first_number_for(continuous, AUGUST) == 1


def test_per_meeting_committee_starts_every_meeting_at_one(archive, per_meeting):
    add_meeting(archive, per_meeting, JUNE, items=5)
    assert archive.meetings.first_number_for(per_meeting, AUGUST) == 1


def test_continuous_committee_goes_on_from_the_previous_meetings_last_number(archive, continuous):
    add_meeting(archive, continuous, JUNE, first_number=11, items=5)  # items 11-15
    assert archive.meetings.first_number_for(continuous, AUGUST) == 16


def test_continuous_after_a_meeting_with_no_items_starts_where_that_meeting_did(
    archive, continuous
):
    add_meeting(archive, continuous, JUNE, first_number=11, items=0)
    assert archive.meetings.first_number_for(continuous, AUGUST) == 11


def test_continuous_looks_at_the_latest_meeting_before_the_day(archive, continuous):
    add_meeting(archive, continuous, dt.date(2017, 3, 14), first_number=1, items=4)  # 1-4
    add_meeting(archive, continuous, JUNE, first_number=5, items=3)  # 5-7
    add_meeting(archive, continuous, dt.date(2017, 10, 3), first_number=8, items=2)  # later
    assert archive.meetings.first_number_for(continuous, AUGUST) == 8


def test_continuous_ignores_other_committees_meetings(archive, continuous, per_meeting):
    add_meeting(archive, per_meeting, JUNE, first_number=1, items=9)
    assert archive.meetings.first_number_for(continuous, AUGUST) == 1


def test_continuous_works_with_a_committee_read_back_from_the_archive(archive, continuous):
    add_meeting(archive, continuous, JUNE, first_number=1, items=3)
    committee = archive.committees.get(continuous.id)
    assert archive.meetings.first_number_for(committee, AUGUST) == 4
