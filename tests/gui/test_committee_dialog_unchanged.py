"""File → Edit committee… and OK without touching anything writes nothing: the archive stays
as it was, and there is no new step to undo. Empty dates stay empty."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from secretary_app.core.item_layout import GENTOFTE
from secretary_app.core.model import (
    Committee,
    CommitteeKind,
    Member,
    MemberRole,
    Numbering,
    StandingItem,
)
from secretary_app.store.archive import Archive
from secretary_app.store.committee_setup import read_setup
from secretary_app.ui.committee_dialog import CommitteeDialog
from secretary_app.ui.main_window import MainWindow


def archive_dump(path: Path) -> list[str]:
    """The whole archive as SQL, read through a connection of its own."""
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def standing_committee(archive: Archive) -> Committee:
    return archive.committees.add(Committee("Økonomiudvalget", default_location="Rådhuset"))


def task_committee_without_dates(archive: Archive) -> Committee:
    return archive.committees.add(Committee("Opgaveudvalg om Innovation", CommitteeKind.TASK))


def committee_with_everything(archive: Archive) -> Committee:
    committee = archive.committees.add(
        Committee(
            "Opgaveudvalg om Innovation",
            CommitteeKind.TASK,
            dt.date(2017, 1, 1),
            dt.date(2017, 12, 31),
            "Mødelokale G, Gentofte Rådhus",
            Numbering.CONTINUOUS,
        )
    )
    committee_id = committee.id or 0
    archive.committees.set_members(
        committee_id,
        [
            Member(committee_id, "Marie Louise Andersen", MemberRole.CHAIR, "Konservative"),
            Member(committee_id, "Jens Hansen", MemberRole.MEMBER, "Socialdemokratiet"),
            Member(committee_id, "Søren Ørsted", MemberRole.CITIZEN_MEMBER, "Erhvervsforum"),
        ],
    )
    archive.committees.set_standing_items(
        committee_id,
        [
            StandingItem(committee_id, "Godkendelse af dagsorden"),
            StandingItem(committee_id, "Lukket punkt", closed=True),
            StandingItem(committee_id, "Eventuelt"),
        ],
    )
    archive.records.set_phrases(committee_id, ["Godkendt.", "Udsat.", "Drøftet."])
    archive.layouts.set_of_committee(committee_id, GENTOFTE)
    archive.layouts.save(GENTOFTE, "vores_punkter")
    return committee


def press_ok(dialog: CommitteeDialog) -> int:
    """Stands in for exec(): the dialog shown, then its OK button clicked."""
    dialog.show()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return dialog.result()


def choose(window: MainWindow, committee: Committee) -> None:
    window.tree_model.reload()
    window.tree.setCurrentIndex(window.tree_model.index_of_committee(committee.id or 0))


MAKERS = [standing_committee, task_committee_without_dates, committee_with_everything]


@pytest.mark.parametrize("make", MAKERS)
def test_edit_committee_and_ok_changes_nothing(
    window: MainWindow,
    archive: Archive,
    archive_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make: Callable[[Archive], Committee],
) -> None:
    choose(window, make(archive))
    before, commands = archive_dump(archive_path), window.session.undo_stack.count()
    opened: list[CommitteeDialog] = []
    monkeypatch.setattr(CommitteeDialog, "exec", lambda d: (opened.append(d), press_ok(d))[1])

    window.edit_committee_action.trigger()

    assert opened, "the action opened no dialog"
    assert archive_dump(archive_path) == before
    assert window.session.undo_stack.count() == commands


@pytest.mark.parametrize("make", MAKERS)
def test_the_untouched_dialog_gives_back_what_is_stored(
    qtbot, archive: Archive, make: Callable[[Archive], Committee]
) -> None:
    stored = read_setup(archive, make(archive).id or 0)
    dialog = CommitteeDialog(
        stored.committee,
        stored.members,
        stored.standing_items,
        template=stored.template,
        phrases=archive.records.phrases(stored.committee.id or 0),
        item_layout=stored.layout or archive.layouts.default(),
        layout_choices=archive.layouts.known(),
    )
    qtbot.addWidget(dialog)

    assert dialog.result_committee() == stored.committee
    assert dialog.result_members() == stored.members
    assert dialog.result_standing_items() == stored.standing_items
    assert dialog.result_phrases() == stored.phrases
    assert dialog.result_template() == stored.template
    assert dialog.result_layout() == stored.layout
    assert dialog.result_saved_layouts() == {}
    assert not dialog.has_changes()


def test_a_task_committee_without_dates_keeps_them_empty(qtbot, archive: Archive) -> None:
    dialog = CommitteeDialog(task_committee_without_dates(archive), [], [])
    qtbot.addWidget(dialog)
    assert dialog.starts_on.text().strip() == dialog.ends_on.text().strip() == ""

    dialog.name.setText("Opgaveudvalg om Klima")

    assert dialog.has_changes()
    assert (dialog.result_committee().starts_on, dialog.result_committee().ends_on) == (None, None)


def test_a_changed_committee_is_still_written(
    window: MainWindow, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    committee = task_committee_without_dates(archive)
    choose(window, committee)
    commands = window.session.undo_stack.count()

    def rename_and_ok(dialog: CommitteeDialog) -> int:
        dialog.name.setText("Opgaveudvalg om Klima")
        return press_ok(dialog)

    monkeypatch.setattr(CommitteeDialog, "exec", rename_and_ok)
    window.edit_committee_action.trigger()

    stored = archive.committees.get(committee.id or 0)
    assert (stored.name, stored.starts_on, stored.ends_on) == ("Opgaveudvalg om Klima", None, None)
    assert window.session.undo_stack.count() == commands + 1
