"""What every benchmark shares: taking turns, medians and p99, load average, result lines.

Each benchmark prints, beside its own report, one ``RESULT {json}`` line per target, which
``benchmarks/run_all`` gathers into one table (figure, baseline, ratio, goal, pass).
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ombud_desktop.storage.workspace import CACHE_KIB


def load() -> str:
    """Return the load average (1, 5, 15 minutes) as printed beside every figure."""
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f}"


def load_1min() -> float:
    """Return the 1-minute load average."""
    return os.getloadavg()[0]


def percentile(values: Sequence[float], q: float) -> float:
    """Return the q-th percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]


def median(values: Sequence[float]) -> float:
    """Return the median of ``values``."""
    return statistics.median(values)


def take_turns(
    rounds: int, *steps: Callable[[], Any], block: int = 1
) -> list[list[float]]:
    """Run the steps A B A B … (``block`` calls each turn); return each call's seconds per step.

    Taking turns in the same run gives every series the same disk and the same neighbours'
    load, so their ratio holds even when the machine is busy.
    """
    out: list[list[float]] = [[] for _ in steps]
    clock = time.perf_counter
    for _ in range(rounds):
        for step, samples in zip(steps, out, strict=True):
            for _ in range(block):
                started = clock()
                step()
                samples.append(clock() - started)
    return out


def workspace_settings(conn: sqlite3.Connection, *, cache_kib: int = CACHE_KIB) -> None:
    """Give a bare connection the workspace's SQLite settings (journal, durability, cache)."""
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(f"PRAGMA cache_size = -{cache_kib}")


def fsync_file(path: Path) -> None:
    """Flush a written file to the disk (as the app's atomic writes do)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def result(
    name: str,
    figure: float,
    unit: str,
    goal: str,
    passed: bool,
    *,
    baseline: float | None = None,
    ratio: float | None = None,
    checked: bool = True,
    load: float | None = None,
) -> dict[str, Any]:
    """Print one target's ``RESULT`` line for run_all (and return it).

    ``checked`` False: the figure is reported but the target could not be judged (e.g. an
    absolute time measured at a load average of 1.5 or more). ``load``: the 1-minute load the
    figure is judged by, when not the load now (a step that runs several processes of its
    own is judged by the load before it starts: its own raise the load it ends with).
    """
    line = {
        "name": name,
        "figure": figure,
        "unit": unit,
        "baseline": baseline,
        "ratio": ratio,
        "goal": goal,
        "pass": bool(passed),
        "checked": checked,
        "load": load_1min() if load is None else load,
    }
    print("RESULT " + json.dumps(line, ensure_ascii=False), flush=True)
    return line


def settle(below: float = 1.0, most_s: float = 180.0) -> float:
    """Wait (at most ``most_s``) until the 1-minute load is under ``below``; return it.

    For a step that follows the benchmark's own heavy preparation (bench_merge merges the
    packages once to learn their rows): the load average remembers the last minute.
    """
    deadline = time.monotonic() + most_s
    while load_1min() >= below and time.monotonic() < deadline:
        time.sleep(2)
    return load_1min()


def quiet_enough(load: float | None = None) -> bool:
    """Return True when absolute times can be judged: the 1-minute load (now, or ``load``) is
    under 1.5."""
    return (load_1min() if load is None else load) < 1.5
