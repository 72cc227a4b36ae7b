"""Benchmark: ``ombud demo`` for a national year (600 entities, about 4,200 loci).

Runs the real command line in a subprocess into a fresh workspace, then reports wall time,
database and evidence sizes and row counts. Baseline measured in the same run, on the same
disk: inserting the very same change rows with one raw ``sqlite3`` ``executemany`` in one
transaction into a bare table of the same shape (no indexes, no triggers), with the same
journal mode and synchronous setting as a workspace.

    python benchmarks/bench_demo.py [--entities 600] [--seed 1] [--dir DIR] [--keep DIR]

Not part of the test suite. Exit code 0 (no target; the figures are for reading).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:
    import resource  # not on Windows
except ImportError:  # pragma: no cover
    resource = None  # type: ignore[assignment]

CHANGE_COLUMNS = (
    "id, assessment_id, target, row_id, field, value, author, author_nip, device_id, at, supersedes"
)
BARE_TABLE = """
CREATE TABLE changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL,
    assessment_id TEXT NOT NULL,
    target TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT,
    author TEXT NOT NULL,
    author_nip TEXT,
    device_id TEXT NOT NULL,
    at TEXT NOT NULL,
    supersedes TEXT
)
"""
# The two indexes the real change log carries (see storage/migrations.py), for the second line.
CHANGE_INDEXES = (
    "CREATE UNIQUE INDEX changes_id ON changes(id)",
    "CREATE INDEX changes_cell ON changes(assessment_id, target, row_id, field, seq)",
)


def ombud_command() -> list[str]:
    """Return the command that runs the ``ombud`` CLI with this interpreter."""
    # ombud_desktop/cli/main.py ends with an ``if __name__ == "__main__"`` guard.
    return [sys.executable, "-m", "ombud_desktop.cli.main"]


def folder_bytes(folder: Path) -> tuple[int, int]:
    """Return (total bytes, number of files) under ``folder``."""
    total = files = 0
    for path in folder.rglob("*"):
        if path.is_file():
            total += path.stat().st_size
            files += 1
    return total, files


def mib(size: int) -> str:
    return f"{size / 2**20:,.1f} MiB"


def bare_insert(folder: Path, rows: list[tuple], *, indexes: bool) -> float:
    """Insert ``rows`` into a fresh bare table in one transaction; return the seconds taken."""
    path = folder / f"baseline-{'indexed' if indexes else 'bare'}.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute(BARE_TABLE)
        if indexes:
            for sql in CHANGE_INDEXES:
                conn.execute(sql)
        marks = ", ".join("?" for _ in range(11))
        started = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany(f"INSERT INTO changes ({CHANGE_COLUMNS}) VALUES ({marks})", rows)
        conn.execute("COMMIT")
        elapsed = time.perf_counter() - started
    finally:
        conn.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entities", type=int, default=600, help="entities (7 loci each)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--dir",
        type=Path,
        default=Path.cwd(),
        help="folder on the disk to measure (a temporary folder is made in it; default: .)",
    )
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="create the workspace in this (new or empty) folder and keep it",
    )
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="ombud-bench-demo-", dir=args.dir))
    try:
        if args.keep is not None:
            if args.keep.exists() and any(args.keep.iterdir()):
                print(f"--keep {args.keep}: the folder is not empty", file=sys.stderr)
                return 2
            workspace = args.keep
        else:
            workspace = scratch / "workspace"
        command = [
            *ombud_command(),
            "--workspace",
            str(workspace),
            "demo",
            "--entities",
            str(args.entities),
            "--seed",
            str(args.seed),
            "--quiet",
        ]
        print(f"$ {' '.join(command)}")
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - started
        if done.returncode != 0:
            print(done.stdout, done.stderr, sep="\n", file=sys.stderr)
            print(f"FAILED: ombud demo exited with {done.returncode}", file=sys.stderr)
            return 1
        print(done.stdout.strip())
        child_rss = None
        if resource is not None and sys.platform.startswith("linux"):  # ru_maxrss is in KiB
            child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024

        database = workspace / "workspace.sqlite"
        wal = Path(f"{database}-wal")
        db_size = database.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
        evidence_size, evidence_files = folder_bytes(workspace / "evidence")

        source = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        counts = {
            table: source.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("assessments", "changes", "responses", "respondents", "evidence")
        }
        page_size = source.execute("PRAGMA page_size").fetchone()[0]
        # Where the bytes are (dbstat is compiled into most SQLite builds; skip it if not).
        try:
            by_table = source.execute(
                "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 6"
            ).fetchall()
        except sqlite3.OperationalError:
            by_table = []
        rows = source.execute(f"SELECT {CHANGE_COLUMNS} FROM changes ORDER BY seq").fetchall()
        source.close()

        bare = bare_insert(scratch, rows, indexes=False)
        indexed = bare_insert(scratch, rows, indexes=True)
        del rows
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    loci = counts["assessments"]
    print()
    print(f"ombud demo --entities {args.entities} --seed {args.seed}  ({os.cpu_count()} cores)")
    print(f"  {'wall time':<34} {wall:10.2f} s")
    print(f"  {'per locus (assessment)':<34} {1000 * wall / max(loci, 1):10.2f} ms")
    print(f"  {'per change row':<34} {1e6 * wall / max(counts['changes'], 1):10.2f} µs")
    if child_rss is not None:
        print(f"  {'peak memory of the command':<34} {mib(child_rss):>12}")
    print(f"  {'database (.sqlite + -wal)':<34} {mib(db_size):>12}")
    print(f"  {'  per locus':<34} {db_size / max(loci, 1) / 1024:10.1f} KiB")
    print(f"  {'  per change row':<34} {db_size / max(counts['changes'], 1):10.0f} B")
    print(f"  {'evidence folder':<34} {mib(evidence_size):>12}  ({evidence_files} files)")
    for table, count in counts.items():
        print(f"  {'rows: ' + table:<34} {count:10,}")
    if by_table:
        print(f"  largest tables/indexes (page size {page_size}):")
        for name, size in by_table:
            print(f"    {name:<32} {mib(size):>12}")
    print()
    print(f"Baseline: {counts['changes']:,} change rows, one executemany, one transaction")
    print(f"  {'bare table (no indexes)':<34} {bare:10.2f} s")
    print(f"  {'same table + the 2 change indexes':<34} {indexed:10.2f} s")
    print(f"  {'ratio demo / bare insert':<34} {wall / bare:10.1f} ×")
    print(f"  {'ratio demo / indexed insert':<34} {wall / indexed:10.1f} ×")
    if args.keep is not None:
        print(f"\nWorkspace kept in {args.keep}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
