"""The documents dialog (File > Agenda and minutes…): the real dialog, driven through its own
radio buttons and buttons, writing real Word and PDF files that are read back.

`DocumentsDialog.exec` is replaced by a driver that runs the test's steps on the dialog the
window made (choosing radio buttons, answering the save dialog, pressing buttons) and closes it.
"""

from __future__ import annotations

import datetime as dt
import errno
import shutil
import subprocess
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import pikepdf
import pypdfium2
import pytest
from docx.table import Table
from gui_support import button
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QRadioButton

from secretary_app.core import files
from secretary_app.core.model import Attachment, Committee, Item, Meeting
from secretary_app.export.layout import Edition
from secretary_app.export.pdf import page_count
from secretary_app.store.templates import set_template
from secretary_app.ui import prompts as prompts_module
from secretary_app.ui.document_output import DocumentOutput
from secretary_app.ui.documents_dialog import DocumentsDialog
from secretary_app.ui.i18n import install_translators
from secretary_app.ui.pdf_pages import page_image, page_layout_of, paint_pdf
from secretary_app.ui.pdf_preview import PdfPreview
from secretary_app.ui.preferences import PDF_CONVERTER

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")

COMMITTEE = "Økonomiudvalget"
AGENDA_TITLE = f"Dagsorden til møde i {COMMITTEE}"
MINUTES_TITLE = f"Referat af møde i {COMMITTEE}"
# A closed item's other text: never in a public edition.
SECRET_WORDS = (
    "HEMMELIGRESUME",
    "HEMMELIGTIDLIGERE",
    "HEMMELIGBILAG",
    "HEMMELIGSAGSID",
    "IKKEOFFENTLIGTBILAG",
)
# Only the chair's copy shows these: internal notes and presenters.
CHAIR_WORDS = ("FORMANDENSNOTE", "OPLAEGSHOLDERNAVN")


# --- the meeting ----------------------------------------------------------------------------


@pytest.fixture
def documents_meeting(window, archive) -> Meeting:
    """Økonomiudvalget's meeting of 27 June 2017: open, closed (secret words), open, with
    times, presenters and internal notes; open in the window."""
    committee = archive.committees.add(Committee(COMMITTEE, default_location="Rådhuset"))
    items = [
        Item(
            0,
            "Godkendelse af dagsorden",
            case_id="EMN-2017-000001",
            presenter="OPLAEGSHOLDERNAVN Formand",
            duration_minutes=10,
            sections={"resume": "Dagsordenen godkendes.", "beslutning": "Godkendt."},
            chair_notes="FORMANDENSNOTE: **husk** at byde velkommen",
        ),
        Item(
            0,
            "Salg af ejendom",
            closed=True,
            case_id="HEMMELIGSAGSID-1",
            duration_minutes=30,
            sections={
                "resume": "**HEMMELIGRESUME** om prisen\n\n- HEMMELIGRESUME i en liste",
                "tidligere_beslutninger": "HEMMELIGTIDLIGERE beslutning",
                "beslutning": "Salget blev godkendt OFFENTLIGBESLUTNING.",
            },
            chair_notes="- FORMANDENSNOTE om prisen",
        ),
        Item(0, "Eventuelt", sections={"resume": "Intet at bemærke.", "beslutning": "Intet."}),
    ]
    created = archive.meetings.create(
        Meeting(committee.id or 0, dt.date(2017, 6, 27), dt.time(17), dt.time(19), "Rådhuset"),
        items,
    )
    archive.attachments.add(
        Attachment(items[1].id or 0, "HEMMELIGBILAG om prisen", "pris.pdf"), b"%PDF-1.4"
    )
    archive.attachments.add(
        Attachment(items[2].id or 0, "IKKEOFFENTLIGTBILAG", "notat.pdf", public=False), b"x"
    )
    window.tree_model.reload()
    window.tree.expandAll()
    window.select_latest_meeting()
    assert window.agenda_model.rowCount() == 3
    return created


