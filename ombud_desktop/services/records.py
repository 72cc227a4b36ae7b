"""Supervisor records as use cases: corrections (add, list, withdraw) and the plan of loci.

One implementation for ``ombud correction …``, ``ombud plan …`` and the results window. Only a
supervisor (a key certified as supervisor) or pusat (the national key) makes records; the rule
is the one every importer applies to the records' signatures (packages/records.py), checked here
too so that nobody writes what no other workspace would accept.

Plan loci (``ombud plan set ENTITY --period P LOCUS...``): each LOCUS is first taken as the name
of one of the entity's loci (spaces and case do not matter) and makes a slot for that locus;
otherwise as a locus type of the instrument's template (``puskesmas``), and makes a slot any
locus of that type fills. Give a type twice for two such loci. Without a plan record the plan
is the template of the entity's category (domain/records.py says how slots are filled).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ombud_desktop.domain.records import (
    CORRECTION,
    MAX_PLAN_SLOTS,
    MAX_REASON,
    PLAN,
    WITHDRAWAL,
    EntityRecord,
    PlannedLocus,
    PlanSlot,
    correction_key,
    current_plan,
    fill_plan,
    in_force,
    same_name,
    tidy,
    withdrawals,
)
from ombud_desktop.errors import NotFoundError, ValidationError
from ombud_desktop.packages.certificates import NATIONAL, SUPERVISOR
from ombud_desktop.packages.keys import KeyStore
from ombud_desktop.services.changes import Changes, Written
from ombud_desktop.services.keys import CERTIFIED, own_role
from ombud_desktop.storage import records as store
from ombud_desktop.storage.workspace import Workspace


def may_keep_records(keys: KeyStore) -> bool:
    """Return True when this user's key is pusat's or certified as a supervisor's."""
    role = own_role(keys)
    return role.kind == NATIONAL or (role.kind == CERTIFIED and role.role == SUPERVISOR)


def why_not_supervisor(keys: KeyStore | None, province: str) -> str | None:
    """Return None when this user keeps the records of ``province``'s entities, or why not.

    ``"not_supervisor"``: the key is neither pusat's nor certified as a supervisor's;
    ``"other_province"``: a supervisor of another province. No ``keys``: not a supervisor.
    """
    if keys is None:
        return "not_supervisor"
    role = own_role(keys)
    if role.kind == NATIONAL:
        return None
    if role.kind == CERTIFIED and role.role == SUPERVISOR:
        return None if (role.province or "") == province else "other_province"
    return "not_supervisor"


def _require_supervisor(keys: KeyStore | None, province: str) -> None:
    if why_not_supervisor(keys, province) is None:
        return
    raise ValidationError(
        "only a supervisor of the entity's province (or pusat) corrects results and plans loci",
        code="records_supervisor_only",
        hint="Install your supervisor's certificate (ombud keys certificate FILE) first.",
        province=province or "-",
    )


@dataclass(frozen=True)
class CorrectionView:
    """A correction as lists show it, with its withdrawal if any."""

    id: str
    entity_id: str
    entity: str
    province: str
    period: str
    kind: str
    points: float
    cap_grade: str | None
    reason: str
    author: str
    author_key: str | None
    at: str
    withdrawn: dict[str, Any] | None = None  # {"by", "at", "reason"}

    def to_json(self) -> dict[str, Any]:
        """Return the correction as JSON data (``ombud correction list --json``)."""
        return {
            "id": self.id,
            "entity_id": self.entity_id,
            "entity": self.entity,
            "province": self.province,
            "period": self.period,
            "kind": self.kind,
            "points": self.points,
            "cap_grade": self.cap_grade,
            "reason": self.reason,
            "author": self.author,
            "author_key": self.author_key,
            "at": self.at,
            "state": "withdrawn" if self.withdrawn else "in_force",
            "withdrawn": self.withdrawn,
        }


@dataclass(frozen=True)
class PlannedSlot:
    """One slot of an entity's plan, with the locus that fills it and its assessments."""

    type: str | None
    name: str | None
    locus: str | None
    complete: bool
    assessments: list[dict[str, Any]] = field(default_factory=list)  # {id, status, complete}

    def to_json(self) -> dict[str, Any]:
        """Return the slot as JSON data."""
        return {
            "type": self.type,
            "name": self.name,
            "locus": self.locus,
            "complete": self.complete,
            "assessments": self.assessments,
        }


