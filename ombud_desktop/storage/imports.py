"""The change-log API for merges: change records that come from another device.

Read the log's planning view, append foreign changes, set cells to their winners, record
conflicts, and log the imports. ``ombud_desktop.merge.apply`` plans and calls these inside one
``db.atomic()`` block held by its caller, so an import is applied whole or not at all.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ombud_desktop.domain.changelog import Cell, Node
from ombud_desktop.errors import NotFoundError
from ombud_desktop.storage.changes import Change, canonical_text, decode_value, encode_value
from ombud_desktop.storage.chunked import rows_in
from ombud_desktop.storage.workspace import (
    Workspace,
    change_from_row,
    merges_from_text,
    timestamp,
)


def known_change_ids(workspace: Workspace, ids: list[str]) -> set[str]:
    """Return which of ``ids`` are already in the change log."""
    return {r[0] for r in rows_in(workspace, "SELECT id FROM changes WHERE {ids}", ids, "id")}


def change_nodes(workspace: Workspace, assessment_id: str) -> list[Node]:
    """Return the planning view of an assessment's change log."""
    rows = workspace.db.execute(
        "SELECT id, target, row_id, field, supersedes, at, also_supersedes, value FROM changes "
        "WHERE assessment_id = ? ORDER BY seq",
        [assessment_id],
    )
    return [
        Node(r[0], (r[1], r[2], r[3]), r[4], r[5], merges_from_text(r[6]), canonical_text(r[7]))
        for r in rows
    ]


def changes_by_id(workspace: Workspace, ids: Iterable[str]) -> dict[str, Change]:
    """Return stored changes by id."""
    rows = rows_in(
        workspace,
        "SELECT id, assessment_id, target, row_id, field, value, author, author_nip, "
        "device_id, at, supersedes, also_supersedes FROM changes WHERE {ids}",
        ids,
        "id",
    )
    return {r[0]: change_from_row(r) for r in rows}


@dataclass
class ArrivingCustody:
    """The batches that bind a package's changes, kept in the rows of those appended.

    ``batch_of``: change id -> the id of the signed batch that vouches for it (checked by
    ``packages.authority``). The import's id is made when first asked, and the import is logged
    under it; ``kept`` collects the changes appended with their batch, which are then not
    bound again in ``change_custody``.
    """

    workspace: Workspace
    batch_of: dict[str, str] = field(default_factory=dict)
    kept: set[str] = field(default_factory=set)
    _import_id: str | None = None

    @property
    def import_id(self) -> str:
        """Return the id the import of this package is logged under."""
        if self._import_id is None:
            self._import_id = self.workspace.ids()
        return self._import_id

    @property
    def used(self) -> bool:
        """Return True once a change was appended under the import's id."""
        return bool(self.kept)


def append_foreign(
    workspace: Workspace, changes: list[Change], custody: ArrivingCustody | None = None
) -> None:
    """Append changes made elsewhere, keeping their ids, authors, devices and times.

    With ``custody``, each change a batch vouches for keeps that batch and the import in its
    row.
    """
    if custody is None or not custody.batch_of:
        workspace.append_changes(changes)
        return
    bound = {
        c.id: (custody.batch_of[c.id], custody.import_id)
        for c in changes
        if c.id in custody.batch_of
    }
    workspace.append_changes(changes, bound)
    custody.kept.update(bound)


def replace_conflicts(
    workspace: Workspace,
    assessment_id: str,
    conflicts: dict[Cell, list[str]],
    *,
    new: bool = False,
) -> None:
    """Record the cells of an assessment that now have more than one head.

    ``new``: the assessment was not here before, so there is nothing to replace.
    """
    if not new:
        workspace.db.execute("DELETE FROM conflicts WHERE assessment_id = ?", [assessment_id])
    if not conflicts:
        return
    now = timestamp(workspace.clock())
    workspace.db.conn.executemany(
        "INSERT INTO conflicts (assessment_id, target, row_id, field, heads, detected_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(assessment_id, *cell, encode_value(ids), now) for cell, ids in conflicts.items()],
    )


def conflict_rows(workspace: Workspace, assessment_id: str | None = None) -> list[dict[str, Any]]:
    """Return the recorded conflicts (all, or of one assessment)."""
    sql = "SELECT assessment_id, target, row_id, field, heads, detected_at FROM conflicts"
    params: list[Any] = []
    if assessment_id:
        sql += " WHERE assessment_id = ?"
        params.append(assessment_id)
    rows = workspace.db.execute(sql + " ORDER BY assessment_id, target, row_id, field", params)
    return [
        {
            "assessment_id": r[0],
            "cell": (r[1], r[2], r[3]),
            "heads": decode_value(r[4]),
            "detected_at": r[5],
        }
        for r in rows
    ]


