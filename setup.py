"""Compiles the Qt translations (resources/i18n/*.ts -> .qm) whenever the package is built."""

import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

I18N = Path(__file__).parent / "resources" / "i18n"


def lrelease() -> Path:
    import PySide6

    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    return Path(PySide6.__file__).parent / name


def compile_translations() -> None:
    for source in sorted(I18N.glob("*.ts")):
        target = source.with_suffix(".qm")
        subprocess.run([str(lrelease()), "-silent", str(source), "-qm", str(target)], check=True)


class BuildPyWithTranslations(build_py):
    def run(self) -> None:
        compile_translations()
        super().run()


setup(cmdclass={"build_py": BuildPyWithTranslations})
