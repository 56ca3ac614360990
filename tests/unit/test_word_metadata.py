"""The metadata of the Word documents we write (issue 9): Word's current compatibility mode, our
application in docProps/app.xml, no stray languages, the template's own author kept, and the
default template's styles for good page flow. Read back as a zip of XML parts."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree
from sample_documents import reference_document
from word_test_support import normalised, package_texts, pdf_text, rewrite_package, soffice, to_pdf

from secretary_app.export.layout import Edition, build_layout
from secretary_app.export.template import default_template_path
from secretary_app.export.word import write_docx
from secretary_app.export.word_properties import app_version

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
NS = {"w": W, "ep": EP}
COMMITTEE = "Opgaveudvalg om Innovation"


def export(tmp_path: Path, template: Path | None = None, name: str = "out.docx") -> Path:
    target = tmp_path / name
    write_docx(build_layout(reference_document(), Edition("minutes")), target, template)
    return target


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read(name))


def compat_settings(path: Path) -> dict[str, str]:
    settings = part(path, "word/settings.xml")
    return {
        s.get(f"{{{W}}}name"): s.get(f"{{{W}}}val")
        for s in settings.iterfind("w:compat/w:compatSetting", NS)
    }


def app_properties(path: Path) -> dict[str, str]:
    return {
        etree.QName(child).localname: child.text or "" for child in part(path, "docProps/app.xml")
    }


def with_settings(tmp_path: Path, change, name: str = "t.docx") -> Path:
    """The default template with its settings.xml text changed by `change`."""
    source = default_template_path()
    settings = package_texts(source)["word/settings.xml"]
    return rewrite_package(
        source, tmp_path / name, {"word/settings.xml": change(settings).encode()}
    )


def without_part(source: Path, target: Path, partname: str, reltype_end: str) -> Path:
    """`source` with the part `partname` (e.g. docProps/app.xml) and its relationship left out."""
    texts = package_texts(source)
    rels_name = (
        "_rels/.rels" if partname.startswith("docProps/") else "word/_rels/document.xml.rels"
    )
    rels = re.sub(rf'<Relationship [^>]*{reltype_end}"[^>]*/>', "", texts[rels_name])
    types = re.sub(
        rf'<Override PartName="/{re.escape(partname)}"[^>]*/>', "", texts["[Content_Types].xml"]
    )
    return rewrite_package(
        source,
        target,
        {partname: None, rels_name: rels.encode(), "[Content_Types].xml": types.encode()},
    )


# --- compatibility mode ---------------------------------------------------------------------


def test_the_default_template_gives_word_s_current_compatibility_mode(tmp_path):
    settings = compat_settings(export(tmp_path))
    assert settings == {
        "compatibilityMode": "15",
        "overrideTableStyleFontSizeAndJustification": "1",
        "enableOpenTypeFeatures": "1",
        "doNotFlipMirrorIndents": "1",
        "differentiateMultirowTableHeaders": "1",
    }
    compat = part(export(tmp_path, name="again.docx"), "word/settings.xml").find("w:compat", NS)
    assert [etree.QName(child).localname for child in compat] == ["compatSetting"] * 5


def test_a_template_s_own_compatibility_mode_is_kept(tmp_path):
    template = with_settings(tmp_path, lambda xml: xml.replace('w:val="15"', 'w:val="14"'))
    assert compat_settings(export(tmp_path, template))["compatibilityMode"] == "14"


def test_a_template_without_a_compatibility_mode_gets_the_current_one(tmp_path):
    def no_mode(xml: str) -> str:
        return re.sub(r'<w:compatSetting w:name="compatibilityMode"[^>]*/>', "", xml)

    template = with_settings(tmp_path, no_mode)
    assert "compatibilityMode" not in compat_settings(template)
    settings = compat_settings(export(tmp_path, template))
    assert settings["compatibilityMode"] == "15"
    assert settings["enableOpenTypeFeatures"] == "1"  # the template's other settings are kept


def test_a_template_without_compat_or_settings_gets_the_current_mode(tmp_path):
    no_compat = with_settings(tmp_path, lambda xml: re.sub(r"<w:compat>.*?</w:compat>", "", xml))
    assert compat_settings(export(tmp_path, no_compat))["compatibilityMode"] == "15"
    no_settings = without_part(
        default_template_path(), tmp_path / "n.docx", "word/settings.xml", "settings"
    )
    assert "word/settings.xml" not in package_texts(no_settings)
    path = export(tmp_path, no_settings, name="n-out.docx")
    assert compat_settings(path)["compatibilityMode"] == "15"
    assert "useFELayout" not in package_texts(path)["word/settings.xml"]


# --- languages and application --------------------------------------------------------------


def test_no_stray_language_and_no_macintosh_word_in_any_part(tmp_path):
    for path in (default_template_path(), export(tmp_path)):
        for name, text in package_texts(path).items():
            assert "ja-JP" not in text, (path.name, name)
            assert "Macintosh" not in text, (path.name, name)
            languages = set(re.findall(r'lang[^=>]*="([a-z]{2}-[A-Z]{2})"', text))
            languages |= set(re.findall(r"<dc:language>([^<]*)<", text))
            assert languages <= {"da-DK"}, (path.name, name, languages)


def test_app_properties_name_our_application_and_version_without_stale_counts(tmp_path):
    properties = app_properties(export(tmp_path))
    assert properties["Application"] == "Mødesekretær"
    assert re.fullmatch(r"\d\d\.\d{4}", properties["AppVersion"])
    assert properties["AppVersion"] == app_version()
    stale = {"Words", "Pages", "Characters", "Lines", "Paragraphs", "CharactersWithSpaces"}
    assert not stale & set(properties)
    assert "TotalTime" not in properties


def test_the_default_template_has_no_app_version_and_no_counts():
    properties = app_properties(default_template_path())
    assert properties["Application"] == "Mødesekretær"
    assert (
        "AppVersion" not in properties and "Words" not in properties and "Pages" not in properties
    )


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("0.1.0", "00.0001"),
        ("2.13.4", "02.0013"),
        ("1.2rc1", "01.0002"),
        ("3", "03.0000"),
        ("123.45678", "99.9999"),
        ("ukendt", "00.0000"),
    ],
)
def test_app_version_is_major_and_minor_as_digits(version, expected):
    assert app_version(version) == expected


def test_a_template_s_company_is_kept_and_its_counts_dropped(tmp_path):
    source = default_template_path()
    app = package_texts(source)["docProps/app.xml"].replace(
        "<Company/>", "<Company>Gentofte Kommune</Company><Words>812</Words><Pages>3</Pages>"
    )
    template = rewrite_package(source, tmp_path / "t.docx", {"docProps/app.xml": app.encode()})
    properties = app_properties(export(tmp_path, template))
    assert properties["Company"] == "Gentofte Kommune"
    assert "Words" not in properties and "Pages" not in properties
    assert properties["Application"] == "Mødesekretær"


def test_a_template_without_app_properties_gets_them(tmp_path):
    template = without_part(
        default_template_path(), tmp_path / "t.docx", "docProps/app.xml", "extended-properties"
    )
    assert "docProps/app.xml" not in package_texts(template)
    path = export(tmp_path, template)
    texts = package_texts(path)
    assert "extended-properties" in texts["_rels/.rels"]
    assert 'PartName="/docProps/app.xml"' in texts["[Content_Types].xml"]
    assert app_properties(path)["Application"] == "Mødesekretær"
    assert docx.Document(str(path)).paragraphs  # python-docx opens it


def test_a_broken_app_part_is_written_afresh(tmp_path):
    source = default_template_path()
    template = rewrite_package(source, tmp_path / "t.docx", {"docProps/app.xml": b"<ikke xml"})
    properties = app_properties(export(tmp_path, template))
    assert properties["Application"] == "Mødesekretær"


# --- author ---------------------------------------------------------------------------------


def with_author(tmp_path: Path, author: str) -> Path:
    document = docx.Document(str(default_template_path()))
    document.core_properties.author = author
    path = tmp_path / "forfatter.docx"
    document.save(str(path))
    return path


def test_the_template_s_own_author_is_kept(tmp_path):
    path = export(tmp_path, with_author(tmp_path, "Gentofte Kommune"))
    properties = docx.Document(str(path)).core_properties
    assert properties.author == "Gentofte Kommune"
    assert properties.last_modified_by == "Mødesekretær"


@pytest.mark.parametrize("author", ["", "   "])
def test_a_template_without_an_author_gives_the_committee(tmp_path, author):
    path = export(tmp_path, with_author(tmp_path, author))
    assert docx.Document(str(path)).core_properties.author == COMMITTEE
    assert docx.Document(str(export(tmp_path, name="d.docx"))).core_properties.author == COMMITTEE


# --- the default template's styles ----------------------------------------------------------


def style(styles: etree._Element, style_id: str) -> etree._Element:
    found = styles.find(f"w:style[@w:styleId='{style_id}']", NS)
    assert found is not None, style_id
    return found


def test_the_default_template_s_styles_keep_text_together():
    styles = part(default_template_path(), "word/styles.xml")
    assert style(styles, "Normal").find("w:pPr/w:widowControl", NS) is not None
    for style_id in ("Title", "TOCHeading", "Heading1", "Heading2", "Heading3"):
        assert style(styles, style_id).find("w:pPr/w:keepNext", NS) is not None, style_id
    for style_id in ("Heading1", "Heading2", "Heading3"):
        assert style(styles, style_id).find("w:pPr/w:keepLines", NS) is not None, style_id


def test_the_contents_entries_have_a_dot_leader_to_the_right_margin():
    toc = style(part(default_template_path(), "word/styles.xml"), "TOC1")
    tabs = toc.findall("w:pPr/w:tabs/w:tab", NS)
    assert [
        (t.get(f"{{{W}}}val"), t.get(f"{{{W}}}leader"), t.get(f"{{{W}}}pos")) for t in tabs
    ] == [("right", "dot", "9354")]
    indent = toc.find("w:pPr/w:ind", NS)
    assert indent.get(f"{{{W}}}hanging") == "425" and indent.get(f"{{{W}}}left") == "425"
    children = [etree.QName(child).localname for child in toc.find("w:pPr", NS)]
    assert children.index("tabs") < children.index("spacing") < children.index("ind")  # schema


# --- still a document -----------------------------------------------------------------------


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_still_opens_the_reference_minutes(tmp_path):
    pdf = to_pdf(export(tmp_path, name="referat.docx"))
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        assert "Referat af møde i Opgaveudvalg om Innovation" in normalised(pdf_text(pdf))
