"""Rich text in the editor's QTextDocument: the tree goes in and comes back out unchanged,
and what Word pastes is reduced to bold, italic, underline, lists and line breaks."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QFont, QTextBlock, QTextCursor, QTextDocument, QTextListFormat
from PySide6.QtWidgets import QApplication

from secretary_app.core.rich_text import (
    Block,
    ListBlock,
    ListItem,
    Paragraph,
    RichText,
    Span,
    Table,
    normalise,
    to_markdown,
)
from secretary_app.ui.rich_text_document import (
    LINE_SEPARATOR,
    document_from_rich_text,
    markdown_from_document,
    rich_text_from_document,
    set_document_markdown,
)

Style = QTextListFormat.Style


def para(*parts: str | Span) -> Paragraph:
    return Paragraph(tuple(Span(part) if isinstance(part, str) else part for part in parts))


def items(*contents: Block | tuple[Block, ...]) -> tuple[ListItem, ...]:
    return tuple(ListItem(c if isinstance(c, tuple) else (c,)) for c in contents)


def blocks_of(document: QTextDocument) -> list[QTextBlock]:
    found, block = [], document.begin()
    while block.isValid():
        found.append(block)
        block = block.next()
    return found


def round_trip(doc: RichText) -> RichText:
    document = QTextDocument()
    document_from_rich_text(doc, document)
    return rich_text_from_document(document)


AGENDA = (
    para("Dagsordenen for mødet er:"),
    ListBlock(
        True,
        items(
            para("Kl. 17.00 - Velkomst og mødets program v/Marie Louise"),
            (
                para("Projektstatus fra de 3 projektgrupper i plenum"),
                ListBlock(True, items(para("Forberedelse"), para("5 min. pitch"))),
            ),
            para("Medlemmerne fordeles i 2 arbejdsspor\n1. spor - Borgere\n2. spor - Politikere"),
        ),
    ),
)


@pytest.mark.parametrize(
    "doc",
    [
        (),
        AGENDA,
        (para("Mødet ", Span("af", bold=True), "lyses ", Span("nu", italic=True, underline=True)),),
        (para("  indrykket\ttab\n\nefter tom linje"),),
        (ListBlock(False, items((para("a"), para("andet afsnit"), para("tredje")), para("b"))),),
        (
            ListBlock(
                False,
                items((ListBlock(True, items(para("dybere")), start=4),), (para("x"),)),
            ),
            ListBlock(False, items(para("ny liste"))),
            para("efter"),
        ),
        (
            ListBlock(
                True,
                items(
                    (
                        para("1"),
                        ListBlock(False, items((para("2"), ListBlock(True, items(para("3")))))),
                        para("tilbage på niveau 1"),
                    )
                ),
                start=7,
            ),
        ),
    ],
)
def test_doc_survives_the_editor(qapp: QApplication, doc: RichText) -> None:
    assert normalise(doc) == doc
    assert round_trip(doc) == doc


def test_document_shape(qapp: QApplication) -> None:
    document = QTextDocument()
    document_from_rich_text(AGENDA, document)
    blocks = blocks_of(document)
    assert blocks[-1].text() == LINE_SEPARATOR.join(
        ["Medlemmerne fordeles i 2 arbejdsspor", "1. spor - Borgere", "2. spor - Politikere"]
    )
    lists = [block.textList() for block in blocks]
    assert lists[0] is None
    shapes = [(tl.format().style(), tl.format().indent()) for tl in lists[1:] if tl is not None]
    assert shapes == [
        (Style.ListDecimal, 1),
        (Style.ListDecimal, 1),
        (Style.ListLowerAlpha, 2),
        (Style.ListLowerAlpha, 2),
        (Style.ListDecimal, 1),
    ]


def test_bullet_styles_by_level(qapp: QApplication) -> None:
    deep = ListBlock(
        False,
        items(
            (para("1"), ListBlock(False, items((para("2"), ListBlock(False, items(para("3")))))))
        ),
    )
    document = QTextDocument()
    document_from_rich_text((deep,), document)
    styles = [block.textList().format().style() for block in blocks_of(document)]
    assert styles == [Style.ListDisc, Style.ListCircle, Style.ListSquare]


def test_char_formats(qapp: QApplication) -> None:
    document = QTextDocument()
    document_from_rich_text(
        (para("a", Span("b", bold=True, italic=True, underline=True)),), document
    )
    cursor = QTextCursor(document)
    cursor.setPosition(2)
    fmt = cursor.charFormat()
    assert (fmt.fontWeight(), fmt.fontItalic(), fmt.fontUnderline()) == (
        QFont.Weight.Bold,
        True,
        True,
    )


def test_markdown_helpers(qapp: QApplication) -> None:
    document = QTextDocument()
    markdown = to_markdown(AGENDA)
    set_document_markdown(document, markdown)
    assert markdown_from_document(document) == markdown
    set_document_markdown(document, "")
    assert document.isEmpty() and markdown_from_document(document) == ""


def test_typed_line_breaks_and_odd_lists(qapp: QApplication) -> None:
    document = QTextDocument()
    cursor = QTextCursor(document)
    cursor.insertText("Linje et\u2028Linje to")
    cursor.insertBlock()
    cursor.insertBlock()
    fmt = QTextListFormat()
    fmt.setStyle(Style.ListDisc)
    fmt.setIndent(3)
    cursor.createList(fmt)
    cursor.insertText("for dybt")
    cursor.insertBlock()
    cursor.insertText("samme liste")
    assert rich_text_from_document(document) == (
        para("Linje et\nLinje to"),
        ListBlock(False, items(para("for dybt"), para("samme liste"))),
    )


WORD_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><body lang=DA>
<!--StartFragment-->
<p class=MsoNormal><span style='font-family:"Calibri",sans-serif;color:#1F497D'>Udvalget
<b>godkendte</b> <i>indstillingen</i><br>med <u>bemærkning</u>.<o:p></o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoNormal style='margin-left:36pt'><span style='font-size:14.0pt;color:red;
font-weight:600'>Halvfed</span> <span style='font-weight:bold;font-family:Arial;
background:yellow'>fed </span><span style='text-decoration:underline'>streg</span></p>
<ul><li><span style='font-family:Symbol'>Punkt <b>et</b></span></li>
<li>to<ol><li>under</li></ol></li></ul>
<h1>Overskrift</h1><p><img src="logo.png">efter billede</p>
<!--EndFragment--></body></html>"""


