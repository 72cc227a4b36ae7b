"""Preview a report, print it on the system's printer, or save it as PDF.

The PDF is built (and its pages rendered to images with pdfium) on the store's reader thread;
the GUI thread only shows the images. QtPdf would show the PDF itself, but its wheel
(pyside6-pdf) exists only for PySide6 6.12, which the app cannot use on Python 3.11.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ombud_desktop.ui import alerts
from ombud_desktop.ui.dialogs import files
from ombud_desktop.ui.ops import Store, StoreThread

PREVIEW_DPI = 96
PRINT_DPI = 300


def render_pages(pdf: bytes, dpi: int) -> list[QImage]:
    """Return every page of ``pdf`` as an image at ``dpi`` (safe off the GUI thread)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    images = []
    try:
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
            width, height, stride = bitmap.width, bitmap.height, bitmap.stride
            channels = stride // width if width else 3
            fmt = QImage.Format.Format_RGB888 if channels == 3 else QImage.Format.Format_RGBX8888
            image = QImage(bytes(bitmap.buffer), width, height, stride, fmt).copy()
            image.setDotsPerMeterX(round(dpi / 0.0254))
            image.setDotsPerMeterY(round(dpi / 0.0254))
            images.append(image)
            bitmap.close()
            page.close()
    finally:
        document.close()
    return images


