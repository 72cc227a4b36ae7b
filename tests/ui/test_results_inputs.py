"""The results window's inputs page: the trust file import (file dialog), secondary data and
products followed, changed by a supervisor through the service, read-only for anyone else."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from ombud_desktop.ui import alerts
from ombud_desktop.ui.dialogs import files
from ombud_desktop.ui.dialogs.inputs import ProductsDialog, SecondaryDialog
from ombud_desktop.ui.inputs_panel import SecondaryTableModel
from ombud_desktop.ui.ops import StoreThread
from tests.records_keys import assessor_keys, supervisor_keys
from tests.ui.conftest import call
from tests.ui.test_results_records import _entities, _open, _settle


def test_a_supervisor_imports_trust_and_records_inputs(
    demo_store: StoreThread, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: Any,
) -> None:
    first = _entities(demo_store)[0]
    keys = supervisor_keys(tmp_path / "keys", first["province"])
    window, entity = _open(qtbot, demo_store, tmp_path, keys)
    panel = window.records.inputs
    tabs = window.entity_view.tabs
    assert tabs.tabText(3) == "Trust and secondary data"
    assert "no result imported" in panel.trust_label.text()
    assert panel.trust_button.isEnabled()

    trust = tmp_path / "trust.csv"
    trust.write_text("entity,province,period,score,respondents\n"
                     f"{entity['entity']},{entity['province']},{entity['period']},65.98,120\n",
                     encoding="utf-8")
    monkeypatch.setattr(files, "ask_open_path", lambda *_args: trust)
    told: list[str] = []
    monkeypatch.setattr(alerts, "inform", lambda _parent, _title, text: told.append(text))
    monkeypatch.setattr(alerts, "error", lambda _parent, error: told.append(str(error)))
    panel.trust_button.click()
    _settle(qtbot, window)
    qtbot.waitUntil(lambda: "65.98" in panel.trust_label.text(), timeout=20_000)
    assert told == ["1 new, 0 replaced, 0 unchanged."]
    assert "120 respondents" in panel.trust_label.text()

    def secondary(dialog: SecondaryDialog) -> int:
        dialog.code_edit.setText("OUT01")
        dialog.value_spin.setValue(72.5)
        dialog.source_edit.setText("BPS")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SecondaryDialog, "exec", secondary)
    panel.secondary_button.click()
    _settle(qtbot, window)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=20_000)
    assert panel.model.index(0, 0).data() == "OUT01"

    def products(dialog: ProductsDialog) -> int:
        dialog.followed_combo.setCurrentIndex(0)
        dialog.note_edit.setText("LAHP ditindaklanjuti")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ProductsDialog, "exec", products)
    panel.products_button.click()
    _settle(qtbot, window)
    qtbot.waitUntil(lambda: "LAHP" in panel.products_label.text(), timeout=20_000)
    assert "yes" in panel.products_label.text()
    inputs = call(demo_store, lambda s: s.entity_inputs(keys).of_entity(
        entity["entity_id"], entity["period"]))
    assert inputs.products is not None
    assert inputs.products.value is True
    assert [v.value for v in inputs.secondary] == [72.5]
    model = SecondaryTableModel()
    model.set_rows([v.to_json() for v in inputs.secondary])
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, 2).data() == "BPS"


def test_anyone_else_sees_the_inputs_read_only(
    demo_store: StoreThread, qtbot: Any, tmp_path: Path
) -> None:
    window, _entity = _open(qtbot, demo_store, tmp_path, assessor_keys(tmp_path / "a"))
    panel = window.records.inputs
    qtbot.waitUntil(lambda: panel.inputs is not None, timeout=20_000)
    for button in (panel.trust_button, panel.products_button, panel.secondary_button):
        assert not button.isEnabled()
        assert "Only a supervisor" in button.toolTip()


def test_the_empty_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = SecondaryTableModel()
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 0