def test_pasted_word_html_keeps_only_our_formats(qapp: QApplication) -> None:
    document = QTextDocument()
    QTextCursor(document).insertHtml(WORD_HTML)
    assert rich_text_from_document(document) == (
        para(
            "Udvalget ",
            Span("godkendte", bold=True),
            " ",
            Span("indstillingen", italic=True),
            "\nmed ",
            Span("bemærkning", underline=True),
            ".",
        ),
        para("Halvfed ", Span("fed", bold=True), " ", Span("streg", underline=True)),
        ListBlock(
            False,
            items(
                para("Punkt ", Span("et", bold=True)),
                (para("to"), ListBlock(True, items(para("under")))),
            ),
        ),
        para(Span("Overskrift", bold=True)),
        para("efter billede"),
    )


# --- tables ---------------------------------------------------------------------------------


def table(*rows: tuple[str | Paragraph, ...]) -> Table:
    return Table(tuple(tuple(c if isinstance(c, Paragraph) else para(c) for c in r) for r in rows))


BUDGET = table(("Konto", "Beløb"), ("Drift", para(Span("1.200", bold=True), "\nnetto")))


@pytest.mark.parametrize(
    "doc",
    [
        (BUDGET,),
        (para("Før"), BUDGET, BUDGET, para("efter")),
        (ListBlock(False, items((para("Tal:"), BUDGET), (BUDGET, para("x")))), para("ude")),
    ],
)
def test_tables_survive_the_editor(qapp: QApplication, doc: RichText) -> None:
    assert round_trip(doc) == doc


