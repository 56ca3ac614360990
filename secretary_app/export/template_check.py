"""`check_template`: what a template uses, what it lacks, and what is wrong with it, and where.

The check opens and inspects the template exactly as an export does (export.word), with the
reference meeting's minutes as example values, so a template the check calls usable exports.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from secretary_app.export.layout import PLACEHOLDER_EXAMPLES
from secretary_app.export.template import TemplateError, sandboxed_environment
from secretary_app.export.template_problems import CONTENT
from secretary_app.export.word import inspect_template, load_template
from secretary_app.export.word_styles import missing_styles

FILE = "filen"


@dataclass(frozen=True)
class TemplateReport:
    """What `secretary-app template check` prints; `errors` are (where, message) pairs."""

    placeholders_used: tuple[str, ...] = ()
    unknown_placeholders: tuple[str, ...] = ()
    has_content_marker: bool = False
    missing_styles: tuple[str, ...] = ()
    errors: tuple[tuple[str, str], ...] = ()

    @property
    def usable(self) -> bool:
        return not self.errors


def check_template(path: Path | str) -> TemplateReport:
    """Inspect the template at `path`: body, tables, headers, footers, properties, footnotes."""
    env = sandboxed_environment()
    context: dict[str, object] = {**PLACEHOLDER_EXAMPLES, CONTENT: CONTENT}
    try:
        docx = load_template(Path(path))
        inspection = inspect_template(docx, env, context)
    except TemplateError as error:
        return TemplateReport(errors=((FILE, str(error)),))
    used = inspection.names - set(env.globals)
    return TemplateReport(
        placeholders_used=tuple(sorted(used)),
        unknown_placeholders=tuple(sorted(used - set(context))),
        has_content_marker=CONTENT in inspection.body_names,
        missing_styles=tuple(missing_styles(docx.docx)),
        errors=tuple((problem.where, problem.message) for problem in inspection.problems),
    )
