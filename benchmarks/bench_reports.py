"""Benchmark: building report PDFs (on-site summary with photos, entity recap, province).

Makes a workspace in a temporary folder under ``--dir`` (``generate_demo``, ``--entities``
entities of 7 loci, seed 1), or uses ``--workspace DIR``. Adds 6 camera-sized photos (4000×3000
JPEG, stored downscaled to 1920 px as the app does) to one locus, one per indicator, so its
summary has the full 6 thumbnails. Times, ``--runs`` runs each (min and median), with
``services.reports.build_report`` (everything the app and ``ombud report`` do except writing
the file: reading the workspace, scoring, state digest, report data, PDF):

* the on-site summary of that locus (6 thumbnails), and its parts: the report data
  (``locus_report``) and the PDF rendering (``render_locus``);
* the recap of a 7-locus entity (ranks within its category: the whole period is scored);
* the province overview (every province);
* baseline: a bare reportlab document of 2 pages (a heading, a 40-row table, one 480 px
  photo, the size of the report's thumbnails) built with the same reportlab in the same
  process, with its defaults: what the least PDF costs here.

    python benchmarks/bench_reports.py [--entities 20] [--workspace DIR] [--runs 5] [--dir DIR]

Targets: the on-site summary with photo thumbnails under 1 s; the recap of a 7-locus entity
under 2 s (medians). Exit code 1 if one is missed.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Image as RLImage
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table

from ombud_desktop.instruments import instrument_for_period
from ombud_desktop.reports.render import render_locus
from ombud_desktop.services.assessments import AssessmentService
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.services.reports import ReportRequest, build_report, locus_report
from ombud_desktop.storage.workspace import Workspace

LOCUS_TARGET = 1.0
ENTITY_TARGET = 2.0
PHOTO_INDICATORS = ("IN07", "IN10", "IN13", "PR01", "PR02", "PG02")


def camera_photo(path: Path, seed: int) -> Path:
    """Write a 4000×3000 JPEG with enough detail to compress like a real photo."""
    rng = random.Random(seed)
    image = Image.effect_noise((4000, 3000), 40).convert("RGB")
    draw = ImageDraw.Draw(image)
    for _ in range(60):
        x, y = rng.randrange(3800), rng.randrange(2800)
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.rectangle([x, y, x + rng.randrange(50, 900), y + rng.randrange(50, 600)],
                       fill=colour)
    image.save(path, "JPEG", quality=90)
    return path


def baseline_pdf(photo: Path) -> bytes:
    """Return a bare 2-page reportlab document: heading, 40-row table, one photo."""
    out = io.BytesIO()
    styles = getSampleStyleSheet()
    rows = [[f"IN{n:02d}", "Indicator title of a usual length", "2.50"] for n in range(40)]
    story = [Paragraph("Baseline", styles["Heading1"]), Table(rows), PageBreak(),
             RLImage(str(photo), width=160, height=120)]
    SimpleDocTemplate(out, pagesize=A4).build(story)
    return out.getvalue()


def repeat(fn: Callable[[], Any], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return times


def line(name: str, times: list[float], base: float | None = None) -> str:
    text = (f"  {name:<46} min {min(times) * 1000:8.1f} ms   "
            f"median {statistics.median(times) * 1000:8.1f} ms")
    if base:
        text += f"   {statistics.median(times) / base:6.1f} × baseline"
    return text


def prepare(workspace: Workspace, scratch: Path) -> str:
    """Add 6 camera photos to the first locus of the first entity; return its id."""
    row = workspace.assessment_rows()[0]
    service = AssessmentService(workspace)
    for number, indicator in enumerate(PHOTO_INDICATORS):
        photo = camera_photo(scratch / f"photo-{number}.jpg", number)
        product = 1 if indicator.startswith("PR0") else None
        service.add_evidence(row["id"], photo, indicator=indicator, product=product)
    return row["id"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workspace", type=Path, default=None, help="an existing workspace")
    parser.add_argument("--entities", type=int, default=20, help="when generating one")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dir", type=Path, default=Path.cwd(), help="folder for scratch files")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="bench-reports-", dir=args.dir))
    try:
        if args.workspace is not None:
            copy = scratch / "ws"
            shutil.copytree(args.workspace, copy)  # photos are added: never to the original
            workspace = Workspace.open(copy)
        else:
            workspace = Workspace.open(scratch / "ws")
            workspace.set_profile("Bench", None)
            started = time.perf_counter()
            generate_demo(workspace, instrument_for_period(2024), entities=args.entities,
                          seed=1)
            print(f"generate_demo({args.entities} entities) {time.perf_counter() - started:.1f} s")
        with workspace:
            return run(workspace, scratch, args.runs)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def run(workspace: Workspace, scratch: Path, runs: int) -> int:
    aid = prepare(workspace, scratch)
    rows = workspace.assessment_rows()
    entity = next(r["entity"] for r in rows if r["id"] == aid)
    loci = sum(1 for r in rows if r["entity"]["id"] == entity["id"])
    # The baseline's photo: a 480 px JPEG, the size of the report's thumbnails.
    photo = scratch / "baseline.jpg"
    with Image.open(scratch / "photo-0.jpg") as image:
        image.thumbnail((480, 480))
        image.save(photo, "JPEG", quality=80)
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"\nWorkspace: {len(rows):,} loci; locus {aid[:8]} of {entity['name']} "
          f"({loci} loci); {runs} runs each, after one warm-up run; load average {load}\n")

    locus = ReportRequest("locus", aid, printed_on="2024-08-20")
    built = build_report(workspace, locus)  # warm-up: fonts registered, modules imported
    report = locus_report(workspace, aid, printed_on="2024-08-20")
    assert len(report.photos) == len(PHOTO_INDICATORS), report.photos
    baseline_pdf(photo)

    base = repeat(lambda: baseline_pdf(photo), runs)
    base_median = statistics.median(base)
    whole = repeat(lambda: build_report(workspace, locus), runs)
    data = repeat(lambda: locus_report(workspace, aid, printed_on="2024-08-20"), runs)
    render = repeat(lambda: render_locus(report), runs)
    entity_request = ReportRequest("entity", entity["id"], printed_on="2024-08-20")
    entity_built = build_report(workspace, entity_request)
    recap = repeat(lambda: build_report(workspace, entity_request), runs)
    province_request = ReportRequest("province", None, printed_on="2024-08-20")
    province_built = build_report(workspace, province_request)
    province = repeat(lambda: build_report(workspace, province_request), runs)

    print(line("baseline: bare reportlab, 2 pages + photo", base))
    print(line(f"on-site summary, 6 photos ({len(built.pdf) // 1024} KiB)", whole, base_median))
    print(line("  report data (read, score, digest)", data, base_median))
    print(line("  PDF rendering (6 thumbnails)", render, base_median))
    print(line(f"entity recap, {loci} loci ({len(entity_built.pdf) // 1024} KiB)", recap,
               base_median))
    print(line(f"province overview ({len(province_built.pdf) // 1024} KiB)", province,
               base_median))

    results = [
        ("on-site summary with photos", statistics.median(whole), LOCUS_TARGET),
        ("entity recap (7 loci)", statistics.median(recap), ENTITY_TARGET),
    ]
    print()
    missed = []
    for name, value, target in results:
        verdict = "PASS" if value < target else "FAIL"
        print(f"Target: {name} under {target:g} s: median {value:.3f} s -> {verdict}")
        if verdict == "FAIL":
            missed.append(name)
    for name in missed:
        print(f"TARGET MISSED: {name}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
