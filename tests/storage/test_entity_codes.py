"""Entities by register code and by name key: migration 0008 and ensure_entity/ensure_locus."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from ombud_desktop.storage import Workspace
from ombud_desktop.storage.migrations import MIGRATIONS, migrate

BEFORE = [m.name for m in MIGRATIONS].index("0008_entity_codes")


def test_migration_gives_existing_entities_their_codes_and_keys(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    folder.mkdir()
    db = sqlite_utils.Database(folder / "workspace.sqlite")
    migrate(db, upto=BEFORE)
    stamp = "2024-08-12T01:00:00.000000Z"
    entities = [
        ("e1", "kota", "Kota Serang", "Banten"),
        ("e2", "kota", "kota  serang", "banten"),  # the same, typed twice before 0008
        ("e3", "kabupaten", "Kab. Lebak", "Banten"),
        ("e4", "kabupaten", "Kabupaten Uji", "Banten"),  # not in the register
        ("e5", "provinsi", "Provinsi DI Yogyakarta", "DI Yogyakarta"),
    ]
    for entity_id, category, name, province in entities:
        db.execute(
            "INSERT INTO entities (id, category, name, province, created_at) VALUES (?,?,?,?,?)",
            [entity_id, category, name, province, stamp],
        )
    db.execute("INSERT INTO loci (id, entity_id, type, name, created_at) VALUES (?,?,?,?,?)",
               ["l1", "e1", None, "Dinas  Sosial", stamp])
    db.conn.commit()
    migrate(db)
    codes = dict(db.execute("SELECT id, code FROM entities").fetchall())
    assert codes == {"e1": "36.73", "e2": "36.73", "e3": "36.02", "e4": None, "e5": "34"}
    db.close()
    with Workspace.open(folder) as ws:
        # The first of the duplicates stands; no third one is made.
        assert ws.ensure_entity("kota", "KOTA S\u0415RANG", "Banten") == "e1"
        assert ws.ensure_entity("kabupaten", "Kabupaten Lebak", "Banten") == "e3"
        assert ws.ensure_entity("kabupaten", "kabupaten uji", " Banten ") == "e4"
        assert ws.ensure_entity("provinsi", "Banten", "Banten", code="36") != "e5"
        assert ws.ensure_entity("provinsi", "Provinsi Daerah Istimewa Yogyakarta",
                                "Daerah Istimewa Yogyakarta") == "e5"
        assert ws.ensure_locus("e1", None, "Dinas Sos\u0456al") == "l1"  # Ukrainian і
        assert ws.db.execute("SELECT COUNT(*) FROM entities").fetchone()[0] == 6


def test_new_entities_take_the_register_name_and_code(workspace: Workspace) -> None:
    first = workspace.ensure_entity("kota", "  kota   cilegon ", "banten")
    row = workspace.db.execute(
        "SELECT name, province, code FROM entities WHERE id = ?", [first]
    ).fetchone()
    assert row == ("Kota Cilegon", "Banten", "36.72")
    assert workspace.ensure_entity("kota", "K\u03bfta Cilegon", "BANTEN") == first  # Greek ο
    assert workspace.ensure_entity("kota", "whatever", "Lampung", code="36.72") == first
    assert workspace.entity_by_name("36.72")["id"] == first
    unregistered = workspace.ensure_entity("kota", "Kota  Contoh", "Banten")
    assert workspace.entity_code(unregistered) is None
    assert workspace.ensure_entity("kota", "kota contoh", "banten") == unregistered
    assert workspace.db.execute("SELECT COUNT(*) FROM entities").fetchone()[0] == 2
    locus = workspace.ensure_locus(first, None, "Puskesmas  Ciwandan")
    assert workspace.ensure_locus(first, None, "puskesmas ciwandan\u200b") == locus
    assert workspace.db.execute("SELECT name FROM loci").fetchall() == [("Puskesmas Ciwandan",)]
