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
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Literal, TypeAlias

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
_WINDOWS_LIBREOFFICE = tuple(
    rf"C:\{folder}\LibreOffice\program\soffice.{kind}"
    for folder in ("Program Files", "Program Files (x86)")
    for kind in ("com", "exe")
)

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
} finally { $word.Quit() }
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
        paths = {"SECRETARY_DOCX": str(docx.resolve()), "SECRETARY_PDF": str(pdf.resolve())}
        command = self._word_command() if self.kind == "word" else self._libreoffice_command()
        _run(command, self.name, {**os.environ, **paths})
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


def _ends_as_pdf(path: Path) -> bool:
    """Does the file begin as a PDF and end with a trailer's end mark (not cut off)?"""
    with path.open("rb") as file:
        start = file.read(5)
        file.seek(max(0, path.stat().st_size - 1024))
        end = file.read()
    return start == b"%PDF-" and b"%%EOF" in end


def _run(command: Sequence[str], name: str, env: dict[str, str] | None = None) -> None:
    try:
        finished = subprocess.run(
            command,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except subprocess.TimeoutExpired as error:
        raise ConversionError(f"{name} svarede ikke inden for {TIMEOUT} sekunder") from error
    except OSError as error:
        raise ConversionError(f"{name} kunne ikke startes ({error.strerror})") from error
    if finished.returncode != 0:
        raise ConversionError(f"{name} kunne ikke lave PDF'en (fejlkode {finished.returncode})")


def find_converter(choice: ConverterChoice = "auto") -> Converter | None:
    """The converter to use for `choice`: "auto" prefers Word, then LibreOffice; "builtin"
    (the program's own writer) and a program not found give None."""
    if choice == "builtin":
        return None
    if choice in ("auto", "word"):
        word = find_word()
        if word is not None or choice == "word":
            return word
    return find_libreoffice()


def find_word() -> Converter | None:
    """Word, when on Windows and registered for automation (its ProgID in the registry)."""
    if sys.platform != "win32":
        return None
    import winreg

    try:
        winreg.CloseKey(winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, r"Word.Application\CLSID"))
    except OSError:
        return None
    powershell = shutil.which("powershell.exe") or shutil.which("powershell")
    return Converter("word", Path(powershell)) if powershell else None


def find_libreoffice() -> Converter | None:
    """LibreOffice: SECRETARY_LIBREOFFICE if set, the Windows default folders, or PATH."""
    wanted = os.environ.get("SECRETARY_LIBREOFFICE")
    if wanted is not None:
        return Converter("libreoffice", Path(wanted)) if Path(wanted).is_file() else None
    candidates = [Path(p) for p in _WINDOWS_LIBREOFFICE] if sys.platform == "win32" else []
    candidates.extend(Path(p) for name in ("soffice", "libreoffice") if (p := shutil.which(name)))
    return next((Converter("libreoffice", path) for path in candidates if path.is_file()), None)
