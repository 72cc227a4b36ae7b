"""Entity scores (mean of its loci), substantive corrections, and ranks within a category."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from statistics import fmean
from typing import Any, Literal

from ombud_desktop.instruments.model import GradeScale
from ombud_desktop.scoring.grading import Grade, grade_for
from ombud_desktop.scoring.rounding import round_half_up


@dataclass(frozen=True)
class Correction:
    """A supervisor's substantive correction: points off the score, or a cap on the grade."""

    kind: Literal["points", "cap"]
    reason: str
    points: float = 0.0
    cap_grade: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in ("points", "cap"):
            raise ValueError(f"a correction kind is 'points' or 'cap', not {self.kind!r}")
        if not self.reason.strip():
            raise ValueError("a correction needs a reason")
        if self.kind == "points" and not self.points > 0:
            raise ValueError("a points correction subtracts a number of points > 0")
        if self.kind == "cap" and not self.cap_grade:
            raise ValueError("a cap correction names the best grade allowed")


@dataclass(frozen=True)
class EntityScore:
    """An entity's score in one period, after corrections, with its grade and rank."""

    entity_id: str
    entity: str
    category: str
    period: str
    score: float | None
    mean_of_loci: float | None
    grade: Grade | None
    provisional: bool
    loci_scored: int
    loci_total: int
    provisional_loci: list[str] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    rank: int | None = None

    def to_json(self) -> dict[str, Any]:
        """Return the entity score as JSON data."""
        return {
            "entity_id": self.entity_id,
            "entity": self.entity,
            "category": self.category,
            "period": self.period,
            "score": None if self.score is None else round_half_up(self.score),
            "score_exact": self.score,
            "mean_of_loci": None if self.mean_of_loci is None else round_half_up(self.mean_of_loci),
            "grade": self.grade.grade if self.grade else None,
            "zone": self.grade.zone if self.grade else None,
            "opinion": self.grade.opinion_id if self.grade else None,
            "grade_capped": bool(self.grade and self.grade.capped),
            "provisional": self.provisional,
            "provisional_loci": self.provisional_loci,
            "loci_scored": self.loci_scored,
            "loci_total": self.loci_total,
            "corrections": [
                {"kind": c.kind, "points": c.points, "cap_grade": c.cap_grade, "reason": c.reason}
                for c in self.corrections
            ],
            "rank": self.rank,
        }


@dataclass(frozen=True)
class LocusResult:
    """What the entity score needs from one locus."""

    assessment_id: str
    score: float | None
    provisional: bool


def score_entity(
    *,
    entity_id: str,
    entity: str,
    category: str,
    period: str,
    loci: list[LocusResult],
    scale: GradeScale,
    corrections: list[Correction] = (),  # type: ignore[assignment]
) -> EntityScore:
    """Return the mean of the scored loci, less point corrections (never below 0), graded."""
    scored = [locus.score for locus in loci if locus.score is not None]
    mean = fmean(scored) if scored else None
    score = mean
    cap = None
    if mean is not None:
        points = sum(c.points for c in corrections if c.kind == "points")
        score = max(0.0, mean - points)
        caps = [c.cap_grade for c in corrections if c.kind == "cap"]
        order = [band.grade for band in scale.bands]
        unknown = sorted({str(c) for c in caps if c not in order})
        if unknown:
            raise ValueError(f"grade cap {unknown} is not a grade of scale {scale.id} ({order})")
        if caps:
            cap = max(caps, key=order.index)  # the strictest cap wins
    provisional_loci = [locus.assessment_id for locus in loci if locus.provisional]
    return EntityScore(
        entity_id=entity_id,
        entity=entity,
        category=category,
        period=period,
        score=score,
        mean_of_loci=mean,
        grade=grade_for(score, scale, cap) if score is not None else None,
        provisional=bool(provisional_loci) or not loci,
        loci_scored=len(scored),
        loci_total=len(loci),
        provisional_loci=provisional_loci,
        corrections=list(corrections),
    )


def competition_ranks(scores: list[float | None]) -> list[int | None]:
    """Rank scores highest first by their 2-decimal rounding; ties share a rank (1, 2, 2, 4)."""
    rounded = [None if s is None else round_half_up(s) for s in scores]
    ordered = sorted((r for r in rounded if r is not None), reverse=True)
    first_place = {}
    for place, value in enumerate(ordered, start=1):
        first_place.setdefault(value, place)
    return [None if r is None else first_place[r] for r in rounded]


def rank_entities(entities: list[EntityScore]) -> list[EntityScore]:
    """Return the entities with ranks set, ranked within each (category, period)."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, entity in enumerate(entities):
        groups[(entity.category, entity.period)].append(index)
    ranked = list(entities)
    for indexes in groups.values():
        ranks = competition_ranks([entities[i].score for i in indexes])
        for i, rank in zip(indexes, ranks, strict=True):
            ranked[i] = _with_rank(entities[i], rank)
    return sorted(
        ranked,
        key=lambda e: (e.period, e.category, e.rank is None, e.rank or 0, e.entity),
    )


def _with_rank(entity: EntityScore, rank: int | None) -> EntityScore:
    return replace(entity, rank=rank)
