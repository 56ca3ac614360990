"""The meeting's stage as a small coloured label: "Godkendt 3. juli 2017", "Udsendt …", "Kladde".

The rule and the words are core.meeting_stage's; this only shows them.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QWidget

from secretary_app.core.meeting_stage import MeetingStage, StageFacts, meeting_stage, stage_line

# Background and text colour per stage: light tints with dark text (contrast above 7:1).
STAGE_COLOURS: dict[MeetingStage, tuple[str, str]] = {
    MeetingStage.DRAFT: ("#edebe9", "#323130"),
    MeetingStage.SENT: ("#deecf9", "#004578"),
    MeetingStage.HELD: ("#fff4ce", "#5c4400"),
    MeetingStage.APPROVED: ("#dff6dd", "#0b5a08"),
}


class StageLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Stage"))
        self.stage: MeetingStage | None = None
        self.show_stage(None)

    def show_stage(self, facts: StageFacts | None, today: dt.date | None = None) -> None:
        """The stage of the meeting with these facts on `today` (default: today); nothing for
        no meeting."""
        self.setVisible(facts is not None)
        if facts is None:
            self.stage = None
            self.setText("")
            return
        day = today or dt.date.today()
        self.stage = meeting_stage(facts, day)
        background, colour = STAGE_COLOURS[self.stage]
        self.setText(stage_line(facts, day))
        self.setStyleSheet(
            f"background: {background}; color: {colour}; font-weight: bold;"
            " border-radius: 3px; padding: 1px 6px"
        )
