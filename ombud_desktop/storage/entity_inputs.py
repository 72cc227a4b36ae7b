"""Per-entity inputs of the 2025 model as stored in the workspace (trust, secondary, products).

They are supervisor records (kinds ``trust``, ``secondary``, ``products``: domain/records.py and
domain/entity_inputs.py), signed and travelling like corrections. What is in force is a pure
function of the set of records (:func:`ombud_desktop.domain.records.latest_inputs`), so two
workspaces holding the same records read the same inputs whatever order they came in.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from types import MappingProxyType
from typing import Any

from ombud_desktop.domain.records import INPUT_KINDS, EntityRecord, latest_inputs
from ombud_desktop.scoring.inputs import EntityInputs, SecondaryValue, TrustResult
from ombud_desktop.storage.records import StoredRecord, keep_record, record_from_body
from ombud_desktop.storage.workspace import Workspace, storage_errors, timestamp


def inputs_of(stored: Iterable[StoredRecord]) -> EntityInputs:
    """Return the inputs in force among one entity's records of one period."""
    records = list(stored)
    authors = {s.record.id: s.author_fingerprint or "" for s in records}
    trust, secondary, products = latest_inputs(s.record for s in records)
    return EntityInputs(
        trust=_trust(trust),
        secondary=MappingProxyType(
            {
                code: SecondaryValue(
                    code=code,
                    value=float(r.content["value"]),
                    source=str(r.content["source"]),
                    as_of=str(r.content["as_of"]),
                    author=authors.get(r.id, ""),
                )
                for code, r in sorted(secondary.items())
            }
        ),
        products_followed=None if products is None else bool(products.content["followed"]),
    )


def _trust(record: EntityRecord | None) -> TrustResult | None:
    if record is None:
        return None
    content = record.content
    return TrustResult(
        score=float(content["score"]),
        respondents=int(content["respondents"]),
        source=str(content["source"]),
    )


def input_records(workspace: Workspace) -> dict[tuple[str, str], list[StoredRecord]]:
    """Return the input records (trust, secondary, products) per (entity id, period id)."""
    marks = ", ".join("?" for _ in INPUT_KINDS)
    rows = workspace.db.execute(
        "SELECT id, entity_id, body, device_id, received_at, author_key, author_fingerprint, "
        f"signed_at, signature FROM entity_records WHERE kind IN ({marks}) ORDER BY at, id",
        list(INPUT_KINDS),
    )
    out: dict[tuple[str, str], list[StoredRecord]] = defaultdict(list)
    for row in rows:
        record = record_from_body(json.loads(row[2]))
        out[(row[1], record.period)].append(StoredRecord(record, row[1], *row[3:]))
    return dict(out)


def read_entity_inputs(workspace: Workspace) -> dict[tuple[str, str], EntityInputs]:
    """Return the inputs recorded per (entity id, period id); an entity with none is absent."""
    return {key: inputs_of(stored) for key, stored in input_records(workspace).items()}


def known_entities(workspace: Workspace) -> list[dict[str, Any]]:
    """Return every entity here: id, category, name, province and register code."""
    rows = workspace.db.execute(
        "SELECT id, category, name, province, code FROM entities ORDER BY created_at, id"
    )
    keys = ("id", "category", "name", "province", "code")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def assessed_periods(workspace: Workspace) -> set[tuple[str, str]]:
    """Return the (entity id, period id) pairs that have an assessment (not in the trash)."""
    rows = workspace.db.execute(
        "SELECT DISTINCT l.entity_id, a.period_id FROM assessments a "
        "JOIN loci l ON l.id = a.locus_id WHERE a.deleted_at IS NULL"
    )
    return {(row[0], str(row[1])) for row in rows}


def add_records(workspace: Workspace, made: list[tuple[str, EntityRecord]]) -> None:
    """Store records made here, each with its entity id, all in one transaction."""
    received = timestamp(workspace.clock())
    with storage_errors("saving the supervisor records"), workspace.db.atomic():
        for entity_id, record in made:
            keep_record(
                workspace, StoredRecord(record, entity_id, workspace.device_id, received)
            )
