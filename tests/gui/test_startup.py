"""Start-up as `secretary-app` does it (app.run), in a process of its own: the window is painted
first, over reads only and without what only later work needs; then the latest meeting is
opened (without what only pasting needs); then sqlite-utils is loaded for the first edit. See
benchmarks/startup.py for the times."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

from secretary_app.core.model import Committee, Item, Meeting
from secretary_app.store.archive import Archive

SCRIPT = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from secretary_app import app

seen = []
LATER = (
    "sqlite_utils", "markdown_it", "docx", "docxtpl", "jinja2", "hashlib",
    "secretary_app.store.case_history", "secretary_app.ui.rich_text_edit",
    "secretary_app.ui.meeting_mode", "secretary_app.ui.committee_dialog",
    "secretary_app.ui.approval_dialogs", "secretary_app.ui.search_pane",
    "secretary_app.ui.guide", "secretary_app.ui.meeting_loading",
)
PASTE_ONLY = ("secretary_app.core.pasted_tables", "html.parser")  # not for showing a meeting

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not seen:
            seen.append(("first paint", window.meetings.meeting, "sqlite_utils" in sys.modules))
            seen.append(("loaded", *[name for name in LATER if name in sys.modules]))
        return False

def build(archive):
    global window
    window = original(archive)
    window.installEventFilter(FirstPaint(window))
    QTimer.singleShot(2000, done)  # long after the meeting opened
    return window

def done():
    meeting = window.meetings.meeting
    seen.append(("later", meeting.id if meeting else None, "sqlite_utils" in sys.modules))
    seen.append(("paste only", *[name for name in PASTE_ONLY if name in sys.modules]))
    QApplication.quit()

original, app.build_window = app.build_window, build
app.run(sys.argv[1])
for line in seen:
    print(*line)
"""


def test_the_window_is_painted_before_the_meeting_opens_and_sqlite_utils_loads(tmp_path):
    path = tmp_path / "arkiv.sqlite3"
    archive = Archive.open(path)
    committee = archive.committees.add(Committee("Økonomiudvalget"))
    for day in (1, 2):
        latest = archive.meetings.create(
            Meeting(committee.id or 0, dt.date(2017, 6, day)), [Item(0, "Punkt")]
        )
    archive.close()

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "first paint None False",
        "loaded",  # none of LATER
        f"later {latest.id} True",
        "paste only",  # none of PASTE_ONLY
    ]
