"""The page of the municipality's template: paper, margins, bands and fonts, for the print writer.

When no converter turns the Word document into a PDF, the Qt print writer (ui.print_writer)
draws the same layout itself; it follows the template's page as read here: the size and margins
of its last section (the body's), how far its header and footer stand from the paper's edge,
and the fonts of its body, its "Title" and "heading 1" styles. A template that cannot be read,
or a value that is missing or makes no sense, gives the default A4 page's value instead. What
the header and footer show is read by export.template_bands, with the styles read here.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from docx.shared import Length
from lxml import etree

from secretary_app.export.template import default_template_path, read_template

MIN_BODY_MM = 20.0  # the least width and height a body keeps between the margins
MAX_PAGE_MM = 2000.0
THEME_FONTS = {"minor": "a:minorFont", "major": "a:majorFont"}
DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"

T = TypeVar("T")


@dataclass(frozen=True)
class TemplatePage:
    """A page as the template sets it up; lengths in millimetres, font sizes in points.

    The defaults are those of the default template: A4, margins 2.5 cm at the top and left,
    2 cm right, 2.2 cm at the foot, header and footer 1.2 cm from the edge, Arial 10 pt, and
    a first page of its own with no header.
    """

    width_mm: float = 210.0
    height_mm: float = 297.0
    top_mm: float = 25.0
    bottom_mm: float = 22.0
    left_mm: float = 25.0
    right_mm: float = 20.0
    header_mm: float = 12.0  # from the paper's top edge to the header's top
    footer_mm: float = 12.0  # from the paper's bottom edge to the footer's foot
    font_family: str = "Arial"
    body_points: float = 10.0
    heading_points: float | None = None  # "heading 1", where the template sets its size
    title_points: float | None = None  # "Title"
    band_points: float | None = None  # "footer" (else "header"): the bands' text
    header_on_first_page: bool = False  # False: a first page of its own, with no header text
    # The template read (None: the default template), for its header and footer, which show
    # the document's placeholders (export.template_bands).
    template: Path | None = field(default=None, compare=False)

    @property
    def body_width_mm(self) -> float:
        return self.width_mm - self.left_mm - self.right_mm


DEFAULT_PAGE = TemplatePage()


def page_of_template(path: Path | None = None) -> TemplatePage:
    """The page of the template at `path` (None: the default template); on any problem
    reading it, the default page (a value the template lacks: the default page's value)."""
    try:
        data = read_template(path or default_template_path())
        document = docx.Document(io.BytesIO(data))
        return replace(_page_of(document), template=path)
    except Exception:  # an untrusted file: whatever fails, the default page
        return DEFAULT_PAGE


def _page_of(document: Document) -> TemplatePage:
    page = _paper(document)
    fonts = StyleSheet(document)
    return replace(
        page,
        font_family=fonts.family() or DEFAULT_PAGE.font_family,
        body_points=fonts.body_points() or DEFAULT_PAGE.body_points,
        heading_points=fonts.style_points("Heading1", "heading 1"),
        title_points=fonts.style_points("Title", "Title"),
        band_points=fonts.style_points("Footer", "footer")
        or fonts.style_points("Header", "header"),
    )


# --- paper ----------------------------------------------------------------------------------


def _paper(document: Document) -> TemplatePage:
    """Size and margins of the last section; each group that makes no sense: the default's."""
    sections = document.sections
    if not len(sections):
        return DEFAULT_PAGE
    section = sections[-1]
    width, height = _mm(section.page_width), _mm(section.page_height)
    if not (
        _between(width, MIN_BODY_MM, MAX_PAGE_MM) and _between(height, MIN_BODY_MM, MAX_PAGE_MM)
    ):
        return DEFAULT_PAGE
    assert width is not None and height is not None
    page = replace(DEFAULT_PAGE, width_mm=width, height_mm=height)
    left, right = _mm(section.left_margin), _mm(section.right_margin)
    if left is not None and right is not None and left + right <= width - MIN_BODY_MM:
        page = replace(page, left_mm=left, right_mm=right)
    else:
        page = _fitted_sides(page)
    # A negative top or bottom margin is Word's "exactly": the body does not move for the bands.
    top, bottom = _mm(section.top_margin, absolute=True), _mm(section.bottom_margin, absolute=True)
    if top is not None and bottom is not None and top + bottom <= height - MIN_BODY_MM:
        page = replace(page, top_mm=top, bottom_mm=bottom)
    else:
        page = _fitted_ends(page)
    own_first_page = section.different_first_page_header_footer
    page = replace(
        page, header_on_first_page=not own_first_page or _has_text(section.first_page_header)
    )
    header, footer = _mm(section.header_distance), _mm(section.footer_distance)
    if header is not None and _between(header, 0, height / 3):
        page = replace(page, header_mm=header)
    if footer is not None and _between(footer, 0, height / 3):
        page = replace(page, footer_mm=footer)
    return replace(
        page,
        header_mm=min(page.header_mm, page.top_mm),
        footer_mm=min(page.footer_mm, page.bottom_mm),
    )


def _has_text(header: Any) -> bool:
    """Does the header show any text (a placeholder counts)?"""
    if header.is_linked_to_previous:
        return True  # the first page takes the header of the section before: not ours to know
    return any(paragraph.text.strip() for paragraph in header.paragraphs)


def _fitted_sides(page: TemplatePage) -> TemplatePage:
    """The default side margins, or a tenth of the paper each where they do not fit."""
    if DEFAULT_PAGE.left_mm + DEFAULT_PAGE.right_mm <= page.width_mm - MIN_BODY_MM:
        return page
    return replace(page, left_mm=page.width_mm / 10, right_mm=page.width_mm / 10)


def _fitted_ends(page: TemplatePage) -> TemplatePage:
    if DEFAULT_PAGE.top_mm + DEFAULT_PAGE.bottom_mm <= page.height_mm - MIN_BODY_MM:
        return page
    return replace(page, top_mm=page.height_mm / 10, bottom_mm=page.height_mm / 10)


def _mm(length: Length | int | None, absolute: bool = False) -> float | None:
    if length is None:
        return None
    millimetres = Length(abs(int(length)) if absolute else int(length)).mm
    return float(millimetres)


def _between(value: float | None, low: float, high: float) -> bool:
    return value is not None and low <= value <= high


# --- fonts ----------------------------------------------------------------------------------


class StyleSheet:
    """The styles part: the fonts it sets (w:docDefaults, then a style and the styles it is
    based on; theme fonts such as "minorHAnsi" are looked up in the theme part), and its styles,
    for the template's bands (export.template_bands)."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.styles = _styles_element(document)

    def family(self) -> str | None:
        return self._first(self._normal_chain(), self.family_of)

    def body_points(self) -> float | None:
        return self._first(self._normal_chain(), points_of)

    def style_points(self, style_id: str, name: str) -> float | None:
        """The size the style sets, itself or through the styles it is based on (short of the
        body's style); None where it leaves the size to the body's."""
        style = self.style(style_id, name)
        if style is None:
            return None
        normal = self.default_paragraph_style()
        chain = [s for s in self.based_on_chain(style) if s is not normal]
        return self._first(chain, points_of)

    def _normal_chain(self) -> list[Any]:
        normal = self.default_paragraph_style()
        chain = self.based_on_chain(normal) if normal is not None else []
        return [*chain, *self.defaults()]

    def _first(self, elements: list[Any], read: Callable[[Any], T | None]) -> T | None:
        for element in elements:
            value = read(element)
            if value:
                return value
        return None

    def defaults(self, kind: str = "w:rPrDefault") -> list[Any]:
        """The document's defaults of runs (w:rPrDefault) or paragraphs (w:pPrDefault)."""
        if self.styles is None:
            return []
        return list(self.styles.iterfind(f"{qn('w:docDefaults')}/{qn(kind)}"))

    def default_paragraph_style(self) -> Any:
        if self.styles is None:
            return None
        for style in self.styles.iterfind(qn("w:style")):
            if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in (
                "1",
                "true",
            ):
                return style
        return self.style("Normal", "Normal")

    def style(self, style_id: str, name: str = "\0") -> Any:
        """The style of that id, else of that name (any case); None."""
        if self.styles is None:
            return None
        for style in self.styles.iterfind(qn("w:style")):
            if style.get(qn("w:styleId")) == style_id:
                return style
        for style in self.styles.iterfind(qn("w:style")):
            found = style.find(qn("w:name"))
            if found is not None and (found.get(qn("w:val")) or "").lower() == name.lower():
                return style
        return None

    def based_on_chain(self, style: Any) -> list[Any]:
        """The style, the style it is based on, and so on."""
        chain: list[Any] = []
        while style is not None and len(chain) < 20 and style not in chain:
            chain.append(style)
            based_on = style.find(qn("w:basedOn"))
            base_id = based_on.get(qn("w:val")) if based_on is not None else None
            style = self.style(base_id) if base_id else None
        return chain

    def family_of(self, element: Any) -> str | None:
        """The font family the element's w:rPr sets (a theme font looked up); None."""
        fonts = element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        if fonts is None:
            return None
        for attribute in ("w:ascii", "w:hAnsi"):
            name = fonts.get(qn(attribute))
            if name and name.strip():
                return str(name.strip())
        theme = fonts.get(qn("w:asciiTheme")) or fonts.get(qn("w:hAnsiTheme"))
        return self._theme_font(theme) if theme else None

    def _theme_font(self, theme: str) -> str | None:
        """ "minorHAnsi" → the theme's minor Latin typeface."""
        kind = next((THEME_FONTS[k] for k in THEME_FONTS if theme.startswith(k)), None)
        element = _theme_element(self.document)
        if kind is None or element is None:
            return None
        latin = element.find(f".//{kind}/a:latin", namespaces={"a": DRAWING_NS})
        name = latin.get("typeface") if latin is not None else None
        return str(name).strip() if name and name.strip() else None


def points_of(element: Any) -> float | None:
    """The size (points) the element's w:rPr sets; None."""
    size = element.find(f"{qn('w:rPr')}/{qn('w:sz')}")
    if size is None:
        return None
    try:
        points = int(size.get(qn("w:val"), "")) / 2
    except ValueError:
        return None
    return points if 1 <= points <= 200 else None


def _styles_element(document: Document) -> Any:
    try:
        return document.styles.element
    except (KeyError, ValueError, etree.LxmlError):
        return None


def _theme_element(document: Document) -> Any:
    for relationship in document.part.rels.values():
        if relationship.reltype == RELATIONSHIP_TYPE.THEME and not relationship.is_external:
            parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
            try:
                return etree.fromstring(relationship.target_part.blob, parser)
            except etree.LxmlError:
                return None
    return None
