"""What is wrong with a template's placeholders, said in words a secretary understands.

Each part is parsed (syntax errors), searched for names that do not exist and for attempts to
reach Python's insides, and then rendered on trial with real values, so an export never fails
half-way: within the limits of time and size (export.template_limits), and a document property
no longer than Word allows. Every problem names its place: "afsnit 3 i brødteksten («…»)".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import TracebackType

from jinja2 import Environment, Template, TemplateSyntaxError, meta, nodes
from jinja2.exceptions import SecurityError, TemplateRuntimeError, UndefinedError
from lxml import etree

from secretary_app.export.template_limits import BudgetExhausted, LimitExceeded
from secretary_app.export.template_sources import BODY, TemplateSource

CONTENT = "content"
_TEMPLATE_FILE = "<template>"
_UNSAFE_ATTRIBUTE = re.compile(r"attribute '([^']*)'")
_DETAIL_MAX = 200
# What a template's own code may fail with when it runs; anything else is a bug of ours.
# (MemoryError only as a last resort: the limits are there so that it never comes.)
RENDER_ERRORS = (
    UndefinedError,
    SecurityError,
    TemplateRuntimeError,
    TypeError,
    ValueError,
    AttributeError,
    LookupError,
    ArithmeticError,
    RuntimeError,  # RecursionError among them; cycler() with nothing to cycle
    AssertionError,  # Jinja's own filters check some arguments so: truncate(0)
    MemoryError,
)


@dataclass(frozen=True)
class Problem:
    """`final`: the export's time or work is used up, so the parts after it were not tried."""

    where: str
    message: str
    final: bool = False


@dataclass
class Inspection:
    """The placeholders each part uses, and the problems found."""

    used: dict[str, set[str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def names(self) -> set[str]:
        return set().union(*self.used.values())

    @property
    def body_names(self) -> set[str]:
        return self.used.get(BODY, set())


def inspect_sources(
    sources: Iterable[TemplateSource], env: Environment, context: Mapping[str, object]
) -> Inspection:
    known = set(context) | set(env.globals)
    inspection = Inspection()
    for source in sources:
        names, problems = _inspect(source, env, context, known)
        inspection.used.setdefault(source.where, set()).update(names)
        inspection.problems.extend(problems)
        if any(problem.final for problem in problems):
            break
    return inspection


def _inspect(
    source: TemplateSource, env: Environment, context: Mapping[str, object], known: set[str]
) -> tuple[set[str], list[Problem]]:
    try:
        tree = env.parse(source.source)
        names = meta.find_undeclared_variables(tree)  # compiles: an unknown filter fails here
    except TemplateSyntaxError as error:
        return set(), [_syntax_error(source, error)]
    problems = [*_unknown_names(source, tree, names - known, sorted(context))]
    problems.extend(_unsafe_access(source, tree))
    problems.extend(_misplaced_content(source, names))
    if not problems:
        problems.extend(_trial_render(source, env, context))
    return names, problems


def _syntax_error(source: TemplateSource, error: TemplateSyntaxError) -> Problem:
    place = source.place(error.lineno)
    return Problem(place, f"Syntaksfejl i {place}: {syntax_in_danish(error.message or '')}")


_TOKENS = {
    "end of print statement": "}} (slutningen af et {{ … }}-felt)",
    "end of statement block": "%} (slutningen af en {% … %}-blok)",
    "name": "et navn",
}
_BLOCK_CLOSED_BY = re.compile(r"innermost block that needs to be closed is '(\w+)'")


def syntax_in_danish(message: str) -> str:
    """What Jinja says about a template it cannot read, in words a secretary can act on."""
    if found := re.match(r"expected token '(.+?)', got '(.+?)'", message):
        wanted, got = _TOKENS.get(found[1], f"»{found[1]}«"), _TOKENS.get(found[2], found[2])
        return f"her skulle der stå {wanted}, men der står »{got}«"
    if message.lower().startswith("unexpected end of template"):
        block = _BLOCK_CLOSED_BY.search(message)
        closing = f" ({{% {block[1]} %}} mangler sit {{% end{block[1]} %}})" if block else ""
        return f"skabelonen slutter, før et felt eller en blok er lukket{closing}"
    if found := re.match(r"Encountered unknown tag '(.+?)'", message):
        extra = " (der er ingen blok at lukke)" if found[1].startswith("end") else ""
        return f"{{% {found[1]} %}} kendes ikke{extra}"
    if found := re.match(r"Expected an expression, got '(.+?)'", message):
        return f"her mangler et feltnavn eller et udtryk før {_TOKENS.get(found[1], found[1])}"
    if found := re.match(r"unexpected char (.+?) at", message):
        return f"tegnet {found[1]} står et forkert sted (mangler et anførselstegn?)"
    if found := re.match(r"unexpected '(.+?)'", message):
        return f"»{found[1]}« står et forkert sted"
    return "felterne ({{ … }}, {% … %}) kan ikke læses; et tegn mangler eller er i overskud"


def _unknown_names(
    source: TemplateSource, tree: nodes.Template, unknown: set[str], placeholders: list[str]
) -> Iterator[Problem]:
    listed = ", ".join(placeholders)
    for name in sorted(unknown):
        line = next((n.lineno for n in tree.find_all(nodes.Name) if n.name == name), None)
        place = source.place(line)
        message = f"Skabelonen bruger {{{{ {name} }}}} i {place}, som ikke findes."
        yield Problem(place, f"{message} Kendte felter: {listed}")


def _unsafe_access(source: TemplateSource, tree: nodes.Template) -> Iterator[Problem]:
    """Statically visible reaches for private attributes: x.__class__, x['_y'], x|attr('_z')."""
    for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Filter)):
        name = _private_name(node)
        if name is not None:
            place = source.place(node.lineno)
            yield Problem(place, _forbidden(name, place))


