"""A committee with its members, standing items, phrases and template, written and read as one
(what undo of the committee dialog puts back)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from secretary_app.core.model import Committee, Meeting, Member, MemberRole, StandingItem
from secretary_app.store.committee_setup import (
    CommitteeSetup,
    delete_committee,
    read_setup,
    write_setup,
)
from secretary_app.store.templates import template_for


def full_setup(name: str = "Økonomiudvalget") -> CommitteeSetup:
    return CommitteeSetup(
        Committee(name, default_location="Rådhuset"),
        [Member(0, "Søren", MemberRole.CHAIR, "A"), Member(0, "Mette")],
        [StandingItem(0, "Meddelelser"), StandingItem(0, "Eventuelt")],
        ["Godkendt.", "Taget til efterretning."],
        Path("/skabeloner/økonomi.dotx"),
    )


def test_a_written_setup_reads_back_the_same(archive):
    written = write_setup(archive, full_setup(), adding=True).committee
    read = read_setup(archive, written.id)
    assert read.committee == written
    assert [(m.name, m.role, m.party) for m in read.members] == [
        ("Søren", MemberRole.CHAIR, "A"),
        ("Mette", MemberRole.MEMBER, ""),
    ]
    assert [s.title for s in read.standing_items] == ["Meddelelser", "Eventuelt"]
    assert read.phrases == ["Godkendt.", "Taget til efterretning."]
    assert read.template == Path("/skabeloner/økonomi.dotx")


def test_writing_the_old_setup_back_undoes_a_change(archive):
    committee = write_setup(archive, full_setup(), adding=True).committee
    old = read_setup(archive, committee.id)
    changed = full_setup("Økonomiudvalget (nyt navn)")
    changed.committee.id, changed.members, changed.phrases, changed.template = (
        committee.id,
        [],
        [],
        None,
    )
    write_setup(archive, changed)
    assert archive.records.own_phrases(committee.id) == []  # the standard list again

    write_setup(archive, old)
    assert read_setup(archive, committee.id) == old
    assert template_for(archive.settings, committee.id) == Path("/skabeloner/økonomi.dotx")


def test_a_deleted_new_committee_comes_back_with_its_id(archive):
    setup = full_setup()
    committee = write_setup(archive, setup, adding=True).committee
    setup.committee.id = committee.id
    delete_committee(archive, committee.id)
    assert archive.committees.all() == [] and archive.settings.get(f"template:{committee.id}") == ""

    assert write_setup(archive, setup, adding=True).committee.id == committee.id
    assert read_setup(archive, committee.id).members[0].name == "Søren"


def test_a_committee_added_again_does_not_write_onto_one_that_took_its_id(archive):
    setup = full_setup()
    setup.committee.id = write_setup(archive, setup, adding=True).committee.id
    delete_committee(archive, setup.committee.id)
    other = archive.committees.add(Committee("Kulturudvalget"))  # takes the free id
    assert other.id == setup.committee.id
    with pytest.raises(LookupError):
        write_setup(archive, setup, adding=True)
    assert [c.name for c in archive.committees.all()] == ["Kulturudvalget"]


def test_a_committee_with_meetings_is_not_deleted(archive):
    committee = write_setup(archive, full_setup(), adding=True).committee
    archive.meetings.add(Meeting(committee.id, dt.date(2017, 6, 27)))
    with pytest.raises(LookupError):
        delete_committee(archive, committee.id)
    assert archive.committees.exists(committee.id)
