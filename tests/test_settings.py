"""The settings file shared by the app and ``ombud``: defaults, types, upgrades, damage (no Qt)."""

from __future__ import annotations

import base64
import json
import logging
from pathlib import Path

import pytest

from ombud_desktop import settings as setting
from ombud_desktop.settings import (
    SCHEMA_VERSION,
    Settings,
    SettingsError,
    declared,
    read_qsettings_ini,
)

# What QSettings (Qt 6, IniFormat) wrote for a user of the app before settings.json existed,
# copied byte for byte from a real file; tests/ui/test_setup.py writes one with QSettings itself.
UI_INI = r"""[General]
plain=top

[last]
assessment=a1b2
page=IN08

[packages]
outbox="  @lead;semi=eq\ttab\nnl 1f"

[setup]
done=true
role=supervisor
workspace="/home/siti/Kerja, 2024/ruang \"kerja\" ñé 日本"

[sync]
inbox=C:\\Users\\Siti\\Kotak masuk

[ui]
language=en

[window]
geometry="@ByteArray(\0\x1\x2\xe\xf\x10 !\"#\\\x7f\x80\xfe\xff)"
"""


def test_every_setting_reads_its_default_until_set(tmp_path: Path) -> None:
    settings = Settings.load(tmp_path / "settings.json")
    for each in declared():
        assert settings.get(each) == each.default
        assert isinstance(settings.get(each), each.kind)
    assert settings.get(setting.LANGUAGE) == "id"
    assert settings.get(setting.ROLE) == "assessor"
    assert settings.get(setting.SETUP_DONE) is False
    assert not (tmp_path / "settings.json").exists()  # reading writes nothing


def test_names_are_unique_and_defaults_allowed() -> None:
    names = [each.name for each in declared()]
    assert len(names) == len(set(names))
    assert all(each.accepts(each.default) for each in declared())


def test_values_are_saved_with_the_schema_version_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.json"
    settings = Settings.load(path)
    settings.update({setting.ROLE: "supervisor", setting.SETUP_DONE: True})
    settings.set(setting.WORKSPACE, "/data/ruang kerja")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["version"] == SCHEMA_VERSION
    assert document["settings"] == {
        "role": "supervisor", "setup_done": True, "workspace": "/data/ruang kerja"
    }
    again = Settings.load(path)
    assert again.get(setting.ROLE) == "supervisor"
    assert again.get(setting.SETUP_DONE) is True
    assert again.is_stored(setting.WORKSPACE)
    assert not again.is_stored(setting.INBOX)
    again.clear(setting.WORKSPACE)
    assert Settings.load(path).get(setting.WORKSPACE) == ""
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temporary left


def test_a_value_not_allowed_is_refused_when_set_and_nothing_is_stored(tmp_path: Path) -> None:
    settings = Settings.load(tmp_path / "settings.json")
    with pytest.raises(ValueError, match="role"):
        settings.update({setting.LANGUAGE: "en", setting.ROLE: "boss"})
    with pytest.raises(ValueError, match="setup_done"):
        settings.set(setting.SETUP_DONE, 1)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="workspace"):
        settings.set(setting.WORKSPACE, True)  # type: ignore[arg-type]
    assert settings.get(setting.LANGUAGE) == "id"
    assert not (tmp_path / "settings.json").exists()


def test_a_stored_value_of_the_wrong_type_or_not_allowed_reads_as_the_default(
    tmp_path: Path,
) -> None:
    path = tmp_path / "settings.json"
    values = {"role": "boss", "setup_done": "yes", "language": 1, "workspace": None,
              "inbox": ["a"], "outbox": "/usb", "unknown": 5}
    path.write_text(json.dumps({"format": setting.FORMAT, "version": 1, "settings": values}))
    settings = Settings.load(path)
    assert settings.get(setting.ROLE) == "assessor"
    assert settings.get(setting.SETUP_DONE) is False
    assert settings.get(setting.LANGUAGE) == "id"
    assert settings.get(setting.WORKSPACE) == ""
    assert settings.get(setting.INBOX) == ""
    assert settings.get(setting.OUTBOX) == "/usb"  # the good ones are kept
    assert not settings.is_stored(setting.ROLE)
    assert path.exists()
    assert not list(tmp_path.glob("*.damaged-*"))


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe\x00garbage",
        b"[1, 2]",
        b'{"format": "ombud-desktop-settings", "version": "1", "settings": {}}',
        b'{"format": "ombud-desktop-settings", "version": 1, "settings": []}',
        b'{"format": "something else", "version": 1, "settings": {}}',
        b'{"format": "ombud-desktop-settings", "version": 0, "settings": {}}',
        b"",
    ],
)
def test_a_damaged_file_is_kept_aside_and_the_defaults_used(
    tmp_path: Path, content: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="ombud_desktop.settings"):
        settings = Settings.load(path)
    assert settings.get(setting.ROLE) == "assessor"
    assert not path.exists()
    [aside] = tmp_path.glob("settings.json.damaged-*")
    assert aside.read_bytes() == content
    assert "damaged" in caplog.text
    assert aside.name in caplog.text
    settings.set(setting.ROLE, "supervisor")  # and the app goes on with a new file
    assert Settings.load(path).get(setting.ROLE) == "supervisor"
    assert aside.read_bytes() == content


