"""Attendance as the secretary fills it in (core.attendance)."""

from __future__ import annotations

from secretary_app.core.attendance import (
    AttendanceSheet,
    attendance_counts,
    attendance_entries,
    attendance_sheet,
    join_names,
    names_by_line,
    present_members,
    split_names,
)
from secretary_app.core.model import AttendanceEntry, AttendanceStatus, Member, MemberRole

PRESENT, ABSENT, EXCUSED = AttendanceStatus
MEMBERS = [
    Member(1, "Anna Holm", MemberRole.CHAIR),
    Member(1, "Bo Berg"),
    Member(1, "Carl Dahl"),
]


def rows(sheet: AttendanceSheet) -> list[tuple[str, AttendanceStatus, str]]:
    return [(row.name, row.status, row.substitute) for row in sheet.members]


def test_without_a_record_every_member_is_present():
    sheet = attendance_sheet(7, MEMBERS, [])
    assert rows(sheet) == [(m.name, PRESENT, "") for m in MEMBERS]
    assert sheet.members[0].role is MemberRole.CHAIR
    assert sheet.guests == sheet.officials == []


def test_the_record_fills_the_sheet_and_nothing_recorded_is_dropped():
    recorded = [
        AttendanceEntry(7, "Bo Berg", status=ABSENT, substitute="Dorte Eske"),
        AttendanceEntry(7, "Gitte Former", status=EXCUSED),  # no longer a member
        AttendanceEntry(7, "Hans Gæst", MemberRole.GUEST),
        AttendanceEntry(7, "Ida Direktør", MemberRole.OFFICIAL),
    ]
    sheet = attendance_sheet(7, MEMBERS, recorded)
    assert rows(sheet) == [
        ("Anna Holm", PRESENT, ""),
        ("Bo Berg", ABSENT, "Dorte Eske"),
        ("Carl Dahl", PRESENT, ""),
        ("Gitte Former", EXCUSED, ""),
    ]
    assert sheet.guests == ["Hans Gæst"]
    assert sheet.officials == ["Ida Direktør"]


def test_entries_in_order_and_a_present_member_has_no_substitute():
    sheet = attendance_sheet(7, MEMBERS, [])
    sheet.members[0].substitute = "Nobody"
    sheet.members[1].status, sheet.members[1].substitute = EXCUSED, " Dorte Eske\n"
    sheet.guests, sheet.officials = ["Hans Gæst", "", "Hans Gæst"], ["Ida Direktør"]
    entries = attendance_entries(7, sheet)
    assert [(e.name, e.role, e.status, e.substitute) for e in entries] == [
        ("Anna Holm", MemberRole.CHAIR, PRESENT, ""),
        ("Bo Berg", MemberRole.MEMBER, EXCUSED, "Dorte Eske"),
        ("Carl Dahl", MemberRole.MEMBER, PRESENT, ""),
        ("Hans Gæst", MemberRole.GUEST, PRESENT, ""),
        ("Ida Direktør", MemberRole.OFFICIAL, PRESENT, ""),
    ]
    assert all(e.meeting_id == 7 for e in entries)


def test_present_members_are_those_present_and_the_substitutes():
    recorded = [
        AttendanceEntry(7, "Anna Holm"),
        AttendanceEntry(7, "Bo Berg", status=ABSENT, substitute="Dorte Eske"),
        AttendanceEntry(7, "Carl Dahl", status=EXCUSED),
        AttendanceEntry(7, "Hans Gæst", MemberRole.GUEST),
    ]
    assert present_members(recorded, MEMBERS) == ["Anna Holm", "Dorte Eske"]
    assert present_members([], MEMBERS) == ["Anna Holm", "Bo Berg", "Carl Dahl"]


def test_counts():
    recorded = [
        AttendanceEntry(7, "Anna Holm"),
        AttendanceEntry(7, "Bo Berg", status=ABSENT, substitute="Dorte Eske"),
        AttendanceEntry(7, "Carl Dahl", status=EXCUSED),
        AttendanceEntry(7, "Hans Gæst", MemberRole.GUEST),
    ]
    assert attendance_counts(recorded) == {PRESENT: 2, ABSENT: 1, EXCUSED: 1}


def test_names_typed_as_a_list():
    assert split_names("Anna Holm, Bo Berg; V\nAnna Holm, ") == ["Anna Holm", "Bo Berg", "V"]
    assert split_names("") == []
    assert join_names(["Anna Holm", "V"]) == "Anna Holm, V"


def test_names_one_a_line_may_hold_commas():
    assert names_by_line("Hansen, Jens\n\n Ida Direktør \nHansen, Jens") == [
        "Hansen, Jens",
        "Ida Direktør",
    ]
