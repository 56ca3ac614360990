"""Tables in an item's text (issue 11, point 10: "Paste from Word keeps tables") are real Word
tables in the documents: every cell's text and formats, thin lines all round, the header row
repeated on every page, indented under a list item, and never joined to the next table."""

from __future__ import annotations

import dataclasses
import subprocess

import docx
from docx.oxml.ns import qn
from docx.shared import Length
from sample_documents import meeting_with_closed_item
from word_test_support import body_tables, reader_lines, to_pdf

from secretary_app.export.layout import Edition, build_layout
from secretary_app.export.word import write_docx
from secretary_app.export.word_tables import COLUMN_WEIGHT, column_widths

BUDGET = (
    "Budgettet for 2025:\n\n"
    "| Konto | Tekst | Beløb (kr.) |\n| --- | --- | --- |\n"
    "| 1.01 | Drift af **rådhuset**<br>og vedligehold | 1.200.000 |\n"
    "| 2.02 | Anlæg \\| nyt | 3.400.000 |"
)
VOTES = "| Stemmer | Antal |\n| --- | --- |\n| For | 7 |\n\n| Imod | 2 |\n| --- | --- |"
IN_A_LIST = "- Tal:\n\n  | a | b |\n  | --- | --- |\n  | c | d |"


def export(tmp_path, sections, edition=Edition("minutes")):
    doc = meeting_with_closed_item()
    item, attachments = doc.items[0]
    item = dataclasses.replace(item, sections=sections)
    doc = dataclasses.replace(doc, items=[(item, attachments), *doc.items[1:]])
    target = tmp_path / "ud.docx"
    write_docx(build_layout(doc, edition), target)
    return target


def text_tables(path):
    """The body's tables but the header block (the first) and the signature sheet (the last)."""
    return body_tables(docx.Document(str(path)))[1:-1]


def test_a_table_in_an_items_text_is_a_word_table_with_its_cells(tmp_path):
    path = export(tmp_path, {"resume": BUDGET})
    (table,) = text_tables(path)
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["Konto", "Tekst", "Beløb (kr.)"],
        ["1.01", "Drift af rådhuset\nog vedligehold", "1.200.000"],
        ["2.02", "Anlæg | nyt", "3.400.000"],
    ]
    runs = table.rows[1].cells[1].paragraphs[0].runs
    assert [(run.text, bool(run.bold)) for run in runs] == [
        ("Drift af ", False),
        ("rådhuset", True),
        ("\nog vedligehold", False),
    ]
    assert "Budgettet for 2025:" in reader_lines(path)


def test_the_table_has_lines_all_round_and_repeats_its_header_row(tmp_path):
    (table,) = text_tables(export(tmp_path, {"resume": BUDGET}))
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    sides = {child.tag.split("}")[1]: child.get(qn("w:val")) for child in borders}
    assert sides == dict.fromkeys(
        ["top", "left", "bottom", "right", "insideH", "insideV"], "single"
    )
    header, *body = table.rows
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None for row in body)


def test_the_columns_fill_the_text_width_and_follow_their_text(tmp_path):
    path = export(tmp_path, {"resume": BUDGET})
    document = docx.Document(str(path))
    (table,) = text_tables(path)
    section = document.sections[-1]
    width = Length(section.page_width - section.left_margin - section.right_margin).twips
    grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.iterchildren(qn("w:gridCol"))]
    assert sum(grid) == width
    assert grid[1] > grid[2] > grid[0]  # "Drift af rådhuset og vedligehold" is the longest


def test_column_widths_stay_within_bounds():
    low, high = COLUMN_WEIGHT
    assert column_widths([0, 1000], 4300) == [4300 * low // (low + high), 4300 - 4300 * low // 43]
    assert sum(column_widths([5, 7, 11], 9000)) == 9000
    assert column_widths([3], 100) == [100]


def test_two_tables_in_a_row_stay_two_tables(tmp_path):
    tables = text_tables(export(tmp_path, {"beslutning": VOTES}))
    assert [[cell.text for cell in row.cells] for t in tables for row in t.rows] == [
        ["Stemmer", "Antal"],
        ["For", "7"],
        ["Imod", "2"],
    ]
    assert len(tables) == 2
    assert tables[0]._tbl.getnext().tag == qn("w:p")


def test_a_table_in_a_list_item_stands_under_the_items_text(tmp_path):
    (table,) = text_tables(export(tmp_path, {"resume": IN_A_LIST}))
    indent = table._tbl.tblPr.find(qn("w:tblInd"))
    assert indent is not None and int(indent.get(qn("w:w"))) > 0


def test_a_closed_items_table_is_not_in_the_public_minutes(tmp_path):
    doc = meeting_with_closed_item()
    closed, attachments = doc.items[1]
    sections = {**closed.sections, "resume": "| HEMMELIGTABEL |\n| --- |\n| x |"}
    closed = dataclasses.replace(closed, sections=sections)
    doc = dataclasses.replace(doc, items=[doc.items[0], (closed, attachments), doc.items[2]])
    target = tmp_path / "offentlig.docx"
    write_docx(build_layout(doc, Edition("minutes", public=True)), target)
    assert not any("HEMMELIGTABEL" in line for line in reader_lines(target))


def test_laid_out_by_libreoffice_every_cell_is_on_the_page(tmp_path):
    pdf = to_pdf(export(tmp_path, {"resume": BUDGET, "beslutning": VOTES}))
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for words in ("Konto", "Beløb (kr.)", "rådhuset", "og vedligehold", "Anlæg | nyt", "Imod"):
        assert words in text


def nested(depth: int, markdown: str) -> str:
    """`markdown` in a list item `depth` lists deep."""
    lines = [f"{'  ' * level}- niveau {level + 1}" for level in range(depth)]
    body = "\n".join("  " * depth + line for line in markdown.splitlines())
    return "\n".join(lines) + "\n\n" + body


def test_a_table_deep_in_lists_stays_on_the_page_with_positive_widths(tmp_path):
    """Word numbers nine levels: deeper lists are written at the ninth, and the table's indent
    never takes more than half the text width (found by review: negative widths, table gone)."""
    path = export(
        tmp_path, {"resume": nested(30, "| meget dyb | tabel |\n| --- | --- |\n| a | b |")}
    )
    document = docx.Document(str(path))
    (table,) = text_tables(path)
    widths = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.iterchildren(qn("w:gridCol"))]
    indent = int(table._tbl.tblPr.find(qn("w:tblInd")).get(qn("w:w")))
    assert all(width > 0 for width in widths)
    section = document.sections[-1]
    text_width = Length(section.page_width - section.left_margin - section.right_margin).twips
    assert indent <= text_width // 2 and sum(widths) + indent == text_width
    levels = {int(level.get(qn("w:val"))) for level in document.element.body.iter(qn("w:ilvl"))}
    assert max(levels) <= 8
    text = subprocess.run(
        ["pdftotext", "-layout", str(to_pdf(path)), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "meget dyb" in text and "niveau 30" in text
