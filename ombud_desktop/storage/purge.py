"""Purging the personal data of a closed period from every place the workspace keeps it.

An assessment is *purged* when its entity has a purge record for its period (domain/records.py).
Purging one removes its respondents' personal values (``PERSONAL_FIELDS``) from

- the current tables (``respondents``: set to NULL);
- the change log: each personal change keeps its row (id, cell, author, time, supersedes), so the
  log's structure and every batch that lists it still verify (personal values are not in batch
  digests, packages/authority.py), and only its value becomes SQL NULL, the purge marker (a
  value written as null is the JSON text 'null'); replaying the log gives the same NULL;
- changes held after approval (``pending_changes``): the value in each kept record;
- sealed personal data waiting to be opened (``sealed_personal``): the rows are deleted.

It is idempotent and applies to whatever personal data arrives later too, so two workspaces
holding the same records and batches end alike whatever the order. The caller holds the
transaction; :func:`compact` then rewrites the files so the old bytes are gone from them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ombud_desktop.storage.changes import PERSONAL_FIELDS
from ombud_desktop.storage.workspace import Workspace, storage_errors

_FIELDS = sorted(field for target, field in PERSONAL_FIELDS if target == "respondent")
_MARKS = ", ".join("?" for _ in _FIELDS)


@dataclass(frozen=True)
class PurgeCount:
    """What purging one assessment removed."""

    assessment_id: str
    respondents: int = 0  # respondents whose name, NIP or phone was cleared
    values: int = 0  # personal values cleared in the change log
    pending: int = 0  # personal values cleared in changes held after approval
    sealed: int = 0  # sealed personal data waiting, deleted

    @property
    def anything(self) -> bool:
        """Return True when something was removed."""
        return bool(self.respondents or self.values or self.pending or self.sealed)

    def to_json(self) -> dict[str, Any]:
        """Return the counts as JSON data."""
        return {
            "assessment_id": self.assessment_id,
            "respondents": self.respondents,
            "log_values": self.values,
            "pending_values": self.pending,
            "sealed": self.sealed,
        }


def purged_assessments(workspace: Workspace, ids: Iterable[str] | None = None) -> list[str]:
    """Return the assessments (of ``ids``, or all) whose entity's period has a purge record."""
    sql = (
        "SELECT a.id FROM assessments a JOIN loci l ON l.id = a.locus_id "
        "WHERE EXISTS (SELECT 1 FROM entity_records r WHERE r.kind = 'purge' "
        "AND r.entity_id = l.entity_id AND r.period_id = a.period_id)"
    )
    if ids is None:
        return [row[0] for row in workspace.db.execute(sql + " ORDER BY a.id")]
    # Only the given ones, read by id: an import asks this for each package, and reading every
    # assessment each time made a merge grow with the years the workspace holds.
    wanted = sorted(set(ids))
    found: list[str] = []
    for start in range(0, len(wanted), 500):  # SQLite's limit of bound parameters
        part = wanted[start : start + 500]
        marks = ", ".join("?" for _ in part)
        found += [row[0] for row in workspace.db.execute(f"{sql} AND a.id IN ({marks})", part)]
    return sorted(found)


def is_purged(workspace: Workspace, assessment_id: str) -> bool:
    """Return True when the assessment's personal data is purged (or to be purged)."""
    return workspace.personal_purged(assessment_id)


def purge_assessment(workspace: Workspace, assessment_id: str) -> PurgeCount:
    """Remove the assessment's personal values everywhere (the caller holds the transaction)."""
    db = workspace.db
    # Zero the old bytes as rows are rewritten (some SQLite builds do by default, Windows' not).
    db.execute("PRAGMA secure_delete = ON")
    respondents = db.execute(
        f"UPDATE respondents SET {', '.join(f'{f} = NULL' for f in _FIELDS)} "
        f"WHERE assessment_id = ? AND ({' OR '.join(f'{f} IS NOT NULL' for f in _FIELDS)})",
        [assessment_id],
    ).rowcount
    values = db.execute(
        "UPDATE changes SET value = NULL WHERE assessment_id = ? AND target = 'respondent' "
        f"AND field IN ({_MARKS}) AND value IS NOT NULL",
        [assessment_id, *_FIELDS],
    ).rowcount
    pending = db.execute(
        "UPDATE pending_changes SET record = json_set(record, '$.value', json('null')) "
        "WHERE assessment_id = ? AND json_extract(record, '$.target') = 'respondent' "
        f"AND json_extract(record, '$.field') IN ({_MARKS}) "
        "AND json_type(record, '$.value') IS NOT 'null'",
        [assessment_id, *_FIELDS],
    ).rowcount
    sealed = db.execute(
        "DELETE FROM sealed_personal WHERE assessment_id = ?", [assessment_id]
    ).rowcount
    # A service user half entered may hold a phone number: drafts go with the personal data.
    db.execute("DELETE FROM drafts WHERE assessment_id = ?", [assessment_id])
    return PurgeCount(assessment_id, respondents, values, pending, sealed)


def purge_arrived(workspace: Workspace, assessment_ids: Iterable[str]) -> list[PurgeCount]:
    """Purge, among assessments an import touched, those of a purged period (in its transaction).

    A purge record that arrives purges here too, and personal data arriving for an assessment
    already purged (an older package, a co-assessor's copy) is removed as it comes.
    """
    counts = [purge_assessment(workspace, i) for i in purged_assessments(workspace, assessment_ids)]
    return [c for c in counts if c.anything]


def compact(workspace: Workspace) -> None:
    """Rewrite the database files so no purged byte is left in them (outside any transaction).

    VACUUM rebuilds the database from its live rows (freed pages and the slack of updated pages
    kept old values); the checkpoint then empties the write-ahead log, which still held the
    pages as they were before.
    """
    db = workspace.db
    with storage_errors("compacting the workspace after the purge"):
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.execute("VACUUM")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
