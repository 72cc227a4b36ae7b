"""An assessment made with an instrument outside its periods says so in its window's header."""

from __future__ import annotations

from typing import Any

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services.assessments import NewAssessment
from ombud_desktop.ui.ops import StoreThread
from tests.ui.conftest import call, open_view


def _view(qtbot: Any, store: StoreThread, year: int, reason: str | None) -> Any:
    new = NewAssessment(category="kota", entity_name="Kota Cilegon", province="Banten",
                        locus_name="Disdukcapil", period_year=year, instrument_reason=reason)
    aid = call(store, lambda s: s.assessments.create(builtin_instrument("ori-2023"), new).value)
    return open_view(qtbot, store, aid, "en")


def test_the_header_shows_the_reason(qtbot: Any, store: StoreThread) -> None:
    view = _view(qtbot, store, 2025, "Instrumen 2025 belum terbit")
    assert "instrument not meant for 2025" in view.title.text()
    assert view.title.toolTip() == "Why this instrument: Instrumen 2025 belum terbit"


def test_a_fitting_instrument_says_nothing(qtbot: Any, store: StoreThread) -> None:
    view = _view(qtbot, store, 2024, "ignored: the instrument is meant for 2024")
    assert "not meant" not in view.title.text()
    assert view.title.toolTip() == ""
