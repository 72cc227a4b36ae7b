"""Duplicates: two assessments of one locus in one period, and the supervisor's decision.

Two assessors who did not know of each other may both assess a locus in a period. Neither
counts in the entity score until the supervisor decides which stands: the others are then set
aside (each carries ``set_aside_for``, the id of the one kept). The rules, kept here as a pure
function of the assessments' (locus, period, set_aside_for):

- an assessment is set aside when its ``set_aside_for`` names another assessment of the same
  locus and period (a name of anything else decides nothing, and it counts again);
- when the decisions leave no assessment standing (each set aside for the other, decided in
  two places), nothing is decided: all are duplicates again;
- two or more assessments standing are undecided duplicates: each names another as
  ``duplicate_of`` and none is counted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Standing:
    """Where one assessment stands among the assessments of its locus and period."""

    duplicate_of: str | None = None  # undecided: another assessment standing beside it
    set_aside_for: str | None = None  # decided: set aside, this one stands in its place

    @property
    def counted(self) -> bool:
        """Return True when the assessment counts in its entity's score."""
        return self.duplicate_of is None and self.set_aside_for is None


COUNTED = Standing()


def standings(rows: Iterable[Mapping[str, Any]]) -> dict[str, Standing]:
    """Return the standing of every assessment that is a duplicate or set aside.

    ``rows``: non-deleted assessments with ``id``, ``locus_id``, ``period_id`` and
    ``set_aside_for``, in the order they were made (the first named as ``duplicate_of``).
    Assessments alone in their locus and period are left out (they count).
    """
    groups: dict[tuple[Any, Any], list[Mapping[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[(row["locus_id"], row["period_id"])].append(row)
    out: dict[str, Standing] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        ids = [str(m["id"]) for m in members]
        aside = {
            str(m["id"]): str(m["set_aside_for"])
            for m in members
            if m["set_aside_for"] in ids and m["set_aside_for"] != m["id"]
        }
        standing = [i for i in ids if i not in aside]
        if not standing:  # contradictory decisions: nothing is decided
            standing, aside = ids, {}
        for assessment_id, kept in aside.items():
            out[assessment_id] = Standing(set_aside_for=kept)
        if len(standing) > 1:
            for assessment_id in standing:
                other = next(i for i in standing if i != assessment_id)
                out[assessment_id] = Standing(duplicate_of=other)
    return out
