"""The app's backup, restore and doctor actions on a real workspace (offscreen)."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from ombud_desktop import settings as setting
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.packages.state import assessment_state_digest
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.settings import Settings
from ombud_desktop.storage import Workspace
from ombud_desktop.storage import backup as backups
from ombud_desktop.ui import alerts
from ombud_desktop.ui.app import Application, parse_args
from ombud_desktop.ui.dialogs.doctor import DoctorDialog


def _digests(root: Path) -> dict[str, str]:
    with Workspace.open(root, create=False) as ws:
        ids = [r[0] for r in ws.db.execute("SELECT DISTINCT assessment_id FROM changes")]
        return {a: assessment_state_digest(ws, a) for a in sorted(ids)}


@pytest.fixture
def app(qtbot: Any, tmp_path: Path) -> Any:
    root = tmp_path / "ws"
    with Workspace.open(root) as ws:
        ws.set_profile("Siti Aminah")
        generate_demo(ws, builtin_instrument("ori-2023"), entities=1, seed=1)
    (tmp_path / "outbox").mkdir()
    killed = tmp_path / "outbox" / ".Kota_Cilegon_2024.ombx.x1y2.part"  # a killed export's
    killed.write_bytes(b"half a package")
    os.utime(killed, (time.time() - 3600, time.time() - 3600))
    settings_path = tmp_path / "settings.json"
    settings = Settings.load(settings_path)
    settings.update({setting.BACKUP_FOLDER: str(tmp_path / "usb"), setting.SETUP_DONE: True,
                     setting.OUTBOX: str(tmp_path / "outbox")})
    application = Application(QApplication.instance(), parse_args(
        ["--workspace", str(root), "--settings", str(settings_path), "--language", "en"]
    ))
    assert application.start()
    yield application
    if application.window is not None:
        application.window.close()
    if not application.closed:
        application.close()


def test_the_app_removes_a_killed_exports_part_file_at_start(
    app: Any, qtbot: Any, tmp_path: Path
) -> None:
    qtbot.waitUntil(lambda: not list((tmp_path / "outbox").iterdir()), timeout=20_000)


def test_the_file_menu_has_the_actions(app: Any) -> None:
    texts = [a.text() for a in app.window.menuBar().actions()[0].menu().actions()]
    for wanted in ("&Back up now", "Res&tore from backup…", "Check &workspace"):
        assert wanted in texts


def test_back_up_now_writes_a_backup_into_the_chosen_folder(
    app: Any, qtbot: Any, tmp_path: Path
) -> None:
    care = app.window.care
    with qtbot.waitSignal(care.finished, timeout=60_000):
        care.back_up_now()
    made = backups.list_backups(tmp_path / "usb")
    assert [b.path for b in made] == [care.last_backup.backup.path]
    assert backups.check_backup(made[0].path) == []
    assert "Backup made" in app.window.statusBar().currentMessage()


def test_check_workspace_finds_an_orphan_and_repairs_it_when_asked(
    app: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    orphan = tmp_path / "ws" / "evidence" / "cd" / ("cd" + "1" * 62)
    orphan.parent.mkdir(exist_ok=True)
    orphan.write_bytes(b"left behind")
    shown: list[Any] = []

    def answer(_parent: Any, report: Any) -> bool:
        shown.append(report)
        return len(shown) == 1  # repair, the first time

    monkeypatch.setattr(DoctorDialog, "ask", staticmethod(answer))
    care = app.window.care
    care.check()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=60_000)
    assert [(f.kind, f.repaired) for f in shown[0].findings] == [("evidence_orphan", False)]
    assert [(f.kind, f.repaired) for f in shown[1].findings] == [("evidence_orphan", True)]
    assert not orphan.exists()


def test_the_doctor_dialog_says_what_it_found(qtbot: Any) -> None:
    from ombud_desktop.services.backup import DoctorReport, Finding

    report = DoctorReport(Path("ws"), False, [Finding("evidence_missing", "evidence/ab/ab12")])
    dialog = DoctorDialog(report)
    qtbot.addWidget(dialog)
    assert dialog.repair_button is not None
    assert dialog.list.item(0).text() == "An evidence file is missing:\n    evidence/ab/ab12"
    healthy = DoctorDialog(DoctorReport(Path("ws"), False, []))
    qtbot.addWidget(healthy)
    assert healthy.repair_button is None
    assert "healthy" in healthy.summary.text()


def test_restore_from_backup_reopens_the_restored_workspace_keeping_the_current_aside(
    app: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "ws"
    made = backups.make_backup(root, tmp_path / "usb").backup
    monkeypatch.setattr(alerts, "confirm", lambda *args, **kwargs: True)
    informed: list[str] = []
    monkeypatch.setattr(alerts, "inform", lambda _p, _t, text: informed.append(text))
    monkeypatch.setattr(
        "ombud_desktop.ui.dialogs.files.ask_folder", lambda *args: made.path
    )
    old_window = app.window
    old_window.care.choose_restore()
    qtbot.waitUntil(lambda: bool(informed), timeout=60_000)
    assert app.window is not old_window
    assert "kept in" in informed[0]
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("ws-sebelum-pulih-")]
    assert len(aside) == 1
    qtbot.waitUntil(lambda: app.window.home.model.rowCount() > 0, timeout=20_000)
    app.window.close()
    app.close()
    app.window = None
    assert _digests(root) == made.digests


def test_a_damaged_backup_is_refused_in_words(
    app: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = backups.make_backup(tmp_path / "ws", tmp_path / "usb").backup
    next(made.path.glob("evidence/*/*")).write_bytes(b"not the photo")
    errors: list[Any] = []
    monkeypatch.setattr(alerts, "error", lambda _p, error: errors.append(error))
    monkeypatch.setattr("ombud_desktop.ui.dialogs.files.ask_folder", lambda *args: made.path)
    window = app.window
    window.care.choose_restore()
    qtbot.waitUntil(lambda: bool(errors), timeout=60_000)
    assert "damaged" in str(errors[0])
    assert app.window is window
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("ws")) == ["ws"]
