"""What a scored locus leaves in the locus score cache, and the list fields read back from it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ombud_desktop.storage.score_cache import CachedLocus, ZoneWords

if TYPE_CHECKING:  # a list read from the cache needs neither instruments nor scoring
    from ombud_desktop.instruments.model import Instrument
    from ombud_desktop.scoring import LocusScore


def progress_of(result: LocusScore) -> float:
    """Return the share 0..1 of indicators that have a value or are marked not applicable."""
    if not result.indicators:
        return 0.0
    done = sum(1 for v in result.indicators.values() if v.value is not None or v.not_applicable)
    return done / len(result.indicators)


def cache_entry(row: Mapping[str, Any], result: LocusScore) -> tuple[Any, ...]:
    """Return the cache entry of an assessment row just scored (with the list's fields)."""
    grade = result.grade
    return (
        row["id"],
        row["updated_at"],
        row["instrument_hash"],
        result.score,
        result.provisional,
        progress_of(result),
        len(result.reasons),
        grade.grade if grade else None,
        grade.zone if grade else None,
    )


def fresh(row: Mapping[str, Any], hit: CachedLocus | None) -> bool:
    """Return True when a cached entry still holds for this assessment row."""
    return (
        hit is not None
        and hit.updated_at == row["updated_at"]
        and hit.instrument_hash == row["instrument_hash"]
    )


def zone_words(instrument: Instrument) -> dict[str, ZoneWords]:
    """Return the instrument's zones by code: label (Indonesian, English) and colour."""
    return {
        z.code: ZoneWords(z.label.id, z.label.en, z.colour) for z in instrument.grade_scale.zones
    }


def list_fields(zones: Mapping[str, ZoneWords], hit: CachedLocus) -> dict[str, Any]:
    """Return the home list's scored fields of a cached locus (zone words from its instrument)."""
    zone = zones.get(hit.zone) if hit.zone else None
    return {
        "progress": hit.progress,
        "score": hit.score,
        "grade": hit.grade,
        "zone": hit.zone,
        "zone_label": {"id": zone.id, "en": zone.en} if zone else None,
        "zone_colour": zone.colour if zone else None,
        "provisional": hit.provisional,
        "missing": hit.missing,
    }


def result_fields(
    instrument: Instrument, row: Mapping[str, Any], result: LocusScore
) -> dict[str, Any]:
    """Return the home list's scored fields of a locus just scored."""
    return list_fields(zone_words(instrument), CachedLocus(*cache_entry(row, result)[1:]))