# --- driving the dialog ---------------------------------------------------------------------

Step = Callable[[DocumentsDialog], None]


class Driver:
    """Stands in for DocumentsDialog.exec: runs the steps on the real dialog, then closes it."""

    def __init__(self) -> None:
        self.steps: list[Step] = []
        self.opened: list[DocumentsDialog] = []

    def exec(self, dialog: DocumentsDialog) -> int:
        self.opened.append(dialog)
        steps, self.steps = self.steps, []
        for step in steps:
            step(dialog)
        button(dialog, "Close").click()
        return dialog.result()


@pytest.fixture
def out(tmp_path) -> Path:
    """A folder for the written documents (the window's archive is in tmp_path itself)."""
    folder = tmp_path / "ud"
    folder.mkdir()
    return folder


@pytest.fixture
def driver(monkeypatch) -> Driver:
    answers = Driver()
    monkeypatch.setattr(DocumentsDialog, "exec", lambda dialog: answers.exec(dialog))
    return answers


@pytest.fixture
def save_requests(prompts, monkeypatch) -> list[tuple[str, str, str]]:
    """The (caption, suggested name, filters) of every save dialog; answered by `prompts`."""
    asked: list[tuple[str, str, str]] = []

    def choose_save_path(parent, caption, suggested, filters):
        asked.append((caption, suggested, filters))
        return prompts.save_path

    monkeypatch.setattr(prompts_module, "choose_save_path", choose_save_path)
    return asked


def labels(dialog: DocumentsDialog) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel)]


def radio(dialog: DocumentsDialog, text: str) -> QRadioButton:
    found = [b for b in dialog.findChildren(QRadioButton) if b.text().replace("&", "") == text]
    assert len(found) == 1, f"expected one radio button {text!r}, found {len(found)}"
    return found[0]


def choose(*texts: str) -> Step:
    def step(dialog: DocumentsDialog) -> None:
        for text in texts:
            choice = radio(dialog, text)
            assert choice.isEnabled(), f"{text!r} is disabled"
            choice.click()
            assert choice.isChecked()

    return step


def save(prompts, target: Path | None, kind: str) -> Step:
    """Answer the save dialog with `target` and press "Save as Word…" or "Save as PDF…"."""

    def step(dialog: DocumentsDialog) -> None:
        prompts.save_path = target
        button(dialog, f"Save as {kind}…").click()

    return step


def open_documents(window, driver: Driver, *steps: Step) -> DocumentsDialog:
    """File > Agenda and minutes…, then the steps in the dialog."""
    driver.steps = list(steps)
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    actions = {a.text().replace("&", ""): a for a in menus["File"].actions()}
    actions["Agenda and minutes…"].trigger()
    assert len(driver.opened) == 1 and not driver.steps
    return driver.opened.pop()


# --- reading the files ----------------------------------------------------------------------


