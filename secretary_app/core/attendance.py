"""Who came to a meeting: members present, absent (fraværende) or excused (afbud), with a
substitute (stedfortræder) where one came; guests and officials present; and the lists of names
recorded per item (votes)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from secretary_app.core.model import (
    AttendanceEntry,
    AttendanceStatus,
    Member,
    MemberRole,
)
from secretary_app.core.text import clean_line

FREE_NAME_ROLES = (MemberRole.GUEST, MemberRole.OFFICIAL)


@dataclass
class AttendanceSheet:
    """The attendance as the secretary fills it in: a row per member, free names besides."""

    members: list[AttendanceEntry] = field(default_factory=list)
    guests: list[str] = field(default_factory=list)
    officials: list[str] = field(default_factory=list)


def attendance_sheet(
    meeting_id: int, members: Sequence[Member], recorded: Sequence[AttendanceEntry]
) -> AttendanceSheet:
    """Every member of the committee, as recorded or else present; then anyone recorded who is
    no longer a member (nothing recorded is dropped); guests and officials by name."""
    by_name = {entry.name: entry for entry in recorded}
    sheet = AttendanceSheet()
    for member in members:
        entry = by_name.pop(member.name, None)
        sheet.members.append(
            replace(entry, role=member.role)
            if entry is not None
            else AttendanceEntry(meeting_id, member.name, member.role)
        )
    for entry in by_name.values():
        if entry.role is MemberRole.GUEST:
            sheet.guests.append(entry.name)
        elif entry.role is MemberRole.OFFICIAL and entry.status is AttendanceStatus.PRESENT:
            sheet.officials.append(entry.name)
        else:
            sheet.members.append(replace(entry))
    return sheet


def attendance_entries(meeting_id: int, sheet: AttendanceSheet) -> list[AttendanceEntry]:
    """The sheet as the archive keeps it: members in order, then guests, then officials.
    A present member has no substitute."""
    entries = [
        AttendanceEntry(
            meeting_id,
            clean_line(row.name),
            row.role,
            row.status,
            clean_line(row.substitute) if takes_substitute(row.status) else "",
        )
        for row in sheet.members
        if clean_line(row.name)
    ]
    for role, names in ((MemberRole.GUEST, sheet.guests), (MemberRole.OFFICIAL, sheet.officials)):
        entries += [AttendanceEntry(meeting_id, name, role) for name in _unique(names)]
    return entries


def takes_substitute(status: AttendanceStatus) -> bool:
    """Only a member who is not there can have a substitute."""
    return status is not AttendanceStatus.PRESENT


def present_members(recorded: Sequence[AttendanceEntry], members: Sequence[Member]) -> list[str]:
    """Who takes part in the decisions: members present and the substitutes who came.
    Before any attendance is recorded, every member (guests and officials never)."""
    if not recorded:
        return [m.name for m in members if m.role not in FREE_NAME_ROLES]
    names: list[str] = []
    for entry in recorded:
        if entry.role in FREE_NAME_ROLES:
            continue
        if entry.status is AttendanceStatus.PRESENT:
            names.append(entry.name)
        elif entry.substitute:
            names.append(entry.substitute)
    return _unique(names)


def attendance_counts(recorded: Sequence[AttendanceEntry]) -> dict[AttendanceStatus, int]:
    """How many members are present, absent and excused (substitutes count as present)."""
    counts: Counter[AttendanceStatus] = Counter()
    for entry in recorded:
        if entry.role in FREE_NAME_ROLES:
            continue
        counts[entry.status] += 1
        if entry.substitute:
            counts[AttendanceStatus.PRESENT] += 1
    return {status: counts[status] for status in AttendanceStatus}


_NAME_SEPARATORS = re.compile(r"[,;\n]")


def split_names(text: str) -> list[str]:
    """Names or parties typed as a list: "Anna Holm, Bo Berg; V" -> three names."""
    return _unique(clean_line(part) for part in _NAME_SEPARATORS.split(text))


def names_by_line(text: str) -> list[str]:
    """Names typed one a line (a name may hold a comma: "Hansen, Jens")."""
    return _unique(text.splitlines())


def join_names(names: Sequence[str]) -> str:
    return ", ".join(names)


def _unique(names: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for name in names:
        line = clean_line(name)
        if line and line not in seen:
            seen.append(line)
    return seen
