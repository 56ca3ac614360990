"""The case history of an item: what earlier meetings decided on the same case.

Secretaries copy it by hand today into "Tidligere beslutninger". The rule, in one place:

- the same case is the same case ID after `case_key`: blanks removed, upper case, so
  "emn-2017- 03374" is "EMN-2017-03374"; an item with no case ID has no history;
- every earlier decision, newest first, as a bold line naming the committee, the date and the item
  number ("**Økonomiudvalget den 10. juni 2013, punkt 4:**") and then the decision's own text with
  its formats (bold, lists, …);
- an earlier item with no decision text (an agenda not yet minuted, or nothing recorded) is left
  out: the section lists decisions, and "Ingen beslutning." would read as if one had been made.

A postponed item ("Udsat") moved to the committee's next meeting says where it came from in the
first paragraph of its Resumé ("Udsat fra mødet den 27. juni 2017, punkt 1."), so every edition of
the agenda shows it where the summary is shown.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from secretary_app.core.danish_dates import short_date
from secretary_app.core.rich_text import Block, Paragraph, Span, parse_markdown, to_markdown
from secretary_app.core.text import clean_line

POSTPONED_DECISION = "Udsat."
_POSTPONED_NOTE = re.compile(r"Udsat fra mødet den [^\n]*, punkt \d+\.\n*")


@dataclass(frozen=True)
class EarlierDecision:
    """One earlier appearance of the case: who decided, when, under which item number, and what."""

    committee: str
    date: dt.date
    number: int
    decision: str  # Markdown

    @property
    def heading(self) -> str:
        """Økonomiudvalget den 10. juni 2013, punkt 4:"""
        return f"{clean_line(self.committee)} den {short_date(self.date)}, punkt {self.number}:"


def case_key(case_id: str) -> str:
    """The case ID as cases are compared: no blanks at all, upper case."""
    return "".join(case_id.split()).upper()


def history_markdown(decisions: Sequence[EarlierDecision]) -> str:
    """ "Tidligere beslutninger" as Markdown: newest first (the same day: in the order given),
    each decision under its bold heading; "" when no earlier item has a decision."""
    blocks: list[Block] = []
    for earlier in sorted(decisions, key=lambda decision: decision.date, reverse=True):
        text = parse_markdown(earlier.decision)
        if text:
            blocks.append(Paragraph((Span(earlier.heading, bold=True),)))
            blocks.extend(text)
    return to_markdown(blocks)


def postponed_note(date: dt.date, number: int) -> str:
    """Udsat fra mødet den 27. juni 2017, punkt 1."""
    return f"Udsat fra mødet den {short_date(date)}, punkt {number}."


def postponed_summary(note: str, summary: str) -> str:
    """The Resumé of a postponed item: the note first, then the text (without an older note, when
    the item was postponed before: the history lists every meeting it was on)."""
    older = _POSTPONED_NOTE.match(summary)
    text = summary[older.end() :] if older else summary
    return f"{note}\n\n{text}" if text.strip() else note
