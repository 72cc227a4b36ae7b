"""Benchmark: a decade in one workspace against one year, the same steps side by side.

    python benchmarks/bench_decade.py --one DIR --decade DIR [--period 2024] [--runs 2]
                                      [--inbox DIR [--inbox DIR ...] --keys DIR] [--read-only]
                                      [--steps list,score,...]

``--one`` holds one national year, ``--decade`` the same year and nine more (made by
``ombud demo --year Y --seed Y`` into a copy of it). Each step runs in a fresh process (its
peak memory is its own), one-year and decade taking turns (A B A B), after one warm-up run
each (a first run may fill the score cache): opening the workspace and reading the home
list's rows (what the app's start waits for), scoring one period, ranking it from the score
cache, an entity recap PDF, the spreadsheet of one period. With ``--inbox`` (signed packages
of one more year) and ``--keys``, merging them into each, last (this changes both workspaces:
give it copies). The first inbox's merge makes the whole backup a merge needs when the
workspace has none that covers it (a copy of every year: it grows with the data by nature) and
is reported alone; each further ``--inbox`` (another year's packages, signed with the same key)
is merged into both taking turns, each after an answer changed in the workspace (the
supervisor's own work, untimed): the backup is then kept, with that work kept beside it as a
signed package (``services/own_work.py``), not copied whole, which is the merge's own cost:
that ratio is judged (``--merge-ratio``, default 1.5, as the other steps). ``--keys`` is given a
receiving key if it has none (the own work's personal data is sealed to it).

The home list is read as the app opens it: one period (``--period``, so that both lists hold a
national year; the app itself opens on the newest). ``--read-only`` opens both workspaces as
immutable SQLite files (nothing is written, not even the score cache; no merge): for
workspaces that must not change; their score cache should then be filled already.

Target: each step of the decade within 1.5x of the one-year figure (medians), peak memory of
every step under 400 MB. Exit code 1 if one is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import load, median
from _common import result as record

STEP = r"""
import json, os, resource, sys, time
from pathlib import Path
from ombud_desktop.cli.main import main
from ombud_desktop.exports.spreadsheet import export_spreadsheet
from ombud_desktop.services.lists import home_list
from ombud_desktop.services.reports import ReportRequest, build_report
from ombud_desktop.services.scoring import ranked_entities, score_workspace
from ombud_desktop.storage.workspace import Workspace
root, step, period, scratch = Path(sys.argv[1]), sys.argv[2], sys.argv[3], Path(sys.argv[4])
started = time.perf_counter()  # after the imports: they cost the same for any workspace
extra = {}
if step == "merge":
    import contextlib, io
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        code = main(["--workspace", str(root), "--keys", sys.argv[6], "merge", sys.argv[5],
                     "--json", "--quiet"])
    if code:
        sys.exit(f"merge exited {code}: {printed.getvalue()[-2000:]}")
    said = json.loads(printed.getvalue())
    extra = {"backup_made": bool((said.get("backup") or {}).get("made")),
             "own_work_kept": (said.get("backup") or {}).get("own_work_kept", 0),
             "packages": said.get("packages"), "changes_added": said.get("changes_added")}
elif step == "work":  # one answer changed here, as the supervisor's own work before a merge
    from ombud_desktop.storage.changes import Edit
    ws = Workspace.open(root, create=False)
    row = ws.assessment_rows(period=period)[0]
    now = ws.db.execute("SELECT value FROM responses WHERE assessment_id = ? AND indicator = ?",
                        [row["id"], "IN07"]).fetchone()
    ws.write(row["id"], [Edit("response", "IN07", "value", 1 if now and now[0] == "2" else 2)])
    ws.close()
