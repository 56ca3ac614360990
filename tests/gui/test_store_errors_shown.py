"""An edit the archive refuses (issue 11, "Every message in Danish"): the store's own error
reaches the window, which says it once, in Danish, and the archive and the undo history stay as
they were. No stand-in here: SQLite itself refuses."""

from __future__ import annotations

from pathlib import Path

from gui_support import choose_row


def stored_title(disk, window, row: int) -> str:
    return disk.items.get(window.meetings.agenda_model.item_at(row).id).title


def test_a_refused_edit_is_said_in_danish_and_changes_nothing(
    qtbot, danish, window, meeting, disk, prompts
):
    choose_row(qtbot, window, 1)
    before = stored_title(disk, window, 1)
    steps = window.session.undo_stack.count()
    window.archive.db.conn.execute("PRAGMA query_only = ON")  # as a write-protected file
    prompts.expect_errors(1)

    title = window.item_editor.title
    title.selectAll()
    qtbot.keyClicks(title, "Ny titel")
    window.item_editor.flush()

    assert prompts.errors == [
        "Ret titel mislykkedes: filen kan ikke skrives (skrivebeskyttet). Intet blev ændret."
    ]
    assert stored_title(disk, window, 1) == before
    assert window.session.undo_stack.count() == steps
    assert not window.session.has_waiting_edits()


def test_an_attachment_on_a_full_disk_is_said_in_danish(
    qtbot, danish, window, meeting, disk, prompts, tmp_path: Path
):
    source = tmp_path / "budget.pdf"
    source.write_bytes(b"x" * 200_000)
    item_id = window.meetings.agenda_model.item_at(0).id
    pages = window.archive.db.value("PRAGMA page_count")
    window.archive.db.conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLITE_FULL
    prompts.expect_errors(1)

    window.attachments.add_attachments(item_id, [source])

    assert prompts.errors == ["Tilføj bilag mislykkedes: disken er fuld. Intet blev ændret."]
    assert disk.attachments.for_item(item_id) == []
