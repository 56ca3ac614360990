"""Settings: the UI's language, the pattern case IDs are checked against, the Word template for
all committees, and the item layout new committees start with (or every committee, at once)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from secretary_app.core.case_ids import DEFAULT_CASE_ID_PATTERN, pattern_error
from secretary_app.core.item_layout import BUILT_IN_LAYOUTS, DEFAULT_LAYOUT, ItemLayout
from secretary_app.export.pdf_converters import (
    CONVERTER_CHOICES,
    Converter,
    ConverterChain,
    ConverterChoice,
    PdfConverter,
    find_converter,
)
from secretary_app.ui import prompts
from secretary_app.ui.i18n import LANGUAGES
from secretary_app.ui.layout_editor import LayoutEditor
from secretary_app.ui.screen_fit import resize_within_screen
from secretary_app.ui.template_chooser import TemplateChooser


class SettingsDialog(QDialog):
    def __init__(
        self,
        language: str,
        case_id_pattern: str,
        template: Path | None,
        parent: QWidget | None = None,
        item_layout: ItemLayout = DEFAULT_LAYOUT,
        layout_choices: Mapping[str, ItemLayout] = BUILT_IN_LAYOUTS,
        texts: Callable[[str], int] = lambda _key: 0,
        pdf_converter: ConverterChoice = "auto",
    ) -> None:
        """`texts(key)`: how many items of unapproved meetings, of any committee, hold text in
        the section with that key."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.tabs = QTabWidget(self)
        general = QWidget(self.tabs)
        self.tabs.addTab(general, self.tr("&General"))
        self.tabs.addTab(
            self._build_layout_tab(item_layout, layout_choices, texts), self.tr("Item &layout")
        )
        outer = QVBoxLayout(self)
        outer.addWidget(self.tabs)
        form = QFormLayout(general)
        self.language = QComboBox(self)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.pattern = QLineEdit(case_id_pattern, self)
        reset = QPushButton(self.tr("Use the default pattern"), self)
        reset.clicked.connect(lambda: self.pattern.setText(DEFAULT_CASE_ID_PATTERN))
        self.template = TemplateChooser(template, self.tr("The default template"), self)
        self.converter = self._converter_choice(pdf_converter)
        for label, widget in (
            (self.tr("&Language"), self.language),
            (self.tr("Case ID &pattern"), self.pattern),
            (self.tr("Word template for all committees"), self.template),
        ):
            widget.setAccessibleName(label.replace("&", ""))
            form.addRow(label, widget)
        form.insertRow(2, "", reset)  # under the pattern
        note = QLabel(self.tr("A case ID that does not match only gets a warning."), self)
        note.setWordWrap(True)
        form.insertRow(3, "", note)
        converter_label = self.tr("PDF and printout &made by")
        self.converter.setAccessibleName(converter_label.replace("&", ""))
        form.addRow(converter_label, self.converter)
        self.converter_note = QLabel(self._converter_note(), self)
        self.converter_note.setWordWrap(True)
        self.converter.currentIndexChanged.connect(
            lambda _: self.converter_note.setText(self._converter_note())
        )
        form.addRow("", self.converter_note)
        form.addRow(QLabel(self.tr("A new language is used from the next start."), self))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        resize_within_screen(self, 780, 540)

    def _converter_choice(self, chosen: ConverterChoice) -> QComboBox:
        combo = QComboBox(self)
        names = {
            "auto": self.tr("Word, or else LibreOffice (found automatically)"),
            "word": self.tr("Microsoft Word"),
            "libreoffice": self.tr("LibreOffice"),
            "builtin": self.tr("The program's own writer (without the template's letterhead)"),
        }
        for choice in CONVERTER_CHOICES:
            combo.addItem(names[choice], choice)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        return combo

    def _converter_note(self) -> str:
        """Which program that choice finds on this PC."""
        choice = self.chosen_converter()
        found = find_converter(choice)
        if found is not None:
            return self.tr("Found: %1").replace("%1", _described(found))
        if choice == "builtin":
            return self.tr("The PDF and the printout follow the template's page and fonts.")
        return self.tr(
            "Not found on this PC: the program's own writer is used, without the template's "
            "letterhead."
        )

    def chosen_converter(self) -> ConverterChoice:
        data = self.converter.currentData()
        return next((choice for choice in CONVERTER_CHOICES if choice == data), "auto")

    def _build_layout_tab(
        self,
        item_layout: ItemLayout,
        choices: Mapping[str, ItemLayout],
        texts: Callable[[str], int],
    ) -> QWidget:
        page = QWidget(self.tabs)
        layout = QVBoxLayout(page)
        note = QLabel(self.tr("The item layout new committees start with."), page)
        note.setWordWrap(True)
        # Text is moved only when every committee gets the layout: then the question is asked.
        self.item_layout = LayoutEditor(item_layout, choices, self._texts(texts), page)
        self.everywhere = QCheckBox(self.tr("Use it for &every committee now"), page)
        self.everywhere.setToolTip(
            self.tr(
                "Every committee gets this layout; minutes already approved keep theirs. "
                "Edit → Undo takes it back."
            )
        )
        for widget in (note, self.item_layout, self.everywhere):
            layout.addWidget(widget)
        return page

    def _texts(self, texts: Callable[[str], int]) -> Callable[[str], int]:
        return lambda key: texts(key) if self.everywhere.isChecked() else 0

    def accept(self) -> None:
        error = pattern_error(self.pattern.text())
        if error:
            self.tabs.setCurrentIndex(0)
            prompts.show_error(self, error)
            return
        problem = self.item_layout.problem()
        if problem:
            self.tabs.setCurrentIndex(1)
            prompts.show_error(self, self.tr("The item layout: %1").replace("%1", problem))
            return
        super().accept()

    def chosen_layout(self) -> ItemLayout:
        return self.item_layout.item_layout()

    def layout_everywhere(self) -> bool:
        return self.everywhere.isChecked()

    def layout_moves(self) -> dict[str, str]:
        return self.item_layout.moves()

    def saved_layouts(self) -> dict[str, ItemLayout | None]:
        return self.item_layout.saved_layouts()

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def chosen_pattern(self) -> str:
        return self.pattern.text()

    def chosen_template(self) -> Path | None:
        return self.template.path


def _described(found: PdfConverter) -> str:
    """ "LibreOffice (C:\\…\\soffice.com)", "Microsoft Word · LibreOffice (…)": where IT can see
    which program it is."""
    converters = found.converters if isinstance(found, ConverterChain) else [found]
    return " · ".join(
        f"{c.name} ({c.program})"
        if isinstance(c, Converter) and c.kind == "libreoffice"
        else c.name
        for c in converters
    )


def _with_place(converter: PdfConverter) -> str:
    if isinstance(converter, Converter) and converter.kind == "libreoffice":
        return f"{converter.name} ({converter.program})"
    return converter.name  # Word's "program" is PowerShell, which would only confuse
