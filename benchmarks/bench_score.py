"""Benchmark: scoring a whole national workspace (600 entities, about 4,200 loci).

Uses ``--workspace DIR`` (e.g. one kept by ``bench_demo.py --keep DIR``) or generates one
in-process with ``generate_demo`` (600 entities, seed 1) in a temporary folder. Times:

* ``score_workspace(workspace)`` end to end (3 runs: min and median);
* its parts: loading (``iter_documents`` alone), pure scoring (``score_locus`` over the
  preloaded documents) and the entity scores and ranking;
* ``ombud score --json`` as a command (one run, process start and JSON output included);
* baseline: ``SELECT *`` of every row of ``responses`` and ``respondents`` with raw sqlite3
  (the least it can cost to read the answers).

    python benchmarks/bench_score.py [--workspace DIR] [--entities 600] [--seed 1] [--dir DIR]

Target: score_workspace under 5 s for the national workspace. Exit code 1 if missed.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _common import load, median, quiet_enough, take_turns
from _common import result as record

from ombud_desktop.instruments import instrument_for_period
from ombud_desktop.scoring import (
    score_locus,
)
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.services.scoring import ScoredLocus, score_entities, score_workspace
from ombud_desktop.storage.documents import iter_documents
from ombud_desktop.storage.workspace import Workspace

TARGET_SECONDS = 5.0
RUNS = 3


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def repeat(fn: Callable[[], Any], runs: int = RUNS) -> tuple[list[float], Any]:
    times = []
    result = None
    for _ in range(runs):
        elapsed, result = timed(fn)
        times.append(elapsed)
    return times, result


def raw_read(database: Path) -> int:
    """Read every row of responses and respondents with raw sqlite3; return the row count."""
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        count = 0
        for table in ("responses", "respondents"):
            for _row in conn.execute(f"SELECT * FROM {table}"):
                count += 1
        return count
    finally:
        conn.close()


def stats(times: list[float]) -> str:
    return f"min {min(times):8.3f} s   median {statistics.median(times):8.3f} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workspace", type=Path, default=None, help="an existing workspace")
    parser.add_argument("--entities", type=int, default=600, help="when generating one")
    parser.add_argument("--seed", type=int, default=1, help="when generating one")
    parser.add_argument("--runs", type=int, default=3, help="CLI runs, taking turns")
    parser.add_argument(
        "--dir",
        type=Path,
        default=Path.cwd(),
        help="where to make the temporary workspace when generating one (default: .)",
    )
    args = parser.parse_args()

    scratch = None
    try:
        if args.workspace is None:
            scratch = Path(tempfile.mkdtemp(prefix="ombud-bench-score-", dir=args.dir))
            root = scratch / "workspace"
            workspace = Workspace.open(root)
            workspace.set_profile("Demo", None)
            elapsed, summary = timed(
                lambda: generate_demo(
                    workspace, instrument_for_period(2024), entities=args.entities, seed=args.seed
                )
            )
            print(
                f"Generated {summary.entities} entities, {summary.assessments} loci "
                f"(seed {args.seed}) in-process in {elapsed:.1f} s"
            )
            workspace.close()
        else:
            root = args.workspace
        workspace = Workspace.open(root, create=False)
        try:
            database = root / "workspace.sqlite"
            whole, result = repeat(lambda: score_workspace(workspace))
            loading, documents = repeat(lambda: list(iter_documents(workspace)))

            def score_all() -> list[ScoredLocus]:
                return [
                    ScoredLocus(row, score_locus(workspace.instrument(row["instrument_hash"]), doc))
                    for row, doc in documents
                ]

            scoring, loci = repeat(score_all)
            ranking, entities = repeat(lambda: score_entities(workspace, loci))
            baseline, rows = repeat(lambda: raw_read(database))
            responses = workspace.db.execute("SELECT count(*) FROM responses").fetchone()[0]
        finally:
            workspace.close()
        command = [sys.executable, "-m", "ombud_desktop.cli.main", "--workspace", str(root)]
        outputs: list[subprocess.CompletedProcess[bytes]] = []

        def cli_run() -> None:
            outputs.append(
                subprocess.run([*command, "score", "--json"], capture_output=True, check=False)
            )

        def in_process() -> None:
            opened = Workspace.open(root, create=False)
            try:
                score_workspace(opened)
            finally:
                opened.close()

        # The floor of `ombud score --json` is score_workspace itself (opening included): the
        # command adds only process start and printing. A B A B in the same run.
        cli_times, direct_times = take_turns(args.runs, cli_run, in_process)
        done = outputs[-1]
        cli = median(cli_times)
        if done.returncode != 0:
            print(done.stderr.decode(errors="replace"), file=sys.stderr)
            print(f"FAILED: ombud score exited with {done.returncode}", file=sys.stderr)
            return 1
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)

    assert len(entities) == len(result.entities), "the ranking replica diverged"
    best = min(whole)
    print()
    print(
        f"Workspace: {len(result.loci):,} loci, {len(result.entities):,} entities, "
        f"{responses:,} responses, {rows - responses:,} respondents ({RUNS} runs each)"
    )
    print(f"  {'score_workspace (whole)':<36} {stats(whole)}")
    print(f"  {'  loading: iter_documents':<36} {stats(loading)}")
    print(f"  {'  scoring: score_locus x loci':<36} {stats(scoring)}")
    print(f"  {'  entity scores + ranking':<36} {stats(ranking)}")
    print(f"  {'  per locus (whole, min)':<36} {1000 * best / max(len(result.loci), 1):8.3f} ms")
    cli_ratio = cli / median(direct_times)
    print(f"  {'ombud score --json (CLI, median)':<36} {cli:12.3f} s   ({len(done.stdout):,} B)")
    print(
        f"  {'score_workspace, taking turns':<36} {median(direct_times):12.3f} s   "
        f"CLI / score_workspace {cli_ratio:.2f} × (medians; {args.runs} each; {load()})"
    )
    print()
    print(f"Baseline: SELECT * of responses + respondents, raw sqlite3 ({rows:,} rows)")
    print(f"  {'raw read':<36} {stats(baseline)}")
    print(f"  {'ratio score_workspace / raw read':<36} {best / min(baseline):7.1f} ×   (min/min)")
    print(f"  {'ratio loading / raw read':<36} {min(loading) / min(baseline):7.1f} ×")
    passed = best < TARGET_SECONDS
    record("score_workspace, national", best, "s", f"< {TARGET_SECONDS:g} s", passed,
           checked=quiet_enough())
    record("ombud score --json / score_workspace", cli, "s", "<= 1.2×", cli_ratio <= 1.2,
           baseline=median(direct_times), ratio=cli_ratio)
    passed = (passed or not quiet_enough()) and cli_ratio <= 1.2
    print()
    print(
        f"Target: score_workspace under {TARGET_SECONDS:g} s: min {best:.2f} s, "
        f"median {statistics.median(whole):.2f} s -> {'PASS' if passed else 'FAIL'}"
    )
    if not passed:
        print("TARGET MISSED: whole-workspace scoring time", file=sys.stderr)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
