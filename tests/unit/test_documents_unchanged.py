"""The reference meeting's documents are what they were before item layouts (issue 8), paragraph
by paragraph: style, list label and text, in every edition. The baselines in
tests/data/before-item-layouts were written by the program of 6 December 2026 (commit ec8c414).

The one change on purpose: an empty "Bilag" heading is no longer printed."""

from __future__ import annotations

from pathlib import Path

import pytest
from sample_documents import meeting_with_closed_item, reference_document
from word_test_support import EMPTY_ATTACHMENTS, baseline_paragraphs, without_empty_attachments

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
    assert baseline_paragraphs(target) == without_empty_attachments(baseline)


def test_only_empty_attachment_headings_are_left_out_of_the_baselines():
    for path in BASELINES.glob("*.txt"):
        lines = path.read_text(encoding="utf-8").splitlines()
        kept = without_empty_attachments(lines)
        left_out = list(lines)
        for line in kept:
            left_out.remove(line)
        assert set(left_out) <= {EMPTY_ATTACHMENTS}, path.name
        assert len(kept) >= len(lines) - 3, path.name  # at most one per item of these meetings
