"""The item layout editor: every edit one undo step, taken back and done again; text in removed
sections goes where the secretary says; problems in her words; the widget fits its place."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping

import pytest
from gui_support import CTRL, SHIFT, focus, focused, press, type_text
from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QInputDialog, QLineEdit, QWidget

from secretary_app.core.item_layout import (
    BUILT_IN_LAYOUTS,
    GENTOFTE,
    STANDARD,
    ItemLayout,
    Section,
    SectionKind,
)
from secretary_app.ui import prompts as prompts_module
from secretary_app.ui.layout_editor import LayoutEditor
from secretary_app.ui.layout_sections_model import SectionsModel

MakeEditor = Callable[..., LayoutEditor]
SCREENSHOT = "/tmp/layout_editor.png"


@pytest.fixture
def make_editor(qtbot, prompts) -> MakeEditor:
    """An editor, shown and active, over `layout`; `texts`: items holding text, by key."""

    def make(layout: ItemLayout = GENTOFTE, texts: Mapping[str, int] | None = None) -> LayoutEditor:
        counts = dict(texts or {})
        editor = LayoutEditor(layout, BUILT_IN_LAYOUTS, lambda key: counts.get(key, 0))
        qtbot.addWidget(editor)
        editor.resize(700, 420)
        editor.show()
        qtbot.waitExposed(editor)
        editor.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is editor, timeout=2000)
        return editor

    return make


@pytest.fixture
def editor(make_editor: MakeEditor) -> LayoutEditor:
    return make_editor()


def labels(editor: LayoutEditor) -> list[str]:
    return [section.label for section in editor.item_layout().sections]


def keys(editor: LayoutEditor) -> list[str]:
    return [section.key for section in editor.item_layout().sections]


def choose(editor: LayoutEditor, row: int, column: int = SectionsModel.LABEL) -> QModelIndex:
    index = editor.model.index(row, column)
    editor.table.setCurrentIndex(index)
    return index


def type_label(qtbot, editor: LayoutEditor, row: int, label: str) -> None:
    """Type `label` into the open editor of the row's heading cell and press Enter."""
    qtbot.waitUntil(lambda: focused() in editor.table.viewport().findChildren(QLineEdit))
    label_edit = focused()
    label_edit.selectAll()
    type_text(label_edit, label)
    QTest.keyClick(label_edit, Qt.Key.Key_Return)  # the delegate commits a moment later
    qtbot.waitUntil(lambda: labels(editor)[row] == label, timeout=1000)


def undo(editor: LayoutEditor) -> None:
    assert editor.undo_action.isEnabled()
    editor.undo_button.click()


def redo(editor: LayoutEditor) -> None:
    assert editor.redo_action.isEnabled()
    editor.redo_button.click()


def line_edit(editor: LayoutEditor, field: str) -> QLineEdit:
    widget = editor.inputs[field]
    return widget if isinstance(widget, QLineEdit) else widget.lineEdit()


def choose_option(combo: QComboBox, text: str) -> None:
    """Pick `text` from the combo's list, as a user does (the list sends `activated`)."""
    index = combo.findText(text)
    assert index >= 0, f"the combo offers no {text!r}"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


# --- as given -------------------------------------------------------------------------------


@pytest.mark.parametrize("layout", BUILT_IN_LAYOUTS.values(), ids=BUILT_IN_LAYOUTS.keys())
def test_an_unedited_editor_gives_back_the_layout_it_was_given(make_editor, layout):
    editor = make_editor(layout)

    assert editor.item_layout() == layout
    assert editor.problem() == ""
    assert editor.moves() == {}
    assert editor.saved_layouts() == {}
    assert editor.undo_stack.count() == 0
    assert editor.start_from.currentText() == layout.name


