"""Export of a 100-item meeting to .docx, against bare python-docx writing the same text.

In one run, interleaved, after one untimed warm-up of each:
  (a) bare python-docx: Document(), then the layout's text as paragraphs and runs (bold, italic,
      underline, line breaks; list items as plain paragraphs), saved; no template, no styles,
      no numbering, no placeholders;
  (b) write_docx: the same layout into the default template (placeholders rendered in the
      sandbox, styles, real list numbering, properties, atomic save);
  (c) the whole export: build_layout (Markdown parsed, public rule applied) and write_docx;
  (d) the PDF by the fallback route: write_pdf, the same layout through Qt's PDF writer
      (QTextDocument on the template's page, "Side N af M", PDF/A-1b), in a QGuiApplication on
      the offscreen platform;
  (e) the PDF in the template by the converter route (export.pdf.render with LibreOffice: the
      .docx written, LibreOffice started with our macro, the contents updated, the PDF
      exported); its cold time (a new LibreOffice profile, the first conversion of the run)
      apart from the warm;
  (f) the .docx with its contents' page numbers (write_docx_with_pages: one conversion).
Medians; the aim is (b) at most 1.5x (a), and (e) warm within 3 s for 100 items. (d) has no aim.
(e) and (f) run --converter-runs times (they take seconds) and are skipped without LibreOffice.

    python benchmarks/export_docx.py [--runs 7] [--converter-runs 3] [--items 100] [--seed 1]
                                     [--check]

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
    AttachmentList,
    Contents,
    DocumentLayout,
    Edition,
    Field,
    SignatureSheet,
    Text,
    build_layout,
)
from secretary_app.export.pdf import render, write_docx_with_pages
from secretary_app.export.pdf_converters import find_converter
from secretary_app.export.word import write_docx

AIM = 1.5
PDF_AIM = 3.0  # seconds, warm, for the PDF in the template of 100 items
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
        elif isinstance(block, AttachmentList):
            paragraphs.extend([[(line, False, False, False)] for line in block.lines()])
        elif isinstance(block, SignatureSheet):
            paragraphs.extend([[(name, False, False, False)] for name in block.names])
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
    parser.add_argument("--converter-runs", type=int, default=3)
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
        converted = converter_times(layout, Path(directory), args.converter_runs)

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
    missed_pdf = report_converter(converted, medians["(b) write_docx"])
    return 1 if args.check and (ratio > AIM or missed_pdf) else 0


def converter_times(layout: DocumentLayout, folder: Path, runs: int) -> dict[str, object]:
    """(e) cold and warm, (f) warm, with LibreOffice; {} when it is not installed."""
    converter = find_converter("libreoffice")
    if converter is None:
        return {}
    docx_path = folder / "pages.docx"
    cold = timed(lambda: render(layout, None, converter))
    warm = [timed(lambda: render(layout, None, converter)) for _ in range(runs)]
    with_pages = [
        timed(lambda: write_docx_with_pages(layout, docx_path, None, converter))
        for _ in range(runs)
    ]
    pages = render(layout, None, converter).pages
    return {"name": converter.name, "cold": cold, "warm": warm, "pages": pages, "f": with_pages}


def report_converter(converted: dict[str, object], docx_median: float) -> bool:
    """Print (e) and (f); whether (e) missed its aim."""
    if not converted:
        print("pdf   (e), (f)  skipped: LibreOffice is not installed")
        return False
    warm = statistics.median(converted["warm"])  # type: ignore[arg-type]
    with_pages = statistics.median(converted["f"])  # type: ignore[arg-type]
    runs = " ".join(f"{v * 1000:.0f}" for v in converted["warm"])  # type: ignore[attr-defined]
    verdict = "ok" if warm <= PDF_AIM else "MISSED"
    print(
        f"pdf   (e) {converted['name']}: cold {converted['cold'] * 1000:.0f} ms, warm median "  # type: ignore[operator]
        f"{warm * 1000:.0f} ms (runs: {runs} ms), {converted['pages']} pages; "
        f"{warm / docx_median:.1f}x (b); aim <= {PDF_AIM:.0f} s warm  {verdict}"
    )
    print(
        f"docx  (f) with page numbers: {with_pages * 1000:.0f} ms, "
        f"{with_pages / docx_median:.1f}x (b)"
    )
    return warm > PDF_AIM


if __name__ == "__main__":
    sys.exit(main())
