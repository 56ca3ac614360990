"""The Word writer: a DocumentLayout rendered into the municipality's template as a .docx file.

1. The template is opened (.docx or .dotx; its unpacked size checked first) and checked: every
   placeholder is known, nothing reaches Python's insides, it renders on trial within the limits
   of time and size (export.template_problems, export.template_limits).
2. docxtpl fills in the placeholders in a sandboxed, autoescaping Jinja environment; the marker
   `{{ content }}` becomes a unique token.
3. The layout's blocks are written where the token's paragraph was (or at the end of the body).
4. Document properties, application properties and Word's compatibility mode
   (export.word_properties) and the language are set, and the file is written beside the target
   and renamed: a target is never half-written.
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.document import Document
from docx.opc.exceptions import OpcError
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2 import Environment
from jinja2 import TemplateError as JinjaError
from lxml import etree

from secretary_app.core.files import write_atomically
from secretary_app.core.text import clean_line
from secretary_app.export.layout import Block, DocumentLayout, Field, Title
from secretary_app.export.template import (
    NOT_WORD,
    TemplateError,
    default_template_path,
    read_template,
)
from secretary_app.export.template_limits import RenderLimits
from secretary_app.export.template_problems import (
    CONTENT,
    RENDER_ERRORS,
    Inspection,
    inspect_sources,
    render_failure,
)
from secretary_app.export.template_sandbox import sandboxed_environment
from secretary_app.export.template_sources import template_sources
from secretary_app.export.word_blocks import BlockWriter
from secretary_app.export.word_lists import ListNumbering
from secretary_app.export.word_properties import set_properties
from secretary_app.export.word_styles import ensure_styles, missing_style_warning, set_language

DEFAULT_TEXT_WIDTH = 9354  # twips: A4 less 2.5 cm and 2 cm of margins
EMU_PER_TWIP = 635
# What python-docx may raise on a broken package: a file from outside is "not a Word document".
_OPEN_ERRORS = (ValueError, KeyError, OSError, etree.LxmlError, OpcError)


@dataclass(frozen=True)
class WordExport:
    """What the writer wants the user to know: e.g. styles the template lacked."""

    path: Path
    warnings: tuple[str, ...] = ()


@dataclass
class OpenTemplate:
    """A template opened for rendering, with what its placeholders use."""

    docx: DocxTemplate
    inspection: Inspection


def write_docx(
    layout: DocumentLayout,
    target: Path | str,
    template: Path | str | None = None,
    limits: RenderLimits | None = None,
    contents_pages: Sequence[int] | None = None,
) -> WordExport:
    """Write `layout` to `target` (a .docx) in `template` (None: the default template).

    `contents_pages[i]` is the page the i-th item heading is on, for the table of contents, as
    a converter rendered this document (export.pdf); None leaves Word to fill them in.

    TemplateError (Danish, one line, says what and where) when the template cannot be used or
    goes over `limits` (None: the usual ones); OSError when `target` cannot be written. Either
    way no file is left at `target` unless it was complete.
    """
    target = Path(target)
    token = f"SECRETARYAPPCONTENT{uuid.uuid4().hex}"
    template_path = Path(template or default_template_path())
    opened = _filled_template(layout, template_path, token, limits)
    document: Document = opened.docx.docx
    names = opened.inspection.body_names
    added_styles = _write_content(document, layout, token, names, contents_pages)
    _save_atomically(document, target)
    return WordExport(target, tuple(missing_style_warning(name) for name in added_styles))


def _filled_template(
    layout: DocumentLayout, template: Path, token: str, limits: RenderLimits | None
) -> OpenTemplate:
    """The template, checked and with its placeholders filled in; the marker becomes `token`."""
    context = {name: clean_line(value) for name, value in layout.placeholders.items()}
    context[CONTENT] = token
    env = sandboxed_environment(limits)
    opened = open_template(template, env, context)
    fill_in(opened.docx, env, context)
    return opened


def _write_content(
    document: Document,
    layout: DocumentLayout,
    token: str,
    body_names: set[str],
    contents_pages: Sequence[int] | None,
) -> tuple[str, ...]:
    """The blocks at the marker, the properties and the language; the styles that were added."""
    styles = ensure_styles(document)
    numbering = ListNumbering(document.part)
    writer = BlockWriter(styles.ids, numbering, text_width(document), contents_pages)
    blocks = _drawn_by_us(layout.blocks, body_names)
    _place_content(document, token, writer.elements(blocks))
    set_properties(document, layout)
    set_language(document)
    return styles.added


def text_width(document: Document) -> int:
    """The width (twips) between the margins of the document's last section: the body's."""
    section = document.sections[-1]
    width, left, right = section.page_width, section.left_margin, section.right_margin
    if width is None or left is None or right is None or width - left - right <= 0:
        return DEFAULT_TEXT_WIDTH
    return int((width - left - right) / EMU_PER_TWIP)


def open_template(path: Path, env: Environment, context: Mapping[str, object]) -> OpenTemplate:
    """The template at `path`, checked with `context`; TemplateError on its first problem."""
    docx = load_template(path)
    inspection = inspect_template(docx, env, context)
    if inspection.problems:
        raise TemplateError(inspection.problems[0].message)
    return OpenTemplate(docx, inspection)


def load_template(path: Path) -> DocxTemplate:
    """The template at `path`, opened; TemplateError when it is not a Word document."""
    docx = DocxTemplate(io.BytesIO(read_template(path)))
    try:
        docx.init_docx()
    except _OPEN_ERRORS as error:
        raise TemplateError(NOT_WORD) from error
    root = docx.docx.element
    if root.tag != qn("w:document") or root.find(qn("w:body")) is None:
        raise TemplateError(NOT_WORD)
    return docx


def inspect_template(
    docx: DocxTemplate, env: Environment, context: Mapping[str, object]
) -> Inspection:
    """The placeholders every part of `docx` uses, and all problems, filled in with `context`."""
    try:
        sources = template_sources(docx)
    except _OPEN_ERRORS as error:
        raise TemplateError(NOT_WORD) from error
    return inspect_sources(sources, env, context)


def fill_in(docx: DocxTemplate, env: Environment, context: Mapping[str, object]) -> None:
    """docxtpl's render of every part of `docx`; TemplateError (one Danish line) if it fails."""
    try:
        docx.render(dict(context), jinja_env=env)
    except (*RENDER_ERRORS, JinjaError, etree.LxmlError) as error:
        raise TemplateError(render_failure(error, "skabelonen")) from error


