"""Change.from_json makes the very change its constructor makes, and to_json gives it back."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ombud_desktop.storage.changes import Change

_TEXT = st.text(max_size=12)
_VALUE = st.none() | st.booleans() | st.integers() | _TEXT | st.lists(_TEXT, max_size=3)
_RECORDS = st.fixed_dictionaries(
    {
        "id": _TEXT,
        "target": _TEXT,
        "row_id": _TEXT,
        "field": _TEXT,
        "author": _TEXT,
        "device_id": _TEXT,
        "at": _TEXT,
    },
    optional={
        "value": _VALUE,
        "author_nip": st.none() | _TEXT,
        "supersedes": st.none() | _TEXT,
        "merges": st.none() | st.lists(_TEXT, max_size=3),
    },
)


def _by_constructor(assessment_id: str, record: dict[str, Any]) -> Change:
    return Change(
        id=record["id"],
        assessment_id=assessment_id,
        target=record["target"],
        row_id=record["row_id"],
        field=record["field"],
        value=record.get("value"),
        author=record["author"],
        author_nip=record.get("author_nip"),
        device_id=record["device_id"],
        at=record["at"],
        supersedes=record.get("supersedes"),
        merges=tuple(record.get("merges") or ()),
    )


@settings(max_examples=300)
@given(_TEXT, _RECORDS)
def test_from_json_is_the_constructor(assessment_id: str, record: dict[str, Any]) -> None:
    made = Change.from_json(assessment_id, record)
    built = _by_constructor(assessment_id, record)
    assert made == built
    assert repr(made) == repr(built)
    assert vars(made) == vars(built)
    assert list(vars(made)) == [f.name for f in dataclasses.fields(Change)]
    assert made.to_json() == built.to_json()
    assert Change.from_json(assessment_id, made.to_json()) == made


def test_from_json_keeps_the_change_frozen() -> None:
    made = Change.from_json(
        "a", {k: "x" for k in ("id", "target", "row_id", "field", "author", "device_id", "at")}
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.value = 1  # type: ignore[misc]


def test_change_has_nothing_from_json_would_skip() -> None:
    # from_json fills the instance's __dict__ itself: a __post_init__ or slots would be skipped.
    assert not hasattr(Change, "__post_init__")
    assert not hasattr(Change, "__slots__")
    assert all(
        f.init and f.default_factory is dataclasses.MISSING for f in dataclasses.fields(Change)
    )
