"""Closing a period and purging its personal data: ``ombud period close|purge PERIOD``.

METHODOLOGY §6: respondents' names, NIP and phone numbers are needed for quality control while
a period is assessed, and removable once it is closed. A supervisor (of the entity's province)
or pusat closes the period; after that, they may purge it. Both are supervisor records of each
entity of the period (``close``, ``purge``; domain/records.py), signed and carried by every
package of the entity and period like corrections, so a purge reaches every copy: whoever imports
it purges too (packages/importer.py), and a package of a purged period carries no personal data.

Purging removes the personal values from the current tables, from the change log's stored
values (each change row stays, its value replaced by the purge marker), from changes held after
approval and from sealed personal data waiting to be opened (storage/purge.py), then rewrites
the database files (VACUUM) so no name or phone number is left in them. Scores and anonymous
answers are untouched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ombud_desktop.domain.records import CLOSE, PURGE, EntityRecord, first_of
from ombud_desktop.errors import ValidationError
from ombud_desktop.packages.certificates import NATIONAL, SUPERVISOR
from ombud_desktop.packages.keys import KeyStore
from ombud_desktop.services.changes import Changes, Written
from ombud_desktop.services.keys import CERTIFIED, own_role
from ombud_desktop.storage import purge as purge_store
from ombud_desktop.storage import records as store
from ombud_desktop.storage.workspace import Workspace, storage_errors, timestamp


@dataclass(frozen=True)
class EntityState:
    """One entity of the period: whether it is closed and purged, and since when."""

    entity_id: str
    name: str
    province: str
    closed_at: str | None = None
    purged_at: str | None = None
    outcome: str = ""  # closed / already_closed / purged / already_purged / not_closed / not_yours

    def to_json(self) -> dict[str, Any]:
        """Return the entity's state as JSON data."""
        return {
            "entity_id": self.entity_id,
            "entity": self.name,
            "province": self.province,
            "closed_at": self.closed_at,
            "purged_at": self.purged_at,
            "outcome": self.outcome,
        }


@dataclass(frozen=True)
class PurgedAssessment:
    """What the purge removed from one assessment."""

    entity: str
    locus: str
    count: purge_store.PurgeCount

    def to_json(self) -> dict[str, Any]:
        """Return the assessment's counts as JSON data."""
        return {"entity": self.entity, "locus": self.locus, **self.count.to_json()}


@dataclass(frozen=True)
class PeriodReport:
    """What closing or purging a period did, entity by entity (and assessment by assessment)."""

    period: str
    entities: list[EntityState]
    assessments: list[PurgedAssessment] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        """Return how many entities had this outcome."""
        return sum(1 for e in self.entities if e.outcome == outcome)

    def to_json(self) -> dict[str, Any]:
        """Return the report as JSON data (``ombud period close|purge --json``)."""
        totals = {
            key: sum(a.count.to_json()[key] for a in self.assessments)
            for key in ("respondents", "log_values", "pending_values", "sealed")
        }
        return {
            "period": self.period,
            "entities": [e.to_json() for e in self.entities],
            "assessments": [a.to_json() for a in self.assessments],
            "removed": totals,
        }


def _may_keep(keys: KeyStore, province: str) -> bool:
    """Return True when this user is pusat or a supervisor of the province (records' rule)."""
    role = own_role(keys)
    if role.kind == NATIONAL:
        return True
    return role.kind == CERTIFIED and role.role == SUPERVISOR and (role.province or "") == province


