"""Benchmark: merging a national year of packages into one supervisor workspace.

Makes ``--assessors`` assessor workspaces with ``ombud demo`` (``--entities`` in all, 7 loci
each: 600 entities give 4,200 loci), exports every locus as a signed package, then runs
``ombud merge`` (a subprocess, so its peak memory is its own) into an empty supervisor
workspace, twice. Baseline, in the same run, before and after the merge: a bare
``executemany`` of every row the merge leaves (the change log, and the answers, respondents,
evidence, assessments, loci, entities, imports and batches it materialises) into empty tables
of the same shape, with their indexes, the merge's settings, one transaction. The bare insert
of the change rows alone is printed beside it, as earlier runs measured it.

    python benchmarks/bench_merge.py [--entities 600] [--assessors 5] [--dir DIR] [--keep DIR]

Targets: the merge under 40 s; at least 35 % of the bare insert's speed; the second merge a
no-op under 10 s; peak memory of the merge (with its reading processes) under 500 MB. Exit
code 1 if one is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import load, load_1min, quiet_enough, settle, workspace_settings
from _common import result as record

from ombud_desktop.packages.export import Signer, export_assessment
from ombud_desktop.packages.keys import KeyStore
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.workspace import CACHE_KIB

PASSPHRASE = "benchmark passphrase"
TARGETS = {"merge_s": 40.0, "share": 0.35, "again_s": 10.0, "peak_mb": 500.0}


# Runs the command line and prints the process's own peak memory (KB) last on stderr: VmHWM of
# its own address space where Linux gives it. Not ru_maxrss: a child started by vfork keeps its
# parent's peak in ru_maxrss across exec, and this script holds the change rows (1.1 GB), which
# a run reported as the merge's peak.
RUN = (
    "import resource, sys\n"
    "from ombud_desktop.cli.main import main\n"
    "code = main(sys.argv[1:])\n"
    "try:\n"
    "    hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')]\n"
    "    peak = int(hwm[0].split()[1])\n"
    "except (OSError, IndexError, ValueError):\n"
    "    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "print(peak, file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def ombud(*args: str, env: dict[str, str]) -> tuple[str, float]:
    """Run ``ombud ARGS``; return its output and the peak memory of it and its children, MB.

    A merge of 40 packages or more reads them on two reading processes of its own
    (``services.merge.reading_processes``), so the figure is the process's own peak (VmHWM)
    plus the peak resident size seen of each process it started, sampled every 0.1 s: the sum
    of each one's peak, never less than what they held together at any moment.
    """
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        child = subprocess.Popen(
            [sys.executable, "-c", RUN, *args], stdout=out, stderr=err, text=True, env=env
        )
        peaks: dict[int, float] = {}
        while child.poll() is None:
            for pid in _descendants(child.pid):
                peaks[pid] = max(peaks.get(pid, 0.0), _resident_mb(pid))
            time.sleep(0.1)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if child.returncode:
        raise subprocess.CalledProcessError(child.returncode, args, stdout, stderr)
    own = int(stderr.strip().splitlines()[-1]) / 1024
    return stdout, own + sum(peaks.values())


def _descendants(pid: int) -> list[int]:
    """Return the processes ``pid`` started, and theirs (Linux; none elsewhere)."""
    found, queue = [], [pid]
    while queue:
        parent = queue.pop()
        try:
            tasks = os.listdir(f"/proc/{parent}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{parent}/task/{task}/children") as listed:
                    children = [int(c) for c in listed.read().split()]
            except OSError:
                continue
            found += children
            queue += children
    return found


def _resident_mb(pid: int) -> float:
    """Return a process's resident memory in MB (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def bare_insert(rows: list[tuple[object, ...]], folder: Path) -> float:
    """Insert the rows into a fresh table shaped like ``changes``; return seconds.

    Printed beside the floor (``every_row_insert``), as runs before 4 December judged by it:
    the change rows (each with the batch that binds it and its import,
    kept in the row since migration 0020) into a table with the same columns and indexes, with
    the settings the merge runs with (WAL, synchronous=FULL, 128 MB of page cache, a WAL
    checkpoint every 64 MB: storage.workspace.bulk_writing), one transaction, same disk.
    """
    path = folder / "bare.sqlite"
    for leftover in folder.glob("bare.sqlite*"):
        leftover.unlink()
    conn = sqlite3.connect(path)
    workspace_settings(conn, cache_kib=2 * CACHE_KIB)
    conn.execute("PRAGMA wal_autocheckpoint = 16384")
    conn.executescript(
        """
        CREATE TABLE changes (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
            assessment_id TEXT NOT NULL, target TEXT NOT NULL, row_id TEXT NOT NULL,
            field TEXT NOT NULL, value TEXT, author TEXT NOT NULL, author_nip TEXT,
            device_id TEXT NOT NULL, at TEXT NOT NULL, supersedes TEXT, also_supersedes TEXT,
            batch_id TEXT, import_id TEXT);
        CREATE INDEX changes_cell ON changes(assessment_id, target, row_id, field, seq);
        """
    )
    started = time.perf_counter()
    with conn:
        conn.executemany(
            "INSERT INTO changes (id, assessment_id, target, row_id, field, value, author, "
            "author_nip, device_id, at, supersedes, also_supersedes, batch_id, import_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def every_row_insert(source: Path, folder: Path) -> tuple[float, int, int]:
    """Insert every row of a merged workspace into fresh tables of the same shape; return the
    seconds, the rows and the tables.

    The floor of a merge: a merge must write every row it leaves, at the least. The change
    log, and what it materialises from it (the answers, respondents and evidence, the
    assessments, loci and entities, the imports and the batches), each table with its indexes
    (its triggers left out), with the merge's settings (WAL, synchronous=FULL, 128 MB of page
    cache, a checkpoint every 64 MB), one transaction, same disk.
    """
    path = folder / "every.sqlite"
    for leftover in folder.glob("every.sqlite*"):
        leftover.unlink()
    with sqlite3.connect(source / "workspace.sqlite") as merged:
        tables = [
            (name, sql)
            for name, sql in merged.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL "
                "AND name NOT LIKE 'sqlite_%' ORDER BY rootpage"
            )
        ]
        indexes = [
            sql
            for (sql,) in merged.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            )
        ]
        rows = {name: merged.execute(f'SELECT * FROM "{name}"').fetchall() for name, _ in tables}
    conn = sqlite3.connect(path)
    workspace_settings(conn, cache_kib=2 * CACHE_KIB)
    conn.execute("PRAGMA wal_autocheckpoint = 16384")
    for _name, sql in tables:
        conn.execute(sql)
    for sql in indexes:
        conn.execute(sql)
    conn.commit()
    started = time.perf_counter()
    with conn:
        for name, table_rows in rows.items():
            if table_rows:
                marks = ", ".join("?" * len(table_rows[0]))
                conn.executemany(f'INSERT INTO "{name}" VALUES ({marks})', table_rows)
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed, sum(map(len, rows.values())), sum(1 for r in rows.values() if r)


