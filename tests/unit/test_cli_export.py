"""`secretary-app export` and `secretary-app template check` on the command line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import docx
import pytest
from word_test_support import make_template, package_texts, reader_lines

from secretary_app.cli import main
from secretary_app.store.archive import Archive
from secretary_app.store.templates import set_template, template_for


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "arkiv.db"
    assert main(["--db", str(path), "demo"]) == 0
    return path


@pytest.fixture
def meeting_id(db, capsys):
    capsys.readouterr()
    main(["--db", str(db), "meetings"])
    return int(capsys.readouterr().out.split("\t")[0])


def export(db, *args):
    return main(["--db", str(db), "export", *map(str, args)])


def one_error_line(capsys):
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("secretary-app: "), err
    return err


@pytest.mark.parametrize("document", ["agenda", "minutes"])
@pytest.mark.parametrize("public", [[], ["--public"]])
def test_export_writes_the_document(db, meeting_id, tmp_path, document, public):
    out = tmp_path / "ud.docx"
    assert export(db, meeting_id, "--document", document, *public, "-o", out) == 0
    first = reader_lines(out)[0]
    expected = "Referat af møde i" if document == "minutes" else "Dagsorden til møde i"
    assert first == f"{expected} Opgaveudvalg om Innovation"
    header = docx.Document(str(out)).sections[0].header.paragraphs[0].text
    assert header.endswith("– Offentlig udgave") == bool(public)


def test_an_unknown_suffix_is_refused(db, meeting_id, tmp_path, capsys):
    assert export(db, meeting_id, "--document", "agenda", "-o", tmp_path / "ud.odt") == 2
    assert "ukendt filtype" in one_error_line(capsys)


def test_an_unknown_meeting(db, tmp_path, capsys):
    out = tmp_path / "ud.docx"
    assert export(db, 999, "--document", "minutes", "-o", out) == 2
    assert "møde 999 findes ikke" in one_error_line(capsys) and not out.exists()


def test_an_unwritable_output(db, meeting_id, tmp_path, capsys):
    out = tmp_path / "mangler" / "ud.docx"
    assert export(db, meeting_id, "--document", "minutes", "-o", out) == 2
    assert "kan ikke skrives" in one_error_line(capsys)
    assert not (tmp_path / "mangler").exists()


def test_a_bad_template_gives_one_line_and_no_file(db, meeting_id, tmp_path, capsys):
    template = make_template(tmp_path / "ond.docx", ["{{ ''.__class__ }}"])
    out = tmp_path / "ud.docx"
    args = ("--document", "minutes", "--template", template, "-o", out)
    assert export(db, meeting_id, *args) == 2
    assert "ikke må (__class__)" in one_error_line(capsys)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["arkiv.db", "ond.docx"]


def test_the_committees_template_then_the_global_one_then_the_default(db, meeting_id, tmp_path):
    global_template = make_template(tmp_path / "alle.docx", ["ALLE", "{{ content }}"])
    own_template = make_template(tmp_path / "egen.docx", ["EGEN", "{{ content }}"])
    archive = Archive.open(db)
    committee_id = archive.meetings.get(meeting_id).committee_id
    assert template_for(archive.settings, committee_id) is None
    set_template(archive.settings, None, global_template)
    set_template(archive.settings, committee_id, own_template)
    archive.close()
    out = tmp_path / "ud.docx"
    assert export(db, meeting_id, "--document", "agenda", "-o", out) == 0
    assert reader_lines(out)[0] == "EGEN"
    forced = make_template(tmp_path / "valgt.docx", ["VALGT"])
    assert export(db, meeting_id, "--document", "agenda", "--template", forced, "-o", out) == 0
    assert reader_lines(out)[0] == "VALGT"
    archive = Archive.open(db)
    set_template(archive.settings, committee_id, None)
    assert template_for(archive.settings, committee_id) == global_template
    archive.close()
    assert export(db, meeting_id, "--document", "agenda", "-o", out) == 0
    assert reader_lines(out)[0] == "ALLE"


def test_a_template_setting_that_points_nowhere(db, meeting_id, tmp_path, capsys):
    archive = Archive.open(db)
    set_template(archive.settings, None, tmp_path / "væk.docx")
    archive.close()
    assert export(db, meeting_id, "--document", "agenda", "-o", tmp_path / "ud.docx") == 2
    assert "væk.docx: Skabelonen kan ikke læses (findes ikke)" in one_error_line(capsys)


def test_missing_styles_are_a_warning_not_an_error(db, meeting_id, tmp_path, capsys):
    template = make_template(tmp_path / "t.docx", ["{{ content }}"])
    out = tmp_path / "ud.docx"
    assert export(db, meeting_id, "--document", "agenda", "--template", template, "-o", out) == 0
    assert "advarsel: Typografien 'TOC 1' mangler" in capsys.readouterr().err
    assert out.exists()


def test_template_check_of_a_usable_template(tmp_path, capsys):
    template = make_template(tmp_path / "t.docx", ["{{ title }}", "{{ content }}"], "{{ date }}")
    assert main(["template", "check", str(template)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == "Bruger felterne: content, date, title"
    assert out[2] == "Markering for indholdet ({{ content }}): ja"
    assert out[3].startswith("Mangler typografierne: TOC 1")
    assert out[-1] == "Skabelonen kan bruges."


def test_template_check_of_a_broken_template(tmp_path, capsys):
    template = make_template(tmp_path / "t.docx", ["{{ title }"], header="{{ kommune }}")
    assert main(["template", "check", str(template)]) == 2
    out = capsys.readouterr().out
    assert "Fejl: Syntaksfejl i afsnit 1 i brødteksten" in out
    assert "Ukendte felter: kommune" in out
    assert out.splitlines()[-1] == "Skabelonen kan ikke bruges."


def test_template_check_needs_no_archive(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("secretary_app.cli._open_archive", None)
    assert main(["template", "check", str(tmp_path / "ingen.docx")]) == 2
    assert "Fejl: Skabelonen kan ikke læses (findes ikke)" in capsys.readouterr().out


# --- PDF and the chair's copy ---------------------------------------------------------------
# The PDF path starts a QGuiApplication (offscreen): run it in a process of its own, so that no
# Qt application is made in the unit tests' process.

REPO = Path(__file__).resolve().parents[2]
needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")


def run_cli(db, *args):
    """`python -m secretary_app --db DB ARGS…` in a new process: (exit status, stdout, stderr)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "secretary_app", "--db", str(db), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        env=env,
    )
    return result.returncode, result.stdout, result.stderr


