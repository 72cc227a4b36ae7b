"""check_change and CellRules.response_value as they were before issue 19's reading work.

Kept verbatim (the rest of admission.py they call is unchanged) so that
test_admission_same.py can hold the faster forms to them on generated records.
"""

# ruff: noqa
from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ombud_desktop.instruments.model import (
    DisplayIndicator,
    RatingIndicator,
    RoleInterviewIndicator,
    ServiceUserIndicator,
    SubItem,
)
from ombud_desktop.packages.admission import (
    _ID,
    CLOCK_TOLERANCE,
    EARLIEST,
    MAX_LIST,
    MAX_NUMBER,
    SERVICE_USER,
    SHORT_TEXT,
    CellRules,
    Refusal,
    _row_problem,
    _text,
    _value_problem,
    parse_time,
)
from ombud_desktop.storage.changes import TARGETS, response_key_parts


def response_value(self: CellRules, key: str, value: Any, *, respondents: Mapping[str, str]) -> str | None:
    """Check the value of response ``key`` (``IN07``, ``IN02@R1``, ``PR01@P1.manual``...)."""
    parts = response_key_parts(key)
    found = self.find(parts["indicator"])
    if found is None:
        return f"{parts['indicator']} is not an indicator of {self.instrument.id}"
    if isinstance(found, RatingIndicator | SubItem):
        if key != parts["indicator"]:
            return f"{key} is not a cell of {parts['indicator']}"
        return self._level(value)
    if isinstance(found, RoleInterviewIndicator):
        if parts["role"] not in self.roles:
            return f"{key}: no such role"
        if found.recall is None:
            return self._level(value)
        known = [item.code for item in found.recall.items]
        if value is None:
            return None
        if not isinstance(value, list) or any(
            not isinstance(v, str) or v not in known for v in value
        ):
            return f"{key}: the ticks must be items of {known}"
        if len(set(value)) != len(value):
            return f"{key}: an item is ticked twice"
        return None
    if isinstance(found, DisplayIndicator):
        product, channel = parts["product"], parts["channel"]
        if channel not in self.channels or product is None or not 1 <= product <= MAX_NUMBER:
            return f"{key}: no such product and channel"
        if value is not None and (not isinstance(value, str) or value not in self.statuses):
            return f"{key}: {value!r} is not a display status"
        return None
    if isinstance(found, ServiceUserIndicator):
        respondent = parts["respondent_id"]
        if respondents.get(respondent) != SERVICE_USER:
            return f"{key}: the service user is not one of this assessment"
        if value is not None and (not isinstance(value, str) or value not in self.answers):
            return f"{key}: {value!r} is not an answer ({sorted(self.answers)})"
        return None
    return f"{key}: {parts['indicator']} is not answered directly"


def check_change(  # noqa: C901 - verbatim
    record: Mapping[str, Any],
    *,
    assessment_id: str,
    rules: CellRules,
    signed_at: datetime,
    respondents: Mapping[str, str],
    foreign_rows: Mapping[tuple[str, str], str] | None = None,
) -> Refusal | None:
    """Return why one change record of ``assessment_id`` cannot be admitted, or None.

    ``respondents`` maps this assessment's respondent ids (known here or created by the same
    package) to their kind; ``foreign_rows`` maps (target, row id) of rows that belong to
    another assessment of this workspace to that assessment: a change may never touch them.
    """
    change_id = record.get("id")
    if not isinstance(change_id, str) or not _ID.match(change_id):
        return Refusal("change_id", "the change id is missing or malformed")
    target, row_id, field = record.get("target"), record.get("row_id"), record.get("field")
    if not isinstance(target, str) or target not in TARGETS:
        return Refusal("change_cell", "the cell is missing or malformed", change_id)
    if not isinstance(row_id, str) or not isinstance(field, str):
        return Refusal("change_cell", "the cell is missing or malformed", change_id)
    cell = f"{target}.{row_id}.{field}"
    if field not in TARGETS[target][2]:
        return Refusal("change_cell", f"{target} has no field {field!r}", change_id, cell)
    for key in ("author", "device_id"):
        problem = _text(record.get(key), SHORT_TEXT, optional=False)
        if problem:
            return Refusal("change_author", f"{key} {problem}", change_id, cell)
    problem = _text(record.get("author_nip"), 40)
    if problem:
        return Refusal("change_author", f"author_nip {problem}", change_id, cell)
    at = parse_time(record.get("at"))
    if at is None:
        return Refusal(
            "change_time", f"{record.get('at')!r} is not a UTC time stamp", change_id, cell
        )
    if at > signed_at + CLOCK_TOLERANCE:
        return Refusal("change_time", "it is dated after the package was signed", change_id, cell)
    if at < EARLIEST:
        return Refusal("change_time", "it is dated before any assessment", change_id, cell)
    supersedes = record.get("supersedes")
    if supersedes is not None and (not isinstance(supersedes, str) or not _ID.match(supersedes)):
        return Refusal("change_link", "its predecessor is malformed", change_id, cell)
    merges = record.get("merges", [])
    if (
        not isinstance(merges, list)
        or len(merges) > MAX_LIST
        or any(not isinstance(m, str) or not _ID.match(m) for m in merges)
    ):
        return Refusal("change_link", "its list of resolved heads is malformed", change_id, cell)
    if change_id == supersedes or change_id in merges:
        return Refusal("change_link", "it supersedes itself", change_id, cell)
    owner = (foreign_rows or {}).get((target, row_id))
    if owner is not None and owner != assessment_id:
        return Refusal("change_row", "the row belongs to another assessment", change_id, cell)
    problem = _row_problem(target, row_id, assessment_id, rules, respondents)
    if problem is None:
        problem = _value(target, row_id, field, record.get("value"), rules, respondents)
    if problem:
        return Refusal("change_value", problem, change_id, cell)
    return None


def _value(
    target: str, row_id: str, field: str, value: Any, rules: CellRules, respondents: Any
) -> str | None:
    if target == "response" and field == "value":
        return response_value(rules, row_id, value, respondents=respondents)
    return _value_problem(target, row_id, field, value, rules, respondents)
