"""The workspace doctor on real workspaces damaged in each way it knows, through ``ombud doctor``:
it finds each (exit 1), repairs each with --repair (exit 0) without losing a change, and a
healthy workspace (a demo; a supervisor's with merged conflicts) shows nothing."""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from ombud_desktop.cli.main import cli
from ombud_desktop.instruments import Instrument
from ombud_desktop.packages.state import assessment_state_digest
from ombud_desktop.services import backup as service
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.settings import OUTBOX, Settings
from ombud_desktop.storage import Workspace
from ombud_desktop.storage import backup as backups
from ombud_desktop.storage.doctor import check_state
from tests.conftest import FakeClock
from tests.merge.test_merge_laws import World
from tests.storage.lock_holder import LockHolder


def _digests(root: Path) -> dict[str, str]:
    with Workspace.open(root, create=False) as ws:
        ids = [r[0] for r in ws.db.execute("SELECT DISTINCT assessment_id FROM changes")]
        return {a: assessment_state_digest(ws, a) for a in sorted(ids)}


def _doctor(root: Path, settings: Path, *args: str) -> tuple[int, dict]:
    result = CliRunner().invoke(
        cli, ["--workspace", str(root), "--settings", str(settings), "doctor", "--json", *args]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, json.loads(result.stdout)


@pytest.fixture
def demo_root(tmp_path: Path, instrument: Instrument) -> Path:
    with Workspace.open(tmp_path / "ws", clock=FakeClock()) as ws:
        ws.set_profile("Siti Aminah")
        generate_demo(ws, instrument, entities=1, seed=1)
    return tmp_path / "ws"


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    path = tmp_path / "settings.json"
    settings = Settings.load(path)
    settings.set(OUTBOX, str(tmp_path / "outbox"))
    (tmp_path / "outbox").mkdir()
    return path


def test_a_healthy_workspace_shows_nothing(demo_root: Path, settings_file: Path) -> None:
    code, report = _doctor(demo_root, settings_file)
    assert code == 0
    assert report["healthy"]
    assert report["findings"] == []


def test_the_doctor_finds_and_repairs_each_damage_without_losing_a_change(
    demo_root: Path, settings_file: Path, tmp_path: Path
) -> None:
    backups.make_backup(demo_root, backups.default_backup_folder(demo_root))
    before = _digests(demo_root)
    with Workspace.open(demo_root, create=False) as ws:
        # A changed current-state cell (and a row gone), the change log untouched.
        key, aid = ws.db.execute(
            "SELECT key, assessment_id FROM responses WHERE value IS NOT NULL LIMIT 1"
        ).fetchone()
        ws.db.execute("UPDATE responses SET value = '\"hacked\"' WHERE key = ? AND "
                      "assessment_id = ?", [key, aid])
        gone = ws.db.execute(
            "SELECT key, assessment_id FROM responses WHERE key != ? LIMIT 1", [key]
        ).fetchone()
        ws.db.execute("DELETE FROM responses WHERE key = ? AND assessment_id = ?", list(gone))
        ws.db.conn.commit()
        photos = sorted(p for p in ws.evidence_dir.glob("*/*"))
    missing = photos[0]
    missing.unlink()  # a missing evidence file (a backup holds it)
    orphan = demo_root / "evidence" / "ab" / ("ab" + "0" * 62)
    orphan.parent.mkdir(exist_ok=True)
    orphan.write_bytes(b"left by a killed merge")
    temporary = photos[0].parent / ".abc.x1y2.part"
    temporary.write_bytes(b"half a photo")
    part = tmp_path / "outbox" / ".Kota_Cilegon_2024.ombx.k3j4.part"
    part.write_bytes(b"half a package")
    old = time.time() - 3600
    os.utime(part, (old, old))
    fresh = tmp_path / "outbox" / ".being_written.ombx.a1b2.part"  # another export, now
    fresh.write_bytes(b"being written")
    holder = LockHolder(demo_root, "Ombud Desktop")
    holder.kill()  # a stale lock: the record stays, the OS lock is gone

    code, report = _doctor(demo_root, settings_file)
    kinds = sorted(f["kind"] for f in report["findings"])
    assert code == 1
    assert not report["healthy"]
    assert kinds == sorted([
        "state_differs", "state_missing_row", "evidence_missing", "evidence_orphan",
        "evidence_temporary", "export_leftover", "stale_lock",
    ])
    assert not any(f["repaired"] for f in report["findings"])
    assert not missing.exists()
    assert orphan.exists()
    assert part.exists()
    assert "hacked" not in json.dumps(report)  # places, never values

    code, report = _doctor(demo_root, settings_file, "--repair")
    assert code == 0, report
    assert report["healthy"]
    assert all(f["repaired"] for f in report["findings"])
    assert len(report["findings"]) == 7

    assert missing.exists()
    assert backups.file_sha256(missing) == missing.name
    assert not orphan.exists()
    assert not temporary.exists()
    assert not part.exists()
    assert fresh.exists()  # an export still being written is left alone
    aside = list((demo_root / "disisihkan").glob("*/evidence/ab/" + orphan.name))
    assert len(aside) == 1
    assert aside[0].read_bytes() == b"left by a killed merge"
    assert (demo_root / "workspace.lock").read_bytes() == b""
    assert _digests(demo_root) == before  # no change lost, none added
    with Workspace.open(demo_root, create=False) as ws:
        value = ws.db.execute(
            "SELECT value FROM responses WHERE key = ? AND assessment_id = ?", [key, aid]
        ).fetchone()[0]
        assert value != '"hacked"'
        assert ws.db.execute(
            "SELECT count(*) FROM responses WHERE key = ? AND assessment_id = ?", list(gone)
        ).fetchone()[0] == 1

    code, report = _doctor(demo_root, settings_file)
    assert code == 0
    assert report["findings"] == []


def test_a_missing_file_no_backup_holds_stays_a_problem(
    demo_root: Path, settings_file: Path
) -> None:
    next(demo_root.glob("evidence/*/*")).unlink()
    code, report = _doctor(demo_root, settings_file, "--repair")
    assert code == 1
    assert [(f["kind"], f["repaired"]) for f in report["findings"]] == [
        ("evidence_missing", False)
    ]


def test_repairing_is_refused_while_the_app_has_the_workspace(
    demo_root: Path, settings_file: Path
) -> None:
    with LockHolder(demo_root, "Ombud Desktop"):
        result = CliRunner().invoke(
            cli, ["--workspace", str(demo_root), "--settings", str(settings_file), "doctor",
                  "--repair"]
        )
        assert result.exit_code != 0
        checking = CliRunner().invoke(
            cli, ["--workspace", str(demo_root), "--settings", str(settings_file), "doctor"]
        )
        assert checking.exit_code == 0, checking.output  # only looking is fine


def test_merged_conflicts_replay_to_exactly_the_stored_state() -> None:
    steps = [("edit", 1, 0, 1), ("edit", 2, 0, 2), ("sync", 1, 2, 0), ("edit", 2, 0, 3),
             ("edit", 0, 2, 1), ("edit", 1, 2, 2), ("edit", 0, 1, 2), ("edit", 2, 1, 2)]
    with tempfile.TemporaryDirectory() as scratch:
        world = World(Path(scratch))
        try:
            world.run(steps)
            supervisor = world.supervisor("sup", list(reversed(world.packages)))
            try:
                assert supervisor.db.execute("SELECT count(*) FROM conflicts").fetchone()[0]
                assert check_state(supervisor) == []
                for device in world.devices:
                    assert check_state(device) == []
            finally:
                supervisor.close()
        finally:
            world.close()


def test_the_daily_backup_is_made_once_a_day(demo_root: Path, tmp_path: Path) -> None:
    place = service.BackupPlace(tmp_path / "usb", keep=3)
    first = service.backup_if_due(demo_root, place)
    assert first is not None
    assert first.backup.reason == "daily"
    assert service.backup_if_due(demo_root, place) is None
    assert len(service.list_backups(place)) == 1


def test_the_support_bundle_carries_the_doctors_report(
    demo_root: Path, settings_file: Path, tmp_path: Path
) -> None:
    import zipfile

    (demo_root / "evidence" / "ab").mkdir(exist_ok=True)
    (demo_root / "evidence" / "ab" / ("ab" + "2" * 62)).write_bytes(b"orphan")
    result = CliRunner().invoke(
        cli, ["--workspace", str(demo_root), "--settings", str(settings_file), "support-bundle",
              str(tmp_path / "bantuan.zip")]
    )
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "bantuan.zip") as bundle:
        doctor = json.loads(bundle.read("doctor.json"))
    assert [f["kind"] for f in doctor["findings"]] == ["evidence_orphan"]
    assert doctor["healthy"] is False
