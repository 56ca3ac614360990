"""The reference meeting's documents are what they were before item layouts (issue 8), paragraph
by paragraph: style, list label and text, in every edition. The baselines in
tests/data/before-item-layouts were written by the program of 6 December 2026 (commit ec8c414).

The changes on purpose, and the only ones the comparison allows:

- issue 8: an empty "Bilag" heading is no longer printed (without_empty_attachments);
- issue 9 (word_test_support.as_since_issue_9): the header block is a borderless table, each of
  its rows read as the "Label:\\tvalue" paragraph it was (the body is read in order, tables
  included: word_test_support.body_lines), so its lines still compare as they were; the table of
  contents is a TOC field whose linked entries read as before (no page numbers without a
  converter); each attachment is a numbered list paragraph "Bilag N: title"; the signature lines
  of underscores are a table: "Navn" | "Underskrift", then a row per member present, name and
  the cell to sign in."""

from __future__ import annotations

from pathlib import Path

import pytest
from sample_documents import meeting_with_closed_item, reference_document
from word_test_support import (
    EMPTY_ATTACHMENTS,
    as_since_issue_9,
    baseline_paragraphs,
    without_empty_attachments,
)

from secretary_app.export.layout import Edition, build_layout
from secretary_app.export.word import write_docx

BASELINES = Path(__file__).resolve().parents[1] / "data" / "before-item-layouts"
EDITIONS = {
    "agenda": Edition("agenda"),
    "minutes": Edition("minutes"),
    "agenda-public": Edition("agenda", public=True),
    "minutes-public": Edition("minutes", public=True),
    "agenda-chair": Edition("agenda", chair=True),
}
MEETINGS = {"reference": reference_document, "closed-item": meeting_with_closed_item}


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("meeting", MEETINGS)
def test_the_documents_read_as_before_item_layouts(tmp_path, meeting, edition):
    target = tmp_path / f"{meeting}-{edition}.docx"
    write_docx(build_layout(MEETINGS[meeting](), EDITIONS[edition]), target)
    baseline = (BASELINES / f"{meeting}-{edition}.txt").read_text(encoding="utf-8").splitlines()
    assert baseline_paragraphs(target) == as_since_issue_9(without_empty_attachments(baseline))


def test_only_empty_attachment_headings_are_left_out_of_the_baselines():
    for path in BASELINES.glob("*.txt"):
        lines = path.read_text(encoding="utf-8").splitlines()
        kept = without_empty_attachments(lines)
        left_out = list(lines)
        for line in kept:
            left_out.remove(line)
        assert set(left_out) <= {EMPTY_ATTACHMENTS}, path.name
        assert len(kept) >= len(lines) - 3, path.name  # at most one per item of these meetings
