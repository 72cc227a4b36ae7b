"""The application entry: icon, command line, settings file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from ombud_desktop import settings as setting
from ombud_desktop.ui.app import app_icon, parse_args, settings_at
from ombud_desktop.ui.settings import restore_geometry


def test_the_app_icon_renders(qtbot: Any) -> None:
    pixmap = app_icon().pixmap(64, 64)
    assert not pixmap.isNull()
    assert pixmap.toImage().pixelColor(32, 8).alpha() > 0  # the shield, not transparency


def test_command_line_and_environment(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("OMBUD_WORKSPACE", str(tmp_path / "ws"))
    monkeypatch.setenv("OMBUD_SETTINGS", str(tmp_path / "shared.json"))
    assert parse_args([]).settings == tmp_path / "shared.json"  # the same variable as ombud
    args = parse_args(["--language", "en", "--settings", str(tmp_path / "settings.json")])
    assert args.workspace == tmp_path / "ws"
    assert args.language == "en"
    settings = settings_at(args.settings)
    settings.set(setting.LANGUAGE, "en")
    assert json.loads((tmp_path / "settings.json").read_text())["settings"] == {"language": "en"}


def test_the_settings_of_a_ui_ini_written_by_qsettings_are_kept(qtbot: Any, tmp_path: Path) -> None:
    """Upgrade 1, on a file written by Qt itself: no choice of an existing user is lost."""
    window = QWidget()
    qtbot.addWidget(window)
    # A size the restore keeps as it is (not below screen.RESTORED_MINIMUM, inside the screen).
    window.setGeometry(0, 50, 800, 520)
    geometry = window.saveGeometry()
    old = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    written = {
        "ui/language": "en",
        "setup/workspace": str(tmp_path / "Kerja, 2024" / "ruang \"kerja\" ñ 日本"),
        "setup/role": "supervisor",
        "setup/done": True,
        "sync/inbox": "C:\\Users\\Siti\\Kotak masuk",
        "packages/outbox": " @usb;=",
        "results/export_folder": "/tmp/x\x01abc",
        "last/assessment": "0f9e",
        "last/page": "IN08",
    }
    for key, value in written.items():
        old.setValue(key, value)
    old.setValue("window/geometry", geometry)
    old.sync()
    del old

    settings = settings_at(tmp_path / "settings.json")
    names = {
        "ui/language": setting.LANGUAGE, "setup/workspace": setting.WORKSPACE,
        "setup/role": setting.ROLE, "setup/done": setting.SETUP_DONE,
        "sync/inbox": setting.INBOX, "packages/outbox": setting.OUTBOX,
        "results/export_folder": setting.RESULTS_EXPORT_FOLDER,
        "last/assessment": setting.LAST_ASSESSMENT, "last/page": setting.LAST_PAGE,
    }
    assert {key: settings.get(names[key]) for key in written} == written
    restored = QWidget()
    qtbot.addWidget(restored)
    assert restore_geometry(restored, settings, setting.MAIN_WINDOW_GEOMETRY)
    assert restored.saveGeometry() == geometry


# The start sequence (setup first, or over the window; then resume): tests/ui/test_setup.py


def test_a_settings_file_of_a_newer_version_stops_the_app_in_words(
    qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from ombud_desktop.ui.app import main

    path = tmp_path / "settings.json"
    content = json.dumps({"format": setting.FORMAT, "version": 99, "settings": {}})
    path.write_text(content)
    shown: list[str] = []
    monkeypatch.setattr("ombud_desktop.ui.alerts.error",
                        lambda _parent, error: shown.append(error.code))
    assert main(["--settings", str(path), "--workspace", str(tmp_path / "ws")]) == 2
    assert shown == ["settings_too_new"]
    assert path.read_text() == content
    assert not (tmp_path / "ws").exists()
