"""Make resources/default_template.docx, the Word template the program ships (this is its source).

A4, Arial, real Title / Heading 1-3 / List Paragraph / TOC styles in the reference's sober look,
Danish as the only language (no ja-JP of python-docx's template), Word's current compatibility
mode, widow and orphan control in every paragraph, keep-with-next on titles and headings, a dot
leader to the page number in the table of contents, a header with the committee and the document
kind (not on the first page), "Side N af M" in the footer as PAGE / NUMPAGES fields, and a body
with the title placeholder and the content marker. Run: python scripts/make_default_template.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph

from secretary_app.export.word_properties import set_application_properties, set_compat_settings

TARGET = Path(__file__).resolve().parent.parent / "resources" / "default_template.docx"
FONT = "Arial"
TEXT_WIDTH = 9354  # twips: 21 cm less 2.5 cm and 2 cm of margins

DOC_DEFAULTS = f"""
<w:docDefaults {nsdecls("w")}>
  <w:rPrDefault><w:rPr>
    <w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>
    <w:sz w:val="20"/><w:szCs w:val="20"/>
    <w:lang w:val="da-DK" w:eastAsia="da-DK"/>
  </w:rPr></w:rPrDefault>
  <w:pPrDefault><w:pPr>
    <w:spacing w:after="120" w:line="264" w:lineRule="auto"/>
  </w:pPr></w:pPrDefault>
</w:docDefaults>"""

# (type, id, name, extra elements, pPr, rPr); every paragraph style but Normal is based on Normal.
STYLES = [
    ("paragraph", "Normal", "Normal", '<w:qFormat/>', "<w:widowControl/>", ""),
    (
        "paragraph", "Title", "Title", "<w:qFormat/>",
        '<w:keepNext/><w:spacing w:before="0" w:after="240" w:line="240" w:lineRule="auto"/>',
        '<w:b/><w:bCs/><w:kern w:val="28"/><w:sz w:val="36"/><w:szCs w:val="36"/>',
    ),
    (
        "paragraph", "Heading1", "heading 1", '<w:uiPriority w:val="9"/><w:qFormat/>',
        '<w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="120"/>'
        '<w:outlineLvl w:val="0"/>',
        '<w:b/><w:bCs/><w:sz w:val="26"/><w:szCs w:val="26"/>',
    ),
    (
        "paragraph", "Heading2", "heading 2",
        '<w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/>',
        '<w:keepNext/><w:keepLines/><w:spacing w:before="200" w:after="40"/>'
        '<w:outlineLvl w:val="1"/>',
        '<w:b/><w:bCs/>',
    ),
    (
        "paragraph", "Heading3", "heading 3",
        '<w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/>',
        '<w:keepNext/><w:keepLines/><w:spacing w:before="0" w:after="120"/>'
        '<w:outlineLvl w:val="2"/>',
        '<w:i/><w:iCs/>',
    ),
    (
        "paragraph", "ListParagraph", "List Paragraph", '<w:uiPriority w:val="34"/><w:qFormat/>',
        '<w:spacing w:after="120"/><w:ind w:left="720"/><w:contextualSpacing/>', "",
    ),
    (
        "paragraph", "TOCHeading", "TOC Heading",
        '<w:uiPriority w:val="39"/><w:unhideWhenUsed/><w:qFormat/>',
        '<w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="9"/>',
        '<w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="24"/>',
    ),
    (
        "paragraph", "TOC1", "toc 1", '<w:uiPriority w:val="39"/><w:unhideWhenUsed/>',
        f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{TEXT_WIDTH}"/></w:tabs>'
        '<w:spacing w:after="40"/><w:ind w:left="425" w:hanging="425"/>', "",
    ),
    (
        "paragraph", "Header", "header", '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>',
        f'<w:tabs><w:tab w:val="right" w:pos="{TEXT_WIDTH}"/></w:tabs>'
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
        '<w:color w:val="595959"/><w:sz w:val="16"/><w:szCs w:val="16"/>',
    ),
    (
        "paragraph", "Footer", "footer", '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>',
        '<w:jc w:val="right"/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
        '<w:color w:val="595959"/><w:sz w:val="16"/><w:szCs w:val="16"/>',
    ),
    ("character", "DefaultParagraphFont", "Default Paragraph Font", "", "", ""),
    ("table", "TableNormal", "Normal Table", "", "", ""),
    ("numbering", "NoList", "No List", "", "", ""),
]  # fmt: skip
DEFAULT_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList"}
NEXT_STYLE = {"Title": "Normal", "Heading1": "Normal", "Heading2": "Normal", "TOCHeading": "Normal"}


def style_xml(kind: str, style_id: str, name: str, extra: str, ppr: str, rpr: str) -> str:
    default = ' w:default="1"' if style_id in DEFAULT_STYLES else ""
    based_on = '<w:basedOn w:val="Normal"/>' if kind == "paragraph" and style_id != "Normal" else ""
    following = f'<w:next w:val="{NEXT_STYLE[style_id]}"/>' if style_id in NEXT_STYLE else ""
    table = (
        '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
        '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr>"
        if kind == "table"
        else ""
    )
    return (
        f'<w:style {nsdecls("w")} w:type="{kind}"{default} w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/>{based_on}{following}{extra}'
        f"{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{f'<w:rPr>{rpr}</w:rPr>' if rpr else ''}"
        f"{table}</w:style>"
    )


def set_styles(document: Document) -> None:
    styles = document.styles.element
    for child in list(styles):
        if child.tag in (qn("w:style"), qn("w:docDefaults")):
            styles.remove(child)
    styles.insert(0, parse_xml(DOC_DEFAULTS))
    for definition in STYLES:
        styles.append(parse_xml(style_xml(*definition)))


def set_page(document: Document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
    section.left_margin, section.right_margin = Cm(2.5), Cm(2.0)
    section.header_distance, section.footer_distance = Cm(1.2), Cm(1.2)
    section.different_first_page_header_footer = True


def add_field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) as begin / instruction / separate / result / end runs."""
    runs = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        "<w:r><w:t>1</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    )
    for run in runs:
        paragraph._p.append(parse_xml(run.replace("<w:r>", f"<w:r {nsdecls('w')}>", 1)))


