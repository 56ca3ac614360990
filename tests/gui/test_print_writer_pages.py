"""The pages of the fallback PDF writer (ui.print_writer), read back word by word.

A meeting of 60 items, approved, written once and read with `pdftotext -bbox` (every word with
its box, in points from the page's top left) and `-layout`: every word lies in the body or in a
band, no two words overlap, the footer shows the approval line and "Side N af M" whole on every
page, no line of the body is drawn twice, the table of contents gives each item the page its
heading is on (and links there), headings never stand alone at a page's foot, attachments are
numbered "Bilag 1:", the signature sheet stays on one page, the header block's values line up.
Then the page of a template that is not A4 (export.template_page), and reading templates.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from sample_documents import reference_document

from secretary_app.core import vocabulary as words
from secretary_app.core.exchange import MeetingDocument
from secretary_app.core.model import Attachment, AttendanceEntry, Item
from secretary_app.core.record import Approval, approved_line
from secretary_app.export.layout import DocumentLayout, Edition, Field, build_layout
from secretary_app.export.template import default_template_path
from secretary_app.export.template_page import DEFAULT_PAGE, TemplatePage, page_of_template
from secretary_app.ui.print_writer import default_page, write_pdf

POPPLER = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdfinfo")), reason="needs poppler-utils"
)
POINTS_PER_MM = 72 / 25.4
TOLERANCE = 1.0  # points: pdftotext's boxes come from the font's ascent and descent
COMMITTEE = "Opgaveudvalg om Innovation"
COUNT = 60
NAMES = (
    "Marie Louise Andersen",
    "Frank Jensen",
    "Søren Holm",
    "Anne Berg",
    "Jens Lund",
    "Karen Holm",
    "Peter Munk",
    "Lise Dahl",
    "Ole Bach",
    "Hanne Vinter",
    "Bent Skov",
    "Tove Lind",
)
APPROVAL = Approval(0, dt.date(2017, 7, 3), ["Anne Berg", "Søren Holm"], "1a2b3c4d" * 8)
TOKEN = re.compile(r"p\d\d[rbc]\d{3}")
HEADING = re.compile(r"^\d+ \(Åben\) Punkt om emne \d+$")
LABELS = {"Resumé", "Tidligere beslutninger:", "Beslutninger:", "Bilag"}


# --- reading a PDF --------------------------------------------------------------------------


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    words: tuple[Word, ...]

    def lines(self, top: float = 0, bottom: float = 1e9) -> list[str]:
        """The words between y = top and bottom, as lines (top to bottom, left to right)."""
        rows: dict[float, list[Word]] = {}
        for word in self.words:
            if word.y0 >= top - TOLERANCE and word.y1 <= bottom + TOLERANCE:
                rows.setdefault(round(word.y0, 0), []).append(word)
        return [
            " ".join(w.text for w in sorted(row, key=lambda w: w.x0))
            for _, row in sorted(rows.items())
        ]


_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)


def pdf_words(path: Path) -> list[Page]:
    result = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, timeout=120
    )
    pages = []
    for width, height, body in _PAGE.findall(result.stdout.decode("utf-8")):
        found = (
            Word(html.unescape(text), float(x0), float(y0), float(x1), float(y1))
            for x0, y0, x1, y1, text in _WORD.findall(body)
        )
        pages.append(Page(float(width), float(height), tuple(found)))
    return pages


def layout_text(path: Path) -> list[str]:
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, timeout=120
    )
    pages = result.stdout.decode("utf-8").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def raw_text(path: Path) -> str:
    result = subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, timeout=120
    )
    return result.stdout.decode("utf-8")


@dataclass(frozen=True)
class Frame:
    """The template page's body and bands, in points."""

    left: float
    right: float
    top: float
    bottom: float
    header: float  # where the header band begins
    footer: float  # where the footer band ends

    @classmethod
    def of(cls, page: TemplatePage) -> Frame:
        return cls(
            page.left_mm * POINTS_PER_MM,
            (page.width_mm - page.right_mm) * POINTS_PER_MM,
            page.top_mm * POINTS_PER_MM,
            (page.height_mm - page.bottom_mm) * POINTS_PER_MM,
            page.header_mm * POINTS_PER_MM,
            (page.height_mm - page.footer_mm) * POINTS_PER_MM,
        )

    def where(self, word: Word) -> str:
        """ "body", "header", "footer", or "outside" for a word that is in none of them."""
        inside = word.x0 >= self.left - TOLERANCE and word.x1 <= self.right + TOLERANCE
        if inside and word.y0 >= self.top - TOLERANCE and word.y1 <= self.bottom + TOLERANCE:
            return "body"
        if inside and word.y0 >= self.header - TOLERANCE and word.y1 <= self.top + TOLERANCE:
            return "header"
        if inside and word.y0 >= self.bottom - TOLERANCE and word.y1 <= self.footer + TOLERANCE:
            return "footer"
        return "outside"


