"""Item layouts in the window: a committee's layout edited in its dialog, a section with text
removed, the Standard layout chosen, approved minutes that keep their layout, one layout for
every committee from the settings, the public title, a reservation in meeting mode, and the
item editor following the open meeting's layout. Each is checked on the screen and in the
archive through a second connection (`disk`); screenshots go to /tmp/gui_shots."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from gui_support import (
    COMMIT_TIMEOUT_MS,
    CTRL,
    MEETING_ITEMS,
    SHIFT,
    agenda_rows,
    agenda_titles,
    choose_row,
    chosen_row,
    focus,
    focused,
    press,
    type_text,
)
from minutes_support import committee_members
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QLineEdit, QWidget

from secretary_app.core.item_fields import section_field
from secretary_app.core.item_layout import GENTOFTE, STANDARD, ItemLayout, Section, SectionKind
from secretary_app.core.model import Committee, Item, Meeting
from secretary_app.export.layout import Edition, ItemHeading, Label, build_layout
from secretary_app.store import case_history
from secretary_app.store.archive import Archive
from secretary_app.ui.committee_dialog import CommitteeDialog
from secretary_app.ui.i18n import install_translators
from secretary_app.ui.item_records_dialogs import ReservationDialog
from secretary_app.ui.layout_editor import LayoutEditor
from secretary_app.ui.layout_sections_model import SectionsModel
from secretary_app.ui.main_window import MainWindow
from secretary_app.ui.settings_dialog import SettingsDialog

DAY = dt.date(2017, 6, 27)  # the `meeting` fixture's day
SHOTS = Path("/tmp/gui_shots")
KNOWN_KEYS = {*GENTOFTE.section_keys(), *STANDARD.section_keys()}
GENTOFTE_CAPTIONS = ["Resumé", "Tidligere beslutninger", "Beslutninger"]
STANDARD_CAPTIONS = ["Indstilling", "Sagsforløb", "Sagsfremstilling", "Økonomi", "Beslutning"]
SUMMARIES = {  # the `meeting` fixture's items: the Resumé texts they are given
    0: "Dagsordenen godkendes.",
    1: "Budget 2018 i **anden** behandling.",
}
EARLIER = "Udvalget drøftede budgettet den 30. maj 2017."  # Budget 2018's earlier decisions
EDITED = dataclasses.replace(
    GENTOFTE,
    sections=(
        Section("tidligere_beslutninger", "Tidligere beslutninger:", SectionKind.HISTORY),
        Section("resume", "Sammenfatning"),
        Section("oekonomi", "Økonomi"),
        GENTOFTE.decision,
    ),
)
LayoutEdit = Callable[[LayoutEditor], None]


# --- reading the screen and the archive -----------------------------------------------------


def shown_sections(window: MainWindow) -> list[tuple[str, str, str]]:
    """(caption, section key, text) of every section field of the item editor, top to bottom,
    as the screen shows them."""
    editor = window.item_editor
    keys: dict[QWidget, str] = {}
    for key in KNOWN_KEYS:
        try:
            keys[editor.rich_edit(section_field(key)).text_edit] = key
        except KeyError:
            continue
    box = editor.section_layout
    shown = []
    for index in range(box.count()):
        label = box.itemAt(index).widget()
        if isinstance(label, QLabel) and label.buddy() is not None:
            assert label.isVisible(), f"the caption {label.text()!r} is hidden"
            field = label.buddy()
            shown.append((label.text(), keys.get(field, "?"), field.toPlainText()))
    return shown


def captions(window: MainWindow) -> list[str]:
    return [caption for caption, _key, _text in shown_sections(window)]


def section_keys(window: MainWindow) -> list[str]:
    return [key for _caption, key, _text in shown_sections(window)]


def section_text(window: MainWindow, key: str) -> str:
    return window.item_editor.rich_edit(section_field(key)).text_edit.toPlainText()


def stored_sections(disk: Archive) -> list[tuple[int, str, str]]:
    rows = disk.db.rows("SELECT item_id, key, text FROM item_sections ORDER BY item_id, key")
    return [(row["item_id"], row["key"], row["text"]) for row in rows]


def stored_texts(disk: Archive, meeting_id: int, key: str) -> list[str]:
    return [item.text(key) for item in disk.items.for_meeting(meeting_id)]


def layout_labels(layout: ItemLayout) -> list[str]:
    return [section.label for section in layout.sections]


# --- acting ---------------------------------------------------------------------------------


def give_texts(window: MainWindow, archive: Archive, meeting: Meeting) -> list[int]:
    """The meeting's items get their Resumé texts and Budget 2018 its earlier decisions (in the
    store, as if typed before); the ids of its items."""
    ids = [item.id or 0 for item in archive.items.for_meeting(meeting.id or 0)]
    for row, text in SUMMARIES.items():
        archive.items.update_field(ids[row], "section:resume", text)
    archive.items.update_field(ids[1], "section:tidligere_beslutninger", EARLIER)
    window.meetings.open_meeting(meeting.id)
    return ids


def add_committee_meeting(
    window: MainWindow,
    archive: Archive,
    name: str,
    layout: ItemLayout,
    titles: list[str],
    day: dt.date = DAY,
) -> Meeting:
    """A committee in `layout` with one meeting of `titles`, made in the store; not opened."""
    committee = archive.committees.add(Committee(name, default_location="Rådhuset"))
    archive.layouts.set_of_committee(committee.id or 0, layout)
    meeting = archive.meetings.create(
        Meeting(committee.id or 0, day, dt.time(17), dt.time(19), "Rådhuset"),
        [Item(meeting_id=0, title=title) for title in titles],
    )
    window.tree_model.reload()
    window.tree.expandAll()
    return meeting


def edit_layout_in_dialog(window: MainWindow, dialogs, edit: LayoutEdit, name: str) -> None:
    """File → Edit committee… for the committee chosen in the tree: `edit` works on the
    dialog's Item layout tab, then OK (the committee's other fields as they were)."""

    def on_dialog(dialog: CommitteeDialog) -> None:
        dialog.tabs.setCurrentWidget(dialog.item_layout)
        edit(dialog.item_layout)

    dialogs.committee(name, location="Rådhuset", edit=on_dialog)
    window.edit_committee_action.trigger()
    dialog = dialogs.opened[-1] if dialogs.opened else None
    assert dialog and (dialog.result() or not dialog.has_changes()), "OK refused"


def choose_section(editor: LayoutEditor, row: int) -> None:
    editor.table.setCurrentIndex(editor.model.index(row, SectionsModel.LABEL))


def relabel(editor: LayoutEditor, row: int, label: str) -> None:
    editor.model.setData(editor.model.index(row, SectionsModel.LABEL), label)


def use_layout(editor: LayoutEditor, key: str) -> None:
    """ "Start from:" the layout `key`, then "Use"."""
    index = editor.start_from.findData(key)
    assert index >= 0, f"the editor offers no layout {key!r}"
    editor.start_from.setCurrentIndex(index)
    editor.start_from.activated.emit(index)
    editor.use_button.click()


def add_oekonomi_after(editor: LayoutEditor, row: int) -> None:
    choose_section(editor, row)
    editor.add_section()
    relabel(editor, row + 1, "Økonomi")
    assert editor.model.section_at(row + 1) == Section("oekonomi", "Økonomi")


# --- 1. the committee dialog ----------------------------------------------------------------


def test_a_layout_edited_in_the_committee_dialog_is_one_undoable_step(
    qtbot, window, meeting, dialogs, disk
):
    assert captions(window) == GENTOFTE_CAPTIONS
    steps = window.session.undo_stack.count()
    edited: list[ItemLayout] = []

    def edit(editor: LayoutEditor) -> None:
        add_oekonomi_after(editor, 1)  # Resumé, Tidligere beslutninger:, Økonomi, Beslutninger:
        relabel(editor, 0, "Sammenfatning")
        choose_section(editor, 0)
        editor.move_section(+1)
        edited.append(editor.item_layout())

    edit_layout_in_dialog(window, dialogs, edit, "Økonomiudvalget")

    assert edited == [EDITED]
    assert disk.layouts.of_committee(meeting.committee_id) == EDITED
    assert disk.layouts.of_meeting(meeting.id) == EDITED
    assert captions(window) == [
        "Tidligere beslutninger",
        "Sammenfatning",
        "Økonomi",
        "Beslutninger",
    ]
    assert section_keys(window) == ["tidligere_beslutninger", "resume", "oekonomi", "beslutning"]
    assert window.session.undo_stack.count() == steps + 1
    assert window.undo_action.isEnabled()

    press(qtbot, window.meeting_panel.agenda, Qt.Key.Key_Z, CTRL)
    assert disk.layouts.of_committee(meeting.committee_id) == GENTOFTE
    assert captions(window) == GENTOFTE_CAPTIONS
    assert section_keys(window) == ["resume", "tidligere_beslutninger", "beslutning"]

    press(qtbot, window.meeting_panel.agenda, Qt.Key.Key_Y, CTRL)
    assert disk.layouts.of_committee(meeting.committee_id) == EDITED
    assert captions(window) == [
        "Tidligere beslutninger",
        "Sammenfatning",
        "Økonomi",
        "Beslutninger",
    ]
    assert disk.committees.get(meeting.committee_id).default_location == "Rådhuset"


def test_a_label_typed_in_the_table_is_kept_when_ok_is_clicked_at_once(
    qtbot, window, meeting, dialogs, disk
):
    """No Enter after typing: clicking OK takes the focus from the cell, which commits it."""

    def type_and_click_ok(editor: LayoutEditor) -> None:
        dialog = editor.window()
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
        choose_section(editor, 0)
        editor.add_button.click()
        cells = editor.table.viewport()
        qtbot.waitUntil(lambda: focused() in cells.findChildren(QLineEdit), timeout=1000)
        cell = focused()
        cell.selectAll()
        type_text(cell, "Økonomi")
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible()

    edit_layout_in_dialog(window, dialogs, type_and_click_ok, "Økonomiudvalget")

    added = disk.layouts.of_committee(meeting.committee_id).sections[1]
    assert added == Section("oekonomi", "Økonomi")
    assert captions(window) == ["Resumé", "Økonomi", "Tidligere beslutninger", "Beslutninger"]


# --- 2. a section with text removed ---------------------------------------------------------


def test_a_removed_section_gives_its_text_to_the_chosen_one_and_undo_brings_both_back(
    qtbot, window, archive, meeting, dialogs, prompts, disk
):
    ids = give_texts(window, archive, meeting)
    before = stored_sections(disk)
    prompts.section_for_text = "oekonomi"

    def edit(editor: LayoutEditor) -> None:
        add_oekonomi_after(editor, 0)
        choose_section(editor, 0)
        editor.remove_section()

    edit_layout_in_dialog(window, dialogs, edit, "Økonomiudvalget")

    targets = [("oekonomi", "Økonomi"), ("tidligere_beslutninger", "Tidligere beslutninger")]
    assert prompts.questions == [("Resumé", 2, targets)]
    assert layout_labels(disk.layouts.of_committee(meeting.committee_id)) == [
        "Økonomi",
        "Tidligere beslutninger:",
        "Beslutninger:",
    ]
    assert stored_texts(disk, meeting.id, "resume") == ["", "", ""]
    assert stored_texts(disk, meeting.id, "oekonomi") == [SUMMARIES[0], SUMMARIES[1], ""]
    assert disk.items.get(ids[1]).text("tidligere_beslutninger") == EARLIER
    choose_row(qtbot, window, 1)
    assert captions(window) == ["Økonomi", "Tidligere beslutninger", "Beslutninger"]
    assert section_text(window, "oekonomi") == "Budget 2018 i anden behandling."
    assert section_text(window, "tidligere_beslutninger") == EARLIER

    window.session.undo()
    assert stored_sections(disk) == before
    assert disk.layouts.of_committee(meeting.committee_id) == GENTOFTE
    choose_row(qtbot, window, 1)
    assert captions(window) == GENTOFTE_CAPTIONS
    assert section_text(window, "resume") == "Budget 2018 i anden behandling."

    window.session.redo()
    assert stored_texts(disk, meeting.id, "oekonomi") == [SUMMARIES[0], SUMMARIES[1], ""]
    assert len(prompts.questions) == 1  # redo does not ask again


def test_a_cancelled_question_keeps_the_section_and_its_text(
    qtbot, window, archive, meeting, dialogs, prompts, disk
):
    give_texts(window, archive, meeting)
    before = stored_sections(disk)
    prompts.section_for_text = None
    kept: list[ItemLayout] = []

    def edit(editor: LayoutEditor) -> None:
        choose_section(editor, 0)
        editor.remove_section()
        kept.append(editor.item_layout())

    edit_layout_in_dialog(window, dialogs, edit, "Økonomiudvalget")

    assert len(prompts.questions) == 1
    assert kept == [GENTOFTE]
    assert disk.layouts.of_committee(meeting.committee_id) == GENTOFTE
    assert stored_sections(disk) == before
    assert captions(window) == GENTOFTE_CAPTIONS
    assert section_text(window, "resume") == SUMMARIES[0]


# --- 3. the Standard layout -----------------------------------------------------------------


def test_the_standard_layout_for_a_committee_with_texts(
    qtbot, window, archive, meeting, dialogs, prompts, disk
):
    ids = give_texts(window, archive, meeting)
    prompts.section_for_text = "sagsfremstilling"
    rows_before = agenda_rows(window)

    edit_layout_in_dialog(window, dialogs, lambda e: use_layout(e, "standard"), "Økonomiudvalget")

    targets = [(s.key, s.label) for s in STANDARD.sections if s.kind is not SectionKind.DECISION]
    assert prompts.questions == [("Resumé", 2, targets)]  # earlier decisions: Sagsforløb, unasked
    assert disk.layouts.of_committee(meeting.committee_id) == STANDARD
    assert stored_texts(disk, meeting.id, "sagsfremstilling") == [SUMMARIES[0], SUMMARIES[1], ""]
    assert disk.items.get(ids[1]).text("sagsforloeb") == EARLIER
    assert stored_texts(disk, meeting.id, "resume") == ["", "", ""]
    assert captions(window) == STANDARD_CAPTIONS
    assert window.item_editor.heading.text() == "Item 1"
    assert agenda_rows(window) == rows_before
    choose_row(qtbot, window, 1)
    assert section_text(window, "sagsfremstilling") == "Budget 2018 i anden behandling."
    assert section_text(window, "sagsforloeb") == EARLIER

    document = build_layout(case_history.export_with_history(disk, meeting.id), Edition("agenda"))
    headings = [block.text for block in document.blocks if isinstance(block, ItemHeading)]
    assert headings == [f"{n}. {title}" for n, title in enumerate(MEETING_ITEMS, start=1)]
    labels = [block.text for block in document.blocks if isinstance(block, Label)]
    assert "Sagsfremstilling" in labels and "Sagsforløb" in labels
    assert not {"Resumé", "Tidligere beslutninger:", "Beslutninger:"} & set(labels)


def test_the_chosen_item_stays_chosen_when_the_layout_changes(
    qtbot, window, archive, meeting, dialogs, prompts
):
    give_texts(window, archive, meeting)
    choose_row(qtbot, window, 2)
    prompts.section_for_text = "sagsfremstilling"

    edit_layout_in_dialog(window, dialogs, lambda e: use_layout(e, "standard"), "Økonomiudvalget")
    assert captions(window) == STANDARD_CAPTIONS
    assert chosen_row(window) == 2
    assert window.item_editor.heading.text() == "Item 3"
    window.session.undo()
    assert chosen_row(window) == 2


# --- 4. approved minutes keep their layout --------------------------------------------------


def test_approved_minutes_keep_their_sections_when_the_committee_changes_layout(
    qtbot, window, archive, meeting, dialogs, prompts, disk
):
    give_texts(window, archive, meeting)
    archive.approvals.approve(archive, meeting.id, ["Anna Holm"], DAY)
    later = archive.meetings.create(
        Meeting(meeting.committee_id, dt.date(2017, 8, 22), dt.time(17), dt.time(19), "Rådhuset"),
        [Item(meeting_id=0, title="Budget 2018, tredje behandling")],
    )
    window.tree_model.reload()
    window.tree.expandAll()
    window.open_meeting(meeting.id)
    window.meetings.open_meeting(meeting.id)  # read again: approved now
    before = stored_sections(disk)

    edit_layout_in_dialog(window, dialogs, lambda e: use_layout(e, "standard"), "Økonomiudvalget")

    assert prompts.questions == []  # the approved items' texts are not the change's to move
    assert disk.layouts.of_committee(meeting.committee_id) == STANDARD
    assert disk.layouts.of_meeting(meeting.id) == GENTOFTE
    assert disk.layouts.of_meeting(later.id) == STANDARD
    assert stored_sections(disk) == before
    assert window.meetings.meeting.id == meeting.id
    assert captions(window) == GENTOFTE_CAPTIONS
    assert section_text(window, "resume") == SUMMARIES[0]

    window.open_meeting(later.id)
    assert captions(window) == STANDARD_CAPTIONS
    window.open_meeting(meeting.id)
    assert captions(window) == GENTOFTE_CAPTIONS
    assert section_text(window, "resume") == SUMMARIES[0]


# --- 5. one layout for every committee ------------------------------------------------------


def two_committees_with_texts(window: MainWindow, archive: Archive, meeting: Meeting) -> Meeting:
    """Økonomiudvalget's meeting (the fixture's) and Kulturudvalget's, both Gentofte, each with
    Resumé texts; Økonomiudvalget's meeting open. Kulturudvalget's meeting."""
    give_texts(window, archive, meeting)
    other = add_committee_meeting(
        window, archive, "Kulturudvalget", GENTOFTE, ["Kulturpris"], dt.date(2017, 6, 20)
    )
    [culture_item] = archive.items.for_meeting(other.id)
    archive.items.update_field(culture_item.id, "section:resume", "Prisen uddeles i år.")
    window.open_meeting(meeting.id)
    return other


def standard_for_every_committee(window: MainWindow, monkeypatch) -> list[SettingsDialog]:
    """File → Settings…, Item layout: Start from Standard, Use, "Use it for every committee
    now", OK."""
    opened: list[SettingsDialog] = []

    def answer_settings(dialog: SettingsDialog) -> int:
        opened.append(dialog)
        dialog.tabs.setCurrentIndex(1)
        assert dialog.tabs.tabText(1).replace("&", "") == "Item layout"
        use_layout(dialog.item_layout, "standard")
        dialog.everywhere.click()
        assert dialog.everywhere.isChecked()
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(SettingsDialog, "exec", answer_settings)
    window.edit_settings()
    return opened


