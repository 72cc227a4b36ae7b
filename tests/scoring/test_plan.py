"""Entity completeness against the plan of its loci: "2 dari 7 lokus"."""

from __future__ import annotations

from ombud_desktop import words
from ombud_desktop.domain.records import PlannedLocus, PlanSlot, fill_plan
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.scoring import LocusResult, score_entity
from ombud_desktop.scoring.plan import with_plan

TEMPLATE = [PlanSlot(t.type) for t in builtin_instrument("ori-2023").templates_for("kota")]


def _entity(loci: list[PlannedLocus]):
    scale = builtin_instrument("ori-2023").grade_scale
    results = [LocusResult(f"a{i}", 80.0, not locus.complete, locus.name)
               for i, locus in enumerate(loci)]
    entity = score_entity(entity_id="e", entity="Kota Cilegon", category="kota", period="2024",
                          loci=results, scale=scale)
    return with_plan(entity, TEMPLATE, loci)


def test_two_of_seven_loci_is_provisional_with_the_words() -> None:
    assert len(TEMPLATE) == 7
    entity = _entity([PlannedLocus("DPMPTSP Kota Cilegon", "dpmptsp", True),
                      PlannedLocus("Puskesmas Ciwandan", "puskesmas", True)])
    assert entity.provisional
    assert entity.loci_planned == 7
    assert entity.reasons[0].code == "loci_missing"
    assert entity.reasons[0].data == {"complete": 2, "planned": 7}
    reason = entity.reasons[0]
    assert words.entity_reason_text(reason.code, reason.data, "id") == "2 dari 7 lokus"
    assert entity.to_json()["loci_planned"] == 7


def test_two_puskesmas_slots_need_two_puskesmas() -> None:
    one = fill_plan(TEMPLATE, [PlannedLocus("Puskesmas A", "puskesmas", True)])
    assert sum(f.complete for f in one) == 1
    same_locus_twice = fill_plan(TEMPLATE, [PlannedLocus("Puskesmas A", "puskesmas", True),
                                            PlannedLocus("puskesmas  a", "puskesmas", True)])
    assert sum(f.complete for f in same_locus_twice) == 1
    two = fill_plan(TEMPLATE, [PlannedLocus("Puskesmas A", "puskesmas", True),
                               PlannedLocus("Puskesmas B", "puskesmas", True)])
    assert sum(f.complete for f in two) == 2


def test_a_plan_of_the_loci_assessed_makes_the_entity_final() -> None:
    loci = [PlannedLocus("DPMPTSP", "dpmptsp", True), PlannedLocus("Puskesmas A", "puskesmas",
                                                                    True)]
    scale = builtin_instrument("ori-2023").grade_scale
    results = [LocusResult(f"a{i}", 80.0, False, locus.name) for i, locus in enumerate(loci)]
    base = score_entity(entity_id="e", entity="Kota Cilegon", category="kota", period="2024",
                        loci=results, scale=scale)
    planned = with_plan(base, [PlanSlot("dpmptsp", "DPMPTSP"), PlanSlot("puskesmas")], loci)
    assert not planned.provisional
    assert planned.loci_planned == 2
    # A named slot is filled only by that locus; an incomplete assessment fills nothing.
    missing = with_plan(base, [PlanSlot("dinsos", "Dinas Sosial")], loci)
    assert missing.provisional
    assert missing.reasons[0].data == {"complete": 0, "planned": 1}
    incomplete = [PlannedLocus("DPMPTSP", "dpmptsp", False)]
    assert with_plan(base, [PlanSlot("dpmptsp")], incomplete).provisional
