"""Agenda item numbers: they follow the order, starting at the meeting's first number."""

from __future__ import annotations

from secretary_app.core.model import Numbering


def item_numbers(first_number: int, count: int) -> list[int]:
    return list(range(first_number, first_number + count))


def item_number(first_number: int, position: int) -> int:
    return first_number + position


def first_number_for_new_meeting(numbering: Numbering, previous_last_number: int | None) -> int:
    """The number a new meeting's first item gets.

    A committee that numbers per meeting starts every meeting at 1; one that numbers
    continuously goes on after the last item of its previous meeting.
    """
    if numbering == Numbering.CONTINUOUS and previous_last_number is not None:
        return previous_last_number + 1
    return 1


def last_number(first_number: int, count: int) -> int | None:
    return first_number + count - 1 if count else None
