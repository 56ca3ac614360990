"""Export of a 100-item meeting to .docx, against bare python-docx writing the same text.

In one run, interleaved, after one untimed warm-up of each:
  (a) bare python-docx: Document(), then the layout's text as paragraphs and runs (bold, italic,
      underline, line breaks; list items as plain paragraphs), saved; no template, no styles,
      no numbering, no placeholders;
  (b) write_docx: the same layout into the default template (placeholders rendered in the
      sandbox, styles, real list numbering, properties, atomic save);
  (c) the whole export: build_layout (Markdown parsed, public rule applied) and write_docx;
  (d) the PDF: write_pdf, the same layout through Qt's PDF writer (QTextDocument, A4 pages
      with "Side N af M", PDF/A-1b), in a QGuiApplication on the offscreen platform.
Medians; the aim is (b) at most 1.5x (a). (d) is reported beside them; it has no aim.

    python benchmarks/export_docx.py [--runs 7] [--items 100] [--seed 1] [--check]

The meeting is made here (no archive needed): Danish-looking titles, a Resumé of 800-3,000
characters of Markdown (paragraphs, bold, italic, bulleted and numbered lists, some nested), a
decision of 50-600 characters, Tidligere beslutninger in about 30 %, about 12 % closed items and
0-2 attachments, as benchmarks/make_archive.py makes them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import docx

from secretary_app.core.exchange import MeetingDocument
from secretary_app.core.model import Attachment, Committee, Item, Meeting
from secretary_app.core.rich_text import Block as RichBlock
from secretary_app.core.rich_text import ListBlock, Span
from secretary_app.export.layout import (
    Contents,
    DocumentLayout,
    Edition,
    Field,
    Text,
    build_layout,
)
from secretary_app.export.word import write_docx

AIM = 1.5
WORDS = [
    *("kommunen", "udvalget", "borgere", "forslag", "budget", "projekt", "skole", "trafik"),
    *("daginstitution", "plan", "høring", "bevilling", "lokalplan", "indstilling", "økonomi"),
    *("administrationen", "beslutning", "område", "anlæg", "drift", "tilskud", "evaluering"),
    *("forvaltningen", "samarbejde", "udvikling", "handleplan"),
]


# --- the meeting ----------------------------------------------------------------------------


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random) -> str:
    text = " ".join(sentence(rng, rng.randint(6, 16)) for _ in range(rng.randint(2, 5)))
    if rng.random() < 0.4:
        first, _, rest = text.partition(" ")
        text = f"**{first}** {rest}"
    if rng.random() < 0.2:
        *start, last = text.split(" ")
        text = " ".join(start) + f" *{last}*"
    return text


def a_list(rng: random.Random) -> str:
    ordered = rng.random() < 0.5
    lines = []
    for number in range(1, rng.randint(3, 6)):
        marker = f"{number}. " if ordered else "- "
        lines.append(marker + sentence(rng, rng.randint(4, 10)))
        if rng.random() < 0.2:
            lines.extend(" " * len(marker) + "- " + sentence(rng, 5) for _ in range(2))
    return "\n".join(lines)


def markdown(rng: random.Random, low: int, high: int) -> str:
    target = rng.randint(low, high)
    blocks: list[str] = []
    while sum(len(block) for block in blocks) < target:
        blocks.append(a_list(rng) if rng.random() < 0.25 else paragraph(rng))
    return "\n\n".join(blocks)


def meeting(items: int, seed: int) -> MeetingDocument:
    rng = random.Random(seed)
    doc = MeetingDocument(
        Committee("Økonomiudvalget"),
        Meeting(0, dt.date(2025, 12, 10), dt.time(17), dt.time(21), "Rådssalen", title="Budget"),
    )
    for position in range(items):
        item = Item(
            0,
            sentence(rng, rng.randint(4, 11)).rstrip("."),
            closed=rng.random() < 0.12,
            case_id=f"EMN-2025-{rng.randint(0, 999999):06d}",
            sections={
                "resume": markdown(rng, 800, 3000),
                "tidligere_beslutninger": markdown(rng, 100, 400) if rng.random() < 0.3 else "",
                "beslutning": markdown(rng, 50, 600),
            },
            position=position,
        )
        attachments = [Attachment(0, sentence(rng, 4)) for _ in range(rng.randint(0, 2))]
        doc.items.append((item, attachments))
    return doc


# --- bare python-docx -----------------------------------------------------------------------

Run = tuple[str, bool, bool, bool]


def layout_paragraphs(layout: DocumentLayout) -> list[list[Run]]:
    """The layout's text as paragraphs of (text, bold, italic, underline) runs."""
    paragraphs: list[list[Run]] = []
    for block in layout.blocks:
        if isinstance(block, Text):
            paragraphs.extend(rich_paragraphs(block.rich))
        elif isinstance(block, Field):
            label: Run = (f"{block.label}:", True, False, False)
            paragraphs.append([label, (block.value, False, False, False)])
        elif isinstance(block, Contents):
            paragraphs.extend([[(entry, False, False, False)] for entry in block.entries])
        else:
            paragraphs.append([(block.text, False, False, False)])
    return paragraphs


