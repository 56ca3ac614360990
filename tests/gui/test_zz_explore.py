import sqlite3
from gui_support import *

def test_explore(qtbot, window, meeting, prompts, monkeypatch, disk):
    ed = window.item_editor
    qtbot.keyClicks(ed.title, " A")
    qtbot.waitUntil(lambda: disk.items.for_meeting(meeting.id)[0].title.endswith(" A"), timeout=1000)
    real = window.archive.items.update_field
    def disk_full(*_):
        raise sqlite3.OperationalError("database or disk is full")
    monkeypatch.setattr(window.archive.items, "update_field", disk_full)
    prompts.expect_errors(1)
    qtbot.keyClicks(ed.title, "B")
    qtbot.waitUntil(lambda: len(prompts.errors) == 1, timeout=1000)
    print("field shows", ed.title.text(), "model", window.agenda_model.item_at(0).title, "stack", window.editor.undo_stack.count())
    monkeypatch.setattr(window.archive.items, "update_field", real)
    window.undo_action.trigger()
    print("after undo", ed.title.text(), disk.items.for_meeting(meeting.id)[0].title)
    window.redo_action.trigger()
    print("after redo", ed.title.text(), disk.items.for_meeting(meeting.id)[0].title)
