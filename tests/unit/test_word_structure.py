"""The structure of the Word documents since issue 9, read back from the .docx: the header block
as a borderless table of label and value cells, the table of contents as a TOC field of links
to bookmarked item headings, the attachments on a numbered list whose label reads "Bilag N:",
and the signature sheet (underskriftsark) as a table with a line to sign on for each member
present."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import docx
import pytest
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Length
from sample_documents import meeting_with_closed_item, reference_document
from word_test_support import (
    ListLabels,
    body_lines,
    body_tables,
    numbering_of,
    reader_lines,
    soffice,
    to_pdf,
)

from secretary_app.core.model import Attachment
from secretary_app.core.record import Approval
from secretary_app.export.layout import Edition, build_layout
from secretary_app.export.word import write_docx

MINUTES = Edition("minutes")
PUBLIC_MINUTES = Edition("minutes", public=True)
HEADER_ROWS = [
    ["Mødetidspunkt:", "tirsdag den 4. marts 2025 kl. 16.00-18.30"],
    ["Mødested:", "Rådssalen"],
    ["Protokollen blev læst og mødet hævet kl.:", "18.25"],
    ["Tilstede:", "Anne Andersen og Carl Ceder"],
    ["Fraværende:", "Bo Berg (stedfortræder: Carl Ceder)"],
]
HEADINGS = ["1 (Åben) Godkendelse af dagsorden", "2 (Lukket) Salg af ejendom", "3 (Åben) Eventuelt"]
APPROVED_BY = "Godkendt 11. marts 2025 af Anne Andersen og Carl Ceder"


def approved_meeting(approved: bool = True):
    """meeting_with_closed_item (Anne Andersen present, Bo Berg away, Carl Ceder his substitute),
    ended at 18.25, its minutes approved by the two who were there."""
    doc = meeting_with_closed_item()
    doc.meeting.ended_at = dt.time(18, 25)
    if approved:
        doc.approval = Approval(0, dt.date(2025, 3, 11), ["Anne Andersen", "Carl Ceder"])
    return doc


def export(tmp_path, doc=None, edition=MINUTES, contents_pages=None, name="ud.docx", template=None):
    target = tmp_path / name
    layout = build_layout(doc or approved_meeting(), edition)
    write_docx(layout, target, template, contents_pages=contents_pages)
    return target


def opened(path) -> docx.document.Document:
    return docx.Document(str(path))


def text_width(document) -> int:
    """Twips between the margins of the body's section."""
    section = document.sections[-1]
    return Length(section.page_width - section.left_margin - section.right_margin).twips


def grid_widths(table) -> list[int]:
    return [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.iterchildren(qn("w:gridCol"))]


def cell_width(cell) -> int:
    return int(cell._tc.tcPr.find(qn("w:tcW")).get(qn("w:w")))


def bottom_border(cell) -> str | None:
    borders = cell._tc.tcPr.find(qn("w:tcBorders"))
    bottom = None if borders is None else borders.find(qn("w:bottom"))
    return None if bottom is None else bottom.get(qn("w:val"))


def keeps_with_next(paragraph) -> bool:
    properties = paragraph._p.pPr
    return properties is not None and properties.find(qn("w:keepNext")) is not None