def test_the_model_passes_the_model_tester_while_the_editor_changes_it(
    editor, qtmodeltester, prompts
):
    qtmodeltester.check(editor.model)  # the tester stays connected: the changes below are checked

    choose(editor, 0)
    editor.add_button.click()
    editor.down_button.click()
    editor.model.setData(editor.model.index(1, SectionsModel.LABEL), "Økonomi")
    editor.model.setData(
        editor.model.index(1, SectionsModel.AGENDA), Qt.CheckState.Unchecked, Qt.CheckStateRole
    )
    choose(editor, 0)
    editor.remove_button.click()
    qtmodeltester.check(editor.model)

    prompts.section_for_text = "indstilling"
    choose_option(editor.start_from, "Standard")
    editor.use_button.click()
    assert editor.model.rowCount() == len(STANDARD.sections)
    qtmodeltester.check(editor.model)
    for _step in range(editor.undo_stack.count()):
        undo(editor)
    assert editor.item_layout() == GENTOFTE
    qtmodeltester.check(editor.model)


def test_an_empty_model_passes_the_model_tester(qtmodeltester):
    qtmodeltester.check(SectionsModel())


# --- sections -------------------------------------------------------------------------------


def test_add_a_section_after_the_chosen_one_its_key_made_from_the_label_typed(qtbot, editor):
    choose(editor, 0)
    editor.add_button.click()
    assert labels(editor) == ["Resumé", "Nyt afsnit", "Tidligere beslutninger:", "Beslutninger:"]
    type_label(qtbot, editor, 1, "Økonomi")

    added = Section("oekonomi", "Økonomi")
    assert editor.item_layout().sections[1] == added
    assert editor.undo_stack.count() == 2  # the new row, its label

    undo(editor)
    assert editor.item_layout().sections[1] == Section("nyt_afsnit", "Nyt afsnit")
    undo(editor)
    assert editor.item_layout() == GENTOFTE
    redo(editor)
    redo(editor)
    assert editor.item_layout().sections[1] == added
    assert editor.problem() == ""


def test_a_second_new_section_gets_a_label_of_its_own(editor):
    choose(editor, 0)
    editor.add_button.click()
    editor.add_button.click()

    assert labels(editor)[1:3] == ["Nyt afsnit", "Nyt afsnit 2"]
    assert keys(editor)[1:3] == ["nyt_afsnit", "nyt_afsnit_2"]
    assert editor.problem() == ""


def test_rename_a_section_keeps_its_key(qtbot, editor):
    index = choose(editor, 0)
    editor.table.edit(index)
    type_label(qtbot, editor, 0, "Sammenfatning")

    assert editor.item_layout().sections[0] == Section("resume", "Sammenfatning")
    undo(editor)
    assert editor.item_layout() == GENTOFTE
    redo(editor)
    assert editor.item_layout().sections[0] == Section("resume", "Sammenfatning")


def test_a_label_is_cleaned_as_it_is_printed(editor):
    editor.model.setData(editor.model.index(0, SectionsModel.LABEL), "  Resumé\x0bkort ")

    assert labels(editor)[0] == "Resumé kort"


def test_reorder_with_the_buttons_and_ctrl_arrows(qtbot, editor):
    choose(editor, 1)
    editor.up_button.click()
    assert keys(editor) == ["tidligere_beslutninger", "resume", "beslutning"]
    assert not editor.up_button.isEnabled()  # the moved row stays chosen, now the first
    editor.down_button.click()
    editor.down_button.click()
    assert keys(editor) == ["resume", "beslutning", "tidligere_beslutninger"]
    assert not editor.down_button.isEnabled()
    press(qtbot, editor.table, Qt.Key.Key_Up, CTRL)
    assert keys(editor) == ["resume", "tidligere_beslutninger", "beslutning"]
    press(qtbot, editor.table, Qt.Key.Key_Up, CTRL)
    assert keys(editor) == ["tidligere_beslutninger", "resume", "beslutning"]
    assert editor.undo_stack.count() == 5

    undo(editor)
    assert keys(editor) == ["resume", "tidligere_beslutninger", "beslutning"]
    redo(editor)
    assert keys(editor) == ["tidligere_beslutninger", "resume", "beslutning"]
    for _step in range(5):
        undo(editor)
    assert editor.item_layout() == GENTOFTE


def kind_choices(editor: LayoutEditor, row: int) -> list[str]:
    """The kinds the Type cell's editor offers, as shown."""
    index = choose(editor, row, SectionsModel.KIND)
    editor.table.edit(index)
    combos = [c for c in editor.table.viewport().findChildren(QComboBox) if c.isVisible()]
    assert len(combos) == 1, "the Type cell opened no combo box"
    shown = [combos[0].itemText(i) for i in range(combos[0].count())]
    QTest.keyClick(combos[0], Qt.Key.Key_Escape)
    return shown


