"""Rich text: the tree, its canonical Markdown, and reading any Markdown without losing words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from secretary_app.core.rich_text import (
    Block,
    ListBlock,
    ListItem,
    Paragraph,
    RichText,
    Span,
    Table,
    normalise,
    parse_markdown,
    plain_text,
    to_markdown,
)


def para(*parts: str | Span) -> Paragraph:
    return Paragraph(tuple(Span(part) if isinstance(part, str) else part for part in parts))


def bullets(*items: Block | tuple[Block, ...]) -> ListBlock:
    return ListBlock(False, _items(items))


def numbered(*items: Block | tuple[Block, ...], start: int = 1) -> ListBlock:
    return ListBlock(True, _items(items), start)


def _items(items: tuple[Block | tuple[Block, ...], ...]) -> tuple[ListItem, ...]:
    return tuple(ListItem(item if isinstance(item, tuple) else (item,)) for item in items)


def assert_round_trip(doc: RichText, markdown: str) -> None:
    assert to_markdown(doc) == markdown
    assert parse_markdown(markdown) == doc


# --- the reference minutes ------------------------------------------------------------------

AGENDA = (
    para("Dagsordenen for mødet er:"),
    numbered(
        para("Kl. 17.00 - Velkomst og mødets program v/Marie Louise"),
        para("Visioner og overvejelser omkring udvalgets arbejdsproces v/ Frank"),
        (
            para("Projektstatus fra de 3 projektgrupper i plenum"),
            numbered(
                para("Forberedelse af projektstatus"),
                para("5 min. pitch fra hver projektgruppe i plenum"),
            ),
        ),
        para(
            "Medlemmerne fordeles i 2 arbejdsspor\n"
            "1. spor - Borgere og projektejere: Next step i projektet og refleksion over "
            "arbejdsform\n"
            "2. spor - Politikere: Feedback og refleksion over arbejdsform"
        ),
        para("Kl. 19.00 - Opsamling og tak for i dag v/ Marie Louise."),
    ),
)

AGENDA_MARKDOWN = """\
Dagsordenen for mødet er:

1. Kl. 17.00 - Velkomst og mødets program v/Marie Louise
2. Visioner og overvejelser omkring udvalgets arbejdsproces v/ Frank
3. Projektstatus fra de 3 projektgrupper i plenum
   1. Forberedelse af projektstatus
   2. 5 min. pitch fra hver projektgruppe i plenum
4. Medlemmerne fordeles i 2 arbejdsspor\\
   1\\. spor - Borgere og projektejere: Next step i projektet og refleksion over arbejdsform\\
   2\\. spor - Politikere: Feedback og refleksion over arbejdsform
