"""The Word writer: the written .docx, read back with python-docx and as a zip of XML parts."""

from __future__ import annotations

import re
import shutil
import tempfile
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from sample_documents import meeting_with_closed_item, reference_document
from word_test_support import (
    SECRET_WORDS,
    ListLabels,
    as_dotx,
    body_lines,
    make_template,
    normalised,
    numbering_of,
    package_texts,
    pdf_text,
    reader_lines,
    reference_text,
    rewrite_package,
    soffice,
    to_pdf,
    without_numbering,
)

from secretary_app.core.model import Attachment, Item
from secretary_app.export.layout import Edition, build_layout
from secretary_app.export.template import TemplateError, default_template_path
from secretary_app.export.word import write_docx

MINUTES = Edition("minutes")
PUBLIC_MINUTES = Edition("minutes", public=True)


def export(tmp_path, doc=None, edition=MINUTES, template=None, name="out.docx"):
    target = tmp_path / name
    write_docx(build_layout(doc or reference_document(), edition), target, template)
    return target


def meeting_with_item(summary="", decision="", **fields):
    doc = reference_document()
    sections = {"resume": summary, "beslutning": decision}
    doc.items = [(Item(0, fields.pop("title", "Punkt"), sections=sections, **fields), [])]
    return doc


# --- the reference --------------------------------------------------------------------------

HEADING = re.compile(r"^\d+ \((Åben|Lukket)\) ")
LABELS = {"Resumé", "Tidligere beslutninger:", "Beslutninger:", "Bilag"}


def sections(lines):
    """(heading or label, the text under it, whitespace normalised), in order."""
    found: list[tuple[str, list[str]]] = []
    for line in (normalised(line) for line in lines):
        if HEADING.match(line) or line in LABELS:
            found.append((line, []))
        elif line and found:
            found[-1][1].append(line)
    return [(head, " ".join(body)) for head, body in found]


def item_lines(path):
    lines = reader_lines(path)
    first_heading = next(i for i, line in enumerate(lines[6:], 6) if HEADING.match(line))
    return lines[first_heading:]


def test_the_reference_minutes_read_like_the_reference_section_by_section(tmp_path):
    written = sections(item_lines(export(tmp_path)))
    expected = sections(reference_text().splitlines())
    assert [head for head, _ in written] == [head for head, _ in expected]
    for (head, text), (_, reference) in zip(written, expected, strict=True):
        assert text == reference, head


def test_the_document_starts_with_title_header_block_and_contents(tmp_path):
    document = docx.Document(str(export(tmp_path)))
    first = [(line.style, line.text) for line in body_lines(document)[:6]]
    assert first == [
        ("Title", "Referat af møde i Opgaveudvalg om Innovation"),
        ("Normal", "Mødetidspunkt:\ttirsdag den 27. juni 2017 kl. 17.00-19.00"),
        ("Normal", "Mødested:\tMødelokale G på Gentofte Rådhus"),
        ("TOC Heading", "Indholdsfortegnelse"),
        ("toc 1", "1 (Åben) Tredje møde i Opgaveudvalg om Innovation"),
        ("toc 1", "2 (Åben) Eventuelt"),
    ]


def test_items_and_sections_have_real_heading_styles(tmp_path):
    document = docx.Document(str(export(tmp_path)))
    by_style: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:
        by_style.setdefault(paragraph.style.name, []).append(paragraph.text)
    assert by_style["Heading 1"] == [
        "1 (Åben) Tredje møde i Opgaveudvalg om Innovation",
        "2 (Åben) Eventuelt",
    ]
    assert by_style["Heading 2"].count("Beslutninger:") == 2
    assert by_style["Heading 3"] == ["Opgaveudvalg om Innovation den 27. juni 2017"] * 2


def test_the_agenda_has_no_decisions(tmp_path):
    lines = reader_lines(export(tmp_path, edition=Edition("agenda")))
    assert lines[0] == "Dagsorden til møde i Opgaveudvalg om Innovation"
    assert "Beslutninger:" not in lines and "Intet." not in lines


def test_document_properties_and_language(tmp_path):
    path = export(tmp_path)
    properties = docx.Document(str(path)).core_properties
    assert properties.title == "Referat af møde i Opgaveudvalg om Innovation"
    assert properties.author == "Opgaveudvalg om Innovation"
    assert "tirsdag den 27. juni 2017" in properties.subject
    assert "EMN-2017-03374" in properties.keywords
    assert properties.language == "da-DK"
    styles = package_texts(path)["word/styles.xml"]
    defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles, re.DOTALL).group()
    assert 'w:lang w:val="da-DK"' in defaults