def overlapping(words: tuple[Word, ...]) -> list[tuple[Word, Word]]:
    """Pairs of words whose boxes overlap by more than the tolerance both ways."""
    ordered = sorted(words, key=lambda w: (w.y0, w.x0))
    found = []
    for index, a in enumerate(ordered):
        for b in ordered[index + 1 :]:
            if b.y0 >= a.y1 - TOLERANCE:
                break
            across = min(a.x1, b.x1) - max(a.x0, b.x0)
            down = min(a.y1, b.y1) - max(a.y0, b.y0)
            if across > TOLERANCE and down > TOLERANCE:
                found.append((a, b))
    return found


# --- the meeting ----------------------------------------------------------------------------


def tokens(item: int, part: str, start: int, count: int) -> str:
    """Words found once in the whole document: p07r003 is the 4th word of item 7's summary."""
    return " ".join(f"p{item:02d}{part}{k:03d}" for k in range(start, start + count))


def sixty_items(approved: bool = True) -> MeetingDocument:
    """The reference meeting with 60 items of different lengths (paragraphs, numbered lists,
    line breaks), attachments on two of every three, twelve members present, ended 20.35."""
    doc = reference_document()
    doc.meeting.ended_at = dt.time(20, 35)
    doc.attendance = [AttendanceEntry(0, name) for name in NAMES]
    doc.items = [_item(n) for n in range(COUNT)]
    doc.approval = APPROVAL if approved else None
    return doc


def _item(n: int) -> tuple[Item, list[Attachment]]:
    summary = "\n\n".join(
        tokens(n, "r", 100 * k, 12 + (n * 7 + k * 11) % 50) for k in range(1 + n % 4)
    )
    steps = "\n".join(
        f"{k + 1}. {tokens(n, 'b', 100 * k, 4 + (n + 3 * k) % 30)}" for k in range(n % 5)
    )
    decision = f"{steps}\n\n{tokens(n, 'c', 0, 10)}\\\n{tokens(n, 'c', 100, 14)}"
    item = Item(
        0,
        f"Punkt om emne {n + 1}",
        case_id=f"EMN-2017-{n + 1:05d}",
        sections={"resume": summary, "beslutning": decision},
        position=n,
    )
    return item, [Attachment(0, f"Bilag om emne {n + 1} del {k + 1}") for k in range(n % 3)]


def expected_tokens(doc: MeetingDocument) -> list[str]:
    found: list[str] = []
    for item, _ in doc.items:
        found += TOKEN.findall(item.sections["resume"]) + TOKEN.findall(item.sections["beslutning"])
    return found


@dataclass(frozen=True)
class Written:
    doc: MeetingDocument
    layout: DocumentLayout
    path: Path
    pages: int
    read: list[Page]
    texts: list[str]


@pytest.fixture(scope="module")
def minutes(qapp, tmp_path_factory) -> Written:
    """The approved minutes of the 60 items, on the default template's page."""
    if not shutil.which("pdftotext"):
        pytest.skip("needs poppler-utils")
    doc = sixty_items()
    layout = build_layout(doc, Edition("minutes"))
    path = tmp_path_factory.mktemp("sixty") / "referat.pdf"
    pages = write_pdf(layout, path)
    return Written(doc, layout, path, pages, pdf_words(path), layout_text(path))


def body_lines(written: Written) -> list[list[str]]:
    frame = Frame.of(default_page())
    return [page.lines(frame.top, frame.bottom) for page in written.read]


# --- bands and body -------------------------------------------------------------------------


@POPPLER
def test_every_word_is_in_the_body_or_a_band(minutes):
    frame = Frame.of(default_page())
    assert minutes.pages == len(minutes.read) > 20
    for number, page in enumerate(minutes.read, start=1):
        misplaced = [word for word in page.words if frame.where(word) == "outside"]
        assert not misplaced, (number, misplaced[:5])


@POPPLER
def test_the_bands_show_the_header_the_approval_and_the_page_number_whole(minutes):
    frame = Frame.of(default_page())
    note = approved_line(APPROVAL)
    for number, page in enumerate(minutes.read, start=1):
        header = [f"{COMMITTEE} Referat"] if number > 1 else []  # the template's first page
        assert page.lines(frame.header, frame.top) == header
        footer = page.lines(frame.bottom, frame.footer)
        assert footer == [note, f"Side {number} af {minutes.pages}"], number


