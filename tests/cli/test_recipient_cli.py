"""`ombud keys recipient FILE` shows the key's digits and asks, as `keys trust` does."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from ombud_desktop.cli.main import main
from tests.cli.test_packages_cli import run


@pytest.fixture
def two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[list[str], Path, str]:
    """An assessor's key folder and a supervisor's public key file with its spoken digits."""
    (tmp_path / "p").write_text("kunci rahasia 2024\n")
    pass_file = ["--passphrase-file", str(tmp_path / "p")]
    assessor = ["--workspace", str(tmp_path / "a"), "--keys", str(tmp_path / "ka")]
    supervisor = ["--workspace", str(tmp_path / "s"), "--keys", str(tmp_path / "ks")]
    assert main([*supervisor, "init", "--name", "Budi Santoso"]) == 0
    assert main([*supervisor, "keys", "create", *pass_file]) == 0
    assert main([*supervisor, "keys", "export", str(tmp_path / "budi.ombkey")]) == 0
    assert main([*assessor, "init", "--name", "Siti Aminah"]) == 0
    capsys.readouterr()
    shown = json.loads(run(capsys, *supervisor, "keys", "show", "--json")[1])
    return assessor, tmp_path / "budi.ombkey", shown["signing_key"]["spoken"]


def _recipient(capsys: pytest.CaptureFixture[str], assessor: list[str]) -> object:
    return json.loads(run(capsys, *assessor, "keys", "show", "--json")[1])["recipient"]


def test_the_digits_are_shown_and_a_no_sets_nothing(
    two: tuple[list[str], Path, str], capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assessor, key_file, digits = two
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    code, out, _err = run(capsys, *assessor, "keys", "recipient", str(key_file))
    assert code != 0
    assert digits in out
    assert "Do these digits match" in out
    assert _recipient(capsys, assessor) is None


def test_a_yes_sets_the_recipient(
    two: tuple[list[str], Path, str], capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assessor, key_file, digits = two
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    code, out, _err = run(capsys, *assessor, "keys", "recipient", str(key_file))
    assert code == 0, out
    assert digits in out
    assert _recipient(capsys, assessor)["name"] == "Budi Santoso"


def test_yes_flag_does_not_ask(
    two: tuple[list[str], Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assessor, key_file, digits = two
    code, out, _err = run(capsys, *assessor, "keys", "recipient", str(key_file), "--yes")
    assert code == 0, out
    assert digits in out
    assert "Do these digits match" not in out
    assert _recipient(capsys, assessor)["name"] == "Budi Santoso"
