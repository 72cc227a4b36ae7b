"""The locus score cache gives exactly the ranks of scoring everything, and follows changes."""

from __future__ import annotations

import pytest

from ombud_desktop.instruments import Instrument
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.services.scoring import ranked_entities, score_workspace
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.changes import Edit


def _entities(workspace: Workspace, period: str | None = None) -> list[dict]:
    return [e.to_json() for e in ranked_entities(workspace, period=period)]


def _truth(workspace: Workspace, period: str | None = None) -> list[dict]:
    return [e.to_json() for e in score_workspace(workspace, period=period).entities]


@pytest.fixture
def demo(workspace: Workspace, instrument: Instrument) -> Workspace:
    generate_demo(workspace, instrument, entities=6, seed=4)
    return workspace


def test_cold_and_warm_cache_rank_as_scoring_everything(demo: Workspace) -> None:
    assert demo.cached_locus_scores() == {}
    assert _entities(demo) == _truth(demo)
    assert len(demo.cached_locus_scores()) == len(demo.assessment_rows())
    assert _entities(demo, "2024") == _truth(demo, "2024")


def test_scoring_the_workspace_fills_the_cache(demo: Workspace) -> None:
    truth = _truth(demo)
    assert len(demo.cached_locus_scores()) == len(demo.assessment_rows())
    assert _entities(demo) == truth


def test_a_changed_answer_is_scored_again(demo: Workspace) -> None:
    _entities(demo)
    row = demo.assessment_rows()[0]
    before = demo.cached_locus_scores()[row["id"]]
    demo.write(row["id"], [Edit("response", "IN07", "value", 0)])
    demo.write(row["id"], [Edit("response", "IN08", "value", 0)])
    assert _entities(demo) == _truth(demo)
    after = demo.cached_locus_scores()[row["id"]]
    assert after[0] != before[0]
    assert after[2] != before[2]


def test_a_deleted_assessment_leaves_the_ranking(demo: Workspace) -> None:
    _entities(demo)
    row = demo.assessment_rows()[0]
    demo.write(row["id"], [Edit("assessment", row["id"], "deleted_at", "2024-09-01T00:00:00Z")])
    assert _entities(demo) == _truth(demo)