def rows_of(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


# --- the header block -----------------------------------------------------------------------


def test_the_header_block_is_one_table_of_label_and_value_cells(tmp_path):
    document = opened(export(tmp_path))
    header = body_tables(document)[0]
    assert rows_of(header) == HEADER_ROWS
    lines = body_lines(document)
    assert lines[0].text == "Referat af møde i Økonomiudvalget"
    assert [line.text for line in lines[1:6]] == ["\t".join(row) for row in HEADER_ROWS]
    assert all(line.row is not None for line in lines[1:6])  # table rows, right after the title
    assert not any(p.text.startswith(("Mødested", "Tilstede")) for p in document.paragraphs)
    for row in header.rows:
        label, value = row.cells
        assert [run.bold for p in label.paragraphs for run in p.runs] == [True]
        assert not any(run.bold for p in value.paragraphs for run in p.runs)
        # no tab: the value's column puts it in its place, whatever the label's length
        assert not list(label.paragraphs[0].paragraph_format.tab_stops)
        assert "\t" not in label.text + value.text


def test_the_header_blocks_label_column_is_narrower_than_its_value_column(tmp_path):
    document = opened(export(tmp_path))
    header = body_tables(document)[0]
    label, value = grid_widths(header)
    assert 0 < label < value
    assert label + value == text_width(document)  # the table fills the text width, no more
    assert header._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    for row in header.rows:
        assert [cell_width(cell) for cell in row.cells] == [label, value]


def test_the_header_block_has_no_borders_whatever_the_templates_table_style(tmp_path):
    """Every side "nil" on the table itself: a template whose default table style draws a grid
    does not draw one around the header block."""
    template = tmp_path / "gitter.docx"
    document = docx.Document()
    document.add_paragraph("{{ content }}")
    default = next(
        s
        for s in document.styles.element.iterchildren(qn("w:style"))
        if s.get(qn("w:type")) == "table" and s.get(qn("w:default")) == "1"
    )
    grid = "".join(
        f'<w:{side} w:val="single" w:sz="8" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    default.append(
        parse_xml(f"<w:tblPr {nsdecls('w')}><w:tblBorders>{grid}</w:tblBorders></w:tblPr>")
    )
    document.save(str(template))
    header = body_tables(opened(export(tmp_path, template=template)))[0]
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    sides = {child.tag.split("}")[1]: child.get(qn("w:val")) for child in borders}
    assert sides == dict.fromkeys(("top", "left", "bottom", "right", "insideH", "insideV"), "nil")
    assert not list(header._tbl.iter(qn("w:tcBorders")))


def test_the_header_block_follows_the_templates_text_width(tmp_path):
    template = tmp_path / "smal.docx"
    source = docx.Document()
    source.add_paragraph("{{ content }}")
    section = source.sections[0]
    section.left_margin = section.right_margin = Cm(4)
    source.save(str(template))
    target = tmp_path / "ud.docx"
    write_docx(build_layout(approved_meeting(), MINUTES), target, template)
    document = opened(target)
    header = body_tables(document)[0]
    assert sum(grid_widths(header)) == text_width(document)
    assert rows_of(header) == HEADER_ROWS


needs_libreoffice = pytest.mark.skipif(
    soffice() is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and poppler-utils (pdftotext) are not installed; "
    "CI installs them (.ci/run)",
)


def word_boxes(pdf) -> list[tuple[str, float, float, float]]:
    """(word, xMin, xMax, yMin) of each word on the first page, from pdftotext -bbox."""
    result = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
        check=True,
        capture_output=True,
        timeout=60,
    )
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>'
    return [
        (word, float(x_min), float(x_max), float(y_min))
        for x_min, y_min, x_max, word in re.findall(pattern, result.stdout.decode("utf-8"))
    ]


@needs_libreoffice
def test_laid_out_the_values_start_in_one_column_right_of_every_label(tmp_path):
    """The long label "Protokollen blev læst og mødet hævet kl.:" wraps in its own cell: its
    value and every other value start at the same place, right of all the labels' words."""
    boxes = word_boxes(to_pdf(export(tmp_path)))
    value_words = {word for _, value in HEADER_ROWS for word in value.split()}
    label_words = {word for label, _ in HEADER_ROWS for word in label.split()} - value_words
    firsts = [value.split()[0] for _, value in HEADER_ROWS]
    top = next(y for word, _, _, y in boxes if word == "Mødetidspunkt:")
    bottom = next(y for word, _, _, y in boxes if word == "Fraværende:")
    block = [box for box in boxes if top - 1 <= box[3] <= bottom + 1]
    starts = [next(x for word, x, _, _ in block if word == first) for first in firsts]
    assert max(starts) - min(starts) < 0.5, starts
    labels_end = max(x_max for word, _, x_max, _ in block if word in label_words)
    assert labels_end < min(starts)
    protokol = [y for word, _, _, y in block if word in ("Protokollen", "kl.:")]
    assert len(protokol) == 2 and protokol[1] > protokol[0]  # wrapped onto a second line


# --- the table of contents ------------------------------------------------------------------


def contents_entries(document):
    return [p for p in document.paragraphs if p.style.name == "toc 1"]


def item_headings(document):
    return [p for p in document.paragraphs if p.style.name == "Heading 1"]


def field_chars(paragraphs) -> list[tuple[str, str | None]]:
    return [
        (char.get(qn("w:fldCharType")), char.get(qn("w:dirty")))
        for p in paragraphs
        for char in p._p.iter(qn("w:fldChar"))
    ]


