"""Dates and times typed as Danes type them, in the meeting's fields and the new-meeting
dialog (ui.date_fields over core.danish_dates), and the committee's usual meeting proposed."""

from __future__ import annotations

import datetime as dt

from gui_support import focus, focused, type_text
from PySide6.QtCore import QPoint, Qt, QTime
from PySide6.QtTest import QTest

from secretary_app.core.model import Committee, Meeting
from secretary_app.ui.meeting_dialog import NewMeetingDialog


def type_into(qtbot, field, text, key=Qt.Key.Key_Tab):
    """Reach `field` as from another field, type `text` over it and press `key`."""
    focus(qtbot, field.window().meeting_panel.title)
    focus(qtbot, field)
    type_text(field, text)
    QTest.keyClick(field, key)


def test_a_date_typed_with_dots_is_stored_on_tab(qtbot, window, meeting, disk):
    panel = window.meeting_panel
    type_into(qtbot, panel.date, "8.4.2025")
    assert disk.meetings.get(meeting.id).date == dt.date(2025, 4, 8)
    assert panel.date.text() == "Tuesday den 8. April 2025"  # the tests run in English
    assert focused() is not panel.date  # Tab left the field, it did not go to its next part
    assert window.session.undo_stack.count() == 1


def test_i_morgen_is_tomorrow(qtbot, window, meeting, disk):
    type_into(qtbot, window.meeting_panel.date, "i morgen", Qt.Key.Key_Return)
    assert disk.meetings.get(meeting.id).date == dt.date.today() + dt.timedelta(days=1)


def test_a_date_written_out_in_danish(qtbot, window, meeting, disk):
    type_into(qtbot, window.meeting_panel.date, "8. april 2025")
    assert disk.meetings.get(meeting.id).date == dt.date(2025, 4, 8)


def test_a_time_typed_as_four_digits_is_stored(qtbot, window, meeting, disk):
    panel = window.meeting_panel
    type_into(qtbot, panel.starts_at, "1600")
    stored = disk.meetings.get(meeting.id)
    assert (stored.starts_at, stored.ends_at) == (dt.time(16), dt.time(19))
    assert panel.starts_at.text() == "16.00"
    assert window.session.undo_stack.count() == 1


def test_nothing_is_stored_while_typing(qtbot, window, meeting, disk):
    panel = window.meeting_panel
    focus(qtbot, panel.title)
    focus(qtbot, panel.date)
    type_text(panel.date, "8.4.2025")
    assert disk.meetings.get(meeting.id).date == dt.date(2017, 6, 27)
    assert panel.date.text() == "8.4.2025"


def test_garbage_puts_the_date_back_stores_nothing_and_says_why(qtbot, window, meeting, disk):
    panel = window.meeting_panel
    with qtbot.waitSignal(panel.date.refused) as refused:
        type_into(qtbot, panel.date, "31.2.2025")
    message = 'Datoen "31.2.2025" findes ikke'
    assert refused.args == [message]
    assert disk.meetings.get(meeting.id).date == dt.date(2017, 6, 27)
    assert panel.date.text() == "Tuesday den 27. June 2017"
    assert window.session.undo_stack.count() == 0
    balloon = panel.date._balloon
    assert balloon.isVisible() and balloon.text() == message
    assert window.statusBar().currentMessage() == message


def test_a_refused_time_is_put_back(qtbot, window, meeting, disk):
    panel = window.meeting_panel
    with qtbot.waitSignal(panel.ends_at.refused) as refused:
        type_into(qtbot, panel.ends_at, "16.5", Qt.Key.Key_Return)
    assert refused.args == ["Skriv minutterne med to cifre, fx 16.05 eller 16.50"]
    assert disk.meetings.get(meeting.id).ends_at == dt.time(19)
    assert panel.ends_at.text() == "19.00"


def test_the_no_date_minimum_cannot_be_typed(qtbot, window, meeting, disk):
    panel = window.meeting_panel
    with qtbot.waitSignal(panel.date.refused) as refused:
        type_into(qtbot, panel.date, "1.1.1900")
    assert refused.args == ["The date cannot be before 2. januar 1900."]
    assert disk.meetings.get(meeting.id).date == dt.date(2017, 6, 27)


def test_escape_puts_the_typed_text_back(qtbot, window, meeting, disk):
    panel = window.meeting_panel
    type_into(qtbot, panel.date, "8.4", Qt.Key.Key_Escape)
    assert panel.date.text() == "Tuesday den 27. June 2017"
    QTest.keyClick(panel.date, Qt.Key.Key_Tab)
    assert disk.meetings.get(meeting.id).date == dt.date(2017, 6, 27)