@dataclass(frozen=True)
class PlanView:
    """The plan of an entity in a period: where it comes from and how far it is done."""

    entity_id: str
    entity: str
    period: str
    source: str  # "template", "record" or "none"
    set_by: str | None
    set_at: str | None
    record_id: str | None
    slots: list[PlannedSlot]

    @property
    def complete(self) -> int:
        """Return how many planned loci have a complete assessment."""
        return sum(1 for slot in self.slots if slot.complete)

    def to_json(self) -> dict[str, Any]:
        """Return the plan as JSON data (``ombud plan show --json``)."""
        return {
            "entity_id": self.entity_id,
            "entity": self.entity,
            "period": self.period,
            "source": self.source,
            "set_by": self.set_by,
            "set_at": self.set_at,
            "record_id": self.record_id,
            "planned": len(self.slots),
            "complete": self.complete,
            "loci": [slot.to_json() for slot in self.slots],
        }


@dataclass(frozen=True)
class EntityRecords:
    """What the results window shows of an entity's records in a period, and what it may do.

    ``template``: the instrument's locus template ({type, label {id, en}}); ``loci``: the
    entity's known loci ({name, type}); ``why_not``: None when this user may change the plan and
    the corrections, else ``"not_supervisor"`` or ``"other_province"``.
    """

    entity_id: str
    entity: str
    province: str
    period: str
    plan: PlanView
    corrections: list[CorrectionView]
    template: list[dict[str, Any]]
    loci: list[dict[str, Any]]
    grades: list[str]
    why_not: str | None

    @property
    def may_edit(self) -> bool:
        """Return True when this user may set the plan and add or withdraw corrections."""
        return self.why_not is None


def _entity(workspace: Workspace, name: str) -> dict[str, Any]:
    return workspace.entity_by_name(tidy(name))


def _clean_reason(reason: str, code: str) -> str:
    text = tidy(reason)
    if not text:
        raise ValidationError("a reason is needed", code=code)
    if len(text) > MAX_REASON:
        raise ValidationError(
            f"the reason is longer than {MAX_REASON} characters",
            code="record_reason_too_long",
            limit=MAX_REASON,
        )
    return text


def _period_rows(workspace: Workspace, entity_id: str, period: str) -> list[dict[str, Any]]:
    return [
        r
        for r in workspace.assessment_rows()
        if r["entity"]["id"] == entity_id and str(r["period"]) == str(period)
    ]


def _grades(workspace: Workspace, entity: dict[str, Any], period: str) -> list[str]:
    rows = _period_rows(workspace, entity["id"], period)
    if not rows:
        raise ValidationError(
            f"{entity['name']} has no assessment in period {period}",
            code="no_assessment_in_period",
            entity=entity["name"],
            period=period,
        )
    scale = workspace.instrument(rows[0]["instrument_hash"]).grade_scale
    return [str(b.grade) for b in scale.bands]


