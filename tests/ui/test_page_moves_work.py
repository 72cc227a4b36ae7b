"""Moving between pages and answering do only the work they must: counted, never timed.

A page is built and shown once unseen in idle time, so a first visit only shows it; a page
that already shows the stored state is not loaded again; an answer reloads its own page only,
and touches only the navigator items and score lists whose text changed. The page the assessor
is on is written to the settings file on a background thread, never on the GUI thread.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ombud_desktop import settings as setting
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services.assessments import AssessmentService, NewAssessment
from ombud_desktop.settings import Settings
from ombud_desktop.ui.assessment_view import AssessmentView
from ombud_desktop.ui.ops import StoreThread
from tests.ui.conftest import call


def _new(s: Any) -> str:
    return AssessmentService(s.workspace).create(
        builtin_instrument("ori-2023"),
        NewAssessment("kota", "Kota Cilegon", "Banten", "Disdukcapil", 2024),
    ).value


def _settle(qtbot: Any, store: StoreThread) -> None:
    store.wait_idle()
    qtbot.waitUntil(lambda: store.pending == 0, timeout=10_000)
    QApplication.processEvents()


def _open(qtbot: Any, store: StoreThread, aid: str) -> Any:
    """Open the window at its size at once (as the main window does), wait for every page."""
    opened: list[Any] = []

    def shown(view: Any) -> None:
        # Before the first idle moment: a page shown unseen at another size would have to be
        # laid out again at its first visit (as after the user resizes the window).
        view.resize(1024, 600)
        view.show()
        opened.append(view)

    AssessmentView.open(store, aid, "en", on_open=shown)
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    view = opened[0]
    qtbot.addWidget(view)
    view.activateWindow()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view._prebuild.isActive(), timeout=30_000)
    return view


def test_every_page_is_laid_out_unseen_and_a_move_loads_nothing(
    qtbot: Any, store: StoreThread
) -> None:
    aid = call(store, _new)
    view = _open(qtbot, store, aid)
    _settle(qtbot, store)
    keys = [entry.key for entry in view.entries]
    assert set(view.pages) == set(keys)
    # No page was shown yet (the main window shows the first): all were shown once unseen.
    assert view.current_key == ""
    assert view.unseen_shows == len(keys)
    for key, page in view.pages.items():
        body = page._scroll.widget() if hasattr(page, "_scroll") else page
        # Nothing left for the first visit to do: no resize waiting for a show.
        assert body is not None, key
        assert not body.testAttribute(Qt.WidgetAttribute.WA_PendingResizeEvent), key
    loads = {key: page.loads for key, page in view.pages.items()}
    for _ in range(2):
        for key in keys:
            view.show_page(key)
            QApplication.processEvents()
            assert view.current_key == key
    assert {key: page.loads for key, page in view.pages.items()} == loads


def test_an_answer_reloads_its_own_page_and_touches_only_what_changed(
    qtbot: Any, store: StoreThread
) -> None:
    aid = call(store, _new)
    call(store, lambda s: s.assessments.set_rating(aid, "IN07", 2))
    view = _open(qtbot, store, aid)
    view.show_page("IN07")
    _settle(qtbot, store)
    loads = {key: page.loads for key, page in view.pages.items()}
    navigator, fills = view.navigator_changes, view.panel.list_fills
    with qtbot.waitSignal(view.answer_saved, timeout=10_000):
        QTest.keyClick(view, Qt.Key.Key_1)
    assert view.document.answers["IN07"].value == 1
    assert call(store, lambda s: s.assessments.document(aid).answers["IN07"].value) == 1
    after = {key: page.loads for key, page in view.pages.items()}
    assert after.pop("IN07") == loads.pop("IN07") + 1
    assert after == loads, "an answer loaded pages that are not shown"
    # IN07 was ticked and stays ticked; only the deficiency line "IN07 2" became "IN07 1".
    assert view.navigator_changes == navigator
    assert view.panel.list_fills == fills + 1
    assert view.items["IN07"].text(0).startswith("✓")
    assert any(
        view.panel.deficiency_list.item(i).text().startswith("IN07 1")
        for i in range(view.panel.deficiency_list.count())
    )


def test_the_page_is_written_to_settings_off_the_gui_thread(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = Settings.load(path)
    writers: list[str] = []
    write = settings._write

    def watched(taken: int, content: str) -> bool:
        writers.append(threading.current_thread().name)
        return write(taken, content)

    settings._write = watched  # type: ignore[method-assign]
    for page in ("IN07", "IN08", "IN09"):
        settings.update_soon({setting.LAST_ASSESSMENT: "a1", setting.LAST_PAGE: page})
        assert settings.get(setting.LAST_PAGE) == page  # seen at once
    settings.flush()
    assert writers
    assert all(name.startswith("settings") for name in writers)
    assert 1 <= settings.background_writes <= 3
    assert Settings.load(path).get(setting.LAST_PAGE) == "IN09"
    # A later write on the caller's thread is never overtaken by an older background one.
    settings.update_soon({setting.LAST_PAGE: "IN10"})
    settings.set(setting.LAST_PAGE, "IN11")
    settings.flush()
    assert Settings.load(path).get(setting.LAST_PAGE) == "IN11"
