"""Backups and restore on real workspaces: made while another connection writes, checked before
restoring, the current workspace kept aside, the state digests equal; a backup killed part-way
(SIGKILL in a subprocess, after a counted number of files) or stopped by a full disk (ENOSPC
injected into the copy) leaves the previous backup intact and says so."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ombud_desktop.errors import StorageError, WorkspaceLockedError
from ombud_desktop.instruments import Instrument
from ombud_desktop.packages.state import assessment_state_digest
from ombud_desktop.services import backup as service
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.storage import Workspace
from ombud_desktop.storage import backup as backups
from ombud_desktop.storage.changes import Edit
from tests.conftest import FakeClock
from tests.storage.lock_holder import LockHolder


@pytest.fixture
def demo(tmp_path: Path, instrument: Instrument) -> Workspace:
    ws = Workspace.open(tmp_path / "ws", clock=FakeClock())
    ws.set_profile("Siti Aminah")
    generate_demo(ws, instrument, entities=1, seed=1)
    yield ws
    ws.close()


def _digests(ws: Workspace) -> dict[str, str]:
    ids = [r[0] for r in ws.db.execute("SELECT DISTINCT assessment_id FROM changes")]
    return {a: assessment_state_digest(ws, a) for a in sorted(ids)}


def _evidence(ws: Workspace) -> list[Path]:
    return sorted(p for p in ws.evidence_dir.glob("*/*") if p.is_file())


def _later(seconds: int) -> datetime:
    return datetime(2026, 1, 1, tzinfo=UTC) + timedelta(seconds=seconds)


def test_a_backup_holds_the_database_evidence_instruments_and_digests(
    demo: Workspace, tmp_path: Path
) -> None:
    report = backups.make_backup(demo.root, tmp_path / "cadangan")
    made = report.backup
    assert made.path.parent == tmp_path / "cadangan"
    assert made.path.name.startswith("cadangan-")
    assert backups.check_backup(made.path) == []
    assert made.digests == _digests(demo)
    assert made.digests
    listed = {f["path"] for f in made.manifest["files"]}
    assert {f"evidence/{p.parent.name}/{p.name}" for p in _evidence(demo)} <= listed
    assert len(_evidence(demo)) >= 1
    assert made.manifest["instruments"]
    assert made.manifest["missing_evidence"] == []
    assert not list((tmp_path / "cadangan").glob(".*"))  # no temporary folder left


def test_a_backup_made_while_another_connection_writes_is_one_consistent_snapshot(
    demo: Workspace, tmp_path: Path
) -> None:
    aid = demo.assessment_rows()[0]["id"]
    before = _digests(demo)
    # Another connection is in the middle of a write: its transaction is open, not committed.
    other = sqlite3.connect(demo.root / "workspace.sqlite", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute(
        "INSERT INTO changes (id, assessment_id, target, row_id, field, value, author, "
        "device_id, at) VALUES ('uncommitted', ?, 'note', 'IN07', 'text', '\"x\"', 'Budi', "
        "'dev', '2024-08-12T01:00:00.000000Z')",
        [aid],
    )
    try:
        made = backups.make_backup(demo.root, tmp_path / "cadangan").backup
    finally:
        other.execute("COMMIT")
        other.close()
    assert made.digests == before  # the uncommitted change is not in it, nothing half
    assert backups.check_backup(made.path) == []
    # ... and the write went through: the backup held up nobody.
    assert "uncommitted" in demo.change_ids(aid)
    # Writes between two backups: the second holds them, the first is unchanged.
    demo.write(aid, [Edit("response", "IN07", "value", 2)])
    second = backups.make_backup(demo.root, tmp_path / "cadangan", now=_later(1)).backup
    assert second.digests == _digests(demo) != made.digests
    assert backups.check_backup(made.path) == []
    assert backups.check_backup(second.path) == []


def test_only_the_newest_backups_are_kept(demo: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "cadangan"
    made = [
        backups.make_backup(demo.root, folder, keep=2, now=_later(n)).backup.path
        for n in range(4)
    ]
    assert [b.path for b in backups.list_backups(folder)] == made[2:]


def test_a_busy_day_does_not_push_out_the_earlier_days(demo: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "cadangan"
    day = 24 * 3600
    earlier = [
        backups.make_backup(demo.root, folder, keep=3, now=_later(n * day)).backup.path
        for n in range(3)
    ]
    busy = [  # many merges on the fourth day, each backed up first
        backups.make_backup(demo.root, folder, keep=3, now=_later(3 * day + n)).backup.path
        for n in range(6)
    ]
    kept = [b.path for b in backups.list_backups(folder)]
    assert kept == [earlier[1], earlier[2], *busy[3:]]  # 3 newest, and the last of 3 days


def test_restore_checks_keeps_the_current_workspace_aside_and_digests_equal(
    demo: Workspace, tmp_path: Path
) -> None:
    made = backups.make_backup(demo.root, tmp_path / "cadangan").backup
    recorded = _digests(demo)
    aid = demo.assessment_rows()[0]["id"]
    demo.write(aid, [Edit("response", "IN07", "value", 0)])  # a change after the backup
    after = _digests(demo)
    root = demo.root
    demo.close()

    done = service.restore(made.path, root)

    assert done.workspace == root.absolute()
    assert done.digests == recorded
    assert done.set_aside is not None
    assert done.set_aside.name.startswith("ws-sebelum-pulih-")
    kept = Workspace.open(done.set_aside, create=False)
    restored = Workspace.open(root, create=False)
    try:
        assert _digests(kept) == after  # the workspace that was there, whole
        assert _digests(restored) == recorded
        assert restored.integrity_check() == "ok"
        assert len(_evidence(restored)) == len(_evidence(kept))
    finally:
        kept.close()
        restored.close()


@pytest.mark.parametrize("damage", ["evidence_changed", "evidence_missing", "database_bytes",
                                    "manifest_path", "digest"])
def test_a_damaged_backup_is_refused_and_nothing_changes(
    demo: Workspace, tmp_path: Path, damage: str
) -> None:
    made = backups.make_backup(demo.root, tmp_path / "cadangan").backup
    photo = next(made.path.glob("evidence/*/*"))
    manifest = made.path / backups.MANIFEST
    if damage == "evidence_changed":
        photo.write_bytes(photo.read_bytes()[:-10] + b"0123456789")
    elif damage == "evidence_missing":
        photo.unlink()
    elif damage == "database_bytes":
        database = made.path / backups.DATABASE
        data = bytearray(database.read_bytes())
        data[5000:5100] = b"\xff" * 100
        database.write_bytes(bytes(data))
    elif damage == "manifest_path":
        text = manifest.read_text().replace(f'"evidence/{photo.parent.name}/', '"../../x/', 1)
        manifest.write_text(text)
    else:
        text = manifest.read_text()
        first = next(iter(made.digests.values()))
        manifest.write_text(text.replace(first, "0" * 64))
    assert backups.check_backup(made.path)
    before = sorted(p.name for p in tmp_path.iterdir())
    digests = _digests(demo)
    with pytest.raises(StorageError) as refused:
        service.restore(made.path, tmp_path / "elsewhere")
    assert refused.value.code == "backup_damaged"
    assert str(made.path) in refused.value.message
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert _digests(demo) == digests


def test_restore_is_refused_while_another_program_has_the_workspace_open(
    demo: Workspace, tmp_path: Path
) -> None:
    made = backups.make_backup(demo.root, tmp_path / "cadangan").backup
    root = demo.root
    demo.close()
    with LockHolder(root, "Ombud Desktop"), pytest.raises(WorkspaceLockedError):
        service.restore(made.path, root)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cadangan", "ws"]


def test_a_full_disk_stops_the_backup_and_leaves_the_previous_one(
    demo: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cadangan"
    good = backups.make_backup(demo.root, folder).backup
    written: list[int] = []

    def full_after_one(stream: object, chunk: bytes) -> None:  # fault injection, not a mock
        if written:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(len(chunk))
        stream.write(chunk)  # type: ignore[attr-defined]

    monkeypatch.setattr(backups, "_write_chunk", full_after_one)
    with pytest.raises(StorageError) as stopped:
        backups.make_backup(demo.root, folder, now=_later(5))
    assert stopped.value.code == "backup_disk_full"
    assert "disk is full" in stopped.value.message
    assert "untouched" in stopped.value.hint
    assert written  # it did stop part-way, after a file
    assert [b.path for b in backups.list_backups(folder)] == [good.path]
    assert backups.check_backup(good.path) == []
    assert sorted(p.name for p in folder.iterdir()) == [good.path.name]


def test_a_backup_killed_part_way_leaves_the_previous_one(demo: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "cadangan"
    good = backups.make_backup(demo.root, folder).backup
    env = {**os.environ, backups.KILL_AFTER_ENV: "2"}  # killed after the database and a photo
    killed = subprocess.run(
        [sys.executable, "-m", "ombud_desktop.cli.main", "--workspace", str(demo.root),
         "backup", "--to", str(folder)],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert killed.returncode == -9, killed.stderr
    left = list(folder.glob(".cadangan-*.partial"))
    assert len(left) == 1
    assert (left[0] / backups.DATABASE).exists()
    assert [b.path for b in backups.list_backups(folder)] == [good.path]
    assert backups.check_backup(good.path) == []

    again = subprocess.run(
        [sys.executable, "-m", "ombud_desktop.cli.main", "--workspace", str(demo.root),
         "backup", "--to", str(folder)],
        capture_output=True, text=True, timeout=120,
    )
    assert again.returncode == 0, again.stderr
    assert "removed an interrupted backup" in again.stderr
    assert not list(folder.glob(".*"))
    assert len(backups.list_backups(folder)) == 2
    assert Path(again.stdout.strip()).is_dir()


def test_opening_an_old_workspace_backs_it_up_before_migrating(tmp_path: Path) -> None:
    old = Path(__file__).parent.parent / "data" / "workspace-schema-1.sqlite"
    root = tmp_path / "ws"
    root.mkdir()
    shutil.copy(old, root / "workspace.sqlite")
    Workspace.open(root, create=False).close()
    made = backups.list_backups(backups.default_backup_folder(root))
    assert len(made) == 1
    assert made[0].reason == "before_migration"
    assert made[0].manifest["schema_version"] == 1
    Workspace.open(root, create=False).close()  # up to date now: no second backup
    assert len(backups.list_backups(backups.default_backup_folder(root))) == 1


def test_the_folders_made_for_the_evidence_are_synced_before_the_backup_is_whole(
    demo: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[Path] = []
    real = backups.sync_folder

    def recording(folder: Path) -> None:  # the real fsync, and which folder it was
        synced.append(Path(folder))
        real(folder)

    monkeypatch.setattr(backups, "sync_folder", recording)
    made = backups.make_backup(demo.root, tmp_path / "cadangan").backup
    partial = next(p for p in synced if p.name.endswith(backups.PARTIAL))
    photo_folders = {partial / "evidence" / p.parent.name for p in _evidence(demo)}
    assert photo_folders
    assert photo_folders | {partial / "evidence"} <= set(synced)
    # All of them before the finished backup's name appears (its folder is synced last).
    assert synced.index(tmp_path / "cadangan") > max(synced.index(f) for f in photo_folders)
    assert backups.check_backup(made.path) == []
