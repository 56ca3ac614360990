"""Helpers for the Word export tests: meetings, templates, and reading a .docx as a reader would."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph

from secretary_app.export.template import DOCUMENT_MAIN, TEMPLATE_MAIN

# A copy of ../shared/reference/gentofte_opgaveudvalg-om-innovation_2017-06-27.txt
REFERENCE = (
    Path(__file__).resolve().parents[1]
    / "data"
    / "gentofte_opgaveudvalg-om-innovation_2017-06-27.txt"
)

# Words that must never reach a public edition: a closed item's other text.
SECRET_WORDS = (
    "HEMMELIGRESUME",
    "HEMMELIGTIDLIGERE",
    "HEMMELIGBILAG",
    "HEMMELIGSAGSID",
    "HEMMELIGOPLAEGSHOLDER",
    "IKKEOFFENTLIGTBILAG",
)


def reference_text() -> str:
    """Gentofte's minutes of 27 June 2017, the item part, as text (line wraps from the PDF),
    as our minutes read it: without the empty "Bilag" headings the reference prints under its
    two items with no attachments (an empty "Bilag" is never printed: issue 8)."""
    lines = REFERENCE.read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(line for n, line in enumerate(lines) if not _empty_bilag(lines, n))


def _empty_bilag(lines: list[str], n: int) -> bool:
    if lines[n].strip() != "Bilag":
        return False
    following = [line for line in lines[n + 1 :] if line.strip()]
    return not following or re.match(r"\s*\d+ \((Åben|Lukket)\) ", following[0]) is not None


# --- templates ------------------------------------------------------------------------------


def make_template(
    path: Path,
    body: list[str] = (),  # type: ignore[assignment]
    header: str | None = None,
    footer: str | None = None,
) -> Path:
    """A python-docx document with these body paragraphs, header and footer text."""
    document = docx.Document()
    for text in body:
        document.add_paragraph(text)
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    if footer is not None:
        document.sections[0].footer.paragraphs[0].text = footer
    document.save(str(path))
    return path


def rewrite_package(source: Path, target: Path, change: dict[str, bytes | None]) -> Path:
    """A copy of the package `source` with some parts replaced (bytes) or left out (None)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for entry in zin.infolist():
            if entry.filename in change:
                content = change[entry.filename]
                if content is not None:
                    zout.writestr(entry.filename, content)
            else:
                zout.writestr(entry, zin.read(entry.filename))
    return target


def as_dotx(source: Path, target: Path) -> Path:
    with zipfile.ZipFile(source) as package:
        types = package.read("[Content_Types].xml").decode()
    changed = types.replace(DOCUMENT_MAIN, TEMPLATE_MAIN).encode()
    return rewrite_package(source, target, {"[Content_Types].xml": changed})


def without_numbering(source: Path, target: Path) -> Path:
    """The template with no numbering part (and no relationship to one)."""
    with zipfile.ZipFile(source) as package:
        rels = package.read("word/_rels/document.xml.rels").decode()
        types = package.read("[Content_Types].xml").decode()
    rels = re.sub(r"<Relationship [^>]*numbering\.xml\"/>", "", rels)
    types = re.sub(r"<Override PartName=\"/word/numbering\.xml\"[^>]*/>", "", types)
    return rewrite_package(
        source,
        target,
        {
            "word/numbering.xml": None,
            "word/_rels/document.xml.rels": rels.encode(),
            "[Content_Types].xml": types.encode(),
        },
    )


# --- reading --------------------------------------------------------------------------------


def package_texts(path: Path) -> dict[str, str]:
    """Every part of the .docx package as text: XML, relationships, properties."""
    with zipfile.ZipFile(path) as package:
        return {
            name: package.read(name).decode("utf-8", errors="replace")
            for name in package.namelist()
        }


@dataclass
class ListLevel:
    number_format: str
    text: str
    start: int


