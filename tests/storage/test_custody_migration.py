"""Migration 0020: the custody of changes keeps every row, in one B-tree keyed by change id."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from ombud_desktop.storage.migrations import MIGRATIONS, migrate

_ROWS = [
    ("c1", "b1", "a" * 64, "batch", "i1"),
    ("c2", None, "f" * 64, "package_signer", "i1"),
    ("c0", None, None, "unknown", None),
]


def test_custody_rows_are_kept_and_keyed_by_change(tmp_path: Path) -> None:
    db = sqlite_utils.Database(tmp_path / "workspace.sqlite")
    db.execute("PRAGMA foreign_keys = ON")
    before = [m.name for m in MIGRATIONS].index("0020_change_custody_keyed_by_change")
    migrate(db, upto=before)
    db.execute(
        "INSERT INTO batches (id, assessment_id, author_fingerprint, author_key, signed_at, "
        "body, signature, stored_at) VALUES ('b1', 'a1', ?, 'k', 't', '{}', 's', 't')",
        ["a" * 64],
    )
    db.conn.executemany(
        "INSERT INTO change_custody (change_id, batch_id, author_fingerprint, basis, import_id) "
        "VALUES (?, ?, ?, ?, ?)",
        _ROWS,
    )
    db.conn.commit()
    assert {r[1] for r in db.execute("PRAGMA index_list(change_custody)")} >= {
        "change_custody_batch"
    }
    migrate(db)
    assert db.execute("SELECT * FROM change_custody ORDER BY change_id").fetchall() == sorted(
        _ROWS
    )
    # One B-tree: no rowid, and no index beside the primary key.
    with pytest.raises(sqlite3.OperationalError, match="rowid"):
        db.execute("SELECT rowid FROM change_custody")
    assert [r[3] for r in db.execute("PRAGMA index_list(change_custody)")] == ["pk"]
    # Its rules hold as before: one row a change, a known basis, an existing batch.
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO change_custody (change_id, basis) VALUES ('c1', 'unknown')")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO change_custody (change_id, basis) VALUES ('c9', 'guess')")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO change_custody (change_id, batch_id, basis) VALUES ('c9', 'nope', 'batch')"
        )
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
