"""Read the locus score cache with what the home list shows: progress, grade and zone too.

The cache is derived (never exchanged) and keyed by each assessment's ``updated_at`` and
instrument; ``Workspace.cache_locus_scores`` writes it. Rows cached before migration 0019
carry no list fields and are left out here, so the list scores them once more.
"""

from __future__ import annotations

import json
from typing import NamedTuple

from ombud_desktop.storage.workspace import Workspace


class CachedLocus(NamedTuple):
    """One assessment's cached locus score with the home list's fields."""

    updated_at: str
    instrument_hash: str
    score: float | None
    provisional: bool
    progress: float
    missing: int
    grade: str | None
    zone: str | None


class ZoneWords(NamedTuple):
    """A zone's label (Indonesian, English) and display colour, as its instrument gives them."""

    id: str
    en: str
    colour: str


def stored_zone_words(workspace: Workspace, instrument_hash: str) -> dict[str, ZoneWords]:
    """Return the zones of a stored instrument by code, read without parsing the instrument.

    The home list shows cached rows with their zone's words; parsing the whole instrument
    (pydantic) only for them would cost the app's start more than the list itself.
    """
    row = workspace.db.execute(
        "SELECT json_extract(document, '$.grade_scale.zones') FROM instruments WHERE hash = ?",
        [instrument_hash],
    ).fetchone()
    zones = json.loads(row[0]) if row and row[0] else []
    return {
        z["code"]: ZoneWords(z["label"]["id"], z["label"]["en"], z["colour"]) for z in zones
    }


def cached_list_scores(
    workspace: Workspace, *, period: str | None = None
) -> dict[str, CachedLocus]:
    """Return assessment id -> its cached score with list fields (where they are known).

    ``period``: only that period's assessments (a decade's other years are not read).
    """
    where, params = _of_period(period)
    rows = workspace.db.execute(
        "SELECT assessment_id, updated_at, instrument_hash, score, provisional, progress, "
        f"missing, grade, zone FROM locus_score_cache WHERE progress IS NOT NULL {where}",
        params,
    )
    return {
        r[0]: CachedLocus(r[1], r[2], r[3], bool(r[4]), r[5], r[6] or 0, r[7], r[8])
        for r in rows
    }


def cached_period_scores(
    workspace: Workspace, period: str | None
) -> dict[str, tuple[str, str, float | None, bool]]:
    """Return ``Workspace.cached_locus_scores`` of one period's assessments (all if None)."""
    if period is None:
        return workspace.cached_locus_scores()
    where, params = _of_period(period, "WHERE")
    rows = workspace.db.execute(
        "SELECT assessment_id, updated_at, instrument_hash, score, provisional "
        f"FROM locus_score_cache {where}",
        params,
    )
    return {r[0]: (r[1], r[2], r[3], bool(r[4])) for r in rows}


def _of_period(period: str | None, keyword: str = "AND") -> tuple[str, tuple[str, ...]]:
    # From the period's assessments (their index) into the cache's primary key.
    if period is None:
        return "", ()
    return (
        f"{keyword} assessment_id IN (SELECT id FROM assessments WHERE period_id = ?)",
        (period,),
    )
