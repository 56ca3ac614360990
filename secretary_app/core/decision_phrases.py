"""Standard decision phrases ("Godkendt.", "Taget til efterretning.", …): one keystroke each
(Alt+1 … Alt+9) in meeting mode, then editable."""

from __future__ import annotations

from collections.abc import Sequence

from secretary_app.core.model import DEFAULT_DECISION_PHRASES
from secretary_app.core.rich_text import Paragraph, Span, parse_markdown, plain_text, to_markdown
from secretary_app.core.text import clean_line

PHRASE_KEYS = 9  # Alt+1 … Alt+9
MAX_PHRASE_LENGTH = 80


def phrase_for_key(phrases: Sequence[str], key: int) -> str | None:
    """The phrase on key `key` (1 … 9), or None when the list has no phrase there."""
    if not 1 <= key <= PHRASE_KEYS or key > len(phrases):
        return None
    return phrases[key - 1]


def keyed_phrases(phrases: Sequence[str]) -> list[tuple[int, str]]:
    """(key, phrase) for the phrases that have a key: the first nine."""
    return list(enumerate(phrases[:PHRASE_KEYS], start=1))


def decision_with_phrase(decision: str, phrase: str) -> str:
    """The decision (Markdown) with `phrase` put in: an empty decision becomes the phrase, a
    decision with text gets the phrase as a new paragraph after it. The phrase is plain text:
    "1. behandling" stays words, not a numbered list."""
    paragraph = Paragraph((Span(clean_line(phrase)),))
    blocks = parse_markdown(decision)
    if not plain_text(blocks).strip():
        return to_markdown((paragraph,))
    return to_markdown((*blocks, paragraph))


def phrases_to_store(phrases: Sequence[str]) -> list[str]:
    """A committee's list as it is saved: one line each, no blanks or repeats. The standard
    list itself is saved as no list at all, so the committee keeps following the standard."""
    cleaned: list[str] = []
    for phrase in phrases:
        line = clean_line(phrase)
        if line and line not in cleaned:
            cleaned.append(line)
    return [] if tuple(cleaned) == DEFAULT_DECISION_PHRASES else cleaned


def suggested_phrases(
    current: Sequence[str], used: Sequence[str], limit: int = PHRASE_KEYS
) -> list[str]:
    """The current list, topped up to `limit` with the committee's most used decisions (as
    plain one-line text, most used first) that it does not hold yet."""
    result = [line for line in (clean_line(p) for p in current) if line]
    for decision in used:
        if len(result) >= limit:
            break
        text = plain_text(parse_markdown(decision)).strip()
        if text and "\n" not in text and len(text) <= MAX_PHRASE_LENGTH and text not in result:
            result.append(text)
    return result
