"""How the command line prints the supervisor's review comments, each with its state."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ombud_desktop.domain.ids import short_id


def comment_line(comment: Mapping[str, Any]) -> str:
    """Return one comment as a line: state, indicator (or general), text, id, who closed it."""
    where = comment.get("indicator") or "general"
    line = f"  [{comment['state']}] {where}: {comment['text']}  (id {short_id(comment['id'])})"
    if comment["state"] == "closed":
        how = "by approval" if comment.get("by_approval") else "by"
        who = comment.get("closed_by") or "?"
        when = (comment.get("closed_at") or "")[:16]
        line += f"\n      closed {how} {who} {when}".rstrip()
        if comment.get("note"):
            line += f": {comment['note']}"
    return line


def comment_lines(comments: Iterable[Mapping[str, Any]], *, only_open: bool = False) -> list[str]:
    """Return the lines of ``comments`` (the open ones first)."""
    ordered = sorted(comments, key=lambda c: c["state"] != "open")
    return [comment_line(c) for c in ordered if not only_open or c["state"] == "open"]


def review_marks(state: Any) -> str:
    """Return the short marks of a review state for a list line ("" when there is nothing).

    ``[returned, 1 open comment, conflict IN07, 2 pending]``: the decision, the comments still
    open, the cells in open conflict and the changes waiting after approval.
    """
    marks = [state.review] if state.review else []
    if state.open_comments:
        plural = "s" if state.open_comments != 1 else ""
        marks.append(f"{state.open_comments} open comment{plural}")
    if state.open_conflicts:
        cells = " ".join(state.open_conflicts[:3])
        more = f" +{len(state.open_conflicts) - 3}" if len(state.open_conflicts) > 3 else ""
        marks.append(f"conflict {cells}{more}")
    if state.pending_changes:
        marks.append(f"{state.pending_changes} pending")
    return f"  [{', '.join(marks)}]" if marks else ""
