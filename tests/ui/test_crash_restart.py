"""Kill the app's process while an assessor types; a restart shows everything given and typed.

The assessor answers every page by keyboard, then half enters a service user (consent and two
answers) and types a note, one key at a time; the kill comes while the note is typed. The
restarted app shows each answer, the note exactly as far as it was kept, and the service user
in its form, not counted.
"""

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
    note_text = sys.argv[5]
    qt = QApplication([])
    app = Application(qt, parse_args(["--workspace", workspace, "--settings", settings,
                                      "--language", "en"]))
    app.show_window()
    window = app.window
    window.activateWindow()
    window.open_assessment(assessment_id, codes[0])
    while window.assessment is None or QApplication.activeWindow() is not window:
        qt.processEvents()  # the assessment is read on the store thread first
    view = window.assessment
    given = []
    typed = []

    def half_enter_and_type():
        # A service user half entered: consent and two answers, not saved as a respondent.
        view.show_page("service_users")
        users = view.pages["service_users"]
        QTest.keyClick(users.consent, Qt.Key.Key_Space)
        QTest.keyClick(users, Qt.Key.Key_Y)
        QTest.keyClick(users, Qt.Key.Key_T)
        view.show_page("IN07")
        view.pages["IN07"].note.setFocus()
        QTimer.singleShot(0, type_key)

    def type_key():
        if len(typed) == len(note_text):
            return  # all typed; the kill comes
        note = view.pages["IN07"].note
        QTest.keyClicks(note, note_text[len(typed)])
        typed.append(note_text[len(typed)])
        view.drafts.flush()  # what the pause in typing does (a timer; not waited for here)
        count = len(typed)
        # Queued after the draft's write: reported once it is on disk.
        view.store.submit(lambda s: None, on_done=lambda _r: kept(count))

    def kept(count):
        print(f"note={count}", flush=True)
        QTimer.singleShot(0, type_key)

    def answer():
        if len(given) == 2 * len(codes):
            given.append(None)  # no more answers
            half_enter_and_type()
            return
        number = len(given)
        code, level = codes[number % len(codes)], number % 4
        view.show_page(code)
        given.append((code, level))
        QTest.keyClick(view, Qt.Key(int(Qt.Key.Key_0) + level))

    def saved(_stamp):
        if given[-1] is None:
            return
        code, level = given[-1]
        print(f"{code}={level}", flush=True)  # only once the store reported it saved
        QTimer.singleShot(0, answer)

    view.answer_saved.connect(saved)
    QTimer.singleShot(0, answer)
    qt.exec()
    """
)


NOTE = "Papan maklumat ada di lobi tetapi tertutup lemari arsip; tidak terbaca dari antrean."


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
        [sys.executable, str(script), str(folder), str(settings), assessment_id, ",".join(CODES),
         NOTE],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    first = process.stdout.readline()  # the window is up and the first answer is saved
    assert first.strip(), process.stderr.read() if process.stderr else ""
    # Kill once every page was answered twice and a few keys of the note were kept: counted,
    # not timed, so a loaded machine only makes the test slower (keys keep coming as we read).
    seen = [first]
    while sum(line.startswith("note=") for line in seen) < 3:
        line = process.stdout.readline()
        assert line, "the assessor stopped before typing the note"
        seen.append(line)
    assert read_holder(folder).pid == process.pid  # the assessor's app holds the workspace lock
    process.kill()  # kill -9 (TerminateProcess on Windows): nothing is let go of, the lock included
    rest, _errors = process.communicate()
    lines = [line.split("=") for line in ("".join(seen) + rest).split()]
    acknowledged = [(code, level) for code, level in lines if code != "note"]
    note_kept = max(int(count) for code, count in lines if code == "note")
    assert len(acknowledged) == 2 * len(CODES)
    assert note_kept < len(NOTE), "the kill came after the whole note was typed"
    last: dict[str, int] = {code: int(level) for code, level in acknowledged}

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
        assert view.current_key == "IN07"
        stored = view.document.answers
        for code, level in last.items():
            assert stored[code].value == level, code
        shown = view.pages[view.current_key].blocks[0].levels.level()
        assert shown == stored[view.current_key].value
        # The note as typed up to the kill: every key kept, at most the one in flight more.
        note = view.pages["IN07"].note.toPlainText()
        assert note in (NOTE[:note_kept], NOTE[: note_kept + 1])
        # The half-entered service user is back in its form, and not counted.
        view.show_page("service_users")
        users = view.pages["service_users"]
        assert users.consent.isChecked()
        assert [q.answer() for q in users.questions] == ["Y", "T", None, None, None]
        assert view.document.service_users == []
        assert view.score.service_users_counted == 0
        assert call(view.store, lambda s: s.workspace.integrity_check()) == "ok"
    finally:
        app.window.close()  # saves the note shown as the answer
        qtbot.waitUntil(lambda: app.store.pending == 0)
        app.close()
