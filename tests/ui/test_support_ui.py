"""The app's support pieces: an exception in a slot is logged and shown in words (never lost
on a build without a console), and Help › Save support bundle… writes the zip off the GUI
thread. Real store thread over a real demo workspace.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
import logging
import zipfile
from pathlib import Path
from typing import Any

import pytest

from ombud_desktop import logs
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.storage import Workspace
from ombud_desktop.ui import crash
from ombud_desktop.ui.ops import StoreThread, open_store_at
from ombud_desktop.ui.support import save_support_bundle


def test_an_exception_in_a_slot_is_logged_and_shown(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[BaseException] = []
    monkeypatch.setattr(crash, "show_crash", lambda _parent, exc: shown.append(exc))
    folder = tmp_path / "logs"
    logs.start("crash-probe", folder=folder, console=False)
    reporter = crash.CrashReporter(lambda: None)
    try:
        name = " ".join(("Ibu", "Sri", "Wahyuni"))  # a respondent's name, met at run time
        try:
            {}[name]  # an error whose message quotes it
        except KeyError as exc:
            reporter(type(exc), exc, exc.__traceback__)
    finally:
        logs.stop("crash-probe", folder=folder)
    assert [type(e) for e in shown] == [KeyError]
    text = (folder / "crash-probe.log").read_text()
    assert "unhandled exception" in text
    assert "unhandled exception: KeyError" in text
    assert "test_support_ui.py" in text  # where it happened
    assert "Sri Wahyuni" not in text  # never the message: it may quote personal data


def test_installed_hook_catches_what_a_qt_slot_raises(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from PySide6.QtCore import QTimer

    shown: list[BaseException] = []
    monkeypatch.setattr(crash, "show_crash", lambda _parent, exc: shown.append(exc))
    before = sys.excepthook
    try:
        with qtbot.capture_exceptions():  # pytest-qt's own hook, replaced below
            reporter = crash.install(lambda: None)

            def slot() -> None:
                raise RuntimeError("a bug in a slot")

            QTimer.singleShot(0, slot)
            qtbot.waitUntil(lambda: reporter.shown == 1, timeout=5_000)
    finally:
        sys.excepthook = before
        import threading

        threading.excepthook = threading.__excepthook__
    assert [str(e) for e in shown] == ["a bug in a slot"]


def test_help_save_support_bundle_writes_the_zip(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "ws"
    with Workspace.open(root) as ws:
        ws.set_profile("Siti Aminah")
        generate_demo(ws, builtin_instrument("ori-2023"), entities=1, seed=2)
        names = {n for (n,) in ws.db.execute("SELECT name FROM respondents") if n}
    told: list[str] = []
    monkeypatch.setattr(
        "ombud_desktop.ui.alerts.inform", lambda _parent, _title, text: told.append(text)
    )
    logging.getLogger("ombud_desktop.test").warning("something to find in the log")
    store = StoreThread(open_store_at(root))
    written: list[Path] = []
    try:
        save_support_bundle(
            None, store, tmp_path / "settings.json", tmp_path / "bundle.zip",
            on_done=written.append,
        )
        qtbot.waitUntil(lambda: bool(written), timeout=20_000)
    finally:
        store.close()
    assert written == [tmp_path / "bundle.zip"]
    assert str(written[0]) in told[0]
    with zipfile.ZipFile(written[0]) as bundle:
        versions = json.loads(bundle.read("versions.json"))
        summary = json.loads(bundle.read("workspace.json"))
        everything = b"\n".join(bundle.read(n) for n in bundle.namelist()).decode()
    assert versions["qt"]
    assert versions["pyside6"]
    assert summary["integrity_check"] == "ok"
    assert names
    assert not [n for n in names if n in everything]
