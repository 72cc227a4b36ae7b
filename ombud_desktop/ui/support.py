"""Help › Save support bundle…: the zip for whoever helps (logs, versions, settings, summary).

The workspace summary is read and the zip written on the reader thread; the GUI thread only
asks where to save it and says where it went.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import PySide6
from PySide6.QtCore import QCoreApplication, QStandardPaths, qVersion
from PySide6.QtWidgets import QFileDialog, QWidget

from ombud_desktop import logs
from ombud_desktop.ui import alerts
from ombud_desktop.ui.ops import StoreThread


def default_target() -> Path:
    """Return where the bundle is offered: the Documents folder, named with today's date."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name = f"ombud-dukungan-{date.today():%Y%m%d}.zip"
    return Path(folder or Path.home()) / name


def ask_target(parent: QWidget | None) -> Path | None:
    """Ask where to save the bundle; return None when cancelled."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("support", "Save support bundle"),
        str(default_target()),
        QCoreApplication.translate("support", "Zip files (*.zip)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".zip" else path.with_name(path.name + ".zip")


def save_support_bundle(
    parent: QWidget | None,
    store: StoreThread,
    settings_path: Path | None,
    target: Path | None = None,
    *,
    on_done: Any = None,
) -> None:
    """Ask where (unless ``target`` is given), then write the bundle off the GUI thread."""
    target = target or ask_target(parent)
    if target is None:
        return
    extra = {"qt": qVersion(), "pyside6": PySide6.__version__}

    def write(s: Any) -> Path:
        from ombud_desktop.services.support import write_support_bundle

        try:
            summary = s.support_summary()
        except Exception as exc:  # a bundle is made when things are wrong: say what, go on
            summary = {"unavailable": f"{type(exc).__name__}: {exc}"}
        try:
            doctor = s.care().doctor_report()
        except Exception as exc:  # likewise
            doctor = {"unavailable": f"{type(exc).__name__}: {exc}"}
        return write_support_bundle(
            target,
            logs=logs.log_files(),
            settings_path=settings_path,
            workspace=summary,
            doctor=doctor,
            extra_versions=extra,
        )

    def done(path: Path) -> None:
        alerts.inform(
            parent,
            QCoreApplication.translate("support", "Support bundle"),
            QCoreApplication.translate(
                "support",
                "Saved to %1.\n\nIt holds the support log, versions, settings and a summary of "
                "the workspace in numbers: no names, answers or phone numbers. Send it to "
                "whoever helps you.",
            ).replace("%1", str(path)),
        )
        if on_done is not None:
            on_done(path)

    store.submit(write, on_done=done, on_error=lambda error: alerts.error(parent, error),
                 write=False)
