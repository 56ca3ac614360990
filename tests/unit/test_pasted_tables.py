"""Pasted tables (issue 11, point 10): a table stays a table; a table inside a cell, or pasted
into a table, becomes lines of text, and every cell's words survive; merged cells are told."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from secretary_app.core.pasted_tables import PastedTables, prepare_pasted_tables


def tables_as_lines(source: str) -> tuple[str, int]:
    """Pasted into a table: every table becomes lines."""
    pasted = prepare_pasted_tables(source, into_table=True)
    return pasted.html, pasted.flattened


def test_rows_become_paragraphs_and_the_rest_is_left_alone():
    source = "<p>Før <b>fed</b></p><table><tr><th>Konto</th><th>Beløb</th></tr></table><ul>"
    assert tables_as_lines(source) == ("<p>Før <b>fed</b></p><p>Konto | Beløb</p><ul>", 1)


def test_line_breaks_and_tables_inside_a_cell_become_spaces():
    source = "<table><tr><td>Drift<br>og anlæg<table><tr><td>indre</td></tr></table></td></tr>"
    assert tables_as_lines(source) == ("<p>Drift og anlæg indre</p>", 1)


def test_empty_rows_are_left_out_and_text_is_escaped_again():
    source = "<table><tr><td></td></tr><tr><td>a &lt; b &amp; c</td></tr></table>"
    assert tables_as_lines(source) == ("<p>a &lt; b &amp; c</p>", 1)


def test_html_without_tables_is_unchanged():
    source = '<p class="MsoNormal">Tekst <i>kursiv</i><!-- kommentar --></p>'
    assert tables_as_lines(source) == (source, 0)


words = st.text(alphabet="abcæøå123 &<>", min_size=1, max_size=12)


@given(st.lists(st.lists(words, min_size=1, max_size=4), min_size=1, max_size=5))
def test_every_cells_words_are_kept(rows):
    import html

    cells = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    flattened, count = tables_as_lines(f"<table>{cells}</table>")
    text = html.unescape(re.sub(r"<[^>]+>", " ", flattened))
    assert count == 1
    for row in rows:
        for word in " ".join(row).split():
            assert word in text


@given(st.text(max_size=300))
def test_any_text_is_taken(source):
    flattened, count = tables_as_lines(source)
    assert isinstance(flattened, str) and count >= 0


def test_an_outer_table_stays_and_a_table_in_its_cell_becomes_lines():
    source = (
        "<table><tr><td>a<table><tr><td>b</td><td>c</td></tr></table></td><td>d</td></tr>"
        "</table><p>efter</p>"
    )
    assert prepare_pasted_tables(source, into_table=False) == PastedTables(
        "<table><tr><td>a<p>b | c</p></td><td>d</td></tr></table><p>efter</p>", 1, 1, False
    )


def test_a_plain_table_is_kept_as_it_is():
    source = "<table border=1><tr><th>Konto</th></tr><tr><td>Drift &amp; anlæg</td></tr></table>"
    assert prepare_pasted_tables(source, into_table=False) == PastedTables(source, 1, 0, False)


def test_merged_cells_are_told():
    merged = "<table><tr><td colspan=2>I alt</td></tr><tr><td>a</td><td>b</td></tr></table>"
    assert prepare_pasted_tables(merged, into_table=False).merged_cells
    single = "<table><tr><td colspan='1' rowspan=\"1\">a</td></tr></table>"
    assert not prepare_pasted_tables(single, into_table=False).merged_cells


def test_a_caption_and_cells_without_a_row_keep_their_text():
    caption = "<table><caption>Budget 2025</caption><tr><td>a</td></tr></table>"
    assert prepare_pasted_tables(caption, into_table=True).html == "<p>Budget 2025</p><p>a</p>"
    rowless = "<table><td>uden</td><td>række</td></table>"
    assert prepare_pasted_tables(rowless, into_table=True).html == "<p>uden | række</p>"


def test_a_self_closed_table_swallows_nothing():
    assert prepare_pasted_tables("<table/><p>efter</p>", into_table=True).html == "<p>efter</p>"
    inside = "<table><tr><td><table/>i cellen</td></tr></table><p>efter</p>"
    assert "i cellen" in prepare_pasted_tables(inside, into_table=False).html


def test_a_style_sheet_is_passed_on_as_it_is():
    style = "<style><!-- p.x > b {color:red} --></style>"
    assert prepare_pasted_tables(style + "<table></table>", into_table=False).html.startswith(style)
