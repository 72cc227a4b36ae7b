"""Entity scores (mean of its loci), substantive corrections, and ranks within a category."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from statistics import fmean
from typing import Any, Literal

from ombud_desktop.instruments.model import EntityScoreRule, GradeScale, Qualifier
from ombud_desktop.scoring.grading import Grade, grade_for
from ombud_desktop.scoring.inputs import NO_INPUTS, EntityInputs
from ombud_desktop.scoring.parts import PartValue, qualifier_applies, score_from_parts
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


ENTITY_REASON_CODES = frozenset(
    {
        "no_loci",  # no locus of the entity has been assessed in the period
        "loci_missing",  # {complete} of {planned} planned loci have a complete assessment
        "locus_provisional",  # {locus}: its score is provisional (unfinished)
        "open_conflict",  # {locus}: {cells} are in open conflict
        "duplicate",  # {locus}: two assessments in one period, not yet decided
        "pending_changes",  # {locus}: {count} changes wait for the supervisor
        "input_missing",  # {input}: a part of the score (trust, secondary data) has no value
    }
)


@dataclass(frozen=True)
class EntityReason:
    """Why an entity is provisional: a stable code and the data its words need.

    The words are in ``resources/words/results.yaml`` (section ``entity_reasons``), filled by
    :func:`ombud_desktop.words.entity_reason_text`.
    """

    code: str
    data: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.code not in ENTITY_REASON_CODES:
            raise ValueError(f"unknown entity reason {self.code!r}")


@dataclass(frozen=True)
class RankScope:
    """What a rank is among: the whole country, or the entities of the provinces present.

    ``kind`` is "national" (the workspace holds every entity of the category in the
    register) or "provinces" (the category's entities of ``provinces``, those present).
    """

    kind: Literal["national", "provinces"]
    category: str
    provinces: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """Return the scope as JSON data."""
        return {"kind": self.kind, "category": self.category, "provinces": list(self.provinces)}


@dataclass(frozen=True)
class PreviousResult:
    """The entity's result in the previous period the workspace holds (year over year)."""

    period: str
    score: float | None
    grade: str | None
    provisional: bool

    def to_json(self) -> dict[str, Any]:
        """Return the previous result as JSON data."""
        return {
            "period": self.period,
            "score": None if self.score is None else round_half_up(self.score),
            "grade": self.grade,
            "provisional": self.provisional,
        }


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
    province: str = ""
    reasons: list[EntityReason] = field(default_factory=list)
    rank_scope: RankScope | None = None
    rank_in_province: int | None = None
    loci_planned: int | None = None
    loci_approved: int = 0
    previous: PreviousResult | None = None
    # The 2025 model (METHODOLOGY §7): the parts the score is made of (empty when the
    # instrument has none), the trust score, the opinion qualifier, the secondary figures.
    parts: tuple[PartValue, ...] = ()
    trust: float | None = None
    qualifier_id: str | None = None
    qualifier_en: str | None = None
    inputs: EntityInputs = NO_INPUTS
    methodology_draft: bool = False

    def opinion(self, language: str = "id") -> str | None:
        """Return the opinion in words, with the qualifier when it applies."""
        if self.grade is None:
            return None
        base = self.grade.opinion_en if language == "en" else self.grade.opinion_id
        qualifier = self.qualifier_en if language == "en" else self.qualifier_id
        return " ".join(word for word in (base, qualifier) if word) or None

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
            "province": self.province,
            "rank_scope": self.rank_scope.to_json() if self.rank_scope else None,
            "rank_in_province": self.rank_in_province,
            "loci_planned": self.loci_planned,
            "loci_approved": self.loci_approved,
            "previous": self.previous.to_json() if self.previous else None,
            "parts": [part.to_json() for part in self.parts],
            "trust": None if self.trust is None else round_half_up(self.trust),
            "trust_respondents": self.inputs.trust.respondents if self.inputs.trust else None,
            "qualifier": self.qualifier_id,
            "opinion_qualified": self.opinion("id"),
            "secondary": [
                {"code": v.code, "value": v.value, "source": v.source, "as_of": v.as_of}
                for v in self.inputs.secondary.values()
            ],
            "products_followed": self.inputs.products_followed,
            "methodology": "draft" if self.methodology_draft else "final",
        }