def test_change_kind_one_history_at_most_and_the_decision_stays(qtbot, editor):
    model = editor.model
    text, history = model.kind_name(SectionKind.TEXT), model.kind_name(SectionKind.HISTORY)
    assert kind_choices(editor, 0) == [text]  # "Tidligere beslutninger:" is the history
    assert not model.flags(model.index(2, SectionsModel.KIND)) & Qt.ItemFlag.ItemIsEditable

    model.setData(model.index(1, SectionsModel.KIND), SectionKind.TEXT.value)
    assert kind_choices(editor, 0) == [text, history]
    model.setData(model.index(0, SectionsModel.KIND), SectionKind.HISTORY.value)
    assert editor.item_layout().sections[0].kind is SectionKind.HISTORY
    model.setData(model.index(1, SectionsModel.KIND), SectionKind.HISTORY.value)  # a second: no
    model.setData(model.index(1, SectionsModel.KIND), SectionKind.DECISION.value)  # never
    model.setData(model.index(2, SectionsModel.KIND), SectionKind.TEXT.value)  # the decision: no
    assert [s.kind for s in editor.item_layout().sections] == [
        SectionKind.HISTORY,
        SectionKind.TEXT,
        SectionKind.DECISION,
    ]
    assert editor.undo_stack.count() == 2

    undo(editor)
    assert editor.item_layout().sections[0].kind is SectionKind.TEXT
    undo(editor)
    assert editor.item_layout() == GENTOFTE
    redo(editor)
    assert editor.item_layout().sections[1].kind is SectionKind.TEXT
    assert editor.model.index(1, SectionsModel.KIND).data() == text


def test_the_type_combo_changes_the_kind(qtbot, editor):
    editor.model.setData(editor.model.index(1, SectionsModel.KIND), SectionKind.TEXT.value)
    index = choose(editor, 0, SectionsModel.KIND)
    editor.table.edit(index)
    combo = next(c for c in editor.table.viewport().findChildren(QComboBox) if c.isVisible())
    combo.setCurrentIndex(combo.findData(SectionKind.HISTORY.value))
    combo.activated.emit(combo.currentIndex())

    assert editor.item_layout().sections[0].kind is SectionKind.HISTORY


def first_section_changed(**changes: bool) -> ItemLayout:
    first, *rest = GENTOFTE.sections
    return dataclasses.replace(GENTOFTE, sections=(dataclasses.replace(first, **changes), *rest))


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        (SectionsModel.AGENDA, first_section_changed(agenda=False)),
        (SectionsModel.MINUTES, first_section_changed(minutes=False)),
        (
            SectionsModel.EMPTY,
            dataclasses.replace(GENTOFTE, print_empty={"resume", "tidligere_beslutninger"}),
        ),
    ],
    ids=["agenda", "minutes", "empty"],
)
def test_toggle_a_flag_with_a_click(editor, column, expected):
    choose(editor, 0, column)
    rect = editor.table.visualRect(editor.model.index(0, column))
    checkbox = QPoint(rect.left() + 10, rect.center().y())
    QTest.mouseClick(
        editor.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, checkbox
    )

    assert editor.item_layout() == expected
    undo(editor)
    assert editor.item_layout() == GENTOFTE
    redo(editor)
    assert editor.item_layout() == expected


def test_toggle_a_flag_with_the_space_bar(qtbot, editor):
    choose(editor, 0, SectionsModel.MINUTES)
    press(qtbot, editor.table, Qt.Key.Key_Space)

    assert editor.item_layout().sections[0].minutes is False
    undo(editor)
    assert editor.item_layout() == GENTOFTE


def test_remove_a_section_without_text_asks_nothing(editor, prompts):
    choose(editor, 0)
    editor.remove_button.click()

    assert keys(editor) == ["tidligere_beslutninger", "beslutning"]
    assert prompts.questions == []
    assert editor.moves() == {}
    undo(editor)
    assert editor.item_layout() == GENTOFTE
    redo(editor)
    assert keys(editor) == ["tidligere_beslutninger", "beslutning"]


