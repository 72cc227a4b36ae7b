"""ombud assessment new and ombud register: entities from the register, instruments by period."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ombud_desktop.cli.main import main
from ombud_desktop.domain import register


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OMBUD_SETTINGS", str(tmp_path / "settings.json"))
    monkeypatch.delenv("OMBUD_LANG", raising=False)
    folder = tmp_path / "ws"
    assert main(["--workspace", str(folder), "init", "--name", "Siti Aminah"]) == 0
    return folder


def test_new_by_name_or_code_makes_one_entity_with_the_default_instrument(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "--workspace", str(ws), "assessment", "new", "--category",
                          "kota", "--entity", "  kota  serang", "--locus", "Disdukcapil",
                          "--period", "2024", "--json")
    assert code == 0
    first = json.loads(out)
    assert first["entity"]["code"] == "36.73"
    assert first["instrument"] == "ori-2023"
    code, out, _err = run(capsys, "--workspace", str(ws), "assessment", "new", "--category",
                          "kota", "--entity-code", "36.73", "--locus", "Dinas  Sosial",
                          "--period", "2022", "--json")
    assert code == 0
    assert json.loads(out)["instrument"] == "ori-2022"
    code, out, _err = run(capsys, "--workspace", str(ws), "assessments", "list", "--json")
    rows = json.loads(out)
    assert {r["entity"] for r in rows} == {"Kota Serang"}
    assert len(rows) == 2


def test_an_unknown_name_is_refused_with_the_nearest_ones(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(capsys, "--workspace", str(ws), "assessment", "new", "--category",
                          "kota", "--entity", "Kota Serangg", "--locus", "Disdukcapil",
                          "--period", "2024")
    assert code == 2
    assert "no kota named 'Kota Serangg'" in err
    assert "Did you mean: Kota Serang (36.73, Banten)" in err
    for args, words in [
        (("--entity", "Kota S\u0435rang"), "not Latin"),
        (("--entity-code", "99.99"), "no entity has the code"),
        (("--entity-code", "36.04"), "not a kota"),
    ]:
        code, _out, err = run(capsys, "--workspace", str(ws), "assessment", "new",
                              "--category", "kota", *args, "--locus", "X", "--period", "2024")
        assert code == 2
        assert words in err
    _code, out, _err = run(capsys, "--workspace", str(ws), "assessments", "list", "--json")
    assert json.loads(out) == []


def test_an_instrument_outside_its_periods_needs_a_reason_which_is_shown(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--workspace", str(ws), "assessment", "new", "--category", "kabupaten", "--entity",
            "Kabupaten Lebak", "--locus", "Disdukcapil"]
    # 2027: the period map gives ori-2025, which is confirmed for 2025 and 2026 only.
    code, _out, err = run(capsys, *base, "--period", "2027")
    assert code == 2
    assert "2027" in err
    code, _out, err = run(capsys, *base, "--period", "2024", "--instrument", "ori-2022")
    assert code == 2
    assert "ori-2022 is meant for 2022, not for 2024" in err
    code, out, _err = run(capsys, *base, "--period", "2025", "--instrument", "ori-2023",
                          "--instrument-reason", "Instrumen 2025 belum terbit", "--json")
    assert code == 0
    made = json.loads(out)["id"]
    code, out, _err = run(capsys, "--workspace", str(ws), "assessment", "show", made)
    assert "Entity code 36.02" in out
    assert "Instrument not meant for 2025: Instrumen 2025 belum terbit" in out
    _code, out, _err = run(capsys, "--workspace", str(ws), "assessment", "show", made, "--json")
    assert json.loads(out)["instrument_reason"] == "Instrumen 2025 belum terbit"


def test_register_list_and_search(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "register", "list", "--category", "kota", "--province",
                          "Banten", "--json")
    assert code == 0
    assert [e["code"] for e in json.loads(out)] == ["36.71", "36.72", "36.73", "36.74"]
    code, out, _err = run(capsys, "register", "search", "kab. serang", "--json")
    assert [e["code"] for e in json.loads(out)] == ["36.04"]
    assert register.by_code("36.04") is not None


def test_demo_uses_register_entities(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    assert main(["--workspace", str(folder), "demo", "--entities", "3", "--seed", "2",
                 "--quiet"]) == 0
    from ombud_desktop.storage import Workspace

    with Workspace.open(folder) as workspace:
        rows = workspace.db.execute("SELECT name, code FROM entities").fetchall()
    assert len(rows) == 3
    for name, code in rows:
        assert register.by_code(code).name == name
