"""The wheel is self-contained: built, installed into a clean venv, and run outside the repo.

Catches resources that are not mapped into the wheel and missing runtime dependencies, which an
editable install or running from the checkout would hide.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]

EXPECTED_IN_WHEEL = (
    "ombud_desktop/resources/instruments/ori-2023.yaml",
    "ombud_desktop/resources/instruments/ori-2022.yaml",
    "ombud_desktop/resources/fonts/DejaVuSans.ttf",
    "ombud_desktop/resources/fonts/DejaVuSans-Bold.ttf",
    "ombud_desktop/resources/fonts/LICENSE-DejaVu.txt",
    "ombud_desktop/resources/regions/regions.csv",
    "ombud_desktop/resources/regions/names.yaml",
    "ombud_desktop/resources/regions/SOURCE.md",
    "ombud_desktop/resources/regions/LICENSE-ODbL.md",
)
EXPECTED_INSTRUMENTS = ("ori-2023", "ori-2022")

# Generous: pip may download every dependency from PyPI on a fresh CI machine.
BUILD_TIMEOUT = 900
INSTALL_TIMEOUT = 1800
RUN_TIMEOUT = 120


def _clean_env() -> dict[str, str]:
    """The current environment without anything that could point imports at the checkout."""
    env = dict(os.environ)
    for name in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"):
        env.pop(name, None)
    return env


def _run(args: list[str | Path], cwd: Path, timeout: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=_clean_env(),
        check=False,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _describe(proc: subprocess.CompletedProcess[str]) -> str:
    return (
        f"command: {proc.args}\nexit code: {proc.returncode}\n"
        f"--- stdout ---\n{proc.stdout}\n--- stderr ---\n{proc.stderr}"
    )


def _venv_bin(venv: Path, name: str) -> Path:
    if os.name == "nt":
        return venv / "Scripts" / f"{name}.exe"
    return venv / "bin" / name


@pytest.mark.slow
def test_wheel_installs_into_clean_venv_and_runs(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    build = _run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", dist, REPO_ROOT],
        cwd=tmp_path,
        timeout=BUILD_TIMEOUT,
    )
    assert build.returncode == 0, f"building the wheel failed\n{_describe(build)}"

    wheels = sorted(dist.glob("*.whl"))
    assert len(wheels) == 1, f"expected exactly one wheel in {dist}, found {wheels}"
    wheel = wheels[0]

    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    for expected in EXPECTED_IN_WHEEL:
        assert expected in names, (
            f"{expected} is missing from {wheel.name}; the wheel contains:\n"
            + "\n".join(sorted(names))
        )

    venv = tmp_path / "venv"
    create = _run([sys.executable, "-m", "venv", venv], cwd=tmp_path, timeout=RUN_TIMEOUT)
    assert create.returncode == 0, f"creating the venv failed\n{_describe(create)}"

    venv_python = _venv_bin(venv, "python")
    install = _run(
        [venv_python, "-m", "pip", "install", "--disable-pip-version-check", wheel],
        cwd=tmp_path,
        timeout=INSTALL_TIMEOUT,
    )
    assert install.returncode == 0, f"installing the wheel failed\n{_describe(install)}"

    ombud = _venv_bin(venv, "ombud")
    assert ombud.exists(), f"console script {ombud} was not installed\n{_describe(install)}"

    listing = _run([ombud, "instrument", "list"], cwd=tmp_path, timeout=RUN_TIMEOUT)
    assert listing.returncode == 0, f"`ombud instrument list` failed\n{_describe(listing)}"
    for instrument_id in EXPECTED_INSTRUMENTS:
        assert instrument_id in listing.stdout, (
            f"{instrument_id} not listed by the installed `ombud instrument list`\n"
            f"{_describe(listing)}"
        )

    # A report from the installed wheel: the shipped font is found and embedded.
    workspace = tmp_path / "workspace"
    demo = _run([ombud, "--workspace", workspace, "demo", "--entities", "1", "--quiet"],
                cwd=tmp_path, timeout=RUN_TIMEOUT)
    assert demo.returncode == 0, f"`ombud demo` failed\n{_describe(demo)}"
    pdf = tmp_path / "province.pdf"
    made = _run([ombud, "--workspace", workspace, "report", "province", "-o", pdf],
                cwd=tmp_path, timeout=RUN_TIMEOUT)
    assert made.returncode == 0, f"`ombud report province` failed\n{_describe(made)}"
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert b"DejaVuSans" in pdf.read_bytes()


def test_every_subpackage_is_listed_for_the_wheel() -> None:
    """pyproject lists packages by hand (resources/ is mapped in); a new one must be added."""
    import tomllib

    config = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(REPO_ROOT).parts)
        for init in (REPO_ROOT / "ombud_desktop").rglob("__init__.py")
    }
    assert on_disk - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
    assert "ombud_desktop.resources" in listed
