"""Everything outside ombud_desktop.ui imports and works with Qt unavailable.

Complements the import-linter contract (static) with a runtime check: each core module is really
imported in a fresh interpreter in which any Qt import raises ImportError.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]

QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "PySide2", "shiboken2")

REQUIRED_MODULES = (
    "ombud_desktop.scoring",
    "ombud_desktop.storage",
    "ombud_desktop.instruments",
    "ombud_desktop.reports",
    "ombud_desktop.cli",
)

# Runs in a fresh interpreter. Prints a JSON list of the imported modules as its last stdout line;
# exits 1 (with tracebacks on stderr) if any module cannot be imported.
WALK_WITHOUT_QT = textwrap.dedent(
    """
    import importlib
    import importlib.abc
    import json
    import pkgutil
    import sys
    import traceback

    BLOCKED = set({blocked!r})


    class BlockQt(importlib.abc.MetaPathFinder):
        def find_spec(self, fullname, path=None, target=None):
            if fullname.partition(".")[0] in BLOCKED:
                raise ImportError(f"Qt is blocked in this test: import {{fullname}}")
            return None


    for name in list(sys.modules):
        if name.partition(".")[0] in BLOCKED:
            del sys.modules[name]
    sys.meta_path.insert(0, BlockQt())

    import ombud_desktop

    failures = []
    imported = ["ombud_desktop"]


    def is_ui(name):
        return name == "ombud_desktop.ui" or name.startswith("ombud_desktop.ui.")


    def try_import(name):
        if is_ui(name) or name in imported:
            return
        try:
            importlib.import_module(name)
        except BaseException:
            failures.append(name)
            print(f"FAILED to import {{name}}:", file=sys.stderr)
            traceback.print_exc()
        else:
            imported.append(name)


    def walk_error(name):
        # Called by walk_packages (inside its except block) when a subpackage fails to import.
        if not is_ui(name) and name not in failures:
            failures.append(name)
            print(f"FAILED to import {{name}} while walking:", file=sys.stderr)
            traceback.print_exc()


    # Walk each direct child except ombud_desktop.ui, so the walk itself never imports the UI.
    for child in pkgutil.iter_modules(ombud_desktop.__path__, "ombud_desktop."):
        if is_ui(child.name):
            continue
        try_import(child.name)
        if not child.ispkg or child.name in failures:
            continue
        package = sys.modules[child.name]
        for info in pkgutil.walk_packages(package.__path__, child.name + ".", walk_error):
            try_import(info.name)

    leaked = sorted(m for m in sys.modules if m.partition(".")[0] in BLOCKED)
    if leaked:
        print(f"Qt modules present despite the block: {{leaked}}", file=sys.stderr)
        failures.append("<qt-leak>")

    print(json.dumps(sorted(imported)))
    sys.exit(1 if failures else 0)
    """
).format(blocked=QT_MODULES)

IMPORT_CLI = textwrap.dedent(
    """
    import json
    import sys

    import ombud_desktop.cli.main

    qt = {blocked!r}
    print(json.dumps(sorted(m for m in sys.modules if m.partition(".")[0] in qt)))
    """
).format(blocked=QT_MODULES)


def _run_python(code: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    env.pop("PYTHONSTARTUP", None)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT,
        env=env,
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _describe(proc: subprocess.CompletedProcess[str]) -> str:
    return (
        f"exit code: {proc.returncode}\n"
        f"--- stdout ---\n{proc.stdout}\n--- stderr ---\n{proc.stderr}"
    )


def _last_json_line(proc: subprocess.CompletedProcess[str]) -> list[str]:
    lines = proc.stdout.strip().splitlines()
    assert lines, f"subprocess printed nothing\n{_describe(proc)}"
    return json.loads(lines[-1])


def test_every_core_module_imports_without_qt() -> None:
    proc = _run_python(WALK_WITHOUT_QT)
    assert proc.returncode == 0, (
        f"some modules outside ombud_desktop.ui failed to import with Qt blocked\n{_describe(proc)}"
    )
    imported = set(_last_json_line(proc))
    missing = [m for m in REQUIRED_MODULES if m not in imported]
    assert not missing, f"required core modules were not imported: {missing}\n{_describe(proc)}"
    assert not any(m.startswith("ombud_desktop.ui") for m in imported)


def test_cli_main_does_not_load_qt() -> None:
    proc = _run_python(IMPORT_CLI)
    assert proc.returncode == 0, f"importing ombud_desktop.cli.main failed\n{_describe(proc)}"
    loaded_qt = _last_json_line(proc)
    assert "PySide6" not in loaded_qt, f"PySide6 loaded by ombud_desktop.cli.main: {loaded_qt}"
    assert not loaded_qt, f"Qt modules loaded by importing ombud_desktop.cli.main: {loaded_qt}"