def test_header_and_footer_of_the_default_template(tmp_path):
    path = export(tmp_path, edition=PUBLIC_MINUTES)
    section = docx.Document(str(path)).sections[0]
    assert section.header.paragraphs[0].text == (
        "Opgaveudvalg om Innovation\tReferat – Offentlig udgave"
    )
    footer = section.footer.paragraphs[0]._p.xml
    assert "Side " in footer and " af " in footer
    instructions = re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>", footer)
    assert [i.strip() for i in instructions] == ["PAGE", "NUMPAGES"]


def test_the_default_template_is_a4():
    section = docx.Document(str(default_template_path())).sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)


# --- the public edition ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["agenda", "minutes"])
def test_no_part_of_the_public_edition_holds_a_closed_items_other_text(tmp_path, kind):
    path = export(tmp_path, meeting_with_closed_item(), Edition(kind, public=True))
    for name, text in package_texts(path).items():
        for word in SECRET_WORDS:
            assert word not in text, f"{word} in {name}"
    lines = reader_lines(path)
    assert "2 (Lukket) Salg af ejendom" in lines
    assert ("Salget blev godkendt OFFENTLIGBESLUTNING." in lines) == (kind == "minutes")


def test_the_full_edition_keeps_the_closed_items_text(tmp_path):
    everything = "".join(package_texts(export(tmp_path, meeting_with_closed_item())).values())
    for word in SECRET_WORDS:
        # The presenter is for the chair's copy, not for the agenda or the minutes.
        assert (word in everything) == (word != "HEMMELIGOPLAEGSHOLDER")


# --- rich text ------------------------------------------------------------------------------

LISTS = """Før listen:

1. Et
2. To
   - under a
   - under b
3. Tre

Mellem listerne.

1. Igen et
2. Igen to

Og videre fra tre:

3. tre
4. fire

- punkt"""


def list_paragraphs(path):
    document = docx.Document(str(path))
    return document, [(p, numbering_of(p)) for p in document.paragraphs if numbering_of(p)]


def test_lists_are_real_word_lists(tmp_path):
    path = export(tmp_path, meeting_with_item(summary=LISTS))
    document, numbered = list_paragraphs(path)
    assert [p.text for p, _ in numbered][:5] == ["Et", "To", "under a", "under b", "Tre"]
    assert not any(re.match(r"\s*(\d+\.|[-•])\s", p.text) for p, _ in numbered)
    levels = [level for _, (_, level) in numbered]
    assert levels == [0, 0, 1, 1, 0, 0, 0, 0, 0, 0]


def test_every_list_restarts_at_its_own_start(tmp_path):
    path = export(tmp_path, meeting_with_item(summary=LISTS))
    lines = [line for line in reader_lines(path) if line]
    start = lines.index("Før listen:")
    assert lines[start : start + 13] == [
        "Før listen:",
        "1. Et",
        "2. To",
        "◦ under a",
        "◦ under b",
        "3. Tre",
        "Mellem listerne.",
        "1. Igen et",
        "2. Igen to",
        "Og videre fra tre:",
        "3. tre",
        "4. fire",
        "• punkt",
    ]
    _, numbered = list_paragraphs(path)
    assert len({num_id for _, (num_id, _) in numbered}) == 5


def test_nested_numbered_lists_count_in_letters_and_roman_numerals(tmp_path):
    text = "1. en\n   1. a\n      1. i\n      2. ii\n   2. b"
    lines = reader_lines(export(tmp_path, meeting_with_item(summary=text)))
    assert [line for line in lines if line.split(" ")[0] in ("1.", "a.", "i.", "ii.", "b.")] == [
        "1. en",
        "a. a",
        "i. i",
        "ii. ii",
        "b. b",
    ]


def test_formats_become_run_properties(tmp_path):
    text = "**fed** *kursiv* <u>understreget</u> ***begge***"
    document = docx.Document(str(export(tmp_path, meeting_with_item(summary=text))))
    runs = {run.text: run for p in document.paragraphs for run in p.runs}
    assert runs["fed"].bold and not runs["fed"].italic
    assert runs["kursiv"].italic and not runs["kursiv"].bold
    assert runs["understreget"].underline
    assert runs["begge"].bold and runs["begge"].italic


def test_hard_line_breaks_are_word_line_breaks(tmp_path):
    path = export(tmp_path, meeting_with_item(summary="første linje\\\nanden linje"))
    document = docx.Document(str(path))
    paragraph = next(p for p in document.paragraphs if "første" in p.text)
    assert paragraph.text == "første linje\nanden linje"
    assert paragraph._p.findall(f".//{qn('w:br')}")


