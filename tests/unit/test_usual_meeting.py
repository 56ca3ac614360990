"""A new meeting as the committee usually holds them (core.schedule.usual_meeting)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from secretary_app.core.schedule import DEFAULT_TIMES, MeetingProposal, usual_meeting

TODAY = dt.date(2025, 4, 3)  # a Thursday
FIVE, SEVEN = dt.time(17), dt.time(19)


def held(day: str, start=FIVE, end=SEVEN, place="Rådhuset"):
    return (dt.date.fromisoformat(day), start, end, place)


def test_with_no_meetings_today_from_17_to_19_at_the_committees_place():
    assert usual_meeting([], TODAY, "Mødelokale 1") == MeetingProposal(
        TODAY, *DEFAULT_TIMES, "Mødelokale 1"
    )
    assert DEFAULT_TIMES == (FIVE, SEVEN)


def test_the_next_of_the_usual_weekday_with_the_usual_times_and_place():
    tuesdays = [
        held(day, dt.time(16), dt.time(18), "Byrådssalen")
        for day in ("2025-03-04", "2025-03-11", "2025-03-18")
    ]
    proposal = usual_meeting(tuesdays, TODAY, "Rådhuset")
    assert proposal == MeetingProposal(dt.date(2025, 4, 8), dt.time(16), dt.time(18), "Byrådssalen")


def test_the_usual_weekday_today_is_today():
    thursdays = [held("2025-03-20"), held("2025-03-27")]
    assert usual_meeting(thursdays, TODAY).date == TODAY


def test_after_a_meeting_already_planned_comes_the_next_one():
    planned = [held("2025-04-01"), held("2025-04-08")]  # Tuesdays, one next week
    assert usual_meeting(planned, TODAY).date == dt.date(2025, 4, 15)


def test_the_habit_is_that_of_the_last_five_meetings():
    old_mondays = [held(f"2024-0{month}-0{day}") for month, day in ((1, 1), (4, 1), (7, 1))]
    old_mondays += [held("2024-09-02"), held("2024-12-02"), held("2025-01-06")]
    wednesdays = [held(day) for day in ("2025-02-05", "2025-02-12", "2025-02-19", "2025-03-05")]
    proposal = usual_meeting(old_mondays + wednesdays, TODAY)
    assert proposal.date.weekday() == 2  # four Wednesdays and a Monday among the last five


def test_a_tie_goes_to_the_latest_meeting():
    meetings = [
        held("2025-03-24", dt.time(9), dt.time(11), "Lokale A"),  # Monday
        held("2025-03-26", dt.time(15), dt.time(17), "Lokale B"),  # Wednesday, the latest
    ]
    proposal = usual_meeting(list(reversed(meetings)), TODAY)
    assert proposal == MeetingProposal(dt.date(2025, 4, 9), dt.time(15), dt.time(17), "Lokale B")


def test_start_and_end_go_together():
    meetings = [
        held("2025-03-04", dt.time(16), dt.time(18)),
        held("2025-03-11", dt.time(16), dt.time(18)),
        held("2025-03-18", dt.time(19), dt.time(21)),
        held("2025-03-25", dt.time(19), dt.time(20)),
    ]
    proposal = usual_meeting(meetings, TODAY)
    assert (proposal.starts_at, proposal.ends_at) == (dt.time(16), dt.time(18))


def test_meetings_without_times_or_place_leave_the_defaults():
    meetings = [held("2025-03-04", None, None, ""), held("2025-03-11", FIVE, None, "")]
    proposal = usual_meeting(meetings, TODAY, "Rådhuset")
    assert (proposal.starts_at, proposal.ends_at, proposal.location) == (
        *DEFAULT_TIMES,
        "Rådhuset",
    )


LATEST = dt.date(9000, 1, 1)  # far from the calendar's end


@given(
    st.lists(
        st.tuples(
            st.dates(max_value=LATEST),
            st.none() | st.times(),
            st.none() | st.times(),
            st.sampled_from(["", "Rådhuset", "Byrådssalen"]),
        ),
        max_size=10,
    ),
    st.dates(max_value=LATEST),
)
def test_the_proposal_is_the_first_week_after_today_and_the_last_meeting(previous, today):
    proposal = usual_meeting(previous, today)
    first = max([today] + [day + dt.timedelta(days=1) for day, *_ in previous])
    assert first <= proposal.date < first + dt.timedelta(days=7)
