"""The core reports errors by code; this module words them in the app's language.

The words themselves are kept once, outside Qt, in ``ombud_desktop.words`` (the CLI and the
reports use them too); the app asks for them in the language of its installed translation.
"""

from __future__ import annotations

from ombud_desktop import words
from ombud_desktop.errors import OmbudError
from ombud_desktop.ui.i18n import current_language


def describe(error: OmbudError, language: str | None = None) -> tuple[str, str]:
    """Return (what is wrong, what to do) for a core error, in ``language`` or the app's.

    Codes that have no words keep the core's own English message and hint.
    """
    return words.describe_error(error, language or current_language())
