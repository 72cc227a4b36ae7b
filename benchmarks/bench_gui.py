"""Benchmark: the desktop GUI: cold start, moving between pages, saving through the UI, memory.

Four measurements, three of them against a baseline measured in the same run:

* ``start``: cold start to a usable window. Fresh processes (``sys.executable -c ...``) run the
  real entry point ``ombud_desktop.ui.app.main`` (``Application`` + ``show_window``) on a small
  workspace (an assessor profile, 1 demo entity = 7 loci); a zero timer prints a marker after
  the first turn of the event loop. Wall time from ``Popen`` to the marker line, measured in
  this process. Baseline: a bare ``QApplication`` + ``QMainWindow().show()`` + the same marker.
  The two take turns, ``--runs`` times each, after one discarded warm-up run of each.
* ``move``: in this process, ``MainWindow.open_assessment`` on a demo locus, then
  ``AssessmentView.show_page(key)`` for every page in navigator order followed by
  ``QApplication.processEvents()`` (layout and paint included, as far as the platform paints):
  first visits (the page is created) and revisits, separately.
* ``save``: in this process, ``--answers`` answers given by pressing a level key on a rating page
  (``QTest.keyClick(view, Qt.Key.Key_0..3)``), each timed until ``AssessmentView.answer_saved``
  (emitted on the GUI thread after the save job committed on the store thread). Baseline: bare
  single-row SQLite commits (WAL, synchronous=FULL) in the same folder. The two take turns in
  blocks of ``--block``.
* ``memory``: the app started in a subprocess on a national workspace (``--workspace DIR``, or
  one generated with ``generate_demo(entities=600)``), waited for until the home list has loaded
  every row, one assessment opened; then its VmRSS and VmHWM from ``/proc/<pid>/status``.
  Baseline: the same of a bare ``QMainWindow`` process.

    python benchmarks/bench_gui.py [--workspace DIR] [--only start|move|save|memory] [--dir DIR]

Runs with ``QT_QPA_PLATFORM=offscreen`` unless ``--real`` is passed and a DISPLAY is set.
Targets: start <= 1.0 s and <= 2x the bare window (medians); a move <= 50 ms (max of first
visits and revisits); an answer durable within 20 ms (p99); peak memory < 300 MB with a national
workspace open. Exit code 1 if one is missed.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import math
import os
import re
import selectors
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _common import load, load_1min
from _common import result as record

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.storage import Workspace

START_TARGET_S = 1.0
START_TARGET_RATIO = 2.0
MOVE_TARGET_MS = 50.0
SAVE_TARGET_P99_MS = 20.0
MEMORY_TARGET_MB = 300.0
MB = 1e6  # the targets are in MB; figures are printed in MiB too where it matters

# -- the child processes ---------------------------------------------------------------------
# Each prints marker lines; the parent times their arrival. Children given ``hold`` wait for a
# line on stdin before exiting, so that the parent can read their /proc/<pid>/status.

BARE_CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    hold = sys.argv[1] == "hold"
    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.resize(1280, 740)
    window.show()

    def ready():
        print("READY", flush=True)
        if hold:
            sys.stdin.readline()
        app.quit()

    QTimer.singleShot(0, ready)
    app.exec()
    """
)

# The floor of a filled home list: a window showing a table of the same rows (names, period,
# status, score, grade) read from the same SQLite file with the workspace's settings.
TABLE_CHILD = textwrap.dedent(
    """
    import sqlite3
    import sys
    from PySide6.QtCore import QAbstractTableModel, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    path, hold = sys.argv[1], sys.argv[2] == "hold"
    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.resize(1280, 740)
    view = QTableView()
    window.setCentralWidget(view)
    window.show()

    class Rows(QAbstractTableModel):
        rows = []

        def rowCount(self, parent=None):
            return len(self.rows)

        def columnCount(self, parent=None):
            return 8

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole:
                value = self.rows[index.row()][index.column()]
                return None if value is None else str(value)
            return None

    def load():
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        conn.execute("PRAGMA cache_size = -65536")
        model = Rows()
        model.rows = conn.execute(
            "SELECT e.name, l.name, e.province, a.period_id, a.status, c.score, c.grade, "
            "a.review_status FROM assessments a JOIN loci l ON l.id = a.locus_id "
            "JOIN entities e ON e.id = l.entity_id "
            "LEFT JOIN locus_score_cache c ON c.assessment_id = a.id "
            # the rows the app shows: those of the newest period (years sort as numbers)
            "WHERE a.period_id = (SELECT period_id FROM assessments "
            "ORDER BY CAST(period_id AS INTEGER) DESC LIMIT 1) "
            "ORDER BY a.period_id, e.province, e.name, l.name"
        ).fetchall()
        conn.close()
        view.setModel(model)
        app.processEvents()
        print(f"LOADED {model.rowCount()}", flush=True)
        if hold:
            sys.stdin.readline()
        app.quit()

    QTimer.singleShot(0, load)
    app.exec()
    """
)

