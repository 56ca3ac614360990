"""The window's writer killed with SIGKILL at random moments (issue 10, "Proven by tests that
try": Crash).

The real MainWindow runs in a child process (crash_child.py, forked by crash_forkserver.py)
that types and edits through the widgets and journals every keystroke and every edit the window
reported saved. The test kills it with SIGKILL at a random moment and takes a backup at once
(`take_backup`, before anything else opens the archive: what was committed may still be only in
the WAL). Then it opens the archive as the program does (`Archive.open(check=True)`), runs
`PRAGMA integrity_check`, and checks it against the journal (crash_journal.py): every edit
reported saved is there, every keystroke older than the promised commit delay plus a margin is
there, the agenda is never half moved, positions are 0..n-1; and the backup holds exactly the
archive's rows. Each kill goes on from the archive the previous one left, in two lanes (two
archives) side by side. 200 kills take about 70-85 s on a 2-core machine.

CRASH_KILLS (default 200) sets how many kills, CRASH_SEED (default 20170627) the seed: the
seed decides every choice (edits, words, typing speed, kill delays); where a kill lands in the
edits also depends on the machine's timing. A failure names the seed, the lane, the kill and
the child's seed; the journals stay in the test's tmp_path.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from crash_harness import Child, ForkServer, make_archive, table_rows
from crash_journal import LOSS_WINDOW, Replay, State, problems_after_kill, read_state

from secretary_app.store.archive import Archive
from secretary_app.store.backups import take_backup

KILLS = int(os.environ.get("CRASH_KILLS", "200"))
SEED = int(os.environ.get("CRASH_SEED", "20170627"))
LANES = 2  # two archives killed side by side: the children mostly wait between keystrokes
AT_START = 0.1  # share of kills during start-up, before the window is ready
LATE = 0.25  # share of kills long enough after start for the keystroke rule to bite
BACKUP_CLOCK = dt.datetime(2026, 1, 5, 8, 0)  # one minute later for every backup


@dataclass
class Figures:
    kills: int = 0
    at_start: int = 0
    keys: int = 0
    saves: int = 0
    keyed_fields: int = 0  # fields with a keystroke older than LOSS_WINDOW at the kill
    backups_from_wal: int = 0  # backups taken while the WAL held what the window committed
    latencies: list[float] = field(default_factory=list)

    def count(self, replay: Replay, keyed: int, in_wal: bool) -> None:
        self.kills += 1
        self.keys += replay.keys
        self.saves += replay.saves
        self.keyed_fields += keyed
        self.backups_from_wal += in_wal
        typed = [h for target, h in replay.histories.items() if target.startswith("item:")]
        self.latencies += [latency for history in typed for latency in history.latencies]

    def add(self, other: Figures) -> None:
        for name in ("kills", "at_start", "keys", "saves", "keyed_fields", "backups_from_wal"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.latencies += other.latencies


@pytest.mark.timeout(max(120, KILLS * 2))
def test_a_killed_window_keeps_every_saved_edit_and_typing_older_than_the_delay(tmp_path):
    started = time.monotonic()
    shares = [KILLS // LANES + (lane < KILLS % LANES) for lane in range(LANES)]
    with ThreadPoolExecutor(LANES) as pool:
        lanes = [
            pool.submit(run_lane, tmp_path / f"lane{lane}", lane, kills)
            for lane, kills in enumerate(shares)
        ]
        figures = Figures()
        for lane in lanes:
            figures.add(lane.result())
    report(figures, time.monotonic() - started)
    assert figures.kills == KILLS
    assert figures.keyed_fields > 0, "no kill came late enough to check the typing"


def report(figures: Figures, seconds: float) -> None:
    latency = max(figures.latencies, default=0.0)
    print(
        f"\ncrash: seed {SEED}: {figures.kills} kills in {seconds:.1f} s "
        f"({figures.at_start} during start-up); {figures.keys} keystrokes, {figures.saves} "
        f"edits reported saved; {figures.keyed_fields} times a field's typing older than "
        f"{LOSS_WINDOW:.1f} s was checked; slowest commit after a keystroke {latency:.3f} s; "
        f"{figures.backups_from_wal} backups taken with the WAL not yet checkpointed; "
        "records lost: 0"
    )


def run_lane(folder: Path, lane: int, kills: int) -> Figures:
    folder.mkdir()
    rng = random.Random(f"{SEED}/{lane}")
    path = folder / "arkiv.sqlite3"
    meeting_id = make_archive(path)
    state = archive_state(path, meeting_id)
    figures, server = Figures(), ForkServer(folder / "forkserver.stderr")
    try:
        for kill in range(kills):
            child_seed = rng.randrange(2**31)
            journal = folder / f"kill{kill}.jsonl"
            child = server.start(path, child_seed, journal)
            try:
                state = kill_once(child, path, state, rng, figures)
            except AssertionError as error:
                where = f"CRASH_SEED={SEED}, lane {lane}, kill {kill}, child seed {child_seed}"
                raise AssertionError(f"{where} ({journal}): {error}") from None
            finally:
                child.stop()
    finally:
        server.close()
    return figures


def archive_state(path: Path, meeting_id: int) -> State:
    archive = Archive.open(path, check=True)
    try:
        return read_state(archive, meeting_id)
    finally:
        archive.close()


def kill_once(
    child: Child, path: Path, state: State, rng: random.Random, figures: Figures
) -> State:
    """Kill the window's writer at a random moment, check a backup and the archive; the state
    the archive is left in."""
    moment = kill_at_random(child, rng, figures)
    replay = Replay(state).read(child.lines())
    keyed = replay.killed_at(moment)
    if replay.ready is not None:
        assert replay.ready["synchronous"] == 2, "the window's archive is not synchronous=FULL"
        assert replay.ready["journal_mode"] == "wal"
    backup, in_wal = backup_after_kill(path, figures.kills)
    after = check_archive(path, replay)
    assert table_rows(backup) == table_rows(path), "the backup differs from the archive"
    figures.count(replay, keyed, in_wal)
    return after


def kill_at_random(child: Child, rng: random.Random, figures: Figures) -> float:
    """During start-up, soon after the window is ready, or late enough that typing must be in
    the archive; the moment of the kill."""
    if rng.random() < AT_START:
        time.sleep(rng.uniform(0, 0.35))
        figures.at_start += 1
    else:
        child.wait_for("ready")
        time.sleep(rng.uniform(0.8, 1.6) if rng.random() < LATE else rng.uniform(0, 0.5))
    return child.kill()


def check_archive(path: Path, replay: Replay) -> State:
    archive = Archive.open(path, check=True)  # as the program opens it: ours, quick_check
    try:
        problems = problems_after_kill(replay, archive)
        assert not problems, "\n".join(problems)
        return read_state(archive, replay.before.meeting_id)
    finally:
        archive.close()


def backup_after_kill(path: Path, number: int) -> tuple[Path, bool]:
    """A backup taken right after the kill, before anything opened the archive: what the killed
    window committed may still be only in the WAL (a file copy would miss it). The backup, and
    whether the WAL held anything. Each backup is dated a minute after the one before, so the
    rotation thins them as it would a secretary's (several in one minute:
    tests/unit/test_backup_same_minute.py)."""
    wal = path.with_name(path.name + "-wal")
    in_wal = wal.exists() and wal.stat().st_size > 0
    backup = take_backup(path, BACKUP_CLOCK + dt.timedelta(minutes=number))
    assert backup.path.is_file(), f"take_backup returned {backup.path}, which is not there"
    return backup.path, in_wal
