"""Supervisor records kept append-only: corrections, withdrawals and plans (domain/records.py).

A record is stored once, by id, with the JSON body its author signs and this workspace's id of
its entity. Its signature is added once (when a package first carries a record made here, or as
it arrives); nothing else of a row ever changes (the table's triggers refuse it). Callers hold
the transaction for writes that go with others.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ombud_desktop.domain.records import PLAN, EntityRecord, current_plan
from ombud_desktop.storage.chunked import rows_in
from ombud_desktop.storage.workspace import Workspace, storage_errors, timestamp

_COLUMNS = (
    "id, entity_id, body, device_id, received_at, author_key, author_fingerprint, "
    "signed_at, signature"
)


@dataclass(frozen=True)
class StoredRecord:
    """A record as kept here: its content, this workspace's entity id, and who signed it."""

    record: EntityRecord
    entity_id: str
    device_id: str
    received_at: str
    author_key: str | None = None  # base64 Ed25519 public key, once signed
    author_fingerprint: str | None = None
    signed_at: str | None = None
    signature: str | None = None  # base64

    @property
    def signed(self) -> bool:
        """Return True once the record carries its author's signature."""
        return self.signature is not None


def record_from_body(body: dict[str, Any]) -> EntityRecord:
    """Return the record a JSON body describes."""
    return EntityRecord(
        id=body["id"],
        kind=body["kind"],
        entity=body["entity"],
        period=body["period"],
        at=body["at"],
        author=body["author"],
        content=body["content"],
    )


def body_text(record: EntityRecord) -> str:
    """Return the text a record's body is kept as."""
    return json.dumps(record.body(), ensure_ascii=False, sort_keys=True)


def _stored(row: tuple[Any, ...]) -> StoredRecord:
    return StoredRecord(record_from_body(json.loads(row[2])), row[1], *row[3:])


def records_of(
    workspace: Workspace, entity_id: str | None = None, period: str | None = None
) -> list[StoredRecord]:
    """Return the records (of one entity, of one period), oldest first."""
    where, params = [], []
    if entity_id is not None:
        where.append("entity_id = ?")
        params.append(entity_id)
    if period is not None:
        where.append("period_id = ?")
        params.append(period)
    sql = f"SELECT {_COLUMNS} FROM entity_records"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return [_stored(row) for row in workspace.db.execute(sql + " ORDER BY at, id", params)]


def records_by_id(workspace: Workspace, ids: Iterable[str]) -> dict[str, StoredRecord]:
    """Return the stored records among ``ids``."""
    sql = f"SELECT {_COLUMNS} FROM entity_records WHERE {{ids}}"
    return {row[0]: _stored(row) for row in rows_in(workspace, sql, sorted(set(ids)), "id")}


def has_kind(workspace: Workspace, entity_id: str, period: str, kind: str) -> bool:
    """Return True when the entity has a record of this kind in the period."""
    row = workspace.db.execute(
        "SELECT 1 FROM entity_records WHERE entity_id = ? AND period_id = ? AND kind = ? LIMIT 1",
        [entity_id, str(period), kind],
    ).fetchone()
    return row is not None


def find_record(workspace: Workspace, prefix: str) -> list[StoredRecord]:
    """Return the records whose id starts with ``prefix`` (or with it after the time part)."""
    typed = prefix.strip().lower()
    if not typed:
        return []
    rows = workspace.db.execute(
        f"SELECT {_COLUMNS} FROM entity_records WHERE id LIKE ? || '%' "
        "OR substr(replace(id, '-', ''), 14) LIKE ? || '%' LIMIT 50",
        [typed, typed.replace("-", "")],
    ).fetchall()
    return [_stored(row) for row in rows]


def keep_record(workspace: Workspace, stored: StoredRecord) -> None:
    """Store a record (the caller checked its id is new)."""
    record = stored.record
    workspace.db.execute(
        "INSERT INTO entity_records (id, kind, entity_id, period_id, at, body, device_id, "
        "received_at, author_key, author_fingerprint, signed_at, signature) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            record.id,
            record.kind,
            stored.entity_id,
            record.period,
            record.at,
            body_text(record),
            stored.device_id,
            stored.received_at,
            stored.author_key,
            stored.author_fingerprint,
            stored.signed_at,
            stored.signature,
        ],
    )


def add_record(workspace: Workspace, entity_id: str, record: EntityRecord) -> None:
    """Store a record made here (unsigned until a package carries it), in its own transaction."""
    with storage_errors("saving the supervisor record"), workspace.db.atomic():
        keep_record(
            workspace,
            StoredRecord(record, entity_id, workspace.device_id, timestamp(workspace.clock())),
        )


def keep_signature(
    workspace: Workspace,
    record_id: str,
    *,
    author_key: str,
    author_fingerprint: str,
    signed_at: str,
    signature: str,
) -> None:
    """Add its author's signature to a record kept unsigned (the caller holds the transaction)."""
    workspace.db.execute(
        "UPDATE entity_records SET author_key = ?, author_fingerprint = ?, signed_at = ?, "
        "signature = ? WHERE id = ? AND signature IS NULL",
        [author_key, author_fingerprint, signed_at, signature, record_id],
    )


def entity_row(workspace: Workspace, entity_id: str) -> dict[str, Any]:
    """Return an entity as records name it: id, category, name, province."""
    row = workspace.db.execute(
        "SELECT id, category, name, province FROM entities WHERE id = ?", [entity_id]
    ).fetchone()
    if row is None:
        raise KeyError(entity_id)
    return dict(zip(("id", "category", "name", "province"), row, strict=True))


def new_record(
    workspace: Workspace, entity_id: str, period: str, kind: str, content: dict[str, Any]
) -> EntityRecord:
    """Return a new record by this workspace's owner, made now (not yet stored)."""
    profile = workspace.profile() or {"name": "unknown"}
    return EntityRecord(
        id=workspace.ids(),
        kind=kind,
        entity=entity_row(workspace, entity_id),
        period=str(period),
        at=timestamp(workspace.clock()),
        author=str(profile["name"]),
        content=content,
    )


def entity_loci(workspace: Workspace, entity_id: str) -> list[tuple[str, str | None]]:
    """Return the (name, type) of every locus of an entity known here."""
    rows = workspace.db.execute(
        "SELECT name, type FROM loci WHERE entity_id = ? ORDER BY name", [entity_id]
    )
    return [(row[0], row[1]) for row in rows]


def plans(workspace: Workspace) -> dict[tuple[str, str], EntityRecord]:
    """Return (entity id, period) -> the plan record in force, for every planned entity."""
    groups: dict[tuple[str, str], list[EntityRecord]] = {}
    for stored in records_of(workspace):
        if stored.record.kind == PLAN:
            groups.setdefault((stored.entity_id, stored.record.period), []).append(stored.record)
    out = {}
    for key, records in groups.items():
        plan = current_plan(records)
        if plan is not None:
            out[key] = plan
    return out
