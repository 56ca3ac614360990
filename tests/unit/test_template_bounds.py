"""A template is bounded: in loop rounds, time, size, widths, unpacked size and property lengths.

Every template here once hung the export for minutes or ended in a MemoryError traceback (issue
10, point 9). Each is now refused within a second or two, with one Danish line naming its place.
"""

from __future__ import annotations

import re
import struct
import time
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sample_documents import reference_document
from word_test_support import make_template

from secretary_app.cli import main
from secretary_app.export.layout import PLACEHOLDER_EXAMPLES, Edition, build_layout
from secretary_app.export.template import MAX_UNPACKED, TemplateError, default_template_path
from secretary_app.export.template_check import check_template
from secretary_app.export.template_limits import RenderLimits
from secretary_app.export.template_problems import CONTENT, inspect_sources
from secretary_app.export.template_sandbox import sandboxed_environment
from secretary_app.export.template_sources import BODY, TemplateSource
from secretary_app.export.word import write_docx

NESTED_LOOPS = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
CONTEXT = {**PLACEHOLDER_EXAMPLES, CONTENT: CONTENT}
DANISH_STARTS = ("Skabelonen ", "Skabelonens ", "Syntaksfejl ", "Dokumentegenskaben ")
QUICK = 2.0  # seconds: what "refused at once" means here


def render(source: str, limits: RenderLimits | None = None) -> str:
    """`source` as a body paragraph's text is rendered at export: the text, or TemplateError."""
    env = sandboxed_environment(limits)
    inspection = inspect_sources([TemplateSource(BODY, source, is_xml=False)], env, CONTEXT)
    if inspection.problems:
        raise TemplateError(inspection.problems[0].message)
    return env.from_string(source).render(CONTEXT)


def refusal(source: str, limits: RenderLimits | None = None) -> str:
    """The one Danish line `source` is refused with; it must come at once."""
    start = time.monotonic()
    with pytest.raises(TemplateError) as caught:
        render(source, limits)
    assert time.monotonic() - start < QUICK
    return one_danish_line(str(caught.value))


def one_danish_line(message: str) -> str:
    assert message.startswith(DANISH_STARTS) and "\n" not in message, message
    assert "Traceback" not in message and "exceeded" not in message, message
    return message


def timed_check(path: Path, limits: RenderLimits | None = None):
    start = time.monotonic()
    report = check_template(path, limits)
    assert time.monotonic() - start < QUICK
    return report


def only_error(report) -> tuple[str, str]:
    assert not report.usable
    assert len(report.errors) == 1, report.errors
    where, message = report.errors[0]
    return where, one_danish_line(message)


def export(tmp_path: Path, template: Path, limits: RenderLimits | None = None) -> Path:
    target = tmp_path / "ud.docx"
    layout = build_layout(reference_document(), Edition("minutes"))
    write_docx(layout, target, template, limits)
    return target


def export_refusal(tmp_path: Path, template: Path, limits: RenderLimits | None = None) -> str:
    start = time.monotonic()
    with pytest.raises(TemplateError) as caught:
        export(tmp_path, template, limits)
    assert time.monotonic() - start < QUICK
    assert not (tmp_path / "ud.docx").exists()
    return one_danish_line(str(caught.value))


# --- loops and time ----------------------------------------------------------------------------


def test_nested_loops_in_the_body_are_refused_when_the_steps_run_out(tmp_path):
    template = make_template(tmp_path / "t.docx", ["Forside", NESTED_LOOPS])
    where, message = only_error(timed_check(template))
    assert where.startswith("afsnit 2 i brødteksten («{% for i in range(100000) %}")
    assert message.startswith("Skabelonen gennemløber løkker og kald mere end 1.000.000 gange")
    assert message.endswith(f"i {where}")


def test_nested_loops_in_a_header_are_refused(tmp_path):
    template = make_template(tmp_path / "t.docx", ["{{ content }}"], header=NESTED_LOOPS)
    where, message = only_error(timed_check(template))
    assert where.startswith("afsnit 1 i sidehovedet («{% for i")
    assert "gennemløber løkker og kald" in message


