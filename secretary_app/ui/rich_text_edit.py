"""A rich-text field with its own small toolbar: bold, italic, underline, lists, indent, tables."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QStatusTipEvent,
    QTextCharFormat,
    QTextCursor,
    QTextListFormat,
)
from PySide6.QtWidgets import QApplication, QTextEdit, QToolBar, QToolTip, QVBoxLayout, QWidget

from secretary_app.core.text import clean_text
from secretary_app.ui import rich_text_tables as tables
from secretary_app.ui.action_button import shown_keys
from secretary_app.ui.rich_text_document import (
    ORDERED_STYLES,
    list_style,
    markdown_from_document,
    set_document_markdown,
)

if TYPE_CHECKING:
    from secretary_app.core.pasted_tables import PastedTables

Keys = QKeySequence | QKeySequence.StandardKey | str
MIN_HEIGHT, MAX_HEIGHT = 130, 640  # pixels: a field grows with its text between these


def is_ordered(style: QTextListFormat.Style) -> bool:
    """One of the numbered styles this editor makes (1. a. i.)."""
    return style in ORDERED_STYLES


class _TextEdit(QTextEdit):
    """Pasted text keeps bold/italic/underline, lists and tables; Word's control characters go.
    Tab and Shift+Tab in a list indent and outdent the item, in a table they go from cell to
    cell, as in Word; elsewhere they move on."""

    listIndentRequested = Signal(int)  # +1 indent, -1 outdent
    tablesAdjusted = Signal(object)  # PastedTables: a pasted table could not be kept as it was

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.table_actions: list[QAction] = []  # in the context menu, in a table

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        tab = event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        backwards = event.key() == Qt.Key.Key_Backtab or bool(
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        )
        table = self.textCursor().currentTable()
        if tab and plain and not self.isReadOnly() and table is not None:
            tables.move_to_cell(self, table, backwards)
            return
        if tab and plain and not self.isReadOnly() and self.textCursor().currentList():
            self.listIndentRequested.emit(-1 if backwards else +1)
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab in a list indents and in a table moves on (keyPressEvent); Qt asks here first."""
        cursor = self.textCursor()
        if not self.isReadOnly() and (cursor.currentList() or cursor.currentTable()):
            return False
        return super().focusNextPrevChild(forward)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        if self.textCursor().currentTable() is not None and not self.isReadOnly():
            menu.addSeparator()
            menu.addActions(self.table_actions)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasHtml() and "<table" in source.html().lower():
            from secretary_app.core.pasted_tables import prepare_pasted_tables  # when first pasted

            into_table = self.textCursor().currentTable() is not None
            pasted = prepare_pasted_tables(source.html(), into_table)
            prepared = QMimeData()
            prepared.setHtml(pasted.html)
            super().insertFromMimeData(prepared)
            if pasted.flattened or pasted.merged_cells:
                self.tablesAdjusted.emit(pasted)
            return
        if source.hasHtml() or not source.hasText():
            super().insertFromMimeData(source)
            return
        self.textCursor().insertText(clean_text(source.text()))


