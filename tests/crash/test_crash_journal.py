"""The crash tests' judge (crash_journal.py) finds what it is for: an edit reported saved and not
in the archive, typing older than the promised delay that is lost, a half-moved agenda, a lost
item. Journals written by hand, against a real archive file."""

from __future__ import annotations

import pytest
from crash_harness import make_archive
from crash_journal import LOSS_WINDOW, Replay, problems_after_kill, read_state

from secretary_app.store.archive import Archive

TITLE = "item:2:title"
AGENDA = {"ids": [1, 2, 3, 4], "numbers": ["1", "2", "3", "4"]}


@pytest.fixture
def archive(tmp_path):
    """The archive of four items a writer started from (its state as `archive.before`)."""
    path = tmp_path / "arkiv.sqlite3"
    make_archive(path)
    archive = Archive.open(path)
    archive.before = read_state(archive, 1)
    yield archive
    archive.close()


def judge(archive, lines, killed_at=100.0):
    replay = Replay(archive.before).read([["ready", 0.0, ready()], *lines])
    replay.killed_at(killed_at)
    return problems_after_kill(replay, archive)


def ready():
    return {"meeting": 1, "first_number": 1, "synchronous": 2, "journal_mode": "wal", **AGENDA}


def test_an_edit_reported_saved_must_be_in_the_archive(archive):
    lines = [["key", 1.0, TITLE, "Budget"], ["saved", 1.5, TITLE, "Budget"]]

    assert judge(archive, lines, killed_at=1.6) == [
        f"{TITLE}: the archive holds 'Budget 2018', at least 'Budget' was promised"
    ]
    archive.items.update_field(2, "title", "Budget")
    assert judge(archive, lines, killed_at=1.6) == []


def test_typing_older_than_the_promised_delay_must_be_in_the_archive(archive):
    lines = [["start", 1.0, TITLE, "Budget 2018"], ["key", 1.0, TITLE, "B"]]

    assert judge(archive, lines, killed_at=1.0 + LOSS_WINDOW - 0.01) == []  # may be lost
    assert judge(archive, lines, killed_at=1.0 + LOSS_WINDOW + 0.01) == [
        f"{TITLE}: the archive holds 'Budget 2018', at least 'B' was promised"
    ]


def test_later_typing_than_what_was_promised_is_fine_and_unknown_text_is_not(archive):
    lines = [["key", 1.0, TITLE, "B"], ["key", 1.1, TITLE, "Bu"]]

    archive.items.update_field(2, "title", "Bu")
    assert judge(archive, lines) == []
    archive.items.update_field(2, "title", "Bx")
    assert judge(archive, lines) == [f"{TITLE}: the archive holds 'Bx', at least 'Bu' was promised"]


def test_the_agenda_is_as_saved_or_as_the_begun_move_makes_it_never_in_between(archive):
    lines = [["do", 1.0, "move", {"item": 2, "to": 0}]]

    assert judge(archive, lines) == []
    archive.items.move(2, 0)
    assert judge(archive, lines) == []
    archive.items.move(2, 3)
    assert judge(archive, lines) == [
        "agenda [1, 3, 4, 2], saved [1, 2, 3, 4], begun ('move', {'item': 2, 'to': 0})"
    ]


def test_positions_with_a_gap_are_found(archive):
    with archive.db.atomic():
        archive.db.execute("UPDATE items SET position = 9 WHERE id = 4")

    assert judge(archive, []) == ["positions [0, 1, 2, 9]: not 0..n-1"]


def test_an_item_may_be_gone_only_when_it_was_deleted(archive):
    archive.items.delete(2)
    gone = {"ids": [1, 3, 4], "numbers": ["1", "2", "3"]}

    assert judge(archive, []) == [
        "agenda [1, 3, 4], saved [1, 2, 3, 4], begun None",
        "item 2 is lost",
    ]
    assert judge(archive, [["do", 1.0, "delete", {"item": 2}]]) == []
    assert judge(archive, [["saved", 1.0, "order", gone]]) == []


def test_what_the_window_says_is_judged_too(archive):
    lines = [
        ["prompt", 1.0, "show_error", ["Nothing was changed."]],
        ["unsaved", 1.1, "Archive: arkiv.sqlite3"],
        ["saved", 1.2, "order", {"ids": [1, 2, 3, 4], "numbers": ["1", "2", "2", "4"]}],
    ]

    assert judge(archive, lines) == [
        "the window asked show_error: ['Nothing was changed.']",
        "an edit went into the undo stack, the status bar says 'Archive: arkiv.sqlite3'",
        "the window numbers the agenda ['1', '2', '2', '4']",
    ]


def test_a_phrase_committed_just_before_the_kill_may_be_there_before_its_journal_line(archive):
    decision = "item:2:section:beslutning"
    archive.items.update_field(2, "section:beslutning", "Godkendt\n\nAnbefales.")
    typed = [["key", 1.0, decision, "Godkendt"], ["saved", 1.5, decision, "Godkendt"]]
    begun = ["do", 1.6, "phrase", {"target": decision}]

    assert judge(archive, [*typed, begun], killed_at=1.7) == []
    assert judge(archive, typed, killed_at=1.7) != []  # without the phrase begun: unknown text
    archive.items.update_field(2, "section:beslutning", "Afvist")
    assert judge(archive, [*typed, begun], killed_at=1.7) != []  # not the last value + phrase
