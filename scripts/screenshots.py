"""Take PNG screenshots of the main screens into docs/screenshots/ (run under Xvfb).

    xvfb-run -s "-screen 0 1366x768x24" python scripts/screenshots.py          # main screens
    xvfb-run -s "-screen 0 1366x768x24" python scripts/screenshots.py setup    # first-run setup
    xvfb-run -s "-screen 0 1366x768x24" python scripts/screenshots.py supervisor   # review
    python scripts/screenshots.py windows [--size 1366x768|1024x600|all] [--lang id|en|all]

Makes a throwaway demo workspace, opens the app's real windows at 1366×768 (the usual laptop),
and saves what they show. The README links the pictures.

``windows`` takes every window and dialog of the app (the catalogue the 1024×600 test opens,
tests/ui/window_catalogue.py) on a screen of each size, in each language, fitted as the app
fits them, into docs/screenshots/windows/<window>-<lang>-<size>.png. It needs no X server:
each size runs in a child process on Qt's offscreen screen of exactly that size.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
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


def wait_for(app: QApplication, condition: Any, seconds: float = 20.0) -> None:
    """Process events until ``condition()`` holds (or the time is up)."""
    import time

    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    settle(app)


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
    window = ResultsWindow(store, language, settings_at(scratch / f"results-{language}.json"))
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


def _team_with_conflicts(scratch: Path) -> tuple[Path, Path, str, Any, Any, Any]:
    """Two laptops that rated the same indicators differently; a supervisor who imported both.

    Returns the supervisor's and the first laptop's workspace folders, the assessment id, the
    signer, the supervisor's key store and the receipt of the supervisor's import.
    """
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from ombud_desktop.packages.export import Signer, export_assessment
    from ombud_desktop.packages.importer import import_package
    from ombud_desktop.packages.keys import KeyStore
    from ombud_desktop.services.assessments import AssessmentService
    from ombud_desktop.services.merge import merge_packages
    from ombud_desktop.services.packages import PackageService

    signer = Signer(Ed25519PrivateKey.generate(), "Siti Aminah")
    keys = KeyStore(scratch / "keys")
    keys.trust(signer.public_key, "Siti Aminah")
    with Workspace.open(scratch / "laptop1") as first:
        first.set_profile("Siti Aminah", None)
        generate_demo(first, builtin_instrument("ori-2023"), entities=1, seed=4)
        aid, indicator = next(
            (row["id"], e["indicator"]) for row in first.assessment_rows()
            if row["status"] == "draft"
            for e in first.evidence_rows([row["id"]]) if (e["indicator"] or "").startswith("IN")
        )
        base = export_assessment(first, aid, scratch / "base", signer).path
        with Workspace.open(scratch / "laptop2") as second:
            second.set_profile("Rina Wati", None)
            import_package(second, base, keys)
            for ws, values in ((first, (1, "incomplete")), (second, (3, "absent"))):
                service = AssessmentService(ws)
                service.set_rating(aid, indicator, values[0])
                service.set_rating(aid, "IN08", values[0] + 1 if values[0] < 3 else 0)
                service.set_display(aid, "PR01", 1, "electronic", values[1])
            paths = [export_assessment(ws, aid, scratch / name, signer).path
                     for ws, name in ((first, "one"), (second, "two"))]
    with Workspace.open(scratch / "supervisor") as supervisor:
        supervisor.set_profile("Budi Santoso", None)
        generate_demo(supervisor, builtin_instrument("ori-2023"), entities=2, seed=9)
        report = merge_packages(PackageService(supervisor, keys), paths)
    return scratch / "supervisor", scratch / "laptop1", aid, signer, keys, report


def supervisor_screens(app: QApplication, scratch: Path) -> None:
    """Save the conflicts window, the return dialog, the inbox receipt and a returned page."""
    from ombud_desktop import settings as setting
    from ombud_desktop.packages.export import export_assessment
    from ombud_desktop.packages.importer import import_package
    from ombud_desktop.services.merge import approve, return_for_correction
    from ombud_desktop.ui.conflicts import ConflictsWindow
    from ombud_desktop.ui.dialogs.package_results import ReceiptDialog
    from ombud_desktop.ui.review import ReturnDialog, commentable_indicators

    supervisor, laptop, aid, signer, keys, report = _team_with_conflicts(scratch)
    for language in ("id", "en"):
        translator = install_translator(language, scratch / "cache")
        store = StoreThread(open_store_at(supervisor))
        window = ConflictsWindow(store, language)
        window.resize(1366, 768)
        window.show()
        wait_for(app, lambda window=window: window.model.rowCount() > 0)
        row = next((n for n, c in enumerate(window.model.conflicts()) if c["evidence"]), 0)
        window.table.selectRow(row)
        settle(app)
        window.grab().save(str(OUT / f"conflicts-{language}.png"))
        window.close()
        store.close()
        if translator is not None:
            app.removeTranslator(translator)
    translator = install_translator("id", scratch / "cache")
    store = StoreThread(open_store_at(supervisor))
    instrument = builtin_instrument("ori-2023")
    dialog = ReturnDialog(None, commentable_indicators(instrument, "id"),
                          "Kabupaten Serang › Puskesmas")
    dialog.comment_edit.setPlainText("Foto bukti sarana belum jelas; lengkapi wawancara R3.")
    for code, text in (("IN07", "Foto papan informasi tidak terbaca, ambil ulang dari dekat."),
                       ("PR01", "Produk 2 kanal elektronik: lampirkan tangkapan layar.")):
        dialog.indicator_combo.setCurrentIndex(dialog.indicator_combo.findText(
            code, Qt.MatchFlag.MatchStartsWith))
        dialog.indicator_text.setText(text)
        dialog.add_comment()
    dialog.show()
    settle(app)
    dialog.grab().save(str(OUT / "return-id.png"))
    answer = dialog.answer()
    dialog.close()
    other = store.submit(lambda s: [r["id"] for r in s.workspace.assessment_rows()]).result()
    store.submit(lambda s: return_for_correction(s.workspace, aid, answer.comment,
                                               answer.indicator_comments)).result()
    store.submit(lambda s: approve(s.workspace, other[1])).result()
    returned = store.submit(lambda s: export_assessment(s.workspace, aid, scratch / "back",
                                                      signer).path).result()
    settings = settings_at(scratch / "ui-supervisor.json")
    settings.set(setting.ROLE, "supervisor")
    main = MainWindow(store, settings, "id")
    main.resize(1366, 768)
    main.show()
    wait_for(app, lambda: main.home.model.rowCount() > 0 and not main.home.loading)
    main.supervision.last_report = report
    main.supervision.notice.tell(report)
    main.home.select(aid)
    settle(app)
    main.grab().save(str(OUT / "home-supervisor-id.png"))
    receipt = ReceiptDialog(main, *main.supervision.receipt_parts(report))
    receipt.show()
    settle(app)
    receipt.grab().save(str(OUT / "receipt-inbox-id.png"))
    receipt.close()
    main.close()
    store.close()
    with Workspace.open(laptop) as workspace:
        import_package(workspace, returned, keys)
    store = StoreThread(open_store_at(laptop))
    main = MainWindow(store, settings_at(scratch / "ui-assessor.json"), "id")
    main.resize(1366, 768)
    main.show()
    wait_for(app, lambda: not main.home.loading)
    main.open_assessment(aid, "IN07")
    store.wait_idle()
    wait_for(app, lambda: store.pending == 0)
    main.grab().save(str(OUT / "returned-id.png"))
    main.close()
    store.close()
    if translator is not None:
        app.removeTranslator(translator)


SIZES = ("1366x768", "1024x600")
LANGUAGES = ("id", "en")


def window_file_name(name: str, language: str, size: str) -> str:
    """Return the picture's name for a catalogue entry: ``main_window-assessment-id-1024x600``."""
    import re

    module_class, _hash, state = name.partition("#")
    words = re.sub(r"(?<!^)(?=[A-Z])", "_", module_class.rsplit(".", 1)[1]).lower()
    return "-".join(part for part in (words, state, language, size) if part) + ".png"