def pdf_text(path):
    return " ".join(pdf_pages(path))


def pdf_pages(path):
    """Each page's text, whitespace normalised."""
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, timeout=60
    )
    text = unicodedata.normalize("NFKC", result.stdout.decode("utf-8"))  # "ﬀ" -> "ff"
    return [" ".join(page.split()) for page in text.split("\f") if page.strip()]


def only_line(err):
    assert err.count("\n") == 1 and err.startswith("secretary-app: "), err
    return err


def files_in(folder):
    return sorted(p.name for p in folder.iterdir())


@needs_poppler
@pytest.mark.parametrize(
    ("document", "public", "header", "title"),
    [
        ("minutes", [], "Referat", "Referat af møde i Opgaveudvalg om Innovation"),
        (
            "minutes",
            ["--public"],
            "Referat – Offentlig udgave",
            "Referat af møde i Opgaveudvalg om Innovation",
        ),
        ("agenda", [], "Dagsorden", "Dagsorden til møde i Opgaveudvalg om Innovation"),
    ],
)
def test_export_writes_a_pdf(db, meeting_id, tmp_path, document, public, header, title):
    out = tmp_path / "ud.pdf"
    args = ("export", meeting_id, "--document", document, *public, "-o", out)
    assert run_cli(db, *args) == (0, "", "")
    assert out.read_bytes()[:5] == b"%PDF-"
    pages = pdf_pages(out)
    text = " ".join(pages)
    # The pages look like the .docx's (issue 9): the default template's first page has a header
    # of its own, empty (w:titlePg), so it starts with the title; the others start with the
    # template's header line (committee, tab, document and edition).
    assert pages[0].startswith(title)
    assert all(page.startswith(f"Opgaveudvalg om Innovation {header} ") for page in pages[1:])
    assert "1 (Åben) Tredje møde i Opgaveudvalg om Innovation" in text
    assert "Side 1 af " in text
    assert ("Beslutninger:" in text) == (document == "minutes")
    assert ("Udgave: Offentlig udgave" in text) == bool(public)
    assert files_in(tmp_path) == ["arkiv.db", "ud.pdf"]


