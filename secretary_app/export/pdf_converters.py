"""The programs on the PC that turn our .docx into a PDF exactly as Word lays it out.

- Microsoft Word, through its COM automation (a short PowerShell script: no Python package
  needed), on Windows where Word is installed. Written from Microsoft's documentation of
  `Document.ExportAsFixedFormat`; not tested on this project's machines (see README).
- LibreOffice, where installed (the Windows default folders, or PATH), run headless on a profile
  of our own that holds one Basic macro (`LIBREOFFICE_MACRO`): open the document hidden, update
  its tables of contents (so their page numbers are LibreOffice's own layout's), export the PDF,
  quit. One start of LibreOffice per document.

Both update the tables of contents and are asked for a tagged PDF with the document's language,
bookmarks for the headings and PDF/A-2b (LibreOffice; Word writes PDF/A-1b when asked). A
converter that is missing, fails or takes longer than `TIMEOUT` seconds raises ConversionError
with a Danish message; the caller then falls back to the program's own writer.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any, Literal, Protocol, TypeAlias

from lxml import etree

TIMEOUT = 120  # seconds for one document
ConverterChoice: TypeAlias = Literal["auto", "word", "libreoffice", "builtin"]
CONVERTER_CHOICES: tuple[ConverterChoice, ...] = ("auto", "word", "libreoffice", "builtin")

# LibreOffice's PDF export: tagged (PDF/UA's structure), PDF/A-2b, bookmarks for the headings,
# and the Word bookmarks as named destinations (export.pdf reads the headings' pages from them).
LIBREOFFICE_PDF_OPTIONS: dict[str, bool | int] = {
    "UseTaggedPDF": True,
    "PDFUACompliance": True,
    "SelectPdfVersion": 2,
    "ExportBookmarks": True,
    "ExportBookmarksToPDFDestination": True,
    "UseReferenceXObject": False,
}
# Convert: the paths come in the environment (a path in the macro's URL is decoded on the way: a
# folder with "#" or "%" in its name broke it). On any error nothing is written, and LibreOffice
# quits either way.
LIBREOFFICE_MACRO = """Sub Convert
  On Error GoTo Done
  source = ConvertToURL(Environ("SECRETARY_DOCX"))
  target = ConvertToURL(Environ("SECRETARY_PDF"))
  Dim opening(0) As New com.sun.star.beans.PropertyValue
  opening(0).Name = "Hidden"
  opening(0).Value = True
  document = StarDesktop.loadComponentFromURL(source, "_blank", 0, opening())
  keywords = Environ("SECRETARY_KEYWORDS")
  If keywords <> "" Then document.DocumentProperties.Keywords = Split(keywords, "; ")
  indexes = document.getDocumentIndexes()
  For i = 0 To indexes.getCount() - 1
    indexes.getByIndex(i).update()
  Next
  Dim options({last}) As New com.sun.star.beans.PropertyValue
{options}
  Dim storing(1) As New com.sun.star.beans.PropertyValue
  storing(0).Name = "FilterName"
  storing(0).Value = "writer_pdf_Export"
  storing(1).Name = "FilterData"
  storing(1).Value = options()
  document.storeToURL(target, storing())
  document.close(True)
Done:
  StarDesktop.terminate()
End Sub
"""
_BASIC_LIBRARIES = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:libraries PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "libraries.dtd">
<library:libraries xmlns:library="http://openoffice.org/2000/library" \
xmlns:xlink="http://www.w3.org/1999/xlink">
 <library:library library:name="Standard" library:link="false"/>
</library:libraries>
"""
_BASIC_LIBRARY = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" \
library:readonly="false" library:passwordprotected="false">{elements}</library:library>
"""
_BASIC_MODULE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" \
script:language="StarBasic">{code}</script:module>
"""
# soffice.com first: the console launcher waits for LibreOffice to finish; soffice.exe may not.
_WINDOWS_LIBREOFFICE = ("LibreOffice", "program")

# Word: open read-only and invisible, update the tables of contents' page numbers, export a
# tagged PDF/A with heading bookmarks, close without saving. 17 = wdExportFormatPDF,
# 1 = wdExportCreateHeadingBookmarks; see Microsoft's Document.ExportAsFixedFormat.
WORD_SCRIPT = r"""
$ErrorActionPreference = 'Stop'
$word = New-Object -ComObject Word.Application
try {
    $word.Visible = $false
    $word.DisplayAlerts = 0
    $document = $word.Documents.Open($env:SECRETARY_DOCX, $false, $true, $false)
    try {
        foreach ($contents in $document.TablesOfContents) { $contents.Update() }
        $document.ExportAsFixedFormat($env:SECRETARY_PDF, 17, $false, 0, 0, 1, 1, 0,
            $true, $true, 1, $true, $true, $true)
    } finally { $document.Close(0) }
} finally { $word.Quit(0) }
"""


class ConversionError(Exception):
    """The converter could not make the PDF; the message says why, in Danish."""