def test_the_decision_cannot_be_removed(qtbot, editor):
    choose(editor, 2)
    assert not editor.remove_button.isEnabled()
    press(qtbot, editor.table, Qt.Key.Key_Delete)

    assert editor.item_layout() == GENTOFTE


def test_remove_a_section_with_text_asks_where_the_text_goes(make_editor, prompts):
    editor = make_editor(STANDARD, {"oekonomi": 4})
    prompts.section_for_text = "sagsfremstilling"
    choose(editor, 3)
    editor.remove_button.click()

    targets = [
        ("indstilling", "Indstilling"),
        ("sagsforloeb", "Sagsforløb"),
        ("sagsfremstilling", "Sagsfremstilling"),
    ]
    assert prompts.questions == [("Økonomi", 4, targets)]
    assert "oekonomi" not in keys(editor)
    assert editor.moves() == {"oekonomi": "sagsfremstilling"}
    undo(editor)
    assert editor.item_layout() == STANDARD
    assert editor.moves() == {}
    redo(editor)
    assert editor.moves() == {"oekonomi": "sagsfremstilling"}
    assert len(prompts.questions) == 1  # redo does not ask again


def test_cancel_the_question_and_nothing_is_removed(make_editor, prompts):
    editor = make_editor(STANDARD, {"oekonomi": 4})
    prompts.section_for_text = None
    choose(editor, 3)
    editor.remove_button.click()

    assert len(prompts.questions) == 1
    assert editor.item_layout() == STANDARD
    assert editor.undo_stack.count() == 0


def test_text_moved_into_a_section_that_is_removed_in_turn_moves_on(make_editor, prompts):
    editor = make_editor(STANDARD, {"oekonomi": 4, "sagsfremstilling": 2})
    prompts.section_for_text = "sagsfremstilling"
    choose(editor, 3)
    editor.remove_button.click()
    prompts.section_for_text = "indstilling"
    choose(editor, 2)
    editor.remove_button.click()

    assert prompts.questions[-1][:2] == ("Sagsfremstilling", 6)  # its own 2 and Økonomi's 4
    assert editor.moves() == {"oekonomi": "indstilling", "sagsfremstilling": "indstilling"}
    undo(editor)
    assert editor.moves() == {"oekonomi": "sagsfremstilling"}


def test_text_moved_into_a_new_section_follows_its_key(qtbot, make_editor, prompts):
    editor = make_editor(STANDARD, {"oekonomi": 4})
    choose(editor, 0)
    editor.add_button.click()  # "Nyt afsnit", row 1
    prompts.section_for_text = "nyt_afsnit"
    choose(editor, 4)
    editor.remove_button.click()
    assert editor.moves() == {"oekonomi": "nyt_afsnit"}

    editor.model.setData(editor.model.index(1, SectionsModel.LABEL), "Budget")
    assert keys(editor)[1] == "budget"
    assert editor.moves() == {"oekonomi": "budget"}
    undo(editor)
    assert editor.moves() == {"oekonomi": "nyt_afsnit"}
    redo(editor)
    assert editor.moves() == {"oekonomi": "budget"}
    assert editor.problem() == ""


def test_the_last_text_section_with_text_cannot_go(make_editor, prompts):
    only_decision = dataclasses.replace(
        GENTOFTE, sections=(GENTOFTE.sections[0], GENTOFTE.sections[2]), print_empty=frozenset()
    )
    editor = make_editor(only_decision, {"resume": 1})
    prompts.expect_errors(1)
    choose(editor, 0)
    editor.remove_button.click()

    assert prompts.questions == []
    assert editor.item_layout() == only_decision


# --- another layout -------------------------------------------------------------------------


