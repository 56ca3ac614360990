"""The template's page and bands, as the fallback print writer draws them, read without Qt.

The page (export.template_page): paper, margins, band distances and fonts, the default's where
a template cannot be read or a value makes no sense. The bands (export.template_bands): the
header and footer of the template filled in with the document's placeholders, their text,
alignment, tab stops, fonts, page fields (simple and complex, with the text around them kept),
pictures and tables; the first page's own; the approval line where the template lacks it.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm
from sample_documents import reference_document, small_template

from secretary_app.export.layout import Edition, build_layout
from secretary_app.export.template import default_template_path
from secretary_app.export.template_band_paragraphs import BandParagraph, TabStop
from secretary_app.export.template_bands import Band, BandTable, page_bands
from secretary_app.export.template_page import DEFAULT_PAGE, page_of_template

PLACEHOLDERS = build_layout(reference_document(), Edition("minutes")).placeholders
NOTE = "Godkendt 3. juli 2017 · SHA-256 1a2b 3c4d 5e6f 7a8b"
FOOTER_FIELDS = (
    f"<w:p {nsdecls('w')}><w:pPr><w:jc w:val='left'/></w:pPr>"
    "<w:r><w:t xml:space='preserve'>Side </w:t></w:r>"
    "<w:fldSimple w:instr=' PAGE '><w:r><w:t>1</w:t></w:r></w:fldSimple>"
    "<w:r><w:t xml:space='preserve'> af </w:t></w:r>"
    "<w:r><w:fldChar w:fldCharType='begin'/></w:r>"
    "<w:r><w:instrText xml:space='preserve'> NUM</w:instrText></w:r>"
    "<w:r><w:instrText xml:space='preserve'>PAGES \\* MERGEFORMAT </w:instrText></w:r>"
    "<w:r><w:fldChar w:fldCharType='separate'/></w:r><w:r><w:t>1</w:t></w:r>"
    "<w:r><w:fldChar w:fldCharType='end'/></w:r>"
    "<w:r><w:t xml:space='preserve'> sider · </w:t></w:r>"
    "<w:r><w:fldChar w:fldCharType='begin'/></w:r>"
    "<w:r><w:instrText xml:space='preserve'> DATE </w:instrText></w:r>"
    "<w:r><w:fldChar w:fldCharType='separate'/></w:r><w:r><w:t>27-06-2017</w:t></w:r>"
    "<w:r><w:fldChar w:fldCharType='end'/></w:r></w:p>"
)


def png(width: int = 40, height: int = 10) -> bytes:
    """A grey PNG, written by hand (no Qt in the unit tests)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def template(tmp_path: Path, name: str = "skabelon.docx", first_page: bool = True, **parts) -> Path:
    """The default template with the header or footer's paragraphs replaced by `parts`
    (header=, footer=, first_header=: a list of w:p / w:tbl XML strings)."""
    document = docx.Document(str(default_template_path()))
    section = document.sections[-1]
    section.different_first_page_header_footer = first_page
    places = {
        "header": section.header,
        "footer": section.footer,
        "first_header": section.first_page_header,
    }
    for place, elements in parts.items():
        root = places[place].part.element
        for child in list(root):
            root.remove(child)
        for element in elements:
            root.append(parse_xml(element))
    path = tmp_path / name
    document.save(str(path))
    return path


def paragraphs(band: Band) -> list[BandParagraph]:
    return [block for block in band.blocks if isinstance(block, BandParagraph)]


# --- the page -------------------------------------------------------------------------------


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
    assert page.template is None and page_of_template(default_template_path()).template


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


# --- the bands ------------------------------------------------------------------------------


def test_the_default_templates_bands():
    bands = page_bands(None, PLACEHOLDERS)
    [header] = paragraphs(bands.header)
    assert header.text() == "Opgaveudvalg om Innovation\tReferat"
    assert header.tabs == (TabStop(pytest.approx(165, abs=0.01), "right"),)
    assert {(run.points, run.colour, run.family) for run in header.runs} == {(8, "595959", "Arial")}
    [footer] = paragraphs(bands.footer)
    assert (footer.text(3, 12), footer.alignment) == ("Side 3 af 12", "right")
    assert bands.first_header is not None and bands.first_header.is_empty  # w:titlePg
    assert bands.header_on(1) is bands.first_header and bands.header_on(2) is bands.header
    assert bands.footer_on(1).text(1, 12) == "Side 1 af 12"


def test_the_approval_line_comes_with_the_default_footer():
    bands = page_bands(None, {**PLACEHOLDERS, "approved": NOTE})
    for band in bands.footers():
        assert band.text(2, 5) == f"{NOTE} · Side 2 af 5"


def test_page_fields_simple_and_complex_keep_the_text_around_them(tmp_path):
    path = template(tmp_path, footer=[FOOTER_FIELDS], first_page=False)
    bands = page_bands(path, PLACEHOLDERS)
    [footer] = paragraphs(bands.footer)
    assert footer.text(4, 12) == "Side 4 af 12 sider · 27-06-2017"  # DATE keeps Word's result
    assert [run.field for run in footer.runs if run.field] == ["PAGE", "NUMPAGES"]
    assert footer.alignment == "left"  # the paragraph's own, not the style's
    assert bands.first_footer is None and bands.footer_on(1) is bands.footer


