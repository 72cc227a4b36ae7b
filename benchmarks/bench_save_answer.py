"""Benchmark: saving one answer, each save its own committed (fsynced) transaction.

In a fresh workspace (or a copy of ``--workspace``, e.g. a national one), creates two
assessments through ``AssessmentService`` and times:

* ``AssessmentService.set_rating`` (what the GUI calls when an assessor picks a level),
  cycling indicators IN07..IN15 and values 0..3;
* ``Workspace.write`` of one ``Edit`` (the storage layer alone, no validation), on a second
  assessment;
* baseline: bare single-row SQLite commits (``BEGIN; INSERT; COMMIT``, journal_mode=WAL,
  synchronous=FULL: the same durability, one row per transaction) on a fresh database file in
  the same folder.

The three series take turns in blocks of 100 saves (``--block``), so that they share the
disk's conditions (e.g. writeback of an earlier benchmark) instead of one series catching them.

Then it counts one answer's work (no clock): statements run and WAL frames (pages) written,
for set_rating and for the bare commit.

    python benchmarks/bench_save_answer.py [--n 10000] [--block 100] [--dir DIR] [--workspace WS]

Target: median and p99 of set_rating each at most 3x the bare commit's. Exit code 1 if missed.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from _common import load, workspace_settings
from _common import result as record

from ombud_desktop.instruments import instrument_for_period
from ombud_desktop.services.assessments import AssessmentService, NewAssessment
from ombud_desktop.storage.changes import Edit
from ombud_desktop.storage.workspace import Workspace

INDICATORS = [f"IN{n:02d}" for n in range(7, 16)]
TARGET_P99_RATIO = 3.0


def interleaved(n: int, block: int, steps: list[Callable[[int], object]]) -> list[list[int]]:
    """Call each ``step(i)`` for i in 0..n-1, the series taking turns in blocks of ``block``.

    Taking turns exposes every series to the same disk conditions (writeback of earlier
    work, other load), so a slow patch of the disk does not land on one series only.
    Return each call's duration in nanoseconds, per series.
    """
    out: list[list[int]] = [[] for _ in steps]
    clock = time.perf_counter_ns
    for start in range(0, n, block):
        for step, samples in zip(steps, out, strict=True):
            for i in range(start, min(n, start + block)):
                started = clock()
                step(i)
                samples.append(clock() - started)
    return out


def percentile(sorted_ns: list[int], q: float) -> float:
    """Return the q-th percentile (nearest rank) of sorted nanoseconds, in milliseconds."""
    rank = max(1, min(len(sorted_ns), math.ceil(q / 100 * len(sorted_ns))))
    return sorted_ns[rank - 1] / 1e6


def summary(samples: list[int]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "median": statistics.median(ordered) / 1e6,
        "p90": percentile(ordered, 90),
        "p99": percentile(ordered, 99),
        "max": ordered[-1] / 1e6,
        "total_s": sum(ordered) / 1e9,
    }


def bare_database(folder: Path) -> tuple[sqlite3.Connection, Callable[[int], None]]:
    """Open a fresh WAL/FULL database; return it and a step doing one INSERT + COMMIT."""
    conn = sqlite3.connect(folder / "baseline.sqlite", isolation_level=None)
    workspace_settings(conn)
    conn.execute("CREATE TABLE answers (seq INTEGER PRIMARY KEY, key TEXT, value TEXT)")

    def step(i: int) -> None:
        conn.execute("BEGIN")
        conn.execute(
            "INSERT INTO answers (key, value) VALUES (?, ?)",
            [INDICATORS[i % len(INDICATORS)], str(i % 4)],
        )
        conn.execute("COMMIT")

    return conn, step


def work_of(conn: sqlite3.Connection, wal: Path, step: Callable[[], object]) -> tuple[int, int]:
    """Return the statements ``step`` runs on ``conn`` and the WAL frames (pages) it writes.

    A TRUNCATE checkpoint first empties the WAL (after the timed series: it changes none of
    their figures), so the WAL then holds its 32-byte header and one frame (a 24-byte header
    and a page) per page the commit wrote.
    """
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        step()
    finally:
        conn.set_trace_callback(None)
    return len(statements), (wal.stat().st_size - 32) // (page + 24)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="saves per series")
    parser.add_argument(
        "--block", type=int, default=100, help="saves per turn when the series take turns"
    )
    parser.add_argument(
        "--dir",
        type=Path,
        default=Path.cwd(),
        help="folder on the disk to measure (a temporary folder is made in it; default: .)",
    )
    parser.add_argument("--workspace", type=Path, default=None,
                        help="a workspace to copy and save into (e.g. a national one)")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="ombud-bench-save-", dir=args.dir))
    try:
        if args.workspace is not None:
            # A national-size workspace: its indexes are as deep as the assessor's will be.
            shutil.copytree(args.workspace, scratch / "workspace",
                            ignore=shutil.ignore_patterns("workspace.lock"))
            # The copy's 600 MB would otherwise be written back while the saves are timed,
            # each fsync waiting behind it (the larger commit the longer): written first.
            os.sync()
        workspace = Workspace.open(scratch / "workspace")
        try:
            workspace.set_profile("Benchmark", None)
            service = AssessmentService(workspace)
            instrument = instrument_for_period(2024)
            first, second = (
                service.create(
                    instrument,
                    NewAssessment(
                        category="kabupaten",
                        entity_name="Kabupaten Benchmark",
                        province="Jawa Barat",
                        locus_name=name,
                        period_year=2024,
                    ),
                ).value
                for name in ("DPMPTSP", "Dinas Kesehatan")
            )

            def save(i: int) -> None:
                service.set_rating(first, INDICATORS[i % len(INDICATORS)], i % 4)

            def write(i: int) -> None:
                workspace.write(
                    second, [Edit("response", INDICATORS[i % len(INDICATORS)], "value", i % 4)]
                )

            # The floor: one row committed per save with the same durability and cache
            # (WAL, synchronous=FULL, the workspace's page cache) on the same disk.
            bare, commit = bare_database(scratch)
            try:
                baseline, rating, raw = interleaved(args.n, args.block, [commit, save, write])
                work = {
                    "set_rating": work_of(
                        workspace.db.conn, workspace.root / "workspace.sqlite-wal",
                        lambda: save(args.n),
                    ),
                    "bare": work_of(
                        bare, scratch / "baseline.sqlite-wal", lambda: commit(args.n)
                    ),
                }
            finally:
                bare.close()
            changes = workspace.db.execute("SELECT count(*) FROM changes").fetchone()[0]
            loci = len(workspace.assessment_rows())
            size = f"{loci - 2:,} loci before"
        finally:
            workspace.close()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    base = summary(baseline)
    rows = [
        ("bare INSERT+COMMIT (baseline)", base),
        ("AssessmentService.set_rating", summary(rating)),
        ("Workspace.write (1 Edit)", summary(raw)),
    ]
    print(f"{args.n:,} single-answer saves per series, each its own committed transaction;")
    print(f"the three series take turns in blocks of {args.block}")
    print(f"(folder {args.dir.resolve()}; WAL, synchronous=FULL; {changes:,} change rows at end)")
    print()
    header = f"{'series':<31} {'median':>8} {'p90':>8} {'p99':>8} {'max':>8} {'total':>8}"
    print(header + f" {'p99/base':>9} {'med/base':>9}")
    print(f"{'':<31} {'ms':>8} {'ms':>8} {'ms':>8} {'ms':>8} {'s':>8}")
    for name, s in rows:
        p99_ratio = s["p99"] / base["p99"]
        median_ratio = s["median"] / base["median"]
        print(
            f"{name:<31} {s['median']:8.3f} {s['p90']:8.3f} {s['p99']:8.3f} {s['max']:8.2f} "
            f"{s['total_s']:8.2f} {p99_ratio:8.2f}× {median_ratio:8.2f}×"
        )
    print()
    for name, (statements, frames) in work.items():
        print(f"one answer, {name:<11} {statements} statements, {frames} WAL frames (pages)")
    ratio = rows[1][1]["p99"] / base["p99"]
    median_ratio = rows[1][1]["median"] / base["median"]
    passed = ratio <= TARGET_P99_RATIO and median_ratio <= TARGET_P99_RATIO
    print()
    print(f"({load()}; {size})")
    print(
        f"Target: median and p99 of set_rating each <= {TARGET_P99_RATIO:g}× a bare commit's: "
        f"median {median_ratio:.2f}×, p99 {ratio:.2f}× -> {'PASS' if passed else 'FAIL'}"
    )
    record(f"an answer durable ({size}): median", rows[1][1]["median"], "ms",
           f"<= {TARGET_P99_RATIO:g}×", median_ratio <= TARGET_P99_RATIO,
           baseline=base["median"], ratio=median_ratio)
    record(f"an answer durable ({size}): p99", rows[1][1]["p99"], "ms",
           f"<= {TARGET_P99_RATIO:g}×", ratio <= TARGET_P99_RATIO,
           baseline=base["p99"], ratio=ratio)
    if not passed:
        print("TARGET MISSED: set_rating p99 latency", file=sys.stderr)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
