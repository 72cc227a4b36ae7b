"""Each assessment's review state, as lists and scores show it (issue 14).

One function for every place that shows it (``ombud assessments list --json``, the app's
assessment list, the loci of ``ombud score --json``): the supervisor's decision, how many of
the supervisor's comments are still open, the cells in open conflict and how many changes wait
for the supervisor. It reads a handful of queries for all the assessments asked about, never
one per assessment, because a list of a whole season asks for hundreds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ombud_desktop.domain.keys import response_key_indicator
from ombud_desktop.storage import review as store
from ombud_desktop.storage.workspace import Workspace


@dataclass(frozen=True)
class ReviewState:
    """One assessment's review state."""

    review: str | None  # None (not reviewed), "approved" or "returned"
    open_comments: int = 0
    open_conflicts: tuple[str, ...] = ()  # cells, named by conflict_cell_name ("IN07")
    pending_changes: int = 0  # changes that arrived after approval, waiting

    @property
    def conflict_indicators(self) -> tuple[str, ...]:
        """Return the indicator codes of the answers in open conflict (``IN07``), sorted."""
        codes = {
            response_key_indicator(name.partition(".")[0])
            for name in self.open_conflicts
            if not name.startswith(_NOT_RESPONSE)
        }
        return tuple(sorted(codes))

    def to_json(self) -> dict[str, Any]:
        """Return the state as ``assessments list --json`` carries it."""
        return {
            "review": self.review,
            "open_comments": self.open_comments,
            "open_conflicts": list(self.open_conflicts),
            "pending_changes": self.pending_changes,
        }


_NOT_RESPONSE = ("assessment.", "respondent.", "evidence.", "note.", "review_comment.",
                 "comment_closing.")


def conflict_cell_name(cell: tuple[str, str, str]) -> str:
    """Return a cell in open conflict as one short name.

    An answer by its response key (``IN07``, ``IN02@R1``), with the field when it is not the
    value (``IN07.na_reason``); an assessment field as ``assessment.status``; any other row
    as ``target.row.field``.
    """
    target, row_id, field = cell
    if target == "response":
        return row_id if field == "value" else f"{row_id}.{field}"
    if target == "assessment":
        return f"assessment.{field}"
    return f"{target}.{row_id}.{field}"


def open_comment_ids(
    comments: Iterable[dict[str, Any]],
    closings: Iterable[dict[str, Any]],
    reviews: dict[str, str | None],
) -> set[str]:
    """Return the ids of the comments still open: not closed, of an assessment not approved."""
    closed = {(k["assessment_id"], k["comment_id"]) for k in closings}
    return {
        c["id"]
        for c in comments
        if (c["assessment_id"], c["id"]) not in closed
        and reviews.get(c["assessment_id"]) != "approved"
    }


def open_counts(
    workspace: Workspace, assessment_ids: Iterable[str] | None = None
) -> dict[str, tuple[int, int]]:
    """Return (open comments, pending changes) of each assessment that has either.

    The home list's two review columns, without the rest of a ReviewState per assessment
    (a national year is 4,200 rows at every start; most have neither).
    """
    ids = None if assessment_ids is None else list(assessment_ids)
    comments = store.comments(workspace, ids)
    pending = store.pending_counts(workspace, ids)
    counted: dict[str, int] = {}
    if comments:
        reviews = store.review_statuses(workspace, ids)
        still_open = open_comment_ids(comments, store.closings(workspace, ids), reviews)
        for comment in comments:
            if comment["id"] in still_open:
                counted[comment["assessment_id"]] = counted.get(comment["assessment_id"], 0) + 1
    return {
        aid: (counted.get(aid, 0), pending.get(aid, 0))
        for aid in counted.keys() | {aid for aid, n in pending.items() if n}
    }


def review_states(
    workspace: Workspace, assessment_ids: Iterable[str] | None = None
) -> dict[str, ReviewState]:
    """Return the review state of each assessment (of all when ``assessment_ids`` is None)."""
    ids = None if assessment_ids is None else list(assessment_ids)
    reviews = store.review_statuses(workspace, ids)
    comments = store.comments(workspace, ids)
    still_open = open_comment_ids(comments, store.closings(workspace, ids), reviews)
    counted: dict[str, int] = {}
    for comment in comments:
        if comment["id"] in still_open:
            counted[comment["assessment_id"]] = counted.get(comment["assessment_id"], 0) + 1
    conflicts = store.conflict_cells(workspace, ids)
    pending = store.pending_counts(workspace, ids)
    return {
        assessment_id: ReviewState(
            review=review,
            open_comments=counted.get(assessment_id, 0),
            open_conflicts=tuple(
                sorted({conflict_cell_name(c) for c in conflicts.get(assessment_id, [])})
            ),
            pending_changes=pending.get(assessment_id, 0),
        )
        for assessment_id, review in reviews.items()
    }
