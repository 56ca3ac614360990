"""What a new meeting's agenda starts from: the standing items, or an earlier agenda."""

from __future__ import annotations

import datetime as dt

from secretary_app.core.item_fields import copied_to_later_meeting
from secretary_app.core.item_layout import ItemLayout
from secretary_app.core.model import Item, StandingItem
from secretary_app.core.record import approval_item_title


def items_from_standing(standing: list[StandingItem]) -> list[Item]:
    return [Item(meeting_id=0, title=s.title, closed=s.closed) for s in standing]


def items_from_earlier_agenda(
    earlier: list[Item], source: ItemLayout, target: ItemLayout
) -> list[Item]:
    """The earlier items' headings and texts written before the meeting (core.item_fields:
    what is copied), from the earlier meeting's layout into the new one's; decisions and case
    history belong to that meeting only."""
    return [copied_to_later_meeting(item, source, target, 0) for item in earlier]


def with_approval_item(items: list[Item], previous: dt.date | None, approved: bool) -> list[Item]:
    """Put "Godkendelse af referat fra mødet den …" first while the last minutes are unapproved."""
    if previous is None or approved:
        return items
    title = approval_item_title(previous)
    if any(item.title == title for item in items):
        return items
    return [Item(meeting_id=0, title=title), *items]
