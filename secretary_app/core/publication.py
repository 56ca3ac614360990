"""What a public edition of an agenda or minutes may show: the one rule, in one place.

A closed item (Lukket) keeps its place, number, title and decision (the law requires decisions
on closed items to be published) and loses everything else. An open item shows only the
attachments marked public.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from secretary_app.core.model import Attachment, Item


def public_item(item: Item) -> Item:
    """The item as a public edition shows it; open items are returned unchanged (as a copy)."""
    if not item.closed:
        return dataclasses.replace(item)
    return Item(
        meeting_id=item.meeting_id,
        title=item.title,
        closed=True,
        decision=item.decision,
        position=item.position,
        id=item.id,
    )


def public_attachments(item: Item, attachments: Sequence[Attachment]) -> list[Attachment]:
    """The attachments a public edition lists: none for a closed item, the public ones otherwise."""
    if item.closed:
        return []
    return [attachment for attachment in attachments if attachment.public]
