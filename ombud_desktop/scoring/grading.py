"""Grade, zone and opinion from a score, with an optional cap on the grade."""

from __future__ import annotations

from dataclasses import dataclass

from ombud_desktop.instruments.model import GradeBand, GradeScale
from ombud_desktop.scoring.rounding import round_half_up


@dataclass(frozen=True)
class Grade:
    """The grade of a rounded score on a scale; ``capped`` when a correction lowered it."""

    score: float
    grade: str | None
    zone: str
    opinion_id: str | None
    opinion_en: str | None
    capped: bool = False

    def to_json(self) -> dict[str, object]:
        """Return the grade as JSON data."""
        return {
            "score": self.score,
            "grade": self.grade,
            "zone": self.zone,
            "opinion": {"id": self.opinion_id, "en": self.opinion_en},
            "capped": self.capped,
        }


def band_for(score: float, scale: GradeScale) -> GradeBand:
    """Return the band of ``score`` after half-up rounding (lower bounds are inclusive)."""
    rounded = round_half_up(score)
    for band in scale.bands:
        if rounded >= band.min:
            return band
    return scale.bands[-1]


def grade_for(score: float, scale: GradeScale, cap: str | None = None) -> Grade:
    """Return the grade of ``score``; ``cap`` ("C") is the best grade allowed, if any."""
    band = band_for(score, scale)
    capped = False
    if cap is not None:
        order = [b.grade for b in scale.bands]
        if cap not in order:
            raise ValueError(f"grade cap {cap!r} is not a grade of scale {scale.id}")
        if order.index(band.grade) < order.index(cap):
            band = scale.bands[order.index(cap)]
            capped = True
    return Grade(
        score=round_half_up(score),
        grade=band.grade,
        zone=band.zone,
        opinion_id=band.opinion.id if band.opinion else None,
        opinion_en=band.opinion.en if band.opinion else None,
        capped=capped,
    )
