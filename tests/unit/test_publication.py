"""What a public edition may show of an item (core.publication)."""

from __future__ import annotations

import datetime as dt

from secretary_app.core.item_layout import GENTOFTE
from secretary_app.core.model import Attachment, Item
from secretary_app.core.publication import public_attachments, public_item


def closed_item() -> Item:
    return Item(
        meeting_id=7,
        title="Personalesag",
        closed=True,
        case_id="EMN-2025-010561",
        presenter="Direktøren",
        planned_start=dt.time(17, 30),
        duration_minutes=15,
        sections={
            "resume": "Fortroligt resumé",
            "tidligere_beslutninger": "Fortrolig historik",
            "beslutning": "Indstillingen blev godkendt.",
        },
        position=3,
        id=42,
    )


def test_a_closed_item_keeps_its_place_title_and_decision():
    shown = public_item(closed_item(), GENTOFTE)
    assert (shown.title, shown.closed, shown.decision) == (
        "Personalesag",
        True,
        "Indstillingen blev godkendt.",
    )
    assert (shown.position, shown.id, shown.meeting_id) == (3, 42, 7)


def test_a_closed_item_loses_everything_else():
    shown = public_item(closed_item(), GENTOFTE)
    assert (
        shown.case_id
        == shown.presenter
        == shown.text("resume")
        == shown.text("tidligere_beslutninger")
        == ""
    )
    assert shown.planned_start is None and shown.duration_minutes is None


def test_an_open_item_is_shown_as_it_is_but_not_shared():
    item = Item(1, "Budget", sections={"resume": "Tal"}, case_id="EMN-2025-000001")
    shown = public_item(item, GENTOFTE)
    assert shown == item and shown is not item


def test_a_closed_item_has_no_public_attachments():
    attachments = [Attachment(42, "Kontrakt", public=True)]
    assert public_attachments(closed_item(), attachments) == []


def test_an_open_item_shows_only_its_public_attachments():
    item = Item(1, "Budget")
    shown = Attachment(1, "Budgetoversigt", public=True)
    hidden = Attachment(1, "Intern note", public=False)
    assert public_attachments(item, [shown, hidden]) == [shown]
