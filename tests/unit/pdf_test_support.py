"""Helpers for the PDF route tests (test_pdf_route): meetings to convert, and a PDF read back
as a reader and a checker would: words with their boxes per page (pdftotext -bbox-layout),
lines per page, the structure (pikepdf), every string and stream in the file."""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import re
import subprocess
import unicodedata
import xml.etree.ElementTree as ElementTree
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from secretary_app.core.exchange import MeetingDocument
from secretary_app.core.model import (
    Attachment,
    AttendanceEntry,
    AttendanceStatus,
    Committee,
    Dissent,
    Item,
    ItemRecords,
    Meeting,
    MemberRole,
    Vote,
    VoteSide,
)
from secretary_app.core.record import Approval

COMMITTEE = "Økonomiudvalget"
MEMBERS = ("Anne Andersen", "Bo Berg", "Carl Ceder", "Dorte Dahl", "Ebbe Eriksen", "Fie Frost")
SUBSTITUTE = "Gitte Gram"
APPROVERS = ("Anne Andersen", "Dorte Dahl")
FINGERPRINT = "1a2b3c4d5e6f7a8b" + "0" * 48
# Items with something particular, by index: closed ones, one with two attachments, one with
# none (the first item has none either).
CLOSED = (6, 19, 33)
TWO_ATTACHMENTS = 4
NO_ATTACHMENTS = 5
TWO_TITLES = ("Budgetoversigt 2026", "Høringssvar fra Ældrerådet")

WORDS = (
    *("kommunen", "udvalget", "borgere", "forslag", "budget", "projekt", "skole", "trafik"),
    *("daginstitution", "plan", "høring", "bevilling", "lokalplan", "indstilling", "økonomi"),
    *("administrationen", "beslutning", "område", "anlæg", "drift", "tilskud", "evaluering"),
)


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _markdown(rng: random.Random, paragraphs: int) -> str:
    blocks = []
    for _ in range(paragraphs):
        if rng.random() < 0.2:
            blocks.append("\n".join(f"- {_sentence(rng, rng.randint(4, 9))}" for _ in range(3)))
        else:
            text = " ".join(_sentence(rng, rng.randint(6, 14)) for _ in range(rng.randint(1, 4)))
            blocks.append(text)
    return "\n\n".join(blocks)


# A title long enough to wrap, in the heading and in the contents; one with the characters
# XML, PDF strings and Basic treat specially.
LONG_TITLE = (
    "Punkt 11 om godkendelse af anlægsbevilling og frigivelse af rådighedsbeløb til renovering"
    " af Ordrup Skoles faglokaler, etape 2, herunder ventilation, belysning og akustik"
)
ODD_TITLE = "Punkt 12 om Vej & Park: \"Grønne\" <områder> – 50 % (2025/26) 'a' #1 C:/x"
SPECIAL_TITLES = {10: LONG_TITLE, 11: ODD_TITLE}


def item_title(index: int) -> str:
    """A unique title: no title is a prefix of another's text ("Punkt 01 …")."""
    if index in SPECIAL_TITLES:
        return SPECIAL_TITLES[index]
    return f"Punkt {index + 1:02d} om {WORDS[index % len(WORDS)]} og {WORDS[(index * 7) % 22]}"


def big_meeting(
    items: int = 48, *, approved: bool = True, seed: int = 9, tail: int = 0
) -> MeetingDocument:
    """Minutes with attendance of every kind, closed items, attachments (none, one, two), votes
    and a note of dissent, approved (with a fingerprint) when asked. Sections of 1 to 7
    paragraphs, so headings fall at every height of a page; `tail` more paragraphs in the last
    item's decision move what follows it (the signature sheet) down the page."""
    rng = random.Random(seed)
    meeting = Meeting(0, dt.date(2025, 3, 4), dt.time(16), dt.time(18, 30), "Rådssalen")
    meeting.ended_at = dt.time(19, 5)
    attendance = [AttendanceEntry(0, MEMBERS[0], MemberRole.CHAIR)]
    attendance += [AttendanceEntry(0, name) for name in MEMBERS[1:]]
    attendance.append(
        AttendanceEntry(0, "Hans Hald", status=AttendanceStatus.ABSENT, substitute=SUBSTITUTE)
    )
    attendance.append(AttendanceEntry(0, "Ida Iversen", status=AttendanceStatus.EXCUSED))
    attendance.append(AttendanceEntry(0, "Jens Juul", MemberRole.OFFICIAL))
    doc = MeetingDocument(Committee(COMMITTEE), meeting, attendance)
    for index in range(items):
        closed = index in CLOSED
        item = Item(
            0,
            item_title(index),
            closed=closed,
            public_title=f"Lukket punkt {index + 1}" if closed else "",
            case_id=f"EMN-2025-{index + 1:06d}",
            sections={
                "resume": _markdown(rng, rng.randint(1, 7)),
                "tidligere_beslutninger": _markdown(rng, 1) if rng.random() < 0.3 else "",
                "beslutning": _markdown(rng, rng.randint(1, 2)),
            },
            position=index,
        )
        if index == TWO_ATTACHMENTS:
            attachments = [Attachment(0, title) for title in TWO_TITLES]
        elif index in (0, NO_ATTACHMENTS):
            attachments = []
        else:
            attachments = [Attachment(0, _sentence(rng, 3)) for _ in range(rng.randint(0, 2))]
        doc.items.append((item, attachments))
        votes = [Vote(0, VoteSide.FOR, name, n) for n, name in enumerate(MEMBERS[:3])]
        dissent = [Dissent(0, MEMBERS[4], _sentence(rng, 8))] if index % 9 == 3 else []
        doc.records.append(ItemRecords(dissents=dissent, votes=votes if index % 5 == 2 else []))
    if tail and doc.items:
        last = doc.items[-1][0]
        extra = "\n\n".join(_sentence(rng, 12) for _ in range(tail))
        last.sections["beslutning"] = f"{last.sections['beslutning']}\n\n{extra}"
    if approved:
        doc.approval = Approval(0, dt.date(2025, 3, 11), list(APPROVERS), FINGERPRINT)
    return doc


