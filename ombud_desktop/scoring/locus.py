"""Score one locus: indicator values, dimension scores, the locus score and why it is provisional.

Pure functions over an :class:`~ombud_desktop.instruments.model.Instrument` and an
:class:`~ombud_desktop.domain.assessment.AssessmentDocument`, exactly as METHODOLOGY.md §3.
Every number (weights, bands, the scale, the completeness rules) comes from the instrument.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import fmean
from typing import Any

from ombud_desktop.domain.assessment import AssessmentDocument
from ombud_desktop.instruments.model import (
    DisplayIndicator,
    Instrument,
    RatingIndicator,
    RoleInterviewIndicator,
    ServiceUserIndicator,
    SubItemsIndicator,
)
from ombud_desktop.scoring.grading import Grade, grade_for
from ombud_desktop.scoring.rounding import round_half_up


@dataclass(frozen=True)
class Reason:
    """Why a locus is provisional: a stable code, the place it concerns, and English words."""

    code: str
    target: str
    message: str
    data: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """Return the reason as JSON data."""
        return {"code": self.code, "target": self.target, "message": self.message, **self.data}


@dataclass(frozen=True)
class IndicatorValue:
    """The value of one indicator (None when unanswered or not applicable) and its parts."""

    code: str
    dimension: str
    value: float | None
    not_applicable: bool = False
    na_reason: str | None = None
    parts: dict[str, float | None] = field(default_factory=dict)


@dataclass(frozen=True)
class DimensionScore:
    """A dimension's score 0-100 over the indicators that have a value."""

    code: str
    weight: float
    score: float | None
    valued: int
    total: int


@dataclass(frozen=True)
class LocusScore:
    """Everything the scoring says about one locus."""

    assessment_id: str
    score: float | None
    grade: Grade | None
    provisional: bool
    reasons: list[Reason]
    dimensions: dict[str, DimensionScore]
    indicators: dict[str, IndicatorValue]
    deficiencies: list[str]
    service_users_counted: int
    service_users_target: int

    def to_json(self) -> dict[str, Any]:
        """Return the locus score as JSON data (full precision plus rounded figures)."""
        return {
            "assessment_id": self.assessment_id,
            "score": None if self.score is None else round_half_up(self.score),
            "score_exact": self.score,
            "grade": self.grade.grade if self.grade else None,
            "zone": self.grade.zone if self.grade else None,
            "opinion": self.grade.opinion_id if self.grade else None,
            "provisional": self.provisional,
            "reasons": [reason.to_json() for reason in self.reasons],
            "dimensions": {
                code: None if d.score is None else round_half_up(d.score)
                for code, d in self.dimensions.items()
            },
            "dimension_detail": {
                code: {"weight": d.weight, "valued": d.valued, "total": d.total}
                for code, d in self.dimensions.items()
            },
            "indicators": {
                code: {
                    "value": v.value,
                    "not_applicable": v.not_applicable,
                    "na_reason": v.na_reason,
                    "parts": v.parts,
                }
                for code, v in self.indicators.items()
            },
            "deficiencies": self.deficiencies,
            "service_users": {
                "counted": self.service_users_counted,
                "target": self.service_users_target,
            },
        }


