"""A whole locus by keyboard alone, on the real main window over a real workspace.

From the home list to Finish, every answer is given with QTest key events sent to whatever
has the focus (the way a keyboard reaches the app): no mouse, no call of a window's method.
The test only looks (which widget has the focus, what is stored) to say where a key failed.
The key presses are counted and printed, never held to a number.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.scoring import score_locus
from ombud_desktop.ui import i18n
from ombud_desktop.ui.app import settings_at
from ombud_desktop.ui.main_window import MainWindow
from ombud_desktop.ui.ops import StoreThread
from tests.ui.conftest import call

Key = Qt.Key
Mod = Qt.KeyboardModifier
INSTRUMENT = builtin_instrument("ori-2023")
SHOTS = os.environ.get("KEYBOARD_SHOTS")  # a folder: grab the window mid-run, to look at

# Keys go to whatever has the focus, and the focus belongs to the active window: top-level
# windows other tests leave behind in the shared QApplication can take it (seen in the whole
# suite: a Finish-list dialog waited for a key that went elsewhere). So the two keyboard tests
# run in a fresh interpreter of their own, started by the test below.
CHILD = os.environ.get("OMBUD_KEYBOARD_CHILD") == "1"
in_own_process = pytest.mark.skipif(
    not CHILD, reason="runs in a fresh process (test_keyboard_tests_in_a_fresh_process)"
)


def test_keyboard_tests_in_a_fresh_process() -> None:
    if CHILD:
        pytest.skip("this is that fresh process")
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "OMBUD_KEYBOARD_CHILD": "1", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs",
         str(Path(__file__).relative_to(root))],
        cwd=root, env=env, capture_output=True, text=True, timeout=900, check=False,
    )
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    assert "2 passed, 1 skipped" in done.stdout, done.stdout[-2000:]


class Keyboard:
    """Send keys to whatever has the focus, and count them."""

    def __init__(self, qtbot: Any, store: StoreThread):
        self.qtbot = qtbot
        self.store = store
        self.presses = 0

    def focus(self) -> QWidget:
        # Keys go to an open popup (a completer's list), else the focused widget, else the
        # active window: where a keyboard's keys go.
        widget = (
            QApplication.activePopupWidget()
            or QApplication.focusWidget()
            or QApplication.activeWindow()
        )
        assert widget is not None, "no window takes the keyboard"
        return widget

    def press(self, key: Any, modifier: Mod = Mod.NoModifier, times: int = 1) -> None:
        for _ in range(times):
            QTest.keyClick(self.focus(), key, modifier)
            self.presses += 1
            QApplication.processEvents()

    def type(self, text: str) -> None:
        for char in text:
            QTest.keyClicks(self.focus(), char)
            self.presses += 1
        QApplication.processEvents()

    def tab_to(self, found: Callable[[QWidget], bool], most: int = 40) -> int:
        """Press Tab until ``found(focus)``; return how many Tabs it took."""
        for count in range(most + 1):
            if found(self.focus()):
                return count
            self.press(Key.Key_Tab)
        raise AssertionError(f"{most} Tabs did not reach it; focus on {self.focus()!r}")

    def settle(self) -> None:
        self.store.wait_idle()
        self.qtbot.waitUntil(lambda: self.store.pending == 0, timeout=10_000)
        QApplication.processEvents()


def _when_modal(act: Callable[[QWidget], None]) -> None:
    """Run ``act(dialog)`` as soon as a modal dialog shows (it runs inside its event loop)."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        # Shown is not yet active: until the dialog's activation arrives, keys still go to the
        # window under it (seen under load: Return went to the page and the dialog waited).
        if dialog is None or not dialog.isVisible() or QApplication.activeWindow() is not dialog:
            QTimer.singleShot(20, poll)
            return
        try:
            act(dialog)
        except BaseException:
            dialog.reject()  # a failed step must fail the test, never leave it waiting
            raise

    QTimer.singleShot(20, poll)


@pytest.fixture
def indonesian(tmp_path: Path) -> Any:
    translator = i18n.install_translator("id", tmp_path / "qm")
    assert translator is not None
    yield
    QApplication.instance().removeTranslator(translator)


def _reactivate(qtbot: Any, window: QWidget) -> None:
    """Give the window back the keyboard after a dialog closed (the window manager's job;
    the offscreen platform has none)."""
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=10_000)


