"""No closed item's text in any part of any public edition (issue 10, "Proven by tests that try").

Hypothesis makes meetings in the exchange format: open and closed items in Gentofte's or the
standard layout, with records, attachments, chair's notes and sometimes approved minutes with
corrections. Everything the public may not read carries a marker of its own (`HEMMELIG0007Q`): a
closed item's title (when it has a public title), case ID, presenter, texts other than the
decision, attachments, notes on absences, dissent and reservation texts, corrections to it; any
item's chair's notes; an open item's attachments that are not public. What the public may read
carries another (`OFFENTLIG0003Q`): a public title, a closed item's decision, an open item's title.

Each meeting is loaded (`secretary-app load`) and exported in the public edition as agenda and
minutes, as Word and as PDF, by the command line. No secret marker may be found in any part of
the .docx (body, headers, footers, properties, comments, footnotes, bookmarks, relationships) nor
in the PDF (its text as pdftotext reads it, its raw and inflated streams, metadata and
bookmarks, as bytes, as UTF-16 and as hex strings); every public marker must be found, which
shows the search sees what is there.
"""

from __future__ import annotations

import binascii
import contextlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from secretary_app.cli import main
from secretary_app.core.item_layout import BUILT_IN_LAYOUTS, SectionKind

REPO = Path(__file__).resolve().parents[2]
SECRET = re.compile(r"HEMMELIG\d{4}Q")
needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)


# --- meetings -------------------------------------------------------------------------------


@dataclass
class Marks:
    """Hands out markers: secret ones, and public ones with the documents they must be in."""

    count: int = 0
    public: dict[str, set[str]] = field(default_factory=dict)  # marker -> "agenda", "minutes"

    def secret(self) -> str:
        self.count += 1
        return f"HEMMELIG{self.count:04d}Q"

    def shown(self, *documents: str) -> str:
        self.count += 1
        marker = f"OFFENTLIG{self.count:04d}Q"
        self.public[marker] = set(documents)
        return marker


filler = st.text(st.sampled_from(list("abc æøå*_.-1")), max_size=12).map(str.strip)
names = st.sampled_from(["Søren Holm", "Mette Lund", "Venstre", "A"])
reasons = st.sampled_from(["inhabil", "left", "arrived_late"])
BOTH = ("agenda", "minutes")


def text_with(draw: st.DrawFn, marker: str) -> str:
    """Some text around the marker, perhaps over two paragraphs or in a list."""
    before, after = draw(filler), draw(filler)
    form = draw(st.sampled_from(["{b} {m} {a}", "{b}\n\n{m}", "- {b}\n- {m} {a}", "**{m}**"]))
    return form.format(b=before or "x", m=marker, a=after)


def closed_item(draw: st.DrawFn, marks: Marks, keys: list[str], decision: str) -> dict[str, Any]:
    titled = draw(st.booleans())  # with a public title the title is secret; without, it is shown
    return {
        "title": f"Sag {marks.secret()}" if titled else f"Sag {marks.shown(*BOTH)}",
        "public_title": f"Lukket punkt {marks.shown(*BOTH)}" if titled else "",
        "closed": True,
        "case_id": f"EMN-2017-{marks.secret()}",
        "presenter": marks.secret(),
        "planned_start": draw(st.sampled_from([None, "18:30"])),
        "sections": {
            key: text_with(draw, marks.shown("minutes") if key == decision else marks.secret())
            for key in keys
        },
        **records(draw, marks.secret),
        "chair_notes": text_with(draw, marks.secret()),
        "attachments": [
            {"title": f"Bilag {marks.secret()}", "public": draw(st.booleans())}
            for _ in range(draw(st.integers(0, 2)))
        ],
    }


def open_item(draw: st.DrawFn, marks: Marks, keys: list[str]) -> dict[str, Any]:
    public = draw(st.lists(st.booleans(), max_size=3))
    return {
        "title": f"Punkt {marks.shown(*BOTH)}",
        "closed": False,
        "case_id": draw(st.sampled_from(["", "EMN-2017-03374"])),
        "sections": {key: draw(filler) for key in keys},
        **records(draw, lambda: draw(filler)),
        "chair_notes": text_with(draw, marks.secret()),
        "attachments": [
            {"title": f"Bilag {marks.shown(*BOTH) if p else marks.secret()}", "public": p}
            for p in public
        ],
    }