5. Kl. 19.00 - Opsamling og tak for i dag v/ Marie Louise."""


def test_reference_agenda_has_canonical_markdown() -> None:
    assert_round_trip(AGENDA, AGENDA_MARKDOWN)


# Lines 9-23 of reference/gentofte_opgaveudvalg-om-innovation_2017-06-27.txt, blank lines left out
MINUTES_LINES = """\
Dagsordenen for mødet er:
1. Kl. 17.00 - Velkomst og mødets program v/Marie Louise
2. Visioner og overvejelser omkring udvalgets arbejdsproces v/ Frank
3. Projektstatus fra de 3 projektgrupper i plenum
a. Forberedelse af projektstatus
b. 5 min. pitch fra hver projektgruppe i plenum
4. Medlemmerne fordeles i 2 arbejdsspor
1. spor - Borgere og projektejere: Next step i projektet og refleksion over arbejdsform
2. spor - Politikere: Feedback og refleksion over arbejdsform
5. Kl. 19.00 - Opsamling og tak for i dag v/ Marie Louise."""


def test_reference_agenda_reads_as_in_the_minutes() -> None:
    assert plain_text(AGENDA) == MINUTES_LINES


# --- formats, breaks and escapes ------------------------------------------------------------


def one(*parts: str | Span) -> RichText:
    return (para(*parts),)


UNDERLINED = Span("streg", underline=True)


@pytest.mark.parametrize(
    ("doc", "markdown"),
    [
        (
            one("Mødet ", Span("af", bold=True), "lyses, ", Span("helt", italic=True), "."),
            "Mødet **af**lyses, *helt*.",
        ),
        (one("under", UNDERLINED, "et"), "under<u>streg</u>et"),
        (one(Span("fed og kursiv", bold=True, italic=True)), "**_fed og kursiv_**"),
        (
            one(Span("Fed med ", bold=True), Span("kursiv", bold=True, italic=True)),
            "**Fed med _kursiv_**",
        ),
        (one("Linje et\nLinje to\n\nefter tom"), "Linje et\\\nLinje to\\\n\\\nefter tom"),
        (one("5 * 3 = 15 og a_b"), "5 \\* 3 = 15 og a\\_b"),
        (one("<b>ikke fed</b> [ikke link](x)"), "\\<b\\>ikke fed\\</b\\> \\[ikke link\\](x)"),
        (one("Sort & hvid, &amp; skrevet"), "Sort \\& hvid, \\&amp; skrevet"),
        (one("`kode` \\ skråstreg"), "\\`kode\\` \\\\ skråstreg"),
        (one("1. spor"), "1\\. spor"),
        (one("2) spor\n27. juni"), "2\\) spor\\\n27\\. juni"),
        (one("# ikke overskrift\n- ikke liste"), "\\# ikke overskrift\\\n\\- ikke liste"),
        (one("+ heller ikke\n= intet"), "\\+ heller ikke\\\n\\= intet"),
        (one("> ikke citat\n~~~"), "\\> ikke citat\\\n\\~~~"),
        (one("    indrykket\n\tog med tab"), "&#32;   indrykket\\\n&#9;og med tab"),
        (one("a | b\n:-- | --"), "a \\| b\\\n\\:-- \\| --"),
        (
            one("understreget ", Span("mellemrum ", underline=True), "x"),
            "understreget <u>mellemrum </u>x",
        ),
    ],
)
def test_canonical_markdown(doc: RichText, markdown: str) -> None:
    assert_round_trip(doc, markdown)


def test_blanks_at_the_edge_of_bold_go_outside_it() -> None:
    typed = (para(Span("Vigtigt: ", bold=True), "mødet er flyttet"),)
    assert normalise(typed) == (para(Span("Vigtigt:", bold=True), " mødet er flyttet"),)
    assert to_markdown(typed) == "**Vigtigt:** mødet er flyttet"


def test_awkward_emphasis_neighbours_become_entities() -> None:
    doc = (para(Span("“citat”", bold=True), "x ", Span("ord", italic=True, underline=True), "."),)
    markdown = to_markdown(doc)
    assert markdown == "**“citat”**&#120; <u>*ord*</u>."
    assert parse_markdown(markdown) == doc


def test_underlined_blank_keeps_its_underline() -> None:
    assert_round_trip((para("a", Span(" ", underline=True), "b"),), "a<u> </u>b")


def test_control_characters_never_enter_the_tree() -> None:
    assert Span("Shift\x0bEnter\x00 og\r\nCRLF\x0c").text == "Shift\nEnter og\nCRLF\n"
    assert parse_markdown("a\x00b\x0bc\\\x0bd") == (para("ab c\nd"),)


# --- lists ----------------------------------------------------------------------------------


def test_bullets_nested_three_levels() -> None:
    doc = (bullets(para("a"), (para("b"), bullets((para("c"), bullets(para("d")))))),)
    assert_round_trip(doc, "- a\n- b\n  - c\n    - d")
    assert plain_text(doc) == "• a\n• b\n◦ c\n▪ d"


def test_numbered_lists_show_numbers_letters_and_roman() -> None:
    inner = numbered(para("x"), para("y"), start=3)
    doc = (numbered(para("a"), (para("b"), numbered((para("c"), inner)))),)
    assert_round_trip(doc, "1. a\n2. b\n   1. c\n\n      3. x\n      4. y")
    assert plain_text(doc) == "1. a\n2. b\na. c\niii. x\niv. y"


def test_numbered_list_keeps_its_start_and_wide_numbers_indent_further() -> None:
    doc = (numbered(para("ni"), (para("ti"), bullets(para("under"))), start=9),)
    assert_round_trip(doc, "9. ni\n10. ti\n    - under")


def test_list_item_with_line_breaks_and_a_second_paragraph() -> None:
    doc = (bullets((para("første\nanden linje"), para("nyt afsnit")), para("næste")),)
    assert_round_trip(doc, "- første\\\n  anden linje\n\n  nyt afsnit\n- næste")


def test_item_that_starts_with_a_list() -> None:
    doc = (bullets((bullets(para("dybere")),), para("b")),)
    assert_round_trip(doc, "- - dybere\n- b")


def test_lists_in_a_row_stay_apart() -> None:
    doc = (bullets(para("a")), bullets(para("b")), numbered(para("c")), numbered(para("d")))
    assert_round_trip(doc, "- a\n\n* b\n\n1. c\n\n1) d")


def test_paragraph_after_a_list() -> None:
    assert_round_trip((bullets(para("a")), para("efter")), "- a\n\nefter")


# --- reading any Markdown -------------------------------------------------------------------


BOLD, ITALIC = Span("fed", bold=True), Span("kursiv", italic=True)


@pytest.mark.parametrize(
    ("markdown", "doc"),
    [
        ("", ()),
        ("  \n\t\n ", ()),
        ("blød\nlinje  \nhård", one("blød linje\nhård")),
        ("__fed__ og _kursiv_", one(BOLD, " og ", ITALIC)),
        ("<U>streg</U> <u>streg", one(UNDERLINED, " ", UNDERLINED)),
        ("x</u>y <span>z</span>", one("x</u>y <span>z</span>")),
        ("# Overskrift\n\n> citat", (para("Overskrift"), para("citat"))),
        ("`kode <b>` [link](http://x) ![billede *alt*](b.png)", one("kode <b> link billede alt")),
        ("    kode\n    blok\n\n```\nhegn\n```", (para("kode\nblok"), para("hegn"))),
        ("[ref]: /url\n\n<div>\nhtml\n</div>", (para("[ref]: /url"), para("<div> html </div>"))),
        ("* a\n* b\n\n3) c", (bullets(para("a"), para("b")), numbered(para("c"), start=3))),
        ("-\n- a\n---", (bullets(para("a")),)),
        ("1. a\na. b", (numbered(para("a a. b")),)),
        ("slutter med mellemrum &#32;", one("slutter med mellemrum")),
    ],
)
def test_parse_markdown(markdown: str, doc: RichText) -> None:
    assert parse_markdown(markdown) == doc


# --- normal form ----------------------------------------------------------------------------


def test_normalise_merges_and_drops() -> None:
    raw = (
        para("", "a", "b", Span("", bold=True), Span("c", italic=True), Span("d", italic=True)),
        para("\n", " \t"),
        Paragraph(()),
        ListBlock(False, (ListItem(()), ListItem((para("\nx\n"),))), start=4),
        numbered(para("n"), start=-2),
        ListBlock(True, ()),
    )
    assert normalise(raw) == (
        para("ab", Span("cd", italic=True)),
        bullets(para("x")),
        numbered(para("n"), start=0),
    )


def test_line_break_carries_only_the_formats_on_both_sides() -> None:
    raw = (para(Span("fed\n", bold=True), "normal", Span("\n", underline=True), "x"),)
    assert normalise(raw) == (para(Span("fed", bold=True), "\nnormal\nx"),)


def test_empty_doc_is_empty_markdown() -> None:
    assert to_markdown(()) == ""
    assert plain_text(()) == ""


# --- tables ---------------------------------------------------------------------------------


def table(*rows: tuple[str | Paragraph, ...]) -> Table:
    return Table(tuple(tuple(c if isinstance(c, Paragraph) else para(c) for c in r) for r in rows))


BUDGET = table(("Konto", "Beløb"), ("Drift", "1.200"), ("Anlæg", "3.400"))
BUDGET_MARKDOWN = "| Konto | Beløb |\n| --- | --- |\n| Drift | 1.200 |\n| Anlæg | 3.400 |"


def test_table_has_canonical_markdown() -> None:
    assert_round_trip((para("Budget:"), BUDGET), "Budget:\n\n" + BUDGET_MARKDOWN)


def test_table_cells_keep_formats_pipes_and_line_breaks() -> None:
    cell = para(Span("Drift", bold=True), " | netto\nbrutto")
    assert_round_trip(
        (table(("Konto",), (cell,)),), "| Konto |\n| --- |\n| **Drift** \\| netto<br>brutto |"
    )


def test_table_in_a_list_item() -> None:
    doc = (bullets((para("Tal:"), BUDGET)),)
    assert parse_markdown(to_markdown(doc)) == doc


def test_table_rows_are_filled_up_and_empty_rows_and_columns_dropped() -> None:
    ragged = Table(((para("a"), para("b")), (para(" "), Paragraph(())), (para(" c "),)))
    assert normalise((ragged,)) == (table(("a", "b"), ("c", Paragraph(()))),)
    gap = Table(((para("a"), para(""), para("b")), (para("c"),)))
    assert normalise((gap,)) == (table(("a", "b"), ("c", Paragraph(()))),)
    assert normalise((Table(((para(" "),),)),)) == ()


def test_markdown_tables_are_read() -> None:
    markdown = "Konto | Beløb\n:-- | --:\nDrift | 1.200 | ekstra\nAnlæg"
    assert parse_markdown(markdown) == (
        table(("Konto", "Beløb"), ("Drift", "1.200 | ekstra"), ("Anlæg", Paragraph(()))),
    )


@given(
    st.lists(
        st.lists(st.text("abcæø", min_size=1, max_size=5), min_size=1, max_size=5),
        min_size=1,
        max_size=4,
    )
)
def test_no_cell_is_lost_whatever_the_rows_lengths(rows: list[list[str]]) -> None:
    """markdown-it drops a row's cells past the header's; their words are kept all the same."""
    lines = [" | ".join(rows[0]), " | ".join("---" for _ in rows[0])]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    text = plain_text(parse_markdown("\n".join(lines)))
    for word in (word for row in rows for word in row):
        assert word in text


def test_extra_cells_are_split_as_markdown_it_splits_them() -> None:
    """A pipe after a backslash is escaped, as markdown-it reads it: no cell twice."""
    doc = parse_markdown("| a | b |\n| - | - |\n| x\\\\| y | z |")
    assert doc == (table(("a", "b"), ("x| y", "z")),)
    extra = parse_markdown("| a |\n| - |\n| b | c \\* d |")
    assert extra == (table(("a",), ("b | c * d",)),)


def test_table_in_plain_text() -> None:
    cell = para("netto\nbrutto")
    assert plain_text((table(("Konto", "Beløb"), ("Drift", cell)),)) == (
        "Konto | Beløb\nDrift | netto brutto"
    )


# --- properties -----------------------------------------------------------------------------

markdown_chars = st.sampled_from(list("\\*_`<>[]&#+-=~!().:;1 \t\n\u00a0\u3000\u2028ab“”😀"))
awkward_chars = st.sampled_from(["\x0b", "\x0c", "\r", "\x00", "\x85", "\ud800", "\ufffe"])
texts = st.lists(
    markdown_chars | awkward_chars | st.characters(codec=None) | st.characters(), max_size=8
).map("".join)
spans = st.builds(Span, texts, st.booleans(), st.booleans(), st.booleans())
paragraphs = st.lists(spans, min_size=1, max_size=4).map(lambda found: Paragraph(tuple(found)))
cells = st.lists(spans, max_size=3).map(lambda found: Paragraph(tuple(found)))
tables = st.lists(st.lists(cells, min_size=1, max_size=3).map(tuple), min_size=1, max_size=3).map(
    lambda rows: Table(tuple(rows))
)


def lists_of(children: st.SearchStrategy[Block]) -> st.SearchStrategy[Block]:
    item = st.lists(children, max_size=3).map(lambda blocks: ListItem(tuple(blocks)))
    items = st.lists(item, min_size=1, max_size=3).map(tuple)
    return st.builds(ListBlock, st.booleans(), items, st.integers(-2, 1_000_000_001))


blocks = st.recursive(paragraphs | tables, lists_of, max_leaves=6)
rich_texts = st.lists(blocks, max_size=3).map(lambda found: normalise(tuple(found)))


@settings(max_examples=200)
@given(rich_texts)
def test_markdown_round_trip(doc: RichText) -> None:
    assert normalise(doc) == doc
    markdown = to_markdown(doc)
    assert parse_markdown(markdown) == doc


dense_texts = st.text(" a.*_\n\t\u00a0\\&1-#“", max_size=4)
dense_paragraphs = st.lists(
    st.builds(Span, dense_texts, st.booleans(), st.booleans(), st.booleans()), max_size=12
).map(lambda found: (Paragraph(tuple(found)),))


@settings(max_examples=400)
@given(dense_paragraphs.map(normalise))
def test_markdown_round_trip_with_formats_changing_at_every_character(doc: RichText) -> None:
    assert parse_markdown(to_markdown(doc)) == doc


@given(st.text(markdown_chars | st.characters()))
def test_any_markdown_reads_as_a_doc_that_round_trips(markdown: str) -> None:
    doc = parse_markdown(markdown)
    assert parse_markdown(to_markdown(doc)) == doc


words = st.text(st.characters(categories=("L", "N")), min_size=1, max_size=8)


@given(st.lists(st.tuples(words, st.sampled_from([" ", "  ", "\n", "\n\n", " \n "]))))
def test_plain_words_survive_reading(pieces: list[tuple[str, str]]) -> None:
    text = "".join(word + gap for word, gap in pieces)
    assert plain_text(parse_markdown(text)).split() == text.split()
