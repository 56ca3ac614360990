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
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm
from PySide6.QtGui import QColor, QImage
from sample_documents import reference_document, small_template

from secretary_app.core import vocabulary as words
from secretary_app.core.exchange import MeetingDocument
from secretary_app.core.model import Attachment, AttendanceEntry, Item
from secretary_app.core.record import Approval, approved_line
from secretary_app.export.layout import DocumentLayout, Edition, Field, build_layout
from secretary_app.export.template import default_template_path
from secretary_app.export.template_page import TemplatePage, page_of_template
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
        footer = page.lines(frame.bottom, frame.footer)  # the template's footer, filled in
        assert footer == [f"{note} · Side {number} af {minutes.pages}"], number


@POPPLER
def test_no_two_words_overlap(minutes):
    for number, page in enumerate(minutes.read, start=1):
        assert overlapping(page.words) == [], number


@POPPLER
def test_a_long_approval_note_wraps_in_the_footer_and_the_body_makes_room(qapp, tmp_path):
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
        assert len(footer) >= 3 and footer[-1].endswith(f"· Side {number} af {pages}"), number
        assert " ".join(footer) == f"{' '.join(note.split())} · Side {number} af {pages}"
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


# --- the template's header and footer -------------------------------------------------------

LETTERHEAD = "BREVHOVEDGENTOFTE"
LOGO_MM = (40.0, 18.0)  # taller than the room the margin leaves above the body
LOGO_PIXELS = (400, 180)
FIELDS_FOOTER = (
    f"<w:p {nsdecls('w')}><w:pPr><w:pStyle w:val='Footer'/><w:jc w:val='left'/></w:pPr>"
    "<w:r><w:t xml:space='preserve'>Side </w:t></w:r>"
    "<w:fldSimple w:instr=' PAGE '><w:r><w:t>1</w:t></w:r></w:fldSimple>"
    "<w:r><w:t xml:space='preserve'> af </w:t></w:r>"
    "<w:r><w:fldChar w:fldCharType='begin'/></w:r>"
    "<w:r><w:instrText xml:space='preserve'> NUMPAGES \\* MERGEFORMAT </w:instrText></w:r>"
    "<w:r><w:fldChar w:fldCharType='separate'/></w:r><w:r><w:t>1</w:t></w:r>"
    "<w:r><w:fldChar w:fldCharType='end'/></w:r>"
    "<w:r><w:t xml:space='preserve'> sider</w:t></w:r></w:p>"
)


def logo_png(path: Path) -> Path:
    image = QImage(*LOGO_PIXELS, QImage.Format.Format_RGB32)
    image.fill(QColor(0, 60, 130))
    assert image.save(str(path), "PNG")
    return path


def letterhead_template(tmp_path: Path, first_page: bool = False) -> Path:
    """The default template with a letterhead: a logo, then LETTERHEAD and the committee at the
    header's right tab stop; its footer "Side N af M sider" from a simple PAGE field and a
    complex NUMPAGES field, left-aligned, without the approval line. With `first_page`, the
    first page keeps the default template's: no header, and the footer with the approval."""
    document = docx.Document(str(default_template_path()))
    section = document.sections[-1]
    section.different_first_page_header_footer = first_page
    header = section.header.paragraphs[0]
    header.text = ""
    logo = str(logo_png(tmp_path / "logo.png"))
    header.add_run().add_picture(logo, width=Mm(LOGO_MM[0]), height=Mm(LOGO_MM[1]))
    header.add_run(f"\t{LETTERHEAD} {{{{ committee }}}}")
    footer = section.footer.part.element
    for child in list(footer):
        footer.remove(child)
    footer.append(parse_xml(FIELDS_FOOTER))
    path = tmp_path / "brevhoved.docx"
    document.save(str(path))
    return path


def write_in(template: Path, target: Path) -> tuple[TemplatePage, int, list[Page]]:
    page = page_of_template(template)
    layout = build_layout(sixty_items(), Edition("minutes", public=True))
    pages = write_pdf(layout, target, page)
    return page, pages, pdf_words(target)


def pictures_per_page(path: Path) -> list[list[tuple[int, int]]]:
    pikepdf = pytest.importorskip("pikepdf")
    with pikepdf.open(path) as pdf:
        return [
            [(int(image.Width), int(image.Height)) for image in page.get_images().values()]
            for page in pdf.pages
        ]


