"""The supervisor's review comments: open until closed, by the assessor's fix or the supervisor.

A comment (general, or on one indicator) is written when the supervisor returns an assessment.
It is closed by a closing: a change record of its own (target ``comment_closing``) that names
the comment and may carry a short answer ("foto sudah diganti"). The assessor closes a comment
once it is fixed; the supervisor may close any. A closing travels in packages like any change:
the assessor of the entity's province may make one (packages/authority.py). Approving closes
every comment still open: nothing of an approved assessment is open, so an assessor's closing
that arrives after approval is kept (it changes no score, and never waits as pending) but opens
or closes nothing. When an approved
assessment is returned again, its old comments are closed (by the supervisor) so that only the
new return's comments are open.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ombud_desktop.domain.ids import matches, short_id
from ombud_desktop.errors import NotFoundError, ValidationError
from ombud_desktop.services.review_state import open_comment_ids
from ombud_desktop.storage import review as store
from ombud_desktop.storage.changes import Edit
from ombud_desktop.storage.workspace import Workspace, new_id

NOTE_LIMIT = 2000  # a short answer, not a report
OPEN = "open"
CLOSED = "closed"


@dataclass(frozen=True)
class ReviewComment:
    """One comment of the supervisor with its state."""

    id: str
    assessment_id: str
    indicator: str | None  # None: the general comment
    text: str
    author: str | None
    at: str | None
    state: str  # "open" or "closed"
    closed_by: str | None = None
    closed_at: str | None = None
    note: str | None = None  # the answer given when it was closed
    by_approval: bool = False  # closed because the assessment was approved

    @property
    def is_open(self) -> bool:
        """Return True while the comment waits for a fix."""
        return self.state == OPEN

    def to_json(self) -> dict[str, Any]:
        """Return the comment as JSON data (``review show --json``, ``assessment show``)."""
        return asdict(self)


def comments_of(workspace: Workspace, assessment_id: str) -> list[ReviewComment]:
    """Return an assessment's comments, per indicator then the general one, with their state."""
    return _comments(workspace, [assessment_id])


def _comments(workspace: Workspace, ids: list[str] | None) -> list[ReviewComment]:
    reviews = store.review_statuses(workspace, ids)
    rows = sorted(store.comments(workspace, ids), key=lambda r: r["indicator"] is None)
    closings = store.closings(workspace, ids)
    still_open = open_comment_ids(rows, closings, reviews)
    first_closing: dict[tuple[str, str], dict[str, Any]] = {}
    for closing in closings:  # ordered by time: the first closing is the one shown
        first_closing.setdefault((closing["assessment_id"], closing["comment_id"]), closing)
    approvals = store.approvals(workspace, ids)
    out = []
    for row in rows:
        aid = row["assessment_id"]
        closing = first_closing.get((aid, row["id"]))
        approval = approvals.get(aid) if closing is None else None
        out.append(
            ReviewComment(
                id=row["id"],
                assessment_id=aid,
                indicator=row["indicator"],
                text=row["text"] or "",
                author=row["author"],
                at=row["at"],
                state=OPEN if row["id"] in still_open else CLOSED,
                closed_by=(closing or {}).get("author") or (approval or (None, None))[0],
                closed_at=(closing or {}).get("at") or (approval or (None, None))[1],
                note=(closing or {}).get("note"),
                by_approval=closing is None and approval is not None,
            )
        )
    return out


def find_comment(workspace: Workspace, comment_id: str) -> ReviewComment:
    """Return the comment ``comment_id`` names: the start of its id or of its random part."""
    found = [c for c in _comments(workspace, None) if matches(c.id, comment_id)]
    if not found:
        raise NotFoundError(
            f"no review comment with id {comment_id}",
            code="comment_not_found",
            hint="The comments and their ids are listed by `ombud review show ASSESSMENT_ID`.",
            id=comment_id,
        )
    if len(found) > 1:
        raise NotFoundError(
            f"more than one review comment id starts with {comment_id}",
            code="ambiguous",
            hint="Give more characters of the id.",
            id=comment_id,
        )
    return found[0]


def close_comment(workspace: Workspace, comment_id: str, note: str | None = None) -> str:
    """Close an open comment (its fix is done), with an optional short answer.

    ``comment_id`` is the comment's id or its start. Return the assessment's id. Refused when
    the comment is closed already (approving closed every comment of the assessment).
    """
    comment = find_comment(workspace, comment_id)
    if not comment.is_open:
        raise ValidationError(
            f"the comment {short_id(comment.id)} is closed already",
            code="comment_closed",
            hint="Closed comments stay listed by `ombud review show`; nothing was changed.",
            id=short_id(comment.id),
        )
    text = (note or "").strip()
    if len(text) > NOTE_LIMIT:
        raise ValidationError(
            f"the answer has {len(text)} characters (at most {NOTE_LIMIT})",
            code="comment_note_too_long",
            hint="Write the answer short; details belong in the indicator's notes.",
            limit=NOTE_LIMIT,
        )
    workspace.write(comment.assessment_id, closing_edits(comment.id, text or None))
    return comment.assessment_id


def closing_edits(comment_id: str, note: str | None = None) -> list[Edit]:
    """Return the edits of one closing of ``comment_id`` (a new row, made once)."""
    row = new_id()
    return [
        Edit("comment_closing", row, "comment_id", comment_id),
        Edit("comment_closing", row, "note", note),
    ]


def closings_before_return(workspace: Workspace, assessment_id: str) -> list[Edit]:
    """Return the closings of the comments an approval closed, for a return after it.

    Approval closes comments without a record of its own; returning the assessment again
    ends the approval, so the old comments are closed explicitly (they stay closed).
    """
    if store.review_statuses(workspace, [assessment_id]).get(assessment_id) != "approved":
        return []
    closed = {k["comment_id"] for k in store.closings(workspace, [assessment_id])}
    edits: list[Edit] = []
    for comment in store.comments(workspace, [assessment_id]):
        if comment["id"] not in closed:
            edits += closing_edits(comment["id"])
    return edits
