"""The command line, run as users run it: real workspaces, real output, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ombud_desktop.cli.main import main
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.scoring import grade_for

ORI_2023 = Path(__file__).parents[2] / "resources" / "instruments" / "ori-2023.yaml"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_scores(tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("demo")
    assert main(["--workspace", str(folder), "demo", "--entities", "20", "--seed", "7",
                 "--quiet"]) == 0
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from ombud_desktop.cli.main import main; "
         "sys.exit(main(sys.argv[1:]))", "--workspace", str(folder), "score", "--json"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_demo_then_score_gives_loci_and_entities_that_follow_the_methodology(
    demo_scores: dict,
) -> None:
    loci, entities = demo_scores["loci"], demo_scores["entities"]
    assert len(loci) == 140
    assert len(entities) == 20
    scale = builtin_instrument("ori-2023").grade_scale
    for locus in loci:
        assert {"assessment_id", "entity", "locus", "score", "grade", "zone", "provisional",
                "dimensions"} <= set(locus)
        assert set(locus["dimensions"]) == {"IN", "PR", "OUT", "PG"}
        assert 0 <= locus["score"] <= 100
        assert locus["grade"] == grade_for(locus["score"], scale).grade
        assert locus["provisional"] == bool(locus["reasons"])
    assert any(locus["provisional"] for locus in loci), "the demo makes some loci provisional"
    by_entity: dict[str, list[dict]] = {}
    for locus in loci:
        by_entity.setdefault(locus["entity_id"], []).append(locus)
    for entity in entities:
        assert {"entity", "category", "score", "grade", "zone", "rank"} <= set(entity)
        members = by_entity[entity["entity_id"]]
        assert len(members) == 7
        mean = sum(m["score_exact"] for m in members) / 7
        assert entity["score_exact"] == pytest.approx(mean)
        assert entity["grade"] == grade_for(entity["score_exact"], scale).grade
        assert entity["provisional"] == any(m["provisional"] for m in members)
    for category in {e["category"] for e in entities}:
        ranked = sorted((e for e in entities if e["category"] == category),
                        key=lambda e: e["rank"])
        assert ranked[0]["rank"] == 1
        assert [e["score"] for e in ranked] == sorted((e["score"] for e in ranked), reverse=True)


def test_the_demo_is_deterministic_for_a_seed(tmp_path: Path, demo_scores: dict) -> None:
    assert main(["--workspace", str(tmp_path), "demo", "--entities", "20", "--seed", "7",
                 "--quiet"]) == 0
    from ombud_desktop.services.scoring import score_workspace
    from ombud_desktop.storage import Workspace

    with Workspace.open(tmp_path) as workspace:
        again = score_workspace(workspace).to_json()

    def fingerprint(data: dict) -> list:
        return sorted((e["entity"], e["score_exact"], e["grade"], e["rank"])
                      for e in data["entities"])

    assert fingerprint(again) == fingerprint(demo_scores)


def test_assessments_list_and_show(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = str(tmp_path)
    assert run(capsys, "--workspace", ws, "demo", "--entities", "1", "--seed", "2",
               "--quiet")[0] == 0
    code, out, _ = run(capsys, "--workspace", ws, "assessments", "list", "--json")
    assert code == 0
    items = json.loads(out)
    assert len(items) == 7
    first = items[0]["id"]
    code, out, _ = run(capsys, "--workspace", ws, "assessment", "show", first[:8], "--json")
    assert code == 0
    document = json.loads(out)
    assert document["format"] == "ombud-assessment"
    assert document["assessment_id"] == first
    assert document["instrument_id"] == "ori-2023"
    assert len(document["instrument_hash"]) == 64
    assert set(document["roles"]) <= {"R1", "R2", "R3", "R4"}
    assert document["service_users"], "raw answers are included"
    assert all("phone" not in user for user in document["service_users"])
    assert document["score"]["assessment_id"] == first
    code, out, _ = run(capsys, "--workspace", ws, "assessment", "show", first, "--json",
                       "--personal-data")
    assert all("phone" in user for user in json.loads(out)["service_users"])


def test_instrument_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "instrument", "list")
    assert code == 0
    assert "ori-2023" in out
    assert "ori-2022" in out
    code, out, _ = run(capsys, "instrument", "show", "ori-2023")
    assert code == 0
    assert "IN01" in out
    assert "PG06" in out
    assert "21.85" in out
    code, out, _ = run(capsys, "instrument", "validate", str(ORI_2023))
    assert code == 0
    assert "valid instrument ori-2023" in out
    broken = tmp_path / "ori-2023.yaml"
    broken.write_text(ORI_2023.read_text(encoding="utf-8").replace("weight: 32.37", "weight: -1"),
                      encoding="utf-8")
    code, _out, err = run(capsys, "instrument", "validate", str(broken))
    assert code == 2
    assert err.startswith("ori-2023.yaml: dimensions[1].weight: must be a number > 0")
    assert "(line " in err
    assert "Traceback" not in err


def test_historic_grades(capsys: pytest.CaptureFixture[str]) -> None:
    assert "C  kuning" in run(capsys, "grade", "77.01")[1]
    assert "B  hijau" in run(capsys, "grade", "78.13")[1]
    assert "kuning" in run(capsys, "grade", "77.02", "--scale", "zones-2015")[1]
    code, _, err = run(capsys, "grade", "77", "--scale", "zones-1999")
    assert code == 2
    assert "zones-2015" in err


def test_errors_speak_indonesian_with_ombud_lang(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(capsys, "grade", "101")
    assert code == 2
    assert err.startswith("error: 101.0 is not a score from 0 to 100")  # the core's English
    monkeypatch.setenv("OMBUD_LANG", "id")
    code, _, err = run(capsys, "grade", "77", "--scale", "zones-1999")
    assert code == 2
    assert err.splitlines() == [
        "error: Skala predikat zones-1999 tidak dikenal.",
        "Skala yang ada: ori-2022-grades, ori-2025-grades, zones-2015.",
    ]


def test_corrections_change_the_entity_result(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = str(tmp_path)
    (tmp_path / "pass").write_text("kunci pusat 2026\n")
    keys = ["--keys", str(tmp_path / "keys")]  # corrections are pusat's or a supervisor's
    assert main(["--workspace", ws, *keys, "keys", "create", "--national",
                 "--passphrase-file", str(tmp_path / "pass")]) == 0
    run(capsys, "--workspace", ws, "demo", "--entities", "1", "--seed", "3", "--quiet")
    entity = json.loads(run(capsys, "--workspace", ws, "score", "--json")[1])["entities"][0]
    code, _, err = run(capsys, "--workspace", ws, *keys, "correction", "add", entity["entity"],
                       "--period", "2024", "--points", "5", "--reason", "Temuan substantif")
    assert code == 0, err
    code, _, err = run(capsys, "--workspace", ws, *keys, "correction", "add", entity["entity"],
                       "--period", "2024", "--cap", "D", "--reason", "Rekomendasi diabaikan")
    assert code == 0, err
    after = json.loads(run(capsys, "--workspace", ws, "score", "--json")[1])["entities"][0]
    assert after["score_exact"] == pytest.approx(max(0.0, entity["score_exact"] - 5))
    assert after["grade"] in ("D", "E")
    assert len(after["corrections"]) == 2


@pytest.mark.parametrize(
    "args",
    [
        ["score"],
        ["assessment", "show", "nope"],
        ["instrument", "show", "ori-1999"],
        ["instrument", "validate", "/definitely/not/here.yaml"],
        ["init", "--name", "  "],
    ],
)
def test_user_errors_are_plain_messages_with_a_non_zero_exit(tmp_path: Path, args: list) -> None:
    env = {**os.environ, "OMBUD_WORKSPACE": str(tmp_path / "empty")}
    env.pop("OMBUD_DEBUG", None)
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from ombud_desktop.cli.main import main; "
         "sys.exit(main(sys.argv[1:]))", *args],
        capture_output=True, text=True, env=env, check=False,
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip()
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