def test_use_standard_on_top_of_gentofte_asks_for_the_summary_only(make_editor, prompts):
    editor = make_editor(GENTOFTE, {"resume": 3, "tidligere_beslutninger": 7})
    prompts.section_for_text = "sagsfremstilling"
    choose_option(editor.start_from, "Standard")
    editor.use_button.click()

    texts = [("indstilling", "Indstilling"), ("sagsforloeb", "Sagsforløb")]
    texts += [("sagsfremstilling", "Sagsfremstilling"), ("oekonomi", "Økonomi")]
    assert prompts.questions == [("Resumé", 3, texts)]  # earlier decisions go to Sagsforløb
    assert editor.item_layout() == STANDARD
    assert editor.moves() == {"resume": "sagsfremstilling", "tidligere_beslutninger": "sagsforloeb"}
    assert editor.undo_stack.count() == 1
    assert line_edit(editor, "heading").text() == STANDARD.heading

    undo(editor)
    assert editor.item_layout() == GENTOFTE
    assert editor.moves() == {}
    assert line_edit(editor, "case_id_label").text() == "Sags ID"
    redo(editor)
    assert editor.item_layout() == STANDARD


def test_use_cancelled_keeps_the_layout(make_editor, prompts):
    editor = make_editor(GENTOFTE, {"resume": 3})
    choose_option(editor.start_from, "Standard")
    editor.use_button.click()

    assert len(prompts.questions) == 1
    assert editor.item_layout() == GENTOFTE
    assert editor.undo_stack.count() == 0


def test_a_section_that_comes_back_keeps_its_own_text(make_editor, prompts):
    editor = make_editor(GENTOFTE, {"resume": 3})
    prompts.section_for_text = "indstilling"
    choose_option(editor.start_from, "Standard")
    editor.use_button.click()
    choose_option(editor.start_from, "Gentofte")
    editor.use_button.click()

    assert editor.item_layout() == GENTOFTE
    assert editor.moves() == {}


# --- the form -------------------------------------------------------------------------------


def test_typing_in_a_field_is_one_undo_step(qtbot, editor):
    name = line_edit(editor, "name")
    focus(qtbot, name)
    name.end(False)
    type_text(name, " Øst")

    assert editor.item_layout().name == "Gentofte Øst"
    assert editor.undo_stack.count() == 1
    undo(editor)
    assert editor.item_layout().name == "Gentofte"
    assert name.text() == "Gentofte"
    redo(editor)
    assert name.text() == "Gentofte Øst"


def test_each_field_is_its_own_step(qtbot, editor):
    case_id = line_edit(editor, "case_id_label")
    focus(qtbot, case_id)
    case_id.selectAll()
    type_text(case_id, "Sagsnr")
    choose_option(editor.inputs["heading"], "Punkt {number}: {title}")
    choose_option(editor.inputs["open_word"], "Åbent")
    choose_option(editor.inputs["closed_word"], "Lukket punkt")
    choose_option(editor.inputs["decision_heading"], editor.tr("(none)"))

    edited = dataclasses.replace(
        GENTOFTE,
        case_id_label="Sagsnr",
        heading="Punkt {number}: {title}",
        open_word="Åbent",
        closed_word="Lukket punkt",
        decision_heading="",
    )
    assert editor.item_layout() == edited
    assert line_edit(editor, "decision_heading").text() == ""
    assert editor.undo_stack.count() == 5
    undo(editor)
    assert editor.item_layout().decision_heading == GENTOFTE.decision_heading
    for _step in range(4):
        undo(editor)
    assert editor.item_layout() == GENTOFTE
    for _step in range(5):
        redo(editor)
    assert editor.item_layout() == edited


def test_ctrl_z_and_ctrl_y_in_a_field_go_to_the_editor(qtbot, editor):
    name = line_edit(editor, "name")
    focus(qtbot, name)
    name.end(False)
    type_text(name, "2")
    press(qtbot, name, Qt.Key.Key_Z, CTRL)
    assert editor.item_layout().name == "Gentofte"
    press(qtbot, name, Qt.Key.Key_Y, CTRL)
    assert editor.item_layout().name == "Gentofte2"
    press(qtbot, editor.table, Qt.Key.Key_Z, CTRL)
    press(qtbot, editor.table, Qt.Key.Key_Z, CTRL | SHIFT)
    assert editor.item_layout().name == "Gentofte2"


def test_the_field_text_is_cleaned(editor):
    line_edit(editor, "open_word").textEdited.emit("  Åbent\t")

    assert editor.item_layout().open_word == "Åbent"


def test_every_edit_undo_and_redo_says_changed(qtbot, editor):
    with qtbot.waitSignal(editor.changed, timeout=500):
        choose(editor, 0)
        editor.add_button.click()
    with qtbot.waitSignal(editor.changed, timeout=500):
        undo(editor)
    with qtbot.waitSignal(editor.changed, timeout=500):
        redo(editor)


