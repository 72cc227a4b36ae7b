"""Entity completeness against the plan of its loci (METHODOLOGY §3: an entity is final only
when every planned locus has a complete assessment).

Pure: the plan's slots and the entity's scored loci come in; the entity comes back provisional,
with the reason ``loci_missing`` ("2 dari 7 lokus"), while any slot has no complete assessment.
How loci fill slots is ``domain.records.fill_plan``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ombud_desktop.domain.records import PlannedLocus, PlanSlot, fill_plan
from ombud_desktop.scoring.entity import EntityReason, EntityScore


def with_plan(
    entity: EntityScore, slots: Iterable[PlanSlot], loci: Iterable[PlannedLocus]
) -> EntityScore:
    """Return the entity with its planned loci counted (provisional while any is missing)."""
    slots = list(slots)
    if not slots:
        return entity
    fills = fill_plan(slots, loci)
    complete = sum(1 for fill in fills if fill.complete)
    if complete >= len(slots):
        return replace(entity, loci_planned=len(slots))
    reason = EntityReason("loci_missing", {"complete": complete, "planned": len(slots)})
    return replace(
        entity,
        loci_planned=len(slots),
        provisional=True,
        reasons=[reason, *entity.reasons],
    )
