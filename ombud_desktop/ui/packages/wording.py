"""Words for the problem codes of a package, in the app's language.

The words of every code (keys, packages and the rest) are kept once in
``resources/words/errors.yaml`` (see ``ombud_desktop.words``); ``ui/messages.py`` words the
errors, and :func:`describe_problem` a package's verification problems (not exceptions).
"""

from __future__ import annotations

import re
from typing import Any

from ombud_desktop import words
from ombud_desktop.ui.i18n import current_language


def describe_problem(problem: dict[str, Any], language: str | None = None) -> tuple[str, str]:
    """Return (what is wrong, what to do) for one verification problem of a package."""
    text, hint = words.describe_problem(problem, language or current_language())
    member = problem.get("member")
    if member:
        text = f"{text} ({short_member(str(member))})"
    return text, hint


def short_member(name: str) -> str:
    """Return a member name with its SHA-256 shortened ("evidence/3f2a9c1e5b7d…")."""
    return re.sub(r"[0-9a-f]{64}", lambda m: m.group(0)[:12] + "…", name)
