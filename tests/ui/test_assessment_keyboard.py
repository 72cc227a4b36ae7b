"""The assessment window answered by keyboard, ticked honestly, and every missing item reachable.

A page of the navigator is ticked only when everything on it is answered (PR06 waits for
PR06a and PR06b); every item the Finish list (and the score panel) can name opens the page
where it is answered, with the focus on its place. The display pages (PR01-PR05) are answered
with keys 1-3 like a table; service users take Y/N/D in English as well as Y/T/X; each answer
button shows its key; the chosen answer stands out; the form follows the focus.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from ombud_desktop import words
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.scoring.locus import Reason
from ombud_desktop.services.assessments import AssessmentService, NewAssessment
from ombud_desktop.ui.ops import StoreThread
from tests.ui.conftest import call, open_view


def _new(s: Any) -> str:
    return AssessmentService(s.workspace).create(
        builtin_instrument("ori-2023"),
        NewAssessment("kota", "Kota Cilegon", "Banten", "Disdukcapil", 2024),
    ).value


def _settle(qtbot: Any, store: StoreThread) -> None:
    store.wait_idle()
    qtbot.waitUntil(lambda: store.pending == 0, timeout=10_000)
    QApplication.processEvents()


def _shown(qtbot: Any, view: Any, size: tuple[int, int] = (1024, 600)) -> None:
    view.resize(*size)
    view.show()
    view.activateWindow()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view._unbuilt, timeout=30_000)


def _in_view(widget: QWidget) -> bool:
    """Return True when some of ``widget`` is visible in its scroll area's viewport."""
    return not widget.visibleRegion().isEmpty()


def test_a_page_is_ticked_only_when_all_of_it_is_answered(
    qtbot: Any, store: StoreThread
) -> None:
    aid = call(store, _new)
    view = open_view(qtbot, store, aid)
    assert view.items["PR06"].text(0).startswith("○"), "PR06a and PR06b are unanswered"
    assert view.items["IN07"].text(0).startswith("○")
    call(store, lambda s: s.assessments.set_rating(aid, "PR06a", 2))
    view.reload()
    _settle(qtbot, store)
    assert view.items["PR06"].text(0).startswith("○"), "PR06b is still unanswered"
    call(store, lambda s: s.assessments.set_rating(aid, "PR06b", 3))
    view.reload()
    qtbot.waitUntil(lambda: view.items["PR06"].text(0).startswith("✓"), timeout=10_000)


def _reasons(store: StoreThread, aid: str) -> list[Reason]:
    return list(call(store, lambda s: s.assessments.state(aid).score.reasons))