def present_members() -> list[str]:
    """The names the signature sheet of big_meeting must show (members present, substitute)."""
    return [*MEMBERS, SUBSTITUTE]


# --- text of a PDF --------------------------------------------------------------------------


def clean(text: str) -> str:
    """NFKC ("ﬁ" -> "fi"), one blank between words."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Word) -> bool:
        """Printed over each other: side by side by more than half a point, and one above the
        other by more than half the lower's height (the boxes of two lines, ascent and descent,
        touch a little without any ink touching)."""
        across = min(self.x1, other.x1) - max(self.x0, other.x0)
        down = min(self.y1, other.y1) - max(self.y0, other.y0)
        height = min(self.y1 - self.y0, other.y1 - other.y0)
        return across > 0.5 and down > height / 2


@dataclass(frozen=True)
class Line:
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return clean(" ".join(word.text for word in self.words))

    @property
    def top(self) -> float:
        return min(word.y0 for word in self.words)

    @property
    def bottom(self) -> float:
        return max(word.y1 for word in self.words)


@dataclass(frozen=True)
class Page:
    number: int  # from 1
    width: float
    height: float
    lines: tuple[Line, ...]  # in reading order, top to bottom

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def read_pages(pdf: Path) -> list[Page]:
    """The pages' lines as pdftotext -bbox-layout groups them (blocks, lines, words)."""
    result = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True, timeout=120
    )
    markup = re.sub(rb"<!DOCTYPE[^>]*>", b"", result.stdout)
    root = ElementTree.fromstring(markup)
    pages = []
    for number, page in enumerate(root.iter("{http://www.w3.org/1999/xhtml}page"), start=1):
        lines = []
        for line in page.iter("{http://www.w3.org/1999/xhtml}line"):
            words = tuple(
                Word(
                    word.text or "",
                    float(word.get("xMin")),
                    float(word.get("yMin")),
                    float(word.get("xMax")),
                    float(word.get("yMax")),
                )
                for word in line.iter("{http://www.w3.org/1999/xhtml}word")
            )
            if words:
                lines.append(Line(words))
        width, height = float(page.get("width")), float(page.get("height"))
        pages.append(Page(number, width, height, tuple(rows(lines))))
    return pages


def rows(lines: list[Line]) -> list[Line]:
    """pdftotext's lines joined into the rows a reader sees: lines side by side (a header's
    left and right part, a table's cells, a tab) make one row, its words from left to right."""
    joined: list[list[Line]] = []
    for line in sorted(lines, key=lambda line: (line.top, line.words[0].x0)):
        middle = (line.top + line.bottom) / 2
        if joined and joined[-1][0].top <= middle <= joined[-1][0].bottom:
            joined[-1].append(line)
        else:
            joined.append([line])
    return [
        Line(tuple(sorted((w for line in row for w in line.words), key=lambda w: w.x0)))
        for row in joined
    ]


# --- everything in a PDF, for the leak search -----------------------------------------------


def pdf_strings(pdf: pikepdf.Pdf) -> Iterator[str]:
    """Every string and name anywhere in the file (dictionary keys too), decoded: each object
    of the file, and what it holds directly (an indirect object is read as one of the file's)."""
    for obj in pdf.objects:
        yield from _strings_in(obj)
    yield from _strings_in(pdf.trailer)


def _strings_in(obj: object, top: bool = True) -> Iterator[str]:
    if isinstance(obj, pikepdf.Object) and obj.is_indirect and not top:
        return
    if isinstance(obj, pikepdf.String):
        yield str(obj)
        yield bytes(obj).decode("latin-1")
    elif isinstance(obj, pikepdf.Name):
        yield str(obj)
    elif isinstance(obj, pikepdf.Array):
        for element in obj:
            yield from _strings_in(element, False)
    elif isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
        for key, value in obj.items():
            yield key
            yield from _strings_in(value, False)


def stream_readings(pdf: pikepdf.Pdf, raw: bytes) -> Iterator[str]:
    """The file's bytes and every stream's bytes, decoded (and raw), read as UTF-8, Latin-1
    and UTF-16BE at both byte offsets."""
    blobs = [raw]
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            with contextlib.suppress(pikepdf.PdfError):
                blobs.append(obj.read_bytes())
            blobs.append(obj.read_raw_bytes())
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", raw, re.S):
        with contextlib.suppress(zlib.error):
            blobs.append(zlib.decompressobj().decompress(match.group(1)))
    for blob in blobs:
        yield blob.decode("utf-8", "ignore")
        yield blob.decode("latin-1")
        yield blob.decode("utf-16-be", "ignore")
        yield blob[1:].decode("utf-16-be", "ignore")
