"""The supervisor's comments in the assessment window: marked where they are, closed by a click.

A comment on a rating indicator marks that indicator only; one on a role-interview indicator
shows on every role page but is marked once, on the role interviews' heading, not on R1-R4.
"Mark as fixed…" closes the comment (with the assessor's short answer) and the mark goes.
"""

from __future__ import annotations

from typing import Any

import pytest

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services import merge as merging
from ombud_desktop.services.assessments import AssessmentService, NewAssessment
from ombud_desktop.services.comments import comments_of
from ombud_desktop.ui import alerts
from ombud_desktop.ui.ops import StoreThread
from tests.ui.conftest import call, open_view


def _returned(s: Any) -> str:
    aid = AssessmentService(s.workspace).create(
        builtin_instrument("ori-2023"),
        NewAssessment("kota", "Kota Cilegon", "Banten", "Disdukcapil", 2024),
    ).value
    merging.return_for_correction(
        s.workspace, aid, "Lengkapi foto",
        {"IN07": "Papan tidak terbaca", "IN02": "Tanyakan lagi jam layanan"},
    )
    return aid


def test_marks_only_the_commented_indicator_and_closes_with_a_click(
    qtbot: Any, store: StoreThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    aid = call(store, _returned)
    view = open_view(qtbot, store, aid)
    view.show()
    qtbot.waitUntil(lambda: bool(view.review), timeout=10_000)
    marked = sorted(key for key, item in view.items.items() if "✎" in item.text(0))
    assert marked == ["IN07"]  # not R1-R4 for IN02
    heading = view.items["R1"].parent()
    assert heading.text(0).startswith("✎ ")
    assert "IN02: Tanyakan lagi jam layanan" in heading.toolTip(0)
    view.show_page("R3")  # the role-interview comment shows on every role page
    assert "IN02: Tanyakan lagi" in view.pages["R3"].review_box.text()
    assert view.general_fixed_button.isVisibleTo(view)

    asked: list[str] = []
    monkeypatch.setattr(alerts, "ask_text",
                        lambda _p, title, *_a, **_k: asked.append(title) or "papan diganti")
    view.show_page("IN07")
    page = view.pages["IN07"]
    assert page.review_frame.isVisibleTo(view)
    [button] = page.close_buttons.values()
    assert button.text() == "Mark as fixed…"
    button.click()
    qtbot.waitUntil(lambda: "✎" not in view.items["IN07"].text(0), timeout=10_000)
    assert asked == ["Mark as fixed"]
    assert not page.review_frame.isVisibleTo(view)
    states = {c.indicator: (c.state, c.note) for c in call(store, lambda s: comments_of(
        s.workspace, aid))}
    assert states == {"IN07": ("closed", "papan diganti"), "IN02": ("open", None),
                      None: ("open", None)}
    assert "1 indicator(s) have a comment" in view.review_banner.text()

    view.general_fixed_button.click()  # the general comment, from the banner
    qtbot.waitUntil(lambda: not view.general_fixed_button.isVisibleTo(view), timeout=10_000)
    assert "(marked as fixed)" in view.review_banner.text()
    assert heading.text(0).startswith("✎ ")  # IN02 is still open
