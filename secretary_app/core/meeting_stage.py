"""Where a meeting stands: Kladde, Udsendt, Holdt or Godkendt, by one rule, in Danish words.

The stage is worked out from facts the archive keeps, never stored itself:

- Godkendt (approved): the minutes are approved. This wins over everything else.
- Holdt (held): the meeting has taken place — its end is noted ("mødet hævet kl."), or its day
  is over (the day before today or earlier). Decisions written in advance do not count: a
  secretary often drafts the proposed decision before the meeting.
- Udsendt (agenda sent): the agenda is marked as sent; from then on every change to it is
  written in the audit log.
- Kladde (draft): none of these.

A meeting held on an agenda never marked as sent is Holdt all the same: it took place.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Protocol

from secretary_app.core.danish_dates import clock, short_date


class MeetingStage(enum.Enum):
    DRAFT = "draft"
    SENT = "sent"
    HELD = "held"
    APPROVED = "approved"


STAGE_NAMES: dict[MeetingStage, str] = {
    MeetingStage.DRAFT: "Kladde",
    MeetingStage.SENT: "Udsendt",
    MeetingStage.HELD: "Holdt",
    MeetingStage.APPROVED: "Godkendt",
}

# The audit log's entry when marking the agenda as sent is undone (its old value: when it was
# marked). The store writes it; nothing else is logged for a meeting whose agenda is not sent.
AGENDA_UNMARKED = "dagsorden: markering som udsendt fortrudt"


class StageFacts(Protocol):
    """What the stage is worked out from (store.meetings gives it as a MeetingSummary)."""

    @property
    def date(self) -> dt.date: ...
    @property
    def sent_on(self) -> dt.date | None: ...
    @property
    def ended_at(self) -> dt.time | None: ...
    @property
    def approved_on(self) -> dt.date | None: ...


def meeting_stage(facts: StageFacts, today: dt.date) -> MeetingStage:
    """The meeting's stage on `today`, by the rule above."""
    if facts.approved_on is not None:
        return MeetingStage.APPROVED
    if facts.ended_at is not None or facts.date < today:
        return MeetingStage.HELD
    if facts.sent_on is not None:
        return MeetingStage.SENT
    return MeetingStage.DRAFT


def stage_since(facts: StageFacts, today: dt.date) -> dt.date | None:
    """The day the meeting reached its stage: approved on, held on, sent on; None for a draft."""
    days = {
        MeetingStage.APPROVED: facts.approved_on,
        MeetingStage.HELD: facts.date,
        MeetingStage.SENT: facts.sent_on,
    }
    return days.get(meeting_stage(facts, today))


def stage_name(facts: StageFacts, today: dt.date) -> str:
    """Godkendt"""
    return STAGE_NAMES[meeting_stage(facts, today)]


def stage_line(facts: StageFacts, today: dt.date) -> str:
    """Godkendt 3. juli 2017, Udsendt 20. juni 2017, Holdt 27. juni 2017, Kladde"""
    since = stage_since(facts, today)
    name = stage_name(facts, today)
    return f"{name} {short_date(since)}" if since is not None else name


def sent_time(sent_at: dt.datetime) -> str:
    """8. april 2025 kl. 10.02: when an agenda was marked as sent, as the audit log says it."""
    return f"{short_date(sent_at.date())} kl. {clock(sent_at.time())}"
