"""Migration 0018: supervisor records gain the input kinds; the records kept stay as they were."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from ombud_desktop.storage.migrations import MIGRATIONS, migrate

_INSERT = (
    "INSERT INTO entity_records (id, kind, entity_id, period_id, at, body, device_id, "
    "received_at) VALUES (?, ?, 'e1', '2025', 'x', ?, 'dev', 'x')"
)


def test_records_are_kept_and_the_input_kinds_are_accepted(tmp_path: Path) -> None:
    db = sqlite_utils.Database(tmp_path / "workspace.sqlite")
    before = [m.name for m in MIGRATIONS].index("0018_entity_inputs")
    migrate(db, upto=before)
    db.execute("INSERT INTO entities (id, category, name, province, created_at) "
               "VALUES ('e1', 'kota', 'Kota Cilegon', 'Banten', 'x')")
    db.execute(_INSERT, ["r1", "plan", '{"kept": true}'])
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(_INSERT, ["r2", "trust", "{}"])
    db.conn.commit()
    migrate(db)
    assert db.execute("SELECT id, kind, body FROM entity_records").fetchall() == [
        ("r1", "plan", '{"kept": true}')]
    for number, kind in enumerate(("trust", "secondary", "products")):
        db.execute(_INSERT, [f"i{number}", kind, "{}"])
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(_INSERT, ["bad", "opinion", "{}"])
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("DELETE FROM entity_records WHERE id = 'r1'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("UPDATE entity_records SET body = '{}' WHERE id = 'r1'")
    indexes = {row[1] for row in db.execute("PRAGMA index_list(entity_records)")}
    assert {"entity_records_entity", "entity_records_kind"} <= indexes