def test_nested_loops_in_a_document_property_are_refused(tmp_path):
    document = docx.Document()
    document.core_properties.comments = NESTED_LOOPS
    document.save(str(tmp_path / "t.docx"))
    where, message = only_error(timed_check(tmp_path / "t.docx"))
    assert where == "dokumentegenskaben «Kommentarer»"
    assert message.startswith("Skabelonen gennemløber løkker og kald mere end")


def test_time_is_checked_from_inside_the_loops(tmp_path):
    template = make_template(tmp_path / "t.docx", [NESTED_LOOPS])
    limits = RenderLimits(seconds=0.3, steps=10**12)
    _, message = only_error(timed_check(template, limits))
    assert message.startswith("Skabelonen bruger mere end 0,3 sekunder i afsnit 1 i brødteksten")


def test_the_export_refuses_them_in_one_line_and_writes_nothing(tmp_path):
    template = make_template(tmp_path / "t.docx", ["{{ content }}"], header=NESTED_LOOPS)
    message = export_refusal(tmp_path, template)
    assert "gennemløber løkker og kald mere end 1.000.000 gange i afsnit 1 i sidehovedet" in message
    limits = RenderLimits(seconds=0.2, steps=10**12)
    assert "bruger mere end 0,2 sekunder" in export_refusal(tmp_path, template, limits)


def test_when_time_is_up_the_parts_after_are_not_blamed(tmp_path):
    template = make_template(tmp_path / "t.docx", [NESTED_LOOPS], "{{ committee }}", "{{ date }}")
    report = timed_check(template)
    assert len(report.errors) == 1 and "brødteksten" in report.errors[0][0]


def test_range_is_capped():
    assert "beder om en talrække (range) med mere end 100.000 tal" in refusal(
        "{{ range(100001)|list }}"
    )
    assert "talrække" in refusal("{{ range(10 ** 30) }}")
    assert render("{{ range(3)|join(',') }}") == "0,1,2"


def test_a_macro_that_calls_itself_is_refused():
    source = "{% macro f(n) %}{{ f(n) }}{{ f(n) }}{% endmacro %}{{ f(1) }}"
    assert "kalder sig selv for mange gange" in refusal(source)


# --- widths ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "width"),
    [
        ("{{ '%0999999999d'|format(1) }}", "999999999"),
        ("{{ '%.999999999f'|format(1.5) }}", "999999999"),
        ("{{ '%0999999999d' % 1 }}", "999999999"),
        ("{{ '%*d' % (1000000000, 1) }}", "1000000000"),
        ("{{ 'x'|center(2 ** 62) }}", "over 1.000.000.000.000"),
        ("{{ 'x'|indent(10 ** 9) }}", "1000000000"),
        ("{{ 'x'|wordwrap(10 ** 9) }}", "1000000000"),
        ("{{ 'x'|truncate(10 ** 9) }}", "1000000000"),
        ("{{ 1.5|round(-10 ** 9, 'floor') }}", "-1000000000"),
        ("{{ [1]|batch(10 ** 9)|list }}", "1000000000"),
        ("{{ [1]|slice(10 ** 9)|list }}", "1000000000"),
        ("{{ [1]|tojson(10 ** 9) }}", "1000000000"),
        ("{{ 'x'.ljust(10000000) }}", "10000000"),
        ("{{ 'x'.rjust(10000000) }}", "10000000"),
        ("{{ 'x'.center(10000000) }}", "10000000"),
        ("{{ 'x'.zfill(10000000) }}", "10000000"),
        ("{{ '\t'.expandtabs(10000000) }}", "10000000"),
        ("{{ (5).to_bytes(10 ** 9, 'big') }}", "1000000000"),
        ("{{ '{:>10000000}'.format('x') }}", "10000000"),
        ("{{ '{:>{}}'.format('x', 10000000) }}", "10000000"),
        ("{{ '{w:>{n}}'.format_map({'w': 'x', 'n': 10000000}) }}", "10000000"),
        ("{{ ('{:>10000000}'|safe).format('x') }}", "10000000"),
        ("{{ '{:.10000000f}'.format(1.5) }}", "10000000"),
    ],
)
def test_widths_above_the_limit_are_refused(source, width):
    expected = (
        f"Skabelonen beder om en bredde eller et antal på {width} (højst 1.000) i brødteksten"
    )
    assert refusal(source) == expected


