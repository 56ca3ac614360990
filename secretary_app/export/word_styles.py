"""The Word styles the documents use, found in the template or copied from the default one.

Styles are found by their name, as Word stores it ("heading 1" also in a Danish Word, where the
style is shown as "Overskrift 1"). A style the template lacks is copied from the program's
default template into the output, so the document still has real headings; the template check
reports it as a warning.
"""

from __future__ import annotations

import copy
import io
import zipfile
from dataclasses import dataclass
from functools import cache
from typing import Any

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement

from secretary_app.export.template import default_template_path

# What each kind of block is written in: the style names as Word's English UI shows them.
STYLE_NAMES = {
    "title": "Title",
    "heading": "Heading 1",
    "label": "Heading 2",
    "sublabel": "Heading 3",
    "list": "List Paragraph",
    "contents_heading": "TOC Heading",
    "contents_entry": "TOC 1",
}
LANGUAGE = "da-DK"
_W_VAL = qn("w:val")
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")


@dataclass(frozen=True)
class StyleIds:
    """The style id to write for each kind of block, and the styles that had to be added."""

    ids: dict[str, str]
    added: tuple[str, ...]


def missing_style_warning(name: str) -> str:
    return (
        f"Typografien '{name}' mangler i skabelonen – dokumentet bruger i stedet "
        "programmets standardudgave af den"
    )


def missing_styles(document: Document) -> list[str]:
    """The names of the styles the documents use that `document` does not have."""
    found = _paragraph_styles(document.styles.element)
    return [name for name in STYLE_NAMES.values() if name.lower() not in found]


def ensure_styles(document: Document) -> StyleIds:
    """The style ids for the blocks; missing styles are added from the default template."""
    styles = document.styles.element
    found = _paragraph_styles(styles)
    ids: dict[str, str] = {}
    added: list[str] = []
    for role, name in STYLE_NAMES.items():
        if name.lower() not in found:
            found[name.lower()] = _add_default_style(styles, name)
            added.append(name)
        ids[role] = found[name.lower()]
    return StyleIds(ids, tuple(added))


def _paragraph_styles(styles: Any) -> dict[str, str]:
    """{lower-case name: style id} of the paragraph styles in a w:styles element."""
    found: dict[str, str] = {}
    for style in styles.iterchildren(qn("w:style")):
        name = style.find(qn("w:name"))
        if style.get(qn("w:type")) == "paragraph" and name is not None:
            found.setdefault(str(name.get(_W_VAL)).lower(), str(style.get(qn("w:styleId"))))
    return found


def _add_default_style(styles: Any, name: str) -> str:
    style = copy.deepcopy(_default_styles()[name.lower()])
    existing_ids = {s.get(qn("w:styleId")) for s in styles.iterchildren(qn("w:style"))}
    style_id = str(style.get(qn("w:styleId")))
    while style_id in existing_ids:
        style_id = "Sekretaer" + style_id
    style.set(qn("w:styleId"), style_id)
    for child in list(style):
        if child.tag == qn("w:link") or (
            child.tag in (qn("w:basedOn"), qn("w:next")) and child.get(_W_VAL) not in existing_ids
        ):
            style.remove(child)
    styles.append(style)
    return style_id


@cache
def _default_styles() -> dict[str, Any]:
    """{lower-case name: w:style element} of the default template's paragraph styles."""
    with zipfile.ZipFile(io.BytesIO(default_template_path().read_bytes())) as package:
        styles = parse_xml(package.read("word/styles.xml"))
    result: dict[str, Any] = {}
    for style in styles.iterchildren(qn("w:style")):
        name = style.find(qn("w:name"))
        if style.get(qn("w:type")) == "paragraph" and name is not None:
            result[str(name.get(_W_VAL)).lower()] = style
    return result


def set_language(document: Document, language: str = LANGUAGE) -> None:
    """The document's language (spelling, hyphenation, screen readers): w:docDefaults."""
    run_properties = _default_run_properties(document.styles.element)
    lang = run_properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        following = [run_properties.find(qn(tag)) for tag in _AFTER_LANG]
        successor = next((element for element in following if element is not None), None)
        if successor is None:
            run_properties.append(lang)
        else:
            successor.addprevious(lang)
    lang.set(_W_VAL, language)


def _default_run_properties(styles: Any) -> Any:
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    return first_child(first_child(defaults, "w:rPrDefault"), "w:rPr")


def first_child(parent: Any, tag: str) -> Any:
    """`parent`'s `tag` child, added as its first child when missing (where the schema wants it)."""
    element = parent.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        parent.insert(0, element)
    return element