else:
    if os.environ.get("OMBUD_BENCH_READ_ONLY"):
        import sqlite3, sqlite_utils
        from ombud_desktop.storage.workspace import CACHE_KIB, new_id, utc_now
        uri = f"file:{root / 'workspace.sqlite'}?immutable=1"
        db = sqlite_utils.Database(sqlite3.connect(uri, uri=True, check_same_thread=False))
        db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        ws = Workspace(root, db, utc_now, new_id)
    else:
        ws = Workspace.open(root, create=False)
    if step == "list":
        n = len(home_list(ws, True, period=period).rows)
    elif step == "score":
        n = len(score_workspace(ws, period=period).loci)
    elif step == "rank":
        n = len(ranked_entities(ws, period=period))
    elif step == "recap":
        row = ws.assessment_rows(period=period)[0]  # which entity: not the recap's work
        n = len(build_report(ws, ReportRequest("entity", row["entity"]["id"],
                                               printed_on=f"{period}-08-20")).pdf)
    elif step == "spreadsheet":
        n = export_spreadsheet(ws, scratch / "hasil.xlsx", period=period).cells
    ws.close()
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak, **extra}))
"""

STEPS = ("list", "score", "rank", "recap", "spreadsheet")
TARGET_RATIO = 1.5
TARGET_MB = 400.0


READ_ONLY: dict[str, str] = {}


def run_step(root: Path, step: str, period: str, scratch: Path, *extra: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", STEP, str(root), step, period, str(scratch), *extra],
        capture_output=True, text=True, check=False, env={**os.environ, **READ_ONLY},
    )
    if done.returncode != 0:
        raise RuntimeError(f"{step} on {root} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def size_of(root: Path) -> int:
    return sum(
        (root / name).stat().st_size
        for name in ("workspace.sqlite", "workspace.sqlite-wal")
        if (root / name).exists()
    )


def loci_of(root: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(f"file:{root / 'workspace.sqlite'}?immutable=1", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM assessments").fetchone()[0]
    finally:
        conn.close()


def merge_steps(args: argparse.Namespace, scratch: Path) -> list[str]:
    """Merge the first inbox into each workspace once, then the others taking turns, each
    after an answer changed here (the supervisor's own work, kept beside the backup)."""
    failures = []
    first, *more = args.inbox
    _receiving_key(args.keys)
    times = {}
    for root in (args.one, args.decade):
        times[root] = run_step(root, "merge", args.period, scratch, str(first), str(args.keys))
    one, ten = times[args.one], times[args.decade]
    ratio = ten["seconds"] / one["seconds"]
    made = "/".join("backup" if t.get("backup_made") else "no backup" for t in (one, ten))
    print(f"{'merge (first)':<14} {one['seconds']:9.2f}s {ten['seconds']:9.2f}s {ratio:6.2f}× "
          f"{max(one['peak_mb'], ten['peak_mb']):9.0f}  {load()}  "
          f"({one['packages']} packages; {made})", flush=True)
    record("decade / one year: first merge of one more year (with its whole backup)",
           ten["seconds"], "s", "reported", True, baseline=one["seconds"], ratio=ratio)
    if not more:
        return failures
    series: dict[Path, list[float]] = {args.one: [], args.decade: []}
    peaks, made, own = [], set(), []
    for inbox in more:  # A B A B: each inbox once into each
        for root in (args.one, args.decade):
            run_step(root, "work", args.period, scratch)  # not timed: the user's own work
            figures = run_step(root, "merge", args.period, scratch, str(inbox), str(args.keys))
            series[root].append(figures["seconds"])
            peaks.append(figures["peak_mb"])
            made.add(figures.get("backup_made"))
            own.append(figures.get("own_work_kept", 0))
    ratio = median(series[args.decade]) / median(series[args.one])
    peak = max(peaks)
    note = "a whole backup was made" if True in made else "backup kept"
    print(f"{'merge (then)':<14} {median(series[args.one]):9.2f}s "
          f"{median(series[args.decade]):9.2f}s {ratio:6.2f}× {peak:9.0f}  {load()}  "
          f"({len(more)} more years, each after an answer changed here; {note}; own work "
          f"kept as {sum(own)} packages)", flush=True)
    record("decade / one year: merge of one more year after work here",
           median(series[args.decade]), "s", f"<= {args.merge_ratio:g}×",
           ratio <= args.merge_ratio, baseline=median(series[args.one]), ratio=ratio)
    record("decade: peak memory of a merge", peak, "MB", f"< {TARGET_MB:g} MB",
           peak < TARGET_MB)
    if ratio > args.merge_ratio:
        failures.append("decade merge ratio")
    if peak >= TARGET_MB:
        failures.append("decade merge memory")
    return failures


def _receiving_key(keys_folder: Path) -> None:
    """Give the merging keys a receiving key (the supervisor's own work is sealed to it)."""
    from ombud_desktop.packages.keys import KeyStore

    keys = KeyStore(keys_folder)
    if not keys.has_receiving_key():
        keys.create_receiving_key(
            os.environ.get("OMBUD_PASSPHRASE", "benchmark passphrase"), owner="Tim"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--one", type=Path, required=True)
    parser.add_argument("--decade", type=Path, required=True)
    parser.add_argument("--period", default="2024")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--inbox", type=Path, action="append", default=None,
                        help="signed packages of one more year; repeat for more years: the "
                             "first is merged once (with its backup), the others in turns")
    parser.add_argument("--merge-ratio", type=float, default=TARGET_RATIO,
                        help="target for the merges after the first (backup kept)")
    parser.add_argument("--keys", type=Path, default=None)
    parser.add_argument("--dir", type=Path, default=Path("/tmp"))
    parser.add_argument("--read-only", action="store_true",
                        help="open both as immutable files: write nothing, no merge")
    parser.add_argument("--steps", default=",".join(STEPS),
                        help="which steps, comma-separated (default: all)")
    args = parser.parse_args()
    if args.read_only:
        READ_ONLY["OMBUD_BENCH_READ_ONLY"] = "1"
    scratch = Path(tempfile.mkdtemp(prefix="bench-decade-", dir=args.dir))
    failures = []
    one_loci, decade_loci = loci_of(args.one), loci_of(args.decade)
    print(f"one year: {one_loci:,} loci, {size_of(args.one) / 2**20:,.0f} MiB; "
          f"decade: {decade_loci:,} loci, {size_of(args.decade) / 2**20:,.0f} MiB")
    print(f"{'step':<14} {'one year':>10} {'decade':>10} {'ratio':>7} {'peak MB':>9}  load")
    steps: list[tuple[str, tuple[str, ...]]] = [
        (s, ()) for s in STEPS if s in args.steps.split(",")
    ]
    for step, extra in steps:
        for root in (args.one, args.decade):  # warm-up: a first run may fill the score cache
            run_step(root, step, args.period, scratch, *extra)
        one, ten, peaks = [], [], []
        for _ in range(args.runs):
            for root, into in ((args.one, one), (args.decade, ten)):
                figures = run_step(root, step, args.period, scratch, *extra)
                into.append(figures["seconds"])
                peaks.append(figures["peak_mb"])
        ratio = median(ten) / median(one)
        peak = max(peaks)
        print(f"{step:<14} {median(one):9.2f}s {median(ten):9.2f}s {ratio:6.2f}× "
              f"{peak:9.0f}  {load()}", flush=True)
        record(f"decade / one year: {step}", median(ten), "s", f"<= {TARGET_RATIO:g}×",
               ratio <= TARGET_RATIO, baseline=median(one), ratio=ratio)
        record(f"decade: peak memory of {step}", peak, "MB", f"< {TARGET_MB:g} MB",
               peak < TARGET_MB)
        if ratio > TARGET_RATIO:
            failures.append(f"decade {step} ratio")
        if peak >= TARGET_MB:
            failures.append(f"decade {step} memory")
    if args.inbox and args.keys is not None and not args.read_only:
        failures += merge_steps(args, scratch)
    for failure in failures:
        print(f"TARGET MISSED: {failure}", file=sys.stderr)
    shutil.rmtree(scratch, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