def test_widths_within_the_limit_work():
    assert render("{{ 'x'|center(5) }}") == "  x  "
    assert render("{{ '%05d'|format(42) }}") == "00042"
    assert render("{{ 'x'.rjust(3, '-') }}") == "--x"
    assert render("{{ '{:>4}|{:.2f}'.format('a', 2.5) }}") == "   a|2.50"
    assert len(render("{{ 'x'.ljust(1000) }}")) == 1000


# --- sizes -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "{{ 'x' * 100000000 }}",
        "{{ 100000000 * 'x' }}",
        "{{ 'xy' * 50001 }}",
        "{{ 50001 * 'xy' }}",
        "{{ [1] * 100000000 }}",
        "{{ 100000000 * [1] }}",
        "{{ ('a', 'b') * 100000000 }}",
        "{{ 100000000 * ('a', 'b') }}",
        "{{ ['x' * 1000] * 101 }}",
        "{{ 101 * ['x' * 1000] }}",
    ],
)
def test_repetition_is_refused_in_either_order(source):
    assert refusal(source).startswith(
        "Skabelonen bygger en tekst eller liste på mere end 100.000 tegn i brødteksten"
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{ 'ab' * 3 }}", "ababab"),
        ("{{ 3 * 'ab' }}", "ababab"),
        ("{{ ([1] * 3)|sum }}", "3"),
        ("{{ (3 * [1])|sum }}", "3"),
        ("{{ ('x' * 100000)|length }}", "100000"),
    ],
)
def test_small_repetitions_work_in_either_order(source, expected):
    assert render(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        "{% set a = 'x' * 60000 %}{{ a ~ a }}",
        "{% set a = 'x' * 50000 %}{% set b = a ~ a %}{% set c = b ~ b %}{{ c|length }}",
        "{{ ('x' * 100000)|replace('x', 'yy') }}",
        "{{ ('x' * 1000)|replace('', 'y' * 1000) }}",
        "{{ ('x' * 1000).replace('x', 'y' * 1000) }}",
        "{{ range(10)|join('x' * 20000) }}",
        "{{ ('x' * 20000).join(['a'] * 10) }}",
        "{{ ('a\n' * 40000)|indent(100) }}",
        "{{ ('a\n' * 10000)|indent('x' * 100) }}",
        "{{ ('a ' * 30000)|wordwrap(1, wrapstring='x' * 100) }}",
        "{% set a = ['x' * 10000] * 9 %}{% set b = [a, a] %}{{ b }}",
        "{{ '%s' % [['x' * 10000] * 9, ['x' * 10000] * 9] }}",
        "{{ ('%1000s' * 200)|format(*range(200)) }}",
        "{{ ('{:>1000}' * 200).format(*range(200)) }}",
    ],
)
def test_texts_and_lists_that_grow_too_big_are_refused(source):
    assert "bygger en tekst eller liste på mere end 100.000 tegn" in refusal(source)


def test_numbers_with_too_many_digits_are_refused():
    assert "regner med et tal på mere end 4.000 cifre" in refusal("{{ 2 ** 100000000 }}")
    assert "cifre" in refusal("{{ (10 ** 3000) * (10 ** 3000) }}")
    assert render("{{ 2 ** 100 }}") == str(2**100)


def test_all_that_is_built_is_counted():
    message = refusal("{{ range(100000)|map('center', 1000)|list|length }}")
    assert "bygger mere end 10.000.000 tegn i alt" in message


def test_a_part_may_grow_only_so_much():
    message = refusal("{% for i in range(1000) %}{{ 'x' * 5000 }}{% endfor %}")
    assert message.startswith("Skabelonen gør dokumentet mere end 1.000.000 tegn længere")
    literal = "{% for i in range(20000) %}" + "y" * 100 + "{% endfor %}"
    assert "tegn længere" in refusal(literal)