@POPPLER
def test_no_two_words_overlap(minutes):
    for number, page in enumerate(minutes.read, start=1):
        assert overlapping(page.words) == [], number


@POPPLER
def test_a_long_approval_note_wraps_above_the_page_number_and_the_body_makes_room(qapp, tmp_path):
    layout = build_layout(sixty_items(), Edition("minutes"))
    note = "Godkendt 3. juli 2017 · SHA-256 " + "1a2b 3c4d 5e6f 7a8b " * 20
    layout = dataclasses.replace(layout, placeholders={**layout.placeholders, "approved": note})
    target = tmp_path / "referat.pdf"
    pages = write_pdf(layout, target)
    frame = Frame.of(default_page())
    for number, page in enumerate(pdf_words(target), start=1):
        assert overlapping(page.words) == [], number
        note_top = max(w.y0 for w in page.words if w.text == "Godkendt")
        footer = page.lines(note_top)
        assert len(footer) >= 4 and footer[-1] == f"Side {number} af {pages}", number
        assert " ".join(footer[:-1]) == " ".join(note.split())
        assert note_top < frame.bottom  # three lines and more: the body ends higher up
        body = [w for w in page.words if w.y0 < note_top - TOLERANCE]
        assert max(w.y1 for w in body) <= note_top + 0.1, number


# --- the body -------------------------------------------------------------------------------


@POPPLER
def test_every_line_of_the_body_is_drawn_once_in_order(minutes):
    assert TOKEN.findall(raw_text(minutes.path)) == expected_tokens(minutes.doc)


@POPPLER
def test_the_contents_give_the_page_of_each_heading(minutes):
    entry = re.compile(r"^\s*(\d+ \(Åben\) Punkt om emne \d+)\s{2,}(\d+)\s*$", re.M)
    listed = {title: int(page) for text in minutes.texts for title, page in entry.findall(text)}
    headed = {
        line.strip(): number
        for number, text in enumerate(minutes.texts, start=1)
        for line in text.splitlines()
        if HEADING.match(line.strip())
    }
    assert len(listed) == len(headed) == COUNT
    assert listed == headed


@POPPLER
def test_the_contents_link_to_the_headings(minutes):
    pikepdf = pytest.importorskip("pikepdf")
    with pikepdf.open(minutes.path) as pdf:
        pages = {page.obj.objgen: number for number, page in enumerate(pdf.pages, start=1)}
        names = pdf.Root.Names.Dests.Names
        targets = {str(names[i]): pages[names[i + 1][0].objgen] for i in range(0, len(names), 2)}
        linked = {
            str(annotation.Dest)
            for page in pdf.pages[:3]
            for annotation in page.obj.get("/Annots", [])
            if annotation.get("/Subtype") == "/Link"
        }
    headed = {
        int(line.split()[0]): number
        for number, text in enumerate(minutes.texts, start=1)
        for line in text.splitlines()
        if HEADING.match(line.strip())
    }
    assert targets == {f"punkt-{item}": page for item, page in headed.items()}
    assert linked == set(targets)


@POPPLER
def test_a_long_entry_has_its_page_number_on_its_last_line(qapp, tmp_path):
    doc = reference_document()
    long_title = "Et punkt med en titel så lang at den fylder to linjer i indholdsfortegnelsen " * 2
    doc.items[0][0].title = long_title.strip()
    target = tmp_path / "dagsorden.pdf"
    write_pdf(build_layout(doc, Edition("agenda")), target)
    first = pdf_words(target)[0]
    contents = next(w for w in first.words if w.text == "Indholdsfortegnelse")
    number = next(w for w in first.words if w.y0 > contents.y1 and w.text == "1" and w.x0 > 450)
    entry = [
        w
        for w in first.words
        if contents.y1 < w.y0 < number.y1 and w.text == "indholdsfortegnelsen"
    ]
    assert len({round(w.y0) for w in entry}) == 2  # the entry is two lines or more
    assert number.y0 == pytest.approx(max(w.y0 for w in entry), abs=0.5)