def test_settings_give_every_committee_the_standard_layout_in_one_undo_step(
    qtbot, window, archive, meeting, prompts, disk, monkeypatch
):
    other = two_committees_with_texts(window, archive, meeting)
    before = stored_sections(disk)
    steps = window.session.undo_stack.count()
    prompts.section_for_text = "sagsfremstilling"

    assert len(standard_for_every_committee(window, monkeypatch)) == 1

    assert [question[:2] for question in prompts.questions] == [("Resumé", 3)]  # asked once
    committees = [meeting.committee_id, other.committee_id]
    assert [disk.layouts.of_committee(c) for c in committees] == [STANDARD, STANDARD]
    assert disk.layouts.default() == STANDARD
    assert stored_texts(disk, other.id, "sagsfremstilling") == ["Prisen uddeles i år."]
    assert stored_texts(disk, meeting.id, "sagsfremstilling") == [SUMMARIES[0], SUMMARIES[1], ""]
    assert window.session.undo_stack.count() == steps + 1
    for shown in (other, meeting):
        window.open_meeting(shown.id)
        assert captions(window) == STANDARD_CAPTIONS
        assert (
            section_text(window, "sagsfremstilling")
            == stored_texts(disk, shown.id, "sagsfremstilling")[0]
        )

    window.session.undo()
    assert [disk.layouts.of_committee(c) for c in committees] == [GENTOFTE, GENTOFTE]
    assert disk.layouts.default() == GENTOFTE
    assert stored_sections(disk) == before
    for shown, summary in ((other, "Prisen uddeles i år."), (meeting, SUMMARIES[0])):
        window.open_meeting(shown.id)
        assert captions(window) == GENTOFTE_CAPTIONS
        assert section_text(window, "resume") == summary


