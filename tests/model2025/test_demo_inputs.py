"""`ombud demo --year 2025 --inputs` also records secondary data and products followed, as a demo
pusat through the entity-input service, so a demo 2025 entity has every part (issue 17).

Without --inputs the demo records none: every record travels with a workspace's packages, and
a real supervisor refuses records that were not made by a supervisor (chain of custody), so an
assessor's demo workspace must stay exportable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ombud_desktop.cli.main import main
from ombud_desktop.instruments import builtin_instrument


def _score(capsys: pytest.CaptureFixture[str], *workspace: str) -> list[dict]:
    assert main([*workspace, "score", "--json"]) == 0
    return json.loads(capsys.readouterr().out)["entities"]


def test_a_2025_demo_has_secondary_data_products_and_a_qualifier(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = ["--workspace", str(tmp_path / "ws")]
    assert main([*ws, "demo", "--entities", "4", "--year", "2025", "--seed", "1",
                 "--quiet", "--inputs"]) == 0
    out = capsys.readouterr().out
    assert "secondary-data figures and 4 products-followed records" in out
    entities = _score(capsys, *ws)
    assert len(entities) == 4
    codes = [i.code for i in builtin_instrument("ori-2025").score.secondary_indicators()]
    for entity in entities:
        parts = {p["code"]: p for p in entity["parts"]}
        assert parts["OUT"]["value"] is not None
        assert 0 <= parts["OUT"]["value"] <= 100
        assert parts["trust"]["value"] is None  # the trust file is the supervisor's to import
        given = [s["code"] for s in entity["secondary"]]
        assert given in (codes, codes[:-1])  # one in four misses its last figure
        assert all(s["source"].startswith("Demo: ") for s in entity["secondary"])
    # Seed 1 draws some entities that followed up the products, graded A-C: the qualifier.
    qualified = [e for e in entities if e["qualifier"]]
    assert qualified
    assert {e["qualifier"] for e in qualified} == {"Tanpa Maladministrasi"}
    assert all(e["grade"] in ("A", "B", "C") for e in qualified)
    # The same seed gives the same inputs, and so the same scores.
    again = tmp_path / "again"
    assert main(["--workspace", str(again), "demo", "--entities", "4", "--year", "2025",
                 "--seed", "1", "--quiet", "--inputs"]) == 0
    capsys.readouterr()
    assert [(e["entity"], e["score"]) for e in _score(capsys, "--workspace", str(again))] == [
        (e["entity"], e["score"]) for e in entities]


def test_an_older_demo_records_no_inputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = ["--workspace", str(tmp_path / "ws")]
    assert main([*ws, "demo", "--entities", "1", "--year", "2024", "--quiet", "--inputs"]) == 0
    assert "0 secondary-data figures and 0 products-followed" in capsys.readouterr().out
    entity = _score(capsys, *ws)[0]
    assert entity["parts"] == []
    assert entity["qualifier"] is None


def test_without_the_flag_a_2025_demo_records_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = ["--workspace", str(tmp_path / "ws")]
    assert main([*ws, "demo", "--entities", "1", "--year", "2025", "--quiet"]) == 0
    assert "secondary-data" not in capsys.readouterr().out
    entity = _score(capsys, *ws)[0]
    assert {p["code"]: p["value"] for p in entity["parts"]}["OUT"] is None
    assert entity["qualifier"] is None