def records(draw: st.DrawFn, note: Any) -> dict[str, Any]:
    """Who was not there, the vote, dissent and reservations; `note` makes their texts."""
    count = draw(st.integers(0, 2))
    return {
        "not_present": [
            {"member": draw(names), "reason": draw(reasons), "note": note()} for _ in range(count)
        ],
        "votes": {"for": draw(st.lists(names, max_size=2, unique=True)), "against": []},
        "dissent": [{"member": draw(names), "text": note()} for _ in range(count)],
        "reservations": [{"member": draw(names), "text": note()} for _ in range(count)],
    }


@st.composite
def meetings(draw: st.DrawFn) -> tuple[dict[str, Any], Marks]:
    marks = Marks()
    layout_key = draw(st.sampled_from(sorted(BUILT_IN_LAYOUTS)))
    layout = BUILT_IN_LAYOUTS[layout_key]
    keys = [section.key for section in layout.sections]
    decision = next(s.key for s in layout.sections if s.kind is SectionKind.DECISION)
    closed = draw(st.lists(st.booleans(), min_size=1, max_size=5))
    items = [
        closed_item(draw, marks, keys, decision) if c else open_item(draw, marks, keys)
        for c in closed
    ]
    data = {
        "format": "secretary-app/meeting",
        "version": 3,
        "committee": {"name": "Økonomiudvalget", "layout": layout_key},
        "meeting": {"date": "2017-06-27", "start": "17:00", "location": "Rådhuset"},
        "attendance": [{"name": "Søren Holm", "role": "chair"}, {"name": "Mette Lund"}],
        "items": items,
    }
    if draw(st.booleans()):
        approve(data, marks, [n for n, c in enumerate(closed, start=1) if c])
    return data, marks


def approve(data: dict[str, Any], marks: Marks, closed_numbers: list[int]) -> None:
    """Approved minutes, with a correction to each closed item (secret) and one to the whole."""
    meeting = data["meeting"]
    meeting["approved"] = {"at": "2017-07-03", "by": ["Søren Holm", "Mette Lund"]}
    corrections = [
        {"at": "2017-07-05T10:15", "item": n, "text": marks.secret(), "reason": marks.secret()}
        for n in closed_numbers
    ]
    whole = {"at": "2017-07-06T09:30", "text": f"Rettet {marks.shown('minutes')}", "reason": ""}
    meeting["corrections"] = [*corrections, whole]


# --- reading what was written ---------------------------------------------------------------


def docx_texts(path: Path) -> list[str]:
    """Every part of the package as text, and each XML part without its tags (a word split
    over runs reads whole again)."""
    with zipfile.ZipFile(path) as package:
        parts = [package.read(name).decode("utf-8", "replace") for name in package.namelist()]
    return [*parts, *(re.sub(r"<[^>]+>", "", part) for part in parts)]