def rich_paragraphs(blocks: tuple[RichBlock, ...]) -> Iterator[list[Run]]:
    for block in blocks:
        if isinstance(block, ListBlock):
            for item in block.items:
                yield from rich_paragraphs(item.blocks)
        else:
            yield [span_run(span) for span in block.spans]


def span_run(span: Span) -> Run:
    return span.text, span.bold, span.italic, span.underline


def write_bare(paragraphs: list[list[Run]], target: Path) -> None:
    document = docx.Document()
    for runs in paragraphs:
        paragraph = document.add_paragraph()
        for text, bold, italic, underline in runs:
            run = paragraph.add_run(text)  # python-docx turns "\n" into a line break
            run.bold, run.italic, run.underline = bold or None, italic or None, underline or None
    document.save(str(target))


# --- measuring ------------------------------------------------------------------------------


def pdf_writer() -> tuple[Callable[[DocumentLayout, Path], int], str]:
    """write_pdf and Qt's version, in a QGuiApplication on the offscreen platform."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import __version__ as pyside_version
    from PySide6.QtGui import QGuiApplication

    from secretary_app.ui.print_writer import write_pdf

    global _app
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])

    def write(layout: DocumentLayout, target: Path) -> int:
        return write_pdf(layout, target)

    return write, pyside_version


_app: object = None  # the QGuiApplication, kept alive for the whole run


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--items", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--check", action="store_true", help="exit 1 when the aim is missed")
    args = parser.parse_args(argv)

    doc = meeting(args.items, args.seed)
    layout = build_layout(doc, Edition("minutes"))
    paragraphs = layout_paragraphs(layout)
    characters = sum(len(text) for runs in paragraphs for text, *_ in runs)
    write_pdf, pyside_version = pdf_writer()
    with tempfile.TemporaryDirectory() as directory:
        bare_path, ours_path = Path(directory, "bare.docx"), Path(directory, "ours.docx")
        pdf_path = Path(directory, "ours.pdf")
        cases: dict[str, Callable[[], object]] = {
            "(a) bare python-docx": lambda: write_bare(paragraphs, bare_path),
            "(b) write_docx": lambda: write_docx(layout, ours_path),
            "(c) build_layout + write_docx": lambda: write_docx(
                build_layout(doc, Edition("minutes")), ours_path
            ),
            "(d) write_pdf": lambda: write_pdf(layout, pdf_path),
        }
        times: dict[str, list[float]] = {name: [] for name in cases}
        for action in cases.values():
            action()  # warm-up
        for _ in range(args.runs):
            for name, action in cases.items():
                times[name].append(timed(action))
        sizes = bare_path.stat().st_size, ours_path.stat().st_size
        pdf_size, pdf_pages = pdf_path.stat().st_size, write_pdf(layout, pdf_path)

    print("Mødesekretær .docx export benchmark")
    print(
        f"{args.items} items, {len(paragraphs)} paragraphs, {characters:,} characters; "
        f"Python {sys.version.split()[0]}, python-docx {docx.__version__}; "
        f"{args.runs} runs each after one warm-up"
    )
    print(f"files: bare {sizes[0] / 1024:.0f} KB, ours {sizes[1] / 1024:.0f} KB")
    print(
        f"pdf: {pdf_size / 1024:.0f} KB, {pdf_pages} A4 pages; PySide6 {pyside_version}, "
        f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', '')}\n"
    )
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, values in times.items():
        runs = " ".join(f"{value * 1000:.0f}" for value in values)
        print(f"{name:<34}{medians[name] * 1000:8.0f} ms   runs: {runs} ms")
    bare = medians["(a) bare python-docx"]
    ratio = medians["(b) write_docx"] / bare
    whole = medians["(c) build_layout + write_docx"] / bare
    verdict = "ok" if ratio <= AIM else "MISSED"
    print(f"\nratio (b) / (a) {ratio:6.2f}x   aim <= {AIM}x  {verdict}")
    print(f"ratio (c) / (a) {whole:6.2f}x   (includes parsing the Markdown)")
    pdf = medians["(d) write_pdf"]
    print(
        f"pdf   (d)       {pdf * 1000:6.0f} ms   {pdf / medians['(b) write_docx']:.2f}x (b), "
        f"{pdf / bare:.2f}x (a); {pdf * 1000 / max(pdf_pages, 1):.0f} ms a page"
    )
    return 1 if args.check and ratio > AIM else 0


if __name__ == "__main__":
    sys.exit(main())
