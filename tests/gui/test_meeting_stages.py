"""A meeting's stage in the window: the tree and the meeting's header say Kladde, Udsendt,
Holdt or Godkendt; marking the agenda as sent asks first and can be undone until something is
logged; approved minutes are text to read and copy, and nothing typed, pasted, dropped or
undone reaches the archive."""

from __future__ import annotations

import datetime as dt

import pytest
from gui_support import CTRL, focus, press, type_text
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QHeaderView, QStyle

from secretary_app.core.danish_dates import short_date
from secretary_app.core.exchange import dump_meeting
from secretary_app.core.meeting_stage import AGENDA_UNMARKED, STAGE_NAMES
from secretary_app.core.model import Item, Meeting
from secretary_app.store.exchange import export_meeting
from secretary_app.ui.approval_dialogs import ApproveDialog
from secretary_app.ui.committee_tree_model import CommitteeTreeModel

TODAY = dt.date.today()


def tree_stage(window, meeting_id: int, role=Qt.ItemDataRole.DisplayRole):
    index = window.tree_model.index_of_meeting(meeting_id)
    return index.siblingAtColumn(CommitteeTreeModel.STAGE).data(role)


def header_stage(window) -> str:
    return window.meeting_panel.stage.text()


def undo(qtbot, window) -> None:
    press(qtbot, window.meeting_panel.agenda, Qt.Key.Key_Z, CTRL)


@pytest.fixture
def coming(window, archive, meeting) -> Meeting:
    """The committee's next meeting, a month ahead, open in the window."""
    day = TODAY + dt.timedelta(days=30)
    created = archive.meetings.create(
        Meeting(meeting.committee_id, day), [Item(0, "Budget"), Item(0, "Eventuelt")]
    )
    window.tree_model.reload()
    window.tree.expandAll()
    window.open_meeting(created.id)
    assert window.meetings.meeting.id == created.id
    return created


@pytest.fixture
def approved(monkeypatch, window, meeting, prompts) -> Meeting:
    def approve(dialog):
        dialog.date.setDate(dt.date(2017, 7, 3))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ApproveDialog, "exec", approve)
    window.record_actions.approve_action.trigger()
    return meeting


# --- the stage shown --------------------------------------------------------------------------


def test_a_coming_meeting_is_a_draft_and_a_past_one_held(window, meeting, coming):
    assert header_stage(window) == "Kladde"
    assert tree_stage(window, coming.id) == "Kladde"
    assert tree_stage(window, meeting.id) == "Holdt"
    assert tree_stage(window, meeting.id, Qt.ItemDataRole.ToolTipRole) == (
        "27. juni 2017 · Holdt 27. juni 2017"
    )
    window.open_meeting(meeting.id)
    assert header_stage(window) == "Holdt 27. juni 2017"


def test_the_tree_tells_a_screen_reader_the_stage(window, meeting):
    index = window.tree_model.index_of_meeting(meeting.id)
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == "27. juni 2017 · Holdt 27. juni 2017"


def test_approved_minutes_show_godkendt_and_stay_a_normal_row(window, approved):
    assert header_stage(window) == "Godkendt 3. juli 2017"
    assert tree_stage(window, approved.id) == "Godkendt"
    index = window.tree_model.index_of_meeting(approved.id)
    flags = window.tree_model.flags(index)
    assert flags & Qt.ItemFlag.ItemIsEnabled and flags & Qt.ItemFlag.ItemIsSelectable
    assert window.meeting_panel.isEnabled()


def test_a_meeting_ended_today_is_held(window, coming):
    window.session.archive.meetings.update_field(coming.id, "ended_at", dt.time(19, 5))
    window.meetings.open_meeting(coming.id)
    assert header_stage(window) == f"Holdt {short_date(coming.date)}"


# --- marking the agenda as sent -----------------------------------------------------------------


def test_marking_as_sent_asks_and_shows_udsendt_at_once(window, coming, disk, prompts):
    window.record_actions.sent_action.trigger()
    [question] = prompts.questions
    assert "every change to the agenda is written in the audit log" in question
    assert disk.approvals.agenda_sent_at(coming.id) is not None
    assert header_stage(window) == f"Udsendt {short_date(TODAY)}"
    assert tree_stage(window, coming.id) == "Udsendt"
    assert "marked as sent" in window.statusBar().currentMessage()
    assert not window.record_actions.sent_action.isEnabled()


def test_marking_as_sent_can_be_declined(window, coming, disk, prompts):
    prompts.answer = False
    window.record_actions.sent_action.trigger()
    assert disk.approvals.agenda_sent_at(coming.id) is None
    assert header_stage(window) == "Kladde"
    assert window.session.undo_stack.count() == 0


def test_ctrl_z_takes_the_marking_back_while_nothing_is_logged(qtbot, window, coming, disk):
    window.record_actions.sent_action.trigger()
    undo(qtbot, window)
    assert disk.approvals.agenda_sent_at(coming.id) is None
    assert header_stage(window) == "Kladde"
    assert tree_stage(window, coming.id) == "Kladde"
    assert window.record_actions.sent_action.isEnabled()
    [entry] = disk.approvals.audit(coming.id)  # an entry is never deleted: the undo is said
    assert entry.what == AGENDA_UNMARKED
    assert disk.approvals.record_problems() == []
    press(qtbot, window.meeting_panel.agenda, Qt.Key.Key_Y, CTRL)  # and redone
    assert disk.approvals.agenda_sent_at(coming.id) is not None
    assert header_stage(window) == f"Udsendt {short_date(TODAY)}"


