"""Ids shown to people: the shortest unique prefix of an id's random part.

Records are keyed by time-ordered UUIDs (version 7): their first 13 hex digits are the time of
creation and the version, the same for every assessment made in the same minute, so the first
characters of the id say nothing. People see and type the random part instead (the hex digits
after the time), cut to the shortest prefix that is unique among the ids shown, never shorter
than ``MIN_SHOWN``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

MIN_SHOWN = 8
_TIME_DIGITS = 13  # 48 bits of milliseconds and the version digit of a UUID 7


def random_part(record_id: str) -> str:
    """Return the hex digits of an id that are random (all of them if it is not a UUID 7)."""
    digits = record_id.replace("-", "").lower()
    if len(digits) == 32 and digits[12] == "7":
        return digits[_TIME_DIGITS:]
    return digits


def short_ids(record_ids: Iterable[str], *, minimum: int = MIN_SHOWN) -> dict[str, str]:
    """Return, for every id, the shortest prefix of its random part unique among ``record_ids``."""
    parts = {record_id: random_part(record_id) for record_id in record_ids}
    ordered = sorted(set(parts.values()))
    needed: dict[str, int] = {}
    for before, after in itertools.pairwise(ordered):
        common = 0
        while common < min(len(before), len(after)) and before[common] == after[common]:
            common += 1
        needed[before] = max(needed.get(before, minimum), common + 1)
        needed[after] = max(needed.get(after, minimum), common + 1)
    return {
        record_id: part[: max(minimum, needed.get(part, minimum))]
        for record_id, part in parts.items()
    }


def short_id(record_id: str) -> str:
    """Return the shown form of one id on its own (the first ``MIN_SHOWN`` random digits)."""
    return random_part(record_id)[:MIN_SHOWN]


def matches(record_id: str, typed: str) -> bool:
    """Return True when ``typed`` is a prefix of the id or of its random part."""
    typed = typed.strip().lower()
    if not typed:
        return False
    return record_id.lower().startswith(typed) or random_part(record_id).startswith(
        typed.replace("-", "")
    )