def changes_of(
    inbox: Path, scratch: Path, keys_folder: Path, env: dict[str, str]
) -> tuple[list[tuple[object, ...]], Path]:
    """Return the change rows the packages carry, and the workspace they were merged into once
    (which holds every row a merge of them leaves)."""
    throwaway = scratch / "rows"
    ombud("--workspace", str(throwaway), "--keys", str(keys_folder), "merge",
          str(inbox), "--json", "--quiet", env=env)
    with Workspace.open(throwaway, create=False) as ws:
        rows = ws.db.execute(
            "SELECT id, assessment_id, target, row_id, field, value, author, author_nip, "
            "device_id, at, supersedes, also_supersedes, batch_id, import_id FROM changes "
            "ORDER BY seq"
        ).fetchall()
    return rows, throwaway


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entities", type=int, default=600)
    parser.add_argument("--assessors", type=int, default=5)
    parser.add_argument("--dir", type=Path, default=Path.cwd())
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="Keep the packages (and the signing key) here; a later run reuses them.",
    )
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="bench-merge-", dir=args.dir))
    env = {**os.environ, "OMBUD_PASSPHRASE": PASSPHRASE}
    failures = []
    try:
        inbox = args.keep or scratch / "inbox"
        keys_folder = inbox / "keys" if args.keep else scratch / "keys"
        keys = KeyStore(keys_folder)
        reuse = keys.has_signing_key() and any(inbox.rglob("*.ombx"))
        if not reuse:
            keys.create_signing_key(PASSPHRASE, owner="Tim")
        signer = Signer(keys.signing_key(PASSPHRASE), "Tim")
        started = time.perf_counter()
        per = max(1, args.entities // args.assessors)
        for number in range(0 if reuse else args.assessors):
            workspace = scratch / f"assessor{number}"
            ombud(
                "--workspace",
                str(workspace),
                "demo",
                "--entities",
                str(per),
                "--seed",
                str(number + 1),
                "--quiet",
                env=env,
            )
            with Workspace.open(workspace, create=False) as ws:
                for row in ws.assessment_rows():
                    export_assessment(ws, row["id"], inbox / f"assessor{number}", signer)
        packages = sorted(inbox.rglob("*.ombx"))
        size = sum(p.stat().st_size for p in packages)
        print(
            f"{'Reused' if reuse else 'Prepared'} {len(packages)} packages from "
            f"{args.assessors} assessors ({size / 1e6:.0f} MB) in "
            f"{time.perf_counter() - started:.0f} s"
        )

        rows, merged_once = changes_of(inbox, scratch, keys_folder, env)
        settle()  # that merge (three processes) leaves the load average high for a minute
        # A (floors) B (merge) A (floors): same disk, same settings
        every_times = [every_row_insert(merged_once, scratch)]
        bare_times = [bare_insert(rows, scratch)]
        supervisor = scratch / "supervisor"
        common = ["--workspace", str(supervisor), "--keys", str(keys_folder)]
        # The merge runs three processes (itself and two readers) on a 2-core machine, which
        # raises the load it ends with: the machine's quiet is judged by the load before it.
        before = load_1min()
        started = time.perf_counter()
        first, peak_mb = ombud(*common, "merge", str(inbox), "--json", "--quiet", env=env)
        merge_s = time.perf_counter() - started
        report = json.loads(first)
        started = time.perf_counter()
        second, _peak = ombud(*common, "merge", str(inbox), "--json", "--quiet", env=env)
        again_s = time.perf_counter() - started
        again = json.loads(second)

        with Workspace.open(supervisor, create=False) as ws:
            loci = len(ws.assessment_rows())
        every_times.append(every_row_insert(supervisor, scratch))
        bare_times.append(bare_insert(rows, scratch))
        bare_s = statistics.median(bare_times)
        every_s = statistics.median(t for t, _rows, _tables in every_times)
        _t, every_rows, every_tables = every_times[-1]
        share = every_s / merge_s  # the same rows: the speeds' ratio is the times' inverse
        rate, every_rate = every_rows / merge_s, every_rows / every_s
        print(
            f"merge:   {merge_s:6.1f} s for {report['imported']} packages, {loci} loci, "
            f"{report['changes_added']:,} change rows = {rate:,.0f} rows/s "
            f"(target < {TARGETS['merge_s']:.0f} s) -> "
            f"{'PASS' if merge_s < TARGETS['merge_s'] else 'FAIL'}"
        )
        print(
            f"bare insert of every row the merge leaves ({every_rows:,} rows in {every_tables} "
            f"tables, with their indexes): {every_s:.2f} s = {every_rate:,.0f} rows/s; merge "
            f"= {share:.1%} of it (target >= {TARGETS['share']:.0%}) -> "
            f"{'PASS' if share >= TARGETS['share'] else 'FAIL'}"
        )
        print(
            f"beside it, as runs before 4 December judged: the change rows alone "
            f"({len(rows):,}) {bare_s:.2f} s bare; merge = {bare_s / merge_s:.1%} of that"
        )
        print(
            f"again:   {again_s:6.1f} s, {again['changes_added']} changes added, "
            f"{again['assessments']['already_present']} already present "
            f"(target < {TARGETS['again_s']:.0f} s, no-op) -> "
            f"{'PASS' if again_s < TARGETS['again_s'] and not again['changes_added'] else 'FAIL'}"
        )
        print(
            f"peak memory of the merge and its reading processes: {peak_mb:.0f} MB (target < "
            f"{TARGETS['peak_mb']:.0f} MB) -> {'PASS' if peak_mb < TARGETS['peak_mb'] else 'FAIL'}"
        )
        print(f"(before the merge: load {before:.2f}; after: {load()}; every-row inserts "
              f"{', '.join(f'{t:.2f}' for t, _r, _n in every_times)} s; change-row inserts "
              f"{', '.join(f'{t:.2f}' for t in bare_times)} s)")
        record("national merge", merge_s, "s", f"< {TARGETS['merge_s']:g} s",
               merge_s < TARGETS["merge_s"], checked=quiet_enough(before), load=before)
        record("merge / bare insert of every row (rows/s)", rate, "r/s",
               f">= {TARGETS['share']:.0%}", share >= TARGETS["share"], baseline=every_rate,
               ratio=share)
        record("merge again (no-op)", again_s, "s", f"< {TARGETS['again_s']:g} s",
               again_s < TARGETS["again_s"] and not again["changes_added"],
               checked=quiet_enough(before), load=before)
        record("merge peak memory", peak_mb, "MB", f"< {TARGETS['peak_mb']:g} MB",
               peak_mb < TARGETS["peak_mb"])
        if merge_s >= TARGETS["merge_s"] and quiet_enough(before):
            failures.append("merge time")
        if share < TARGETS["share"]:
            failures.append("merge rows/s against the bare insert")
        if again_s >= TARGETS["again_s"] or again["changes_added"]:
            failures.append("second merge")
        if peak_mb >= TARGETS["peak_mb"]:
            failures.append("peak memory")
        if report["refused"]:
            failures.append(f"{len(report['refused'])} packages refused")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    for failure in failures:
        print(f"TARGET MISSED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
