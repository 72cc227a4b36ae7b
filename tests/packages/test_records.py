"""Supervisor records travel: corrections, withdrawals and plans go with every package of their
entity and period, each signed by its author, and pusat checks the supervisor's own signature."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from ombud_desktop.errors import ValidationError
from ombud_desktop.packages.importer import ImportRefused, import_package
from ombud_desktop.packages.keys import KeyStore
from ombud_desktop.packages.records import RECORD_PURPOSE, SignedRecord
from ombud_desktop.services.records import RecordService
from ombud_desktop.services.scoring import ranked_entities
from ombud_desktop.storage import Workspace
from ombud_desktop.storage import records as store
from ombud_desktop.storage.changes import Edit
from tests.packages.conftest import Members, resign, rewrite, snapshot
from tests.packages.test_custody import Locus, Person, _create


@pytest.fixture(name="locus")
def _locus(tmp_path: Path) -> Iterator[Locus]:
    world = Locus(tmp_path)
    yield world
    world.close()


def _answered(ws: Workspace) -> str:
    assessment_id = _create(ws)
    ws.write(
        assessment_id,
        [Edit("response", code, "value", 2) for code in ("IN07", "IN08", "IN09", "PG01")],
    )
    return assessment_id


def _supervisor_keys(locus: Locus, name: str) -> KeyStore:
    """The supervisor's own key store: trusts pusat, holds the supervisor's certificate."""
    keys = locus.keys(name)
    keys.set_certificates([c.to_json() for c in locus.supervisor.chain])
    return keys


def _entity(ws: Workspace) -> str:
    return ws.assessment_rows()[0]["entity"]["id"]


def _results(ws: Workspace) -> list[tuple[Any, ...]]:
    return [
        (e.entity, e.score, e.grade.grade if e.grade else None, e.provisional, e.loci_planned,
         [(c.kind, c.points, c.cap_grade, c.reason) for c in e.corrections])
        for e in ranked_entities(ws)
    ]


def _state(ws: Workspace) -> tuple[list[str], str | None]:
    entity = _entity(ws)
    period = "2024"
    records = [s.record for s in store.records_of(ws, entity, period)]
    from ombud_desktop.domain.records import current_plan, in_force

    plan = current_plan(records)
    return sorted(r.id for r in in_force(records)), plan.id if plan else None


class Province:
    """Siti's assessment at the Banten supervisor, who corrects it and plans its loci."""

    def __init__(self, locus: Locus):
        self.locus = locus
        self.siti_ws = locus.workspace("siti", "Siti Aminah")
        self.assessment_id = _answered(self.siti_ws)
        siti = locus.assessors[0]
        first = siti.export(self.siti_ws, self.assessment_id, locus.root / "out-siti")
        self.ws = locus.workspace("supervisor", "Budi Santoso")
        self.keys = _supervisor_keys(locus, "supervisor")
        import_package(self.ws, first, self.keys)
        self.service = RecordService(self.ws, self.keys)

    def forward(self, folder: str) -> Path:
        return self.locus.supervisor.export(self.ws, self.assessment_id, self.locus.root / folder)


