"""Migration 0020: an arriving change keeps its batch and import in its own row."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from ombud_desktop.storage.migrations import MIGRATIONS, migrate

_CUSTODY = [
    ("c1", "b1", "a" * 64, "batch", "i1"),
    ("c2", None, "f" * 64, "package_signer", "i1"),
]
_CHANGE = (
    "INSERT INTO changes (id, assessment_id, target, row_id, field, value, author, device_id, "
    "at) VALUES (?, 'a1', 'respondent', 'r1', 'name', '\"Siti\"', 'Ani', 'dev', 't')"
)


def test_custody_is_kept_and_the_new_columns_are_append_only(tmp_path: Path) -> None:
    db = sqlite_utils.Database(tmp_path / "workspace.sqlite")
    before = [m.name for m in MIGRATIONS].index("0020_custody_in_the_change_log")
    migrate(db, upto=before)
    db.execute(_CHANGE, ["c1"])
    db.conn.executemany(
        "INSERT INTO change_custody (change_id, batch_id, author_fingerprint, basis, import_id) "
        "VALUES (?, ?, ?, ?, ?)",
        _CUSTODY,
    )
    db.conn.commit()
    migrate(db)
    assert db.execute("SELECT * FROM change_custody ORDER BY change_id").fetchall() == _CUSTODY
    assert db.execute("SELECT id, batch_id, import_id FROM changes").fetchall() == [
        ("c1", None, None)
    ]
    assert "change_custody_batch" not in {
        r[1] for r in db.execute("PRAGMA index_list(change_custody)")
    }
    db.execute(_CHANGE.replace("at)", "at, batch_id, import_id)").replace("'t')", "'t', ?, ?)"),
               ["c2", "b2", "i2"])
    for column, value in (("batch_id", "b9"), ("import_id", "i9")):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            db.execute(f"UPDATE changes SET {column} = ? WHERE id = 'c2'", [value])
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):  # not with a purge
            db.execute(f"UPDATE changes SET value = NULL, {column} = ? WHERE id = 'c1'", [value])
    # Purging a personal value is still the one update allowed.
    db.execute("UPDATE changes SET value = NULL WHERE id = 'c2'")
    purged = db.execute("SELECT value, batch_id, import_id FROM changes WHERE id = 'c2'")
    assert purged.fetchone() == (None, "b2", "i2")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
