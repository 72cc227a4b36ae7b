"""Check that every runtime dependency has a Windows wheel for the Python the installer bundles.

The Windows installer (packaging/windows/build.ps1) bundles Python X.Y (x64) and installs the
app with pip; a dependency without a ``win_amd64`` (or pure-Python) wheel at the version we
test with would block the release on a build machine nobody here can see. So, for each
distribution the app needs at run time (its requirements, recursively, as installed in this
environment: the versions the tests ran with) and PyInstaller at the version build.ps1 pins:

    pip download --platform win_amd64 --only-binary=:all: --python-version X.Y --no-deps NAME==VER

Requirements that apply only on Windows (so are not installed here) are checked by their
specifier. Needs PyPI: if it cannot be reached the check FAILS (exit 2), it never passes
silently. Exit 0: every wheel exists; 1: some are missing (listed).

Usage: python scripts/check_windows_wheels.py  (from .ci/run)
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "packaging" / "windows" / "build.ps1"
APP = "ombud-desktop"
UNREACHABLE = ("connection", "network is unreachable", "temporary failure in name resolution",
               "max retries exceeded", "timed out", "proxyerror", "name or service not known")


def windows_python() -> str:
    """Return the X.Y of the Python the Windows installer bundles (build.ps1's "Needs:")."""
    found = re.search(r"Needs: Python (\d+\.\d+)", BUILD.read_text(encoding="utf-8"))
    if not found:
        sys.exit(f"no 'Needs: Python X.Y' in {BUILD}")
    return found.group(1)


def pyinstaller_pin() -> str | None:
    """Return PyInstaller's pinned version in build.ps1, if any."""
    for line in BUILD.read_text(encoding="utf-8").splitlines():
        if re.match(r"\s*\$PyInstallerVersion\s*=", line):
            versions = re.findall(r'"(\d[^"]*)"', line)  # the default, after any override
            return versions[-1] if versions else None
    return None


def windows_environment(python: str) -> dict[str, str]:
    """Return the marker environment of the installer's Python on 64-bit Windows."""
    env = default_environment()
    env.update(
        {
            "os_name": "nt", "sys_platform": "win32", "platform_system": "Windows",
            "platform_machine": "AMD64", "python_version": python,
            "python_full_version": f"{python}.0", "implementation_name": "cpython",
            "platform_python_implementation": "CPython", "extra": "",
        }
    )
    return env


def runtime_requirements(python: str) -> tuple[dict[str, str], list[Requirement]]:
    """Return {name: installed version} of the app's runtime tree on Windows, and the
    Windows-only requirements that are not installed here."""
    env = windows_environment(python)
    pinned: dict[str, str] = {}
    absent: list[Requirement] = []
    todo = [Requirement(r) for r in metadata.requires(APP) or []]
    while todo:
        requirement = todo.pop()
        if requirement.marker is not None and not requirement.marker.evaluate(env):
            continue
        name = canonicalize_name(requirement.name)
        if name in pinned:
            continue
        try:
            dist = metadata.distribution(requirement.name)
        except metadata.PackageNotFoundError:
            absent.append(requirement)
            continue
        pinned[name] = dist.version
        todo += [Requirement(r) for r in dist.requires or []]
    return pinned, absent


def download(spec: str, python: str, target: str) -> tuple[bool, str]:
    """Try to download a Windows wheel of ``spec``; return (found, pip's last words)."""
    result = subprocess.run(
        [
            sys.executable, "-m", "pip", "download", "--disable-pip-version-check",
            "--platform", "win_amd64", "--only-binary=:all:", "--python-version", python,
            "--implementation", "cp", "--no-deps", "--quiet", "-d", target, spec,
        ],
        capture_output=True, text=True, timeout=600,
    )
    return result.returncode == 0, (result.stderr or result.stdout).strip()


def main() -> int:
    """Check every wheel; print what is missing; return the exit code."""
    python = windows_python()
    pinned, absent = runtime_requirements(python)
    specs = [f"{name}=={version}" for name, version in sorted(pinned.items())]
    specs += [str(r).split(";")[0].strip() for r in absent]
    pin = pyinstaller_pin()
    if pin:
        specs.append(f"pyinstaller=={pin}")
    print(f"Windows wheels for Python {python} (win_amd64): {len(specs)} distributions")
    missing = []
    with tempfile.TemporaryDirectory() as target:
        # A wheel that is surely on the index (pure Python, any platform): if even it cannot be
        # fetched, the index is unreachable and every "missing" below would be a lie.
        probe = f"pip=={metadata.version('pip')}"
        found, words = download(probe, python, target)
        if not found:
            print(f"The package index cannot be reached (fetching {probe} failed):\n{words}",
                  file=sys.stderr)
            print("The Windows wheel check needs the network: it FAILS rather than passing "
                  "unchecked.", file=sys.stderr)
            return 2
        for spec in specs:
            found, words = download(spec, python, target)
            if found:
                print(f"  ok       {spec}")
                continue
            if any(marker in words.lower() for marker in UNREACHABLE):
                print(f"PyPI cannot be reached (while fetching {spec}):\n{words}", file=sys.stderr)
                print("The Windows wheel check needs the network: it FAILS rather than "
                      "passing unchecked.", file=sys.stderr)
                return 2
            print(f"  MISSING  {spec}")
            missing.append((spec, words.splitlines()[-1] if words else ""))
    if missing:
        print(f"\n{len(missing)} distribution(s) have no Windows wheel for Python {python}:",
              file=sys.stderr)
        for spec, words in missing:
            print(f"  {spec}: {words}", file=sys.stderr)
        return 1
    print("Every runtime dependency has a Windows wheel.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
