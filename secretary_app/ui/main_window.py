"""The main window: committees and meetings, the chosen agenda, the chosen item.

Dialogs are imported when they are opened: the window starts sooner (benchmarks/startup.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from secretary_app.core.agenda_templates import (
    items_from_earlier_agenda,
    items_from_standing,
    with_approval_item,
)
from secretary_app.core.danish_dates import short_date
from secretary_app.core.item_layout import ItemLayout, SectionKind
from secretary_app.core.model import Committee, Item
from secretary_app.store.archive import Archive
from secretary_app.store.committee_setup import CommitteeSetup, read_setup
from secretary_app.store.templates import set_template, template_for
from secretary_app.ui import preferences, prompts
from secretary_app.ui.archive_session import ArchiveSession, damage_found, offer_newest_backup
from secretary_app.ui.attachment_edits import AttachmentEdits
from secretary_app.ui.commands import DeleteAttachment, DeleteItem, DeleteMeeting
from secretary_app.ui.committee_tree import CommitteeTree
from secretary_app.ui.committee_tree_model import CommitteeTreeModel
from secretary_app.ui.edit_session import EditSession
from secretary_app.ui.item_editor import ItemEditor
from secretary_app.ui.item_edits import ItemEdits
from secretary_app.ui.meeting_actions import MeetingActions
from secretary_app.ui.meeting_edits import MeetingEdits
from secretary_app.ui.meeting_panel import MeetingPanel
from secretary_app.ui.panes import Panes
from secretary_app.ui.paths import log_file
from secretary_app.ui.preferences import restore_window, save_window
from secretary_app.ui.record_actions import RecordActions
from secretary_app.ui.start_page import StartPage
from secretary_app.ui.unexpected import logger

if TYPE_CHECKING:  # types only: each Qt class costs milliseconds the first time it is named
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeyEvent, QUndoCommand
    from PySide6.QtWidgets import QDockWidget, QMenu

    from secretary_app.core.search_query import SearchTerms
    from secretary_app.ui.committee_dialog import CommitteeDialog
    from secretary_app.ui.guide import GuideDialog
    from secretary_app.ui.meeting_dialog import NewMeetingDialog
    from secretary_app.ui.search_pane import SearchPane


UNDO_HINT_MS = 15_000


class GlobalUndoKeys(QObject):
    """Ctrl+Z / Ctrl+Y go to the window's undo stack, not to a text field's own history.

    Installed on each widget of the window as it gets the focus, rather than on the
    application: an application-wide Python filter makes PySide build a Python type for
    every Qt class it sees, which slows the first paint.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            key_event = cast("QKeyEvent", event)  # a shortcut override is always a key event
            keys = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
            if any(key_event.matches(key) for key in keys):
                event.ignore()
                return True
        return False