def test_the_whole_document_may_grow_only_so_much(tmp_path):
    loop = "{% for i in range(150) %}{{ 'x' * 1000 }}{% endfor %}"
    parts = make_template(tmp_path / "t.docx", [loop, loop, loop, "{{ content }}"], loop, loop)
    # Five parts of 150,000 characters, each filled in three times (two trials, one for real).
    assert check_template(tmp_path / "t.docx", RenderLimits(growth=2_500_000)).usable
    _, message = only_error(timed_check(parts, RenderLimits(growth=1_000_000)))
    assert "gør dokumentet mere end 1.000.000 tegn længere" in message


def test_lipsum_and_namespace_are_not_there():
    assert "Skabelonen bruger {{ lipsum }}" in refusal("{{ lipsum(10 ** 9) }}")
    assert "{{ namespace }}" in refusal("{% set ns = namespace(a=1) %}{{ ns.a }}")


def test_lists_and_dicts_cannot_be_changed():
    assert "ikke må" in refusal("{% set a = [1] %}{{ a.append(2) }}")


def test_ordinary_templates_still_work(tmp_path):
    assert render("{% for w in committee.split() %}{{ w|upper }} {% endfor %}") == (
        "OPGAVEUDVALG OM INNOVATION "
    )
    assert render("{{ title|truncate(20) }} – {{ date|center(15)|trim }}") == (
        "Referat af møde... – 27. juni 2017"
    )
    assert render("{{ '%s: %s'|format(committee, date) }}") == (
        "Opgaveudvalg om Innovation: 27. juni 2017"
    )
    assert render("{% if edition %}x{% else %}{{ [date, time]|join(' ') }}{% endif %}") == (
        "27. juni 2017 kl. 17.00-19.00"
    )
    assert check_template(default_template_path()).usable


# --- document properties -----------------------------------------------------------------------


def template_with_title(path: Path, title: str) -> Path:
    document = docx.Document()
    document.add_paragraph("{{ content }}")
    document.core_properties.title = title
    document.save(str(path))
    return path


def test_the_check_reports_a_title_that_grows_past_255_characters(tmp_path):
    template = template_with_title(tmp_path / "t.docx", " ".join(["{{ title }}"] * 6))
    where, message = only_error(timed_check(template))
    assert where == "dokumentegenskaben «Titel»"
    assert message.startswith(
        "Dokumentegenskaben «Titel» bliver 269 tegn lang, når felterne er udfyldt, "
        "men Word tillader højst 255 tegn"
    )


def test_the_check_reports_a_title_that_is_too_long_without_placeholders(tmp_path):
    document = docx.Document()
    document.core_properties.title = "x" * 255
    document.save(str(tmp_path / "t.docx"))
    long_title = tmp_path / "t.docx"
    # python-docx refuses to write more than 255 characters: lengthen it in the XML itself.
    with zipfile.ZipFile(long_title) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    parts["docProps/core.xml"] = parts["docProps/core.xml"].replace(b"x" * 255, b"x" * 300)
    with zipfile.ZipFile(long_title, "w") as package:
        for name, content in parts.items():
            package.writestr(name, content)
    where, message = only_error(timed_check(long_title))
    assert where == "dokumentegenskaben «Titel»" and "bliver 300 tegn lang" in message


def test_the_export_says_the_same_in_one_danish_line(tmp_path):
    template = template_with_title(tmp_path / "t.docx", " ".join(["{{ title }}"] * 6))
    message = export_refusal(tmp_path, template)
    assert message.startswith("Dokumentegenskaben «Titel» bliver 269 tegn lang")


def test_a_title_within_255_characters_is_usable(tmp_path):
    template = template_with_title(tmp_path / "t.docx", "{{ title }} – {{ committee }}")
    assert timed_check(template).usable
    assert docx.Document(str(export(tmp_path, template))).core_properties.title.startswith(
        "Referat af møde i Opgaveudvalg om Innovation"
    )


