"""Supervisor GUI: conflicts side by side, review (approve, return with comments), the inbox.

Real workspaces, real keys, real signed packages in tmp_path; the store thread is never mocked.
"""
# The fixtures come from tests/ui/supervision_fixtures.py; tests name them as parameters.
# ruff: noqa: F811

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from ombud_desktop import settings as setting
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.packages.importer import import_package
from ombud_desktop.services.assessments import AssessmentService
from ombud_desktop.services.merge import list_conflicts, review_of
from ombud_desktop.ui import alerts
from ombud_desktop.ui.app import settings_at
from ombud_desktop.ui.conflicts import ConflictsWindow
from ombud_desktop.ui.dialogs.package_results import ReceiptDialog
from ombud_desktop.ui.dialogs.passphrase import PassphraseDialog
from ombud_desktop.ui.main_window import MainWindow
from ombud_desktop.ui.models.assessments import AssessmentTableModel, Column
from ombud_desktop.ui.models.conflicts import ConflictListModel, load_conflicts
from ombud_desktop.ui.ops import StoreThread
from ombud_desktop.ui.packages.session import KeySession
from ombud_desktop.ui.review import IndicatorCommentModel, ReturnAnswer, ReturnDialog
from tests.ui.conftest import call, open_assessment, open_view
from tests.ui.supervision_fixtures import (  # noqa: F401 (fixtures)
    ASSESSOR_PASSPHRASE,
    NEW,
    SUPERVISOR_PASSPHRASE,
    Team,
    conflicted,
    key_folders,
    running,
    team,
)