def windows_shots(argv: list[str]) -> int:
    """Take every window at each size and language asked (each size in a child process)."""
    import argparse
    import json
    import os
    import subprocess

    parser = argparse.ArgumentParser(prog="screenshots.py windows")
    parser.add_argument("--size", default="all", choices=[*SIZES, "all"])
    parser.add_argument("--lang", default="all", choices=[*LANGUAGES, "all"])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sizes = SIZES if args.size == "all" else (args.size,)
    languages = LANGUAGES if args.lang == "all" else (args.lang,)
    folder = OUT / "windows"
    folder.mkdir(parents=True, exist_ok=True)
    if args.child:  # on a screen of args.size already
        sys.path.insert(0, str(OUT.parents[1]))
        from tests.ui.window_catalogue import visit

        for language in languages:
            visit(language, lambda name, window, language=language: window.grab().save(
                str(folder / window_file_name(name, language, sizes[0]))), stretch=False)
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        for size in sizes:
            width, height = size.split("x")
            config = Path(scratch) / f"{size}.json"
            config.write_text(json.dumps({"screens": [{
                "name": size, "x": 0, "y": 0, "width": int(width), "height": int(height),
                "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
            env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
            subprocess.run([sys.executable, __file__, "windows", "--child", "--size", size,
                            "--lang", args.lang], env=env, check=True)
    print(f"screenshots in {folder}")
    return 0


def main() -> int:
    if sys.argv[1:2] == ["windows"]:
        return windows_shots(sys.argv[2:])
    app = QApplication.instance() or QApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    if sys.argv[1:] == ["setup"]:
        with tempfile.TemporaryDirectory() as scratch:
            setup_screens(app, Path(scratch))
        print(f"screenshots in {OUT}")
        return 0
    if sys.argv[1:] == ["supervisor"]:
        with tempfile.TemporaryDirectory() as scratch:
            supervisor_screens(app, Path(scratch))
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
            settings = settings_at(Path(scratch) / f"ui-{language}.json")
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
            first = store.submit(lambda s: s.workspace.assessment_rows()[0]["id"]).result()
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
    # A copy per language: each language's assessor has a new key, and an export signs the
    # workspace's changes into batches with the key of whoever exports them first.
    copied = shutil.copytree(workspace, base / "source")
    with Workspace.open(copied) as source:
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
