"""A readable agenda (issue 11, point 2): the title takes the free width, the narrow columns their
content, elided together when they would crowd the title; the columns chosen and the widths set
by hand are remembered."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from secretary_app.ui.agenda_model import AgendaModel
from secretary_app.ui.agenda_view import TITLE_SHARE

LONG_TITLE = "Godkendelse af anlægsbevilling til renovering af Gentofte Rådhus, etape 2"


@pytest.fixture
def busy_agenda(window, meeting, archive):
    """Every item with a long presenter, a case ID and a planned time."""
    for item in archive.items.for_meeting(meeting.id):
        archive.items.update_field(
            item.id, "presenter", "Direktør for Social og Sundhed M. Sørensen"
        )
        archive.items.update_field(item.id, "case_id", "EMN-2017-03374")
        archive.items.update_field(item.id, "planned_start", dt.time(17, 30))
        archive.items.update_field(item.id, "duration_minutes", 15)
    first = archive.items.for_meeting(meeting.id)[0]
    archive.items.update_field(first.id, "title", LONG_TITLE)
    window.editor.open_meeting(meeting.id)  # read anew
    return window.meeting_panel.agenda


def settle():
    for _ in range(3):
        QApplication.processEvents()


@pytest.mark.parametrize("size", [(1366, 768), (1280, 720)])
def test_the_title_keeps_its_share_however_full_the_other_columns(window, busy_agenda, size):
    window.resize(*size)
    settle()
    free = busy_agenda.viewport().width()
    assert busy_agenda.columnWidth(AgendaModel.TITLE) >= int(free * TITLE_SHARE) - 2
    for column in range(AgendaModel.TIME + 1):
        assert busy_agenda.columnWidth(column) > 0


def test_on_a_small_screen_the_title_is_still_the_widest_column(window, busy_agenda):
    window.resize(1024, 700)
    settle()
    title = busy_agenda.columnWidth(AgendaModel.TITLE)
    assert all(busy_agenda.columnWidth(c) < title for c in range(6) if c != AgendaModel.TITLE)


def test_an_elided_text_is_whole_on_hover(busy_agenda, window):
    index = window.agenda_model.index(0, AgendaModel.TITLE)
    assert window.agenda_model.data(index, Qt.ItemDataRole.ToolTipRole) == LONG_TITLE
    assert busy_agenda.textElideMode() == Qt.TextElideMode.ElideMiddle


def test_narrow_columns_are_as_wide_as_their_content_when_there_is_room(window, meeting):
    agenda = window.meeting_panel.agenda
    window.resize(1366, 768)
    settle()
    number = agenda.columnWidth(AgendaModel.NUMBER)
    assert number <= max(agenda.sizeHintForColumn(AgendaModel.NUMBER), 80)
    header = agenda.horizontalHeader()
    for column in (AgendaModel.ACCESS, AgendaModel.CASE_ID):  # whole, header and content
        wanted = max(agenda.sizeHintForColumn(column), header.sectionSizeHint(column))
        assert agenda.columnWidth(column) >= wanted
    assert agenda.columnWidth(AgendaModel.TITLE) >= agenda.sizeHintForColumn(AgendaModel.TITLE)


def test_hidden_columns_and_widths_by_hand_are_remembered(open_window, window, meeting, archive):
    agenda = window.meeting_panel.agenda
    actions = {a.text(): a for a in agenda.column_actions()}
    assert "Title" not in actions and "No." not in actions  # always shown
    actions["Presenter"].setChecked(False)
    assert agenda.isColumnHidden(AgendaModel.PRESENTER)
    agenda.horizontalHeader().resizeSection(AgendaModel.CASE_ID, 97)  # as a drag does
    window.close()

    again = open_window(archive).meeting_panel.agenda
    settle()
    assert again.isColumnHidden(AgendaModel.PRESENTER)
    assert again.columnWidth(AgendaModel.CASE_ID) == 97

    fit = [a for a in again.column_actions() if not a.isCheckable()][0]
    fit.trigger()
    assert again.columnWidth(AgendaModel.CASE_ID) != 97


def test_the_window_opens_where_it_was_closed(open_window, window, archive):
    window.resize(790, 560)  # within the offscreen screen
    window.move(40, 30)
    settle()
    window.close()
    again = open_window(archive)
    assert (again.width(), again.height()) == (1366, 768)  # the tests' fixture resizes it
    from secretary_app.ui.preferences import restore_window

    restore_window(again)
    assert (again.width(), again.height()) == (790, 560)


def test_closed_in_meeting_mode_the_window_opens_as_it_was_before_it(open_window, window, meeting):
    from secretary_app.ui.preferences import restore_window

    window.resize(790, 560)
    settle()
    window.meeting_actions.mode_action.trigger()
    assert window.isFullScreen()
    window.close()

    again = open_window(window.archive)
    restore_window(again)
    assert not again.isFullScreen()
    assert (again.width(), again.height()) == (790, 560)