def test_the_arrow_keys_still_step_the_date(qtbot, window, meeting, disk):
    panel = window.meeting_panel
    focus(qtbot, panel.title)
    focus(qtbot, panel.date)
    QTest.keyClick(panel.date, Qt.Key.Key_Up)  # the weekday part: one day on
    assert disk.meetings.get(meeting.id).date == dt.date(2017, 6, 28)


def committee_with_habits(archive) -> Committee:
    """Meets on Tuesdays 16.00-18.00 in Byrådssalen (once on a Thursday in Rådhuset)."""
    committee = archive.committees.add(Committee("Børneudvalget", default_location="Rådhuset"))
    held = [dt.date(2025, 3, 4), dt.date(2025, 3, 11), dt.date(2025, 3, 20), dt.date(2025, 3, 25)]
    for day in held:
        place = "Rådhuset" if day.weekday() == 3 else "Byrådssalen"
        archive.meetings.add(Meeting(committee.id, day, dt.time(16), dt.time(18), place))
    return committee


def test_a_new_meeting_takes_the_committees_usual_weekday_time_and_place(qtbot, archive):
    committee = committee_with_habits(archive)
    dialog = NewMeetingDialog(committee, archive.meetings.for_committee(committee.id))
    qtbot.addWidget(dialog)
    proposed = dialog.result_meeting()
    today = dt.date.today()
    assert proposed.date.weekday() == 1  # Tuesday
    assert today <= proposed.date < today + dt.timedelta(days=7)
    assert (proposed.starts_at, proposed.ends_at) == (dt.time(16), dt.time(18))
    assert proposed.location == "Byrådssalen"


def test_a_committees_first_meeting_is_today_17_to_19_at_its_place(qtbot):
    dialog = NewMeetingDialog(Committee("Økonomiudvalget", default_location="Rådhuset", id=1), [])
    qtbot.addWidget(dialog)
    proposed = dialog.result_meeting()
    assert proposed.date == dt.date.today()
    assert (proposed.starts_at, proposed.ends_at, proposed.location) == (
        dt.time(17),
        dt.time(19),
        "Rådhuset",
    )


def show_dialog(qtbot) -> NewMeetingDialog:
    dialog = NewMeetingDialog(Committee("Økonomiudvalget", id=1), [])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def test_the_dialog_takes_a_typed_date_and_time(qtbot):
    dialog = show_dialog(qtbot)
    focus(qtbot, dialog.location)
    focus(qtbot, dialog.date)
    type_text(dialog.date, "8/4-25")
    QTest.keyClick(dialog.date, Qt.Key.Key_Tab)
    assert focused() is dialog.starts_at
    type_text(dialog.starts_at, "kl. 9.30")
    QTest.keyClick(dialog.starts_at, Qt.Key.Key_Tab)
    proposed = dialog.result_meeting()
    assert (proposed.date, proposed.starts_at) == (dt.date(2025, 4, 8), dt.time(9, 30))
    assert proposed.ends_at == dt.time(19)


