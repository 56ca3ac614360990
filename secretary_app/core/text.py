"""Text rules at the boundary: what may enter the archive and the Word documents.

Text pasted from Word carries control characters that XML (and so python-docx) refuses.
Line breaks are kept, as "\\n"; everything else a reader would see is kept as it is.
"""

from __future__ import annotations

import re
import unicodedata

_LINE_BREAK = re.compile("\r\n|[\r\x0b\x0c\u2028\u2029]")

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    chr(plane | 0xFFFE) + chr(plane | 0xFFFF) for plane in range(0, 0x110000, 0x10000)
)
_UNWANTED = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff" + _NONCHARACTERS + "]")

_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")

_BREAK_IN_LINE = re.compile(r" *[\t\n][\t\n ]*")


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


def clean_line(s: str) -> str:
    """One line of text (a title, a case ID, a name): breaks and tabs become one space."""
    return _BREAK_IN_LINE.sub(" ", clean_text(s)).strip()


def visible(text: str) -> str:
    """The text without the characters that show nothing (zero-width space, byte order mark,
    direction marks) and without blanks at either end: what a reader sees of it."""
    return "".join(c for c in text if unicodedata.category(c) != "Cf").strip()


_NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED_NAMES = re.compile(r"(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\..*)?", re.IGNORECASE)
MAX_FILE_NAME = 120


def safe_file_name(name: str, fallback: str = "bilag") -> str:
    """A name that is one file in a folder on Windows and Linux alike: no folder parts ("..\\",
    "/tmp/"), no characters Windows refuses, not a device name (CON, NUL, COM1 …), no dot or
    blank at the end, no invisible format characters (a right-to-left override makes a name
    ending in ".exe" look like one ending in ".pdf"), at most 120 characters; `fallback` when
    nothing is left."""
    cleaned = _NOT_IN_FILE_NAMES.sub("_", visible(clean_line(name))).strip(" .")
    cleaned = cleaned.lstrip("_.") or fallback
    if _RESERVED_NAMES.fullmatch(cleaned):
        cleaned = f"_{cleaned}"
    if len(cleaned) > MAX_FILE_NAME:
        _stem, dot, suffix = cleaned.rpartition(".")
        keep = suffix if dot and len(suffix) <= 10 else ""
        cleaned = cleaned[: MAX_FILE_NAME - len(keep) - 1].rstrip(" .") + (
            f".{keep}" if keep else ""
        )
    return cleaned