def logo_box(path: Path, number: int, dpi: int = 72) -> tuple[float, float, float, float]:
    """Where the logo's blue is on page `number` (x0, y0, x1, y1 in points), rendered."""
    prefix = path.with_name(f"side{number}")
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-f", str(number), "-l", str(number), "-png", "-singlefile"]
        + [str(path), str(prefix)],
        check=True,
        timeout=60,
    )
    image = QImage(str(prefix.with_suffix(".png")))
    blue = [
        (x, y)
        for y in range(image.height() // 4)
        for x in range(image.width())
        if (colour := image.pixelColor(x, y)).blue() > 100 and colour.red() < 60
    ]
    assert blue, f"no logo on page {number}"
    scale = 72 / dpi
    xs, ys = [x for x, _ in blue], [y for _, y in blue]
    return min(xs) * scale, min(ys) * scale, (max(xs) + 1) * scale, (max(ys) + 1) * scale


def split_bands(shown: Page) -> tuple[list[Word], list[Word], list[Word]]:
    """The words of the header (the letterhead's line), the body and the footer (from the
    approval line or "Side" down)."""
    letterhead = [w for w in shown.words if w.text == LETTERHEAD]
    top = letterhead[0].y0 if letterhead else -1
    footer_top = min(w.y0 for w in shown.words if w.text in ("Godkendt", "Side"))
    header = [w for w in shown.words if abs(w.y0 - top) < TOLERANCE]
    footer = [w for w in shown.words if w.y0 >= footer_top - TOLERANCE]
    body = [w for w in shown.words if w not in header and w not in footer]
    return header, body, footer


@POPPLER
def test_the_templates_letterhead_and_logo_are_on_every_page_and_clear_of_the_body(qapp, tmp_path):
    target = tmp_path / "referat.pdf"
    page, pages, read = write_in(letterhead_template(tmp_path), target)
    frame = Frame.of(page)
    assert pictures_per_page(target) == [[LOGO_PIXELS]] * pages > []
    note = approved_line(APPROVAL)
    for number, shown in enumerate(read, start=1):
        header, body, footer = split_bands(shown)
        assert " ".join(w.text for w in header) == f"{LETTERHEAD} {COMMITTEE}", number
        assert max(w.x1 for w in header) == pytest.approx(frame.right, abs=TOLERANCE)
        # The template lacks the approval line: it stands on top of its footer.
        assert shown.lines(footer[0].y0) == [note, f"Side {number} af {pages} sider"], number
        assert min(w.x0 for w in footer if w.text == "Side") == pytest.approx(frame.left, abs=1)
        assert max(w.y1 for w in header) <= min(w.y0 for w in body), number
        assert max(w.y1 for w in body) <= min(w.y0 for w in footer), number
        assert overlapping(shown.words) == [], number
    for number in (1, pages):
        x0, y0, x1, y1 = logo_box(target, number)
        assert (x0, x1 - x0) == pytest.approx((frame.left, LOGO_MM[0] * POINTS_PER_MM), abs=1.5)
        assert (y0, y1 - y0) == pytest.approx((frame.header, LOGO_MM[1] * POINTS_PER_MM), abs=1.5)
        body = split_bands(read[number - 1])[1]
        assert y1 < min(w.y0 for w in body)  # the body moved down for it


@POPPLER
def test_a_first_page_of_its_own_has_no_header_and_its_own_footer(qapp, tmp_path):
    target = tmp_path / "referat.pdf"
    _, pages, read = write_in(letterhead_template(tmp_path, first_page=True), target)
    pictures = pictures_per_page(target)
    assert pictures == [[]] + [[LOGO_PIXELS]] * (pages - 1)
    note = approved_line(APPROVAL)
    first, *others = read
    assert LETTERHEAD not in {w.text for w in first.words}
    assert first.lines(split_bands(first)[2][0].y0) == [f"{note} · Side 1 af {pages}"]
    for number, shown in enumerate(others, start=2):
        assert LETTERHEAD in {w.text for w in shown.words}
        assert shown.lines()[-1] == f"Side {number} af {pages} sider", number


@POPPLER
def test_the_default_header_puts_the_document_at_the_right_tab_stop(minutes):
    frame = Frame.of(default_page())
    for shown in minutes.read[1:]:
        header = sorted((w for w in shown.words if frame.where(w) == "header"), key=lambda w: w.x0)
        assert header[0].text == "Opgaveudvalg" and header[-1].text == "Referat"
        assert header[0].x0 == pytest.approx(frame.left, abs=TOLERANCE)
        assert header[-1].x1 == pytest.approx(frame.right, abs=TOLERANCE)


def header_template(tmp_path: Path, *elements: str) -> Path:
    """The default template, its header (from the second page) made of `elements` (XML)."""
    document = docx.Document(str(default_template_path()))
    header = document.sections[-1].header.part.element
    for child in list(header):
        header.remove(child)
    for element in elements:
        header.append(parse_xml(element))
    path = tmp_path / "hoved.docx"
    document.save(str(path))
    return path


@POPPLER
def test_a_table_in_the_header_shows_its_cells_side_by_side(qapp, tmp_path):
    table = (
        f"<w:tbl {nsdecls('w')}><w:tblGrid><w:gridCol w:w='3000'/><w:gridCol w:w='6354'/>"
        "</w:tblGrid><w:tr><w:tc><w:p><w:r><w:t>Gentofte Kommune</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Rådhuset</w:t></w:r></w:p></w:tc><w:tc><w:p><w:pPr>"
        "<w:jc w:val='right'/></w:pPr><w:r><w:t>{{ document }}</w:t></w:r></w:p></w:tc></w:tr>"
        "</w:tbl>"
    )
    page, _, read = write_in(header_template(tmp_path, table), tmp_path / "referat.pdf")
    frame = Frame.of(page)
    for number, shown in enumerate(read[1:], start=2):
        first, second = shown.lines()[:2]
        assert (first, second) == ("Gentofte Kommune Referat", "Rådhuset"), number
        gentofte = next(w for w in shown.words if w.text == "Gentofte")
        referat = next(w for w in shown.words if w.text == "Referat" and w.y0 == gentofte.y0)
        assert gentofte.x0 == pytest.approx(frame.left, abs=TOLERANCE)
        assert referat.x1 == pytest.approx(frame.right, abs=TOLERANCE)
        assert gentofte.y0 == pytest.approx(frame.header, abs=2)  # no empty line above
        assert overlapping(shown.words) == [], number


@POPPLER
def test_a_header_too_tall_for_the_page_leaves_the_body_two_thirds(qapp, tmp_path):
    lines = [
        f"<w:p {nsdecls('w')}><w:r><w:t>Hovedlinje{n:02d}</w:t></w:r></w:p>" for n in range(80)
    ]
    page, pages, read = write_in(header_template(tmp_path, *lines), tmp_path / "referat.pdf")
    height = page.height_mm * POINTS_PER_MM
    for number, shown in enumerate(read[1:], start=2):
        header = [w for w in shown.words if w.text.startswith("Hovedlinje")]
        assert header and header[0].text == "Hovedlinje00", number
        assert max(w.y1 for w in header) <= page.header_mm * POINTS_PER_MM + height / 3
        body = [w for w in shown.words if w not in header]
        assert max(w.y1 for w in header) < min(w.y0 for w in body), number
        assert overlapping(shown.words) == [], number
    assert TOKEN.findall(raw_text(tmp_path / "referat.pdf")) == expected_tokens(sixty_items())


# --- widows and orphans ---------------------------------------------------------------------

PARAGRAPH_TOKEN = re.compile(r"q\d{3}w\d{3}")
_LINE = re.compile(r'<line xMin="[\d.]+" yMin="([\d.]+)"[^>]*>(.*?)</line>', re.S)


def many_paragraphs(count: int = 200) -> MeetingDocument:
    """One item whose summary has `count` paragraphs of two to seven lines (12 to 62 words):
    q012w003 is the 4th word of the 13th paragraph. Without widow and orphan control, seven of
    its page breaks leave a line alone, at a page's foot or head."""
    doc = reference_document()
    lengths = ((12, 25, 45, 60, 33)[p % 5] + p % 3 for p in range(count))
    summary = "\n\n".join(
        " ".join(f"q{p:03d}w{k:03d}" for k in range(words)) for p, words in enumerate(lengths)
    )
    item = Item(0, "Mange afsnit", case_id="EMN-2017-00001", sections={"resume": summary})
    doc.items = [(item, [])]
    return doc


def paragraph_lines(path: Path) -> list[list[str]]:
    """Each page's lines of the paragraphs, top to bottom, as the paragraph each belongs to."""
    result = subprocess.run(
        ["pdftotext", "-bbox-layout", str(path), "-"], check=True, capture_output=True, timeout=60
    )
    pages = []
    for _, _, body in _PAGE.findall(result.stdout.decode("utf-8")):
        lines = sorted((float(y), text) for y, text in _LINE.findall(body))
        found = [{token[:4] for token in PARAGRAPH_TOKEN.findall(text)} for _, text in lines]
        assert all(len(ids) <= 1 for ids in found)  # a line belongs to one paragraph
        pages.append([ids.pop() for ids in found if ids])
    return pages


@POPPLER
def test_no_paragraph_leaves_a_line_alone_at_a_pages_foot_or_head(qapp, tmp_path):
    doc = many_paragraphs()
    target = tmp_path / "dagsorden.pdf"
    write_pdf(build_layout(doc, Edition("agenda")), target)
    expected = PARAGRAPH_TOKEN.findall(doc.items[0][0].sections["resume"])
    assert PARAGRAPH_TOKEN.findall(raw_text(target)) == expected  # each line once, in order
    pages = paragraph_lines(target)
    lines_of = {p: sum(page.count(p) for page in pages) for page in pages for p in page}
    carried = 0
    for number, (before, after) in enumerate(zip(pages, pages[1:], strict=False), start=1):
        if before[-1] != after[0]:
            continue
        carried += 1
        paragraph = before[-1]
        assert lines_of[paragraph] >= 4, (number, paragraph)  # two or three lines move whole
        assert before.count(paragraph) >= 2 and after.count(paragraph) >= 2, (number, paragraph)
    assert len(pages) > 10 and carried >= 3  # paragraphs did run over page breaks
