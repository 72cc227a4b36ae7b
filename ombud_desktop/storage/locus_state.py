"""What the scoring must read fresh every time: duplicates, open conflicts, held changes, review.

None of this is in the locus score cache: a conflict, a held change or a decision between two
duplicates changes nothing in an assessment's answers, yet changes what its score means.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from ombud_desktop.storage.chunked import rows_in
from ombud_desktop.storage.workspace import Workspace

# Each function takes ``period``: only that period's assessments are read (through the index
# of assessments by period), so scoring one year of a decade reads one year's states. A
# duplicate is one of two assessments of the same locus in the same period, so a period's
# standings need no other period.
_OF_PERIOD = "SELECT id FROM assessments WHERE period_id = ?"


def period_order(period: str) -> tuple[int, int, str]:
    """Return a key that sorts periods in time: years as numbers, any other id after them."""
    return (0, int(period), "") if period.isdigit() else (1, 0, period)


def locus_period_rows(
    workspace: Workspace,
    keys: Iterable[tuple[str, str]] | None = None,
    *,
    period: str | None = None,
) -> list[dict[str, Any]]:
    """Return every non-deleted assessment with its locus, period and setting aside.

    ``keys``: only the assessments of these (locus id, period id) pairs.
    """
    sql = (
        "SELECT id, locus_id, period_id, set_aside_for, created_at FROM assessments "
        "WHERE deleted_at IS NULL AND locus_id IS NOT NULL"
    )
    params: tuple[str, ...] = ()
    if period is not None:
        sql += " AND period_id = ?"
        params = (period,)
    rows = workspace.db.execute(sql + " ORDER BY locus_id, period_id, created_at, id", params)
    wanted = None if keys is None else set(keys)
    names = ("id", "locus_id", "period_id", "set_aside_for", "created_at")
    return [
        dict(zip(names, r, strict=True))
        for r in rows
        if wanted is None or (r[1], r[2]) in wanted
    ]


def rows_beside(workspace: Workspace, ids: Iterable[str]) -> list[dict[str, Any]]:
    """Return the rows of :func:`locus_period_rows` that share a locus and period with ``ids``.

    Read through the ids and the index of assessments by (locus, period): what an import
    reads to name duplicates grows with the package, never with the years the workspace holds
    (reading every assessment per package made a merge into a decade ten times slower).
    """
    names = ("id", "locus_id", "period_id", "set_aside_for", "created_at")
    rows = rows_in(
        workspace,
        "SELECT id, locus_id, period_id, set_aside_for, created_at FROM assessments "
        "WHERE deleted_at IS NULL AND locus_id IS NOT NULL AND (locus_id, period_id) IN ("
        "SELECT locus_id, period_id FROM assessments WHERE deleted_at IS NULL "
        "AND locus_id IS NOT NULL AND {ids})",
        sorted(set(ids)),
        "id",
    )
    out = [dict(zip(names, r, strict=True)) for r in rows]
    unique = {row["id"]: row for row in out}
    return sorted(
        unique.values(),
        key=lambda r: (r["locus_id"], r["period_id"], r["created_at"], r["id"]),
    )


def open_conflict_cells(
    workspace: Workspace, *, period: str | None = None
) -> dict[str, list[tuple[str, str, str]]]:
    """Return, per assessment, its cells in open conflict (target, row id, field)."""
    out: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    where, params = _period_filter(period)
    rows = workspace.db.execute(
        f"SELECT assessment_id, target, row_id, field FROM conflicts {where}"
        "ORDER BY assessment_id, target, row_id, field",
        params,
    )
    for assessment_id, target, row_id, field in rows:
        out[assessment_id].append((target, row_id, field))
    return dict(out)


def pending_counts(workspace: Workspace, *, period: str | None = None) -> dict[str, int]:
    """Return, per assessment, how many held changes wait for the supervisor."""
    where, params = _period_filter(period, "AND ")
    rows = workspace.db.execute(
        "SELECT assessment_id, COUNT(*) FROM pending_changes WHERE state = 'pending' "
        f"{where}GROUP BY assessment_id",
        params,
    )
    return {r[0]: r[1] for r in rows}


def review_statuses(workspace: Workspace, *, period: str | None = None) -> dict[str, str]:
    """Return the review decision of every assessment that has one."""
    sql = "SELECT id, review_status FROM assessments WHERE review_status IS NOT NULL"
    params: tuple[str, ...] = ()
    if period is not None:
        sql += " AND period_id = ?"
        params = (period,)
    return {r[0]: r[1] for r in workspace.db.execute(sql, params)}


def states_of(
    workspace: Workspace, ids: Iterable[str]
) -> tuple[dict[str, str], dict[str, list[tuple[str, str, str]]], dict[str, int]]:
    """Return the review decisions, open conflict cells and held-change counts of these ids.

    What :func:`review_statuses`, :func:`open_conflict_cells` and :func:`pending_counts` give
    for them, read by id: an entity's previous result needs its own assessments' states, not
    those of the whole earlier year (in a decade, a year's entities have theirs in several).
    """
    wanted = list(dict.fromkeys(ids))
    reviews = {
        r[0]: r[1]
        for r in rows_in(
            workspace,
            "SELECT id, review_status FROM assessments WHERE {ids} AND review_status IS NOT NULL",
            wanted,
            "id",
        )
    }
    conflicts: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for assessment_id, target, row_id, field in sorted(
        rows_in(
            workspace,
            "SELECT assessment_id, target, row_id, field FROM conflicts WHERE {ids}",
            wanted,
            "assessment_id",
        )
    ):
        conflicts[assessment_id].append((target, row_id, field))
    pending = {
        r[0]: r[1]
        for r in rows_in(
            workspace,
            "SELECT assessment_id, COUNT(*) FROM pending_changes WHERE state = 'pending' "
            "AND {ids} GROUP BY assessment_id",
            wanted,
            "assessment_id",
        )
    }
    return reviews, dict(conflicts), pending


def held_entity_periods(
    workspace: Workspace, entity_ids: Iterable[str]
) -> set[tuple[str, str]]:
    """Return the (entity id, period id) pairs these entities have a non-deleted assessment in.

    What ``Workspace.assessment_rows`` would list for them, without reading their rows.
    """
    rows = rows_in(
        workspace,
        "SELECT DISTINCT e.id, a.period_id FROM entities e "
        "JOIN loci l ON l.entity_id = e.id JOIN assessments a ON a.locus_id = l.id "
        "WHERE a.deleted_at IS NULL AND {ids}",
        entity_ids,
        "e.id",
    )
    return {(r[0], r[1]) for r in rows}


def entity_assessment_ids(
    workspace: Workspace, entity_ids: str | Iterable[str], *, period: str | None = None
) -> list[str]:
    """Return the ids of these entities' non-deleted assessments (of ``period``, or all)."""
    wanted = [entity_ids] if isinstance(entity_ids, str) else list(dict.fromkeys(entity_ids))
    sql = (
        "SELECT a.id FROM loci l JOIN assessments a ON a.locus_id = l.id "
        "WHERE {ids} AND a.deleted_at IS NULL"
    )
    if period is not None:
        sql += " AND a.period_id = ?"
    after = () if period is None else (period,)
    return [r[0] for r in rows_in(workspace, sql, wanted, "l.entity_id", after)]


def assessment_periods(workspace: Workspace) -> set[str]:
    """Return the periods holding an assessment (deleted ones too), from their index."""
    return {r[0] for r in workspace.db.execute("SELECT DISTINCT period_id FROM assessments")}


def decided_reviews(workspace: Workspace, ids: Iterable[str]) -> dict[str, str]:
    """Return the review decision of these assessments, as ``review_overview`` gives it.

    A decision counts when the change log holds it (as in the list's review column).
    """
    rows = rows_in(
        workspace,
        "SELECT a.id, a.review_status FROM assessments a "
        "WHERE {ids} AND a.review_status IS NOT NULL AND EXISTS ("
        "SELECT 1 FROM changes c WHERE c.assessment_id = a.id "
        "AND c.target = 'assessment' AND c.field = 'review_status')",
        ids,
        "a.id",
    )
    return {r[0]: r[1] for r in rows}


def _period_filter(period: str | None, keyword: str = "WHERE ") -> tuple[str, tuple[str, ...]]:
    """Return a filter on ``assessment_id`` to the assessments of ``period`` (none if None)."""
    if period is None:
        return "", ()
    return f"{keyword}assessment_id IN ({_OF_PERIOD}) ", (period,)
