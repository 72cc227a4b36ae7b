"""The law of a cell's change log (pure): which of its changes are its heads, which one wins.

Each cell's changes form a tree through ``supersedes`` (and ``merges``, the further heads a
resolving change replaces). Its *heads* are the changes no other change of the cell supersedes.
One head: that is the cell's value. Several heads: edits made concurrently on different devices;
when they hold different values that is a conflict, and the value shown until someone resolves
it is the head written last (by time, then id), a rule that depends only on the set of changes,
so any import order gives the same state. Heads that all hold the same value are no conflict:
two assessors who wrote the same answer agree; both changes stay in the log, and the cell
shows that value.

It lives in the domain because two layers keep it: storage, when a local edit supersedes every
head of its cell, and ``merge.plan``, when changes arrive from other devices.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

Cell = tuple[str, str, str]  # (target, row_id, field)


class Node(NamedTuple):
    """What planning needs of a change: its id, cell, predecessor, time and value.

    A named tuple, not a dataclass: a national merge makes a million of them. ``value`` is the
    value as canonical text (``storage.changes.value_key``), compared, never read; None when the
    planner was not given it, and then the node never agrees with another.
    """

    id: str
    cell: Cell
    supersedes: str | None
    at: str
    merges: tuple[str, ...] = ()
    value: str | None = None


def heads(nodes: Iterable[Node]) -> list[Node]:
    """Return the nodes of one cell that no other node of the cell supersedes."""
    nodes = list(nodes)
    superseded = {n.supersedes for n in nodes if n.supersedes}
    for node in nodes:
        superseded.update(node.merges)
    return [n for n in nodes if n.id not in superseded]


def ordered_heads(nodes: Iterable[Node]) -> list[Node]:
    """Return a cell's heads, the winner first (then the others, latest first)."""
    return sorted(heads(nodes), key=lambda n: (n.at, n.id), reverse=True)


def in_conflict(cell_heads: list[Node]) -> bool:
    """Return True when a cell's heads disagree: more than one, not all of one known value."""
    if len(cell_heads) < 2:
        return False
    first = cell_heads[0].value
    return first is None or any(n.value != first for n in cell_heads[1:])


def winner(cell_heads: list[Node]) -> Node:
    """Return the head whose value the cell shows: the latest by time, then by id."""
    return max(cell_heads, key=lambda n: (n.at, n.id))
