"""Documents in other municipalities' item layouts: the Standard layout and a decision-first
layout, in Word and (through LibreOffice) PDF; and what a public edition keeps of a closed item
with a public title, in every part of the Word package."""

from __future__ import annotations

import dataclasses
import re

import pytest
from sample_documents import standard_layout_meeting
from word_test_support import (
    normalised,
    package_texts,
    pdf_text,
    reader_lines,
    soffice,
    styled_lines,
    to_pdf,
)

from secretary_app.core.item_layout import STANDARD
from secretary_app.export.layout import Edition, build_layout
from secretary_app.export.word import write_docx

MINUTES, AGENDA = Edition("minutes"), Edition("agenda")
PUBLIC_MINUTES, PUBLIC_AGENDA = Edition("minutes", public=True), Edition("agenda", public=True)
SECRETS = (
    "Salg af byggegrund",
    "Skovvej",
    "HEMMELIGINDSTILLING",
    "HEMMELIGSAGSFORLOEB",
    "HEMMELIGSAGSFREMSTILLING",
    "HEMMELIGOEKONOMI",
    "HEMMELIGFORBEHOLD",
    "HEMMELIGBILAG",
    "330-2018-4711",
)


def export(tmp_path, edition, doc=None, name="ud.docx"):
    target = tmp_path / name
    write_docx(build_layout(doc or standard_layout_meeting(), edition), target)
    return target


def styled(path):
    """(style, text) of the body from the first item heading on, in reading order with the
    tables' rows and the lists' labels (word_test_support.styled_lines)."""
    found = styled_lines(path)
    first = next(i for i, (style, _) in enumerate(found) if style == "Heading 1")
    return found[first:]


def test_the_standard_minutes_read_in_the_standard_layout(tmp_path):
    assert styled(export(tmp_path, MINUTES)) == [
        ("Heading 1", "1. Godkendelse af dagsorden"),
        ("Normal", "Sagsnr.: 330-2018-3619 · Åbent"),
        ("Heading 2", "Indstilling"),
        ("Normal", "Borgmesteren indstiller, at dagsordenen godkendes."),
        ("Heading 2", "Beslutning"),
        ("Normal", "Godkendt."),
        ("Heading 1", "2. Salg af byggegrund, Skovvej 12"),
        ("Normal", "Sagsnr.: 330-2018-4711 · Lukket"),
        ("Heading 2", "Indstilling"),
        ("Normal", "HEMMELIGINDSTILLING: at grunden sælges til højestbydende."),
        ("Heading 2", "Sagsforløb"),
        ("Normal", "HEMMELIGSAGSFORLOEB fra maj."),
        ("Heading 2", "Sagsfremstilling"),
        ("Normal", "HEMMELIGSAGSFREMSTILLING om køberen."),
        ("Heading 2", "Økonomi"),
        ("Normal", "HEMMELIGOEKONOMI: 4,2 mio. kr."),
        ("Heading 2", "Beslutning"),
        ("Normal", "Salget godkendes."),
        ("Normal", "Søren Holm tog forbehold: HEMMELIGFORBEHOLD om prisen"),
        ("Heading 2", "Bilag"),
        ("List Paragraph", "Bilag 1: HEMMELIGBILAG Købsaftale"),
        ("Heading 1", "3. Budgetopfølgning"),
        ("Normal", "Åbent"),
        ("Heading 2", "Sagsfremstilling"),
        ("Normal", "Forvaltningen gennemgår forbruget."),
        ("Heading 2", "Økonomi"),
        ("Normal", "Et mindreforbrug på 3 mio. kr."),
        ("Heading 2", "Beslutning"),
        ("Normal", "Taget til efterretning."),
        ("Heading 2", "Bilag"),
        ("List Paragraph", "Bilag 1: Regnskab 3. kvartal"),
        ("Heading 2", "Underskrifter"),
        ("Normal", "Navn\tUnderskrift"),  # the signature table: a row for each member present
        ("Normal", "Søren Holm\t"),
        ("Normal", "Anne Berg\t"),
    ]


