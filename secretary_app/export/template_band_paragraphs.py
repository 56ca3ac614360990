"""A paragraph of the template's header or footer, as plain data for the print writer.

Its runs in order, each with its text (a tab as "\\t", a line break as "\\n"), bold, italic,
size, colour and font as the run, its character style, the paragraph's style and the document's
defaults set them; the page fields PAGE and NUMPAGES (SECTIONPAGES counts as NUMPAGES), simple
(w:fldSimple) or complex (w:fldChar, w:instrText), become runs that the writer fills in on each
page, while other fields keep the result Word last showed. A picture (w:drawing, or an old
w:pict) becomes a run with the image's bytes and its size. The paragraph's alignment, tab stops
and spacing come from the paragraph and its style.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from docx.oxml.ns import qn

from secretary_app.export.template_page import StyleSheet, points_of

EMU_PER_MM = 36_000
TWIPS_PER_MM = 72 * 20 / 25.4
PAGE_FIELDS = {"PAGE": "PAGE", "NUMPAGES": "NUMPAGES", "SECTIONPAGES": "NUMPAGES"}
ALIGNMENTS = {"center": "center", "right": "right", "end": "right", "both": "justify"}
ALIGNMENTS |= {"distribute": "justify"}
TAB_KINDS = {"center": "center", "right": "right", "end": "right", "decimal": "right"}
CONTAINERS = {qn(f"w:{name}") for name in ("hyperlink", "ins", "smartTag", "customXml", "sdt")}
CONTAINERS |= {qn("w:sdtContent")}
NS = {
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "v": "urn:schemas-microsoft-com:vml",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
_LENGTH = re.compile(r"(width|height)\s*:\s*([\d.]+)\s*(pt|in|cm|mm|px)?", re.I)
_MM_PER_UNIT = {"pt": 25.4 / 72, "in": 25.4, "cm": 10.0, "mm": 1.0, "px": 25.4 / 96}


@dataclass(frozen=True)
class BandImage:
    """A picture: the image file's bytes (PNG, JPEG, …) and the size it is shown at."""

    data: bytes = field(repr=False)
    width_mm: float
    height_mm: float


@dataclass(frozen=True)
class BandRun:
    """Text, a page field or a picture, with its character format."""

    text: str = ""  # "\t" a tab, "\n" a line break
    field: str = ""  # "PAGE" or "NUMPAGES": the page's number or the page count instead
    image: BandImage | None = None
    bold: bool = False
    italic: bool = False
    points: float | None = None  # None: the body's size
    colour: str | None = None  # "595959"; None: black
    family: str | None = None  # None: the body's font

    def shown(self, number: int, count: int) -> str:
        """The run's text on page `number` of `count`."""
        if self.field == "PAGE":
            return str(number)
        return str(count) if self.field == "NUMPAGES" else self.text


@dataclass(frozen=True)
class TabStop:
    position_mm: float  # from the body's left edge
    kind: str = "left"  # "left", "center" or "right"


@dataclass(frozen=True)
class BandParagraph:
    runs: tuple[BandRun, ...] = ()
    alignment: str = "left"  # "left", "center", "right" or "justify"
    tabs: tuple[TabStop, ...] = ()
    before_points: float = 0.0
    after_points: float = 0.0

    def text(self, number: int = 1, count: int = 1) -> str:
        return "".join(run.shown(number, count) for run in self.runs)

    @property
    def is_empty(self) -> bool:
        """Shows nothing: no picture, no field, only blanks."""
        return not any(run.image or run.field or run.text.strip() for run in self.runs)


def read_paragraph(paragraph: Any, part: Any, sheet: StyleSheet) -> BandParagraph:
    """The w:p `paragraph` of the header or footer `part` (for its pictures)."""
    styles = _paragraph_styles(paragraph, sheet)
    reader = _RunReader(part, sheet, styles)
    for element in _runs(paragraph):
        reader.read(element)
    holders = [paragraph, *styles, *sheet.defaults("w:pPrDefault")]
    return BandParagraph(
        runs=tuple(reader.runs),
        alignment=ALIGNMENTS.get(_first_value(holders, "w:jc") or "", "left"),
        tabs=_tab_stops(holders),
        before_points=_spacing(holders, "w:before"),
        after_points=_spacing(holders, "w:after"),
    )


def note_paragraph(text: str, sheet: StyleSheet) -> BandParagraph:
    """A paragraph of `text` in the footer's style, right-aligned."""
    footer = sheet.style("Footer", "footer")
    styles = sheet.based_on_chain(footer) if footer is not None else []
    return BandParagraph((_formatted(text, [*styles, *sheet.defaults()], sheet),), "right")