def _window(qtbot: Any, store: StoreThread, tmp_path: Path, language: str) -> MainWindow:
    main = MainWindow(store, settings_at(tmp_path / "settings.json"), language)
    qtbot.addWidget(main)
    main.resize(1024, 600)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main, timeout=10_000)
    return main


@in_own_process
def test_a_whole_locus_by_keyboard_alone(
    qtbot: Any, store: StoreThread, tmp_path: Path, indonesian: Any
) -> None:
    window = _window(qtbot, store, tmp_path, "id")
    keys = Keyboard(qtbot, store)

    # The New-assessment dialog, by Tab and typing: 2024, Banten, Kabupaten Serang, Puskesmas.
    def fill(dialog: Any) -> None:
        keys.tab_to(lambda w: w is dialog.year_spin or dialog.year_spin.isAncestorOf(w))
        keys.press(Key.Key_A, Mod.ControlModifier)
        keys.type("2024")
        keys.tab_to(lambda w: dialog.province_combo.isAncestorOf(w) or w is dialog.province_combo)
        keys.type("Banten")
        keys.tab_to(lambda w: w in (dialog.entity_combo, dialog.entity_edit))
        keys.type("Kabupaten Serang")
        keys.tab_to(lambda w: w is dialog.locus_combo)
        keys.type("Pusk")  # a closed list chooses by the first letters: Puskesmas (1)
        keys.press(Key.Key_Tab)
        assert dialog.focusWidget() is dialog.locus_edit, dialog.focusWidget()
        keys.type("Pontang")  # after "Puskesmas ", not over it
        keys.tab_to(lambda w: w is dialog.product_edits[0])
        assert dialog.product_edits[0].text(), "the template's products are filled in"
        keys.press(Key.Key_Return)

    _when_modal(fill)
    keys.press(Key.Key_N, Mod.ControlModifier)
    qtbot.waitUntil(lambda: window.assessment is not None, timeout=20_000)
    view = window.assessment
    qtbot.waitUntil(lambda: not view._unbuilt, timeout=30_000)
    _reactivate(qtbot, window)
    keys.settle()
    assert view.document.locus["name"] == "Puskesmas Pontang"
    print(f"\nafter the New-assessment dialog: {keys.presses} keys")

    # Every page in the navigator's order, moving on with Enter; PgDown from a text field and
    # from the service users (there Enter moves through the questions, never off the page).
    pages_seen = []
    for entry in view.entries:
        assert view.current_key == entry.key, (view.current_key, entry.key)
        pages_seen.append(entry.key)
        _answer_page(keys, view, entry.key)
        if SHOTS and entry.key in ("PR01", "PR06", "R1", "service_users", "PG06"):
            window.grab().save(str(Path(SHOTS) / f"keyboard-{entry.key}.png"))
        before = keys.presses
        if entry.key != view.entries[-1].key:
            on = _typing(keys.focus()) or entry.key == "service_users"
            keys.press(Key.Key_PageDown if on else Key.Key_Return)
        print(f"{entry.key}: {keys.presses - before + _answer_page.last} keys")
    keys.settle()
    assert pages_seen == [e.key for e in view.entries]

    # Finish: the Finish list names PR06b (left for it on purpose); Enter goes there.
    def go_there(dialog: Any) -> None:
        texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        assert texts == ["PR06b: belum ada nilai"], texts
        keys.press(Key.Key_Return)

    _when_modal(go_there)
    keys.press(Key.Key_F, Mod.ControlModifier | Mod.ShiftModifier)
    qtbot.waitUntil(lambda: view.current_key == "PR06", timeout=10_000)
    _reactivate(qtbot, window)
    assert view.pages["PR06"].blocks[1].isAncestorOf(keys.focus())
    keys.press(Key.Key_2)
    keys.settle()
    assert not view.score.provisional, [r.message for r in view.score.reasons]
    keys.press(Key.Key_F, Mod.ControlModifier | Mod.ShiftModifier)
    keys.settle()
    qtbot.waitUntil(lambda: view.locked, timeout=10_000)
    print(f"a whole locus by keyboard: {keys.presses} key presses")

    document = call(store, lambda s: s.assessments.document(view.assessment_id))
    assert document.status == "complete"
    assert document.roles["R3"].name == "Pejabat R3"
    assert document.roles["R3"].position == "Kepala"
    assert all(len(r.recall["IN01"]) == 10 for r in document.roles.values())
    assert document.answers["IN07"].value == 3
    assert document.answers["PR06a"].value == document.answers["PR06b"].value == 2
    assert document.display["PR03"][2] == {"manual": "complete", "electronic": "complete"}
    assert len(document.service_users) == 5
    result = score_locus(INSTRUMENT, document)
    assert not result.provisional
    assert view.score.score == pytest.approx(result.score)  # what the window shows is stored


