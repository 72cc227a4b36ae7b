"""Nothing typed is lost: notes and a half-entered service user survive a crash and a new language.

The debounce timer is driven directly (its ``timeout`` emitted), never waited for; what is
counted is the change log and the drafts table.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ombud_desktop.domain.limits import NAME_MAX, NOTE_MAX
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services.assessments import NewAssessment
from ombud_desktop.services.drafts import SERVICE_USER_DRAFT
from ombud_desktop.ui.app import Application, parse_args
from ombud_desktop.ui.ops import StoreThread
from tests.ui.conftest import call, open_assessment, open_view

NOTE = "Papan maklumat di lobi, tertutup lemari"


def _create(store: StoreThread) -> str:
    return call(store, lambda s: s.assessments.create(
        builtin_instrument("ori-2023"),
        NewAssessment(category="kota", entity_name="Kota Serang", province="Banten",
                      locus_name="Disdukcapil", period_year=2024, products=("KTP", "KK")),
    ).value)


def _changes(store: StoreThread, aid: str) -> int:
    return call(store, lambda s: len(list(s.workspace.changes(aid))))


def _drafts(store: StoreThread, aid: str) -> dict[str, str]:
    return call(store, lambda s: s.drafts.of(aid))


def _shown(qtbot: Any, view: Any) -> Any:
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view.window())
    return view


def _half_enter_a_service_user(view: Any) -> Any:
    view.show_page("service_users")
    page = view.pages["service_users"]
    QTest.keyClick(page.consent, Qt.Key.Key_Space)
    assert page.consent.isChecked()
    page.questions[0].focus_target().setFocus()
    QTest.keyClick(page, Qt.Key.Key_Y)
    QTest.keyClick(page, Qt.Key.Key_T)
    assert [q.answer() for q in page.questions[:3]] == ["Y", "T", None]
    return page


def test_a_typed_note_is_a_draft_then_one_change(qtbot: Any, store: StoreThread) -> None:
    aid = _create(store)
    view = _shown(qtbot, open_view(qtbot, store, aid))
    view.show_page("IN07")
    note = view.pages["IN07"].note
    note.setFocus()
    before = _changes(store, aid)
    QTest.keyClicks(note, NOTE)  # one keystroke at a time
    assert view.drafts.pending == {"note:IN07": NOTE}
    view.drafts.timer.timeout.emit()  # the typing paused
    store.wait_idle()
    assert _drafts(store, aid) == {"note:IN07": NOTE}
    assert _changes(store, aid) == before  # len(NOTE) keystrokes, no change yet
    assert view.drafts.kept == 1
    view.pages["IN07"].blocks[0].levels.setFocus()  # leaving the box saves the note
    store.wait_idle()
    qtbot.waitUntil(lambda: store.pending == 0)
    assert call(store, lambda s: s.assessments.document(aid).notes) == {"IN07": NOTE}
    assert _changes(store, aid) == before + 1
    assert _drafts(store, aid) == {}  # the answer settled the draft
    # Typing again, then closing with the box left: saved once, not twice.
    note.setFocus()
    note.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(note, "!")
    view.drafts.flush()
    view.pages["IN07"].blocks[0].levels.setFocus()
    view.keep_typing()
    store.wait_idle()
    qtbot.waitUntil(lambda: store.pending == 0)
    assert _changes(store, aid) == before + 2
    assert call(store, lambda s: s.assessments.document(aid).notes) == {"IN07": NOTE + "!"}


def test_typing_stops_at_the_limit(qtbot: Any, store: StoreThread) -> None:
    aid = _create(store)
    view = open_view(qtbot, store, aid)
    view.show_page("IN07")
    note = view.pages["IN07"].note
    note.setFocus()
    note.insertPlainText("n" * NOTE_MAX)
    QTest.keyClicks(note, "xyz")
    assert len(note.toPlainText()) == NOTE_MAX
    view.show_page("R1")
    assert view.pages["R1"].position.maxLength() == NAME_MAX


def test_a_crash_brings_back_the_note_and_the_half_entered_service_user(
    qtbot: Any, store: StoreThread
) -> None:
    from ombud_desktop.ui.assessment_view import AssessmentView

    aid = _create(store)
    opened: list[Any] = []  # not given to qtbot: this window is killed, not closed
    AssessmentView.open(store, aid, "en", on_open=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    view = _shown(qtbot, opened.pop())
    page = _half_enter_a_service_user(view)
    view.show_page("IN07")
    note = view.pages["IN07"].note
    note.setFocus()
    QTest.keyClicks(note, NOTE)  # the crash comes while the note is typed
    view.drafts.timer.timeout.emit()
    store.wait_idle()
    drafts = _drafts(store, aid)
    assert json.loads(drafts[SERVICE_USER_DRAFT])["answers"]["OUT02"] == "T"
    assert drafts["note:IN07"] == NOTE
    assert call(store, lambda s: s.assessments.document(aid).notes) == {}
    # The half-entered respondent is not one: not counted, not in the document.
    score = call(store, lambda s: s.assessments.score(aid))
    assert score.service_users_counted == 0
    assert call(store, lambda s: s.assessments.document(aid).service_users) == []
    # A crash: the window goes without closing, nothing more is saved.
    del page
    view.drafts.timer.stop()
    view.store = view.drafts.store = _Killed()  # nothing more reaches the workspace
    view.deleteLater()
    del view
    qtbot.waitUntil(lambda: store.pending == 0)
    assert call(store, lambda s: s.assessments.document(aid).notes) == {}

    again = _shown(qtbot, open_view(qtbot, store, aid))
    again.show_page("IN07")
    assert again.pages["IN07"].note.toPlainText() == NOTE  # exactly as typed
    users = _half_enter_check(again)
    assert users.mode.text() == "New respondent (not saved yet)"
    # Closing (or going back, or a new language) saves the note as the answer.
    assert again.keep_typing() >= 1
    store.wait_idle()
    qtbot.waitUntil(lambda: store.pending == 0)
    assert call(store, lambda s: s.assessments.document(aid).notes) == {"IN07": NOTE}
    # Saving the respondent makes it one (counted) and drops its draft.
    users.save_respondent()
    store.wait_idle()
    qtbot.waitUntil(lambda: store.pending == 0)
    (user,) = call(store, lambda s: s.assessments.document(aid).service_users)
    assert (user.answers.get("OUT01"), user.answers.get("OUT02")) == ("Y", "T")
    assert SERVICE_USER_DRAFT not in _drafts(store, aid)


class _Killed:
    """A store no job reaches any more: the process died."""

    def submit(self, *_args: Any, **_kwargs: Any) -> None:
        return None


def _half_enter_check(view: Any) -> Any:
    view.show_page("service_users")
    page = view.pages["service_users"]
    assert page.consent.isChecked()
    assert [q.answer() for q in page.questions[:3]] == ["Y", "T", None]
    assert page.details.isEnabled()
    return page


def test_a_language_switch_keeps_the_half_entered_service_user(
    qtbot: Any, tmp_path: Path
) -> None:
    from tests.ui.conftest import _make_workspace

    folder = tmp_path / "ws"
    _make_workspace(folder)
    app = Application(QApplication.instance(), parse_args(
        ["--workspace", str(folder), "--settings", str(tmp_path / "s.json"), "--language", "en"]))
    try:
        app.show_window()
        aid = _create(app.store)
        view = open_assessment(qtbot, app.window, aid, "service_users")
        _half_enter_a_service_user(view)  # not flushed: the switch must keep it
        assert view.drafts.pending
        old = app.window
        old._set_language("id")
        assert app.window is not old
        qtbot.waitUntil(lambda: app.window.assessment is not None, timeout=20_000)
        _half_enter_check(app.window.assessment)
        assert app.window.assessment.language == "id"
    finally:
        app.window.close()
        qtbot.waitUntil(lambda: app.store.pending == 0)
        if app.translator is not None:  # the next tests run in English again
            QApplication.instance().removeTranslator(app.translator)
        app.close()
