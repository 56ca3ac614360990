"""Settings, "PDF and printout made by": this PC's choice, kept on the PC, not in the archive."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QSettings

from secretary_app.ui import preferences
from secretary_app.ui.settings_dialog import SettingsDialog


def choose_in_settings(window, monkeypatch, choice_text: str) -> list[str]:
    """Open Settings from the menu, choose `choice_text` in the combo box, press OK; the notes
    the dialog showed for that choice."""
    notes: list[str] = []

    def answer(dialog: SettingsDialog) -> int:
        combo = dialog.converter
        combo.setCurrentIndex(combo.findText(choice_text))
        notes.append(dialog.converter_note.text())
        dialog.accept()
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", answer)
    window.settings_action.trigger()
    return notes


def test_the_choice_is_kept_for_this_pc(window, monkeypatch):
    QSettings().remove(preferences.PDF_CONVERTER)
    notes = choose_in_settings(window, monkeypatch, "LibreOffice")
    assert preferences.pdf_converter() == "libreoffice"
    if shutil.which("soffice"):
        assert notes[0].startswith("Found: LibreOffice (")  # where, for IT
    notes = choose_in_settings(
        window, monkeypatch, "The program's own writer (without the template's letterhead)"
    )
    assert preferences.pdf_converter() == "builtin"
    assert notes == ["The PDF and the printout follow the template's page and fonts."]
    QSettings().remove(preferences.PDF_CONVERTER)


def test_a_converter_that_is_not_there_is_said(window, monkeypatch):
    monkeypatch.setenv("SECRETARY_LIBREOFFICE", "/findes/ikke/soffice")
    notes = choose_in_settings(window, monkeypatch, "LibreOffice")
    assert notes == [
        "Not found on this PC: the program's own writer is used, without the template's letterhead."
    ]
    QSettings().remove(preferences.PDF_CONVERTER)


def test_a_setting_no_program_knows_reads_as_automatic(monkeypatch):
    monkeypatch.delenv("SECRETARY_PDF_CONVERTER")  # the test suite's own default
    QSettings().setValue(preferences.PDF_CONVERTER, "kuglepen")
    assert preferences.pdf_converter() == "auto"
    QSettings().remove(preferences.PDF_CONVERTER)
