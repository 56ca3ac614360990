"""Typed text is in the archive half a second after the first keystroke, also while the user goes
on typing (issue 10: "a crash loses at most half a second"), and the window writes with
`synchronous=FULL` in WAL mode.

The window's writer (crash_child.py --probe) types into one field without a pause and reads the
archive through a second connection after every keystroke; a probe fails when typing older than
LOSS_WINDOW (the promised 500 ms plus a 300 ms margin, see crash_journal.py) is not there. The
writer is then killed, and the archive must hold that typing too.

The same probe run against a sabotaged writer (the commit delay raised to 900 ms, or the timer
started again by every keystroke, so that continuous typing never commits) must fail: that
proves the probe can see what it is for.
"""

from __future__ import annotations

import pytest
from crash_harness import make_archive, start_child
from crash_journal import LOSS_WINDOW, Replay, State, probe_problems, problems_after_kill

from secretary_app.store.archive import Archive

TYPING_SECONDS = 1.6  # twice LOSS_WINDOW: half the probes come late enough to check
SABOTAGED_SECONDS = 1.3  # a 900 ms delay is first seen at 0.8-0.9 s


def probe(tmp_path, field, seconds, *sabotage):
    """Run the probing writer on a fresh archive and kill it; its journal and the archive's
    problems after the kill."""
    path = tmp_path / "arkiv.sqlite3"
    meeting_id = make_archive(path)
    before = read(path, meeting_id)
    options = ("--probe", field, str(seconds), *(("--sabotage", *sabotage) if sabotage else ()))
    child = start_child(path, 7, tmp_path / "probe.jsonl", *options)
    try:
        child.wait_for("end", timeout=30)
        moment = child.kill()
    finally:
        child.stop()
    lines = child.lines()
    replay = Replay(before).read(lines)
    replay.killed_at(moment)
    archive = Archive.open(path, check=True)
    try:
        return lines, problems_after_kill(replay, archive)
    finally:
        archive.close()


def read(path, meeting_id) -> State:
    from crash_journal import read_state

    archive = Archive.open(path)
    try:
        return read_state(archive, meeting_id)
    finally:
        archive.close()


@pytest.mark.parametrize("field", ["title", "resume", "decision"])
def test_typing_is_in_the_archive_within_the_promised_delay_while_the_user_types_on(
    tmp_path, field
):
    lines, after_kill = probe(tmp_path, field, TYPING_SECONDS)

    missing, checked = probe_problems(lines)
    assert checked >= 10, f"only {checked} probes came {LOSS_WINDOW} s after the first key"
    assert not missing, "\n".join(missing)
    assert not after_kill, "\n".join(after_kill)


@pytest.mark.parametrize(
    ("field", "sabotage"),
    [
        ("title", "delay900"),
        ("resume", "restart"),
        ("decision", "delay900"),
        ("decision", "restart"),
        ("meeting-title", "delay900"),
        ("meeting-title", "restart"),
    ],
)
def test_the_probe_notices_a_commit_that_comes_too_late(tmp_path, field, sabotage):
    lines, _after_kill = probe(tmp_path, field, SABOTAGED_SECONDS, sabotage)

    missing, _checked = probe_problems(lines)
    assert missing, f"a writer sabotaged by {sabotage} passed the probe"


def test_typing_in_the_meetings_title_is_in_the_archive_within_the_promised_delay(tmp_path):
    lines, after_kill = probe(tmp_path, "meeting-title", TYPING_SECONDS)

    missing, checked = probe_problems(lines)
    assert checked >= 10
    assert not missing, "\n".join(missing[:3])
    assert not after_kill, "\n".join(after_kill)


def test_the_window_writes_with_synchronous_full_in_wal_mode(tmp_path):
    path = tmp_path / "arkiv.sqlite3"
    make_archive(path)
    child = start_child(path, 7, tmp_path / "ready.jsonl", "--probe", "title", "0")
    try:
        child.wait_for("ready", timeout=30)
    finally:
        child.stop()
    (ready,) = [line[2] for line in child.lines() if line[0] == "ready"]  # "end" has no details
    assert ready["synchronous"] == 2  # FULL, on the window's own connection
    assert ready["journal_mode"] == "wal"
