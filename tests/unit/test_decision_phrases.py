"""Decision phrases at one keystroke (core.decision_phrases)."""

from __future__ import annotations

from secretary_app.core.decision_phrases import (
    decision_with_phrase,
    keyed_phrases,
    phrase_for_key,
    phrases_to_store,
    suggested_phrases,
)
from secretary_app.core.model import DEFAULT_DECISION_PHRASES

STANDARD = list(DEFAULT_DECISION_PHRASES)


def test_key_n_gives_phrase_n():
    assert phrase_for_key(STANDARD, 1) == "Godkendt."
    assert phrase_for_key(STANDARD, 5) == "Intet."
    assert phrase_for_key(STANDARD, 6) is None
    assert phrase_for_key(STANDARD, 0) is None
    assert phrase_for_key([f"P{n}" for n in range(12)], 10) is None  # only Alt+1 … Alt+9


def test_only_the_first_nine_have_keys():
    phrases = [f"P{n}" for n in range(1, 12)]
    assert keyed_phrases(phrases)[-1] == (9, "P9")
    assert len(keyed_phrases(phrases)) == 9


def test_an_empty_decision_becomes_the_phrase():
    assert decision_with_phrase("", "Godkendt.") == "Godkendt."
    assert decision_with_phrase("  \n", "Godkendt.") == "Godkendt."


def test_a_decision_with_text_gets_the_phrase_as_a_new_paragraph():
    assert decision_with_phrase("**Anbefales**", "Godkendt.") == "**Anbefales**\n\nGodkendt."


def test_a_phrase_is_plain_words_even_when_it_looks_like_markdown():
    text = decision_with_phrase("", "1. behandling *godkendt*")
    assert text != "1. behandling *godkendt*"  # escaped, so it reads back as written
    from secretary_app.core.rich_text import parse_markdown, plain_text

    assert plain_text(parse_markdown(text)) == "1. behandling *godkendt*"


def test_the_standard_list_is_stored_as_no_list():
    assert phrases_to_store(STANDARD) == []
    assert phrases_to_store([" Godkendt. ", "", "Godkendt.", "Udsat.\n"]) == ["Godkendt.", "Udsat."]


def test_suggestions_top_up_the_list_with_the_most_used_decisions():
    used = ["Godkendt.", "Indstillingen **godkendt**.", "Anbefalet\n\nmed ændringer", "x" * 81]
    assert suggested_phrases(["Godkendt."], used) == ["Godkendt.", "Indstillingen godkendt."]


def test_suggestions_stop_at_nine():
    used = [f"Beslutning {n}." for n in range(20)]
    assert len(suggested_phrases(STANDARD, used)) == 9