class MainWindow(QMainWindow):
    def __init__(self, archive: Archive) -> None:
        super().__init__()
        self.archive = archive
        self.session = EditSession(archive, self)  # the undo stack every edit goes on
        self.meetings = MeetingEdits(self.session, self)
        self.items = ItemEdits(self.session, self.meetings, self)
        self.attachments = AttachmentEdits(self.session, self)
        self.agenda_model = self.meetings.agenda_model
        self.tree_model = CommitteeTreeModel(archive, self)
        self.setWindowTitle(self.tr("Meeting secretary"))
        self._build_panes()
        self._build_actions()
        self._connect()
        self.record_actions = RecordActions(self, self.session, self.meetings)
        self.record_actions.statusMessage.connect(self.statusBar().showMessage)
        self.record_actions.lockChanged.connect(self.item_editor.set_locked)
        self.record_actions.lockChanged.connect(self.meeting_panel.set_locked)
        self.record_actions.lockChanged.connect(self._enable_agenda_actions)
        self._build_meeting_actions()
        self._place_menus()
        self._undo_keys = GlobalUndoKeys(self)
        application = QApplication.instance()
        assert isinstance(application, QApplication)
        application.focusChanged.connect(self._route_undo_keys)
        self.statusBar().showMessage(self.tr("Archive: %1").replace("%1", str(archive.path or "")))
        self.read_only, self.read_only_reason = False, ""
        self.reopen_requested = False  # closed to open the archive anew (after a restore)
        self._guide: GuideDialog | None = None
        self._state_before_meeting = Qt.WindowState.WindowNoState
        self._geometry_before_meeting = QByteArray()
        self.read_only_label = QLabel(self)
        self.read_only_label.setVisible(False)
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.busy_label = QLabel(self)
        self.busy_label.setStyleSheet("color: #a4262c; font-weight: bold")
        self.busy_label.setVisible(False)
        self.statusBar().addPermanentWidget(self.busy_label)
        self.setAcceptDrops(True)
        self._show_start_page_when_empty()
        self._enable_for_choice(committee=False, meeting=False)
        restore_window(self)

    # Building

    def _build_meeting_actions(self) -> None:
        """The Meeting menu: attendance, meeting mode, the end time, per-item records."""
        self.meeting_actions = MeetingActions(
            self, self.session, self.meetings, self.items, self.meeting_panel, self.item_editor
        )
        self.meeting_actions.editPending.connect(lambda: self.undo_action.setEnabled(True))
        self.meeting_actions.modeChanged.connect(self._show_meeting_mode)
        self.addActions(self.meeting_actions.window_actions)  # their keys work anywhere in it
        self.record_actions.lockChanged.connect(self.meeting_actions.set_locked)

    def _place_menus(self) -> None:
        """File and Edit (built with the panes), then the parts' menus, then Help."""
        self.menuBar().addMenu(self.meeting_actions.menu)
        self.menuBar().addMenu(self.record_actions.menu)
        self._build_help_menu()

    def _show_meeting_mode(self, shown: bool) -> None:
        """Meeting mode fills the screen (F11, as in other Windows programs); left, the window
        is as it was."""
        view = self.meeting_actions.view
        if shown:
            self._state_before_meeting = self.windowState()
            self._geometry_before_meeting = self.saveGeometry()  # before the view may widen it
            if self.pages.indexOf(view) < 0:
                self.pages.addWidget(view)
            self.pages.setCurrentWidget(view)
            self.showFullScreen()
        else:
            self.pages.setCurrentWidget(self.panes)
            self.pages.removeWidget(view)  # its least size is not the window's any more
            view.hide()
            self.setWindowState(self._state_before_meeting)
            if self._state_before_meeting == Qt.WindowState.WindowNoState:
                # where and as large as it was, once the window has left full screen (the
                # meeting mode's least size may have widened its normal size on the way in)
                saved = self._geometry_before_meeting
                QTimer.singleShot(0, self, lambda: self.restoreGeometry(saved))

    def _build_panes(self) -> None:
        self.tree = CommitteeTree(self.tree_model, self)
        self.tree.setAccessibleName(self.tr("Committees and meetings"))
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        self._build_search(left, left_layout)
        left_layout.addWidget(QLabel(self.tr("Committees and meetings"), left))
        left_layout.addWidget(self.tree, 1)
        buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.new_committee_button = QPushButton(self.tr("New committee…"), left)
        self.new_meeting_button = QPushButton(self.tr("New meeting…"), left)
        buttons.addWidget(self.new_committee_button)
        buttons.addWidget(self.new_meeting_button)
        left_layout.addLayout(buttons)
        self.meeting_panel = MeetingPanel(self.session, self.meetings, self.items, self)
        self.item_editor = ItemEditor(self.session, self.items, self.attachments, self)
        splitter = Panes(left, self.tree, buttons, self.meeting_panel, self.item_editor, self)
        self.panes, self.left_pane = splitter, left
        self.start_page = StartPage(self.archive.path, self)
        self.start_page.newCommitteeRequested.connect(self.new_committee)
        self.start_page.exampleRequested.connect(self.open_example)
        self.start_page.loadRequested.connect(self.load_meeting_files)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.start_page)
        self.pages.addWidget(splitter)
        self.setCentralWidget(self.pages)

    def _show_start_page_when_empty(self) -> None:
        if self.pages.currentWidget() not in (self.start_page, self.panes):
            return  # meeting mode
        empty = self.tree_model.rowCount() == 0
        self.pages.setCurrentWidget(self.start_page if empty else self.panes)

    def _build_search(self, left: QWidget, layout: QVBoxLayout) -> None:
        """Search across the archive in a dock beside the panes, as wide as the left two; made
        when first wanted (the window appears sooner)."""
        self.search_button = QPushButton(self.tr("Search the archive… (Ctrl+F)"), left)
        self.search_button.clicked.connect(self.show_search)
        layout.addWidget(self.search_button)
        self.search_dock: QDockWidget | None = None

    def show_search(self) -> None:
        pane = self._search_pane()
        pane.reload_filters()
        dock = self.search_dock
        assert dock is not None
        self._step_aside_for_search()
        dock.show()
        room = self.width() - self.panes.minimumSizeHint().width()
        width = max(dock.minimumSizeHint().width(), min(max(380, self.width() * 3 // 10), room))
        self.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
        pane.focus_field()

    def _step_aside_for_search(self) -> None:
        """The search takes the tree's place; on a small screen (150 % on a laptop) the item's
        too, until a hit is chosen. The window's layout is told at once, or it makes room for
        them beside the search."""
        self.left_pane.hide()
        self.item_editor.setHidden(not self._room_beside_the_search())
        for layout in (self.pages.layout(), self.layout()):  # the pages', then the window's
            if layout is not None:
                layout.invalidate()
                layout.activate()

    def _search_pane(self) -> SearchPane:
        from PySide6.QtWidgets import QDockWidget

        from secretary_app.ui.search_pane import SearchPane

        if self.search_dock is None:
            pane = SearchPane(self.archive.search, self.archive.committees, self)
            dock = QDockWidget(self.tr("Search"), self)
            dock.setObjectName("search_dock")
            dock.setWidget(pane)
            dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
            dock.toggleViewAction().setVisible(False)  # opened by Ctrl+F, which makes room
            self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
            dock.visibilityChanged.connect(self._search_shown)
            pane.hitChosen.connect(self._open_hit)
            pane.dismissed.connect(dock.hide)
            self.search_dock = dock
        shown = self.search_dock.widget()
        assert isinstance(shown, SearchPane)
        return shown

    @property
    def search_pane(self) -> SearchPane:
        return self._search_pane()

    def _room_beside_the_search(self) -> bool:
        """Whether the agenda and the item have room beside the search pane."""
        assert self.search_dock is not None
        needed = (
            self.search_dock.minimumSizeHint().width()
            + self.meeting_panel.minimumSizeHint().width()
            + self.item_editor.least_width()
            + 2 * self.panes.handleWidth()
        )
        return self.width() >= needed

    def _search_shown(self, shown: bool) -> None:
        if not shown:  # the panes that stepped aside come back
            self.left_pane.show()
            self.item_editor.show()

    def _open_hit(self, meeting_id: int, item_id: int, terms: SearchTerms) -> None:
        """The hit's meeting and item, the item's text scrolled to what the search found."""
        from secretary_app.core.search_query import first_match

        self.open_meeting(meeting_id)
        self.meeting_panel.select_item(item_id)
        if self.search_dock is not None and not self._room_beside_the_search():
            self.search_dock.hide()  # a small screen: the item in the search's place
        self.item_editor.show()  # back, where the window has grown since the search opened
        find = partial(first_match, terms=terms)
        QTimer.singleShot(0, self.item_editor, lambda: self.item_editor.reveal(item_id, find))

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_committee_action = self._action(
            file_menu, self.tr("New &committee…"), self.new_committee
        )
        self.edit_committee_action = self._action(
            file_menu, self.tr("&Edit committee…"), self.edit_committee
        )
        self.new_meeting_action = self._action(
            file_menu, self.tr("New &meeting…"), self.new_meeting, "Ctrl+Shift+N"
        )
        self.load_meeting_action = self._action(
            file_menu,
            self.tr("&Load meeting from file…"),
            lambda: self.load_meeting_files(),
            "Ctrl+O",
        )
        self._action(file_menu, self.tr("&Find…"), self.show_search, "Ctrl+F")
        self.delete_meeting_action = self._action(
            file_menu, self.tr("&Delete meeting…"), self.delete_meeting
        )
        file_menu.addSeparator()
        self.documents_action = self._action(
            file_menu, self.tr("&Agenda and minutes…"), self.show_documents, "Ctrl+P"
        )
        self.documents_action.setShortcuts([QKeySequence("Ctrl+P"), QKeySequence("Ctrl+E")])
        file_menu.addSeparator()
        self.settings_action = self._action(file_menu, self.tr("&Settings…"), self.edit_settings)
        self.restore_action = self._action(
            file_menu, self.tr("&Restore from a backup…"), self.restore_from_backup
        )
        file_menu.addSeparator()
        self._action(file_menu, self.tr("E&xit"), self.close, QKeySequence.StandardKey.Quit)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self._action(
            edit_menu, self.tr("&Undo"), self.session.undo, QKeySequence.StandardKey.Undo
        )
        self.redo_action = self._action(edit_menu, self.tr("&Redo"), self.session.redo)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        edit_menu.addSeparator()
        panel = self.meeting_panel
        self.new_item_action = self._action(
            edit_menu, self.tr("&New item"), panel.add_item, "Ctrl+N"
        )
        self.delete_item_action = self._action(
            edit_menu, self.tr("&Delete item"), panel.delete_current
        )
        self.move_up_action = self._action(
            edit_menu, self.tr("Move item &up"), lambda: panel.move_current(-1), "Alt+Up"
        )
        self.move_down_action = self._action(
            edit_menu, self.tr("Move item d&own"), lambda: panel.move_current(+1), "Alt+Down"
        )
        edit_menu.addSeparator()
        self.postpone_action = self._action(
            edit_menu, self.tr("Move to ne&xt meeting"), self.postpone_current
        )

    def _build_help_menu(self) -> None:
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.guide_action = self._action(
            help_menu, self.tr("&Guide"), self.show_guide, QKeySequence.StandardKey.HelpContents
        )
        self._action(help_menu, self.tr("&About"), self.about)

    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        keys: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _connect(self) -> None:
        stack = self.session.undo_stack
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self._undo_index = stack.index()
        stack.indexChanged.connect(self._saved)
        self.session.failed.connect(lambda message: prompts.show_error(self, message))
        self.session.archiveBusy.connect(self._show_archive_busy)
        self.meetings.meetingFieldChanged.connect(
            lambda meeting_id, _: self._meeting_changed(meeting_id)
        )
        self.meetings.meetingsChanged.connect(
            lambda committee_id, meeting_id: self._reload_tree(meeting_id or None, committee_id)
        )
        self.meetings.committeesChanged.connect(self._committee_changed)
        self.tree.selectionModel().currentChanged.connect(self._tree_choice)
        for signal in (
            self.tree_model.modelReset,
            self.tree_model.rowsInserted,
            self.tree_model.rowsRemoved,
        ):
            signal.connect(self._show_start_page_when_empty)
        self.tree.expanded.connect(self.tree_model.fetchMore)  # also while the view is hidden
        self.meetings.meetingOpened.connect(self._show_in_tree)
        self.item_editor.editPending.connect(lambda: self.undo_action.setEnabled(True))
        self.meeting_panel.editPending.connect(lambda: self.undo_action.setEnabled(True))
        self.item_editor.flushed.connect(lambda: self.undo_action.setEnabled(stack.canUndo()))
        self.meeting_panel.itemChosen.connect(self.item_editor.show_item)
        self.new_committee_button.clicked.connect(self.new_committee)
        self.new_meeting_button.clicked.connect(self.new_meeting)

    # Meetings

    def open_meeting(self, meeting_id: int) -> None:
        index = self.tree_model.index_of_meeting(meeting_id)
        if index.isValid():
            self._select_in_tree(index)
        else:
            self.meetings.open_meeting(meeting_id)

    def select_latest_meeting(self) -> None:
        latest = self.tree_model.latest_meeting()
        if latest is not None:
            self.open_meeting(latest.id)

    def _tree_choice(self, current: QModelIndex, _previous: QModelIndex) -> None:
        meeting = self.tree_model.meeting_at(current)
        committee = self.tree_model.committee_at(current)
        self._enable_for_choice(committee is not None, meeting is not None)
        wanted = meeting.id if meeting is not None else None
        current_id = self.meetings.meeting.id if self.meetings.meeting else None
        if wanted != current_id:
            self.meetings.open_meeting(wanted)

    def _enable_for_choice(self, committee: bool, meeting: bool) -> None:
        """What needs a committee or a meeting chosen in the tree."""
        writable = not self.read_only
        self.edit_committee_action.setEnabled(committee and writable)
        self.new_meeting_action.setEnabled(committee and writable)
        self.new_meeting_button.setEnabled(committee and writable)
        self.delete_meeting_action.setEnabled(meeting and writable)

    def _enable_agenda_actions(self, locked: bool) -> None:
        """Approved minutes: the agenda's items can be neither added, moved nor postponed."""
        for action in (
            self.new_item_action,
            self.delete_item_action,
            self.move_up_action,
            self.move_down_action,
            self.postpone_action,
        ):
            action.setEnabled(not locked and not self.read_only)

    def _show_in_tree(self, meeting_id: int) -> None:
        index = self.tree_model.index_of_meeting(meeting_id)
        if index.isValid() and index != self.tree.currentIndex():
            self._select_in_tree(index)

    def _select_in_tree(self, index: QModelIndex) -> None:
        if index.parent().isValid():
            self.tree.expand(index.parent())
        self.tree.setCurrentIndex(index)

    def _reload_tree(self, meeting_id: int | None = None, committee_id: int | None = None) -> None:
        """Read the tree again, keeping the committees that were open open."""
        model = self.tree_model
        expanded = [
            model.committee_at(i) for i in model.committee_indexes() if self.tree.isExpanded(i)
        ]
        model.reload()
        for committee in filter(None, expanded):
            self.tree.expand(model.index_of_committee(committee.id or 0))
        index = model.index_of_meeting(meeting_id) if meeting_id else QModelIndex()
        if not index.isValid():
            index = model.index_of_committee(committee_id or 0)
        if index.isValid():
            self._select_in_tree(index)

    def load_meeting_files(self, paths: list[Path] | None = None) -> None:
        """Add the meetings in exchange files (asked for when not given) and show the last."""
        chosen = paths if paths is not None else prompts.choose_meeting_files(self)
        if chosen and not self.read_only:
            from secretary_app.ui.meeting_loading import load_meetings

            self._show_added_meeting(load_meetings(self, self.archive, chosen))

    def open_example(self) -> None:
        from secretary_app.ui.meeting_loading import add_example

        self._show_added_meeting(add_example(self, self.archive))

    def _show_added_meeting(self, meeting_id: int | None) -> None:
        if meeting_id is not None:
            self._reload_tree(meeting_id)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from secretary_app.ui.meeting_loading import meeting_files

        mime = event.mimeData()
        if not self.read_only and mime.hasUrls() and meeting_files(mime.urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        from secretary_app.ui.meeting_loading import meeting_files

        paths = meeting_files(event.mimeData().urls())
        if paths:
            event.acceptProposedAction()
            self.load_meeting_files(paths)

    def _chosen_committee(self) -> Committee | None:
        return self.tree_model.committee_at(self.tree.currentIndex())

    def new_meeting(self) -> None:
        committee = self._chosen_committee()
        if committee is None or committee.id is None:
            prompts.show_error(self, self.tr("Choose the committee the meeting belongs to."))
            return
        earlier = self.archive.meetings.for_committee(committee.id)
        from secretary_app.ui.meeting_dialog import NewMeetingDialog

        dialog = NewMeetingDialog(committee, earlier, self)
        if not dialog.exec():
            return
        meeting = dialog.result_meeting()
        meeting.first_number = self.archive.meetings.first_number_for(committee, meeting.date)
        self.meetings.add_meeting(meeting, self._first_items(dialog))

    def _first_items(self, dialog: NewMeetingDialog) -> list[Item]:
        meeting = dialog.result_meeting()
        previous = self.archive.meetings.previous(meeting.committee_id, meeting.date)
        approved = previous is None or self.archive.approvals.is_approved(previous.id or 0)
        day = previous.date if previous is not None else None
        return with_approval_item(self._agenda_source(dialog), day, approved)

    def _agenda_source(self, dialog: NewMeetingDialog) -> list[Item]:
        from secretary_app.ui.meeting_dialog import EMPTY, STANDING_ITEMS

        source = dialog.source_meeting()
        if source == STANDING_ITEMS:
            committee_id = dialog.committee.id or 0
            return items_from_standing(self.archive.committees.standing_items(committee_id))
        if source == EMPTY:
            return []
        layouts = self.archive.layouts
        earlier = self.archive.items.for_meeting(source)
        target = layouts.of_committee(dialog.committee.id or 0)
        return items_from_earlier_agenda(earlier, layouts.of_meeting(source), target)

    def delete_meeting(self) -> None:
        meeting = self.tree_model.meeting_at(self.tree.currentIndex())
        if meeting is None:
            return
        if self.archive.approvals.is_approved(meeting.id):
            prompts.show_error(self, self.tr("Approved minutes are kept; they cannot be deleted."))
            return
        question = self.tr("Delete the meeting %1 and its whole agenda? Undo brings it back.")
        if prompts.confirm(self, question.replace("%1", short_date(meeting.date))):
            self.meetings.delete_meeting(meeting.id)

    def show_documents(self) -> None:
        meeting = self.meetings.meeting
        if meeting is None or meeting.id is None:
            prompts.show_error(self, self.tr("Choose a meeting first."))
            return
        self.session.flushRequested.emit()  # typing not yet committed, in any field
        from secretary_app.ui.background import run_in_background
        from secretary_app.ui.document_output import DocumentOutput  # Word and PDF: load late
        from secretary_app.ui.documents_dialog import DocumentsDialog

        output = DocumentOutput(self.archive, self, partial(run_in_background, self))
        dialog = DocumentsDialog(output, meeting.id, self)
        dialog.agendaSaved.connect(self.record_actions.offer_to_mark_sent)
        dialog.exec()
        output.deleteLater()

    # Postponed items (issue 4)

    def postpone_current(self) -> None:
        item = self.meeting_panel.current_item()
        if item is None or item.id is None:
            return
        moved = self.items.postponed_to(item.id)
        if moved is not None:
            message = self.tr(
                "The item is moved to the meeting on %1 already. To move it again, undo the "
                "move (Ctrl+Z) or delete the item there."
            )
            prompts.show_information(self, message.replace("%1", short_date(moved.date)))
            return
        target = self.items.postpone_item(item.id)
        if target is None:
            message = self.tr(
                "The committee has no meeting after this one. Create the next meeting first, "
                "then move the item."
            )
            prompts.show_information(self, message)
            return
        done = self.tr("Moved to the meeting on %1.")
        self.statusBar().showMessage(done.replace("%1", short_date(target.date)))

    # Committees

    def new_committee(self) -> None:
        from secretary_app.ui.committee_dialog import CommitteeDialog

        layouts = self.archive.layouts
        dialog = CommitteeDialog(
            None,
            [],
            [],
            self,
            item_layout=layouts.default(),
            layout_choices=layouts.known(),
        )
        if dialog.exec():
            self.meetings.set_committee(None, self._committee_setup(dialog))

    def edit_committee(self) -> None:
        committee = self._chosen_committee()
        if committee is None or committee.id is None:
            return
        from secretary_app.ui.committee_dialog import CommitteeDialog

        old = read_setup(self.archive, committee.id)
        dialog = CommitteeDialog(
            committee,
            old.members,
            old.standing_items,
            self,
            old.template,
            phrases=self.archive.records.phrases(committee.id),
            suggestions=lambda: self.archive.records.most_used_decisions(committee.id or 0),
            item_layout=old.layout or self.archive.layouts.of_committee(committee.id),
            layout_choices=self.archive.layouts.known(),
            texts=lambda key: self._texts_in(committee.id or 0, key),
            stranded=lambda layout, moves: self.archive.layouts.stranded(
                committee.id or 0, layout, moves
            ),
        )
        if dialog.exec():
            self.meetings.set_committee(old, self._committee_setup(dialog))

    def _texts_in(self, committee_id: int, key: str) -> int:
        return self.archive.layouts.texts_in(committee_id, [key]).get(key, 0)

    def _committee_setup(self, dialog: CommitteeDialog) -> CommitteeSetup:
        return CommitteeSetup(
            dialog.result_committee(),
            dialog.result_members(),
            dialog.result_standing_items(),
            dialog.result_phrases(),
            dialog.result_template(),
            dialog.result_layout(),
            dialog.result_moves(),
            dialog.result_saved_layouts(),
        )

    def _meeting_changed(self, meeting_id: int) -> None:
        if not self.tree_model.refresh_meeting(meeting_id):
            self._reload_tree(meeting_id)

    def _committee_changed(self, committee_id: int) -> None:
        """Show the open meeting if it is this committee's, else the committee."""
        meeting = self.meetings.meeting
        mine = meeting is not None and meeting.committee_id == committee_id
        self._reload_tree(meeting.id if mine and meeting else None, committee_id)

    # Settings, status, closing

    def edit_settings(self) -> None:
        settings = self.archive.settings
        from secretary_app.ui.settings_dialog import SettingsDialog

        layouts = self.archive.layouts
        dialog = SettingsDialog(
            settings.get("language"),
            settings.get("case_id_pattern"),
            template_for(settings, None),
            self,
            item_layout=layouts.default(),
            layout_choices=layouts.known(),
            texts=lambda key: layouts.texts_in(None, [key]).get(key, 0),
            pdf_converter=preferences.pdf_converter(),
        )
        if not dialog.exec():
            return
        preferences.set_pdf_converter(dialog.chosen_converter())
        with self.archive.db.atomic():
            settings.set("language", dialog.chosen_language())
            settings.set("case_id_pattern", dialog.chosen_pattern())
            set_template(settings, None, dialog.chosen_template())
        layout, saved = dialog.chosen_layout(), dialog.saved_layouts()
        if dialog.layout_everywhere():
            self._use_layout_everywhere(layout, dialog.layout_moves(), saved)
        elif layout != layouts.default() or saved:
            self.meetings.set_default_layout(layout, saved)

    def _use_layout_everywhere(
        self, layout: ItemLayout, moves: dict[str, str], saved: dict[str, ItemLayout | None]
    ) -> None:
        """Every committee gets the layout, one undo step; a section some committee would lose
        while it holds text is asked about first (the editor asked only about its own)."""
        layouts = self.archive.layouts
        stranded: dict[str, tuple[str, int]] = {}  # key: name, items
        for committee in self.archive.committees.all():
            own = layouts.of_committee(committee.id or 0)
            for key, count in layouts.stranded(committee.id or 0, layout, moves).items():
                section = own.section(key)
                name = section.name if section else key
                stranded[key] = (name, stranded.get(key, (name, 0))[1] + count)
        targets = [(s.key, s.name) for s in layout.sections if s.kind is not SectionKind.DECISION]
        for key, (name, count) in stranded.items():
            chosen = (
                prompts.choose_section_for_text(self, name, count, targets) if targets else None
            )
            if chosen is None:
                prompts.show_information(self, self.tr("The committees keep their item layouts."))
                return
            moves = {**moves, key: chosen}
        self.meetings.use_layout_everywhere(layout, moves, saved)

    def show_guide(self) -> None:
        from secretary_app.ui.guide import GuideDialog

        if self._guide is None:
            self._guide = GuideDialog(self)
        self._guide.show()
        self._guide.raise_()
        self._guide.activateWindow()

    def about(self) -> None:
        from secretary_app.ui.about_box import show_about

        show_about(self, self.archive.path, log_file())

    def _route_undo_keys(self, _old: QWidget | None, now: QWidget | None) -> None:
        if now is not None and now.window() is self:
            now.installEventFilter(self._undo_keys)  # once: installing again only moves it

    def _saved(self, index: int) -> None:
        """Every edit says it is saved; a deletion says how to take it back."""
        stack = self.session.undo_stack
        done = stack.command(index - 1) if index > self._undo_index else None
        self._undo_index = index
        deleted: dict[type[QUndoCommand], str] = {
            DeleteItem: self.tr("Item deleted – Ctrl+Z undoes it"),
            DeleteAttachment: self.tr("Attachment deleted – Ctrl+Z undoes it"),
            DeleteMeeting: self.tr("Meeting deleted – Ctrl+Z undoes it"),
        }
        message = deleted.get(type(done)) if done is not None else None
        if message is not None:
            self.statusBar().showMessage(message, UNDO_HINT_MS)
            return
        stamp = dt.datetime.now().strftime("%H.%M.%S")
        self.statusBar().showMessage(self.tr("Saved in the archive at %1").replace("%1", stamp))

    def set_read_only(self, reason: str) -> None:
        """Another window holds the archive: this one reads, prints and exports, and changes
        nothing; `reason` says who holds it."""
        self.read_only, self.read_only_reason = True, reason
        for action in (
            self.new_committee_action,
            self.edit_committee_action,
            self.new_meeting_action,
            self.load_meeting_action,
            self.delete_meeting_action,
            self.settings_action,
            self.new_item_action,
            self.delete_item_action,
            self.move_up_action,
            self.move_down_action,
            self.postpone_action,
            self.restore_action,
        ):
            action.setEnabled(False)
        self.record_actions.set_read_only(True)
        self.start_page.set_read_only(True)
        for button in (self.new_committee_button, self.new_meeting_button):
            button.setEnabled(False)
        self.setWindowTitle(self.tr("%1 (read-only)").replace("%1", self.windowTitle()))
        self.read_only_label.setText(self.tr("Read-only: %1").replace("%1", reason))
        self.read_only_label.setVisible(True)

    # The archive file: read-only, damaged, backed up

    def check_archive(self, session: ArchiveSession) -> None:
        """After the first paint: who else holds the archive, whether it is whole, whether it
        is on a network drive; then the day's backup, in the background."""
        session.backupTaken.connect(self.show_backup_taken, Qt.ConnectionType.UniqueConnection)
        session.backupFailed.connect(self.show_backup_failed, Qt.ConnectionType.UniqueConnection)
        session.lockLost.connect(self.lock_lost, Qt.ConnectionType.UniqueConnection)
        if self.archive.on_network_drive:
            self.statusBar().showMessage(
                self.tr(
                    "The archive is on a network drive: it is used without WAL, and by one "
                    "program at a time."
                )
            )
        if self.read_only:
            message = self.tr(
                "The archive is open in another window (%1). It is opened read-only here: you "
                "can read, print and export, not change anything."
            )
            prompts.show_information(self, message.replace("%1", self.read_only_reason))
            return
        problem = damage_found(self.archive)
        if problem:
            self.set_read_only(self.tr("the archive is damaged"))
            if offer_newest_backup(self, session.path, problem):
                self.reopen_requested = True
                self.close()
            else:
                prompts.show_error(self, problem)
            return
        session.back_up_when_due()

    def show_backup_taken(self, path: str) -> None:
        self.statusBar().showMessage(self.tr("Backup taken: %1").replace("%1", path))

    def show_backup_failed(self, reason: str) -> None:
        message = self.tr("The daily backup could not be taken: %1")
        self.statusBar().showMessage(message.replace("%1", reason))
        logger.warning("%s", reason)

    def lock_lost(self) -> None:
        """Another window took the archive over while this one slept: this one only reads."""
        self.session.flushRequested.emit()  # typing not yet committed, in any field
        reason = self.tr("another window has taken the archive over")
        self.set_read_only(reason)
        prompts.show_error(
            self, self.tr("This window can no longer change the archive: %1.").replace("%1", reason)
        )

    def restore_from_backup(self) -> None:
        """The archive gets a backup's content (its own content kept as a backup first); the
        window then opens it anew (reopenRequested)."""
        from secretary_app.store.backups import BackupError, list_backups
        from secretary_app.store.restore import restore_backup
        from secretary_app.ui.restore_dialog import RestoreDialog

        path = self.archive.path
        if path is None:
            return
        self.session.flushRequested.emit()  # typing not yet committed, in any field
        dialog = RestoreDialog(list_backups(path), self)
        chosen = dialog.chosen() if dialog.exec() else None
        if chosen is None:
            return
        question = self.tr(
            "Replace everything in the archive with the backup from %1? What the archive holds "
            "now is kept as a backup first."
        )
        if not prompts.confirm(self, question.replace("%1", chosen.when)):
            return
        try:
            restore_backup(path, chosen.path)
        except BackupError as error:
            prompts.show_error(self, str(error))
            return
        self.reopen_requested = True
        self.close()

    def _show_archive_busy(self, busy: bool) -> None:
        """One message for as long as another program holds the archive, not one per edit."""
        if busy:
            self.busy_label.setText(
                self.tr(
                    "The archive is busy in another program. What you type is kept and saved "
                    "as soon as the archive is free."
                )
            )
        else:
            self.statusBar().showMessage(self.tr("The archive is free again; everything is saved."))
        self.busy_label.setVisible(busy)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.session.flushRequested.emit()  # typing not yet committed, in any field
        self.session.save_waiting()
        if self.session.has_waiting_edits():
            question = self.tr(
                "The archive is still busy in another program, and some of what you typed is "
                "not saved yet. Close anyway and lose it?"
            )
            if not prompts.confirm(self, question):
                event.ignore()
                return
        self.attachments.remove_temporary_files()
        if self.meeting_actions.in_meeting_mode():  # remembered as it was before full screen
            self.meeting_actions.leave()
            save_window(self, self._geometry_before_meeting)
        else:
            save_window(self)
        super().closeEvent(event)
