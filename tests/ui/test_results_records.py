"""The results window's plan of loci and corrections: shown, changed by a supervisor through the
records service (as ``ombud plan set`` / ``ombud correction …``), read-only for anyone else."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from ombud_desktop.errors import OmbudError
from ombud_desktop.packages.keys import KeyStore
from ombud_desktop.ui import alerts
from ombud_desktop.ui.app import settings_at
from ombud_desktop.ui.dialogs.records import CorrectionDialog, PlanDialog
from ombud_desktop.ui.models.records import CorrectionTableModel, PlanColumn, PlanTableModel
from ombud_desktop.ui.ops import StoreThread
from ombud_desktop.ui.results import ResultsWindow
from tests.records_keys import assessor_keys, supervisor_keys
from tests.ui.conftest import call


def _entities(store: StoreThread) -> list[dict[str, Any]]:
    return call(store, lambda s: s.lists.results()).entities


def _open(
    qtbot: Any, store: StoreThread, tmp_path: Path, keys: KeyStore | None
) -> tuple[ResultsWindow, dict[str, Any]]:
    window = ResultsWindow(store, "en", settings_at(tmp_path / "settings.json"),
                           keys=(lambda: keys) if keys is not None else None)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        window.show()
    entity = window.dashboard.data.entities[0]
    window.show_entity(entity["key"])
    _settle(qtbot, window)
    return window, entity


def _settle(qtbot: Any, window: ResultsWindow) -> None:
    """Wait until no scoring and no records job of the window is under way."""
    qtbot.waitUntil(lambda: not window.busy_now and not window.records.busy, timeout=30_000)


def _shown(window: ResultsWindow) -> dict[str, Any]:
    assert window.entity_view.entity is not None
    return window.entity_view.entity


@pytest.fixture
def supervisor(demo_store: StoreThread, tmp_path: Path) -> KeyStore:
    """A supervisor of the first entity's province."""
    return supervisor_keys(tmp_path / "keys", _entities(demo_store)[0]["province"])


def test_the_models_pass_the_model_tester(
    demo_store: StoreThread, supervisor: KeyStore, qtmodeltester: Any
) -> None:
    entity = _entities(demo_store)[0]
    records = call(demo_store, lambda s: s.records(supervisor).entity_records(
        entity["entity_id"], entity["period"]))
    plan = PlanTableModel(language="en")
    plan.set_plan([s.to_json() for s in records.plan.slots], records.template)
    qtmodeltester.check(plan, force_py=True)
    call(demo_store, lambda s: s.records(supervisor).add_correction(
        entity["entity_id"], entity["period"], points=2, reason="Bukti kurang"))
    records = call(demo_store, lambda s: s.records(supervisor).entity_records(
        entity["entity_id"], entity["period"]))
    corrections = CorrectionTableModel(language="en")
    corrections.set_rows([c.to_json() for c in records.corrections])
    qtmodeltester.check(corrections, force_py=True)


def test_the_plan_shows_the_template_by_default_with_each_slot_filled(
    demo_store: StoreThread, supervisor: KeyStore, qtbot: Any, tmp_path: Path
) -> None:
    window, entity = _open(qtbot, demo_store, tmp_path, supervisor)
    panels = window.records
    assert "template" in panels.plan_source.text()
    model = panels.plan_model
    assert model.rowCount() == entity["loci_planned"] == 7
    planned = [model.index(r, PlanColumn.PLANNED).data() for r in range(7)]
    assert planned.count("Any Community health centre (1)") == 1
    filled = {model.index(r, PlanColumn.FILLED_BY).data() for r in range(7)}
    assert filled == {locus["locus"] for locus in entity["loci"]}
    states = [model.index(r, PlanColumn.STATE).data() for r in range(7)]
    complete = sum(1 for locus in entity["loci"] if not locus["provisional"])
    assert states.count("Complete") == complete == 6
    assert states.count("Provisional (not complete)") == 1
    tabs = window.entity_view.tabs
    assert tabs.tabText(1) == "Plan of loci (6 of 7 complete)"
    assert tabs.tabText(2) == "Corrections (0 in force)"
    assert panels.plan_button.isEnabled()
    assert panels.add_button.isEnabled()
    assert not panels.withdraw_button.isEnabled()  # nothing chosen


