"""Rounding for scores (defined in the domain so light modules can use it without scoring)."""

from ombud_desktop.domain.rounding import format_score, round_half_up

__all__ = ["format_score", "round_half_up"]