# --- paragraphs -----------------------------------------------------------------------------


def _paragraph_styles(paragraph: Any, sheet: StyleSheet) -> list[Any]:
    """The paragraph's style and the styles it is based on (none set: the default style)."""
    style_id = _value(paragraph, "w:pPr", "w:pStyle")
    style = sheet.style(style_id) if style_id else sheet.default_paragraph_style()
    return sheet.based_on_chain(style) if style is not None else []


def _runs(element: Any) -> Iterator[Any]:
    """The w:r and w:fldSimple elements in reading order, through hyperlinks, insertions and
    content controls (not into deleted text)."""
    for child in element:
        if child.tag in (qn("w:r"), qn("w:fldSimple")):
            yield child
        elif child.tag in CONTAINERS:
            yield from _runs(child)


def _value(element: Any, *path: str) -> str | None:
    found = element.find("/".join(qn(step) for step in path))
    return None if found is None else found.get(qn("w:val"))


def _first_value(holders: list[Any], name: str) -> str | None:
    for holder in holders:
        value = _value(holder, "w:pPr", name)
        if value is not None:
            return value
    return None


def _spacing(holders: list[Any], side: str) -> float:
    for holder in holders:
        spacing = holder.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
        if spacing is not None and spacing.get(qn(side)) is not None:
            return _number(spacing.get(qn(side))) / 20
    return 0.0


def _tab_stops(holders: list[Any]) -> tuple[TabStop, ...]:
    """The tab stops of the styles (the base first) and the paragraph; "clear" removes one."""
    stops: dict[int, str] = {}
    for holder in reversed(holders):
        for tab in holder.iterfind(f"{qn('w:pPr')}/{qn('w:tabs')}/{qn('w:tab')}"):
            position, kind = int(_number(tab.get(qn("w:pos")))), tab.get(qn("w:val")) or ""
            if kind in ("clear", "bar"):
                stops.pop(position, None)
            elif position > 0:
                stops[position] = TAB_KINDS.get(kind, "left")
    return tuple(TabStop(pos / TWIPS_PER_MM, kind) for pos, kind in sorted(stops.items()))


def _number(text: str | None) -> float:
    try:
        return float(text or 0)
    except ValueError:
        return 0.0


# --- runs -----------------------------------------------------------------------------------


@dataclass
class _Field:
    instruction: str = ""  # as read so far
    result: bool = False  # past its "separate": its result is shown
    done: bool = False  # its page field has been put in

    @property
    def name(self) -> str:
        """The instruction's first word, upper case: "PAGE"."""
        return _instruction(self.instruction)


