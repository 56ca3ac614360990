"""The chosen item's editor: every field, edited in place, committed within half a second.

The texts are the sections of the meeting's item layout (core.item_layout), in its order and
under its labels; they are built again when a meeting in another layout is opened. The fields
are built when the first item is shown: until then the editor is one line of text, and the
window appears sooner (benchmarks/startup.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTime, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyle,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from secretary_app.core.item_fields import FIELD_NAMES, section_field, section_key, value_of
from secretary_app.core.item_layout import ItemLayout, Section, SectionKind
from secretary_app.core.model import Item
from secretary_app.core.text import MAX_LINE, clean_line
from secretary_app.store.errors import StoreError
from secretary_app.ui import prompts
from secretary_app.ui.attachment_edits import AttachmentEdits
from secretary_app.ui.date_fields import TimeField
from secretary_app.ui.edit_session import EditSession
from secretary_app.ui.file_drop_table import FileDropTable
from secretary_app.ui.item_edits import ItemEdits
from secretary_app.ui.read_only import set_read_only, set_rich_text_read_only
from secretary_app.ui.typing_commit import PendingTyping

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLayout

    from secretary_app.ui.rich_text_edit import RichTextEdit


REVEAL_SETTLES_MS = 1000  # an opened hit's words stay in view while the fields settle


class ItemEditor(QScrollArea):
    """Shows one item; ItemEdits and AttachmentEdits make its edits undoable commands."""

    flushed = Signal()
    editPending = Signal()  # typing that is not yet in the archive (and can be undone)

    def __init__(
        self,
        session: EditSession,
        items: ItemEdits,
        attachments: AttachmentEdits,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.items, self.attachment_edits = session, items, attachments
        self.item_id: int | None = None
        self._locked = False  # an approved meeting: read-only
        self.typing = PendingTyping(self)
        self.typing.due.connect(self.flush)
        self.typing.started.connect(self.editPending)
        self._loading = False
        self._sections: list[QWidget] = []  # further parts below the attachments
        self._rich_edits: dict[str, RichTextEdit] = {}  # by field: "section:resume", "chair_notes"
        self._layout: ItemLayout | None = None  # the layout the section fields were built for
        self._built = False
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Item"))
        self.setWidget(self._placeholder())
        session.flushRequested.connect(self.flush)
        items.itemFieldChanged.connect(self._field_changed)
        attachments.attachmentsChanged.connect(self._attachments_changed)
        self._added_item: int | None = None  # added by the edit under way
        self._revealed: QTextEdit | None = None  # a search's words, kept in view a moment
        self._reveal_timer = QTimer(self, singleShot=True, interval=REVEAL_SETTLES_MS)
        self._reveal_timer.timeout.connect(self._forget_revealed)
        self.verticalScrollBar().rangeChanged.connect(self._scroll_to_revealed)
        items.itemAdded.connect(self._item_added)
        session.undo_stack.indexChanged.connect(self._edit_done)

    # Building

    def _placeholder(self) -> QLabel:
        label = QLabel(self.tr("No item chosen"), self)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        label.setMargin(9)
        label.setEnabled(False)
        return label

    def _build(self) -> None:
        self._built = True
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.heading = QLabel(page)
        self.heading.setStyleSheet("font-weight: bold; font-size: 13pt")
        layout.addWidget(self.heading)
        layout.addLayout(self._build_fields(page))
        self.section_box = QWidget(page)
        self.section_layout = QVBoxLayout(self.section_box)
        self.section_layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.section_box)
        self.chair_notes = self._rich(
            layout, self.tr("Internal notes (only in the chair's copy)"), "chair_notes"
        )
        layout.addWidget(self._build_attachments(page))
        for section in self._sections:
            layout.addWidget(section)
            section.show()
        self.setWidget(page)

    def _build_fields(self, page: QWidget) -> QFormLayout:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above, when narrow
        self.title = self._line(form, self.tr("&Title"), "title")
        self.access = QComboBox(page)
        self.access.addItems([self.tr("Open"), self.tr("Closed")])
        self.access.currentIndexChanged.connect(lambda i: self._edit_now("closed", i == 1))
        self._add_row(form, self.tr("&Open/closed"), self.access)
        self.public_title = self._line(form, self.tr("Pu&blic title"), "public_title")
        self.public_title.setPlaceholderText(self.tr("Empty: the public editions show the title"))
        self.public_title.setToolTip(
            self.tr("What the public agenda and minutes show instead of the title of a closed item")
        )
        self.case_id = self._line(form, self.tr("&Case ID"), "case_id")
        self.case_id_warning = QLabel(page)
        self.case_id_warning.setStyleSheet("color: #a4000f")
        self.case_id_warning.setWordWrap(True)
        self.case_id.textChanged.connect(self._check_case_id)
        form.addRow("", self.case_id_warning)
        self.presenter = self._line(form, self.tr("&Presenter"), "presenter")
        times = self._build_time_row(page)
        label = QLabel(self.tr("Planned &start"), page)
        label.setBuddy(self.has_start)
        form.addRow(label, times)
        form.addRow(QLabel(self.tr("Duration"), page), self.duration)  # its own row: narrow panes
        return form

    def _build_time_row(self, page: QWidget) -> QWidget:
        row = QWidget(page)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.has_start = QCheckBox(self.tr("At"), row)
        self.has_start.setAccessibleName(self.tr("Has a planned start"))
        self.start = TimeField(row)
        self.start.setDisplayFormat("HH.mm")
        self.start.setAccessibleName(self.tr("Planned start"))
        self.duration = QSpinBox(page)
        self.duration.setRange(0, 24 * 60)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setSpecialValueText(self.tr("no duration"))
        self.duration.setAccessibleName(self.tr("Duration in minutes"))
        self.has_start.toggled.connect(self._start_ticked)
        self.start.timeChanged.connect(self._planned_start_edited)
        self.duration.valueChanged.connect(lambda v: self._edit_now("duration_minutes", v or None))
        for widget in (self.has_start, self.start):
            layout.addWidget(widget)
        layout.addStretch()
        return row

    def _build_attachments(self, page: QWidget) -> QWidget:
        box = QWidget(page)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Attachments (Bilag)"), box))
        from secretary_app.ui.attachments_model import AttachmentsModel

        self.attachments_model = AttachmentsModel(self)
        self.attachments_model.editRequested.connect(self._edit_attachment)
        self.attachments = FileDropTable(box)
        self.attachments.filesDropped.connect(self.add_attachment_files)
        self.attachments.setModel(self.attachments_model)
        self.attachments.setAccessibleName(self.tr("Attachments"))
        self.attachments.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.attachments.horizontalHeader().setSectionResizeMode(
            AttachmentsModel.TITLE, QHeaderView.ResizeMode.Stretch
        )
        self.attachments.setMinimumHeight(80)
        self.attachments.setTabKeyNavigation(False)
        self.attachments.doubleClicked.connect(lambda _: self.open_attachment())
        self._attachment_edit_triggers = self.attachments.editTriggers()
        layout.addWidget(self.attachments)
        buttons = QGridLayout()  # two a row: a narrow pane (150 %) has room for them
        add = QPushButton(self.tr("&Add attachment…"), box)
        self.open_button = QPushButton(self.tr("Open", "attachment"), box)
        self.remove_button = QPushButton(self.tr("Remove"), box)
        for place, (button, slot) in enumerate(
            (
                (add, self.add_attachments),
                (self.open_button, self.open_attachment),
                (self.remove_button, self.remove_attachment),
            )
        ):
            button.clicked.connect(slot)
            buttons.addWidget(button, place // 2, place % 2)
        self.attachment_buttons = [add, self.remove_button]  # those that change attachments
        buttons.setColumnStretch(2, 1)
        layout.addLayout(buttons)
        self.attachments.selectionModel().currentRowChanged.connect(self._show_chosen_attachment)
        self.attachments_model.modelReset.connect(self._show_chosen_attachment)
        self._show_chosen_attachment()
        return box

    def _show_chosen_attachment(self) -> None:
        """Open and Remove act on the attachment chosen: without one they are greyed out."""
        chosen = self.attachments.currentIndex().isValid()
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and not self._locked)

    def _line(self, form: QFormLayout, label: str, field: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setMaxLength(MAX_LINE)
        edit.textEdited.connect(lambda _: self._edit_soon(field, edit.text))
        edit.editingFinished.connect(lambda: self._finish_line(field, edit))
        self._add_row(form, label, edit)
        return edit

    def _finish_line(self, field: str, edit: QLineEdit) -> None:
        """Leaving a field commits it, and it then shows what the archive holds (an emptied
        title comes back: an item keeps a title)."""
        self.flush()
        item = self.items.item(self.item_id) if self.item_id is not None else None
        if item is not None and clean_line(edit.text()) != value_of(item, field):
            edit.setText(value_of(item, field))

    def _add_row(self, form: QFormLayout, label: str, widget: QWidget) -> None:
        widget.setAccessibleName(label.replace("&", ""))
        form.addRow(label, widget)

    def _rich(self, layout: QVBoxLayout, label: str, field: str, note: str = "") -> RichTextEdit:
        from secretary_app.ui.rich_text_edit import RichTextEdit

        parent = layout.parentWidget() or self
        edit = RichTextEdit(label, parent)
        caption = QLabel(label, parent)
        caption.setWordWrap(True)
        caption.setBuddy(edit.text_edit)
        edit.edited.connect(lambda: self._edit_soon(field, edit.markdown))
        parts: list[QWidget] = [caption, edit]
        if note:
            hint = QLabel(note, parent)
            hint.setStyleSheet("color: #555")
            hint.setWordWrap(True)
            parts.insert(1, hint)
        for part in parts:
            layout.addWidget(part)
            part.show()  # added to a page that may be on screen already
        self._rich_edits[field] = edit
        return edit

    def _build_sections(self, layout: ItemLayout) -> None:
        """One text field per section of the layout, in its order, under its label."""
        box = self.section_layout
        for field in [f for f in self._rich_edits if section_key(f) is not None]:
            del self._rich_edits[field]
        while box.count():
            taken = box.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        for section in layout.sections:
            name = section.name
            self._rich(box, name, section_field(section.key), self._section_note(section))
        self._layout = layout
        self._show_layout_words(layout)
        self._order_tabs(layout)

    def _order_tabs(self, layout: ItemLayout) -> None:
        """Tab goes from the duration through the sections, in the layout's order, to the
        internal notes (the sections are made after them)."""
        previous: QWidget = self.duration
        for section in layout.sections:
            edit = self._rich_edits[section_field(section.key)].text_edit
            QWidget.setTabOrder(previous, edit)
            previous = edit
        QWidget.setTabOrder(previous, self.chair_notes.text_edit)

    def _show_layout_words(self, layout: ItemLayout) -> None:
        """The words for open and closed, and the case ID's name, as the layout prints them."""
        self.case_id.setPlaceholderText(layout.case_id_label)
        for index, word in enumerate((layout.open_word, layout.closed_word)):
            self.access.setItemText(index, word)

    def _section_note(self, section: Section) -> str:
        notes = {
            SectionKind.HISTORY: self.tr("Filled from earlier decisions on the same case ID"),
            SectionKind.DECISION: self.tr("The decision, written at the meeting"),
        }
        where = (
            ""
            if section.agenda and section.minutes
            else (
                self.tr("Only in the agenda") if section.agenda else self.tr("Only in the minutes")
            )
        )
        return " · ".join(part for part in (notes.get(section.kind, ""), where) if part)

    def rich_edit(self, field: str) -> RichTextEdit:
        """The text field of "section:‹key›" or "chair_notes" (for the window and its tests)."""
        return self._rich_edits[field]

    def _page_layout(self) -> QLayout:
        page = self.widget()
        layout = page.layout() if page is not None else None
        assert layout is not None, "the fields are built"
        return layout

    def add_section(self, widget: QWidget) -> None:
        """A further part of the item, below the attachments (the minutes' records)."""
        self._sections.append(widget)
        if self._built:
            self._page_layout().addWidget(widget)
        else:
            widget.hide()  # until the fields are built

    def set_locked(self, locked: bool) -> None:
        """An approved meeting: every field read-only (a correction is the way to change it);
        its text can still be selected and copied."""
        self.flush()
        self._locked = locked
        if self._built:
            self._show_locked()

    def _show_locked(self) -> None:
        locked = self._locked
        fields = (self.title, self.access, self.public_title, self.case_id, self.presenter)
        set_read_only([*fields, self.has_start, self.start, self.duration], locked)
        for edit in self._rich_edits.values():
            set_rich_text_read_only(edit, locked)
        set_read_only(self.attachment_buttons, locked)
        self._show_chosen_attachment()
        no_edits = QAbstractItemView.EditTrigger.NoEditTriggers
        self.attachments.setEditTriggers(no_edits if locked else self._attachment_edit_triggers)
        self.attachments.takes_files = not locked

    def focus_title(self) -> None:
        """The cursor in the shown item's title, its text selected: typing replaces it."""
        if self.item_id is None or self._locked:
            return
        self.ensureWidgetVisible(self.title)
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.title.selectAll()

    def least_width(self) -> int:
        """The width at which the item's fields need no sideways scrolling."""
        page = self.widget()
        fields = page.minimumSizeHint().width() if page is not None else 0
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return fields + scroll_bar + 2 * self.frameWidth()

    def reveal(self, item_id: int, find: Callable[[str], str | None]) -> None:
        """The first of the item's texts in which `find` finds something (what a search
        matched) is chosen and scrolled into view, also while the fields take their heights
        (as they are laid out, just after the item is shown); nothing found: the item's top."""
        self._forget_revealed()
        if item_id != self.item_id or self.widget() is None:
            return
        for rich in self._rich_edits.values():
            edit = rich.text_edit
            found = find(edit.toPlainText())
            cursor = edit.document().find(found) if found else None
            if cursor is not None and not cursor.isNull():
                edit.setTextCursor(cursor)
                edit.ensureCursorVisible()
                self._revealed = edit
                self._scroll_to_revealed()
                self._reveal_timer.start()
                return
        self.ensureWidgetVisible(self.title)

    def _scroll_to_revealed(self) -> None:
        page, edit = self.widget(), self._revealed
        if page is None or edit is None:
            return
        at = edit.viewport().mapTo(page, edit.cursorRect().center())
        self.ensureVisible(at.x(), at.y(), 20, self.viewport().height() // 3)

    def _forget_revealed(self) -> None:
        self._revealed = None
        self._reveal_timer.stop()

    def _item_added(self, item_id: int) -> None:
        self._added_item = item_id

    def _edit_done(self) -> None:
        """A new item, shown now, gets the cursor in its title. An item an undo brings back
        does not (the undo is then there to redo): Delete again must delete the item."""
        added, self._added_item = self._added_item, None
        if added is not None and added == self.item_id and not self.session.undo_stack.canRedo():
            self.focus_title()

    # Showing an item

    def show_item(self, item: Item | None) -> None:
        self.flush()
        self._forget_revealed()  # another item: its fields may be built anew
        if not self._built:
            if item is None:
                return
            self._build()
        self.item_id = item.id if item is not None else None
        layout = self.items.open_meeting.layout
        if self._layout != layout:
            self._build_sections(layout)
        page = self.widget()
        if page is not None:
            page.setEnabled(item is not None)
        self._show_locked()
        self._loading = True
        self._fill(item or Item(meeting_id=0, title=""))
        self._loading = False
        self._attachments_changed(self.item_id or 0)
        if item is None:
            self.heading.setText(self.tr("No item chosen"))

    def _fill(self, item: Item) -> None:
        row = self.items.agenda_model.row_of(item.id or -1)
        number = self.items.agenda_model.number_of_row(row) if row >= 0 else ""
        self.heading.setText(self.tr("Item %1").replace("%1", str(number)))
        for field in [*FIELD_NAMES, *self._rich_edits]:
            self._show_field(item, field)

    def _show_field(self, item: Item, field: str) -> None:
        line_edits = {
            "title": self.title,
            "public_title": self.public_title,
            "case_id": self.case_id,
            "presenter": self.presenter,
        }
        if field in line_edits:
            edit = line_edits[field]
            if clean_line(edit.text()) != value_of(item, field):
                edit.setText(value_of(item, field))
        elif field in self._rich_edits:
            self._rich_edits[field].set_markdown(value_of(item, field))
        elif field == "closed":
            self.access.setCurrentIndex(1 if item.closed else 0)
            self.public_title.setEnabled(item.closed or bool(item.public_title))
        elif field in ("planned_start", "duration_minutes"):
            self._show_times(item)

    def _show_times(self, item: Item) -> None:
        self.has_start.setChecked(item.planned_start is not None)
        self.start.setEnabled(item.planned_start is not None)
        # unticked, the time the plan gives (the meeting's start, and the items before)
        start = item.planned_start or self.items.proposed_start(item.id or 0) or dt.time(17, 0)
        self.start.setTime(QTime(start.hour, start.minute))
        self.duration.setValue(item.duration_minutes or 0)

    def _field_changed(self, item_id: int, field: str) -> None:
        """After an edit, undo or redo: show the archive's value unless the user is typing."""
        if item_id != self.item_id:
            return
        item = self.items.item(item_id)
        if item is None or item_id != self.item_id or self.typing.waits(field):
            return
        self._loading = True
        self._show_field(item, field)
        self._loading = False

    def _attachments_changed(self, item_id: int) -> None:
        if self._built and item_id == (self.item_id or 0):
            found = self.session.archive.attachments.for_item(item_id) if item_id else []
            self.attachments_model.set_attachments(found)

    def _check_case_id(self, text: str) -> None:
        warning = self.items.case_id_warning(text)
        self.case_id_warning.setText(warning)
        self.case_id_warning.setVisible(bool(warning))

    # Edits

    def _edit_soon(self, field: str, value: Callable[[], Any]) -> None:
        if self._loading or self.item_id is None or self._locked:
            return
        self.typing.hold(field, value)

    def _edit_now(self, field: str, value: Any) -> None:
        if self._loading or self.item_id is None or self._locked:
            return
        self.flush()
        self.items.edit_item_field(self.item_id, field, value)

    def _start_ticked(self, ticked: bool) -> None:
        """Ticked, the time proposed is the plan's as it is now (the meeting's start or an
        earlier item's time may have changed since the item was shown)."""
        proposed = self.items.proposed_start(self.item_id or 0)
        if ticked and proposed is not None and not self._loading:
            blocked = self.start.blockSignals(True)
            self.start.setTime(QTime(proposed.hour, proposed.minute))
            self.start.blockSignals(blocked)
        self._planned_start_edited()

    def _planned_start_edited(self) -> None:
        self.start.setEnabled(self.has_start.isChecked())
        time = self.start.time()
        value = dt.time(time.hour(), time.minute()) if self.has_start.isChecked() else None
        self._edit_now("planned_start", value)

    def flush(self) -> None:
        """Commit what has been typed and not yet committed."""
        if self._built:
            self.start.commit_typing()
        pending = self.typing.take()
        if self.item_id is not None:
            for field, value in pending.items():
                self.items.edit_item_field(self.item_id, field, value())
        self.flushed.emit()

    # Attachments

    def add_attachments(self) -> None:
        if self.item_id is not None and not self._locked:
            self.add_attachment_files(prompts.choose_files_to_attach(self))

    def add_attachment_files(self, paths: list[Path]) -> None:
        """Files chosen, or dropped on the list, copied into the archive as attachments."""
        if self.item_id is None or self._locked or not paths:
            return
        progress = QProgressDialog(self.tr("Copying attachments…"), "", 0, 2 * len(paths), self)
        progress.setCancelButton(None)
        progress.setMinimumDuration(400)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.attachment_edits.add_attachments(self.item_id, paths, progress.setValue)
        progress.close()

    def _chosen_attachment(self) -> Any:
        rows = self.attachments.selectionModel().selectedRows()
        row = rows[0].row() if rows else self.attachments.currentIndex().row()
        return self.attachments_model.attachment_at(row)

    def open_attachment(self) -> None:
        attachment = self._chosen_attachment()
        if attachment is None:
            return
        try:
            path = self.attachment_edits.attachment_file(attachment)
        except (OSError, StoreError) as error:
            self.session.report_failure(self.tr("Open attachment"), error)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _edit_attachment(self, attachment: Any, field: str, value: Any) -> None:
        if not self._locked:
            self.attachment_edits.edit_attachment(attachment, field, value)

    def remove_attachment(self) -> None:
        attachment = self._chosen_attachment()
        if attachment is not None and attachment.id is not None and not self._locked:
            self.attachment_edits.delete_attachment(attachment.id)
