"""Help → Vejledning (F1): the short Danish guide shipped with the program, read offline."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from secretary_app.ui.screen_fit import resize_within_screen

GUIDE = "vejledning.html"


def guide_html() -> str:
    return resources.files("secretary_app.resources").joinpath(GUIDE).read_text(encoding="utf-8")


class GuideDialog(QDialog):
    """Not modal: the guide stays open beside the window while the secretary works."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("GuideDialog", "Guide"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(guide_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        resize_within_screen(self, 640, 520)
