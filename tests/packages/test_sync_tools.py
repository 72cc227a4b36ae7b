"""The inbox under a sync tool: what Syncthing, Google Drive and OneDrive leave beside the
packages is never imported, conflict copies are reported (once) instead of imported, a deleted
package never comes back from ``.stversions``, and a refused package holds up nothing.

Real workspaces, keys, packages and files; the watcher's clock is given, so nothing waits.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from ombud_desktop.cli.main import main
from ombud_desktop.packages.export import export_assessment
from ombud_desktop.services.packages import PackageService
from ombud_desktop.services.sync import (
    CONFLICT_COPY,
    IGNORED,
    PACKAGE,
    InboxWatcher,
    SyncReport,
    inbox_kind,
)
from ombud_desktop.storage import Workspace
from tests.packages.conftest import People


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Dinas_Kesehatan_2024.ombx", PACKAGE),
        ("tim-a/Dinas_Kesehatan_2024.OMBX", PACKAGE),
        (".syncthing.Dinas_Kesehatan_2024.ombx.tmp", IGNORED),
        (".syncthing.Dinas_Kesehatan_2024.ombx", IGNORED),
        ("~syncthing~Dinas_Kesehatan_2024.ombx.tmp", IGNORED),
        ("~syncthing~Dinas_Kesehatan_2024.ombx", IGNORED),
        (".stversions/Dinas_Kesehatan_2024~20240902-101500.ombx", IGNORED),
        ("tim-a/.stversions/Dinas_Kesehatan_2024.ombx", IGNORED),
        (".stfolder/x.ombx", IGNORED),
        (".trash/x.ombx", IGNORED),
        (".tmp.drivedownload/x.ombx", IGNORED),
        ("Dinas_Kesehatan_2024.ombx.partial", IGNORED),
        ("Dinas_Kesehatan_2024.ombx.part", IGNORED),
        ("Dinas_Kesehatan_2024.ombx.tmp", IGNORED),
        ("~$Dinas_Kesehatan_2024.ombx", IGNORED),
        ("desktop.ini", IGNORED),
        ("catatan.txt", IGNORED),
        ("Dinas_Kesehatan_2024.sync-conflict-20240902-101500-ABCDEFG.ombx", CONFLICT_COPY),
        ("Dinas_Kesehatan_2024 (conflicted copy 2024-09-02).ombx", CONFLICT_COPY),
    ],
)
def test_what_sync_tools_leave_is_told_apart_from_packages(name: str, kind: str) -> None:
    assert inbox_kind(Path(name)) == kind


def _place(target: Path, source: Path, when: float) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    os.utime(target, (when, when))
    return target


@pytest.fixture
def two_packages(assessor_ws: Workspace, people: People, tmp_path: Path) -> list[Path]:
    rows = assessor_ws.assessment_rows()[:2]
    return [
        export_assessment(assessor_ws, row["id"], tmp_path / f"out{n}", people.signer).path
        for n, row in enumerate(rows)
    ]


def test_the_inbox_imports_packages_only_and_reports_conflict_copies_once(
    supervisor_ws: Workspace, people: People, two_packages: list[Path], tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    now = [1_000_000.0]
    past = now[0] - 60
    first, second = two_packages
    real = _place(inbox / "a.ombx", first, past)
    # What Syncthing leaves: its temporary file, an archived version, its marker folder.
    _place(inbox / ".syncthing.b.ombx.tmp", second, past)
    _place(inbox / "~syncthing~b.ombx.tmp", second, past)
    _place(inbox / ".stversions" / "b~20240902-101500.ombx", second, past)
    (inbox / ".stfolder").mkdir()
    _place(inbox / "~$b.ombx", second, past)
    _place(inbox / "b.ombx.partial", second, past)
    (inbox / "desktop.ini").write_text("[.ShellClassInfo]\n")
    copy = _place(inbox / "a.sync-conflict-20240902-101500-ABCDEFG.ombx", second, past)
    watcher = InboxWatcher(inbox, settle=2.0, clock=lambda: now[0])
    service = PackageService(supervisor_ws, people.supervisor)

    report = watcher.sync(service)  # the first look notes what it saw; copies are told at once
    assert isinstance(report, SyncReport)
    assert report.conflict_copies == [copy]
    assert report.receipts == []
    assert report.refused == []
    now[0] += 5
    report = watcher.sync(service)
    assert report is not None
    assert [r.path for r in report.receipts] == [real]
    assert report.refused == []
    assert report.conflict_copies == []
    assert report.to_json()["conflict_copies"] == []
    assert len(supervisor_ws.assessment_rows()) == 1  # the conflict copy's assessment is not in
    now[0] += 5
    assert watcher.sync(service) is None  # nothing new, the copy is not told again

    # The supervisor deletes the package; Syncthing keeps it in .stversions: it never returns.
    real.unlink()
    _place(inbox / ".stversions" / "a~20240902-111500.ombx", first, past)
    for _ in range(3):
        now[0] += 5
        assert watcher.sync(service) is None
    # A changed conflict copy is told again.
    _place(copy, first, now[0] - 30)
    now[0] += 5
    report = watcher.sync(service)
    assert report is not None
    assert report.conflict_copies == [copy]


def test_a_poison_package_in_a_synced_inbox_holds_up_nothing(
    supervisor_ws: Workspace, people: People, two_packages: list[Path], tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    now = [1_000_000.0]
    past = now[0] - 60
    poison = inbox / "0-damaged.ombx"
    poison.parent.mkdir()
    poison.write_bytes(two_packages[0].read_bytes()[:3000])  # a truncated copy
    os.utime(poison, (past, past))
    _place(inbox / "1.ombx", two_packages[0], past)
    _place(inbox / "2.ombx", two_packages[1], past)
    watcher = InboxWatcher(inbox, settle=2.0, clock=lambda: now[0])
    service = PackageService(supervisor_ws, people.supervisor)
    assert watcher.sync(service) is None
    now[0] += 5
    report = watcher.sync(service)
    assert report is not None
    assert [path.name for path, _exc in report.refused] == ["0-damaged.ombx"]
    assert report.counts["new"] == 2
    assert len(supervisor_ws.assessment_rows()) == 2


def test_ombud_sync_says_which_conflict_copies_it_left_alone(
    supervisor_ws: Workspace,
    people: People,
    two_packages: list[Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = supervisor_ws.root
    supervisor_ws.close()
    inbox = tmp_path / "inbox"
    past = os.path.getmtime(two_packages[0]) - 60
    _place(inbox / "a.ombx", two_packages[0], past)
    _place(inbox / "a.sync-conflict-20240902-101500-ABCDEFG.ombx", two_packages[1], past)
    _place(inbox / ".stversions" / "b~20240902-101500.ombx", two_packages[1], past)
    code = main([
        "--workspace", str(root), "--keys", str(people.supervisor.folder),
        "sync", str(inbox), "--settle", "0",
    ])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "CONFLICT COPY a.sync-conflict-20240902-101500-ABCDEFG.ombx" in out
    assert "1 new" in out
    with Workspace.open(root) as ws:
        assert len(ws.assessment_rows()) == 1


def test_a_merge_of_a_folder_never_reads_a_sync_tools_dot_folders(tmp_path: Path) -> None:
    from ombud_desktop.services.packages import package_files

    (tmp_path / ".stversions").mkdir()
    (tmp_path / ".stversions" / "old~20240101.ombx").write_bytes(b"x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "new.ombx").write_bytes(b"x")
    assert package_files([tmp_path]) == [tmp_path / "sub" / "new.ombx"]