class RecordService:
    """Corrections and plans of one workspace, made with the user's keys' authority."""

    def __init__(self, workspace: Workspace, keys: KeyStore | None):
        self.workspace = workspace
        self.keys = keys

    # -- corrections -------------------------------------------------------------------------

    def add_correction(
        self,
        entity_name: str,
        period: str,
        *,
        points: float | None = None,
        cap_grade: str | None = None,
        reason: str,
    ) -> Written[str]:
        """Record a correction (points off, or a grade cap) with a reason; return its id."""
        if (points is None) == (cap_grade is None):
            raise ValidationError("give either --points or --cap", code="correction_kind_needed")
        text = _clean_reason(reason, "correction_reason_needed")
        if points is not None and not 0 < points <= 100:
            raise ValidationError(
                f"{points} is not a score from 0 to 100", code="score_out_of_range", value=points
            )
        workspace = self.workspace
        entity = _entity(workspace, entity_name)
        _require_supervisor(self.keys, entity["province"])
        period = str(period)
        if cap_grade is not None:
            grades = _grades(workspace, entity, period)
            if cap_grade not in grades:
                raise ValidationError(
                    f"{cap_grade!r} is not a grade", hint=f"Grades: {', '.join(grades)}.",
                    code="not_a_grade", grade=cap_grade, grades=", ".join(grades),
                )
        content = {
            "kind": "points" if points is not None else "cap",
            "points": float(points or 0.0),
            "cap_grade": cap_grade,
            "reason": text,
        }
        kept = [s.record for s in store.records_of(workspace, entity["id"], period)]
        key = correction_key(content)
        if any(correction_key(r.content) == key for r in in_force(kept)):
            raise ValidationError(
                f"{entity['name']} ({period}) already has this correction in force",
                code="correction_duplicate",
                hint="List them with `ombud correction list`; withdraw one before adding "
                "it again.",
                entity=entity["name"],
                period=period,
            )
        record = store.new_record(workspace, entity["id"], period, CORRECTION, content)
        store.add_record(workspace, entity["id"], record)
        return Written(record.id, Changes(corrections=True))

    def corrections(self, *, include_withdrawn: bool = True) -> list[CorrectionView]:
        """Return every correction (withdrawn ones too, marked), oldest first."""
        groups: dict[tuple[str, str], list[store.StoredRecord]] = defaultdict(list)
        for stored in store.records_of(self.workspace):
            groups[(stored.entity_id, stored.record.period)].append(stored)
        out = []
        for (entity_id, _period), members in groups.items():
            records = [s.record for s in members]
            by_id = {s.record.id: s for s in members}
            gone = withdrawals(records)
            for record in sorted(
                (r for r in records if r.kind == CORRECTION), key=lambda r: r.order
            ):
                withdrawal = gone.get(record.id)
                if withdrawal is not None and not include_withdrawn:
                    continue
                out.append(_view(entity_id, record, by_id[record.id], withdrawal))
        return sorted(out, key=lambda c: (c.at, c.id))

    def withdraw(self, prefix: str, reason: str) -> Written[CorrectionView]:
        """Withdraw a correction in force (a recorded withdrawal, never a deletion)."""
        text = _clean_reason(reason, "correction_reason_needed")
        workspace = self.workspace
        found = [s for s in store.find_record(workspace, prefix) if s.record.kind == CORRECTION]
        if len(found) != 1:
            raise NotFoundError(
                f"no single correction with id {prefix!r} ({len(found)} found)",
                code="correction_not_found",
                hint="Use an id shown by `ombud correction list`.",
                id=prefix,
                found=len(found),
            )
        target = found[0]
        record = target.record
        entity = store.entity_row(workspace, target.entity_id)
        _require_supervisor(self.keys, entity["province"])
        kept = [s.record for s in store.records_of(workspace, target.entity_id, record.period)]
        if record.id in withdrawals(kept):
            raise ValidationError(
                f"correction {record.id[:13]} is withdrawn already",
                code="correction_withdrawn_already",
                id=record.id[:13],
            )
        withdrawal = store.new_record(
            workspace,
            target.entity_id,
            record.period,
            WITHDRAWAL,
            {"record": record.id, "reason": text},
        )
        store.add_record(workspace, target.entity_id, withdrawal)
        view = _view(target.entity_id, record, target, withdrawal)
        return Written(view, Changes(corrections=True))

    # -- the plan ----------------------------------------------------------------------------

    def set_plan(self, entity_name: str, period: str, loci: list[str]) -> Written[PlanView]:
        """Record the plan of an entity's loci for a period (see the module's docstring)."""
        workspace = self.workspace
        entity = _entity(workspace, entity_name)
        _require_supervisor(self.keys, entity["province"])
        period = str(period)
        if not loci:
            raise ValidationError("a plan names at least one locus", code="plan_empty")
        if len(loci) > MAX_PLAN_SLOTS:
            raise ValidationError(
                f"a plan has at most {MAX_PLAN_SLOTS} loci",
                code="plan_too_long",
                limit=MAX_PLAN_SLOTS,
            )
        known = store.entity_loci(workspace, entity["id"])
        types = {s.type for s in template_slots(workspace, entity, period) if s.type}
        slots = []
        for typed in loci:
            named = [(name, kind) for name, kind in known if same_name(name, typed)]
            if named:
                slots.append({"type": named[0][1], "name": named[0][0]})
            elif tidy(typed).lower() in types:
                slots.append({"type": tidy(typed).lower(), "name": None})
            else:
                raise ValidationError(
                    f"{typed!r} is neither a locus of {entity['name']} nor a locus type of its "
                    "instrument's template",
                    code="plan_locus_unknown",
                    hint=f"Locus types: {', '.join(sorted(types)) or '-'}.",
                    locus=typed,
                    types=", ".join(sorted(types)) or "-",
                )
        names = [s["name"] for s in slots if s["name"]]
        if len(names) != len({tidy(n).casefold() for n in names}):
            raise ValidationError("a locus is named twice in the plan", code="plan_locus_twice")
        record = store.new_record(workspace, entity["id"], period, PLAN, {"loci": slots})
        store.add_record(workspace, entity["id"], record)
        return Written(self.plan(entity["id"], period), Changes(corrections=True, entities=True))

    def plan(self, entity_name: str, period: str | None = None) -> PlanView:
        """Return the plan of an entity for a period (default: its latest period)."""
        workspace = self.workspace
        entity = _entity(workspace, entity_name)
        rows = [r for r in workspace.assessment_rows() if r["entity"]["id"] == entity["id"]]
        if period is None:
            periods = sorted({str(r["period"]) for r in rows})
            period = periods[-1] if periods else ""
        period = str(period)
        slots, record = plan_of(workspace, entity, period)
        assessed = _assessed(workspace, entity["id"], period)
        fills = fill_plan(
            slots,
            [PlannedLocus(a["locus"], a["type"], a["complete"]) for a in assessed],
        )
        planned = []
        for fill in fills:
            at_locus = [
                {"id": a["id"], "status": a["status"], "complete": a["complete"]}
                for a in assessed
                if fill.locus is not None and same_name(a["locus"], fill.locus)
            ]
            planned.append(
                PlannedSlot(fill.slot.type, fill.slot.name, fill.locus, fill.complete, at_locus)
            )
        return PlanView(
            entity_id=entity["id"],
            entity=entity["name"],
            period=period,
            source="record" if record else ("template" if slots else "none"),
            set_by=record.author if record else None,
            set_at=record.at if record else None,
            record_id=record.id if record else None,
            slots=planned,
        )


    # -- one entity, for the results window -------------------------------------------------

    def entity_records(self, entity_id: str, period: str) -> EntityRecords:
        """Return the plan and corrections of one entity in a period, and the choices."""
        workspace = self.workspace
        entity = _entity(workspace, entity_id)
        period = str(period)
        rows = _period_rows(workspace, entity["id"], period)
        template: list[dict[str, Any]] = []
        grades: list[str] = []
        if rows:
            instrument = workspace.instrument(rows[0]["instrument_hash"])
            template = [
                {"type": t.type, "label": {"id": t.name.id, "en": t.name.en}}
                for t in instrument.templates_for(
                    entity["category"], entity.get("name") or ""
                )
            ]
            grades = [str(b.grade) for b in instrument.grade_scale.bands if b.grade]
        return EntityRecords(
            entity_id=entity["id"],
            entity=entity["name"],
            province=entity["province"],
            period=period,
            plan=self.plan(entity["id"], period),
            corrections=[
                c for c in self.corrections()
                if c.entity_id == entity["id"] and c.period == period
            ],
            template=template,
            loci=[
                {"name": name, "type": kind}
                for name, kind in store.entity_loci(workspace, entity["id"])
            ],
            grades=grades,
            why_not=why_not_supervisor(self.keys, entity["province"]),
        )


