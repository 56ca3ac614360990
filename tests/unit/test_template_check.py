"""The template check: what a template uses, what it lacks, and its errors with their place."""

from __future__ import annotations

import docx
import pytest
from word_test_support import as_dotx, make_template, package_texts, rewrite_package

from secretary_app.export.template import MACRO_MAINS, TEMPLATE_MAIN, default_template_path
from secretary_app.export.template_check import check_template


def only_error(report):
    assert not report.usable
    assert len(report.errors) == 1, report.errors
    return report.errors[0]


def test_the_default_template_is_usable_and_complete():
    report = check_template(default_template_path())
    assert report.usable and report.errors == ()
    assert report.placeholders_used == (
        "approved",
        "committee",
        "content",
        "document",
        "edition",
        "title",
    )
    assert report.has_content_marker
    assert report.missing_styles == () and report.unknown_placeholders == ()


def test_a_plain_document_is_usable_and_says_what_it_lacks(tmp_path):
    report = check_template(make_template(tmp_path / "brevpapir.docx", ["Gentofte Kommune"]))
    assert report.usable
    assert report.placeholders_used == () and not report.has_content_marker
    assert report.missing_styles == ("TOC 1",)


def test_an_unknown_placeholder_in_the_header(tmp_path):
    report = check_template(make_template(tmp_path / "t.docx", ["{{ content }}"], "{{ udvalg }}"))
    where, message = only_error(report)
    assert where == "afsnit 1 i sidehovedet («{{ udvalg }}»)"
    assert message.startswith("Skabelonen bruger {{ udvalg }} i afsnit 1 i sidehovedet")
    assert "som ikke findes. Kendte felter: absent, approved, committee, content, date" in message
    assert report.unknown_placeholders == ("udvalg",)
    assert report.placeholders_used == ("content", "udvalg")


def test_an_unknown_placeholder_in_the_footer(tmp_path):
    report = check_template(make_template(tmp_path / "t.docx", [], footer="Side {{ side }}"))
    where, _ = only_error(report)
    assert where == "afsnit 1 i sidefoden («Side {{ side }}»)"


def test_a_syntax_error_names_its_paragraph(tmp_path):
    body = ["Forside", "{{ title }}", "Udvalg: {{ committee }"]
    where, message = only_error(check_template(make_template(tmp_path / "t.docx", body)))
    assert where == "afsnit 3 i brødteksten («Udvalg: {{ committee }»)"
    assert message.startswith("Syntaksfejl i afsnit 3 i brødteksten")


def test_a_sandbox_violation_is_named(tmp_path):
    body = ["Forside", "{{ ''.__class__.__mro__ }}"]
    report = check_template(make_template(tmp_path / "t.docx", body))
    assert not report.usable
    messages = [message for _, message in report.errors]
    assert any("Skabelonen forsøger at tilgå noget, den ikke må (__class__)" in m for m in messages)
    assert all("afsnit 2 i brødteksten" in m for m in messages)


def test_every_problem_is_reported_not_only_the_first(tmp_path):
    body = ["{{ foo }}", "{% if %}"]
    path = make_template(tmp_path / "t.docx", body, header="{{ bar }}", footer="{{ content }}")
    wheres = [where for where, _ in check_template(path).errors]
    assert wheres == [
        "afsnit 2 i brødteksten («{% if %}»)",
        "afsnit 1 i sidehovedet («{{ bar }}»)",
        "sidefoden",
    ]


def test_the_content_marker_belongs_in_the_body(tmp_path):
    report = check_template(make_template(tmp_path / "t.docx", ["x"], header="{{ content }}"))
    _, message = only_error(report)
    assert message == "Markeringen {{ content }} kan kun stå i brødteksten, ikke i sidehovedet"


