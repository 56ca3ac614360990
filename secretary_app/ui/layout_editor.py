"""Edit an item layout (*punktopbygning*): the heading, the words, the sections in order.

Every edit is a command on the editor's own undo stack. A section removed while items of
meetings not yet approved hold text in it asks where that text goes; the answers are
`moves()`, for whoever stores the layout.
"""

from __future__ import annotations

import dataclasses
import html
import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from secretary_app.core.item_layout import (
    BUILT_IN_LAYOUTS,
    ItemLayout,
    LayoutError,
    Section,
    SectionKind,
    check_layout,
    key_for_label,
)
from secretary_app.core.text import MAX_LINE, clean_line
from secretary_app.ui import prompts
from secretary_app.ui.layout_commands import (
    FIELDS,
    AddSection,
    ChangeSection,
    DeleteSavedLayout,
    MoveSection,
    RemoveSection,
    ReplaceLayout,
    SaveLayout,
    SetField,
)
from secretary_app.ui.layout_sections_model import SectionsModel

HEADING_PATTERNS = ("{number} ({access}) {title}", "{number}. {title}", "Punkt {number}: {title}")
CASE_ID_LABELS = ("Sags ID", "Sagsnr.", "Sagsnummer", "J.nr.")
OPEN_WORDS = ("Åben", "Åbent")
CLOSED_WORDS = ("Lukket", "Lukket punkt")
DECISION_HEADINGS = ("{committee} den {date}", "Beslutning i {committee} den {date}:")
NEW_SECTION_LABEL = "Nyt afsnit"
EXAMPLE_TITLE = "Godkendelse af dagsorden"
EXAMPLE_CASE_ID = "EMN-2025-010561"
EXAMPLE_COMMITTEE = "Økonomiudvalget"
EXAMPLE_DATE = "4. marts 2025"
_UNDO_KEYS = ("Ctrl+Z", "Ctrl+Y", "Ctrl+Shift+Z")