class ListLabels:
    """The labels Word shows for numbered paragraphs ("1.", "a.", "•"), from numbering.xml."""

    def __init__(self, document: docx.document.Document) -> None:
        numbering = document.part.numbering_part.element
        abstracts = {
            a.get(qn("w:abstractNumId")): a for a in numbering.iterchildren(qn("w:abstractNum"))
        }
        self.levels: dict[tuple[str, int], ListLevel] = {}
        for num in numbering.iterchildren(qn("w:num")):
            num_id = num.get(qn("w:numId"))
            abstract = abstracts[num.find(qn("w:abstractNumId")).get(qn("w:val"))]
            for level in abstract.iterchildren(qn("w:lvl")):
                ilvl = int(level.get(qn("w:ilvl")))
                self.levels[(num_id, ilvl)] = ListLevel(
                    level.find(qn("w:numFmt")).get(qn("w:val")),
                    level.find(qn("w:lvlText")).get(qn("w:val")),
                    int(level.find(qn("w:start")).get(qn("w:val"))),
                )
            for override in num.iterchildren(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                key = (num_id, int(override.get(qn("w:ilvl"))))
                if start is not None:
                    self.levels[key].start = int(start.get(qn("w:val")))
        self.counters: dict[tuple[str, int], int] = {}

    def label(self, num_id: str, ilvl: int) -> str:
        key = (num_id, ilvl)
        level = self.levels[key]
        self.counters[key] = self.counters.get(key, level.start - 1) + 1
        for deeper in range(ilvl + 1, 9):
            self.counters.pop((num_id, deeper), None)
        if level.number_format == "bullet":
            return level.text
        return level.text.replace(f"%{ilvl + 1}", _formatted(self.counters[key], level))


def _formatted(number: int, level: ListLevel) -> str:
    if level.number_format == "lowerLetter":
        return chr(ord("a") + number - 1)
    if level.number_format == "lowerRoman":
        return ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"][number - 1]
    return str(number)


def numbering_of(paragraph: docx.text.paragraph.Paragraph) -> tuple[str, int] | None:
    properties = paragraph._p.pPr
    if properties is None or properties.numPr is None:
        return None
    numbering = properties.numPr
    return numbering.numId.val.__str__(), int(numbering.ilvl.val)


@dataclass(frozen=True)
class BodyLine:
    """One line of the body in reading order: a paragraph, or one row of a table.

    A row reads as its cells' texts joined by a tab (a cell's paragraphs joined by "\\n"), so
    the header block's row "Mødested:" | "Rådhuset" reads "Mødested:\\tRådhuset", as the
    tab-aligned paragraph it replaced did. `paragraph` is the paragraph, or the row's first
    cell's first paragraph (whose style the row reads in); `row` is the table row, or None.
    """

    paragraph: Paragraph
    text: str
    row: _Row | None = None

    @property
    def style(self) -> str:
        return self.paragraph.style.name


def body_lines(document: docx.document.Document) -> list[BodyLine]:
    """The body in reading order, tables included: each paragraph, and each row of a table."""
    lines: list[BodyLine] = []
    for content in document.iter_inner_content():
        if isinstance(content, Paragraph):
            lines.append(BodyLine(content, content.text))
            continue
        for row in content.rows:
            cells = row.cells
            texts = ["\n".join(p.text for p in cell.paragraphs) for cell in cells]
            lines.append(BodyLine(cells[0].paragraphs[0], "\t".join(texts), row))
    return lines


def body_tables(document: docx.document.Document) -> list[Table]:
    return [c for c in document.iter_inner_content() if isinstance(c, Table)]


def styled_lines(path: Path) -> list[tuple[str, str]]:
    """(style, text) of each line of the body in reading order (body_lines: a table's row is one
    line), the list label in front of a numbered paragraph's text ("1. Et", "Bilag 2: Budget")."""
    document = docx.Document(str(path))
    labels = ListLabels(document)
    lines: list[tuple[str, str]] = []
    for line in body_lines(document):
        numbering = numbering_of(line.paragraph)
        prefix = f"{labels.label(*numbering)} " if numbering else ""
        lines.append((line.style, prefix + line.text))
    return lines


def reader_lines(path: Path) -> list[str]:
    """The body as a reader sees it, in reading order, tables included (styled_lines): list
    labels in front, line breaks kept, a table's row as its cells' texts joined by a tab."""
    return [text for _, text in styled_lines(path)]


def normalised(text: str) -> str:
    return " ".join(text.split())


# --- LibreOffice ----------------------------------------------------------------------------


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx_path: Path, timeout: float = 180) -> Path:
    """Convert with LibreOffice headless, in a profile of its own (parallel runs fail otherwise)."""
    profile = Path(f"/tmp/lo_{uuid.uuid4().hex}")
    command = [
        str(soffice()),
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(docx_path.parent),
        str(docx_path),
    ]
    try:
        subprocess.run(command, check=True, capture_output=True, timeout=timeout)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return docx_path.with_suffix(".pdf")


