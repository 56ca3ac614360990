"""clean_text and clean_line: what Word pastes in, and what XML (python-docx) accepts."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretary_app.core.text import clean_line, clean_text

# XML 1.0, production [2] Char
XML_CHAR = re.compile("[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]*")

# Any code point at all, and more often the ones that cause trouble
awkward_chars = st.sampled_from(
    ["\r", "\r\n", "\x0b", "\x0c", "\x00", "\x1f", "\x7f", "\x85", "\x9f", "\t", "\n"]
    + ["\ud800", "\udfff", "\ud83d\ude00", "\ufffe", "\uffff", "\U0001fffe", "\ufdd0"]
    + ["\u2028", "\u2029", "æ", "Ø", "å", "😀", "\u00a0"]
)
any_text = st.lists(st.characters(codec=None) | awkward_chars, max_size=40).map("".join)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Linje et\r\nLinje to\rLinje tre", "Linje et\nLinje to\nLinje tre"),
        ("Skift\x0bmed Shift+Enter\x0cside", "Skift\nmed Shift+Enter\nside"),
        ("Linje\u2028skift\u2029afsnit", "Linje\nskift\nafsnit"),
        ("n\x00u\x07l\x1fl\x7f og C1\x85\x9f", "null og C1"),
        ("Tab\tbliver", "Tab\tbliver"),
        ("Ærø, Øresund, Åbenrå 😀 ½ € —", "Ærø, Øresund, Åbenrå 😀 ½ € —"),
        ("ens\ud800om\udfff", "ensom"),
        ("par \ud83d\ude00", "par 😀"),
        ("ikke\ufffe\uffff\ufdd0\U0010ffff tegn", "ikke tegn"),
        ("", ""),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Tale\x0bmed\x00 linjeskift", "Tale med linjeskift"),
        ("  EMN-2017-03374 \r\n", "EMN-2017-03374"),
        ("Opgaveudvalg\t om \n\n Innovation", "Opgaveudvalg om Innovation"),
        ("Marie  Louise", "Marie  Louise"),
        ("\x00\t\n", ""),
    ],
)
def test_clean_line(raw: str, clean: str) -> None:
    assert clean_line(raw) == clean


@given(any_text)
def test_clean_text_is_always_valid_xml(raw: str) -> None:
    clean = clean_text(raw)
    assert XML_CHAR.fullmatch(clean)
    assert "\r" not in clean
    assert ET.fromstring(f"<p>{escape(clean)}</p>").text in (clean, None)


@given(any_text)
def test_clean_text_is_idempotent(raw: str) -> None:
    assert clean_text(clean_text(raw)) == clean_text(raw)


printable = st.characters(
    codec="utf-8", exclude_categories=("Cc", "Cs", "Cn", "Co", "Zl", "Zp")
) | st.sampled_from("\t\n")


@given(st.text(printable))
def test_clean_text_keeps_what_a_reader_sees(text: str) -> None:
    assert clean_text(text) == text


@given(any_text)
def test_clean_line_is_one_trimmed_line(raw: str) -> None:
    line = clean_line(raw)
    assert "\n" not in line and "\t" not in line
    assert line == line.strip()
    assert clean_line(line) == line
    assert XML_CHAR.fullmatch(line)


# --- file names from titles (issue 10, point 10) ---------------------------------------------

HOSTILE_NAMES = [
    "../../tmp/ESCAPED",
    "/tmp/ABSOLUTE",
    "..\\..\\Windows\\win.ini",
    "C:\\Users\\Public\\x.pdf",
    "CON",
    "nul.txt",
    "COM1.docx",
    " . ",
    "",
    "a" * 300 + ".pdf",
    "tab\there\x00nul",
    "…/æøå\u202e.exe",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_file_name_from_a_title_is_one_plain_file_name(name):
    from secretary_app.core.text import MAX_FILE_NAME, safe_file_name

    safe = safe_file_name(name)
    assert safe and len(safe) <= MAX_FILE_NAME
    assert not set(safe) & set('/\\:<>"|?*\x00\t\u202e')
    assert safe not in (".", "..") and not safe.endswith((" ", "."))
    assert safe.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT1"}


def test_an_ordinary_file_name_is_kept():
    from secretary_app.core.text import safe_file_name

    assert safe_file_name("Budget 2018 – bilag 3.pdf") == "Budget 2018 – bilag 3.pdf"
    assert safe_file_name("a" * 300 + ".pdf").endswith("a.pdf")


# Long words, for printing (issue 10, point 11)


def test_a_long_run_gets_a_break_chance_every_forty_characters():
    from secretary_app.core.text import BREAK_CHANCE, breakable

    word = "x" * 100
    assert (
        breakable(f"a {word} b")
        == f"a {'x' * 40}{BREAK_CHANCE}{'x' * 40}{BREAK_CHANCE}{'x' * 20} b"
    )
    assert breakable("kort tekst med ord") == "kort tekst med ord"
    assert breakable("y" * 79) == "y" * 79


@given(st.text(max_size=400))
def test_breaking_long_runs_only_adds_break_chances(text):
    from secretary_app.core.text import BREAK_CHANCE, breakable

    broken = breakable(text.replace(BREAK_CHANCE, ""))
    assert broken.replace(BREAK_CHANCE, "") == text.replace(BREAK_CHANCE, "")
    assert all(len(run) < 80 for run in re.split(r"\s|\u200b", broken))


def test_a_line_is_at_most_max_line_characters():
    from secretary_app.core.text import MAX_LINE, clean_line

    assert MAX_LINE == 500  # as docs/exchange-format.md says
    assert clean_line("x" * 1_000_000) == "x" * 500
    assert clean_line("ord " * 200) == ("ord " * 125).rstrip()