def test_the_plan_dialog_sets_a_plan_and_the_entity_counts_its_loci_again(
    demo_store: StoreThread, supervisor: KeyStore, qtbot: Any, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, entity = _open(qtbot, demo_store, tmp_path, supervisor)
    assert "6 of 7 loci" in window.entity_view.status_label.text()
    seen: list[list[str]] = []

    def add_a_third_puskesmas(dialog: PlanDialog) -> int:
        seen.append(dialog.loci())
        dialog.add_slot("puskesmas")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PlanDialog, "exec", add_a_third_puskesmas)
    window.records.plan_button.click()
    _settle(qtbot, window)
    # The dialog opened on the template: seven types, nothing named.
    assert len(seen[0]) == 7
    assert seen[0].count("puskesmas") == 2
    assert window.records.plan_model.rowCount() == 8
    again = _shown(window)
    assert again["key"] == entity["key"]
    assert again["loci_planned"] == 8
    assert "6 of 8 loci" in window.entity_view.status_label.text()
    assert "Plan set by Siti Aminah" in window.records.plan_source.text()
    assert window.entity_view.tabs.tabText(1) == "Plan of loci (6 of 8 complete)"

    # Named loci only: the plan is those two loci, both complete; the count follows.
    complete = [locus["locus"] for locus in entity["loci"] if not locus["provisional"]][:2]

    def two_named(dialog: PlanDialog) -> int:
        for row in range(dialog.list.count()):
            if dialog.list.item(row).flags() & dialog.list.item(row).flags().ItemIsUserCheckable:
                dialog.list.item(row).setCheckState(dialog.list.item(row).checkState().Unchecked)
        for name in complete:
            dialog.set_checked(name)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PlanDialog, "exec", two_named)
    window.records.plan_button.click()
    _settle(qtbot, window)
    assert window.records.plan_model.rowCount() == 2
    assert _shown(window)["loci_planned"] == 2
    names = [window.records.plan_model.index(r, PlanColumn.PLANNED).data() for r in range(2)]
    assert sorted(names) == sorted(complete)


def test_withdrawing_with_a_reason_changes_the_score_and_lists_it_withdrawn(
    demo_store: StoreThread, supervisor: KeyStore, qtbot: Any, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = _entities(demo_store)[0]
    call(demo_store, lambda s: s.records(supervisor).add_correction(
        first["entity_id"], first["period"], points=3, reason="Data tidak dapat diverifikasi"))
    window, entity = _open(qtbot, demo_store, tmp_path, supervisor)
    panels = window.records
    assert window.entity_view.tabs.tabText(2) == "Corrections (1 in force)"
    assert panels.correction_model.state_text(panels.correction_model.row_data(0)) == "In force"
    panels.corrections_table.selectRow(0)
    assert panels.withdraw_button.isEnabled()
    asked: list[str] = []

    def reason(_parent: Any, _title: str, label: str, **_options: Any) -> str:
        asked.append(label)
        return "Sudah diverifikasi ulang"

    monkeypatch.setattr(alerts, "ask_text", reason)
    panels.withdraw_button.click()
    _settle(qtbot, window)
    assert "−3 points: Data tidak dapat diverifikasi" in asked[0]
    assert panels.correction_model.row_data(0)["withdrawn"]
    assert _shown(window)["score"] == pytest.approx(entity["score"] + 3)
    assert _shown(window)["corrections"] == []
    state = panels.correction_model.state_text(panels.correction_model.row_data(0))
    assert state.startswith("Withdrawn by Siti Aminah, ")
    assert state.endswith(": Sudah diverifikasi ulang")
    assert window.entity_view.tabs.tabText(2) == "Corrections (0 in force)"
    panels.corrections_table.selectRow(0)
    assert not panels.withdraw_button.isEnabled()  # withdrawn already
    listed = call(demo_store, lambda s: s.records(None).corrections())
    assert [c.withdrawn["reason"] for c in listed if c.withdrawn] == ["Sudah diverifikasi ulang"]


def test_adding_a_correction_and_the_same_again_is_refused_in_words(
    demo_store: StoreThread, supervisor: KeyStore, qtbot: Any, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, _entity = _open(qtbot, demo_store, tmp_path, supervisor)

    def cap_at_d(dialog: CorrectionDialog) -> int:
        dialog.cap_radio.setChecked(True)
        dialog.grade_combo.setCurrentText("D")
        dialog.reason_edit.setPlainText("Rekomendasi diabaikan")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CorrectionDialog, "exec", cap_at_d)
    window.records.add_button.click()
    _settle(qtbot, window)
    assert window.records.correction_model.rowCount() == 1
    assert _shown(window)["grade"] in ("D", "E")
    assert _shown(window)["capped"] or _shown(window)["grade"] == "E"
    shown: list[BaseException] = []
    monkeypatch.setattr(alerts, "error", lambda _parent, error: shown.append(error))
    window.records.add_button.click()
    _settle(qtbot, window)
    assert isinstance(shown[0], OmbudError)
    assert shown[0].code == "correction_duplicate"
    assert window.records.correction_model.rowCount() == 1


@pytest.mark.parametrize("who", ["no keys", "assessor", "other province"])
def test_anyone_but_the_province_s_supervisor_sees_the_records_read_only(
    demo_store: StoreThread, qtbot: Any, tmp_path: Path, who: str
) -> None:
    entity = _entities(demo_store)[0]
    keys = {
        "no keys": None,
        "assessor": assessor_keys(tmp_path / "a"),
        "other province": supervisor_keys(
            tmp_path / "o", "Aceh" if entity["province"] != "Aceh" else "Bali"),
    }[who]
    call(demo_store, lambda s: s.workspace.add_correction(
        entity["entity_id"], entity["period"], "points", 2.0, None, "Bukti kurang"))
    window, _entity = _open(qtbot, demo_store, tmp_path, keys)
    panels = window.records
    assert panels.plan_model.rowCount() == 7  # the plan and the corrections are shown
    assert panels.correction_model.rowCount() == 1
    panels.corrections_table.selectRow(0)
    for button in (panels.plan_button, panels.add_button, panels.withdraw_button):
        assert not button.isEnabled()
        assert entity["province"] in button.toolTip()
        assert ("another province" in button.toolTip()) == (who == "other province")
