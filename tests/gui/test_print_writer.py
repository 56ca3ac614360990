"""The Qt print writer (ui.print_writer): the PDF it writes, read back with poppler.

`pdfinfo` for the page count and the paper, `pdftotext -layout` for what a reader sees:
the title, "Side N af M" on every page, the item headings, the decisions; the public edition
never shows a closed item's other text, nor any edition but the chair's copy its notes.
"""

from __future__ import annotations

import datetime as dt
import errno
import math
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
import sample_documents
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtPrintSupport import QPrinter
from sample_documents import reference_document

from secretary_app.core import files
from secretary_app.core.exchange import MeetingDocument
from secretary_app.core.files import IncompleteFile
from secretary_app.core.messages import os_error_reason
from secretary_app.core.model import (
    Attachment,
    Committee,
    Item,
    Meeting,
)
from secretary_app.core.rich_text import ListBlock, Paragraph, parse_markdown
from secretary_app.export.layout import DocumentLayout, Edition, build_layout
from secretary_app.ui import print_writer
from secretary_app.ui.print_writer import default_page, write_pdf

pytestmark = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdfinfo")), reason="needs poppler-utils"
)

EDITIONS = {
    "agenda": Edition("agenda"),
    "public agenda": Edition("agenda", public=True),
    "minutes": Edition("minutes"),
    "public minutes": Edition("minutes", public=True),
    "chair's copy": Edition("agenda", chair=True),
}
COMMITTEE = "Opgaveudvalg om Innovation"
FOOTER = re.compile(r"^Side (\d+) af (\d+)$")

# Words that must never reach a public edition: a closed item's other text, the chair's notes.
SECRET_WORDS = (
    "HEMMELIGRESUME",
    "HEMMELIGTIDLIGERE",
    "HEMMELIGBILAG",
    "HEMMELIGSAGSID",
    "HEMMELIGOPLAEGSHOLDER",
    "IKKEOFFENTLIGTBILAG",
    "FORMANDENSNOTE",
)


# --- reading a PDF --------------------------------------------------------------------------


def pdfinfo(path: Path) -> dict[str, str]:
    result = subprocess.run(
        ["pdfinfo", str(path)], check=True, capture_output=True, timeout=60, text=True
    )
    fields = (line.partition(":") for line in result.stdout.splitlines())
    return {key.strip(): value.strip() for key, _, value in fields}