def test_table_in_the_editor_is_a_table_with_lines(qapp: QApplication) -> None:
    document = QTextDocument()
    document_from_rich_text((BUDGET,), document)
    table = QTextCursor(document.findBlockByNumber(1)).currentTable()
    assert table is not None and (table.rows(), table.columns()) == (2, 2)
    assert table.format().border() == 1 and table.format().headerRowCount() == 1
    assert table.cellAt(1, 1).firstCursorPosition().block().text() == f"1.200{LINE_SEPARATOR}netto"


WORD_TABLE_HTML = """<p>Budget:</p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>
 <tr><td width=200><p><b>Konto</b></p></td><td width=200><p>Beløb</p><p>i kr.</p></td></tr>
 <tr><td colspan=2><p>Drift i alt</p></td></tr>
 <tr><td><p>Indre</p><table><tr><td>a</td><td>b</td></tr></table></td><td>3</td></tr>
</table>
<p>Efter</p>"""


def test_pasted_word_table_stays_a_table(qapp: QApplication) -> None:
    """Merged cells come apart (the text in the first), a table in a cell becomes lines."""
    document = QTextDocument()
    QTextCursor(document).insertHtml(WORD_TABLE_HTML)
    assert rich_text_from_document(document) == (
        para("Budget:"),
        table(
            (para(Span("Konto", bold=True)), "Beløb\ni kr."),
            ("Drift i alt", Paragraph(())),
            ("Indre\na\nb", "3"),
        ),
        para("Efter"),
    )


def test_a_pasted_table_in_a_list_item_stays_in_the_list(qapp: QApplication) -> None:
    """Qt puts it between the item and the next; the list goes on after it, so it is in it."""
    document = QTextDocument()
    html = "<ul><li>punkt<table><tr><td>a</td></tr></table></li><li>punkt2</li></ul><p>x</p>"
    QTextCursor(document).insertHtml(html)
    assert rich_text_from_document(document) == (
        ListBlock(False, items((para("punkt"), table(("a",))), para("punkt2"))),
        para("x"),
    )
    after_the_list = "<ul><li>punkt</li></ul><table><tr><td>a</td></tr></table><p>x</p>"
    document = QTextDocument()
    QTextCursor(document).insertHtml(after_the_list)
    assert rich_text_from_document(document)[1] == table(("a",))


texts = st.lists(
    st.sampled_from(list("*_<>&\\1. \t\n\u00a0\u2028\u2029\ufffcab😀")) | st.characters(codec=None),
    max_size=6,
).map("".join)
span_lists = st.lists(
    st.builds(Span, texts, st.booleans(), st.booleans(), st.booleans()), min_size=1, max_size=4
)
paragraphs = span_lists.map(lambda spans: Paragraph(tuple(spans)))
tables = st.lists(
    st.lists(span_lists.map(lambda spans: Paragraph(tuple(spans))), min_size=1, max_size=3).map(
        tuple
    ),
    min_size=1,
    max_size=3,
).map(lambda rows: Table(tuple(rows)))


def lists_of(children: st.SearchStrategy[Block]) -> st.SearchStrategy[Block]:
    item = st.lists(children, max_size=3).map(lambda blocks: ListItem(tuple(blocks)))
    return st.builds(
        ListBlock,
        st.booleans(),
        st.lists(item, min_size=1, max_size=3).map(tuple),
        st.integers(0, 30),
    )


rich_texts = st.lists(st.recursive(paragraphs | tables, lists_of, max_leaves=6), max_size=3).map(
    lambda blocks: normalise(tuple(blocks))
)


@settings(
    max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(doc=rich_texts)
def test_any_doc_survives_the_editor(qapp: QApplication, doc: RichText) -> None:
    assert round_trip(doc) == doc