class RichTextEdit(QWidget):
    edited = Signal()

    def __init__(
        self, accessible_name: str, parent: QWidget | None = None, *, grows: bool = True
    ) -> None:
        """`grows`: the field is as tall as its text (in a scrolling page); without, it takes
        the height its layout gives it (in meeting mode's splitter)."""
        super().__init__(parent)
        self.text_edit = _TextEdit(self)
        self.text_edit.setAccessibleName(accessible_name)
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setUndoRedoEnabled(False)
        self.text_edit.setMinimumHeight(MIN_HEIGHT)
        self.toolbar = QToolBar(self)
        self.toolbar.setAccessibleName(self.tr("Formatting for %1").replace("%1", accessible_name))
        self._add_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.text_edit)
        self.setFocusProxy(self.text_edit)
        self.text_edit.textChanged.connect(self._on_text_changed)
        self.text_edit.listIndentRequested.connect(self._indent)
        self._grows = grows
        if grows:
            document_layout = self.text_edit.document().documentLayout()
            document_layout.documentSizeChanged.connect(self._grow_with_text)
        self.text_edit.tablesAdjusted.connect(self._say_tables_adjusted)
        self.text_edit.currentCharFormatChanged.connect(self._show_format)
        self._loading = False
        self._shown = ""  # the Markdown last set, while the document is not modified since

    def _grow_with_text(self) -> None:
        """The field is as tall as its text, from MIN_HEIGHT up to MAX_HEIGHT (then it
        scrolls), so a long decision can be read without scrolling inside a small box."""
        if self._loading:
            return
        document = self.text_edit.document()
        frame = self.text_edit.frameWidth() * 2
        wanted = int(document.size().height()) + frame + int(document.documentMargin())
        self.text_edit.setMinimumHeight(max(MIN_HEIGHT, min(wanted, MAX_HEIGHT)))

    def _say_tables_adjusted(self, pasted: PastedTables) -> None:
        """Said where the secretary looks (by the cursor) and in the window's status bar."""
        said = []
        if pasted.flattened:
            said.append(
                self.tr(
                    "A table inside a table is kept as text: one line per row, the cells "
                    "separated by |."
                )
            )
        if pasted.merged_cells:
            said.append(self.tr("Merged cells are split: the text stays in the first cell."))
        message = " ".join(said)
        where = self.text_edit.viewport().mapToGlobal(self.text_edit.cursorRect().bottomLeft())
        QToolTip.showText(where, message, self.text_edit)
        QApplication.sendEvent(self.text_edit, QStatusTipEvent(message))

    def markdown(self) -> str:
        return markdown_from_document(self.text_edit.document())

    def set_markdown(self, markdown: str) -> None:
        document = self.text_edit.document()
        if markdown == (self._shown if not document.isModified() else self.markdown()):
            return  # already shown: the cursor stays where it is
        self._loading = True
        set_document_markdown(document, markdown)
        document.setModified(False)
        self._shown = markdown
        self._loading = False
        if self._grows:
            self._grow_with_text()  # once, not for every block the text was built from

    def _on_text_changed(self) -> None:
        if not self._loading:
            self.edited.emit()

    # Actions

    def _add_actions(self) -> None:
        self.bold = self._action(
            self.tr("Bold"), self.tr("B", "bold button"), QKeySequence.StandardKey.Bold, self._bold
        )
        self.italic = self._action(
            self.tr("Italic"),
            self.tr("I", "italic button"),
            QKeySequence.StandardKey.Italic,
            self._italic,
        )
        self.underline = self._action(
            self.tr("Underline"),
            self.tr("U", "underline button"),
            QKeySequence.StandardKey.Underline,
            self._underline,
        )
        for action in (self.bold, self.italic, self.underline):
            action.setCheckable(True)
        self.toolbar.addSeparator()
        self._action(
            self.tr("Bulleted list"), "•", "Ctrl+Shift+8", lambda: self._toggle_list(False)
        )
        self._action(
            self.tr("Numbered list"), "1.", "Ctrl+Shift+7", lambda: self._toggle_list(True)
        )
        # Tab and Shift+Tab in a list too; Alt+Shift+arrows as in Word, reachable on a Danish
        # keyboard, where Ctrl+] and Ctrl+[ need AltGr
        indent = self._action(
            self.tr("Indent list item"), "→", "Alt+Shift+Right", lambda: self._indent(+1)
        )
        outdent = self._action(
            self.tr("Outdent list item"), "←", "Alt+Shift+Left", lambda: self._indent(-1)
        )
        indent.setShortcuts([QKeySequence("Alt+Shift+Right"), QKeySequence("Ctrl+]")])
        outdent.setShortcuts([QKeySequence("Alt+Shift+Left"), QKeySequence("Ctrl+[")])
        self.toolbar.addSeparator()
        self._action(self.tr("Insert table"), "▦", "", self._table(tables.insert_table))
        self.text_edit.table_actions = [
            self._table_action(self.tr("Insert row below"), tables.insert_row_below),
            self._table_action(self.tr("Insert column to the right"), tables.insert_column_right),
            self._table_action(self.tr("Delete row"), tables.remove_row),
            self._table_action(self.tr("Delete column"), tables.remove_column),
        ]

    def _table(self, change: Callable[[QTextEdit], None]) -> Callable[[], None]:
        def run() -> None:
            if not self.text_edit.isReadOnly():
                change(self.text_edit)
                self.text_edit.setFocus()

        return run

    def _table_action(self, name: str, change: Callable[[QTextEdit], None]) -> QAction:
        action = QAction(name, self)
        action.triggered.connect(self._table(change))
        return action

    def _action(self, name: str, label: str, keys: Keys, slot: Callable[[], object]) -> QAction:
        action = QAction(label, self)
        shown = shown_keys(keys)
        action.setToolTip(f"{name} ({shown})" if shown else name)
        action.setStatusTip(name)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        self.toolbar.addAction(action)
        button = self.toolbar.widgetForAction(action)
        if button is not None:
            button.setAccessibleName(name)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return action

    def _merge(self, char_format: QTextCharFormat) -> None:
        self.text_edit.mergeCurrentCharFormat(char_format)
        self.text_edit.setFocus()

    def _bold(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if self.bold.isChecked() else QFont.Weight.Normal)
        self._merge(fmt)

    def _italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(self.italic.isChecked())
        self._merge(fmt)

    def _underline(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontUnderline(self.underline.isChecked())
        self._merge(fmt)

    def _show_format(self, fmt: QTextCharFormat) -> None:
        self.bold.setChecked(fmt.fontWeight() >= QFont.Weight.Bold)
        self.italic.setChecked(fmt.fontItalic())
        self.underline.setChecked(fmt.fontUnderline())

    # Lists

    def _toggle_list(self, ordered: bool) -> None:
        cursor = self.text_edit.textCursor()
        current = cursor.currentList()
        cursor.beginEditBlock()
        if current is not None and is_ordered(current.format().style()) == ordered:
            self._remove_from_list(cursor)
        else:
            level = current.format().indent() if current is not None else 1
            fmt = QTextListFormat()
            fmt.setStyle(list_style(ordered, level))
            fmt.setIndent(level)
            cursor.createList(fmt)
        cursor.endEditBlock()
        self.text_edit.setFocus()

    def _remove_from_list(self, cursor: QTextCursor) -> None:
        block = cursor.block()
        text_list = block.textList()
        if text_list is not None:
            text_list.remove(block)
        block_format = cursor.blockFormat()
        block_format.setIndent(0)
        cursor.setBlockFormat(block_format)

    def _indent(self, delta: int) -> None:
        cursor = self.text_edit.textCursor()
        current = cursor.currentList()
        if current is None:
            return
        level = current.format().indent() + delta
        ordered = is_ordered(current.format().style())
        cursor.beginEditBlock()
        if level < 1:
            self._remove_from_list(cursor)
        else:
            self._move_to_level(cursor, ordered, level)
        cursor.endEditBlock()
        self.text_edit.setFocus()

    def _move_to_level(self, cursor: QTextCursor, ordered: bool, level: int) -> None:
        block = cursor.block()
        neighbour = block.previous()
        while neighbour.isValid() and neighbour.textList() is not None:
            candidate = neighbour.textList()
            if candidate.format().indent() == level:
                old = block.textList()
                if old is not None:
                    old.remove(block)
                candidate.add(block)
                return
            if candidate.format().indent() < level:
                break
            neighbour = neighbour.previous()
        fmt = QTextListFormat()
        fmt.setStyle(list_style(ordered, level))
        fmt.setIndent(level)
        cursor.createList(fmt)
