"""A committee with everything set in its dialog, read and written as one, for undo."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from secretary_app.core.item_layout import ItemLayout
from secretary_app.core.model import Committee, Member, StandingItem
from secretary_app.store.layouts import SectionTexts
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
    layout: ItemLayout | None = None  # None: as it is (a new committee: the default)
    moves: dict[str, str] = field(default_factory=dict)  # removed section -> where its text goes
    # Layouts to keep under these keys from now on (None: deleted).
    saved_layouts: dict[str, ItemLayout | None] = field(default_factory=dict)


@dataclass
class SetupWritten:
    """What writing a setup did that its undo must put back."""

    committee: Committee
    texts: SectionTexts | None = None  # sections a layout change touched, as they were
    saved_before: dict[str, ItemLayout | None] = field(default_factory=dict)


def read_setup(archive: Archive, committee_id: int) -> CommitteeSetup:
    template = archive.settings.get(committee_key(committee_id)).strip()
    return CommitteeSetup(
        archive.committees.get(committee_id),
        archive.committees.members(committee_id),
        archive.committees.standing_items(committee_id),
        archive.records.own_phrases(committee_id),
        Path(template) if template else None,
        archive.layouts.of_committee(committee_id),
    )


def write_setup(
    archive: Archive,
    setup: CommitteeSetup,
    *,
    adding: bool = False,
    restore: SectionTexts | None = None,
) -> SetupWritten:
    """Update the committee, or add it (`adding`; keeping its id when it has one), in one
    transaction. An id another committee has taken meanwhile is refused (LookupError); a layout
    that would leave text without a section is refused (store.layouts.LayoutInUse). `restore`:
    the texts an undone layout change touched, put back as they were."""
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
        written = SetupWritten(committee)
        written.texts = _write_layout(archive, committee_id, setup, adding or not exists, restore)
        written.saved_before = save_layouts(archive, setup.saved_layouts)
        set_template(archive.settings, committee_id, setup.template)
        archive.committees.set_members(committee_id, [replace(m) for m in setup.members])
        archive.committees.set_standing_items(
            committee_id, [replace(s) for s in setup.standing_items]
        )
        archive.records.set_phrases(committee_id, setup.phrases)
    return written


def _write_layout(
    archive: Archive,
    committee_id: int,
    setup: CommitteeSetup,
    new: bool,
    restore: SectionTexts | None,
) -> SectionTexts | None:
    layouts = archive.layouts
    if new:
        layouts.set_of_committee(committee_id, setup.layout or layouts.default())
        return None
    if restore is not None and setup.layout is not None:
        layouts.restore(committee_id, setup.layout, restore)
        return None
    if setup.layout is None or setup.layout == layouts.of_committee(committee_id):
        return None
    return layouts.change(committee_id, setup.layout, setup.moves)


def save_layouts(
    archive: Archive, layouts: dict[str, ItemLayout | None]
) -> dict[str, ItemLayout | None]:
    """Keep (or, with None, delete) saved layouts by key; what they were, to undo it."""
    saved = archive.layouts.saved()
    before = {key: saved.get(key) for key in layouts}
    for key, layout in layouts.items():
        if layout is None:
            archive.layouts.delete_saved(key)
        else:
            archive.layouts.save(layout, key)
    return before


def delete_committee(archive: Archive, committee_id: int) -> None:
    """Undoing its creation: only a committee without meetings."""
    if archive.meetings.counts_by_committee().get(committee_id):
        raise LookupError("udvalget har møder")
    with archive.db.atomic():
        set_template(archive.settings, committee_id, None)
        archive.committees.delete(committee_id)
