"""The results window's view of an entity's records: plan, corrections, and who may change them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ombud_desktop.errors import ValidationError
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.services.records import RecordService
from ombud_desktop.services.scoring import score_workspace
from ombud_desktop.storage import Workspace
from tests.records_keys import assessor_keys, supervisor_keys


@pytest.fixture(name="ws")
def _ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "ws")
    workspace.set_profile("Budi Santoso")
    generate_demo(workspace, builtin_instrument("ori-2023"), entities=2, seed=7)
    yield workspace
    workspace.close()


def _first(ws: Workspace) -> tuple[str, str, str]:
    entity = score_workspace(ws).entities[0]
    return entity.entity_id, entity.period, entity.province


def test_the_plan_is_the_template_until_a_supervisor_sets_one(ws: Workspace, tmp_path: Path):
    entity_id, period, province = _first(ws)
    service = RecordService(ws, supervisor_keys(tmp_path / "k", province))
    records = service.entity_records(entity_id, period)
    assert records.may_edit
    assert records.why_not is None
    assert records.plan.source == "template"
    assert [s.type for s in records.plan.slots] == [t["type"] for t in records.template]
    assert records.template
    assert all(t["label"]["id"] and t["label"]["en"]
                                    for t in records.template)
    assert len(records.loci) == 7
    assert records.corrections == []
    assert records.grades[0] == "A"

    named = records.loci[0]["name"]
    service.set_plan(entity_id, period, [named, "puskesmas", "puskesmas"])
    again = service.entity_records(entity_id, period)
    assert again.plan.source == "record"
    assert again.plan.set_by == "Budi Santoso"
    assert [(s.type, s.name) for s in again.plan.slots] == [
        (records.loci[0]["type"], named), ("puskesmas", None), ("puskesmas", None)]


def test_corrections_of_the_entity_only_with_their_withdrawal(ws: Workspace, tmp_path: Path):
    entity_id, period, province = _first(ws)
    other = score_workspace(ws).entities[1].entity_id
    service = RecordService(ws, supervisor_keys(tmp_path / "k", province))
    kept = service.add_correction(entity_id, period, points=3, reason="Data tidak valid").value
    ws.add_correction(other, period, "points", 5.0, None, "Entitas lain")
    service.withdraw(kept, "Sudah diperbaiki")
    [listed] = service.entity_records(entity_id, period).corrections
    assert listed.id == kept
    assert listed.withdrawn is not None
    assert listed.withdrawn["reason"] == "Sudah diperbaiki"


def test_who_may_not_change_the_records_is_told_why(ws: Workspace, tmp_path: Path):
    entity_id, period, province = _first(ws)
    elsewhere = "Papua" if province != "Papua" else "Aceh"
    for keys, why in (
        (None, "not_supervisor"),
        (assessor_keys(tmp_path / "a"), "not_supervisor"),
        (supervisor_keys(tmp_path / "s", elsewhere), "other_province"),
    ):
        service = RecordService(ws, keys)
        records = service.entity_records(entity_id, period)
        assert (records.may_edit, records.why_not) == (False, why)
        with pytest.raises(ValidationError) as refused:
            service.set_plan(entity_id, period, ["puskesmas"])
        assert refused.value.code == "records_supervisor_only"
    assert RecordService(ws, None).entity_records(entity_id, period).plan.source == "template"