def pdf_pages(path: Path, area: tuple[float, float] | None = None) -> list[str]:
    """Each page's text as pdftotext -layout reads it; only between y = area (points)."""
    crop: list[str] = []
    if area is not None:
        top, bottom = math.ceil(area[0]), math.floor(area[1])
        crop = ["-x", "0", "-y", str(top), "-W", "2000", "-H", str(bottom - top)]
    result = subprocess.run(
        ["pdftotext", "-layout", *crop, str(path), "-"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pages = result.stdout.decode("utf-8").split("\f")
    if pages and not pages[-1].strip():
        pages.pop()  # pdftotext ends every page with a form feed
    return pages


def bands() -> tuple[tuple[float, float], tuple[float, float], tuple[float, float]]:
    """The header band, the body and the footer band of the default template's page (A4), as
    y from .. to (points): the body between the template's margins, the bands outside them."""
    page = default_page()
    height, top, bottom = (
        page.height_mm * 72 / 25.4,
        page.top_mm * 72 / 25.4,
        page.bottom_mm * 72 / 25.4,
    )
    return ((0, top), (top, height - bottom), (height - bottom, height))


def normalised(text: str) -> str:
    """Whitespace to single spaces, and ligatures ("ﬂ") back to letters."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def body_text(path: Path) -> str:
    """What the pages show between the header and the footer, normalised."""
    return normalised("\n".join(pdf_pages(path, bands()[1])))


def footers(pages: list[str]) -> list[str]:
    return [
        line.strip() for page in pages for line in page.splitlines() if FOOTER.match(line.strip())
    ]


def assert_a_complete_pdf(path: Path, pages: int) -> list[str]:
    """The file is a PDF of `pages` A4 pages, each with its "Side N af M"; the pages' text."""
    assert path.is_file() and path.read_bytes()[:5] == b"%PDF-"
    info = pdfinfo(path)
    assert int(info["Pages"]) == pages >= 1
    assert info["Page size"].startswith("595 x 842 pts"), info["Page size"]
    texts = pdf_pages(path)
    assert len(texts) == pages
    for number, text in enumerate(texts, start=1):
        assert footers([text]) == [f"Side {number} af {pages}"], text[-300:]
    return texts


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") or ".tmp" in p.name)


# --- meetings -------------------------------------------------------------------------------


def write(tmp_path: Path, doc: MeetingDocument, edition: Edition, name="ud.pdf"):
    layout = build_layout(doc, edition)
    target = tmp_path / name
    pages = write_pdf(layout, target)
    return layout, target, pages


def paragraph_texts(blocks) -> list[str]:
    """Every paragraph of rich text, list items' paragraphs too."""
    texts: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            texts.append("".join(span.text for span in block.spans))
        elif isinstance(block, ListBlock):
            for item in block.items:
                texts.extend(paragraph_texts(item.blocks))
    return texts


def meeting_with_closed_item() -> MeetingDocument:
    """The shared meeting with a closed item, with notes for the chair's copy."""
    doc = sample_documents.meeting_with_closed_item()
    (open_item, _), (closed, _), _ = doc.items
    open_item.chair_notes, open_item.duration_minutes = "FORMANDENSNOTE om dagsordenen", 5
    closed.chair_notes = "- FORMANDENSNOTE *om prisen*"
    return doc


# --- the reference meeting ------------------------------------------------------------------


@pytest.mark.parametrize("name", list(EDITIONS))
def test_the_reference_meeting_as_pdf(qapp, tmp_path, name):
    edition = EDITIONS[name]
    layout, target, pages = write(tmp_path, reference_document(), edition)
    texts = assert_a_complete_pdf(target, pages)
    # The default template's first page has a header of its own, empty (w:titlePg).
    assert texts[0].lstrip().startswith(layout.title)
    assert all(text.lstrip().startswith(COMMITTEE) for text in texts[1:])  # the header line
    body = body_text(target)
    assert body.startswith(normalised(layout.title))
    assert "Mødetidspunkt: tirsdag den 27. juni 2017 kl. 17.00-19.00" in body
    assert "Mødested: Mødelokale G på Gentofte Rådhus" in body
    for heading in ("1 (Åben) Tredje møde i Opgaveudvalg om Innovation", "2 (Åben) Eventuelt"):
        assert body.count(heading) == 2  # the table of contents and the item
    assert body.count("Sags ID: EMN-2017-") == 2
    decides = "Beslutninger: Opgaveudvalg om Innovation den 27. juni 2017"
    assert body.count(decides) == (2 if edition.kind == "minutes" else 0)
    if edition.public:
        assert "Udgave: Offentlig udgave" in body
    if edition.chair:
        assert "Udgave: Formandens eksemplar" in body
        assert "Planlagt: kl. 17.00" in body
    else:
        assert "Planlagt" not in body and "Formandens" not in body
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("name", ["minutes", "public minutes"])
def test_the_reference_minutes_show_every_paragraph_of_the_decision(qapp, tmp_path, name):
    doc = reference_document()
    _, target, pages = write(tmp_path, doc, EDITIONS[name])
    assert_a_complete_pdf(target, pages)
    body = body_text(target)
    paragraphs = paragraph_texts(parse_markdown(doc.items[0][0].decision))
    assert len(paragraphs) >= 15
    missing = [p for p in map(normalised, paragraphs) if p not in body]
    assert not missing
    assert "Beslutninger: Opgaveudvalg om Innovation den 27. juni 2017 Intet." in body


def test_the_reference_minutes_fill_more_than_one_page(qapp, tmp_path):
    _, target, pages = write(tmp_path, reference_document(), EDITIONS["minutes"])
    assert pages >= 2
    assert footers(pdf_pages(target)) == [f"Side {n} af {pages}" for n in range(1, pages + 1)]


@pytest.mark.parametrize("name", list(EDITIONS))
def test_the_pdf_claims_pdf_a_and_carries_the_title(qapp, tmp_path, name):
    layout, target, _ = write(tmp_path, reference_document(), EDITIONS[name])
    data = target.read_bytes()
    info = pdfinfo(target)
    assert info["Title"] == layout.title
    assert info["Creator"] == "Mødesekretær"
    if b"<x:xmpmeta" in data:  # Qt writes XMP metadata for PDF/A
        xmp = data[data.index(b"<x:xmpmeta") : data.index(b"</x:xmpmeta>")].decode("utf-8")
        assert re.search(r'pdfaid:part(="|>)1', xmp), xmp
        assert re.search(r'pdfaid:conformance(="|>)B', xmp), xmp
        assert layout.title in xmp
        assert b"/OutputIntents" in data  # PDF/A needs an output intent


def test_a_long_word_wraps_within_the_page_and_keeps_every_character(qapp, tmp_path):
    """A title of 500 characters without a blank, and a text with a 20,000-character word:
    broken over lines in the page's width (Qt searched such a word for minutes), nothing
    lost (issue 10, point 11)."""
    doc = reference_document()
    title, word = "T" * 500, "y" * 20_000
    doc.items = [(Item(0, title, sections={"resume": f"Start {word} slut."}), [])]
    layout = build_layout(doc, EDITIONS["minutes"])
    document = print_writer.text_document(layout)
    document.setTextWidth(500)
    document.size()  # laid out now
    blocks = [document.findBlockByNumber(n) for n in range(document.blockCount())]
    titled = [b for b in blocks if title in b.text().replace("\u200b", "")]  # contents, heading
    [text] = [b for b in blocks if word in b.text().replace("\u200b", "")]
    assert titled and all(block.layout().lineCount() > 1 for block in titled)
    assert text.layout().lineCount() > 50
    widest = max(
        block.layout().lineAt(n).naturalTextWidth()
        for block in (*titled, text)
        for n in range(block.layout().lineCount())
    )
    assert widest <= 500
    _, target, pages = write(tmp_path, doc, EDITIONS["minutes"])
    assert pages >= 2


def long_paragraph_meeting(words: int = 3000) -> MeetingDocument:
    doc = reference_document()
    text = " ".join(f"ord{n:05d}" for n in range(words))
    doc.items = [(Item(0, "Et langt punkt", sections={"resume": text}), [])]
    return doc


def test_a_long_paragraph_flows_over_the_pages_in_order(qapp, tmp_path):
    _, target, pages = write(tmp_path, long_paragraph_meeting(), Edition("agenda"))
    assert pages >= 4
    assert_a_complete_pdf(target, pages)
    shown = re.findall(r"ord\d{5}", body_text(target))
    assert shown == [f"ord{n:05d}" for n in range(3000)]


def test_every_line_is_on_one_page_only(qapp, tmp_path):
    _, target, pages = write(tmp_path, long_paragraph_meeting(), Edition("agenda"))
    everything = re.findall(r"ord\d{5}", "\n".join(pdf_pages(target)))
    assert len(everything) == len(set(everything)) == 3000


def test_a_long_list_item_is_on_each_page_once_and_keeps_its_number(qapp, tmp_path):
    """A list item over a page break goes on as the same item: no number of its own."""
    doc = reference_document()
    words = " ".join(f"ord{n:05d}" for n in range(2500))
    summary = f"1. Første punkt\n2. {words}\n3. Tredje punkt"
    doc.items = [(Item(0, "Et langt punkt", sections={"resume": summary}), [])]
    _, target, pages = write(tmp_path, doc, Edition("agenda"))
    assert pages >= 3
    text = "\n".join(pdf_pages(target))
    everything = re.findall(r"ord\d{5}", text)
    assert everything == [f"ord{n:05d}" for n in range(2500)]  # once each, in order
    assert re.search(r"3\.\s+Tredje punkt", text)
    assert not re.search(r"\b4\.\s", text)


def test_the_bands_hold_only_the_header_and_the_page_number(qapp, tmp_path):
    _, target, pages = write(tmp_path, long_paragraph_meeting(), Edition("agenda"))
    header_band, _, footer_band = bands()
    tops = [normalised(text) for text in pdf_pages(target, header_band)]
    bottoms = [normalised(text) for text in pdf_pages(target, footer_band)]
    assert bottoms == [f"Side {n} af {pages}" for n in range(1, pages + 1)]
    # As the template's header: the committee, the document; none on the first page (w:titlePg).
    assert tops == ["", *[f"{COMMITTEE} Dagsorden"] * (pages - 1)]


def test_the_text_layer_spells_words_as_written(qapp, tmp_path):
    """No ligature characters (U+FB00-U+FB06): a search for "Offentlig" finds it."""
    _, target, _ = write(tmp_path, reference_document(), Edition("minutes", public=True))
    text = "\n".join(pdf_pages(target))
    assert not re.findall("[\ufb00-\ufb06]", text)
    assert "Udgave: Offentlig udgave" in normalised(text) and "refleksion" in text


# --- the public edition ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["agenda", "minutes"])
def test_the_public_edition_shows_nothing_else_of_a_closed_item(qapp, tmp_path, kind):
    _, target, pages = write(tmp_path, meeting_with_closed_item(), Edition(kind, public=True))
    texts = assert_a_complete_pdf(target, pages)
    everything = normalised("\n".join(texts))
    squeezed = "".join(everything.split())  # a word broken over two lines is still found
    for word in SECRET_WORDS:
        assert word not in squeezed, word
    assert "2 (Lukket) Salg af ejendom" in everything
    assert ("OFFENTLIGBESLUTNING" in everything) == (kind == "minutes")
    assert "Udgave: Offentlig udgave" in everything
    assert target.read_bytes().count(b"HEMMELIG") == 0  # nor in the file's metadata


def test_the_full_edition_shows_a_closed_item_in_full(qapp, tmp_path):
    _, target, pages = write(tmp_path, meeting_with_closed_item(), Edition("minutes"))
    everything = normalised("\n".join(assert_a_complete_pdf(target, pages)))
    for word in SECRET_WORDS:
        if word not in ("HEMMELIGOPLAEGSHOLDER", "FORMANDENSNOTE"):  # the chair's copy's
            assert word in everything, word
    assert "FORMANDENSNOTE" not in everything and "HEMMELIGOPLAEGSHOLDER" not in everything


def test_the_chairs_copy_shows_times_presenters_and_notes(qapp, tmp_path):
    _, target, pages = write(tmp_path, meeting_with_closed_item(), EDITIONS["chair's copy"])
    everything = normalised("\n".join(assert_a_complete_pdf(target, pages)))
    assert "Planlagt: kl. 16.00 · 5 min." in everything
    assert "Planlagt: kl. 16.05" in everything
    assert "Fremlægges af: HEMMELIGOPLAEGSHOLDER" in everything
    assert everything.count("Interne noter:") == 2
    assert "FORMANDENSNOTE om dagsordenen" in everything
    assert "FORMANDENSNOTE om prisen" in everything


# --- arbitrary meetings ---------------------------------------------------------------------

# Text pasted from Word and the web: Word's line and page breaks, NUL, lone surrogates, RTL
# override, markup characters, emoji.
AWKWARD = ["\x0b", "\x0c", "\x00", "\ud800", "\udfff", "\u2028", "\u202e", "\r\n", "\t"]
AWKWARD += ["&", "<", ">", '"', "'", "*", "_", "\\", "#", "1. ", "- ", "`", "😀", "\ufeff"]
PIECE = st.one_of(st.characters(exclude_categories=()), st.sampled_from(AWKWARD))
SHORT = st.lists(PIECE, max_size=60).map("".join)
HUGE = st.builds(
    lambda piece, times: (piece + " ") * times,
    st.lists(PIECE, min_size=1, max_size=12).map("".join),
    st.integers(300, 2500),
)
# Mostly short or empty; now and then a huge one (tens of thousands of characters).
FIELD = st.integers(0, 39).flatmap(lambda n: HUGE if n == 0 else st.just("") if n < 8 else SHORT)
TIMES = st.none() | st.times()


@st.composite
def items(draw, index: int):
    closed = draw(st.booleans())
    mark = f"QZX{index}Q"  # unique per item: where it shows up tells what leaked

    def secret(field: str) -> str:
        return f"{draw(FIELD)} {mark}{field} {draw(FIELD)}"

    item = Item(
        0,
        draw(FIELD),
        closed=closed,
        case_id=secret("SAGSID") if closed else draw(FIELD),
        presenter=secret("OPLAEGSHOLDER"),
        planned_start=draw(TIMES),
        duration_minutes=draw(st.none() | st.integers(0, 24 * 60)),
        sections={
            "resume": secret("RESUME") if closed else draw(FIELD),
            "tidligere_beslutninger": secret("TIDLIGERE") if closed else draw(FIELD),
            "beslutning": draw(FIELD),
        },
        chair_notes=secret("NOTE"),
        position=index,
    )
    attachments = [
        Attachment(0, secret("BILAG") if closed or not public else draw(FIELD), public=public)
        for public in draw(st.lists(st.booleans(), max_size=3))
    ]
    return item, attachments


@st.composite
def meetings(draw) -> MeetingDocument:
    count = draw(st.integers(0, 60))
    doc = MeetingDocument(
        Committee(draw(FIELD)),
        Meeting(
            0,
            draw(st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31))),
            draw(TIMES),
            draw(TIMES),
            draw(FIELD),
            first_number=draw(st.integers(1, 10_000)),
            title=draw(FIELD),
        ),
    )
    doc.items = [draw(items(index)) for index in range(count)]
    return doc


