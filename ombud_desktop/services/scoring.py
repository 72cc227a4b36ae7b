"""Score a whole workspace: every locus with its own instrument, then entities and ranks."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

from ombud_desktop import words
from ombud_desktop.bulk import paused_gc
from ombud_desktop.domain import register
from ombud_desktop.domain.keys import response_key_indicator
from ombud_desktop.domain.records import PlannedLocus, PlanSlot
from ombud_desktop.scoring import (
    Correction,
    EntityScore,
    LocusResult,
    LocusScore,
    rank_entities,
    score_entity,
    score_locus,
)
from ombud_desktop.scoring.duplicates import COUNTED, Standing, standings
from ombud_desktop.scoring.inputs import NO_INPUTS, EntityInputs
from ombud_desktop.scoring.plan import with_plan
from ombud_desktop.scoring.ranks import CountrySize, scope_ranks
from ombud_desktop.services.previous import with_previous
from ombud_desktop.services.score_cache import cache_entry, fresh
from ombud_desktop.storage import locus_state
from ombud_desktop.storage.documents import iter_documents, load_document
from ombud_desktop.storage.entity_inputs import read_entity_inputs
from ombud_desktop.storage.records import plans as entity_plans
from ombud_desktop.storage.score_cache import cached_list_scores, cached_period_scores
from ombud_desktop.storage.workspace import Workspace


@dataclass(frozen=True)
class ScoredLocus:
    """A locus score with the names it belongs to."""

    row: dict[str, Any]
    result: LocusScore
    state: LocusState | None = None  # review, conflicts, held changes, duplicate (fresh)

    def to_json(self) -> dict[str, Any]:
        """Return the locus as the ``loci`` entries of ``ombud score --json``."""
        data = self.result.to_json()
        state = self.state or LocusState()
        standing = state.standing
        data["provisional"] = bool(
            data["provisional"] or state.open_conflicts or standing.duplicate_of
        )
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
            "review": state.review,
            "open_conflicts": list(state.open_conflicts),
            "pending_changes": state.pending_changes,
            "duplicate_of": standing.duplicate_of,
            "set_aside_for": standing.set_aside_for,
        }


@dataclass(frozen=True)
class WorkspaceScores:
    """All locus and entity scores of a workspace."""

    loci: list[ScoredLocus]
    entities: list[EntityScore]

    def to_json(self, language: str = "en") -> dict[str, Any]:
        """Return ``{"loci": [...], "entities": [...]}`` (reasons in words of ``language``)."""
        return {
            "loci": [locus.to_json() for locus in self.loci],
            "entities": [entity_json(entity, language) for entity in self.entities],
        }


def entity_json(entity: EntityScore, language: str = "en") -> dict[str, Any]:
    """Return an entity as ``ombud score --json`` prints it: with its reasons in words."""
    return {
        **entity.to_json(),
        "provisional_reasons": [
            {"code": r.code, "text": words.entity_reason_text(r.code, r.data, language)}
            for r in entity.reasons
        ],
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


def score_workspace(
    workspace: Workspace,
    *,
    period: str | None = None,
    province: str | None = None,
    country_size: CountrySize | None = None,
) -> WorkspaceScores:
    """Score every (non-deleted) assessment, then every entity per period, ranked.

    ``province``: only the loci and entities of this province (any case) in the answer;
    ranks are still among every entity of the category present (with their scope). Each
    entity carries its result in the previous period the workspace holds (``previous``).
    ``country_size``: how many entities of a category the country has (default: the
    register's), which decides when a rank is national.
    """
    loci: list[ScoredLocus] = []
    with paused_gc():
        # One period of many years: only its documents are read (storage/documents.py).
        for row, document in iter_documents(workspace, period=period):
            instrument = workspace.instrument(row["instrument_hash"])
            loci.append(ScoredLocus(row, score_locus(instrument, document)))
    loci.sort(key=_display_order)
    _refresh_cache(workspace, loci, period)
    # Read once, of this period only: the entities below use the same states.
    states = LocusStates.read(workspace, period=period)
    loci = [replace(s, state=states.of(s.row["id"])) for s in loci]
    entities = with_previous(
        workspace,
        score_entities(workspace, loci, country_size=country_size, states=states),
        lambda p, ids: ranked_entities(
            workspace, period=p, country_size=country_size, entities=ids
        ),
    )
    if province is not None:
        wanted = province.casefold()
        loci = [s for s in loci if s.row["entity"]["province"].casefold() == wanted]
        entities = [e for e in entities if e.province.casefold() == wanted]
    return WorkspaceScores(loci=loci, entities=entities)


def _refresh_cache(workspace: Workspace, loci: list[ScoredLocus], period: str | None) -> None:
    """Keep what was just scored in the locus score cache (where it is out of date)."""
    cached = cached_list_scores(workspace, period=period)
    workspace.cache_locus_scores(
        [cache_entry(s.row, s.result) for s in loci if not fresh(s.row, cached.get(s.row["id"]))]
    )


def score_entities(
    workspace: Workspace,
    loci: list[ScoredLocus],
    *,
    country_size: CountrySize | None = None,
    states: LocusStates | None = None,
) -> list[EntityScore]:
    """Score every entity per period from its scored loci, with corrections; then rank.

    ``states``: the loci's states if already read (default: read now, for their periods).
    """
    return _entities(
        workspace,
        [(s.row, LocusResult(s.row["id"], s.result.score, s.result.provisional)) for s in loci],
        country_size=country_size,
        states=states,
    )


def ranked_entities(
    workspace: Workspace,
    *,
    period: str | None = None,
    country_size: CountrySize | None = None,
    entities: frozenset[str] | None = None,
) -> list[EntityScore]:
    """Return every entity's score, ranked, as ``score_workspace`` would, but faster.

    Locus scores come from the workspace's cache where the assessment has not changed since
    (same ``updated_at`` and instrument); the others are scored now and cached. Ranking a
    period (an entity recap, a province overview) then costs a fraction of scoring it all.

    ``entities``: only these entities' assessments are read and scored; their ranks are then
    among themselves alone (for their previous results, which take no rank).
    """
    states = None  # read by _entities for the period
    if entities is None:
        rows = workspace.assessment_rows(period=period)
    else:
        ids = locus_state.entity_assessment_ids(workspace, entities, period=period)
        rows = workspace.assessment_rows(ids=ids)
        states = LocusStates.read_of(workspace, ids)  # theirs, not the whole period's
    cached = cached_period_scores(workspace, period)
    results: dict[str, LocusResult] = {}
    stale = []
    for row in rows:
        hit = cached.get(row["id"])
        if hit is not None and hit[0] == row["updated_at"] and hit[1] == row["instrument_hash"]:
            results[row["id"]] = LocusResult(row["id"], hit[2], hit[3])
        else:
            stale.append(row)
    if stale:
        entries: list[tuple[Any, ...]] = []
        scored = _score_rows(
            workspace, stale, everything=len(stale) > len(rows) // 4, entries=entries
        )
        workspace.cache_locus_scores(entries)
        results.update((row["id"], r) for row, r in scored)
    return _entities(
        workspace,
        [(row, results[row["id"]]) for row in rows],
        country_size=country_size,
        states=states,
    )


def _score_rows(
    workspace: Workspace,
    rows: list[dict[str, Any]],
    *,
    everything: bool,
    entries: list[tuple[Any, ...]] | None = None,
) -> list[tuple[dict[str, Any], LocusResult]]:
    """Score these assessments (reading all in order when many are wanted).

    ``entries``: where to add each one's locus score cache entry.
    """
    wanted = {row["id"]: row for row in rows}
    out = []
    with paused_gc():
        if everything:
            pairs = iter_documents(workspace, ids=wanted)
        else:
            pairs = ((r, load_document(workspace, r["id"])) for r in rows)
        for row, document in pairs:
            result = score_locus(workspace.instrument(row["instrument_hash"]), document)
            summary = LocusResult(row["id"], result.score, result.provisional)
            out.append((wanted[row["id"]], summary))
            if entries is not None:
                entries.append(cache_entry(wanted[row["id"]], result))
    return out


def _entities(
    workspace: Workspace,
    loci: list[tuple[dict[str, Any], LocusResult]],
    *,
    country_size: CountrySize | None = None,
    states: LocusStates | None = None,
) -> list[EntityScore]:
    loci = with_states(workspace, loci, states)
    groups: dict[tuple[str, str], list[tuple[dict[str, Any], LocusResult]]] = defaultdict(list)
    for row, result in loci:
        groups[(row["entity"]["id"], row["period"])].append((row, result))
    corrections: dict[tuple[str, str], list[Correction]] = defaultdict(list)
    for c in workspace.corrections():
        corrections[(c["entity_id"], c["period_id"])].append(
            Correction(
                kind=c["kind"], reason=c["reason"], points=c["points"], cap_grade=c["cap_grade"]
            )
        )
    inputs = read_entity_inputs(workspace)
    entities = []
    for (entity_id, period_id), members in groups.items():
        first = members[0][0]
        # The loci of an entity in one period share its instrument, hence its grade scale
        # and the parts its score is made of (the 2025 model: field, secondary data, trust).
        instrument = workspace.instrument(first["instrument_hash"])
        scale = instrument.grade_scale
        entities.append(
            score_entity(
                entity_id=entity_id,
                entity=first["entity"]["name"],
                category=first["entity"]["category"],
                period=period_id,
                loci=[replace(result, locus=row["locus"]["name"]) for row, result in members],
                scale=scale,
                corrections=corrections[(entity_id, period_id)],
                province=first["entity"]["province"],
                **instrument_parts(instrument, inputs.get((entity_id, period_id))),
            )
        )
    ranked = rank_entities(_with_plans(workspace, entities, groups))
    return scope_ranks(ranked, country_size or register.country_size)


def instrument_parts(instrument: Any, inputs: EntityInputs | None) -> dict[str, Any]:
    """Return what ``score_entity`` takes from the instrument for the 2025 model's parts."""
    return {
        "rule": instrument.score,
        "inputs": inputs or NO_INPUTS,
        "qualifier": instrument.qualifier,
        "methodology_draft": instrument.is_draft,
    }


def _with_plans(
    workspace: Workspace,
    entities: list[EntityScore],
    groups: dict[tuple[str, str], list[tuple[dict[str, Any], LocusResult]]],
) -> list[EntityScore]:
    """Count each entity's planned loci: its supervisor's plan, or the instrument's template."""
    plans = entity_plans(workspace)
    out = []
    for entity in entities:
        members = groups[(entity.entity_id, entity.period)]
        record = plans.get((entity.entity_id, entity.period))
        if record is not None:
            slots = record.slots()
        else:
            first = members[0][0]
            templates = workspace.instrument(first["instrument_hash"]).templates_for(
                first["entity"]["category"], first["entity"]["name"]
            )
            slots = [PlanSlot(t.type) for t in templates]
        loci = [
            PlannedLocus(
                row["locus"]["name"],
                row["locus"]["type"],
                result.score is not None and not result.provisional,
            )
            for row, result in members
        ]
        out.append(with_plan(entity, slots, loci))
    return out


def locus_completeness(workspace: Workspace, rows: list[dict[str, Any]]) -> dict[str, bool]:
    """Return assessment id -> True when it is scored and not provisional."""
    return {
        row["id"]: result.score is not None and not result.provisional
        for row, result in _score_rows(workspace, rows, everything=False)
    }


# -- the state of each locus, read fresh (never from the score cache) ------------------------


@dataclass(frozen=True)
class LocusState:
    """What an assessment's answers do not say but its score's meaning depends on."""

    review: str | None = None  # None (not reviewed), "approved" or "returned"
    open_conflicts: tuple[str, ...] = ()  # the cells in open conflict ("IN07")
    pending_changes: int = 0
    standing: Standing = COUNTED


@dataclass(frozen=True)
class LocusStates:
    """The state of every assessment of a workspace, read in four queries."""

    reviews: dict[str, str]
    conflicts: dict[str, list[tuple[str, str, str]]]
    pending: dict[str, int]
    standings: dict[str, Standing]

    @classmethod
    def read(cls, workspace: Workspace, *, period: str | None = None) -> LocusStates:
        """Read the review decisions, open conflicts, held changes and duplicates.

        ``period``: of that period's assessments only (what scoring one period needs).
        """
        # TODO(merge): the `comments` piece's services/review_state.py review_states() gives
        # review, open conflicts and held changes too; use it here once both are on main.
        return cls(
            reviews=locus_state.review_statuses(workspace, period=period),
            conflicts=locus_state.open_conflict_cells(workspace, period=period),
            pending=locus_state.pending_counts(workspace, period=period),
            standings=standings(locus_state.locus_period_rows(workspace, period=period)),
        )

    @classmethod
    def read_of(cls, workspace: Workspace, ids: list[str]) -> LocusStates:
        """Read the states of these assessments alone (duplicates: with their locus-mates)."""
        reviews, conflicts, pending = locus_state.states_of(workspace, ids)
        return cls(
            reviews=reviews,
            conflicts=conflicts,
            pending=pending,
            standings=standings(locus_state.rows_beside(workspace, ids)),
        )

    @classmethod
    def read_for(cls, workspace: Workspace, periods: set[str]) -> LocusStates:
        """Read the states of these periods' assessments (one period alone when one)."""
        if len(periods) != 1:
            return cls.read(workspace)
        (period,) = periods
        return cls.read(workspace, period=period)

    def of(self, assessment_id: str) -> LocusState:
        """Return one assessment's state."""
        return LocusState(
            review=self.reviews.get(assessment_id),
            open_conflicts=conflict_cells(self.conflicts.get(assessment_id, [])),
            pending_changes=self.pending.get(assessment_id, 0),
            standing=self.standings.get(assessment_id, COUNTED),
        )


def conflict_cells(cells: list[tuple[str, str, str]]) -> tuple[str, ...]:
    """Return cells in conflict as people name them: the indicator ("IN07"), else the field."""
    named = [
        response_key_indicator(row_id) if target == "response" else f"{target}.{field}"
        for target, row_id, field in cells
    ]
    return tuple(dict.fromkeys(named))


def with_states(
    workspace: Workspace,
    loci: list[tuple[dict[str, Any], LocusResult]],
    states: LocusStates | None = None,
) -> list[tuple[dict[str, Any], LocusResult]]:
    """Fill each locus result's state; leave out assessments set aside for a duplicate.

    ``states``: already read (default: read now, of the loci's period alone when they share
    one, so ranking one year of a decade does not read the others' states).
    """
    if states is None:
        states = LocusStates.read_for(workspace, {row["period"] for row, _ in loci})
    out = []
    for row, result in loci:
        state = states.of(row["id"])
        if state.standing.set_aside_for is not None:
            continue
        out.append(
            (
                row,
                replace(
                    result,
                    review=state.review,
                    open_conflicts=state.open_conflicts,
                    pending_changes=state.pending_changes,
                    duplicate_of=state.standing.duplicate_of,
                ),
            )
        )
    return out