def test_a_second_damaged_file_does_not_replace_the_first_kept_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    for content in (b"{one", b"{two"):
        path.write_bytes(content)
        Settings.load(path)
    assert sorted(p.read_bytes() for p in tmp_path.glob("settings.json.damaged-*")) == [
        b"{one", b"{two"
    ]


def test_a_file_of_a_newer_version_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    content = json.dumps(
        {"format": setting.FORMAT, "version": SCHEMA_VERSION + 1, "settings": {"role": 7}}
    ).encode()
    path.write_bytes(content)
    (tmp_path / "ui.ini").write_text(UI_INI, encoding="utf-8")
    with pytest.raises(SettingsError) as refused:
        Settings.load(path)
    assert refused.value.code == "settings_too_new"
    assert refused.value.data["version"] == SCHEMA_VERSION + 1
    assert "newer version" in refused.value.message
    assert refused.value.hint
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json", "ui.ini"]


def test_upgrade_1_keeps_the_choices_of_an_existing_ui_ini(tmp_path: Path) -> None:
    (tmp_path / "ui.ini").write_text(UI_INI, encoding="utf-8")
    path = tmp_path / "settings.json"
    settings = Settings.load(path)
    assert settings.get(setting.LANGUAGE) == "en"
    assert settings.get(setting.ROLE) == "supervisor"
    assert settings.get(setting.SETUP_DONE) is True
    assert settings.get(setting.WORKSPACE) == '/home/siti/Kerja, 2024/ruang "kerja" ñé 日本'
    assert settings.get(setting.INBOX) == r"C:\Users\Siti\Kotak masuk"
    assert settings.get(setting.OUTBOX) == "  @lead;semi=eq\ttab\nnl 1f"
    assert settings.get(setting.LAST_ASSESSMENT) == "a1b2"
    assert settings.get(setting.LAST_PAGE) == "IN08"
    geometry = base64.b64decode(settings.get(setting.MAIN_WINDOW_GEOMETRY))
    assert geometry == b'\x00\x01\x02\x0e\x0f\x10 !"#\\\x7f\x80\xfe\xff'
    # Saved at once as version 1; the ui.ini stays for an older copy of the app.
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["version"] == 1
    assert document["settings"]["role"] == "supervisor"
    assert (tmp_path / "ui.ini").read_text(encoding="utf-8") == UI_INI
    # Once settings.json exists, ui.ini is no longer read.
    settings.set(setting.ROLE, "assessor")
    assert Settings.load(path).get(setting.ROLE) == "assessor"


def test_upgrade_1_reads_what_qt_would_and_skips_what_is_not_allowed(tmp_path: Path) -> None:
    (tmp_path / "ui.ini").write_text(
        "[setup]\ndone=1\nrole=boss\nworkspace=@Invalid()\n[ui]\nlanguage=en, id\n",
        encoding="utf-8",
    )
    settings = Settings.load(tmp_path / "settings.json")
    assert settings.get(setting.SETUP_DONE) is False  # Qt wrote bools as true/false only
    assert settings.get(setting.ROLE) == "assessor"
    assert settings.get(setting.WORKSPACE) == ""
    assert settings.get(setting.LANGUAGE) == "id"


def test_no_ui_ini_and_no_file_writes_nothing(tmp_path: Path) -> None:
    Settings.load(tmp_path / "settings.json")
    assert list(tmp_path.iterdir()) == []


def test_the_ini_reader_follows_qt_escapes() -> None:
    values = read_qsettings_ini(
        "; a comment\n[a]\nhex=x\\x1\\x61\\x62\\x39\nat=@@start\nlist=p, \"q, r\"\n"
        "semi=\"x;y\" ; comment\nspaced = v\noct=\\101\\0\n[%U00e9t%41]\nk\\sub=1\n"
        "[General]\ntop=yes\n"
    )
    assert values == {
        "a/hex": "x\x01ab9",
        "a/at": "@start",
        "a/list": ["p", "q, r"],
        "a/semi": "x;y",
        "a/spaced": "v",
        "a/oct": "A\x00",
        "étA/k/sub": "1",
        "top": "yes",
    }


def test_saving_on_a_folder_that_cannot_be_written_keeps_the_value_for_the_run(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the config folder should be")
    settings = Settings.load(blocker / "settings.json")
    with caplog.at_level(logging.WARNING, logger="ombud_desktop.settings"):
        settings.set(setting.LANGUAGE, "en")
    assert settings.get(setting.LANGUAGE) == "en"
    assert "not saved" in caplog.text