@dataclass
class Converter:
    """A program that converts .docx to PDF: its name for the user, and where it is."""

    kind: Literal["word", "libreoffice"]
    program: Path
    _profile: Path | None = field(default=None, repr=False)

    @property
    def name(self) -> str:
        return "Microsoft Word" if self.kind == "word" else "LibreOffice"

    def convert(self, docx: Path, pdf: Path) -> None:
        """Write the PDF of `docx` to `pdf`; ConversionError when the program fails."""
        paths = {
            "SECRETARY_DOCX": str(docx.resolve()),
            "SECRETARY_PDF": str(pdf.resolve()),
            "SECRETARY_KEYWORDS": keywords_of(docx),  # LibreOffice splits them at every space
        }
        command = self._word_command() if self.kind == "word" else self._libreoffice_command()
        try:
            _run(command, self.name, {**os.environ, **paths})
        except ConversionError:
            self._profile = None  # a LibreOffice stopped half-way may have left it locked
            raise
        if not pdf.is_file() or not _ends_as_pdf(pdf):
            raise ConversionError(f"{self.name} kunne ikke lave PDF'en")

    def _word_command(self) -> list[str]:
        """The paths go in the environment: a path is never parsed as PowerShell."""
        return [
            str(self.program),
            *("-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass"),
            *("-Command", WORD_SCRIPT),
        ]

    def _libreoffice_command(self) -> list[str]:
        """A profile of our own, kept for this run of the program: LibreOffice started by the
        user, or a second copy of ours, never shares it, and it is warm after the first."""
        profile = self._profile or self._new_profile()
        return [*self._libreoffice(profile), "--nodefault", "macro:///Standard.Module1.Convert"]

    def _libreoffice(self, profile: Path) -> list[str]:
        return [
            str(self.program),
            f"-env:UserInstallation={profile.as_uri()}",
            *("--headless", "--invisible", "--norestore", "--nolockcheck"),
        ]

    def _new_profile(self) -> Path:
        """LibreOffice fills a new profile in on its first start (over any macro put there
        before), so it starts once to do that, and the macro is written after."""
        profile = Path(tempfile.mkdtemp(prefix="secretary-libreoffice-"))
        atexit.register(shutil.rmtree, profile, True)
        _run([*self._libreoffice(profile), "--terminate_after_init"], self.name)
        write_macro_library(profile)
        self._profile = profile
        return profile


def write_macro_library(profile: Path) -> None:
    """The Standard Basic library of a new LibreOffice profile, with our macro as Module1."""
    basic = profile / "user" / "basic"
    (basic / "Standard").mkdir(parents=True, exist_ok=True)
    for name in ("script.xlc", "dialog.xlc"):
        (basic / name).write_text(_BASIC_LIBRARIES, encoding="utf-8")
    module = '<library:element library:name="Module1"/>'
    (basic / "Standard" / "script.xlb").write_text(
        _BASIC_LIBRARY.format(elements=module), encoding="utf-8"
    )
    (basic / "Standard" / "dialog.xlb").write_text(
        _BASIC_LIBRARY.format(elements=""), encoding="utf-8"
    )
    code = escape(libreoffice_macro(), quote=False)
    (basic / "Standard" / "Module1.xba").write_text(
        _BASIC_MODULE.format(code=code), encoding="utf-8"
    )


def libreoffice_macro() -> str:
    lines = []
    for index, (name, value) in enumerate(LIBREOFFICE_PDF_OPTIONS.items()):
        basic = ("True" if value else "False") if isinstance(value, bool) else str(value)
        lines.append(f'  options({index}).Name = "{name}"')
        lines.append(f"  options({index}).Value = {basic}")
    last = len(LIBREOFFICE_PDF_OPTIONS) - 1
    return LIBREOFFICE_MACRO.format(last=last, options="\n".join(lines))


def keywords_of(docx: Path) -> str:
    """The document's keywords ("Referat; Økonomiudvalget; …"), as the Word writer set them."""
    try:
        with zipfile.ZipFile(docx) as package:
            core = etree.fromstring(package.read("docProps/core.xml"))
    except (OSError, KeyError, zipfile.BadZipFile, etree.LxmlError):
        return ""
    found = core.find(f"{{{_CORE_PROPERTIES}}}keywords")
    return " ".join((found.text or "").split()) if found is not None else ""


_CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"


def _ends_as_pdf(path: Path) -> bool:
    """Does the file begin as a PDF and end with a trailer's end mark (not cut off)?"""
    with path.open("rb") as file:
        start = file.read(5)
        file.seek(max(0, path.stat().st_size - 1024))
        end = file.read()
    return start == b"%PDF-" and b"%%EOF" in end


