"""One item's records besides its decision, as a list: who was not present, dissent notes, votes,
reservations."""

from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from secretary_app.core.attendance import join_names
from secretary_app.core.model import AbsenceReason, ItemRecords, VoteSide

Index = QModelIndex | QPersistentModelIndex


def reason_names() -> dict[AbsenceReason, str]:
    return {
        AbsenceReason.DISQUALIFIED: QCoreApplication.translate(
            "ItemRecords", "disqualified (inhabil)"
        ),
        AbsenceReason.LEFT: QCoreApplication.translate("ItemRecords", "left the meeting"),
        AbsenceReason.ARRIVED_LATE: QCoreApplication.translate("ItemRecords", "arrived late"),
    }


def side_names() -> dict[VoteSide, str]:
    return {
        VoteSide.FOR: QCoreApplication.translate("ItemRecords", "For"),
        VoteSide.AGAINST: QCoreApplication.translate("ItemRecords", "Against"),
        VoteSide.ABSTAIN: QCoreApplication.translate("ItemRecords", "Abstaining"),
    }


class RecordRow(NamedTuple):
    """What a row shows: an absence, dissent note or reservation (kind "absences", "dissents",
    "reservations") by its index in the item's list, or one side of the votes (kind "votes")."""

    kind: str
    number: int = -1
    side: VoteSide = VoteSide.FOR


class ItemRecordsModel(QAbstractListModel):
    """A thin adapter over an ItemRecords; changes come in whole, after a command wrote them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._records = ItemRecords()
        self._rows: list[RecordRow] = []

    def set_records(self, records: ItemRecords) -> None:
        self.beginResetModel()
        self._records = records
        self._rows = [RecordRow("absences", i) for i in range(len(records.absences))]
        self._rows += [RecordRow("dissents", i) for i in range(len(records.dissents))]
        sides = [side for side in VoteSide if any(v.side is side for v in records.votes)]
        self._rows += [RecordRow("votes", side=side) for side in sides]
        self._rows += [RecordRow("reservations", i) for i in range(len(records.reservations))]
        self.endResetModel()

    def records(self) -> ItemRecords:
        return self._records

    def row_at(self, row: int) -> RecordRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        shown = (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        )
        return self._text(self._rows[index.row()]) if role in shown else None

    def _text(self, row: RecordRow) -> str:
        if row.kind == "absences":
            absence = self._records.absences[row.number]
            text = self.tr("Not present: %1, %2").replace("%1", absence.member)
            text = text.replace("%2", reason_names()[absence.reason])
            return f"{text} – {absence.note}" if absence.note else text
        if row.kind == "dissents":
            dissent = self._records.dissents[row.number]
            text = self.tr("Dissent note, %1: %2").replace("%1", dissent.member)
            return text.replace("%2", dissent.text)
        if row.kind == "reservations":
            reservation = self._records.reservations[row.number]
            text = self.tr("Reservation: %1").replace("%1", reservation.member)
            return f"{text} – {reservation.text}" if reservation.text else text
        side = row.side
        voters = [vote.voter for vote in self._records.votes if vote.side is side]
        return f"{side_names()[side]}: {join_names(voters)}"
