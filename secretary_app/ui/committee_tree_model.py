"""Committees with their meetings, newest first, as a two-level tree; beside each meeting its
stage (Kladde, Udsendt, Holdt, Godkendt: core.meeting_stage), also in its tooltip and in what a
screen reader says.

A committee's meetings are read from the archive when it is first expanded or looked into
(Qt's canFetchMore/fetchMore), so a ten-year archive opens without reading every meeting.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from secretary_app.core.danish_dates import short_date
from secretary_app.core.meeting_stage import stage_line, stage_name
from secretary_app.core.model import Committee, CommitteeKind, MeetingSummary
from secretary_app.store.archive import Archive

Index = QModelIndex | QPersistentModelIndex
_TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
_NO_PARENT = 0xFFFFFFFF  # internalId of a committee row: it has no parent row


class CommitteeTreeModel(QAbstractItemModel):
    NAME, STAGE = range(2)  # columns: the committee or meeting; the meeting's stage

    def __init__(self, archive: Archive, parent: Any = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self._committees: list[Committee] = []
        self._counts: dict[int, int] = {}
        self._meetings: list[list[MeetingSummary] | None] = []  # None: not read yet
        self.reload()

    def reload(self) -> None:
        """Read the committees again, and the meetings of those already read."""
        fetched = {
            c.id for c, ms in zip(self._committees, self._meetings, strict=True) if ms is not None
        }
        self.beginResetModel()
        self._committees = self.archive.committees.all()
        self._counts = self.archive.meetings.counts_by_committee()
        self._meetings = [
            self._read_meetings(c) if c.id in fetched else None for c in self._committees
        ]
        self.endResetModel()

    def refresh_meeting(self, meeting_id: int) -> bool:
        """Show a meeting's new title in place; False when its place in the tree may change
        (another date, another committee, gone): then reload()."""
        index = self.index_of_meeting(meeting_id)
        shown = self.meeting_at(index)
        now = self.archive.meetings.summary(meeting_id)
        if (
            shown is None
            or now is None
            or (now.committee_id, now.date)
            != (
                shown.committee_id,
                shown.date,
            )
        ):
            return False
        meetings = self._meetings[int(index.internalId())]
        assert meetings is not None
        meetings[index.row()] = now
        self.dataChanged.emit(index, index.siblingAtColumn(self.STAGE))
        return True

    # Lookups

    def committee_at(self, index: Index) -> Committee | None:
        if not index.isValid():
            return None
        row = index.row() if self._is_committee(index) else int(index.internalId())
        return self._committees[row]

    def meeting_at(self, index: Index) -> MeetingSummary | None:
        if not index.isValid() or self._is_committee(index):
            return None
        meetings = self._meetings[int(index.internalId())]
        return meetings[index.row()] if meetings is not None else None

    def committee_indexes(self) -> list[QModelIndex]:
        return [self.index(row, 0) for row in range(len(self._committees))]

    def index_of_committee(self, committee_id: int) -> QModelIndex:
        for row, committee in enumerate(self._committees):
            if committee.id == committee_id:
                return self.index(row, 0)
        return QModelIndex()

    def index_of_meeting(self, meeting_id: int) -> QModelIndex:
        summary = self.archive.meetings.summary(meeting_id)
        parent = self.index_of_committee(summary.committee_id) if summary else None
        if parent is None or not parent.isValid():
            return QModelIndex()
        if self.canFetchMore(parent):
            self.fetchMore(parent)
        for row, meeting in enumerate(self._meetings[parent.row()] or []):
            if meeting.id == meeting_id:
                return self.index(row, 0, parent)
        return QModelIndex()

    def latest_meeting(self) -> MeetingSummary | None:
        return self.archive.meetings.latest()

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
            return len(self._meetings[parent.row()] or [])
        return 0

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:
        if not parent.isValid():
            return bool(self._committees)
        if self._is_committee(parent) and parent.column() == 0:
            return self._counts.get(self._committees[parent.row()].id or 0, 0) > 0
        return False

    def canFetchMore(self, parent: Index) -> bool:
        if not parent.isValid() or not self._is_committee(parent):
            return False
        return self._meetings[parent.row()] is None and self.hasChildren(parent)

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        meetings = self._read_meetings(self._committees[parent.row()])
        if not meetings:  # deleted since the count was read
            self._meetings[parent.row()] = []
            return
        self.beginInsertRows(parent, 0, len(meetings) - 1)
        self._meetings[parent.row()] = meetings
        self.endInsertRows()

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if not self._is_committee(index):
            meeting = self.meeting_at(index)
            return (
                self._meeting_data(meeting, index.column(), role) if meeting is not None else None
            )
        if index.column() != self.NAME or role not in _TEXT_ROLES:
            return None
        committee = self._committees[index.row()]
        if committee.kind is CommitteeKind.TASK:
            return self.tr("%1 (task committee)").replace("%1", committee.name)
        return committee.name

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.tr("Stage") if section == self.STAGE else self.tr("Committee or meeting")

    def _read_meetings(self, committee: Committee) -> list[MeetingSummary]:
        return list(reversed(self.archive.meetings.summaries(committee.id or 0)))

    def _meeting_data(self, meeting: MeetingSummary, column: int, role: int) -> Any:
        """The date (and title) or the stage's word; both in the tooltip and what a screen
        reader says: "27. juni 2017 · Godkendt 3. juli 2017"."""
        today = dt.date.today()
        if role == Qt.ItemDataRole.DisplayRole and column == self.STAGE:
            return stage_name(meeting, today)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._meeting_label(meeting)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{self._meeting_label(meeting)} · {stage_line(meeting, today)}"
        return None

    def _meeting_label(self, meeting: MeetingSummary) -> str:
        label = short_date(meeting.date)
        return f"{label} – {meeting.title}" if meeting.title else label

    def _is_committee(self, index: Index) -> bool:
        return int(index.internalId()) == _NO_PARENT