class PeriodService:
    """Closing and purging periods of one workspace, with the user's keys' authority."""

    def __init__(self, workspace: Workspace, keys: KeyStore):
        self.workspace = workspace
        self.keys = keys

    def states(self, period: str) -> list[EntityState]:
        """Return every entity assessed in the period here, with its close and purge."""
        period = str(period).strip()
        entities: dict[str, dict[str, Any]] = {}
        for row in self.workspace.assessment_rows(include_deleted=True):
            if str(row["period"]) == period:
                entities.setdefault(row["entity"]["id"], row["entity"])
        if not entities:
            raise ValidationError(
                f"no assessment of period {period} is in this workspace",
                code="period_empty",
                period=period,
            )
        out = []
        for entity_id, entity in sorted(entities.items(), key=lambda e: str(e[1]["name"])):
            records = [s.record for s in store.records_of(self.workspace, entity_id, period)]
            closed, purged = first_of(records, CLOSE), first_of(records, PURGE)
            out.append(
                EntityState(
                    entity_id,
                    str(entity["name"]),
                    str(entity.get("province") or ""),
                    closed.at if closed else None,
                    purged.at if purged else None,
                )
            )
        return out

    def _require_some(self, states: list[EntityState], period: str) -> None:
        if not any(_may_keep(self.keys, s.province) for s in states):
            provinces = sorted({s.province or "-" for s in states})
            raise ValidationError(
                f"only a supervisor of the entities' province ({', '.join(provinces)}) or "
                f"pusat closes period {period} and purges its personal data",
                code="period_supervisor_only",
                hint="Install your supervisor's certificate (ombud keys certificate FILE) first.",
                period=period,
                province=", ".join(provinces),
            )

    def close(self, period: str) -> Written[PeriodReport]:
        """Close the period for every entity of it this user may close; report each entity."""
        period = str(period).strip()
        states = self.states(period)
        self._require_some(states, period)
        workspace = self.workspace
        out = []
        with storage_errors("closing the period"), workspace.db.atomic():
            for state in states:
                if state.closed_at is not None:
                    out.append(_with(state, "already_closed"))
                elif not _may_keep(self.keys, state.province):
                    out.append(_with(state, "not_yours"))
                else:
                    record = self._keep(state.entity_id, period, CLOSE)
                    out.append(_with(state, "closed", closed_at=record.at))
        return Written(PeriodReport(period, out), Changes(corrections=True))

    def purge(self, period: str) -> Written[PeriodReport]:
        """Purge the personal data of the period's closed entities; report what was removed.

        Refused (``period_not_closed``) when no entity of the period is closed. Entities not
        closed keep their personal data and are named in the report.
        """
        period = str(period).strip()
        states = self.states(period)
        self._require_some(states, period)
        if not any(s.closed_at for s in states):
            raise ValidationError(
                f"period {period} is not closed: close it first (ombud period close {period})",
                code="period_not_closed",
                period=period,
            )
        workspace = self.workspace
        out = []
        with storage_errors("purging personal data"), workspace.db.atomic():
            for state in states:
                if state.purged_at is not None:
                    out.append(_with(state, "already_purged"))
                elif state.closed_at is None:
                    out.append(_with(state, "not_closed"))
                elif not _may_keep(self.keys, state.province):
                    out.append(_with(state, "not_yours"))
                else:
                    record = self._keep(state.entity_id, period, PURGE)
                    out.append(_with(state, "purged", purged_at=record.at))
            purged = self._purge_all(period)
        purge_store.compact(workspace)
        ids = [p.count.assessment_id for p in purged]
        return Written(PeriodReport(period, out, purged), Changes.of(ids, corrections=True))

    def _purge_all(self, period: str) -> list[PurgedAssessment]:
        """Purge every assessment of the period whose entity has a purge record."""
        workspace = self.workspace
        rows = {
            r["id"]: r
            for r in workspace.assessment_rows(include_deleted=True)
            if str(r["period"]) == period
        }
        return [
            PurgedAssessment(
                str(rows[i]["entity"]["name"]),
                str(rows[i]["locus"]["name"]),
                purge_store.purge_assessment(workspace, i),
            )
            for i in purge_store.purged_assessments(workspace, rows)
        ]

    def _keep(self, entity_id: str, period: str, kind: str) -> EntityRecord:
        workspace = self.workspace
        record = store.new_record(workspace, entity_id, period, kind, {})
        store.keep_record(
            workspace,
            store.StoredRecord(record, entity_id, workspace.device_id,
                               timestamp(workspace.clock())),
        )
        return record


def _with(state: EntityState, outcome: str, **times: str) -> EntityState:
    return EntityState(
        state.entity_id,
        state.name,
        state.province,
        times.get("closed_at", state.closed_at),
        times.get("purged_at", state.purged_at),
        outcome,
    )
