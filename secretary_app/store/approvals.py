"""Approving minutes, corrections added afterwards, and the audit log of a meeting."""

from __future__ import annotations

import datetime as dt
import getpass
import json
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from secretary_app.core.item_fields import section_field
from secretary_app.core.item_layout import ItemLayout
from secretary_app.core.meeting_stage import AGENDA_UNMARKED, sent_time
from secretary_app.core.model import Committee
from secretary_app.core.record import (
    Approval,
    AuditEntry,
    Correction,
    approval_date_problem,
    canonical_json,
    correction_date_problem,
    differing_paths,
    fingerprint,
)
from secretary_app.store.audit import chain_problems, missing_protections, record_entry_problems
from secretary_app.store.database import Database
from secretary_app.store.rows import from_row, to_row

if TYPE_CHECKING:
    from secretary_app.store.archive import Archive


def current_user() -> str:
    """Who is at the keyboard, for the audit log, corrections and the lock: the full name with
    the login, "Anne Jensen (aj)", or the login alone when no full name is known."""
    try:
        login = getpass.getuser()
    except (KeyError, OSError):
        return ""
    full = _full_name(login)
    return f"{full} ({login})" if full and full != login else login


def _full_name(login: str) -> str:
    """The account's display name: Windows' GetUserNameExW (NameDisplay), the GECOS field
    elsewhere; "" when there is none or it cannot be read."""
    try:
        if sys.platform == "win32":
            return _windows_display_name()
        import pwd

        return pwd.getpwnam(login).pw_gecos.split(",")[0].strip()
    except (KeyError, OSError, AttributeError, ValueError):
        return ""


def _windows_display_name() -> str:
    import ctypes

    name_display = 3
    size = ctypes.c_ulong(0)
    secur32 = ctypes.windll.secur32  # type: ignore[attr-defined,unused-ignore]
    secur32.GetUserNameExW(name_display, None, ctypes.byref(size))
    if not size.value:
        return ""
    buffer = ctypes.create_unicode_buffer(size.value)
    if not secur32.GetUserNameExW(name_display, buffer, ctypes.byref(size)):
        return ""
    return buffer.value.strip()


