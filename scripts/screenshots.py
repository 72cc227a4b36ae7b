"""Take PNG screenshots of the main screens into docs/screenshots/ (run under Xvfb).

    xvfb-run -s "-screen 0 1366x768x24" python scripts/screenshots.py          # main screens
    xvfb-run -s "-screen 0 1366x768x24" python scripts/screenshots.py setup    # first-run setup

Makes a throwaway demo workspace, opens the app's real windows at 1366×768 (the usual laptop),
and saves what they show. The README links the pictures.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.storage import Workspace
from ombud_desktop.ui.app import settings_at
from ombud_desktop.ui.i18n import install_translator
from ombud_desktop.ui.main_window import MainWindow
from ombud_desktop.ui.ops import StoreThread, open_store_at

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def settle(app: QApplication, rounds: int = 30) -> None:
    """Let queued store results and paints arrive."""
    for _ in range(rounds):
        app.processEvents()
        QTimer.singleShot(10, lambda: None)


def setup_screens(app: QApplication, scratch: Path) -> None:
    """Save the three pages of the first-run setup, filled in, in Indonesian."""
    from ombud_desktop.ui.dialogs.setup import SetupWizard

    translator = install_translator("id", scratch / "cache")
    wizard = SetupWizard(None, workspace=Path("/home/siti/.local/share/ombud-desktop/workspace"))
    wizard.profile_page.name_edit.setText("Siti Aminah")
    wizard.profile_page.nip_edit.setText("198701012010012001")
    wizard.show()
    settle(app)
    wizard.grab().save(str(OUT / "setup-1-id.png"))
    wizard.next()
    wizard.key_page.first.setText("kopi pagi di cilegon")
    wizard.key_page.second.setText("kopi pagi di cilegon")
    settle(app)
    wizard.grab().save(str(OUT / "setup-2-id.png"))
    wizard.next()
    wizard.workspace_page.sample_box.setChecked(True)
    settle(app)
    wizard.grab().save(str(OUT / "setup-3-id.png"))
    wizard.close()
    if translator is not None:
        app.removeTranslator(translator)


def results_shots(app: QApplication, scratch: Path, language: str) -> None:
    """Save the results dashboard and one entity's loci (a workspace of 40 entities)."""
    from ombud_desktop.services.scoring import score_workspace
    from ombud_desktop.ui.results import ResultsWindow

    folder = scratch / "ws-results"
    if not folder.exists():
        with Workspace.open(folder) as workspace:
            workspace.set_profile("Siti Aminah", None)
            generate_demo(workspace, builtin_instrument("ori-2023"), entities=40, seed=11)
            entities = score_workspace(workspace).entities
            workspace.add_correction(entities[0].entity_id, "2024", "cap", 0.0, "C",
                                     "Rekomendasi Ombudsman tidak dilaksanakan")
            workspace.add_correction(entities[0].entity_id, "2024", "points", 1.5, None,
                                     "Data pengaduan tidak dapat diverifikasi")
    store = StoreThread(open_store_at(folder))
    window = ResultsWindow(store, language, settings_at(scratch / f"results-{language}.ini"))
    window.resize(1366, 768)
    window.show()
    while window.busy_now:
        settle(app, 1)
    settle(app)
    window.grab().save(str(OUT / f"results-{language}.png"))
    window.dashboard.table.sortByColumn(0, window.dashboard.table.horizontalHeader()
                                        .sortIndicatorOrder().AscendingOrder)
    entity = next(e for e in window.dashboard.data.entities if e["corrections"])
    window.show_entity(entity["key"])
    settle(app)
    provisional = [r for r in range(window.entity_view.model.rowCount())
                   if window.entity_view.model.row_data(r)["reasons"]]
    if provisional:
        proxy = window.entity_view.proxy
        row = proxy.mapFromSource(window.entity_view.model.index(provisional[0], 0)).row()
        window.entity_view.table.selectRow(row)
    settle(app)
    window.grab().save(str(OUT / f"entity-{language}.png"))
    window.close()
    store.close()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    if sys.argv[1:] == ["setup"]:
        with tempfile.TemporaryDirectory() as scratch:
            setup_screens(app, Path(scratch))
        print(f"screenshots in {OUT}")
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "ws"
        with Workspace.open(folder) as workspace:
            workspace.set_profile("Siti Aminah", None)
            generate_demo(workspace, builtin_instrument("ori-2023"), entities=3, seed=4)
        for language in ("id", "en"):
            translator = install_translator(language, Path(scratch) / "cache")
            store = StoreThread(open_store_at(folder))
            settings = settings_at(Path(scratch) / f"ui-{language}.ini")
            window = MainWindow(store, settings, language)
            window.resize(1366, 768)
            window.show()
            for _ in range(200):
                settle(app, 1)
                store.wait_idle()
                if window.home.model.rowCount() if hasattr(window.home, "model") else True:
                    break
            settle(app)
            window.grab().save(str(OUT / f"home-{language}.png"))
            first = store.call(lambda s: s.workspace.assessment_rows()[0]["id"])
            for page in ("IN07", "PR01", "R1", "service_users"):
                window.open_assessment(first, page)
                settle(app)
                store.wait_idle()
                settle(app)
                window.grab().save(str(OUT / f"{page.lower()}-{language}.png"))
            window.close()
            store.close()
            results_shots(app, Path(scratch), language)
            if translator is not None:
                app.removeTranslator(translator)
    print(f"screenshots in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
