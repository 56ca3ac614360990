"""A committee with everything set in its dialog, read and written as one, for undo."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from secretary_app.core.model import Committee, Member, StandingItem
from secretary_app.store.templates import committee_key, set_template

if TYPE_CHECKING:
    from secretary_app.store.archive import Archive


@dataclass
class CommitteeSetup:
    committee: Committee
    members: list[Member] = field(default_factory=list)
    standing_items: list[StandingItem] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)  # its own; empty: the standard list
    template: Path | None = None  # its own; None: the one for all committees


def read_setup(archive: Archive, committee_id: int) -> CommitteeSetup:
    template = archive.settings.get(committee_key(committee_id)).strip()
    return CommitteeSetup(
        archive.committees.get(committee_id),
        archive.committees.members(committee_id),
        archive.committees.standing_items(committee_id),
        archive.records.own_phrases(committee_id),
        Path(template) if template else None,
    )


def write_setup(archive: Archive, setup: CommitteeSetup, *, adding: bool = False) -> Committee:
    """Update the committee, or add it (`adding`; keeping its id when it has one), in one
    transaction. An id another committee has taken meanwhile is refused (LookupError)."""
    with archive.db.atomic():
        committee = replace(setup.committee)
        exists = committee.id is not None and archive.committees.exists(committee.id)
        if adding and exists:
            raise LookupError("udvalgets nummer er taget af et andet udvalg imens")
        if adding or not exists:
            archive.committees.add(committee)
        else:
            archive.committees.update(committee)
        committee_id = committee.id or 0
        set_template(archive.settings, committee_id, setup.template)
        archive.committees.set_members(committee_id, [replace(m) for m in setup.members])
        archive.committees.set_standing_items(
            committee_id, [replace(s) for s in setup.standing_items]
        )
        archive.records.set_phrases(committee_id, setup.phrases)
    return committee


def delete_committee(archive: Archive, committee_id: int) -> None:
    """Undoing its creation: only a committee without meetings."""
    if archive.meetings.counts_by_committee().get(committee_id):
        raise LookupError("udvalget har møder")
    with archive.db.atomic():
        set_template(archive.settings, committee_id, None)
        archive.committees.delete(committee_id)
