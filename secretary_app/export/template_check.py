"""`check_template`: what a template uses, what it lacks, and what is wrong with it, and where.

The check opens and inspects the template exactly as an export does (export.word), with the
reference meeting's minutes as example values, and then fills it in as the export does (docxtpl,
within the same limits of time and size), so a template the check calls usable exports: a
property that grows past Word's 255 characters, a loop that never ends, a text that grows too
much are errors here, not at export.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docxtpl import DocxTemplate
from jinja2 import Environment

from secretary_app.export.layout import PLACEHOLDER_EXAMPLES
from secretary_app.export.template import TemplateError
from secretary_app.export.template_limits import RenderLimits
from secretary_app.export.template_problems import CONTENT, Problem
from secretary_app.export.template_sandbox import sandboxed_environment
from secretary_app.export.word import fill_in, inspect_template, load_template
from secretary_app.export.word_styles import missing_styles

FILE = "filen"
WHOLE = "skabelonen"


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


def check_template(path: Path | str, limits: RenderLimits | None = None) -> TemplateReport:
    """Inspect the template at `path`: body, tables, headers, footers, properties, footnotes.

    `limits`: those of an export (None: the usual ones); tests give smaller ones.
    """
    env = sandboxed_environment(limits)
    context: dict[str, object] = {**PLACEHOLDER_EXAMPLES, CONTENT: CONTENT}
    try:
        docx = load_template(Path(path))
        inspection = inspect_template(docx, env, context)
    except TemplateError as error:
        return TemplateReport(errors=((FILE, str(error)),))
    used = inspection.names - set(env.globals)
    styles = tuple(missing_styles(docx.docx))
    problems = inspection.problems or _filled_in_problems(docx, env, context)
    return TemplateReport(
        placeholders_used=tuple(sorted(used)),
        unknown_placeholders=tuple(sorted(used - set(context))),
        has_content_marker=CONTENT in inspection.body_names,
        missing_styles=styles,
        errors=tuple((problem.where, problem.message) for problem in problems),
    )


def _filled_in_problems(
    docx: DocxTemplate, env: Environment, context: dict[str, object]
) -> list[Problem]:
    """What the export's own filling in fails on, when each part alone rendered well."""
    try:
        fill_in(docx, env, context)
    except TemplateError as error:
        return [Problem(WHOLE, str(error))]
    return []
