"""Qt's side of the settings declared in ``ombud_desktop/settings.py``: window geometry.

Every other setting is a plain value read and written through ``Settings``; only a window's
geometry is Qt's own bytes (QWidget.saveGeometry), kept in the file in base64.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QWidget

from ombud_desktop.settings import Setting, Settings
from ombud_desktop.ui.screen import clamp_restored


def restore_geometry(widget: QWidget, settings: Settings | None, setting: Setting[str]) -> bool:
    """Give ``widget`` the geometry it had when saved; return False when there is none.

    The restored size is clamped to the screen it is on and to a usable minimum
    (``screen.clamp_restored``): the screen may be smaller than when it was saved.
    """
    if settings is None or not settings.get(setting):
        return False
    if not widget.restoreGeometry(QByteArray.fromBase64(settings.get(setting).encode("ascii"))):
        return False
    clamp_restored(widget)
    return True


def save_geometry(widget: QWidget, settings: Settings | None, setting: Setting[str]) -> None:
    """Keep ``widget``'s geometry for the next start."""
    if settings is not None:
        settings.set(setting, bytes(widget.saveGeometry().toBase64().data()).decode("ascii"))
