"""Entity scores, corrections and ranks (METHODOLOGY §3 'Entity score' and 'Rank')."""

from __future__ import annotations

import pytest

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.scoring import (
    Correction,
    EntityScore,
    LocusResult,
    competition_ranks,
    rank_entities,
    round_half_up,
    score_entity,
)

SCALE = builtin_instrument("ori-2023").grade_scale

# The published 2022 pre-assessment table: loci 100, 100, 80.19, 92.92, total 93.28.
PUBLISHED_LOCI = [100.0, 100.0, 80.19, 92.92]


def loci(*scores: float | None, provisional: tuple[int, ...] = ()) -> list[LocusResult]:
    return [
        LocusResult(assessment_id=f"L{i}", score=score, provisional=i in provisional)
        for i, score in enumerate(scores)
    ]


def entity(
    scores: list[float | None],
    *,
    provisional: tuple[int, ...] = (),
    corrections: list[Correction] | None = None,
    entity_id: str = "E1",
    category: str = "kota",
    period: str = "2023",
) -> EntityScore:
    return score_entity(
        entity_id=entity_id,
        entity=f"Entity {entity_id}",
        category=category,
        period=period,
        loci=loci(*scores, provisional=provisional),
        scale=SCALE,
        corrections=corrections or [],
    )


# -- mean of loci ---------------------------------------------------------------------------


def test_published_entity_mean() -> None:
    result = entity(PUBLISHED_LOCI)
    # (100 + 100 + 80.19 + 92.92) / 4 = 373.11 / 4 = 93.2775 → 93.28 half-up
    assert result.score == pytest.approx(93.2775)
    assert round_half_up(result.score) == 93.28
    assert result.mean_of_loci == pytest.approx(93.2775)
    assert result.grade is not None
    assert result.grade.grade == "A"
    assert result.grade.score == 93.28
    assert result.provisional is False
    assert result.loci_scored == 4
    assert result.loci_total == 4
    assert result.to_json()["score"] == 93.28


def test_provisional_when_any_locus_is_provisional() -> None:
    result = entity(PUBLISHED_LOCI, provisional=(2,))
    assert result.provisional is True
    assert result.provisional_loci == ["L2"]
    assert result.score == pytest.approx(93.2775)  # still scored


def test_loci_without_score_are_left_out_of_the_mean() -> None:
    result = entity([100.0, None, 80.0], provisional=(1,))
    # (100 + 80) / 2 = 90, not (100 + 0 + 80) / 3 = 60
    assert result.score == pytest.approx(90.0)
    assert result.loci_scored == 2
    assert result.loci_total == 3
    assert result.provisional is True


def test_entity_without_any_scored_locus_has_no_score_or_grade() -> None:
    result = entity([None, None], provisional=(0, 1))
    assert result.score is None
    assert result.grade is None
    assert result.to_json()["score"] is None


def test_entity_without_loci_is_provisional() -> None:
    result = entity([])
    assert result.score is None
    assert result.provisional is True


# -- corrections ----------------------------------------------------------------------------


def test_points_correction() -> None:
    result = entity(
        PUBLISHED_LOCI, corrections=[Correction(kind="points", reason="temuan", points=5)]
    )
    # 93.2775 - 5 = 88.2775 → 88.28 → A
    assert result.score == pytest.approx(88.2775)
    assert result.mean_of_loci == pytest.approx(93.2775)
    assert round_half_up(result.score) == 88.28
    assert result.grade is not None
    assert result.grade.grade == "A"


def test_points_corrections_add_up() -> None:
    result = entity(
        PUBLISHED_LOCI,
        corrections=[
            Correction(kind="points", reason="one", points=5),
            Correction(kind="points", reason="two", points=10),
        ],
    )
    # 93.2775 - 15 = 78.2775 → B
    assert result.score == pytest.approx(78.2775)
    assert result.grade is not None
    assert result.grade.grade == "B"


def test_points_correction_never_below_zero() -> None:
    result = entity([10.0], corrections=[Correction(kind="points", reason="x", points=25)])
    assert result.score == 0.0
    assert result.grade is not None
    assert result.grade.grade == "E"


def test_cap_correction_keeps_score_caps_grade_and_zone() -> None:
    result = entity(
        PUBLISHED_LOCI,
        corrections=[Correction(kind="cap", reason="rekomendasi diabaikan", cap_grade="C")],
    )
    assert result.score == pytest.approx(93.2775)
    assert result.grade is not None
    assert result.grade.grade == "C"
    assert result.grade.zone == "kuning"
    assert result.grade.capped is True
    assert result.grade.score == 93.28
    assert result.to_json()["grade_capped"] is True


