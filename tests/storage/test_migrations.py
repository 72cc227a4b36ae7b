"""Schema migrations: an older workspace is upgraded in place; a newer one is refused."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import sqlite_utils

from ombud_desktop.errors import StorageError
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.migrations import MIGRATIONS, migrate, schema_version

FIXTURE = Path(__file__).parent.parent / "data" / "workspace-schema-1.sqlite"


def test_the_schema_1_fixture_is_upgraded_with_its_data_kept(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    shutil.copy(FIXTURE, folder / "workspace.sqlite")
    with sqlite_utils.Database(folder / "workspace.sqlite") as old:
        assert schema_version(old) == 1
        assert "corrections" not in old.table_names()
        old_changes = old.execute("SELECT COUNT(*) FROM changes").fetchone()[0]
    with Workspace.open(folder) as ws:
        assert schema_version(ws.db) == len(MIGRATIONS)
        assert "corrections" in ws.db.table_names()
        assert ws.db.execute("SELECT COUNT(*) FROM changes").fetchone()[0] == old_changes
        rows = ws.assessment_rows()
        assert [r["locus"]["name"] for r in rows] == ["Puskesmas Pontang"]
        assert ws.profile() == {"name": "Fixture Assessor", "nip": None}
        assert ws.integrity_check() == "ok"
        names = [r[0] for r in ws.db.execute("SELECT name FROM _migrations ORDER BY rowid")]
    assert names == [m.name for m in MIGRATIONS]


def test_migrating_step_by_step_equals_migrating_at_once(tmp_path: Path) -> None:
    stepwise = sqlite_utils.Database(tmp_path / "a.sqlite")
    for step in range(1, len(MIGRATIONS) + 1):
        migrate(stepwise, upto=step)
    at_once = sqlite_utils.Database(tmp_path / "b.sqlite")
    migrate(at_once)
    assert stepwise.schema == at_once.schema
    assert schema_version(stepwise) == schema_version(at_once) == len(MIGRATIONS)


def test_a_workspace_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "ws") as ws:
        ws.db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    path = tmp_path / "ws" / "workspace.sqlite"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(StorageError) as info:
        Workspace.open(tmp_path / "ws")
    assert info.value.code == "workspace_too_new"
    assert "newer version" in info.value.message
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_a_foreign_schema_history_is_refused(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "ws") as ws, ws.db.atomic():
        ws.db.execute("UPDATE _migrations SET name = '0002_something_else' WHERE rowid = 2")
    with pytest.raises(StorageError) as info:
        Workspace.open(tmp_path / "ws")
    assert info.value.code == "workspace_schema_mismatch"


SCHEMA_5 = Path(__file__).parent.parent / "data" / "workspace-schema-5.sqlite"


def test_changes_of_a_schema_5_workspace_are_bound_to_what_is_known(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    shutil.copy(SCHEMA_5, folder / "workspace.sqlite")
    with sqlite_utils.Database(folder / "workspace.sqlite") as old:
        assert schema_version(old) == 5
        before = old.execute("SELECT * FROM changes ORDER BY seq").fetchall()
    with Workspace.open(folder) as ws:
        # The same rows; later migrations may add columns (0020: custody, empty here).
        width = len(before[0])
        after = ws.db.execute("SELECT * FROM changes ORDER BY seq").fetchall()
        assert [row[:width] for row in after] == before
        assert {row[width:] for row in after} == {(None, None)}
        rows = ws.db.execute(
            "SELECT change_id, batch_id, author_fingerprint, basis, import_id "
            "FROM change_custody ORDER BY change_id"
        ).fetchall()
        assert ws.integrity_check() == "ok"
    # c1 was made here (own: bound when first exported); a2 came from one signer only; a3
    # from two, so which one sent c4 cannot be known.
    assert rows == [
        ("c2", None, "f" * 64, "package_signer", "i1"),
        ("c3", None, "f" * 64, "package_signer", "i1"),
        ("c4", None, None, "unknown", None),
    ]