def apply_winners(workspace: Workspace, assessment_id: str, winners: list[Change]) -> None:
    """Set the current state of each cell to its winning change (assessment fields first)."""
    order = {"assessment": 0, "respondent": 1}
    ordered = sorted(winners, key=lambda c: order.get(c.target, 2))
    workspace.apply_changes(assessment_id, ordered, timestamp(workspace.clock()))


def assessment_instrument(workspace: Workspace, assessment_id: str) -> str | None:
    """Return the instrument hash of an assessment already here, or None if it is new."""
    row = workspace.db.execute(
        "SELECT instrument_hash FROM assessments WHERE id = ?", [assessment_id]
    ).fetchone()
    return None if row is None else (row[0] or "")


def has_instrument(workspace: Workspace, content_hash: str) -> bool:
    """Return True when the workspace keeps the instrument with this hash."""
    # Asked of the database, not the loaded-instrument cache: a rolled-back batch of imports
    # can leave an instrument in the cache that the database no longer has.
    row = workspace.db.execute("SELECT 1 FROM instruments WHERE hash = ?", [content_hash])
    return row.fetchone() is not None


def record_import(workspace: Workspace, row: dict[str, Any]) -> None:
    """Log one import that added something (the receipt is kept as JSON)."""
    workspace.db.execute(
        "INSERT INTO imports (id, package_id, file_name, signer_fingerprint, signer_name, "
        "package_created_at, imported_at, receipt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            row.get("id") or workspace.ids(),
            row["package_id"],
            row["file_name"],
            row["signer_fingerprint"],
            row.get("signer_name"),
            row.get("package_created_at"),
            timestamp(workspace.clock()),
            json.dumps(row["receipt"], ensure_ascii=False),
        ],
    )


def imports_of(
    workspace: Workspace, package_id: str, signer_fingerprint: str
) -> list[dict[str, Any]]:
    """Return earlier imports of a package (newest first), with their receipts.

    ``locked``: some personal data of that import could not be opened then (no passphrase),
    so importing the package again may still add something.
    """
    cursor = workspace.db.execute(
        "SELECT file_name, imported_at, receipt FROM imports WHERE package_id = ? "
        "AND signer_fingerprint = ? ORDER BY imported_at DESC",
        [package_id, signer_fingerprint],
    )
    out = []
    for file_name, imported_at, receipt_text in cursor:
        receipt = json.loads(receipt_text)
        out.append(
            {
                "file_name": file_name,
                "imported_at": imported_at,
                "receipt": receipt,
                "locked": any(a.get("personal_data") == "locked" for a in receipt),
            }
        )
    return out


def was_imported(workspace: Workspace, package_id: str, signer_fingerprint: str) -> bool:
    """Return True when this package was imported whole before (nothing in it can be new)."""
    earlier = imports_of(workspace, package_id, signer_fingerprint)
    return bool(earlier) and not any(e["locked"] for e in earlier)


def imported_packages(workspace: Workspace) -> set[tuple[str, str]]:
    """Return (package id, signer fingerprint) of every package imported whole."""
    whole: set[tuple[str, str]] = set()
    locked: set[tuple[str, str]] = set()
    rows = workspace.db.execute("SELECT package_id, signer_fingerprint, receipt FROM imports")
    for package_id, signer, receipt in rows:
        key = (package_id, signer)
        if any(a.get("personal_data") == "locked" for a in json.loads(receipt)):
            locked.add(key)
        else:
            whole.add(key)
    return whole - locked


def cell_label(cell: Cell) -> str:
    """Return a cell as one readable token, e.g. ``response IN07 value``."""
    return " ".join(cell)


