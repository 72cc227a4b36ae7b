"""The home list's rows: one plain dict per assessment, read and scored on the store thread.

The review states come straight from storage: services.merge brings the package importer and
its cryptography, which the home list (the app's first screen) does not need.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ombud_desktop.services.review_state import open_counts
from ombud_desktop.services.score_cache import (
    cache_entry,
    fresh,
    list_fields,
    result_fields,
)
from ombud_desktop.storage.documents import iter_documents, load_document
from ombud_desktop.storage.imports import review_overview
from ombud_desktop.storage.locus_state import assessment_periods, period_order
from ombud_desktop.storage.score_cache import (
    CachedLocus,
    ZoneWords,
    cached_list_scores,
    stored_zone_words,
)
from ombud_desktop.storage.workspace import Workspace

# Below this many changed assessments, reading documents one by one beats a full bulk read.
_SINGLE_READ_LIMIT = 200

# What a row takes over from the last load when its assessment has not changed since.
_SCORED_FIELDS = (
    "progress",
    "score",
    "grade",
    "zone",
    "zone_label",
    "zone_colour",
    "provisional",
    "missing",
)

# Review fields of a row that was never reviewed and has no conflicts.
_REVIEW_NONE = {"review": None, "review_by": None, "review_at": None, "conflicts": 0,
                "open_comments": 0, "pending_changes": 0}


def _describe(row: tuple[Any, ...]) -> dict[str, Any]:
    # One of Workspace.list_rows: id, entity, category, province, locus, locus type, period,
    # status, deleted_at, updated_at, instrument hash.
    return {
        "id": row[0],
        "entity": row[1],
        "category": row[2],
        "province": row[3],
        "locus": row[4],
        "locus_type": row[5],
        "period": row[6],
        "status": row[7] or "draft",
        "deleted": bool(row[8]),
        "updated_at": row[9],
        "instrument_hash": row[10],
    }


def _unchanged(row: Mapping[str, Any], before: Mapping[str, Any] | None) -> bool:
    return (
        before is not None
        and before.get("updated_at") == row["updated_at"]
        and before.get("instrument_hash") == row["instrument_hash"]
    )


def assessment_rows(
    workspace: Workspace,
    include_deleted: bool,
    previous: Mapping[str, Mapping[str, Any]] | None = None,
    *,
    period: str | None = None,
) -> list[dict[str, Any]]:
    """Return one plain dict per assessment, in display order (runs on the store thread).

    ``previous`` maps assessment ids to rows of an earlier load: an assessment whose
    ``updated_at`` has not moved since keeps its score instead of being read and scored again,
    so refreshing a national workspace after one change takes milliseconds, not seconds. The
    others take their score, grade and progress from the locus score cache where it holds for
    their ``updated_at`` (so the first load at start reads, not scores); only what neither
    knows is read and scored now, and then cached. ``period``: that period's rows only (the
    other years of a decade are not read).
    """
    previous = previous or {}
    listed = workspace.list_rows(include_deleted=include_deleted, period=period)
    out = [_describe(r) for r in listed]
    reviews = review_overview(workspace, period)
    counts = open_counts(workspace, None if period is None else [r["id"] for r in out])
    cached: dict[str, CachedLocus] | None = None  # read when a row first needs it
    stale: dict[str, dict[str, Any]] = {}
    zones: dict[str, dict[str, ZoneWords]] = {}
    # One pass, a few dict updates per row: a national year is 4,200 rows at every start.
    for item in out:
        aid = item["id"]
        item.update(_REVIEW_NONE)
        review = reviews.get(aid)
        if review:
            item.update(review)
        count = counts.get(aid)
        if count:
            item["open_comments"], item["pending_changes"] = count
        before = previous.get(aid)
        if before is not None and _unchanged(item, before):
            item.update({key: before[key] for key in _SCORED_FIELDS})
            continue
        if cached is None:
            cached = cached_list_scores(workspace, period=period)
        hit = cached.get(aid)
        if fresh(item, hit):
            known = item["instrument_hash"]
            if known not in zones:
                zones[known] = stored_zone_words(workspace, known)
            item.update(list_fields(zones[known], hit))  # type: ignore[arg-type]
        else:
            stale[aid] = item
    if stale:  # only rows the cache does not know are scored (instruments, scoring load now)
        scored: dict[str, dict[str, Any]] = {}
        workspace.cache_locus_scores(_score(workspace, include_deleted, stale, scored))
        for aid, fields in scored.items():
            stale[aid].update(fields)
    return out


def _score(
    workspace: Workspace,
    include_deleted: bool,
    stale: Mapping[str, Mapping[str, Any]],
    scored: dict[str, dict[str, Any]],
) -> list[tuple[Any, ...]]:
    """Score the ``stale`` rows into ``scored``; return their new cache entries."""
    from ombud_desktop.scoring import score_locus

    if len(stale) > _SINGLE_READ_LIMIT:
        documents = iter_documents(workspace, include_deleted=include_deleted, ids=stale)
    else:
        documents = ((row, load_document(workspace, aid)) for aid, row in stale.items())
    entries = []
    for row, document in documents:
        instrument = workspace.instrument(row["instrument_hash"])
        result = score_locus(instrument, document)
        scored[row["id"]] = result_fields(instrument, row, result)
        entries.append(cache_entry(row, result))
    return entries


@dataclass(frozen=True)
class HomeList:
    """The home list of one period (or of all): its rows and the periods one may choose."""

    periods: list[str]  # every period holding an assessment (the trash too), newest first
    period: str | None  # the period of ``rows``; None: every period
    rows: list[dict[str, Any]]


def home_list(
    workspace: Workspace,
    include_deleted: bool,
    previous: Mapping[str, Mapping[str, Any]] | None = None,
    *,
    period: str | None = None,
    every_period: bool = False,
) -> HomeList:
    """Return the home list's rows of ``period`` (default: the newest), or of every period.

    A workspace keeping every year (a decade at Pusat) opens on its newest year, so the list's
    cost does not grow with the years; the others are read when chosen.
    """
    periods = sorted(assessment_periods(workspace), key=period_order, reverse=True)
    if every_period:
        chosen = None
    elif period in periods:
        chosen = period
    else:  # none chosen yet, or the period chosen has no assessment left
        chosen = periods[0] if periods else None
    return HomeList(
        periods=periods,
        period=chosen,
        rows=assessment_rows(workspace, include_deleted, previous, period=chosen),
    )
