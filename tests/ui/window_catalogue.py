"""Every window and dialog of the app, built over a real demo workspace, for fit checks.

``CATALOGUE`` maps each window class (module.Class, with ``#what`` for a second state of the
same class) to a function that builds one, filled as a user would see it.
``tests/ui/test_screen_fit.py`` checks that no window class of ombud_desktop.ui is missing
here (a new dialog cannot be forgotten silently), and runs :func:`main` in a child process
whose offscreen screen is 1024×600: every window is shown, fitted as the app fits it
(``ui/screen.ScreenFit``), and each of its buttons must lie inside the screen.

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json python -m tests.ui.window_catalogue [LANG]
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Build = Callable[["Context"], Any]


@dataclass
class Context:
    """What the factories build windows from: a demo workspace on its store thread."""

    store: Any
    folder: Path
    language: str

    def call(self, job: Callable[[Any], Any]) -> Any:
        return self.store.submit(job).result(timeout=120)

    def settings(self, name: str) -> Any:
        from ombud_desktop.ui.app import settings_at

        return settings_at(self.folder / f"{name}.json")

    def keys(self) -> Any:
        from ombud_desktop.packages.keys import KeyStore

        keys = KeyStore(self.folder / "keys")
        if not keys.has_signing_key():
            keys.create_signing_key("kunci asesor 2024", owner="Siti Aminah Nurhayati")
        return keys

    def assessment(self) -> str:
        return self.call(lambda s: s.workspace.assessment_rows()[0]["id"])

    def entity(self) -> dict[str, Any]:
        return self.call(lambda s: s.lists.results()).entities[0]


LONG_PACKAGE = "Kabupaten-Serang-Puskesmas-Cikedal-2024-08-05-Siti-Aminah-Nurhayati-a1b2c3.ombx"


def _main_window(ctx: Context) -> Any:
    from ombud_desktop.ui.main_window import MainWindow

    return MainWindow(ctx.store, ctx.settings("main"), ctx.language)


def _main_window_assessment(ctx: Context) -> Any:
    window = _main_window(ctx)
    window.open_assessment(ctx.assessment(), "R1")  # the longest page: a role interview
    return window


def _results(ctx: Context) -> Any:
    from ombud_desktop.ui.results import ResultsWindow

    return ResultsWindow(ctx.store, ctx.language, ctx.settings("results"))


def _conflicts(ctx: Context) -> Any:
    from ombud_desktop.ui.conflicts import ConflictsWindow

    return ConflictsWindow(ctx.store, ctx.language)


def _return(ctx: Context) -> Any:
    from ombud_desktop.instruments import builtin_instrument
    from ombud_desktop.ui.review import ReturnDialog, commentable_indicators

    return ReturnDialog(None, commentable_indicators(builtin_instrument("ori-2023"), ctx.language),
                        "Kabupaten Serang › Puskesmas Cikedal")


def _missing(ctx: Context) -> Any:
    from ombud_desktop.ui.dialogs.missing import MissingDialog
    from ombud_desktop.ui.widgets.score_panel import ScorePanel

    aid = ctx.assessment()
    score = ctx.call(lambda s: s.assessments.score(aid))
    panel = ScorePanel(ctx.call(lambda s: s.assessments.instrument_of(aid)), ctx.language)
    panel.show_score(score)
    dialog = MissingDialog(None, score, panel)
    dialog.keep = panel  # type: ignore[attr-defined]
    return dialog


def _plan(ctx: Context) -> Any:
    from ombud_desktop.ui.dialogs.records import PlanDialog

    entity = ctx.entity()
    records = ctx.call(lambda s: s.records(None).entity_records(entity["entity_id"],
                                                                entity["period"]))
    return PlanDialog(None, records, ctx.language)


def _correction(ctx: Context) -> Any:
    from ombud_desktop.ui.dialogs.records import CorrectionDialog

    entity = ctx.entity()
    records = ctx.call(lambda s: s.records(None).entity_records(entity["entity_id"],
                                                                entity["period"]))
    return CorrectionDialog(None, entity["entity"], entity["period"], records.grades)


def _history(ctx: Context) -> Any:
    from ombud_desktop.ui.dialogs.history import HistoryDialog

    return HistoryDialog(None, "IN07 · Kabupaten Serang › Puskesmas Cikedal")


def _fingerprint(ctx: Context) -> Any:
    from ombud_desktop.ui.dialogs.fingerprint import FingerprintDialog

    info = ctx.keys().signing_key_info()
    return FingerprintDialog(
        None, title="Penanda tangan belum dikenal", name="Siti Aminah Nurhayati",
        fingerprint=info.fingerprint,
        question=f"{LONG_PACKAGE} ditandatangani oleh kunci yang belum Anda percayai. " * 2,
        ok_text="Angka cocok: percayai dan impor", cancel_text="Lewati paket ini",
    )


def _certify(ctx: Context) -> Any:
    from ombud_desktop.ui.dialogs.certify import CertifyRoleDialog

    return CertifyRoleDialog(None, "Budi Santoso", national=True, province="")


def _report_preview(ctx: Context) -> Any:
    from ombud_desktop.services.reports import ReportRequest
    from ombud_desktop.ui.dialogs.report_preview import ReportPreviewDialog

    return ReportPreviewDialog(ctx.store, ReportRequest("locus", ctx.assessment(),
                                                        language=ctx.language))


def _setup(ctx: Context) -> Any:
    from ombud_desktop.ui.dialogs.setup import SetupWizard

    return SetupWizard(None, workspace=ctx.folder / "ws-new")


def _passphrase(ctx: Context) -> Any:
    from ombud_desktop.ui.dialogs.passphrase import PassphraseDialog

    return PassphraseDialog(None, mode="new")


def _doctor(ctx: Context) -> Any:
    from ombud_desktop.services.backup import DoctorReport, Finding
    from ombud_desktop.ui.dialogs.doctor import DoctorDialog

    findings = [Finding("evidence_missing", f"evidence/ab/ab12{n}") for n in range(30)]
    return DoctorDialog(DoctorReport(ctx.folder / "ws", False, findings))


def _new_assessment(ctx: Context) -> Any:
    from ombud_desktop.ui.dialogs.new_assessment import NewAssessmentDialog

    return NewAssessmentDialog(None, language=ctx.language)


def _receipt(ctx: Context) -> Any:
    from ombud_desktop.ui.dialogs.package_results import ReceiptDialog, Refusal

    reasons = [("Paket rusak: tanda tangan tidak cocok dengan isinya.",
                "Minta asesor mengekspor ulang paket itu.")]
    refused = [Refusal(ctx.folder / f"{n}-{LONG_PACKAGE}", reasons) for n in range(12)]
    return ReceiptDialog(None, [], refused)


def _verify(ctx: Context) -> Any:
    from ombud_desktop.ui.dialogs.package_results import VerifyDialog

    return VerifyDialog(None, [])


def _profile(ctx: Context) -> Any:
    from ombud_desktop.ui.dialogs.profile import ProfileDialog

    return ProfileDialog(None, name="Siti Aminah Nurhayati", nip="198701012010012001")


def _qr(ctx: Context) -> Any:
    from ombud_desktop.ui.dialogs.keys import QrDialog

    return QrDialog(None, ctx.keys().public_key_file())


def _keys(ctx: Context) -> Any:
    from ombud_desktop.ui.dialogs.keys import KeysDialog
    from ombud_desktop.ui.packages.session import KeySession

    return KeysDialog(None, KeySession(ctx.keys().folder), owner="Siti Aminah Nurhayati")


def _secondary(ctx: Context) -> Any:
    from ombud_desktop.ui.dialogs.inputs import SecondaryDialog

    return SecondaryDialog(None, "Kabupaten Pangandaran Selatan Raya", "2025", "OUTS01")


def _products(ctx: Context) -> Any:
    from ombud_desktop.ui.dialogs.inputs import ProductsDialog

    return ProductsDialog(None, "Kabupaten Pangandaran Selatan Raya", "2025", True,
                          "LAHP 2025 ditindaklanjuti")


def _guide(ctx: Context) -> Any:
    from ombud_desktop.ui.help import GuideDialog

    return GuideDialog(None, "supervisor")


def _shortcuts(ctx: Context) -> Any:
    from ombud_desktop.ui.help import ShortcutsDialog, shortcuts_of

    main = _main_window(ctx)  # the shortcuts of the real menus
    dialog = ShortcutsDialog(None, shortcuts_of(main))
    dialog.keep = main  # type: ignore[attr-defined]
    return dialog


CATALOGUE: dict[str, Build] = {
    "ombud_desktop.ui.main_window.MainWindow": _main_window,
    "ombud_desktop.ui.main_window.MainWindow#assessment": _main_window_assessment,
    "ombud_desktop.ui.results.ResultsWindow": _results,
    "ombud_desktop.ui.conflicts.ConflictsWindow": _conflicts,
    "ombud_desktop.ui.review.ReturnDialog": _return,
    "ombud_desktop.ui.dialogs.missing.MissingDialog": _missing,
    "ombud_desktop.ui.dialogs.records.PlanDialog": _plan,
    "ombud_desktop.ui.dialogs.records.CorrectionDialog": _correction,
    "ombud_desktop.ui.dialogs.history.HistoryDialog": _history,
    "ombud_desktop.ui.dialogs.fingerprint.FingerprintDialog": _fingerprint,
    "ombud_desktop.ui.dialogs.certify.CertifyRoleDialog": _certify,
    "ombud_desktop.ui.dialogs.report_preview.ReportPreviewDialog": _report_preview,
    "ombud_desktop.ui.dialogs.setup.SetupWizard": _setup,
    "ombud_desktop.ui.dialogs.passphrase.PassphraseDialog": _passphrase,
    "ombud_desktop.ui.dialogs.doctor.DoctorDialog": _doctor,
    "ombud_desktop.ui.dialogs.new_assessment.NewAssessmentDialog": _new_assessment,
    "ombud_desktop.ui.dialogs.package_results.ReceiptDialog": _receipt,
    "ombud_desktop.ui.dialogs.package_results.VerifyDialog": _verify,
    "ombud_desktop.ui.dialogs.profile.ProfileDialog": _profile,
    "ombud_desktop.ui.dialogs.keys.QrDialog": _qr,
    "ombud_desktop.ui.dialogs.keys.KeysDialog": _keys,
    "ombud_desktop.ui.dialogs.inputs.SecondaryDialog": _secondary,
    "ombud_desktop.ui.dialogs.inputs.ProductsDialog": _products,
    "ombud_desktop.ui.help.GuideDialog": _guide,
    "ombud_desktop.ui.help.ShortcutsDialog": _shortcuts,
}


def window_classes() -> set[str]:
    """Return every window class of ombud_desktop.ui: dialogs, main windows, ``*Window``."""
    import importlib
    import pkgutil

    from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

    import ombud_desktop.ui as ui

    for module in pkgutil.walk_packages(ui.__path__, "ombud_desktop.ui."):
        importlib.import_module(module.name)
    found: set[str] = set()
    todo = [QWidget]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if not cls.__module__.startswith("ombud_desktop.ui"):
            continue
        if issubclass(cls, (QDialog, QMainWindow)) or cls.__name__.endswith("Window"):
            found.add(f"{cls.__module__}.{cls.__qualname__}")
    return found


def outside(window: Any, area: Any) -> list[str]:
    """Return the buttons of ``window`` (and the window itself) not wholly inside ``area``.

    A button inside a scroll area counts as reachable when the scroll area is inside.
    """
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea

    problems = []
    frame = window.frameGeometry()
    if not area.contains(frame):
        problems.append(f"window {frame.width()}x{frame.height()} at {frame.x()},{frame.y()}")
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window):
            continue
        target, parent = button, button.parentWidget()
        while parent is not None and parent is not window:
            if isinstance(parent, QAbstractScrollArea):
                target = parent
            parent = parent.parentWidget()
        rect = QRect(target.mapToGlobal(target.rect().topLeft()), target.size())
        if not area.contains(rect):
            name = button.text() or button.toolTip() or button.objectName() or type(button).__name__
            where = f"{rect.x()},{rect.y()} {rect.width()}x{rect.height()}"
            problems.append(f"button {name!r} at {where}")
    return problems


def visit(language: str, seen: Callable[[str, Any], None], *, stretch: bool = True) -> None:
    """Build and show every catalogued window in ``language`` on this screen; call ``seen``.

    Each window is fitted as the app fits it (ScreenFit) unless OMBUD_NO_SCREEN_FIT=1: as in the
    app, where the main window is watched and hands the watch on to what it opens, each window
    is opened over a watched main window (its parent) unless it has a parent already. With
    ``stretch`` every window is first made 1366×768 (as a large screen would remember it);
    without, only the main windows are, and dialogs keep their own size.
    """
    from PySide6.QtWidgets import QApplication, QDialog, QMainWindow

    from ombud_desktop.instruments import builtin_instrument
    from ombud_desktop.services.demo import generate_demo
    from ombud_desktop.storage import Workspace
    from ombud_desktop.ui.i18n import install_translator
    from ombud_desktop.ui.ops import StoreThread, open_store_at
    from ombud_desktop.ui.screen import ScreenFit

    app = QApplication.instance() or QApplication([sys.argv[0]])
    if os.environ.get("OMBUD_NO_SCREEN_FIT") != "1":  # set: see that the check can fail
        ScreenFit.install(app)
    host = QMainWindow()  # the app's main window, which every other window is opened over
    ScreenFit.watch(host)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        with Workspace.open(folder / "ws") as workspace:
            workspace.set_profile("Siti Aminah Nurhayati", "198701012010012001")
            generate_demo(workspace, builtin_instrument("ori-2023"), entities=2, seed=7)
        translator = install_translator(language, folder / "cache")
        store = StoreThread(open_store_at(folder / "ws"))
        context = Context(store, folder, language)
        try:
            for name, build in CATALOGUE.items():
                window = build(context)
                if window.parentWidget() is None:
                    window.setParent(host, window.windowFlags())
                if stretch or not isinstance(window, QDialog):
                    window.resize(1366, 768)  # as a large screen would remember it
                window.show()
                for _ in range(3):  # reads on the store thread, then what they show
                    for _ in range(20):
                        app.processEvents()
                    store.wait_idle()
                app.processEvents()
                seen(name, window)
                window.close()
                window.deleteLater()
                app.processEvents()
        finally:
            store.close()
            if translator is not None:
                app.removeTranslator(translator)


def check_all(language: str) -> dict[str, list[str]]:
    """Show every catalogued window on this screen; return the problems of each (by class)."""
    from PySide6.QtWidgets import QApplication

    results: dict[str, list[str]] = {}

    def check(name: str, window: Any) -> None:
        area = QApplication.primaryScreen().availableGeometry()
        results[name] = outside(window, area)

    visit(language, check)
    return results


def main(argv: list[str]) -> int:
    language = argv[0] if argv else "id"
    print(json.dumps(check_all(language)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