def _drawn_by_us(blocks: Iterable[Block], body_names: set[str]) -> list[Block]:
    """The blocks, less the title and header lines the template's body shows itself."""
    return [
        block
        for block in blocks
        if not (isinstance(block, Title | Field) and body_names.intersection(block.keys))
    ]


def _place_content(document: Document, token: str, paragraphs: list[Any]) -> None:
    """Put `paragraphs` where the marker's paragraph is, or at the end of the body."""
    body = document.element.find(qn("w:body"))
    marker = next((p for p in body.iter(qn("w:p")) if token in _text_of(p)), None)
    if marker is None:
        _append_to_body(body, paragraphs)
        return
    for paragraph in paragraphs:
        marker.addprevious(paragraph)
    _remove_marker(marker, token)


def _text_of(paragraph: Any) -> str:
    return "".join(text.text or "" for text in paragraph.iter(qn("w:t")))


def _append_to_body(body: Any, paragraphs: list[Any]) -> None:
    section = body.find(qn("w:sectPr"))
    for paragraph in paragraphs:
        if section is None:
            body.append(paragraph)
        else:
            section.addprevious(paragraph)


def _remove_marker(marker: Any, token: str) -> None:
    """Drop the marker's paragraph; keep it, without the token, if it holds more than that."""
    for text in marker.iter(qn("w:t")):
        if text.text and token in text.text:
            text.text = text.text.replace(token, "")
    properties = marker.find(qn("w:pPr"))
    keeps_section = properties is not None and properties.find(qn("w:sectPr")) is not None
    if not _text_of(marker).strip() and not keeps_section:
        marker.getparent().remove(marker)


def _save_atomically(document: Document, target: Path) -> None:
    """Saved in memory (no zip handle on a full disk), then written whole or not at all."""
    content = io.BytesIO()
    document.save(content)
    write_atomically(target, content.getvalue())
