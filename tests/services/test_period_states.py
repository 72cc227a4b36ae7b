"""One period of many: its states, scores, ranks and recap read alone equal those of all.

Scoring one year of a decade reads that year's review decisions, conflicts, held changes,
duplicates and cached scores only (issue 19). The answers must not change; the work done,
counted in SQLite's virtual-machine steps (never a time), must not grow with the other years.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from ombud_desktop.instruments import Instrument
from ombud_desktop.merge.apply import merge_changes
from ombud_desktop.services import merge as merging
from ombud_desktop.services.assessments import AssessmentService, NewAssessment
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.services.lists import home_list
from ombud_desktop.services.reports import entity_report
from ombud_desktop.services.scoring import LocusStates, ranked_entities, score_workspace
from ombud_desktop.storage import Workspace
from ombud_desktop.storage import imports as store
from ombud_desktop.storage.changes import Change
from ombud_desktop.storage.locus_state import decided_reviews
from tests.conftest import FakeClock, sqlite_steps

PERIOD = "2024"


def _other_version(ws: Workspace, aid: str, n: int) -> Change:
    """A change of a rated cell made on another laptop from the same starting point."""
    first = next(c for c in ws.changes(aid) if c.target == "response" and c.field == "value")
    return Change(
        id=f"01a23313-0000-7000-8000-0000000{n:05d}", assessment_id=aid, target="response",
        row_id=first.row_id, field="value", value=0, author="Andi", author_nip=None,
        device_id="0190f000-0000-7000-8000-00000000beef", at=first.at,
        supersedes=first.supersedes,
    )


def _years(root: Path, instrument: Instrument, years: tuple[int, ...]) -> Workspace:
    ws = Workspace.open(root, clock=FakeClock())
    ws.set_profile("Siti Aminah", "198701012010012001")
    for year in years:
        generate_demo(ws, instrument, entities=2, seed=year, year=year)
        # one entity in every year, so that each year has a previous result
        service = AssessmentService(ws)
        aid = service.create(
            instrument, NewAssessment("kota", "Kota Serang", "Banten", "Disdukcapil", year,
                                      instrument_reason="test: one instrument every year")
        ).value
        for code in ("IN07", "IN08", "IN09"):
            service.set_rating(aid, code, 2)
    return ws


def _with_states(ws: Workspace) -> Workspace:
    """Give every period a conflict, a held change and a review decision."""
    periods = sorted({r["period"] for r in ws.assessment_rows()})
    for n, period in enumerate(periods, start=1):
        first, second, third = [r["id"] for r in ws.assessment_rows(period=period)][:3]
        with ws.db.atomic():
            merge_changes(ws, first, [_other_version(ws, first, n)], known=True)
            store.hold_pending(ws, second, [_other_version(ws, second, 100 + n)],
                               package_file="p.ombud", signer_fingerprint="f", signer_name="S")
        merging.return_for_correction(ws, third, "periksa lagi")
    return ws


def test_states_of_one_period_equal_those_of_all(decade: Workspace) -> None:
    every = LocusStates.read(decade)
    alone = LocusStates.read(decade, period=PERIOD)
    ids = [r["id"] for r in decade.assessment_rows(period=PERIOD)]
    assert [alone.of(i) for i in ids] == [every.of(i) for i in ids]
    # the fixture gave the period a conflict, a held change and a decision
    assert alone.conflicts
    assert alone.pending
    assert alone.reviews
    assert set(alone.reviews) < set(every.reviews)


def _entities_json(entities: list[Any]) -> list[dict[str, Any]]:
    return [e.to_json() for e in entities]


def test_scoring_one_period_equals_that_period_of_all(decade: Workspace) -> None:
    every = score_workspace(decade)
    alone = score_workspace(decade, period=PERIOD)
    assert [s.to_json() for s in alone.loci] == [
        s.to_json() for s in every.loci if s.row["period"] == PERIOD
    ]
    assert _entities_json(alone.entities) == _entities_json(
        [e for e in every.entities if e.period == PERIOD]
    )
    assert any(e.previous is not None for e in alone.entities)
    assert any(s.state and s.state.open_conflicts for s in alone.loci)
    # ranking (from the score cache) leaves the previous period to its callers
    assert _entities_json(ranked_entities(decade, period=PERIOD)) == _entities_json(
        [replace(e, previous=None) for e in alone.entities]
    )


def test_previous_results_two_years_back_are_those_of_ranking_that_year(
    decade: Workspace, instrument: Instrument
) -> None:
    service = AssessmentService(decade)
    for year, rating in ((2022, 1), (2024, 3)):  # not in 2023
        aid = service.create(
            instrument,
            NewAssessment("kota", "Kota Cilegon", "Banten", "Disdukcapil", year,
                          instrument_reason="test: one instrument every year"),
        ).value
        for code in ("IN07", "IN08", "IN09"):
            service.set_rating(aid, code, rating)
    alone = {e.entity: e for e in score_workspace(decade, period=PERIOD).entities}
    every = {(e.entity, e.period): e for e in score_workspace(decade).entities}
    assert alone["Kota Cilegon"].previous is not None
    assert alone["Kota Cilegon"].previous.period == "2022"
    assert alone["Kota Serang"].previous.period == "2023"
    for name, entity in alone.items():
        assert entity.previous == every[(name, PERIOD)].previous
        if entity.previous is not None:
            before = every[(name, entity.previous.period)]
            assert (entity.previous.score, entity.previous.provisional) == (
                before.score, before.provisional
            )


def test_the_recap_reads_the_same_as_before(decade: Workspace) -> None:
    overview = merging.review_overview(decade)  # what the recap read before: the whole list
    rows = decade.assessment_rows()
    assert decided_reviews(decade, [r["id"] for r in rows]) == {
        aid: state["review"] for aid, state in overview.items() if state.get("review")
    }
    returned = next(r for r in rows if overview.get(r["id"], {}).get("review"))
    report = entity_report(decade, returned["entity"]["id"], period=returned["period"],
                           printed_on="2024-08-20", language="en")
    mine = [r for r in rows
            if r["entity"]["id"] == returned["entity"]["id"] and r["period"] == returned["period"]]
    assert sorted(line.assessment_id for line in report.loci) == sorted(r["id"] for r in mine)
    [line] = [line for line in report.loci if line.assessment_id == returned["id"]]
    assert line.review
    assert line.review != next(
        other.review for other in report.loci if other.assessment_id != returned["id"]
    )
    serang = entity_report(decade, "Kota Serang", period=PERIOD, printed_on="2024-08-20")
    assert serang.previous.startswith("2023")


def test_the_home_list_opens_on_the_newest_period(decade: Workspace) -> None:
    every = home_list(decade, True, every_period=True)
    newest = home_list(decade, True)
    assert newest.periods == every.periods == ["2024", "2023", "2022"]
    assert newest.period == "2024"
    assert every.period is None
    assert newest.rows == [r for r in every.rows if r["period"] == "2024"]
    assert newest.rows
    chosen = home_list(decade, True, newest.rows and {r["id"]: r for r in every.rows},
                       period="2023")
    assert chosen.rows == [r for r in every.rows if r["period"] == "2023"]
    # a period no longer held: the newest again
    assert home_list(decade, True, period="1999").period == "2024"


@pytest.mark.parametrize(
    "work",
    [
        lambda ws: LocusStates.read(ws, period=PERIOD),
        lambda ws: ranked_entities(ws, period=PERIOD),
        lambda ws: entity_report(ws, ws.assessment_rows(period=PERIOD)[0]["entity"]["id"],
                                 period=PERIOD, printed_on="2024-08-20"),
        lambda ws: home_list(ws, True),
    ],
    ids=["states", "ranking", "recap", "home list"],
)
def test_the_work_of_one_period_does_not_grow_with_the_others(
    tmp_path: Path, instrument: Instrument, work: Callable[[Workspace], object]
) -> None:
    """The same 2024 alone and beside eight other years: about the same SQLite work."""
    one = _with_states(_years(tmp_path / "one", instrument, (2023, 2024)))
    many = _with_states(_years(tmp_path / "many", instrument, (*range(2016, 2024), 2024)))
    try:
        for ws in (one, many):
            work(ws)  # the first run fills the score cache
        small, large = sqlite_steps(one, lambda: work(one)), sqlite_steps(many, lambda: work(many))
    finally:
        one.close()
        many.close()
    # Reading every year would take about 4.5 times the work (nine years against two).
    assert large <= 1.5 * small + 5, (small, large)


def test_the_review_overview_of_one_period_is_that_period_of_all(decade: Workspace) -> None:
    every = store.review_overview(decade)
    alone = store.review_overview(decade, PERIOD)
    mine = {r["id"] for r in decade.assessment_rows(period=PERIOD)}
    assert alone == {aid: state for aid, state in every.items() if aid in mine}
    assert any(state.get("review") for state in alone.values())
    assert any(state.get("conflicts") for state in alone.values())
    assert set(every) - set(alone)  # the other years had theirs, not read here
