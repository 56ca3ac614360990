"""Fixtures for the GUI tests: a real MainWindow over a real archive file, with answers for
every question the window can ask, so that no modal dialog ever blocks a test run.

- `archive_path`: this test's archive file, `tmp_path / "arkiv.sqlite3"`.
- `archive`: the window's archive (`Archive.open(archive_path)`).
- `disk`: a second, independent connection to the same file: what it reads was committed.
- `prompts`: stands in for `secretary_app.ui.prompts`; an error message the test did not
  announce with `prompts.expect_errors()` fails the test.
- `dialogs`: answers CommitteeDialog and NewMeetingDialog (see gui_support.Dialogs).
- `open_window`: makes a MainWindow over an archive, shown and active, closed at teardown.
- `window`: the MainWindow over `archive`.
- `meeting`: a committee with one meeting of three items (made in the store), open in `window`.
- `record_dialogs`: answers the dialogs that record the minutes (see minutes_support).
"""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gui_support import MEETING_ITEMS, Dialogs, Prompts
from minutes_support import RECORD_DIALOGS, RecordDialogs
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from secretary_app.core.model import Committee, Item, Meeting
from secretary_app.store.archive import Archive
from secretary_app.ui import prompts as prompts_module
from secretary_app.ui.committee_dialog import CommitteeDialog
from secretary_app.ui.i18n import install_translators
from secretary_app.ui.main_window import MainWindow
from secretary_app.ui.meeting_dialog import NewMeetingDialog
from secretary_app.ui.paths import set_application_names


@pytest.fixture(autouse=True)
def own_preferences(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Each test starts with no remembered window size or agenda columns, in a folder of its
    own (never the user's registry or ~/.config)."""
    folder = tmp_path_factory.mktemp("preferences")
    set_application_names()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    return tmp_path / "arkiv.sqlite3"


@pytest.fixture
def archive(archive_path: Path) -> Iterator[Archive]:
    archive = Archive.open(archive_path)
    yield archive
    archive.close()


@pytest.fixture
def disk(archive: Archive, archive_path: Path) -> Iterator[Archive]:
    """A second connection to the archive file: it sees only what was committed."""
    second = Archive.open(archive_path)
    yield second
    second.close()


@pytest.fixture
def prompts(monkeypatch: pytest.MonkeyPatch) -> Iterator[Prompts]:
    """Every function of secretary_app.ui.prompts answered, none of them opens a dialog."""
    answers = Prompts()
    for name, function in vars(prompts_module).items():
        if inspect.isfunction(function) and function.__module__ == prompts_module.__name__:
            stand_in = getattr(answers, name, None) or answers.unknown(name)
            monkeypatch.setattr(prompts_module, name, stand_in)
    yield answers
    assert not answers.unanswered, f"prompts these tests cannot answer: {answers.unanswered}"
    if len(answers.errors) != answers.expected_errors:
        pytest.fail(
            f"the app showed {len(answers.errors)} error message(s), the test expected "
            f"{answers.expected_errors}: {answers.errors}"
        )


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[Dialogs]:
    answers = Dialogs()
    monkeypatch.setattr(CommitteeDialog, "exec", lambda dialog: answers.exec_committee(dialog))
    monkeypatch.setattr(NewMeetingDialog, "exec", lambda dialog: answers.exec_meeting(dialog))
    yield answers
    assert not answers.committee_answers, "a prepared committee dialog never opened"
    assert not answers.meeting_answers, "a prepared meeting dialog never opened"


@pytest.fixture
def open_window(
    qtbot, prompts: Prompts, dialogs: Dialogs
) -> Iterator[Callable[[Archive], MainWindow]]:
    opened: list[MainWindow] = []

    def open_window(archive: Archive) -> MainWindow:
        install_translators(QApplication.instance(), "en")  # the tests read the source texts
        window = MainWindow(archive)
        window.resize(1366, 768)  # the offscreen screen is smaller than a secretary's
        qtbot.addWidget(window)
        opened.append(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
        return window

    yield open_window
    for window in opened:
        window.close()


@pytest.fixture
def danish(qapp: QApplication, window: MainWindow) -> Iterator[None]:
    """The window in Danish, as the secretary sees it (opened in English, as in every test)."""
    assert install_translators(qapp, "da")
    yield
    install_translators(qapp, "en")  # the other GUI tests expect English


@pytest.fixture
def window(open_window: Callable[[Archive], MainWindow], archive: Archive) -> MainWindow:
    return open_window(archive)


@pytest.fixture
def meeting(window: MainWindow, archive: Archive) -> Meeting:
    """Økonomiudvalget's meeting of 27 June 2017 with three items, open in the window."""
    committee = archive.committees.add(Committee("Økonomiudvalget", default_location="Rådhuset"))
    created = archive.meetings.create(
        Meeting(committee.id or 0, dt.date(2017, 6, 27), dt.time(17), dt.time(19), "Rådhuset"),
        [Item(meeting_id=0, title=title) for title in MEETING_ITEMS],
    )
    window.tree_model.reload()
    window.tree.expandAll()
    window.select_latest_meeting()
    assert window.agenda_model.rowCount() == len(MEETING_ITEMS)
    return created


@pytest.fixture
def record_dialogs(qtbot, monkeypatch: pytest.MonkeyPatch) -> Iterator[RecordDialogs]:
    """Answers the dialogs that record the minutes (see minutes_support.RecordDialogs)."""
    answers = RecordDialogs(qtbot)
    for dialog_class in RECORD_DIALOGS:
        monkeypatch.setattr(dialog_class, "exec", lambda dialog: answers.exec(dialog))
    yield answers
    assert not answers.unanswered(), f"prepared dialogs never opened: {answers.unanswered()}"
