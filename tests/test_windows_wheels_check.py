"""The Windows wheel check (scripts/check_windows_wheels.py, run by .ci/run with the network)
reads what it checks from the repository: the installer's Python, PyInstaller's pin, and the
app's whole runtime tree as Windows would install it. No network here.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "check_windows_wheels.py"


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("check_windows_wheels", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["check_windows_wheels"] = module
    spec.loader.exec_module(module)
    return module


def test_it_checks_the_installers_python_and_the_whole_runtime_tree() -> None:
    check = _script()
    assert check.windows_python() == "3.11"  # packaging/windows/build.ps1 "Needs: Python 3.11"
    assert check.pyinstaller_pin()
    pinned, _absent = check.runtime_requirements("3.11")
    # Direct dependencies and what they pull in, with the versions installed (and tested).
    for name in ("sqlite-utils", "cryptography", "cffi", "pyside6-essentials", "shiboken6",
                 "pydantic-core", "reportlab", "pypdfium2"):
        assert name in pinned, name
    # Development tools are not bundled, so not checked.
    assert "pytest" not in pinned
    assert "ruff" not in pinned
