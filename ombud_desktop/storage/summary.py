"""A workspace described by numbers only, for a support bundle: never a value from a row."""

from __future__ import annotations

import sqlite3
from typing import Any

from ombud_desktop.storage.migrations import MIGRATIONS, schema_version
from ombud_desktop.storage.workspace import Workspace


def workspace_summary(workspace: Workspace) -> dict[str, Any]:
    """Return the schema version, SQLite's integrity verdict, row counts per table and sizes.

    Only numbers and the names of tables and migrations: no names, answers or phone numbers.
    """
    db = workspace.db
    tables = [
        row[0]
        for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    counts = {}
    for table in tables:
        try:
            counts[table] = db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        except sqlite3.Error as exc:  # a damaged table is itself worth reporting
            counts[table] = f"unreadable: {exc}"
    applied = (
        [row[0] for row in db.execute("SELECT name FROM _migrations ORDER BY rowid")]
        if "_migrations" in tables
        else []
    )
    files = {}
    for name in ("workspace.sqlite", "workspace.sqlite-wal"):
        path = workspace.root / name
        files[name] = path.stat().st_size if path.exists() else None
    evidence = [p for p in workspace.evidence_dir.rglob("*") if p.is_file()] \
        if workspace.evidence_dir.is_dir() else []
    return {
        "schema_version": schema_version(db),
        "schema_version_of_this_build": len(MIGRATIONS),
        "migrations": applied,
        "integrity_check": workspace.integrity_check(),
        "journal_mode": db.execute("PRAGMA journal_mode").fetchone()[0],
        "sqlite_version": sqlite3.sqlite_version,
        "rows": counts,
        "file_bytes": files,
        "evidence_files": len(evidence),
        "evidence_bytes": sum(p.stat().st_size for p in evidence),
    }
