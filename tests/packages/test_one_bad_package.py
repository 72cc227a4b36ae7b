"""One bad package never stops the others: in a merge, through the inbox watcher and through
``ombud sync --watch``, a package that breaks a rule of the database (a change id used by
another assessment, a status the workspace does not accept) is refused alone, with a code, and
the workspace ends exactly as if it had never been there.

The bad packages verify: they are signed by a trusted assessor with the project's own code.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ombud_desktop.cli.main import main
from ombud_desktop.packages.export import export_assessment
from ombud_desktop.packages.importer import verify_package
from ombud_desktop.services.merge import merge_packages
from ombud_desktop.services.packages import PackageService
from ombud_desktop.services.sync import InboxWatcher
from ombud_desktop.storage import Workspace
from tests.packages.conftest import People, snapshot
from tests.packages.doctored import Document, doctor, document_of, invalid_status, reusing_change_id

MOMENT = datetime(2024, 9, 2, 3, 4, 5, tzinfo=UTC)


def _supervisor(path: Path) -> Workspace:
    """A supervisor's workspace whose times and ids repeat, so two of them can be compared."""
    counter = itertools.count(1)
    ws = Workspace.open(
        path, clock=lambda: MOMENT, ids=lambda: f"00000000-0000-7000-8000-{next(counter):012d}"
    )
    ws.set_profile("Budi Santoso")
    return ws


@pytest.fixture
def packages(assessor_ws: Workspace, people: People, tmp_path: Path) -> list[Path]:
    """Four good packages of four assessments (no personal data: the sender has no recipient)."""
    rows = assessor_ws.assessment_rows()[:4]
    return [
        export_assessment(assessor_ws, row["id"], tmp_path / f"out{n}", people.signer).path
        for n, row in enumerate(rows)
    ]


def _bad_edit(kind: str, packages: list[Path]) -> Callable[[Document], None]:
    if kind == "reused_change_id":
        # The id of a change of the first good package, imported just before it.
        return reusing_change_id(document_of(packages[0])["changes"][-1]["id"])
    return invalid_status


def _bad(kind: str, packages: list[Path], people: People, folder: Path) -> Path:
    bad = doctor(
        packages[1], folder / packages[1].name, people.signer, _bad_edit(kind, packages)
    )
    assert verify_package(bad, people.supervisor).ok  # signed and trusted: only its contents lie
    return bad


def _in(folder: Path, named: list[tuple[str, Path]]) -> list[Path]:
    """Copy packages into ``folder`` under names that sort in the given order, a while ago."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, source in named:
        target = folder / f"{name}.ombx"
        shutil.copyfile(source, target)
        os.utime(target, (MOMENT.timestamp(), MOMENT.timestamp()))
        out.append(target)
    return out


def _contents(ws: Workspace) -> tuple[list[str], list[tuple[str, str]]]:
    """Return the workspace's SQL dump and evidence files, without when it was migrated."""
    dump, files = snapshot(ws)
    return [line for line in dump if '"_migrations"' not in line], files


