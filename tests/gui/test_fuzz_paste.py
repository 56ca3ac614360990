"""Pasting any HTML into an item's text (issue 10, "Proven by tests that try").

Hypothesis builds HTML fragments from a small grammar of what Word, browsers and mail programs
put on the clipboard: paragraphs, lists, tables, spans with styles, Word's conditional
comments and `<o:p>`, `<script>` and `<style>`, comments, character references of control
characters, attributes of 100,000 characters, elements nested 200 deep, long words, tags left
open or closed twice. Each is pasted (clipboard, Ctrl+V's `paste()`) into the Resumé of an item
in the window. The window does not fail; the Markdown it stores is text the archive and the
exchange format take as it is (no control characters, nothing `clean_text` would change); it is
stored word for word, and shown again (another item chosen, then this one) the editor reads the
same Markdown back.
"""

from __future__ import annotations

import re

from gui_support import choose_row
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication

from secretary_app.core.rich_text import parse_markdown
from secretary_app.core.text import clean_text

FIELD = "section:resume"
# Characters XML 1.0 refuses (python-docx raises on them) or that are no characters at all.
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

words = st.one_of(
    st.integers(60, 300).map(lambda n: "w" * n),  # a web address, a word of Word's own
    st.text(
        st.sampled_from(list("abc æøåÆØÅ*_#`\\-+1.)>|~[]!\t\n\u00a0\u2028\u2029\u200b")), max_size=8
    ),
    st.sampled_from(
        [
            "&amp;",
            "&lt;b&gt;",
            "&nbsp;",
            "&#11;",
            "&#12;",
            "&#0;",
            "&#x1;",
            "&#xD800;",
            "&#xFFFE;",
            "&#x202E;",
            "&#x85;",
            "&#x1F600;",
            "&bogus;",
            "https://example.org/" + "sti/" * 30,
            "x" * 150,
            "Æ" * 90,
            "1. ",
            "- ",
            "**",
            "\\",
        ]
    ),
)
STYLES = [
    "font-weight:bold",
    "font-weight:700",
    "font-style:italic",
    "text-decoration:underline",
    "mso-list:l0 level1 lfo1",
    "font-size:900pt",
    "margin-left:-5000px",
    "display:none",
    "color:#ff0000;background:url(javascript:alert(1))",
    "x" * 100_000,
]
attributes = st.one_of(
    st.just(""),
    st.sampled_from(STYLES).map(lambda style: f' style="{style}"'),
    st.sampled_from(
        ['class="MsoListParagraph"', 'lang="da"', 'dir="rtl"', 'title="' + "t" * 100_000 + '"']
    ).map(lambda attribute: f" {attribute}"),
)
INLINE = ["b", "i", "u", "strong", "em", "span", "font", "a", "sup", "s", "code", "o:p"]
BLOCKS = ["p", "div", "h1", "h3", "blockquote", "pre", "li", "td", "th"]
WRAPS = ["ul", "ol", "table", "tr", "tbody"]


def element(tag: str, inner: str, attribute: str) -> str:
    return f"<{tag}{attribute}>{inner}</{tag}>"


