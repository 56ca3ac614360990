"""Approved minutes as a record (kommunestyrelsesloven § 13): approved once, then only added to.

After approval nothing of the meeting is overwritten; a correction is a dated addition with its
reason, shown with the approved text kept. The fingerprint (SHA-256 of the approved content in
the exchange format's canonical form) lets a filed copy be checked against the archive.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from secretary_app.core.danish_dates import short_date


@dataclass
class Approval:
    meeting_id: int
    approved_at: dt.date
    approved_by: list[str]
    fingerprint: str = ""
    snapshot: str = ""  # the approved meeting, canonical exchange JSON


@dataclass
class Correction:
    meeting_id: int
    text: str
    reason: str
    made_at: dt.datetime
    item_number: int | None = None  # None: the minutes as a whole
    made_by: str = ""
    id: int | None = None


@dataclass
class AuditEntry:
    meeting_id: int
    changed_at: str
    changed_by: str
    what: str
    old: str = ""
    new: str = ""
    id: int | None = None


@dataclass
class SignatureBlock:
    members: list[str] = field(default_factory=list)


# The dates an approval and a correction must keep, for every writer (window, store, load).
# Each gives the problem in Danish, or "" when there is none. (Who approved may be left out:
# then the committee approved them as a body.)


def approval_date_problem(meeting_day: dt.date, approved_on: dt.date, today: dt.date) -> str:
    if approved_on < meeting_day:
        return f"godkendt {short_date(approved_on)}, før mødet den {short_date(meeting_day)}"
    if approved_on > today:
        return f"godkendt {short_date(approved_on)}, en dag der ikke er kommet endnu"
    return ""


def correction_date_problem(
    approved_on: dt.date, made_at: dt.datetime, today: dt.date | None = None
) -> str:
    made = short_date(made_at.date())
    if made_at.date() < approved_on:
        return f"dateret {made}, før referatet blev godkendt den {short_date(approved_on)}"
    if made_at.date() > (today or dt.date.today()):
        return f"dateret {made}, en dag der ikke er kommet endnu"
    return ""


def unique_names(names: list[str]) -> list[str]:
    """Each name once, as first written; blank ones left out. Case and spacing don't count."""
    kept: dict[str, str] = {}
    for name in names:
        name = " ".join(name.split())
        kept.setdefault(name.casefold(), name)
    kept.pop("", None)
    return list(kept.values())


def canonical_json(content: object) -> str:
    """One text for the same content: sorted keys, no spacing choices, UTF-8 as is."""
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def fingerprint(canonical: str) -> str:
    import hashlib  # loads OpenSSL, 3 ms of every start-up otherwise; only approving needs it

    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def short_fingerprint(value: str) -> str:
    """The first 16 hex digits in groups of four: enough to compare a filed copy by eye."""
    head = value[:16]
    return " ".join(head[i : i + 4] for i in range(0, len(head), 4))


def approved_line(approval: Approval) -> str:
    """Godkendt 3. juli 2017 · SHA-256 1a2b 3c4d 5e6f 7a8b"""
    stamp = short_fingerprint(approval.fingerprint)
    return f"Godkendt {short_date(approval.approved_at)} · SHA-256 {stamp}"


def correction_line(correction: Correction) -> str:
    """Rettelse 5. juli 2017 (punkt 2): <text> Begrundelse: <reason>"""
    where = f" (punkt {correction.item_number})" if correction.item_number is not None else ""
    reason = f" Begrundelse: {correction.reason}" if correction.reason else ""
    return f"Rettelse {short_date(correction.made_at.date())}{where}: {correction.text}{reason}"


NOT_APPROVED_ITEM = "Godkendelse af referat fra mødet den {date}"


def approval_item_title(previous_meeting: dt.date) -> str:
    """The item a committee's next meeting gets while its last minutes are not yet approved."""
    return NOT_APPROVED_ITEM.format(date=short_date(previous_meeting))


def differing_paths(approved: object, now: object, path: str = "", limit: int = 10) -> list[str]:
    """Where two meetings in the exchange format differ, as the format names fields
    ("items[0].sections.beslutning"); at most `limit` places."""
    if type(approved) is not type(now):
        return [path or "dokumentet"]
    if isinstance(approved, dict) and isinstance(now, dict):
        found: list[str] = []
        for key in [*approved, *(k for k in now if k not in approved)]:
            where = f"{path}.{key}" if path else str(key)
            found += differing_paths(approved.get(key), now.get(key), where, limit - len(found))
            if len(found) >= limit:
                break
        return found[:limit]
    if isinstance(approved, list) and isinstance(now, list):
        if len(approved) != len(now):
            return [f"{path} (antal: {len(approved)} godkendt, {len(now)} nu)"]
        found = []
        for index, (a, b) in enumerate(zip(approved, now, strict=True)):
            found += differing_paths(a, b, f"{path}[{index}]", limit - len(found))
            if len(found) >= limit:
                break
        return found[:limit]
    return [] if approved == now else [path or "dokumentet"]
