"""Restoring a backup off the GUI thread, with a busy dialog, for the application to call."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QProgressDialog

from ombud_desktop.errors import OmbudError

POLL_MS = 50


def run_restore(backup: Path, target: Path) -> tuple[Any, BaseException | None]:
    """Restore ``backup`` into ``target`` on a thread; return (restored, None) or (None, error).

    The GUI keeps painting meanwhile (a busy dialog with no cancel: a restore is whole or
    nothing, and the current workspace is only renamed at its very end).
    """
    from ombud_desktop.services.backup import restore

    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["done"] = restore(backup, target)
        except OmbudError as exc:
            outcome["error"] = exc
        except Exception as exc:  # a bug: shown as such, the workspace reopened as it was
            outcome["error"] = exc

    dialog = QProgressDialog(
        QCoreApplication.translate("Application", "Checking and restoring the backup…"),
        "",
        0,
        0,
    )
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(0)
    dialog.setWindowTitle(QCoreApplication.translate("Application", "Restore from backup"))
    dialog.show()
    worker = threading.Thread(target=work, name="restore", daemon=True)
    worker.start()
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: None if worker.is_alive() else loop.quit())
    timer.start(POLL_MS)
    loop.exec()
    timer.stop()
    dialog.close()
    return outcome.get("done"), outcome.get("error")
