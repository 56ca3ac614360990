"""Create or change a committee: name, kind, period, place, numbering, members, standing items,
decision phrases, Word template and item layout (punktopbygning), on three tabs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from secretary_app.core.item_layout import (
    BUILT_IN_LAYOUTS,
    DEFAULT_LAYOUT,
    ItemLayout,
    SectionKind,
)
from secretary_app.core.model import (
    DEFAULT_DECISION_PHRASES,
    Committee,
    CommitteeKind,
    Member,
    MemberRole,
    Numbering,
    StandingItem,
)
from secretary_app.core.text import MAX_LINE, clean_line
from secretary_app.ui import prompts
from secretary_app.ui.layout_editor import LayoutEditor
from secretary_app.ui.phrase_list_editor import PhraseListEditor
from secretary_app.ui.screen_fit import resize_within_screen
from secretary_app.ui.template_chooser import TemplateChooser

Stranded = Callable[[ItemLayout, dict[str, str]], dict[str, int]]
STORED_ID = Qt.ItemDataRole.UserRole  # on a row's first cell: the id of the row it was read from
NO_DATE = QDate(1900, 1, 1)  # shown as nothing: the date fields' minimum


def role_names() -> dict[MemberRole, str]:
    return {
        MemberRole.CHAIR: QCoreApplication.translate("CommitteeDialog", "Chair (formand)"),
        MemberRole.VICE_CHAIR: QCoreApplication.translate(
            "CommitteeDialog", "Vice chair (næstformand)"
        ),
        MemberRole.MEMBER: QCoreApplication.translate("CommitteeDialog", "Member"),
        MemberRole.CITIZEN_MEMBER: QCoreApplication.translate("CommitteeDialog", "Citizen member"),
        MemberRole.OFFICIAL: QCoreApplication.translate("CommitteeDialog", "Official"),
    }


class _ChoiceDelegate(QStyledItemDelegate):
    """Edits a column with a combo box of fixed choices (the members' roles)."""

    def __init__(self, choices: list[str], parent: QWidget) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent, option, index):  # type: ignore[no-untyped-def]
        combo = QComboBox(parent)
        combo.addItems(self.choices)
        return combo

    def setEditorData(self, editor, index):  # type: ignore[no-untyped-def]
        editor.setCurrentText(index.data())

    def setModelData(self, editor, model, index):  # type: ignore[no-untyped-def]
        model.setData(index, editor.currentText())


