"""The results window: dashboard counts, chart and table, an entity's loci, the Excel export."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt

from ombud_desktop import words
from ombud_desktop.services.scoring import score_workspace
from ombud_desktop.ui import alerts
from ombud_desktop.ui.app import settings_at
from ombud_desktop.ui.main_window import MainWindow
from ombud_desktop.ui.models.results import (
    ID_ROLE,
    EntityColumn,
    EntityFilter,
    EntityTableModel,
    LocusTableModel,
)
from ombud_desktop.ui.ops import StoreThread
from ombud_desktop.ui.results import ResultsWindow
from tests.ui.conftest import call


@pytest.fixture
def corrected_store(demo_store: StoreThread) -> StoreThread:
    """The demo's 2 entities, the first with 3 points off and the second capped at D."""

    def correct(s: Any) -> None:
        entities = score_workspace(s.workspace).entities
        s.workspace.add_correction(entities[0].entity_id, "2024", "points", 3.0, None,
                                   "Data tidak dapat diverifikasi")
        s.workspace.add_correction(entities[1].entity_id, "2024", "cap", 0.0, "D",
                                   "Rekomendasi diabaikan")

    call(demo_store, correct)
    return demo_store


@pytest.fixture
def results(corrected_store: StoreThread, qtbot: Any, tmp_path: Path) -> ResultsWindow:
    window = ResultsWindow(corrected_store, "id", settings_at(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        window.show()
    return window


def test_models_pass_the_model_tester(corrected_store: StoreThread, qtmodeltester: Any) -> None:
    data = call(corrected_store, lambda s: s.lists.results())
    entities = EntityTableModel()
    entities.set_rows(data.entities)
    qtmodeltester.check(entities, force_py=True)
    proxy = EntityFilter()
    proxy.setSourceModel(entities)
    proxy.set_search("kab")
    qtmodeltester.check(proxy, force_py=True)
    loci = LocusTableModel()
    loci.set_rows(data.entities[0]["loci"])
    qtmodeltester.check(loci, force_py=True)
    loci.set_rows([])  # a reset, watched by the tester
    assert loci.rowCount() == 0
    loci.set_rows(data.entities[1]["loci"])
    assert loci.rowCount() == 7
    other = LocusTableModel()
    other.set_rows(data.entities[0]["loci"])
    sorted_loci = QSortFilterProxyModel()
    sorted_loci.setSourceModel(other)
    sorted_loci.sort(3, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(sorted_loci, force_py=True)


def test_dashboard_counts_chart_and_table_follow_the_scores(
    results: ResultsWindow, corrected_store: StoreThread
) -> None:
    scores = call(corrected_store, lambda s: score_workspace(s.workspace))
    dashboard = results.dashboard
    assert dashboard.proxy.rowCount() == len(scores.entities) == 2
    bars = dashboard.chart.bars()
    assert [bar.label for bar in bars] == ["A", "B", "C", "D", "E"]
    assert sum(bar.count for bar in bars) == 2
    for entity in scores.entities:
        assert next(b for b in bars if b.label == entity.grade.grade).count >= 1
    zones = {e.grade.zone for e in scores.entities}
    for zone in zones:
        assert dashboard.zone_labels[zone].text().endswith(
            str(sum(1 for e in scores.entities if e.grade.zone == zone)))
    assert dashboard.total_label.text() == "2 entity(ies)"  # no translator: English
    # Sorted by score, highest first; the score column shows the rounded score.
    shown = [dashboard.proxy.index(r, EntityColumn.SCORE).data() for r in range(2)]
    expected = sorted(scores.entities, key=lambda e: -e.score)
    assert shown == [f"{e.score:.2f}".replace(".", ",") for e in expected]
    dashboard.table.sortByColumn(EntityColumn.ENTITY, Qt.SortOrder.AscendingOrder)
    names = [dashboard.proxy.index(r, EntityColumn.ENTITY).data() for r in range(2)]
    assert names == sorted(names, key=str.casefold)
    corrections = [dashboard.proxy.index(r, EntityColumn.CORRECTIONS).data() for r in range(2)]
    # The shared words (resources/words/results.yaml) in the window's language (id here), the
    # same as the PDF and the spreadsheet print.
    assert "−3 poin: Data tidak dapat diverifikasi" in corrections
    assert "predikat paling tinggi D: Rekomendasi diabaikan" in corrections


def test_filters_narrow_the_table_and_the_counts(results: ResultsWindow) -> None:
    dashboard = results.dashboard
    province = dashboard.province_combo.itemData(1)
    dashboard.province_combo.setCurrentIndex(1)
    shown = dashboard.shown_entities()
    assert shown
    assert all(e["province"] == province for e in shown)
    assert dashboard.proxy.rowCount() == len(shown)
    assert sum(bar.count for bar in dashboard.chart.bars()) == len(shown)
    dashboard.province_combo.setCurrentIndex(0)
    dashboard.search_edit.setText("zzz-no-such-entity")
    assert dashboard.proxy.rowCount() == 0
    assert sum(bar.count for bar in dashboard.chart.bars()) == 0
    assert dashboard.period_combo.currentData() == "2024"


def test_entity_view_shows_loci_grades_corrections_and_rank(
    results: ResultsWindow, qtbot: Any
) -> None:
    dashboard = results.dashboard
    row = next(r for r in range(dashboard.proxy.rowCount())
               if "poin" in dashboard.proxy.index(r, EntityColumn.CORRECTIONS).data())
    index = dashboard.proxy.index(row, EntityColumn.ENTITY)
    dashboard.table.doubleClicked.emit(index)  # activated comes from the same gesture
    dashboard.table.activated.emit(index)
    view = results.entity_view
    assert results.stack.currentWidget() is view
    entity = view.entity
    assert entity is not None
    assert entity["key"] == index.data(ID_ROLE)
    assert view.title_label.text() == entity["entity"]
    assert view.model.rowCount() == entity["loci_total"] == 7
    assert view.rank_label.text().startswith(f"Rank {entity['rank']} of ")
    # The corrections page lists it (read from the records on the store thread).
    corrections = results.records.correction_model
    qtbot.waitUntil(lambda: corrections.rowCount() == 1, timeout=20_000)
    assert corrections.index(0, 0).data() == "−3 poin: Data tidak dapat diverifikasi"
    assert "background: #" in view.grade_badge.styleSheet()
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(view.model.columnCount())]
    assert headers == ["Locus", "Status", "Review", "IN", "PR", "OUT", "PG", "Score", "Grade",
                       "Missing"]
    provisional = [r for r in range(view.model.rowCount()) if view.model.row_data(r)["reasons"]]
    if provisional:
        source = view.model.index(provisional[0], 0)
        view.table.setCurrentIndex(view.proxy.mapFromSource(source))
        reasons = view.model.row_data(provisional[0])["reasons"]
        assert [view.reasons_list.item(i).text() for i in range(view.reasons_list.count())] == [
            words.reason_text(code, target, data, "id") for code, target, data in reasons
        ]
        assert "provisional" in view.reasons_title.text()
    # A provisional entity says why in the window's language (words "id": Sementara: …).
    assert view.status_label.text().startswith(("Sementara", "Final"))
    view.back_button.click()
    assert results.stack.currentWidget() is results.dashboard


def test_export_to_excel_off_the_gui_thread(
    results: ResultsWindow, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(alerts, "inform", lambda _parent, title, text: told.append((title, text)))
    out = tmp_path / "hasil-2024.xlsx"
    monkeypatch.setattr(results, "ask_export_path", lambda suggested: str(out))
    with qtbot.waitSignal(results.exported, timeout=20_000) as signal:
        results.dashboard.export_button.click()
        assert results.busy_now
        assert results.busy.isVisible()
    assert not results.busy_now
    summary = signal.args[0]
    assert summary.rows["loci"] == 14
    assert told
    assert told[0][0] == "Export finished"
    assert str(out) in told[0][1]
    book = load_workbook(out, read_only=True)
    assert book.sheetnames == ["Entitas", "Lokus", "Pengguna layanan", "Instrumen"]
    book.close()
    # With the box ticked the phone numbers come along, marked as personal data.
    results.dashboard.personal_check.setChecked(True)
    with qtbot.waitSignal(results.exported, timeout=20_000):
        results.dashboard.export_button.click()
    book = load_workbook(out, read_only=True)
    assert book.sheetnames[2] == "Pengguna layanan (data pribadi)"
    book.close()
    assert "personal data" in told[-1][1]


def test_export_cancelled_does_nothing(
    results: ResultsWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(results, "ask_export_path", lambda suggested: None)
    results.dashboard.export_button.click()
    assert not results.busy_now


def test_menu_opens_the_results_window(
    corrected_store: StoreThread, qtbot: Any, tmp_path: Path
) -> None:
    main = MainWindow(corrected_store, settings_at(tmp_path / "settings.json"), "en")
    qtbot.addWidget(main)
    main.show()
    file_menu = main.menuBar().actions()[0].menu()
    action = next(a for a in file_menu.actions() if a.text() == "&Results…")
    assert action.shortcut().toString() == "Ctrl+R"
    action.trigger()
    assert isinstance(main.results, ResultsWindow)
    qtbot.waitUntil(lambda: not main.results.busy_now, timeout=20_000)
    assert main.results.isVisible()
    first = main.results
    action.trigger()  # a second time: the same window, scored again
    assert main.results is first
    qtbot.waitUntil(lambda: not first.busy_now, timeout=20_000)


def test_answers_saved_elsewhere_are_scored_again_on_return(
    results: ResultsWindow, corrected_store: StoreThread, qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(results, "isActiveWindow", lambda: False)  # the user is elsewhere
    aid = call(corrected_store, lambda s: s.workspace.assessment_rows()[0]["id"])
    with qtbot.waitSignal(corrected_store.changed, timeout=10_000):
        corrected_store.submit(lambda s: s.assessments.set_rating(aid, "IN07", 0))
    assert results._stale
    assert not results.busy_now  # not scored again on every answer
    monkeypatch.setattr(results, "isActiveWindow", lambda: True)  # the user comes back
    with qtbot.waitSignal(results.loaded, timeout=20_000):
        results.changeEvent(QEvent(QEvent.Type.ActivationChange))
        assert results.busy_now
    assert not results._stale