@dataclass(frozen=True)
class LocusResult:
    """What the entity score needs from one locus."""

    assessment_id: str
    score: float | None
    provisional: bool
    locus: str = ""
    review: str | None = None  # None (not reviewed), "approved" or "returned"
    open_conflicts: tuple[str, ...] = ()  # the cells in open conflict ("IN07")
    pending_changes: int = 0
    duplicate_of: str | None = None  # another assessment of the same locus and period


def score_entity(
    *,
    entity_id: str,
    entity: str,
    category: str,
    period: str,
    loci: list[LocusResult],
    scale: GradeScale,
    corrections: list[Correction] = (),  # type: ignore[assignment]
    province: str = "",
    rule: EntityScoreRule | None = None,
    inputs: EntityInputs = NO_INPUTS,
    qualifier: Qualifier | None = None,
    methodology_draft: bool = False,
) -> EntityScore:
    """Return the mean of the scored loci, less point corrections (never below 0), graded.

    With a ``rule`` (the instrument's ``score`` parts) the mean of the loci is the field part
    and the score is made of the parts, with the entity's ``inputs``; a part without a value is
    a reason. The ``qualifier`` adds its words to the opinion when the inputs say so. An
    undecided duplicate (``duplicate_of``) is not counted; it, an open conflict and held
    changes are reasons (:func:`state_reasons`).
    """
    scored = [
        locus.score for locus in loci if locus.score is not None and locus.duplicate_of is None
    ]
    mean = fmean(scored) if scored else None
    base = mean
    made = score_from_parts(rule, scored, inputs) if rule is not None else None
    if made is not None:
        base = made.score
    score = base
    cap = None
    if base is not None:
        points = sum(c.points for c in corrections if c.kind == "points")
        score = max(0.0, base - points)
        caps = [c.cap_grade for c in corrections if c.kind == "cap"]
        order = [band.grade for band in scale.bands]
        unknown = sorted({str(c) for c in caps if c not in order})
        if unknown:
            raise ValueError(f"grade cap {unknown} is not a grade of scale {scale.id} ({order})")
        if caps:
            cap = max(caps, key=order.index)  # the strictest cap wins
    provisional_loci = [
        locus.assessment_id
        for locus in loci
        if locus.provisional or locus.open_conflicts or locus.duplicate_of
    ]
    reasons = [EntityReason("no_loci")] if not loci else []
    reasons += [
        EntityReason("locus_provisional", {"locus": locus.locus or locus.assessment_id})
        for locus in loci
        if locus.provisional
    ]
    reasons += state_reasons(loci)
    if made is not None and scored:
        reasons += [EntityReason("input_missing", {"input": code}) for code in made.missing]
    grade = grade_for(score, scale, cap) if score is not None else None
    qualified = qualifier is not None and qualifier_applies(
        qualifier, inputs, grade.grade if grade else None
    )
    return EntityScore(
        entity_id=entity_id,
        entity=entity,
        category=category,
        period=period,
        score=score,
        mean_of_loci=mean,
        grade=grade,
        provisional=any(reason.code not in NOT_PROVISIONAL for reason in reasons),
        loci_scored=len(scored),
        loci_total=len({locus.locus or locus.assessment_id for locus in loci}),
        provisional_loci=provisional_loci,
        corrections=list(corrections),
        reasons=reasons,
        province=province,
        loci_approved=sum(1 for locus in loci if locus.review == "approved"),
        parts=made.parts if made is not None else (),
        trust=inputs.trust.score if inputs.trust is not None else None,
        qualifier_id=qualifier.text.id if qualified and qualifier else None,
        qualifier_en=qualifier.text.en if qualified and qualifier else None,
        inputs=inputs,
        methodology_draft=methodology_draft,
    )


# Reasons shown with an entity that do not make it provisional: a held change waits for the
# supervisor and changes no score until adopted (then it is an ordinary change, scored).
NOT_PROVISIONAL = frozenset({"pending_changes"})


def state_reasons(loci: list[LocusResult]) -> list[EntityReason]:
    """Return the reasons the loci's state gives: open conflicts, duplicates, held changes."""
    reasons = []
    duplicates: set[str] = set()
    for locus in loci:
        name = locus.locus or locus.assessment_id
        if locus.open_conflicts:
            reasons.append(
                EntityReason("open_conflict", {"locus": name, "cells": list(locus.open_conflicts)})
            )
        if locus.duplicate_of and name not in duplicates:
            duplicates.add(name)
            reasons.append(EntityReason("duplicate", {"locus": name}))
        if locus.pending_changes:
            reasons.append(
                EntityReason("pending_changes", {"locus": name, "count": locus.pending_changes})
            )
    return reasons


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
