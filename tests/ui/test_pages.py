"""The role, display and service-user pages and the level chooser, driven through their widgets.

Each page runs against a real workspace on its store thread; answers are checked in the store.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from ombud_desktop.domain.assessment import AssessmentDocument, ServiceUser
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.instruments.model import Instrument, Text
from ombud_desktop.services.assessments import NewAssessment
from ombud_desktop.storage import Workspace
from ombud_desktop.ui.models.service_users import (
    ServiceUserLabels,
    ServiceUserTableModel,
)
from ombud_desktop.ui.ops import Store, StoreThread, open_store_at
from ombud_desktop.ui.pages.base import Page
from ombud_desktop.ui.pages.display import DisplayPage
from ombud_desktop.ui.pages.role import RolePage, _RatedBlock, _RecallBlock
from ombud_desktop.ui.pages.service_users import ServiceUsersPage
from ombud_desktop.ui.widgets.levels import LevelChooser
from tests.ui.conftest import call

ANCHORS = {0: "Nothing at all", 1: "A little", 2: "Most of it", 3: "All of it, correctly"}


class PagesContext:
    """The assessment window as a page sees it, over a real store thread."""

    def __init__(self, store: StoreThread, assessment_id: str, language: str = "en"):
        self.store = store
        self.assessment_id = assessment_id
        self.language = language
        self.instrument: Instrument = call(store,
            lambda s: s.assessments.instrument_of(assessment_id)
        )
        self.page: Page | None = None
        self.errors: list[BaseException] = []
        self.moved_on = 0

    def text(self, text: Text | None) -> str:
        return "" if text is None else text.get(self.language)

    def save(self, job: Callable[[Store], Any]) -> None:
        self.store.submit(job, on_done=lambda _: self.reload(), on_error=self.errors.append)

    def go_next(self) -> None:
        self.moved_on += 1

    def document(self) -> AssessmentDocument:
        aid = self.assessment_id
        return call(self.store, lambda s: s.assessments.document(aid))

    def reload(self) -> None:
        aid = self.assessment_id
        document, score = call(self.store,
            lambda s: (s.assessments.document(aid), s.assessments.score(aid))
        )
        assert self.page is not None
        self.page.load(document, score, False)

    def settle(self, qtbot: Any) -> None:
        """Wait until every save has run and its reload has reached the page."""
        self.store.wait_idle()
        qtbot.waitUntil(lambda: self.store.pending == 0)
        assert not self.errors, self.errors


@pytest.fixture
def pages_store(tmp_path: Path) -> Iterator[StoreThread]:
    path = tmp_path / "ws"
    workspace = Workspace.open(path)
    workspace.set_profile("Siti Aminah", "198701012010012001")
    workspace.close()
    thread = StoreThread(open_store_at(path))
    yield thread
    thread.close()


@pytest.fixture
def open_page(qtbot: Any, pages_store: StoreThread) -> Callable[..., tuple[Any, PagesContext]]:
    """Return a function that creates an assessment and shows one page of it."""

    def open_(
        make: Callable[[PagesContext], Page],
        products: tuple[str, ...] = ("KTP-el", "KK"),
        language: str = "en",
    ) -> tuple[Any, PagesContext]:
        new = NewAssessment(
            category="kota", entity_name="Kota Cilegon", province="Banten",
            locus_name="Disdukcapil", period_year=2024, products=products,
        )
        aid = call(pages_store,
            lambda s: s.assessments.create(builtin_instrument("ori-2023"), new).value
        )
        context = PagesContext(pages_store, aid, language)
        page = make(context)
        context.page = page
        qtbot.addWidget(page)
        page.resize(1100, 900)
        page.show()
        qtbot.waitExposed(page)
        page.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
        context.reload()
        return page, context

    return open_


def press(key: Qt.Key | str, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
          fallback: QWidget | None = None) -> None:
    """Type a key into whatever has the keyboard focus, as a user would."""
    target = QApplication.focusWidget() or fallback
    assert target is not None, "nothing has the focus"
    QTest.keyClick(target, key, modifier)


def click(qtbot: Any, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(5, widget.height() // 2))


# -- LevelChooser --------------------------------------------------------------------------------


def test_level_chooser_keys_choose_a_level(qtbot: Any) -> None:
    chooser = LevelChooser()
    qtbot.addWidget(chooser)
    chooser.set_anchors(ANCHORS)
    chooser.show()
    qtbot.waitExposed(chooser)
    chooser.activateWindow()
    chooser.setFocus()
    chosen: list[int] = []
    chooser.level_chosen.connect(chosen.append)
    for key, level in (("2", 2), ("0", 0), ("3", 3), ("1", 1)):
        press(key, fallback=chooser)
        assert chooser.level() == level
    assert chosen == [2, 0, 3, 1]
    press("7", fallback=chooser)
    assert chooser.level() == 1
    assert chosen == [2, 0, 3, 1]


def test_level_chooser_label_click_and_quiet_set_level(qtbot: Any) -> None:
    chooser = LevelChooser()
    qtbot.addWidget(chooser)
    chooser.set_anchors(ANCHORS)
    chooser.show()
    chosen: list[int] = []
    chooser.level_chosen.connect(chosen.append)
    assert chooser._labels[3].text() == "3 — All of it, correctly"
    assert chooser._labels[3].wordWrap()
    qtbot.mouseClick(chooser._labels[3], Qt.MouseButton.LeftButton)
    assert chooser.level() == 3
    assert chosen == [3]
    chooser.set_level(1)
    chooser.set_level(None)
    assert chooser.level() is None
    assert chosen == [3]  # set_level never emits


def test_level_chooser_compact(qtbot: Any) -> None:
    chooser = LevelChooser(compact=True)
    qtbot.addWidget(chooser)
    chooser.set_anchors(ANCHORS)
    chooser.show()
    chosen: list[int] = []
    chooser.level_chosen.connect(chosen.append)
    buttons = chooser._buttons
    assert [buttons[level].text() for level in range(4)] == ["0", "1", "2", "3"]
    assert buttons[2].toolTip() == "2 — Most of it"
    qtbot.mouseClick(buttons[2], Qt.MouseButton.LeftButton)
    assert chooser.level() == 2
    assert chosen == [2]
    chooser.set_level(None)
    assert not any(button.isChecked() for button in buttons.values())


# -- RolePage ------------------------------------------------------------------------------------


def test_role_page_interviewed_recall_and_rating(qtbot: Any, open_page: Any) -> None:
    page, context = open_page(lambda c: RolePage(c, "R1"))
    assert not page.items.isEnabled()  # nothing may be answered before the respondent
    click(qtbot, page.interviewed)
    context.settle(qtbot)
    assert page.items.isEnabled()
    assert page.name.hasFocus()
    QTest.keyClicks(page.name, "Budi Santoso")
    QTest.keyClick(page.name, Qt.Key.Key_Return)
    context.settle(qtbot)
    role = context.document().roles["R1"]
    assert role.present is True
    assert role.name == "Budi Santoso"

    recall = next(b for b in page.blocks if isinstance(b, _RecallBlock))
    codes = list(recall.boxes)[:10]
    for code in codes:
        click(qtbot, recall.boxes[code])
    assert "Named: 10 → level 3" in recall.result.text()  # live, before the store answers
    context.settle(qtbot)
    assert context.document().roles["R1"].recall["IN01"] == codes
    assert "Named: 10 → level 3" in recall.result.text()
    click(qtbot, recall.boxes[codes[0]])
    context.settle(qtbot)
    assert "Named: 9 → level 2" in recall.result.text()

    rated = {b.indicator.code: b for b in page.blocks if isinstance(b, _RatedBlock)}
    rated["IN02"].levels.setFocus()
    press("2", fallback=rated["IN02"].levels)
    context.settle(qtbot)
    assert context.document().roles["R1"].ratings["IN02"] == 2
    assert rated["IN02"].levels.level() == 2

    rated["IN03"].levels.setFocus()
    assert page.choose_level(1)
    context.settle(qtbot)
    assert context.document().roles["R1"].ratings["IN03"] == 1


def test_role_page_not_present_with_reason(qtbot: Any, open_page: Any) -> None:
    page, context = open_page(lambda c: RolePage(c, "R3"))
    click(qtbot, page.absent)
    assert page.reason.hasFocus()
    assert not page.items.isEnabled()
    QTest.keyClicks(page.reason, "No complaint officer at this Puskesmas")
    QTest.keyClick(page.reason, Qt.Key.Key_Return)
    context.settle(qtbot)
    role = context.document().roles["R3"]
    assert role.present is False
    assert role.absent_reason == "No complaint officer at this Puskesmas"
    assert page.absent.isChecked()
    assert not page.items.isEnabled()
    assert not page.choose_level(2)


# -- DisplayPage ---------------------------------------------------------------------------------


def test_display_page_records_both_channels(qtbot: Any, open_page: Any) -> None:
    page, context = open_page(lambda c: DisplayPage(c, "PR03"))
    assert len(page.blocks) == 2
    assert page.blocks[0].title() == "Product 1: KTP-el"
    product = page.blocks[0]
    statuses = product.statuses
    click(qtbot, product.groups["manual"].button(statuses.index("complete")))
    click(qtbot, product.groups["electronic"].button(statuses.index("incomplete")))
    context.settle(qtbot)
    assert context.document().display["PR03"][1] == {
        "manual": "complete", "electronic": "incomplete",
    }
    assert product.value.text() == "→ value 2"
    assert page.blocks[1].value.text() == "→ value –"
    assert "2" in page.value.text()


def test_display_page_without_products(qtbot: Any, open_page: Any) -> None:
    page, _context = open_page(lambda c: DisplayPage(c, "PR01"), products=())
    assert page.blocks == []
    assert page.no_products.isVisibleTo(page)
    assert "Products page" in page.no_products.text()


# -- ServiceUsersPage ----------------------------------------------------------------------------


def answer_buttons(page: ServiceUsersPage) -> list[QWidget]:
    return [button for q in page.questions for button in q.group.buttons()]


def test_service_users_answers_need_consent(qtbot: Any, open_page: Any) -> None:
    page, _context = open_page(ServiceUsersPage)
    assert not any(button.isEnabled() for button in answer_buttons(page))
    assert not page.save_button.isEnabled()
    page.consent.setFocus()
    press(Qt.Key.Key_Space, fallback=page.consent)
    assert page.consent.isChecked()
    assert all(button.isEnabled() for button in answer_buttons(page))
    assert "0 of target 15 (minimum 5)" in page.header.text()


def test_service_users_entered_by_keyboard(qtbot: Any, open_page: Any) -> None:
    page, context = open_page(ServiceUsersPage)
    page.setFocus()
    assert page.consent.hasFocus()
    answers = [
        ("Y", "T", "T", "X", "T"),
        ("T", "T", "T", "T", "T"),
        ("?", "Y", "T", "T", "Y"),
    ]
    for row in answers:
        press(Qt.Key.Key_Space, fallback=page)
        for key in row:
            press(key, fallback=page)
        press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier, fallback=page)
        assert page.consent.hasFocus()
        assert not page.consent.isChecked()
    context.settle(qtbot)
    users = context.document().service_users
    assert len(users) == 3
    expected = [dict(zip(["OUT01", "OUT02", "OUT03", "OUT04", "OUT05"],
                         [k.replace("?", "X") for k in row], strict=True)) for row in answers]
    assert [u.answers for u in users] == expected
    assert all(u.consent and u.product == "KTP-el" for u in users)
    assert all(u.service_date for u in users)
    assert page.model.rowCount() == 3
    assert "3 of target 15 (minimum 5)" in page.header.text()
    assert page.model.index(0, 5).data() == "Yes"
    assert page.model.index(2, 5).data() == "Don't know"


def test_service_users_profile_phone_and_last_return(qtbot: Any, open_page: Any) -> None:
    page, context = open_page(ServiceUsersPage)
    click(qtbot, page.consent)
    page.product.setCurrentIndex(1)  # "KK"
    page.sex.setCurrentIndex(page.sex.findData("Perempuan"))
    page.age.setCurrentIndex(page.age.findData("25–34"))
    assert not page.phone.isEnabled()
    click(qtbot, page.callback)
    assert page.phone.isEnabled()
    QTest.keyClicks(page.phone, "08123456789")
    page.questions[0].focus_target().setFocus()
    for key in "TTTTT":
        press(key, fallback=page)
    assert page.save_button.hasFocus()
    press(Qt.Key.Key_Return, fallback=page)  # the last Enter saves
    context.settle(qtbot)
    (user,) = context.document().service_users
    assert (user.product, user.sex, user.age_band) == ("KK", "Perempuan", "25–34")
    assert (user.callback_consent, user.phone) == (True, "08123456789")
    assert page.product.currentData() == "KK"  # kept for the next respondent
    assert page.model.index(0, 3).data() == "Female"


def test_service_users_edit_existing_row(qtbot: Any, open_page: Any) -> None:
    page, context = open_page(ServiceUsersPage)
    page.setFocus()
    for row in ("YYYYY", "TTTTT"):
        press(Qt.Key.Key_Space, fallback=page)
        for key in row:
            press(key, fallback=page)
        press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier, fallback=page)
    context.settle(qtbot)
    page.table.selectRow(0)
    assert page._editing == context.document().service_users[0].respondent_id
    assert [q.answer() for q in page.questions] == ["Y"] * 5
    assert not page.save_button.isVisibleTo(page)
    assert not page.sex.isEnabled()
    no = page.questions[1].group.button(1)
    click(qtbot, no)
    context.settle(qtbot)
    assert context.document().service_users[0].answers["OUT02"] == "T"
    assert page._editing is not None
    assert page.table.selectionModel().selectedRows()[0].row() == 0
    page.new_respondent()
    assert page._editing is None
    assert not page.consent.isChecked()
    assert page.save_button.isVisibleTo(page)

    # By keyboard: arrows pick a row, Return goes to its answers, a key answers at once.
    page.table.setFocus()
    press(Qt.Key.Key_Down, fallback=page)
    second = context.document().service_users[1]
    assert page._editing == second.respondent_id
    press(Qt.Key.Key_Return, fallback=page)
    assert page.questions[0].isAncestorOf(QApplication.focusWidget())
    press("Y", fallback=page)
    context.settle(qtbot)
    assert context.document().service_users[1].answers["OUT01"] == "Y"
    assert page.questions[1].isAncestorOf(QApplication.focusWidget())


def test_service_user_table_model(qtmodeltester: Any) -> None:
    labels = ServiceUserLabels(
        questions=[("OUT01", "Delay?"), ("OUT02", "Money asked?")],
        answers={"Y": "Ya", "T": "Tidak", "X": "Tidak tahu"},
        options={"sex": {"Perempuan": "Perempuan"}},
    )
    model = ServiceUserTableModel(labels)
    users = [
        ServiceUser("a", consent=True, number=1, product="KTP-el", service_date="2024-08-12",
                    sex="Perempuan", age_band="25–34", answers={"OUT01": "Y", "OUT02": "T"}),
        ServiceUser("b", consent=True, number=2, answers={"OUT01": "X"}),
    ]
    model.set_users(users[:1])
    model.set_users(users)
    assert model.rowCount() == 2
    assert model.columnCount() == 7
    assert model.index(0, 2).data() == "12/08/2024"
    assert model.index(0, 5).data() == "Ya"
    assert model.index(1, 6).data() == ""
    assert model.headerData(5, Qt.Orientation.Horizontal) == "OUT01"
    qtmodeltester.check(model)
    model.set_users(list(reversed(users)))
    qtmodeltester.check(model)
    model.set_users([])
    assert model.rowCount() == 0


def test_pages_show_instrument_texts_in_indonesian(qtbot: Any, open_page: Any) -> None:
    users, _context = open_page(ServiceUsersPage, language="id")
    texts = [b.text() for b in users.questions[0].group.buttons()]
    assert texts == ["[Y] Ya", "[T] Tidak", "[X] Tidak tahu"]  # each with its key
    assert users.consent.text() == "Responden setuju diwawancarai"
    assert users.sex.itemText(2) == "Perempuan"
    role, _context = open_page(lambda c: RolePage(c, "R2"), language="id")
    recall = next(b for b in role.blocks if isinstance(b, _RecallBlock))
    assert recall.boxes["K01"].text() == "Dasar hukum"
    display, _context = open_page(lambda c: DisplayPage(c, "PR01"), language="id")
    assert display.blocks[0].groups["manual"].button(0).text() == "[1] Tidak ada"
