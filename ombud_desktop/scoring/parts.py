"""An entity's score made of weighted parts: field dimensions, secondary data, public trust.

The instrument's ``score`` section (METHODOLOGY §7) says which parts there are and how much
each weighs; this module holds no number of its own. A part's value is on 0-100:

- ``field``: the score of the field-answered dimensions (a locus score, or the mean of them);
- ``secondary``: Σ w·v / Σ w over its secondary-data indicators that have a value;
- ``trust``: the public-trust survey's score;
- ``group``: Σ w·v / Σ w over its parts that have a value.

A part without a value is left out of its group's mean, like a dimension without a score, and is
named as missing so that the entity stays provisional.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import fmean
from typing import Any

from ombud_desktop.instruments.model import EntityScoreRule, Qualifier, ScorePart
from ombud_desktop.scoring.inputs import EntityInputs
from ombud_desktop.scoring.rounding import round_half_up


@dataclass(frozen=True)
class PartValue:
    """One part of an entity's score: its weight as written, its share of the whole, its value."""

    code: str
    kind: str
    title_id: str
    title_en: str
    weight: float
    share: float  # the part's weight in the total score, 0-1 (weights of nested parts multiplied)
    value: float | None
    parent: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Return the part as JSON data (value rounded half-up to 2 decimals)."""
        return {
            "code": self.code,
            "kind": self.kind,
            "title": {"id": self.title_id, "en": self.title_en},
            "weight": self.weight,
            "share": self.share,
            "value": None if self.value is None else round_half_up(self.value),
            "value_exact": self.value,
            "parent": self.parent,
        }


@dataclass(frozen=True)
class PartsResult:
    """The score the parts make, each part's value, and the parts that have no value."""

    score: float | None
    parts: tuple[PartValue, ...]
    missing: tuple[str, ...]  # codes of parts and secondary indicators without a value


def part_value(part: ScorePart, field: float | None, inputs: EntityInputs) -> float | None:
    """Return the value (0-100) of one part from the field score and the entity's inputs."""
    if part.kind == "field":
        return field
    if part.kind == "trust":
        return None if inputs.trust is None else inputs.trust.score
    if part.kind == "secondary":
        pairs = [
            (indicator.weight, inputs.secondary[indicator.code].value)
            for indicator in part.indicators
            if indicator.code in inputs.secondary
        ]
    else:
        pairs = [(inner.weight, part_value(inner, field, inputs)) for inner in part.parts]
    return _weighted([(w, v) for w, v in pairs if v is not None])


def _weighted(pairs: list[tuple[float, float]]) -> float | None:
    total = sum(weight for weight, _ in pairs)
    return sum(weight * value for weight, value in pairs) / total if pairs else None


def score_from_parts(
    rule: EntityScoreRule, field_scores: list[float], inputs: EntityInputs
) -> PartsResult:
    """Return the score made of the rule's parts.

    ``field_scores``: the field scores of the entity's counted loci. At ``level: entity`` the
    parts take their mean; at ``level: locus`` each locus is combined with the entity's inputs
    and the results are averaged.
    """
    field = fmean(field_scores) if field_scores else None
    if rule.level == "locus" and field_scores:
        per_locus = [_weighted_top(rule, score, inputs) for score in field_scores]
        known = [value for value in per_locus if value is not None]
        score = fmean(known) if known else None
    else:
        score = _weighted_top(rule, field, inputs) if field is not None else None
    values = _values(rule.parts, field, inputs, share=1.0, parent=None)
    # A part without a value is named; a group without one is named through its parts, and
    # a secondary indicator only when its part has a value from the others.
    missing = [v.code for v in values if v.value is None and v.kind != "group"]
    known = {v.code for v in values if v.value is not None}
    for part in rule.all_parts():
        if part.code in known:
            missing += [i.code for i in part.indicators if i.code not in inputs.secondary]
    return PartsResult(score, tuple(values), tuple(dict.fromkeys(missing)))


def _weighted_top(rule: EntityScoreRule, field: float, inputs: EntityInputs) -> float | None:
    pairs = [(part.weight, part_value(part, field, inputs)) for part in rule.parts]
    return _weighted([(w, v) for w, v in pairs if v is not None])


def _values(
    parts: list[ScorePart], field: float | None, inputs: EntityInputs, *, share: float,
    parent: str | None,
) -> list[PartValue]:
    total = sum(part.weight for part in parts)
    out = []
    for part in parts:
        own = share * part.weight / total
        out.append(
            PartValue(
                code=part.code,
                kind=part.kind,
                title_id=part.title.id,
                title_en=part.title.en,
                weight=part.weight,
                share=own,
                value=part_value(part, field, inputs),
                parent=parent,
            )
        )
        out += _values(part.parts, field, inputs, share=own, parent=part.code)
    return out


def qualifier_applies(
    qualifier: Qualifier | None, inputs: EntityInputs, grade: str | None
) -> bool:
    """Return True when the opinion takes the qualifier's words (its input is as it says)."""
    if qualifier is None or (grade is None and qualifier.grades is not None):
        return False
    if getattr(inputs, qualifier.input) is not qualifier.when:
        return False
    return qualifier.grades is None or grade in qualifier.grades
