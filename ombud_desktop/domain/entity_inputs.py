"""The content of the per-entity input records of the 2025 model, and the rule each value keeps.

Three record kinds (domain/records.py) carry what a supervisor states about an entity besides
its loci (METHODOLOGY §7):

- ``trust``: ``{"score": 0–100, "respondents": a positive whole number, "source": text}``, the
  public-trust survey's result, imported from the Ombudsman's file (source: its name and
  sha256);
- ``secondary``: ``{"code": an indicator code, "value": 0–100, "source": text, "as_of": ISO
  date}``, one secondary-data figure (BPS, KemenPANRB, ...) with where and when it comes from;
- ``products``: ``{"followed": true|false, "note": text, may be empty}``, whether the entity
  followed up the Ombudsman's products (LAHP corrective actions, recommendations).

:func:`input_problem` is the one check of a content, used where a supervisor types it and where
a package brings it, so nobody keeps what no other workspace would accept.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ombud_desktop.domain.records import PRODUCTS, SECONDARY, TRUST

MAX_SOURCE = 300
MAX_NOTE = 500
MAX_RESPONDENTS = 10_000_000
EARLIEST_AS_OF = date(2000, 1, 1)
CODE = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,39}$")


def is_number(value: Any) -> bool:
    """Return True for an int or float that is not a bool, NaN or infinite."""
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and value == value  # NaN is not equal to itself
        and abs(value) != float("inf")
    )


def is_score(value: Any) -> bool:
    """Return True for a number from 0 to 100."""
    return is_number(value) and 0 <= value <= 100


def is_respondents(value: Any) -> bool:
    """Return True for a whole number of respondents from 1 to :data:`MAX_RESPONDENTS`."""
    return (
        isinstance(value, int)
        and not isinstance(value, bool)
        and 0 < value <= MAX_RESPONDENTS
    )


def parse_as_of(value: Any) -> date | None:
    """Return the date an ``as_of`` text (YYYY-MM-DD) names, or None when it is not one."""
    if not isinstance(value, str) or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return None
    try:
        found = date.fromisoformat(value)
    except ValueError:
        return None
    return found if found >= EARLIEST_AS_OF else None


def _text(value: Any, limit: int, *, empty: bool = False) -> bool:
    if not isinstance(value, str) or len(value) > limit:
        return False
    return empty or bool(value.strip())


def input_problem(kind: str, content: Any) -> str | None:
    """Return what is wrong with an input record's content (in words), or None when it is sound.

    Dates are checked for form here; that a date is not after its record was signed is checked
    where the signing time is known.
    """
    if kind == TRUST:
        if not isinstance(content, dict) or set(content) != {"score", "respondents", "source"}:
            return "its trust fields are wrong"
        if not is_score(content["score"]):
            return "a trust score is from 0 to 100"
        if not is_respondents(content["respondents"]):
            return f"respondents are a whole number from 1 to {MAX_RESPONDENTS}"
        if not _text(content["source"], MAX_SOURCE):
            return f"its source is empty or longer than {MAX_SOURCE} characters"
        return None
    if kind == SECONDARY:
        if not isinstance(content, dict) or set(content) != {"code", "value", "source", "as_of"}:
            return "its secondary-data fields are wrong"
        if not isinstance(content["code"], str) or not CODE.match(content["code"]):
            return "its indicator code is malformed"
        if not is_score(content["value"]):
            return "a secondary-data value is from 0 to 100"
        if not _text(content["source"], MAX_SOURCE):
            return f"its source is empty or longer than {MAX_SOURCE} characters"
        if parse_as_of(content["as_of"]) is None:
            return f"its date is not a date (YYYY-MM-DD) since {EARLIEST_AS_OF.isoformat()}"
        return None
    if kind == PRODUCTS:
        if not isinstance(content, dict) or set(content) != {"followed", "note"}:
            return "its products-followed fields are wrong"
        if not isinstance(content["followed"], bool):
            return "products followed is yes or no"
        if not _text(content["note"], MAX_NOTE, empty=True):
            return f"its note is longer than {MAX_NOTE} characters"
        return None
    return f"{kind!r} is not an input record"
