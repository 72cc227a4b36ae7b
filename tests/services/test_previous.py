"""Year over year: each entity carries its result in the latest earlier period held."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.scoring import EntityScore, round_half_up
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.services.previous import attach_previous, earlier_periods, period_order
from ombud_desktop.services.results import load_results
from ombud_desktop.services.scoring import ranked_entities, score_workspace
from ombud_desktop.storage.workspace import Workspace

# Demo seed 43 draws the same first entity (a kabupaten of Kepulauan Riau) as seed 7, with other
# answers and other assessment ids: one entity assessed in two periods.
SEED_2024, SEED_2023 = 7, 43
ENTITY = "Kabupaten Bintan"  # that entity's name in the region register


def two_years(workspace: Workspace) -> None:
    """Fill ``workspace`` with one entity assessed in 2023 and again in 2024."""
    instrument = builtin_instrument("ori-2023")
    workspace.set_profile("Siti Aminah", "198701012010012001")
    generate_demo(workspace, instrument, entities=1, seed=SEED_2024, year=2024)
    generate_demo(workspace, instrument, entities=1, seed=SEED_2023, year=2023)


@pytest.fixture
def years(tmp_path: Path) -> Any:
    workspace = Workspace.open(tmp_path / "ws")
    try:
        two_years(workspace)
        yield workspace
    finally:
        workspace.close()


def test_the_2024_result_carries_the_2023_one(years: Workspace) -> None:
    entities = score_workspace(years).entities
    assert {e.entity for e in entities} == {ENTITY}  # one entity, two periods
    by_period = {e.period: e for e in entities}
    assert set(by_period) == {"2023", "2024"}
    earlier, later = by_period["2023"], by_period["2024"]
    assert earlier.previous is None  # nothing before 2023
    assert later.previous is not None
    assert later.previous.period == "2023"
    assert later.previous.score == earlier.score
    assert later.previous.grade == (earlier.grade.grade if earlier.grade else None)
    assert later.previous.provisional == earlier.provisional
    assert earlier.score != later.score  # different answers: a change to show
    assert later.to_json()["previous"]["period"] == "2023"


def test_one_period_scored_alone_still_gets_the_previous_one(years: Workspace) -> None:
    alone = score_workspace(years, period="2024").entities
    assert [e.period for e in alone] == ["2024"]
    everything = {e.period: e for e in score_workspace(years).entities}
    assert alone[0].previous == everything["2024"].previous


def test_a_correction_of_the_earlier_period_shows_in_the_previous_result(years: Workspace) -> None:
    before = {e.period: e for e in score_workspace(years).entities}
    years.add_correction(before["2023"].entity_id, "2023", "points", 4.0, None, "Data palsu")
    after = {e.period: e for e in score_workspace(years).entities}
    assert after["2024"].previous is not None
    assert before["2024"].previous is not None
    assert after["2024"].previous.score == pytest.approx(before["2024"].previous.score - 4.0)


def test_results_rows_carry_previous_and_the_change_in_points(years: Workspace) -> None:
    data = load_results(years)
    row = next(e for e in data.entities if e["period"] == "2024")
    old = next(e for e in data.entities if e["period"] == "2023")
    assert row["previous"]["period"] == "2023"
    assert row["previous"]["score"] == old["score"]
    assert row["change"] == pytest.approx(round(row["score"], 2) - round(old["score"], 2))
    assert old["previous"] is None
    assert old["change"] is None


def test_earlier_periods_take_the_entitys_own_latest_earlier_period() -> None:
    held = {("a", "2022"), ("a", "2024"), ("a", "2021"), ("b", "2023"), ("b", "2024")}
    assert earlier_periods(held) == {
        ("a", "2022"): "2021", ("a", "2024"): "2022", ("b", "2024"): "2023",
    }
    assert sorted(["2024", "999", "2023"], key=period_order) == ["999", "2023", "2024"]


def test_attach_previous_leaves_an_entity_without_an_earlier_period_alone(
    years: Workspace,
) -> None:
    entities = ranked_entities(years)
    one: EntityScore = next(e for e in entities if e.period == "2024")
    stranger = replace(one, entity_id="someone-else")
    out = attach_previous([one, stranger], {(one.entity_id, "2024"): "2023"}, entities)
    assert out[0].previous is not None
    assert out[0].previous.period == "2023"
    assert out[1].previous is None


def test_score_json_entities_carry_the_previous_period(
    years: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    from ombud_desktop.cli.main import main

    expected = {e.period: e for e in score_workspace(years).entities}["2023"]
    code = main(["--workspace", str(years.root), "score", "--json", "--period", "2024"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    (entity,) = json.loads(captured.out)["entities"]
    assert entity["previous"] == {
        "period": "2023", "score": round_half_up(expected.score),
        "grade": expected.grade.grade if expected.grade else None,
        "provisional": expected.provisional,
    }
