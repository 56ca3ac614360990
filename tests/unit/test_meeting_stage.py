"""A meeting's stage (Kladde, Udsendt, Holdt, Godkendt): the rule in core, its facts from the
store, and marking the agenda as sent taken back while nothing is logged since."""

from __future__ import annotations

import datetime as dt

import pytest

from secretary_app.core.meeting_stage import (
    AGENDA_UNMARKED,
    MeetingStage,
    meeting_stage,
    stage_line,
    stage_name,
)
from secretary_app.core.model import Item, MeetingSummary

DAY = dt.date(2017, 6, 27)


def facts(
    date: dt.date = DAY,
    sent_on: dt.date | None = None,
    ended_at: dt.time | None = None,
    approved_on: dt.date | None = None,
) -> MeetingSummary:
    return MeetingSummary(1, 1, "Økonomiudvalget", date, "", 0, sent_on, ended_at, approved_on)


BEFORE, ON_THE_DAY = dt.date(2017, 6, 20), DAY


@pytest.mark.parametrize(
    ("meeting", "today", "stage"),
    [
        (facts(), BEFORE, MeetingStage.DRAFT),
        (facts(), ON_THE_DAY, MeetingStage.DRAFT),
        (facts(sent_on=BEFORE), BEFORE, MeetingStage.SENT),
        (facts(sent_on=BEFORE), ON_THE_DAY, MeetingStage.SENT),
        (facts(sent_on=BEFORE, ended_at=dt.time(19)), ON_THE_DAY, MeetingStage.HELD),
        (facts(sent_on=BEFORE), DAY + dt.timedelta(days=1), MeetingStage.HELD),
        (facts(), DAY + dt.timedelta(days=1), MeetingStage.HELD),  # never sent, held all the same
        (facts(approved_on=dt.date(2017, 7, 3)), BEFORE, MeetingStage.APPROVED),
        (facts(approved_on=DAY), ON_THE_DAY, MeetingStage.APPROVED),
    ],
)
def test_the_stage_follows_from_the_facts(meeting, today, stage):
    assert meeting_stage(meeting, today) is stage


@pytest.mark.parametrize(
    ("meeting", "line"),
    [
        (facts(), "Kladde"),
        (facts(sent_on=BEFORE), "Udsendt 20. juni 2017"),
        (facts(sent_on=BEFORE, ended_at=dt.time(19)), "Holdt 27. juni 2017"),
        (facts(sent_on=BEFORE, approved_on=dt.date(2017, 7, 3)), "Godkendt 3. juli 2017"),
    ],
)
def test_the_stage_is_said_in_danish_with_its_day(meeting, line):
    assert stage_line(meeting, ON_THE_DAY) == line
    assert stage_name(meeting, ON_THE_DAY) == line.split()[0]


# --- the facts, from the store --------------------------------------------------------------


def test_the_summary_holds_the_facts_of_the_stage(archive, meeting):
    assert meeting_stage(archive.meetings.summary(meeting.id), BEFORE) is MeetingStage.DRAFT
    archive.approvals.mark_agenda_sent(meeting.id, dt.datetime(2017, 6, 20, 9, 30))
    [summary] = archive.meetings.summaries(meeting.committee_id)
    assert summary.sent_on == BEFORE
    archive.meetings.update_field(meeting.id, "ended_at", dt.time(19, 5))
    assert archive.meetings.summary(meeting.id).ended_at == dt.time(19, 5)
    archive.approvals.approve(archive, meeting.id, ["Anna Holm"], dt.date(2017, 7, 3))
    [summary] = archive.meetings.summaries()
    assert stage_line(summary, ON_THE_DAY) == "Godkendt 3. juli 2017"


def test_a_sending_time_the_program_did_not_write_counts_on_the_meetings_day(archive, meeting):
    archive.db.execute("UPDATE meetings SET agenda_sent_at = 'ja' WHERE id = ?", [meeting.id])
    assert archive.meetings.summary(meeting.id).sent_on == DAY


# --- marking the agenda as sent, and taking it back -----------------------------------------


def test_marking_twice_changes_nothing_the_second_time(archive, meeting):
    assert archive.approvals.mark_agenda_sent(meeting.id, dt.datetime(2017, 6, 20, 9, 30))
    assert not archive.approvals.mark_agenda_sent(meeting.id, dt.datetime(2017, 6, 21, 9, 30))
    assert archive.approvals.agenda_sent_at(meeting.id) == "2017-06-20T09:30:00"


def test_unmarking_while_nothing_is_logged_says_so_in_the_log(archive, meeting):
    archive.approvals.mark_agenda_sent(meeting.id, dt.datetime(2017, 6, 20, 9, 30))
    assert archive.approvals.unmark_agenda_sent(meeting.id)
    assert archive.approvals.agenda_sent_at(meeting.id) is None
    [entry] = archive.approvals.audit(meeting.id)
    assert (entry.what, entry.old, entry.new) == (AGENDA_UNMARKED, "20. juni 2017 kl. 09.30", "")
    assert archive.approvals.record_problems() == []  # the chain holds


def test_unmarking_is_refused_once_a_change_is_logged(archive, meeting):
    item = archive.items.add(Item(meeting.id, "Budget"))
    archive.approvals.mark_agenda_sent(meeting.id, dt.datetime(2017, 6, 20, 9, 30))
    archive.items.update_field(item.id, "title", "Budget 2018")
    assert not archive.approvals.unmark_agenda_sent(meeting.id)
    assert archive.approvals.agenda_sent_at(meeting.id) == "2017-06-20T09:30:00"
    assert [e.what for e in archive.approvals.audit(meeting.id)] == ["punkt 1 Budget: titel"]


def test_marked_again_after_an_undone_marking_it_can_be_undone_again(archive, meeting):
    approvals = archive.approvals
    approvals.mark_agenda_sent(meeting.id, dt.datetime(2017, 6, 20, 9, 30))
    approvals.unmark_agenda_sent(meeting.id)
    approvals.mark_agenda_sent(meeting.id, dt.datetime(2017, 6, 20, 9, 45))
    assert approvals.nothing_logged_since_sent(meeting.id)
    assert approvals.unmark_agenda_sent(meeting.id)
    assert len(approvals.audit(meeting.id)) == 2


def test_approved_minutes_stay_sent(archive, meeting):
    archive.approvals.mark_agenda_sent(meeting.id, dt.datetime(2017, 6, 20, 9, 30))
    archive.approvals.approve(archive, meeting.id, ["Anna Holm"], dt.date(2017, 7, 3))
    assert not archive.approvals.unmark_agenda_sent(meeting.id)
    assert archive.approvals.agenda_sent_at(meeting.id) is not None