def test_the_open_meeting_stays_open_when_every_committee_gets_a_layout(
    qtbot, window, archive, meeting, prompts, disk, monkeypatch
):
    two_committees_with_texts(window, archive, meeting)
    prompts.section_for_text = "sagsfremstilling"

    standard_for_every_committee(window, monkeypatch)

    assert window.meetings.meeting is not None and window.meetings.meeting.id == meeting.id
    assert captions(window) == STANDARD_CAPTIONS
    window.session.undo()
    assert window.meetings.meeting is not None and window.meetings.meeting.id == meeting.id
    assert captions(window) == GENTOFTE_CAPTIONS


# --- 6. the public title --------------------------------------------------------------------


def test_the_public_title_is_for_a_closed_item_and_goes_with_undo(qtbot, window, meeting, disk):
    choose_row(qtbot, window, 1)
    editor = window.item_editor
    item_id = window.agenda_model.item_at(1).id
    assert not editor.public_title.isEnabled()

    press(qtbot, editor.access, Qt.Key.Key_Down)  # Open → Closed
    assert editor.access.currentText() == "Lukket"
    assert disk.items.get(item_id).closed
    assert editor.public_title.isEnabled()

    focus(qtbot, editor.public_title)
    type_text(editor.public_title, "Sag om økonomi")
    qtbot.waitUntil(
        lambda: disk.items.get(item_id).public_title == "Sag om økonomi", timeout=COMMIT_TIMEOUT_MS
    )
    assert agenda_titles(window)[1] == "Budget 2018"

    press(qtbot, editor.public_title, Qt.Key.Key_Z, CTRL)
    assert disk.items.get(item_id).public_title == ""
    assert editor.public_title.text() == ""
    assert disk.items.get(item_id).closed  # only the public title went


