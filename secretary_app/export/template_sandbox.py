"""The sandbox a template's placeholders run in: Jinja's, with a RenderGuard at every step.

Jinja's ImmutableSandboxedEnvironment already keeps a template away from Python's insides and
from changing lists and dicts. On top of it every way a template can spend time or build text
asks the guard (export.template_limits) first:

- every {% for %} loops through the guard (the code generator wraps the loop's iterable), and
  range() is the guard's;
- every call (methods, macros, caller()), every operator (+ - * / // % **) and every filter
  counts as a step, has its arguments checked (export.template_arguments) and its result sized;
- lists, tuples, dicts and `~` built by the template are sized, and so is everything printed;
- the text of each part is joined by the guard, which stops it when it grows too much;
- str.format checks each field's width and precision.

lipsum() and namespace() are left out: a letterhead needs neither, and namespace() is the one
way a loop could carry a value from one round to the next.
"""

from __future__ import annotations

import types
from collections.abc import Callable, MutableMapping
from functools import update_wrapper
from typing import Any

from jinja2 import StrictUndefined, Template, nodes, pass_context
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import Context
from jinja2.sandbox import (
    ImmutableSandboxedEnvironment,
    SandboxedEnvironment,
    SandboxedFormatter,
)
from markupsafe import EscapeFormatter, Markup

from secretary_app.export.template_arguments import (
    check_call,
    check_filter,
    check_format_spec,
    check_operation,
)
from secretary_app.export.template_limits import RenderGuard, RenderLimits, weight

COUNTED = "counted_loop"  # the filter every {% for %} loops through
_LEFT_OUT = ("lipsum", "namespace")


