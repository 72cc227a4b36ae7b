"""merge.batch on a real workspace: each file in its own savepoint, a failure of the workspace
stops the merge and rolls the batch back, files placed by a rolled-back file are removed."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import ClassVar

import pytest

from ombud_desktop.errors import OmbudError, StorageError
from ombud_desktop.merge.batch import merge_in_batches
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.changes import Change


class Opened:
    """What ``open_one`` returns here: a name, and whether it was closed."""

    closed: ClassVar[list[str]] = []

    def __init__(self, path: Path):
        if path.stem.startswith("unreadable"):
            raise OmbudError(f"{path.name} cannot be read", code="member_invalid")
        if path.stem.startswith("crash-open"):
            raise RecursionError("deep")
        self.name = path.stem

    def close(self) -> None:
        Opened.closed.append(self.name)


def _change(workspace: Workspace, assessment_id: str, change_id: str) -> Change:
    return Change(change_id, assessment_id, "note", "n1", "text", "x", "Siti", None,
                  workspace.device_id, "2024-08-12T01:00:00.000000Z", None)


def _apply(workspace: Workspace, folder: Path):  # type: ignore[no-untyped-def]
    """Apply a file: a period row, an evidence file placed, then what its name asks for."""

    def apply_one(opened: Opened, placed: list[Path]) -> str:
        year = 2000 + int(opened.name.rsplit("-", 1)[1])
        workspace.ensure_period(year)
        placed_file = folder / f"placed-{opened.name}"
        placed_file.write_bytes(b"evidence")
        placed.append(placed_file)
        if opened.name.startswith("reused"):
            # A real broken rule: a change id already in the log (UNIQUE).
            workspace.append_changes([_change(workspace, "a1", "c-1")])
        if opened.name.startswith("crash"):
            raise KeyError("a bug met by this file")
        if opened.name.startswith("full"):
            raise sqlite3.OperationalError("database or disk is full")
        return opened.name

    return apply_one


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    ws = Workspace.open(tmp_path / "ws")
    ws.set_profile("Siti")
    with ws.db.atomic():
        ws.db.execute("INSERT INTO assessments (id) VALUES ('a1')")
        ws.append_changes([_change(ws, "a1", "c-1")])
    Opened.closed = []
    return ws


def _periods(ws: Workspace) -> list[str]:
    return [r[0] for r in ws.db.execute("SELECT id FROM periods ORDER BY id")]


def test_each_file_is_refused_alone_and_the_batch_goes_on(
    workspace: Workspace, tmp_path: Path
) -> None:
    names = ["good-1", "reused-2", "crash-3", "unreadable-4", "crash-open-5", "good-6"]
    files = [tmp_path / f"{n}.ombx" for n in names]
    result = merge_in_batches(
        workspace, files, Opened, _apply(workspace, tmp_path), batch=4
    )
    assert result.applied == ["good-1", "good-6"]
    codes = {path.stem: exc.code for path, exc in result.refused}
    assert codes == {
        "reused-2": "constraint_failed",
        "crash-3": "package_failed",
        "unreadable-4": "member_invalid",
        "crash-open-5": "package_failed",
    }
    assert _periods(workspace) == ["2001", "2006"]  # the refused files' rows rolled back
    assert sorted(p.name for p in tmp_path.glob("placed-*")) == ["placed-good-1", "placed-good-6"]
    assert sorted(Opened.closed) == ["crash-3", "good-1", "good-6", "reused-2"]  # all opened
    assert workspace.integrity_check() == "ok"


def test_a_full_disk_stops_the_merge_and_rolls_its_batch_back(
    workspace: Workspace, tmp_path: Path
) -> None:
    names = ["good-1", "good-2", "good-3", "full-4", "good-5"]
    files = [tmp_path / f"{n}.ombx" for n in names]
    with pytest.raises(StorageError) as caught:
        merge_in_batches(workspace, files, Opened, _apply(workspace, tmp_path), batch=2)
    assert caught.value.code == "disk_full"
    # The first batch was committed and stays; the failing batch leaves no row and no file.
    assert _periods(workspace) == ["2001", "2002"]
    assert sorted(p.name for p in tmp_path.glob("placed-*")) == ["placed-good-1", "placed-good-2"]
    assert "good-5" in Opened.closed  # read ahead, then closed when the merge stopped