# --- 7. a reservation in meeting mode -------------------------------------------------------


def reservation(member: str, text: str) -> Callable[[ReservationDialog], None]:
    def fill(dialog: ReservationDialog) -> None:
        line = dialog.member.lineEdit()
        line.selectAll()
        type_text(line, member)
        dialog.text.setFocus()
        type_text(dialog.text, text)
        QTest.keyClick(dialog.text, Qt.Key.Key_Return, CTRL)

    return fill


def test_a_reservation_from_the_keyboard_in_meeting_mode(
    qtbot, window, archive, meeting, record_dialogs, disk
):
    archive.committees.set_members(meeting.committee_id, committee_members(meeting.committee_id))
    choose_row(qtbot, window, 1)
    budget = window.agenda_model.item_at(1).id
    focus(qtbot, window.meeting_panel.agenda)
    QTest.keyClick(focused(), Qt.Key.Key_M, CTRL)
    mode = window.meeting_actions
    field = mode.view.decision.text_edit
    qtbot.waitUntil(lambda: focused() is field, timeout=1000)

    record_dialogs.answer(ReservationDialog, reservation("Anna Holm", "Finansieringen"))
    QTest.keyClick(field, Qt.Key.Key_F, CTRL | SHIFT)

    [dialog] = record_dialogs.opened
    assert isinstance(dialog, ReservationDialog)
    records = mode.view.records.model
    assert [records.index(r).data() for r in range(records.rowCount())] == [
        "Reservation: Anna Holm – Finansieringen"
    ]
    assert [(r.member, r.text) for r in disk.records.reservations(budget)] == [
        ("Anna Holm", "Finansieringen")
    ]

    QTest.keyClick(focused() or window, Qt.Key.Key_Z, CTRL)
    assert disk.records.reservations(budget) == []
    assert records.rowCount() == 0