@pytest.fixture(autouse=True)
def no_error_boxes(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Collect the errors a test meets instead of showing modal boxes."""
    shown: list[Any] = []
    monkeypatch.setattr(alerts, "error", lambda _parent, error: shown.append(error))
    return shown


# -- conflicts ------------------------------------------------------------------------------------


def test_conflicts_window_shows_versions_side_by_side_and_keep_resolves(
    qtbot: Any, conflicted: tuple[Path, str]
) -> None:
    path, aid = conflicted
    with running(path) as store:
        window = ConflictsWindow(store, "en")
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.loaded, timeout=10_000):
            window.show()
        assert window.model.rowCount() == 1
        place = window.model.index(0, 0).data()
        assert place == "Kota Cilegon › Disdukcapil"
        title = builtin_instrument("ori-2023").indicator("IN07").title.en
        assert window.model.index(0, 1).data() == f"IN07 · {title} — value"
        versions = window.versions
        assert len(versions.keep_buttons) == 2
        values = sorted(label.text() for label in versions.value_labels)
        assert values[0].startswith("1 · ")
        anchors = builtin_instrument("ori-2023").indicator("IN07").anchors
        assert values[1] == f"3 · {anchors[3].en}"
        titles = sorted(box.title() for box in versions.version_boxes)
        assert titles == ["Rina Wati", "Siti Aminah"]
        assert versions.evidence_title.isVisibleTo(window)
        assert versions.evidence_row.count() == 2  # one thumbnail and the stretch
        assert versions.evidence_row.itemAt(0).widget().pixmap() is not None

        three = next(n for n, label in enumerate(versions.value_labels)
                     if label.text().startswith("3 · "))
        with qtbot.waitSignal(window.resolved, timeout=10_000):
            versions.keep_buttons[three].click()
        qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=10_000)
        assert window.count_label.text() == "0 open conflict(s)"

        def check(s: Any) -> tuple[Any, Any, list[Any]]:
            doc = s.assessments.document(aid)
            return doc.answers["IN07"].value, list_conflicts(s.workspace, aid), \
                s.workspace.changes(aid)

        value, conflicts, changes = call(store, check)
        assert value == 3
        assert conflicts == []
        resolution = changes[-1]
        assert (resolution.row_id, resolution.field, resolution.value) == ("IN07", "value", 3)
        assert resolution.author == "Budi Santoso"
        assert resolution.merges  # it supersedes both versions


def test_another_value_and_the_badge(
    qtbot: Any, conflicted: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, aid = conflicted
    with running(path) as store:
        main = MainWindow(store, settings_at(tmp_path / "settings.json"), "en")
        qtbot.addWidget(main)
        main.show()
        badge = main.supervision.badge
        qtbot.waitUntil(lambda: badge.isVisibleTo(main), timeout=10_000)
        assert badge.text() == "⚠ 1 conflict(s)"
        row = main.home.model.row_of(aid)
        assert main.home.model.index(row, Column.REVIEW).data() == "⚠ 1 conflict(s)"
        badge.click()
        window = main.supervision.conflicts_window
        qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
        from PySide6.QtWidgets import QInputDialog

        def pick(_parent: Any, _title: str, _label: str, items: list[str], *_a: Any) -> Any:
            assert len(items) == 4
            assert items[2].startswith("2 · ")
            return items[2], True

        monkeypatch.setattr(QInputDialog, "getItem", pick)
        window.versions.other_button.click()
        qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=10_000)
        qtbot.waitUntil(lambda: not badge.isVisibleTo(main), timeout=10_000)
        assert call(store, lambda s: s.assessments.document(aid).answers["IN07"].value) == 2
        main.close()


# -- review ---------------------------------------------------------------------------------------


def _assessor_with_package(team: Team) -> tuple[str, Path]:
    ws = team.workspace("assessor", "Siti Aminah")
    service = AssessmentService(ws)
    aid = service.create(builtin_instrument("ori-2023"), NEW).value
    service.set_rating(aid, "IN07", 2)
    package = team.export(ws, aid, "sent")
    ws.close()
    return aid, package


def _supervisor_window(qtbot: Any, store: StoreThread, tmp_path: Path,
                       team: Team) -> MainWindow:
    settings = settings_at(tmp_path / "supervisor-settings.json")
    settings.set(setting.ROLE, "supervisor")
    settings.set(setting.OUTBOX, str(tmp_path / "outbox"))
    main = MainWindow(store, settings, "en", keys=KeySession(team.supervisor_keys.folder))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: not main.home.loading and main.home.model.rowCount() > 0,
                    timeout=10_000)
    return main


def _unlocking(_parent: Any, _title: str, _intro: str, unlock: Any, **_kw: Any) -> Any:
    return unlock(SUPERVISOR_PASSPHRASE)  # the real dialog unlocks the key before it answers


def test_return_with_comments_travels_to_the_assessor(
    qtbot: Any, team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    no_error_boxes: list[Any],
) -> None:
    aid, package = _assessor_with_package(team)
    supervisor = team.workspace("supervisor", "Budi Santoso")
    import_package(supervisor, package, team.supervisor_keys)
    supervisor.close()
    answer = ReturnAnswer("Foto kurang jelas", {"IN07": "Papan informasi tidak terbaca",
                                                 "PR01": "Produk 2 belum difoto"})
    monkeypatch.setattr(ReturnDialog, "ask", classmethod(lambda cls, *a: answer))
    monkeypatch.setattr(alerts, "confirm", lambda *a, **k: True)
    monkeypatch.setattr(alerts, "inform", lambda *a, **k: None)
    monkeypatch.setattr(PassphraseDialog, "ask_unlock", _unlocking)
    outbox = tmp_path / "outbox"
    with running(tmp_path / "supervisor") as store:
        main = _supervisor_window(qtbot, store, tmp_path, team)
        assert main.supervision.return_action in main.home.context_actions()
        assert main.home.select(aid)
        main.supervision.return_selected()
        qtbot.waitUntil(lambda: bool(no_error_boxes) or any(outbox.glob("*.ombx")),
                        timeout=15_000)
        assert no_error_boxes == []
        # Returned, with its general comment and two on indicators open.
        qtbot.waitUntil(lambda: main.home.model.index(
            main.home.model.row_of(aid), Column.REVIEW).data() == "Returned · ✎ 3",
            timeout=10_000)
        tip = main.home.model.index(main.home.model.row_of(aid), Column.REVIEW).data(
            Qt.ItemDataRole.ToolTipRole)
        assert tip.startswith("Returned for correction by Budi Santoso, ")
        assert tip.endswith("\n3 comment(s) of the supervisor still open (✎)")
        main.close()
    [returned] = list(outbox.glob("*.ombx"))

    with running(tmp_path / "assessor") as store:
        from ombud_desktop.services.packages import PackageService

        call(store, lambda s: PackageService(s.workspace, team.assessor_keys).import_one(returned))
        review = call(store, lambda s: review_of(s.workspace, aid))
        assert (review["status"], review["by"]) == ("returned", "Budi Santoso")
        view = open_view(qtbot, store, aid, "en")
        view.show()
        # The review is read beside the opening: it may have arrived already.
        qtbot.waitUntil(lambda: bool(view.review), timeout=10_000)
        banner = view.review_banner.text()
        assert view.review_banner.isVisibleTo(view)
        assert "Returned for correction by Budi Santoso" in banner
        assert "Foto kurang jelas" in banner
        assert "2 indicator(s) have a comment" in banner
        view.show_page("IN07")
        box = view.pages["IN07"].review_box
        assert box.isVisibleTo(view)
        assert box.text() == "Supervisor's comment: IN07: Papan informasi tidak terbaca"
        view.show_page("PR01")
        assert "Produk 2 belum difoto" in view.pages["PR01"].review_box.text()
        assert "✎ IN07" in view.items["IN07"].text(0)
        assert "✎" not in view.items["IN08"].text(0)
        assert not view.locked  # returned means reopened as a draft
        assert not hasattr(view.pages.get("IN08") or view, "review_box")


def test_approve_records_who_and_shows_in_the_window(
    qtbot: Any, team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    aid, package = _assessor_with_package(team)
    supervisor = team.workspace("supervisor", "Budi Santoso")
    import_package(supervisor, package, team.supervisor_keys)
    supervisor.close()
    asked: list[str] = []
    monkeypatch.setattr(alerts, "confirm", lambda _parent, _title, text, **k: asked.append(text)
                        or True)
    with running(tmp_path / "supervisor") as store:
        main = _supervisor_window(qtbot, store, tmp_path, team)
        assert main.home.select(aid)
        main.supervision.approve_selected()
        model = main.home.model
        qtbot.waitUntil(lambda: model.index(model.row_of(aid), Column.REVIEW).data()
                        == "Approved", timeout=10_000)
        # A draft is approved only after a second question that lists why it is in doubt.
        assert len(asked) == 2
        assert "not finished" in asked[1]
        view = open_assessment(qtbot, main, aid)
        qtbot.waitUntil(lambda: bool(view.review_banner.text()), timeout=10_000)
        assert view.review_banner.text().startswith("<b>Approved by Budi Santoso, ")
        main.close()


def test_return_dialog_collects_comments(qtbot: Any) -> None:
    instrument = builtin_instrument("ori-2023")
    from ombud_desktop.ui.review import commentable_indicators

    dialog = ReturnDialog(None, commentable_indicators(instrument, "en"), "Kota Cilegon")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled()
    combo = dialog.indicator_combo
    combo.setCurrentIndex(combo.findText("IN07", Qt.MatchFlag.MatchStartsWith))
    dialog.indicator_text.setText("Foto buram")
    dialog.add_button.click()
    dialog.indicator_combo.setCurrentIndex(0)
    dialog.indicator_text.setText("Cek lagi")
    dialog.add_button.click()
    assert dialog.ok_button.isEnabled()
    assert dialog.answer() == ReturnAnswer("", {"IN07": "Foto buram",
                                                instrument.indicators()[0][1].code: "Cek lagi"})
    dialog.table.selectRow(1)
    dialog.remove_button.click()
    dialog.comment_edit.setPlainText("Umum")
    assert dialog.answer() == ReturnAnswer("Umum", {"IN07": "Foto buram"})


# -- inbox ----------------------------------------------------------------------------------------


def test_inbox_imports_a_package_dropped_into_the_folder(
    qtbot: Any, team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    aid, package = _assessor_with_package(team)
    supervisor = team.workspace("supervisor", "Budi Santoso")
    supervisor.close()
    asked: list[str] = []

    def passphrase(_parent: Any, title: str, _intro: str, unlock: Any, **_kw: Any) -> Any:
        asked.append(title)
        return unlock(SUPERVISOR_PASSPHRASE)

    monkeypatch.setattr(PassphraseDialog, "ask_unlock", passphrase)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    with running(tmp_path / "supervisor") as store:
        settings = settings_at(tmp_path / "supervisor-settings.json")
        settings.set(setting.ROLE, "supervisor")
        main = MainWindow(store, settings, "en", keys=KeySession(team.supervisor_keys.folder))
        qtbot.addWidget(main)
        main.show()
        sync = main.supervision.inbox
        sync.settle = 0.2
        sync.timer.setInterval(100)
        writes: list[object] = []
        store.changed.connect(lambda changes, _initiator: writes.append(changes))
        main.supervision.set_inbox(inbox)
        assert settings.get(setting.INBOX) == str(inbox)
        qtbot.wait(500)  # several looks at an empty inbox
        assert writes == []  # nothing changed: no window may refresh
        shutil.copy(package, inbox / package.name)
        notice = main.supervision.notice
        qtbot.waitUntil(lambda: notice.isVisibleTo(main), timeout=15_000)
        assert notice.label.text() == "1 new package(s) imported"
        assert asked == ["Packages in the inbox"]  # asked once, when packages were ready
        qtbot.waitUntil(lambda: main.home.model.row_of(aid) is not None, timeout=10_000)
        [receipt] = main.supervision.last_report.receipts
        assert [(a.entity, a.status) for a in receipt.assessments] == [("Kota Cilegon", "new")]
        shown: list[tuple[Any, Any]] = []
        monkeypatch.setattr(ReceiptDialog, "show_for",
                            classmethod(lambda cls, _parent, r, f: shown.append((r, f))))
        notice.button.click()  # the import's own receipt dialog
        assert shown == [([receipt], [])]
        assert not notice.isVisibleTo(main)
        # A second package arrives: no second question this session.
        shutil.copy(package, inbox / "copy.ombx")
        qtbot.wait(600)
        store.wait_idle()
        assert asked == ["Packages in the inbox"]
        # A damaged file is refused, and the receipt says why.
        (inbox / "rusak.ombx").write_bytes(b"not a zip")
        qtbot.waitUntil(lambda: notice.isVisibleTo(main), timeout=15_000)
        assert notice.label.text() == "0 new package(s) imported, 1 refused"
        notice.button.click()
        [refusal] = shown[-1][1]
        assert refusal.path.name == "rusak.ombx"
        assert refusal.reasons
        main.close()


# -- models ---------------------------------------------------------------------------------------


def test_models_pass_the_model_tester(qtmodeltester: Any, conflicted: tuple[Path, str],
                                      team: Team) -> None:
    path, _aid = conflicted
    with running(path) as store:
        found = call(store, load_conflicts)
        conflicts = ConflictListModel(found)
        qtmodeltester.check(conflicts, force_py=True)
        conflicts.set_conflicts([])
        conflicts.set_conflicts(found)

        rows = call(store, lambda s: s.lists.assessments(False))
        table = AssessmentTableModel(rows)
        qtmodeltester.check(table, force_py=True)
    comments = IndicatorCommentModel()
    comments.add("IN07", "Sarana", "Foto")
    comments.add("PR01", "Persyaratan", "Cek")
    qtmodeltester.check(comments, force_py=True)
    comments.add("IN07", "Sarana", "Foto lagi")
    comments.remove(0)
    assert comments.comments() == {"PR01": "Cek"}


def test_personal_versions_stay_hidden_until_asked(
    qtbot: Any, team: Team, tmp_path: Path
) -> None:
    first = team.workspace("laptop1", "Siti Aminah")
    aid = AssessmentService(first).create(builtin_instrument("ori-2023"), NEW).value
    base = team.export(first, aid, "base")
    second = team.workspace("laptop2", "Rina Wati")
    import_package(second, base, team.assessor_keys)
    AssessmentService(first).set_role(aid, "R1", present=True, name="Ahmad Fauzi")
    AssessmentService(second).set_role(aid, "R1", present=True, name="Ahmad Fauzy")
    packages = [team.export(first, aid, "one"), team.export(second, aid, "two")]
    first.close()
    second.close()
    supervisor = team.workspace("supervisor", "Budi Santoso")
    for path in packages:
        import_package(supervisor, path, team.supervisor_keys, passphrase=SUPERVISOR_PASSPHRASE)
    supervisor.close()
    with running(tmp_path / "supervisor") as store:
        window = ConflictsWindow(store, "en")
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.loaded, timeout=10_000):
            window.show()
        names = [n for n, c in enumerate(window.model.conflicts())
                 if c["cell"]["field"] == "name"]
        assert len(names) == 1
        window.table.selectRow(names[0])
        versions = window.versions
        assert [label.text() for label in versions.value_labels] == ["(personal data)"] * 2
        assert versions.personal_button.isVisibleTo(window)
        versions.personal_button.click()
        qtbot.waitUntil(lambda: versions.value_labels
                        and versions.value_labels[0].text() != "(personal data)", timeout=10_000)
        assert sorted(label.text() for label in versions.value_labels) == [
            "Ahmad Fauzi", "Ahmad Fauzy"]
        assert not versions.personal_button.isVisibleTo(window)
