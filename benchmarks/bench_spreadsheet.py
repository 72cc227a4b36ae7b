"""Benchmark: the spreadsheet export of a national workspace (600 entities, about 4,200 loci).

Uses ``--workspace DIR`` (e.g. one kept by ``bench_demo.py --keep DIR``) or generates one
in-process with ``generate_demo`` (600 entities, seed 1) in a temporary folder. Times, taking
turns, ``--runs`` runs each (min and median):

* ``export_spreadsheet(workspace, OUT.xlsx)``: the whole workbook (what ``ombud spreadsheet``
  and the results window's "Export to Excel…" call), file written atomically;
* baseline: a bare openpyxl write-only workbook with the same sheets, the same number of rows
  and the same number of cells per row (numbers and short texts, no reading, no scoring),
  saved to a file in the same folder: the least it can cost to write these cells;
* for context, the same cells written the way the export now writes them (header through
  openpyxl, data rows as XML text by ``exports.xlsx_rows.RowsPart``): what the export's writing
  costs without its reading, scoring and building of rows;
* for context, one run of ``score_workspace`` (the reading and scoring the export includes).

Reports rows/s and cells/s of both, and the file sizes.

    python benchmarks/bench_spreadsheet.py [--workspace DIR] [--runs 2] [--dir DIR]

Targets: the export under 12 s; and at most 1.5 x (reading the locus score cache + the bare
openpyxl write). Exit code 1 if either is missed.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import load, median, quiet_enough
from _common import result as record
from openpyxl import Workbook

from ombud_desktop.exports.spreadsheet import ExportSummary, export_spreadsheet
from ombud_desktop.exports.tables import SHEET_TITLES
from ombud_desktop.exports.xlsx_rows import RowsPart, splice
from ombud_desktop.instruments import instrument_for_period
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.services.scoring import score_workspace
from ombud_desktop.storage.workspace import Workspace

TARGET_SECONDS = 12.0
TARGET_RATIO = 1.5


def bare_write(path: Path, shape: dict[str, tuple[int, int]]) -> int:
    """Write sheets of ``rows x columns`` cells with openpyxl write-only; return the cells."""
    book = Workbook(write_only=True)
    cells = 0
    for key, (rows, columns) in shape.items():
        sheet = book.create_sheet(SHEET_TITLES[key]["id"])
        sheet.append([f"Kolom {n}" for n in range(columns)])
        # Mostly numbers, every fourth cell a short text: about the mix of the real sheets.
        row = [f"teks {n}" if n % 4 == 0 else 1.25 * n for n in range(columns)]
        for _ in range(rows):
            sheet.append(row)
        cells += (rows + 1) * columns
    book.save(path)
    return cells


def text_write(path: Path, shape: dict[str, tuple[int, int]]) -> int:
    """Write the same cells as :func:`bare_write`, data rows as XML text (as the export)."""
    book = Workbook(write_only=True)
    cells = 0
    for key, (rows, columns) in shape.items():
        sheet = book.create_sheet(SHEET_TITLES[key]["id"])
        sheet.append([f"Kolom {n}" for n in range(columns)])
        part = RowsPart(path.with_name(f"{path.name}.{key}.rows"), 2, [None] * columns)
        row = [f"teks {n}" if n % 4 == 0 else 1.25 * n for n in range(columns)]
        for _ in range(rows):
            part.append(row)
        sheet.close()
        splice(sheet._writer.out, part)
        cells += (rows + 1) * columns
    book.save(path)
    return cells


def stats(times: list[float]) -> str:
    return f"min {min(times):8.2f} s   median {statistics.median(times):8.2f} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workspace", type=Path, default=None, help="an existing workspace")
    parser.add_argument("--entities", type=int, default=600, help="when generating one")
    parser.add_argument("--seed", type=int, default=1, help="when generating one")
    parser.add_argument("--runs", type=int, default=2, help="runs of each (taking turns)")
    parser.add_argument("--dir", type=Path, default=Path.cwd(),
                        help="where the files (and a generated workspace) go (default: .)")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="ombud-bench-spreadsheet-", dir=args.dir))
    try:
        if args.workspace is None:
            root = scratch / "workspace"
            with Workspace.open(root) as workspace:
                workspace.set_profile("Demo", None)
                started = time.perf_counter()
                summary = generate_demo(workspace, instrument_for_period(2024),
                                        entities=args.entities, seed=args.seed)
                elapsed = time.perf_counter() - started
                print(f"Generated {summary.assessments} loci in {elapsed:.1f} s")
        else:
            root = args.workspace
        exports: list[float] = []
        bares: list[float] = []
        texts: list[float] = []
        result: ExportSummary | None = None
        bare_cells = 0
        with Workspace.open(root, create=False) as workspace:
            started = time.perf_counter()
            scores = score_workspace(workspace)
            scoring = time.perf_counter() - started
            for run in range(args.runs):
                out = scratch / f"hasil-{run}.xlsx"
                started = time.perf_counter()
                result = export_spreadsheet(workspace, out)
                exports.append(time.perf_counter() - started)
                # The floor: the same cells written by bare openpyxl, plus reading what the
                # export cannot do without (the locus score cache); no scoring pass.
                bare = scratch / f"bare-{run}.xlsx"
                started = time.perf_counter()
                workspace.cached_locus_scores()
                bare_cells = bare_write(bare, _shape(result))
                bares.append(time.perf_counter() - started)
                # Context, not a floor: the export's own way of writing the same cells.
                started = time.perf_counter()
                text_write(scratch / f"text-{run}.xlsx", _shape(result))
                texts.append(time.perf_counter() - started)
        assert result is not None
        export_size = (scratch / "hasil-0.xlsx").stat().st_size
        bare_size = (scratch / "bare-0.xlsx").stat().st_size
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    rows = sum(result.rows.values())
    best, best_bare = min(exports), min(bares)
    print()
    print(f"Workspace: {len(scores.loci):,} loci, {len(scores.entities):,} entities "
          f"({args.runs} runs each, taking turns)")
    print("  rows per sheet: " + ", ".join(f"{k} {n:,}" for k, n in result.rows.items()))
    print(f"  cells written: {result.cells:,} (+ headers)")
    print(f"  {'export_spreadsheet (.xlsx)':<34} {stats(exports)}   {export_size / 2**20:6.1f} MiB")
    print(f"  {'  rows/s, cells/s (min)':<34} {rows / best:12,.0f}   {result.cells / best:12,.0f}")
    print(f"  {'score_workspace (1 run, context)':<34} {scoring:12.2f} s")
    print()
    print(f"Baseline: bare openpyxl write-only workbook, same rows and cells ({bare_cells:,})")
    print(f"  {'bare write':<34} {stats(bares)}   {bare_size / 2**20:6.1f} MiB")
    print(f"  {'  rows/s, cells/s (min)':<34} {rows / best_bare:12,.0f}   "
          f"{bare_cells / best_bare:12,.0f}")
    print(f"  {'ratio export / bare write':<34} {best / best_bare:9.2f} ×")
    print(f"  {'(context) cells as XML text':<34} {stats(texts)}   (the export's writer alone)")
    floor = median(bares)
    ratio = median(exports) / floor
    print(f"  {'ratio export / (cache read + bare)':<34} {ratio:9.2f} ×   (medians; {load()})")
    print()
    time_ok = best < TARGET_SECONDS or not quiet_enough()
    ratio_ok = ratio <= TARGET_RATIO
    print(f"Target: export under {TARGET_SECONDS:g} s: min {best:.2f} s -> "
          f"{'PASS' if best < TARGET_SECONDS else 'FAIL'}"
          f"{'' if quiet_enough() else ' (not judged: load >= 1.5)'}")
    print(f"Target: export <= {TARGET_RATIO:g} × (bare write + cache read): "
          f"{ratio:.2f} × -> {'PASS' if ratio_ok else 'FAIL'}")
    record("national spreadsheet", best, "s", f"< {TARGET_SECONDS:g} s", best < TARGET_SECONDS,
           checked=quiet_enough())
    record("spreadsheet / bare openpyxl + cache read", median(exports), "s",
           f"<= {TARGET_RATIO:g}×", ratio_ok, baseline=floor, ratio=ratio)
    if not time_ok:
        print("TARGET MISSED: spreadsheet export time", file=sys.stderr)
    if not ratio_ok:
        print("TARGET MISSED: spreadsheet export ratio to scoring + bare write", file=sys.stderr)
    return 0 if time_ok and ratio_ok else 1


def _shape(result: ExportSummary) -> dict[str, tuple[int, int]]:
    """Return (rows, cells per row) per sheet of an export (its widths from the totals)."""
    shape = {}
    for key, rows in result.rows.items():
        shape[key] = (rows, round(result.cells_by_sheet[key] / rows) if rows else 0)
    return shape


if __name__ == "__main__":
    sys.exit(main())
