"""The case history from the archive (core.case_history), and postponing an item.

- `earlier_decisions` / `history_for`: what earlier meetings, of any committee, decided on a case;
  earlier means an earlier meeting by date, then id, than the item's own meeting.
- `export_with_history`: a meeting as exported documents show it: an item whose history section
  ("Tidligere beslutninger", "Sagsforløb") the secretary has not written shows the current
  history. `store.exchange`'s `export_meeting` (used by `dump` and approval) stays exactly what
  the archive holds.
- `postpone`, `take_back`, `put_back`: move an item to its committee's next meeting, undo, redo.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from secretary_app.core.case_history import (
    POSTPONED_DECISION,
    EarlierDecision,
    case_key,
    history_markdown,
    postponed_note,
    postponed_summary,
)
from secretary_app.core.exchange import MeetingDocument
from secretary_app.core.item_fields import copied_to_later_meeting, section_field
from secretary_app.core.model import DECISION_KEY, Item, ItemSnapshot, Meeting
from secretary_app.store.exchange import export_meeting
from secretary_app.store.migrations import case_key_sql

if TYPE_CHECKING:
    from secretary_app.store.archive import Archive

DECISION_FIELD = section_field(DECISION_KEY)

# Served by the index items_case_key (m004); the meeting bound is a row-value comparison.
_EARLIER_SQL = f"""
SELECT c.name AS committee, m.date, m.first_number + i.position AS number,
       coalesce(s.text, '') AS decision
FROM items i JOIN meetings m ON m.id = i.meeting_id JOIN committees c ON c.id = m.committee_id
LEFT JOIN item_sections s ON s.item_id = i.id AND s.key = '{DECISION_KEY}'
WHERE {case_key_sql("i.case_id")} IN ({case_key_sql("?")}, {case_key_sql("?")})
  AND (m.date, m.id) < (SELECT date, id FROM meetings WHERE id = ?)
ORDER BY m.date DESC, m.id DESC, i.position DESC
"""


def earlier_decisions(archive: Archive, case_id: str, meeting_id: int) -> list[EarlierDecision]:
    """Every item on the case at a meeting before `meeting_id`, newest first (none without ID)."""
    if not case_key(case_id):
        return []
    rows = archive.db.iter_rows(_EARLIER_SQL, [case_id.upper(), case_id.lower(), meeting_id])
    return [_earlier(row) for row in rows]


def _earlier(row: dict[str, Any]) -> EarlierDecision:
    day = dt.date.fromisoformat(row["date"])
    return EarlierDecision(row["committee"], day, int(row["number"]), row["decision"])


def history_for(archive: Archive, case_id: str, meeting_id: int) -> str:
    """ "Tidligere beslutninger" for an item with `case_id` at `meeting_id`, as Markdown."""
    return history_markdown(earlier_decisions(archive, case_id, meeting_id))


def export_with_history(archive: Archive, meeting_id: int) -> MeetingDocument:
    """The meeting for the agenda and minutes: empty "Tidligere beslutninger" filled from history.

    Not for `dump` or approval: they must hold what the secretary wrote, nothing invented.
    """
    doc = export_meeting(archive, meeting_id)
    section = doc.layout.history
    if doc.approval is not None or section is None:
        return doc  # approved minutes print what was approved, history included
    for item, _attachments in doc.items:
        if not item.text(section.key).strip():
            item.sections[section.key] = history_for(archive, item.case_id, meeting_id)
    return doc


# --- postponing -----------------------------------------------------------------------------


@dataclass
class Postponement:
    """An item moved to its committee's next meeting: the copy there, and what changed here."""

    original_id: int
    copy: Item
    decision_before: str | None  # the original's empty decision, when it became "Udsat."
    snapshot: ItemSnapshot | None = None  # the copy and its attachments while taken back