SECRET_MARK = re.compile(r"QZX\d+Q(?:SAGSID|OPLAEGSHOLDER|RESUME|TIDLIGERE|NOTE|BILAG)")


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(doc=meetings(), kind=st.sampled_from(["agenda", "minutes"]), chair=st.booleans())
def test_any_meeting_gives_a_pdf_and_its_public_edition_keeps_the_secrets(
    qapp, tmp_path, doc, kind, chair
):
    public_layout, public_pdf, pages = write(tmp_path, doc, Edition(kind, public=True))
    texts = assert_a_complete_pdf(public_pdf, pages)
    squeezed = "".join(normalised("\n".join(texts)).split())
    assert SECRET_MARK.findall(squeezed) == []
    assert SECRET_MARK.findall(repr(public_layout)) == []
    full = Edition("agenda", chair=True) if chair else Edition(kind)
    full_layout, full_pdf, full_pages = write(tmp_path, doc, full, name="fuld.pdf")
    assert_a_complete_pdf(full_pdf, full_pages)
    if doc.items and (chair or any(item.closed for item, _ in doc.items)):
        assert SECRET_MARK.search(repr(full_layout))  # the marks are there to be kept out
    assert leftovers(tmp_path) == []


# --- failures -------------------------------------------------------------------------------


def a_layout() -> DocumentLayout:
    return build_layout(reference_document(), Edition("minutes"))