def test_a_template_without_the_approval_line_gets_it_on_top_of_its_footer(tmp_path):
    path = template(tmp_path, footer=[FOOTER_FIELDS])  # the first page's footer has it
    bands = page_bands(path, {**PLACEHOLDERS, "approved": NOTE})
    note, fields = paragraphs(bands.footer)
    assert (note.text(), note.alignment, note.runs[0].points) == (NOTE, "right", 8)
    assert fields.text(1, 2).startswith("Side 1 af 2")
    assert bands.footer_on(1).text(1, 2) == f"{NOTE} · Side 1 af 2"
    assert len(page_bands(path, PLACEHOLDERS).footer.blocks) == 1  # no approval, no line


def test_the_placeholders_alignment_and_format_of_a_header(tmp_path):
    header = (
        f"<w:p {nsdecls('w')}><w:pPr><w:pStyle w:val='Header'/><w:jc w:val='center'/>"
        "<w:spacing w:before='120' w:after='240'/></w:pPr>"
        "<w:r><w:rPr><w:b/><w:sz w:val='28'/><w:color w:val='C00000'/></w:rPr>"
        "<w:t xml:space='preserve'>BREVHOVED {{ committee }}</w:t></w:r>"
        "<w:r><w:br/><w:t>{{ long_date }}</w:t></w:r></w:p>"
    )
    bands = page_bands(template(tmp_path, header=[header]), PLACEHOLDERS)
    [paragraph] = paragraphs(bands.header)
    assert paragraph.text() == "BREVHOVED Opgaveudvalg om Innovation\ntirsdag den 27. juni 2017"
    assert (paragraph.alignment, paragraph.before_points, paragraph.after_points) == (
        "center",
        6,
        12,
    )
    bold, plain = paragraph.runs
    assert (bold.bold, bold.points, bold.colour) == (True, 14, "C00000")
    assert (plain.bold, plain.points, plain.colour) == (False, 8, "595959")  # the style's


def test_a_picture_in_the_header(tmp_path):
    document = docx.Document(str(default_template_path()))
    section = document.sections[-1]
    logo = tmp_path / "logo.png"
    logo.write_bytes(png())
    section.header.paragraphs[0].add_run().add_picture(str(logo), width=Mm(40), height=Mm(10))
    path = tmp_path / "logo.docx"
    document.save(str(path))
    [paragraph] = paragraphs(page_bands(path, PLACEHOLDERS).header)
    [picture] = [run.image for run in paragraph.runs if run.image]
    assert picture.data == png()
    assert (picture.width_mm, picture.height_mm) == pytest.approx((40, 10), abs=0.01)
    assert paragraph.text() == "Opgaveudvalg om Innovation\tReferat"  # the picture shows no text


def test_a_table_in_the_header(tmp_path):
    table = (
        f"<w:tbl {nsdecls('w')}><w:tblGrid><w:gridCol w:w='2000'/><w:gridCol w:w='6000'/>"
        "</w:tblGrid><w:tr><w:tc><w:p><w:r><w:t>Gentofte Kommune</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:pPr><w:jc w:val='right'/></w:pPr><w:r><w:t>{{ document }}</w:t></w:r>"
        "</w:p></w:tc></w:tr></w:tbl>"
    )
    bands = page_bands(template(tmp_path, header=[table]), PLACEHOLDERS)
    [found] = bands.header.blocks
    assert isinstance(found, BandTable)
    assert found.widths_mm == pytest.approx((2000 / 56.69, 6000 / 56.69), rel=1e-3)
    [(left, right)] = found.rows
    assert bands.header.text() == "Gentofte Kommune\nReferat"
    assert [paragraphs(Band(cell.blocks))[0].alignment for cell in (left, right)] == [
        "left",
        "right",
    ]


def test_a_first_page_of_its_own(tmp_path):
    first = f"<w:p {nsdecls('w')}><w:r><w:t>FORSIDE {{{{ date }}}}</w:t></w:r></w:p>"
    bands = page_bands(template(tmp_path, first_header=[first]), PLACEHOLDERS)
    assert bands.header_on(1).text() == "FORSIDE 27. juni 2017"
    assert bands.header_on(2).text() == "Opgaveudvalg om Innovation\tReferat"


@pytest.mark.parametrize(
    "header",
    ["{{ unknown }}", "{% for %}", "{{ ''.__class__ }}"],
    ids=["unknown", "syntax", "unsafe"],
)
def test_a_template_that_cannot_be_filled_in_gives_the_default_templates_bands(tmp_path, header):
    paragraph = f"<w:p {nsdecls('w')}><w:r><w:t>{header}</w:t></w:r></w:p>"
    bands = page_bands(template(tmp_path, header=[paragraph]), PLACEHOLDERS)
    assert bands == page_bands(None, PLACEHOLDERS)


def test_the_public_edition_bands_show_only_its_placeholders(tmp_path):
    """The bands know nothing of the items: only the public placeholders reach them."""
    header = f"<w:p {nsdecls('w')}><w:r><w:t>{{{{ title }}}} {{{{ edition }}}}</w:t></w:r></w:p>"
    layout = build_layout(reference_document(), Edition("minutes", public=True))
    bands = page_bands(template(tmp_path, header=[header]), layout.placeholders)
    assert bands.header.text() == f"{layout.title} Offentlig udgave"