@POPPLER
def test_a_heading_never_stands_at_the_foot_of_a_page(minutes):
    """An item heading has its case line, its first label and a line of text on its page;
    no page ends with a heading, a case line, a label or the decision's sub-label."""
    sub_label = "Opgaveudvalg om Innovation den 27. juni 2017"
    for number, lines in enumerate(body_lines(minutes), start=1):
        last = lines[-1]
        assert not (HEADING.match(last) or last.startswith("Sags ID:")), (number, last)
        assert last not in LABELS | {sub_label}, (number, lines[-3:])
        for index, line in enumerate(lines):
            if HEADING.match(line):
                assert lines[index + 1].startswith("Sags ID:"), (number, line)
                assert lines[index + 2] == "Resumé" and len(lines) > index + 3, (number, line)


@POPPLER
def test_attachments_are_numbered(minutes):
    text = " ".join(" ".join(lines) for lines in body_lines(minutes))
    assert (
        "Bilag Bilag 1: Bilag om emne 2 del 1 Tidligere" not in text
    )  # a list, after the sections
    assert "Bilag 1: Bilag om emne 2 del 1" in text
    assert "Bilag 1: Bilag om emne 3 del 1 Bilag 2: Bilag om emne 3 del 2" in text
    assert text.count("Bilag 1:") == 2 * COUNT // 3
    assert "Bilag 3:" not in text
    frame = Frame.of(default_page())
    numbers = [w for page in minutes.read for w in page.words if w.text == "Bilag"]
    assert min(w.x0 for w in numbers) >= frame.left - TOLERANCE  # not out in the margin


@POPPLER
def test_the_signature_sheet_is_on_one_page_with_a_row_for_each_member(minutes):
    frame = Frame.of(default_page())
    [page] = [p for p in minutes.read if "Underskrifter" in p.lines()]
    lines = page.lines(frame.top, frame.bottom)
    start = lines.index("Underskrifter")
    assert lines[start + 1] == "Godkendt 3. juli 2017 af Anne Berg og Søren Holm"
    assert lines[start + 2] == f"{words.SIGNATURE_NAME} {words.SIGNATURE_COLUMN}"
    assert lines[start + 3 :] == list(NAMES)
    header = next(w for w in page.words if w.text == words.SIGNATURE_NAME)
    below = [w for w in page.words if w.y0 > header.y1]
    firsts = [next(w for w in below if w.text == name.split()[0]) for name in NAMES]
    rows = [b.y0 - a.y0 for a, b in zip(firsts, firsts[1:], strict=False)]
    assert all(13 * POINTS_PER_MM < row < 15 * POINTS_PER_MM for row in rows), rows
    assert page is minutes.read[-1]


@POPPLER
def test_the_header_block_values_line_up_and_long_labels_wrap(minutes):
    first = minutes.read[0]
    fields = [block for block in minutes.layout.blocks if isinstance(block, Field)]
    assert words.ENDED_LABEL in [field.label for field in fields]
    contents = next(w for w in first.words if w.text == "Indholdsfortegnelse")
    starts = [
        next(w for w in first.words if w.text == field.value.split()[0] and w.y0 < contents.y0)
        for field in fields
    ]
    assert max(w.x0 for w in starts) - min(w.x0 for w in starts) < 0.5
    frame = Frame.of(default_page())
    assert starts[0].x0 == pytest.approx(frame.left + 0.3 * (frame.right - frame.left), abs=1)
    protokollen = next(w for w in first.words if w.text == "Protokollen")
    ended = next(w for w in first.words if w.text == "kl.:")
    assert ended.y0 > protokollen.y0 and ended.x1 < starts[0].x0  # wrapped in its column
    assert next(w for w in first.words if w.text == "20.35").y0 == pytest.approx(protokollen.y0)


# --- the template's page --------------------------------------------------------------------


def small_template(path: Path) -> Path:
    """The default template on A5 with a 4 cm left margin and 12 pt Liberation Serif."""
    document = docx.Document(str(default_template_path()))
    section = document.sections[-1]
    section.page_width, section.page_height = Mm(148), Mm(210)
    section.left_margin, section.right_margin = Mm(40), Mm(15)
    section.top_margin, section.bottom_margin = Mm(30), Mm(25)
    section.header_distance, section.footer_distance = Mm(10), Mm(8)
    normal = document.styles["Normal"]
    normal.font.size = Pt(12)
    normal.font.name = "Liberation Serif"
    document.styles["Heading 1"].font.size = Pt(16)
    document.save(str(path))
    return path


def test_the_default_templates_page(tmp_path):
    page = page_of_template(None)
    assert page == page_of_template(default_template_path())
    assert (round(page.width_mm), round(page.height_mm)) == (210, 297)
    assert (round(page.left_mm), round(page.right_mm)) == (25, 20)
    assert (round(page.top_mm), round(page.bottom_mm)) == (25, 22)
    assert round(page.header_mm) == round(page.footer_mm) == 12
    assert (page.font_family, page.body_points) == ("Arial", 10)
    assert (page.heading_points, page.title_points, page.band_points) == (13, 18, 8)
    assert not page.header_on_first_page  # a first page of its own, with an empty header


