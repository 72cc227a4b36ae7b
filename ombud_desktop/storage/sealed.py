"""Sealed personal data kept to be opened later (migration 0010, ``sealed_personal``).

Only ciphertext is kept here: the values are written to the change log once opened, as if they
had come with the import. Callers hold the transaction (``db.atomic()``) for every write.
"""

from __future__ import annotations

import json
from typing import Any

from ombud_desktop.storage.workspace import Workspace, timestamp

WAITING = "waiting"
OPENED = "opened"
REFUSED = "refused"
_COLUMNS = (
    "package_id", "assessment_id", "signer_fingerprint", "signer_name", "file_name",
    "format_version", "recipients", "sealed", "signed_at", "vouchers", "received_at", "state",
    "decided_at", "note",
)


def keep_sealed(workspace: Workspace, row: dict[str, Any]) -> bool:
    """Keep sealed personal data (once per package, assessment and signer); True if new."""
    cursor = workspace.db.execute(
        "INSERT OR IGNORE INTO sealed_personal (package_id, assessment_id, signer_fingerprint, "
        "signer_name, file_name, format_version, recipients, sealed, signed_at, vouchers, "
        "received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            row["package_id"],
            row["assessment_id"],
            row["signer_fingerprint"],
            row.get("signer_name") or "",
            row["file_name"],
            int(row["format_version"]),
            json.dumps(sorted(row["recipients"])),
            bytes(row["sealed"]),
            row["signed_at"],
            json.dumps(row["vouchers"], sort_keys=True),
            timestamp(workspace.clock()),
        ],
    )
    return bool(cursor.rowcount)


def sealed_rows(workspace: Workspace, state: str | None = WAITING) -> list[dict[str, Any]]:
    """Return kept sealed personal data (those in ``state``; None: all), oldest first."""
    sql = f"SELECT {', '.join(_COLUMNS)} FROM sealed_personal"
    params: list[Any] = []
    if state is not None:
        sql += " WHERE state = ?"
        params.append(state)
    rows = workspace.db.execute(sql + " ORDER BY received_at, package_id, assessment_id", params)
    out = []
    for values in rows:
        row = dict(zip(_COLUMNS, values, strict=True))
        row["recipients"] = json.loads(row["recipients"])
        row["vouchers"] = json.loads(row["vouchers"])
        out.append(row)
    return out


def decide_sealed(
    workspace: Workspace, row: dict[str, Any], state: str, note: str | None = None
) -> None:
    """Mark kept sealed data opened or refused (it is then no longer waiting)."""
    workspace.db.execute(
        "UPDATE sealed_personal SET state = ?, decided_at = ?, note = ? WHERE package_id = ? "
        "AND assessment_id = ? AND signer_fingerprint = ?",
        [
            state,
            timestamp(workspace.clock()),
            note,
            row["package_id"],
            row["assessment_id"],
            row["signer_fingerprint"],
        ],
    )


def opened_elsewhere(workspace: Workspace, package_id: str, assessment_id: str) -> None:
    """Mark kept data opened when an import of the same package opened it after all."""
    workspace.db.execute(
        "UPDATE sealed_personal SET state = ?, decided_at = ? WHERE package_id = ? "
        "AND assessment_id = ? AND state = ?",
        [OPENED, timestamp(workspace.clock()), package_id, assessment_id, WAITING],
    )
