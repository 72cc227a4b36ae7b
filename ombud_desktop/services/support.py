"""A support bundle: one zip a user sends to whoever helps them, with no personal data.

It holds the support logs (``ombud_desktop.logs``), the versions of everything that runs
(app, Python, SQLite, Qt, the libraries), the settings, and a summary of the workspace made of
numbers only (schema version, SQLite's integrity verdict, rows per table, sizes): never a
name, an answer or a phone number. The zip is written atomically.
"""

from __future__ import annotations

import importlib.metadata
import json
import platform
import sqlite3
import sys
import zipfile
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ombud_desktop import __version__
from ombud_desktop.files import atomic_output
from ombud_desktop.settings import Settings
from ombud_desktop.storage.summary import workspace_summary
from ombud_desktop.storage.workspace import Workspace

LIBRARIES = (
    "sqlite-utils", "pyyaml", "pydantic", "platformdirs", "rfc8785", "pillow", "click",
    "uuid6", "cryptography", "segno", "openpyxl", "reportlab", "pypdfium2",
    "pyside6-essentials", "shiboken6",
)


def versions(extra: dict[str, str] | None = None) -> dict[str, Any]:
    """Return the versions of the app, Python, SQLite, the platform and the libraries."""
    libraries = {}
    for name in LIBRARIES:
        try:
            libraries[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            libraries[name] = None
    return {
        "ombud_desktop": __version__,
        "python": sys.version,
        "executable_frozen": bool(getattr(sys, "frozen", False)),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "sqlite": sqlite3.sqlite_version,
        "libraries": libraries,
        **(extra or {}),
    }


def summary_of(workspace: Workspace) -> dict[str, Any]:
    """Return the workspace's summary for a bundle (numbers only; see ``storage.summary``)."""
    return workspace_summary(workspace)


def summary_at(path: Path) -> dict[str, Any]:
    """Return the summary of the workspace in ``path``, or why there is none (never raises)."""
    from ombud_desktop.errors import OmbudError

    try:
        workspace = Workspace.open(path, create=False)
    except OmbudError as exc:
        return {"unavailable": exc.code, "message": exc.message}
    try:
        return summary_of(workspace)
    finally:
        workspace.close()


def write_support_bundle(
    target: Path,
    *,
    logs: Iterable[Path],
    settings_path: Path | None,
    workspace: dict[str, Any],
    doctor: dict[str, Any] | None = None,
    extra_versions: dict[str, str] | None = None,
) -> Path:
    """Write the bundle to ``target`` (a ``.zip``); return its path. Raises OSError."""
    made = datetime.now(UTC).isoformat(timespec="seconds")
    settings: Any
    if settings_path is None:
        settings = None
    else:
        try:
            settings = {"path": str(settings_path), "values": list(
                Settings.load(settings_path).listing()
            )}
        except Exception as exc:  # a support bundle is made when things are wrong: say so
            settings = {"path": str(settings_path), "unreadable": f"{type(exc).__name__}: {exc}"}
    documents = {
        "versions.json": versions(extra_versions),
        "settings.json": settings,
        "workspace.json": workspace,
        "doctor.json": doctor
        if doctor is not None
        else {"unavailable": "this version has no workspace doctor"},
        "bundle.json": {"format": "ombud-support-bundle", "version": 1, "made_at": made},
    }
    with atomic_output(target) as stream, zipfile.ZipFile(
        stream, "w", zipfile.ZIP_DEFLATED
    ) as bundle:
        for name, data in documents.items():
            text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
            bundle.writestr(name, text + "\n")
        for path in logs:
            try:
                bundle.write(path, f"logs/{path.name}")
            except OSError as exc:  # rotated away meanwhile
                bundle.writestr(f"logs/{path.name}.unreadable", f"{exc}\n")
    return target
