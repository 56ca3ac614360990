"""The print preview: the PDF's own pages, drawn when scrolled into view, printed from the PDF."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from secretary_app.export.pdf import page_count
from secretary_app.ui.pdf_preview import PdfPreview


def a_pdf(pages: int, size: QPageSize.PageSizeId = QPageSize.PageSizeId.A4) -> bytes:
    """`pages` pages, each with its number written large."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(
        QPageLayout(QPageSize(size), QPageLayout.Orientation.Portrait, QMarginsF(20, 20, 20, 20))
    )
    painter = QPainter(writer)
    for number in range(pages):
        if number:
            writer.newPage()
        painter.drawText(200, 400, f"Side {number + 1}")
    painter.end()
    del writer
    return bytes(buffer.data().data())


@pytest.fixture
def preview(qtbot):
    def make(pdf: bytes) -> PdfPreview:
        dialog = PdfPreview(pdf, "Referat", "Lavet med LibreOffice")
        qtbot.addWidget(dialog)
        dialog.resize(900, 700)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def test_every_page_is_there_and_only_those_in_view_are_drawn(preview, qtbot):
    pdf = a_pdf(40)
    assert page_count(pdf) == 40
    dialog = preview(pdf)
    assert len(dialog.pages) == 40
    assert "40 pages" in dialog.count.text()
    qtbot.waitUntil(lambda: dialog.rendered_pages() != [])
    drawn = dialog.rendered_pages()
    assert drawn[0] == 1 and len(drawn) <= 4  # a hundred pages open at once: only those seen
    dialog.area.verticalScrollBar().setValue(dialog.area.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: 40 in dialog.rendered_pages())
    assert len(dialog.rendered_pages()) <= 8


def test_a_page_has_the_pdfs_proportions_and_the_zoom_changes_its_size(preview, qtbot):
    dialog = preview(a_pdf(2, QPageSize.PageSizeId.A5))
    page = dialog.pages[0]
    assert page.height() / page.width() == pytest.approx(210 / 148, rel=0.02)
    width = page.width()
    dialog.set_zoom(2.0)
    assert dialog.pages[0].width() == pytest.approx(2 * width, rel=0.02)
    assert "200 %" in dialog.count.text()
    qtbot.waitUntil(lambda: 1 in dialog.rendered_pages())
    assert dialog.pages[0].pixmap().deviceIndependentSize().width() == pytest.approx(
        dialog.pages[0].width(), abs=2
    )


def test_print_asks_for_the_printer(preview, qtbot):
    dialog = preview(a_pdf(1))
    with qtbot.waitSignal(dialog.printRequested):
        dialog.print_button.click()
    assert "Lavet med LibreOffice" in dialog.route.text()
