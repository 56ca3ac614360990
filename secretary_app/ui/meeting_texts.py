"""The short texts meeting mode and the meeting panel show about the meeting as it runs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from secretary_app.core.attendance import attendance_counts
from secretary_app.core.danish_dates import clock
from secretary_app.core.item_layout import ItemLayout, SectionKind
from secretary_app.core.meeting_clock import Slot
from secretary_app.core.model import AttendanceEntry, AttendanceStatus, Item
from secretary_app.core.rich_text import Block, Paragraph, Span, parse_markdown, to_markdown


def ended_text(ended_at: dt.time | None) -> str:
    """Mødet hævet kl. 20.35"""
    if ended_at is None:
        return ""
    text = QCoreApplication.translate("MeetingTexts", "Meeting ended at %1")
    return text.replace("%1", clock(ended_at))


def schedule_text(ahead: int | None) -> str:
    """3 min. foran, 12 min. bagud, til tiden; "" when there is nothing to compare."""
    if ahead is None:
        return ""
    if ahead == 0:
        return QCoreApplication.translate("MeetingTexts", "On time")
    if ahead > 0:
        text = QCoreApplication.translate("MeetingTexts", "%1 min. ahead")
    else:
        text = QCoreApplication.translate("MeetingTexts", "%1 min. behind")
    return text.replace("%1", str(abs(ahead)))


def slot_text(slot: Slot | None) -> str:
    """planned 17.10-17.55"""
    if slot is None:
        return ""
    span = clock(slot.start) if slot.end == slot.start else f"{clock(slot.start)}-{clock(slot.end)}"
    return QCoreApplication.translate("MeetingTexts", "planned %1").replace("%1", span)


def attendance_text(entries: Sequence[AttendanceEntry]) -> str:
    """5 present, 1 absent, 1 excused"""
    if not entries:
        return QCoreApplication.translate("MeetingTexts", "Attendance not recorded")
    counts = attendance_counts(entries)
    words = {
        AttendanceStatus.PRESENT: QCoreApplication.translate("MeetingTexts", "%1 present"),
        AttendanceStatus.ABSENT: QCoreApplication.translate("MeetingTexts", "%1 absent"),
        AttendanceStatus.EXCUSED: QCoreApplication.translate("MeetingTexts", "%1 excused"),
    }
    parts = [
        words[status].replace("%1", str(count))
        for status, count in counts.items()
        if count or status is AttendanceStatus.PRESENT  # "0 excused" says nothing
    ]
    return ", ".join(parts)


def texts_before_decision(item: Item, layout: ItemLayout) -> str:
    """What meeting mode shows above the decision: each section with text but the decision,
    in the layout's order, under its label in bold (Markdown)."""
    blocks: list[Block] = []
    for section in layout.sections:
        text = parse_markdown(item.text(section.key))
        if section.kind is SectionKind.DECISION or not text:
            continue
        if section.label:
            blocks.append(Paragraph((Span(section.name, bold=True),)))
        blocks.extend(text)
    return to_markdown(blocks)
