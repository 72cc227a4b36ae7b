"""A 2025 assessment end to end through the app's windows (issue 17): made in the New-assessment
dialog (which gives ori-2025 for 2025), answered in the assessment window (no Output section),
exported from the assessor's main window, imported and merged in the supervisor's, a trust file
imported and products followed recorded in the results window, which shows the score parts,
the trust result, the qualifier and the grade in its zone's colour; a Hitam entity in black.

Real key stores, workspaces, packages and store threads; only modal questions are answered by
replacing their one classmethod or function, as the other GUI tests do.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.instruments.model import RatingIndicator
from ombud_desktop.packages.format import SUFFIX
from ombud_desktop.packages.keys import KeyStore
from ombud_desktop.services.assessments import NewAssessment
from ombud_desktop.storage import Workspace
from ombud_desktop.ui import alerts
from ombud_desktop.ui.app import settings_at
from ombud_desktop.ui.dialogs import files
from ombud_desktop.ui.dialogs.fingerprint import FingerprintDialog
from ombud_desktop.ui.dialogs.inputs import ProductsDialog
from ombud_desktop.ui.dialogs.new_assessment import NewAssessmentDialog
from ombud_desktop.ui.dialogs.package_results import ReceiptDialog
from ombud_desktop.ui.dialogs.passphrase import PassphraseDialog
from ombud_desktop.ui.main_window import MainWindow
from ombud_desktop.ui.ops import StoreThread, open_store_at
from ombud_desktop.ui.packages.session import KeySession, set_outbox_folder
from ombud_desktop.ui.results import ResultsWindow
from tests.ui.conftest import call

ASSESSOR = "kunci asesor 2025"
PUSAT = "kunci pusat 2025"
HITAM = "#212121"  # ori-2025's fifth zone


@pytest.fixture
def keys(tmp_path: Path) -> tuple[KeyStore, KeyStore]:
    """An assessor, and pusat (national key, receiving key) who trust each other."""
    assessor, pusat = KeyStore(tmp_path / "k-assessor"), KeyStore(tmp_path / "k-pusat")
    assessor.create_signing_key(ASSESSOR, owner="Siti Aminah")
    pusat.create_signing_key(PUSAT, owner="Budi Santoso")
    pusat.mark_national()
    pusat.create_receiving_key(PUSAT, owner="Budi Santoso")
    assessor.set_recipient(pusat.public_key_file())
    assessor.trust(pusat.public_key_file().signing_key, "Budi Santoso", role="national")
    return assessor, pusat


def _store(path: Path, profile: str) -> StoreThread:
    with Workspace.open(path) as workspace:
        workspace.set_profile(profile)
    return StoreThread(open_store_at(path))


@pytest.fixture
def stores(tmp_path: Path) -> Iterator[tuple[StoreThread, StoreThread]]:
    assessor = _store(tmp_path / "ws-assessor", "Siti Aminah")
    supervisor = _store(tmp_path / "ws-pusat", "Budi Santoso")
    yield assessor, supervisor
    assessor.close()
    supervisor.close()


def _main(qtbot: Any, store: StoreThread, tmp_path: Path, keys: KeyStore, name: str) -> MainWindow:
    settings = settings_at(tmp_path / f"settings-{name}.json")
    set_outbox_folder(settings, tmp_path / f"outbox-{name}")
    window = MainWindow(store, settings, "en", keys=KeySession(keys.folder))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: not window.home.loading, timeout=10_000)
    return window


def _settle(qtbot: Any, store: StoreThread) -> None:
    store.wait_idle()
    qtbot.waitUntil(lambda: store.pending == 0, timeout=10_000)


def _new_2025_assessment(qtbot: Any, window: MainWindow) -> Any:
    """Answer the New-assessment dialog as a user would: period 2025, Kota Cilegon."""
    chosen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NewAssessmentDialog):
            QTimer.singleShot(20, answer)  # not open yet
            return
        dialog.year_spin.setValue(2025)
        chosen.append(dialog.instrument.id)
        dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("kota"))
        dialog.province_combo.setCurrentText("Banten")
        dialog.entity_edit.setText("Kota Cilegon")
        dialog.accept()

    QTimer.singleShot(0, answer)
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.assessment is not None, timeout=10_000)
    assert chosen == ["ori-2025"]
    return window.assessment


def _hitam_entity(store: StoreThread) -> str:
    """Make, through the services, an entity rated 0 everywhere: the fifth zone."""
    instrument = builtin_instrument("ori-2025")
    new = NewAssessment("kabupaten", "Kabupaten Lebak", "Banten", "Puskesmas Rangkasbitung", 2025)
    aid = call(store, lambda s: s.assessments.create(instrument, new)).value
    for _dimension, indicator in instrument.indicators():
        if isinstance(indicator, RatingIndicator):
            call(store, lambda s, code=indicator.code: s.assessments.set_rating(aid, code, 0))
    return aid


def test_a_2025_assessment_through_the_app(
    qtbot: Any, tmp_path: Path, keys: tuple[KeyStore, KeyStore],
    stores: tuple[StoreThread, StoreThread], monkeypatch: pytest.MonkeyPatch,
) -> None:
    assessor_keys, pusat_keys = keys
    assessor_store, pusat_store = stores
    told: list[str] = []
    monkeypatch.setattr(alerts, "inform", lambda _parent, _title, text: told.append(text))
    monkeypatch.setattr(alerts, "error", lambda _parent, error: told.append(str(error)))

    # The assessor: a new assessment of 2025 gets ori-2025; the window has no Output section.
    assessor = _main(qtbot, assessor_store, tmp_path, assessor_keys, "assessor")
    view = _new_2025_assessment(qtbot, assessor)
    _settle(qtbot, assessor_store)
    sections = [view.navigator.topLevelItem(i).text(0)
                for i in range(view.navigator.topLevelItemCount())]
    assert sections
    assert not [s for s in sections if "output" in s.casefold()], sections
    assert not [key for key in view.pages if key.startswith("OUT")]
    instrument = builtin_instrument("ori-2025")
    for _dimension, indicator in instrument.indicators():
        if isinstance(indicator, RatingIndicator):
            view.show_page(indicator.code)
            QTest.keyClick(view, Qt.Key.Key_3)
    _settle(qtbot, assessor_store)
    assert view.score.score is not None

    # Export from the home list, the signing key unlocked by its passphrase.
    monkeypatch.setattr(PassphraseDialog, "ask_unlock",
                        lambda _parent, _title, _intro, unlock, **_kw: unlock(ASSESSOR))
    qtbot.waitUntil(lambda: assessor.home.model.rowCount() == 1, timeout=10_000)
    table = assessor.home.table
    table.selectionModel().select(
        table.model().index(0, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    assessor.packages.export_action.trigger()
    qtbot.waitUntil(lambda: not assessor.packages.busy, timeout=20_000)
    written = sorted((tmp_path / "outbox-assessor").glob(f"*{SUFFIX}"))
    assert len(written) == 1, told

    # Pusat imports and merges it; trusts the assessor after comparing the digits.
    monkeypatch.setattr(PassphraseDialog, "ask_unlock",
                        lambda _parent, _title, _intro, unlock, **_kw: unlock(PUSAT))
    monkeypatch.setattr(FingerprintDialog, "ask", lambda _parent, **_kw: True)
    receipts: list[Any] = []
    monkeypatch.setattr(ReceiptDialog, "show_for",
                        lambda _parent, got, refused: receipts.append((got, refused)))
    supervisor = _main(qtbot, pusat_store, tmp_path, pusat_keys, "pusat")
    supervisor.packages.import_paths(written)
    qtbot.waitUntil(lambda: not supervisor.packages.busy and bool(receipts), timeout=20_000)
    got, refused = receipts[0]
    assert refused == []
    assert [a.status for r in got for a in r.assessments] == ["new"]
    hitam_id = _hitam_entity(pusat_store)
    assert hitam_id

    # The results window: trust imported from a file, products followed recorded.
    window = ResultsWindow(pusat_store, "en", settings_at(tmp_path / "settings-results.json"),
                           keys=lambda: pusat_keys)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        window.show()
    by_name = {e["entity"]: e for e in window.dashboard.data.entities}
    assert set(by_name) == {"Kota Cilegon", "Kabupaten Lebak"}
    trust = tmp_path / "kepercayaan.csv"
    trust.write_text("entity,province,period,score,respondents\n"
                     "Kota Cilegon,Banten,2025,88.50,240\n"
                     "Kabupaten Lebak,Banten,2025,10.00,35\n", encoding="utf-8")
    window.show_entity(by_name["Kota Cilegon"]["key"])
    _wait(qtbot, window)
    panel = window.records.inputs
    assert panel.trust_button.isEnabled()
    monkeypatch.setattr(files, "ask_open_path", lambda *_args: trust)
    panel.trust_button.click()
    qtbot.waitUntil(lambda: "88.50" in panel.trust_label.text(), timeout=20_000)
    assert "2 new, 0 replaced, 0 unchanged." in told

    def followed(dialog: ProductsDialog) -> int:
        dialog.followed_combo.setCurrentIndex(0)
        dialog.note_edit.setText("LAHP ditindaklanjuti")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ProductsDialog, "exec", followed)
    panel.products_button.click()
    qtbot.waitUntil(lambda: "LAHP" in panel.products_label.text(), timeout=20_000)
    _wait(qtbot, window)

    # What the window shows: the parts, the trust, the qualifier, the grade in its colour.
    qtbot.waitUntil(lambda: (window.entity_view.entity or {}).get("trust") is not None,
                    timeout=20_000)
    shown = window.entity_view
    entity = shown.entity
    assert entity is not None
    parts = shown.parts_label.text()
    assert "Provisional methodology" in parts
    assert "Public trust (30.00 %): 88.50" in parts
    assert "Output (secondary data)" in parts
    assert entity["trust"] == pytest.approx(88.5)
    assert entity["grade"] in ("A", "B", "C")
    assert "Without Maladministration" in shown.grade_badge.text()
    assert entity["zone_colour"] in shown.grade_badge.styleSheet()

    # The Hitam entity: graded E, its badge and its row in the fifth zone's colour.
    window.show_entity(by_name["Kabupaten Lebak"]["key"])
    _wait(qtbot, window)
    qtbot.waitUntil(lambda: (window.entity_view.entity or {}).get("entity") == "Kabupaten Lebak",
                    timeout=20_000)
    lebak = window.entity_view.entity
    assert lebak["zone"] == "hitam", lebak
    assert lebak["zone_colour"] == HITAM
    assert HITAM in window.entity_view.grade_badge.styleSheet()
    assert "Black" in window.entity_view.grade_badge.text()
    assert _row_colour(window, "Kabupaten Lebak") == QColor(HITAM)


def _wait(qtbot: Any, window: ResultsWindow) -> None:
    qtbot.waitUntil(lambda: not window.busy_now and not window.records.busy, timeout=30_000)


def _row_colour(window: ResultsWindow, name: str) -> QColor | None:
    """Return the background of the entity's grade cell on the dashboard's table."""
    model = window.dashboard.table.model()
    for row in range(model.rowCount()):
        cells = [model.index(row, c) for c in range(model.columnCount())]
        if any(c.data() == name for c in cells):
            colours = [c.data(Qt.ItemDataRole.BackgroundRole) for c in cells]
            return next((QColor(c) for c in colours if c is not None), None)
    return None
