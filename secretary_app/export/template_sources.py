"""The parts of a template that docxtpl renders, each as the Jinja source docxtpl will see.

docxtpl renders the body, every header and footer, the footnotes and some document properties
as Jinja templates, after cleaning Word's run markup out of the `{{ … }}` tags and putting each
paragraph on a line of its own. Reading the parts the same way here lets an error's line number
be told as "afsnit 3 i brødteksten", with the paragraph's text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from docx.oxml.ns import qn
from docxtpl import DocxTemplate

BODY = "brødteksten"
HEADER = "sidehovedet"
FOOTER = "sidefoden"
FOOTNOTES = "fodnoterne"
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"

# The document properties docxtpl renders as templates, with their names in Danish Word.
RENDERED_PROPERTIES = {
    "title": "Titel",
    "subject": "Emne",
    "author": "Forfatter",
    "comments": "Kommentarer",
    "identifier": "Id",
    "language": "Sprog",
}
PROPERTY_MAX = 255  # characters Word allows in a document property
_PAGE_KINDS = {"first": " på første side", "even": " på lige sider"}
_PARAGRAPH_START = re.compile(r"<w:p([ >])")
_TAG = re.compile(r"<[^>]+>")
_EXCERPT_MAX = 60


@dataclass(frozen=True)
class TemplateSource:
    """One part of the template as Jinja source; `where` names it in Danish; a document
    property is plain text, at most `max_chars` long once filled in."""

    where: str
    source: str
    is_xml: bool = True
    max_chars: int | None = None

    def place(self, line: int | None) -> str:
        """Where line `line` is: "afsnit 3 i brødteksten («Mødested: {{ sted }}»)"."""
        if not self.is_xml or line is None:
            return self.where
        lines = self.source.split("\n")[:line]
        number = sum(1 for text in lines[1:] if text.startswith("<w:p"))
        if number == 0:
            return self.where
        excerpt = _excerpt(lines[-1])
        shown = f" («{excerpt}»)" if excerpt else ""
        return f"afsnit {number} i {self.where}{shown}"


def _excerpt(xml_line: str) -> str:
    text = " ".join(html.unescape(_TAG.sub("", xml_line)).split())
    return text if len(text) <= _EXCERPT_MAX else text[: _EXCERPT_MAX - 1] + "…"


def as_rendered(xml: str) -> str:
    """The source exactly as docxtpl hands it to Jinja: one paragraph per line."""
    return _PARAGRAPH_START.sub(r"\n<w:p\1", xml)


def template_sources(template: DocxTemplate) -> list[TemplateSource]:
    """Every part of `template` that docxtpl renders, in the order it renders them."""
    template.init_docx()
    body = TemplateSource(BODY, as_rendered(template.patch_xml(template.get_xml())))
    return [body, *_header_footer_sources(template), *_property_sources(template)] + list(
        _footnote_sources(template)
    )


def _header_footer_sources(template: DocxTemplate) -> Iterator[TemplateSource]:
    kinds = _reference_kinds(template)
    for uri, name in ((template.HEADER_URI, HEADER), (template.FOOTER_URI, FOOTER)):
        for rel_id, part in template.get_headers_footers(uri):
            xml = template.patch_xml(template.get_part_xml(part))
            where = name + _PAGE_KINDS.get(kinds.get(rel_id, ""), "")
            yield TemplateSource(where, as_rendered(xml))


def _reference_kinds(template: DocxTemplate) -> dict[str, str]:
    """Which pages each header and footer is for: {relationship id: "default"|"first"|"even"}."""
    kinds: dict[str, str] = {}
    body = template.docx.element.body
    for tag in ("w:headerReference", "w:footerReference"):
        for reference in body.iter(qn(tag)):
            kinds[reference.get(qn("r:id"))] = reference.get(qn("w:type")) or "default"
    return kinds


def _property_sources(template: DocxTemplate) -> Iterator[TemplateSource]:
    """Every property docxtpl renders, with or without placeholders: each must fit in Word."""
    properties = template.docx.core_properties
    for name, danish in RENDERED_PROPERTIES.items():
        value = getattr(properties, name) or ""
        if value:
            where = f"dokumentegenskaben «{danish}»"
            yield TemplateSource(where, value, is_xml=False, max_chars=PROPERTY_MAX)


def _footnote_sources(template: DocxTemplate) -> Iterator[TemplateSource]:
    for part in template.docx.part.package.parts:
        if part.content_type == FOOTNOTES_TYPE:
            blob = part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob
            yield TemplateSource(FOOTNOTES, as_rendered(template.patch_xml(blob)))
