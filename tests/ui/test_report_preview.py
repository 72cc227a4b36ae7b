"""The report preview: built off the GUI thread, pages shown, saved as PDF, printed."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel

from ombud_desktop.packages.state import assessment_state_digest, verification_code
from ombud_desktop.services.reports import ReportRequest
from ombud_desktop.ui.dialogs import report_preview
from ombud_desktop.ui.dialogs.report_preview import ReportPreviewDialog, render_pages
from ombud_desktop.ui.main_window import MainWindow
from ombud_desktop.ui.ops import StoreThread
from tests.ui.conftest import call


def first_assessment(store: StoreThread) -> dict[str, Any]:
    return call(store, lambda s: s.workspace.assessment_rows()[0])


def open_dialog(qtbot: Any, store: StoreThread, request: ReportRequest) -> ReportPreviewDialog:
    dialog = ReportPreviewDialog(store, request)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.print_button.isEnabled()  # nothing to print until the PDF is there
    qtbot.waitUntil(lambda: dialog.ready, timeout=20_000)
    return dialog


def test_preview_shows_every_page_and_saves_the_pdf(
    qtbot: Any, demo_store: StoreThread, tmp_path: Path
) -> None:
    row = first_assessment(demo_store)
    dialog = open_dialog(qtbot, demo_store, ReportRequest("locus", row["id"], language="en"))
    pages = len(PdfReader(io.BytesIO(dialog.built.pdf)).pages)
    shown = [label for label in dialog.pages.findChildren(QLabel) if label.pixmap()]
    assert len(shown) == len(dialog.images) == pages
    assert shown[0].pixmap().width() > 700  # A4 at 96 dpi: 794 px wide
    assert dialog.print_button.isEnabled()
    assert dialog.save_button.isEnabled()
    assert row["entity"]["name"] in dialog.status.text()

    target = tmp_path / "out" / "summary.pdf"
    saved: list[bool] = []
    dialog.save_to(str(target), on_done=lambda: saved.append(True))
    qtbot.waitUntil(lambda: bool(saved), timeout=10_000)
    assert target.read_bytes() == dialog.built.pdf
    text = " ".join(PdfReader(target).pages[0].extract_text().split())
    assert row["entity"]["name"] in text
    assert "On-site assessment summary" in text
    assert [p.name for p in target.parent.iterdir()] == ["summary.pdf"]  # no temporary left
    assert "summary.pdf" in dialog.status.text()


def test_printing_sends_every_page_to_the_printer(
    qtbot: Any, demo_store: StoreThread, tmp_path: Path
) -> None:
    row = first_assessment(demo_store)
    dialog = open_dialog(qtbot, demo_store, ReportRequest("entity", row["entity"]["id"]))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a stand-in for a real printer
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    done: list[bool] = []
    dialog.print_to(printer, on_done=lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=30_000)
    assert len(PdfReader(out).pages) == len(PdfReader(io.BytesIO(dialog.built.pdf)).pages)


def test_a_failing_report_says_so(
    qtbot: Any, demo_store: StoreThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[Any] = []
    monkeypatch.setattr("ombud_desktop.ui.alerts.error", lambda _parent, error: shown.append(error))
    dialog = ReportPreviewDialog(demo_store, ReportRequest("entity", "Kota Tidak Ada"))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown[0].code == "entity_not_found"
    assert not dialog.save_button.isEnabled()


def test_render_pages_gives_a4_images() -> None:
    from reportlab.platypus import Spacer

    from ombud_desktop.reports.layout import build_pdf

    pdf = build_pdf([Spacer(1, 1)], lambda *_a: None, title="t", subject="s")
    (image,) = render_pages(pdf, 72)
    assert abs(image.width() - 595) <= 1  # A4 is 595.28 x 841.89 pt
    assert abs(image.height() - 842) <= 1


def test_the_reports_menu_opens_the_report_of_the_selected_assessment(
    qtbot: Any, demo_store: StoreThread, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ombud_desktop.ui.app import settings_at

    requests: list[ReportRequest] = []
    monkeypatch.setattr(
        ReportPreviewDialog, "show_report",
        classmethod(lambda _cls, _parent, _store, request: requests.append(request)),
    )
    informed: list[str] = []
    monkeypatch.setattr("ombud_desktop.ui.alerts.inform",
                        lambda _parent, _title, text: informed.append(text))
    window = MainWindow(demo_store, settings_at(tmp_path / "settings.json"), "id")
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.home.loading, timeout=10_000)
    titles = [action.text() for action in window.menuBar().actions()]
    assert "&Reports" in titles
    report_preview.open_report(window, demo_store, "locus", None, "id")
    assert informed  # nothing selected: say what to do, open nothing
    assert not requests
    row = first_assessment(demo_store)
    assert window.home.select(row["id"])
    for kind in ("locus", "entity", "province"):
        window.open_report(kind)
        qtbot.waitUntil(lambda: demo_store.pending == 0, timeout=10_000)  # names read first
    assert [(r.kind, r.target, r.language) for r in requests] == [
        ("locus", row["id"], "id"),
        ("entity", row["entity"]["id"], "id"),
        ("province", row["entity"]["province"], "id"),
    ]


def test_the_report_sees_an_answer_whose_save_is_still_queued(
    qtbot: Any, demo_store: StoreThread
) -> None:
    row = first_assessment(demo_store)
    aid = row["id"]
    before = call(demo_store, lambda s: s.assessments.score(aid).indicators["IN07"].value)
    new = 0 if before != 0 else 1
    demo_store.submit(lambda s: s.assessments.set_rating(aid, "IN07", new))  # queued, not waited
    dialog = open_dialog(qtbot, demo_store, ReportRequest("locus", aid, language="en"))
    text = " ".join(" ".join(p.extract_text() for p in
                             PdfReader(io.BytesIO(dialog.built.pdf)).pages).split())
    digest = call(demo_store, lambda s: assessment_state_digest(s.workspace, aid))
    assert verification_code(digest) in text  # the code of the state with the new answer
    assert dialog.built is not None