def normalised(text: str) -> str:
    """Whitespace to single spaces, and ligatures ("ﬀ") back to letters."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def docx_text(path: Path) -> str:
    """Body, header and footer paragraphs as a reader sees them."""
    document = docx.Document(str(path))
    lines = [
        " ".join(cell.text for row in part.rows for cell in row.cells)
        if isinstance(part, Table)
        else part.text
        for part in document.iter_inner_content()
    ]
    for section in document.sections:
        lines.extend(p.text for p in section.header.paragraphs)
        lines.extend(p.text for p in section.footer.paragraphs)
    return normalised("\n".join(lines))


def docx_package(path: Path) -> str:
    """Every part of the package: body, headers, properties, relationships."""
    with zipfile.ZipFile(path) as package:
        return "\n".join(
            package.read(name).decode("utf-8", errors="replace") for name in package.namelist()
        )


def pdf_text(path: Path) -> str:
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, timeout=60
    )
    return normalised(result.stdout.decode("utf-8"))


def read_back(path: Path) -> tuple[str, str, str]:
    """(first line, the text a reader sees, everything in the file) of a .docx or .pdf."""
    if path.suffix == ".docx":
        first = docx.Document(str(path)).paragraphs[0].text
        return first, docx_text(path), docx_package(path) + docx_text(path)
    assert path.read_bytes()[:5] == b"%PDF-"
    text = pdf_text(path)
    first = text  # page 1 has no header line, as in the Word document: the title first
    return first, text, text + path.read_bytes().decode("latin-1")


BUILTIN_NOTE = "Made with the program's own writer"


def saved(prompts) -> list[str]:
    """The first line of each "Saved …" message; notes (what made the PDF) follow it."""
    return [message.split("\n")[0] for message in prompts.information]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") or ".tmp" in p.name)


# --- saving ---------------------------------------------------------------------------------

CASES = {
    "minutes": ("Minutes", "Full edition", MINUTES_TITLE, ""),
    "public minutes": ("Minutes", "Public edition", MINUTES_TITLE, "Offentlig udgave"),
    "chair's copy": (
        "Agenda",
        "Chair's copy (agenda with times and internal notes)",
        AGENDA_TITLE,
        "Formandens eksemplar",
    ),
}


@pytest.mark.parametrize("kind", ["Word", "PDF"])
@pytest.mark.parametrize("case", list(CASES))
def test_save_a_document_and_read_it_back(
    window, documents_meeting, driver, prompts, out, case, kind
):
    document, edition, title, edition_name = CASES[case]
    target = out / f"ud.{'docx' if kind == 'Word' else 'pdf'}"
    open_documents(window, driver, choose(document, edition), save(prompts, target, kind))

    assert saved(prompts) == [f"Saved {target}"]
    if kind == "PDF":
        assert BUILTIN_NOTE in prompts.information[0]  # the window says what made the PDF
    first, text, everything = read_back(target)
    assert first.startswith(title)
    assert text.count(title) == 1
    if edition_name:
        assert f"Udgave: {edition_name}" in text
    else:
        assert "Udgave:" not in text
    assert "2 (Lukket) Salg af ejendom" in text
    if case == "public minutes":
        for word in SECRET_WORDS:
            assert word not in everything, word
        assert "OFFENTLIGBESLUTNING" in text
    else:
        for word in SECRET_WORDS:
            assert word in text, word
    if case == "chair's copy":
        assert "FORMANDENSNOTE: husk at byde velkommen" in text
        assert "FORMANDENSNOTE om prisen" in text
        assert "Fremlægges af: OPLAEGSHOLDERNAVN Formand" in text
        assert "Planlagt: kl. 17.00 · 10 min." in text
        assert "Planlagt: kl. 17.10 · 30 min." in text
        assert "Planlagt: kl. 17.40" in text
        assert "Beslutninger:" not in text
    else:
        for word in CHAIR_WORDS:
            assert word not in everything, word
        assert "Planlagt" not in text and "Interne noter" not in text
        assert "Beslutninger:" in text and "Salget blev godkendt OFFENTLIGBESLUTNING." in text
    assert leftovers(out) == []


def test_several_documents_in_one_visit(window, documents_meeting, driver, prompts, out):
    open_documents(
        window,
        driver,
        choose("Minutes", "Public edition"),
        save(prompts, out / "offentlig.docx", "Word"),
        choose("Full edition"),
        save(prompts, out / "fuld.pdf", "PDF"),
        choose("Agenda", "Chair's copy (agenda with times and internal notes)"),
        save(prompts, out / "formand.pdf", "PDF"),
    )
    assert len(prompts.information) == 3
    assert "HEMMELIGRESUME" not in docx_package(out / "offentlig.docx")
    assert "HEMMELIGRESUME" in pdf_text(out / "fuld.pdf")
    assert "FORMANDENSNOTE" not in pdf_text(out / "fuld.pdf")
    chair = pdf_text(out / "formand.pdf")
    assert chair.startswith(AGENDA_TITLE) and "FORMANDENSNOTE" in chair


def test_the_dialog_starts_with_the_full_agenda(window, documents_meeting, driver):
    dialog = open_documents(window, driver)
    assert radio(dialog, "Agenda").isChecked() and radio(dialog, "Full edition").isChecked()
    assert dialog.chosen_edition() == Edition("agenda")
    assert dialog.windowTitle() == "Agenda and minutes"
    assert "Word template: the default template" in labels(dialog)


def test_the_chairs_copy_is_only_for_the_agenda(window, documents_meeting, driver, prompts, out):
    seen: dict[str, object] = {}
    chair_text = "Chair's copy (agenda with times and internal notes)"

    def look(name: str) -> Step:
        def step(dialog: DocumentsDialog) -> None:
            seen[name] = (
                radio(dialog, chair_text).isEnabled(),
                radio(dialog, chair_text).isChecked(),
                radio(dialog, "Full edition").isChecked(),
                dialog.chosen_edition(),
            )

        return step

    open_documents(
        window,
        driver,
        choose("Agenda", chair_text),
        look("agenda, chair"),
        choose("Minutes"),
        look("then minutes"),
        save(prompts, out / "referat.pdf", "PDF"),
        choose("Public edition"),
        look("public minutes"),
        choose("Agenda"),
        look("agenda again"),
        choose(chair_text),
        look("chair again"),
    )
    assert seen == {
        "agenda, chair": (True, True, False, Edition("agenda", chair=True)),
        "then minutes": (False, False, True, Edition("minutes")),
        "public minutes": (False, False, False, Edition("minutes", public=True)),
        "agenda again": (True, False, False, Edition("agenda", public=True)),
        "chair again": (True, True, False, Edition("agenda", chair=True)),
    }
    minutes = pdf_text(out / "referat.pdf")
    assert minutes.startswith(MINUTES_TITLE) and "FORMANDENSNOTE" not in minutes


# --- the suggested file name ----------------------------------------------------------------


def test_the_suggested_file_names(window, documents_meeting, driver, prompts, save_requests):
    chair = "Chair's copy (agenda with times and internal notes)"
    open_documents(
        window,
        driver,
        save(prompts, None, "Word"),
        choose("Minutes"),
        save(prompts, None, "PDF"),
        choose("Public edition"),
        save(prompts, None, "Word"),
        choose("Agenda", chair),
        save(prompts, None, "PDF"),
    )
    assert save_requests == [
        ("Save as", "Dagsorden Økonomiudvalget 2017-06-27.docx", "Word documents (*.docx)"),
        ("Save as", "Referat Økonomiudvalget 2017-06-27.pdf", "PDF documents (*.pdf)"),
        (
            "Save as",
            "Referat Økonomiudvalget 2017-06-27 (offentlig).docx",
            "Word documents (*.docx)",
        ),
        ("Save as", "Dagsorden Økonomiudvalget 2017-06-27 (formand).pdf", "PDF documents (*.pdf)"),
    ]
    assert prompts.information == []  # every save dialog was cancelled


def test_the_suggested_name_leaves_out_what_a_file_name_cannot_hold(
    window, archive, documents_meeting, driver, prompts, save_requests
):
    committee = archive.committees.get(documents_meeting.committee_id)
    committee.name = 'Udvalg for "Børn/Unge": <plan>?'
    archive.committees.update(committee)
    open_documents(window, driver, save(prompts, None, "Word"))
    assert save_requests[0][1] == "Dagsorden Udvalg for BørnUnge plan 2017-06-27.docx"


def test_a_name_without_the_suffix_gets_it(window, documents_meeting, driver, prompts, out):
    open_documents(
        window,
        driver,
        save(prompts, out / "dagsorden", "Word"),
        save(prompts, out / "dagsorden", "PDF"),
    )
    assert sorted(p.name for p in out.iterdir()) == [
        "dagsorden.docx",
        "dagsorden.pdf",
    ]
    assert saved(prompts) == [
        f"Saved {out / 'dagsorden.docx'}",
        f"Saved {out / 'dagsorden.pdf'}",
    ]


def test_a_cancelled_save_writes_nothing(window, documents_meeting, driver, prompts, out):
    before = sorted(out.iterdir())
    open_documents(window, driver, save(prompts, None, "Word"), save(prompts, None, "PDF"))
    assert sorted(out.iterdir()) == before
    assert prompts.information == [] and prompts.errors == []


# --- failures -------------------------------------------------------------------------------


def broken_template(archive, meeting: Meeting, folder: Path) -> Path:
    template = folder / "kommunens skabelon.docx"
    template.write_bytes(b"Dette er ikke et Word-dokument, bare tekst.\n")
    set_template(archive.settings, meeting.committee_id, template)
    return template


def test_a_broken_template_gives_one_danish_error_and_no_file(
    window, archive, documents_meeting, driver, prompts, out
):
    template = broken_template(archive, documents_meeting, out.parent)
    prompts.expect_errors(1)
    dialog = open_documents(
        window, driver, choose("Minutes"), save(prompts, out / "referat.docx", "Word")
    )
    assert prompts.errors == [f"{template}: Filen er ikke et Word-dokument (.docx eller .dotx)"]
    assert list(out.iterdir()) == []
    assert prompts.information == []
    assert "Word template: kommunens skabelon.docx" in labels(dialog)


def test_a_broken_word_template_does_not_stop_the_pdf(
    window, archive, documents_meeting, driver, prompts, out
):
    broken_template(archive, documents_meeting, out.parent)
    target = out / "referat.pdf"
    open_documents(window, driver, choose("Minutes"), save(prompts, target, "PDF"))
    assert pdf_text(target).startswith(MINUTES_TITLE)
    assert saved(prompts) == [f"Saved {target}"]


def test_the_template_error_names_the_template(
    window, archive, documents_meeting, driver, prompts, out
):
    """Which file is not a Word document: the committee's template, not the one being saved."""
    template = broken_template(archive, documents_meeting, out.parent)
    prompts.expect_errors(1)
    open_documents(window, driver, save(prompts, out / "dagsorden.docx", "Word"))
    assert template.name in prompts.errors[0]


