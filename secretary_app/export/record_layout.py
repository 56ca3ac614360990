"""The minutes as a record: corrections after approval, and the signature sheet.

"Godkendt <dato> · SHA-256 …" is the `approved` placeholder, for the template's footer (the
default template has it; the Qt print writer draws it in its footer band).
"""

from __future__ import annotations

from collections.abc import Sequence

from secretary_app.core import vocabulary as words
from secretary_app.core.attendance import present_members
from secretary_app.core.danish_dates import short_date
from secretary_app.core.exchange import MeetingDocument
from secretary_app.core.record import Correction, approved_line, correction_line
from secretary_app.core.text import clean_line, join_danish


def approved_placeholder(doc: MeetingDocument) -> str:
    return approved_line(doc.approval) if doc.approval is not None else ""


def correction_lines(doc: MeetingDocument, public: bool) -> list[str]:
    """Each correction as the minutes show it; in public, none of a closed item's words."""
    closed = _closed_numbers(doc)
    return [
        _shown(correction, public and correction.item_number in closed)
        for correction in doc.corrections
    ]


def signature_names(doc: MeetingDocument) -> list[str]:
    """The members who took part, a line each on the signature sheet (full minutes only);
    where attendance was not recorded, those who approved the minutes (they sign them)."""
    present = present_members(doc.attendance, [])
    if not present and doc.approval is not None:
        present = list(doc.approval.approved_by)
    names = (clean_line(name) for name in present)
    return [name for name in names if name]


def approved_by_line(doc: MeetingDocument) -> str:
    """ "Godkendt 3. juli 2017 af Anne Berg og Søren Holm" on approved minutes; else ""."""
    approval = doc.approval
    if approval is None:
        return ""
    names = [name for name in map(clean_line, approval.approved_by) if name]
    by = f" af {join_danish(names)}" if names else ""
    return f"Godkendt {short_date(approval.approved_at)}{by}"


def _shown(correction: Correction, withheld: bool) -> str:
    if not withheld:
        return correction_line(correction)
    text = words.WITHHELD_CORRECTION
    hidden = Correction(0, text, "", correction.made_at, correction.item_number)
    return correction_line(hidden)


def _closed_numbers(doc: MeetingDocument) -> Sequence[int]:
    first = doc.meeting.first_number
    return [first + i for i, (item, _) in enumerate(doc.items) if item.closed]
