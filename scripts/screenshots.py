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
from typing import Any

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
            package_screens(app, folder, Path(scratch), language)
            if translator is not None:
                app.removeTranslator(translator)
    print(f"screenshots in {OUT}")
    return 0


def package_screens(app: QApplication, workspace: Path, scratch: Path, language: str) -> None:
    """Screens of signed packages: keys, trusting a signer, passphrase, receipt, verify."""
    import shutil

    from ombud_desktop.packages.export import Signer, export_assessment
    from ombud_desktop.packages.keys import KeyStore
    from ombud_desktop.services.packages import PackageService
    from ombud_desktop.ui.dialogs.fingerprint import FingerprintDialog
    from ombud_desktop.ui.dialogs.keys import KeysDialog, QrDialog
    from ombud_desktop.ui.dialogs.package_results import ReceiptDialog, Refusal, VerifyDialog
    from ombud_desktop.ui.dialogs.passphrase import PassphraseDialog
    from ombud_desktop.ui.packages.session import KeySession
    from ombud_desktop.ui.packages.wording import describe_problem

    base = scratch / f"packages-{language}"
    assessor = KeyStore(base / "keys-assessor")
    supervisor = KeyStore(base / "keys-supervisor")
    assessor.create_signing_key("kunci asesor 2024", owner="Siti Aminah")
    supervisor.create_signing_key("kunci supervisor 2024", owner="Budi Santoso")
    supervisor.create_receiving_key("kunci supervisor 2024", owner="Budi Santoso")
    assessor.set_recipient(supervisor.public_key_file())
    assessor.trust(supervisor.public_key_file().signing_key, "Budi Santoso")
    for name in ("Ahmad Fauzi", "Dewi Lestari"):
        other = KeyStore(base / f"keys-{name}")
        other.create_signing_key("kunci lain 2024", owner=name)
        supervisor.trust(other.public_key_file().signing_key, name)

    signer = Signer(assessor.signing_key("kunci asesor 2024"), "Siti Aminah")
    with Workspace.open(workspace) as source:
        ids = [row["id"] for row in source.assessment_rows()[:3]]
        paths = [
            export_assessment(
                source, aid, base / "out", signer, recipient=assessor.recipient()
            ).path
            for aid in ids
        ]
    tampered = base / "out" / "Kab-rusak.ombx"
    data = bytearray(paths[2].read_bytes())
    data[len(data) // 3] ^= 0x01
    tampered.write_bytes(bytes(data))
    shutil.copy(paths[0], base / "copy.ombx")
    receipts = []
    with Workspace.open(base / "supervisor-ws") as target:
        target.set_profile("Budi Santoso", None)
        service = PackageService(target, supervisor)
        fingerprint = assessor.signing_key_info().fingerprint
        receipts.append(
            service.import_one(
                paths[0], passphrase="kunci supervisor 2024", trust_signer=fingerprint
            )
        )
        receipts.append(service.import_one(paths[1]))
        receipts.append(service.import_one(base / "copy.ombx"))
        report = service.verify(tampered)
        refused = [Refusal(tampered, [describe_problem(p.to_json()) for p in report.problems])]
        reports = [service.verify(paths[0]), report]

    def shoot(widget: Any, name: str) -> None:
        widget.show()
        settle(app)
        widget.grab().save(str(OUT / f"{name}-{language}.png"))
        widget.close()
        widget.deleteLater()

    shoot(KeysDialog(None, KeySession(assessor.folder), owner="Siti Aminah"), "keys")
    shoot(KeysDialog(None, KeySession(supervisor.folder), owner="Budi Santoso"), "keys_supervisor")
    shoot(QrDialog(None, assessor.public_key_file()), "key_qr")
    key_file = assessor.public_key_file()
    shoot(
        FingerprintDialog(
            None,
            title=QApplication.translate("PackageActions", "Unknown signer"),
            name=key_file.name,
            fingerprint=key_file.fingerprint,
            question=QApplication.translate(
                "PackageActions",
                "%1 is signed by a key you do not trust yet. Ask the assessor to read "
                "their fingerprint to you. Do these digits match what they read? Then "
                "trust the key and import the package.",
            ).replace("%1", paths[0].name),
            ok_text=QApplication.translate("PackageActions", "The digits match: trust and import"),
            cancel_text=QApplication.translate("PackageActions", "Skip this package"),
        ),
        "trust_signer",
    )
    passphrase = PassphraseDialog(None, mode="new")
    passphrase.new_edit.setText("pendek")
    shoot(passphrase, "passphrase")
    shoot(ReceiptDialog(None, receipts, refused), "receipt")
    shoot(VerifyDialog(None, reports), "verify")


if __name__ == "__main__":
    sys.exit(main())
