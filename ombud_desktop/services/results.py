"""The results screens' data: entity and locus rows as plain dicts, built on the reader thread.

:func:`load_results` calls the scoring service once (``score_workspace``: every locus and
entity of every period, with corrections and ranks) and turns the answer into plain dicts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ombud_desktop import entity_lines

if TYPE_CHECKING:  # the scoring stack loads on the store thread, not before the window shows
    from ombud_desktop.storage.workspace import Workspace


@dataclass
class ResultsData:
    """Everything the results screens show, as plain data (built on the store thread)."""

    entities: list[dict[str, Any]] = field(default_factory=list)
    grades: list[dict[str, Any]] = field(default_factory=list)  # grade, zone, colour, min
    zones: list[dict[str, Any]] = field(default_factory=list)  # code, label {id, en}, colour


def _zone_fields(scale: Any, zone: str | None) -> dict[str, Any]:
    found = next((z for z in scale.zones if z.code == zone), None)
    return {
        "zone": zone,
        "zone_label": {"id": found.label.id, "en": found.label.en} if found else None,
        "zone_colour": found.colour if found else None,
    }


def _locus_item(
    row: Mapping[str, Any], result: Any, scale: Any, review: str | None = None
) -> dict[str, Any]:
    return {
        "id": row["id"],
        "locus": row["locus"]["name"],
        "locus_type": row["locus"]["type"],
        "status": row["status"] or "draft",
        "score": result.score,
        "dimensions": {code: d.score for code, d in result.dimensions.items()},
        "grade": result.grade.grade if result.grade else None,
        **_zone_fields(scale, result.grade.zone if result.grade else None),
        "provisional": result.provisional,
        "reasons": [(r.code, r.target, dict(r.data)) for r in result.reasons],
        "service_users": result.service_users_counted,
        "review": review,  # None (not reviewed), "approved" or "returned"
    }


def _entity_item(
    e: Any, row: Mapping[str, Any], instrument: Any, loci: list[dict[str, Any]], ranked: int,
    present: list[str],
) -> dict[str, Any]:
    category = next((c for c in instrument.entity_categories if c.code == e.category), None)
    return {
        "key": (e.entity_id, e.period),
        "entity_id": e.entity_id,
        "entity": e.entity,
        "category": e.category,
        "category_label": {"id": category.label.id, "en": category.label.en} if category else None,
        "province": row["entity"]["province"],
        "period": e.period,
        "score": e.score,
        "mean_of_loci": e.mean_of_loci,
        "grade": e.grade.grade if e.grade else None,
        **_zone_fields(instrument.grade_scale, e.grade.zone if e.grade else None),
        "capped": bool(e.grade and e.grade.capped),
        "provisional": e.provisional,
        "provisional_loci": len(e.provisional_loci),
        "loci_scored": e.loci_scored,
        "loci_total": e.loci_total,
        "corrections": [
            {"kind": c.kind, "points": c.points, "cap_grade": c.cap_grade, "reason": c.reason}
            for c in e.corrections
        ],
        "rank": e.rank,
        "ranked": ranked,
        "loci": loci,
        # Issue 14: why it is provisional, what its rank is among, approvals, the year before.
        "reasons": entity_lines.reasons_of(e),
        "rank_scope": entity_lines.scope_of(e),
        "ranked_provinces": present,  # the provinces of the category ranked with it
        # Ranked among one province only, the rank is the rank within the province.
        "rank_in_province": e.rank_in_province if e.rank_in_province is not None
        else e.rank if len(present) == 1 else None,
        "loci_planned": e.loci_planned,
        # Counted from the loci shown beside it, so the count and their marks always agree.
        "loci_approved": sum(1 for locus in loci if locus["review"] == "approved"),
        "previous": entity_lines.previous_of(e),
        "change": entity_lines.change_in_points(
            e.score, e.previous.score if e.previous else None
        ),
        # Issue 17 (the 2025 model): the parts of the score, trust, qualifier, draft method.
        **model_fields(e),
    }


def model_fields(e: Any) -> dict[str, Any]:
    """Return the 2025 model's fields of an entity: parts, trust, secondary data, qualifier."""
    return {
        "parts": [part.to_json() for part in e.parts],
        "trust": e.trust,
        "secondary": {code: v.value for code, v in e.inputs.secondary.items()},
        "qualifier": {"id": e.qualifier_id, "en": e.qualifier_en} if e.qualifier_id else None,
        "methodology_draft": e.methodology_draft,
    }


def _add_scale(data: ResultsData, scale: Any) -> None:
    """Add the grades and zones of ``scale`` that ``data`` does not have yet."""
    for band in scale.bands:
        if band.grade and all(g["grade"] != band.grade for g in data.grades):
            colour = next((z.colour for z in scale.zones if z.code == band.zone), "#888888")
            data.grades.append({"grade": band.grade, "zone": band.zone, "colour": colour})
    for zone in scale.zones:
        if all(z["code"] != zone.code for z in data.zones):
            data.zones.append(
                {"code": zone.code, "label": {"id": zone.label.id, "en": zone.label.en},
                 "colour": zone.colour}
            )


def load_results(workspace: Workspace) -> ResultsData:
    """Score the workspace and return the entities (each with its loci) as plain dicts."""
    from ombud_desktop.services.merge import review_overview
    from ombud_desktop.services.scoring import score_workspace

    scores = score_workspace(workspace)
    reviews = review_overview(workspace)
    data = ResultsData()
    loci_of: dict[tuple[str, str], list[dict[str, Any]]] = {}
    first: dict[tuple[str, str], tuple[Mapping[str, Any], Any]] = {}
    for scored in scores.loci:
        row = scored.row
        key = (row["entity"]["id"], row["period"])
        instrument = workspace.instrument(row["instrument_hash"])
        if key not in first:
            first[key] = (row, instrument)
            _add_scale(data, instrument.grade_scale)
        loci_of.setdefault(key, []).append(
            _locus_item(row, scored.result, instrument.grade_scale,
                        reviews.get(row["id"], {}).get("review"))
        )
    in_category = Counter((e.category, e.period) for e in scores.entities if e.rank is not None)
    present: dict[tuple[str, str], set[str]] = {}
    for e in scores.entities:
        if e.rank is not None:
            present.setdefault((e.category, e.period), set()).add(e.province)
    for e in scores.entities:
        row, instrument = first[(e.entity_id, e.period)]
        data.entities.append(
            _entity_item(e, row, instrument, loci_of[(e.entity_id, e.period)],
                         in_category.get((e.category, e.period), 0),
                         sorted(present.get((e.category, e.period), ())))
        )
    if not data.grades:  # an empty workspace: show the scale of the newest instrument
        from ombud_desktop.instruments import builtin_instruments

        _add_scale(data, builtin_instruments()[-1].grade_scale)
    return data