def pdf_text(pdf: Path) -> str:
    result = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, timeout=60
    )
    return result.stdout.decode("utf-8")


def docx_bytes(path: Path) -> io.BytesIO:
    return io.BytesIO(path.read_bytes())


# --- documents from before item layouts (tests/data/before-item-layouts) ---------------------

EMPTY_ATTACHMENTS = "Heading 2\tBilag"


def baseline_paragraphs(path: Path) -> list[str]:
    """Each line of the body in reading order (styled_lines: a table's row is one line) as the
    baselines hold them: style, tab, list label and text ("\\n" for a line break)."""
    return [f"{style}\t{text}".replace("\n", "\\n") for style, text in styled_lines(path)]


def without_empty_attachments(lines: list[str]) -> list[str]:
    """A baseline less its "Bilag" headings with no attachment (a Normal line) under them: an
    empty "Bilag" is no longer printed (issue 8)."""
    return [
        line
        for index, line in enumerate(lines)
        if not (
            line == EMPTY_ATTACHMENTS
            and not (index + 1 < len(lines) and lines[index + 1].startswith("Normal\t"))
        )
    ]


# The deliberate changes of issue 9 to what a baseline from before it reads.
ATTACHMENTS_HEADING = EMPTY_ATTACHMENTS
SIGNATURES_HEADING = "Heading 2\tUnderskrifter"
SIGNATURE_HEADER_ROW = "Normal\tNavn\tUnderskrift"
_OLD_SIGNATURE_LINE = re.compile(r"Normal\t_{40}  (.+)")


def as_since_issue_9(lines: list[str], approved: str = "") -> list[str]:
    """A baseline (baseline_paragraphs' lines from before issue 9) as the documents read since,
    changed for issue 9's deliberate changes and nothing else:

    - the header block ("Mødetidspunkt:", "Mødested:", …) is a borderless table now; body_lines
      reads each of its rows "Label:" | value as the tab-aligned paragraph "Label:\\tvalue" it
      was (cells in the Normal style), so its lines are compared unchanged;
    - the table of contents is a TOC field of linked "toc 1" entries; without a converter they
      carry no page numbers and read as before, unchanged;
    - each attachment under "Bilag" is a numbered "List Paragraph" whose label is "Bilag N:"
      (N counting from 1 under each "Bilag"), no longer a Normal paragraph;
    - the signature lines ("____…  Name") are a table: a header row "Navn" | "Underskrift" and a
      row "Name" | (the empty cell to sign in) for each of them; on approved minutes the line
      `approved` ("Godkendt 3. oktober 2017 af A og B") stands between the heading and the table.
    """
    result: list[str] = []
    attachment = 0  # the number of the last attachment under the current "Bilag"; 0: none
    in_attachments = False
    for index, line in enumerate(lines):
        if line == ATTACHMENTS_HEADING:
            in_attachments, attachment = True, 0
            result.append(line)
            continue
        if in_attachments and line.startswith("Normal\t"):
            attachment += 1
            title = line.removeprefix("Normal\t")
            result.append(f"List Paragraph\tBilag {attachment}: {title}")
            continue
        in_attachments = False
        signer = _OLD_SIGNATURE_LINE.fullmatch(line)
        if signer is None:
            result.append(line)
            continue
        if not _OLD_SIGNATURE_LINE.fullmatch(lines[index - 1]):  # the sheet's first line
            assert result[-1] == SIGNATURES_HEADING, result[-1]
            result.extend([f"Normal\t{approved}"] if approved else [])
            result.append(SIGNATURE_HEADER_ROW)
        result.append(f"Normal\t{signer.group(1)}\t")
    return result