class _RunReader:
    """Reads runs in order; keeps track of the complex fields they are in."""

    def __init__(self, part: Any, sheet: StyleSheet, styles: list[Any]) -> None:
        self.part, self.sheet, self.styles = part, sheet, styles
        self.runs: list[BandRun] = []
        self.fields: list[_Field] = []

    def read(self, element: Any) -> None:
        if element.tag == qn("w:fldSimple"):
            self._simple_field(element)
            return
        for child in element:
            self._child(child, element)

    def _simple_field(self, element: Any) -> None:
        name = PAGE_FIELDS.get(_instruction(element.get(qn("w:instr"))))
        runs = list(_runs(element))
        if name is None:
            for run in runs:
                self.read(run)
        elif self._visible():
            self.runs.append(self._format(runs[0] if runs else None, field=name))

    def _child(self, child: Any, run: Any) -> None:
        tag = child.tag
        if tag == qn("w:fldChar"):
            self._field_char(child.get(qn("w:fldCharType")), run)
        elif tag == qn("w:instrText") and self.fields:
            self.fields[-1].instruction += child.text or ""
        elif self._visible():
            self._content(child, run)

    def _field_char(self, kind: str | None, run: Any) -> None:
        if kind == "begin":
            self.fields.append(_Field())
        elif kind == "separate" and self.fields:
            self.fields[-1].result = True
            self._page_field(run)
        elif kind == "end" and self.fields:
            self._page_field(run)
            self.fields.pop()

    def _page_field(self, run: Any) -> None:
        """The page field, where the field being read is one, once, where it is seen."""
        current = self.fields[-1]
        name = PAGE_FIELDS.get(current.name)
        outer_shown = all(f.result and f.name not in PAGE_FIELDS for f in self.fields[:-1])
        if name and not current.done and outer_shown:
            self.runs.append(self._format(run, field=name))
            current.done = True

    def _visible(self) -> bool:
        """Shown: outside fields, or in the result of fields that are not page fields."""
        return all(f.result and f.name not in PAGE_FIELDS for f in self.fields)

    def _content(self, child: Any, run: Any) -> None:
        tag = child.tag
        text = {qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n"}.get(tag)
        if tag == qn("w:t"):
            text = child.text or ""
        elif tag == qn("w:noBreakHyphen"):
            text = "-"
        if text:
            self._text(text, run)
        elif tag in (qn("w:drawing"), qn("w:pict")):
            for image in _images(child, self.part):
                self.runs.append(BandRun(image=image))

    def _text(self, text: str, run: Any) -> None:
        """The text, joined to the run before when that has the same format."""
        formatted = self._format(run, text=text)
        last = self.runs[-1] if self.runs else None
        if last is not None and not (last.field or last.image) and _same_format(last, formatted):
            self.runs[-1] = replace(last, text=last.text + text)
        else:
            self.runs.append(formatted)

    def _format(self, run: Any, text: str = "", field: str = "") -> BandRun:
        holders = [] if run is None else [run, *self._run_styles(run)]
        formatted = _formatted(text, [*holders, *self.styles, *self.sheet.defaults()], self.sheet)
        return replace(formatted, field=field)

    def _run_styles(self, run: Any) -> list[Any]:
        style_id = _value(run, "w:rPr", "w:rStyle")
        style = self.sheet.style(style_id) if style_id else None
        return self.sheet.based_on_chain(style) if style is not None else []


def _instruction(text: str | None) -> str:
    words = (text or "").split()
    return words[0].upper() if words else ""


def _same_format(a: BandRun, b: BandRun) -> bool:
    return (a.bold, a.italic, a.points, a.colour, a.family) == (
        b.bold,
        b.italic,
        b.points,
        b.colour,
        b.family,
    )


def _formatted(text: str, holders: list[Any], sheet: StyleSheet) -> BandRun:
    """A run of `text` formatted as the first of `holders` (a run, styles, defaults) to set
    each property says."""
    colour = _first_run_value(holders, "w:color")
    return BandRun(
        text=text,
        bold=_toggle(_first_run_value(holders, "w:b", "1")),
        italic=_toggle(_first_run_value(holders, "w:i", "1")),
        points=next((p for p in map(points_of, holders) if p), None),
        colour=colour if colour and re.fullmatch(r"[0-9A-Fa-f]{6}", colour) else None,
        family=next((f for f in map(sheet.family_of, holders) if f), None),
    )


def _first_run_value(holders: list[Any], name: str, present: str = "") -> str | None:
    """The w:val of the first holder's w:rPr/`name` (`present` where it has no w:val)."""
    for holder in holders:
        found = holder.find(f"{qn('w:rPr')}/{qn(name)}")
        if found is not None:
            return str(found.get(qn("w:val"), present))
    return None


def _toggle(value: str | None) -> bool:
    return value is not None and value.lower() not in ("0", "false", "off", "none")


# --- pictures -------------------------------------------------------------------------------


def _images(element: Any, part: Any) -> Iterator[BandImage]:
    """The pictures of a w:drawing (inline or anchored: shown in line) or a w:pict."""
    for extent in element.iterfind(".//wp:extent", NS):
        width, height = (_number(extent.get(side)) / EMU_PER_MM for side in ("cx", "cy"))
        blip = extent.getparent().find(".//a:blip", NS)
        rel = None if blip is None else blip.get(f"{{{NS['r']}}}embed")
        image = _image(part, rel, width, height)
        if image is not None:
            yield image
    for data in element.iterfind(".//v:imagedata", NS):
        shape = data.getparent()
        sizes = {k.lower(): _mm(v, u) for k, v, u in _LENGTH.findall(shape.get("style") or "")}
        image = _image(part, data.get(f"{{{NS['r']}}}id"), sizes.get("width"), sizes.get("height"))
        if image is not None:
            yield image


def _mm(value: str, unit: str) -> float:
    return _number(value) * _MM_PER_UNIT.get(unit.lower() or "px", 25.4 / 96)


def _image(
    part: Any, rel: str | None, width: float | None, height: float | None
) -> BandImage | None:
    if not rel or not width or not height or width <= 0 or height <= 0:
        return None
    try:
        target = part.rels[rel]
        if target.is_external:
            return None  # a linked picture is never fetched
        return BandImage(bytes(target.target_part.blob), width, height)
    except (KeyError, AttributeError, ValueError):
        return None