def test_the_standard_agenda_has_no_decisions_and_no_empty_sections(tmp_path):
    texts = [text for _, text in styled(export(tmp_path, AGENDA))]
    assert "Beslutning" not in texts and "Godkendt." not in texts
    first = texts[: texts.index("2. Salg af byggegrund, Skovvej 12")]
    assert first == [
        "1. Godkendelse af dagsorden",
        "Sagsnr.: 330-2018-3619 · Åbent",
        "Indstilling",
        "Borgmesteren indstiller, at dagsordenen godkendes.",
    ]
    contents = reader_lines(export(tmp_path, AGENDA))
    assert "1. Godkendelse af dagsorden" in contents[:8]  # the table of contents


def test_a_layout_may_put_the_decision_first(tmp_path):
    decision, *others = reversed(STANDARD.sections)
    first = dataclasses.replace(
        STANDARD,
        sections=(decision, *reversed(others)),
        decision_heading="Beslutning i {committee} den {date}:",
    )
    doc = standard_layout_meeting()
    doc.layout = first
    texts = [text for _, text in styled(export(tmp_path, MINUTES, doc))]
    assert texts[:6] == [
        "1. Godkendelse af dagsorden",
        "Sagsnr.: 330-2018-3619 · Åbent",
        "Beslutning",
        "Beslutning i Økonomiudvalget den 1. oktober 2018:",
        "Godkendt.",
        "Indstilling",
    ]


def test_a_closed_item_with_a_public_title_leaves_nothing_else_in_the_public_package(tmp_path):
    for edition in (PUBLIC_MINUTES, PUBLIC_AGENDA):
        target = export(tmp_path, edition, name=f"{edition.kind}.docx")
        parts = package_texts(target)
        for secret in SECRETS:
            found = [name for name, text in parts.items() if secret in text]
            assert found == [], f"{secret} in {found} ({edition.kind})"
        body = parts["word/document.xml"]
        assert "2. Lukket punkt: Ejendomshandel" in body
    minutes = [text for _, text in styled(export(tmp_path, PUBLIC_MINUTES))]
    sale = minutes[minutes.index("2. Lukket punkt: Ejendomshandel") :][:5]
    assert sale == [
        "2. Lukket punkt: Ejendomshandel",
        "Lukket",
        "Beslutning",
        "Salget godkendes.",
        "Søren Holm tog forbehold.",
    ]


def test_the_full_edition_shows_the_title_and_not_the_public_title(tmp_path):
    body = package_texts(export(tmp_path, MINUTES))["word/document.xml"]
    assert "Salg af byggegrund, Skovvej 12" in body
    assert "Ejendomshandel" not in body


needs_libreoffice = pytest.mark.skipif(
    soffice() is None, reason="LibreOffice is not installed; CI installs it (.ci/run)"
)


@needs_libreoffice
def test_libreoffice_prints_the_standard_minutes_in_their_order(tmp_path):
    text = normalised(pdf_text(to_pdf(export(tmp_path, MINUTES))))
    text = re.sub(r" ?Side \d+ af \d+", "", text)
    order = [
        "1. Godkendelse af dagsorden Sagsnr.: 330-2018-3619 · Åbent Indstilling",
        "Beslutning Godkendt.",
        "2. Salg af byggegrund, Skovvej 12 Sagsnr.: 330-2018-4711 · Lukket Indstilling",
        "Sagsforløb",
        "Sagsfremstilling",
        "Økonomi HEMMELIGOEKONOMI",
        "Beslutning Salget godkendes. Søren Holm tog forbehold: HEMMELIGFORBEHOLD om prisen",
        "Bilag Bilag 1: HEMMELIGBILAG Købsaftale",
        "3. Budgetopfølgning Åbent Sagsfremstilling",
        "Bilag Bilag 1: Regnskab 3. kvartal",
        "Underskrifter Navn Underskrift Søren Holm Anne Berg",  # the sheet held on one page
    ]
    places = [text.index(part) for part in order]
    assert places == sorted(places)


@needs_libreoffice
def test_libreoffice_prints_the_public_minutes_without_the_closed_items_text(tmp_path):
    text = pdf_text(to_pdf(export(tmp_path, PUBLIC_MINUTES)))
    assert "Lukket punkt: Ejendomshandel" in text
    assert [secret for secret in SECRETS if secret in text] == []
