"""The Danish translation covers the whole UI, keeps what the code relies on, and is what the app
loads.

The UI's strings are English in the code (`self.tr(...)`, `QCoreApplication.translate(...)`);
resources/i18n/secretary_app_da.ts holds their Danish text, compiled to a .qm at install time.
After adding or changing a string: `bash scripts/update_translations.sh`, translate the new
messages in the .ts, `pip install -e .` (recompiles the .qm).
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from secretary_app.store.archive import Archive
from secretary_app.ui.i18n import install_translators
from secretary_app.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "secretary_app"
COMMITTED_TS = ROOT / "resources" / "i18n" / "secretary_app_da.ts"
APPLICATION_CLASSES = {"QCoreApplication", "QGuiApplication", "QApplication"}
HOW_TO_FIX = (
    "run `bash scripts/update_translations.sh`, translate the new messages in "
    "resources/i18n/secretary_app_da.ts, then `pip install -e .`"
)


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str  # the disambiguation, `self.tr(source, comment)`
    translations: tuple[str, ...]  # one, or one per numerus form
    finished: bool
    where: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)

    @property
    def translated(self) -> bool:
        return self.finished and all(text.strip() for text in self.translations)

    def __str__(self) -> str:
        comment = f" [{self.comment}]" if self.comment else ""
        return f"{self.context}: {self.source!r}{comment} ({self.where})"


def read_ts(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{path}: a message without <translation>"
            forms = translation.findall("numerusform")
            texts = [form.text or "" for form in forms] if forms else [translation.text or ""]
            locations = [
                f"{Path(loc.get('filename', '')).name}:{loc.get('line', '?')}"
                for loc in message.iter("location")
            ]
            messages.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    translations=tuple(texts),
                    finished=translation.get("type") not in {"unfinished", "vanished", "obsolete"},
                    where=", ".join(locations) or "no location",
                )
            )
    return messages


def lupdate_command() -> list[str] | None:
    wrapper = shutil.which("pyside6-lupdate")
    if wrapper:
        return [wrapper]
    import PySide6

    binary = Path(PySide6.__file__).parent / (
        "lupdate.exe" if sys.platform == "win32" else "lupdate"
    )
    return [str(binary)] if binary.exists() else None


@pytest.fixture(scope="module")
def committed() -> list[Message]:
    assert COMMITTED_TS.exists(), f"{COMMITTED_TS} is missing: {HOW_TO_FIX}"
    return read_ts(COMMITTED_TS)


@pytest.fixture(scope="module")
def from_sources(tmp_path_factory: pytest.TempPathFactory) -> list[Message]:
    """What lupdate finds in the code today, in a fresh .ts (the committed one is not touched)."""
    command = lupdate_command()
    if command is None:
        pytest.skip("pyside6-lupdate is not installed (it comes with PySide6-Essentials)")
    target = tmp_path_factory.mktemp("i18n") / "secretary_app_da.ts"
    sources = sorted(str(path) for path in SOURCES.rglob("*.py"))
    result = subprocess.run(
        [*command, "-silent", "-no-obsolete", *sources, "-ts", str(target)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0 and target.exists(), f"lupdate failed:\n{result.stderr}"
    return read_ts(target)


@pytest.fixture
def english_afterwards(qapp: QApplication) -> Iterator[QApplication]:
    """Every test here ends with the UI back in English, as the other GUI tests expect."""
    yield qapp
    install_translators(qapp, "en")


# (a) every string in the code has a Danish translation


def test_every_ui_string_has_a_danish_translation(
    from_sources: list[Message], committed: list[Message]
) -> None:
    assert from_sources, "lupdate found no strings at all in secretary_app/"
    danish = {message.key: message for message in committed}
    missing = [
        str(message)
        for message in from_sources
        if message.key not in danish or not danish[message.key].translated
    ]
    assert not missing, (
        f"{len(missing)} UI string(s) with no finished Danish translation ({HOW_TO_FIX}):\n  "
        + "\n  ".join(missing)
    )


def test_lupdate_sees_every_string_under_the_context_qt_looks_up() -> None:
    """lupdate only reads literal strings, and files `x.tr()` under the name `x`, while Qt looks a
    string up under the class of the object at run time: such strings would stay English."""
    problems = []
    for path in sorted(SOURCES.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            owner, name = node.func.value, node.func.attr
            call = ast.unparse(node)
            if name == "tr":
                if not (isinstance(owner, ast.Name) and owner.id == "self"):
                    problems.append(
                        f"{where}: {call}: lupdate files it under context "
                        f"{ast.unparse(owner)!r}, Qt looks it up under the object's class; "
                        f'use self.tr() in that class or QCoreApplication.translate("Class", ...)'
                    )
                elif not _literal(node.args[:1]):
                    problems.append(f"{where}: {call}: lupdate sees only a literal string")
            elif (
                name == "translate"
                and ast.unparse(owner) in APPLICATION_CLASSES
                and not _literal(node.args[:2])
            ):
                problems.append(
                    f"{where}: {call}: lupdate sees only literal context and text, so the strings "
                    "passed through here are never extracted; call "
                    'QCoreApplication.translate("Context", "text") with literals at each use'
                )
    if problems:
        pytest.fail("strings the Danish translation cannot reach:\n  " + "\n  ".join(problems))


def _literal(args: list[ast.expr]) -> bool:
    return bool(args) and all(
        isinstance(arg, ast.Constant) and isinstance(arg.value, str) for arg in args
    )


# (b) a translation keeps what the code and Qt rely on

PLACEHOLDER = re.compile(r"%L?\d+|%n")


def _accelerators(text: str) -> int:
    return len(re.findall(r"&[^&\s]", text.replace("&&", "")))


def test_translations_keep_placeholders_accelerators_and_ellipses(
    committed: list[Message],
) -> None:
    problems = []
    for message in committed:
        if not message.translated:
            continue
        for text in message.translations:
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(message.source)):
                problems.append(f"{message} -> {text!r}: placeholders differ")
            if _accelerators(text) != _accelerators(message.source):
                problems.append(f"{message} -> {text!r}: the & accelerator differs")
            if text.endswith("…") != message.source.endswith("…"):
                problems.append(f"{message} -> {text!r}: the trailing … differs")
            if (text[:1].isspace(), text[-1:].isspace()) != (
                message.source[:1].isspace(),
                message.source[-1:].isspace(),
            ):
                problems.append(f"{message} -> {text!r}: leading/trailing space differs")
    assert not problems, "\n".join(problems)


def test_the_committed_file_is_danish(committed: list[Message]) -> None:
    root = ET.parse(COMMITTED_TS).getroot()
    assert (root.get("language"), root.get("sourcelanguage")) == ("da_DK", "en")
    assert committed


# (c) the installed .qm is the committed .ts, and the app loads it


def test_danish_is_installed_and_english_restores_the_source_text(
    english_afterwards: QApplication, committed: list[Message]
) -> None:
    assert install_translators(english_afterwards, "da") is True
    assert QCoreApplication.translate("MainWindow", "&File") == "&Filer"
    stale = []
    for message in committed:
        if not message.translated or len(message.translations) != 1:
            continue
        loaded = QCoreApplication.translate(
            message.context, message.source, message.comment or None
        )
        if loaded != message.translations[0]:
            stale.append(f"{message} -> {loaded!r}, the .ts says {message.translations[0]!r}")
    assert not stale, (
        "the installed .qm does not match resources/i18n/secretary_app_da.ts "
        "(run `pip install -e .` to recompile it):\n  " + "\n  ".join(stale)
    )
    # Qt's own Danish (qtbase_da) for the standard buttons
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuller"

    assert install_translators(english_afterwards, "en") is True
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


# (d) a window built in Danish speaks Danish


def _mnemonic(text: str) -> str | None:
    match = re.search(r"&([^&\s])", text.replace("&&", ""))
    return match.group(1).casefold() if match else None


def _clashes(texts: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    clashes = []
    for text in texts:
        letter = _mnemonic(text)
        if letter is None:
            continue
        if letter in seen:
            clashes.append(f"{seen[letter]!r} and {text!r} share Alt+{letter.upper()}")
        seen[letter] = text
    return clashes


def test_main_window_built_in_danish_shows_danish_menus(
    english_afterwards: QApplication, qtbot: QtBot
) -> None:
    assert install_translators(english_afterwards, "da")
    window = MainWindow(Archive.memory())
    qtbot.addWidget(window)

    bar = window.menuBar().actions()
    menus = [menu for action in bar if isinstance(menu := action.menu(), QMenu)]
    assert [menu.title() for menu in menus] == ["&Filer", "&Rediger", "&Møde", "Refer&at", "&Hjælp"]
    assert window.windowTitle() == "Mødesekretær"
    file_actions = [action.text() for action in menus[0].actions() if not action.isSeparator()]
    assert "&Indstillinger…" in file_actions
    edit_actions = [action.text() for action in menus[1].actions() if not action.isSeparator()]
    assert edit_actions[:2] == ["&Fortryd", "&Annuller fortryd"]

    clashes = _clashes([menu.title() for menu in menus])
    for menu in menus:
        clashes += _clashes([action.text() for action in menu.actions()])
    assert not clashes, "accelerators that clash in one menu:\n  " + "\n  ".join(clashes)
    window.close()


def test_the_window_names_absences_in_the_words_of_the_minutes(
    english_afterwards: QApplication,
) -> None:
    """One phrasing for each reason, in Danish, in the window, the documents and the audit log
    (core.vocabulary; the audit log's frozen copy is checked in test_migration_m008.py)."""
    from secretary_app.core import vocabulary
    from secretary_app.ui.item_records_model import reason_names

    assert install_translators(english_afterwards, "da")
    assert reason_names() == vocabulary.ABSENCE_REASONS
