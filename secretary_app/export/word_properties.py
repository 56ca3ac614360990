"""The metadata of every Word document we write: core and application properties, Word's mode.

- Core properties (docProps/core.xml): title, subject, keywords, language and dates from the
  layout; the template's own author is kept (after docxtpl filled in its placeholders) unless
  it is empty, then the committee's name is the author; last modified by "Mødesekretær".
- Application properties (docProps/app.xml, ECMA-376 Part 1 §22.2): Application is
  "Mødesekretær" and AppVersion our version in the "XX.YYYY" form the standard requires
  (§22.2.2.3): MAJOR.MINOR of the installed package, the major as two digits and the minor as
  four, the rest of the version dropped (0.1.0 -> "00.0001", 2.13.4 -> "02.0013"). The counts a
  word processor fills in when it saves (Pages, Words, Characters, ...) and the parts' titles
  (HeadingPairs, TitlesOfParts) would be wrong for our document, so they are removed; the rest
  (Company, Manager, Template, ...) of the municipality's template is kept. A package without
  app.xml gets one.
- Word's compatibility mode (w:compat in settings.xml): a template's own compatibilityMode is
  left alone, since a municipality's template may rely on the layout of its Word version. A
  template with no compatibilityMode setting (which Word opens in compatibility mode, as a Word
  2007 document) gets mode 15, the current one, so the document does not open in
  "Kompatibilitetstilstand". A template with no settings part at all gets the compatibility
  settings Word 2016 writes for a new document (COMPAT_SETTINGS).
"""

from __future__ import annotations

import datetime as dt
import re
from importlib import metadata
from typing import Any

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from lxml import etree

from secretary_app.core.text import clean_line
from secretary_app.export.layout import DocumentLayout
from secretary_app.export.template_sources import PROPERTY_MAX

APPLICATION = "Mødesekretær"
PACKAGE = "secretary-app"
WORD_URI = "http://schemas.microsoft.com/office/word"
# What Word 2016 and later write in w:compat for a new document, in its order.
COMPAT_SETTINGS = (
    ("compatibilityMode", "15"),
    ("overrideTableStyleFontSizeAndJustification", "1"),
    ("enableOpenTypeFeatures", "1"),
    ("doNotFlipMirrorIndents", "1"),
    ("differentiateMultirowTableHeaders", "1"),
)
CURRENT_MODE = "15"
EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
VARIANT_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
APP_PARTNAME = "/docProps/app.xml"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Filled in by the word processor that saves a document: wrong for the document we write.
STALE = (
    "TotalTime",
    "Pages",
    "Words",
    "Characters",
    "Lines",
    "Paragraphs",
    "CharactersWithSpaces",
    "HeadingPairs",
    "TitlesOfParts",
)
_REMOVED = {f"{{{EXTENDED}}}{name}" for name in (*STALE, "AppVersion")}
# The w:settings children that come after w:compat (ECMA-376 Part 1 §17.15.1.78).
_AFTER_COMPAT = {
    qn(tag)
    for tag in (
        "w:docVars",
        "w:rsids",
        "m:mathPr",
        "w:attachedSchema",
        "w:themeFontLang",
        "w:clrSchemeMapping",
        "w:doNotIncludeSubdocsInStats",
        "w:doNotAutoCompressPictures",
        "w:forceUpgrade",
        "w:captions",
        "w:readModeInkLockDown",
        "w:smartTagType",
        "sl:schemaLibrary",
        "w:shapeDefaults",
        "w:doNotEmbedSmartTags",
        "w:decimalSymbol",
        "w:listSeparator",
    )
}
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, remove_blank_text=True
)
_VERSION = re.compile(r"(\d+)(?:\.(\d+))?")


def set_properties(document: Document, layout: DocumentLayout) -> None:
    """Core and application properties, and the compatibility mode, as the module says."""
    _set_core_properties(document, layout)
    set_application_properties(document, app_version())
    ensure_compatibility_mode(document)


def _set_core_properties(document: Document, layout: DocumentLayout) -> None:
    properties = document.core_properties
    properties.title = property_text(layout.title)
    properties.subject = property_text(layout.subject)
    properties.author = property_text(properties.author or "") or property_text(layout.author)
    properties.keywords = property_text(layout.keywords)
    properties.language = "da-DK"
    properties.last_modified_by = APPLICATION
    properties.revision = 1
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    properties.created = properties.modified = now


def property_text(text: str) -> str:
    """One line, at most the 255 characters a document property may hold."""
    line = clean_line(text)
    return line if len(line) <= PROPERTY_MAX else line[: PROPERTY_MAX - 1] + "…"


# --- docProps/app.xml -----------------------------------------------------------------------


