"""Signed batches bind each change to its author's key, and survive forwarding untouched."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ombud_desktop.packages.batches import Batch, BatchError, change_digest, sign_batch

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
RECORDS = [
    {"id": f"0190f000-0000-7000-8000-00000000000{n}", "assessment_id": "A", "target": "response",
     "row_id": "IN07", "field": "value", "value": n % 4, "author": "Siti", "author_nip": None,
     "device_id": "d1", "at": "2026-03-01T07:00:00.000000Z", "supersedes": None}
    for n in range(3)
]


def test_a_batch_round_trips_and_names_its_author() -> None:
    siti = Ed25519PrivateKey.generate()
    batch = sign_batch(siti, "A", RECORDS, now=NOW)
    again = Batch.from_json(json.loads(json.dumps(batch.to_json())))
    assert again == batch
    assert again.signature_valid()
    assert again.digests() == {r["id"]: change_digest(r) for r in RECORDS}
    assert again.id == batch.id


def test_a_changed_value_or_body_no_longer_matches() -> None:
    siti, budi = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    batch = sign_batch(siti, "A", RECORDS, now=NOW)
    forged = copy.deepcopy(RECORDS[0]) | {"value": 3}
    assert batch.digests()[forged["id"]] != change_digest(forged)
    doc = batch.to_json()
    doc["batch"]["assessment_id"] = "B"  # the same changes claimed for another assessment
    assert not Batch.from_json(doc).signature_valid()
    # Budi cannot present his batch as Siti's.
    theirs = sign_batch(budi, "A", RECORDS, now=NOW).to_json()
    theirs["batch"]["author_key"] = batch.to_json()["batch"]["author_key"]
    assert not Batch.from_json(theirs).signature_valid()


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.pop("signature"),
        lambda d: d["batch"].update(signed_at="zzz-not-a-date"),
        lambda d: d["batch"].update(changes=[]),
        lambda d: d["batch"].update(changes=[["x", "0" * 63]]),
        lambda d: d["batch"]["changes"].reverse(),
        lambda d: d["batch"].update(changes=d["batch"]["changes"] * 2),
        lambda d: d["batch"].update(author_key="AAAA"),
        lambda d: d.update(signature=12),
        lambda d: d["batch"].update(extra=True),
        lambda d: d["batch"].update(assessment_id=["A"]),
    ],
)
def test_malformed_batches_are_refused(mutate: Any) -> None:
    doc = sign_batch(Ed25519PrivateKey.generate(), "A", RECORDS, now=NOW).to_json()
    mutate(doc)
    with pytest.raises(BatchError):
        Batch.from_json(doc)


def test_a_batch_never_lets_a_name_be_guessed_from_its_digest() -> None:
    """Batches travel readable: the digest of a personal field does not depend on its value."""
    from ombud_desktop.packages.authority import batch_digest

    name = RECORDS[0] | {"target": "respondent", "row_id": "r1", "field": "name"}
    assert batch_digest(name | {"value": "Dewi Lestari"}) == batch_digest(name | {"value": "Budi"})
    rating = RECORDS[0]
    assert batch_digest(rating | {"value": 1}) != batch_digest(rating | {"value": 2})