def _mean(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return fmean(present) if present else None


class _Tables:
    """Look-ups derived once per instrument (scoring runs thousands of times over one)."""

    def __init__(self, instrument: Instrument):
        self.channels = tuple(channel.code for channel in instrument.display.channels)
        self.product_values = {
            frozenset(row.statuses): row.value for row in instrument.display.product_values
        }
        self.yes = instrument.service_users.option_code("yes")
        self.no = instrument.service_users.option_code("no")


class _Scorer:
    """One scoring pass; collects reasons while computing values."""

    def __init__(self, instrument: Instrument, document: AssessmentDocument):
        self.instrument = instrument
        self.doc = document
        self.reasons: list[Reason] = []
        self.top = instrument.rating_scale.max
        self.tables = instrument.derived("scoring_tables", lambda: _Tables(instrument))

    def missing(self, code: str, target: str, message: str, **data: Any) -> None:
        self.reasons.append(Reason(code, target, message, data))

    # -- indicator values ----------------------------------------------------------------

    def rating(self, code: str) -> tuple[float | None, dict[str, float | None]]:
        answer = self.doc.answers.get(code)
        if answer is None or answer.value is None:
            self.missing("indicator_unanswered", code, f"{code} has no value yet")
            return None, {}
        return self.level(code, answer.value), {}

    def level(self, target: str, value: Any) -> float | None:
        """Return a recorded level, or None (with a reason) if it is not on the scale."""
        scale = self.instrument.rating_scale
        if isinstance(value, bool) or not isinstance(value, int | float):
            valid = False
        else:
            valid = scale.min <= value <= scale.max
        if not valid:
            self.missing(
                "invalid_value",
                target,
                f"{target}: {value!r} is not a level {scale.min}-{scale.max}",
                value=value,
            )
            return None
        return float(value)

    def sub_items(self, indicator: SubItemsIndicator) -> tuple[float | None, dict[str, Any]]:
        parts: dict[str, float | None] = {}
        for sub in indicator.sub_items:
            answer = self.doc.answers.get(sub.code)
            if answer is not None and answer.not_applicable:
                parts[sub.code] = None
                continue
            if answer is None or answer.value is None:
                self.missing("indicator_unanswered", sub.code, f"{sub.code} has no value yet")
                parts[sub.code] = None
                continue
            parts[sub.code] = self.level(sub.code, answer.value)
        return _mean(list(parts.values())), parts

    def role_item(self, indicator: RoleInterviewIndicator) -> tuple[float | None, dict[str, Any]]:
        parts: dict[str, float | None] = {}
        for role_code, role in sorted(self.doc.roles.items()):
            if not role.present:
                continue
            target = f"{role_code}:{indicator.code}"
            if indicator.recall is not None:
                raw: Any = role.recall.get(indicator.code)
                value = None if raw is None else indicator.recall.value_for(len(set(raw)))
            else:
                raw = role.ratings.get(indicator.code)
                value = None if raw is None else self.level(target, raw)
            if raw is None:
                self.missing(
                    "role_item_unanswered",
                    target,
                    f"{role_code} was not rated on {indicator.code}",
                    role=role_code,
                )
            parts[role_code] = value
        if not parts and any(role.present is False for role in self.doc.roles.values()):
            self.missing(
                "indicator_no_value",
                indicator.code,
                f"{indicator.code}: no role was interviewed "
                "(mark it not applicable with a reason if that is right)",
            )
        return _mean(list(parts.values())), parts

    def display(self, indicator: DisplayIndicator) -> tuple[float | None, dict[str, Any]]:
        channels = self.tables.channels
        recorded = self.doc.display.get(indicator.code, {})
        parts: dict[str, float | None] = {}
        for number in range(1, len(self.doc.products) + 1):
            statuses = recorded.get(number, {})
            if all(statuses.get(ch) for ch in channels):
                pair = frozenset((statuses[channels[0]], statuses[channels[1]]))
                parts[f"P{number}"] = self.tables.product_values[pair]
            else:
                parts[f"P{number}"] = None
                lacking = [ch for ch in channels if not statuses.get(ch)]
                self.missing(
                    "display_unrecorded",
                    f"{indicator.code}:P{number}",
                    f"{indicator.code} product {number}: {', '.join(lacking)} not recorded",
                    product=number,
                    channels=lacking,
                )
        if not self.doc.products:
            self.missing(
                "indicator_unanswered", indicator.code, f"{indicator.code}: no product named"
            )
        return _mean(list(parts.values())), parts

    def service_user(self, indicator: ServiceUserIndicator) -> tuple[float | None, dict[str, Any]]:
        yes, no = self.tables.yes, self.tables.no
        answers = [
            user.answers.get(indicator.code) for user in self.doc.service_users if user.consent
        ]
        count_yes = answers.count(yes)
        count_no = answers.count(no)
        parts = {
            "yes": float(count_yes),
            "no": float(count_no),
            "dont_know": float(len(answers) - count_yes - count_no - answers.count(None)),
        }
        if count_yes + count_no == 0:
            self.missing(
                "indicator_no_value",
                indicator.code,
                f"{indicator.code}: no service user answered Ya or Tidak "
                "(mark it not applicable with a reason if that is right)",
            )
            return None, parts
        return self.top * count_no / (count_yes + count_no), parts

    def indicator_value(self, dimension_code: str, indicator: Any) -> IndicatorValue:
        answer = self.doc.answers.get(indicator.code)
        if answer is not None and answer.not_applicable:
            return IndicatorValue(indicator.code, dimension_code, None, True, answer.na_reason)
        if isinstance(indicator, RatingIndicator):
            value, parts = self.rating(indicator.code)
        elif isinstance(indicator, SubItemsIndicator):
            value, parts = self.sub_items(indicator)
        elif isinstance(indicator, RoleInterviewIndicator):
            value, parts = self.role_item(indicator)
        elif isinstance(indicator, DisplayIndicator):
            value, parts = self.display(indicator)
        elif isinstance(indicator, ServiceUserIndicator):
            value, parts = self.service_user(indicator)
        else:  # pragma: no cover - the model admits no other kind
            raise TypeError(f"unknown indicator kind {type(indicator).__name__}")
        return IndicatorValue(indicator.code, dimension_code, value, parts=parts)

    # -- completeness rules that are not about one indicator -----------------------------

    def check_roles(self) -> None:
        for role_code in self.instrument.completeness.roles_required:
            role = self.doc.roles.get(role_code)
            if role is None or role.present is None:
                self.missing("role_missing", role_code, f"{role_code} not interviewed yet")
            elif not role.present and not role.absent_reason:
                self.missing(
                    "role_absent_without_reason",
                    role_code,
                    f"{role_code} marked not present without a reason",
                )

    def check_service_users(self, counted: int) -> None:
        minimum = self.instrument.completeness.service_users.minimum
        if counted < minimum:
            self.missing(
                "too_few_service_users",
                "service_users",
                f"{counted} service users answered; at least {minimum} are needed",
                counted=counted,
                minimum=minimum,
                lacking=minimum - counted,
            )

    def check_products(self) -> None:
        wanted = self.instrument.completeness.products_per_locus
        if len(self.doc.products) < wanted and not self.doc.products_reason:
            self.missing(
                "too_few_products",
                "products",
                f"{len(self.doc.products)} of {wanted} products named, and no reason given",
                named=len(self.doc.products),
                wanted=wanted,
            )


def dimension_score(instrument: Instrument, values: list[tuple[float, float]]) -> float | None:
    """Return 100/max × Σ w·v / Σ w over (weight, value) pairs, or None when there are none."""
    total_weight = sum(weight for weight, _ in values)
    if not values or total_weight == 0:
        return None
    weighted = sum(weight * value for weight, value in values)
    # Within 0-100 by definition; floating point can overshoot (100.00000000000001 for full
    # marks on weights such as 12.22), which a check of the range would then refuse.
    return min(100.0, max(0.0, 100 / instrument.rating_scale.max * weighted / total_weight))


def score_locus(instrument: Instrument, document: AssessmentDocument) -> LocusScore:
    """Score one assessment with the instrument it was made with."""
    if document.instrument_hash and document.instrument_hash != instrument.content_hash:
        raise ValueError(
            f"assessment {document.assessment_id} was made with instrument hash "
            f"{document.instrument_hash[:12]}…, not {instrument.content_hash[:12]}…"
        )
    scorer = _Scorer(instrument, document)
    indicators: dict[str, IndicatorValue] = {}
    dimensions: dict[str, DimensionScore] = {}
    for dimension in instrument.dimensions:
        pairs = []
        for indicator in dimension.indicators:
            result = scorer.indicator_value(dimension.code, indicator)
            indicators[indicator.code] = result
            if result.value is not None:
                pairs.append((indicator.weight, result.value))
        dimensions[dimension.code] = DimensionScore(
            code=dimension.code,
            weight=dimension.weight,
            score=dimension_score(instrument, pairs),
            valued=len(pairs),
            total=len(dimension.indicators),
        )
    counted = sum(
        1 for user in document.service_users if user.consent and any(user.answers.values())
    )
    scorer.check_roles()
    scorer.check_service_users(counted)
    scorer.check_products()
    scored = [d for d in dimensions.values() if d.score is not None]
    for d in dimensions.values():
        if d.score is None:
            scorer.missing("dimension_missing", d.code, f"dimension {d.code} has no score")
    score = None
    if scored:
        score = sum(d.weight * d.score for d in scored) / sum(d.weight for d in scored)  # type: ignore[operator]
    grade = grade_for(score, instrument.grade_scale) if score is not None else None
    deficiencies = [
        code
        for code, v in indicators.items()
        if v.value is not None and v.value < instrument.rating_scale.max
    ]
    return LocusScore(
        assessment_id=document.assessment_id,
        score=score,
        grade=grade,
        provisional=bool(scorer.reasons),
        reasons=scorer.reasons,
        dimensions=dimensions,
        indicators=indicators,
        deficiencies=deficiencies,
        service_users_counted=counted,
        service_users_target=instrument.completeness.service_users.target,
    )
