"""The checklist shown before approving the minutes: what is still missing, in Danish."""

from __future__ import annotations

import datetime as dt

from secretary_app.core.approval_checklist import approval_checklist, items_without_decision
from secretary_app.core.model import DECISION_KEY, AttendanceEntry, Item, Meeting

MEETING = Meeting(1, dt.date(2017, 6, 27), dt.time(17), dt.time(19), first_number=1)
PRESENT = [AttendanceEntry(1, "Anna Holm")]


def item(title: str, decision: str = "") -> Item:
    return Item(meeting_id=1, title=title, sections={DECISION_KEY: decision} if decision else {})


def ended(meeting: Meeting = MEETING) -> Meeting:
    return Meeting(
        meeting.committee_id,
        meeting.date,
        first_number=meeting.first_number,
        ended_at=dt.time(18, 45),
    )


def test_minutes_with_everything_done_have_nothing_on_the_list():
    items = [item("Godkendelse af dagsorden", "Godkendt."), item("Budget 2018", "Anbefales.")]
    assert approval_checklist(ended(), items, PRESENT, agenda_sent=True) == []


def test_an_empty_meeting_lists_attendance_end_time_and_the_unsent_agenda():
    assert approval_checklist(MEETING, [], [], agenda_sent=False) == [
        "Fremmødet er ikke registreret (tilstede og fraværende).",
        "Tidspunktet, da mødet blev hævet, er ikke noteret.",
        "Dagsordenen er aldrig markeret som udsendt.",
    ]


def test_items_without_a_decision_are_named_by_number_and_title():
    items = [
        item("Godkendelse af dagsorden", "Godkendt."),
        item("Budget 2018"),
        item("Trafikplan", "  \n"),  # only white space: no decision
        item("Eventuelt", "Intet."),
    ]
    assert approval_checklist(ended(), items, PRESENT, agenda_sent=True) == [
        "Punkt 2 »Budget 2018« har ingen beslutning.",
        "Punkt 3 »Trafikplan« har ingen beslutning.",
    ]


def test_items_are_numbered_on_from_the_meetings_first_number():
    assert items_without_decision(
        14, [item("Meddelelser", "Taget til efterretning."), item("")]
    ) == ["Punkt 15 har ingen beslutning."]


def test_four_of_six_items_undecided_no_attendance_no_end_time():
    titles = ["Dagsorden", "Budget", "Skoler", "Veje", "Kultur", "Eventuelt"]
    items = [item(t, "Godkendt." if n in (0, 5) else "") for n, t in enumerate(titles)]
    checklist = approval_checklist(MEETING, items, [], agenda_sent=True)
    assert checklist[:4] == [
        f"Punkt {n} »{t}« har ingen beslutning." for n, t in enumerate(titles[1:5], start=2)
    ]
    assert len(checklist) == 6
