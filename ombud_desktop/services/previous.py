"""Year over year: each entity's result in the latest earlier period the workspace holds.

:func:`with_previous` is applied after entities are scored (``score_workspace``, the results
window, the entity recap, the spreadsheet). The earlier result is the entity's own: the latest
period before the current one in which the entity has an assessment, scored as that period is
scored now (corrections included). A period not among the entities given is ranked from the
locus score cache (the ``ranked`` function given: ``services.scoring.ranked_entities``, passed
in by the caller so that this module and the scoring service do not import each other), so
asking for one period costs little more.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from ombud_desktop.scoring.entity import EntityScore, PreviousResult
from ombud_desktop.storage.locus_state import held_entity_periods, period_order
from ombud_desktop.storage.workspace import Workspace


def previous_result(entity: EntityScore) -> PreviousResult:
    """Return what a later period shows of ``entity``: period, score, grade, provisional."""
    return PreviousResult(
        period=entity.period,
        score=entity.score,
        grade=entity.grade.grade if entity.grade else None,
        provisional=entity.provisional,
    )


def earlier_periods(held: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Return, for each (entity id, period) held, the entity's latest earlier period held."""
    periods: dict[str, set[str]] = defaultdict(set)
    for entity_id, period in held:
        periods[entity_id].add(period)
    out = {}
    for entity_id, found in periods.items():
        ordered = sorted(found, key=period_order)
        for before, after in itertools.pairwise(ordered):
            out[(entity_id, after)] = before
    return out


def attach_previous(
    entities: Sequence[EntityScore],
    earlier: dict[tuple[str, str], str],
    results: Iterable[EntityScore],
) -> list[EntityScore]:
    """Return ``entities`` with ``previous`` set from ``results`` (pure: no workspace)."""
    by_key = {(e.entity_id, e.period): e for e in results}
    out = []
    for entity in entities:
        found = by_key.get((entity.entity_id, earlier.get((entity.entity_id, entity.period), "")))
        out.append(replace(entity, previous=previous_result(found)) if found else entity)
    return out


# ranked(period, entity ids): at least these entities of the period, scored as ranking the
# period scores them. Only score, grade and provisional are taken from them (not their ranks,
# which depend on every other entity), so a caller may score just these entities.
Ranker = Callable[[str, frozenset[str]], Sequence[EntityScore]]


def with_previous(
    workspace: Workspace, entities: Sequence[EntityScore], ranked: Ranker
) -> list[EntityScore]:
    """Return ``entities`` (same order) with each one's previous period's result, if held.

    ``ranked(period, entity_ids)`` returns those entities of a period, scored (for a period not
    given); in a decade the entities of one year have their previous results in several
    earlier years, and only these entities of those years are read.
    """
    if not entities:
        return list(entities)
    # Only these entities' periods (not every assessment row of a decade).
    held = held_entity_periods(workspace, (e.entity_id for e in entities))
    earlier = earlier_periods(held)
    results: list[EntityScore] = list(entities)
    have = {(e.entity_id, e.period) for e in entities}
    missing: dict[str, set[str]] = defaultdict(set)
    for key in ((e.entity_id, e.period) for e in entities):
        if key in earlier and (key[0], earlier[key]) not in have:
            missing[earlier[key]].add(key[0])
    for period in sorted(missing, key=period_order):
        results.extend(ranked(period, frozenset(missing[period])))
    return attach_previous(entities, earlier, results)