def test_the_chairs_copy_as_word(db, meeting_id, tmp_path, capsys):
    out = tmp_path / "formand.docx"
    assert export(db, meeting_id, "--document", "agenda", "--chair", "-o", out) == 0
    lines = reader_lines(out)
    assert lines[0] == "Dagsorden til møde i Opgaveudvalg om Innovation"
    assert "Udgave:\tFormandens eksemplar" in lines
    assert "Planlagt: kl. 17.00" in lines
    assert "Beslutninger:" not in lines
    header = docx.Document(str(out)).sections[0].header.paragraphs[0].text
    assert header.endswith("– Formandens eksemplar")
    assert capsys.readouterr().err == ""


@needs_poppler
def test_the_chairs_copy_as_pdf(db, meeting_id, tmp_path):
    out = tmp_path / "formand.pdf"
    args = ("export", meeting_id, "--document", "agenda", "--chair", "-o", out)
    assert run_cli(db, *args) == (0, "", "")
    pages = pdf_pages(out)
    text = " ".join(pages)
    header = "Opgaveudvalg om Innovation Dagsorden – Formandens eksemplar "  # as in the .docx
    assert pages[0].startswith("Dagsorden til møde i Opgaveudvalg om")  # no header on page 1
    assert all(page.startswith(header) for page in pages[1:])
    assert "Udgave: Formandens eksemplar" in text
    assert "Planlagt: kl. 17.00" in text
    assert "Beslutninger:" not in text


def test_the_chairs_notes_reach_the_chairs_copy_only(db, meeting_id, tmp_path):
    archive = Archive.open(db)
    first = archive.items.for_meeting(meeting_id)[0]
    archive.items.update_field(first.id, "chair_notes", "FORMANDENSNOTE om velkomsten")
    archive.items.update_field(first.id, "presenter", "OPLAEGSHOLDERNAVN")
    archive.items.update_field(first.id, "duration_minutes", 90)
    archive.close()
    chair, full = tmp_path / "formand.docx", tmp_path / "fuld.docx"
    assert export(db, meeting_id, "--document", "agenda", "--chair", "-o", chair) == 0
    assert export(db, meeting_id, "--document", "agenda", "-o", full) == 0
    lines = reader_lines(chair)
    assert "Planlagt: kl. 17.00 · 90 min." in lines
    assert "Planlagt: kl. 18.30" in lines  # the second item, 90 minutes later
    assert "Fremlægges af: OPLAEGSHOLDERNAVN" in lines
    assert "FORMANDENSNOTE om velkomsten" in lines
    everything = "\n".join(package_texts(full).values())
    assert "FORMANDENSNOTE" not in everything and "OPLAEGSHOLDERNAVN" not in everything


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
@pytest.mark.parametrize(
    "wrong",
    [
        ["--document", "agenda", "--public"],
        ["--document", "minutes"],
        ["--document", "minutes", "--public"],
    ],
)
def test_the_chairs_copy_is_a_full_agenda_only(db, meeting_id, tmp_path, suffix, wrong):
    out = tmp_path / f"ud{suffix}"
    status, stdout, stderr = run_cli(db, "export", meeting_id, *wrong, "--chair", "-o", out)
    assert status == 2 and stdout == ""
    assert "--chair" in only_line(stderr)
    assert files_in(tmp_path) == ["arkiv.db"]


@needs_poppler
@pytest.mark.parametrize(
    ("where", "reason"),
    [("mangler/ud.pdf", "findes ikke"), ("mappe.pdf", "er en mappe, ikke en fil")],
)
def test_an_unwritable_pdf(db, meeting_id, tmp_path, where, reason):
    (tmp_path / "mappe.pdf").mkdir()
    out = tmp_path / where
    status, stdout, stderr = run_cli(db, "export", meeting_id, "--document", "minutes", "-o", out)
    assert status == 2 and stdout == ""
    assert only_line(stderr) == f"secretary-app: {out}: kan ikke skrives ({reason})\n"
    assert files_in(tmp_path) == ["arkiv.db", "mappe.pdf"]
    assert files_in(tmp_path / "mappe.pdf") == []


def test_an_unknown_meeting_as_pdf(db, tmp_path):
    out = tmp_path / "ud.pdf"
    status, _, stderr = run_cli(db, "export", 999, "--document", "minutes", "-o", out)
    assert status == 2 and "møde 999 findes ikke" in only_line(stderr)
    assert files_in(tmp_path) == ["arkiv.db"]