def test_enter_on_a_refused_date_does_not_close_the_dialog(qtbot):
    dialog = show_dialog(qtbot)
    focus(qtbot, dialog.location)
    focus(qtbot, dialog.date)
    type_text(dialog.date, "xyz")
    with qtbot.waitSignal(dialog.date.refused):
        QTest.keyClick(dialog.date, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.result_meeting().date == dt.date.today()


def test_an_end_before_the_start_is_refused_in_the_dialog(qtbot):
    dialog = show_dialog(qtbot)
    focus(qtbot, dialog.location)
    focus(qtbot, dialog.ends_at)
    type_text(dialog.ends_at, "16")
    with qtbot.waitSignal(dialog.ends_at.refused) as refused:
        QTest.keyClick(dialog.ends_at, Qt.Key.Key_Tab)
    assert refused.args == ["The time cannot be before 17.00."]
    assert dialog.ends_at.time() == QTime(19, 0)


def test_enter_on_a_typed_date_takes_it_and_accepts_the_dialog(qtbot):
    dialog = show_dialog(qtbot)
    focus(qtbot, dialog.location)
    focus(qtbot, dialog.date)
    type_text(dialog.date, "8. apr. 2025")
    QTest.keyClick(dialog.date, Qt.Key.Key_Return)
    assert dialog.result() == NewMeetingDialog.DialogCode.Accepted
    assert dialog.result_meeting().date == dt.date(2025, 4, 8)


def test_a_date_typed_without_enter_is_stored_before_the_window_moves_on(
    qtbot, window, meeting, disk
):
    """Typing waits for no Enter: whatever asks for the typing (another meeting opened, an
    export, an undo, closing) gets the date too, also while the focus stays in the field."""
    panel = window.meeting_panel
    focus(qtbot, panel.date)
    panel.date.lineEdit().selectAll()
    type_text(panel.date, "8.4.2025")
    assert panel.date.hasFocus()
    window.meetings.open_meeting(meeting.id)  # asks every field for its typing first
    assert disk.meetings.get(meeting.id).date == dt.date(2025, 4, 8)


def test_a_date_typed_as_the_dialog_opens_is_taken(qtbot):
    """The dialog opens with the cursor in the date: typing replaces it, as the guide says
    (found by a walkthrough: the keys went to the weekday's part and were lost)."""
    dialog = show_dialog(qtbot)
    qtbot.waitUntil(dialog.date.hasFocus, timeout=1000)
    type_text(focused(), "8.4.2025")
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.starts_at
    type_text(focused(), "16")
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    proposed = dialog.result_meeting()
    assert (proposed.date, proposed.starts_at) == (dt.date(2025, 4, 8), dt.time(16))


def click(qtbot, field):
    """A click in the middle of the field, as a secretary clicks into it."""
    line = field.lineEdit()
    QTest.mouseClick(line, Qt.MouseButton.LeftButton, pos=line.rect().center())
    qtbot.waitUntil(field.hasFocus, timeout=1000)
    QTest.qWait(10)  # the events after the click


def test_a_date_typed_after_a_click_into_the_field_is_stored(qtbot, window, meeting, disk):
    panel = window.meeting_panel
    focus(qtbot, panel.title)
    click(qtbot, panel.date)
    type_text(panel.date, "8.4.2025")
    QTest.keyClick(panel.date, Qt.Key.Key_Tab)
    assert disk.meetings.get(meeting.id).date == dt.date(2025, 4, 8)


def test_a_time_typed_after_a_click_into_the_field_is_stored(qtbot, window, meeting, disk):
    panel = window.meeting_panel
    focus(qtbot, panel.title)
    click(qtbot, panel.starts_at)
    type_text(panel.starts_at, "16")
    QTest.keyClick(panel.starts_at, Qt.Key.Key_Tab)
    assert disk.meetings.get(meeting.id).starts_at == dt.time(16)


def test_a_second_click_chooses_a_part_to_change(qtbot, window, meeting, disk):
    """In the field already, a click puts the cursor in a part, and the arrow keys step it."""
    panel = window.meeting_panel
    focus(qtbot, panel.title)
    click(qtbot, panel.date)
    line = panel.date.lineEdit()
    QTest.mouseClick(line, Qt.MouseButton.LeftButton, pos=line.rect().center())
    assert line.selectedText() != line.text()
    QTest.keyClick(panel.date, Qt.Key.Key_Up)
    QTest.keyClick(panel.date, Qt.Key.Key_Tab)
    assert disk.meetings.get(meeting.id).date != meeting.date


def switch_window_and_back(qtbot, window):
    """Another window takes the focus, then the secretary comes back (Alt+Tab twice)."""
    from PySide6.QtWidgets import QWidget

    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    qtbot.waitExposed(other)
    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow(), timeout=1000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=1000)


def test_typing_goes_on_after_a_switch_to_another_window(qtbot, window, meeting, disk):
    """ "9.5.20" on the way to "9.5.2025" is not stored as 2020 when the secretary looks at
    another window in between (found by review)."""
    panel = window.meeting_panel
    window.activateWindow()
    focus(qtbot, panel.title)
    focus(qtbot, panel.date)
    type_text(panel.date, "9.5.20")
    switch_window_and_back(qtbot, window)
    assert disk.meetings.get(meeting.id).date == meeting.date
    type_text(panel.date, "25")
    QTest.keyClick(panel.date, Qt.Key.Key_Tab)
    assert disk.meetings.get(meeting.id).date == dt.date(2025, 5, 9)


def test_a_part_chosen_stays_chosen_after_a_switch_to_another_window(qtbot, window, meeting, disk):
    panel = window.meeting_panel
    window.activateWindow()
    focus(qtbot, panel.title)
    click(qtbot, panel.starts_at)
    line = panel.starts_at.lineEdit()
    QTest.mouseClick(line, Qt.MouseButton.LeftButton, pos=QPoint(4, line.height() // 2))
    chosen = line.selectedText()
    assert chosen != line.text()
    switch_window_and_back(qtbot, window)
    assert line.selectedText() == chosen
