"""Rounding as the methodology prescribes: half-up to 2 decimals, for display and grading."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

_NOISE = Decimal("1e-9")
_CENT = Decimal("0.01")


def round_half_up(value: float, places: int = 2) -> float:
    """Round ``value`` half-up (77.005 -> 77.01), ignoring binary floating-point noise.

    Scores are computed in binary floating point, so a mathematically exact 93.2775 may be
    stored as 93.27749999999999. Snapping to 9 decimals first removes that noise; only then
    is the half-up rule applied.
    """
    step = _CENT if places == 2 else Decimal(1).scaleb(-places)
    snapped = Decimal(repr(value)).quantize(_NOISE, rounding=ROUND_HALF_EVEN)
    return float(snapped.quantize(step, rounding=ROUND_HALF_UP))


def format_score(value: float | None) -> str:
    """Return a score as text with exactly two decimals (dot-decimal), or '–' when missing."""
    if value is None:
        return "–"
    return f"{round_half_up(value):.2f}"
