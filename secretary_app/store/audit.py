"""What the store needs to know of the archive's record rules at run time.

The rules themselves are SQL triggers, written by the migrations (store.migrations): they refuse
every change to approved minutes and log every change to a meeting whose agenda was sent.
"""

from __future__ import annotations

from secretary_app.store.database import Database

# Every table holding a meeting's rows, parents first, and how a row called {row} (the table's
# name) finds its meeting.
MEETING_OF = {
    "meetings": "{row}.id",
    "items": "{row}.meeting_id",
    "attendance": "{row}.meeting_id",
    "attachments": "(SELECT meeting_id FROM items WHERE id = {row}.item_id)",
    "item_absences": "(SELECT meeting_id FROM items WHERE id = {row}.item_id)",
    "dissents": "(SELECT meeting_id FROM items WHERE id = {row}.item_id)",
    "votes": "(SELECT meeting_id FROM items WHERE id = {row}.item_id)",
    "item_sections": "(SELECT meeting_id FROM items WHERE id = {row}.item_id)",
    "item_reservations": "(SELECT meeting_id FROM items WHERE id = {row}.item_id)",
    "attachment_files": (
        "(SELECT i.meeting_id FROM attachments a JOIN items i ON i.id = a.item_id"
        " WHERE a.id = {row}.attachment_id)"
    ),
}

_LOG_WHOLE_MEETING = """
INSERT INTO audit_log (meeting_id, changed_at, changed_by, what, old, new) VALUES (
    ?, strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime'), secretary_user(), ?, '', '')"""


def log_whole_meeting(db: Database, meeting_id: int, what: str) -> None:
    """An entry about the meeting as a whole (deleted, restored), written by the store."""
    db.execute(_LOG_WHOLE_MEETING, [meeting_id, what])
