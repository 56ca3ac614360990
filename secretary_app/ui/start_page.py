"""What an empty archive shows: where to begin, and where the archive lives."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class StartPage(QWidget):
    newCommitteeRequested = Signal()
    exampleRequested = Signal()
    loadRequested = Signal()

    def __init__(self, archive_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Start"))
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = QLabel(self.tr("Welcome to Meeting secretary"), self)
        heading.setStyleSheet("font-weight: bold; font-size: 16pt")
        layout.addWidget(heading)
        intro = QLabel(
            self.tr(
                "The archive is empty. Start with a committee of your own, look around in an "
                "example meeting, or load a meeting saved as a file."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setMaximumWidth(520)
        layout.addWidget(intro)
        self.buttons: list[QPushButton] = []
        for text, signal in (
            (self.tr("&Create a committee…"), self.newCommitteeRequested),
            (self.tr("Open the e&xample"), self.exampleRequested),
            (self.tr("&Load a meeting from a file…"), self.loadRequested),
        ):
            button = QPushButton(text, self)
            button.setMinimumWidth(320)
            button.clicked.connect(signal)
            layout.addWidget(button)
            self.buttons.append(button)
        self.where = QLabel(self)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where.setWordWrap(True)
        self.where.setMaximumWidth(520)
        self.where.setStyleSheet("color: #555")
        self.where.setText(self.tr("The archive is kept in %1").replace("%1", str(archive_path)))
        layout.addSpacing(12)
        layout.addWidget(self.where)

    def set_read_only(self, read_only: bool) -> None:
        for button in self.buttons:
            button.setEnabled(not read_only)