class LayoutEditor(QWidget):
    changed = Signal()

    def __init__(
        self,
        layout: ItemLayout,
        choices: Mapping[str, ItemLayout],
        texts: Callable[[str], int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._choices = dict(choices)
        self._texts = texts
        self._fields = {field: str(getattr(layout, field)) for field in FIELDS}
        self._moves: dict[str, str] = {}
        self._saved: dict[str, ItemLayout | None] = {}  # saved here; None: a saved one deleted
        self._fresh: set[str] = set()  # keys made here, which follow their section's label
        self.undo_stack = QUndoStack(self)
        self.model = SectionsModel(self)
        self.model.set_rows(list(layout.sections), layout.print_empty)
        self.model.editRequested.connect(self._edit_requested)
        self._build(layout)
        self._refresh()

    # Results

    def item_layout(self) -> ItemLayout:
        """The layout as edited."""
        fields = {field: clean_line(value) for field, value in self._fields.items()}
        sections = tuple(
            dataclasses.replace(section, label=clean_line(section.label))
            for section in self.model.sections()
        )
        return ItemLayout(sections=sections, print_empty=self.model.print_empty(), **fields)

    def problem(self) -> str:
        """The first rule the layout breaks, in words the secretary sees; "" when it is fine."""
        return self._problem_of(self.item_layout())

    def moves(self) -> dict[str, str]:
        """Removed section key -> the key of the section its text moves into."""
        return dict(self._moves)

    def saved_layouts(self) -> dict[str, ItemLayout | None]:
        """Layouts to keep under these keys from now on; None: the saved layout is deleted."""
        return dict(self._saved)

    # Building

    def _build(self, layout: ItemLayout) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self._build_start_row(layout))
        outer.addLayout(self._build_form())
        body = QHBoxLayout()
        body.addLayout(self._build_sections(), 3)
        body.addLayout(self._build_preview(), 2)
        outer.addLayout(body, 1)
        self._build_undo_actions()
        self._set_tab_order()

    def _build_start_row(self, layout: ItemLayout) -> QHBoxLayout:
        row = QHBoxLayout()
        self.start_from = QComboBox(self)
        self.start_from.setAccessibleName(self.tr("Start from"))
        for key, choice in self._choices.items():
            self.start_from.addItem(choice.name, key)
        same = [k for k, c in self._choices.items() if c.same_structure(layout)]
        self.start_from.setCurrentIndex(max(0, self.start_from.findData(same[0] if same else "")))
        self.use_button = self._button(self.tr("Use"), self.use_chosen_layout)
        self.save_button = self._button(self.tr("Save as…"), self.save_as)
        self.delete_button = self._button(self.tr("Delete"), self.delete_chosen_layout)
        self.delete_button.setToolTip(self.tr("Delete the chosen saved layout"))
        self.start_from.currentIndexChanged.connect(lambda _index: self._update_buttons())
        self.undo_button, self.redo_button = QToolButton(self), QToolButton(self)
        label = QLabel(self.tr("Start from:"), self)
        label.setBuddy(self.start_from)
        for widget in (
            label,
            self.start_from,
            self.use_button,
            self.delete_button,
            self.save_button,
        ):
            row.addWidget(widget)
        row.addStretch()
        row.addWidget(self.undo_button)
        row.addWidget(self.redo_button)
        return row

    def _build_form(self) -> QGridLayout:
        grid = QGridLayout()
        names = self._field_names()
        name = QLineEdit(self)
        name.setMaxLength(MAX_LINE)
        name.textEdited.connect(lambda text: self._field_edited("name", text))
        self.inputs: dict[str, QLineEdit | QComboBox] = {"name": name}
        for field, options in self._field_options().items():
            self.inputs[field] = self._field_combo(field, options)
        places = {"name": (0, 0), "heading": (1, 0), "decision_heading": (2, 0)}
        places |= {"case_id_label": (0, 2), "open_word": (1, 2), "closed_word": (2, 2)}
        for field, (row, column) in places.items():
            label = QLabel(names[field] + ":", self)
            label.setBuddy(self.inputs[field])
            self.inputs[field].setAccessibleName(names[field])
            grid.addWidget(label, row, column)
            grid.addWidget(self.inputs[field], row, column + 1)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        for field in FIELDS:
            self._line_edit(field).setText(self._fields[field])
        return grid

    def _field_options(self) -> dict[str, list[tuple[str, str]]]:
        """Per field, (shown text, value) of the choices its combo offers."""

        def offered(field: str, standard: tuple[str, ...]) -> list[tuple[str, str]]:
            used = [str(getattr(c, field)) for c in self._choices.values()]
            return [(value, value) for value in dict.fromkeys([*standard, *used]) if value]

        decision = [*offered("decision_heading", DECISION_HEADINGS), (self.tr("(none)"), "")]
        return {
            "heading": offered("heading", HEADING_PATTERNS),
            "decision_heading": decision,
            "case_id_label": offered("case_id_label", CASE_ID_LABELS),
            "open_word": offered("open_word", OPEN_WORDS),
            "closed_word": offered("closed_word", CLOSED_WORDS),
        }

    def _field_combo(self, field: str, options: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setCompleter(None)  # type: ignore[arg-type]  # it would complete "{" to a whole pattern while typing
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        for text, value in options:
            combo.addItem(text, value)
        line = _line_edit_of(combo)
        line.setPlaceholderText(self.tr("(none)"))
        line.textEdited.connect(lambda text: self._field_edited(field, text))
        combo.activated.connect(lambda index: self._field_chosen(field, combo.itemData(index)))
        return combo

    def _line_edit(self, field: str) -> QLineEdit:
        widget = self.inputs[field]
        return widget if isinstance(widget, QLineEdit) else _line_edit_of(widget)

    def _build_sections(self) -> QVBoxLayout:
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Sections"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setItemDelegateForColumn(SectionsModel.KIND, _KindDelegate(self, self.table))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move in it
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SectionsModel.LABEL, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        column = QVBoxLayout()
        column.addWidget(self.table, 1)
        column.addLayout(self._build_section_buttons())
        return column

    def _build_section_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button = self._button(self.tr("Add section"), self.add_section)
        self.remove_button = self._button(self.tr("Remove"), self.remove_section)
        self.up_button = self._button(self.tr("Move up"), lambda: self.move_section(-1))
        self.down_button = self._button(self.tr("Move down"), lambda: self.move_section(+1))
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            row.addWidget(button)
        row.addStretch()
        self._table_keys("Ctrl+Up", lambda: self.move_section(-1))
        self._table_keys("Ctrl+Down", lambda: self.move_section(+1))
        self._table_keys("Delete", self.remove_section)
        return row

    def _build_preview(self) -> QVBoxLayout:
        self.preview = QTextBrowser(self)
        self.preview.setAccessibleName(self.tr("Preview"))
        self.preview.setOpenLinks(False)
        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b00020;")
        self.problem_label.setAccessibleName(self.tr("Problem"))
        column = QVBoxLayout()
        column.addWidget(QLabel(self.tr("Example item:"), self))
        column.addWidget(self.preview, 1)
        column.addWidget(self.problem_label)
        return column

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text.replace("…", ""))
        button.clicked.connect(slot)
        return button

    def _table_keys(self, keys: str, slot: Callable[[], None]) -> None:
        action = QAction(self.table)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.table.addAction(action)

    def _build_undo_actions(self) -> None:
        self.undo_action = self._undo_action(self.tr("Undo"), ["Ctrl+Z"], self.undo_stack.undo)
        self.redo_action = self._undo_action(
            self.tr("Redo"), ["Ctrl+Y", "Ctrl+Shift+Z"], self.undo_stack.redo
        )
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_button.setDefaultAction(self.undo_action)
        self.redo_button.setDefaultAction(self.redo_action)
        keys_to_editor = _UndoKeysToEditor(self)
        for field in FIELDS:
            self.inputs[field].installEventFilter(keys_to_editor)
            self._line_edit(field).installEventFilter(keys_to_editor)

    def _undo_action(self, text: str, keys: list[str], slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{text} ({keys[0]})")
        action.setEnabled(False)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [self.start_from, self.use_button, self.delete_button]
        chain.append(self.save_button)
        chain += [self.inputs[field] for field in ("name", "heading", "decision_heading")]
        chain += [self.inputs[field] for field in ("case_id_label", "open_word", "closed_word")]
        chain += [self.table, self.add_button, self.remove_button, self.up_button]
        chain += [self.down_button, self.preview]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        for button in (self.undo_button, self.redo_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    # The form

    def _field_edited(self, field: str, text: str) -> None:
        if text != self._fields[field]:
            self.undo_stack.push(SetField(self, field, self._fields[field], text))

    def _field_chosen(self, field: str, value: str) -> None:
        self._line_edit(field).setText(value)  # "(none)" stands for ""
        self._field_edited(field, value)

    def show_field(self, field: str, value: str) -> None:
        self._fields[field] = value
        line = self._line_edit(field)
        if line.text() != value:
            line.setText(value)

    # The sections

    def current_row(self) -> int:
        return self.table.currentIndex().row()

    def show_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, SectionsModel.LABEL))

    def add_section(self) -> None:
        row = self.current_row() + 1 if self.current_row() >= 0 else self.model.rowCount()
        label = self._free_label()
        key = key_for_label(label, taken=self._taken_keys())
        self._fresh.add(key)
        self.undo_stack.push(AddSection(self, row, Section(key, label)))
        self.table.edit(self.model.index(row, SectionsModel.LABEL))

    def _free_label(self) -> str:
        taken = {section.label.casefold() for section in self.model.sections()}
        numbered = (f"{NEW_SECTION_LABEL} {number}" for number in itertools.count(2))
        labels = itertools.chain([NEW_SECTION_LABEL], numbered)
        return next(label for label in labels if label.casefold() not in taken)

    def remove_section(self) -> None:
        row = self.current_row()
        if row < 0 or self.model.section_at(row).kind is SectionKind.DECISION:
            return
        sections = self.model.sections()
        removed = sections.pop(row)
        moves = self._moves_after_removing([removed], sections)
        if moves is not None:
            self.undo_stack.push(RemoveSection(self, row, moves))

    def move_section(self, delta: int) -> None:
        row = self.current_row()
        if row >= 0 and 0 <= row + delta < self.model.rowCount():
            self.undo_stack.push(MoveSection(self, row, row + delta))

    def kinds_for_row(self, row: int) -> list[SectionKind]:
        """The kinds the section of `row` may take: never the decision's, one history only."""
        if self.model.section_at(row).kind is SectionKind.DECISION:
            return [SectionKind.DECISION]
        others = [s for r, s in enumerate(self.model.sections()) if r != row]
        if any(section.kind is SectionKind.HISTORY for section in others):
            return [SectionKind.TEXT]
        return [SectionKind.TEXT, SectionKind.HISTORY]

    def _edit_requested(self, row: int, field: str, value: Any) -> None:
        section, empty = self.model.section_at(row), self.model.is_print_empty(row)
        changed: Section | None
        if field == "print_empty":
            changed, empty_after = section, bool(value)
        else:
            changed, empty_after = self._changed_section(row, field, value), empty
        if changed is not None and (changed, empty_after) != (section, empty):
            self.undo_stack.push(ChangeSection(self, row, changed, empty_after))

    def _changed_section(self, row: int, field: str, value: Any) -> Section | None:
        section = self.model.section_at(row)
        if field == "label":
            return self._relabelled(section, clean_line(str(value)))
        if field == "kind":
            kind = SectionKind(value)
            allowed = kind in self.kinds_for_row(row)
            return dataclasses.replace(section, kind=kind) if allowed else None
        if field == "agenda":
            return dataclasses.replace(section, agenda=bool(value))
        return dataclasses.replace(section, minutes=bool(value))

    def _relabelled(self, section: Section, label: str) -> Section:
        key = section.key
        if key in self._fresh and not self._texts(key):
            key = key_for_label(label, taken=self._taken_keys() - {section.key})
        return dataclasses.replace(section, label=label, key=key)

    def _taken_keys(self) -> set[str]:
        """The sections' keys, and those of removed sections whose text is still to move."""
        return {section.key for section in self.model.sections()} | set(self._moves)

    def rekeyed(self, old_key: str, new_key: str) -> None:
        if old_key != new_key and old_key in self._fresh:
            self._fresh.discard(old_key)
            self._fresh.add(new_key)

    # Where removed text goes

    def _moves_after_removing(
        self, removed: list[Section], remaining: Sequence[Section]
    ) -> dict[str, str] | None:
        """The moves once `removed` are gone, asking for each that holds text; None: cancel."""
        kept = {section.key for section in remaining}
        moves = {key: target for key, target in self._moves.items() if key not in kept}
        targets = [(s.key, s.name) for s in remaining if s.kind is not SectionKind.DECISION]
        history = next((s.key for s in remaining if s.kind is SectionKind.HISTORY), None)
        for section in removed:
            count = self._text_count(section.key, moves)
            if not count:
                continue
            if section.kind is SectionKind.HISTORY and history is not None:
                target = moves[section.key] = history  # history goes into history, unasked
            else:
                asked = self._ask_target(section, count, targets)
                if asked is None:
                    return None
                target = moves[section.key] = asked
            moves = {key: target if into == section.key else into for key, into in moves.items()}
        return moves

    def _text_count(self, key: str, moves: Mapping[str, str]) -> int:
        """Items holding text in the section, counting text `moves` bring into it."""
        moved_in = [source for source, target in moves.items() if target == key]
        return self._texts(key) + sum(self._texts(source) for source in moved_in)

    def _ask_target(
        self, section: Section, count: int, targets: list[tuple[str, str]]
    ) -> str | None:
        label = section.name
        if not targets:
            message = self.tr(
                'The section "%1" holds text in %2 items of meetings not yet approved, and no '
                "other section can take it. Add a text section first."
            )
            prompts.show_error(self, message.replace("%1", label).replace("%2", str(count)))
            return None
        chosen = prompts.choose_section_for_text(self, label, count, targets)
        return chosen if chosen in {key for key, _label in targets} else None

    def set_moves(self, moves: Mapping[str, str]) -> None:
        self._moves = dict(moves)

    # Other layouts

    def use_chosen_layout(self) -> None:
        chosen = self._layout_of_choice(self.start_from.currentData())
        if chosen is None or chosen == self.item_layout():
            return
        removed = [s for s in self.model.sections() if chosen.section(s.key) is None]
        moves = self._moves_after_removing(removed, chosen.sections)
        if moves is not None:
            self.undo_stack.push(ReplaceLayout(self, chosen, moves))

    def _layout_of_choice(self, key: str | None) -> ItemLayout | None:
        if key is None:
            return None
        return self._saved[key] if key in self._saved else self._choices.get(key)

    def delete_chosen_layout(self) -> None:
        """Delete the saved layout chosen in "Start fra" (the built-in ones stay)."""
        key = self.start_from.currentData()
        if isinstance(key, str) and self._is_saved(key):
            self.undo_stack.push(DeleteSavedLayout(self, key))

    def _is_saved(self, key: str) -> bool:
        return key not in BUILT_IN_LAYOUTS and self._layout_of_choice(key) is not None

    def drop_saved(self, key: str) -> tuple[int, ItemLayout | None, bool]:
        """Take a saved layout out of "Start fra"; what undoing it needs: its place, what
        `saved_layouts` held for it, and whether it held anything."""
        place = self.start_from.findData(key)
        before, held = self._saved.get(key), key in self._saved
        self._saved[key] = None
        if key not in self._choices:  # saved in this dialog: nothing to delete in the archive
            del self._saved[key]
        self.start_from.removeItem(place)
        return place, before, held

    def put_back_saved(self, key: str, dropped: tuple[int, ItemLayout | None, bool]) -> None:
        place, before, held = dropped
        layout = before if before is not None else self._choices[key]
        if held:
            self._saved[key] = before
        else:
            self._saved.pop(key, None)
        self.start_from.insertItem(place, layout.name, key)
        self.start_from.setCurrentIndex(place)

    def save_as(self) -> None:
        name = prompts.ask_text(
            self, self.tr("Save layout"), self.tr("Name of the layout:"), self.item_layout().name
        )
        name = clean_line(name or "")
        if not name:
            return
        layout = dataclasses.replace(self.item_layout(), name=name)
        problem = self._problem_of(layout)
        if problem:
            prompts.show_error(self, problem)
            return
        key = key_for_label(name, taken=[*self._choices, *self._saved])
        self.undo_stack.push(SaveLayout(self, key, layout))

    def add_saved(self, key: str, layout: ItemLayout) -> None:
        self._saved[key] = layout
        self.start_from.addItem(layout.name, key)

    def forget_saved(self, key: str) -> None:
        del self._saved[key]
        self.start_from.removeItem(self.start_from.findData(key))

    def raw_state(self) -> tuple[dict[str, str], list[Section], frozenset[str]]:
        """The form's fields as typed, the sections, the keys printed empty."""
        return dict(self._fields), self.model.sections(), self.model.print_empty()

    def set_raw_state(self, state: tuple[dict[str, str], list[Section], frozenset[str]]) -> None:
        fields, sections, print_empty = state
        row = self.current_row()
        for field, value in fields.items():
            self.show_field(field, value)
        self.model.set_rows(sections, print_empty)
        self.show_row(min(max(row, 0), self.model.rowCount() - 1))

    # Problems, in the secretary's words

    def _problem_of(self, layout: ItemLayout) -> str:
        try:
            check_layout(layout)
        except LayoutError as error:
            return f"{self._field_words(error.field, layout)}: {self._words_in(error.problem)}"
        return ""

    def _field_names(self) -> dict[str, str]:
        return {
            "name": self.tr("Name"),
            "heading": self.tr("Item heading"),
            "case_id_label": self.tr("Case ID label"),
            "open_word": self.tr("Open item"),
            "closed_word": self.tr("Closed item"),
            "decision_heading": self.tr("Decision heading"),
            "sections": self.tr("Sections"),
            "print_empty_sections": self.tr("Sections"),
        }

    def _field_words(self, field: str, layout: ItemLayout) -> str:
        found = re.fullmatch(r"sections\[(\d+)\]\.\w+", field)
        if found is None:
            return self._field_names().get(field, field)
        index = int(found.group(1))
        label = layout.sections[index].label if index < len(layout.sections) else ""
        words = self.tr('Section %1 ("%2")') if label else self.tr("Section %1")
        return words.replace("%1", str(index + 1)).replace("%2", label)

    def _words_in(self, problem: str) -> str:
        """The core's message with the exchange format's names put in words."""
        names = self._field_names()
        problem = re.sub(r"\b[a-z]+_[a-z_]+\b", lambda m: names.get(m[0], m[0]), problem)
        kinds = {kind.value: self.model.kind_name(kind) for kind in SectionKind}
        return re.sub(r"typen (\w+)", lambda m: f"typen {kinds.get(m[1], m[1])}", problem)

    # After every change

    def after_change(self) -> None:
        self._refresh()
        self.changed.emit()

    def _refresh(self) -> None:
        layout = self.item_layout()
        self.preview.setHtml(_preview_html(layout, self.tr("Agenda"), self.tr("Minutes")))
        problem = self._problem_of(layout)
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))
        self.save_button.setEnabled(not problem)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row, count = self.current_row(), self.model.rowCount()
        chosen = 0 <= row < count
        decision = chosen and self.model.section_at(row).kind is SectionKind.DECISION
        self.remove_button.setEnabled(chosen and not decision)
        key = self.start_from.currentData()
        self.delete_button.setEnabled(isinstance(key, str) and self._is_saved(key))
        self.up_button.setEnabled(chosen and row > 0)
        self.down_button.setEnabled(chosen and row < count - 1)