class ApprovalStore:
    def __init__(self, db: Database, archive: Archive) -> None:
        self.db = db
        self.archive = archive

    def approval(self, meeting_id: int) -> Approval | None:
        rows = list(self.db.iter_rows("SELECT * FROM approvals WHERE meeting_id = ?", [meeting_id]))
        if not rows:
            return None
        row = rows[0]
        return Approval(
            meeting_id=meeting_id,
            approved_at=dt.date.fromisoformat(row["approved_at"]),
            approved_by=list(json.loads(row["approved_by"])),
            fingerprint=row["fingerprint"],
            snapshot=row["snapshot"],
        )

    def approved_meetings(self) -> list[int]:
        return [
            int(row["meeting_id"])
            for row in self.db.iter_rows("SELECT meeting_id FROM approvals ORDER BY meeting_id")
        ]

    def is_approved(self, meeting_id: int) -> bool:
        return self.db.row("SELECT 1 FROM approvals WHERE meeting_id = ?", [meeting_id]) is not None

    def approve(
        self,
        archive: Archive,
        meeting_id: int,
        by: list[str],
        on: dt.date,
        *,
        fill_history: bool = True,
        committee: Committee | None = None,
        layout: ItemLayout | None = None,
    ) -> Approval:
        """Lock the meeting; its content now is the approved content, fingerprinted, in the
        exchange format of today (its snapshot, which keeps the item layout it was approved in).

        Empty history sections ("Tidligere beslutninger") are first filled with the case history
        of the day, so the approved minutes keep it (not for minutes loaded as approved: they
        stay as filed, in the file's committee name and `layout`).
        """
        from secretary_app.core.exchange import dump_meeting
        from secretary_app.store.exchange import export_meeting

        meeting_day = archive.meetings.get(meeting_id).date
        problem = approval_date_problem(meeting_day, on, dt.date.today())
        if problem:
            raise ValueError(f"Referatet kan ikke godkendes: {problem}")
        with self.db.atomic():
            if fill_history:
                _write_case_history(archive, meeting_id)
            doc = export_meeting(archive, meeting_id)
            if committee is not None:  # loaded minutes: as filed, whatever this archive holds
                doc.committee = replace(doc.committee, name=committee.name, kind=committee.kind)
            if layout is not None:
                doc.layout = layout
            snapshot = canonical_json(dump_meeting(doc))
            approval = Approval(meeting_id, on, list(by), fingerprint(snapshot), snapshot)
            self.db.table("approvals").insert(
                {
                    "meeting_id": meeting_id,
                    "approved_at": on.isoformat(),
                    "approved_by": json.dumps(approval.approved_by, ensure_ascii=False),
                    "fingerprint": approval.fingerprint,
                    "snapshot": snapshot,
                }
            )
        return approval

    def verify(self, meeting_id: int) -> bool:
        """Is the meeting in the archive still, word for word, the content that was approved?"""
        return not self.differences(meeting_id)

    def differences(self, meeting_id: int) -> list[str]:
        """Where the meeting in the archive differs from its approved content, as the exchange
        format names the fields (Danish words where there is no field); [] when it does not.

        The archive's content in today's exchange format is compared with the snapshot, text
        for text. A snapshot of an earlier version of the format is read in its own version
        (the program reads every version it ever wrote), and both sides are compared as that
        reading sees them, so approvals made before a field was added verify as they did.
        """
        from secretary_app.core.exchange import VERSION, ExchangeError, dump_meeting, parse_meeting
        from secretary_app.store.exchange import export_meeting

        approval = self.approval(meeting_id)
        if approval is None:
            return ["ikke godkendt"]
        if fingerprint(approval.snapshot) != approval.fingerprint:
            return ["det godkendte indhold passer ikke til sit fingeraftryk"]
        doc = export_meeting(self.archive, meeting_id)
        doc.approval, doc.corrections = None, []  # as it was when the fingerprint was taken
        now: object = dump_meeting(doc)
        try:
            then: object = json.loads(approval.snapshot)
            if not isinstance(then, dict) or then.get("version") != VERSION:
                then = dump_meeting(parse_meeting(then))
                now = dump_meeting(parse_meeting(json.loads(canonical_json(now))))
        except (ExchangeError, ValueError):
            return ["det godkendte indhold kan ikke læses"]
        return differing_paths(then, json.loads(canonical_json(now)))

    def record_problems(self) -> list[str]:
        """What is wrong with the archive's record as a whole, in Danish; [] when nothing:
        protection (triggers) gone or changed, the audit log's chain broken, approvals or
        corrections missing from it."""
        missing = missing_protections(self.db)
        shown = ", ".join(missing[:5]) + (f" … ({len(missing)} i alt)" if len(missing) > 5 else "")
        protection = [f"beskyttelsen er fjernet eller ændret: {shown}"] if missing else []
        return [*protection, *chain_problems(self.db), *record_entry_problems(self.db)]

    # Corrections

    def add_correction(self, correction: Correction) -> Correction:
        """A dated addition to approved minutes; ValueError (Danish) when it cannot be one."""
        self._check_correction(correction)
        correction.made_by = correction.made_by or current_user()
        with self.db.atomic():
            row = to_row(correction)
            row["made_at"] = correction.made_at.isoformat(timespec="seconds")
            correction.id = self.db.table("corrections").insert(row).last_pk
        return correction

    def _check_correction(self, correction: Correction) -> None:
        approval = self.approval(correction.meeting_id)
        if approval is None:
            raise ValueError("En rettelse hører til et godkendt referat; mødet er ikke godkendt")
        problem = correction_date_problem(approval.approved_at, correction.made_at)
        if problem:
            raise ValueError(f"Rettelsen kan ikke tilføjes: den er {problem}")
        number = correction.item_number
        if number is not None and number not in self._item_numbers(correction.meeting_id):
            raise ValueError(f"Punkt {number} findes ikke på mødets dagsorden")
        if not correction.text.strip():
            raise ValueError("En rettelse skal have en tekst")

    def _item_numbers(self, meeting_id: int) -> range:
        row = self.db.row(
            "SELECT m.first_number AS first, count(i.id) AS n FROM meetings m "
            "LEFT JOIN items i ON i.meeting_id = m.id WHERE m.id = ?",
            [meeting_id],
        )
        assert row is not None  # an aggregate always gives one row
        return range(row["first"], row["first"] + row["n"])

    def corrections(self, meeting_id: int) -> list[Correction]:
        rows = self.db.iter_rows(
            "SELECT * FROM corrections WHERE meeting_id = ? ORDER BY id", [meeting_id]
        )
        return [_correction(row) for row in rows]

    # The agenda sent, and what changed after

    def mark_agenda_sent(self, meeting_id: int, at: dt.datetime) -> bool:
        """From now on every change to the meeting is written in the audit log (the triggers
        look at `agenda_sent_at`). False when it was marked already: then nothing changed."""
        with self.db.atomic():
            marked = self.db.execute(
                "UPDATE meetings SET agenda_sent_at = ? WHERE id = ? AND agenda_sent_at IS NULL",
                [at.isoformat(timespec="seconds"), meeting_id],
            )
        return marked.rowcount == 1

    def unmark_agenda_sent(self, meeting_id: int) -> bool:
        """Take back marking the agenda as sent, while nothing has been logged since; False
        (and nothing changed) once something has. The marking itself is not an entry of the
        audit log, and an entry is never deleted (the hash chain): the log gets an entry that
        says the marking was undone, with the time it was made."""
        with self.db.atomic():
            sent_at = self.agenda_sent_at(meeting_id)
            if sent_at is None:
                return True
            if not self.nothing_logged_since_sent(meeting_id):
                return False
            self.db.execute("UPDATE meetings SET agenda_sent_at = NULL WHERE id = ?", [meeting_id])
            self.db.execute(_LOG_UNMARKED, [meeting_id, AGENDA_UNMARKED, _sent_time(sent_at)])
        return True

    def nothing_logged_since_sent(self, meeting_id: int) -> bool:
        """Has nothing been written in the audit log since the agenda was marked as sent?
        Nothing is logged for a meeting whose agenda is not sent, so that is: the meeting has
        no entry, or its last entry is an earlier marking undone."""
        last = self.db.value(
            "SELECT what FROM audit_log WHERE meeting_id = ? ORDER BY id DESC LIMIT 1",
            [meeting_id],
        )
        return last is None or last == AGENDA_UNMARKED

    def agenda_sent_at(self, meeting_id: int) -> str | None:
        found = self.db.value("SELECT agenda_sent_at FROM meetings WHERE id = ?", [meeting_id])
        return str(found) if found else None

    def audit(self, meeting_id: int) -> list[AuditEntry]:
        rows = self.db.iter_rows(
            "SELECT * FROM audit_log WHERE meeting_id = ? ORDER BY id", [meeting_id]
        )
        return [from_row(AuditEntry, row) for row in rows]


_LOG_UNMARKED = """
INSERT INTO audit_log (meeting_id, changed_at, changed_by, what, old, new) VALUES (
    ?, strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime'), secretary_user(), ?, ?, '')"""


def _sent_time(stored: str) -> str:
    """The stored time of sending in Danish words; as stored when it cannot be read."""
    try:
        return sent_time(dt.datetime.fromisoformat(stored))
    except ValueError:
        return stored


def _write_case_history(archive: Archive, meeting_id: int) -> None:
    """Approved minutes keep the case history as it was: empty sections are filled for good."""
    from secretary_app.store.case_history import history_for

    section = archive.layouts.of_meeting(meeting_id).history
    if section is None:
        return
    for item in archive.items.for_meeting(meeting_id):
        if not item.text(section.key).strip() and item.case_id and item.id is not None:
            history = history_for(archive, item.case_id, meeting_id)
            if history:
                archive.items.update_field(item.id, section_field(section.key), history)


def _correction(row: dict[str, object]) -> Correction:
    values = dict(row)
    values["made_at"] = dt.datetime.fromisoformat(str(values["made_at"]))
    return Correction(**values)  # type: ignore[arg-type]
