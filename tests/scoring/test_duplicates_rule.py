"""The rule of duplicates (scoring/duplicates.py): which assessment of a locus and period counts."""

from __future__ import annotations

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.scoring import LocusResult, score_entity
from ombud_desktop.scoring.duplicates import Standing, standings


def _row(aid: str, aside: str | None = None, locus: str = "L1", period: str = "2024") -> dict:
    return {"id": aid, "locus_id": locus, "period_id": period, "set_aside_for": aside}


def test_one_assessment_alone_counts_and_two_are_undecided() -> None:
    assert standings([_row("a"), _row("b", locus="L2"), _row("c", period="2023")]) == {}
    assert standings([_row("a"), _row("b")]) == {
        "a": Standing(duplicate_of="b"), "b": Standing(duplicate_of="a")
    }


def test_setting_aside_decides_and_contradictions_decide_nothing() -> None:
    assert standings([_row("a", aside="b"), _row("b")]) == {"a": Standing(set_aside_for="b")}
    both = standings([_row("a", aside="b"), _row("b", aside="a")])
    assert both == {"a": Standing(duplicate_of="b"), "b": Standing(duplicate_of="a")}
    # A name of an assessment of another locus, or of itself, sets nothing aside.
    stray = standings([_row("a", aside="z"), _row("b", aside="b")])
    assert stray == {"a": Standing(duplicate_of="b"), "b": Standing(duplicate_of="a")}
    three = standings([_row("a", aside="c"), _row("b"), _row("c")])
    assert three["a"] == Standing(set_aside_for="c")
    assert three["b"] == Standing(duplicate_of="c")


def test_an_undecided_duplicate_is_not_averaged_into_its_entity() -> None:
    scale = builtin_instrument("ori-2023").grade_scale
    entity = score_entity(
        entity_id="e", entity="Kota Serang", category="kota", period="2024", scale=scale,
        loci=[
            LocusResult("a", 80.0, False, locus="Disdukcapil", duplicate_of="b"),
            LocusResult("b", 40.0, False, locus="Disdukcapil", duplicate_of="a"),
            LocusResult("c", 70.0, False, locus="Dinkes"),
        ],
    )
    assert entity.score == 70.0
    assert entity.loci_total == 2
    assert entity.provisional
    assert [r.code for r in entity.reasons] == ["duplicate"]
    assert sorted(entity.provisional_loci) == ["a", "b"]
