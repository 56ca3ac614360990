"""Real Word list numbering: abstract definitions in numbering.xml, one w:num per list.

Three abstract definitions are added to the document once: numbered ("1.", "a.", "i.", …) and
bulleted ("•", "◦", "▪"), nine levels each, and attachments ("Bilag 1:", one level). Every list
gets a w:num of its own whose start is overridden, so each list restarts at its own start, in
Word and in LibreOffice alike. A list nested in another is written one level (w:ilvl) deeper.
"""

from __future__ import annotations

from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import OxmlElement
from docx.parts.document import DocumentPart
from docx.parts.numbering import NumberingPart

from secretary_app.core import vocabulary as words

LEVELS = 9
NUMBER_FORMATS = ("decimal", "lowerLetter", "lowerRoman")
BULLETS = ("•", "◦", "▪")
INDENT_STEP = 425  # twips: 0.75 cm per level
HANGING = 425
ATTACHMENT_HANGING = 1134  # twips (2 cm): room for "Bilag 12:"
_KINDS = ("ordered", "bulleted", "attachments")
_W_VAL = qn("w:val")


def list_indent(level: int) -> int:
    """The left indent (twips) of the text of a list item at `level` (0 = outermost)."""
    return INDENT_STEP * (level + 1)


class ListNumbering:
    """The numbering of one document being written; `new_list` gives each list its w:num."""

    def __init__(self, document_part: DocumentPart) -> None:
        self._document_part = document_part
        self._numbering: Any = None
        self._abstract_ids: dict[str, int] = {}
        self._next_num_id = 0

    def new_list(self, *, ordered: bool, start: int, level: int) -> int:
        """The numId for a new list that starts at `start`, on level `level`."""
        return self._new_num("ordered" if ordered else "bulleted", start, level)

    def new_attachment_list(self) -> int:
        """The numId for an item's attachments: "Bilag 1:", "Bilag 2:", …"""
        return self._new_num("attachments", 1, 0)

    def _new_num(self, kind: str, start: int, level: int) -> int:
        numbering = self._element()
        num_id = self._next_num_id
        self._next_num_id += 1
        num = OxmlElement("w:num", {qn("w:numId"): str(num_id)})
        abstract = OxmlElement("w:abstractNumId", {_W_VAL: str(self._abstract_ids[kind])})
        override = OxmlElement("w:lvlOverride", {qn("w:ilvl"): str(level)})
        override.append(OxmlElement("w:startOverride", {_W_VAL: str(start)}))
        num.extend([abstract, override])
        _append_num(numbering, num)
        return num_id

    def _element(self) -> Any:
        """The w:numbering element, with this writer's abstract definitions added (once)."""
        if self._numbering is None:
            self._numbering = _numbering_part(self._document_part).element
            self._add_abstract_definitions()
        return self._numbering

    def _add_abstract_definitions(self) -> None:
        numbering = self._numbering
        abstract_ids = _ids(numbering, "abstractNum", "abstractNumId")
        num_ids = _ids(numbering, "num", "numId")
        next_abstract = max(abstract_ids, default=-1) + 1
        self._next_num_id = max(num_ids, default=0) + 1
        first_num = numbering.find(qn("w:num"))
        for offset, kind in enumerate(_KINDS):
            self._abstract_ids[kind] = next_abstract + offset
            definition = _abstract_definition(next_abstract + offset, kind)
            if first_num is None:
                _append_num(numbering, definition)
            else:
                first_num.addprevious(definition)


def _ids(numbering: Any, tag: str, attribute: str) -> list[int]:
    """The numeric ids of `numbering`'s w:<tag> children (others, if any, are ignored)."""
    values = (child.get(qn(f"w:{attribute}")) for child in numbering.iterchildren(qn(f"w:{tag}")))
    return [int(value) for value in values if value is not None and value.isdigit()]


def _append_num(numbering: Any, element: Any) -> None:
    """Append before w:numIdMacAtCleanup, which must stay last."""
    cleanup = numbering.find(qn("w:numIdMacAtCleanup"))
    if cleanup is None:
        numbering.append(element)
    else:
        cleanup.addprevious(element)


def _numbering_part(document_part: DocumentPart) -> NumberingPart:
    """The document's numbering part; created (python-docx cannot) when the template has none."""
    for rel in document_part.rels.values():
        if rel.reltype == RT.NUMBERING and not rel.is_external:
            part: NumberingPart = rel.target_part
            if part.element.tag != qn("w:numbering"):  # broken: start it afresh
                part._element = parse_xml(f"<w:numbering {nsdecls('w')}/>")
            return part
    element = parse_xml(f"<w:numbering {nsdecls('w')}/>")
    package = document_part.package
    partname = PackURI("/word/numbering.xml")
    if any(p.partname == partname for p in package.iter_parts()):
        partname = package.next_partname("/word/numbering%d.xml")
    part = NumberingPart(partname, CT.WML_NUMBERING, element, package)
    document_part.relate_to(part, RT.NUMBERING)
    return part


def _abstract_definition(abstract_id: int, kind: str) -> Any:
    if kind == "attachments":
        levels = _attachment_level_xml()
    else:
        levels = "".join(_level_xml(level, kind == "ordered") for level in range(LEVELS))
    return parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="multilevel"/>'
        f"{levels}</w:abstractNum>"
    )


def _attachment_level_xml() -> str:
    text = words.ATTACHMENT_NUMBER.format(number="%1")
    return (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{ATTACHMENT_HANGING}" w:hanging="{ATTACHMENT_HANGING}"/></w:pPr>'
        "</w:lvl>"
    )


def _level_xml(level: int, ordered: bool) -> str:
    if ordered:
        number_format = NUMBER_FORMATS[level % len(NUMBER_FORMATS)]
        text = f"%{level + 1}."
    else:
        number_format, text = "bullet", BULLETS[level % len(BULLETS)]
    return (
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/>'
        f'<w:numFmt w:val="{number_format}"/><w:lvlText w:val="{text}"/>'
        '<w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{list_indent(level)}" w:hanging="{HANGING}"/></w:pPr>'
        "</w:lvl>"
    )