# --- hostile text ---------------------------------------------------------------------------

HOSTILE = "Skift\x0bfra Word\x0cside\x00nul \ud800ensom & <tag> \"citat\" 'enkelt' 😀 æøå"


def test_any_text_gives_a_valid_document_that_shows_it(tmp_path):
    doc = meeting_with_item(title=HOSTILE, case_id="EMN-2025-000001", summary=HOSTILE)
    doc.committee.name = "Udvalg & <Co> \x0b 😀"
    path = export(tmp_path, doc)
    document = docx.Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Skift\nfra Word\nside" in text
    assert "nul ensom & <tag> \"citat\" 'enkelt' 😀 æøå" in text
    header = document.sections[0].header.paragraphs[0].text
    assert header.startswith("Udvalg & <Co> 😀")


def test_a_hundred_page_text_is_written_whole(tmp_path):
    paragraph = "Lang tekst med mange ord, der fylder en side. " * 12
    summary = "\n\n".join(f"{i}: {paragraph}" for i in range(400))
    path = export(tmp_path, meeting_with_item(summary=summary))
    lines = reader_lines(path)
    assert sum(1 for line in lines if "Lang tekst" in line) == 400
    assert lines[lines.index("Resumé") + 1].startswith("0: Lang tekst")


# --- templates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (["{{ ''.__class__ }}"], "ikke må (__class__)"),
        (["{{ foo.__globals__ }}"], "Skabelonen bruger {{ foo }}"),
        (["Titel", "{{ committee }"], "Syntaksfejl i afsnit 2 i brødteksten"),
        (["{{ committee|attr('__init__') }}"], "ikke må (__init__)"),
        (["{{ '{0.__class__}'.format(committee) }}"], "ikke må (__class__)"),
        (["{{ 'x' * 100000000 }}"], "bygger en tekst eller liste på mere end 100.000 tegn"),
        (["{{ 2 ** 100000000 }}"], "regner med et tal på mere end 4.000 cifre"),
    ],
)
def test_a_hostile_template_gives_a_danish_error_and_no_file(tmp_path, body, expected):
    template = make_template(tmp_path / "skabelon.docx", body)
    with pytest.raises(TemplateError, match=re.escape(expected)):
        export(tmp_path, template=template)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["skabelon.docx"]


def test_a_file_that_is_not_a_word_document(tmp_path):
    not_word = tmp_path / "skabelon.docx"
    not_word.write_bytes(b"PK\x03\x04 ikke en zip")
    with pytest.raises(TemplateError, match="Filen er ikke et Word-dokument"):
        export(tmp_path, template=not_word)
    zip_but_not_word = tmp_path / "arkiv.docx"
    with zipfile.ZipFile(zip_but_not_word, "w") as package:
        package.writestr("hej.txt", "hej")
    with pytest.raises(TemplateError, match="Filen er ikke et Word-dokument"):
        export(tmp_path, template=zip_but_not_word)
    assert not (tmp_path / "out.docx").exists()


def test_a_bad_template_leaves_an_existing_target_as_it_was(tmp_path):
    target = tmp_path / "out.docx"
    target.write_bytes(b"the previous export")
    template = make_template(tmp_path / "skabelon.docx", ["{{ nope }}"])
    with pytest.raises(TemplateError, match="nope"):
        export(tmp_path, template=template)
    assert target.read_bytes() == b"the previous export"


def test_an_unwritable_target_raises_os_error_and_leaves_nothing(tmp_path):
    with pytest.raises(OSError):
        export(tmp_path / "mappe-der-ikke-findes", name="out.docx")
    assert list(tmp_path.iterdir()) == []


def test_a_dotx_template_gives_a_document(tmp_path):
    source = make_template(tmp_path / "kilde.docx", ["{{ title }}", "{{ content }}"], "{{ date }}")
    template = as_dotx(source, tmp_path / "skabelon.dotx")
    path = export(tmp_path, template=template)
    types = package_texts(path)["[Content_Types].xml"]
    assert "document.main+xml" in types and "template.main+xml" not in types
    document = docx.Document(str(path))
    assert document.sections[0].header.paragraphs[0].text == "27. juni 2017"
    assert document.paragraphs[0].text == "Referat af møde i Opgaveudvalg om Innovation"


def test_a_template_without_placeholders_gets_the_content_in_its_body(tmp_path):
    template = make_template(tmp_path / "brevpapir.docx", ["Gentofte Kommune", "Rådhuset"])
    lines = reader_lines(export(tmp_path, template=template))
    assert lines[:3] == [
        "Gentofte Kommune",
        "Rådhuset",
        "Referat af møde i Opgaveudvalg om Innovation",
    ]
    assert "1 (Åben) Tredje møde i Opgaveudvalg om Innovation" in lines


