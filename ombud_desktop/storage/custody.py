"""Who answers for each change: stored batches, the binding of changes, certificates seen.

The change log stays append-only (``changes`` is never updated); who made a change is kept
beside it, in ``change_custody``, written when the change arrives in a package or when this
workspace's own changes are first signed into a batch at export (docs/package-format.md).
Callers hold the transaction (``db.atomic()``) for every write here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ombud_desktop.storage.chunked import rows_in
from ombud_desktop.storage.workspace import Workspace, timestamp

BATCH = "batch"
PACKAGE_SIGNER = "package_signer"
UNKNOWN = "unknown"


def custody_of(workspace: Workspace, change_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Return change id -> {batch_id, author_fingerprint, basis, import_id} for bound changes.

    A change that arrived bound to a batch keeps it in its own row (migration 0020); any other
    binding is in ``change_custody``. A batch binding is never replaced, so the row's wins.
    """
    ids = list(change_ids)
    sql = (
        "SELECT change_id, batch_id, author_fingerprint, basis, import_id FROM change_custody "
        "WHERE {ids}"
    )
    found = {
        change_id: {
            "batch_id": batch_id,
            "author_fingerprint": author,
            "basis": basis,
            "import_id": import_id,
        }
        for change_id, batch_id, author, basis, import_id in rows_in(
            workspace, sql, ids, "change_id"
        )
    }
    inline = (
        "SELECT c.id, c.batch_id, b.author_fingerprint, c.import_id FROM changes c "
        "JOIN batches b ON b.id = c.batch_id WHERE c.batch_id IS NOT NULL AND {ids}"
    )
    for change_id, batch_id, author, import_id in rows_in(workspace, inline, ids, "c.id"):
        found[change_id] = {
            "batch_id": batch_id,
            "author_fingerprint": author,
            "basis": BATCH,
            "import_id": import_id,
        }
    return found


def batch_rows(workspace: Workspace, batch_ids: Iterable[str]) -> list[dict[str, Any]]:
    """Return stored batches by id: their signed body (JSON text) and signature (base64)."""
    sql = "SELECT id, body, signature FROM batches WHERE {ids} ORDER BY id"
    rows = rows_in(workspace, sql, sorted(set(batch_ids)), "id")
    return [{"id": r[0], "body": r[1], "signature": r[2]} for r in rows]


def keep_batch(workspace: Workspace, row: dict[str, Any]) -> None:
    """Store a batch (once: its id is the digest of its signed bytes)."""
    workspace.db.execute(
        "INSERT OR IGNORE INTO batches (id, assessment_id, author_fingerprint, author_key, "
        "signed_at, body, signature, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            row["id"],
            row["assessment_id"],
            row["author_fingerprint"],
            row["author_key"],
            row["signed_at"],
            row["body"],
            row["signature"],
            timestamp(workspace.clock()),
        ],
    )


def bind(
    workspace: Workspace,
    bindings: Iterable[tuple[str, str | None, str | None, str]],
    import_id: str | None,
) -> None:
    """Bind changes (change id, batch id, author fingerprint, basis) that are not bound yet.

    A change bound before only to its package's signer or to no key is bound to a batch
    when one that verifies arrives; the import it first arrived in is kept.
    """
    # One statement a change: a new change is inserted; a bound one is left alone, unless it
    # has no batch yet and this binding names one. In the order given, so the first binding
    # with a batch wins, as does the first without. Changes appended with their batch in
    # their row (``Workspace.append_changes``) are not bound here again.
    workspace.db.conn.executemany(
        "INSERT INTO change_custody (change_id, batch_id, author_fingerprint, basis, import_id) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (change_id) DO UPDATE SET "
        "batch_id = excluded.batch_id, author_fingerprint = excluded.author_fingerprint, "
        "basis = excluded.basis "
        "WHERE change_custody.batch_id IS NULL AND coalesce(excluded.batch_id, '') != ''",
        [(*row, import_id) for row in bindings],
    )


def latest_import_id(workspace: Workspace, package_id: str, signer: str) -> str | None:
    """Return the id of the newest logged import of a package from a signer."""
    row = workspace.db.execute(
        "SELECT id FROM imports WHERE package_id = ? AND signer_fingerprint = ? "
        "ORDER BY rowid DESC LIMIT 1",
        [package_id, signer],
    ).fetchone()
    return None if row is None else str(row[0])


def keep_certificates(workspace: Workspace, rows: Iterable[dict[str, Any]]) -> None:
    """Store certificates seen in a package (each serial once)."""
    now = timestamp(workspace.clock())
    workspace.db.conn.executemany(
        "INSERT OR IGNORE INTO certificates (serial, subject_fingerprint, subject_name, "
        "issuer_fingerprint, role, province, not_before, not_after, document, seen_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                r["serial"],
                r["subject_fingerprint"],
                r["subject_name"],
                r["issuer_fingerprint"],
                r["role"],
                r["province"],
                r["not_before"],
                r["not_after"],
                r["document"],
                now,
            )
            for r in rows
        ],
    )


def certificate_documents(workspace: Workspace) -> list[str]:
    """Return every stored certificate as its JSON text."""
    rows = workspace.db.execute("SELECT document FROM certificates ORDER BY serial")
    return [r[0] for r in rows]


def entity_province(workspace: Workspace, assessment_id: str) -> str | None:
    """Return the province of an assessment's entity here, or None if it is not here."""
    row = workspace.db.execute(
        "SELECT e.province FROM assessments a JOIN loci l ON l.id = a.locus_id "
        "JOIN entities e ON e.id = l.entity_id WHERE a.id = ?",
        [assessment_id],
    ).fetchone()
    return None if row is None else row[0]


def import_rows(workspace: Workspace, import_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Return import id -> the package file, its signer and when it was imported."""
    sql = (
        "SELECT id, file_name, signer_fingerprint, signer_name, imported_at FROM imports "
        "WHERE {ids}"
    )
    return {
        import_id: {
            "file_name": file_name,
            "signer_fingerprint": signer,
            "signer_name": signer_name,
            "imported_at": imported_at,
        }
        for import_id, file_name, signer, signer_name, imported_at in rows_in(
            workspace, sql, sorted({i for i in import_ids if i}), "id"
        )
    }


def certified_people(workspace: Workspace) -> dict[str, dict[str, Any]]:
    """Return key fingerprint -> the name, role and province its newest certificate gives."""
    rows = workspace.db.execute(
        "SELECT subject_fingerprint, subject_name, role, province FROM certificates "
        "ORDER BY not_before"
    )
    return {r[0]: {"name": r[1], "role": r[2], "province": r[3]} for r in rows}