# --- the preview ----------------------------------------------------------------------------


def _preview_html(layout: ItemLayout, agenda: str, minutes: str) -> str:
    heading = layout.heading_text(1, False, EXAMPLE_TITLE)
    case_line = layout.case_id_line(EXAMPLE_CASE_ID)
    if not layout.shows_access_in_heading():
        case_line += f" · {layout.open_word}"
    head = f"<b>{html.escape(heading)}</b><br>{html.escape(case_line)}"
    return "".join(
        _document_html(layout, document, title, head)
        for document, title in (("agenda", agenda), ("minutes", minutes))
    )


def _document_html(layout: ItemLayout, document: str, title: str, head: str) -> str:
    lines = [f"<span style='color:#666'>{html.escape(title)}</span>", head]
    for section in (s for s in layout.sections if s.shown_in(document)):
        lines.append(f"<b>{html.escape(section.label)}</b>" if section.label else "<i>–</i>")
        if section.kind is SectionKind.DECISION and layout.decision_heading:
            lines.append(html.escape(layout.decision_heading_text(EXAMPLE_COMMITTEE, EXAMPLE_DATE)))
    return f"<p style='margin-top:0; margin-bottom:10px'>{'<br>'.join(lines)}</p>"


def _line_edit_of(combo: QComboBox) -> QLineEdit:
    line = combo.lineEdit()
    assert line is not None, "an editable combo box has its line edit"
    return line


# --- keys -----------------------------------------------------------------------------------


class _UndoKeysToEditor(QObject):
    """Ctrl+Z / Ctrl+Y in a field of the form go to the editor's stack, not the field's own."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination()).toString(
                QKeySequence.SequenceFormat.PortableText
            )
            if pressed in _UNDO_KEYS:
                event.ignore()
                return True
        return False


class _KindDelegate(QStyledItemDelegate):
    """The Type column, edited with a combo box of the kinds the row may take."""

    def __init__(self, editor: LayoutEditor, parent: QWidget) -> None:
        super().__init__(parent)
        self.layout_editor = editor

    def createEditor(self, parent, option, index):  # type: ignore[no-untyped-def]
        combo = QComboBox(parent)
        combo.setAccessibleName(QCoreApplication.translate("SectionsModel", "Type"))
        for kind in self.layout_editor.kinds_for_row(index.row()):
            combo.addItem(self.layout_editor.model.kind_name(kind), kind.value)
        combo.activated.connect(lambda _index: self._commit(combo))
        return combo

    def setEditorData(self, editor, index):  # type: ignore[no-untyped-def]
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor, model, index):  # type: ignore[no-untyped-def]
        model.setData(index, editor.currentData())

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo)
