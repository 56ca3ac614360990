"""Search across the 10-year archive: 50 typical queries, timed in the store and to the screen.

    python benchmarks/search.py [--db PATH] [--repeat 5] [--check]

The queries: whole words, second halves of Danish compounds, case IDs whole and by prefix (taken
from the archive), words of one and two letters, two words. Each query is run `repeat` times
(after one untimed run); its median counts. Printed: the median and the 95th percentile over
the 50 queries of

  (a) the store: `archive.search.find(query)`, the first 200 hits in order with their count
      (up to store.search.COUNT_LIMIT: "> 200" past it);
  (b) the screen: the search pane (offscreen) from its search to the hits painted (the list
      repainted at once with the snippets of the rows it shows); the pause the pane waits for
      after a keystroke (ui.search_pane.SEARCH_DELAY, 150 ms) is not counted.

The archive is built by make_archive.py when it is missing. An archive from before the trigram
index (m011) is migrated when opened (a backup is taken first); the time that takes is printed,
and the queries run after it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

WORDS = [
    "budget",
    "lokalplan",
    "skole",
    "høring",
    "klimatilpasning",
    "borgerinddragelse",
    "kommissorium",
    "handicappolitikken",
    "trafiksikkerhed",
    "regnskab",
]
SECOND_HALVES = [
    "bevilling",
    "opfølgning",
    "plan",
    "politik",
    "strategi",
    "område",
    "centret",
    "veje",
    "tilsyn",
    "aftale",
]
SHORT = ["a", "b", "k", "s", "ø", "å", "it", "bu", "øk", "2."]
MORE_WORDS = [
    "budget 2025",
    "lokalplan erhverv",
    "skole bevilling",
    "godkendelse af",
    "status på",
    "ældre tilsyn",
    "anlægsbevilling",
    "budgetopfølgning",
    "udbud",
    "frivillige",
]
AIMS = {"store median": 5.0, "store p95": 20.0, "screen median": 50.0}


def case_ids(archive: object, count: int = 5) -> list[str]:
    """`count` case IDs of the archive, whole, and as many prefixes ("EMN-2019", "EMN-2019-01")."""
    db = archive.db  # type: ignore[attr-defined]
    rows = db.conn.execute(
        "SELECT case_id FROM items WHERE case_id != '' ORDER BY id LIMIT ? OFFSET 1000",
        [count * 997],
    ).fetchall()[::997]
    whole = [case_id for (case_id,) in rows][:count]
    prefixes = [case_id[:8] for case_id in whole[:3]] + [case_id[:11] for case_id in whole[3:]]
    return whole + prefixes[:count]


def queries(archive: object) -> list[str]:
    return WORDS + SECOND_HALVES + SHORT + MORE_WORDS + case_ids(archive)


def timed(run: object, repeat: int) -> float:
    run()  # type: ignore[operator]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def open_archive(path: Path) -> object:
    import sqlite3

    from secretary_app.store import migrations
    from secretary_app.store.archive import Archive

    with sqlite3.connect(path) as conn:
        pending = migrations.pending(conn)
    start = time.perf_counter()
    archive = Archive.open(path)
    if pending:
        print(f"migrated ({', '.join(pending)}) in {time.perf_counter() - start:.1f} s")
    return archive


def store_times(archive: object, texts: list[str], repeat: int) -> dict[str, tuple[float, str]]:
    search = archive.search  # type: ignore[attr-defined]
    return {
        text: (timed(lambda text=text: search.find(text), repeat), counted(search.find(text)))
        for text in texts
    }


def counted(result: object) -> str:
    """The hits as the result counts them: "991", or "> 200" past the count's bound."""
    total = result.total  # type: ignore[attr-defined]
    return f"> {total}" if getattr(result, "total_is_lower_bound", False) else str(total)


def screen_times(archive: object, texts: list[str], repeat: int) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from secretary_app.ui.search_pane import SearchPane

    app = QApplication.instance() or QApplication([])
    pane = SearchPane(archive.search, archive.committees)  # type: ignore[attr-defined]
    pane.resize(560, 640)
    pane.show()
    app.processEvents()

    def search_and_paint(text: str) -> None:
        pane.field.setText(text)
        pane.run_search()
        pane.results.viewport().repaint()

    return {text: timed(lambda text=text: search_and_paint(text), repeat) for text in texts}


def report(store: dict[str, tuple[float, str]], screen: dict[str, float]) -> list[bool]:
    store_ms = [ms for ms, _ in store.values()]
    figures = {
        "store median": statistics.median(store_ms),
        "store p95": p95(store_ms),
        "screen median": statistics.median(screen.values()),
        "screen p95": p95(list(screen.values())),
    }
    print(f"\n{'':28}{'ms':>8}   aim")
    oks = []
    for name, value in figures.items():
        aim = AIMS.get(name)
        verdict = "" if aim is None else ("ok" if value <= aim else "MISSED")
        aim_text = f"<= {aim:g}" if aim else ""
        print(f"{name:28}{value:8.1f}   {aim_text:8} {verdict}")
        if aim is not None:
            oks.append(value <= aim)
    print("\nslowest in the store:")
    for text, (ms, total) in sorted(store.items(), key=lambda kv: -kv[1][0])[:6]:
        print(f"  {ms:6.1f} ms  {total:>6} hits  {text!r}")
    return oks


def main() -> int:
    import make_archive

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, default=make_archive.DEFAULT_PATH)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--check", action="store_true", help="exit 1 when an aim is missed")
    args = parser.parse_args()
    if not args.db.exists():
        print(f"building the archive {args.db} with make_archive.py …", flush=True)
        make_archive.build_archive(args.db)
    archive = open_archive(args.db)
    texts = queries(archive)
    print(f"Mødesekretær search benchmark: {args.db}")
    print(f"{len(texts)} queries, median of {args.repeat} runs each; load {os.getloadavg()[0]:.1f}")
    oks = report(
        store_times(archive, texts, args.repeat), screen_times(archive, texts, args.repeat)
    )
    archive.close()  # type: ignore[attr-defined]
    return 1 if args.check and not all(oks) else 0


if __name__ == "__main__":
    sys.exit(main())