# --- the file's size ---------------------------------------------------------------------------


def handmade_zip(path: Path, entries: list[tuple[str, bytes, int, int]]) -> Path:
    """A zip file written by hand: (name, deflated data, its unpacked size, crc) per entry."""
    local, central = b"", b""
    for name, data, size, crc in entries:
        encoded = name.encode()
        offset = len(local)
        header = (0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size, len(encoded), 0)
        local += struct.pack("<IHHHHHIIIHH", *header) + encoded + data
        fields = (0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data), size, len(encoded))
        central += struct.pack("<IHHHHHHIIIHHHHHII", *fields, 0, 0, 0, 0, 0, offset) + encoded
    count = len(entries)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), len(local), 0)
    path.write_bytes(local + central + end)
    return path


def deflated(data: bytes) -> tuple[bytes, int, int]:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush(), len(data), zlib.crc32(data)


def deflated_zeros(mebibytes: int) -> tuple[bytes, int, int]:
    """`mebibytes` MiB of zeros, deflated in about a thousandth of that: a zip bomb's part.

    After a full flush the packer starts afresh, so one packed MiB can be repeated. The CRC is
    left 0: nobody must ever get as far as reading it.
    """
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packer.compress(b"\0" * (1 << 20))
    packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(b"\0" * (1 << 20)) + packer.flush(zlib.Z_FULL_FLUSH)
    return block * mebibytes + packer.flush(), mebibytes << 20, 0


def zip_bomb(path: Path, mebibytes: int) -> Path:
    with zipfile.ZipFile(default_template_path()) as package:
        types = package.read("[Content_Types].xml")
    parts = [("[Content_Types].xml", *deflated(types))]
    return handmade_zip(path, [*parts, ("word/document.xml", *deflated_zeros(mebibytes))])


def test_a_zip_bomb_is_refused_without_being_unpacked(tmp_path):
    bomb = zip_bomb(tmp_path / "bombe.docx", 3 * 1024)
    assert 2_000_000 < bomb.stat().st_size < 4_000_000  # 3 MB that claims 3 GiB
    tracemalloc.start()
    try:
        where, message = only_error(timed_check(bomb))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 50_000_000
    assert (where, message) == (
        "filen",
        "Skabelonen fylder 3.222 MB udpakket og åbnes ikke (højst 50 MB); "
        "formindsk billederne i Word",
    )
    assert "fylder 3.222 MB udpakket" in export_refusal(tmp_path, bomb)


def test_a_part_packed_too_tightly_is_refused(tmp_path):
    bomb = zip_bomb(tmp_path / "bombe.docx", 20)
    assert MAX_UNPACKED > 20 << 20
    _, message = only_error(timed_check(bomb))
    assert message.startswith(
        "Skabelonens del «word/document.xml» pakkes ud til mere end 100 gange sin pakkede størrelse"
    )


def test_a_file_too_big_is_not_even_read(tmp_path):
    big = tmp_path / "stor.docx"
    with big.open("wb") as file:
        file.truncate(60_000_000)  # sparse: nothing is written
    _, message = only_error(timed_check(big))
    assert message.startswith("Skabelonen fylder 60 MB og åbnes ikke (højst 50 MB)")


# --- the command line --------------------------------------------------------------------------


def test_template_check_on_the_command_line(tmp_path, capsys):
    template = make_template(tmp_path / "t.docx", ["{{ 'x'|center(2 ** 62) }}"], NESTED_LOOPS)
    assert main(["template", "check", str(template)]) == 2
    out = capsys.readouterr().out.splitlines()
    assert [line for line in out if line.startswith("Fejl:")] == [
        "Fejl: Skabelonen beder om en bredde eller et antal på over 1.000.000.000.000 (højst "
        "1.000) i afsnit 1 i brødteksten («{{ 'x'|center(2 ** 62) }}»)",
        "Fejl: Skabelonen gennemløber løkker og kald mere end 1.000.000 gange i afsnit 1 i "
        "sidehovedet («{% for i in range(100000) %}{% for j in range(100000) %}{% …»)",
    ]
    assert out[-1] == "Skabelonen kan ikke bruges."


