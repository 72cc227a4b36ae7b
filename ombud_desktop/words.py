"""Words kept once, in Indonesian and English: error codes, and the words of results.

The core raises errors with a code and data (:mod:`ombud_desktop.errors`) and scores with reason
codes; this module turns them into words for whoever shows them: the app (in the language
chosen there), the CLI, the PDF reports and the spreadsheet. The words live in
``resources/words/*.yaml``, read once; ``{name}`` placeholders are filled from the error's data
(or the reason's). No Qt here: the app asks this module in its own language (``ui/messages.py``).
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

from ombud_desktop.errors import OmbudError
from ombud_desktop.formatting import format_number

LANGUAGES = ("id", "en")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@cache
def _table(name: str) -> dict[str, Any]:
    import yaml  # its regular expressions cost the app's start; loaded when a table is read

    path = resources.files("ombud_desktop.resources").joinpath("words", f"{name}.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def error_table() -> dict[str, dict[str, dict[str, str]]]:
    """Return {code: {language: {"text": …, "hint": …}}} for every worded error code."""
    return _table("errors")


def results_table() -> dict[str, dict[str, dict[str, str]]]:
    """Return {section: {key: {language: text}}} (reasons, corrections, deficiencies)."""
    return _table("results")


def placeholders(text: str) -> set[str]:
    """Return the names of the ``{name}`` placeholders of a text."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


class _Filled(dict):  # type: ignore[type-arg]
    """Values for a text; a value the text wants but nobody gave shows as "…", never raises."""

    def __missing__(self, key: str) -> str:
        return "…"


def fill(text: str, values: Mapping[str, Any]) -> str:
    """Return ``text`` with its ``{name}`` placeholders replaced by ``values``."""
    return text.format_map(_Filled({k: _show(v) for k, v in values.items()}))


def _show(value: Any) -> Any:
    if isinstance(value, (list, tuple, set)):
        return ", ".join(str(v) for v in value)
    return value


def _language(language: str) -> str:
    return language if language in LANGUAGES else "en"


# -- errors ---------------------------------------------------------------------------------------


def error_words(
    code: str, language: str, data: Mapping[str, Any] | None = None
) -> tuple[str, str] | None:
    """Return (what is wrong, what to do) for an error code in ``language``, or None if unknown."""
    entry = error_table().get(code)
    if entry is None:
        return None
    words = entry[_language(language)]
    values = data or {}
    return fill(words["text"], values), fill(words.get("hint", ""), values)


def describe_error(error: OmbudError, language: str) -> tuple[str, str]:
    """Return (what is wrong, what to do) for a core error; the core's English if not worded.

    An error raised with only its class's code (no code of its own: the app's own checks) has
    general words; in English its own sentence says more, so that one is shown.
    """
    general = "code" not in vars(error)  # OmbudError sets it on the error only when given
    words = error_words(error.code, language, error.data)
    if words is None or (general and _language(language) == "en"):
        return error.message, error.hint
    return words


def describe_problem(problem: Mapping[str, Any], language: str) -> tuple[str, str]:
    """Return (what is wrong, what to do) for one problem of a package (code, message, member)."""
    code = str(problem.get("code", ""))
    words = error_words(code, language, problem)
    if words is None:
        return str(problem.get("message", code)), ""
    return words


# -- results --------------------------------------------------------------------------------------


def number(value: float, language: str) -> str:
    """Return a number as short as it can be, with a decimal comma in Indonesian (2,5)."""
    return format_number(value, _language(language))


def result_words(section: str, key: str, language: str, **values: Any) -> str:
    """Return one entry of the results table (``section``: reasons, corrections, deficiencies)."""
    return fill(results_table()[section][key][_language(language)], values)


def reason_text(code: str, target: str, data: Mapping[str, Any], language: str) -> str:
    """Return why a locus is provisional (one reason of the scoring) in words."""
    shown = target.replace(":", " ")
    entry = results_table()["reasons"].get(code)
    if entry is None:
        return f"{shown}: {code}"
    return fill(entry[_language(language)], {**data, "target": shown})


def correction_text(
    kind: str, points: float | None, cap: str | None, reason: str, language: str
) -> str:
    """Return a substantive correction of an entity score in words, with its reason."""
    if kind == "points":
        return result_words(
            "corrections", "points", language, points=number(points or 0, language), reason=reason
        )
    return result_words("corrections", "cap", language, grade=cap, reason=reason)


def entity_reason_text(code: str, data: Mapping[str, Any], language: str) -> str:
    """Return why an entity is provisional (an ``EntityReason``) in words."""
    entry = results_table()["entity_reasons"].get(code)
    if entry is None:
        return code
    return fill(entry[_language(language)], data)


def rank_scope_text(kind: str, category: str, provinces: list[str], language: str) -> str:
    """Return what a rank is among ("peringkat nasional (kota)") in words.

    Among more than three provinces the provinces are counted, not listed (a list of 25 names
    is no label); whoever shows it can list them beside it.
    """
    if kind == "provinces" and len(provinces) > 3:
        return result_words(
            "rank_scopes", "provinces_many", language, category=category, count=len(provinces)
        )
    return result_words("rank_scopes", kind, language, category=category, provinces=provinces)


def deficiency_text(key: str, language: str, **values: Any) -> str:
    """Return what must change for an indicator to reach the top level (``key``: products…)."""
    return result_words("deficiencies", key, language, **values)
