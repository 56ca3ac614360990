"""Choosing a backup to restore: when each was taken, what kind, its size, and what it holds."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretary_app.core.danish_dates import short_date
from secretary_app.store.backups import Backup, BackupError
from secretary_app.store.restore import backup_contents, backup_problem
from secretary_app.ui.screen_fit import resize_within_screen

Index = QModelIndex | QPersistentModelIndex


class BackupsModel(QAbstractTableModel):
    """The archive's backups, newest first."""

    def __init__(self, backups: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backups = sorted(backups, key=lambda backup: backup.taken_at, reverse=True)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.backups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Taken"), self.tr("Kind"), self.tr("Size"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        backup = self.backups[index.row()]
        if index.column() == 0:
            return backup.when
        if index.column() == 1:
            return backup.what
        return _megabytes(backup)

    def backup_at(self, row: int) -> Backup | None:
        return self.backups[row] if 0 <= row < len(self.backups) else None


def _megabytes(backup: Backup) -> str:
    try:
        size = backup.path.stat().st_size
    except OSError:
        return ""
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


class RestoreDialog(QDialog):
    """The secretary chooses a backup; `chosen()` is it after the dialog was accepted."""

    def __init__(self, backups: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.model = BackupsModel(backups, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(self.tr("Backups"))
        self.contents = QLabel(self)
        self.contents.setWordWrap(True)
        explanation = QLabel(
            self.tr(
                "The archive gets the content of the backup you choose. What it holds now is "
                "kept as a backup first, so a restore can be undone by restoring that one."
            ),
            self,
        )
        explanation.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (explanation, self.table, self.contents, buttons):
            layout.addWidget(widget)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_contents())
        if backups:
            self.table.selectRow(0)
        self._show_contents()
        resize_within_screen(self, 620, 420)

    def chosen(self) -> Backup | None:
        return self.model.backup_at(self.table.currentIndex().row())

    def _show_contents(self) -> None:
        backup = self.chosen()
        problem = backup_problem(backup.path) if backup is not None else ""
        self.restore_button.setEnabled(backup is not None and not problem)
        if backup is None:
            self.contents.setText(self.tr("There are no backups yet."))
        elif problem:
            message = self.tr("This backup cannot be restored: %1.")
            self.contents.setText(message.replace("%1", problem))
        else:
            self.contents.setText(self._describe(backup))

    def _describe(self, backup: Backup) -> str:
        try:
            held = backup_contents(backup.path)
        except BackupError as error:
            return str(error)
        text = self.tr("%1 committees, %2 meetings (%3 approved)")
        text = text.replace("%1", str(held.committees)).replace("%2", str(held.meetings))
        text = text.replace("%3", str(held.approved))
        if held.newest_meeting is not None:
            newest = self.tr("; the newest meeting %1").replace(
                "%1", short_date(held.newest_meeting)
            )
            text += newest
        return f"{text}.\n{backup.path}"
