"""ombud trust import|list, ombud secondary set|list, ombud products set|list, as pusat."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_records_cli import _entity, pusat, run

__all__ = ["pusat"]  # the fixture, shared with the records commands' tests


def test_trust_import_receipt_and_refusal(
    pusat: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    entity = _entity(capsys, pusat)
    name, province = entity["entity"], entity["province"]
    good = tmp_path / "trust.csv"
    good.write_text(f"entity,province,period,score,respondents\n{name},{province},2024,65.98,"
                    "120\n", encoding="utf-8")
    code, out, err = run(capsys, *pusat, "trust", "import", str(good))
    assert code == 0
    assert f"row 2: {name} (2024): 65.98 (120 respondents)  [new]" in out
    assert "1 new, 0 replaced, 0 unchanged" in err
    code, out, err = run(capsys, *pusat, "trust", "import", str(good), "--json")
    assert json.loads(out)["unchanged"] == 1
    newer = tmp_path / "trust-2.csv"
    newer.write_text(f"entity,province,period,score,respondents\n{name},{province},2024,70,"
                     "150\n", encoding="utf-8")
    code, out, _ = run(capsys, *pusat, "trust", "import", str(newer))
    assert "65.98 (120 respondents) → 70.00 (150 respondents)  [replaced]" in out
    bad = tmp_path / "bad.csv"
    bad.write_text(f"entity,province,period,score,respondents\n{name},{province},2024,120,"
                   "150\n", encoding="utf-8")
    code, out, err = run(capsys, *pusat, "trust", "import", str(bad))
    assert code == 2
    assert "row 2, column score" in err
    assert "Traceback" not in err
    code, out, _ = run(capsys, *pusat, "trust", "list", "--json")
    [listed] = json.loads(out)
    assert (listed["value"], listed["respondents"], listed["replaces"]) == (70.0, 150, 1)


def test_secondary_and_products(pusat: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    name = _entity(capsys, pusat)["entity"]
    secondary = [*pusat, "secondary", "set", name, "--period", "2024", "OUT01", "72.5",
                 "--source", "BPS", "--as-of", "2024-06-30"]
    code, out, _ = run(capsys, *secondary)
    assert code == 0
    assert "OUT01: 72.5 recorded" in out
    code, out, _ = run(capsys, *secondary)
    assert "unchanged" in out
    code, _, err = run(capsys, *secondary[:-1], "2024-13-01")
    assert code == 2
    assert "not a date" in err
    code, out, _ = run(capsys, *pusat, "secondary", "list")
    assert "OUT01 = 72.5  [BPS, 2024-06-30]" in out
    code, out, _ = run(capsys, *pusat, "products", "set", name, "--period", "2024",
                       "--followed", "yes", "--note", "LAHP ditindaklanjuti")
    assert code == 0
    assert "products followed: yes (recorded)" in out
    code, out, _ = run(capsys, *pusat, "products", "set", name, "--period", "2024",
                       "--followed", "no")
    assert "products followed: no (was yes)" in out
    code, out, _ = run(capsys, *pusat, "products", "list", "--json")
    [listed] = json.loads(out)
    assert (listed["value"], listed["replaces"]) == (False, 1)