class ReportPreviewDialog(QDialog):
    """Shows the pages of one report, with Print and Save as PDF."""

    def __init__(self, store: StoreThread, request: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.request = request
        self.built: Any = None  # services.reports.BuiltReport once it has arrived
        self._run: Callable[[Store], Any] | None = None
        self._after_save: Callable[[], None] | None = None
        self._after_print: Callable[[], None] | None = None
        self._printer: QPrinter | None = None
        self.images: list[QImage] = []
        self.setWindowTitle(self.tr("Report preview"))
        layout = QVBoxLayout(self)
        self.status = QLabel(self.tr("Making the report…"))
        layout.addWidget(self.status)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # busy, no figure to show
        self.busy.setTextVisible(False)
        layout.addWidget(self.busy)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages = QWidget()
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setWidget(self.pages)
        layout.addWidget(self.scroll, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.clicked.connect(self.print_report)
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.save_button.clicked.connect(self.save_report)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        for button in (self.print_button, self.save_button, close):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self._set_ready(False)
        self.resize(900, 760)
        self._build()

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        request = self.request

        def run(s: Store) -> tuple[Any, list[QImage]]:
            built = s.build_report(request)
            return built, render_pages(built.pdf, PREVIEW_DPI)

        self._run = run
        # An empty job on the writer first: the report then sees every answer given before it
        # was asked for, even one whose save is still queued (the read runs beside the writes).
        self.store.submit(lambda _s: None, on_done=_weakly(self, "_read"),
                          on_error=_weakly(self, "_failed"))

    def _read(self, _result: object) -> None:
        self.store.submit(self._run, on_done=_weakly(self, "_built"),
                          on_error=_weakly(self, "_failed"), write=False)

    def _built(self, result: tuple[Any, list[QImage]]) -> None:
        self.built, self.images = result
        for image in self.images:
            page = QLabel()
            page.setPixmap(QPixmap.fromImage(image))
            page.setFrameShape(QLabel.Shape.Box)
            self.pages_layout.addWidget(page)
        self.status.setText(
            self.tr("%1 · %n page(s)", "", len(self.images)).replace("%1", self.built.title)
        )
        self._set_ready(True)

    def _failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("The report could not be made."))
        self.busy.hide()
        alerts.error(self, error)

    def _set_ready(self, ready: bool) -> None:
        self.busy.setVisible(not ready)
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    @property
    def ready(self) -> bool:
        """Return True once the report is built and shown."""
        return self.built is not None

    # -- saving --------------------------------------------------------------------------------

    def save_report(self) -> None:
        """Ask where to save the PDF, then write it (atomically, off the GUI thread)."""
        # In Documents, not in the program's folder where a bare file name would land.
        chosen = files.ask_save_path(
            self, self.tr("Save as PDF"), Path(self.built.filename),
            self.tr("PDF documents (*.pdf)"),
        )
        path = str(chosen) if chosen is not None else ""
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.save_to(path)

    def save_to(self, path: str, on_done: Callable[[], None] | None = None) -> None:
        """Write the PDF to ``path``; report success in the status line."""
        from ombud_desktop.services.reports import save_pdf

        pdf = self.built.pdf
        self._after_save = on_done
        self.store.submit(lambda _s: save_pdf(path, pdf), on_done=_weakly(self, "_saved", path),
                          on_error=_weakly(self, "_show_error"), write=False)

    def _saved(self, path: str, _result: object) -> None:
        self.status.setText(self.tr("Saved to %1").replace("%1", path))
        if self._after_save is not None:
            self._after_save()

    def _show_error(self, error: BaseException) -> None:
        self.busy.hide()
        alerts.error(self, error)

    # -- printing ------------------------------------------------------------------------------

    def print_report(self) -> None:
        """Open the system print dialog; print the pages on the chosen printer."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setFullPage(True)  # the PDF pages carry their own margins
        printer.setDocName(self.built.filename)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter, on_done: Callable[[], None] | None = None) -> None:
        """Render the pages at print resolution (off the GUI thread) and print them."""
        pdf = self.built.pdf
        self.status.setText(self.tr("Printing…"))
        self.busy.show()
        self._printer, self._after_print = printer, on_done  # kept here, not in the job
        self.store.submit(lambda _s: render_pages(pdf, PRINT_DPI),
                          on_done=_weakly(self, "_print_pages"),
                          on_error=_weakly(self, "_show_error"), write=False)

    def _print_pages(self, images: list[QImage]) -> None:
        self.busy.hide()
        printer, self._printer = self._printer, None
        try:
            paint_pages(printer, images)
        except OSError as exc:
            self.status.setText(str(exc))
            alerts.error(self, str(exc))
            return
        self.status.setText(self.tr("Sent to the printer."))
        if self._after_print is not None:
            self._after_print()

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def show_report(cls, parent: QWidget | None, store: StoreThread, request: Any) -> None:
        """Open the preview of ``request`` (a services.reports.ReportRequest) and wait."""
        dialog = cls(store, request, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()


def _weakly(dialog: QWidget, method: str, *first: Any) -> Callable[[Any], None]:
    """Return a callback to ``dialog.method(*first, result)`` that holds the dialog weakly.

    A store job's callbacks live as long as its future, whose last reference may go on the
    store thread; a callback holding the dialog could then destroy a widget off the GUI thread.
    """
    ref = weakref.ref(dialog)

    def call(result: Any) -> None:
        target = ref()
        if target is not None:
            getattr(target, method)(*first, result)

    return call


def paint_pages(printer: QPrinter, images: list[QImage]) -> None:
    """Paint page images onto ``printer``, each scaled to fit the printable area."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(
            QCoreApplication.translate("ReportPreviewDialog", "The printer is not ready.")
        )
    try:
        for number, image in enumerate(images):
            if number:
                printer.newPage()
            area = printer.pageLayout().fullRectPixels(printer.resolution())
            scale = min(area.width() / image.width(), area.height() / image.height())
            target = QRectF(0, 0, image.width() * scale, image.height() * scale)
            painter.drawImage(target, image)
    finally:
        painter.end()


def open_report(parent: QWidget | None, store: StoreThread, kind: str,
                assessment_id: str | None, language: str) -> None:
    """Preview the report of ``kind`` for the assessment shown or selected (``assessment_id``).

    The on-site summary is of that assessment, the recap of its entity, the overview of its
    entity's province (of every province when no assessment is selected).
    """
    from ombud_desktop.services.reports import ReportRequest

    if assessment_id is None and kind != "province":
        alerts.inform(parent, QCoreApplication.translate("ReportPreviewDialog", "Reports"),
                      QCoreApplication.translate(
                          "ReportPreviewDialog", "Select an assessment in the list first."))
        return
    def show(target: str | None) -> None:
        request = ReportRequest(kind, target, language=language)  # type: ignore[arg-type]
        ReportPreviewDialog.show_report(parent, store, request)

    if assessment_id is None or kind == "locus":
        show(assessment_id)
        return

    def target_of(s: Store) -> str:
        row = s.lists.assessment(assessment_id)
        return row["entity"]["id"] if kind == "entity" else row["entity"]["province"]

    store.submit(target_of, on_done=show, on_error=lambda error: alerts.error(parent, error),
                 write=False)  # fmt: skip
