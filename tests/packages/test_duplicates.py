"""One assessment per locus and period (issue 14): duplicates reported, never averaged, decided.

Two assessors who did not know of each other assess Kota Serang's Disdukcapil in 2024 on two
laptops; the supervisor merges both. Neither counts until the supervisor keeps one; the
decision is a signed review change that travels to a third workspace; an assessor cannot make
it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ombud_desktop.instruments import Instrument
from ombud_desktop.packages.export import Signer, export_assessment
from ombud_desktop.packages.importer import ImportRefused, import_package
from ombud_desktop.services import merge as merging
from ombud_desktop.services.assessments import AssessmentService, NewAssessment
from ombud_desktop.services.duplicates import Duplicates
from ombud_desktop.services.packages import PackageService
from ombud_desktop.services.scoring import score_workspace
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.changes import Edit
from tests.conftest import FakeClock
from tests.packages.conftest import SUPERVISOR_PASSPHRASE, People, snapshot


def _assess(ws: Workspace, instrument: Instrument, locus: str, rating: int) -> str:
    service = AssessmentService(ws)
    aid = service.create(
        instrument, NewAssessment("kota", "Kota Serang", "Banten", locus, 2024)
    ).value
    for code in ("IN07", "IN08", "IN09"):
        service.set_rating(aid, code, rating)
    return aid


@pytest.fixture
def two_laptops(tmp_path: Path, instrument: Instrument, people: People):
    """Siti assesses Disdukcapil (high) and Dinkes; Andi, unaware, Disdukcapil again (low)."""
    siti = Workspace.open(tmp_path / "siti", clock=FakeClock())
    siti.set_profile("Siti Aminah")
    andi = Workspace.open(tmp_path / "andi", clock=FakeClock())
    andi.set_profile("Andi Wijaya")
    first = _assess(siti, instrument, "Disdukcapil", 3)
    other_locus = _assess(siti, instrument, "Dinas Kesehatan", 2)
    second = _assess(andi, instrument, "Disdukcapil", 0)
    packages = [
        export_assessment(ws, aid, tmp_path / "inbox", people.signer).path
        for ws, aid in ((siti, first), (siti, other_locus), (andi, second))
    ]
    yield first, other_locus, second, packages
    siti.close()
    andi.close()


def _locus(scores, aid: str) -> dict:
    return next(item for item in scores["loci"] if item["assessment_id"] == aid)


def test_a_second_assessment_of_a_locus_is_reported_and_neither_counts(
    two_laptops, supervisor_ws: Workspace, people: People
) -> None:
    first, other_locus, second, packages = two_laptops
    receipts = [import_package(supervisor_ws, p, people.supervisor) for p in packages]
    assert [r.assessments[0].duplicate_of for r in receipts] == [None, None, first]
    assert receipts[2].to_json()["assessments"][0]["duplicate_of"] == first

    scores = score_workspace(supervisor_ws).to_json()
    assert _locus(scores, first)["duplicate_of"] == second
    assert _locus(scores, second)["duplicate_of"] == first
    assert _locus(scores, other_locus)["duplicate_of"] is None
    assert _locus(scores, first)["provisional"]
    assert _locus(scores, second)["provisional"]
    [entity] = scores["entities"]
    # Not averaged: only Dinas Kesehatan counts while the two of Disdukcapil are undecided.
    assert entity["score"] == _locus(scores, other_locus)["score"]
    assert entity["loci_scored"] == 1
    assert entity["loci_total"] == 2
    assert entity["provisional"] is True
    assert {"code": "duplicate", "text": (
        "Disdukcapil: two assessments in one period, not yet decided"
    )} in entity["provisional_reasons"]

    [group] = Duplicates(supervisor_ws).groups()
    assert group["decided"] is False
    assert group["locus"] == "Disdukcapil"
    assert [a["assessment_id"] for a in group["assessments"]] == [first, second]
    assert group["assessments"][1]["authors"] == ["Andi Wijaya"]


def test_keeping_one_counts_it_and_the_decision_travels(
    two_laptops, supervisor_ws: Workspace, people: People, tmp_path: Path
) -> None:
    first, other_locus, second, packages = two_laptops
    for path in packages:
        import_package(supervisor_ws, path, people.supervisor)
    written = Duplicates(supervisor_ws).keep(second)
    assert written.value == [first]
    assert written.changes.touches(first)
    assert written.changes.touches(second)
    before = snapshot(supervisor_ws)
    Duplicates(supervisor_ws).keep(second)  # the same decision again writes nothing
    assert snapshot(supervisor_ws) == before

    scores = score_workspace(supervisor_ws).to_json()
    assert _locus(scores, first)["set_aside_for"] == second
    assert _locus(scores, first)["duplicate_of"] is None
    assert _locus(scores, second)["duplicate_of"] is None
    [entity] = scores["entities"]
    mean = (_locus(scores, second)["score_exact"] + _locus(scores, other_locus)["score_exact"]) / 2
    assert entity["score_exact"] == pytest.approx(mean)
    assert all(r["code"] != "duplicate" for r in entity["provisional_reasons"])
    [group] = Duplicates(supervisor_ws).groups()
    assert group["decided"]
    assert group["kept"] == second

    # The decision is the supervisor's change of the set-aside assessment: it travels.
    boss = Signer(people.supervisor.signing_key(SUPERVISOR_PASSPHRASE), "Budi Santoso")
    out = tmp_path / "to-pusat"
    for aid in (first, second, other_locus):
        export_assessment(supervisor_ws, aid, out, boss)
    with Workspace.open(tmp_path / "pusat") as pusat:
        pusat.set_profile("Pusat")
        report = merging.merge_packages(PackageService(pusat, people.assessor), [out])
        assert report.refused == []
        there = score_workspace(pusat).to_json()
        assert _locus(there, first)["set_aside_for"] == second
        assert there["entities"][0]["score_exact"] == pytest.approx(mean)

    # Changing one's mind is a new decision: the other one counts, the first is set aside.
    assert Duplicates(supervisor_ws).keep(first).value == [second]
    again = score_workspace(supervisor_ws).to_json()
    assert _locus(again, second)["set_aside_for"] == first
    assert _locus(again, first)["set_aside_for"] is None


def test_an_assessor_cannot_set_a_duplicate_aside(
    two_laptops, supervisor_ws: Workspace, people: People, tmp_path: Path
) -> None:
    first, _other, second, _packages = two_laptops
    with Workspace.open(tmp_path / "siti") as siti:
        siti.write(first, [Edit("assessment", first, "set_aside_for", second)])
        doctored = export_assessment(siti, first, tmp_path / "doctored", people.signer).path
    before = snapshot(supervisor_ws)
    with pytest.raises(ImportRefused) as refused:
        import_package(supervisor_ws, doctored, people.supervisor)
    assert refused.value.code == "change_not_allowed"
    assert "set a duplicate aside" in refused.value.message
    assert snapshot(supervisor_ws) == before


def test_a_set_aside_value_that_is_not_an_id_is_refused(
    two_laptops, supervisor_ws: Workspace, people: People, tmp_path: Path
) -> None:
    first, *_ = two_laptops
    boss = Signer(people.supervisor.signing_key(SUPERVISOR_PASSPHRASE), "Budi Santoso")
    with Workspace.open(tmp_path / "siti") as siti:
        siti.write(first, [Edit("assessment", first, "set_aside_for", "../../etc passwd")])
        bad = export_assessment(siti, first, tmp_path / "bad", boss).path
    before = snapshot(supervisor_ws)
    with pytest.raises(ImportRefused) as refused:
        import_package(supervisor_ws, bad, people.supervisor)
    assert "set_aside_for is not an assessment id" in refused.value.message
    assert snapshot(supervisor_ws) == before


def test_keep_is_refused_without_a_duplicate(
    two_laptops, supervisor_ws: Workspace, people: People
) -> None:
    from ombud_desktop.errors import ValidationError

    _first, other_locus, _second, packages = two_laptops
    for path in packages:
        import_package(supervisor_ws, path, people.supervisor)
    with pytest.raises(ValidationError) as refused:
        Duplicates(supervisor_ws).keep(other_locus)
    assert refused.value.code == "not_a_duplicate"