def test_every_item_the_finish_list_names_opens_its_place(
    qtbot: Any, store: StoreThread
) -> None:
    aid = call(store, _new)
    reasons = _reasons(store, aid)
    # Products named and R1 interviewed: the display cells and R1's items are asked for.
    call(store, lambda s: s.assessments.set_products(aid, ["KTP-el", "KK"]))
    call(store, lambda s: s.assessments.set_role(aid, "R1", present=True, name="Budi"))
    reasons += _reasons(store, aid)
    # What no stored state can give through the service (it refuses them): written by hand.
    reasons += [
        Reason("invalid_value", "IN07", "", {"value": 9}),
        Reason("invalid_value", "R2:IN04", "", {"value": 9}),
        Reason("role_absent_without_reason", "R3", "", {}),
    ]
    assert {r.code for r in reasons} == set(words.results_table()["reasons"]), (
        "every kind of reason the Finish list can name is tried"
    )
    view = open_view(qtbot, store, aid)
    _shown(qtbot, view)
    role_items = {"IN01", "IN02", "IN03", "IN04", "IN05", "IN06"}
    tried = set()
    for reason in reasons:
        view.show_page("products" if view.current_key != "products" else "IN07")
        view.show_target(reason.target)
        head = reason.target.split(":")[0]
        assert view.current_key in view.items, reason
        assert view.stack.currentWidget() is view.pages[view.current_key], reason
        if head in {"PR06a", "PR06b"}:
            assert view.current_key == "PR06"
            block = next(b for b in view.pages["PR06"].blocks if b.code == head)
            assert block.isAncestorOf(QApplication.focusWidget()), reason
        elif head.startswith("PR0") and ":P" in reason.target:
            assert view.current_key == head
            number = int(reason.target.rpartition("P")[2])
            block = view.pages[head].blocks[number - 1]
            assert block.isAncestorOf(QApplication.focusWidget()), reason
            assert _in_view(QApplication.focusWidget())
        elif reason.target.startswith("R1:"):
            assert view.current_key == "R1"
            code = reason.target.partition(":")[2]
            block = next(b for b in view.pages["R1"].blocks if b.indicator.code == code)
            assert block.isAncestorOf(QApplication.focusWidget()), reason
            assert _in_view(QApplication.focusWidget()), reason
        elif head in role_items:
            assert view.current_key == "R1", reason
        elif reason.code == "dimension_missing":
            assert view.current_key in {"PR01", "R1", "service_users", "PG01"}, reason
        elif head.startswith("OU") or reason.target == "service_users":
            assert view.current_key == "service_users", reason
        else:
            assert view.current_key == head, reason
        tried.add(reason.code)
    assert tried == set(words.results_table()["reasons"])


