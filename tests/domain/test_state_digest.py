"""The state digest's direct spelling is byte for byte the RFC 8785 form it replaces."""

from __future__ import annotations

import hashlib
import uuid

import rfc8785
from hypothesis import given
from hypothesis import strategies as st

from ombud_desktop.domain.state_digest import STATE_DIGEST_PURPOSE, state_digest


def reference(change_ids: list[str]) -> str:
    """Return the digest as first defined: SHA-256 of rfc8785 of the body."""
    body = {"purpose": STATE_DIGEST_PURPOSE, "changes": sorted(set(change_ids))}
    return hashlib.sha256(rfc8785.dumps(body)).hexdigest()


@given(st.lists(st.text(max_size=12), max_size=8))
def test_any_ids_give_the_rfc8785_digest(ids: list[str]) -> None:
    assert state_digest(ids) == reference(ids)


@given(st.lists(st.sampled_from(['a', '"', "\\", "\n", "a\nb", '","', "é", "\x1f", "", " "]),
                max_size=6))
def test_ids_with_characters_json_escapes(ids: list[str]) -> None:
    assert state_digest(ids) == reference(ids)


def test_app_change_ids_and_the_empty_state() -> None:
    ids = [str(uuid.uuid4()) for _ in range(300)]
    assert state_digest(ids) == reference(ids)
    assert state_digest(reversed(ids)) == state_digest(ids)
    assert state_digest([]) == reference([])
    assert state_digest(['a","b']) != state_digest(["a", "b"])