def page_numbers(paragraph: Paragraph) -> None:
    """Side N af M"""
    paragraph.style = "Footer"
    paragraph.add_run("{% if approved %}{{ approved }} · {% endif %}Side ")
    add_field(paragraph, "PAGE")
    paragraph.add_run(" af ")
    add_field(paragraph, "NUMPAGES")


def set_header_and_footer(document: Document) -> None:
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.style = "Header"
    header.add_run("{{ committee }}\t{{ document }}{% if edition %} – {{ edition }}{% endif %}")
    section.first_page_header.paragraphs[0].style = "Header"
    page_numbers(section.footer.paragraphs[0])
    page_numbers(section.first_page_footer.paragraphs[0])


def set_body(document: Document) -> None:
    body = document.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):
        body.remove(paragraph)
    document.add_paragraph("{{ title }}", style="Title")
    document.add_paragraph("{{ content }}")


def set_properties(document: Document) -> None:
    properties = document.core_properties
    properties.title = "Mødesekretær – standardskabelon"
    properties.author = ""  # the documents' author: the committee (export.word_properties)
    properties.last_modified_by = "Mødesekretær"
    properties.subject = properties.keywords = properties.comments = ""
    properties.language = "da-DK"
    properties.revision = 1
    set_application_properties(document, None)  # no AppVersion: it is the program's


def set_settings(document: Document) -> None:
    """Word's current mode (no "Kompatibilitetstilstand"), Danish only, Danish number marks."""
    settings = document.settings.element
    set_compat_settings(settings)
    theme_language = settings.find(qn("w:themeFontLang"))
    if theme_language is not None:
        settings.remove(theme_language)
    theme_language = parse_xml(f'<w:themeFontLang {nsdecls("w")} w:val="da-DK"/>')
    settings.find(qn("w:clrSchemeMapping")).addprevious(theme_language)
    for tag, value in (("w:decimalSymbol", ","), ("w:listSeparator", ";")):
        element = settings.find(qn(tag))
        if element is not None:
            element.set(qn("w:val"), value)


def drop_extras(document: Document) -> None:
    """python-docx's own template carries a thumbnail, custom XML and stylesWithEffects."""
    package_rels = document.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package_rels.pop(rel_id)
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype == RT.CUSTOM_XML or rel.reltype.endswith("/stylesWithEffects"):
            document.part.drop_rel(rel_id)


def make(target: Path = TARGET) -> Path:
    document = docx.Document()
    drop_extras(document)
    set_styles(document)
    set_page(document)
    set_header_and_footer(document)
    set_body(document)
    set_properties(document)
    set_settings(document)
    document.save(str(target))
    return target


if __name__ == "__main__":
    print(make(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET))