@pytest.mark.parametrize("kind", ["Word", "PDF"])
def test_an_unwritable_target_gives_one_error_and_no_file(
    window, documents_meeting, driver, prompts, out, kind
):
    target = out / "mangler" / ("ud.docx" if kind == "Word" else "ud.pdf")
    prompts.expect_errors(1)
    open_documents(window, driver, save(prompts, target, kind))
    assert len(prompts.errors) == 1 and str(target) in prompts.errors[0]
    assert list(out.iterdir()) == []
    assert prompts.information == []


def no_room(_descriptor: int) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("kind", ["Word", "PDF"])
def test_a_full_disk_gives_one_clear_error_and_keeps_the_earlier_file(
    window, documents_meeting, driver, prompts, out, kind, monkeypatch
):
    """The disk fills while the file is synced: one message saying so, the earlier file as it
    was, no temporary file left."""
    target = out / ("ud.docx" if kind == "Word" else "ud.pdf")
    target.write_bytes(b"the earlier file")
    monkeypatch.setattr(files.os, "fsync", no_room)
    prompts.expect_errors(1)
    open_documents(window, driver, save(prompts, target, kind))
    message = f"{target} could not be written: the disk is full. Nothing was saved."
    assert prompts.errors == [message]
    assert target.read_bytes() == b"the earlier file"
    assert [p.name for p in out.iterdir()] == [target.name]
    assert prompts.information == []