def test_a_missing_folder(qapp, tmp_path):
    target = tmp_path / "mangler" / "referat.pdf"
    with pytest.raises(FileNotFoundError):
        write_pdf(a_layout(), target)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_where_the_file_should_be(qapp, tmp_path):
    target = tmp_path / "referat.pdf"
    target.mkdir()
    with pytest.raises(IsADirectoryError) as raised:
        write_pdf(a_layout(), target)
    assert os_error_reason(raised.value) == "er en mappe, ikke en fil"
    assert [p.name for p in tmp_path.iterdir()] == ["referat.pdf"]
    assert target.is_dir() and list(target.iterdir()) == []


def test_a_failed_write_keeps_the_earlier_file(qapp, tmp_path, monkeypatch):
    target = tmp_path / "referat.pdf"
    layout = a_layout()
    write_pdf(layout, target)
    before = target.read_bytes()
    monkeypatch.setattr(files.os, "fsync", disk_full)
    with pytest.raises(OSError) as raised:
        write_pdf(layout, target)
    assert os_error_reason(raised.value) == "disken er fuld"
    assert target.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_a_pdf_qt_did_not_finish_is_not_written(qapp, tmp_path, monkeypatch):
    """QPdfWriter says nothing when it fails; a PDF without its end mark is refused."""
    target = tmp_path / "referat.pdf"
    monkeypatch.setattr(print_writer, "pdf_content", lambda *_: (b"%PDF-1.4\n1 0 obj", 1))
    with pytest.raises(IncompleteFile):
        write_pdf(a_layout(), target)
    assert list(tmp_path.iterdir()) == []


