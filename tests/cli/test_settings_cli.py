"""``ombud`` finds the workspace chosen in the app, says where it came from, lists settings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ombud_desktop import settings as setting
from ombud_desktop.cli.main import main
from ombud_desktop.paths import default_workspace
from ombud_desktop.settings import SCHEMA_VERSION, Settings


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def chosen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workspace with an assessor, chosen as the app's first-run setup records it."""
    monkeypatch.delenv("OMBUD_WORKSPACE", raising=False)
    monkeypatch.setenv("OMBUD_SETTINGS", str(tmp_path / "config" / "settings.json"))
    folder = tmp_path / "Ruang kerja, USB"
    assert main(["--workspace", str(folder), "init", "--name", "Siti Aminah"]) == 0
    Settings.load(tmp_path / "config" / "settings.json").update(
        {setting.WORKSPACE: str(folder), setting.ROLE: "supervisor", setting.SETUP_DONE: True}
    )
    return folder


def test_ombud_opens_the_workspace_chosen_in_the_app_and_says_so(
    chosen: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    code, out, _ = run(capsys)
    assert code == 0
    settings_path = tmp_path / "config" / "settings.json"
    assert f"Workspace: {chosen}  (chosen in the app, {settings_path})" in out
    assert "Assessor:  Siti Aminah" in out
    code, out, _ = run(capsys, "assessments", "list", "--json")
    assert code == 0
    assert json.loads(out) == []


def test_the_option_then_the_environment_come_before_the_settings(
    chosen: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    other = tmp_path / "other"
    monkeypatch.setenv("OMBUD_WORKSPACE", str(other))
    _, out, _ = run(capsys)
    assert f"Workspace: {other}  (from OMBUD_WORKSPACE)" in out
    _, out, _ = run(capsys, "--workspace", str(chosen))
    assert f"Workspace: {chosen}  (given with --workspace)" in out
    assert "Siti Aminah" in out


def test_without_a_choice_the_default_is_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OMBUD_WORKSPACE", raising=False)
    _, out, _ = run(capsys, "--settings", str(tmp_path / "none.json"), "settings", "--json")
    listing = json.loads(out)
    assert listing["workspace"] == {"path": str(default_workspace()), "source": "default"}
    assert listing["exists"] is False
    assert not (tmp_path / "none.json").exists()


def test_settings_lists_every_setting_its_value_and_the_folders(
    chosen: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--keys", str(tmp_path / "keys"), "settings", "--json")
    assert code == 0
    listing = json.loads(out)
    assert listing["file"] == str(tmp_path / "config" / "settings.json")
    assert listing["version"] == SCHEMA_VERSION
    assert listing["exists"] is True
    rows = {row["name"]: row for row in listing["settings"]}
    assert set(rows) == {each.name for each in setting.declared()}
    assert rows["workspace"]["value"] == str(chosen)
    assert rows["workspace"]["stored"]
    assert rows["role"] == {
        "name": "role", "value": "supervisor", "default": "assessor", "stored": True,
        "type": "str", "choices": ["assessor", "supervisor"], "about": "assessor or supervisor",
    }
    assert rows["language"]["value"] == "id"
    assert not rows["language"]["stored"]
    assert listing["workspace"] == {"path": str(chosen), "source": "settings"}
    assert listing["keys"] == {"path": str(tmp_path / "keys"), "source": "--keys"}

    code, out, _ = run(capsys, "settings")
    assert code == 0
    assert f"Settings file: {tmp_path / 'config' / 'settings.json'}" in out
    assert "  role " in out
    assert "supervisor" in out
    assert "setup_done" in out
    assert "yes" in out
    assert "language" in out
    assert "(default)" in out
    assert f"Workspace used by ombud: {chosen}  (chosen in the app" in out
    assert "Key folder:" in out
    assert "(the default, in your data folder)" in out


def test_a_settings_file_of_a_newer_version_is_refused_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OMBUD_WORKSPACE", raising=False)
    path = tmp_path / "settings.json"
    content = json.dumps({"format": setting.FORMAT, "version": 99, "settings": {}})
    path.write_text(content)
    for args in (["settings"], []):
        code, out, err = run(capsys, "--settings", str(path), *args)
        assert code == 2
        assert "newer version" in err
        assert "Traceback" not in err
    assert path.read_text() == content
    # A command that needs no workspace does not read the settings at all.
    code, out, _ = run(capsys, "--settings", str(path), "instrument", "list")
    assert code == 0
    assert "ori-2023" in out


def test_a_damaged_settings_file_is_kept_aside_and_ombud_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OMBUD_WORKSPACE", raising=False)
    path = tmp_path / "settings.json"
    path.write_text("{half a fil")
    code, out, _ = run(capsys, "--settings", str(path), "settings", "--json")
    assert code == 0
    assert json.loads(out)["workspace"]["source"] == "default"
    assert [p.read_text() for p in tmp_path.glob("settings.json.damaged-*")] == ["{half a fil"]
