"""What a public edition of an agenda or minutes may show: the one rule, in one place.

A closed item (Lukket) keeps its place, number and title — its public title (*offentlig titel*)
when it has one — and the sections that are public when closed: the decision (the law requires
decisions on closed items to be published). Everything else goes. An open item shows only the
attachments marked public.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from secretary_app.core.item_fields import ITEM_FIELDS
from secretary_app.core.item_layout import ItemLayout
from secretary_app.core.model import Attachment, Item


def public_item(item: Item, layout: ItemLayout) -> Item:
    """The item as a public edition shows it; open items are returned unchanged (as a copy)."""
    if not item.closed:
        return dataclasses.replace(item, sections=dict(item.sections))
    shown = Item(
        meeting_id=item.meeting_id,
        title=public_title(item),
        position=item.position,
        id=item.id,
    )
    for field in ITEM_FIELDS:
        if field.public_when_closed and field.name not in ("title", "public_title"):
            setattr(shown, field.name, getattr(item, field.name))
    shown.sections = {
        section.key: item.text(section.key)
        for section in layout.sections
        if section.rule.public_when_closed
    }
    return shown


def public_title(item: Item) -> str:
    """The title the public may read: a closed item's public title when it has one."""
    return item.public_title if item.closed and item.public_title.strip() else item.title


def public_attachments(item: Item, attachments: Sequence[Attachment]) -> list[Attachment]:
    """The attachments a public edition lists: none for a closed item, the public ones otherwise."""
    if item.closed:
        return []
    return [attachment for attachment in attachments if attachment.public]
