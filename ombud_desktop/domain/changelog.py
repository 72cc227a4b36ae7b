"""The law of a cell's change log (pure): which of its changes are its heads, which one wins.

Each cell's changes form a tree through ``supersedes`` (and ``merges``, the further heads a
resolving change replaces). Its *heads* are the changes no other change of the cell supersedes.
One head: that is the cell's value. Several heads: edits made concurrently on different devices,
a conflict; the value shown until someone resolves it is the head written last (by time, then
id), a rule that depends only on the set of changes, so any import order gives the same state.

It lives in the domain because two layers keep it: storage, when a local edit supersedes every
head of its cell, and ``merge.plan``, when changes arrive from other devices.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

Cell = tuple[str, str, str]  # (target, row_id, field)


class Node(NamedTuple):
    """What planning needs of a change: its id, cell, predecessor and time.

    A named tuple, not a dataclass: a national merge makes a million of them.
    """

    id: str
    cell: Cell
    supersedes: str | None
    at: str
    merges: tuple[str, ...] = ()


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


def winner(cell_heads: list[Node]) -> Node:
    """Return the head whose value the cell shows: the latest by time, then by id."""
    return max(cell_heads, key=lambda n: (n.at, n.id))