class GuardedCodeGenerator(CodeGenerator):
    """Jinja's code generator, with every loop counted and every list, dict and `~` sized."""

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        for loop in node.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, COUNTED, [], [], None, None, lineno=loop.lineno)
        super().visit_Template(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self._sized(super().visit_Concat, node, frame)

    def visit_List(self, node: nodes.List, frame: Frame) -> None:
        self._sized(super().visit_List, node, frame)

    def visit_Dict(self, node: nodes.Dict, frame: Frame) -> None:
        self._sized(super().visit_Dict, node, frame)

    def visit_Tuple(self, node: nodes.Tuple, frame: Frame) -> None:
        if node.ctx == "load":
            self._sized(super().visit_Tuple, node, frame)
        else:
            super().visit_Tuple(node, frame)

    def _sized(self, visit: Callable[[Any, Frame], None], node: nodes.Expr, frame: Frame) -> None:
        self.write("environment.guard.made(")
        visit(node, frame)
        self.write(")")


class GuardedTemplate(Template):
    """A template whose render tells the guard how long its own text is."""

    guard: RenderGuard | None = None
    source_chars = 0

    def render(self, *args: Any, **kwargs: Any) -> str:
        if self.guard is None:
            return super().render(*args, **kwargs)
        self.guard.start_part(self.source_chars)
        text = super().render(*args, **kwargs)
        self.guard.end_part(len(text))
        return text


class GuardedSandbox(ImmutableSandboxedEnvironment):
    """The only environment a template is ever rendered in; `guard` counts for one export."""

    code_generator_class = GuardedCodeGenerator
    template_class = GuardedTemplate
    intercepted_binops = frozenset(SandboxedEnvironment.default_binop_table)

    def __init__(self, limits: RenderLimits) -> None:
        self.guard = RenderGuard(limits)
        super().__init__(autoescape=True, undefined=StrictUndefined, finalize=self.guard.finalize)
        self.concat = self.guard.concat  # type: ignore[method-assign]
        self.globals["range"] = self.guard.range
        for name in _LEFT_OUT:
            del self.globals[name]
        guarded = {name: _guarded_filter(name, f, self.guard) for name, f in self.filters.items()}
        self.filters = {**guarded, COUNTED: _counting_filter(self.guard)}

    def from_string(
        self,
        source: str | nodes.Template,
        globals: MutableMapping[str, Any] | None = None,  # noqa: A002 (Jinja's name)
        template_class: type[Template] | None = None,
    ) -> Template:
        template = super().from_string(source, globals, template_class)
        if isinstance(template, GuardedTemplate):
            template.guard = self.guard
            template.source_chars = len(source) if isinstance(source, str) else 0
        return template

    def call(self, context: Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        self.guard.tick()
        args = check_call(self.guard, obj, args, kwargs)
        return self.guard.made(super().call(context, obj, *args, **kwargs))

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        self.guard.tick()
        check_operation(self.guard, operator, left, right)
        return self.guard.made(super().call_binop(context, operator, left, right))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """Jinja's str.format wrapper, with a formatter that checks each field."""
        if not isinstance(value, types.MethodType | types.BuiltinMethodType):
            return None
        owner = getattr(value, "__self__", None)
        if value.__name__ not in ("format", "format_map") or not isinstance(owner, str):
            return None
        formatter: LimitedFormatter
        if isinstance(owner, Markup):
            formatter = LimitedEscapeFormatter(self, escape=owner.escape)
        else:
            formatter = LimitedFormatter(self)
        return update_wrapper(_format_call(owner, formatter, value.__name__), value)


def _format_call(owner: str, formatter: LimitedFormatter, name: str) -> Callable[..., str]:
    """What `owner.format` / `owner.format_map` does in the sandbox (as Jinja's own)."""

    def format_call(*args: Any, **kwargs: Any) -> str:
        if name == "format_map":
            if kwargs or len(args) != 1:
                raise TypeError("format_map() takes exactly one argument")
            return type(owner)(formatter.vformat(owner, (), args[0]))
        return type(owner)(formatter.vformat(owner, args, kwargs))

    return format_call


class LimitedFormatter(SandboxedFormatter):
    """Jinja's sandboxed formatter, refusing big widths and precisions and too long results."""

    def __init__(self, env: GuardedSandbox, **kwargs: Any) -> None:
        super().__init__(env, **kwargs)
        self.guard = env.guard
        self.planned = 0

    def vformat(self, format_string: str, args: Any, kwargs: Any) -> str:
        self.planned = len(format_string)
        return super().vformat(format_string, args, kwargs)

    def format_field(self, value: Any, format_spec: str) -> Any:
        self.guard.tick()
        self.planned += check_format_spec(self.guard, format_spec)
        self.planned += weight(value, self.guard.limits.value)
        self.guard.planned(self.planned)
        return super().format_field(value, format_spec)


class LimitedEscapeFormatter(LimitedFormatter, EscapeFormatter):
    """The same for Markup.format, which escapes each field."""


def _guarded_filter(name: str, func: Callable[..., Any], guard: RenderGuard) -> Callable[..., Any]:
    """`func`, as a filter that counts a step, checks its arguments and sizes its result."""
    passed = getattr(func, "jinja_pass_arg", None)

    @pass_context  # also keeps Jinja from running it while compiling
    def guarded(context: Context, value: Any, *args: Any, **kwargs: Any) -> Any:
        guard.tick()
        value = check_filter(guard, name, value, args, kwargs)
        first = () if passed is None else (_passed_argument(context, passed.name),)
        return guard.made(func(*first, value, *args, **kwargs))

    return guarded


def _passed_argument(context: Context, kind: str) -> Any:
    """What a filter marked @pass_context, @pass_eval_context or @pass_environment gets."""
    if kind == "eval_context":
        return context.eval_ctx
    if kind == "environment":
        return context.environment
    return context


def _counting_filter(guard: RenderGuard) -> Callable[..., Any]:
    @pass_context
    def counted_loop(context: Context, iterable: Any) -> Any:
        return guard.counted(iterable)

    return counted_loop


def sandboxed_environment(limits: RenderLimits | None = None) -> GuardedSandbox:
    """The only environment a template is ever rendered in; a new one for each export."""
    return GuardedSandbox(limits or RenderLimits())