def postpone(archive: Archive, item_id: int) -> Postponement | None:
    """Copy the item to the end of the committee's next meeting, linked back to it, and mark an
    empty decision "Udsat."; None, and nothing changed, when there is no later meeting."""
    original = archive.items.get(item_id)
    target = archive.meetings.next_after(original.meeting_id)
    if target is None or target.id is None:
        return None
    with archive.db.atomic():
        before = _mark_postponed(archive, original)
        copy = archive.items.add(_copy_of(archive, archive.items.get(item_id), target.id))
        _link(archive, copy.id or 0, item_id)
        _copy_attachments(archive, item_id, copy.id or 0)
    return Postponement(item_id, copy, before)


def take_back(archive: Archive, postponement: Postponement) -> None:
    """Undo `postpone`: the copy goes, the original's decision is what it was."""
    with archive.db.atomic():
        postponement.snapshot = archive.items.delete(postponement.copy.id or 0)
        if postponement.decision_before is not None:
            update = archive.items.update_field
            update(postponement.original_id, DECISION_FIELD, postponement.decision_before)


def put_back(archive: Archive, postponement: Postponement) -> None:
    """Redo `postpone`: the same copy (same id, attachments and link) and "Udsat." again."""
    assert postponement.snapshot is not None
    with archive.db.atomic():
        if postponement.decision_before is not None:
            update = archive.items.update_field
            update(postponement.original_id, DECISION_FIELD, POSTPONED_DECISION)
        archive.items.restore(postponement.snapshot)
        _link(archive, postponement.copy.id or 0, postponement.original_id)


def postponed_to(archive: Archive, item_id: int) -> int | None:
    """The id of the meeting this item was moved to, if it was postponed (and still is)."""
    found = archive.db.value(
        "SELECT meeting_id FROM items WHERE postponed_from = ? ORDER BY id LIMIT 1", [item_id]
    )
    return int(found) if found is not None else None


def postponed_from(archive: Archive, item_id: int) -> int | None:
    """The id of the item this one was moved from, if it was postponed."""
    found = archive.db.value("SELECT postponed_from FROM items WHERE id = ?", [item_id])
    return int(found) if found is not None else None


def _mark_postponed(archive: Archive, original: Item) -> str | None:
    if original.decision.strip():
        return None
    archive.items.update_field(original.id or 0, DECISION_FIELD, POSTPONED_DECISION)
    return original.decision


def _copy_of(archive: Archive, original: Item, target_id: int) -> Item:
    """The item for the next meeting: the fields and texts that are copied (core.item_fields),
    the note of where it came from first in its first text section, and its case history."""
    source = archive.meetings.get(original.meeting_id)
    number = source.first_number + original.position
    layout = archive.layouts.of_meeting(target_id)
    source_layout = archive.layouts.of_meeting(original.meeting_id)
    copy = copied_to_later_meeting(original, source_layout, layout, target_id)
    copy.planned_start = None  # it goes last, after the items planned for that meeting
    note_section = layout.note_section()
    if note_section is not None:
        key = note_section.key
        copy.sections[key] = postponed_summary(postponed_note(source.date, number), copy.text(key))
    if layout.history is not None:
        history = _copy_history(archive, original, source, target_id)
        copy.sections[layout.history.key] = history
    return copy


def _copy_history(archive: Archive, original: Item, source: Meeting, target_id: int) -> str:
    """The case history at the next meeting; with no case ID, the original's decision alone."""
    if case_key(original.case_id):
        return history_for(archive, original.case_id, target_id)
    committee = archive.committees.get(source.committee_id).name
    number = source.first_number + original.position
    return history_markdown([EarlierDecision(committee, source.date, number, original.decision)])


def _link(archive: Archive, copy_id: int, original_id: int) -> None:
    archive.db.execute("UPDATE items SET postponed_from = ? WHERE id = ?", [original_id, copy_id])


def _copy_attachments(archive: Archive, from_item: int, to_item: int) -> None:
    """The attachments (Bilag) go along: the case's papers are the same."""
    for attachment in archive.attachments.for_item(from_item):
        archive.attachments.copy(attachment, to_item)
