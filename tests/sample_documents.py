"""Meetings that tests of the layout, the Word writer and the print writer all use."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
from docx.shared import Mm, Pt

from secretary_app.core.exchange import MeetingDocument, parse_meeting
from secretary_app.core.item_layout import STANDARD
from secretary_app.core.model import (
    Attachment,
    AttendanceEntry,
    AttendanceStatus,
    Committee,
    Item,
    ItemRecords,
    Meeting,
    Reservation,
)
from secretary_app.export.template import default_template_path
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


def standard_layout_meeting() -> MeetingDocument:
    """A meeting in the Standard layout: an open item with only Indstilling written, a closed item
    with a public title, every section written and a reservation, and an item with attachments."""
    committee = Committee("Økonomiudvalget")
    meeting = Meeting(0, dt.date(2018, 10, 1), dt.time(16, 0), dt.time(18, 0), "Byrådssalen")
    agenda = Item(
        0,
        "Godkendelse af dagsorden",
        case_id="330-2018-3619",
        sections={
            "indstilling": "Borgmesteren indstiller, at dagsordenen godkendes.",
            "beslutning": "Godkendt.",
        },
    )
    sale = Item(
        0,
        "Salg af byggegrund, Skovvej 12",
        closed=True,
        public_title="Lukket punkt: Ejendomshandel",
        case_id="330-2018-4711",
        sections={
            "indstilling": "HEMMELIGINDSTILLING: at grunden sælges til højestbydende.",
            "sagsforloeb": "HEMMELIGSAGSFORLOEB fra maj.",
            "sagsfremstilling": "HEMMELIGSAGSFREMSTILLING om køberen.",
            "oekonomi": "HEMMELIGOEKONOMI: 4,2 mio. kr.",
            "beslutning": "Salget godkendes.",
        },
        position=1,
    )
    budget = Item(
        0,
        "Budgetopfølgning",
        sections={
            "sagsfremstilling": "Forvaltningen gennemgår forbruget.",
            "oekonomi": "Et mindreforbrug på 3 mio. kr.",
            "beslutning": "Taget til efterretning.",
        },
        position=2,
    )
    reservation = Reservation(0, "Søren Holm", "HEMMELIGFORBEHOLD om prisen")
    return MeetingDocument(
        committee,
        meeting,
        [AttendanceEntry(0, "Søren Holm"), AttendanceEntry(0, "Anne Berg")],
        [
            (agenda, []),
            (sale, [Attachment(0, "HEMMELIGBILAG Købsaftale")]),
            (budget, [Attachment(0, "Regnskab 3. kvartal")]),
        ],
        records=[ItemRecords(), ItemRecords(reservations=[reservation]), ItemRecords()],
        layout=STANDARD,
    )


def small_template(path: Path) -> Path:
    """The default template on A5 with a 4 cm left margin and 12 pt Liberation Serif."""
    document = docx.Document(str(default_template_path()))
    section = document.sections[-1]
    section.page_width, section.page_height = Mm(148), Mm(210)
    section.left_margin, section.right_margin = Mm(40), Mm(15)
    section.top_margin, section.bottom_margin = Mm(30), Mm(25)
    section.header_distance, section.footer_distance = Mm(10), Mm(8)
    normal = document.styles["Normal"]
    normal.font.size = Pt(12)
    normal.font.name = "Liberation Serif"
    document.styles["Heading 1"].font.size = Pt(16)
    document.save(str(path))
    return path
