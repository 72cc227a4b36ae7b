"""An entity's previous result reads its own assessments' states, not its whole earlier year."""

from __future__ import annotations

from ombud_desktop.services.scoring import LocusStates, ranked_entities
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.locus_state import entity_assessment_ids
from tests.conftest import sqlite_steps


def test_states_read_by_id_equal_those_of_the_period(decade: Workspace) -> None:
    for period in ("2022", "2023", "2024"):
        whole = LocusStates.read(decade, period=period)
        ids = [r["id"] for r in decade.assessment_rows(period=period)]
        for some in (ids, ids[:2], ids[2:5], []):
            mine = LocusStates.read_of(decade, some)
            assert [mine.of(i) for i in some] == [whole.of(i) for i in some]
        # the fixture gave each period a conflict, a held change and a decision
        assert any(whole.of(i).open_conflicts for i in ids)
        assert any(whole.of(i).pending_changes for i in ids)
        assert any(whole.of(i).review for i in ids)


def test_some_entities_ranked_take_the_states_of_the_period(decade: Workspace) -> None:
    every = {e.entity_id: e for e in ranked_entities(decade, period="2023")}
    for entity_id in every:
        alone = ranked_entities(decade, period="2023", entities=frozenset({entity_id}))
        assert [(e.entity_id, e.score, e.provisional, e.reasons) for e in alone] == [
            (entity_id, every[entity_id].score, every[entity_id].provisional,
             every[entity_id].reasons)
        ]


def test_one_entitys_states_cost_less_than_its_periods(decade: Workspace) -> None:
    entity_id = ranked_entities(decade, period="2023")[0].entity_id
    ids = entity_assessment_ids(decade, [entity_id], period="2023")
    assert 0 < len(ids) < len(decade.assessment_rows(period="2023"))
    by_id = sqlite_steps(decade, lambda: LocusStates.read_of(decade, ids))
    by_period = sqlite_steps(decade, lambda: LocusStates.read(decade, period="2023"))
    assert by_id < by_period
