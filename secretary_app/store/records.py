"""What is recorded at the meeting, per item: absences, dissent notes, votes and reservations;
and the committee's standard decision phrases."""

from __future__ import annotations

from collections import Counter
from typing import Any, TypeVar

from secretary_app.core.model import (
    DECISION_KEY,
    DEFAULT_DECISION_PHRASES,
    DecisionPhrase,
    Dissent,
    ItemAbsence,
    ItemRecords,
    Reservation,
    Vote,
)
from secretary_app.store.database import Database
from secretary_app.store.rows import from_row, replace_children, to_row

T = TypeVar("T", ItemAbsence, Dissent, Vote, Reservation)


class RecordStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def absences(self, item_id: int) -> list[ItemAbsence]:
        return self._for_item(ItemAbsence, "item_absences", item_id)

    def set_absences(self, item_id: int, absences: list[ItemAbsence]) -> None:
        self._replace("item_absences", item_id, absences)

    def dissents(self, item_id: int) -> list[Dissent]:
        return self._for_item(Dissent, "dissents", item_id)

    def set_dissents(self, item_id: int, dissents: list[Dissent]) -> None:
        self._replace("dissents", item_id, dissents)

    def votes(self, item_id: int) -> list[Vote]:
        return self._for_item(Vote, "votes", item_id)

    def set_votes(self, item_id: int, votes: list[Vote]) -> None:
        self._replace("votes", item_id, votes)

    def reservations(self, item_id: int) -> list[Reservation]:
        return self._for_item(Reservation, "item_reservations", item_id)

    def set_reservations(self, item_id: int, reservations: list[Reservation]) -> None:
        self._replace("item_reservations", item_id, reservations)

    def item_records(self, item_id: int) -> ItemRecords:
        return ItemRecords(
            self.absences(item_id),
            self.dissents(item_id),
            self.votes(item_id),
            self.reservations(item_id),
        )

    def set_item_records(self, item_id: int, records: ItemRecords) -> None:
        """Every list at once (an item put back after its deletion was undone, or loaded)."""
        with self.db.atomic():
            self.set_absences(item_id, records.absences)
            self.set_dissents(item_id, records.dissents)
            self.set_votes(item_id, records.votes)
            self.set_reservations(item_id, records.reservations)

    # Decision phrases

    def phrases(self, committee_id: int) -> list[str]:
        """The committee's own list, or the standard phrases while it has none."""
        return self.own_phrases(committee_id) or list(DEFAULT_DECISION_PHRASES)

    def own_phrases(self, committee_id: int) -> list[str]:
        rows = self.db.iter_rows(
            "SELECT text FROM decision_phrases WHERE committee_id = ? ORDER BY position, id",
            [committee_id],
        )
        return [row["text"] for row in rows]

    def set_phrases(self, committee_id: int, phrases: list[str]) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM decision_phrases WHERE committee_id = ?", [committee_id])
            for position, text in enumerate(phrases):
                phrase = DecisionPhrase(committee_id, text, position)
                self.db.table("decision_phrases").insert(to_row(phrase))

    def most_used_decisions(self, committee_id: int, limit: int = 9) -> list[str]:
        """Short decisions this committee wrote most often: suggestions for its phrase list."""
        rows = self.db.iter_rows(
            "SELECT s.text FROM item_sections s JOIN items i ON i.id = s.item_id "
            "JOIN meetings m ON m.id = i.meeting_id "
            "WHERE m.committee_id = ? AND s.key = ? AND s.text != '' AND length(s.text) <= 80",
            [committee_id, DECISION_KEY],
        )
        counts = Counter(row["text"].strip() for row in rows)
        return [text for text, _ in counts.most_common(limit)]

    # Helpers

    def _for_item(self, cls: type[T], table: str, item_id: int) -> list[T]:
        rows = self.db.iter_rows(
            f"SELECT * FROM {table} WHERE item_id = ? ORDER BY position, id", [item_id]
        )
        return [from_row(cls, row) for row in rows]

    def _replace(self, table: str, item_id: int, records: list[Any]) -> None:
        replace_children(self.db, table, "item_id", item_id, records)
