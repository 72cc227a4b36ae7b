"""A whole locus by keyboard alone, on the real main window over a real workspace.

From the home list to Finish, every answer is given with QTest key events sent to whatever
has the focus (the way a keyboard reaches the app): no mouse, no call of a window's method.
The test only looks (which widget has the focus, what is stored) to say where a key failed.
The key presses are counted and printed, never held to a number.
"""

from __future__ import annotations

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
SHOTS = Path(__file__).parent / "keyboard-shots"  # only when ASSESSOR_SHOTS is set


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
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, poll)
            return
        act(dialog)

    QTimer.singleShot(20, poll)


@pytest.fixture
def indonesian(tmp_path: Path) -> Any:
    translator = i18n.install_translator("id", tmp_path / "qm")
    assert translator is not None
    yield
    QApplication.instance().removeTranslator(translator)


def _window(qtbot: Any, store: StoreThread, tmp_path: Path, language: str) -> MainWindow:
    main = MainWindow(store, settings_at(tmp_path / "settings.json"), language)
    qtbot.addWidget(main)
    main.resize(1024, 600)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main, timeout=10_000)
    return main


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
    keys.settle()
    assert view.document.locus["name"] == "Puskesmas Pontang"
    print(f"\nafter the New-assessment dialog: {keys.presses} keys")
