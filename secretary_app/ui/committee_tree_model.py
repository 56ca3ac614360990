"""Committees with their meetings, newest first, as a two-level tree."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from secretary_app.core.danish_dates import short_date
from secretary_app.core.model import Committee, CommitteeKind, MeetingSummary
from secretary_app.store.archive import Archive

Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = 0xFFFFFFFF  # internalId of a committee row: it has no parent row


class CommitteeTreeModel(QAbstractItemModel):
    def __init__(self, archive: Archive, parent: Any = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self._committees: list[Committee] = []
        self._meetings: list[list[MeetingSummary]] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._committees = self.archive.committees.all()
        by_committee: dict[int, list[MeetingSummary]] = {c.id or 0: [] for c in self._committees}
        for meeting in self.archive.meetings.summaries():
            by_committee[meeting.committee_id].insert(0, meeting)
        self._meetings = [by_committee[c.id or 0] for c in self._committees]
        self.endResetModel()

    # Lookups

    def committee_at(self, index: Index) -> Committee | None:
        if not index.isValid():
            return None
        row = index.row() if self._is_committee(index) else int(index.internalId())
        return self._committees[row]

    def meeting_at(self, index: Index) -> MeetingSummary | None:
        if not index.isValid() or self._is_committee(index):
            return None
        return self._meetings[int(index.internalId())][index.row()]

    def index_of_committee(self, committee_id: int) -> QModelIndex:
        for row, committee in enumerate(self._committees):
            if committee.id == committee_id:
                return self.index(row, 0)
        return QModelIndex()

    def index_of_meeting(self, meeting_id: int) -> QModelIndex:
        for committee_row, meetings in enumerate(self._meetings):
            for row, meeting in enumerate(meetings):
                if meeting.id == meeting_id:
                    return self.index(row, 0, self.index(committee_row, 0))
        return QModelIndex()

    def latest_meeting(self) -> MeetingSummary | None:
        meetings = [m for ms in self._meetings for m in ms]
        return max(meetings, key=lambda m: (m.date, m.id), default=None)

    # QAbstractItemModel

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        internal = _NO_PARENT if not parent.isValid() else parent.row()
        return self.createIndex(row, column, internal)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or self._is_committee(index):
            return QModelIndex()
        return self.createIndex(int(index.internalId()), 0, _NO_PARENT)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._committees)
        if self._is_committee(parent) and parent.column() == 0:
            return len(self._meetings[parent.row()])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        meeting = self.meeting_at(index)
        if meeting is not None:
            return self._meeting_label(meeting)
        committee = self._committees[index.row()]
        if committee.kind is CommitteeKind.TASK:
            return self.tr("%1 (task committee)").replace("%1", committee.name)
        return committee.name

    def _meeting_label(self, meeting: MeetingSummary) -> str:
        label = short_date(meeting.date)
        return f"{label} – {meeting.title}" if meeting.title else label

    def _is_committee(self, index: Index) -> bool:
        return int(index.internalId()) == _NO_PARENT
