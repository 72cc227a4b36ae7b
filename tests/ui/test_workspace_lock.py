"""Two apps on one workspace: the second says who has it and quits; after a kill it opens."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication

from ombud_desktop.cli.main import main
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.lock import LOCK_NAME, Holder, locked_error, read_holder
from ombud_desktop.ui.i18n import install_translator
from ombud_desktop.ui.messages import describe
from tests.storage.lock_holder import digest

FIRST_APP = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    from ombud_desktop.ui.app import Application, parse_args

    qt = QApplication([])
    app = Application(qt, parse_args(sys.argv[1:]))
    assert app.start()
    app.store.opened()
    print("open", flush=True)  # the workspace is open, and this app holds its lock
    sys.exit(qt.exec())
    """
)

# The app as users start it (ui.app.main), with every message box it shows printed and closed.
SECOND_APP = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox
    from ombud_desktop.ui.app import main

    qt = QApplication([])
    seen = []

    def look():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible() and widget not in seen:
                seen.append(widget)
                print("box:", widget.text(), "|", widget.informativeText(), flush=True)
                widget.done(0)
        QTimer.singleShot(10, look)  # look again until the app ends, however long it takes

    QTimer.singleShot(0, look)
    code = main(sys.argv[1:])
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    print(f"exit {code}, boxes {len(seen)}, windows shown {len(shown)}", flush=True)
    """
)


def run_second_app(tmp_path: Path, folder: Path, *args: str) -> subprocess.CompletedProcess:
    script = tmp_path / "second.py"
    script.write_text(SECOND_APP)
    return subprocess.run(
        [sys.executable, str(script), "--workspace", str(folder), "--settings",
         str(tmp_path / "second.json"), *args],
        capture_output=True, text=True, check=False, timeout=600,  # a hang, not a speed limit
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "OMBUD_KEYS": str(tmp_path / "keys")},
    )


@pytest.mark.slow
def test_a_second_app_is_refused_in_words_and_opens_after_the_first_is_killed(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "ws"
    with Workspace.open(folder) as workspace:
        workspace.set_profile("Siti Aminah", None)
        generate_demo(workspace, builtin_instrument("ori-2023"), entities=1, seed=4)
        assessment_id = workspace.assessment_rows()[0]["id"]
    before = digest(folder)
    script = tmp_path / "first.py"
    script.write_text(FIRST_APP)
    first = subprocess.Popen(
        [sys.executable, str(script), "--workspace", str(folder), "--settings",
         str(tmp_path / "first.json"), "--language", "en"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1",
             "OMBUD_KEYS": str(tmp_path / "keys")},
    )
    try:
        assert first.stdout is not None
        ready = first.stdout.readline()
        assert ready.strip() == "open", first.stderr.read() if first.stderr else ""

        refused = run_second_app(tmp_path, folder, "--language", "id")
        lines = refused.stdout.splitlines()
        assert lines[-1] == "exit 2, boxes 1, windows shown 0", refused.stdout + refused.stderr
        box = lines[0]
        assert box.startswith("box: Ruang kerja ini sudah dibuka di Ombud Desktop"), box
        assert f"(proses {first.pid})" in box
        assert "Tutup dulu di sana" in box
        assert "Traceback" not in refused.stderr

        assert first.poll() is None, "the first app was disturbed"
        assert read_holder(folder).pid == first.pid
        assert main(["--workspace", str(folder), "review", "approve", assessment_id]) == 2
        assert digest(folder) == before, "something was written twice"
    finally:
        first.kill()  # kill -9: the first app lets go of nothing
        first.communicate()

    assert read_holder(folder).pid == first.pid  # its record is left behind, its OS lock is not
    opened = run_second_app(tmp_path, folder, "--language", "en", "--quit-after", "0")
    assert opened.returncode == 0, opened.stderr
    assert "window shown" in opened.stdout, opened.stdout
    assert "7 assessments" in opened.stdout
    assert opened.stdout.splitlines()[-1].startswith("exit 0, boxes 0,"), opened.stdout
    assert (folder / LOCK_NAME).read_text() == ""  # it took the lock over and let go at the end
    assert digest(folder) == before


def test_the_lock_message_names_the_holder_in_both_languages(qtbot: Any, tmp_path: Path) -> None:
    held = locked_error(tmp_path, Holder(pid=4242, host="laptop-%2", program="ombud sync",
                                         user="budi", started_at="2024-08-12T01:02:03Z"))
    text, hint = describe(held)
    since = held.data["since"]
    assert text == f"This workspace is already open in ombud sync on laptop-%2 since {since} " \
        "(process 4242)."
    assert hint == "Close it there first, then try again."
    unknown = locked_error(tmp_path, None)  # its record was being written, or is damaged
    assert describe(unknown)[0] == "This workspace is already open in another program."
    translator = install_translator("id", tmp_path)
    assert translator is not None
    try:
        assert describe(held) == (
            f"Ruang kerja ini sudah dibuka di ombud sync pada komputer laptop-%2 sejak {since} "
            "(proses 4242).",
            "Tutup dulu di sana, lalu coba lagi.",
        )
        assert describe(unknown)[0] == "Ruang kerja ini sudah dibuka di program lain."
    finally:
        QCoreApplication.instance().removeTranslator(translator)
