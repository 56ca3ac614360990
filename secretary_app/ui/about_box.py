"""Help → About: the version and licence, where the archive and the log are, a way to their
folder, and (Show Details…) the licence of every component the program ships with."""

from __future__ import annotations

import platform
import re
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

DISTRIBUTION = "secretary-app"
_LICENCE_CLASSIFIER = re.compile(r"License :: (?:OSI Approved :: )?(.+)")
_REQUIREMENT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def program_version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:  # run from a source folder that was never installed
        return QCoreApplication.translate("About", "unknown (not installed)")


def licence_of(distribution: str) -> str:
    """The licence a package declares (its SPDX expression, License field or classifier); ""
    when it declares none or is not installed."""
    try:
        found = metadata.metadata(distribution)
    except metadata.PackageNotFoundError:
        return ""
    declared = _field(found, "License-Expression") or _field(found, "License")
    if declared and "\n" not in declared.strip() and len(declared) <= 80:
        return declared.strip()
    classifiers = (_LICENCE_CLASSIFIER.fullmatch(c) for c in found.get_all("Classifier") or [])
    return ", ".join(match.group(1) for match in classifiers if match)


def _field(found: metadata.PackageMetadata, name: str) -> str:
    values = found.get_all(name) or []
    return str(values[0]) if values else ""


def component_licences() -> list[tuple[str, str, str]]:
    """(name, version, licence) of each package the program needs to run, from its metadata."""
    try:
        requirements = metadata.requires(DISTRIBUTION) or []
    except metadata.PackageNotFoundError:
        return []
    components = []
    for requirement in requirements:
        name = _REQUIREMENT_NAME.match(requirement)
        if name is None or "extra ==" in requirement:
            continue
        try:
            version = metadata.version(name.group())
        except metadata.PackageNotFoundError:
            continue
        components.append((name.group(), version, licence_of(name.group())))
    return components


def about_text(archive: Path | None, log: Path) -> str:
    text = QCoreApplication.translate(
        "About",
        "Meeting secretary %1\n\nAgendas and minutes for committee secretaries.\n\n"
        "Licence: %4\nArchive: %2\nLog: %3",
    )
    licence = licence_of(DISTRIBUTION) or QCoreApplication.translate(
        "About", "not declared by the owners"
    )
    replacements = {"%1": program_version(), "%2": str(archive), "%3": str(log), "%4": licence}
    for marker, value in replacements.items():
        text = text.replace(marker, value)
    return text


def components_text() -> str:
    heading = QCoreApplication.translate("About", "The program is built with:")
    unknown = QCoreApplication.translate("About", "licence not stated")
    components = [*component_licences(), ("Python", platform.python_version(), "PSF-2.0")]
    lines = [f"{name} {version}: {licence or unknown}" for name, version, licence in components]
    return "\n".join([heading, *lines])


def show_about(parent: QWidget, archive: Path | None, log: Path) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("About", "About Meeting secretary"))
    box.setIcon(QMessageBox.Icon.Information)
    box.setText(about_text(archive, log))
    box.setDetailedText(components_text())
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    folder = box.addButton(
        QCoreApplication.translate("About", "Open the archive's &folder"),
        QMessageBox.ButtonRole.ActionRole,
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is folder and archive is not None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(archive.parent)))
