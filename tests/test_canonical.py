"""canonical.dumps writes the very bytes rfc8785.dumps writes, or raises where it raises."""

from __future__ import annotations

from typing import Any

import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from ombud_desktop import canonical

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**60), max_value=2**60)
    | st.integers(min_value=-(2**53) - 2, max_value=-(2**53) + 2)
    | st.integers(min_value=2**53 - 2, max_value=2**53 + 2)
    | st.floats()
    | st.text()
    | st.text(st.characters(min_codepoint=0, max_codepoint=0x9F))
    | st.text(st.characters(codec=None))  # surrogates too
)
_KEYS = st.text() | st.text(st.characters(min_codepoint=0xE000, max_codepoint=0x1F600))
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4)
    | st.lists(inner, max_size=4).map(tuple)
    | st.dictionaries(_KEYS, inner, max_size=4),
    max_leaves=20,
)


def _outcome(dump: Any, value: Any) -> tuple[str, Any]:
    try:
        return "bytes", dump(value)
    except rfc8785.CanonicalizationError as exc:
        return "refused", type(exc)


@settings(max_examples=500)
@given(_VALUES)
def test_same_bytes_as_rfc8785(value: Any) -> None:
    assert _outcome(canonical.dumps, value) == _outcome(rfc8785.dumps, value)


@pytest.mark.parametrize(
    "value",
    [
        {"b": 1, "a": [True, None, "x\u2028\x7f\x1f\"\\\n"], "é": {}, "\ue000": 0, "\U0001f600": 1},
        {"changes": [["id", "0" * 64]], "signed_at": "2026-01-01T00:00:00Z"},
        2**53 - 1,
        -(2**53) + 1,
    ],
)
def test_examples(value: Any) -> None:
    assert canonical.dumps(value) == rfc8785.dumps(value)


def test_what_rfc8785_refuses_is_refused() -> None:
    for bad in (2**53, float("nan"), "\ud800", {1: "x"}):
        with pytest.raises((rfc8785.CanonicalizationError, TypeError, AttributeError)):
            canonical.dumps(bad)


_RECORD_KEYS = (
    "id",
    "assessment_id",
    "target",
    "row_id",
    "field",
    "value",
    "author",
    "author_nip",
    "device_id",
    "at",
    "supersedes",
    "merges",
)


@settings(max_examples=1000)
@given(
    st.fixed_dictionaries(
        {},
        optional={key: _VALUES for key in _RECORD_KEYS}
        | {"\U0001f600": _SCALARS, "é": _SCALARS, "": _SCALARS},
    )
)
def test_change_records_same_bytes(record: dict[str, Any]) -> None:
    # The shape canonical.dumps meets a million times in a merge: flat, mostly leaves.
    assert _outcome(canonical.dumps, record) == _outcome(rfc8785.dumps, record)


@settings(max_examples=200)
@given(_VALUES)
def test_without_the_c_encoder_same_bytes(value: Any) -> None:
    # A Python built without the C accelerator writes with JSONEncoder.encode.
    saved = canonical._C_ENCODE
    canonical._C_ENCODE = None
    try:
        assert _outcome(canonical.dumps, value) == _outcome(rfc8785.dumps, value)
    finally:
        canonical._C_ENCODE = saved
