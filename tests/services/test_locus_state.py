"""Open conflicts, held changes and reviews in the scores; ranks with their scope (issue 14).

The state of a locus is read from its tables every time, never from the score cache: a
conflict, a held change or a review changes no answer, yet the result must say so.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ombud_desktop import words
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.merge.apply import merge_changes
from ombud_desktop.services import merge as merging
from ombud_desktop.services.assessments import AssessmentService, NewAssessment
from ombud_desktop.services.reports import province_report
from ombud_desktop.services.scoring import ranked_entities, score_workspace
from ombud_desktop.storage import Workspace
from ombud_desktop.storage import imports as store
from ombud_desktop.storage.changes import Change
from tests.conftest import FakeClock

INSTRUMENT = builtin_instrument("ori-2023")


def _assess(ws: Workspace, entity: str, province: str, locus: str, rating: int) -> str:
    service = AssessmentService(ws)
    aid = service.create(
        INSTRUMENT, NewAssessment("kota", entity, province, locus, 2024)
    ).value
    for code in ("IN07", "IN08", "IN09"):
        service.set_rating(aid, code, rating)
    return aid


def _other_version(ws: Workspace, aid: str, row_id: str, value: int, n: int) -> Change:
    """A change of ``row_id`` made on another laptop from the same starting point."""
    first = next(c for c in ws.changes(aid) if c.row_id == row_id)
    return Change(
        id=f"01a23313-0000-7000-8000-0000000{n:05d}", assessment_id=aid, target="response",
        row_id=row_id, field="value", value=value, author="Andi", author_nip=None,
        device_id="0190f000-0000-7000-8000-00000000beef", at=first.at,
        supersedes=first.supersedes,
    )


@pytest.fixture
def ws(tmp_path: Path):
    with Workspace.open(tmp_path / "ws", clock=FakeClock()) as workspace:
        workspace.set_profile("Budi Santoso")
        yield workspace


def test_an_open_conflict_makes_locus_and_entity_provisional(ws: Workspace) -> None:
    aid = _assess(ws, "Kota Serang", "Banten", "Disdukcapil", 2)
    [before] = ranked_entities(ws)  # fills the score cache: the conflict must not hide in it
    assert all(r.code != "open_conflict" for r in before.reasons)
    with ws.db.atomic():
        merge_changes(ws, aid, [_other_version(ws, aid, "IN07", 0, 1)], known=True)

    for entity in (ranked_entities(ws)[0], score_workspace(ws).entities[0]):
        assert entity.provisional
        [reason] = [r for r in entity.reasons if r.code == "open_conflict"]
        assert reason.data == {"locus": "Disdukcapil", "cells": ["IN07"]}
        assert words.entity_reason_text(reason.code, reason.data, "id") == "konflik terbuka: IN07"
    [locus] = score_workspace(ws).to_json()["loci"]
    assert locus["open_conflicts"] == ["IN07"]
    assert locus["provisional"] is True

    merging.resolve_conflict(ws, aid, ("response", "IN07", "value"), value=2, use_value=True)
    [after] = ranked_entities(ws)
    assert all(r.code != "open_conflict" for r in after.reasons)
    assert score_workspace(ws).to_json()["loci"][0]["open_conflicts"] == []


def test_held_changes_are_shown_but_do_not_make_the_entity_provisional(ws: Workspace) -> None:
    aid = _assess(ws, "Kota Serang", "Banten", "Disdukcapil", 2)
    merging.approve(ws, aid, despite_doubts=True)
    [approved] = ranked_entities(ws)
    assert approved.loci_approved == 1
    late = _other_version(ws, aid, "IN08", 0, 2)
    with ws.db.atomic():
        store.hold_pending(ws, aid, [late], package_file="late.ombx", signer_fingerprint="ab",
                           signer_name="Andi")
    [entity] = ranked_entities(ws)
    [reason] = [r for r in entity.reasons if r.code == "pending_changes"]
    assert reason.data == {"locus": "Disdukcapil", "count": 1}
    assert entity.score == approved.score
    assert entity.provisional == approved.provisional  # a held change changes no score
    [locus] = score_workspace(ws).to_json()["loci"]
    assert locus["pending_changes"] == 1
    assert locus["review"] == "approved"


def test_ranks_say_what_they_are_among_and_the_province_rank_is_the_same_everywhere(
    tmp_path: Path,
) -> None:
    banten = [("Kota Serang", "Disdukcapil", 2), ("Kota Cilegon", "Disdukcapil", 1),
              ("Kota Tangerang", "Disdukcapil", 3)]
    lampung = [("Kota Bandar Lampung", "Disdukcapil", 3), ("Kota Metro", "Disdukcapil", 2)]
    with Workspace.open(tmp_path / "banten", clock=FakeClock()) as province, \
            Workspace.open(tmp_path / "pusat", clock=FakeClock()) as pusat:
        for workspace in (province, pusat):
            workspace.set_profile("Budi Santoso")
            for entity, locus, rating in banten:
                _assess(workspace, entity, "Banten", locus, rating)
        for entity, locus, rating in lampung:
            _assess(pusat, entity, "Lampung", locus, rating)
        there = {e.entity: e for e in ranked_entities(province)}
        here = {e.entity: e for e in ranked_entities(pusat)}
        national = {e.entity: e for e in ranked_entities(pusat, country_size=lambda _c: 5)}
        # The province overview ranks within the province: the same at the province and pusat.
        overviews = [province_report(w, "Banten", printed_on="2024-12-01")
                     for w in (province, pusat)]
    assert {e.rank_scope.kind for e in here.values()} == {"provinces"}
    assert here["Kota Serang"].rank_scope.provinces == ("Banten", "Lampung")
    assert there["Kota Serang"].rank_scope.provinces == ("Banten",)
    for name, entity in there.items():
        assert here[name].rank_in_province == entity.rank == entity.rank_in_province
    # Among both provinces Kota Serang shares third place with Kota Metro; in Banten, second.
    assert here["Kota Serang"].rank == 3
    assert here["Kota Serang"].rank_in_province == 2
    assert national["Kota Serang"].rank_scope.kind == "national"
    # Everything but the wider rank is the same at the province and at pusat; pusat's
    # overview also gives the rank among both provinces, and says so.
    def province_view(line: object) -> object:
        return replace(line, rank=None)

    assert [province_view(x) for x in overviews[0].entities] == [
        province_view(x) for x in overviews[1].entities
    ]
    in_province = {"Kota Tangerang": 1, "Kota Serang": 2, "Kota Cilegon": 3}
    for overview in overviews:
        assert {x.entity: x.rank_in_province for x in overview.entities} == in_province
    assert {x.entity: x.rank for x in overviews[1].entities}["Kota Serang"] == 3
    assert not overviews[0].wider_rank
    assert overviews[1].wider_rank
    assert words.rank_scope_text("provinces", "kota", ["Banten", "Lampung"], "id") == (
        "peringkat di antara kota provinsi Banten, Lampung"
    )


def test_score_filters_by_province_keeping_the_ranks(ws: Workspace) -> None:
    _assess(ws, "Kota Serang", "Banten", "Disdukcapil", 2)
    _assess(ws, "Kota Metro", "Lampung", "Disdukcapil", 3)
    every = {e.entity: e.rank for e in score_workspace(ws).entities}
    only = score_workspace(ws, province="banten")
    assert [e.entity for e in only.entities] == ["Kota Serang"]
    assert only.entities[0].rank == every["Kota Serang"] == 2
    assert {locus.row["entity"]["province"] for locus in only.loci} == {"Banten"}
