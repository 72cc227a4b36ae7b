"""A change's digest is over RFC 8785 of its record, an empty list of resolved heads left out."""

from __future__ import annotations

import hashlib
from types import MappingProxyType
from typing import Any

import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from ombud_desktop.packages.batches import CHANGE_PURPOSE, change_digest

_TEXT = st.text(max_size=10)
_VALUE = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**53) + 1, max_value=2**53 - 1)
    | _TEXT
    | st.lists(_TEXT, max_size=3)
)
_RECORDS = st.fixed_dictionaries(
    {"id": _TEXT, "target": _TEXT, "row_id": _TEXT, "field": _TEXT, "at": _TEXT},
    optional={
        "value": _VALUE,
        "author_nip": st.none() | _TEXT,
        "supersedes": st.none() | _TEXT,
        "merges": st.none() | st.just([]) | st.just("") | st.lists(_TEXT, max_size=3),
    },
)


def _reference(record: Any) -> str:
    body = {key: value for key, value in record.items() if key != "merges" or value}
    return hashlib.sha256(CHANGE_PURPOSE + rfc8785.dumps(body)).hexdigest()


@settings(max_examples=500)
@given(_RECORDS)
def test_digest_as_specified(record: dict[str, Any]) -> None:
    before = dict(record)
    assert change_digest(record) == _reference(record)
    assert change_digest(MappingProxyType(record)) == _reference(record)
    assert record == before  # the record is read, never changed


def test_empty_heads_are_no_heads() -> None:
    record = {"id": "c1", "target": "note", "row_id": "general", "field": "text", "value": "x"}
    assert change_digest({**record, "merges": []}) == change_digest(record)
    assert change_digest({**record, "merges": None}) == change_digest(record)
    assert change_digest({**record, "merges": ["c0"]}) != change_digest(record)
