"""The home list fills from the locus score cache: a warm cache scores no locus at all."""

from __future__ import annotations

from typing import Any

import pytest

from ombud_desktop import scoring
from ombud_desktop.instruments import Instrument
from ombud_desktop.services import lists
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.services.scoring import ranked_entities, score_workspace
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.changes import Edit
from ombud_desktop.storage.score_cache import cached_list_scores


@pytest.fixture
def demo(workspace: Workspace, instrument: Instrument) -> Workspace:
    generate_demo(workspace, instrument, entities=4, seed=3)
    return workspace


@pytest.fixture
def scored(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Count the loci the home list scores (the real scoring, counted)."""
    seen: list[str] = []
    real = scoring.score_locus

    def counting(instrument: Any, document: Any) -> Any:
        seen.append(document.assessment_id)
        return real(instrument, document)

    # The list imports the scoring only when a row needs it, so the module's name is patched.
    monkeypatch.setattr(scoring, "score_locus", counting)
    return seen


def _truth(workspace: Workspace) -> list[dict[str, Any]]:
    """The rows as scoring every locus now gives them (the cache emptied first)."""
    workspace.db.execute("DELETE FROM locus_score_cache")
    workspace.db.conn.commit()
    return lists.assessment_rows(workspace, True)


def test_a_start_with_a_warm_cache_scores_no_locus(demo: Workspace, scored: list[str]) -> None:
    total = len(demo.assessment_rows(include_deleted=True))
    first = lists.assessment_rows(demo, True)  # cold: every locus scored, then cached
    assert len(scored) == total
    assert len(cached_list_scores(demo)) == total
    scored.clear()
    again = lists.assessment_rows(demo, True)  # a new start: no earlier rows in memory
    assert scored == []
    assert again == first


def test_scoring_the_workspace_warms_the_list(demo: Workspace, scored: list[str]) -> None:
    score_workspace(demo)
    rows = lists.assessment_rows(demo, False)
    assert scored == []
    scored.clear()
    assert rows == [r for r in _truth(demo) if not r["deleted"]]


def test_ranking_warms_the_list(demo: Workspace, scored: list[str]) -> None:
    ranked_entities(demo)
    lists.assessment_rows(demo, False)
    assert scored == []


def test_only_the_changed_assessment_is_scored_again(demo: Workspace, scored: list[str]) -> None:
    lists.assessment_rows(demo, True)
    row = demo.assessment_rows()[0]
    demo.write(row["id"], [Edit("response", "IN07", "value", 0)])
    scored.clear()
    rows = lists.assessment_rows(demo, True)
    assert scored == [row["id"]]
    assert rows == _truth(demo)


def test_entries_cached_without_list_fields_are_scored_once(
    demo: Workspace, scored: list[str]
) -> None:
    lists.assessment_rows(demo, True)
    first = demo.assessment_rows()[0]["id"]
    # As cached before migration 0019: score and provisional only.
    demo.db.execute(
        "UPDATE locus_score_cache SET progress = NULL, missing = NULL, grade = NULL, "
        "zone = NULL WHERE assessment_id = ?",
        [first],
    )
    demo.db.conn.commit()
    scored.clear()
    lists.assessment_rows(demo, True)
    assert scored == [first]
    scored.clear()
    lists.assessment_rows(demo, True)
    assert scored == []


def test_an_entry_of_another_instrument_is_not_taken(demo: Workspace, scored: list[str]) -> None:
    lists.assessment_rows(demo, True)
    first = demo.assessment_rows()[0]["id"]
    demo.db.execute(
        "UPDATE locus_score_cache SET instrument_hash = 'other', score = 1 "
        "WHERE assessment_id = ?",
        [first],
    )
    demo.db.conn.commit()
    scored.clear()
    rows = lists.assessment_rows(demo, True)
    assert scored == [first]
    assert rows == _truth(demo)