def test_the_message_of_a_full_disk_is_danish(
    qapp, window, documents_meeting, prompts, out, monkeypatch
):
    from secretary_app.ui.document_output import DocumentOutput

    target = out / "referat.pdf"
    monkeypatch.setattr(files.os, "fsync", no_room)
    prompts.expect_errors(1)
    prompts.save_path = target
    assert install_translators(qapp, "da")
    try:
        output = DocumentOutput(window.archive, window)
        DocumentsDialog(output, documents_meeting.id, window).save_pdf()
    finally:
        install_translators(qapp, "en")
    assert prompts.errors == [f"{target} kunne ikke gemmes: disken er fuld. Intet blev gemt."]
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("kind", ["word", "pdf"])
def test_a_document_is_never_written_onto_the_archive(window, documents_meeting, kind):
    from secretary_app.ui.document_output import DocumentOutput

    output = DocumentOutput(window.archive, window)
    archive_path = window.archive.path
    before = archive_path.read_bytes()
    save = output.save_word if kind == "word" else output.save_pdf
    with pytest.raises(OSError, match="it is the archive itself"):
        save(documents_meeting.id, Edition("minutes"), archive_path)
    assert archive_path.read_bytes() == before


@pytest.mark.parametrize(
    ("answer", "opens"), [("document", "file"), ("folder", "folder"), (None, "")]
)
def test_after_saving_the_document_or_its_folder_can_be_opened(
    window, documents_meeting, driver, prompts, out, monkeypatch, answer, opens
):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    target = out / "dagsorden.docx"
    prompts.saved_answer = answer
    open_documents(window, driver, save(prompts, target, "Word"))

    expected = {"file": [target], "folder": [target.parent], "": []}[opens]
    assert [Path(url.toLocalFile()) for url in opened] == expected