def disk_full(_descriptor: int) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_second_write_replaces_the_first(qapp, tmp_path):
    target = tmp_path / "referat.pdf"
    write_pdf(build_layout(reference_document(), Edition("agenda")), target)
    pages = write_pdf(a_layout(), target)
    assert_a_complete_pdf(target, pages)
    assert body_text(target).startswith("Referat af møde i")
    assert leftovers(tmp_path) == []


# --- the printer ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "full_page"), [*((name, False) for name in EDITIONS), ("minutes", True)]
)
def test_a_printer_gets_the_same_pages_as_the_pdf_writer(qapp, tmp_path, name, full_page):
    """paint_pages on a QPrinter (here one writing a PDF file), as a program prints the
    fallback's pages, on the default template's page; painting on the paper's margins or
    on the full page."""
    layout = build_layout(meeting_with_closed_item(), EDITIONS[name])
    pages = write_pdf(layout, tmp_path / "skrevet.pdf")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(print_writer.page_layout())
    printer.setFullPage(full_page)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printet.pdf"
    printer.setOutputFileName(str(printed))
    bands = print_writer.page_bands(layout)
    assert print_writer.paint_pages(print_writer.text_document(layout), printer, bands) == pages
    del printer  # closes the file
    assert_a_complete_pdf(printed, pages)
    assert body_text(printed) == body_text(tmp_path / "skrevet.pdf")
