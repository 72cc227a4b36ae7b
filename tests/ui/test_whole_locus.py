"""A whole locus filled in through the main window's widgets: clicks and keys, not store calls."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.instruments.model import RatingIndicator, SubItemsIndicator
from ombud_desktop.scoring import score_locus
from ombud_desktop.services.assessments import NewAssessment
from ombud_desktop.ui.app import settings_at
from ombud_desktop.ui.main_window import MainWindow
from ombud_desktop.ui.ops import StoreThread
from ombud_desktop.ui.pages.role import _RatedBlock, _RecallBlock
from tests.ui.conftest import call

INSTRUMENT = builtin_instrument("ori-2023")
NEW = NewAssessment(
    category="kabupaten", entity_name="Kabupaten Serang", province="Banten",
    locus_name="Puskesmas Pontang", locus_type="puskesmas", period_year=2024,
    team=("Siti Aminah",), visit_date="2024-08-12", products=("Poli umum", "Imunisasi"),
)


def settle(qtbot: Any, store: StoreThread) -> None:
    """Wait until every save has run and its result has reached the widgets."""
    store.wait_idle()
    qtbot.waitUntil(lambda: store.pending == 0, timeout=10_000)


def click(qtbot: Any, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(5, widget.height() // 2))


def press(key: Any, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    QTest.keyClick(target, key, modifier)


@pytest.fixture
def window(qtbot: Any, store: StoreThread, tmp_path: Path, monkeypatch: Any) -> MainWindow:
    from ombud_desktop.ui.dialogs import new_assessment

    # The New-assessment dialog has its own tests; here it just answers like a user would.
    monkeypatch.setattr(new_assessment.NewAssessmentDialog, "ask_with_instrument",
                        classmethod(lambda cls, *a, **k: (NEW, INSTRUMENT)))
    main = MainWindow(store, settings_at(tmp_path / "settings.json"), "en")
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    return main


def test_a_whole_locus_through_the_widgets(qtbot: Any, store: StoreThread,
                                           window: MainWindow) -> None:
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.assessment is not None, timeout=10_000)
    view = window.assessment
    assert view is not None
    settle(qtbot, store)
    assert view.document.products == ["Poli umum", "Imunisasi"]

    # Assessor ratings: keys 0-3 on the page, Enter to go on; PR06's two sub-items by click.
    for _dimension, indicator in INSTRUMENT.indicators():
        if isinstance(indicator, RatingIndicator):
            view.show_page(indicator.code)
            QTest.keyClick(view, Qt.Key.Key_3)
        elif isinstance(indicator, SubItemsIndicator):
            view.show_page(indicator.code)
            page = view.pages[indicator.code]
            for block in page.blocks:
                click(qtbot, block.levels._labels[2])
    settle(qtbot, store)

    # Display per product and channel: both channels complete for both products.
    for code in ("PR01", "PR02", "PR03", "PR04", "PR05"):
        view.show_page(code)
        page = view.pages[code]
        for block in page.blocks:
            for group in block.groups.values():
                click(qtbot, group.button(2))
    settle(qtbot, store)

    # Role interviews: the respondent card, ten components named, IN02-IN06 at level 3.
    for role in ("R1", "R2", "R3", "R4"):
        view.show_page(role)
        page = view.pages[role]
        click(qtbot, page.interviewed)
        settle(qtbot, store)
        QTest.keyClicks(page.name, f"Pejabat {role}")
        QTest.keyClick(page.name, Qt.Key.Key_Return)
        recall = next(b for b in page.blocks if isinstance(b, _RecallBlock))
        for code in list(recall.boxes)[:10]:
            click(qtbot, recall.boxes[code])
        settle(qtbot, store)
        for block in page.blocks:
            if isinstance(block, _RatedBlock):
                click(qtbot, block.levels._labels[3])
        settle(qtbot, store)

    # Five service users by keyboard: Space for consent, T for each question, Ctrl+Return.
    view.show_page("service_users")
    page = view.pages["service_users"]
    page.setFocus()
    for _user in range(5):
        press(Qt.Key.Key_Space)
        for _question in range(5):
            press("T")
        press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, store)

    assert not view.score.provisional, [r.message for r in view.score.reasons]
    click(qtbot, view.finish_button)
    settle(qtbot, store)
    assert view.document.status == "complete"
    assert view.locked

    # What is stored is what was given, and the score follows METHODOLOGY from it.
    document = call(store, lambda s: s.assessments.document(view.assessment_id))
    assert {r.present for r in document.roles.values()} == {True}
    assert document.roles["R2"].name == "Pejabat R2"
    assert all(len(r.recall["IN01"]) == 10 for r in document.roles.values())
    assert document.answers["IN07"].value == 3
    assert document.answers["PR06a"].value == document.answers["PR06b"].value == 2
    assert document.display["PR03"][2] == {"manual": "complete", "electronic": "complete"}
    assert len(document.service_users) == 5
    assert all(u.answers == dict.fromkeys(("OUT01", "OUT02", "OUT03", "OUT04", "OUT05"), "T")
               for u in document.service_users)
    result = score_locus(INSTRUMENT, document)
    pr = 100 / 3 * (10 * 3 + 2) / 11  # PR06 = 2, every other PR indicator 3
    expected = (21.85 * 100 + 32.37 * pr + 24.24 * 100 + 21.54 * 100) / 100
    assert result.score == pytest.approx(expected)
    assert view.panel.score_label.text() == f"{expected:.2f}"  # an English window: 99.02
    assert view.panel.grade_badge.text().startswith("A")
