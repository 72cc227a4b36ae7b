"""What the scoring must read fresh every time: duplicates, open conflicts, held changes, review.

None of this is in the locus score cache: a conflict, a held change or a decision between two
duplicates changes nothing in an assessment's answers, yet changes what its score means.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from ombud_desktop.storage.workspace import Workspace


def locus_period_rows(
    workspace: Workspace, keys: Iterable[tuple[str, str]] | None = None
) -> list[dict[str, Any]]:
    """Return every non-deleted assessment with its locus, period and setting aside.

    ``keys``: only the assessments of these (locus id, period id) pairs.
    """
    sql = (
        "SELECT id, locus_id, period_id, set_aside_for, created_at FROM assessments "
        "WHERE deleted_at IS NULL AND locus_id IS NOT NULL"
    )
    rows = workspace.db.execute(sql + " ORDER BY locus_id, period_id, created_at, id")
    wanted = None if keys is None else set(keys)
    names = ("id", "locus_id", "period_id", "set_aside_for", "created_at")
    return [
        dict(zip(names, r, strict=True))
        for r in rows
        if wanted is None or (r[1], r[2]) in wanted
    ]


def open_conflict_cells(workspace: Workspace) -> dict[str, list[tuple[str, str, str]]]:
    """Return, per assessment, its cells in open conflict (target, row id, field)."""
    out: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    rows = workspace.db.execute(
        "SELECT assessment_id, target, row_id, field FROM conflicts "
        "ORDER BY assessment_id, target, row_id, field"
    )
    for assessment_id, target, row_id, field in rows:
        out[assessment_id].append((target, row_id, field))
    return dict(out)


def pending_counts(workspace: Workspace) -> dict[str, int]:
    """Return, per assessment, how many held changes wait for the supervisor."""
    rows = workspace.db.execute(
        "SELECT assessment_id, COUNT(*) FROM pending_changes WHERE state = 'pending' "
        "GROUP BY assessment_id"
    )
    return {r[0]: r[1] for r in rows}


def review_statuses(workspace: Workspace) -> dict[str, str]:
    """Return the review decision of every assessment that has one."""
    rows = workspace.db.execute(
        "SELECT id, review_status FROM assessments WHERE review_status IS NOT NULL"
    )
    return {r[0]: r[1] for r in rows}
