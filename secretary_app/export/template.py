"""The municipality's Word template: opening it safely and the sandbox its placeholders run in.

A template is an untrusted file. Its size, and the sizes its parts claim to unpack to, are
checked before anything is unpacked. It is opened as a .docx or .dotx (a .dotx is turned into a
document by fixing its main part's content type), and its placeholders are rendered only in a
sandboxed, autoescaping Jinja environment where an unknown name is an error, never "", and
every loop, call and text is bounded (export.template_sandbox).
"""

from __future__ import annotations

import io
import zipfile
from importlib import resources
from pathlib import Path

from secretary_app.core.messages import os_error_reason
from secretary_app.export.template_limits import danish_number

CONTENT_TYPES = "[Content_Types].xml"
DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
MACRO_MAINS = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
NOT_WORD = "Filen er ikke et Word-dokument (.docx eller .dotx)"
WITH_MACROS = (
    "Filen er et Word-dokument med makroer (.docm eller .dotm); "
    "gem skabelonen som .docx eller .dotx uden makroer"
)
DEFAULT_TEMPLATE_NAME = "default_template.docx"

# What a template file may be: read whole, unpacked part by part (a zip bomb is refused unread).
MAX_PACKED = 50_000_000  # bytes of the file
MAX_UNPACKED = 50_000_000  # bytes of all its parts, unpacked
MAX_RATIO = 100  # how many times its packed size a part may unpack to …
RATIO_FROM = 1_000_000  # … when it unpacks to more than this
MAX_PARTS = 10_000


class TemplateError(ValueError):
    """A template that cannot be used; the message says what and where, in Danish."""


def default_template_path() -> Path:
    """The template shipped with the program (resources/default_template.docx)."""
    resource = resources.files("secretary_app.resources").joinpath(DEFAULT_TEMPLATE_NAME)
    return Path(str(resource))


def read_template(path: Path) -> bytes:
    """The template at `path` as a Word document package, ready for python-docx."""
    try:
        size = path.stat().st_size
        if size > MAX_PACKED:
            raise TemplateError(_too_big(size, ""))
        data = path.read_bytes()
    except OSError as error:
        raise TemplateError(f"Skabelonen kan ikke læses ({os_error_reason(error)})") from error
    return as_document_package(data)


def as_document_package(data: bytes) -> bytes:
    """`data` if it is a Word document; a .dotx with its content type fixed; else TemplateError.

    What its parts would unpack to is checked first, from the sizes the package states (which
    are all Python's zipfile ever unpacks): a zip bomb is refused without being unpacked.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            check_unpacked_size(package.infolist())
            content_types = package.read(CONTENT_TYPES).decode("utf-8", errors="replace")
    except TemplateError:
        raise
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise TemplateError(NOT_WORD) from error
    if DOCUMENT_MAIN in content_types:
        return data
    if TEMPLATE_MAIN in content_types:
        return _with_content_types(data, content_types.replace(TEMPLATE_MAIN, DOCUMENT_MAIN))
    if any(macro in content_types for macro in MACRO_MAINS):
        raise TemplateError(WITH_MACROS)
    raise TemplateError(NOT_WORD)


def check_unpacked_size(entries: list[zipfile.ZipInfo]) -> None:
    """TemplateError when the parts are too many, unpack to too much, or are packed too tightly."""
    if len(entries) > MAX_PARTS:
        parts = danish_number(len(entries))
        raise TemplateError(
            f"Skabelonen består af {parts} dele og åbnes ikke (højst {danish_number(MAX_PARTS)})"
        )
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > MAX_UNPACKED:
        raise TemplateError(_too_big(unpacked, " udpakket"))
    for entry in entries:
        if entry.file_size > RATIO_FROM and entry.file_size > MAX_RATIO * entry.compress_size:
            raise TemplateError(
                f"Skabelonens del «{entry.filename}» pakkes ud til mere end {MAX_RATIO} gange "
                "sin pakkede størrelse og åbnes ikke; gem skabelonen igen i Word"
            )


def _too_big(size: int, unpacked: str) -> str:
    megabytes = danish_number(-(-size // 1_000_000))
    return (
        f"Skabelonen fylder {megabytes} MB{unpacked} og åbnes ikke (højst "
        f"{danish_number(MAX_UNPACKED // 1_000_000)} MB); formindsk billederne i Word"
    )


def _with_content_types(data: bytes, content_types: str) -> bytes:
    """A copy of the package `data` with a new [Content_Types].xml."""
    result = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            content = source.read(entry.filename)
            if entry.filename == CONTENT_TYPES:
                content = content_types.encode("utf-8")
            target.writestr(entry, content)
    return result.getvalue()
