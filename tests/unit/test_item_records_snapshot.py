"""A deleted item comes back with what was recorded for it: absences, dissent notes, votes."""

from __future__ import annotations

from secretary_app.core.model import (
    AbsenceReason,
    Dissent,
    Item,
    ItemAbsence,
    Vote,
    VoteSide,
)


def test_delete_and_restore_keep_the_items_records(archive, meeting):
    item = archive.items.add(Item(meeting.id, "Budget 2018"))
    records = archive.records
    records.set_absences(item.id, [ItemAbsence(item.id, "Bo Berg", AbsenceReason.LEFT, "17.40")])
    records.set_dissents(item.id, [Dissent(item.id, "Anna Holm", "Imod.")])
    records.set_votes(
        item.id, [Vote(item.id, VoteSide.FOR, "V"), Vote(item.id, VoteSide.AGAINST, "A")]
    )
    before = records.item_records(item.id)

    snapshot = archive.items.delete(item.id)
    assert not records.item_records(item.id)  # gone with the item
    archive.items.restore(snapshot)
    after = records.item_records(item.id)

    def shown(r):
        return (
            [(a.member, a.reason, a.note) for a in r.absences],
            [(d.member, d.text) for d in r.dissents],
            [(v.side, v.voter) for v in r.votes],
        )

    assert shown(after) == shown(before)
    assert shown(after)[2] == [(VoteSide.FOR, "V"), (VoteSide.AGAINST, "A")]


def test_an_item_without_records_restores_without_any(archive, meeting):
    item = archive.items.add(Item(meeting.id, "Eventuelt"))
    archive.items.restore(archive.items.delete(item.id))
    assert not archive.records.item_records(item.id)
