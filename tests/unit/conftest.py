"""Fixtures for the unit tests: a fresh in-memory archive per test, like sqlite-utils' own tests."""

from __future__ import annotations

import datetime as dt

import pytest

from secretary_app.core.model import Committee, Meeting
from secretary_app.store.archive import Archive


@pytest.fixture
def archive():
    archive = Archive.memory()
    yield archive
    archive.close()


@pytest.fixture
def committee(archive):
    return archive.committees.add(Committee("Opgaveudvalget om innovation"))


@pytest.fixture
def meeting(archive, committee):
    return archive.meetings.add(Meeting(committee.id, dt.date(2017, 6, 27)))
