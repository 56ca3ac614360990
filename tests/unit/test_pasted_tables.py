"""Pasted tables kept as lines of text (issue 11, point 10): every cell's words survive."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from secretary_app.core.pasted_tables import tables_as_lines


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