@pytest.mark.parametrize(
    ("document", "edition", "asked"),
    [
        ("Agenda", "Full edition", True),
        ("Agenda", "Public edition", True),
        ("Agenda", "Chair's copy (agenda with times and internal notes)", False),
        ("Minutes", "Full edition", False),
    ],
)
def test_saving_the_agenda_offers_to_mark_it_as_sent(
    window, documents_meeting, driver, prompts, out, disk, document, edition, asked
):
    prompts.answer = True
    steps = (choose(document, edition), save(prompts, out / "ud.docx", "Word"))
    open_documents(window, driver, *steps)

    offered = [q for q in prompts.questions if q.startswith("Mark the agenda as sent?")]
    assert len(offered) == (1 if asked else 0)
    assert (disk.approvals.agenda_sent_at(documents_meeting.id) is not None) == asked


def test_an_agenda_already_sent_is_not_offered_again(
    window, documents_meeting, driver, prompts, out
):
    prompts.answer = True
    for name in ("ud1.docx", "ud2.docx"):
        steps = (choose("Agenda", "Full edition"), save(prompts, out / name, "Word"))
        open_documents(window, driver, *steps)
    assert sum(q.startswith("Mark the agenda as sent?") for q in prompts.questions) == 1


# --- the route: the PDF and the printout are the Word document ------------------------------

needs_libreoffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
LETTERHEAD = "KOMMUNENS BREVHOVED 4711"


@pytest.fixture
def via_libreoffice() -> Iterator[None]:
    """This PC's choice in Settings: LibreOffice lays out the PDF and the printout."""
    QSettings().setValue(PDF_CONVERTER, "libreoffice")
    yield
    QSettings().remove(PDF_CONVERTER)


def letterhead_template(archive, meeting: Meeting, folder: Path) -> Path:
    """A municipality's template: its letterhead in the header of every page, A4."""
    document = docx.Document()
    document.add_paragraph("{{ title }}")
    document.add_paragraph("{{ content }}")
    document.sections[0].header.paragraphs[0].text = LETTERHEAD
    template = folder / "kommunens skabelon.docx"
    document.save(str(template))
    set_template(archive.settings, meeting.committee_id, template)
    return template