def _private_name(node: nodes.Node) -> str | None:
    if isinstance(node, nodes.Getattr):
        name: object = node.attr
    elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        name = node.arg.value
    elif isinstance(node, nodes.Filter) and node.name == "attr" and node.args:
        first = node.args[0]
        name = first.value if isinstance(first, nodes.Const) else None
    else:
        return None
    return name if isinstance(name, str) and name.startswith("_") else None


def _forbidden(what: str, place: str) -> str:
    return (
        f"Skabelonen forsøger at tilgå noget, den ikke må ({what}) i {place}. "
        "Skabeloner må kun bruge felterne, ikke Pythons indre dele."
    )


def _misplaced_content(source: TemplateSource, names: set[str]) -> Iterator[Problem]:
    if CONTENT in names and source.where != BODY:
        message = (
            f"Markeringen {{{{ {CONTENT} }}}} kan kun stå i brødteksten, ikke i {source.where}"
        )
        yield Problem(source.where, message)


def _trial_render(
    source: TemplateSource, env: Environment, context: Mapping[str, object]
) -> Iterator[Problem]:
    """Render the part filled in, and with every field empty (the other side of an {% if %})."""
    try:
        template = env.from_string(source.source)
    except TemplateSyntaxError as error:
        yield _syntax_error(source, error)
        return
    blank = {name: "" if isinstance(value, str) else value for name, value in context.items()}
    for values in (context, blank):
        problem = _render_problem(source, template, values)
        if problem is not None:
            yield problem
            return


def _render_problem(
    source: TemplateSource, template: Template, values: Mapping[str, object]
) -> Problem | None:
    try:
        rendered = template.render(values)
    except RENDER_ERRORS as error:
        place = source.place(_template_line(error.__traceback__))
        return Problem(place, render_failure(error, place), isinstance(error, BudgetExhausted))
    if source.max_chars is not None and len(rendered) > source.max_chars:
        return Problem(source.where, _too_long(source, len(rendered)))
    if source.is_xml and not _is_xml(rendered):
        message = (
            f"Skabelonens betingelser eller løkker ({{% … %}}) i {source.where} "
            "bryder dokumentets opbygning; sæt dem i afsnit for sig selv"
        )
        return Problem(source.where, message)
    return None


def _too_long(source: TemplateSource, length: int) -> str:
    where = source.where[:1].upper() + source.where[1:]
    return (
        f"{where} bliver {length} tegn lang, når felterne er udfyldt, men Word tillader højst "
        f"{source.max_chars} tegn; gør den kortere under Filer › Oplysninger › Egenskaber"
    )


def render_failure(error: BaseException, place: str) -> str:
    """The Danish message, one line, for a template that failed while it was filled in."""
    if isinstance(error, LimitExceeded):
        return f"Skabelonen {error.reason} i {place}"
    if isinstance(error, SecurityError):
        attribute = _UNSAFE_ATTRIBUTE.search(str(error))
        return _forbidden(attribute.group(1) if attribute else _one_line(str(error)), place)
    if isinstance(error, UndefinedError):
        return f"Skabelonen bruger noget i {place}, som ikke findes: {_one_line(str(error))}"
    if isinstance(error, RecursionError):
        return f"Skabelonen kalder sig selv for mange gange i {place}"
    if isinstance(error, MemoryError):
        return f"Skabelonen bruger mere hukommelse, end der er, i {place}"
    return f"Skabelonen kan ikke udfyldes i {place}: {_one_line(str(error))}"


def _one_line(text: str) -> str:
    """A message from Python or a library, on one line and not too long."""
    line = " ".join(text.split())
    return line if len(line) <= _DETAIL_MAX else line[: _DETAIL_MAX - 1] + "…"


def _template_line(traceback: TracebackType | None) -> int | None:
    """The line of the template that was running when the error came (Jinja keeps it)."""
    line = None
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename == _TEMPLATE_FILE:
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return line


def _is_xml(text: str) -> bool:
    try:
        etree.fromstring(text.encode("utf-8"))
    except etree.XMLSyntaxError:
        return False
    return True
