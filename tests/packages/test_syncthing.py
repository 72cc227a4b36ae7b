"""Packages through two real Syncthing instances: an assessor's outbox (Send Only) to a
supervisor's inbox (Receive Only), on 127.0.0.1 only. Each package is imported exactly once,
including one that was still being written when the sync began; a package deleted in the
outbox (archived by Syncthing in the inbox's ``.stversions``) never comes back.

Nothing here measures speed: the test polls, counting files, under one generous deadline.
Skipped only when the ``syncthing`` binary is absent (CI installs Debian's package).
"""

from __future__ import annotations

import shutil
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ombud_desktop.packages.export import export_assessment
from ombud_desktop.services.packages import PackageService
from ombud_desktop.services.sync import InboxWatcher, SyncReport
from ombud_desktop.storage import Workspace
from ombud_desktop.storage import imports as store
from tests.packages.conftest import People
from tests.packages.syncthing import BINARY, Instance, pair

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        BINARY is None,
        reason="the syncthing binary is not installed (apt-get install syncthing; CI has it)",
    ),
]

DEADLINE = 150.0  # seconds, for everything to arrive on a loaded machine; never a speed claim
CHUNKS = 12


@pytest.fixture
def syncthing_pair(tmp_path: Path) -> Iterator[tuple[Path, Path, list[Instance]]]:
    outbox, inbox = tmp_path / "outbox", tmp_path / "inbox"
    for folder in (outbox, inbox):
        (folder / ".stfolder").mkdir(parents=True)
    instances = list(pair(tmp_path, outbox, inbox))
    try:
        yield outbox, inbox, instances
    finally:
        for instance in instances:
            instance.stop()


def _until(condition: Callable[[], bool], what: str, instances: list[Instance]) -> None:
    deadline = time.monotonic() + DEADLINE
    while not condition():
        if time.monotonic() > deadline:
            logs = "\n".join(i.log.read_text(errors="replace")[-3000:] for i in instances)
            pytest.fail(f"{what}: not within {DEADLINE:.0f} s\n{logs}")
        for instance in instances:
            assert instance.process is not None
            assert instance.process.poll() is None, instance.log.read_text(errors="replace")
        time.sleep(0.5)


def _write_slowly(source: Path, target: Path, started: threading.Event) -> None:
    """Write ``source`` to ``target`` in chunks, a pause between each (a slow copy)."""
    data = source.read_bytes()
    size = -(-len(data) // CHUNKS)
    with target.open("wb") as out:
        for start in range(0, len(data), size):
            out.write(data[start:start + size])
            out.flush()
            started.set()
            time.sleep(0.4)


def test_packages_through_syncthing_are_imported_exactly_once(
    assessor_ws: Workspace,
    supervisor_ws: Workspace,
    people: People,
    syncthing_pair: tuple[Path, Path, list[Instance]],
    tmp_path: Path,
) -> None:
    outbox, inbox, instances = syncthing_pair
    rows = assessor_ws.assessment_rows()[:4]
    exported = [
        export_assessment(assessor_ws, row["id"], outbox, people.signer).path
        for row in rows[:3]
    ]
    slow_source = export_assessment(
        assessor_ws, rows[3]["id"], tmp_path / "elsewhere", people.signer
    ).path
    started = threading.Event()
    writer = threading.Thread(
        target=_write_slowly, args=(slow_source, outbox / slow_source.name, started)
    )
    writer.start()  # still being written when the sync begins
    assert started.wait(30)
    for instance in instances:
        instance.start()

    watcher = InboxWatcher(inbox, settle=1.0)
    service = PackageService(supervisor_ws, people.supervisor)
    reports: list[SyncReport] = []

    def look() -> None:  # the supervisor's inbox is watched all along, as the app does
        report = watcher.sync(service)
        if report is not None:
            reports.append(report)

    expected = {path.name: path.read_bytes() for path in exported}
    try:
        writer.join(60)
        expected[slow_source.name] = slow_source.read_bytes()

        def arrived() -> bool:
            look()
            return all(
                (inbox / name).is_file() and (inbox / name).read_bytes() == data
                for name, data in expected.items()
            )

        _until(arrived, "the packages to arrive in the inbox", instances)
        for _ in range(3):  # what arrived last settles and is imported
            time.sleep(1.1)
            look()

        imported = Counter(
            receipt.package_id
            for report in reports
            for receipt in report.receipts
            if not receipt.nothing_new
        )
        assert len(imported) == 4
        assert set(imported.values()) == {1}
        assert {r["id"] for r in supervisor_ws.assessment_rows()} == {r["id"] for r in rows}
        assert len(store.imported_packages(supervisor_ws)) == 4
        # Only a half-written version of the slow package may have been refused on its way.
        refused = {path.name for report in reports for path, _exc in report.refused}
        assert refused <= {slow_source.name}
        assert not any(report.conflict_copies for report in reports)

        # Deleted in the outbox: Syncthing removes it from the inbox, keeping it in
        # .stversions. It is never imported again.
        gone = exported[0].name
        (outbox / gone).unlink()
        _until(
            lambda: not (inbox / gone).exists()
            and any((inbox / ".stversions").glob("*.ombx")),
            "the deletion to reach the inbox",
            instances,
        )
        before = len(reports)
        for _ in range(3):
            time.sleep(1.1)
            look()
        assert len(reports) == before
        assert len(store.imported_packages(supervisor_ws)) == 4
    finally:
        writer.join(60)
        shutil.rmtree(tmp_path / "elsewhere", ignore_errors=True)
