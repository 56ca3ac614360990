"""Meetings added from exchange files (File → Load meeting…, a dropped .json file, the start
page), with the same checks and messages as `secretary-app load`."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtWidgets import QWidget

from secretary_app.core.json_reader import FieldError
from secretary_app.core.meeting_file import MeetingFileError
from secretary_app.store.archive import Archive
from secretary_app.store.demo import add_reference_meeting
from secretary_app.store.errors import StoreError
from secretary_app.store.exchange import load_meeting_file
from secretary_app.ui import prompts
from secretary_app.ui.edit_session import busy

MEETING_FILE_SUFFIX = ".json"


def meeting_files(urls: Iterable[QUrl]) -> list[Path]:
    """The local .json files among dropped URLs."""
    paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
    return [path for path in paths if path.suffix.lower() == MEETING_FILE_SUFFIX]


def load_meetings(parent: QWidget, archive: Archive, paths: Iterable[Path]) -> int | None:
    """Add each file's meeting; a file that cannot be added is said in one message and adds
    nothing. The id of the last meeting added, or None."""
    added, problems = None, []
    with busy():
        for path in paths:
            try:
                added = load_meeting_file(archive, path)
            except MeetingFileError as error:
                problems.append(str(error))
            except StoreError as error:
                problems.append(f"{path}: {_archive_problem(error)}")
    if problems:
        prompts.show_error(parent, "\n".join(problems))
    return added


def add_example(parent: QWidget, archive: Archive) -> int | None:
    """The reference meeting (added once); its id, or None when it cannot be added."""
    try:
        with busy():
            return add_reference_meeting(archive)
    except FieldError as error:  # a committee of that name with another item layout
        prompts.show_error(parent, str(error))
    except StoreError as error:
        prompts.show_error(parent, _archive_problem(error))
    return None


def _archive_problem(error: StoreError) -> str:
    text = QCoreApplication.translate("MeetingLoading", "the archive: %1; nothing was added")
    return text.replace("%1", error.reason)
