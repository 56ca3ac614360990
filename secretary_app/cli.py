"""The command line: `secretary-app [--db PATH] [command]`; with no command, the window."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from secretary_app.core.danish_dates import short_date
from secretary_app.core.exchange import MeetingDocument, dump_meeting
from secretary_app.core.files import write_atomically
from secretary_app.core.meeting_file import MeetingFileError
from secretary_app.core.messages import os_error_reason
from secretary_app.store.archive import (
    Archive,
    ArchiveError,
    damaged,
    is_archive_file,
    why_not_ours,
)
from secretary_app.store.archive_check import check_archive
from secretary_app.store.backups import (
    BackupError,
    DamagedArchive,
    list_backups,
    open_read_only,
    write_copy,
)
from secretary_app.store.case_history import export_with_history
from secretary_app.store.demo import add_reference_meeting
from secretary_app.store.errors import DamagedFile, StoreError, translated
from secretary_app.store.exchange import export_meeting, load_meeting_file
from secretary_app.store.templates import template_for

if TYPE_CHECKING:
    from secretary_app.export.layout import DocumentLayout
    from secretary_app.export.pdf_converters import ConverterChoice, PdfConverter
    from secretary_app.export.template_check import TemplateReport

EXIT_USAGE = 2
PAGES_LEFT_TO_WORD = "indholdsfortegnelsens sidetal udfyldes, når dokumentet åbnes i Word"
BUILTIN_PDF_NOTE = (
    "hverken Word eller LibreOffice findes på denne computer; PDF'en er lavet med programmets "
    "egen skriver: skabelonens sidestørrelse, margener og skrifter, men ikke dens brevhoved, "
    "og uden tags til skærmlæsere"
)
BUILTIN_PDF_TEMPLATE_NOTE = (
    "programmets egen skriver bruger skabelonens sidestørrelse, margener og skrifter, men ikke "
    "dens brevhoved, og PDF'en får ingen tags til skærmlæsere"
)
OWN_FILE = "{path}: er arkivet selv eller en af dets filer; vælg et andet navn"


class CommandError(Exception):
    """One line for the user; the command exits with status 2 and changes nothing."""


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command is None:
            return _open_window(args.db)
        if args.command == "template":
            return _template_check(args.file)
        if "on_file" in args:  # backup, restore, check: they open the file themselves
            return int(args.on_file(args.db or _default_archive_path(), args))
        with _open_archive(args.db) as archive:
            return _run(archive, args)
    except CommandError as error:
        print(f"secretary-app: {error}", file=sys.stderr)
        return EXIT_USAGE
    except StoreError as error:  # nothing was written: each command is one transaction
        print(f"secretary-app: arkivet: {error.reason}; intet blev ændret", file=sys.stderr)
        return EXIT_USAGE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="secretary-app", description="Mødesekretær")
    parser.add_argument("--db", type=Path, help="the archive file (default: in the user's data)")
    commands = parser.add_subparsers(dest="command")
    _command(commands, "demo", "add the reference meeting; print its id", _demo)
    _command(commands, "meetings", "list meetings: id, committee, date, title", _meetings)
    _command(commands, "layouts", "list the item layouts: key, name", _layouts)
    about = "find items by words or case ID: meeting id, date, committee, number, title"
    search = _command(commands, "search", about, _search)
    search.add_argument("query")
    verify = _command(
        commands, "verify", "check approved minutes against their fingerprint", _verify
    )
    verify.add_argument("id", type=int, nargs="?")
    load = _command(commands, "load", "add a meeting from FILE.json; print its id", _load)
    load.add_argument("file", type=Path)
    dump = _command(commands, "dump", "write a meeting in the exchange format", _dump)
    dump.add_argument("id", type=int)
    dump.add_argument("-o", "--output", type=Path, required=True)
    _export_command(commands)
    _template_command(commands)
    _archive_file_commands(commands)
    return parser


def _export_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = _command(
        commands, "export", "write the agenda or the minutes as .docx or .pdf", _export
    )
    export.add_argument("id", type=int)
    export.add_argument("--document", choices=("agenda", "minutes"), required=True)
    export.add_argument("--public", action="store_true", help="the public edition")
    export.add_argument(
        "--chair", action="store_true", help="the chair's copy of the agenda (times, notes)"
    )
    export.add_argument("--template", type=Path, help="Word template (.docx or .dotx)")
    export.add_argument("-o", "--output", type=Path, required=True, help="OUT.docx or OUT.pdf")
    export.add_argument(
        "--via",
        choices=("auto", "word", "libreoffice", "builtin"),
        default=None,
        help="what lays the document out for the PDF and the contents' page numbers: "
        "Word, LibreOffice, or the program's own writer (auto: the first found)",
    )


def _template_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    about = "check a Word template: what it uses, what it lacks, its errors"
    template = commands.add_parser("template", help=about, description=about)
    actions = template.add_subparsers(dest="template_command", required=True)
    check = actions.add_parser("check", help=about, description=about)
    check.add_argument("file", type=Path)


def _archive_file_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = _file_command(commands, "backup", "write a backup of the archive to FILE", _backup)
    backup.add_argument("-o", "--output", type=Path, required=True)
    about = "replace the archive's content with a backup's (the archive is backed up first)"
    restore = _file_command(commands, "restore", about, _restore)
    restore.add_argument("file", type=Path)
    about = "check the archive: ours, its schema, integrity, foreign keys, approved minutes"
    _file_command(commands, "check", about, _check)
    _file_command(commands, "backups", "list the archive's backups: time, kind, file", _backups)


def _file_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    help_text: str,
    run: Callable[[Path, argparse.Namespace], int],
) -> argparse.ArgumentParser:
    parser = commands.add_parser(name, help=help_text, description=help_text)
    parser.set_defaults(on_file=run)
    return parser


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    help_text: str,
    run: Callable[[Archive, argparse.Namespace], int],
) -> argparse.ArgumentParser:
    parser = commands.add_parser(name, help=help_text, description=help_text)
    parser.set_defaults(run=run)
    return parser


class _open_archive:
    def __init__(self, path: Path | None) -> None:
        self.path = path or _default_archive_path()

    def __enter__(self) -> Archive:
        try:
            self.archive = Archive.open(self.path, check=True)
        except ArchiveError as error:
            raise CommandError(str(error)) from error
        return self.archive

    def __exit__(self, *exc: object) -> None:
        self.archive.close()


def _default_archive_path() -> Path:
    from secretary_app.ui.paths import default_archive_path

    return default_archive_path()


def _run(archive: Archive, args: argparse.Namespace) -> int:
    """A command on the open archive; damage found on the way is one line naming the newest
    backup (an archive can pass the quick check at opening and still hold a damaged page)."""
    try:
        return int(args.run(archive, args))
    except (DamagedFile, UnicodeDecodeError) as error:
        detail = "en del af filen kan ikke læses"
        raise CommandError(damaged(archive.path or Path(), detail)) from error


def _open_window(db: Path | None) -> int:
    from secretary_app.app import run

    return run(db or _default_archive_path())


def _demo(archive: Archive, args: argparse.Namespace) -> int:
    print(add_reference_meeting(archive))
    return 0


def _meetings(archive: Archive, args: argparse.Namespace) -> int:
    for m in archive.meetings.summaries():
        title = m.title or f"Møde i {m.committee_name} den {short_date(m.date)}"
        print(f"{m.id}\t{m.committee_name}\t{m.date.isoformat()}\t{title}")
    return 0


def _layouts(archive: Archive, args: argparse.Namespace) -> int:
    for key, layout in archive.layouts.known().items():
        print(f"{key}\t{layout.name}")
    return 0


def _search(archive: Archive, args: argparse.Namespace) -> int:
    """Every hit, best first, one a line; nothing when there is none (exit 0 all the same)."""
    for hit in archive.search.find(args.query, limit=SEARCH_LIMIT).hits:
        print(f"{hit.meeting_id}\t{hit.date}\t{hit.committee}\t{hit.number}\t{hit.title}")
    return 0


SEARCH_LIMIT = 1_000_000  # every hit: the window shows the first 200


def _verify(archive: Archive, args: argparse.Namespace) -> int:
    """One line per approved meeting: OK, or where it differs from what was approved; then the
    archive's record as a whole (its protection, the audit log's chain); exit 1 when anything
    is wrong."""
    if args.id is not None and not archive.meetings.exists(args.id):
        raise CommandError(f"møde {args.id} findes ikke i arkivet")
    if args.id is not None and not archive.approvals.is_approved(args.id):
        raise CommandError(f"møde {args.id} er ikke godkendt")
    ids = [args.id] if args.id is not None else archive.approvals.approved_meetings()
    changed = 0
    for meeting_id in ids:
        differences = archive.approvals.differences(meeting_id)
        changed += bool(differences)
        found = "ændret: " + ", ".join(differences) if differences else "OK"
        print(f"{meeting_id}\t{found}")
    problems = archive.approvals.record_problems()
    for problem in problems or ["OK"]:
        print(f"arkivet\t{problem}")
    return 1 if changed or problems else 0


def _backup(path: Path, args: argparse.Namespace) -> int:
    if is_archive_file(path, args.output):
        raise CommandError(OWN_FILE.format(path=args.output))
    try:
        with contextlib.closing(open_read_only(path)) as source, translated():
            problem = why_not_ours(source)
            if problem:
                raise CommandError(f"Arkivet {path} kan ikke bruges: {problem}")
            write_copy(source, args.output)
    except DamagedArchive as error:
        raise CommandError(damaged(path, "PRAGMA quick_check")) from error
    except BackupError as error:
        raise CommandError(str(error)) from error
    return 0


def _restore(path: Path, args: argparse.Namespace) -> int:
    from secretary_app.store.restore import restore_backup

    try:
        saved = restore_backup(path, args.file)
    except BackupError as error:
        raise CommandError(str(error)) from error
    kept = f"; det tidligere indhold er gemt i {saved.path}" if saved else ""
    print(f"Arkivet {path} har nu indholdet fra {args.file}{kept}")
    return 0


def _check(path: Path, args: argparse.Namespace) -> int:
    """One line per finding; exit 0 when all is well, 1 when something is wrong."""
    try:
        findings = check_archive(path)
    except ArchiveError as error:
        raise CommandError(str(error)) from error
    for finding in findings:
        print(finding)
    return 0 if all(finding.ok for finding in findings) else 1


def _backups(path: Path, args: argparse.Namespace) -> int:
    for backup in list_backups(path):
        print(f"{backup.taken_at:%Y-%m-%d %H.%M}\t{backup.what}\t{backup.path}")
    return 0


def _load(archive: Archive, args: argparse.Namespace) -> int:
    try:
        print(load_meeting_file(archive, args.file))
    except MeetingFileError as error:
        raise CommandError(str(error)) from error
    return 0


def _dump(archive: Archive, args: argparse.Namespace) -> int:
    _refuse_own_file(archive, args.output)
    if not archive.meetings.exists(args.id):
        raise CommandError(f"møde {args.id} findes ikke i arkivet")
    text = json.dumps(dump_meeting(export_meeting(archive, args.id)), ensure_ascii=False, indent=2)
    _write_atomically(args.output, text + "\n")
    return 0


def _export(archive: Archive, args: argparse.Namespace) -> int:
    # Imported here: python-docx and docxtpl cost start-up time the window does not need.
    from secretary_app.export.layout import Edition, build_layout

    _check_export_suffix(args.output)
    _refuse_own_file(archive, args.output)
    if not archive.meetings.exists(args.id):
        raise CommandError(f"møde {args.id} findes ikke i arkivet")
    if args.chair and (args.public or args.document != "agenda"):
        raise CommandError("--chair: formandens eksemplar er en fuld udgave af dagsordenen")
    doc = export_with_history(archive, args.id)
    status = _drop_unverified_approval(archive, args.id, doc)
    layout = build_layout(doc, Edition(args.document, args.public, args.chair))
    template = args.template or template_for(archive.settings, doc.meeting.committee_id)
    if args.output.suffix.lower() == ".pdf":
        _export_pdf(layout, args.output, template, _pdf_route(args.via))
    else:
        _export_docx(layout, args.output, template, _pdf_route(args.via))
    return status


def _drop_unverified_approval(archive: Archive, meeting_id: int, doc: MeetingDocument) -> int:
    """Approved minutes that are no longer what was approved are never stamped "Godkendt":
    the stamp goes, the command says where they differ and exits 1. A record whose protection
    or audit log was tampered with is said too (exit 1); minutes that verify keep their stamp."""
    problems = archive.approvals.record_problems() if doc.approval else []
    for problem in problems:
        print(f"secretary-app: advarsel: arkivet: {problem}", file=sys.stderr)
    differences = archive.approvals.differences(meeting_id) if doc.approval else []
    if not differences:
        return 1 if problems else 0
    doc.approval = None
    print(
        f"secretary-app: advarsel: møde {meeting_id} svarer ikke til det godkendte referat "
        f"({', '.join(differences)}); dokumentet er ikke stemplet godkendt",
        file=sys.stderr,
    )
    return 1


def _export_docx(
    layout: DocumentLayout, target: Path, template: Path | None, via: ConverterChoice
) -> None:
    """The .docx; its contents' page numbers as the converter lays it out, when there is one
    (else Word fills them in when it opens the document)."""
    from secretary_app.export.pdf import write_docx_with_pages
    from secretary_app.export.pdf_converters import ConversionError
    from secretary_app.export.word import write_docx

    converter = _converter(via)
    with _writing(target, template):
        if converter is None:
            warnings = write_docx(layout, target, template).warnings
        else:
            try:
                warnings = write_docx_with_pages(layout, target, template, converter)
            except ConversionError as error:
                _warn(f"{error}; {PAGES_LEFT_TO_WORD}")
                warnings = write_docx(layout, target, template).warnings
    for warning in warnings:
        _warn(warning)


def _export_pdf(
    layout: DocumentLayout, target: Path, template: Path | None, via: ConverterChoice
) -> None:
    """The PDF of the .docx in `template`, made by Word or LibreOffice; without either, the
    program's own writer on the template's page (and said on stderr, unless asked for)."""
    from secretary_app.export.pdf import write_pdf_in_template
    from secretary_app.export.pdf_converters import ConversionError

    converter = _converter(via)
    with _writing(target, template):
        if converter is None:
            _export_builtin_pdf(layout, target, template, said=via == "builtin")
            return
        try:
            warnings = write_pdf_in_template(layout, target, template, converter).warnings
        except ConversionError as error:
            _warn(f"{error}; PDF'en er lavet med programmets egen skriver")
            _export_builtin_pdf(layout, target, template, said=True)
            return
    for warning in warnings:
        _warn(warning)


@contextlib.contextmanager
def _writing(target: Path, template: Path | None) -> Iterator[None]:
    """A template that cannot be used, or a target that cannot be written: one Danish line."""
    from secretary_app.export.template import TemplateError

    try:
        yield
    except TemplateError as error:
        raise CommandError(f"{template or 'standardskabelonen'}: {error}") from error
    except OSError as error:
        raise _cannot_write(target, error) from error


def _converter(choice: ConverterChoice) -> PdfConverter | None:
    """The converter chosen (None: the program's own writer); CommandError when one named is
    not on this computer."""
    from secretary_app.export.pdf_converters import find_converter

    converter = find_converter(choice)
    if converter is None and choice in ("word", "libreoffice"):
        name = "Microsoft Word" if choice == "word" else "LibreOffice"
        raise CommandError(f"--via {choice}: {name} findes ikke på denne computer")
    return converter


def _pdf_route(via: str | None) -> ConverterChoice:
    """--via, else SECRETARY_PDF_CONVERTER, else "auto"."""
    from secretary_app.export.pdf_converters import CONVERTER_CHOICES, default_choice

    return next((choice for choice in CONVERTER_CHOICES if choice == via), default_choice())


def _refuse_own_file(archive: Archive, path: Path) -> None:
    if archive.is_own_file(path):
        raise CommandError(OWN_FILE.format(path=path))


def _check_export_suffix(path: Path) -> None:
    if path.suffix.lower() not in (".docx", ".pdf"):
        raise CommandError(f"{path}: ukendt filtype; skriv en .docx eller en .pdf")


def _warn(message: str) -> None:
    print(f"secretary-app: advarsel: {message}", file=sys.stderr)


def _export_builtin_pdf(
    layout: DocumentLayout, target: Path, template: Path | None, *, said: bool
) -> None:
    """Qt's PDF writer on the template's page size, margins and fonts (no window shown)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from secretary_app.export.template_page import page_of_template
    from secretary_app.ui.print_writer import PrintError, write_pdf

    if not said:
        _warn(BUILTIN_PDF_NOTE)
    elif template is not None:
        _warn(BUILTIN_PDF_TEMPLATE_NOTE)
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    try:
        write_pdf(layout, target, page_of_template(template))
    except PrintError as error:
        raise CommandError(f"{target}: {error}") from error


def _template_check(path: Path) -> int:
    from secretary_app.export.template_check import check_template

    report = check_template(path)
    print("\n".join(_report_lines(path, report)))
    return 0 if report.usable else EXIT_USAGE


def _report_lines(path: Path, report: TemplateReport) -> list[str]:
    marker = "ja" if report.has_content_marker else "nej (indholdet kommer sidst i brødteksten)"
    lines = [
        f"Skabelon: {path}",
        f"Bruger felterne: {', '.join(report.placeholders_used) or 'ingen'}",
        f"Markering for indholdet ({{{{ content }}}}): {marker}",
    ]
    if report.unknown_placeholders:
        lines.append(f"Ukendte felter: {', '.join(report.unknown_placeholders)}")
    if report.missing_styles:
        missing = ", ".join(report.missing_styles)
        lines.append(f"Mangler typografierne: {missing} (tages fra programmets standardskabelon)")
    lines.extend(f"Fejl: {message}" for _, message in report.errors)
    lines.append("Skabelonen kan bruges." if report.usable else "Skabelonen kan ikke bruges.")
    return lines


def _write_atomically(path: Path, text: str) -> None:
    """The whole file or nothing (core.files); one line when it cannot be written."""
    try:
        write_atomically(path, text.encode("utf-8"))
    except OSError as error:
        raise _cannot_write(path, error) from error


def _cannot_write(path: Path, error: OSError) -> CommandError:
    return CommandError(f"{path}: kan ikke skrives ({os_error_reason(error)})")
