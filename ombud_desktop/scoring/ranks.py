"""What a rank is among: its scope, and the rank within the entity's province.

A rank (``rank_entities``) is among the category's entities present in the workspace in the
period. Its scope says what that is: the whole country when the workspace holds every entity
of the category (``country_size``, from the official register), otherwise the entities of the
provinces present. The rank within the province depends only on that province's entities, so
a province and pusat give the same one for the same data.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace

from ombud_desktop.scoring.entity import EntityScore, RankScope, competition_ranks

CountrySize = Callable[[str], int | None]


def scope_ranks(
    entities: list[EntityScore], country_size: CountrySize | None = None
) -> list[EntityScore]:
    """Return the entities (order kept) with ``rank_scope`` and ``rank_in_province`` set.

    ``country_size(category)``: how many entities of the category the country has (None:
    unknown, so never national).
    """
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    provinces: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for index, entity in enumerate(entities):
        groups[(entity.category, entity.period)].append(index)
        provinces[(entity.category, entity.period, entity.province)].append(index)
    out = list(entities)
    for (category, _period), indexes in groups.items():
        size = country_size(category) if country_size is not None else None
        present = {entities[i].entity_id for i in indexes}
        if size is not None and size > 0 and len(present) >= size:
            scope = RankScope("national", category)
        else:
            names = tuple(sorted({entities[i].province for i in indexes}))
            scope = RankScope("provinces", category, provinces=names)
        for i in indexes:
            out[i] = replace(out[i], rank_scope=scope)
    for indexes in provinces.values():
        ranks = competition_ranks([entities[i].score for i in indexes])
        for i, rank in zip(indexes, ranks, strict=True):
            out[i] = replace(out[i], rank_in_province=rank)
    return out