def test_corrections_and_plan_forwarded_to_pusat_keep_the_supervisors_signature(
    locus: Locus,
) -> None:
    province = Province(locus)
    entity = "Kabupaten Serang"
    cap = province.service.add_correction(entity, "2024", cap_grade="C", reason="Rekomendasi "
                                          "diabaikan").value
    province.service.add_correction(entity, "2024", points=3, reason="Data  tidak valid")
    province.service.set_plan(entity, "2024", ["Dinas Sosial", "puskesmas"])
    forwarded = province.forward("out-s")

    pusat = locus.workspace("pusat", "Pusat")
    receipt = import_package(pusat, forwarded, locus.keys("pusat"))
    assert receipt.records_added == 3
    assert receipt.to_json()["records_added"] == 3
    kept = store.records_of(pusat, _entity(pusat))
    assert {s.author_fingerprint for s in kept} == {locus.supervisor.fingerprint}
    # The same corrected score, grade and planned loci at both levels.
    assert _results(pusat) == _results(province.ws)
    [result] = ranked_entities(pusat)
    assert result.score is not None
    assert result.grade is not None
    assert result.loci_planned == 2
    assert [c.reason for c in result.corrections] == ["Rekomendasi diabaikan", "Data tidak valid"]
    # Importing again adds nothing; the records are stored once.
    again = import_package(pusat, forwarded, locus.keys("pusat"))
    assert again.records_added == 0
    assert again.nothing_new

    # Withdrawal travels: a recorded record, the correction stays listed as withdrawn.
    province.service.withdraw(cap[:20], "Sudah ditindaklanjuti")
    receipt = import_package(pusat, province.forward("out-s2"), locus.keys("pusat"))
    assert receipt.records_added == 1
    views = RecordService(pusat, locus.keys("pusat")).corrections()
    assert [(v.id == cap, bool(v.withdrawn)) for v in views] == [(True, True), (False, False)]
    assert _results(pusat) == _results(province.ws)
    assert [c.reason for c in ranked_entities(pusat)[0].corrections] == ["Data tidak valid"]


def test_the_same_correction_twice_is_refused(locus: Locus) -> None:
    province = Province(locus)
    service = province.service
    service.add_correction("Kabupaten Serang", "2024", points=3, reason="Data tidak valid")
    with pytest.raises(ValidationError) as refused:
        service.add_correction("Kabupaten  Serang", "2024", points=3.0,
                               reason="  data tidak   valid ")
    assert refused.value.code == "correction_duplicate"
    # Another value, or after withdrawing, is a new correction.
    service.add_correction("Kabupaten Serang", "2024", points=4, reason="Data tidak valid")
    first = service.corrections()[0]
    service.withdraw(first.id, "salah ketik")
    service.add_correction("Kabupaten Serang", "2024", points=3, reason="Data tidak valid")
    assert len(province.ws.corrections()) == 2


def test_an_assessor_may_not_correct(locus: Locus) -> None:
    siti_ws = locus.workspace("siti", "Siti Aminah")
    _answered(siti_ws)
    keys = locus.keys("siti")
    keys.set_certificates([c.to_json() for c in locus.assessors[0].chain])
    with pytest.raises(ValidationError) as refused:
        RecordService(siti_ws, keys).add_correction(
            "Kabupaten Serang", "2024", points=3, reason="x"
        )
    assert refused.value.code == "records_supervisor_only"


def _refused(ws: Workspace, package: Path, keys: KeyStore) -> ImportRefused:
    before = snapshot(ws)
    with pytest.raises(ImportRefused) as refused:
        import_package(ws, package, keys)
    assert snapshot(ws) == before
    return refused.value


def test_an_assessor_signed_correction_is_refused(locus: Locus) -> None:
    siti = locus.assessors[0]
    siti_ws = locus.workspace("siti", "Siti Aminah")
    assessment_id = _answered(siti_ws)
    siti_ws.add_correction(_entity(siti_ws), "2024", "points", 5.0, None, "saya sendiri")
    package = siti.export(siti_ws, assessment_id, locus.root / "out")
    supervisor_ws = locus.workspace("supervisor", "Budi Santoso")
    refusal = _refused(supervisor_ws, package, _supervisor_keys(locus, "supervisor"))
    assert refusal.code == "record_not_allowed"
    assert "records/" in refusal.message
    assert "assessor" in refusal.message


def _edit_records(edit: Callable[[dict[str, Any]], None], signer: Person) -> Callable:
    def change(members: Members) -> Members:
        out: Members = []
        for info, data in members:
            if info.filename.startswith("records/"):
                doc = json.loads(data)
                edit(doc)
                data = json.dumps(doc, ensure_ascii=False).encode("utf-8")
            out.append((info, data))
        import hashlib

        sizes = {
            i.filename: (len(d), hashlib.sha256(d).hexdigest())
            for i, d in out
            if i.filename.startswith("records/")
        }

        def declare(manifest: dict[str, Any]) -> None:
            for member in manifest["members"]:
                if member["path"] in sizes:
                    member["size"], member["sha256"] = sizes[member["path"]]

        return resign(out, signer.signer, declare)

    return change


