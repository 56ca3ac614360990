"""The undo steps of the layout editor (ui.layout_editor), on its own undo stack."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from secretary_app.core.item_layout import ItemLayout, Section
from secretary_app.ui.commands import MERGE_WINDOW_SECONDS

if TYPE_CHECKING:
    from secretary_app.ui.layout_editor import LayoutEditor

FIELDS = ("name", "heading", "case_id_label", "open_word", "closed_word", "decision_heading")
_SET_FIELD_ID = 2001


class EditorCommand(QUndoCommand):
    """One step on the editor's stack: `apply(True)` does it, `apply(False)` takes it back."""

    def __init__(self, editor: LayoutEditor, text: str) -> None:
        super().__init__(text)
        self.editor = editor

    def redo(self) -> None:
        self.apply(True)
        self.editor.after_change()

    def undo(self) -> None:
        self.apply(False)
        self.editor.after_change()

    def apply(self, forward: bool) -> None:
        raise NotImplementedError


class SetField(EditorCommand):
    """A field of the form; typing on in the same field merges into one step."""

    def __init__(self, editor: LayoutEditor, field: str, old: str, new: str) -> None:
        super().__init__(editor, QCoreApplication.translate("LayoutEditor", "Change layout"))
        self.field, self.old, self.new = field, old, new
        self.at = time.monotonic()

    def apply(self, forward: bool) -> None:
        self.editor.show_field(self.field, self.new if forward else self.old)

    def id(self) -> int:
        return _SET_FIELD_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetField) or other.field != self.field:
            return False
        if other.at - self.at > MERGE_WINDOW_SECONDS:
            return False
        self.new, self.at = other.new, other.at
        self.setObsolete(self.new == self.old)
        return True


class AddSection(EditorCommand):
    def __init__(self, editor: LayoutEditor, row: int, section: Section) -> None:
        super().__init__(editor, QCoreApplication.translate("LayoutEditor", "Add section"))
        self.row, self.section = row, section

    def apply(self, forward: bool) -> None:
        if forward:
            self.editor.model.insert_row(self.row, self.section, False)
            self.editor.show_row(self.row)
        else:
            self.editor.model.remove_row(self.row)


class RemoveSection(EditorCommand):
    def __init__(self, editor: LayoutEditor, row: int, moves: dict[str, str]) -> None:
        super().__init__(editor, QCoreApplication.translate("LayoutEditor", "Remove section"))
        self.row, self.moves_after, self.moves_before = row, moves, editor.moves()
        self.section = editor.model.section_at(row)
        self.print_empty = editor.model.is_print_empty(row)

    def apply(self, forward: bool) -> None:
        if forward:
            self.editor.model.remove_row(self.row)
        else:
            self.editor.model.insert_row(self.row, self.section, self.print_empty)
            self.editor.show_row(self.row)
        self.editor.set_moves(self.moves_after if forward else self.moves_before)


class MoveSection(EditorCommand):
    def __init__(self, editor: LayoutEditor, source: int, destination: int) -> None:
        super().__init__(editor, QCoreApplication.translate("LayoutEditor", "Move section"))
        self.source, self.destination = source, destination

    def apply(self, forward: bool) -> None:
        source, destination = (self.source, self.destination)[:: 1 if forward else -1]
        self.editor.model.move_row(source, destination)
        self.editor.show_row(destination)


class ChangeSection(EditorCommand):
    """A section's label, kind or flags; a new section's key follows its label."""

    def __init__(self, editor: LayoutEditor, row: int, section: Section, empty: bool) -> None:
        super().__init__(editor, QCoreApplication.translate("LayoutEditor", "Change section"))
        self.row = row
        self.before = (editor.model.section_at(row), editor.model.is_print_empty(row))
        self.after = (section, empty)
        self.moves_before = editor.moves()
        old_key, new_key = self.before[0].key, section.key
        self.moves_after = {k: new_key if v == old_key else v for k, v in self.moves_before.items()}

    def apply(self, forward: bool) -> None:
        (section, empty), (other, _) = (self.after, self.before)[:: 1 if forward else -1]
        self.editor.model.replace_row(self.row, section, empty)
        self.editor.rekeyed(other.key, section.key)
        self.editor.set_moves(self.moves_after if forward else self.moves_before)


class ReplaceLayout(EditorCommand):
    """ "Use": the whole layout replaced by another one."""

    def __init__(self, editor: LayoutEditor, layout: ItemLayout, moves: dict[str, str]) -> None:
        super().__init__(
            editor,
            QCoreApplication.translate("LayoutEditor", "Start from %1").replace("%1", layout.name),
        )
        self.before = (editor.raw_state(), editor.moves())
        fields = {field: str(getattr(layout, field)) for field in FIELDS}
        self.after = ((fields, list(layout.sections), layout.print_empty), moves)

    def apply(self, forward: bool) -> None:
        state, moves = self.after if forward else self.before
        self.editor.set_raw_state(state)
        self.editor.set_moves(moves)


class SaveLayout(EditorCommand):
    """ "Save as…": the layout kept under a name, which becomes the edited layout's name."""

    def __init__(self, editor: LayoutEditor, key: str, layout: ItemLayout) -> None:
        super().__init__(
            editor,
            QCoreApplication.translate("LayoutEditor", "Save layout as %1").replace(
                "%1", layout.name
            ),
        )
        self.key, self.layout = key, layout
        self.old_name = editor.raw_state()[0]["name"]

    def apply(self, forward: bool) -> None:
        if forward:
            self.editor.add_saved(self.key, self.layout)
        else:
            self.editor.forget_saved(self.key)
        self.editor.show_field("name", self.layout.name if forward else self.old_name)


class DeleteSavedLayout(EditorCommand):
    """A saved layout deleted from "Start fra" (from the archive when the dialog is accepted)."""

    def __init__(self, editor: LayoutEditor, key: str) -> None:
        name = editor.start_from.currentText()
        text = QCoreApplication.translate("LayoutEditor", "Delete layout %1").replace("%1", name)
        super().__init__(editor, text)
        self.key = key
        self.dropped: tuple[int, ItemLayout | None, bool] | None = None

    def apply(self, forward: bool) -> None:
        if forward:
            self.dropped = self.editor.drop_saved(self.key)
        else:
            assert self.dropped is not None
            self.editor.put_back_saved(self.key, self.dropped)
