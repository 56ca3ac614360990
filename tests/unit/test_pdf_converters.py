"""The converters as processes: stopped whole after the time limit, the next tried when one
fails, the headings' pages read however the converter marked them."""

from __future__ import annotations

import os
import sys
import textwrap
import time
from pathlib import Path

import pikepdf
import pytest

from secretary_app.export import pdf_converters
from secretary_app.export.pdf import heading_pages
from secretary_app.export.pdf_converters import (
    ConversionError,
    Converter,
    ConverterChain,
    find_converter,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX only: the fakes are scripts")

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def fake(tmp_path: Path, name: str, body: str) -> Path:
    """A stand-in converter program: Python, with `target` the PDF it is asked for."""
    program = tmp_path / name
    program.write_text(
        f"#!{sys.executable}\n"
        "import os, pathlib, subprocess, sys, time\n"
        "if '--terminate_after_init' in sys.argv: sys.exit(0)\n"
        "target = pathlib.Path(os.environ['SECRETARY_PDF'])\n" + textwrap.dedent(body)
    )
    program.chmod(0o755)
    return program


def test_a_converter_that_hangs_is_stopped_with_everything_it_started(tmp_path, monkeypatch):
    """LibreOffice's launcher starts soffice.bin: both go when the time is up."""
    pid_file = tmp_path / "child.pid"
    program = fake(
        tmp_path,
        "soffice",
        f"""
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
        pathlib.Path({str(pid_file)!r}).write_text(str(child.pid))
        time.sleep(60)
        """,
    )
    monkeypatch.setattr(pdf_converters, "TIMEOUT", 2)
    started = time.monotonic()
    with pytest.raises(ConversionError, match="svarede ikke inden for 2 sekunder"):
        Converter("libreoffice", program).convert(tmp_path / "a.docx", tmp_path / "a.pdf")
    assert time.monotonic() - started < 10
    child = int(pid_file.read_text())
    time.sleep(0.2)
    assert (
        not Path(f"/proc/{child}").exists()
        or "Z" in Path(f"/proc/{child}/stat").read_text().split()[2]
    )


def test_a_half_written_pdf_is_not_a_pdf(tmp_path):
    program = fake(tmp_path, "soffice", "target.write_bytes(b'%PDF-1.7 halvt')\n")
    with pytest.raises(ConversionError, match="kunne ikke lave PDF'en"):
        Converter("libreoffice", program).convert(tmp_path / "a.docx", tmp_path / "a.pdf")


def test_when_the_first_fails_the_next_makes_the_pdf_and_is_named(tmp_path):
    failing = Converter("word", fake(tmp_path, "word", "sys.exit(5)\n"))
    working = Converter(
        "libreoffice", fake(tmp_path, "soffice", f"target.write_bytes({MINIMAL_PDF!r})\n")
    )
    chain = ConverterChain([failing, working])
    chain.convert(tmp_path / "a.docx", tmp_path / "a.pdf")
    assert chain.name == "LibreOffice"
    assert (tmp_path / "a.pdf").read_bytes() == MINIMAL_PDF


def test_when_all_fail_the_error_says_why_for_each(tmp_path):
    chain = ConverterChain(
        [
            Converter("word", fake(tmp_path, "word", "sys.exit(5)\n")),
            Converter("libreoffice", fake(tmp_path, "soffice", "sys.exit(7)\n")),
        ]
    )
    with pytest.raises(ConversionError) as caught:
        chain.convert(tmp_path / "a.docx", tmp_path / "a.pdf")
    assert "Microsoft Word kunne ikke lave PDF'en (fejlkode 5)" in str(caught.value)
    assert "LibreOffice kunne ikke lave PDF'en (fejlkode 7)" in str(caught.value)


def test_the_paths_reach_the_converter_whatever_their_characters(tmp_path):
    """In the environment, not a URL: "#", "%", quotes and Danish letters in a folder's name."""
    folder = tmp_path / "mappe # 50% 'x' \"y\" æøå"
    folder.mkdir()
    program = fake(tmp_path, "soffice", f"target.write_bytes({MINIMAL_PDF!r})\n")
    Converter("libreoffice", program).convert(folder / "a.docx", folder / "a.pdf")
    assert (folder / "a.pdf").read_bytes() == MINIMAL_PDF


def test_a_converter_is_found_once_and_kept(tmp_path, monkeypatch):
    program = fake(tmp_path, "soffice", "pass\n")
    monkeypatch.setenv("SECRETARY_LIBREOFFICE", str(program))
    first = find_converter("libreoffice")
    assert isinstance(first, Converter) and first.program == program
    assert find_converter("libreoffice") is first  # its LibreOffice profile stays warm
    monkeypatch.setenv("SECRETARY_LIBREOFFICE", str(tmp_path / "findes-ikke"))
    assert find_converter("libreoffice") is None
    assert find_converter("builtin") is None


def test_the_suites_default_names_the_builtin_writer():
    assert os.environ["SECRETARY_PDF_CONVERTER"] == "builtin"
    assert pdf_converters.default_choice() == "builtin"


def pdf_with_bookmarks(tmp_path: Path, pages: list[int]) -> bytes:
    """A PDF of three pages with a top-level bookmark to each page in `pages` (from 1), each
    with a sub-bookmark, as Word exports headings; no named destinations."""
    document = pikepdf.new()
    for _ in range(3):
        document.add_blank_page(page_size=(595, 842))
    with document.open_outline() as outline:
        for number, page in enumerate(pages, start=1):
            item = pikepdf.OutlineItem(f"{number} (Åben) Punkt", page - 1)
            item.children.append(pikepdf.OutlineItem("Resumé", page - 1))
            outline.root.append(item)
    path = tmp_path / "word.pdf"
    document.save(path)
    return path.read_bytes()


def test_without_destinations_the_pages_come_from_the_top_level_bookmarks(tmp_path):
    """Word's PDF: headings as bookmarks, our hidden bookmarks not kept as destinations."""
    pdf = pdf_with_bookmarks(tmp_path, [1, 1, 3])
    assert heading_pages(pdf, 3) == [1, 1, 3]
    assert heading_pages(pdf, 4) is None  # bookmarks that are not one per item tell nothing