def fragments(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    tags = st.sampled_from(INLINE + BLOCKS + WRAPS)
    many = st.lists(children, max_size=3).map("".join)
    return st.one_of(
        st.builds(element, tags, many, attributes),
        many,
        st.builds(lambda inner: f"<br>{inner}<br/>", many),
        st.builds(lambda tag, inner: f"<{tag}>{inner}", tags, many),  # left open
        st.builds(lambda tag, inner: f"{inner}</{tag}></{tag}>", tags, many),  # closed twice
    )


oddities = st.sampled_from(
    [
        "<!-- kommentar -->",
        "<!--[if !supportLists]--><span>1.<span>   </span></span><!--[endif]-->",
        "<![if !supportLists]>·<![endif]>",
        "<script>alert('x')</script>",
        "<style>p { color: red }</style>",
        "<img src='logo.png' alt='logo'>",
        "<meta charset='utf-8'><title>Titel</title>",
        "<table><tr><td>a</td><td>b</td></tr><tr><td colspan=9999>c</td></tr></table>",
        "<ol start=-5><li>a</li></ol>",
        "<ol start=999999999999><li>b</li></ol>",
        "<ul><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li></ul>",
        "<span>" * 200 + "dybt" + "</span>" * 200,
        "<ul><li>" * 200 + "dybt" + "</li></ul>" * 200,
        "<div>" * 200 + "dybt" + "</div>" * 200,
        "<blockquote>" * 200 + "dybt",
        "<p>" + "a " * 20_000 + "</p>",
        "<html><body><!--StartFragment-->x<!--EndFragment--></body></html>",
    ]
)
html_fragments = st.recursive(words | oddities, fragments, max_leaves=12)


def paste(window, html: str) -> None:
    """Select all of the Resumé and paste `html` over it, as Ctrl+V does."""
    edit = window.item_editor.rich_edit(FIELD).text_edit
    edit.setFocus()
    edit.selectAll()
    mime = QMimeData()
    mime.setHtml(html)
    mime.setText(re.sub(r"<[^>]*>", "", html))
    QApplication.clipboard().setMimeData(mime)
    edit.paste()
    window.item_editor.flush()


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(html=html_fragments)
@example(html="<p>" + "x" * 150 + "</p>")
def test_any_pasted_html_is_stored_as_clean_markdown_and_reads_back_the_same(
    qtbot, window, meeting, disk, html
):
    choose_row(qtbot, window, 1)
    paste(window, html)
    shown = window.item_editor.rich_edit(FIELD).markdown()
    stored = disk.items.get(window.agenda_model.item_at(1).id).text("resume")
    assert stored == shown
    assert NOT_IN_XML.search(stored) is None
    assert clean_text(stored) == stored  # what the exchange format would take as it is
    parse_markdown(stored)
    choose_row(qtbot, window, 0)
    choose_row(qtbot, window, 1)
    assert window.item_editor.rich_edit(FIELD).markdown() == stored


def test_word_html_with_control_characters_is_cleaned_when_pasted(qtbot, window, meeting, disk):
    """Shift+Enter and page breaks from Word arrive as character references."""
    choose_row(qtbot, window, 1)
    paste(window, "<p>før&#11;efter&#12;side&#0;slut</p>")
    stored = disk.items.get(window.agenda_model.item_at(1).id).text("resume")
    assert NOT_IN_XML.search(stored) is None
    assert "før" in stored and "slut" in stored


def test_a_pasted_long_word_reads_back_the_same(qtbot, window, meeting, disk):
    """A web address of 150 characters, pasted, stored, shown again: not a character added."""
    choose_row(qtbot, window, 1)
    paste(window, "<p>Se https://example.org/" + "sti/" * 30 + " for mere</p>")
    stored = disk.items.get(window.agenda_model.item_at(1).id).text("resume")
    choose_row(qtbot, window, 0)
    choose_row(qtbot, window, 1)
    assert window.item_editor.rich_edit(FIELD).markdown() == stored
    window.item_editor.flush()
    assert disk.items.get(window.agenda_model.item_at(1).id).text("resume") == stored


WORD_TABLE = (
    "<p>Budgettet:</p>"
    "<table class=MsoTableGrid border=1><tr><td><p><b>Konto</b></p></td><td>Beløb</td></tr>"
    "<tr><td>Drift<br>og anlæg</td><td>1.200</td></tr>"
    "<tr><td colspan=2>I alt 1.200</td></tr></table>"
    "<p>Indstillingen tiltrædes.</p>"
)


def test_a_pasted_word_table_stays_a_table_and_merged_cells_are_told(qtbot, window, meeting, disk):
    """Nothing that was on screen silently disappears: the table is stored as a table, every
    cell's text in it, and the merged cell that comes apart is told."""
    choose_row(qtbot, window, 1)
    told = []
    edit = window.item_editor.rich_edit(FIELD)
    edit.text_edit.tablesAdjusted.connect(told.append)
    paste(window, WORD_TABLE)

    expected = (
        "Budgettet:\n\n| **Konto** | Beløb |\n| --- | --- |\n| Drift<br>og anlæg | 1.200 |\n"
        "| I alt 1.200 |  |\n\nIndstillingen tiltrædes."
    )
    assert edit.markdown() == expected
    assert [(t.kept, t.flattened, t.merged_cells) for t in told] == [(1, 0, True)]
    window.item_editor.flush()
    assert disk.items.get(window.agenda_model.item_at(1).id).text("resume") == expected
    choose_row(qtbot, window, 0)
    choose_row(qtbot, window, 1)
    assert edit.markdown() == expected
    assert len(edit.text_edit.document().rootFrame().childFrames()) == 1  # a table on screen


def test_a_table_pasted_into_a_table_becomes_lines_and_says_so(qtbot, window, meeting, disk):
    choose_row(qtbot, window, 1)
    edit = window.item_editor.rich_edit(FIELD)
    paste(window, "<table><tr><td>a</td><td>b</td></tr></table>")
    told = []
    edit.text_edit.tablesAdjusted.connect(told.append)
    text_edit = edit.text_edit
    table = text_edit.document().rootFrame().childFrames()[0]
    text_edit.setTextCursor(table.cellAt(0, 1).lastCursorPosition())
    mime = QMimeData()
    mime.setHtml("<table><tr><td>x</td><td>y</td></tr></table>")
    text_edit.insertFromMimeData(mime)
    window.item_editor.flush()
    assert [(t.kept, t.flattened) for t in told] == [(0, 1)]
    assert disk.items.get(window.agenda_model.item_at(1).id).text("resume") == (
        "| a | bx \\| y |\n| --- | --- |"
    )
