"""The municipality's Word template: opening it safely and the sandbox its placeholders run in.

A template is an untrusted file. It is opened as a .docx or .dotx (a .dotx is turned into a
document by fixing its main part's content type), and its placeholders are rendered only in a
sandboxed, autoescaping Jinja environment where an unknown name is an error, never "".
"""

from __future__ import annotations

import io
import zipfile
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

from secretary_app.core.messages import os_error_reason

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

# Limits on what a template's arithmetic may build: no hanging the program on '9 ** 9 ** 9'.
_MAX_REPEAT = 10_000
_MAX_EXPONENT = 64


class TemplateError(ValueError):
    """A template that cannot be used; the message says what and where, in Danish."""


class GuardedSandbox(SandboxedEnvironment):
    """Jinja's sandbox (no private attributes, no code) that also refuses huge results."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and _is_number(right) and abs(right) > _MAX_EXPONENT:
            raise SecurityError(f"the exponent {right} is too large")
        if operator == "*" and _repeats_too_much(left, right):
            raise SecurityError("the result would be too large")
        return super().call_binop(context, operator, left, right)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _repeats_too_much(left: Any, right: Any) -> bool:
    sized = (str, bytes, list, tuple)
    for seq, count in ((left, right), (right, left)):
        if isinstance(seq, sized) and isinstance(count, int) and count * len(seq) > _MAX_REPEAT:
            return True
    return False


def sandboxed_environment() -> SandboxedEnvironment:
    """The only environment a template is ever rendered in."""
    return GuardedSandbox(autoescape=True, undefined=StrictUndefined)


def default_template_path() -> Path:
    """The template shipped with the program (resources/default_template.docx)."""
    resource = resources.files("secretary_app.resources").joinpath(DEFAULT_TEMPLATE_NAME)
    return Path(str(resource))


def read_template(path: Path) -> bytes:
    """The template at `path` as a Word document package, ready for python-docx."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise TemplateError(f"Skabelonen kan ikke læses ({os_error_reason(error)})") from error
    return as_document_package(data)


def as_document_package(data: bytes) -> bytes:
    """`data` if it is a Word document; a .dotx with its content type fixed; else TemplateError."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            content_types = package.read(CONTENT_TYPES).decode("utf-8", errors="replace")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise TemplateError(NOT_WORD) from error
    if DOCUMENT_MAIN in content_types:
        return data
    if TEMPLATE_MAIN in content_types:
        return _with_content_types(data, content_types.replace(TEMPLATE_MAIN, DOCUMENT_MAIN))
    if any(macro in content_types for macro in MACRO_MAINS):
        raise TemplateError(WITH_MACROS)
    raise TemplateError(NOT_WORD)


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
