"""A real mouse drag of an agenda row, run by test_agenda_editing under Xvfb (QT_QPA_PLATFORM=xcb).

Usage: python real_drag.py ARCHIVE_PATH. Makes a meeting with three items in the archive,
drags the first row below the last with QTest mouse presses and moves, prints what the agenda
shows, and leaves the result in the archive for the test to check. Not a test module itself.
"""

from __future__ import annotations

import datetime as dt
import sys

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from secretary_app.core.model import Committee, Item, Meeting
from secretary_app.store.archive import Archive
from secretary_app.ui.main_window import MainWindow

TITLES = ["Godkendelse af dagsorden", "Budget 2018", "Eventuelt"]
LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


def main(path: str) -> int:
    app = QApplication([])
    archive = Archive.open(path)
    committee = archive.committees.add(Committee("Økonomiudvalget"))
    archive.meetings.create(
        Meeting(committee.id or 0, dt.date(2017, 6, 27)), [Item(0, t) for t in TITLES]
    )
    window = MainWindow(archive)
    window.show()
    window.select_latest_meeting()
    window.activateWindow()
    if not QTest.qWaitForWindowActive(window):
        print("the window never became active")
        return 1
    drag_first_row_below_last(window)
    QTest.qWait(50)
    model = window.agenda_model
    for row in range(model.rowCount()):
        print(f"shown: {model.index(row, 0).data()} {model.index(row, 1).data()}")
    window.close()
    archive.close()
    app.quit()
    return 0


def drag_first_row_below_last(window: MainWindow) -> None:
    view = window.meeting_panel.agenda
    viewport = view.viewport()
    start = view.visualRect(view.model().index(0, 1)).center()
    last = view.visualRect(view.model().index(2, 1))
    end = QPoint(last.center().x(), last.bottom() - 3)  # the lower edge: below the last row

    def during_the_drag() -> None:  # QDrag.exec runs its own event loop until the release
        for y in range(start.y() + 20, end.y(), 5):
            QTest.mouseMove(viewport, QPoint(end.x(), y))
            QTest.qWait(5)
        QTest.mouseMove(viewport, end)
        QTest.qWait(20)
        QTest.mouseRelease(viewport, LEFT, NONE, end)

    def give_up() -> None:  # never hang: Escape ends a drag that did not end
        QTest.keyClick(QApplication.focusWidget() or viewport, Qt.Key.Key_Escape)

    QTimer.singleShot(50, during_the_drag)
    QTimer.singleShot(5000, give_up)
    QTest.mousePress(viewport, LEFT, NONE, start)
    QTest.mouseMove(viewport, start + QPoint(0, 2))
    QTest.mouseMove(viewport, start + QPoint(0, 20))  # past the drag distance: the drag starts


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
