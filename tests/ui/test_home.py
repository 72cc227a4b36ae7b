"""The home screen: its table model over real rows, filters, trash and restore, opening."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QKeySequence

from ombud_desktop.errors import ValidationError
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services.assessments import AssessmentService, NewAssessment
from ombud_desktop.ui import alerts
from ombud_desktop.ui.home import HomeView
from ombud_desktop.ui.models.assessments import (
    ID_ROLE,
    SORT_ROLE,
    AssessmentTableModel,
    Column,
    format_number,
    readable_text_colour,
)
from ombud_desktop.ui.ops import StoreThread
from tests.ui.conftest import call


def _rows(store: StoreThread, include_deleted: bool = True) -> list[dict[str, Any]]:
    return call(store, lambda s: s.lists.assessments(include_deleted))


def _loaded_view(qtbot: Any, store: StoreThread, **kwargs: Any) -> HomeView:
    view = HomeView(store, **kwargs)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.refresh()
    return view


def _shown_ids(view: HomeView) -> list[str]:
    return [view.proxy.index(r, 0).data(ID_ROLE) for r in range(view.proxy.rowCount())]


def _reload(qtbot: Any, view: HomeView) -> None:
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.refresh()


# -- the model -------------------------------------------------------------------------------


def test_format_number_is_in_the_language_and_rounds_half_up() -> None:
    assert format_number(91.015, "id") == "91,02"
    assert format_number(100, "id") == "100,00"
    assert format_number(91.015, "en") == "91.02"
    assert format_number(None, "id") == "–"
    # Without a language: the app's (English here, no translation installed), not a comma.
    assert format_number(72.32) == "72.32"


def test_readable_text_colour_on_the_zone_colours() -> None:
    assert readable_text_colour(QColor("#1B7F3B")) == QColor("#FFFFFF")  # hijau
    assert readable_text_colour(QColor("#F2C200")) == QColor("#000000")  # kuning
    assert readable_text_colour(QColor("#C62828")) == QColor("#FFFFFF")  # merah


def test_rows_of_the_demo(demo_store: StoreThread) -> None:
    rows = _rows(demo_store, include_deleted=False)
    assert len(rows) == 14
    for row in rows:
        assert set(row) >= {
            "id", "entity", "category", "province", "locus", "period", "status", "progress",
            "score", "grade", "zone", "provisional", "deleted", "updated_at",
        }  # fmt: skip
        assert 0 <= row["progress"] <= 1
        assert row["period"] == "2024"
        assert not row["deleted"]
    scored = [row for row in rows if row["score"] is not None]
    assert scored
    assert all(row["grade"] in "ABCDE" for row in scored)
    assert all(row["zone_colour"].startswith("#") for row in scored)


def test_rows_match_the_service_score(demo_store: StoreThread) -> None:
    row = _rows(demo_store)[0]
    result = call(demo_store, lambda s: s.assessments.score(row["id"]))
    assert row["score"] == result.score
    assert row["provisional"] == result.provisional
    done = sum(1 for v in result.indicators.values() if v.value is not None or v.not_applicable)
    assert row["progress"] == done / len(result.indicators)


def test_unchanged_rows_keep_their_previous_score(demo_store: StoreThread) -> None:
    first = _rows(demo_store)
    # A planted score shows that unchanged rows are not scored again...
    previous = {row["id"]: {**row, "score": 12.5} for row in first}
    again = call(demo_store, lambda s: s.lists.assessments(True, previous))
    assert {row["score"] for row in again} == {12.5}
    # ...and a changed one is.
    changed = first[0]["id"]
    call(demo_store, lambda s: s.assessments.set_note(changed, "general", "seen"))
    third = call(demo_store, lambda s: s.lists.assessments(True, previous))
    scores = {row["id"]: row["score"] for row in third}
    assert scores[changed] == first[0]["score"]
    assert all(score == 12.5 for aid, score in scores.items() if aid != changed)


def test_model_passes_the_model_tester(demo_store: StoreThread, qtmodeltester: Any) -> None:
    model = AssessmentTableModel(_rows(demo_store))
    qtmodeltester.check(model, force_py=True)


def test_model_shows_words_numbers_and_zone_colours() -> None:
    row = {
        "id": "a1", "entity": "Kab. Serang", "category": "kabupaten", "province": "Banten",
        "locus": "Puskesmas Pontang", "period": "2024", "status": "draft", "progress": 0.857,
        "score": 91.015, "grade": "A", "zone": "hijau",
        "zone_label": {"id": "Hijau", "en": "Green"}, "zone_colour": "#1B7F3B",
        "provisional": True, "missing": 3, "deleted": False, "updated_at": "x",
    }  # fmt: skip
    model = AssessmentTableModel([row])

    def cell(column: Column, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return model.index(0, column).data(role)

    assert cell(Column.STATUS) == "Draft"
    assert cell(Column.PROGRESS) == "86 %"
    assert cell(Column.SCORE) == "91,02"
    assert cell(Column.GRADE) == "A · Hijau (provisional)"
    assert cell(Column.SCORE, SORT_ROLE) == pytest.approx(91.015)
    assert cell(Column.ENTITY, ID_ROLE) == "a1"
    assert cell(Column.GRADE, Qt.ItemDataRole.BackgroundRole) == QColor("#1B7F3B")
    assert cell(Column.GRADE, Qt.ItemDataRole.ForegroundRole) == QColor("#FFFFFF")
    model.set_language("en")
    assert cell(Column.SCORE) == "91.02"
    assert "3" in cell(Column.GRADE, Qt.ItemDataRole.ToolTipRole)
    model.set_language("en")
    assert cell(Column.GRADE) == "A · Green (provisional)"
    model.set_rows([{**row, "provisional": False, "zone_label": None}])
    assert cell(Column.GRADE) == "A · Hijau"
    assert cell(Column.GRADE, Qt.ItemDataRole.ToolTipRole) is None
    model.set_rows([{**row, "score": None, "grade": None, "zone": None, "zone_colour": None}])
    assert cell(Column.SCORE) == "–"
    assert cell(Column.GRADE) == "–"
    assert cell(Column.SCORE, SORT_ROLE) == -1.0
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None


# -- the view --------------------------------------------------------------------------------


def test_home_shows_loading_then_the_demo(qtbot: Any, demo_store: StoreThread) -> None:
    view = HomeView(demo_store)
    qtbot.addWidget(view)
    view.refresh()
    assert view.loading
    assert view.count_label.text() == "Loading…"
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 14, timeout=10_000)
    assert not view.loading
    assert view.stack.currentWidget() is view.table
    assert view.count_label.text() == "14 assessment(s)"
    # Unsorted at first: the load order (period, province, entity, locus).
    assert _shown_ids(view) == [row["id"] for row in view.model.rows()]


def test_empty_workspace_says_so(qtbot: Any, store: StoreThread) -> None:
    view = _loaded_view(qtbot, store)
    assert view.stack.currentWidget() is view.placeholder
    assert "New assessment" in view.placeholder.text()


def test_search_filters_on_entity_locus_and_province(qtbot: Any, demo_store: StoreThread) -> None:
    view = _loaded_view(qtbot, demo_store)
    rows = view.model.rows()

    def matching(text: str) -> set[str]:
        """Return the rows where every word is in the entity, locus or province."""
        haystacks = {
            r["id"]: f"{r['entity']} {r['locus']} {r['province']}".casefold() for r in rows
        }
        words = text.casefold().split()
        return {aid for aid, hay in haystacks.items() if all(w in hay for w in words)}

    entity = rows[0]["entity"]
    qtbot.keyClicks(view.search_edit, entity.upper())
    assert set(_shown_ids(view)) == matching(entity)
    assert {r["id"] for r in rows if r["entity"] == entity} <= set(_shown_ids(view))
    view.search_edit.clear()
    qtbot.keyClicks(view.search_edit, "disdukcapil")
    assert set(_shown_ids(view)) == matching("Disdukcapil")
    assert view.proxy.rowCount() == 2
    view.search_edit.clear()
    qtbot.keyClicks(view.search_edit, f"{rows[0]['province']} {rows[0]['locus'].split()[0]}")
    assert rows[0]["id"] in _shown_ids(view)
    view.search_edit.clear()
    qtbot.keyClicks(view.search_edit, "no such place")
    assert view.proxy.rowCount() == 0
    assert view.count_label.text() == "0 of 14 assessment(s)"
    view.search_edit.clear()
    assert view.proxy.rowCount() == 14


def test_period_and_status_filters(qtbot: Any, demo_store: StoreThread) -> None:
    instrument = builtin_instrument("ori-2023")
    call(demo_store,
        lambda s: s.assessments.create(
            instrument,
            NewAssessment(
                category="kota", entity_name="Kota Cilegon", province="Banten",
                locus_name="Disdukcapil", period_year=2023,
            ),
        ).value
    )  # fmt: skip
    view = _loaded_view(qtbot, demo_store)
    combo = view.period_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["All periods", "2024", "2023"]
    # It opens on the newest period, and only its rows were read (issue 19: a decade).
    assert combo.currentData() == "2024"
    assert view.model.rowCount() == view.proxy.rowCount() == 14
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        combo.setCurrentIndex(combo.findData("2023"))
    assert view.model.rowCount() == view.proxy.rowCount() == 1
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        combo.setCurrentIndex(combo.findData("2024"))
    assert view.proxy.rowCount() == 14
    _reload(qtbot, view)  # the period chosen survives a refresh
    assert combo.currentData() == "2024"
    assert view.proxy.rowCount() == 14
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        combo.setCurrentIndex(0)  # all periods, on request
    assert view.model.rowCount() == view.proxy.rowCount() == 15
    _reload(qtbot, view)
    assert combo.currentData() is None
    assert view.proxy.rowCount() == 15
    view.status_combo.setCurrentIndex(view.status_combo.findData("complete"))
    assert view.proxy.rowCount() == 0
    view.status_combo.setCurrentIndex(view.status_combo.findData("draft"))
    assert view.proxy.rowCount() == 15


def test_sorting_by_score_sorts_numbers(qtbot: Any, demo_store: StoreThread) -> None:
    view = _loaded_view(qtbot, demo_store)
    view.table.sortByColumn(Column.SCORE, Qt.SortOrder.DescendingOrder)
    scores = [
        view.proxy.index(r, Column.SCORE).data(SORT_ROLE) for r in range(view.proxy.rowCount())
    ]
    assert scores == sorted(scores, reverse=True)


def test_delete_moves_to_trash_and_restore_brings_back(
    qtbot: Any, demo_store: StoreThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def confirm(parent: Any, title: str, text: str, **kwargs: Any) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(alerts, "confirm", confirm)
    view = _loaded_view(qtbot, demo_store)
    victim = _shown_ids(view)[3]
    assert view.select(victim)
    assert view.delete_action.isEnabled()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.delete_action.trigger()
    assert len(asked) == 1
    assert victim not in _shown_ids(view)
    assert view.proxy.rowCount() == 13
    assert view.selected_id() == _shown_ids(view)[3]  # the next row took its place
    assert call(demo_store, lambda s: s.workspace.assessment_row(victim))["deleted_at"]

    view.trash_button.click()
    assert view.trash
    assert _shown_ids(view) == [victim]
    assert view.context_actions() == [view.restore_action]
    assert view.action_buttons[view.restore_action].isVisibleTo(view)
    assert not view.action_buttons[view.delete_action].isVisibleTo(view)
    assert view.select(victim)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.restore_action.trigger()
    assert view.proxy.rowCount() == 0
    assert view.placeholder.text() == "The trash is empty."
    view.trash_button.click()
    assert victim in _shown_ids(view)
    assert view.proxy.rowCount() == 14


def test_delete_is_not_done_when_not_confirmed(
    qtbot: Any, demo_store: StoreThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(alerts, "confirm", lambda *args, **kwargs: False)
    view = _loaded_view(qtbot, demo_store)
    victim = _shown_ids(view)[0]
    view.select(victim)
    view.delete_selected()
    demo_store.wait_idle()
    assert not call(demo_store, lambda s: s.workspace.assessment_row(victim))["deleted_at"]


def test_refresh_keeps_the_selection(qtbot: Any, demo_store: StoreThread) -> None:
    view = _loaded_view(qtbot, demo_store)
    chosen = _shown_ids(view)[5]
    view.select(chosen)
    _reload(qtbot, view)
    assert view.selected_id() == chosen


def test_double_click_and_enter_open(qtbot: Any, demo_store: StoreThread) -> None:
    view = _loaded_view(qtbot, demo_store)
    view.show()
    qtbot.waitExposed(view)
    chosen = _shown_ids(view)[2]
    view.select(chosen)
    rect = view.table.visualRect(view.proxy.index(2, Column.LOCUS))
    # A double click opens only the row the press was on: press first, as a real mouse does.
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.open_requested) as opened:
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [chosen]
    view.table.setFocus()
    with qtbot.waitSignal(view.open_requested) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [chosen]
    with qtbot.waitSignal(view.template_requested) as copied:
        view.template_action.trigger()
    assert copied.args == [chosen]
    with qtbot.waitSignal(view.new_requested):
        view.new_button.click()


def test_actions_need_a_selection(qtbot: Any, demo_store: StoreThread) -> None:
    view = _loaded_view(qtbot, demo_store)
    view.table.clearSelection()
    assert not view.open_action.isEnabled()
    assert not view.delete_action.isEnabled()
    view.select(_shown_ids(view)[0])
    assert view.open_action.isEnabled()
    assert view.template_action.isEnabled()
    assert not view.restore_action.isEnabled()


def test_a_load_error_is_shown(
    qtbot: Any, demo_store: StoreThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[object] = []
    monkeypatch.setattr(alerts, "error", lambda parent, exc: shown.append(exc))

    def broken(*args: Any, **kwargs: Any) -> list[dict[str, Any]]:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("ombud_desktop.services.store.Lists.home", broken)
    view = HomeView(demo_store)
    qtbot.addWidget(view)
    view.refresh()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert str(shown[0]) == "disk on fire"
    assert not view.loading
    assert view.placeholder.text() == "The assessments could not be loaded."


def test_delete_key_asks_to_move_to_trash(
    qtbot: Any, demo_store: StoreThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(alerts, "confirm", lambda parent, title, text, **kw: asked.append(text))
    view = _loaded_view(qtbot, demo_store)
    # The offscreen platform has no active window to deliver shortcuts to: check the binding,
    # then trigger the action the key is bound to.
    assert view.delete_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Delete)
    assert view.delete_action in view.table.actions()
    chosen = view.model.rows()[0]
    view.select(chosen["id"])
    view.delete_action.trigger()
    assert len(asked) == 1
    assert chosen["locus"] in asked[0]


def test_a_failed_write_is_shown_and_the_list_reloaded(
    qtbot: Any, demo_store: StoreThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[object] = []
    monkeypatch.setattr(alerts, "confirm", lambda *args, **kwargs: True)
    monkeypatch.setattr(alerts, "error", lambda parent, exc: shown.append(exc))

    def refuse(service: Any, assessment_id: str) -> None:
        raise ValidationError("the workspace is read-only", hint="Copy it somewhere else.")

    monkeypatch.setattr(AssessmentService, "delete", refuse)
    view = _loaded_view(qtbot, demo_store)
    victim = view.model.rows()[0]["id"]
    view.select(victim)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.delete_selected()
    assert [str(e.message) for e in shown] == ["the workspace is read-only"]  # type: ignore[attr-defined]
    assert victim in _shown_ids(view)
    assert view.selected_id() == victim