def test_cap_correction_above_the_grade_leaves_it() -> None:
    result = entity([45.16], corrections=[Correction(kind="cap", reason="x", cap_grade="C")])
    assert result.grade is not None
    assert result.grade.grade == "D"
    assert result.grade.capped is False


@pytest.mark.parametrize(
    ("caps", "expected"),
    [
        (["C", "B"], "C"),
        (["B", "C"], "C"),
        (["B", "D", "C"], "D"),
        (["A"], "A"),
    ],
)
def test_strictest_cap_wins(caps: list[str], expected: str) -> None:
    result = entity(
        PUBLISHED_LOCI,
        corrections=[Correction(kind="cap", reason=f"cap {c}", cap_grade=c) for c in caps],
    )
    assert result.grade is not None
    assert result.grade.grade == expected


def test_points_and_cap_together() -> None:
    result = entity(
        PUBLISHED_LOCI,
        corrections=[
            Correction(kind="points", reason="p", points=20),
            Correction(kind="cap", reason="c", cap_grade="C"),
        ],
    )
    # 93.2775 - 20 = 73.2775 → C on its own; the cap C changes nothing
    assert result.score == pytest.approx(73.2775)
    assert result.grade is not None
    assert result.grade.grade == "C"
    assert result.grade.capped is False


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "points", "reason": "", "points": 5}, "reason"),
        ({"kind": "points", "reason": "   ", "points": 5}, "reason"),
        ({"kind": "cap", "reason": "", "cap_grade": "C"}, "reason"),
        ({"kind": "points", "reason": "x", "points": 0}, "> 0"),
        ({"kind": "points", "reason": "x", "points": -3}, "> 0"),
        ({"kind": "points", "reason": "x", "points": float("nan")}, "> 0"),
        ({"kind": "cap", "reason": "x"}, "best grade"),
        ({"kind": "cap", "reason": "x", "cap_grade": ""}, "best grade"),
        ({"kind": "bonus", "reason": "x", "points": 5}, "kind"),
    ],
)
def test_correction_validation(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Correction(**kwargs)


# -- ranks ----------------------------------------------------------------------------------


def test_competition_ranks() -> None:
    assert competition_ranks([90.0, 80.0, 80.0, 70.0]) == [1, 2, 2, 4]
    assert competition_ranks([70.0, 80.0, 90.0, 80.0]) == [4, 2, 1, 2]
    assert competition_ranks([50.0, 50.0, 50.0]) == [1, 1, 1]
    assert competition_ranks([]) == []


def test_competition_ranks_on_the_rounded_score() -> None:
    # 90.004 and 90.001 both show as 90.00 and tie; 90.005 shows as 90.01 and is ahead.
    assert competition_ranks([90.004, 90.001, 90.005]) == [2, 2, 1]


def test_competition_ranks_leave_none_unranked() -> None:
    assert competition_ranks([None, 80.0, None, 85.0]) == [None, 2, None, 1]


def test_rank_entities_within_category_and_period() -> None:
    entities = [
        entity([70.0], entity_id="kota-a", category="kota"),
        entity([90.0], entity_id="kota-b", category="kota"),
        entity([60.0], entity_id="kab-a", category="kabupaten"),
        entity([95.0], entity_id="kota-c", category="kota", period="2024"),
        entity([None], provisional=(0,), entity_id="kota-d", category="kota"),
        entity([90.0], entity_id="kota-e", category="kota"),
    ]
    ranked = {e.entity_id: e.rank for e in rank_entities(entities)}
    assert ranked == {
        "kota-b": 1,
        "kota-e": 1,
        "kota-a": 3,
        "kab-a": 1,  # its own category
        "kota-c": 1,  # its own period
        "kota-d": None,  # unscored: unranked
    }


def test_rank_entities_keeps_every_entity_and_orders_by_rank() -> None:
    entities = [
        entity([None], provisional=(0,), entity_id="x", category="kota"),
        entity([70.0], entity_id="y", category="kota"),
        entity([90.0], entity_id="z", category="kota"),
    ]
    ranked = rank_entities(entities)
    assert [e.entity_id for e in ranked] == ["z", "y", "x"]
    assert [e.rank for e in ranked] == [1, 2, None]
    assert all(e.rank is None for e in entities)  # the inputs are not changed
