"""The results window: filter by province, the previous period, what ranks are among, and a
provisional entity's reasons in words (a real workspace on its store thread)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.ui.app import settings_at
from ombud_desktop.ui.models.results import (
    EntityColumn,
    EntityTableModel,
    LocusColumn,
    LocusTableModel,
)
from ombud_desktop.ui.ops import StoreThread
from ombud_desktop.ui.results import ResultsWindow
from tests.services.test_previous import ENTITY, SEED_2023
from tests.ui.conftest import call


@pytest.fixture
def results(demo_store: StoreThread, qtbot: Any, tmp_path: Path) -> ResultsWindow:
    """The demo's 2 entities in 2024, and the first of them again in 2023."""
    call(demo_store, lambda s: generate_demo(
        s.workspace, builtin_instrument("ori-2023"), entities=1, seed=SEED_2023, year=2023))
    window = ResultsWindow(demo_store, "id", settings_at(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        window.show()
    return window


def shown(window: ResultsWindow, column: EntityColumn) -> list[str]:
    proxy = window.dashboard.proxy
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def test_results_filter_by_province(results: ResultsWindow) -> None:
    dashboard = results.dashboard
    combo = dashboard.province_combo
    provinces = sorted({e["province"] for e in dashboard.data.entities})
    assert len(provinces) == 2
    assert [combo.itemText(i) for i in range(combo.count())] == ["All provinces", *provinces]
    dashboard.period_combo.setCurrentIndex(0)  # every period
    assert len(shown(results, EntityColumn.ENTITY)) == 3
    for province in provinces:
        combo.setCurrentIndex(combo.findData(province))
        expected = [e for e in dashboard.data.entities if e["province"] == province]
        assert shown(results, EntityColumn.PROVINCE) == [province] * len(expected)
        assert dashboard.total_label.text().startswith(str(len(expected)))
    combo.setCurrentIndex(0)
    assert len(shown(results, EntityColumn.ENTITY)) == 3


def test_the_previous_period_shows_beside_the_score(results: ResultsWindow) -> None:
    dashboard = results.dashboard
    assert dashboard.period_combo.currentData() == "2024"
    entities = {(e["entity"], e["period"]): e for e in dashboard.data.entities}
    earlier = entities[(ENTITY, "2023")]
    now = entities[(ENTITY, "2024")]
    row = shown(results, EntityColumn.ENTITY).index(ENTITY)
    proxy = dashboard.proxy
    previous = proxy.index(row, EntityColumn.PREVIOUS).data()
    assert previous.startswith(f"2023: {round(earlier['score'], 2):.2f}".replace(".", ","))
    change = round(round(now["score"], 2) - round(earlier["score"], 2), 2)
    sign = "+" if change > 0 else "−" if change < 0 else ""
    assert proxy.index(row, EntityColumn.CHANGE).data() == sign + f"{abs(change):.2f}".replace(
        ".", ",")
    other = next(r for r in range(proxy.rowCount()) if r != row)
    assert proxy.index(other, EntityColumn.PREVIOUS).data() == ""  # no earlier period
    results.show_entity(now["key"])
    assert results.entity_view.previous_label.text().startswith("Previous period: 2023: ")
    assert results.entity_view.approved_label.text() == "0 of 7 loci approved"
    review = {results.entity_view.model.index(r, LocusColumn.REVIEW).data()
              for r in range(results.entity_view.model.rowCount())}
    assert review == {"belum ditinjau"}


def test_ranks_say_what_they_are_among(results: ResultsWindow) -> None:
    label = results.dashboard.scope_label
    assert label.isVisible()
    assert label.text().startswith("Ranks among — ")
    assert "peringkat di antara" in label.text()
    header = results.dashboard.model.headerData(EntityColumn.RANK, Qt.Orientation.Horizontal,
                                                Qt.ItemDataRole.ToolTipRole)
    assert "above the table" in header
    results.show_entity(results.dashboard.data.entities[0]["key"])
    assert "peringkat di antara" in results.entity_view.rank_label.text()


def test_a_provisional_entity_says_why_in_the_list_and_never_final(qtmodeltester: Any) -> None:
    item = {
        "key": ("e1", "2024"), "entity": "Kota Serang", "category": "kota",
        "category_label": {"id": "Kota", "en": "City"}, "province": "Banten", "period": "2024",
        "score": 72.77, "mean_of_loci": 72.77, "grade": "B", "zone": "hijau",
        "zone_label": {"id": "Hijau", "en": "Green"}, "zone_colour": "#2E7D32",
        "capped": False, "provisional": True, "provisional_loci": 0, "loci_scored": 2,
        "loci_total": 2, "corrections": [], "rank": 1, "ranked": 3, "loci": [],
        "reasons": [("loci_missing", {"complete": 2, "planned": 7}),
                    ("open_conflict", {"locus": "Dinkes", "cells": ["IN07"]})],
        "rank_scope": {"kind": "provinces", "category": "kota", "provinces": ["Banten"]},
        "ranked_provinces": ["Banten"], "rank_in_province": 1, "loci_planned": 7,
        "loci_approved": 3, "previous": None, "change": None,
    }
    model = EntityTableModel(language="id")
    model.set_rows([item])
    qtmodeltester.check(model, force_py=True)
    status = model.index(0, EntityColumn.STATUS).data()
    assert status == "Sementara: 2 dari 7 lokus; konflik terbuka: IN07"
    assert model.index(0, EntityColumn.GRADE).data(Qt.ItemDataRole.ToolTipRole) == status
    assert model.index(0, EntityColumn.APPROVED).data() == "3/7"
    assert model.index(0, EntityColumn.APPROVED).data(Qt.ItemDataRole.ToolTipRole) == \
        "3 dari 7 lokus disetujui"
    assert model.index(0, EntityColumn.PROVINCE_RANK).data() == "1"
    loci = LocusTableModel(language="en")
    loci.set_rows([{"id": "a", "locus": "Dinkes", "locus_type": "dinas", "status": "complete",
                    "score": 70.0, "dimensions": {}, "grade": "C", "zone": "kuning",
                    "zone_label": None, "zone_colour": None, "provisional": False,
                    "reasons": [], "service_users": 0, "review": "approved"}])
    assert loci.index(0, LocusColumn.REVIEW).data() == "approved"