def test_export_on_the_command_line_says_one_line(tmp_path, capsys):
    db = tmp_path / "arkiv.db"
    assert main(["--db", str(db), "demo"]) == 0
    capsys.readouterr()
    main(["--db", str(db), "meetings"])
    meeting = capsys.readouterr().out.split("\t")[0]
    template = template_with_title(tmp_path / "t.docx", " ".join(["{{ title }}"] * 6))
    out = tmp_path / "ud.docx"
    args = ["--db", str(db), "export", meeting, "--document", "minutes"]
    assert main([*args, "--template", str(template), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Dokumentegenskaben «Titel» bliver" in err, err
    assert not out.exists()


# --- fuzz --------------------------------------------------------------------------------------

NUMBERS = ["0", "1", "-1", "3", "1000", "1001", "100000", "10 ** 9", "2 ** 62", "10 ** 5000"]
TEXTS = ["'x'", "''", "'%0999999999d'", "'{:>1000000}'", "'{:>{}}'", "'%s%s'", "'a\\nb c'"]
NAMES = ["committee", "title", "edition", "cycler()", "cycler(1, 2)", "joiner()", "dict(a=1)"]
OPERATORS = ["+", "-", "*", "/", "//", "%", "**", "~"]
FILTERS = [
    "center", "indent", "format", "replace", "join", "wordwrap", "truncate", "round", "batch",
    "slice", "list", "string", "upper", "length", "first", "sum", "reverse", "unique", "sort",
    "e", "tojson", "trim", "title", "int", "abs", "default", "map", "striptags",
]  # fmt: skip
METHODS = ["ljust", "rjust", "center", "zfill", "format", "replace", "join", "split", "upper"]

atoms = st.sampled_from(NUMBERS + TEXTS + NAMES)


def _operation(parts: tuple[str, str, str]) -> str:
    return f"({parts[0]} {parts[1]} {parts[2]})"


def _filtered(parts: tuple[str, str, str]) -> str:
    return f"({parts[0]}|{parts[1]}({parts[2]}))"


def _method(parts: tuple[str, str, str]) -> str:
    return f"({parts[0]}).{parts[1]}({parts[2]})"


def _grow(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    arguments = st.lists(inner, max_size=2).map(", ".join)
    return st.one_of(
        st.tuples(inner, st.sampled_from(OPERATORS), inner).map(_operation),
        st.tuples(inner, st.sampled_from(FILTERS), arguments).map(_filtered),
        st.tuples(inner, st.sampled_from(METHODS), arguments).map(_method),
        st.lists(inner, max_size=3).map(lambda items: f"[{', '.join(items)}]"),
        inner.map(lambda x: f"range({x})"),
    )


expressions = st.recursive(atoms, _grow, max_leaves=8)
templates = st.one_of(
    expressions.map(lambda e: f"{{{{ {e} }}}}"),
    st.tuples(expressions, expressions, expressions).map(
        lambda t: (
            f"{{% for i in {t[0]} %}}{{% for j in {t[1]} %}}{{{{ {t[2]} }}}}"
            "{% endfor %}{% endfor %}"
        )
    ),
    st.tuples(expressions, expressions).map(
        lambda t: f"{{% set a = {t[0]} %}}{{% set b = a ~ a ~ {t[1]} %}}{{{{ b ~ b }}}}"
    ),
)
FUZZ_LIMITS = RenderLimits(seconds=0.5, steps=50_000)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(templates)
def test_any_expression_renders_within_the_limits_or_is_refused_in_danish(source):
    start = time.monotonic()
    try:
        text = render(source, FUZZ_LIMITS)
    except TemplateError as error:
        one_danish_line(str(error))
        assert not re.search(r"MemoryError|hukommelse", str(error)), str(error)
    else:
        assert len(text) <= len(source) + FUZZ_LIMITS.growth
    assert time.monotonic() - start < QUICK
