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


def test_start_shows_the_window_then_asks_the_profile_and_resumes(
    qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QApplication

    from ombud_desktop.instruments import builtin_instrument
    from ombud_desktop.services.assessments import AssessmentService, NewAssessment
    from ombud_desktop.storage import Workspace
    from ombud_desktop.ui.app import Application
    from ombud_desktop.ui.dialogs.profile import ProfileDialog

    folder = tmp_path / "ws"
    with Workspace.open(folder) as workspace:  # a workspace without a profile yet
        workspace.set_profile("temp", None)
        aid = AssessmentService(workspace).create(
            builtin_instrument("ori-2023"),
            NewAssessment(category="kota", entity_name="Kota Cilegon", province="Banten",
                          locus_name="Disdukcapil", period_year=2024),
        )
        workspace.db.execute("DELETE FROM profile")
        workspace.db.conn.commit()
    settings = settings_at(tmp_path / "ui.ini")
    settings.setValue("last/assessment", aid)
    settings.setValue("last/page", "IN08")
    settings.sync()
    asked: list[bool] = []

    def ask(cls: Any, parent: Any, **_kwargs: Any) -> tuple[str, None]:
        asked.append(parent is not None and parent.isVisible())
        return "Budi Santoso", None

    monkeypatch.setattr(ProfileDialog, "ask", classmethod(ask))
    app = Application(QApplication.instance(), parse_args(
        ["--workspace", str(folder), "--settings", str(tmp_path / "ui.ini"), "--language", "en"]
    ))
    try:
        app.start()
        assert app.window.isVisible()  # shown before the workspace and profile are ready
        qtbot.waitUntil(lambda: app.window.assessment is not None, timeout=10_000)
        assert asked == [True]  # asked over the visible window
        assert app.store.call(lambda s: s.workspace.profile())["name"] == "Budi Santoso"
        assert app.window.assessment.current_key == "IN08"
        qtbot.waitUntil(lambda: "Budi Santoso" in app.window.identity_label.text())
    finally:
        app.window.close()
        app.close()