def pdf_texts(path: Path) -> list[str]:
    """The PDF as pdftotext reads it (blanks removed: a marker broken over lines joins again),
    and its bytes, raw and inflated, read as Latin-1, as UTF-16 and from hex strings."""
    raw = path.read_bytes()
    blobs = [raw, *_inflated_streams(raw)]
    read = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    texts = ["".join(read.stdout.decode("utf-8").split())]
    for blob in blobs:
        texts.extend(_readings(blob))
        for token in re.findall(rb"<([0-9A-Fa-f\s]{8,})>", blob):
            digits = re.sub(rb"\s", b"", token)
            texts.extend(_readings(binascii.unhexlify(digits[: len(digits) // 2 * 2])))
    return texts


def _inflated_streams(raw: bytes) -> Iterator[bytes]:
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", raw, re.S):
        with contextlib.suppress(zlib.error):
            yield zlib.decompressobj().decompress(match.group(1))


def _readings(blob: bytes) -> list[str]:
    return [
        blob.decode("latin-1"),
        blob.decode("utf-16-be", "ignore"),
        blob[1:].decode("utf-16-be", "ignore"),
    ]


def found(pattern: re.Pattern[str], texts: list[str]) -> set[str]:
    return {hit for text in texts for hit in pattern.findall(text)}


def public_markers(texts: list[str]) -> set[str]:
    return found(re.compile(r"OFFENTLIG\d{4}Q"), texts)


# --- running the command line ---------------------------------------------------------------

# The PDF path starts a QGuiApplication: it runs in a process of its own (as in test_cli_export),
# one for the whole module, which runs one command line per line it reads.
WORKER = """
import contextlib, io, json, sys
from secretary_app.cli import main

for line in sys.stdin:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(json.loads(line))
    print(json.dumps([status, out.getvalue(), err.getvalue()]), flush=True)
"""


class Worker:
    def __init__(self) -> None:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        self.process = subprocess.Popen(
            [sys.executable, "-c", WORKER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            cwd=REPO,
            env=env,
        )

    def __call__(self, *args: str | Path) -> tuple[int, str, str]:
        assert self.process.stdin is not None and self.process.stdout is not None
        try:
            self.process.stdin.write(json.dumps([str(a) for a in args]) + "\n")
            self.process.stdin.flush()
        except BrokenPipeError:
            pytest.fail("the PDF worker ended (its error is on stderr above)")
        line = self.process.stdout.readline()
        assert line, "the PDF worker ended"
        status, out, err = json.loads(line)
        return status, out, err

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def pdf_worker() -> Iterator[Worker]:
    worker = Worker()
    yield worker
    worker.close()


def run(*args: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main([str(a) for a in args])
    return status, out.getvalue(), err.getvalue()


def loaded(folder: Path, data: dict[str, Any]) -> tuple[Path, str]:
    """The meeting loaded into a new archive in `folder`: the archive and the meeting's id."""
    archive, source = folder / "arkiv.sqlite3", folder / "møde.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    status, out, err = run("--db", archive, "load", source)
    assert (status, err) == (0, ""), err
    return archive, out.strip()


def exported(
    worker: Worker, archive: Path, meeting: str, kind: str, suffix: str, *edition: str
) -> Path:
    target = archive.parent / f"{kind}{'-'.join(edition)}{suffix}"
    args = ("--db", archive, "export", meeting, "--document", kind, *edition, "-o", target)
    status, _out, err = worker(*args) if suffix == ".pdf" else run(*args)
    assert status == 0 and "Traceback" not in err, err
    return target


def editions(
    worker: Worker, archive: Path, meeting: str, *edition: str
) -> Iterator[tuple[str, str, list[str]]]:
    """Each document as Word and as PDF: (document, suffix, its texts)."""
    for kind in BOTH:
        yield kind, ".docx", docx_texts(exported(worker, archive, meeting, kind, ".docx", *edition))
        if shutil.which("pdftotext"):
            yield (
                kind,
                ".pdf",
                pdf_texts(exported(worker, archive, meeting, kind, ".pdf", *edition)),
            )


# --- the property ---------------------------------------------------------------------------


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meeting=meetings())
def test_no_public_edition_holds_a_closed_items_other_text(
    pdf_worker: Worker, meeting: tuple[dict[str, Any], Marks]
) -> None:
    data, marks = meeting
    closed = sum(item["closed"] for item in data["items"])
    event(f"{closed} of {len(data['items'])} items closed")
    event("approved" if "approved" in data["meeting"] else "not approved")
    with tempfile.TemporaryDirectory() as name:
        archive, meeting_id = loaded(Path(name), data)
        for kind, suffix, texts in editions(pdf_worker, archive, meeting_id, "--public"):
            assert found(SECRET, texts) == set(), f"leaked into the public {kind}{suffix}"
            expected = {m for m, documents in marks.public.items() if kind in documents}
            assert expected <= public_markers(texts), f"the search missed the public {kind}{suffix}"


@needs_pdftotext
def test_the_search_finds_secret_markers_in_the_full_edition(pdf_worker: Worker) -> None:
    """The full edition shows a closed item's texts: the same search finds them there (in the
    PDF as in the .docx), so its silence about the public edition means something."""
    marker = {
        what: f"HEMMELIG{n:04d}Q"
        for n, what in enumerate(
            ["title", "case", "resume", "history", "decision", "dissent", "bilag"]
        )
    }
    item = {
        "title": f"Sag {marker['title']}",
        "public_title": "Lukket punkt",
        "closed": True,
        "case_id": f"EMN-2017-{marker['case']}",
        "sections": {
            "resume": f"Tekst {marker['resume']}",
            "tidligere_beslutninger": f"Tekst {marker['history']}",
            "beslutning": f"Tekst {marker['decision']}",
        },
        "dissent": [{"member": "A", "text": marker["dissent"]}],
        "attachments": [{"title": f"Bilag {marker['bilag']}"}],
    }
    data = {
        "format": "secretary-app/meeting",
        "version": 3,
        "committee": {"name": "Økonomiudvalget", "layout": "gentofte"},
        "meeting": {"date": "2017-06-27"},
        "items": [item],
    }
    with tempfile.TemporaryDirectory() as name:
        archive, meeting_id = loaded(Path(name), data)
        seen = {(k, s): found(SECRET, t) for k, s, t in editions(pdf_worker, archive, meeting_id)}
    minutes = set(marker.values())
    agenda = minutes - {marker["decision"], marker["dissent"]}  # written at the meeting
    assert seen == {
        ("agenda", ".docx"): agenda,
        ("agenda", ".pdf"): agenda,
        ("minutes", ".docx"): minutes,
        ("minutes", ".pdf"): minutes,
    }
