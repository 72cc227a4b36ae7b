"""How much checking every incoming change as if typed costs, beside encoding it as JSON.

    python benchmarks/bench_admission.py [--entities 2] [--repeat 7]

Makes a demo workspace, takes every change record of it (the form packages carry), and times
``packages.admission.check_change`` over all of them against a floor that touches each record
once the cheapest useful way (``json.dumps``, as the exporter does), alternating the two in the
same run. Prints medians, p99 of the per-round times and the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.packages.admission import CellRules, check_change, respondent_kinds
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.storage import Workspace


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    instrument = builtin_instrument("ori-2023")
    with tempfile.TemporaryDirectory() as folder, Workspace.open(Path(folder) / "ws") as workspace:
        workspace.set_profile("Bench")
        generate_demo(workspace, instrument, entities=args.entities, seed=1)
        records = [
            (row["id"], change.to_json())
            for row in workspace.assessment_rows()
            for change in workspace.changes(row["id"])
        ]
    kinds = {
        aid: respondent_kinds([r for a, r in records if a == aid], {})
        for aid in {a for a, _ in records}
    }
    later = datetime.now(UTC) + timedelta(days=1)
    checked, floor = [], []
    for _ in range(args.repeat):
        rules = CellRules(instrument)  # a fresh cache per round, as per package
        start = time.perf_counter()
        for aid, record in records:
            check_change(record, assessment_id=aid, rules=rules, signed_at=later,
                         respondents=kinds[aid])
        checked.append(time.perf_counter() - start)
        start = time.perf_counter()
        for _aid, record in records:
            json.dumps(record)
        floor.append(time.perf_counter() - start)
    n = len(records)

    def line(name: str, runs: list[float]) -> str:
        p99 = sorted(runs)[min(len(runs) - 1, int(0.99 * len(runs)))]
        return (f"{name:<10} median {statistics.median(runs) * 1e6 / n:6.2f} us/change, "
                f"p99 {p99 * 1e6 / n:6.2f} us/change")

    print(f"{n} change records, {args.repeat} rounds, load average {os.getloadavg()}")
    print(line("admission", checked))
    print(line("json.dumps", floor))
    print(f"ratio {statistics.median(checked) / statistics.median(floor):.1f}x")


if __name__ == "__main__":
    main()