def test_no_reservation_in_approved_minutes(qtbot, window, archive, meeting, record_dialogs, disk):
    archive.approvals.approve(archive, meeting.id, ["Anna Holm"], DAY)
    window.meetings.open_meeting(meeting.id)
    choose_row(qtbot, window, 1)
    mode = window.meeting_actions

    assert not mode.reservation_action.isEnabled()
    QTest.keyClick(window.meeting_panel.agenda, Qt.Key.Key_F, CTRL | SHIFT)  # opens nothing
    assert record_dialogs.opened == []
    assert disk.records.reservations(window.agenda_model.item_at(1).id) == []


# --- 8. the item editor follows the open meeting's layout -----------------------------------


def test_the_item_editor_shows_the_open_meetings_layout(qtbot, window, archive, meeting, disk):
    standard = add_committee_meeting(
        window, archive, "Teknik- og Miljøudvalget", STANDARD, ["Cykelsti", "Eventuelt"]
    )
    window.open_meeting(standard.id)
    assert captions(window) == STANDARD_CAPTIONS
    with pytest.raises(KeyError):
        window.item_editor.rich_edit("section:resume")

    window.open_meeting(meeting.id)
    assert captions(window) == GENTOFTE_CAPTIONS
    with pytest.raises(KeyError):
        window.item_editor.rich_edit("section:indstilling")

    window.open_meeting(standard.id)
    assert captions(window) == STANDARD_CAPTIONS
    item_id = window.agenda_model.item_at(0).id
    text = window.item_editor.rich_edit("section:indstilling").text_edit
    focus(qtbot, text)
    type_text(text, "Udvalget indstiller, at stien anlægges.")
    qtbot.waitUntil(
        lambda: (
            disk.items.get(item_id).sections
            == {"indstilling": "Udvalget indstiller, at stien anlægges."}
        ),
        timeout=COMMIT_TIMEOUT_MS,
    )
    assert window.session.undo_stack.undoText() == "Edit Indstilling"


