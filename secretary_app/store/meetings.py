"""Meetings, their attendance, and new meetings started from a template."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from secretary_app.core import vocabulary as words
from secretary_app.core.model import (
    AttendanceEntry,
    Committee,
    Item,
    Meeting,
    MeetingSummary,
)
from secretary_app.core.numbering import first_number_for_new_meeting, last_number
from secretary_app.store.attachments import AttachmentStore
from secretary_app.store.audit import MEETING_OF, log_whole_meeting
from secretary_app.store.database import Database
from secretary_app.store.items import ItemStore
from secretary_app.store.rows import from_row, replace_children, sql_value, to_row

MEETING_EDITABLE_FIELDS = (
    "date",
    "starts_at",
    "ends_at",
    "location",
    "title",
    "first_number",
    "ended_at",
)

# Tables whose ids SQLite hands out again (no AUTOINCREMENT) and nothing refers to: a restored
# row takes a new id, as its old one may have gone to another row meanwhile.
_NEW_IDS_ON_RESTORE = ("attendance",)

# With the facts of the meeting's stage (core.meeting_stage), in the same query: the day the
# agenda was sent (a time the program did not write counts as sent on the meeting's day), the
# end, the day of approval.
_SUMMARY_SQL = """
SELECT m.id, m.committee_id, c.name AS committee_name, m.date, m.title,
       (SELECT count(*) FROM items i WHERE i.meeting_id = m.id) AS item_count,
       CASE WHEN m.agenda_sent_at IS NOT NULL
            THEN coalesce(date(m.agenda_sent_at), m.date) END AS sent_on,
       m.ended_at, a.approved_at AS approved_on
FROM meetings m JOIN committees c ON c.id = m.committee_id
LEFT JOIN approvals a ON a.meeting_id = m.id
"""


@dataclass(frozen=True)
class MeetingSnapshot:
    """A deleted meeting's rows, table by table (parents first): restore puts them back."""

    meeting_id: int
    committee_id: int
    rows: dict[str, list[dict[str, Any]]]


class MeetingStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def summaries(self, committee_id: int | None = None) -> list[MeetingSummary]:
        where, args = ("WHERE m.committee_id = ?", [committee_id]) if committee_id else ("", [])
        rows = self.db.iter_rows(f"{_SUMMARY_SQL} {where} ORDER BY m.date, m.id", args)
        return [from_row(MeetingSummary, row) for row in rows]

    def summary(self, meeting_id: int) -> MeetingSummary | None:
        row = self.db.row(f"{_SUMMARY_SQL} WHERE m.id = ?", [meeting_id])
        return from_row(MeetingSummary, row) if row else None

    def latest(self) -> MeetingSummary | None:
        """The meeting with the latest date (the last made, on a tie)."""
        rows = list(self.db.iter_rows(f"{_SUMMARY_SQL} ORDER BY m.date DESC, m.id DESC LIMIT 1"))
        return from_row(MeetingSummary, rows[0]) if rows else None

    def counts_by_committee(self) -> dict[int, int]:
        """How many meetings each committee has; committees without any are left out."""
        sql = "SELECT committee_id, count(*) AS n FROM meetings GROUP BY committee_id"
        return {int(row["committee_id"]): int(row["n"]) for row in self.db.iter_rows(sql)}

    def for_committee(self, committee_id: int) -> list[Meeting]:
        rows = self.db.iter_rows(
            "SELECT * FROM meetings WHERE committee_id = ? ORDER BY date DESC, id DESC",
            [committee_id],
        )
        return [from_row(Meeting, row) for row in rows]

    def get(self, meeting_id: int) -> Meeting:
        return from_row(Meeting, self.db.get("meetings", meeting_id))

    def exists(self, meeting_id: int) -> bool:
        return self.db.row("SELECT 1 FROM meetings WHERE id = ?", [meeting_id]) is not None

    def add(self, meeting: Meeting) -> Meeting:
        with self.db.atomic():
            meeting.id = self.db.table("meetings").insert(to_row(meeting)).last_pk
        return meeting

    def update_field(self, meeting_id: int, field: str, value: Any) -> None:
        if field not in MEETING_EDITABLE_FIELDS:
            raise ValueError(f"unknown meeting field: {field}")
        with self.db.atomic():
            self.db.execute(
                f"UPDATE meetings SET {field} = ? WHERE id = ?", [sql_value(value), meeting_id]
            )

    def delete(self, meeting_id: int) -> MeetingSnapshot:
        """Delete the meeting with its agenda, attendance and records; the snapshot puts it back.

        The audit log of a meeting whose agenda was sent keeps it, and says so.
        """
        with self.db.atomic():
            snapshot = self.snapshot(meeting_id)
            self.db.execute("DELETE FROM meetings WHERE id = ?", [meeting_id])
            self._audit_whole(snapshot, words.MEETING_DELETED)
        return snapshot

    def snapshot(self, meeting_id: int) -> MeetingSnapshot:
        rows = {
            table: self.db.rows(
                f"SELECT * FROM {table} WHERE {where.format(row=table)} = ?", [meeting_id]
            )
            for table, where in MEETING_OF.items()
            if table != "attachment_files"  # spooled, not in memory: below
        }
        files = AttachmentStore(self.db)
        rows["attachment_files"] = [
            {"attachment_id": row["id"], "content": files.spooled(row["id"])}
            for row in rows["attachments"]
        ]
        if not rows["meetings"]:
            raise KeyError(f"meetings {meeting_id}")
        return MeetingSnapshot(meeting_id, rows["meetings"][0]["committee_id"], rows)

    def restore(self, snapshot: MeetingSnapshot) -> None:
        """Put a deleted meeting back as it was, ids included.

        The meeting comes back as not sent, and is marked sent once all of it is there: its rows
        are not new, and the audit log says only that the meeting was restored.
        """
        [meeting] = snapshot.rows["meetings"]
        with self.db.atomic():
            for table, rows in snapshot.rows.items():
                if table == "meetings":
                    rows = [{**meeting, "agenda_sent_at": None}]
                if table in _NEW_IDS_ON_RESTORE:
                    rows = [{k: v for k, v in row.items() if k != "id"} for row in rows]
                if table == "attachment_files":
                    self._restore_files(rows)
                elif rows:
                    self.db.table(table).insert_all(rows)
            sent = "UPDATE meetings SET agenda_sent_at = ? WHERE id = ?"
            self.db.execute(sent, [meeting["agenda_sent_at"], snapshot.meeting_id])
            self._audit_whole(snapshot, words.MEETING_RESTORED)

    def _restore_files(self, rows: list[dict[str, Any]]) -> None:
        files = AttachmentStore(self.db)
        for row in rows:
            content = row["content"]
            content.seek(0)
            files.write_content(row["attachment_id"], content)

    def _audit_whole(self, snapshot: MeetingSnapshot, what: str) -> None:
        if snapshot.rows["meetings"][0]["agenda_sent_at"] is None:
            return
        log_whole_meeting(self.db, snapshot.meeting_id, what)

    def previous(self, committee_id: int, before: dt.date) -> Meeting | None:
        rows = list(
            self.db.iter_rows(
                "SELECT * FROM meetings WHERE committee_id = ? AND date < ? "
                "ORDER BY date DESC, id DESC LIMIT 1",
                [committee_id, before.isoformat()],
            )
        )
        return from_row(Meeting, rows[0]) if rows else None

    def next_after(self, meeting_id: int) -> Meeting | None:
        """The committee's next meeting after this one (by date, then id), if there is one."""
        rows = list(
            self.db.iter_rows(
                "SELECT n.* FROM meetings m JOIN meetings n ON n.committee_id = m.committee_id "
                "WHERE m.id = ? AND (n.date, n.id) > (m.date, m.id) "
                "ORDER BY n.date, n.id LIMIT 1",
                [meeting_id],
            )
        )
        return from_row(Meeting, rows[0]) if rows else None

    def first_number_for(self, committee: Committee, day: dt.date) -> int:
        """Where a new meeting on `day` starts numbering, by the committee's rule."""
        assert committee.id is not None
        previous = self.previous(committee.id, day)
        previous_last = None
        if previous is not None and previous.id is not None:
            count = self._item_count(previous.id)
            previous_last = last_number(previous.first_number, count) or previous.first_number - 1
        return first_number_for_new_meeting(committee.numbering, previous_last)

    def create(self, meeting: Meeting, items: list[Item]) -> Meeting:
        """A new meeting with its first agenda items, in one transaction."""
        with self.db.atomic():
            self.add(meeting)
            for position, item in enumerate(items):
                item.meeting_id, item.position, item.id = meeting.id or 0, position, None
                ItemStore(self.db).insert(item)
        return meeting

    # Attendance

    def attendance(self, meeting_id: int) -> list[AttendanceEntry]:
        rows = self.db.iter_rows(
            "SELECT * FROM attendance WHERE meeting_id = ? ORDER BY position, id", [meeting_id]
        )
        return [from_row(AttendanceEntry, row) for row in rows]

    def set_attendance(self, meeting_id: int, entries: list[AttendanceEntry]) -> None:
        replace_children(self.db, "attendance", "meeting_id", meeting_id, entries)

    def _item_count(self, meeting_id: int) -> int:
        return int(self.db.value("SELECT count(*) FROM items WHERE meeting_id = ?", [meeting_id]))
