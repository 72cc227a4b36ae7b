"""Every window and dialog fits a 1024×600 screen; a restored window is clamped to the screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMainWindow

from ombud_desktop import settings as setting
from ombud_desktop.ui.app import settings_at
from ombud_desktop.ui.screen import RESTORED_MINIMUM, ScreenFit, available_area
from ombud_desktop.ui.settings import restore_geometry
from tests.ui.window_catalogue import CATALOGUE, window_classes

ROOT = Path(__file__).resolve().parents[2]
NETBOOK = {"name": "netbook", "x": 0, "y": 0, "width": 1024, "height": 600,
           "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}


def test_every_window_class_is_in_the_catalogue() -> None:
    catalogued = {name.split("#")[0] for name in CATALOGUE}
    assert window_classes() - catalogued == set(), "add the new window to window_catalogue.py"
    assert catalogued - window_classes() == set()


def run_catalogue(tmp_path: Path, language: str, *, fit: bool = True) -> dict[str, list[str]]:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [NETBOOK]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "OMBUD_NO_SCREEN_FIT": "" if fit else "1", "LANG": "C.UTF-8"}
    done = subprocess.run([sys.executable, "-m", "tests.ui.window_catalogue", language],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
                          check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_window_and_dialog_fits_1024x600(tmp_path: Path, language: str) -> None:
    problems = run_catalogue(tmp_path, language)
    assert sorted(problems) == sorted(CATALOGUE)  # each one was opened
    assert {name: found for name, found in problems.items() if found} == {}


def test_the_check_sees_a_window_that_does_not_fit(tmp_path: Path) -> None:
    # Without the app's fitting, windows sized for a large screen stick out of 1024×600.
    problems = run_catalogue(tmp_path, "en", fit=False)
    assert problems["ombud_desktop.ui.dialogs.report_preview.ReportPreviewDialog"]


def saved_geometry(qtbot: Any, size: QSize) -> str:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(size)
    window.show()
    return bytes(window.saveGeometry().toBase64().data()).decode("ascii")


@pytest.mark.parametrize("size", [QSize(694, 189), QSize(300, 120)])
def test_a_window_left_tiny_comes_back_usable(qtbot: Any, tmp_path: Path, size: QSize) -> None:
    settings = settings_at(tmp_path / "settings.json")
    settings.set(setting.MAIN_WINDOW_GEOMETRY, saved_geometry(qtbot, size))
    window = QMainWindow()
    qtbot.addWidget(window)
    assert restore_geometry(window, settings, setting.MAIN_WINDOW_GEOMETRY)
    area = available_area(window)
    assert window.width() >= min(RESTORED_MINIMUM.width(), area.width())
    assert window.height() >= min(RESTORED_MINIMUM.height(), area.height())


def test_a_window_saved_on_a_larger_screen_is_clamped(qtbot: Any, tmp_path: Path) -> None:
    settings = settings_at(tmp_path / "settings.json")
    big = QMainWindow()
    qtbot.addWidget(big)
    big.setGeometry(0, 0, 2400, 1500)  # as on a large monitor
    geometry = bytes(big.saveGeometry().toBase64().data()).decode("ascii")
    settings.set(setting.MAIN_WINDOW_GEOMETRY, geometry)
    window = QMainWindow()
    qtbot.addWidget(window)
    assert restore_geometry(window, settings, setting.MAIN_WINDOW_GEOMETRY)
    area = available_area(window)
    assert window.width() <= area.width()
    assert window.height() <= area.height()
    assert area.contains(window.frameGeometry())


def test_nothing_saved_restores_nothing(qtbot: Any, tmp_path: Path) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    assert not restore_geometry(window, settings_at(tmp_path / "s.json"),
                                setting.MAIN_WINDOW_GEOMETRY)


class CountingFit(ScreenFit):
    """The app's ScreenFit, counting the objects whose events it was shown."""

    seen: list[str]

    def eventFilter(self, watched: Any, event: Any) -> bool:
        self.seen.append(watched.objectName())
        return super().eventFilter(watched, event)


@pytest.fixture
def fit(qapp: QApplication) -> Iterator[CountingFit]:
    fit = CountingFit.install(qapp)
    assert isinstance(fit, CountingFit)
    fit.seen = []
    yield fit
    fit.setParent(None)  # uninstalled: later tests see no ScreenFit
    ScreenFit._forget()


def test_the_watch_passes_from_the_main_window_to_the_dialogs_it_opens(
    qtbot: Any, fit: CountingFit
) -> None:
    area = QApplication.primaryScreen().availableGeometry()
    main = QMainWindow()
    qtbot.addWidget(main)
    ScreenFit.watch(main)
    dialog = QDialog(main)
    dialog.resize(area.width() + 900, area.height() + 700)
    dialog.show()
    inner = QDialog(dialog)  # opened from the dialog: watched through it
    inner.resize(area.width() + 500, area.height() + 500)
    inner.show()
    alone = QDialog()  # made without a parent and not watched: left as it is
    qtbot.addWidget(alone)
    alone.resize(area.width() + 300, area.height() + 300)
    alone.show()
    assert dialog.width() <= area.width()
    assert dialog.height() <= area.height()
    assert inner.width() <= area.width()
    assert inner.height() <= area.height()
    assert alone.width() == area.width() + 300


def test_the_fit_sees_no_event_of_the_widgets_inside_a_window(
    qtbot: Any, fit: CountingFit
) -> None:
    # An application-wide filter was shown every key press and repaint of every widget.
    main = QMainWindow()
    main.setObjectName("main")
    qtbot.addWidget(main)
    ScreenFit.watch(main)
    field = QLineEdit()
    field.setObjectName("field")
    main.setCentralWidget(field)
    main.show()
    qtbot.keyClicks(field, "Puskesmas Kecamatan Tanah Abang")
    assert field.text() == "Puskesmas Kecamatan Tanah Abang"
    assert "main" in fit.seen
    assert "field" not in fit.seen
