"""Score a whole workspace: every locus with its own instrument, then entities and ranks."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from ombud_desktop.bulk import paused_gc
from ombud_desktop.scoring import (
    Correction,
    EntityScore,
    LocusResult,
    LocusScore,
    rank_entities,
    score_entity,
    score_locus,
)
from ombud_desktop.storage.documents import iter_documents
from ombud_desktop.storage.workspace import Workspace


@dataclass(frozen=True)
class ScoredLocus:
    """A locus score with the names it belongs to."""

    row: dict[str, Any]
    result: LocusScore

    def to_json(self) -> dict[str, Any]:
        """Return the locus as the ``loci`` entries of ``ombud score --json``."""
        data = self.result.to_json()
        return {
            "assessment_id": self.row["id"],
            "entity": self.row["entity"]["name"],
            "entity_id": self.row["entity"]["id"],
            "category": self.row["entity"]["category"],
            "province": self.row["entity"]["province"],
            "locus": self.row["locus"]["name"],
            "locus_type": self.row["locus"]["type"],
            "period": self.row["period"],
            "status": self.row["status"],
            "instrument": self.row["instrument_id"],
            **{k: v for k, v in data.items() if k != "assessment_id"},
        }


@dataclass(frozen=True)
class WorkspaceScores:
    """All locus and entity scores of a workspace."""

    loci: list[ScoredLocus]
    entities: list[EntityScore]

    def to_json(self) -> dict[str, Any]:
        """Return ``{"loci": [...], "entities": [...]}``."""
        return {
            "loci": [locus.to_json() for locus in self.loci],
            "entities": [entity.to_json() for entity in self.entities],
        }


def _display_order(locus: ScoredLocus) -> tuple[str, str, str, str, str]:
    row = locus.row
    return (
        row["period"],
        row["entity"]["province"],
        row["entity"]["name"],
        row["locus"]["name"],
        row["id"],
    )


def score_workspace(workspace: Workspace, *, period: str | None = None) -> WorkspaceScores:
    """Score every (non-deleted) assessment, then every entity per period, ranked."""
    loci: list[ScoredLocus] = []
    with paused_gc():
        for row, document in iter_documents(workspace):
            if period is not None and row["period"] != period:
                continue
            instrument = workspace.instrument(row["instrument_hash"])
            loci.append(ScoredLocus(row, score_locus(instrument, document)))
    loci.sort(key=_display_order)
    return WorkspaceScores(loci=loci, entities=score_entities(workspace, loci))


def score_entities(workspace: Workspace, loci: list[ScoredLocus]) -> list[EntityScore]:
    """Score every entity per period from its scored loci, with corrections; then rank."""
    groups: dict[tuple[str, str], list[ScoredLocus]] = defaultdict(list)
    for locus in loci:
        groups[(locus.row["entity"]["id"], locus.row["period"])].append(locus)
    corrections: dict[tuple[str, str], list[Correction]] = defaultdict(list)
    for c in workspace.corrections():
        corrections[(c["entity_id"], c["period_id"])].append(
            Correction(
                kind=c["kind"], reason=c["reason"], points=c["points"], cap_grade=c["cap_grade"]
            )
        )
    entities = []
    for (entity_id, period_id), members in groups.items():
        first = members[0].row
        # The loci of an entity in one period share its instrument, hence its grade scale.
        scale = workspace.instrument(first["instrument_hash"]).grade_scale
        entities.append(
            score_entity(
                entity_id=entity_id,
                entity=first["entity"]["name"],
                category=first["entity"]["category"],
                period=period_id,
                loci=[
                    LocusResult(m.row["id"], m.result.score, m.result.provisional) for m in members
                ],
                scale=scale,
                corrections=corrections[(entity_id, period_id)],
            )
        )
    return rank_entities(entities)
