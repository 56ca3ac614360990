"""Meetings that tests of the layout, the Word writer and the print writer all use."""

from __future__ import annotations

import datetime as dt

from secretary_app.core.exchange import MeetingDocument, parse_meeting
from secretary_app.core.model import (
    Attachment,
    AttendanceEntry,
    AttendanceStatus,
    Committee,
    Item,
    Meeting,
)
from secretary_app.store.demo import reference_meeting_json


def reference_document() -> MeetingDocument:
    return parse_meeting(reference_meeting_json())


def meeting_with_closed_item() -> MeetingDocument:
    """Three items: open, closed (full of secret words), open with a non-public attachment."""
    committee = Committee("Økonomiudvalget")
    meeting = Meeting(0, dt.date(2025, 3, 4), dt.time(16, 0), dt.time(18, 30), "Rådssalen")
    open_item = Item(
        0, "Godkendelse af dagsorden", case_id="EMN-2025-010561", sections={"resume": "Åben."}
    )
    closed = Item(
        0,
        "Salg af ejendom",
        closed=True,
        case_id="HEMMELIGSAGSID-1",
        presenter="HEMMELIGOPLAEGSHOLDER",
        sections={
            "resume": "**HEMMELIGRESUME** om prisen\n\n- HEMMELIGRESUME i en liste",
            "tidligere_beslutninger": "HEMMELIGTIDLIGERE beslutning",
            "beslutning": "Salget blev godkendt OFFENTLIGBESLUTNING.",
        },
        position=1,
    )
    last = Item(
        0, "Eventuelt", sections={"resume": "Intet at bemærke.", "beslutning": "Intet."}, position=2
    )
    return MeetingDocument(
        committee,
        meeting,
        [
            AttendanceEntry(0, "Anne Andersen"),
            AttendanceEntry(0, "Bo Berg", status=AttendanceStatus.ABSENT, substitute="Carl Ceder"),
        ],
        [
            (open_item, [Attachment(0, "Offentligt bilag")]),
            (closed, [Attachment(0, "HEMMELIGBILAG om prisen", public=True)]),
            (last, [Attachment(0, "IKKEOFFENTLIGTBILAG", public=False)]),
        ],
    )
