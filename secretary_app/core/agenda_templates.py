"""What a new meeting's agenda starts from: the standing items, or an earlier agenda."""

from __future__ import annotations

from secretary_app.core.model import Item, StandingItem


def items_from_standing(standing: list[StandingItem]) -> list[Item]:
    return [Item(meeting_id=0, title=s.title, closed=s.closed) for s in standing]


def items_from_earlier_agenda(earlier: list[Item]) -> list[Item]:
    """The earlier items' headings and Resumé; decisions belong to that meeting only."""
    return [
        Item(
            meeting_id=0,
            title=item.title,
            closed=item.closed,
            case_id=item.case_id,
            presenter=item.presenter,
            planned_start=item.planned_start,
            duration_minutes=item.duration_minutes,
            summary=item.summary,
        )
        for item in earlier
    ]
