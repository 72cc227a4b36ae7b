"""Duplicates: two assessments of one locus in one period, listed, and one kept by the supervisor.

Neither of two such assessments counts in the entity score until the supervisor keeps one
(``scoring/duplicates.py`` states the rule). Keeping one sets the others aside: on each, a
review change of its field ``set_aside_for`` naming the one kept. It is the supervisor's
decision like an approval: it is signed into the next package's batches, travels to pusat and
back, and an assessor's package that carries it is refused (``packages/authority.py``).
Keeping another one later is a new decision (the earlier one stays in the history).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ombud_desktop.errors import ValidationError
from ombud_desktop.scoring import score_locus
from ombud_desktop.scoring.duplicates import COUNTED, standings
from ombud_desktop.services.changes import Changes, Written
from ombud_desktop.storage import locus_state
from ombud_desktop.storage.changes import Edit
from ombud_desktop.storage.documents import load_document
from ombud_desktop.storage.workspace import Workspace


class Duplicates:
    """The duplicates of one workspace (assessments of one locus in one period)."""

    def __init__(self, workspace: Workspace):
        self.workspace = workspace

    def groups(self, *, undecided_only: bool = False) -> list[dict[str, Any]]:
        """Return every locus and period assessed more than once, with its assessments.

        Each group: entity, province, locus, period, ``decided`` (one stands, the others are
        set aside), ``kept`` (its id, or None) and ``assessments`` (id, status, review,
        authors, created, score, provisional, ``duplicate_of``, ``set_aside_for``).
        """
        workspace = self.workspace
        rows = locus_state.locus_period_rows(workspace)
        by_key: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            by_key[(row["locus_id"], row["period_id"])].append(row)
        found = standings(rows)
        reviews = locus_state.review_statuses(workspace)
        out = []
        for members in by_key.values():
            if len(members) < 2:
                continue
            ids = [m["id"] for m in members]
            states = {i: found.get(i, COUNTED) for i in ids}
            standing = [i for i in ids if states[i].set_aside_for is None]
            decided = len(standing) == 1
            if undecided_only and decided:
                continue
            full = {r["id"]: r for r in workspace.assessment_rows(ids=ids)}
            first = full[ids[0]]
            out.append(
                {
                    "entity": first["entity"]["name"],
                    "entity_id": first["entity"]["id"],
                    "province": first["entity"]["province"],
                    "locus": first["locus"]["name"],
                    "period": first["period"],
                    "decided": decided,
                    "kept": standing[0] if decided else None,
                    "assessments": [
                        self._member(full[i], states[i], reviews.get(i)) for i in ids
                    ],
                }
            )
        out.sort(key=lambda g: (g["period"], g["province"], g["entity"], g["locus"]))
        return out

    def _member(self, row: dict[str, Any], state: Any, review: str | None) -> dict[str, Any]:
        workspace = self.workspace
        result = score_locus(
            workspace.instrument(row["instrument_hash"]), load_document(workspace, row["id"])
        )
        authors = sorted({c.author for c in workspace.changes(row["id"]) if c.author})
        return {
            "assessment_id": row["id"],
            "status": row["status"] or "draft",
            "review": review,
            "authors": authors,
            "team": row["team"],
            "visit_date": row["visit_date"],
            "created_at": row["created_at"],
            "score": result.score,
            "provisional": result.provisional,
            "duplicate_of": state.duplicate_of,
            "set_aside_for": state.set_aside_for,
        }

    def keep(self, assessment_id: str) -> Written[list[str]]:
        """Keep this assessment of its locus and period; set the others aside.

        Returns the ids of the assessments set aside. Refused when the assessment has no
        duplicate. Nothing is written when the decision is already the one recorded.
        """
        workspace = self.workspace
        kept = workspace.resolve_assessment_id(assessment_id)
        row = next((r for r in locus_state.locus_period_rows(workspace) if r["id"] == kept), None)
        members = (
            locus_state.locus_period_rows(workspace, [(row["locus_id"], row["period_id"])])
            if row is not None
            else []
        )
        if len(members) < 2:
            raise ValidationError(
                f"assessment {assessment_id} has no duplicate: it is the only assessment of "
                "its locus in its period",
                code="not_a_duplicate",
                hint="`ombud duplicates list` shows the loci assessed twice in one period.",
                assessment=assessment_id,
            )
        others = [m for m in members if m["id"] != kept]
        with workspace.db.atomic():
            if row is not None and row["set_aside_for"] is not None:
                workspace.write(kept, [Edit("assessment", kept, "set_aside_for", None)])
            for other in others:
                if other["set_aside_for"] != kept:
                    workspace.write(
                        other["id"], [Edit("assessment", other["id"], "set_aside_for", kept)]
                    )
        aside = [m["id"] for m in others]
        return Written(aside, Changes.of([kept, *aside], reviews=True, conflicts=True))