def review_state(workspace: Workspace, assessment_id: str) -> tuple[str | None, str | None]:
    """Return an assessment's review decision and comment; raise NotFoundError if unknown."""
    row = workspace.db.execute(
        "SELECT review_status, review_comment FROM assessments WHERE id = ?", [assessment_id]
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no assessment with id {assessment_id}", code="assessment_not_found")
    return row[0], row[1]


def review_comments(workspace: Workspace, assessment_id: str) -> list[dict[str, Any]]:
    """Return the supervisor's comments on an assessment (per indicator or general)."""
    rows = workspace.db.execute(
        "SELECT id, indicator, text FROM review_comments WHERE assessment_id = ? AND "
        "deleted_at IS NULL ORDER BY updated_at, id",
        [assessment_id],
    )
    return [{"id": r[0], "indicator": r[1], "text": r[2]} for r in rows]


def review_overview(
    workspace: Workspace, period: str | None = None
) -> dict[str, dict[str, Any]]:
    """Return per assessment its review decision, who made it and when, and open conflicts.

    Only assessments with a decision or a conflict are in the answer (a list reads it for
    every row, so this is two queries, not two per assessment). ``period``: only that period's
    assessments (a decade's other years are not read).
    """
    out: dict[str, dict[str, Any]] = {}
    of_period = "" if period is None else " AND a.period_id = ?"
    params = () if period is None else (period,)
    # From the decided assessments into the change log's cell index (CROSS JOIN keeps that
    # order): scanning the whole change log instead costs 0.2 s a year and grows with years.
    decided = workspace.db.execute(
        "SELECT c.assessment_id, a.review_status, c.author, c.at FROM assessments a "
        "CROSS JOIN changes c ON c.assessment_id = a.id AND c.target = 'assessment' "
        f"AND c.field = 'review_status' WHERE a.review_status IS NOT NULL{of_period} "
        "ORDER BY c.seq",
        params,
    )
    for assessment_id, status, author, at in decided:  # the last decision wins
        out[assessment_id] = {"review": status, "review_by": author, "review_at": at}
    counted = workspace.db.execute(
        "SELECT assessment_id, COUNT(*) FROM conflicts "
        + ("" if period is None else "WHERE assessment_id IN "
           "(SELECT id FROM assessments WHERE period_id = ?) ")
        + "GROUP BY assessment_id",
        params,
    )
    for assessment_id, count in counted:
        out.setdefault(assessment_id, {})["conflicts"] = count
    return out


_OWNED_ROWS = {
    "respondent": "respondents",
    "evidence": "evidence",
    "review_comment": "review_comments",
}


def change_count(workspace: Workspace, assessment_id: str) -> int:
    """Return how many change records of an assessment are here (read from the cell index)."""
    return workspace.db.execute(
        "SELECT COUNT(*) FROM changes WHERE assessment_id = ?", [assessment_id]
    ).fetchone()[0]


def row_owners(workspace: Workspace, target: str, row_ids: Iterable[str]) -> dict[str, str]:
    """Return, for the rows of ``target`` that exist here, the assessment each belongs to."""
    table = _OWNED_ROWS.get(target)
    if table is None:
        return {}
    rows = rows_in(
        workspace, f"SELECT id, assessment_id FROM {table} WHERE {{ids}}", row_ids, "id"
    )
    return {r[0]: r[1] for r in rows}


def respondent_kinds(workspace: Workspace, assessment_id: str) -> dict[str, str]:
    """Return respondent id -> kind for the respondents of one assessment."""
    rows = workspace.db.execute(
        "SELECT id, kind FROM respondents WHERE assessment_id = ?", [assessment_id]
    )
    return {r[0]: r[1] for r in rows if r[1]}


def hold_pending(
    workspace: Workspace,
    assessment_id: str,
    changes: list[Change],
    *,
    package_file: str,
    signer_fingerprint: str,
    signer_name: str,
) -> int:
    """Keep changes for an approved assessment aside, unapplied; return how many are new."""
    now = timestamp(workspace.clock())
    before = workspace.db.execute("SELECT count(*) FROM pending_changes").fetchone()[0]
    workspace.db.conn.executemany(
        "INSERT OR IGNORE INTO pending_changes (change_id, assessment_id, record, package_file, "
        "signer_fingerprint, signer_name, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (c.id, assessment_id, json.dumps(c.to_json(), ensure_ascii=False), package_file,
             signer_fingerprint, signer_name, now)
            for c in changes
        ],
    )
    return workspace.db.execute("SELECT count(*) FROM pending_changes").fetchone()[0] - before


def pending_changes(
    workspace: Workspace, assessment_id: str | None = None, *, state: str = "pending"
) -> list[dict[str, Any]]:
    """Return the changes held for approved assessments (of one assessment, or all)."""
    sql = (
        "SELECT change_id, assessment_id, record, package_file, signer_fingerprint, "
        "signer_name, received_at, state, decided_at FROM pending_changes WHERE state = ?"
    )
    params: list[Any] = [state]
    if assessment_id:
        sql += " AND assessment_id = ?"
        params.append(assessment_id)
    rows = workspace.db.execute(sql + " ORDER BY received_at, change_id", params)
    keys = ("change_id", "assessment_id", "record", "package_file", "signer_fingerprint",
            "signer_name", "received_at", "state", "decided_at")
    out = []
    for row in rows:
        item = dict(zip(keys, row, strict=True))
        item["record"] = json.loads(item["record"])
        out.append(item)
    return out


def settle_pending(workspace: Workspace, change_ids: list[str], state: str) -> None:
    """Mark held changes as adopted or merged (they stay as the record of what arrived)."""
    now = timestamp(workspace.clock())
    workspace.db.conn.executemany(
        "UPDATE pending_changes SET state = ?, decided_at = ? WHERE change_id = ?",
        [(state, now, change_id) for change_id in change_ids],
    )


def is_approved(workspace: Workspace, assessment_id: str) -> bool:
    """Return True when the assessment here is approved by its supervisor."""
    row = workspace.db.execute(
        "SELECT review_status FROM assessments WHERE id = ?", [assessment_id]
    ).fetchone()
    return row is not None and row[0] == "approved"
