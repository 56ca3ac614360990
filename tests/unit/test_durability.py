"""Every edit is committed at once: a writer killed with SIGKILL loses nothing it acknowledged."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import secretary_app
from secretary_app.store.archive import Archive

ACKNOWLEDGEMENTS = 300
DEADLINE_SECONDS = 15

# Adds items and edits them, one committed edit at a time, and prints each edit once committed.
WRITER = """
import datetime as dt
import sys

from secretary_app.core.model import Committee, Item, Meeting
from secretary_app.store.archive import Archive

archive = Archive.open(sys.argv[1])
committee = archive.committees.add(Committee("Økonomiudvalget"))
meeting = archive.meetings.add(Meeting(committee.id, dt.date(2017, 6, 27)))
print("meeting", meeting.id, "", sep="\\t", flush=True)
first = None
n = 0
while True:
    n += 1
    item = archive.items.add(Item(meeting.id, f"Punkt {n}"))
    first = first or item.id
    print("title", item.id, item.title, sep="\\t", flush=True)
    archive.items.update_field(item.id, "section:beslutning", f"Beslutning {n}: æøå ✓")
    print("decision", item.id, f"Beslutning {n}: æøå ✓", sep="\\t", flush=True)
    archive.items.update_field(first, "section:resume", f"Resumé {n}")
    print("summary", first, n, sep="\\t", flush=True)
"""


def start_writer(path):
    project = Path(secretary_app.__file__).resolve().parents[1]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(project), os.environ.get("PYTHONPATH")])),
        "PYTHONIOENCODING": "utf-8",
    }
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        encoding="utf-8",
        env=env,
    )


def read_acknowledgements(writer, wanted):
    acknowledged = []
    for line in writer.stdout:
        acknowledged.append(tuple(line.rstrip("\n").split("\t")))
        if len(acknowledged) >= wanted:
            break
    return acknowledged


@pytest.mark.timeout(DEADLINE_SECONDS + 15)
def test_a_killed_writer_loses_no_committed_edit(tmp_path):
    path = tmp_path / "arkiv.sqlite"
    writer = start_writer(path)
    watchdog = threading.Timer(DEADLINE_SECONDS, writer.kill)  # unblocks the read if it hangs
    watchdog.start()
    try:
        acknowledged = read_acknowledgements(writer, ACKNOWLEDGEMENTS)
        still_writing = writer.poll() is None
        writer.kill()  # SIGKILL on POSIX: no cleanup, no atexit, no close
        writer.wait(timeout=5)
    finally:
        watchdog.cancel()
        if writer.poll() is None:
            writer.kill()
            writer.wait()
        stderr = writer.stderr.read()
        writer.stdout.close()
        writer.stderr.close()

    assert len(acknowledged) >= ACKNOWLEDGEMENTS, stderr
    assert still_writing, stderr
    if hasattr(signal, "SIGKILL"):
        assert writer.returncode == -signal.SIGKILL

    archive = Archive.open(path)
    try:
        assert archive.integrity_ok()
        assert_every_acknowledged_edit_is_there(archive, acknowledged)
    finally:
        archive.close()


def assert_every_acknowledged_edit_is_there(archive, acknowledged):
    (kind, meeting_id, _), *edits = acknowledged
    assert kind == "meeting"
    items = {item.id: item for item in archive.items.for_meeting(int(meeting_id))}
    assert [item.position for item in items.values()] == list(range(len(items)))

    last_summary = 0
    for kind, item_id, value in edits:
        assert int(item_id) in items, f"acknowledged item {item_id} is lost"
        item = items[int(item_id)]
        if kind == "title":
            assert item.title == value
        elif kind == "decision":
            assert item.decision == value
        else:
            last_summary = int(value)
    # The writer may have committed later summaries than the last one we read before the kill.
    [first] = {int(item_id) for kind, item_id, _ in edits if kind == "summary"}
    assert int(items[first].text("resume").removeprefix("Resumé ")) >= last_summary
