"""Text rules at the boundary: what may enter the archive and the Word documents.

Text pasted from Word carries control characters that XML (and so python-docx) refuses.
Line breaks are kept, as "\\n"; everything else a reader would see is kept as it is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

_LINE_BREAK = re.compile("\r\n|[\r\x0b\x0c\u2028\u2029]")

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    chr(plane | 0xFFFE) + chr(plane | 0xFFFF) for plane in range(0, 0x110000, 0x10000)
)
_UNWANTED = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff" + _NONCHARACTERS + "]")

_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")

_BREAK_IN_LINE = re.compile(r" *[\t\n][\t\n ]*")


def join_danish(names: Sequence[str]) -> str:
    """ "A", "A og B", "A, B og C"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} og {names[-1]}"


def clean_text(s: str) -> str:
    """Text as it may be stored: line breaks as "\\n", no control or non-characters.

    Word's Shift+Enter ("\\x0b"), page breaks ("\\x0c"), "\\r", and the Unicode line and
    paragraph separators become "\\n". Tabs stay. Other C0/C1 controls, lone surrogates and
    Unicode non-characters (U+FFFE, U+FFFF, U+FDD0..U+FDEF and their kin in every plane) go.
    """
    return _UNWANTED.sub("", _SURROGATE_PAIR.sub(_join_pair, _LINE_BREAK.sub("\n", s)))


def _join_pair(pair: re.Match[str]) -> str:
    high, low = (ord(unit) for unit in pair.group())
    return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))


MAX_LINE = 500  # characters in a one-line field; the exchange format refuses more


def one_line(s: str) -> str:
    """One line of text (a title, a case ID, a name): breaks and tabs become one space."""
    return _BREAK_IN_LINE.sub(" ", clean_text(s)).strip()


def clean_line(s: str) -> str:
    """One line of text as it may be stored: `one_line`, at most MAX_LINE characters (what is
    typed or pasted beyond that is cut off; a file with more is refused, core.json_reader)."""
    return one_line(s)[:MAX_LINE].rstrip()


_LONG_RUN = re.compile(r"[^\s\u200b]{80,}")
BREAK_CHANCE = "\u200b"  # zero width space: a line may break here, and nothing shows


def breakable(text: str, every: int = 40) -> str:
    """A run of 80 or more characters without a blank gets a chance to break every `every`
    characters, for a layout engine: Qt laid a 1,000,000-character word out for minutes, as
    it searched the whole run for a place to break. For printing only, never stored."""

    def chances(run: re.Match[str]) -> str:
        word = run.group()
        return BREAK_CHANCE.join(word[i : i + every] for i in range(0, len(word), every))

    return _LONG_RUN.sub(chances, text)


def visible(text: str) -> str:
    """The text without the characters that show nothing (zero-width space, byte order mark,
    direction marks) and without blanks at either end: what a reader sees of it."""
    return "".join(c for c in text if unicodedata.category(c) != "Cf").strip()


_NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
# Windows' device names, with an extension too ("NUL.txt", "NUL .txt"), as Windows reads them
_RESERVED_NAMES = re.compile(
    r"(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³]) *(\..*)?", re.IGNORECASE
)
MAX_FILE_NAME = 120
MAX_FILE_NAME_BYTES = 240  # in UTF-8: Linux and macOS take 255 bytes, and ".bin" may follow


def safe_file_name(name: str, fallback: str = "bilag") -> str:
    """A name that is one file in a folder on Windows and Linux alike: no folder parts ("..\\",
    "/tmp/"), no characters Windows refuses, not a device name (CON, NUL, COM1 …), no dot or
    blank at the end, no invisible format characters (a right-to-left override makes a name
    ending in ".exe" look like one ending in ".pdf"), at most 120 characters and 240 bytes in
    UTF-8; `fallback` when nothing is left. Cleaning a cleaned name changes nothing."""
    cleaned = _trimmed(_NOT_IN_FILE_NAMES.sub("_", visible(clean_line(name))))
    cleaned = _shortened(cleaned or fallback)
    return f"_{cleaned}" if _RESERVED_NAMES.fullmatch(cleaned) else cleaned


def _trimmed(name: str) -> str:
    """Without "_", "." or any blank (a no-break space too) in front, nor a dot or blank at the
    end: what a second cleaning would take away."""
    return _NAME_END.sub("", _NAME_START.sub("", name))


_NAME_START = re.compile(r"^[\s_.]+")
_NAME_END = re.compile(r"[\s.]+$")


def _shortened(name: str) -> str:
    """Below MAX_FILE_NAME characters and MAX_FILE_NAME_BYTES bytes (room for a "_" in
    front), an extension of up to 10 characters kept."""
    if len(name) < MAX_FILE_NAME and len(name.encode()) < MAX_FILE_NAME_BYTES:
        return name
    _stem, dot, suffix = name.rpartition(".")
    keep = f".{suffix}" if dot and len(suffix) <= 10 else ""
    stem = name[: MAX_FILE_NAME - 1 - len(keep)]
    while len((stem + keep).encode()) >= MAX_FILE_NAME_BYTES:
        stem = stem[:-1]
    return _trimmed(stem) + keep