@needs_libreoffice
def test_the_pdf_is_the_word_document_in_the_committees_template(
    window, archive, documents_meeting, driver, prompts, out, via_libreoffice
):
    letterhead_template(archive, documents_meeting, out.parent)
    target = out / "referat.pdf"
    dialog = open_documents(window, driver, choose("Minutes"), save(prompts, target, "PDF"))
    assert saved(prompts) == [f"Saved {target}"]
    assert "Made with LibreOffice from the Word document in the template." in prompts.information[0]
    assert "PDF and printout: made by LibreOffice from the Word document" in labels(dialog)
    text = pdf_text(target)
    assert text.startswith(LETTERHEAD) and MINUTES_TITLE in text
    with pikepdf.open(target) as pdf:  # accessible: tagged, Danish, titled
        assert pdf.Root.MarkInfo.Marked and "/StructTreeRoot" in pdf.Root
        assert str(pdf.Root.Lang) == "da-DK"
        assert str(pdf.docinfo["/Title"]) == MINUTES_TITLE


def test_without_a_converter_the_window_says_which_writer_made_the_pdf(
    window, documents_meeting, driver, prompts, out
):
    dialog = open_documents(window, driver, save(prompts, out / "dagsorden.pdf", "PDF"))
    assert any(
        label.startswith("PDF and printout: the program's own writer") for label in labels(dialog)
    )
    assert BUILTIN_NOTE in prompts.information[0]


@needs_libreoffice
def test_the_printout_is_the_pdfs_pages(
    window, archive, documents_meeting, via_libreoffice, tmp_path
):
    """What the printer gets: the same pages, drawn from the PDF (here a PDF printer, read back
    as images and compared with the PDF's own)."""
    letterhead_template(archive, documents_meeting, tmp_path)
    output = DocumentOutput(archive)
    paper = output.paper(documents_meeting.id, Edition("minutes"))
    pdf, route = paper.pdf, paper.route
    assert paper.title == MINUTES_TITLE
    assert route == "Made with LibreOffice from the Word document in the template."
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "udskrift.pdf"))
    printer.setPageLayout(page_layout_of(pdf))
    printer.setResolution(100)
    assert paint_pdf(pdf, printer) == page_count(pdf)
    printed = (tmp_path / "udskrift.pdf").read_bytes()
    assert page_count(printed) == page_count(pdf)
    for index in range(page_count(pdf)):
        assert images_alike(page_pixels(pdf, index), page_pixels(printed, index))


def page_pixels(pdf: bytes, index: int) -> QImage:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return page_image(document, index, 40).convertToFormat(QImage.Format.Format_Grayscale8)
    finally:
        document.close()


def images_alike(a: QImage, b: QImage) -> bool:
    """Same size (±1 px) and at most 2 % of the pixels differ by more than a quarter."""
    if abs(a.width() - b.width()) > 1 or abs(a.height() - b.height()) > 1:
        return False
    width, height = min(a.width(), b.width()), min(a.height(), b.height())
    differ = sum(
        abs(a.pixelColor(x, y).value() - b.pixelColor(x, y).value()) > 64
        for y in range(0, height, 2)
        for x in range(0, width, 2)
    )
    return differ <= 0.02 * (width // 2) * (height // 2)


def test_print_preview_shows_the_pages_of_the_pdf_and_says_what_made_them(
    window, documents_meeting, driver, monkeypatch
):
    shown: list[tuple[int, str, str]] = []

    def look(preview: PdfPreview) -> None:
        shown.append((len(preview.pages), preview.windowTitle(), preview.route.text()))
        preview.setParent(None)  # closed: its buttons are no longer the documents dialog's

    monkeypatch.setattr(PdfPreview, "exec", look)

    def press_preview(dialog: DocumentsDialog) -> None:
        button(dialog, "Print preview…").click()

    dialog = open_documents(window, driver, choose("Minutes"), press_preview)
    [(pages, title, route)] = shown
    assert pages >= 1 and title == MINUTES_TITLE
    assert route.startswith(BUILTIN_NOTE)
    assert route in labels(dialog)  # the dialog says it too, after the preview
