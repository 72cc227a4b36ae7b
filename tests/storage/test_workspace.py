"""The workspace store: WAL, the append-only change log, atomic writes, clear failures."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from ombud_desktop.errors import StorageError
from ombud_desktop.services.assessments import AssessmentService
from ombud_desktop.storage import Edit, Workspace
from ombud_desktop.storage.changes import TARGETS


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_workspace_uses_wal_and_keeps_its_device_id(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "ws") as ws:
        device = ws.device_id
        mode = ws.db.execute("PRAGMA journal_mode").fetchone()[0]
        sync = ws.db.execute("PRAGMA synchronous").fetchone()[0]
    assert mode == "wal"
    assert sync == 2  # FULL: acknowledged commits survive a power cut
    assert len(device) == 36
    assert (tmp_path / "ws" / "evidence").is_dir()
    with Workspace.open(tmp_path / "ws") as again:
        assert again.device_id == device


def test_missing_workspace_is_not_created_when_asked_not_to(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as info:
        Workspace.open(tmp_path / "nowhere", create=False)
    assert info.value.code == "workspace_missing"
    assert not (tmp_path / "nowhere").exists()


def test_every_answer_is_logged_with_author_device_and_what_it_supersedes(
    workspace: Workspace, service: AssessmentService, assessment_id: str
) -> None:
    service.set_rating(assessment_id, "IN07", 1)
    service.set_rating(assessment_id, "IN07", 3)
    service.set_rating(assessment_id, "IN08", 2)
    log = [c for c in workspace.changes(assessment_id) if c.target == "response"]
    first, second, other = log
    assert (first.row_id, first.value, second.value) == ("IN07", 1, 3)
    assert first.supersedes is None
    assert second.supersedes == first.id
    assert other.supersedes is None
    assert {c.author for c in log} == {"Siti Aminah"}
    assert {c.device_id for c in log} == {workspace.device_id}
    assert first.at < second.at
    assert service.document(assessment_id).answers["IN07"].value == 3


def test_the_change_log_cannot_be_edited_or_deleted(
    workspace: Workspace, service: AssessmentService, assessment_id: str
) -> None:
    service.set_rating(assessment_id, "IN07", 1)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"), workspace.db.atomic():
        workspace.db.execute("UPDATE changes SET value = '3'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"), workspace.db.atomic():
        workspace.db.execute("DELETE FROM changes")
    assert [c.value for c in workspace.changes(assessment_id) if c.row_id == "IN07"] == [1]


def test_two_devices_editing_one_answer_leave_two_sibling_changes(
    tmp_path: Path, workspace: Workspace, service: AssessmentService, assessment_id: str
) -> None:
    """The log keeps both concurrent edits and shows they conflict (same predecessor)."""
    service.set_rating(assessment_id, "IN07", 1)
    workspace.close()
    source = tmp_path / "ws"
    copy = tmp_path / "ws-device-b"
    copy.mkdir()
    (copy / "workspace.sqlite").write_bytes((source / "workspace.sqlite").read_bytes())
    with Workspace.open(copy) as b, b.db.atomic():  # a second laptop with its own device id
        b.db.execute("UPDATE meta SET value = 'device-b' WHERE key = 'device_id'")
    with Workspace.open(source) as a, Workspace.open(copy) as b:
        [edit_a] = a.write(assessment_id, [Edit("response", "IN07", "value", 2)])
        [edit_b] = b.write(assessment_id, [Edit("response", "IN07", "value", 3)])
    assert edit_a.supersedes == edit_b.supersedes
    assert edit_a.supersedes is not None
    assert (edit_a.device_id, edit_b.device_id) == (a.device_id, "device-b")
    assert edit_a.id != edit_b.id


def test_an_unknown_field_is_refused_before_anything_is_written(
    workspace: Workspace, assessment_id: str
) -> None:
    before = len(workspace.changes(assessment_id))
    with pytest.raises(ValueError, match="no field"):
        workspace.write(assessment_id, [
            Edit("response", "IN07", "value", 2), Edit("response", "IN07", "colour", "red"),
        ])
    assert len(workspace.changes(assessment_id)) == before


def test_a_full_disk_gives_a_clear_error_and_changes_nothing(
    workspace: Workspace, service: AssessmentService, assessment_id: str
) -> None:
    service.set_rating(assessment_id, "IN07", 1)
    before = workspace.db.execute("SELECT COUNT(*) FROM changes").fetchone()[0]
    pages = workspace.db.execute("PRAGMA page_count").fetchone()[0]
    workspace.db.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now "full"
    big = "x" * 200_000  # longer than a typed note may be: written below the services' rules
    with pytest.raises(StorageError) as info:
        workspace.write(assessment_id, [Edit("note", "IN07", "text", big)])
    assert info.value.code == "disk_full"
    assert "Free some space" in info.value.hint
    workspace.db.execute("PRAGMA max_page_count = 1073741823")
    assert workspace.db.execute("SELECT COUNT(*) FROM changes").fetchone()[0] == before
    assert service.document(assessment_id).notes == {}
    assert service.document(assessment_id).answers["IN07"].value == 1
    assert workspace.integrity_check() == "ok"


def test_a_damaged_database_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    folder.mkdir()
    (folder / "workspace.sqlite").write_bytes(b"this is not a database at all" * 100)
    digest = file_digest(folder / "workspace.sqlite")
    with pytest.raises(StorageError) as info:
        Workspace.open(folder)
    assert info.value.code == "workspace_corrupt"
    assert file_digest(folder / "workspace.sqlite") == digest


def test_every_target_field_has_a_column(workspace: Workspace) -> None:
    for target, (table, keys, fields, _json) in TARGETS.items():
        columns = {c.name for c in workspace.db[table].columns}
        assert set(keys) <= columns, target
        assert fields <= columns, target