def test_item_headings_carry_bookmarks_in_order(tmp_path):
    document = opened(export(tmp_path))
    headings = item_headings(document)
    assert [p.text for p in headings] == HEADINGS
    starts = [p._p.find(qn("w:bookmarkStart")) for p in headings]
    assert [start.get(qn("w:name")) for start in starts] == ["_TocSekr1", "_TocSekr2", "_TocSekr3"]
    ids = [start.get(qn("w:id")) for start in starts]
    assert len(set(ids)) == 3
    ends = [p._p.find(qn("w:bookmarkEnd")).get(qn("w:id")) for p in headings]
    assert ends == ids
    body = document.element.body
    names = [b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))]
    assert [name for name in names if name.startswith("_TocSekr")] == [
        "_TocSekr1",
        "_TocSekr2",
        "_TocSekr3",
    ]


def test_the_contents_are_a_toc_field_of_links_to_the_headings(tmp_path):
    document = opened(export(tmp_path))
    entries = contents_entries(document)
    assert [p.text for p in entries] == HEADINGS  # no page numbers: none were given
    anchors = [p._p.find(qn("w:hyperlink")).get(qn("w:anchor")) for p in entries]
    bookmarks = [
        p._p.find(qn("w:bookmarkStart")).get(qn("w:name")) for p in item_headings(document)
    ]
    assert anchors == bookmarks
    for entry, heading in zip(entries, HEADINGS, strict=True):
        link = entry._p.find(qn("w:hyperlink"))
        assert "".join(t.text for t in link.iter(qn("w:t"))) == heading
    instruction = "".join(t.text for p in entries for t in p._p.iter(qn("w:instrText")))
    assert 'TOC \\o "1-1"' in instruction
    # Word fills in the page numbers when it opens the document: the field is marked dirty.
    assert field_chars(entries) == [("begin", "true"), ("separate", None), ("end", None)]
    first = list(entries[0]._p)
    kinds = [child.tag for child in first]
    assert kinds.index(qn("w:hyperlink")) > max(
        i for i, child in enumerate(first) if child.find(qn("w:fldChar")) is not None
    )  # begin, instruction, separate: all before the first link
    last = list(entries[-1]._p)
    assert last[-1].find(qn("w:fldChar")).get(qn("w:fldCharType")) == "end"


def test_each_contents_entry_has_a_right_tab_with_leader_dots_at_the_margin(tmp_path):
    document = opened(export(tmp_path))
    for entry in contents_entries(document):
        (tab,) = entry.paragraph_format.tab_stops
        assert tab.alignment == WD_TAB_ALIGNMENT.RIGHT
        assert tab.leader == WD_TAB_LEADER.DOTS
        assert tab.position.twips == text_width(document)


def test_page_numbers_given_stand_after_the_tab_and_the_field_is_not_dirty(tmp_path):
    document = opened(export(tmp_path, contents_pages=[2, 2, 3]))
    entries = contents_entries(document)
    assert [p.text for p in entries] == [
        f"{h}\t{n}" for h, n in zip(HEADINGS, [2, 2, 3], strict=True)
    ]
    assert field_chars(entries) == [("begin", None), ("separate", None), ("end", None)]
    # the headings are as they were: the numbers are only in the contents
    assert [p.text for p in item_headings(document)] == HEADINGS


def test_the_reference_contents_without_page_numbers(tmp_path):
    document = opened(export(tmp_path, reference_document(), name="reference.docx"))
    entries = contents_entries(document)
    assert [p.text for p in entries] == [p.text for p in item_headings(document)]
    assert field_chars(entries)[0] == ("begin", "true")


# --- attachments ----------------------------------------------------------------------------


def attachment_paragraphs(document):
    """The paragraphs under each "Bilag" heading, up to the next heading: one list per item."""
    lists, current = [], None
    for paragraph in document.paragraphs:
        if paragraph.style.name.startswith("Heading"):
            current = [] if paragraph.text == "Bilag" else None
            if current is not None:
                lists.append(current)
        elif current is not None:
            current.append(paragraph)
    return lists


