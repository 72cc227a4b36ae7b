"""The history view: from the page being answered, every change with its author and fate."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services.assessments import NewAssessment
from ombud_desktop.ui.dialogs.history import HistoryDialog, HistoryModel
from ombud_desktop.ui.ops import StoreThread
from tests.ui.conftest import call, open_view
from tests.ui.test_i18n import translated

SHOTS = os.environ.get("OMBUD_SCREENSHOTS")  # a folder to keep screenshots in, when set


def _rated_twice(qtbot: Any, store: StoreThread) -> Any:
    new = NewAssessment(
        category="kota",
        entity_name="Kota Cilegon",
        province="Banten",
        locus_name="Disdukcapil",
        period_year=2024,
    )
    aid = call(store, lambda s: s.assessments.create(builtin_instrument("ori-2023"), new).value)
    view = open_view(qtbot, store, aid)
    view.resize(1024, 600)
    view.show()
    view.show_page("IN07")
    page = view.pages["IN07"]
    for level in (1, 2):
        assert page.choose_level(level)
        store.wait_idle()
        qtbot.waitUntil(lambda: store.pending == 0)
    return view


def _open_history(qtbot: Any, view: Any) -> HistoryDialog:
    qtbot.mouseClick(view.history_button, Qt.MouseButton.LeftButton)
    dialog = view.history_dialog
    assert isinstance(dialog, HistoryDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10_000)
    return dialog


def test_history_of_a_page_shows_the_old_value_superseded(
    store: StoreThread, qtbot: Any, tmp_path: Path
) -> None:
    view = _rated_twice(qtbot, store)
    qtbot.waitExposed(view)
    view.grab().save(str(Path(SHOTS or tmp_path) / "history_button.png"))
    dialog = _open_history(qtbot, view)
    model = dialog.model
    qtmodel_rows = [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    assert len(qtmodel_rows) == 2
    older, newer = qtmodel_rows
    assert (older[HistoryModel.VALUE], older[HistoryModel.STATE]) == ("1", "superseded")
    assert (newer[HistoryModel.VALUE], newer[HistoryModel.STATE]) == ("2", "current")
    assert older[HistoryModel.ANSWER] == "IN07"
    assert all(row[HistoryModel.AUTHOR] == "Siti Aminah" for row in qtmodel_rows)
    assert "Old values are never lost" in dialog.note.text()
    dialog.resize(1024, 600)
    qtbot.waitExposed(dialog)
    shot = dialog.grab()
    assert shot.width() == 1024
    shot.save(str(Path(SHOTS or tmp_path) / "history_dialog.png"))


def test_history_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = HistoryModel()
    model.set_rows(
        [
            {
                "at": "2024-05-01T10:00:00Z",
                "time": "01/05/2024 10:00:00",
                "answer": "IN07",
                "value": "1",
                "author": "Siti",
                "device": "01a2",
                "state": "superseded",
                "change_id": "c1",
            },
        ]
    )
    qtmodeltester.check(model)


def test_personal_values_are_never_shown() -> None:
    model = HistoryModel()
    assert model.value_text("Dewi Lestari", personal=True) == "(personal data, not shown)"
    assert model.value_text(None, personal=False) == "(cleared)"
    assert model.value_text(["a", "b"], personal=False) == "a, b"


def test_state_words_in_indonesian(qapp: Any, tmp_path: Path) -> None:
    with translated("id", tmp_path):
        model = HistoryModel()
        words = [
            model.state_text(s) for s in ("current", "superseded", "conflict", "held", "adopted")
        ]
        assert model.headerData(HistoryModel.STATE, Qt.Orientation.Horizontal) != "State"
    assert words == ["berlaku", "digantikan", "konflik", "ditahan (setelah disetujui)", "diadopsi"]


def test_an_open_history_follows_later_answers(store: StoreThread, qtbot: Any) -> None:
    view = _rated_twice(qtbot, store)
    dialog = _open_history(qtbot, view)
    assert view.pages["IN07"].choose_level(3)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=10_000)
    states = [dialog.model.row_data(r)["state"] for r in range(3)]
    assert states == ["superseded", "superseded", "current"]
