"""The application entry: icon, command line, settings file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ombud_desktop.ui.app import app_icon, parse_args, settings_at


def test_the_app_icon_renders(qtbot: Any) -> None:
    pixmap = app_icon().pixmap(64, 64)
    assert not pixmap.isNull()
    assert pixmap.toImage().pixelColor(32, 8).alpha() > 0  # the shield, not transparency


def test_command_line_and_environment(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("OMBUD_WORKSPACE", str(tmp_path / "ws"))
    args = parse_args(["--language", "en", "--settings", str(tmp_path / "ui.ini")])
    assert args.workspace == tmp_path / "ws"
    assert args.language == "en"
    settings = settings_at(args.settings)
    settings.setValue("ui/language", "en")
    settings.sync()
    assert (tmp_path / "ui.ini").read_text().count("language=en") == 1


# The start sequence (setup first, or over the window; then resume): tests/ui/test_setup.py
