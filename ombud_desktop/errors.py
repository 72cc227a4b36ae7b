"""Typed errors raised by the core; front ends turn them into words for the user.

Every error carries a stable ``code`` (for translation and tests), a message in English that says
what is wrong, and a ``hint`` that says what to do about it.
"""

from __future__ import annotations

from typing import Any


class OmbudError(Exception):
    """Base of every error the core raises on purpose."""

    code = "error"

    def __init__(self, message: str, *, code: str | None = None, hint: str = "", **data: Any):
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.hint = hint
        self.data = data

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message


class InstrumentError(OmbudError):
    """An instrument file is missing, malformed or inconsistent."""

    code = "instrument_invalid"


class StorageError(OmbudError):
    """The workspace cannot be opened or written."""

    code = "storage_error"


class WorkspaceLockedError(StorageError):
    """Another process holds the workspace open for writing (see storage/lock.py).

    ``data``: ``program``, ``host``, ``since`` (local time), ``pid`` and ``user`` of the holder
    (empty when its lock file could not be read).
    """

    code = "workspace_locked"


class NotFoundError(OmbudError):
    """A thing named by the user does not exist in the workspace."""

    code = "not_found"


class ValidationError(OmbudError):
    """An answer or command argument is not acceptable; nothing was changed."""

    code = "invalid_input"


class EvidenceError(OmbudError):
    """An evidence file cannot be imported; nothing was stored."""

    code = "evidence_invalid"


class ReportError(OmbudError):
    """A report cannot be made or written."""

    code = "report_failed"
