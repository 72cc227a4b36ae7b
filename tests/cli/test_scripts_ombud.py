"""`scripts/ombud` runs the command line in the caller's folder, with the README's exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "ombud"


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    venv = Path(sys.prefix)
    env = {
        **os.environ,
        "VIRTUAL_ENV": str(venv),
        "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
        "OMBUD_WORKSPACE": str(cwd / "ws"),
        "OMBUD_KEYS": str(cwd / "keys"),
        "OMBUD_SETTINGS": str(cwd / "settings.json"),
    }
    return subprocess.run(
        ["bash", str(SCRIPT), *args], cwd=cwd, env=env, capture_output=True, text=True,
        timeout=120, check=False,
    )


def test_relative_paths_mean_the_callers_folder(tmp_path: Path) -> None:
    (tmp_path / "paket.ombx").write_bytes(b"not a zip")
    done = _run(tmp_path, "verify", "paket.ombx")
    assert done.returncode != 0
    # The file was found and read (and refused as what it is), not missing in the checkout.
    assert "paket.ombx" in done.stdout + done.stderr
    assert "does not exist" not in done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_a_user_error_exits_with_code_2(tmp_path: Path) -> None:
    done = _run(tmp_path, "verify", "no-such-file.ombx")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