APP_CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from ombud_desktop.ui.app import main
    from ombud_desktop.ui.main_window import MainWindow

    mode, argv = sys.argv[1], sys.argv[2:]
    # As main() does before it makes the QApplication; main() reuses the one made here.
    QApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    qt = QApplication([sys.argv[0]])
    state = {"loaded": False}

    def window():
        return next(w for w in qt.topLevelWidgets() if isinstance(w, MainWindow))

    def ready():
        print("READY", flush=True)
        home = window().home
        if home.loading:
            home.loaded.connect(loaded)
        else:
            loaded()

    def loaded():
        if state["loaded"]:
            return
        state["loaded"] = True
        home = window().home
        print(f"LOADED {home.model.rowCount()}", flush=True)
        if mode == "hold":
            sys.stdin.readline()
        if mode != "open":
            qt.quit()
            return
        window().open_assessment(home.model.rows()[0]["id"])
        QTimer.singleShot(10, opened)

    def opened():
        if window().store.pending:  # the evidence thumbnails are still being made
            QTimer.singleShot(10, opened)
            return
        print("OPENED", flush=True)
        sys.stdin.readline()
        qt.quit()

    QTimer.singleShot(0, ready)
    sys.exit(main(argv))
    """
)


def percentile(ordered: list[float], q: float) -> float:
    """Return the q-th percentile (nearest rank) of sorted values."""
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]


def summary(samples: list[float]) -> dict[str, float]:
    """Median, p95, p99, min and max of samples (any unit)."""
    ordered = sorted(samples)
    return {
        "n": len(ordered),
        "median": statistics.median(ordered),
        "p95": percentile(ordered, 95),
        "p99": percentile(ordered, 99),
        "min": ordered[0],
        "max": ordered[-1],
    }


class Child:
    """A child Python process whose marker lines are timed from the moment it was started."""

    def __init__(self, code: str, args: list[str], env: dict[str, str]):
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            [sys.executable, "-c", code, *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.selector = selectors.DefaultSelector()
        assert self.proc.stdout is not None
        self.selector.register(self.proc.stdout, selectors.EVENT_READ)

    def expect(self, marker: str, timeout_s: float) -> tuple[float, str]:
        """Wait for a line starting with ``marker``; return seconds since start and the line."""
        assert self.proc.stdout is not None
        deadline = time.monotonic() + timeout_s
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not self.selector.select(left):
                self.fail(f"no {marker} within {timeout_s:g} s")
            line = self.proc.stdout.readline()
            elapsed = time.perf_counter() - self.started
            if not line:
                self.fail(f"exited before {marker}")
            if line.startswith(marker):
                return elapsed, line.strip()
            if line.startswith("TIMEOUT"):
                self.fail(line.strip())

    def status(self) -> dict[str, int]:
        """Return the VmRSS, VmHWM... lines of /proc/<pid>/status, in bytes."""
        text = Path(f"/proc/{self.proc.pid}/status").read_text()
        return {m[1]: int(m[2]) * 1024 for m in re.finditer(r"^(Vm\w+):\s+(\d+) kB", text, re.M)}

    def finish(self, timeout_s: float = 60) -> None:
        """Release a holding child and wait for it to exit; fail on a non-zero exit."""
        try:
            out, err = self.proc.communicate("quit\n", timeout=timeout_s)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            out, err = self.proc.communicate()
        if self.proc.returncode != 0:
            raise RuntimeError(f"child exited with {self.proc.returncode}:\n{out}\n{err}")

    def fail(self, why: str) -> None:
        self.proc.kill()
        out, err = self.proc.communicate()
        raise RuntimeError(f"child process: {why}\n--- stdout\n{out}\n--- stderr\n{err}")


def compile_the_app() -> None:
    """Compile the app's modules to bytecode first, as the installer ships them (PyInstaller).

    A checkout run with PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module from
    source at every start of the app, a cost no installed copy has.
    """
    import compileall

    import ombud_desktop

    root = Path(ombud_desktop.__file__).resolve().parent
    for folder in (root, root.parent / "resources"):
        if folder.is_dir():
            compileall.compile_dir(str(folder), quiet=1)


def app_args(workspace: Path, scratch: Path) -> list[str]:
    return ["--workspace", str(workspace), "--settings", str(scratch / "settings.json")]


def make_small_workspace(path: Path) -> None:
    """A workspace with an assessor profile and 1 demo entity (7 loci, fully answered)."""
    workspace = Workspace.open(path)
    try:
        workspace.set_profile("Benchmark", None)
        generate_demo(workspace, builtin_instrument("ori-2023"), entities=1, seed=1)
    finally:
        workspace.close()


Verdicts = list[tuple[str, bool]]


# -- 1. cold start ---------------------------------------------------------------------------


def bench_start(small: Path, scratch: Path, env: dict[str, str], runs: int) -> Verdicts:
    settings = scratch / "start"
    settings.mkdir()

    def app() -> tuple[float, float]:
        child = Child(APP_CHILD, ["start", *app_args(small, settings)], env)
        ready, _ = child.expect("READY", 60)
        loaded, _ = child.expect("LOADED", 60)
        child.finish()
        return ready, loaded

    def bare() -> float:
        child = Child(BARE_CHILD, ["start"], env)
        ready, _ = child.expect("READY", 60)
        child.finish()
        return ready

    first_app, _ = app()  # compiles the translation into the (scratch) cache: a first start
    first_bare = bare()
    app_ready, app_loaded, bare_ready = [], [], []
    for _ in range(runs):
        ready, loaded = app()
        app_ready.append(ready)
        app_loaded.append(loaded)
        bare_ready.append(bare())
    a, al, b = summary(app_ready), summary(app_loaded), summary(bare_ready)

    print(f"1. Cold start to a usable window: fresh processes, {runs} runs each taking turns,")
    print(f"   after one warm-up run each; small workspace (7 loci); {env['QT_QPA_PLATFORM']}")
    print(f"   {'':<44} {'median':>8} {'min':>8} {'max':>8}")
    for name, s in (
        ("bare QMainWindow, first loop turn (baseline)", b),
        ("ombud-desktop main(), first loop turn", a),
        ("ombud-desktop, home list loaded", al),
    ):
        print(f"   {name:<44} {s['median']:7.3f}s {s['min']:7.3f}s {s['max']:7.3f}s")
    ratio = a["median"] / b["median"]
    print(f"   ratio app / bare (medians) {ratio:23.2f} ×   (min/min {a['min'] / b['min']:.2f} ×)")
    print(
        f"   warm-up runs (not counted): app {first_app:.3f} s (first start: translation "
        f"compiled), bare {first_bare:.3f} s"
    )
    ok_time = a["median"] <= START_TARGET_S
    ok_ratio = ratio <= START_TARGET_RATIO
    print(
        f"   Target: median <= {START_TARGET_S:g} s: {a['median']:.3f} s -> "
        f"{'PASS' if ok_time else 'FAIL'}"
    )
    print(
        f"   Target: median <= {START_TARGET_RATIO:g}× bare: {ratio:.2f}× -> "
        f"{'PASS' if ok_ratio else 'FAIL'}"
    )
    print()
    return [("cold start time", ok_time), ("cold start ratio to a bare window", ok_ratio)]


# -- 1b. start to a FILLED home list on a national workspace --------------------------------

FILLED_TARGET_S = {4200: 1.5, 8400: 2.0}
FILLED_TARGET_RATIO = 3.0
FILLED_MEMORY_MB = 300.0


def bench_filled(national: Path, scratch: Path, env: dict[str, str], runs: int) -> Verdicts:
    """App start until every row of the home list is shown, against a bare table of the rows."""
    settings = scratch / "filled"
    settings.mkdir(exist_ok=True)
    database = national / "workspace.sqlite"

    def app() -> tuple[float, int, int]:
        child = Child(APP_CHILD, ["hold", *app_args(national, settings)], env)
        loaded, line = child.expect("LOADED", 900)
        peak = child.status()["VmHWM"]
        child.finish()
        return loaded, int(line.split()[1]), peak

    def bare() -> tuple[float, int, int]:
        child = Child(TABLE_CHILD, [str(database), "hold"], env)
        loaded, line = child.expect("LOADED", 300)
        peak = child.status()["VmHWM"]
        child.finish()
        return loaded, int(line.split()[1]), peak

    first, rows, _ = app()  # a first start may fill the score cache (after a merge, say)
    bare()
    app_s, bare_s, app_peak = [], [], []
    for _ in range(runs):  # A B A B: the same disk and the same neighbours for both
        seconds, _, peak = app()
        app_s.append(seconds)
        app_peak.append(peak)
        bare_s.append(bare()[0])
    a, b = summary(app_s), summary(bare_s)
    ratio = a["median"] / b["median"]
    # The list shows the newest period; the target is set by how many loci the workspace holds.
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    held = conn.execute("SELECT count(*) FROM assessments").fetchone()[0]
    conn.close()
    size = min(FILLED_TARGET_S, key=lambda n: abs(n - held))
    print(f"1b. Start to a FILLED home list: {rows:,} rows (the newest period) of {held:,} loci,")
    print(f"   {runs} runs each taking turns,")
    print(f"   {load()}")
    print(f"   first start (not counted; may fill the score cache) {first:.3f} s")
    print(f"   {'':<44} {'median':>8} {'p99':>8} {'max':>8}")
    named = (("bare window + QTableView of the rows (baseline)", b), ("app, list filled", a))
    for name, x in named:
        print(f"   {name:<44} {x['median']:7.3f}s {x['p99']:7.3f}s {x['max']:7.3f}s")
    peak_mb = max(app_peak) / MB
    print(f"   ratio app / bare (medians) {ratio:.2f} ×; app peak memory {peak_mb:.1f} MB")
    quiet = load_1min() < 1.5
    label = f"start to a filled list, {held:,} loci"
    record(f"{label}: time", a["median"], "s", f"<= {FILLED_TARGET_S[size]:g} s",
           a["median"] <= FILLED_TARGET_S[size], checked=quiet)
    record(f"{label}: ratio to a bare table", a["median"], "s", f"<= {FILLED_TARGET_RATIO:g}×",
           ratio <= FILLED_TARGET_RATIO, baseline=b["median"], ratio=ratio)
    record(f"{label}: peak memory", peak_mb, "MB", f"< {FILLED_MEMORY_MB:g} MB",
           peak_mb < FILLED_MEMORY_MB)
    print()
    return [
        (f"{label} (time{'' if quiet else ', not judged: load'})",
         a["median"] <= FILLED_TARGET_S[size] or not quiet),
        (f"{label} (ratio)", ratio <= FILLED_TARGET_RATIO),
        (f"{label} (memory)", peak_mb < FILLED_MEMORY_MB),
    ]


# -- in-process GUI --------------------------------------------------------------------------


def in_process_qt() -> None:
    """Make this process's QApplication; work around PYSIDE-3474 if this PySide6 has it."""
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([sys.argv[0]])
    quiet_offscreen_warnings()
    dropped = none_refs_dropped_per_qt_call()
    if dropped > 0.5:
        pad_none_refcount()
        print(
            f"Note: this PySide6 drops {dropped:.2f} reference(s) to None per void Qt call "
            f"(PYSIDE-3474);"
        )
        print(
            f"      Python {sys.version.split()[0]} aborts once a process has made about as "
            f"many such calls as None had"
        )
        print("      references. None's count was padded so that the in-process parts finish.")
        print()


