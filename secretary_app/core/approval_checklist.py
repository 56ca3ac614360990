"""What is still missing from the minutes before they are approved, in the secretary's words.

Nothing here stops an approval: a meeting may well end with an item that got no decision. The
list is shown so that nothing is left out by mistake.
"""

from __future__ import annotations

from collections.abc import Sequence

from secretary_app.core.model import AttendanceEntry, Item, Meeting
from secretary_app.core.numbering import item_number


def approval_checklist(
    meeting: Meeting,
    items: Sequence[Item],
    attendance: Sequence[AttendanceEntry],
    agenda_sent: bool,
) -> list[str]:
    """One Danish line for each thing not yet done; [] when the minutes are ready. `items`
    in agenda order, numbered from the meeting's first number."""
    return [
        *items_without_decision(meeting.first_number, items),
        *([] if attendance else ["Fremmødet er ikke registreret (tilstede og fraværende)."]),
        *([] if meeting.ended_at else ["Tidspunktet, da mødet blev hævet, er ikke noteret."]),
        *([] if agenda_sent else ["Dagsordenen er aldrig markeret som udsendt."]),
    ]


def items_without_decision(first_number: int, items: Sequence[Item]) -> list[str]:
    return [
        f"{_item_name(item_number(first_number, position), item.title)} har ingen beslutning."
        for position, item in enumerate(items)
        if not item.decision.strip()
    ]


def _item_name(number: int, title: str) -> str:
    """Punkt 2 »Budget 2018«"""
    return f"Punkt {number} »{title}«" if title.strip() else f"Punkt {number}"