class CommitteeDialog(QDialog):
    """`exec()` is Accepted only when there is something to write: OK on a dialog whose fields
    say what they said when it opened closes it as Rejected, so nothing is written."""

    def __init__(
        self,
        committee: Committee | None,
        members: list[Member],
        standing_items: list[StandingItem],
        parent: QWidget | None = None,
        template: Path | None = None,
        phrases: list[str] | None = None,
        suggestions: Callable[[], list[str]] | None = None,
        item_layout: ItemLayout = DEFAULT_LAYOUT,
        layout_choices: Mapping[str, ItemLayout] = BUILT_IN_LAYOUTS,
        texts: Callable[[str], int] = lambda _key: 0,
        stranded: Stranded = lambda _layout, _moves: {},
    ) -> None:
        """`texts(key)`: how many items of the committee's unapproved meetings hold text in the
        section with that key (asked before such a section is removed); `stranded(layout,
        moves)`: the sections that would still lose their text (the store's own count, asked
        once more before OK)."""
        super().__init__(parent)
        self.committee = committee or Committee(name="")
        self._first_layout, self._stranded = item_layout, stranded
        self._more_moves: dict[str, str] = {}
        self._template = template
        self.setWindowTitle(self.tr("Committee"))
        self.roles = role_names()
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_committee_tab(members), self.tr("&Committee"))
        self.tabs.addTab(
            self._build_agenda_tab(standing_items, phrases, suggestions), self.tr("&Agenda")
        )
        self.item_layout = LayoutEditor(item_layout, layout_choices, texts, self)
        self.tabs.addTab(self.item_layout, self.tr("Item &layout"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        resize_within_screen(self, 780, 540)
        self.name.setFocus()
        self._as_opened = self._contents()

    def _build_committee_tab(self, members: list[Member]) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addLayout(self._build_form())
        layout.addWidget(QLabel(self.tr("Members"), page))
        layout.addWidget(self._build_members(members), 1)
        return page

    def _build_agenda_tab(
        self,
        standing_items: list[StandingItem],
        phrases: list[str] | None,
        suggestions: Callable[[], list[str]] | None,
    ) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addLayout(self._build_lists(standing_items, phrases, suggestions))
        return page

    # Form

    def _build_form(self) -> QFormLayout:
        c = self.committee
        form = QFormLayout()
        self.name = QLineEdit(c.name, self)
        self.name.setMaxLength(MAX_LINE)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Standing committee"), CommitteeKind.STANDING)
        self.kind.addItem(self.tr("Task committee (opgaveudvalg)"), CommitteeKind.TASK)
        self.kind.setCurrentIndex(1 if c.kind is CommitteeKind.TASK else 0)
        self.starts_on, self.ends_on = self._date_edit(c.starts_on), self._date_edit(c.ends_on)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.location = QLineEdit(c.default_location, self)
        self.location.setMaxLength(MAX_LINE)
        self.numbering = QComboBox(self)
        self.numbering.addItem(self.tr("Each meeting from 1"), Numbering.PER_MEETING)
        self.numbering.addItem(self.tr("On from the previous meeting"), Numbering.CONTINUOUS)
        self.numbering.setCurrentIndex(1 if c.numbering is Numbering.CONTINUOUS else 0)
        self.template = TemplateChooser(
            self._template, self.tr("The template for all committees"), self
        )
        for label, widget in (
            (self.tr("&Name"), self.name),
            (self.tr("&Kind"), self.kind),
            (self.tr("Starts on"), self.starts_on),
            (self.tr("Ends on"), self.ends_on),
            (self.tr("Default meeting &place"), self.location),
            (self.tr("Item n&umbering"), self.numbering),
            (self.tr("Word template"), self.template),
        ):
            widget.setAccessibleName(label.replace("&", ""))
            form.addRow(label, widget)
        self._kind_changed()
        return form

    def _date_edit(self, value: dt.date | None) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d. MMMM yyyy")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(" ")  # no date set: nothing, rather than a made-up one
        edit.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)
        return edit

    def _kind_changed(self) -> None:
        task = self.kind.currentData() == CommitteeKind.TASK
        self.starts_on.setEnabled(task)
        self.ends_on.setEnabled(task)

    # Members and standing items

    def _build_members(self, members: list[Member]) -> QWidget:
        self.members_model = QStandardItemModel(0, 3, self)
        self.members_model.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Role"), self.tr("Party or organisation")]
        )
        for member in members:
            self._append_member(member.name, self.roles[member.role], member.party)
            self.members_model.item(self.members_model.rowCount() - 1).setData(member.id, STORED_ID)
        view = self._table(self.members_model, self.tr("Members"))
        view.setItemDelegateForColumn(1, _ChoiceDelegate(list(self.roles.values()), view))
        return self._with_buttons(
            view, lambda: self._append_member("", self.roles[MemberRole.MEMBER], "", edit=view)
        )

    def _append_member(
        self, name: str, role: str, party: str, edit: QTableView | None = None
    ) -> None:
        self.members_model.appendRow(
            [QStandardItem(name), QStandardItem(role), QStandardItem(party)]
        )
        if edit is not None:
            _edit_last_row(edit)

    def _build_lists(
        self,
        standing_items: list[StandingItem],
        phrases: list[str] | None,
        suggestions: Callable[[], list[str]] | None,
    ) -> QHBoxLayout:
        """Standing items and decision phrases, side by side."""
        row = QHBoxLayout()
        standing = QVBoxLayout()
        standing.addWidget(QLabel(self.tr("Standing items (every new meeting gets them)"), self))
        standing.addWidget(self._build_standing(standing_items))
        self.phrases = PhraseListEditor(
            list(phrases or DEFAULT_DECISION_PHRASES), suggestions, self
        )
        chosen = QVBoxLayout()
        chosen.addWidget(QLabel(self.tr("Decision phrases (Alt+1 … Alt+9 in meeting mode)"), self))
        chosen.addWidget(self.phrases)
        row.addLayout(standing, 1)
        row.addLayout(chosen, 1)
        return row

    def _build_standing(self, items: list[StandingItem]) -> QWidget:
        self.standing_model = QStandardItemModel(0, 2, self)
        self.standing_model.setHorizontalHeaderLabels([self.tr("Title"), self.tr("Closed")])
        for item in items:
            self._append_standing(item.title, item.closed)
            self.standing_model.item(self.standing_model.rowCount() - 1).setData(item.id, STORED_ID)
        view = self._table(self.standing_model, self.tr("Standing items"))
        return self._with_buttons(view, lambda: self._append_standing("", False, edit=view))

    def _append_standing(self, title: str, closed: bool, edit: QTableView | None = None) -> None:
        check = QStandardItem()
        check.setCheckable(True)
        check.setCheckState(Qt.CheckState.Checked if closed else Qt.CheckState.Unchecked)
        self.standing_model.appendRow([QStandardItem(title), check])
        if edit is not None:
            _edit_last_row(edit)

    def _table(self, model: QStandardItemModel, name: str) -> QTableView:
        view = QTableView(self)
        view.setModel(model)
        view.setAccessibleName(name)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(True)
        view.verticalHeader().hide()
        return view

    def _with_buttons(self, view: QTableView, add: Callable[[], None]) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(view)
        row = QHBoxLayout()
        add_button, remove_button = (
            QPushButton(self.tr("Add"), box),
            QPushButton(self.tr("Remove"), box),
        )
        add_button.clicked.connect(add)
        remove_button.clicked.connect(lambda: _remove_current(view))
        row.addWidget(add_button)
        row.addWidget(remove_button)
        row.addStretch()
        layout.addLayout(row)
        return box

    # Result

    def accept(self) -> None:
        if not clean_line(self.name.text()):
            self.tabs.setCurrentIndex(0)
            prompts.show_error(self, self.tr("The committee needs a name."))
            return
        problem = self.item_layout.problem()
        if problem:
            self.tabs.setCurrentWidget(self.item_layout)
            prompts.show_error(self, self.tr("The item layout: %1").replace("%1", problem))
            return
        if not self.has_changes():
            self.done(QDialog.DialogCode.Rejected)
            return
        committee = self.result_committee()
        if committee.starts_on and committee.ends_on and committee.ends_on < committee.starts_on:
            prompts.show_error(self, self.tr("The committee cannot end before it starts."))
            return
        if not self._place_stranded_texts():
            self.tabs.setCurrentWidget(self.item_layout)
            return
        super().accept()

    def _place_stranded_texts(self) -> bool:
        """Ask where the text of any section the layout still leaves without a place goes;
        False when the secretary cancels (the dialog stays, with all that was typed)."""
        layout, moves = self.result_layout(), self.item_layout.moves()
        targets = [(s.key, s.name) for s in layout.sections if s.kind is not SectionKind.DECISION]
        self._more_moves = {}
        for key, count in self._stranded(layout, moves).items():
            section = self._first_layout.section(key)
            name = section.name if section else key
            target = (
                prompts.choose_section_for_text(self, name, count, targets) if targets else None
            )
            if target is None:
                return False
            self._more_moves[key] = target
        return True

    def has_changes(self) -> bool:
        """Whether anything would be written: the fields say other than when the dialog opened."""
        return self._contents() != self._as_opened

    def _contents(self) -> tuple[object, ...]:
        return (
            self.result_committee(),
            self.result_members(),
            self.result_standing_items(),
            self.result_phrases(),
            self.result_template(),
            self.result_layout(),
            self.result_saved_layouts(),
        )

    def result_committee(self) -> Committee:
        task = self.kind.currentData() == CommitteeKind.TASK
        return Committee(
            name=clean_line(self.name.text()),
            kind=CommitteeKind(self.kind.currentData()),
            starts_on=_chosen_date(self.starts_on) if task else None,
            ends_on=_chosen_date(self.ends_on) if task else None,
            default_location=clean_line(self.location.text()),
            numbering=Numbering(self.numbering.currentData()),
            id=self.committee.id,
        )

    def result_template(self) -> Path | None:
        return self.template.path

    def result_layout(self) -> ItemLayout:
        return self.item_layout.item_layout()

    def result_moves(self) -> dict[str, str]:
        """Where the text of each removed section goes: removed key -> kept key."""
        return self.item_layout.moves() | self._more_moves

    def result_saved_layouts(self) -> dict[str, ItemLayout | None]:
        return self.item_layout.saved_layouts()

    def result_phrases(self) -> list[str]:
        """The committee's own decision phrases; empty: it follows the standard list."""
        return self.phrases.phrases()

    def result_members(self) -> list[Member]:
        """The members in their order, each as the store keeps it (its position and, for one
        read from the store, its id)."""
        by_name = {name: role for role, name in self.roles.items()}
        members: list[Member] = []
        for row in range(self.members_model.rowCount()):
            name, role, party = (self.members_model.item(row, c).text() for c in range(3))
            if clean_line(name):
                members.append(
                    Member(
                        committee_id=self.committee.id or 0,
                        name=clean_line(name),
                        role=by_name.get(role, MemberRole.MEMBER),
                        party=clean_line(party),
                        position=len(members),
                        id=self.members_model.item(row, 0).data(STORED_ID),
                    )
                )
        return members

    def result_standing_items(self) -> list[StandingItem]:
        items: list[StandingItem] = []
        for row in range(self.standing_model.rowCount()):
            title = clean_line(self.standing_model.item(row, 0).text())
            closed = self.standing_model.item(row, 1).checkState() == Qt.CheckState.Checked
            stored_id = self.standing_model.item(row, 0).data(STORED_ID)
            if title:
                items.append(
                    StandingItem(self.committee.id or 0, title, closed, len(items), stored_id)
                )
        return items


def _chosen_date(edit: QDateEdit) -> dt.date | None:
    """The date in the field; None while it shows "no date"."""
    date = edit.date()
    return None if date == edit.minimumDate() else date.toPython()  # type: ignore[return-value]


def _edit_last_row(view: QTableView) -> None:
    """The new row's first cell, current and open for typing: Tab goes on along that row."""
    model = view.model()
    index = model.index(model.rowCount() - 1, 0)
    view.setCurrentIndex(index)
    view.edit(index)


def _remove_current(view: QTableView) -> None:
    row = view.currentIndex().row()
    if row >= 0:
        view.model().removeRow(row)