def _view(
    entity_id: str,
    record: EntityRecord,
    stored: store.StoredRecord,
    withdrawal: EntityRecord | None,
) -> CorrectionView:
    content = record.content
    return CorrectionView(
        id=record.id,
        entity_id=entity_id,
        entity=str(record.entity.get("name", "")),
        province=str(record.entity.get("province", "")),
        period=record.period,
        kind=str(content["kind"]),
        points=float(content.get("points") or 0.0),
        cap_grade=content.get("cap_grade"),
        reason=str(content["reason"]),
        author=record.author,
        author_key=stored.author_fingerprint,
        at=record.at,
        withdrawn=None
        if withdrawal is None
        else {
            "by": withdrawal.author,
            "at": withdrawal.at,
            "reason": withdrawal.content.get("reason"),
        },
    )


def template_slots(workspace: Workspace, entity: dict[str, Any], period: str) -> list[PlanSlot]:
    """Return the instrument's locus template for the entity (its instrument in the period)."""
    rows = _period_rows(workspace, entity["id"], period) or [
        r for r in workspace.assessment_rows() if r["entity"]["id"] == entity["id"]
    ]
    if not rows:
        return []
    instrument = workspace.instrument(rows[0]["instrument_hash"])
    templates = instrument.templates_for(entity["category"], entity.get("name") or "")
    return [PlanSlot(t.type, None) for t in templates]


def plan_of(
    workspace: Workspace, entity: dict[str, Any], period: str
) -> tuple[list[PlanSlot], EntityRecord | None]:
    """Return the plan's slots and the record that set them (None: the template)."""
    record = current_plan(s.record for s in store.records_of(workspace, entity["id"], period))
    if record is not None:
        return record.slots(), record
    return template_slots(workspace, entity, period), None


def _assessed(workspace: Workspace, entity_id: str, period: str) -> list[dict[str, Any]]:
    """Return the entity's assessments in the period with their locus and completeness."""
    from ombud_desktop.services.scoring import locus_completeness

    rows = _period_rows(workspace, entity_id, period)
    complete = locus_completeness(workspace, rows)
    return [
        {
            "id": r["id"],
            "locus": r["locus"]["name"],
            "type": r["locus"]["type"],
            "status": r["status"],
            "complete": complete.get(r["id"], False),
        }
        for r in rows
    ]
