"""The UI's language: Danish by default (our translation and Qt's own), English on request."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

LANGUAGES = {"da": "Dansk", "en": "English"}
_installed: list[QTranslator] = []


def translation_file(language: str) -> str:
    """Found beside the resources package, not through importlib.resources (a millisecond or
    two at start-up); the package is always a folder, also in the bundle."""
    import secretary_app.resources

    folder = Path(secretary_app.resources.__file__).parent
    return str(folder / "i18n" / f"secretary_app_{language}.qm")


def install_translators(app: QApplication, language: str) -> bool:
    """Install the translators for `language`; False when our own file could not be loaded."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language != "da":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Denmark))
        return True
    QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    _install(app, "qtbase_da", qt_dir)
    return _install(app, translation_file("da"))


def _install(app: QApplication, name: str, directory: str = "") -> bool:
    translator = QTranslator(app)
    loaded = translator.load(name, directory) if directory else translator.load(name)
    if loaded:
        app.installTranslator(translator)
        _installed.append(translator)
    return loaded
