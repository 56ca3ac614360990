"""The table of contents as a real Word TOC field, linked to bookmarks on the item headings.

Each item heading gets a hidden bookmark (`_TocSekr1`, …). The contents are a TOC field
(`TOC \\o "1-1" \\h \\z \\u`, what Word's own "Indholdsfortegnelse" inserts) whose result we
write ourselves: one paragraph per item, a link to its heading, the title, a right-aligned tab
with leader dots, and the page number. The page numbers come from the pages a converter rendered
(export.pdf): when they are not known, the numbers are left out and the field is marked dirty, so
Word fills them in when it opens the document. Word's F9 rebuilds the field either way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement

BOOKMARK_PREFIX = "_TocSekr"
FIRST_BOOKMARK_ID = 900_000  # far above the ids a template's own bookmarks use
TOC_INSTRUCTION = ' TOC \\o "1-1" \\h \\z \\u '
_VAL = qn("w:val")


def bookmark_name(index: int) -> str:
    """The bookmark on the `index`-th item heading (0-based), and its PDF destination."""
    return f"{BOOKMARK_PREFIX}{index + 1}"


def add_bookmark(paragraph: Any, index: int) -> None:
    """Put the `index`-th heading's bookmark around the paragraph's runs."""
    bookmark_id = str(FIRST_BOOKMARK_ID + index)
    start = OxmlElement(
        "w:bookmarkStart", {qn("w:id"): bookmark_id, qn("w:name"): bookmark_name(index)}
    )
    properties = paragraph.find(qn("w:pPr"))
    if properties is None:
        paragraph.insert(0, start)
    else:
        properties.addnext(start)
    paragraph.append(OxmlElement("w:bookmarkEnd", {qn("w:id"): bookmark_id}))


def contents_entries(
    paragraphs: Sequence[Any], text_width: int, pages: Sequence[int] | None
) -> list[Any]:
    """Turn the entries' paragraphs (one per item, their runs written) into the TOC field.

    `pages[i]` is the page the i-th item's heading is on; None: not known.
    """
    for index, paragraph in enumerate(paragraphs):
        page = pages[index] if pages is not None and index < len(pages) else None
        _entry(paragraph, index, text_width, page)
    if paragraphs:
        first, last = paragraphs[0], paragraphs[-1]
        _field_begin(first, dirty=pages is None)
        last.append(_field_char("end"))
    return list(paragraphs)


def _entry(paragraph: Any, index: int, text_width: int, page: int | None) -> None:
    """The runs become a link to the heading; then a dot-leader tab and the page number."""
    _set_tab(paragraph, text_width)
    link = OxmlElement("w:hyperlink", {qn("w:anchor"): bookmark_name(index)})
    link.set(qn("w:history"), "1")
    for run in paragraph.findall(qn("w:r")):
        link.append(run)
    if page is not None:
        tab = OxmlElement("w:r")
        tab.append(OxmlElement("w:tab"))
        number = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = str(page)
        number.append(text)
        link.extend([tab, number])
    paragraph.append(link)


def _set_tab(paragraph: Any, text_width: int) -> None:
    """A right tab with leader dots at the margin; the title wraps 1 cm before it."""
    properties = paragraph.find(qn("w:pPr"))
    tabs = OxmlElement("w:tabs")
    tab = OxmlElement("w:tab", {_VAL: "right", qn("w:leader"): "dot"})
    tab.set(qn("w:pos"), str(text_width))
    tabs.append(tab)
    style = properties.find(qn("w:pStyle"))
    style.addnext(tabs)


def _field_begin(paragraph: Any, *, dirty: bool) -> None:
    """begin, the instruction and separate, before the first entry's link."""
    begin = _field_char("begin")
    if dirty:
        begin.find(qn("w:fldChar")).set(qn("w:dirty"), "true")
    instruction = OxmlElement("w:r")
    text = OxmlElement("w:instrText")
    text.text = TOC_INSTRUCTION
    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instruction.append(text)
    link = paragraph.find(qn("w:hyperlink"))
    for run in (begin, instruction, _field_char("separate")):
        link.addprevious(run)


def _field_char(kind: str) -> Any:
    run = OxmlElement("w:r")
    run.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): kind}))
    return run