def test_the_marking_stays_once_a_change_was_logged(qtbot, window, coming, disk, prompts):
    window.record_actions.sent_action.trigger()
    item = window.agenda_model.item_at(0)
    window.items.edit_item_field(item.id, "title", "Budget 2018")
    undo(qtbot, window)  # the title back: logged too
    assert disk.items.get(item.id).title == "Budget"
    prompts.expect_errors(1)
    undo(qtbot, window)
    assert "stays marked as sent" in prompts.errors[0]
    assert disk.approvals.agenda_sent_at(coming.id) is not None
    assert header_stage(window) == f"Udsendt {short_date(TODAY)}"
    assert tree_stage(window, coming.id) == "Udsendt"
    assert [e.new for e in disk.approvals.audit(coming.id)] == ["Budget 2018", "Budget"]


# --- approved minutes: read and copy, never change -----------------------------------------------


def stored(disk, meeting_id: int) -> dict:
    return dump_meeting(export_meeting(disk, meeting_id))


def copied(qtbot, widget) -> str:
    focus(qtbot, widget)
    widget.selectAll()
    press(qtbot, widget, Qt.Key.Key_C, CTRL)
    return QApplication.clipboard().text()


def test_an_approved_title_can_be_copied_not_changed(qtbot, window, approved, disk):
    before = stored(disk, approved.id)
    title = window.item_editor.title
    assert title.isEnabled() and title.isReadOnly()
    assert copied(qtbot, title) == "Godkendelse af dagsorden"
    type_text(title, "Ændret")
    press(qtbot, title, Qt.Key.Key_Delete)
    press(qtbot, title, Qt.Key.Key_Backspace)
    QApplication.clipboard().setText("Indsat")
    press(qtbot, title, Qt.Key.Key_V, CTRL)
    press(qtbot, title, Qt.Key.Key_Return)
    assert title.text() == "Godkendelse af dagsorden"
    assert stored(disk, approved.id) == before


def test_approved_texts_can_be_copied_not_changed(qtbot, window, approved, disk):
    before = stored(disk, approved.id)
    resume = window.item_editor.rich_edit("section:resume")
    text = resume.text_edit
    assert text.isReadOnly() and not resume.toolbar.isEnabled()
    type_text(text, "Nyt resumé")
    press(qtbot, text, Qt.Key.Key_B, CTRL)  # bold, a formatting key
    QApplication.clipboard().setText("Indsat")
    press(qtbot, text, Qt.Key.Key_V, CTRL)
    window.item_editor.flush()
    assert text.toPlainText() == ""
    assert stored(disk, approved.id) == before


def test_nothing_dropped_on_an_approved_meeting_is_taken(qtbot, window, approved, disk):
    before = stored(disk, approved.id)
    title = window.item_editor.title
    mime = QMimeData()
    mime.setText("Trukket hertil")
    drop = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(title, drop)
    agenda = window.meeting_panel.agenda
    assert not agenda.acceptDrops() and not agenda.dragEnabled()
    assert title.text() == "Godkendelse af dagsorden"
    assert stored(disk, approved.id) == before


def test_keys_that_change_an_approved_agenda_do_nothing(qtbot, window, approved, disk):
    before = stored(disk, approved.id)
    agenda = window.meeting_panel.agenda
    for key, modifiers in (
        (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Insert, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Down, CTRL),
        (Qt.Key.Key_N, CTRL),
    ):
        press(qtbot, agenda, key, modifiers)
    window.delete_item_action.trigger()
    press(qtbot, window.meeting_panel.date, Qt.Key.Key_Up)
    type_text(window.meeting_panel.title, "Ny titel")
    press(qtbot, window.meeting_panel.title, Qt.Key.Key_Return)
    assert window.agenda_model.rowCount() == 3
    assert stored(disk, approved.id) == before


def test_an_edit_made_before_approval_cannot_be_undone_after(qtbot, monkeypatch, window, meeting):
    item = window.agenda_model.item_at(1)
    window.items.edit_item_field(item.id, "title", "Budget 2018, 2. behandling")
    approve = window.record_actions
    monkeypatch.setattr(ApproveDialog, "exec", lambda dialog: dialog.accept() or dialog.result())
    approve.approve_action.trigger()
    before = stored(window.session.archive, meeting.id)
    undo(qtbot, window)
    assert not window.undo_action.isEnabled()
    assert stored(window.session.archive, meeting.id) == before


def test_the_stage_column_holds_every_stage_name_whole(window, meeting):
    """A fixed width from the names themselves: sizing to the contents read every meeting."""
    header = window.tree.header()
    assert header.sectionResizeMode(CommitteeTreeModel.STAGE) == QHeaderView.ResizeMode.Fixed
    margin = window.tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
    metrics = window.tree.fontMetrics()
    width = window.tree.columnWidth(CommitteeTreeModel.STAGE)
    for name in STAGE_NAMES.values():
        assert width >= metrics.horizontalAdvance(name) + 2 * margin
    assert width >= header.sectionSizeFromContents(CommitteeTreeModel.STAGE).width()
