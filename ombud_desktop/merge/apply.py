"""Apply a merge in a workspace: plan it with ``merge.plan``, write it with storage's change log.

Everything here runs inside the caller's transaction (a ``db.atomic()`` block, a savepoint
when nested): if anything after it fails, the caller's block rolls back and the workspace is as
it was. The laws the plan keeps (nothing lost, importing twice changes nothing, any order gives
the same state) hold because this module only writes what the plan says: the new changes as
they came, each touched cell set to its winner, and the cells whose heads disagree as conflicts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ombud_desktop.merge.plan import Cell, MergePlan, Node, plan_merge
from ombud_desktop.storage import imports as store
from ombud_desktop.storage.changes import PERSONAL_FIELDS, Change, value_key
from ombud_desktop.storage.workspace import Workspace


@dataclass
class MergeOutcome:
    """What merging incoming changes into one assessment did."""

    added: int = 0
    # Every open conflict of the assessment after the merge, and those this merge brought in
    # (cells where one of the new changes is among the heads).
    conflicts: dict[Cell, list[str]] = field(default_factory=dict)
    brought: dict[Cell, list[str]] = field(default_factory=dict)


def node_of(change: Change) -> Node:
    """Return the planning view of a change."""
    return Node(
        change.id,
        (change.target, change.row_id, change.field),
        change.supersedes,
        change.at,
        change.merges,
        value_key(change.value),
    )


def merge_changes(
    workspace: Workspace,
    assessment_id: str,
    changes: Iterable[Change],
    *,
    known: bool,
    custody: store.ArrivingCustody | None = None,
    plan: MergePlan | None = None,
) -> MergeOutcome:
    """Merge changes made elsewhere into one assessment's log; return what it did.

    ``known``: the assessment is in the workspace already. One that is not has no change here
    either (rows and log are written together), so its log is not read. ``custody``: the
    batches vouching for the changes, kept in the rows of those appended. ``plan``: for an
    assessment not here, the plan of these changes made beforehand (``plan_merge`` with no
    change existing; for the reading process of a merge). The caller holds the transaction.
    """
    changes = list(changes)
    if known or plan is None:
        existing = store.change_nodes(workspace, assessment_id) if known else []
        plan = plan_merge(existing, (node_of(c) for c in changes))
    if not plan.new:
        return MergeOutcome()
    new_ids = set(plan.new)
    fresh = [c for c in changes if c.id in new_ids]
    store.append_foreign(workspace, fresh, custody)
    by_id = {c.id: c for c in fresh}
    by_id.update(store.changes_by_id(workspace, set(plan.winners.values()) - by_id.keys()))
    store.apply_winners(workspace, assessment_id, [by_id[i] for i in plan.winners.values()])
    store.replace_conflicts(workspace, assessment_id, plan.conflicts, new=not known)
    return MergeOutcome(
        added=len(fresh),
        conflicts=plan.conflicts,
        brought={cell: ids for cell, ids in plan.conflicts.items() if new_ids.intersection(ids)},
    )


def describe_conflicts(
    workspace: Workspace, conflicts: dict[Cell, list[str]]
) -> list[dict[str, Any]]:
    """Return conflicts as receipts show them: each cell with its versions side by side.

    Personal data is shown only as such: a receipt may be printed or sent on.
    """
    records = store.changes_by_id(workspace, [i for ids in conflicts.values() for i in ids])
    out = []
    for cell, ids in sorted(conflicts.items()):
        versions = []
        for change_id in ids:
            change = records[change_id]
            personal = (change.target, change.field) in PERSONAL_FIELDS
            versions.append(
                {
                    "change_id": change_id,
                    "value": "(personal data)" if personal else change.value,
                    "author": change.author,
                    "device_id": change.device_id,
                    "at": change.at,
                }
            )
        out.append(
            {
                "cell": store.cell_label(cell),
                "target": cell[0],
                "row_id": cell[1],
                "field": cell[2],
                "versions": versions,
            }
        )
    return out