# --- save as --------------------------------------------------------------------------------


def test_save_as_keeps_the_layout_under_its_name(editor, prompts):
    choose(editor, 0)
    editor.remove_button.click()
    prompts.text_answer = " Vores punkter "
    editor.save_button.click()

    saved = dataclasses.replace(editor.item_layout(), name="Vores punkter")
    assert editor.saved_layouts() == {"vores_punkter": saved}
    assert editor.item_layout().name == "Vores punkter"
    assert editor.start_from.findData("vores_punkter") >= 0

    undo(editor)
    assert editor.saved_layouts() == {}
    assert editor.item_layout().name == "Gentofte"
    assert editor.start_from.findData("vores_punkter") < 0
    redo(editor)
    assert editor.saved_layouts() == {"vores_punkter": saved}


def test_a_saved_layout_can_be_used(editor, prompts):
    prompts.text_answer = "Gentofte"  # the name of a built-in: a key of its own
    editor.save_button.click()
    assert list(editor.saved_layouts()) == ["gentofte_2"]
    choose_option(editor.start_from, "Standard")
    editor.use_button.click()
    editor.start_from.setCurrentIndex(editor.start_from.findData("gentofte_2"))
    editor.use_button.click()

    assert editor.item_layout() == GENTOFTE


def test_save_as_cancelled_saves_nothing(editor, prompts):
    prompts.text_answer = None
    editor.save_button.click()

    assert editor.saved_layouts() == {}
    assert editor.undo_stack.count() == 0


# --- problems -------------------------------------------------------------------------------


def test_a_heading_without_the_title_is_a_problem_in_the_secretarys_words(qtbot, editor):
    heading = line_edit(editor, "heading")
    focus(qtbot, heading)
    heading.selectAll()
    type_text(heading, "{number}")

    problem = f"{editor.tr('Item heading')}: skal indeholde {{title}}"
    assert editor.problem() == problem
    assert editor.problem_label.isVisible()
    assert editor.problem_label.text() == problem
    assert not editor.save_button.isEnabled()
    undo(editor)
    assert editor.problem() == ""
    assert not editor.problem_label.isVisible()


def test_two_sections_with_the_same_label_is_a_problem(editor):
    editor.model.setData(editor.model.index(1, SectionsModel.LABEL), "resumé")

    section = editor.tr('Section %1 ("%2")').replace("%1", "2").replace("%2", "resumé")
    assert editor.problem() == f'{section}: "resumé" findes allerede'


def test_the_decision_outside_the_minutes_is_a_problem(editor):
    editor.model.setData(
        editor.model.index(2, SectionsModel.AGENDA), Qt.CheckState.Checked, Qt.CheckStateRole
    )
    editor.model.setData(
        editor.model.index(2, SectionsModel.MINUTES), Qt.CheckState.Unchecked, Qt.CheckStateRole
    )

    section = editor.tr('Section %1 ("%2")').replace("%1", "3").replace("%2", "Beslutninger:")
    assert editor.problem() == f"{section}: beslutningen skal stå i referatet"


def test_the_same_open_and_closed_word_is_a_problem(editor):
    line_edit(editor, "closed_word").textEdited.emit("åben")

    words = (editor.tr("Closed item"), editor.tr("Open item"))
    assert editor.problem() == f"{words[0]}: skal være et andet ord end {words[1]}"


# --- the preview ----------------------------------------------------------------------------


def test_the_preview_shows_an_item_as_printed(editor):
    shown = editor.preview.toPlainText()
    assert "1 (Åben) Godkendelse af dagsorden\nSags ID: EMN-2025-010561" in shown
    assert "Beslutninger:\nØkonomiudvalget den 4. marts 2025" in shown
    agenda, minutes = shown.split(editor.tr("Minutes"))
    assert "Beslutninger:" not in agenda
    assert "Resumé" in minutes


def test_the_preview_puts_the_access_word_by_the_case_id_when_the_heading_lacks_it(
    make_editor,
):
    editor = make_editor(STANDARD)

    shown = editor.preview.toPlainText()
    assert "1. Godkendelse af dagsorden\nSagsnr.: EMN-2025-010561 · Åbent" in shown
    assert "Økonomiudvalget" not in shown  # Standard has no decision heading