def _run(command: Sequence[str], name: str, env: dict[str, str] | None = None) -> None:
    """Run a converter in a process group of its own, with no pipes (LibreOffice starts
    soffice.bin, Word's script WINWORD.EXE: a pipe they inherit would hold us after a kill);
    after `TIMEOUT` seconds the whole group is stopped."""
    try:
        process = subprocess.Popen(
            command,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            **_own_process_group(),
        )
    except OSError as error:
        raise ConversionError(f"{name} kunne ikke startes") from error
    try:
        code = process.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired as error:
        _stop_group(process)
        raise ConversionError(f"{name} svarede ikke inden for {TIMEOUT} sekunder") from error
    if code != 0:
        raise ConversionError(f"{name} kunne ikke lave PDF'en (fejlkode {code})")


def _own_process_group() -> dict[str, Any]:
    if sys.platform == "win32":
        flags = subprocess.CREATE_NO_WINDOW | subprocess.CREATE_NEW_PROCESS_GROUP
        return {"creationflags": flags}
    return {"start_new_session": True}


def _stop_group(process: subprocess.Popen[bytes]) -> None:
    """Stop the converter and everything it started."""
    if sys.platform == "win32":
        taskkill = _system32() / "taskkill.exe"
        subprocess.run(
            [str(taskkill), "/T", "/F", "/PID", str(process.pid)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
            creationflags=subprocess.CREATE_NO_WINDOW,
        )
    else:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    process.wait()


class ConverterChain:
    """ "auto" with both on the PC: Word, and LibreOffice when Word fails. `name` is the one
    that made the last PDF."""

    def __init__(self, converters: Sequence[Converter]) -> None:
        self.converters = list(converters)
        self.name = self.converters[0].name

    def convert(self, docx: Path, pdf: Path) -> None:
        failures: list[str] = []
        for converter in self.converters:
            try:
                converter.convert(docx, pdf)
            except ConversionError as error:
                failures.append(str(error))
                continue
            self.name = converter.name
            return
        raise ConversionError("; ".join(failures))


class PdfConverter(Protocol):
    """What lays a .docx out as a PDF: a Converter or a ConverterChain."""

    @property
    def name(self) -> str: ...

    def convert(self, docx: Path, pdf: Path) -> None: ...


def find_converter(choice: ConverterChoice = "auto") -> PdfConverter | None:
    """The converter for `choice`: "auto" is Word, then LibreOffice if Word fails (as found);
    "builtin" (the program's own writer) and a program not found give None. Found once per
    run of the program (and where it is looked for), so LibreOffice's profile stays warm."""
    key = (choice, os.environ.get("SECRETARY_LIBREOFFICE"), os.environ.get("PATH"))
    if key not in _FOUND:
        _FOUND[key] = _look_for(choice)
    return _FOUND[key]


_FOUND: dict[tuple[str, str | None, str | None], PdfConverter | None] = {}


def _look_for(choice: ConverterChoice) -> PdfConverter | None:
    if choice == "builtin":
        return None
    found = [
        converter
        for converter in (
            find_word() if choice in ("auto", "word") else None,
            find_libreoffice() if choice in ("auto", "libreoffice") else None,
        )
        if converter is not None
    ]
    if len(found) > 1:
        return ConverterChain(found)
    return found[0] if found else None


def default_choice() -> ConverterChoice:
    """SECRETARY_PDF_CONVERTER, when it names a choice; else "auto"."""
    value = os.environ.get("SECRETARY_PDF_CONVERTER", "auto")
    return next((choice for choice in CONVERTER_CHOICES if choice == value), "auto")


def find_word() -> Converter | None:
    """Word, when on Windows and registered for automation (its ProgID in the registry)."""
    if sys.platform != "win32":
        return None
    import winreg

    try:
        winreg.CloseKey(winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, r"Word.Application\CLSID"))
    except OSError:
        return None
    powershell = _system32() / "WindowsPowerShell" / "v1.0" / "powershell.exe"
    return Converter("word", powershell) if powershell.is_file() else None


def find_libreoffice() -> Converter | None:
    """LibreOffice: SECRETARY_LIBREOFFICE if set, the Windows default folders, or PATH."""
    wanted = os.environ.get("SECRETARY_LIBREOFFICE")
    if wanted is not None:
        return Converter("libreoffice", Path(wanted)) if Path(wanted).is_file() else None
    if sys.platform == "win32":  # never a search of PATH: it starts in the current folder
        candidates = [
            Path(folder, *_WINDOWS_LIBREOFFICE, program)
            for folder in _program_files()
            for program in ("soffice.com", "soffice.exe")
        ]
    else:
        candidates = [Path(p) for name in ("soffice", "libreoffice") if (p := shutil.which(name))]
    return next((Converter("libreoffice", path) for path in candidates if path.is_file()), None)


def _system32() -> Path:
    """Windows' own programs, by absolute path (Windows' environment ignores case)."""
    return Path(os.environ.get("SYSTEMROOT", r"C:\Windows"), "System32")


def _program_files() -> list[str]:
    names = ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")
    folders = [os.environ[name] for name in names if os.environ.get(name)]
    return list(dict.fromkeys(folders)) or [r"C:\Program Files"]