def test_attachments_are_a_real_list_numbered_bilag_n(tmp_path):
    doc = approved_meeting()
    item, attachments = doc.items[0]
    doc.items[0] = (item, [*attachments, Attachment(0, "Budget 2026", position=1)])
    path = export(tmp_path, doc)
    document = opened(path)
    labels = ListLabels(document)
    lists = attachment_paragraphs(document)
    assert [[p.text for p in paragraphs] for paragraphs in lists] == [
        ["Offentligt bilag", "Budget 2026"],  # the number is Word's, not typed
        ["HEMMELIGBILAG om prisen"],
        ["IKKEOFFENTLIGTBILAG"],
    ]
    num_ids = []
    for paragraphs in lists:
        numbering = {numbering_of(p) for p in paragraphs}
        assert len(numbering) == 1 and None not in numbering  # one list per item
        ((num_id, level),) = numbering
        definition = labels.levels[(num_id, level)]
        assert (level, definition.text, definition.number_format) == (0, "Bilag %1:", "decimal")
        assert definition.start == 1
        assert all(p.style.name == "List Paragraph" for p in paragraphs)
        num_ids.append(num_id)
    assert len(set(num_ids)) == 3  # each item's list counts from 1
    lines = reader_lines(path)
    assert [line for line in lines if line.startswith("Bilag ")] == [
        "Bilag 1: Offentligt bilag",
        "Bilag 2: Budget 2026",
        "Bilag 1: HEMMELIGBILAG om prisen",
        "Bilag 1: IKKEOFFENTLIGTBILAG",
    ]


def test_an_item_without_attachments_has_no_bilag_heading(tmp_path):
    # In public, the third item's only attachment is not public, and the closed second item
    # shows only its decision: a "Bilag" under the first item only.
    document = opened(export(tmp_path, edition=PUBLIC_MINUTES))
    lines = [(p.style.name, p.text) for p in document.paragraphs]
    third = lines[lines.index(("Heading 1", "3 (Åben) Eventuelt")) :]
    assert ("Heading 2", "Bilag") not in third
    assert [[p.text for p in ps] for ps in attachment_paragraphs(document)] == [
        ["Offentligt bilag"]
    ]
    reference = opened(export(tmp_path, reference_document(), name="reference.docx"))
    assert "Bilag" not in [p.text for p in reference.paragraphs]


# --- the signature sheet --------------------------------------------------------------------


def signature_sheet(document):
    """The lines from the "Underskrifter" heading on, and the sheet's table."""
    lines = body_lines(document)
    at = [line.text for line in lines].index("Underskrifter")
    return lines[at:], body_tables(document)[-1]


def test_the_signature_sheet_is_a_table_with_a_row_for_each_member_present(tmp_path):
    document = opened(export(tmp_path))
    lines, table = signature_sheet(document)
    heading, approved = lines[0], lines[1]
    assert heading.style == "Heading 2" and heading.row is None
    assert (approved.text, approved.row) == (APPROVED_BY, None)
    assert rows_of(table) == [
        ["Navn", "Underskrift"],
        ["Anne Andersen", ""],
        ["Carl Ceder", ""],
    ]
    assert [line.text for line in lines[2:]] == [
        "Navn\tUnderskrift",
        "Anne Andersen\t",
        "Carl Ceder\t",
    ]
    assert document.element.body[-2] is table._tbl  # the last of the body (before sectPr)
    header, *signers = table.rows
    assert all(run.bold for cell in header.cells for p in cell.paragraphs for run in p.runs)
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    for row in signers:
        name, line = row.cells
        assert bottom_border(line) == "single"  # the line to sign on
        assert bottom_border(name) is None
        assert line.text == ""
    assert not any("____" in line.text for line in body_lines(document))
    name_width, line_width = grid_widths(table)
    assert name_width + line_width == text_width(document)


def test_the_signature_sheet_holds_together_on_one_page(tmp_path):
    document = opened(export(tmp_path))
    lines, table = signature_sheet(document)
    assert keeps_with_next(lines[0].paragraph) and keeps_with_next(lines[1].paragraph)
    rows = table.rows
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in rows)
    for row in rows[:-1]:
        assert all(keeps_with_next(p) for cell in row.cells for p in cell.paragraphs)


def test_minutes_not_approved_have_the_sheet_without_the_approvers_line(tmp_path):
    document = opened(export(tmp_path, approved_meeting(approved=False)))
    lines, table = signature_sheet(document)
    assert [line.text for line in lines] == [
        "Underskrifter",
        "Navn\tUnderskrift",
        "Anne Andersen\t",
        "Carl Ceder\t",
    ]
    assert not any(line.text.startswith("Godkendt") for line in body_lines(document))


def test_the_public_minutes_and_the_agenda_have_no_signature_sheet(tmp_path):
    for edition in (PUBLIC_MINUTES, Edition("agenda")):
        document = opened(export(tmp_path, edition=edition, name=f"{edition.kind}.docx"))
        texts = [line.text for line in body_lines(document)]
        assert "Underskrifter" not in texts and APPROVED_BY not in texts
        assert not any(text.startswith("Navn\t") for text in texts)
        assert len(body_tables(document)) == 1  # the header block only
