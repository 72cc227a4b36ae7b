"""One writer per workspace: the lock file, decided by the OS lock, with real processes."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from ombud_desktop.errors import StorageError, WorkspaceLockedError
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.lock import LOCK_NAME, read_holder
from tests.storage.lock_holder import LockHolder


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "ws"
    with Workspace.open(path) as workspace:
        workspace.set_profile("Siti Aminah", None)
    return path


@pytest.mark.slow
def test_a_second_writer_is_refused_with_who_holds_it_and_what_to_do(folder: Path) -> None:
    with LockHolder(folder, "Ombud Desktop") as holder:
        with pytest.raises(WorkspaceLockedError) as refused:
            Workspace.open(folder, create=False, lock="ombud import")
        error = refused.value
        assert error.code == "workspace_locked"
        assert isinstance(error, StorageError)
        assert error.data["program"] == "Ombud Desktop"
        assert error.data["pid"] == holder.pid
        assert error.data["host"] == socket.gethostname()
        assert error.data["since"]
        text = str(error)
        assert f"already open in Ombud Desktop on {socket.gethostname()}" in text
        assert f"process {holder.pid}" in text
        assert "Close it there first" in text
        # The refused opener changed nothing: the file still names the holder.
        assert read_holder(folder).pid == holder.pid
        holder.release()


@pytest.mark.slow
def test_a_reader_opens_while_another_process_writes(folder: Path) -> None:
    with LockHolder(folder) as holder:
        with Workspace.open(folder, create=False) as reader:
            assert reader.profile() == {"name": "Siti Aminah", "nip": None}
        holder.release()


@pytest.mark.slow
def test_the_lock_of_a_killed_process_is_taken_over_and_its_record_rewritten(
    folder: Path,
) -> None:
    holder = LockHolder(folder)
    killed = holder.pid
    holder.kill()
    assert read_holder(folder).pid == killed  # left behind: the file alone says "held"
    with Workspace.open(folder, create=False, lock="ombud merge") as workspace:
        workspace.set_profile("Budi", None)
        record = json.loads((folder / LOCK_NAME).read_text())
        assert record["pid"] == os.getpid()
        assert record["program"] == "ombud merge"
        assert record["host"] == socket.gethostname()
        assert {"user", "started_at"} <= set(record)
    assert (folder / LOCK_NAME).read_text() == ""  # let go cleanly: an empty file is nobody


def test_a_lock_file_naming_a_dead_process_is_taken_over(folder: Path, tmp_path: Path) -> None:
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    dead_pid = int(gone.stdout)
    (folder / LOCK_NAME).write_text(json.dumps({
        "format": 1, "pid": dead_pid, "host": socket.gethostname(), "program": "Ombud Desktop",
        "user": "siti", "started_at": "2024-08-12T01:00:00Z",
    }))
    with Workspace.open(folder, create=False, lock="Ombud Desktop"):
        assert read_holder(folder).pid == os.getpid()


@pytest.mark.slow
def test_a_process_opening_twice_holds_the_lock_once_until_both_are_closed(
    folder: Path,
) -> None:
    writer = Workspace.open(folder, create=False, lock="Ombud Desktop")
    reader = Workspace.open(folder, create=False, lock="Ombud Desktop")  # no conflict
    unlocked = Workspace.open(folder, create=False)  # a read-only opener takes nothing
    unlocked.close()
    writer.close()
    assert read_holder(folder).pid == os.getpid()  # the reader still holds it
    probe = [sys.executable, "-c", "import sys; from ombud_desktop.storage import Workspace\n"
             "try:\n Workspace.open(sys.argv[1], create=False, lock='probe').close()\n"
             "except Exception as e:\n print(e.code)\nelse:\n print('opened')", str(folder)]
    refused = subprocess.run(probe, capture_output=True, text=True, check=True)
    assert refused.stdout.strip() == "workspace_locked"
    reader.close()
    opened = subprocess.run(probe, capture_output=True, text=True, check=True)
    assert opened.stdout.strip() == "opened"


def test_an_open_that_fails_lets_go_of_the_lock(folder: Path) -> None:
    with Workspace.open(folder, create=False) as workspace:
        workspace.db.execute("PRAGMA user_version = 999")
    with pytest.raises(StorageError) as refused:
        Workspace.open(folder, create=False, lock="Ombud Desktop")
    assert refused.value.code == "workspace_too_new"
    assert (folder / LOCK_NAME).read_text() == ""
    assert read_holder(folder) is None


def test_a_missing_workspace_is_reported_without_leaving_a_lock_file(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as refused:
        Workspace.open(tmp_path / "nowhere", create=False, lock="Ombud Desktop")
    assert refused.value.code == "workspace_missing"
    assert not (tmp_path / "nowhere").exists()
