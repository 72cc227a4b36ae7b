"""Kill the app's process while an assessor answers; a restart shows every answer given."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services.assessments import AssessmentService, NewAssessment
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.lock import read_holder
from ombud_desktop.ui.app import Application, parse_args
from tests.ui.conftest import call

CODES = ["IN07", "IN08", "IN09", "IN10", "IN11", "IN12", "IN13", "IN14", "IN15",
         "PG01", "PG02", "PG03", "PG04", "PG05", "PG06"]

ASSESSOR = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from ombud_desktop.ui.app import Application, parse_args

    workspace, settings, assessment_id = sys.argv[1:4]
    codes = sys.argv[4].split(",")
    qt = QApplication([])
    app = Application(qt, parse_args(["--workspace", workspace, "--settings", settings,
                                      "--language", "en"]))
    app.show_window()
    window = app.window
    window.open_assessment(assessment_id, codes[0])
    while window.assessment is None:  # the assessment is read on the store thread first
        qt.processEvents()
    view = window.assessment
    given = []

    def answer():
        number = len(given)
        code, level = codes[number % len(codes)], number % 4
        view.show_page(code)
        given.append((code, level))
        QTest.keyClick(view, Qt.Key(int(Qt.Key.Key_0) + level))

    def saved(_stamp):
        code, level = given[-1]
        print(f"{code}={level}", flush=True)  # only once the store reported it saved
        QTimer.singleShot(0, answer)

    view.answer_saved.connect(saved)
    QTimer.singleShot(0, answer)
    qt.exec()
    """
)


@pytest.mark.slow
def test_a_restart_after_a_kill_shows_every_answer_given(qtbot: Any, tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    settings = tmp_path / "settings.json"
    with Workspace.open(folder) as workspace:
        workspace.set_profile("Siti Aminah", None)
        assessment_id = AssessmentService(workspace).create(
            builtin_instrument("ori-2023"),
            NewAssessment(category="kota", entity_name="Kota Cilegon", province="Banten",
                          locus_name="Disdukcapil", period_year=2024),
        ).value
    script = tmp_path / "assessor.py"
    script.write_text(ASSESSOR)
    process = subprocess.Popen(
        [sys.executable, str(script), str(folder), str(settings), assessment_id, ",".join(CODES)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    first = process.stdout.readline()  # the window is up and the first answer is saved
    assert first.strip(), process.stderr.read() if process.stderr else ""
    # Kill once every page was answered at least once: counted, not timed, so a loaded
    # machine only makes the test slower (answers keep coming while we read).
    seen = [first]
    while len(seen) <= len(CODES):
        line = process.stdout.readline()
        assert line, "the assessor stopped before answering every page"
        seen.append(line)
    assert read_holder(folder).pid == process.pid  # the assessor's app holds the workspace lock
    process.kill()  # kill -9 (TerminateProcess on Windows): nothing is let go of, the lock included
    rest, _errors = process.communicate()
    acknowledged = [line.split("=") for line in ("".join(seen) + rest).split()]
    assert len(acknowledged) > len(CODES), "the kill came too early to test much"
    last: dict[str, int] = {code: int(level) for code, level in acknowledged}
    in_flight = CODES[len(acknowledged) % len(CODES)]

    app = Application(QApplication.instance(), parse_args(
        ["--workspace", str(folder), "--settings", str(settings), "--language", "en"]))
    try:
        app.show_window()
        # The restarted app took over the killed one's lock, with no step in between.
        assert read_holder(folder).pid == os.getpid()
        qtbot.waitUntil(lambda: app.window.assessment is not None, timeout=20_000)
        view = app.window.assessment
        assert view is not None, "the restarted app did not reopen the assessment"
        assert view.assessment_id == assessment_id
        assert view.current_key in (acknowledged[-1][0], in_flight)
        stored = view.document.answers
        for code, level in last.items():
            if code == in_flight:
                assert stored[code].value in (level, len(acknowledged) % 4)
            else:
                assert stored[code].value == level, code
        shown = view.pages[view.current_key].blocks[0].levels.level()
        assert shown == stored[view.current_key].value
        assert call(view.store, lambda s: s.workspace.integrity_check()) == "ok"
    finally:
        app.window.close()
        app.close()
