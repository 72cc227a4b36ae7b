"""Per-entity inputs travel as supervisor records: the trust result, secondary data and products
followed go with every package of their entity and period, signed by the supervisor who made
them, and a hostile one (wrong author, a value out of range, a bad date) refuses the package."""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import rfc8785

from ombud_desktop.packages.importer import ImportRefused, import_package
from ombud_desktop.packages.keys import KeyStore
from ombud_desktop.packages.records import RECORD_PURPOSE
from ombud_desktop.services.entity_inputs import EntityInputService
from ombud_desktop.storage import Workspace
from ombud_desktop.storage import records as store
from ombud_desktop.storage.entity_inputs import read_entity_inputs
from tests.packages.conftest import rewrite, snapshot
from tests.packages.test_custody import Locus
from tests.packages.test_records import Province, _answered, _edit_records, _supervisor_keys

ENTITY = "Kabupaten Serang"


@pytest.fixture(name="locus")
def _locus(tmp_path: Path) -> Iterator[Locus]:
    world = Locus(tmp_path)
    yield world
    world.close()


def _by_name(ws: Workspace) -> dict[tuple[str, str], Any]:
    names = dict(ws.db.execute("SELECT id, name FROM entities").fetchall())
    return {(names[e], p): inputs for (e, p), inputs in read_entity_inputs(ws).items()}


def _with_inputs(locus: Locus) -> Province:
    province = Province(locus)
    service = EntityInputService(province.ws, province.keys)
    trust = locus.root / "trust.csv"
    trust.write_text("entity,province,period,score,respondents\n"
                     f"{ENTITY},Banten,2024,65.98,120\n", encoding="utf-8")
    assert service.import_trust(trust).value.count("new") == 1
    service.set_secondary(ENTITY, "2024", "OUT01", 72.5, source="BPS Banten",
                          as_of="2024-06-30")
    service.set_products(ENTITY, "2024", True, "LAHP ditindaklanjuti")
    return province


def test_inputs_forwarded_to_pusat_keep_the_supervisors_signature(locus: Locus) -> None:
    province = _with_inputs(locus)
    forwarded = province.forward("out-s")
    pusat = locus.workspace("pusat", "Pusat")
    receipt = import_package(pusat, forwarded, locus.keys("pusat"))
    assert receipt.records_added == 3
    kept = store.records_of(pusat)
    assert {s.record.kind for s in kept} == {"trust", "secondary", "products"}
    assert {s.author_fingerprint for s in kept} == {locus.supervisor.fingerprint}
    # Both levels read the same inputs.
    assert _by_name(pusat) == _by_name(province.ws)
    inputs = _by_name(pusat)[(ENTITY, "2024")]
    assert inputs.trust is not None
    assert inputs.trust.score == 65.98
    assert inputs.products_followed is True
    assert inputs.secondary["OUT01"].author == locus.supervisor.fingerprint
    assert import_package(pusat, forwarded, locus.keys("pusat")).records_added == 0

    # A replacement travels too; the newest value is in force at both levels.
    EntityInputService(province.ws, province.keys).set_secondary(
        ENTITY, "2024", "OUT01", 80, source="BPS Banten (revisi)", as_of="2024-07-31")
    assert import_package(pusat, province.forward("out-s2"), locus.keys("pusat")) \
        .records_added == 1
    assert _by_name(pusat)[(ENTITY, "2024")].secondary["OUT01"].value == 80.0
    assert _by_name(pusat) == _by_name(province.ws)


def _refused(ws: Workspace, package: Path, keys: KeyStore) -> ImportRefused:
    before = snapshot(ws)
    with pytest.raises(ImportRefused) as refused:
        import_package(ws, package, keys)
    assert snapshot(ws) == before
    return refused.value


def test_an_assessor_signed_trust_result_is_refused(locus: Locus) -> None:
    siti = locus.assessors[0]
    siti_ws = locus.workspace("siti", "Siti Aminah")
    assessment_id = _answered(siti_ws)
    entity_id = siti_ws.assessment_rows()[0]["entity"]["id"]
    store.add_record(siti_ws, entity_id, store.new_record(
        siti_ws, entity_id, "2024", "trust",
        {"score": 99.0, "respondents": 5, "source": "saya sendiri"}))
    package = siti.export(siti_ws, assessment_id, locus.root / "out")
    supervisor_ws = locus.workspace("supervisor", "Budi Santoso")
    refusal = _refused(supervisor_ws, package, _supervisor_keys(locus, "supervisor"))
    assert refusal.code == "record_not_allowed"
    assert "assessor" in refusal.message
    assert read_entity_inputs(supervisor_ws) == {}


def _re_signed(locus: Locus, kind: str, edit: Callable[[dict[str, Any]], None]) -> Callable:
    """Edit the content of the record of ``kind`` and sign it again with the supervisor's key."""

    def change(doc: dict[str, Any]) -> None:
        for entry in doc["records"]:
            body = entry["record"]
            if body["kind"] == kind:
                edit(body["content"])
                signature = locus.supervisor.key.sign(RECORD_PURPOSE + rfc8785.dumps(body))
                entry["signature"] = base64.b64encode(signature).decode()

    return change


HOSTILE: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("trust", lambda c: c.update(score=120), "from 0 to 100"),
    ("trust", lambda c: c.update(score=True), "from 0 to 100"),
    ("trust", lambda c: c.update(respondents=0), "respondents"),
    ("trust", lambda c: c.update(respondents=12.5), "respondents"),
    ("trust", lambda c: c.update(extra=1), "fields"),
    ("secondary", lambda c: c.update(value=120), "from 0 to 100"),
    ("secondary", lambda c: c.update(as_of="2024-02-30"), "date"),
    ("secondary", lambda c: c.update(as_of="30/06/2024"), "date"),
    ("secondary", lambda c: c.update(as_of="2999-01-01"), "after it was signed"),
    ("secondary", lambda c: c.update(code="1; DROP TABLE"), "code"),
    ("secondary", lambda c: c.update(source=""), "source"),
    ("products", lambda c: c.update(followed="yes"), "yes or no"),
    ("products", lambda c: c.update(note="x" * 600), "note"),
]


def test_hostile_input_records_refuse_the_package(locus: Locus) -> None:
    province = _with_inputs(locus)
    forwarded = province.forward("out-s")
    pusat = locus.workspace("pusat", "Pusat")
    for number, (kind, edit, words) in enumerate(HOSTILE):
        bad = rewrite(forwarded, locus.root / f"bad-{number}.ombx",
                      _edit_records(_re_signed(locus, kind, edit), locus.supervisor))
        refusal = _refused(pusat, bad, locus.keys("pusat"))
        assert refusal.code == "record_invalid", (kind, refusal.message)
        assert words in refusal.message, (kind, refusal.message)
        assert "records/" in refusal.message
    # Doctored without signing again: forged.
    def more(content: dict[str, Any]) -> None:
        content["score"] = 10

    def doctored_edit(doc: dict[str, Any]) -> None:
        for entry in doc["records"]:
            if entry["record"]["kind"] == "trust":
                more(entry["record"]["content"])

    doctored = rewrite(forwarded, locus.root / "doctored.ombx",
                       _edit_records(doctored_edit, locus.supervisor))
    assert _refused(pusat, doctored, locus.keys("pusat")).code == "record_forged"
    # The honest package still goes in after all of them.
    assert import_package(pusat, forwarded, locus.keys("pusat")).records_added == 3