def test_the_content_goes_where_the_marker_is(tmp_path):
    body = ["Forside", "{{ content }}", "Slut: {{ committee }}"]
    lines = reader_lines(export(tmp_path, template=make_template(tmp_path / "t.docx", body)))
    assert lines[0] == "Forside" and lines[1].startswith("Referat af møde")
    assert lines[-1] == "Slut: Opgaveudvalg om Innovation"
    assert not any("SECRETARYAPPCONTENT" in line for line in lines)


def test_the_template_may_show_the_title_and_header_lines_itself(tmp_path):
    body = ["{{ title }}", "Tid: {{ meeting_time }}", "Sted: {{ location }}", "{{ content }}"]
    lines = reader_lines(export(tmp_path, template=make_template(tmp_path / "t.docx", body)))
    assert lines[:4] == [
        "Referat af møde i Opgaveudvalg om Innovation",
        "Tid: tirsdag den 27. juni 2017 kl. 17.00-19.00",
        "Sted: Mødelokale G på Gentofte Rådhus",
        "Indholdsfortegnelse",
    ]
    assert lines.count("Referat af møde i Opgaveudvalg om Innovation") == 1


def test_placeholder_values_are_escaped_not_interpreted(tmp_path):
    doc = reference_document()
    doc.committee.name = "Udvalg for {{ x }} & <w:t>XML</w:t>"
    template = make_template(tmp_path / "t.docx", ["{{ committee }}"], header="{{ title }}")
    document = docx.Document(str(export(tmp_path, doc, template=template)))
    assert document.paragraphs[0].text == "Udvalg for {{ x }} & <w:t>XML</w:t>"
    header = document.sections[0].header.paragraphs[0].text
    assert header == "Referat af møde i Udvalg for {{ x }} & <w:t>XML</w:t>"


def test_a_template_without_a_numbering_part_still_gets_real_lists(tmp_path):
    template = without_numbering(default_template_path(), tmp_path / "uden.docx")
    assert "word/numbering.xml" not in package_texts(template)
    path = export(tmp_path, meeting_with_item(summary=LISTS), template=template)
    document = docx.Document(str(path))
    ListLabels(document)  # the numbering part is there and readable
    assert "1. Et" in reader_lines(path)


