"""The change log: every edit of an assessment as an append-only record, and how it is applied.

A *cell* is one field of one row: ``(assessment_id, target, row_id, field)``. Each change names
the change it supersedes: the newest change of that cell this device knew when it wrote. Two
devices that edit the same cell from the same starting point produce two changes with the same
``supersedes``: a conflict a merge can see and resolve, with neither edit lost.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ombud_desktop.domain.assessment import SERVICE_USER_PROFILE

# target -> (table, key columns, columns a change may set, columns holding JSON)
TARGETS: dict[str, tuple[str, tuple[str, ...], frozenset[str], frozenset[str]]] = {
    "assessment": (
        "assessments",
        ("id",),
        frozenset(
            {
                "instrument_id",
                "instrument_hash",
                "locus_id",
                "period_id",
                "status",
                "visit_date",
                "team",
                "products",
                "products_reason",
                "reopen_reason",
                "instrument_reason",
                "deleted_at",
                "created_at",
                "review_status",
                "review_comment",
                "set_aside_for",  # a duplicate set aside for the assessment of this id
            }
        ),
        frozenset({"team", "products"}),
    ),
    "respondent": (
        "respondents",
        ("id",),
        frozenset(
            {
                "kind",
                "role",
                "number",
                "name",
                "position",
                "nip",
                "phone",
                "present",
                "absent_reason",
                "consent",
                "callback_consent",
                "deleted_at",
                *SERVICE_USER_PROFILE,
            }
        ),
        frozenset(),
    ),
    "response": (
        "responses",
        ("key",),
        frozenset({"value", "na_reason", "follow_up"}),
        frozenset({"value"}),
    ),
    "evidence": (
        "evidence",
        ("id",),
        frozenset(
            {
                "sha256",
                "filename",
                "media_type",
                "size",
                "taken_at",
                "taken_offset",
                "latitude",
                "longitude",
                "indicator",
                "product",
                "deleted_at",
            }
        ),
        frozenset(),
    ),
    "note": ("notes", ("key",), frozenset({"text"}), frozenset()),
    "review_comment": (
        "review_comments",
        ("id",),
        frozenset({"indicator", "text", "deleted_at"}),
        frozenset(),
    ),
    # A review comment closed (its own row, made once): see storage/review.py.
    "comment_closing": (
        "comment_closings",
        ("id",),
        frozenset({"comment_id", "note"}),
        frozenset(),
    ),
}

# Fields that hold personal data of respondents (UU 27/2022): never logged, protected in packages.
PERSONAL_FIELDS = frozenset(
    {("respondent", "name"), ("respondent", "nip"), ("respondent", "phone")}
)


@dataclass(frozen=True)
class Edit:
    """A requested change of one cell, before it is stamped and written."""

    target: str
    row_id: str
    field: str
    value: Any

    def check(self) -> None:
        """Raise ValueError if the target or field is not one the store knows."""
        if self.target not in TARGETS:
            raise ValueError(f"unknown change target {self.target!r}")
        if self.field not in TARGETS[self.target][2]:
            raise ValueError(f"{self.target} has no field {self.field!r}")


_new = object.__new__


@dataclass(frozen=True)
class Change:
    """One record of the append-only change log."""

    id: str
    assessment_id: str
    target: str
    row_id: str
    field: str
    value: Any
    author: str
    author_nip: str | None
    device_id: str
    at: str
    supersedes: str | None
    # Further heads this change supersedes: a change that resolves a conflict replaces all.
    merges: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, assessment_id: str, record: dict[str, Any]) -> Change:
        """Return the change a record of :meth:`to_json`'s form describes (already checked)."""
        # Filled as __init__ would fill it, without its twelve frozen setattr calls (a merge
        # reads a million records): Change has no __post_init__ and no slots, and
        # tests/storage/test_change_records.py holds it to the constructor.
        change = _new(cls)
        get = record.get
        change.__dict__.update(
            id=record["id"],
            assessment_id=assessment_id,
            target=record["target"],
            row_id=record["row_id"],
            field=record["field"],
            value=get("value"),
            author=record["author"],
            author_nip=get("author_nip"),
            device_id=record["device_id"],
            at=record["at"],
            supersedes=get("supersedes"),
            merges=tuple(get("merges") or ()),  # "merges": null means none
        )
        return change

    def to_json(self) -> dict[str, Any]:
        """Return the change as JSON data (the form packages carry)."""
        data = {
            "id": self.id,
            "assessment_id": self.assessment_id,
            "target": self.target,
            "row_id": self.row_id,
            "field": self.field,
            "value": self.value,
            "author": self.author,
            "author_nip": self.author_nip,
            "device_id": self.device_id,
            "at": self.at,
            "supersedes": self.supersedes,
        }
        if self.merges:
            data["merges"] = list(self.merges)
        return data


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def encode_value(value: Any) -> str:
    """Encode a change value for the log (JSON, UTF-8 kept readable)."""
    if type(value) is int:
        return str(value)  # the commonest value (a 0–3 level), and the same text as JSON's
    return _ENCODER.encode(value)


def value_key(value: Any) -> str:
    """Return a value as canonical text, to tell whether two changes set the same value."""
    return canonical_text(encode_value(value))


def canonical_text(text: str | None) -> str:
    """Return text written by :func:`encode_value` in canonical form (keys of objects sorted)."""
    if text is None:
        return "null"
    if "{" in text:  # only an object's key order can differ between equal values
        return json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"),
                          sort_keys=True)
    return text


def decode_value(text: str | None) -> Any:
    """Decode a value written by :func:`encode_value`."""
    return None if text is None else json.loads(text)


def response_key_parts(key: str) -> dict[str, Any]:
    """Split a response key into its indexed columns.

    Keys: ``IN07`` (a rating or sub-item), ``IN02@R1`` (a role's rating), ``IN01@R1`` (a
    role's free-recall ticks), ``PR01@P1.manual`` (display of product 1 in one channel),
    ``OUT01@<respondent id>`` (a service user's answer).
    """
    indicator, _, rest = key.partition("@")
    parts: dict[str, Any] = {
        "indicator": indicator,
        "respondent_id": None,
        "role": None,
        "product": None,
        "channel": None,
    }
    if not rest:
        return parts
    if rest.startswith("P") and "." in rest and rest[1:].split(".")[0].isdigit():
        number, _, channel = rest[1:].partition(".")
        parts["product"] = int(number)
        parts["channel"] = channel
    elif len(rest) <= 3 and rest.startswith("R"):
        parts["role"] = rest
    else:
        parts["respondent_id"] = rest
    return parts
