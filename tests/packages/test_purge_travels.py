"""A purge travels: the supervisor closes and purges a period, and the assessor who imports the
supervisor's next package loses the names too; only a supervisor or pusat may close or purge,
and a purge needs a closing."""

from __future__ import annotations

import json
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from ombud_desktop.domain.records import CLOSE, PURGE
from ombud_desktop.errors import StorageError
from ombud_desktop.packages.importer import ImportRefused, import_package
from ombud_desktop.services.periods import PeriodService
from ombud_desktop.services.scoring import ranked_entities
from ombud_desktop.storage import Workspace
from ombud_desktop.storage import records as store
from ombud_desktop.storage.changes import Edit
from tests.packages.conftest import snapshot
from tests.packages.test_custody import Locus, _create

NAME, PHONE, NIP = "Bambang Sutejo Hartono", "081299887766", "197001012000031002"


@pytest.fixture(name="locus")
def _locus(tmp_path: Path) -> Iterator[Locus]:
    world = Locus(tmp_path)
    yield world
    world.close()


def _answered(ws: Workspace) -> tuple[str, str]:
    """An assessment of Kabupaten Serang (Banten, 2024) with a named official; its ids."""
    assessment_id = _create(ws)
    rid = str(uuid.uuid4())
    ws.write(
        assessment_id,
        [
            *(Edit("response", code, "value", 2) for code in ("IN07", "IN08", "PG01")),
            Edit("respondent", rid, "kind", "complaint_official"),
            Edit("respondent", rid, "name", NAME),
            Edit("respondent", rid, "phone", PHONE),
            Edit("respondent", rid, "nip", NIP),
        ],
    )
    return assessment_id, rid


def _personal_in_log(ws: Workspace, assessment_id: str) -> list[object]:
    return [
        c.value
        for c in ws.changes(assessment_id)
        if c.target == "respondent" and c.field in ("name", "phone", "nip")
    ]


def _supervisor(locus: Locus, siti_package: Path) -> tuple[Workspace, PeriodService]:
    ws = locus.workspace("supervisor", "Budi Santoso")
    keys = locus.keys("supervisor")
    keys.set_certificates([c.to_json() for c in locus.supervisor.chain])
    import_package(ws, siti_package, keys)
    return ws, PeriodService(ws, keys)


def test_a_purge_made_by_the_supervisor_purges_the_assessors_copy_too(locus: Locus) -> None:
    siti_ws = locus.workspace("siti", "Siti Aminah")
    assessment_id, _ = _answered(siti_ws)
    siti = locus.assessors[0]
    first = siti.export(siti_ws, assessment_id, locus.root / "out-siti")
    budi_ws, periods = _supervisor(locus, first)
    periods.close("2024")
    report = periods.purge("2024").value
    assert [e.outcome for e in report.entities] == ["purged"]

    returned = locus.supervisor.export(budi_ws, assessment_id, locus.root / "out-budi")
    with zipfile.ZipFile(returned) as archive:
        members = archive.namelist()
        manifest = json.loads(archive.read("manifest.json"))
        carried = json.loads(archive.read(f"records/{assessment_id}.json"))
    assert not any(m.startswith("personal/") for m in members)
    assert manifest["assessments"][0]["personal_data"] == "none"
    assert sorted(r["record"]["kind"] for r in carried["records"]) == [CLOSE, PURGE]

    assert NAME in _personal_in_log(siti_ws, assessment_id)
    scores = [(e.entity, e.score, e.provisional) for e in ranked_entities(siti_ws)]
    receipt = import_package(siti_ws, returned, locus.keys("siti"))
    assert receipt.records_added == 2
    assert receipt.assessments[0].purged == 3
    assert _personal_in_log(siti_ws, assessment_id) == [None, None, None]
    [row] = siti_ws.respondent_rows([assessment_id])
    assert (row["name"], row["phone"], row["nip"]) == (None, None, None)
    assert row["kind"] == "complaint_official"  # what is not personal stays
    assert [(e.entity, e.score, e.provisional) for e in ranked_entities(siti_ws)] == scores
    with pytest.raises(StorageError) as refused:
        siti_ws.write(assessment_id, [Edit("respondent", row["id"], "phone", "0811")])
    assert refused.value.code == "period_purged"
    # Her purged copy exports without personal data, and the supervisor imports it as before.
    again = siti.export(siti_ws, assessment_id, locus.root / "out-siti-2")
    with zipfile.ZipFile(again) as archive:
        assert not any(m.startswith("personal/") for m in archive.namelist())
    import_package(budi_ws, again, locus.keys("supervisor"))


def test_an_assessors_purge_is_refused_and_changes_nothing(locus: Locus) -> None:
    siti_ws = locus.workspace("siti", "Siti Aminah")
    assessment_id, _ = _answered(siti_ws)
    siti = locus.assessors[0]
    first = siti.export(siti_ws, assessment_id, locus.root / "out-1")
    budi_ws, _periods = _supervisor(locus, first)
    # Siti writes the records herself (no command lets her): her package carries them, signed.
    entity_id = siti_ws.assessment_rows()[0]["entity"]["id"]
    for kind in (CLOSE, PURGE):
        store.add_record(siti_ws, entity_id, store.new_record(siti_ws, entity_id, "2024", kind,
                                                              {}))
    forged = siti.export(siti_ws, assessment_id, locus.root / "out-2")
    before = snapshot(budi_ws)
    with pytest.raises(ImportRefused) as refused:
        import_package(budi_ws, forged, locus.keys("supervisor"))
    assert refused.value.code == "record_not_allowed"
    assert snapshot(budi_ws) == before


def test_a_purge_without_the_closing_of_its_period_is_refused(locus: Locus) -> None:
    siti_ws = locus.workspace("siti", "Siti Aminah")
    assessment_id, _ = _answered(siti_ws)
    first = locus.assessors[0].export(siti_ws, assessment_id, locus.root / "out-1")
    budi_ws, _periods = _supervisor(locus, first)
    entity_id = budi_ws.assessment_rows()[0]["entity"]["id"]
    store.add_record(budi_ws, entity_id, store.new_record(budi_ws, entity_id, "2024", PURGE, {}))
    package = locus.supervisor.export(budi_ws, assessment_id, locus.root / "out-budi")
    with pytest.raises(ImportRefused) as refused:
        import_package(siti_ws, package, locus.keys("siti"))
    assert refused.value.code == "record_invalid"
    assert "without the closing" in refused.value.message
    assert NAME in _personal_in_log(siti_ws, assessment_id)
