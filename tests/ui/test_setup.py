"""The first-run setup: the wizard's checks and answer, and the start sequence around it."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QWizard

from ombud_desktop import settings as setting
from ombud_desktop.storage import Workspace
from ombud_desktop.ui.app import Application, parse_args, settings_at
from ombud_desktop.ui.dialogs.setup import SetupAnswer, SetupWizard, passphrase_strength
from tests.ui.conftest import call


def test_passphrase_strength_grows_with_length_and_variety() -> None:
    assert passphrase_strength("") == 0
    assert passphrase_strength("abc1234") == 0  # 7 characters: refused by the key store
    assert passphrase_strength("abcdefgh") == 1
    assert passphrase_strength("abcdefghijkl") == 2
    assert passphrase_strength("Abcdef1!") == 2
    assert passphrase_strength("kopi pagi di cilegon") == 3


def test_the_wizard_checks_each_page_and_returns_the_answer(qtbot: Any, tmp_path: Path) -> None:
    wizard = SetupWizard(None, workspace=tmp_path / "ws")
    qtbot.addWidget(wizard)
    wizard.show()
    profile, key, place = wizard.profile_page, wizard.key_page, wizard.workspace_page
    assert not profile.isComplete()
    profile.name_edit.setText("Siti Aminah")
    profile.nip_edit.setText("1987 0101")
    assert not profile.isComplete()
    assert "18" in profile.message.text()
    profile.nip_edit.setText("19870101 201001 2 001")
    profile.supervisor.setChecked(True)
    assert profile.isComplete()
    wizard.next()
    assert wizard.currentPage() is key
    key.first.setText("short")
    assert not key.isComplete()
    assert "8" in key.strength.text()
    key.first.setText("kopi pagi di cilegon")
    key.second.setText("kopi pagi di cilegoN")
    assert not key.isComplete()
    assert key.message.text() == "The two passphrases differ."
    key.second.setText("kopi pagi di cilegon")
    assert key.isComplete()
    wizard.next()
    assert wizard.currentPage() is place
    assert place.isComplete()
    place.folder_edit.setText("relative/folder")
    assert not place.isComplete()
    (tmp_path / "a-file").write_text("x")
    place.folder_edit.setText(str(tmp_path / "a-file"))
    assert not place.isComplete()
    place.folder_edit.setText(str(tmp_path / "mine"))
    place.sample_box.setChecked(True)
    answer = wizard.answer()
    assert answer == SetupAnswer(
        name="Siti Aminah", nip="198701012010012001", role="supervisor",
        workspace=tmp_path / "mine", sample=True, passphrase="kopi pagi di cilegon",
    )
    assert "cilegon" not in repr(answer)  # the passphrase never reaches a log


def test_with_a_key_already_and_a_fixed_folder_nothing_is_asked_twice(
    qtbot: Any, tmp_path: Path
) -> None:
    wizard = SetupWizard(None, workspace=tmp_path / "ws", workspace_fixed=True,
                         existing_key="12345 67890")
    qtbot.addWidget(wizard)
    assert wizard.key_page.isComplete()
    assert wizard.workspace_page.folder_edit.isReadOnly()
    assert wizard.workspace_page.browse_button.isHidden()
    assert wizard.workspace_page.sample_box.isHidden()
    wizard.profile_page.name_edit.setText("Budi")
    assert wizard.answer().passphrase is None
    assert wizard.answer().sample is False


def test_ask_returns_none_on_cancel(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(SetupWizard, "exec", lambda wizard: 0)
    assert SetupWizard.ask(None, workspace=tmp_path) is None


def test_settings_are_read_with_their_type_and_default(tmp_path: Path) -> None:
    settings = settings_at(tmp_path / "settings.json")
    assert settings.get(setting.ROLE) == "assessor"
    assert settings.get(setting.SETUP_DONE) is False
    settings.set(setting.ROLE, "supervisor")
    settings.set(setting.SETUP_DONE, True)
    again = settings_at(tmp_path / "settings.json")
    assert again.get(setting.ROLE) == "supervisor"
    assert again.get(setting.SETUP_DONE) is True
    with pytest.raises(ValueError, match="role"):
        settings.set(setting.ROLE, "boss")


# -- the start sequence ---------------------------------------------------------------------------


@pytest.fixture
def key_store(tmp_path: Path) -> Any:
    keys = pytest.importorskip("ombud_desktop.packages.keys")
    return keys.KeyStore(tmp_path / "keys")


def _application(tmp_path: Path, key_store: Any, *extra: str) -> Application:
    args = parse_args(["--settings", str(tmp_path / "settings.json"), "--language", "en", *extra])
    return Application(QApplication.instance(), args, key_store=lambda: key_store,
                       sample_folder=tmp_path / "sample")


def test_first_start_sets_up_before_the_window_then_opens_the_sample(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key_store: Any,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("OMBUD_WORKSPACE", raising=False)
    own = tmp_path / "my work"
    answer = SetupAnswer(name="Siti Aminah", nip=None, role="supervisor", workspace=own,
                         sample=True, passphrase="kopi pagi di cilegon")
    asked: list[Any] = []

    def ask(cls: Any, parent: Any, **kwargs: Any) -> SetupAnswer:
        asked.append((parent, kwargs["workspace_fixed"], kwargs["existing_key"]))
        return answer

    monkeypatch.setattr(SetupWizard, "ask", classmethod(ask))
    app = _application(tmp_path, key_store)
    assert app.store is None  # nothing opened (or created) before the setup
    try:
        assert app.start()
        assert asked == [(None, False, None)]
        qtbot.waitUntil(lambda: app.window.home.model.rowCount() == 14, timeout=30_000)
        assert "sample" in app.window.windowTitle()
        qtbot.waitUntil(key_store.has_signing_key, timeout=10_000)
        assert key_store.signing_key_info().owner == "Siti Aminah"
        qtbot.waitUntil(key_store.has_receiving_key)  # a supervisor receives personal data
        qtbot.waitUntil(lambda: "key is ready" in app.window.statusBar().currentMessage())
    finally:
        app.window.close()
        app.close()
    with Workspace.open(own, create=False) as workspace:
        assert workspace.profile() == {"name": "Siti Aminah", "nip": None}
    settings = settings_at(tmp_path / "settings.json")
    assert settings.get(setting.WORKSPACE) == str(own)
    assert settings.get(setting.ROLE) == "supervisor"

    # ``ombud`` without --workspace opens the workspace chosen in the setup, and says so.
    from ombud_desktop.cli.main import main as ombud

    capsys.readouterr()
    assert ombud(["--settings", str(tmp_path / "settings.json")]) == 0
    out = capsys.readouterr().out
    assert f"Workspace: {own}  (chosen in the app, {tmp_path / 'settings.json'})" in out
    assert "Assessor:  Siti Aminah" in out

    # The next start opens the assessor's own workspace, without asking again.
    monkeypatch.setattr(SetupWizard, "ask", classmethod(lambda *a, **k: pytest.fail("asked")))
    again = _application(tmp_path, key_store)
    try:
        assert again.workspace_path == own
        assert again.start()
        qtbot.waitUntil(lambda: "Siti Aminah" in again.window.identity_label.text())
        assert "sample" not in again.window.windowTitle()
    finally:
        again.window.close()
        again.close()


def test_cancelling_the_first_start_creates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key_store: Any
) -> None:
    monkeypatch.delenv("OMBUD_WORKSPACE", raising=False)
    monkeypatch.setattr(SetupWizard, "ask", classmethod(lambda *a, **k: None))
    app = _application(tmp_path, key_store, "--workspace", str(tmp_path / "ws"))
    assert app.start() is False
    app.close()
    assert not (tmp_path / "ws").exists()
    assert not key_store.has_signing_key()


def test_a_workspace_without_assessor_asks_over_the_window_and_resumes(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key_store: Any
) -> None:
    from ombud_desktop.instruments import builtin_instrument
    from ombud_desktop.services.assessments import AssessmentService, NewAssessment

    folder = tmp_path / "ws"
    with Workspace.open(folder) as workspace:  # a workspace without a profile yet
        workspace.set_profile("temp", None)
        aid = AssessmentService(workspace).create(
            builtin_instrument("ori-2023"),
            NewAssessment(category="kota", entity_name="Kota Cilegon", province="Banten",
                          locus_name="Disdukcapil", period_year=2024),
        ).value
        workspace.db.execute("DELETE FROM profile")
        workspace.db.conn.commit()
    settings = settings_at(tmp_path / "settings.json")
    settings.update({setting.LAST_ASSESSMENT: aid, setting.LAST_PAGE: "IN08"})
    key_store.create_signing_key("kopi pagi di cilegon")
    asked: list[Any] = []

    def ask(cls: Any, parent: Any, **kwargs: Any) -> SetupAnswer:
        asked.append((parent is not None and parent.isVisible(), kwargs["workspace_fixed"],
                      kwargs["existing_key"] is not None))
        return SetupAnswer(name="Budi Santoso", nip=None, role="assessor",
                           workspace=kwargs["workspace"], sample=False, passphrase=None)

    monkeypatch.setattr(SetupWizard, "ask", classmethod(ask))
    app = _application(tmp_path, key_store, "--workspace", str(folder))
    try:
        assert app.start()
        assert app.window.isVisible()  # shown before the workspace and profile are ready
        qtbot.waitUntil(lambda: app.window.assessment is not None, timeout=10_000)
        assert asked == [(True, True, True)]  # over the visible window; key and folder known
        assert call(app.store, lambda s: s.workspace.profile())["name"] == "Budi Santoso"
        assert app.window.assessment.current_key == "IN08"
    finally:
        app.window.close()
        app.close()


def test_the_wizard_buttons_are_named(qtbot: Any, tmp_path: Path) -> None:
    wizard = SetupWizard(None, workspace=tmp_path)
    qtbot.addWidget(wizard)
    assert wizard.buttonText(QWizard.WizardButton.FinishButton) == "&Start"
    assert wizard.buttonText(QWizard.WizardButton.CancelButton) == "Cancel"


def test_a_set_up_workspace_that_is_gone_is_reported_not_replaced(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key_store: Any
) -> None:
    monkeypatch.delenv("OMBUD_WORKSPACE", raising=False)
    gone = tmp_path / "usb" / "workspace"
    settings = settings_at(tmp_path / "settings.json")
    settings.set(setting.WORKSPACE, str(gone))
    settings.set(setting.SETUP_DONE, True)
    shown: list[str] = []
    monkeypatch.setattr(SetupWizard, "ask", classmethod(lambda *a, **k: pytest.fail("asked")))
    monkeypatch.setattr("ombud_desktop.ui.alerts.error",
                        lambda _parent, error: shown.append(error.code))
    app = _application(tmp_path, key_store)
    codes: list[int] = []
    app.qt_app = SimpleNamespace(exit=codes.append)  # not the test run's own application
    try:
        assert app.start()
        qtbot.waitUntil(lambda: codes == [2], timeout=10_000)
        assert set(shown) == {"workspace_missing"}
    finally:
        app.window.close()
        app.close()
    assert not gone.exists()