def test_a_doctored_record_is_refused(locus: Locus) -> None:
    province = Province(locus)
    province.service.add_correction("Kabupaten Serang", "2024", points=3, reason="Data")
    forwarded = province.forward("out-s")
    supervisor = locus.supervisor

    def more_points(doc: dict[str, Any]) -> None:
        doc["records"][0]["record"]["content"]["points"] = 30

    doctored = rewrite(
        forwarded, locus.root / "doctored.ombx", _edit_records(more_points, supervisor)
    )
    pusat = locus.workspace("pusat", "Pusat")
    refusal = _refused(pusat, doctored, locus.keys("pusat"))
    assert refusal.code == "record_forged"

    # Signed by the supervisor's own key but out of range: refused as if typed.
    def re_signed(points: Any) -> Callable[[dict[str, Any]], None]:
        def edit(doc: dict[str, Any]) -> None:
            body = doc["records"][0]["record"]
            body["content"]["points"] = points
            import base64

            import rfc8785

            signature = supervisor.key.sign(RECORD_PURPOSE + rfc8785.dumps(body))
            doc["records"][0]["signature"] = base64.b64encode(signature).decode()

        return edit

    for points in (150, 0, -1, True):
        bad = rewrite(
            forwarded, locus.root / f"bad-{points}.ombx",
            _edit_records(re_signed(points), supervisor),
        )
        refusal = _refused(pusat, bad, locus.keys("pusat"))
        assert refusal.code == "record_invalid", points
        assert "record 1" in refusal.message
    # A properly signed one still goes in.
    ok = rewrite(forwarded, locus.root / "ok.ombx", _edit_records(re_signed(7.5), supervisor))
    assert import_package(pusat, ok, locus.keys("pusat")).records_added == 1
    assert SignedRecord  # the type the member carries


def test_import_order_does_not_change_corrections_or_plan(locus: Locus) -> None:
    province = Province(locus)
    siti_package = sorted((locus.root / "out-siti").iterdir())[0]
    # Pusat corrects and plans on its own copy, the supervisor on its own.
    pusat_ws = locus.workspace("pusat", "Pusat")
    pusat_keys = locus.keys("pusat")
    pusat_keys.create_signing_key("kunci pusat 2026", owner="Pusat")
    import_package(pusat_ws, siti_package, pusat_keys)
    national = Person("Pusat", locus.national_key, [])
    province.service.add_correction("Kabupaten Serang", "2024", points=2, reason="Provinsi")
    province.service.set_plan("Kabupaten Serang", "2024", ["disdik", "dinsos"])
    pusat_ws.add_correction(_entity(pusat_ws), "2024", "cap", 0.0, "D", "Pusat")
    store.add_record(
        pusat_ws,
        _entity(pusat_ws),
        store.new_record(pusat_ws, _entity(pusat_ws), "2024", "plan",
                         {"loci": [{"type": "dinsos", "name": None}]}),
    )
    from_province = province.forward("p")
    from_pusat = national.export(pusat_ws, province.assessment_id, locus.root / "n")
    one = locus.workspace("one", "Satu")
    two = locus.workspace("two", "Dua")
    for ws, order in ((one, (from_province, from_pusat)), (two, (from_pusat, from_province))):
        for package in order:
            import_package(ws, package, locus.keys(f"k-{ws.root.name}-{package.parent.name}"))
    assert _state(one) == _state(two)
    assert len(_state(one)[0]) == 2
    assert _results(one) == _results(two)
    assert ranked_entities(one)[0].loci_planned in (1, 2)
