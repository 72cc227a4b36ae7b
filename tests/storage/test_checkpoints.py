"""WAL checkpoints beside the saves (storage/checkpoints.py): a save no longer copies the WAL
back into the database itself below the safety net; a thread does, and stops with the
workspace. Counted (pages, checkpoints, threads), never timed."""

from __future__ import annotations

import gc
import sqlite3
import threading
import time
from pathlib import Path

from ombud_desktop.instruments import instrument_for_period
from ombud_desktop.services.assessments import AssessmentService, NewAssessment
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.workspace import AUTOCHECKPOINT_PAGES, DATABASE_NAME, bulk_writing

INDICATORS = [f"IN{n:02d}" for n in range(7, 16)]


def _assessment(ws: Workspace) -> tuple[AssessmentService, str]:
    ws.set_profile("Tester", None)
    service = AssessmentService(ws)
    created = service.create(
        instrument_for_period(2024),
        NewAssessment(
            category="kabupaten",
            entity_name="Kabupaten Uji",
            province="Jawa Barat",
            locus_name="DPMPTSP",
            period_year=2024,
        ),
    )
    return service, created.value


def _wal_pages(root: Path) -> int:
    wal = root / f"{DATABASE_NAME}-wal"
    return (wal.stat().st_size - 32) // (4096 + 24) if wal.exists() else 0


def _threads(root: Path) -> list[threading.Thread]:
    """Return the checkpoint threads of the workspace in ``root``."""
    return [t for t in threading.enumerate() if t.name == f"wal-checkpoint {root}"]


def _until(condition, most_s: float = 60.0) -> bool:  # type: ignore[no-untyped-def]
    """Wait for ``condition`` (a generous deadline, so a slow machine only waits longer)."""
    deadline = time.monotonic() + most_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_saves_leave_the_checkpoints_to_the_thread_which_makes_them(tmp_path: Path) -> None:
    ws = Workspace.open(tmp_path / "ws")
    try:
        service, assessment = _assessment(ws)
        assert ws.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == AUTOCHECKPOINT_PAGES
        with ws.checkpoints_paused():
            before = ws.background_checkpoints
            for i in range(300):  # ~6 pages each: past SQLite's default 1,000-page limit
                service.set_rating(assessment, INDICATORS[i % len(INDICATORS)], i % 4)
            # Nothing copied the WAL back: it holds every page the saves wrote.
            assert 1000 < _wal_pages(ws.root) < AUTOCHECKPOINT_PAGES
            assert ws.background_checkpoints == before
        assert _until(lambda: ws.background_checkpoints > before)
        # The WAL was copied back: the database file alone (read as immutable, its WAL
        # ignored) holds every save.
        alone = sqlite3.connect(f"file:{ws.root / DATABASE_NAME}?immutable=1", uri=True)
        try:
            in_file = alone.execute(
                "SELECT count(*) FROM changes WHERE target = 'response'"
            ).fetchone()[0]
        finally:
            alone.close()
        assert in_file == 300
        answers = ws.db.execute(
            "SELECT count(*) FROM responses WHERE assessment_id = ?", [assessment]
        ).fetchone()[0]
        assert answers == len(INDICATORS)
    finally:
        ws.close()
    assert _threads(tmp_path / "ws") == []
    with Workspace.open(tmp_path / "ws", create=False) as again:  # every save is there
        changes = again.db.execute(
            "SELECT count(*) FROM changes WHERE target = 'response'"
        ).fetchone()[0]
        assert changes == 300


def test_a_merge_sets_its_own_checkpoints_and_gives_them_back(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "ws") as ws:
        with bulk_writing(ws):
            assert ws.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 16384
        assert ws.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == AUTOCHECKPOINT_PAGES


def test_each_workspace_stops_its_thread_when_closed_or_dropped(tmp_path: Path) -> None:
    opened = [Workspace.open(tmp_path / f"ws{n}") for n in range(3)]
    assert [len(_threads(tmp_path / f"ws{n}")) for n in range(3)] == [1, 1, 1]
    for ws in opened[:2]:
        ws.close()
    assert [len(_threads(tmp_path / f"ws{n}")) for n in range(3)] == [0, 0, 1]
    dropped = _threads(tmp_path / "ws2")[0]
    del ws, opened  # never closed: the collector closes its connection, and its thread stops
    gc.collect()
    dropped.join(timeout=60)  # a generous deadline: a slow machine only waits longer
    assert not dropped.is_alive()


def test_checkpoints_that_keep_failing_stop_and_leave_the_saves_theirs(tmp_path: Path) -> None:
    from ombud_desktop.storage.checkpoints import MAX_FAILURES, Checkpointer

    damaged = tmp_path / "workspace.sqlite"
    damaged.write_bytes(b"not a database, whatever its name" * 200)
    checkpointer = Checkpointer(damaged, interval=0.001)
    checkpointer.start()
    assert checkpointer.wait_stopped(60)  # a generous deadline: a slow machine waits longer
    assert not checkpointer.running
    assert checkpointer.failures == MAX_FAILURES
    assert checkpointer.checkpoints == 0
    checkpointer.stop()  # stopping a stopped one is harmless
