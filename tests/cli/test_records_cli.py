"""ombud correction add|list|withdraw and ombud plan show|set, as pusat (the national key)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ombud_desktop.cli.main import main
from ombud_desktop.domain.ids import short_id


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def pusat(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """A demo workspace of one kota (7 loci) and pusat's national key."""
    (tmp_path / "pass").write_text("kunci pusat 2026\n")
    args = ["--workspace", str(tmp_path / "ws"), "--keys", str(tmp_path / "keys")]
    assert main([*args, "init", "--name", "Pusat"]) == 0
    assert main([*args, "keys", "create", "--national", "--passphrase-file",
                 str(tmp_path / "pass")]) == 0
    assert main([*args, "demo", "--entities", "1", "--seed", "3", "--quiet"]) == 0
    capsys.readouterr()
    return args


def _entity(capsys: pytest.CaptureFixture[str], args: list[str]) -> dict:
    return json.loads(run(capsys, *args, "score", "--json")[1])["entities"][0]


def test_correction_add_list_withdraw(
    pusat: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    name = _entity(capsys, pusat)["entity"]
    add = [*pusat, "correction", "add", name, "--period", "2024", "--points", "3",
           "--reason", "Data tidak valid"]
    assert run(capsys, *add)[0] == 0
    code, _, err = run(capsys, *add[:-1], "  Data  tidak valid ")
    assert code == 2
    assert "already has this correction" in err
    code, out, _ = run(capsys, *pusat, "correction", "list", "--json")
    [listed] = json.loads(out)
    assert (listed["points"], listed["reason"], listed["state"]) == (3.0, "Data tidak valid",
                                                                    "in_force")
    assert listed["author"] == "Pusat"
    assert run(capsys, *pusat, "correction", "withdraw", short_id(listed["id"]), "--reason",
               "keliru")[0] == 0
    code, out, _ = run(capsys, *pusat, "correction", "list")
    assert "withdrawn" in out
    assert "keliru" in out
    assert _entity(capsys, pusat)["corrections"] == []
    code, _, err = run(capsys, *pusat, "correction", "withdraw", short_id(listed["id"]),
                       "--reason", "lagi")
    assert code == 2
    assert "withdrawn already" in err


def test_plan_show_and_set_change_completeness(
    pusat: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    entity = _entity(capsys, pusat)
    code, out, _ = run(capsys, *pusat, "plan", "show", entity["entity"], "--json")
    assert code == 0
    shown = json.loads(out)
    assert shown["source"] == "template"
    assert shown["planned"] == 7
    assert [slot["type"] for slot in shown["loci"]].count("puskesmas") == 2
    assert entity["loci_planned"] == 7
    # Plan two loci the demo has: one by name, one by type.
    named = next(slot["locus"] for slot in shown["loci"] if slot["type"] == "dinsos")
    code, out, err = run(capsys, *pusat, "plan", "set", entity["entity"], "--period", "2024",
                         named, "puskesmas")
    assert code == 0, err
    after = json.loads(run(capsys, *pusat, "plan", "show", entity["entity"], "--json")[1])
    assert after["source"] == "record"
    assert after["set_by"] == "Pusat"
    assert after["planned"] == 2
    assert [slot["name"] for slot in after["loci"]] == [named, None]
    assert _entity(capsys, pusat)["loci_planned"] == 2
    code, _, err = run(capsys, *pusat, "plan", "set", entity["entity"], "--period", "2024",
                       "Kantor Tidak Ada")
    assert code == 2
    assert "template" in err


def test_an_uncertified_user_may_not_correct(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--workspace", str(tmp_path / "ws"), "--keys", str(tmp_path / "keys")]
    assert main([*args, "demo", "--entities", "1", "--seed", "3", "--quiet"]) == 0
    capsys.readouterr()
    name = _entity(capsys, args)["entity"]
    code, _, err = run(capsys, *args, "correction", "add", name, "--period", "2024",
                       "--points", "1", "--reason", "x")
    assert code == 2
    assert "supervisor" in err
