"""The print preview: the PDF's own pages, drawn when scrolled into view, printed from the PDF."""

from __future__ import annotations

import pypdfium2
import pytest
from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTransform
from PySide6.QtPrintSupport import QPrinter

from secretary_app.export.pdf import page_count
from secretary_app.ui.pdf_pages import page_image, page_layout_of, paint_pdf
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


def test_pages_far_out_of_view_are_let_go(preview, qtbot):
    dialog = preview(a_pdf(60))
    qtbot.waitUntil(lambda: 1 in dialog.rendered_pages())
    bar = dialog.area.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: 60 in dialog.rendered_pages())
    assert 1 not in dialog.rendered_pages()  # a hundred pages scrolled through: a few held


def test_a_draw_queued_after_closing_does_nothing(preview, qtbot):
    dialog = preview(a_pdf(3))
    dialog.reject()
    dialog.set_zoom(2.0)  # queues a draw; the PDF is closed by then
    qtbot.wait(20)
    assert dialog.rendered_pages() == []


def test_a_landscape_page_is_turned_onto_the_sheet_not_squeezed(qtbot, tmp_path):
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    a4 = QPageSize(QPageSize.PageSizeId.A4)
    writer.setPageLayout(QPageLayout(a4, QPageLayout.Orientation.Portrait, QMarginsF()))
    painter = QPainter(writer)
    painter.drawText(100, 100, "Stående")
    writer.setPageLayout(QPageLayout(a4, QPageLayout.Orientation.Landscape, QMarginsF()))
    writer.newPage()
    painter.setFont(QFont("Liberation Sans", 48))
    painter.drawText(300, 600, "Liggende")
    painter.end()
    del writer
    pdf = bytes(buffer.data().data())
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "udskrift.pdf"))
    printer.setResolution(72)
    printer.setPageLayout(page_layout_of(pdf))
    assert paint_pdf(pdf, printer) == 2
    printed = pypdfium2.PdfDocument(str(tmp_path / "udskrift.pdf"))
    original = pypdfium2.PdfDocument(pdf)
    try:
        sheet = page_image(printed, 1, 20).transformed(QTransform().rotate(-90))
        page = page_image(original, 1, 20)
    finally:
        printed.close()
        original.close()
    assert abs(sheet.width() - page.width()) <= 2 and abs(sheet.height() - page.height()) <= 2
    assert page.width() > page.height()  # the page lies; the sheet it was turned onto stands
    assert dark_box(sheet) == pytest.approx(dark_box(page), abs=3)  # the text where it was


def dark_box(image: QImage) -> tuple[int, int, int, int]:
    """Left, top, right, bottom of the pixels that are not white."""
    dark = [
        (x, y)
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).value() < 160
    ]
    xs, ys = [x for x, _ in dark], [y for _, y in dark]
    return min(xs), min(ys), max(xs), max(ys)
