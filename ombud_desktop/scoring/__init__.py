"""Scoring: pure functions from an instrument and raw answers to scores, grades and ranks."""

from ombud_desktop.scoring.entity import (
    Correction,
    EntityReason,
    EntityScore,
    LocusResult,
    PreviousResult,
    RankScope,
    competition_ranks,
    rank_entities,
    score_entity,
)
from ombud_desktop.scoring.grading import Grade, band_for, grade_for
from ombud_desktop.scoring.locus import LocusScore, Reason, score_locus
from ombud_desktop.scoring.rounding import format_score, round_half_up

__all__ = [
    "Correction",
    "EntityReason",
    "EntityScore",
    "Grade",
    "LocusResult",
    "LocusScore",
    "PreviousResult",
    "RankScope",
    "Reason",
    "band_for",
    "competition_ranks",
    "format_score",
    "grade_for",
    "rank_entities",
    "round_half_up",
    "score_entity",
    "score_locus",
]
