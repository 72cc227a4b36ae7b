"""Migration 0009: the local corrections become supervisor records by the workspace's owner."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from ombud_desktop.storage import Workspace
from ombud_desktop.storage.migrations import MIGRATIONS, migrate


def test_local_corrections_become_records_and_records_are_append_only(tmp_path: Path) -> None:
    db = sqlite_utils.Database(tmp_path / "workspace.sqlite")
    before = [m.name for m in MIGRATIONS].index("0009_entity_records")
    migrate(db, upto=before)
    db.execute("INSERT INTO profile (id, name, updated_at) VALUES (1, 'Budi Santoso', 'x')")
    db.execute("INSERT INTO entities (id, category, name, province, created_at) "
               "VALUES ('e1', 'kota', 'Kota Cilegon', 'Banten', 'x')")
    db.execute("INSERT INTO periods (id, year) VALUES ('2024', 2024)")
    for cid, kind, points, cap, withdrawn in (("c1", "points", 3.0, None, None),
                                              ("c2", "cap", 0.0, "C", None),
                                              ("c3", "points", 1.0, None, "2024-09-01T00:00Z")):
        db.execute(
            "INSERT INTO corrections (id, entity_id, period_id, kind, points, cap_grade, reason, "
            "author, device_id, at, withdrawn_at) VALUES (?, 'e1', '2024', ?, ?, ?, 'alasan', "
            "'x', 'dev', ?, ?)",
            [cid, kind, points, cap, f"2024-08-0{cid[1]}T00:00:00.000000Z", withdrawn],
        )
    db.conn.commit()
    db.close()
    with Workspace.open(tmp_path) as ws:
        in_force = ws.corrections()
        assert [(c["id"], c["kind"], c["points"], c["cap_grade"], c["author"])
                for c in in_force] == [("c1", "points", 3.0, None, "Budi Santoso"),
                                       ("c2", "cap", 0.0, "C", "Budi Santoso")]
        assert ws.db.execute("SELECT COUNT(*) FROM entity_records").fetchone()[0] == 4
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            ws.db.execute("DELETE FROM entity_records WHERE id = 'c1'")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            ws.db.execute("UPDATE entity_records SET body = '{}' WHERE id = 'c1'")
