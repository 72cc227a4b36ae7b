"""Commits made by another program (the CLI, a second app) reach every open window.

Nothing here measures time: the tests wait (generously) for what must happen and count the
refreshes it took.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services.assessments import AssessmentService, NewAssessment
from ombud_desktop.storage import Workspace
from ombud_desktop.ui.app import settings_at
from ombud_desktop.ui.main_window import MainWindow
from ombud_desktop.ui.ops import StoreThread
from tests.ui.conftest import call, open_assessment

NEW = NewAssessment(category="kota", entity_name="Kota Cilegon", province="Banten",
                    locus_name="Disdukcapil", period_year=2024)


def _row(window: MainWindow, aid: str) -> dict[str, Any]:
    return next(r for r in window.home.model.rows() if r["id"] == aid)


def test_an_answer_written_elsewhere_shows_in_the_list_and_the_open_assessment(
    qtbot: Any, store: StoreThread, tmp_path: Path
) -> None:
    aid = call(store, lambda s: s.assessments.create(builtin_instrument("ori-2023"), NEW)).value
    folder = call(store, lambda s: s.workspace.root)
    window = MainWindow(store, settings_at(tmp_path / "settings.json"), "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.home.model.row_of(aid) is not None, timeout=20_000)
    before = _row(window, aid)["progress"]
    view = open_assessment(qtbot, window, aid, "IN10")
    assert view.document.answers.get("IN10") is None
    list_refreshes = window.home.refreshes

    # Another program (here: a second connection, as the `ombud` command would open) answers.
    with Workspace.open(folder) as other:
        AssessmentService(other).set_rating(aid, "IN10", 3)

    qtbot.waitUntil(lambda: view.refreshes >= 1, timeout=20_000)
    assert view.document.answers["IN10"].value == 3
    assert store.external_commits == 1
    assert view.refreshes == 1
    # The list was hidden behind the assessment: it reloads once when shown again.
    assert window.home.refreshes == list_refreshes
    window.show_home()
    qtbot.waitUntil(lambda: _row(window, aid)["progress"] > before, timeout=20_000)
    assert window.home.refreshes == list_refreshes + 1


def test_the_apps_own_answers_are_not_taken_for_another_programs(
    qtbot: Any, store: StoreThread, tmp_path: Path
) -> None:
    aid = call(store, lambda s: s.assessments.create(builtin_instrument("ori-2023"), NEW)).value
    window = MainWindow(store, settings_at(tmp_path / "settings.json"), "en")
    qtbot.addWidget(window)
    window.show()
    view = open_assessment(qtbot, window, aid, "IN07")
    saved: list[str] = []
    view.answer_saved.connect(saved.append)
    for level in (1, 2, 3):
        view.save(lambda s, level=level: s.assessments.set_rating(aid, "IN07", level))
    qtbot.waitUntil(lambda: len(saved) == 3, timeout=20_000)
    for _ in range(3):  # look for commits from elsewhere: there are none
        store.poll()
        qtbot.waitUntil(lambda: not store._polling, timeout=20_000)
    assert store.external_commits == 0
    assert view.refreshes == 0  # its own saves redraw from their answers, not a re-read
