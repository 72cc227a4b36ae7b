"""The GUI's settings, each declared once with its key, type and default (as Picard does).

They live in the ui.ini file the entry point opens (``app.settings_at``); the workspace holds
everything that belongs to the assessments themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QSettings

from ombud_desktop.ui.i18n import DEFAULT_LANGUAGE

T = TypeVar("T", str, int, bool)

ROLES = ("assessor", "supervisor")


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One setting: where it is stored, its type and the value it has until it is set."""

    key: str
    kind: type[T]
    default: T
    choices: tuple[T, ...] = ()

    def read(self, settings: QSettings) -> T:
        """Return the stored value, or the default when it is missing or not acceptable."""
        if not settings.contains(self.key):
            return self.default
        try:
            value = settings.value(self.key, self.default, type=self.kind)
        except (TypeError, ValueError):
            return self.default
        if not isinstance(value, self.kind) or (self.choices and value not in self.choices):
            return self.default
        return value

    def write(self, settings: QSettings, value: T) -> None:
        """Store ``value``."""
        if not isinstance(value, self.kind) or (self.choices and value not in self.choices):
            raise ValueError(f"{self.key}: {value!r} is not a {self.kind.__name__} allowed here")
        settings.setValue(self.key, value)


LANGUAGE = Setting("ui/language", str, DEFAULT_LANGUAGE, ("id", "en"))
# The supervisor's inbox: packages that arrive there are imported (ui/inbox.py). Empty: none.
INBOX = Setting("sync/inbox", str, "")
# Written by the first-run setup. An empty workspace means the default in the data folder.
WORKSPACE = Setting("setup/workspace", str, "")
ROLE = Setting("setup/role", str, "assessor", ROLES)
SETUP_DONE = Setting("setup/done", bool, False)
# The folder exported packages are written to (a shared folder or a USB stick works); empty
# means the default, ~/Ombud/Kotak keluar (ui/packages/session.py).
OUTBOX = Setting("packages/outbox", str, "")