def open_app(small: Path, scratch: Path) -> Any:
    """Start the Application in this process on ``small`` and show its window."""
    from PySide6.QtWidgets import QApplication

    from ombud_desktop.ui.app import Application, parse_args

    qt = QApplication.instance() or QApplication([sys.argv[0]])
    folder = scratch / f"inproc-{time.monotonic_ns()}"
    folder.mkdir()
    app = Application(qt, parse_args(app_args(small, folder)))
    app.show_window()
    app.window.activateWindow()
    wait_until(lambda: not app.window.home.loading, 30)
    return app


def quiet_offscreen_warnings() -> None:
    """Drop the offscreen plugin's "does not support propagateSizeHints()" lines."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode: Any, _context: Any, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def none_refs_dropped_per_qt_call() -> float:
    """Return how many references to None one void Qt call drops (0 unless PySide6 is buggy).

    PySide6 6.12.0 (PYSIDE-3474) releases a reference to None it never took on ordinary calls
    of void methods (``QWidget.setEnabled``, ``QTest.keyClick``...). On Python 3.11, where None
    is not immortal, a process aborts with "Fatal Python error: none_dealloc: deallocating None"
    once it has made about as many such calls as None had references.
    """
    from PySide6.QtWidgets import QWidget

    probe = QWidget()
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(1000):
        probe.setEnabled(True)
    gc.collect()
    dropped = (before - sys.getrefcount(None)) / 1000
    probe.deleteLater()
    return dropped


def pad_none_refcount() -> None:
    """Give None a billion spare references, so that the in-process parts can finish.

    Only done when :func:`none_refs_dropped_per_qt_call` finds the bug; then None's count is
    a plain ``Py_ssize_t`` (Python < 3.12) and raising it only means it is never freed, which
    it never is anyway.
    """
    ctypes.c_ssize_t.from_address(id(None)).value += 10**9


def close_app(app: Any) -> None:
    """Close the window (it waits for queued saves), the store, and drop the translator."""
    app.window.close()
    app.close()
    if app.translator is not None:
        app.qt_app.removeTranslator(app.translator)


def wait_until(condition: Callable[[], bool], timeout_s: float) -> None:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError("timed out waiting for the GUI")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
        time.sleep(0.001)


def pick_assessment(app: Any) -> str:
    """The demo locus with the most evidence (photos: the evidence strip has work to do)."""

    def job(s: Any) -> str:
        rows = s.workspace.assessment_rows(include_deleted=False)
        drafts = [r["id"] for r in rows if r["status"] == "draft"]
        return max(drafts, key=lambda aid: len(s.assessments.document(aid).evidence))

    return app.store.submit(job).result()


def settle(app: Any) -> None:
    from PySide6.QtWidgets import QApplication

    app.store.wait_idle()
    wait_until(lambda: app.store.pending == 0, 30)
    for _ in range(3):
        QApplication.processEvents()


def page_kind(view: Any, key: str) -> str:
    return type(view.pages[key]).__name__ if key in view.pages else "?"


def bench_move(small: Path, scratch: Path, passes: int) -> Verdicts:
    from PySide6.QtWidgets import QApplication

    app = open_app(small, scratch)
    try:
        window = app.window
        aid = pick_assessment(app)
        started = time.perf_counter()
        window.open_assessment(aid)  # read on the store thread, then built
        while window.assessment is None:
            QApplication.processEvents()
        open_s = time.perf_counter() - started
        view = window.assessment
        # The view builds its other pages one per idle moment after opening; an assessor
        # reads the first page far longer than that takes. Wait for it, and report it.
        t0 = time.perf_counter()
        while view._prebuild.isActive():
            QApplication.processEvents()
        prebuild_s = time.perf_counter() - t0
        settle(app)
        keys = [e.key for e in view.entries]
        first: list[tuple[str, float]] = []
        # The GUI thread's own CPU time per move, beside the wall time: on a loaded machine
        # the wall time mostly measures the other processes (context, not a target).
        cpu: list[float] = []
        for key in keys[1:]:  # keys[0] was shown by open_assessment
            c0, t0 = time.thread_time(), time.perf_counter()
            view.show_page(key)
            QApplication.processEvents()
            first.append((key, (time.perf_counter() - t0) * 1000))
            cpu.append((time.thread_time() - c0) * 1000)
        settle(app)
        again: list[float] = []
        for _ in range(passes):
            for key in keys:
                c0, t0 = time.thread_time(), time.perf_counter()
                view.show_page(key)
                QApplication.processEvents()
                again.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.thread_time() - c0) * 1000)
        settle(app)
    finally:
        close_app(app)

    f, r = summary([ms for _, ms in first]), summary(again)
    by_kind: dict[str, list[float]] = {}
    for key, ms in first:
        by_kind.setdefault(page_kind(view, key), []).append(ms)
    slowest = sorted(first, key=lambda item: -item[1])[:3]
    print(
        f"2. Moving between pages: show_page(key) + processEvents(), {len(keys)} pages "
        f"in navigator order"
    )
    print(f"   open_assessment (view + first page '{keys[0]}')  {open_s * 1000:8.1f} ms")
    print(f"   other pages built in idle time after that      {prebuild_s * 1000:8.1f} ms")
    print(f"   {'':<34} {'n':>4} {'median':>8} {'p95':>8} {'max':>8}")
    for name, s in (("first visit (page shown first)", f), (f"revisit ({passes} passes)", r)):
        print(f"   {name:<34} {s['n']:4d} {s['median']:6.1f}ms {s['p95']:6.1f}ms {s['max']:6.1f}ms")
    for kind, values in sorted(by_kind.items()):
        print(
            f"     first visit, {kind:<19} {len(values):4d} {statistics.median(values):6.1f}ms "
            f"{'':>8} {max(values):6.1f}ms"
        )
    print("   slowest first visits: " + ", ".join(f"{key} {ms:.1f} ms" for key, ms in slowest))
    c = summary(cpu)
    print(
        f"   GUI thread's CPU per move (all moves)  median {c['median']:.1f} ms, p95 "
        f"{c['p95']:.1f} ms, max {c['max']:.1f} ms (context)"
    )
    print(f"   ratio first visit / revisit (medians) {f['median'] / r['median']:9.1f} ×")
    worst = max(f["max"], r["max"])
    ok = worst <= MOVE_TARGET_MS
    print(
        f"   Target: every move <= {MOVE_TARGET_MS:g} ms: max {worst:.1f} ms (first visit "
        f"{f['max']:.1f}, revisit {r['max']:.1f}) -> {'PASS' if ok else 'FAIL'}"
    )
    print()
    quiet = load_1min() < 1.5
    print(f"   ({load()}{'' if quiet else ': an absolute time, not judged at load >= 1.5'})")
    record("moving between pages: max", worst, "ms", f"<= {MOVE_TARGET_MS:g} ms", ok,
           checked=quiet)
    p99 = percentile(sorted([ms for _, ms in first] + again), 99)
    record("moving between pages: p99", p99, "ms", f"<= {SAVE_TARGET_P99_MS:g} ms",
           p99 <= SAVE_TARGET_P99_MS, checked=quiet)
    return [("moving between pages" + ("" if quiet else " (not judged: load)"), ok or not quiet)]


# -- 3. saving through the UI -----------------------------------------------------------------


def bare_commit(folder: Path) -> tuple[sqlite3.Connection, Callable[[int], None]]:
    """A fresh WAL/FULL database; return it and a step doing one INSERT + COMMIT."""
    conn = sqlite3.connect(folder / "baseline.sqlite", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE answers (seq INTEGER PRIMARY KEY, key TEXT, value TEXT)")

    def step(i: int) -> None:
        conn.execute("BEGIN")
        conn.execute("INSERT INTO answers (key, value) VALUES (?, ?)", [f"IN{i % 9}", str(i % 4)])
        conn.execute("COMMIT")

    return conn, step


def bench_save(small: Path, scratch: Path, answers: int, block: int) -> Verdicts:
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from ombud_desktop.instruments.model import RatingIndicator

    app = open_app(small, scratch)
    conn, commit = bare_commit(scratch)
    try:
        window = app.window
        window.open_assessment(pick_assessment(app))
        while window.assessment is None:  # read on the store thread, then built
            QApplication.processEvents()
        view = window.assessment
        # As in part 2: the other pages are built in the first idle moments after opening
        # (about 0.4 s); an assessor's first answer comes later than that.
        while view._prebuild.isActive():
            QApplication.processEvents()
        settle(app)
        rated = [
            e.key for e in view.entries if isinstance(view.instrument.find(e.key), RatingIndicator)
        ]
        loop = QEventLoop()
        deadline = QTimer()
        deadline.setSingleShot(True)
        deadline.timeout.connect(loop.quit)
        done = [False]

        def saved(_stamp: str) -> None:
            done[0] = True
            loop.quit()

        view.answer_saved.connect(saved)

        def ui_save(i: int) -> float:
            key = rated[i % len(rated)]
            if view.current_key != key:
                view.show_page(key)
                settle(app)
            answer = view.document.answers.get(key)
            old = answer.value if answer is not None and answer.value is not None else 0
            level = (old + 1) % 4  # always a change
            done[0] = False
            t0 = time.perf_counter()
            QTest.keyClick(view, Qt.Key(Qt.Key.Key_0.value + level))
            if not done[0]:
                deadline.start(10_000)
                loop.exec()
                deadline.stop()
            elapsed = time.perf_counter() - t0
            if not done[0]:
                raise RuntimeError(f"no answer_saved within 10 s after key {level} on {key}")
            QApplication.processEvents()  # the repaint after the save, not timed
            return elapsed * 1000

        def bare(i: int) -> float:
            t0 = time.perf_counter()
            commit(i)
            return (time.perf_counter() - t0) * 1000

        ui_ms: list[float] = []
        base_ms: list[float] = []
        for start in range(0, answers, block):
            for i in range(start, min(answers, start + block)):
                ui_ms.append(ui_save(i))
            for i in range(start, min(answers, start + block)):
                base_ms.append(bare(i))
        settle(app)
        stored = app.store.submit(
            lambda s: s.workspace.db.execute("SELECT count(*) FROM changes").fetchone()[0]
        ).result()
    finally:
        conn.close()
        close_app(app)

    u, b = summary(ui_ms), summary(base_ms)
    print(
        f"3. An answer through the UI: key 0-3 on a rating page until answer_saved; "
        f"{answers} answers"
    )
    print(
        f"   over {len(rated)} rating pages; taking turns with the baseline in blocks of "
        f"{block} ({stored:,} change rows at end)"
    )
    print(f"   {'':<36} {'median':>8} {'p95':>8} {'p99':>8} {'max':>8}")
    for name, s in (("bare INSERT+COMMIT (baseline)", b), ("key press -> answer_saved", u)):
        print(
            f"   {name:<36} {s['median']:6.2f}ms {s['p95']:6.2f}ms {s['p99']:6.2f}ms "
            f"{s['max']:6.2f}ms"
        )
    print(
        f"   ratio UI / bare: p99 {u['p99'] / b['p99']:.1f} ×, median "
        f"{u['median'] / b['median']:.1f} ×"
    )
    ok = u["p99"] <= SAVE_TARGET_P99_MS
    print(
        f"   Target: p99 <= {SAVE_TARGET_P99_MS:g} ms: {u['p99']:.2f} ms -> "
        f"{'PASS' if ok else 'FAIL'}"
    )
    print()
    quiet = load_1min() < 1.5
    print(f"   ({load()}{'' if quiet else ': an absolute time, not judged at load >= 1.5'})")
    record("an answer through the UI: p99", u["p99"], "ms", f"<= {SAVE_TARGET_P99_MS:g} ms",
           ok, baseline=b["p99"], ratio=u["p99"] / b["p99"], checked=quiet)
    record("an answer through the UI: max", u["max"], "ms", f"<= {MOVE_TARGET_MS:g} ms",
           u["max"] <= MOVE_TARGET_MS, checked=quiet)
    name = "answer saved through the UI (p99)" + ("" if quiet else " (not judged: load)")
    return [(name, ok or not quiet)]


# -- 4. memory -------------------------------------------------------------------------------


def make_national(folder: Path) -> Path:
    path = folder / "national"
    print("   generating a national workspace (600 entities)...", flush=True)
    started = time.perf_counter()
    workspace = Workspace.open(path)
    try:
        workspace.set_profile("Benchmark", None)
        generate_demo(workspace, builtin_instrument("ori-2023"), entities=600, seed=1)
    finally:
        workspace.close()
    print(f"   ... in {time.perf_counter() - started:.1f} s", flush=True)
    return path


def workspace_size(path: Path) -> int:
    return sum(
        (path / name).stat().st_size
        for name in ("workspace.sqlite", "workspace.sqlite-wal")
        if (path / name).exists()
    )


def bench_memory(national: Path | None, scratch: Path, env: dict[str, str]) -> Verdicts:
    print("4. Memory with a national workspace open")
    if national is None:
        national = make_national(scratch)
    settings = scratch / "memory"
    settings.mkdir()

    bare = Child(BARE_CHILD, ["hold"], env)
    bare.expect("READY", 60)
    bare_status = bare.status()
    bare.finish()

    child = Child(APP_CHILD, ["open", *app_args(national, settings)], env)
    ready, _ = child.expect("READY", 120)
    loaded, line = child.expect("LOADED", 900)
    rows = int(line.split()[1])
    opened, _ = child.expect("OPENED", 300)
    app_status = child.status()
    child.finish()

    def mib(value: int) -> str:
        return f"{value / MB:7.1f} MB ({value / 2**20:6.1f} MiB)"

    print(
        f"   workspace {national}: {rows:,} assessments, {workspace_size(national) / 2**20:.0f} MiB"
    )
    print(
        f"   app: window {ready:.2f} s, home list loaded {loaded:.2f} s, "
        f"one assessment open {opened:.2f} s after start"
    )
    print(f"   {'':<40} {'VmRSS':>26} {'VmHWM (peak)':>26}")
    print(
        f"   {'bare QMainWindow (baseline)':<40} {mib(bare_status['VmRSS']):>26} "
        f"{mib(bare_status['VmHWM']):>26}"
    )
    print(
        f"   {'app, national list + 1 assessment':<40} {mib(app_status['VmRSS']):>26} "
        f"{mib(app_status['VmHWM']):>26}"
    )
    print(
        f"   ratio app / bare: resident {app_status['VmRSS'] / bare_status['VmRSS']:.1f} ×, "
        f"peak {app_status['VmHWM'] / bare_status['VmHWM']:.1f} ×"
    )
    ok = app_status["VmHWM"] < MEMORY_TARGET_MB * MB
    print(
        f"   Target: peak < {MEMORY_TARGET_MB:g} MB: {app_status['VmHWM'] / MB:.1f} MB -> "
        f"{'PASS' if ok else 'FAIL'}"
    )
    print()
    return [("memory with a national workspace", ok)]


# -- main --------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--workspace",
        type=Path,
        default=None,
        help="national workspace for the memory figure (default: generate one)",
    )
    parser.add_argument(
        "--only", choices=("start", "filled", "move", "save", "memory"), default=None
    )
    parser.add_argument("--runs", type=int, default=5, help="cold starts per variant")
    parser.add_argument("--passes", type=int, default=3, help="revisit passes over all pages")
    parser.add_argument("--answers", type=int, default=300, help="answers saved through the UI")
    parser.add_argument(
        "--block",
        type=int,
        default=50,
        help="answers per turn when UI saves and bare commits take turns",
    )
    parser.add_argument(
        "--dir",
        type=Path,
        default=Path.cwd(),
        help="folder on the disk to measure (a temporary folder is made in it)",
    )
    parser.add_argument(
        "--real",
        action="store_true",
        help="use the real display given by DISPLAY instead of offscreen",
    )
    args = parser.parse_args()
    if args.workspace is not None and not (args.workspace / "workspace.sqlite").is_file():
        parser.error(f"{args.workspace} holds no workspace.sqlite")

    if not (args.real and os.environ.get("DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    scratch = Path(tempfile.mkdtemp(prefix="ombud-bench-gui-", dir=args.dir))
    # The app's settings and translation cache go to the scratch folder, not the user's.
    os.environ["XDG_CACHE_HOME"] = str(scratch / "cache")
    os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")
    os.environ.pop("OMBUD_WORKSPACE", None)
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "xcb")
    compile_the_app()
    parts = [args.only] if args.only else ["start", "filled", "move", "save", "memory"]
    verdicts: Verdicts = []
    try:
        small = scratch / "small"
        make_small_workspace(small)
        print(
            f"Ombud Desktop GUI benchmark ({os.cpu_count()} cores, Python "
            f"{sys.version.split()[0]}, platform {env['QT_QPA_PLATFORM']}, "
            f"folder {args.dir.resolve()})"
        )
        print()
        if "start" in parts:
            verdicts += bench_start(small, scratch, env, args.runs)
        if "filled" in parts:
            if args.workspace is None:
                args.workspace = make_national(scratch)
            verdicts += bench_filled(args.workspace, scratch, env, args.runs)
        if "move" in parts or "save" in parts:
            in_process_qt()
        if "move" in parts:
            verdicts += bench_move(small, scratch, args.passes)
        if "save" in parts:
            verdicts += bench_save(small, scratch, args.answers, args.block)
        if "memory" in parts:
            verdicts += bench_memory(args.workspace, scratch, env)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    print("Summary:")
    for name, ok in verdicts:
        print(f"  {name:<40} {'PASS' if ok else 'FAIL'}")
    missed = [name for name, ok in verdicts if not ok]
    for name in missed:
        print(f"TARGET MISSED: {name}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