# --- 9. what it looks like ------------------------------------------------------------------


def save_shot(qtbot, widget: QWidget, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.waitExposed(widget)
    qtbot.wait(50)
    path = SHOTS / name
    assert widget.grab().save(str(path))
    return path


def shoot_layout_tab(qtbot, name: str) -> Callable[[LayoutEditor], None]:
    def shoot(editor: LayoutEditor) -> None:
        dialog = editor.window()
        dialog.show()
        save_shot(qtbot, dialog, name)

    return shoot


def test_screenshots_of_the_layout_tab_and_the_item_editor(
    qtbot, window, archive, meeting, dialogs, disk
):
    standard = add_committee_meeting(
        window, archive, "Teknik- og Miljøudvalget", STANDARD, ["Cykelsti på Jægersborg Allé"]
    )
    [item] = archive.items.for_meeting(standard.id)
    archive.items.update_field(
        item.id, "section:indstilling", "Udvalget indstiller, at stien anlægges."
    )
    archive.items.update_field(item.id, "section:oekonomi", "Anlægget koster 2,4 mio. kr.")
    window.open_meeting(standard.id)
    assert window.size().width() == 1366 and window.size().height() == 768
    shots = [save_shot(qtbot, window, "main_window_standard_en.png")]
    shots.append(save_shot(qtbot, window.item_editor, "item_editor_standard_en.png"))
    edit_layout_in_dialog(
        window,
        dialogs,
        shoot_layout_tab(qtbot, "committee_layout_tab_en.png"),
        "Teknik- og Miljøudvalget",
    )
    shots.append(SHOTS / "committee_layout_tab_en.png")

    app = QApplication.instance()
    assert install_translators(app, "da")
    try:
        danish = MainWindow(archive)
        qtbot.addWidget(danish)
        danish.show()
        qtbot.waitExposed(danish)
        danish.tree_model.reload()
        danish.tree.expandAll()
        danish.open_meeting(standard.id)
        shots.append(save_shot(qtbot, danish, "main_window_standard_da.png"))
        edit_layout_in_dialog(
            danish,
            dialogs,
            shoot_layout_tab(qtbot, "committee_layout_tab_da.png"),
            "Teknik- og Miljøudvalget",
        )
        shots.append(SHOTS / "committee_layout_tab_da.png")
        danish.close()
    finally:
        install_translators(app, "en")
    assert all(path.stat().st_size > 10_000 for path in shots)
    assert disk.layouts.of_committee(standard.committee_id) == STANDARD  # OK changed nothing


def test_the_item_editor_fits_its_pane_at_1366_by_768(qtbot, window, meeting):
    editor = window.item_editor
    assert window.size().width() == 1366
    qtbot.wait(50)
    assert editor.widget().minimumSizeHint().width() <= editor.viewport().width()
    assert not editor.horizontalScrollBar().isVisible()


# --- the review's cases: a history section removed or turned into text, undo order ----------


def test_removing_sagsforloeb_after_choosing_standard_asks_and_keeps_the_earlier_decisions(
    qtbot, window, archive, meeting, dialogs, prompts, disk
):
    ids = give_texts(window, archive, meeting)
    prompts.section_for_text = "sagsfremstilling"

    def edit(editor: LayoutEditor) -> None:
        use_layout(editor, "standard")
        choose_section(editor, 1)  # Sagsforløb, where the earlier decisions went
        editor.remove_section()

    edit_layout_in_dialog(window, dialogs, edit, "Økonomiudvalget")

    assert [question[:2] for question in prompts.questions] == [("Resumé", 2), ("Sagsforløb", 1)]
    assert disk.layouts.of_committee(meeting.committee_id).history is None
    moved = disk.items.get(ids[1]).text("sagsfremstilling")
    assert "anden** behandling" in moved and EARLIER in moved


def test_turning_sagsforloeb_into_text_keeps_the_earlier_decisions_in_it(
    qtbot, window, archive, meeting, dialogs, prompts, disk
):
    ids = give_texts(window, archive, meeting)
    prompts.section_for_text = "indstilling"

    def edit(editor: LayoutEditor) -> None:
        use_layout(editor, "standard")
        editor.model.setData(editor.model.index(1, SectionsModel.KIND), SectionKind.TEXT.value)

    edit_layout_in_dialog(window, dialogs, edit, "Økonomiudvalget")

    assert disk.items.get(ids[1]).text("sagsforloeb") == EARLIER
    assert disk.layouts.of_committee(meeting.committee_id).section("sagsforloeb").kind == "text"


def settings_default_only(window: MainWindow, monkeypatch, edit: LayoutEdit) -> None:
    """File → Settings…, Item layout: `edit`, then OK without "every committee"."""

    def answer_settings(dialog: SettingsDialog) -> int:
        dialog.tabs.setCurrentIndex(1)
        edit(dialog.item_layout)
        assert not dialog.everywhere.isChecked()
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(SettingsDialog, "exec", answer_settings)
    window.edit_settings()


def test_the_default_for_new_committees_asks_nothing_and_moves_nothing(
    qtbot, window, archive, meeting, prompts, disk, monkeypatch
):
    give_texts(window, archive, meeting)
    before = stored_sections(disk)

    def remove_resume(editor: LayoutEditor) -> None:
        choose_section(editor, 0)
        editor.remove_section()

    settings_default_only(window, monkeypatch, remove_resume)

    assert prompts.questions == []
    assert disk.layouts.default().section_keys() == ["tidligere_beslutninger", "beslutning"]
    assert disk.layouts.of_committee(meeting.committee_id) == GENTOFTE
    assert stored_sections(disk) == before
    window.session.undo()
    assert disk.layouts.default() == GENTOFTE


def test_undoing_every_committee_keeps_a_default_set_after_it(
    qtbot, window, archive, meeting, prompts, disk, monkeypatch
):
    two_committees_with_texts(window, archive, meeting)
    prompts.section_for_text = "sagsfremstilling"
    standard_for_every_committee(window, monkeypatch)
    settings_default_only(window, monkeypatch, lambda editor: relabel(editor, 0, "INDSTILLING"))
    relabelled = disk.layouts.default()
    assert relabelled.sections[0].label == "INDSTILLING"

    window.session.undo()  # the relabelled default
    assert disk.layouts.default() == STANDARD
    assert disk.layouts.of_committee(meeting.committee_id) == STANDARD
    window.session.undo()  # every committee
    assert disk.layouts.default() == GENTOFTE
    assert disk.layouts.of_committee(meeting.committee_id) == GENTOFTE
    window.session.redo()
    window.session.redo()
    assert disk.layouts.default() == relabelled


def test_the_committee_dialog_asks_about_texts_the_store_still_finds_before_ok(qtbot, prompts):
    """Texts the editor did not count (written meanwhile, say) are asked about at OK, and a
    cancel keeps the dialog open with everything typed."""
    asked: list[tuple[ItemLayout, dict[str, str]]] = []

    def stranded(layout: ItemLayout, moves: dict[str, str]) -> dict[str, int]:
        asked.append((layout, moves))
        return {"resume": 2} if layout.section("resume") is None else {}

    dialog = CommitteeDialog(Committee("Økonomiudvalget"), [], [], None, stranded=stranded)
    qtbot.addWidget(dialog)
    choose_section(dialog.item_layout, 0)
    dialog.item_layout.remove_section()  # the editor counts no text: no question
    assert prompts.questions == []

    prompts.section_for_text = None
    dialog.accept()
    assert dialog.result() == 0 and len(prompts.questions) == 1
    assert prompts.questions[0][:2] == ("Resumé", 2)

    prompts.section_for_text = "tidligere_beslutninger"
    dialog.accept()
    assert dialog.result() == 1
    assert dialog.result_moves() == {"resume": "tidligere_beslutninger"}
    assert asked[-1][0] == dialog.result_layout()