def app_version(version: str | None = None) -> str:
    """`version` (None: the installed package's, "0.0" when not installed) as "XX.YYYY"."""
    if version is None:
        try:
            version = metadata.version(PACKAGE)
        except metadata.PackageNotFoundError:
            version = "0.0"
    found = _VERSION.match(version.strip())
    major, minor = (int(found.group(1)), int(found.group(2) or 0)) if found else (0, 0)
    return f"{min(major, 99):02d}.{min(minor, 9999):04d}"


def set_application_properties(document: Document, version: str | None) -> None:
    """docProps/app.xml as the module says; `version` None: no AppVersion (the template)."""
    package = document.part.package
    found = next(
        (
            (rel_id, rel.target_part)
            for rel_id, rel in package.rels.items()
            if rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external
        ),
        None,
    )
    root = _parsed(found[1].blob) if found else None
    if root is None or root.tag != f"{{{EXTENDED}}}Properties":
        root = etree.Element(
            f"{{{EXTENDED}}}Properties", nsmap={None: EXTENDED, "vt": VARIANT_TYPES}
        )
    clean_application_properties(root, version)
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if found is None:
        part = Part(_free_partname(document), CT.OFC_EXTENDED_PROPERTIES, blob, package)
        package.relate_to(part, RT.EXTENDED_PROPERTIES)
    else:
        rel_id, old = found
        part = Part(old.partname, CT.OFC_EXTENDED_PROPERTIES, blob, package)
        package.rels.add_relationship(RT.EXTENDED_PROPERTIES, part, rel_id)


def clean_application_properties(root: Any, version: str | None) -> None:
    """In a Properties element: our Application and AppVersion (None: none), no stale counts."""
    for child in list(root):
        if child.tag in _REMOVED:
            root.remove(child)
    application = root.find(f"{{{EXTENDED}}}Application")
    if application is None:
        application = etree.SubElement(root, f"{{{EXTENDED}}}Application")
    application.text = APPLICATION
    if version is not None:
        etree.SubElement(root, f"{{{EXTENDED}}}AppVersion").text = version


def _parsed(blob: bytes) -> Any:
    """The XML in `blob`, or None when it is not XML (it is then written afresh)."""
    try:
        return etree.fromstring(blob, _PARSER)
    except etree.XMLSyntaxError:
        return None


def _free_partname(document: Document) -> PackURI:
    taken = {str(part.partname) for part in document.part.package.iter_parts()}
    name, number = APP_PARTNAME, 1
    while name in taken:
        number += 1
        name = f"/docProps/app{number}.xml"
    return PackURI(name)


# --- compatibility mode ---------------------------------------------------------------------


def ensure_compatibility_mode(document: Document) -> None:
    """Mode 15 where the template has none; a template's own mode is left alone."""
    had_settings = any(rel.reltype == RT.SETTINGS for rel in document.part.rels.values())
    settings = document.settings.element  # python-docx adds a settings part when missing
    compat = settings.find(qn("w:compat"))
    if not had_settings and compat is not None:
        settings.remove(compat)  # python-docx's own, with Word 2010's mode
        compat = None
    if compat is None:
        compat = _new_compat(settings, COMPAT_SETTINGS if not had_settings else ())
    if _compat_setting(compat, "compatibilityMode") is None:
        _add_compat_setting(compat, "compatibilityMode", CURRENT_MODE)


def set_compat_settings(settings: Any) -> None:
    """w:compat exactly as Word 2016 writes it for a new document (for our own template)."""
    compat = settings.find(qn("w:compat"))
    if compat is not None:
        settings.remove(compat)
    _new_compat(settings, COMPAT_SETTINGS)


def _new_compat(settings: Any, values: tuple[tuple[str, str], ...]) -> Any:
    compat = OxmlElement("w:compat")
    successor = next((child for child in settings if child.tag in _AFTER_COMPAT), None)
    if successor is None:
        successor = next((c for c in settings if not str(c.tag).startswith(f"{{{_W}}}")), None)
    if successor is None:
        settings.append(compat)
    else:
        successor.addprevious(compat)
    for name, value in values:
        _add_compat_setting(compat, name, value)
    return compat


def _compat_setting(compat: Any, name: str) -> Any:
    for setting in compat.iterchildren(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == name and setting.get(qn("w:uri")) == WORD_URI:
            return setting
    return None


def _add_compat_setting(compat: Any, name: str, value: str) -> None:
    """A w:compatSetting; compatibilityMode goes first of them, as Word writes it."""
    setting = OxmlElement(
        "w:compatSetting", {qn("w:name"): name, qn("w:uri"): WORD_URI, qn("w:val"): value}
    )
    first = compat.find(qn("w:compatSetting"))
    if name == "compatibilityMode" and first is not None:
        first.addprevious(setting)
    else:
        compat.append(setting)