# --- the prompts ----------------------------------------------------------------------------


def answer_input_dialog(choose: Callable[[QInputDialog], None]) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, answer)
            return
        choose(dialog)
        dialog.accept()

    QTimer.singleShot(20, answer)


def test_the_real_question_answers_with_a_section_key(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    asked: list[str] = []

    def choose_second(dialog: QInputDialog) -> None:
        asked.append(dialog.labelText())
        dialog.setTextValue("Sagsfremstilling")

    answer_input_dialog(choose_second)
    targets = [("indstilling", "Indstilling"), ("sagsfremstilling", "Sagsfremstilling")]
    chosen = prompts_module.choose_section_for_text(parent, "Økonomi", 4, targets)

    assert chosen == "sagsfremstilling"
    assert '"Økonomi"' in asked[0] and "4" in asked[0]


def test_the_real_text_question_gives_the_text(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    answer_input_dialog(lambda dialog: dialog.setTextValue("Vores punkter"))

    assert prompts_module.ask_text(parent, "Gem", "Navn:", "Gentofte") == "Vores punkter"


# --- the look -------------------------------------------------------------------------------


def test_the_editor_fits_700_by_420(editor):
    editor.grab().save(SCREENSHOT)

    hint = editor.minimumSizeHint()
    assert hint.width() <= 700 and hint.height() <= 420
    for child in editor.findChildren(QWidget):
        if child.isVisible() and child.parentWidget() is editor:
            assert editor.rect().contains(child.geometry()), child


def test_tab_goes_through_the_editor_in_reading_order(qtbot, editor):
    fields = ["name", "heading", "decision_heading", "case_id_label", "open_word", "closed_word"]
    expected = [editor.use_button, editor.save_button, *(editor.inputs[f] for f in fields)]
    expected += [editor.table, editor.add_button, editor.remove_button, editor.down_button]
    expected += [editor.preview]  # "Move up" is off: the table chose its first row
    focus(qtbot, editor.start_from)
    visited = []
    for _step in expected:
        QTest.keyClick(focused(), Qt.Key.Key_Tab)
        widget = focused()
        in_combo = isinstance(widget.parentWidget(), QComboBox)
        visited.append(widget.parentWidget() if in_combo else widget)

    assert visited == expected


def test_every_input_has_an_accessible_name(editor):
    inputs = [*editor.inputs.values(), editor.start_from, editor.table, editor.preview]
    inputs += [editor.add_button, editor.remove_button, editor.up_button, editor.down_button]
    inputs += [editor.use_button, editor.save_button]
    assert all(widget.accessibleName() for widget in inputs)


# --- deleting a saved layout ----------------------------------------------------------------


def test_a_saved_layout_can_be_deleted_and_the_deletion_undone(qtbot, prompts):
    ours = dataclasses.replace(STANDARD, name="Vores")
    editor = LayoutEditor(GENTOFTE, {**BUILT_IN_LAYOUTS, "vores": ours}, lambda _key: 0)
    qtbot.addWidget(editor)
    choose_option(editor.start_from, "Gentofte")
    assert not editor.delete_button.isEnabled()  # a built-in layout stays
    choose_option(editor.start_from, "Vores")
    assert editor.delete_button.isEnabled()

    editor.delete_button.click()
    assert editor.start_from.findText("Vores") < 0
    assert editor.saved_layouts() == {"vores": None}
    assert editor.item_layout() == GENTOFTE  # the edited layout is not touched

    undo(editor)
    assert editor.start_from.currentText() == "Vores"
    assert editor.saved_layouts() == {}
    redo(editor)
    assert editor.saved_layouts() == {"vores": None}


def test_a_layout_saved_and_deleted_in_one_dialog_leaves_nothing_to_save(make_editor, prompts):
    editor = make_editor(GENTOFTE)
    prompts.text_answer = "Midlertidig"
    editor.save_button.click()
    choose_option(editor.start_from, "Midlertidig")
    editor.delete_button.click()
    assert editor.saved_layouts() == {}
    assert editor.start_from.findText("Midlertidig") < 0
