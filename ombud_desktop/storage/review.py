"""Review state read for many assessments at once: decisions, comments, closings, conflicts.

A list shows every assessment's review state, so each question here is one query over all
the assessments asked about (in chunks of 500 ids), never one per assessment.

Comments: the supervisor's per-indicator comments are rows of ``review_comments``; the general
comment is the assessment's ``review_comment`` field and is named by the change that wrote it
(a new return writes a new one, open again). A comment is closed by a row of
``comment_closings`` naming it (the assessor's fix or the supervisor), or by approval: nothing
of an approved assessment is open.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from ombud_desktop.storage.chunked import rows_in
from ombud_desktop.storage.workspace import Workspace


def _chunks(
    workspace: Workspace, sql: str, ids: Sequence[str] | None, where: str = "assessment_id"
) -> Iterator[tuple[Any, ...]]:
    """Run ``sql`` (with a ``{ids}`` place for a filter) over all, or over ``ids`` in chunks."""
    return rows_in(workspace, sql, ids, where)


def review_statuses(workspace: Workspace, ids: Sequence[str] | None) -> dict[str, str | None]:
    """Return each assessment's review decision (None, "approved" or "returned")."""
    sql = "SELECT id, review_status FROM assessments WHERE {ids}"
    return {r[0]: r[1] for r in _chunks(workspace, sql, ids, "id")}


def comments(workspace: Workspace, ids: Sequence[str] | None) -> list[dict[str, Any]]:
    """Return the review comments (general and per indicator) with who wrote them, and when.

    Each: assessment_id, id, indicator (None for the general comment), text, author, at.
    The general comment is listed only while the assessment is returned.
    """
    out = []
    general = (
        "SELECT a.id, c.id, c.author, c.at, a.review_comment FROM assessments a "
        "JOIN changes c ON c.seq = (SELECT max(seq) FROM changes WHERE assessment_id = a.id "
        "AND target = 'assessment' AND row_id = a.id AND field = 'review_comment') "
        "WHERE a.review_status = 'returned' AND coalesce(trim(a.review_comment), '') != '' "
        "AND {ids}"
    )
    for assessment_id, change_id, author, at, text in _chunks(workspace, general, ids, "a.id"):
        out.append(
            {"assessment_id": assessment_id, "id": change_id, "indicator": None,
             "text": text, "author": author, "at": at}
        )
    per_indicator = (
        "SELECT r.assessment_id, r.id, r.indicator, r.text, c.author, c.at "
        "FROM review_comments r LEFT JOIN changes c ON c.seq = (SELECT min(seq) FROM changes "
        "WHERE assessment_id = r.assessment_id AND target = 'review_comment' "
        "AND row_id = r.id) WHERE r.deleted_at IS NULL AND {ids} ORDER BY r.updated_at, r.id"
    )
    for assessment_id, row_id, indicator, text, author, at in _chunks(
        workspace, per_indicator, ids, "r.assessment_id"
    ):
        out.append(
            {"assessment_id": assessment_id, "id": row_id, "indicator": indicator,
             "text": text, "author": author, "at": at}
        )
    return out


def closings(workspace: Workspace, ids: Sequence[str] | None) -> list[dict[str, Any]]:
    """Return the closings of review comments: assessment_id, id, comment_id, note, author, at."""
    sql = (
        "SELECT k.assessment_id, k.id, k.comment_id, k.note, c.author, c.at "
        "FROM comment_closings k LEFT JOIN changes c ON c.seq = (SELECT min(seq) FROM changes "
        "WHERE assessment_id = k.assessment_id AND target = 'comment_closing' "
        "AND row_id = k.id) WHERE k.comment_id IS NOT NULL AND {ids} ORDER BY c.at, k.id"
    )
    keys = ("assessment_id", "id", "comment_id", "note", "author", "at")
    return [
        dict(zip(keys, row, strict=True))
        for row in _chunks(workspace, sql, ids, "k.assessment_id")
    ]


def approvals(workspace: Workspace, ids: Sequence[str] | None) -> dict[str, tuple[str, str]]:
    """Return, for each approved assessment, who approved it and when (the last decision)."""
    sql = (
        # From the approved assessments into the change log's cell index (CROSS JOIN keeps
        # that order), not a scan of the whole change log.
        "SELECT c.assessment_id, c.author, c.at FROM assessments a "
        "CROSS JOIN changes c ON c.assessment_id = a.id AND c.target = 'assessment' "
        "AND c.field = 'review_status' WHERE a.review_status = 'approved' AND {ids} "
        "ORDER BY c.seq"
    )
    return {r[0]: (r[1], r[2]) for r in _chunks(workspace, sql, ids, "c.assessment_id")}


def conflict_cells(
    workspace: Workspace, ids: Sequence[str] | None
) -> dict[str, list[tuple[str, str, str]]]:
    """Return each assessment's cells in open conflict (target, row id, field)."""
    sql = "SELECT assessment_id, target, row_id, field FROM conflicts WHERE {ids}"
    out: dict[str, list[tuple[str, str, str]]] = {}
    for assessment_id, target, row_id, field in _chunks(workspace, sql, ids):
        out.setdefault(assessment_id, []).append((target, row_id, field))
    return out


def pending_counts(workspace: Workspace, ids: Sequence[str] | None) -> dict[str, int]:
    """Return how many held changes wait for each assessment (state pending)."""
    sql = (
        "SELECT assessment_id, count(*) FROM pending_changes WHERE state = 'pending' "
        "AND {ids} GROUP BY assessment_id"
    )
    return {r[0]: r[1] for r in _chunks(workspace, sql, ids)}