def test_the_finish_list_opens_a_sub_item(
    qtbot: Any, store: StoreThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ombud_desktop.ui.dialogs.missing import MissingDialog

    aid = call(store, _new)
    view = open_view(qtbot, store, aid)
    _shown(qtbot, view)
    texts: list[str] = []

    def choose(_parent: Any, score: Any, panel: Any) -> str:
        texts.extend(panel.reason_text(r.code, r.target, r.data) for r in score.reasons)
        return "PR06b"

    monkeypatch.setattr(MissingDialog, "ask", choose)
    view.finish_button.click()
    qtbot.waitUntil(lambda: view.current_key == "PR06", timeout=10_000)
    assert "PR06b: no value yet" in texts
    block = view.pages["PR06"].blocks[1]
    assert block.code == "PR06b"
    assert block.isAncestorOf(QApplication.focusWidget())


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_display_pages_answer_from_the_keyboard_like_a_table(
    qtbot: Any, store: StoreThread
) -> None:
    aid = call(store, _new)
    call(store, lambda s: s.assessments.set_products(aid, ["KTP-el", "KK"]))
    view = open_view(qtbot, store, aid, language="id")
    _shown(qtbot, view)
    view.show_page("PR01")
    page = view.pages["PR01"]
    radios = page.blocks[0].groups["manual"].buttons()
    assert [r.text()[:4] for r in radios] == ["[1] ", "[2] ", "[3] "]
    assert radios[0].text() == "[1] Tidak ada"
    assert page.blocks[0].groups["manual"].button(0).isAncestorOf(_focused()) or (
        _focused() is radios[0]
    )
    QTest.keyClick(_focused(), Qt.Key.Key_3)  # P1 manual: complete; on to P1 electronic
    QTest.keyClick(_focused(), Qt.Key.Key_2)  # P1 electronic: incomplete; on to P2 manual
    assert _focused() in page.blocks[1].groups["manual"].buttons()
    QTest.keyClick(_focused(), Qt.Key.Key_Up)  # back to P1 electronic: nothing chosen
    assert _focused() in page.blocks[0].groups["electronic"].buttons()
    QTest.keyClick(_focused(), Qt.Key.Key_Left)  # along the cell: still nothing chosen
    QTest.keyClick(_focused(), Qt.Key.Key_Down)
    QTest.keyClick(_focused(), Qt.Key.Key_Down)  # P2 electronic
    QTest.keyClick(_focused(), Qt.Key.Key_1)  # the last cell: the focus stays
    assert _focused() in page.blocks[1].groups["electronic"].buttons()
    QTest.keyClick(_focused(), Qt.Key.Key_Up)
    QTest.keyClick(_focused(), Qt.Key.Key_1)
    _settle(qtbot, store)
    recorded = call(store, lambda s: s.assessments.document(aid)).display["PR01"]
    assert recorded == {
        1: {"manual": "complete", "electronic": "incomplete"},
        2: {"manual": "absent", "electronic": "absent"},
    }
    assert view.items["PR01"].text(0).startswith("✓")
    assert view.items["PR02"].text(0).startswith("○")


def _colour(widget: QWidget) -> QColor:
    """Return the mean colour of what ``widget`` shows on screen."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    r = g = b = 0
    n = image.width() * image.height()
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            r, g, b = r + c.red(), g + c.green(), b + c.blue()
    return QColor(r // n, g // n, b // n)


def _distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def test_service_users_answer_y_n_d_in_english_with_keys_on_the_buttons(
    qtbot: Any, store: StoreThread
) -> None:
    aid = call(store, _new)
    view = open_view(qtbot, store, aid, language="en")
    _shown(qtbot, view)
    view.show_page("service_users")
    page = view.pages["service_users"]
    first, second, third = page.questions[:3]
    assert [b.text() for b in first.group.buttons()] == ["[Y] Yes", "[N] No", "[D] Don't know"]
    page.consent.setChecked(True)
    first.focus_target().setFocus()
    QTest.keyClick(_focused(), Qt.Key.Key_N)
    QTest.keyClick(_focused(), Qt.Key.Key_D)
    QTest.keyClick(_focused(), Qt.Key.Key_T)  # the instrument's own keys still answer
    assert (first.answer(), second.answer(), third.answer()) == ("T", "X", "T")
    # The chosen answer stands out: far from the unchosen ones, not a shade of grey.
    chosen, unchosen = first.group.button(1), first.group.button(0)
    assert chosen.isChecked()
    assert not unchosen.isChecked()
    assert _distance(_colour(chosen), _colour(unchosen)) > 150


def test_service_user_keys_in_indonesian_are_the_instruments(
    qtbot: Any, store: StoreThread
) -> None:
    aid = call(store, _new)
    view = open_view(qtbot, store, aid, language="id")
    view.show_page("service_users")
    page = view.pages["service_users"]
    texts = [b.text() for b in page.questions[0].group.buttons()]
    assert texts == ["[Y] Ya", "[T] Tidak", "[X] Tidak tahu"]
    assert "N" not in page.key_codes
    assert "D" not in page.key_codes


def test_the_chosen_level_of_a_role_item_stands_out(qtbot: Any, store: StoreThread) -> None:
    aid = call(store, _new)
    call(store, lambda s: s.assessments.set_role(aid, "R1", present=True, name="Budi"))
    call(store, lambda s: s.assessments.set_role_rating(aid, "R1", "IN02", 2))
    view = open_view(qtbot, store, aid)
    _shown(qtbot, view)
    view.show_page("R1")
    block = next(b for b in view.pages["R1"].blocks if b.indicator.code == "IN02")
    assert block.levels._buttons[2].isChecked()
    rows = [block.levels._labels[level] for level in (1, 2)]  # each level's anchor text
    assert _distance(_colour(rows[1]), _colour(rows[0])) > 150


def test_the_form_scrolls_to_the_question_being_answered(
    qtbot: Any, store: StoreThread
) -> None:
    aid = call(store, _new)
    call(store, lambda s: s.assessments.set_role(aid, "R1", present=True, name="Budi"))
    view = open_view(qtbot, store, aid)
    _shown(qtbot, view)
    view.show_page("R1")
    page = view.pages["R1"]
    last = page.blocks[-1]
    assert not _in_view(last.levels), "the last item starts below the fold at 1024×600"
    last.levels.setFocus()  # as the focus gets there after an answer by key
    QApplication.processEvents()
    assert _in_view(last.levels)
