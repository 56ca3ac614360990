"""The reference meeting's documents are what they were before item layouts (issue 8), paragraph
by paragraph: style, list label and text, in every edition. The baselines in
tests/data/before-item-layouts were written by the program of 6 December 2026 (commit ec8c414).

The one change on purpose: an empty "Bilag" heading is no longer printed."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from sample_documents import meeting_with_closed_item, reference_document
from word_test_support import ListLabels, numbering_of

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
EMPTY_ATTACHMENTS = "Heading 2\tBilag"


def paragraphs(path: Path) -> list[str]:
    """Each paragraph as the baselines hold it: style, tab, list label and text."""
    document = docx.Document(str(path))
    labels = ListLabels(document)
    lines = []
    for paragraph in document.paragraphs:
        numbering = numbering_of(paragraph)
        label = f"{labels.label(*numbering)} " if numbering else ""
        lines.append(f"{paragraph.style.name}\t{label}{paragraph.text}".replace("\n", "\\n"))
    return lines


def without_empty_attachments(lines: list[str]) -> list[str]:
    """The baseline less its "Bilag" headings with no attachment under them."""
    kept = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else "Heading 1\t"
        empty = line == EMPTY_ATTACHMENTS and following.split("\t")[0] != "Normal"
        if not empty:
            kept.append(line)
    return kept


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("meeting", MEETINGS)
def test_the_documents_read_as_before_item_layouts(tmp_path, meeting, edition):
    target = tmp_path / f"{meeting}-{edition}.docx"
    write_docx(build_layout(MEETINGS[meeting](), EDITIONS[edition]), target)
    baseline = (BASELINES / f"{meeting}-{edition}.txt").read_text(encoding="utf-8").splitlines()
    assert paragraphs(target) == without_empty_attachments(baseline)


def test_only_empty_attachment_headings_are_left_out_of_the_baselines():
    for path in BASELINES.glob("*.txt"):
        lines = path.read_text(encoding="utf-8").splitlines()
        kept = without_empty_attachments(lines)
        left_out = list(lines)
        for line in kept:
            left_out.remove(line)
        assert set(left_out) <= {EMPTY_ATTACHMENTS}, path.name
        assert len(kept) >= len(lines) - 3, path.name  # at most one per item of these meetings