def test_missing_styles_are_added_from_the_default_template(tmp_path):
    source = make_template(tmp_path / "kilde.docx", ["{{ content }}"])
    styles = etree.fromstring(package_texts(source)["word/styles.xml"].encode())
    for style in list(styles.iterchildren(qn("w:style"))):
        if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:styleId")) != "Normal":
            styles.remove(style)
    only_normal = etree.tostring(styles)
    template = rewrite_package(source, tmp_path / "t.docx", {"word/styles.xml": only_normal})
    layout = build_layout(reference_document(), MINUTES)
    result = write_docx(layout, tmp_path / "out.docx", template)
    assert any("Typografien 'Heading 1' mangler" in warning for warning in result.warnings)
    document = docx.Document(str(tmp_path / "out.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "1 (Åben) Tredje møde i Opgaveudvalg om Innovation"


def test_the_default_template_needs_no_added_styles(tmp_path):
    layout = build_layout(reference_document(), MINUTES)
    assert write_docx(layout, tmp_path / "out.docx").warnings == ()


def test_a_broken_numbering_part_is_started_afresh(tmp_path):
    template = rewrite_package(
        default_template_path(), tmp_path / "t.docx", {"word/numbering.xml": b"<x/>"}
    )
    path = export(tmp_path, meeting_with_item(summary=LISTS), template=template)
    assert "1. Et" in reader_lines(path)


# --- any meeting (hypothesis) ---------------------------------------------------------------

SPECIAL = ["\x0b", "\x0c", "\x00", "\r\n", "\ud800", "\udfff", "&", "<", '"', "😀", "**", "\n\n"]
SPECIAL += ["1. ", "- ", "\\", "{{ x }}", "<u>", "\t", "\ufffe", "\x85", "\u2028"]
any_text = st.lists(
    st.one_of(st.text(st.characters(exclude_categories=()), max_size=30), st.sampled_from(SPECIAL)),
    max_size=8,
).map("".join)
huge_text = st.one_of(st.just(""), any_text.map(lambda text: (text + " ord") * 200))


def secret(kind: str, index: int) -> str:
    return f" ZQ{kind}{index}QZ "


item_texts = st.fixed_dictionaries(
    {
        "closed": st.booleans(),
        "title": any_text,
        "case_id": any_text,
        "summary": any_text,
        "previous_decisions": any_text,
        "decision": any_text,
        "attachments": st.lists(st.tuples(any_text, st.booleans()), max_size=3),
    }
)


def item_from(texts: dict, index: int) -> tuple[Item, list[Attachment]]:
    """An item of these texts; a closed one gets secret words only it holds."""
    marks = {kind: secret(kind, index) if texts["closed"] else "" for kind in ("RES", "TID", "BIL")}
    item = Item(
        0,
        texts["title"],
        closed=texts["closed"],
        case_id=texts["case_id"],
        sections={
            "resume": texts["summary"] + marks["RES"],
            "tidligere_beslutninger": marks["TID"] + texts["previous_decisions"],
            "beslutning": texts["decision"],
        },
        chair_notes=secret("FORMAND", index),  # the chair's copy only: never in these editions
        position=index,
    )
    attachments = [Attachment(0, t + marks["BIL"], public=p) for t, p in texts["attachments"]]
    return item, attachments


@st.composite
def meetings(draw):
    """0 to 200 items, made from a few drawn ones (hypothesis draws little, the test gets many)."""
    doc = reference_document()
    doc.committee.name = draw(any_text)
    doc.meeting.location = draw(any_text)
    doc.meeting.title = draw(any_text)
    count = draw(st.one_of(st.integers(0, 5), st.integers(0, 200)))
    pool = draw(st.lists(item_texts, min_size=1, max_size=6))
    doc.items = [item_from(pool[index % len(pool)], index) for index in range(count)]
    if doc.items:
        first = doc.items[0][0]
        first.sections["resume"] = draw(huge_text) + first.text("resume")
        first.sections["beslutning"] = draw(huge_text)
    return doc


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=meetings(), kind=st.sampled_from(["agenda", "minutes"]))
def test_any_meeting_gives_a_docx_and_its_public_edition_keeps_closed_items_closed(doc, kind):
    with tempfile.TemporaryDirectory() as directory:
        full = Path(directory) / "fuld.docx"
        public = Path(directory) / "offentlig.docx"
        write_docx(build_layout(doc, Edition(kind)), full)
        write_docx(build_layout(doc, Edition(kind, public=True)), public)
        for path in (full, public):
            docx.Document(str(path))
        published = "".join(package_texts(public).values())
        internal = "".join(package_texts(full).values())
    assert re.search(r"ZQ(RES|TID|BIL|FORMAND)\d+QZ", published) is None
    assert re.search(r"ZQFORMAND\d+QZ", internal) is None


# --- LibreOffice ----------------------------------------------------------------------------

needs_libreoffice = pytest.mark.skipif(
    soffice() is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and poppler-utils (pdftotext) are not installed; "
    "CI installs them (.ci/run)",
)


@needs_libreoffice
@pytest.mark.parametrize("kind", ["agenda", "minutes"])
@pytest.mark.parametrize("public", [False, True], ids=["full", "public"])
def test_libreoffice_converts_the_document_to_pdf(tmp_path, kind, public):
    doc = meeting_with_closed_item()
    path = export(tmp_path, doc, Edition(kind, public=public), name=f"{kind}.docx")
    text = normalised(pdf_text(to_pdf(path)))
    title = "Dagsorden til møde i" if kind == "agenda" else "Referat af møde i"
    assert f"{title} Økonomiudvalget" in text
    assert "2 (Lukket) Salg af ejendom" in text
    assert ("HEMMELIGRESUME" in text) == (not public)
    assert re.search(r"Side 1 af \d", text)


@needs_libreoffice
def test_libreoffice_shows_the_reference_minutes_as_the_reference(tmp_path):
    text = pdf_text(to_pdf(export(tmp_path)))
    assert "Referat af møde i Opgaveudvalg om Innovation" in normalised(text)
    start = normalised(text).index("1 (Åben) Tredje møde i Opgaveudvalg om Innovation Sags ID")
    written = normalised(text)[start:]
    written = re.sub(r" ?Side \d+ af \d+( Opgaveudvalg om Innovation Referat)?", "", written)
    assert written == normalised(reference_text())


@needs_libreoffice
def test_libreoffice_opens_a_document_full_of_hostile_text(tmp_path):
    summary = (HOSTILE + "\n\n") * 300
    path = export(tmp_path, meeting_with_item(title=HOSTILE, summary=summary))
    text = pdf_text(to_pdf(path))
    assert "ensom & <tag>" in text and "😀" not in "" and "Side 1 af" in text