def test_a_first_page_with_a_header_or_none_of_its_own(tmp_path):
    path = tmp_path / "forside.docx"
    document = docx.Document(str(default_template_path()))
    document.sections[-1].first_page_header.paragraphs[0].text = "{{ committee }}"
    document.save(str(path))
    assert page_of_template(path).header_on_first_page
    document.sections[-1].different_first_page_header_footer = False
    document.save(str(path))
    assert page_of_template(path).header_on_first_page


def test_a_templates_own_page_and_fonts(tmp_path):
    page = page_of_template(small_template(tmp_path / "a5.docx"))
    assert (page.width_mm, page.height_mm) == pytest.approx((148, 210), abs=0.01)
    assert (page.left_mm, page.right_mm, page.top_mm, page.bottom_mm) == pytest.approx(
        (40, 15, 30, 25), abs=0.01
    )
    assert (page.header_mm, page.footer_mm) == pytest.approx((10, 8), abs=0.01)
    assert (page.font_family, page.body_points, page.heading_points) == ("Liberation Serif", 12, 16)
    assert page.title_points == 18


def test_a_theme_font_is_looked_up_in_the_theme(tmp_path):
    path = tmp_path / "tema.docx"
    document = docx.Document(str(default_template_path()))
    defaults = document.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    for name in ("w:ascii", "w:hAnsi"):
        del fonts.attrib[qn(name)]
    fonts.set(qn("w:asciiTheme"), "minorHAnsi")
    document.save(str(path))
    with zipfile.ZipFile(path) as package:
        theme = package.read("word/theme/theme1.xml").decode("utf-8")
    minor = re.search(r'<a:minorFont>\s*<a:latin typeface="([^"]+)"', theme)
    assert minor is not None
    assert page_of_template(path).font_family == minor.group(1)


@pytest.mark.parametrize(
    "content",
    [b"", b"not a Word document", b"PK\x03\x04 broken zip", None],
    ids=["empty", "text", "broken zip", "missing"],
)
def test_a_template_that_cannot_be_read_gives_the_default_page(tmp_path, content):
    path = tmp_path / "skabelon.docx"
    if content is not None:
        path.write_bytes(content)
    assert page_of_template(path) == DEFAULT_PAGE


def test_margins_that_leave_no_body_give_the_default_margins(tmp_path):
    path = tmp_path / "smal.docx"
    document = docx.Document(str(default_template_path()))
    section = document.sections[-1]
    section.left_margin = section.right_margin = Mm(110)
    section.top_margin = Mm(-300)
    document.save(str(path))
    page = page_of_template(path)
    assert (page.left_mm, page.right_mm) == (DEFAULT_PAGE.left_mm, DEFAULT_PAGE.right_mm)
    assert (page.top_mm, page.bottom_mm) == (DEFAULT_PAGE.top_mm, DEFAULT_PAGE.bottom_mm)


@POPPLER
def test_the_pdf_follows_the_templates_page(qapp, tmp_path):
    page = page_of_template(small_template(tmp_path / "a5.docx"))
    target = tmp_path / "referat.pdf"
    layout = build_layout(sixty_items(approved=False), Edition("minutes"))
    pages = write_pdf(layout, target, page)
    info = subprocess.run(
        ["pdfinfo", str(target)], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    assert re.search(r"Page size:\s+420 x 595 pts \(A5\)", info), info
    fonts = subprocess.run(
        ["pdffonts", str(target)], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    assert "LiberationSerif" in fonts
    frame = Frame.of(page)
    read = pdf_words(target)
    assert len(read) == pages
    for number, shown in enumerate(read, start=1):
        assert [w for w in shown.words if frame.where(w) == "outside"] == [], number
        assert overlapping(shown.words) == [], number
        assert shown.lines(frame.bottom, frame.footer) == [f"Side {number} af {pages}"]
    left = min(w.x0 for shown in read for w in shown.words)
    assert left == pytest.approx(40 * POINTS_PER_MM, abs=1)
    body = [w for shown in read for w in shown.words if TOKEN.fullmatch(w.text)]
    heights = {round(w.y1 - w.y0, 1) for w in body}
    assert body and all(height == pytest.approx(12 * 1.1, abs=0.6) for height in heights)