KINDS = ["reused_change_id", "invalid_status"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_merge_refuses_the_bad_package_alone_and_imports_the_good_ones(
    kind: str, packages: list[Path], people: People, tmp_path: Path
) -> None:
    good_a, good_b = packages[0], packages[2]
    bad = _bad(kind, packages, people, tmp_path / "bad")
    reference = _supervisor(tmp_path / "reference")
    merge_packages(PackageService(reference, people.supervisor), [good_a, good_b])
    ws = _supervisor(tmp_path / "merged")
    # One batch holds the good package before and the bad one; the next, the good one after.
    report = merge_packages(
        PackageService(ws, people.supervisor), [good_a, bad, good_b], batch=2
    )
    assert [path for path, _exc in report.refused] == [bad]
    [(_path, refusal)] = report.refused
    assert refusal.code not in ("error", "package_failed")  # a refusal with its own code
    assert report.counts["new"] == 2
    assert report.to_json()["refused"][0]["code"] == refusal.code
    # As if the bad package had never been there: the same database and evidence files.
    assert _contents(ws) == _contents(reference)
    assert ws.integrity_check() == "ok"
    reference.close()
    ws.close()


def test_the_inbox_watcher_keeps_importing_after_a_bad_package(
    packages: list[Path], people: People, tmp_path: Path
) -> None:
    bad = _bad("reused_change_id", packages, people, tmp_path / "bad")
    inbox = tmp_path / "inbox"
    arrived = _in(inbox, [("1-good", packages[0]), ("2-bad", bad), ("3-good", packages[2])])
    now = [MOMENT.timestamp() + 100]
    watcher = InboxWatcher(inbox, settle=2.0, clock=lambda: now[0])
    ws = _supervisor(tmp_path / "supervisor")
    service = PackageService(ws, people.supervisor)
    assert watcher.sync(service) is None  # first look: noted
    now[0] += 5
    report = watcher.sync(service)
    assert report is not None
    assert [p for p, _e in report.refused] == [arrived[1]]
    assert report.counts["new"] == 2
    now[0] += 5
    assert watcher.sync(service) is None  # the refused file is not tried again unchanged
    # Another good package arrives after the bad one: imported.
    [later] = _in(inbox, [("4-good", packages[3])])
    assert watcher.sync(service) is None
    now[0] += 5
    report = watcher.sync(service)
    assert report is not None
    assert report.refused == []
    assert [r.path for r in report.receipts] == [later]
    imported = {row["id"] for row in ws.assessment_rows()}
    assert imported == {document_of(p)["assessment_id"] for p in (packages[0], *packages[2:])}
    ws.close()


def test_sync_watch_keeps_going_after_a_bad_package(
    packages: list[Path],
    people: People,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import ombud_desktop.cli.supervisor as supervisor_cli

    bad = _bad("invalid_status", packages, people, tmp_path / "bad")
    inbox = tmp_path / "inbox"
    _in(inbox, [("1-good", packages[0]), ("2-bad", bad), ("3-good", packages[2])])
    pauses: list[float] = []

    def pause(seconds: float) -> None:  # counts the looks instead of waiting between them
        pauses.append(seconds)
        if len(pauses) == 2:
            _in(inbox, [("4-good", packages[3])])
        if len(pauses) == 4:
            raise KeyboardInterrupt  # the user stops the watch with Ctrl-C

    monkeypatch.setattr(supervisor_cli.time, "sleep", pause)
    workspace = tmp_path / "supervisor"
    code = main(
        [
            "--workspace",
            str(workspace),
            "--keys",
            str(people.supervisor.folder),
            "sync",
            str(inbox),
            "--watch",
            "--settle",
            "0",
        ]
    )
    out, err = capsys.readouterr()
    assert len(pauses) == 4  # four looks: the watch went on after the refusal
    assert code == 1  # stopped by the user
    assert "REFUSED 2-bad.ombx" in err
    assert "1 new" in out  # the fourth package, after the bad one
    with Workspace.open(workspace, create=False) as ws:
        imported = {row["id"] for row in ws.assessment_rows()}
    assert imported == {document_of(p)["assessment_id"] for p in (packages[0], *packages[2:])}


def test_import_of_several_files_refuses_the_bad_one_and_imports_the_rest(
    packages: list[Path],
    people: People,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bad = _bad("reused_change_id", packages, people, tmp_path / "bad")
    named = [("1-good", packages[0]), ("2-bad", bad), ("3-good", packages[2])]
    files = _in(tmp_path / "files", named)
    workspace = tmp_path / "supervisor"
    keys = ["--workspace", str(workspace), "--keys", str(people.supervisor.folder)]
    code = main([*keys, "import", *map(str, files), "--json"])
    out, _err = capsys.readouterr()
    assert code == 1  # something was refused, as for any refused package
    results = json.loads(out)
    assert [r.get("refused", False) for r in results] == [False, True, False]
    assert results[1]["code"] not in ("error", "package_failed")  # refused with its own code
    with Workspace.open(workspace, create=False) as ws:
        imported = {row["id"] for row in ws.assessment_rows()}
    assert imported == {document_of(p)["assessment_id"] for p in (packages[0], packages[2])}