def _typing(widget: QWidget) -> bool:
    from ombud_desktop.ui.assessment_view import TEXT_INPUTS

    return isinstance(widget, TEXT_INPUTS)


def _answer_page(keys: Keyboard, view: Any, key: str) -> None:
    """Answer the page shown, by keys only; remember how many keys it took."""
    start = keys.presses
    page = view.pages[key]
    kind = type(page).__name__
    if kind == "ProductsPage":
        assert keys.focus() is page.names[0]
        assert all(edit.text() for edit in page.names), "filled in from the locus template"
    elif kind == "RatingPage" and len(page.blocks) > 1:  # PR06a and PR06b
        assert page.blocks[0].levels.isAncestorOf(keys.focus())
        keys.press(Key.Key_2)
        # PR06b is left for the Finish list to name; Tab reaches it past the N/A box.
        tabs = keys.tab_to(lambda w: page.blocks[1].levels.isAncestorOf(w))
        assert tabs <= 3, tabs
        print(f"PR06a to PR06b: {tabs} Tabs")
    elif kind == "RatingPage":
        assert page.blocks[0].levels.isAncestorOf(keys.focus()), keys.focus()
        keys.press(Key.Key_3)
    elif kind == "DisplayPage":
        for block in page.blocks:
            for _channel in block.groups:
                keys.press(Key.Key_3)  # complete; on to the next cell
    elif kind == "RolePage":
        assert keys.focus() is page.interviewed, keys.focus()
        keys.press(Key.Key_Space)
        keys.settle()
        assert keys.focus() is page.name, keys.focus()
        keys.type(f"Pejabat {key}")
        keys.press(Key.Key_Tab)
        keys.type("Kepala")
        recall = page.blocks[0]
        boxes = list(recall.boxes.values())
        keys.tab_to(lambda w: w is boxes[0])
        for number in range(10):
            assert keys.focus() is boxes[number], (number, keys.focus())
            keys.press(Key.Key_Space)
            keys.press(Key.Key_Tab)
        keys.settle()
        for block in page.blocks[1:]:
            keys.tab_to(lambda w, block=block: block.levels.isAncestorOf(w))
            keys.press(Key.Key_3)
        keys.settle()
    elif kind == "ServiceUsersPage":
        assert keys.focus() is page.consent, keys.focus()
        for _user in range(5):
            keys.press(Key.Key_Space)
            for _question in page.questions:
                keys.press(Key.Key_Y)
            keys.press(Key.Key_Return, Mod.ControlModifier)
            keys.settle()
            assert len(view.document.service_users) == _user + 1, "Ctrl+Return saved it"
    else:
        raise AssertionError(kind)
    keys.settle()
    _answer_page.last = keys.presses - start


_answer_page.last = 0  # type: ignore[attr-defined]


@in_own_process
def test_service_users_by_keyboard_in_english(
    qtbot: Any, store: StoreThread, tmp_path: Path
) -> None:
    from ombud_desktop.services.assessments import AssessmentService, NewAssessment
    from tests.ui.conftest import open_assessment

    aid = call(store, lambda s: AssessmentService(s.workspace).create(
        INSTRUMENT, NewAssessment("kota", "Kota Cilegon", "Banten", "Disdukcapil", 2024)
    ).value)  # fmt: skip
    window = _window(qtbot, store, tmp_path, "en")
    view = open_assessment(qtbot, window, aid, "service_users")
    _reactivate(qtbot, window)
    keys = Keyboard(qtbot, store)
    page = view.pages["service_users"]
    assert keys.focus() is page.consent
    for answers in ("YNDYN", "NNNNN", "DYDYD"):
        keys.press(Key.Key_Space)
        for letter in answers:
            keys.press(getattr(Key, f"Key_{letter}"))
        keys.press(Key.Key_Return, Mod.ControlModifier)
        keys.settle()
    print(f"\nthree service users in English: {keys.presses} keys")
    users = call(store, lambda s: s.assessments.document(aid)).service_users
    codes = {"Y": "Y", "N": "T", "D": "X"}  # the instrument's codes: Ya, Tidak, Tidak tahu
    assert [list(u.answers.values()) for u in users] == [
        [codes[a] for a in answers] for answers in ("YNDYN", "NNNNN", "DYDYD")
    ]