def test_placeholders_in_tables_and_split_runs_are_found(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("{{ commi")
    paragraph.add_run("ttee }}")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "{{ location }}"
    table.cell(0, 1).text = "{{ content }}"
    document.save(str(tmp_path / "t.docx"))
    report = check_template(tmp_path / "t.docx")
    assert report.usable
    assert report.placeholders_used == ("committee", "content", "location")
    assert report.has_content_marker


def test_a_first_page_header_is_named_as_such(tmp_path):
    document = docx.Document()
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "{{ forside }}"
    document.save(str(tmp_path / "t.docx"))
    where, _ = only_error(check_template(tmp_path / "t.docx"))
    assert where == "afsnit 1 i sidehovedet på første side («{{ forside }}»)"


def test_placeholders_in_document_properties_are_checked(tmp_path):
    document = docx.Document()
    document.core_properties.title = "Referat {{ ukendt }}"
    document.save(str(tmp_path / "t.docx"))
    where, message = only_error(check_template(tmp_path / "t.docx"))
    assert where == "dokumentegenskaben «Titel»"
    assert "{{ ukendt }}" in message


def test_a_dotx_template_is_usable(tmp_path):
    template = as_dotx(default_template_path(), tmp_path / "skabelon.dotx")
    assert TEMPLATE_MAIN in package_texts(template)["[Content_Types].xml"]
    assert check_template(template).usable


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"ikke en zip", "Filen er ikke et Word-dokument (.docx eller .dotx)"),
        (b"", "Filen er ikke et Word-dokument (.docx eller .dotx)"),
    ],
)
def test_a_file_that_is_not_a_word_document(tmp_path, content, expected):
    path = tmp_path / "skabelon.docx"
    path.write_bytes(content)
    assert only_error(check_template(path)) == ("filen", expected)


def test_a_missing_file(tmp_path):
    where, message = only_error(check_template(tmp_path / "findes-ikke.docx"))
    assert (where, message) == ("filen", "Skabelonen kan ikke læses (findes ikke)")


def test_a_document_with_macros_is_refused(tmp_path):
    types = package_texts(default_template_path())["[Content_Types].xml"]
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    changed = types.replace(main, MACRO_MAINS[0]).encode()
    path = rewrite_package(
        default_template_path(), tmp_path / "makro.docm", {"[Content_Types].xml": changed}
    )
    _, message = only_error(check_template(path))
    assert "makroer" in message


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.mark.parametrize(
    "change",
    [
        {"word/document.xml": b"<w:document"},
        {"word/document.xml": b"<?xml version='1.0'?><foo/>"},
        {"word/document.xml": f"<w:document {W}/>".encode()},
        {"word/styles.xml": b"<w:styles"},
        {"word/header1.xml": b"garbage"},
        {"_rels/.rels": None},
    ],
    ids=["cut-off", "other-root", "no-body", "styles", "header", "no-relationships"],
)
def test_a_broken_package_is_not_a_word_document(tmp_path, change):
    path = rewrite_package(default_template_path(), tmp_path / "t.docx", change)
    assert only_error(check_template(path)) == (
        "filen",
        "Filen er ikke et Word-dokument (.docx eller .dotx)",
    )


def test_a_condition_that_breaks_the_document_is_named(tmp_path):
    document = docx.Document()
    document.add_paragraph("{% if meeting_title %}Emne:")
    document.add_table(rows=1, cols=1).cell(0, 0).text = "{% endif %}"
    document.save(str(tmp_path / "t.docx"))
    where, message = only_error(check_template(tmp_path / "t.docx"))
    assert where == "brødteksten"
    assert "bryder dokumentets opbygning" in message


def test_conditions_in_paragraphs_of_their_own_work(tmp_path):
    body = ["{%p if edition %}", "Udgave: {{ edition }}", "{%p endif %}", "{{ content }}"]
    assert check_template(make_template(tmp_path / "t.docx", body)).usable


@pytest.mark.parametrize(
    ("source", "danish"),
    [
        ("{{ a b }}", "her skulle der stå }}"),
        ("{% if a %}", "{% if %} mangler sit {% endif %}"),
        ("{% endif %}", "{% endif %} kendes ikke (der er ingen blok at lukke)"),
        ("{% foo %}", "{% foo %} kendes ikke"),
        ("{{ 'a }}", "mangler et anførselstegn?"),
    ],
)
def test_a_syntax_error_is_said_in_danish(source, danish):
    """Jinja's English ("expected token 'end of print statement'") never reaches the user."""
    import jinja2

    from secretary_app.export.template_problems import syntax_in_danish

    with pytest.raises(jinja2.TemplateSyntaxError) as caught:
        jinja2.Environment().parse(source)
    message = syntax_in_danish(caught.value.message or "")
    assert danish in message
    assert "expected" not in message.lower() and "unknown" not in message.lower()
