"""Plan a merge of incoming change records into an assessment's change log (pure, no I/O).

Each cell's changes form a tree through ``supersedes``. Its *heads* are the changes no other
change of the cell supersedes. One head: that is the cell's value. Several heads: edits made
concurrently on different devices; all are kept. When they hold different values it is a
conflict, and the value shown until someone resolves it is the head written last (by time, then
id), a rule that depends only on the set of changes, so any import order gives the same state
(``ombud_desktop.domain.changelog``). Heads that all hold the same value are not a conflict.

``merge.apply`` carries a plan out in a workspace.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

# The law of one cell's log is the domain's (storage keeps it too); re-exported for planners.
from ombud_desktop.domain.changelog import (
    Cell,
    Node,
    heads,
    in_conflict,
    ordered_heads,
    winner,
)


@dataclass
class MergePlan:
    """What to do: which incoming changes are new, which cells get a new value, conflicts."""

    new: list[str] = field(default_factory=list)
    known: int = 0
    winners: dict[Cell, str] = field(default_factory=dict)
    conflicts: dict[Cell, list[str]] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        """Return True when the merge adds anything."""
        return bool(self.new)


def plan_merge(existing: Iterable[Node], incoming: Iterable[Node]) -> MergePlan:
    """Plan merging ``incoming`` into ``existing`` (both of one assessment)."""
    by_cell: dict[Cell, list[Node]] = defaultdict(list)
    known_ids: set[str] = set()
    for node in existing:
        by_cell[node.cell].append(node)
        known_ids.add(node.id)
    plan = MergePlan()
    touched: set[Cell] = set()
    for node in incoming:
        if node.id in known_ids:
            plan.known += 1
            continue
        known_ids.add(node.id)
        plan.new.append(node.id)
        by_cell[node.cell].append(node)
        touched.add(node.cell)
    for cell, nodes in by_cell.items():
        if len(nodes) == 1:
            cell_heads = nodes  # a cell edited once: its only change is its head
        else:
            cell_heads = heads(nodes)
            if in_conflict(cell_heads):
                plan.conflicts[cell] = sorted(n.id for n in cell_heads)
        if cell in touched:
            plan.winners[cell] = winner(cell_heads).id
    return plan


__all__ = [
    "Cell",
    "MergePlan",
    "Node",
    "heads",
    "in_conflict",
    "ordered_heads",
    "plan_merge",
    "winner",
]
