"""Certificates: roles given by signature, checked offline along a chain to a trusted key."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ombud_desktop.packages.certificates import (
    ASSESSOR,
    NATIONAL,
    SUPERVISOR,
    Certificate,
    CertificateError,
    Revocations,
    Root,
    authority_of,
    issue,
    revoke,
)
from ombud_desktop.packages.keys import fingerprint

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def raw(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


@pytest.fixture
def people() -> dict[str, Any]:
    national, banten, lampung, siti, budi = (Ed25519PrivateKey.generate() for _ in range(5))
    roots = {fingerprint(raw(national)): Root(fingerprint(raw(national)), "Pusat", NATIONAL)}
    sup_banten = issue(
        national, raw(banten), subject_name="Ahmad", role=SUPERVISOR, province="Banten", now=NOW
    )
    sup_lampung = issue(
        national, raw(lampung), subject_name="Rina", role=SUPERVISOR, province="Lampung", now=NOW
    )
    ass_siti = issue(banten, raw(siti), subject_name="Siti", role=ASSESSOR, province=None, now=NOW)
    return {
        "national": national,
        "banten": banten,
        "lampung": lampung,
        "siti": siti,
        "budi": budi,
        "roots": roots,
        "certs": [sup_banten, sup_lampung, ass_siti],
    }


def test_a_chain_gives_role_and_province(people: dict[str, Any]) -> None:
    at = NOW + timedelta(days=1)
    siti = authority_of(raw(people["siti"]), people["certs"], people["roots"], at=at)
    assert siti is not None
    assert (siti.role, siti.province, siti.name) == (ASSESSOR, "Banten", "Siti")
    assert len(siti.chain) == 2
    assert siti.may_answer("Banten")
    assert not siti.may_answer("Lampung")
    assert not siti.may_review("Banten")
    ahmad = authority_of(raw(people["banten"]), people["certs"], people["roots"], at=at)
    assert ahmad is not None
    assert ahmad.may_review("Banten")
    assert not ahmad.may_review("Lampung")
    pusat = authority_of(raw(people["national"]), [], people["roots"], at=at)
    assert pusat is not None
    assert pusat.role == NATIONAL
    assert pusat.may_review("Lampung")
    assert authority_of(raw(people["budi"]), people["certs"], people["roots"], at=at) is None


def test_forged_expired_and_misissued_certificates_give_nothing(people: dict[str, Any]) -> None:
    at = NOW + timedelta(days=1)
    roots = people["roots"]
    # An assessor certifying itself as a supervisor.
    self_made = issue(
        people["siti"],
        raw(people["siti"]),
        subject_name="Siti",
        role=SUPERVISOR,
        province="Banten",
        now=NOW,
    )
    certs = [c for c in people["certs"] if c.subject != fingerprint(raw(people["siti"]))]
    assert authority_of(raw(people["siti"]), [*certs, self_made], roots, at=at) is None
    # A supervisor of Lampung certifying an assessor for Banten.
    cross = issue(
        people["lampung"],
        raw(people["budi"]),
        subject_name="Budi",
        role=ASSESSOR,
        province="Banten",
        now=NOW,
    )
    assert authority_of(raw(people["budi"]), [*people["certs"], cross], roots, at=at) is None
    # A supervisor certifying another supervisor.
    promoted = issue(
        people["banten"],
        raw(people["budi"]),
        subject_name="Budi",
        role=SUPERVISOR,
        province="Banten",
        now=NOW,
    )
    assert authority_of(raw(people["budi"]), [*people["certs"], promoted], roots, at=at) is None
    # A changed name after signing.
    good = people["certs"][2]
    forged = Certificate(**{**good.__dict__, "subject_name": "Kepala Perwakilan"})
    assert not forged.signature_valid()
    assert authority_of(raw(people["siti"]), [*people["certs"][:2], forged], roots, at=at) is None
    # Expired, and not yet valid.
    late = NOW + timedelta(days=500)
    assert authority_of(raw(people["siti"]), people["certs"], roots, at=late) is None
    early = NOW - timedelta(days=1)
    assert authority_of(raw(people["siti"]), people["certs"], roots, at=early) is None


def test_revocation_needs_the_national_key(people: dict[str, Any]) -> None:
    at = NOW + timedelta(days=1)
    siti_cert = people["certs"][2]
    by_supervisor = revoke(people["banten"], [siti_cert.serial], number=1, now=NOW)
    assert (
        authority_of(
            raw(people["siti"]), people["certs"], people["roots"], at=at, revocations=by_supervisor
        )
        is not None
    )
    by_national = revoke(people["national"], [siti_cert.serial], number=1, now=NOW)
    assert (
        authority_of(
            raw(people["siti"]), people["certs"], people["roots"], at=at, revocations=by_national
        )
        is None
    )
    # Revoking the supervisor cuts its assessors off too.
    upper = revoke(people["national"], [people["certs"][0].serial], number=2, now=NOW)
    assert (
        authority_of(
            raw(people["siti"]), people["certs"], people["roots"], at=at, revocations=upper
        )
        is None
    )
    again = Revocations.from_json(json.loads(json.dumps(by_national.to_json())))
    assert again == by_national
    assert again.signature_valid()


def test_a_certificate_round_trips_and_hostile_files_are_refused(people: dict[str, Any]) -> None:
    cert = people["certs"][2]
    assert Certificate.from_bytes(cert.to_bytes()) == cert
    doc = cert.to_json()
    hostile: list[Any] = [
        b"\xff\xfe",
        b"[" * 100_000,
        b'{"format": NaN}',
        b"null",
        b"[]",
    ]
    for data in hostile:
        with pytest.raises(CertificateError):
            Certificate.from_bytes(data)
    mutations = {
        "role": ["national", "pusat", 1, None],
        "province": [1, "", "x" * 500, "Ban\nten"],
        "serial": ["1", 5, "not-a-uuid"],
        "not_before": ["zzz-not-a-date", "2026-13-45T00:00:00Z", 20260101],
        "subject_key": ["AAAA", 1, None],
        "subject_name": ["", None, 7],
    }
    for key, values in mutations.items():
        for value in values:
            bad = json.loads(json.dumps(doc))
            bad["certificate"][key] = value
            with pytest.raises(CertificateError):
                Certificate.from_json(bad)
    extra = json.loads(json.dumps(doc))
    extra["certificate"]["may_approve"] = True
    with pytest.raises(CertificateError):
        Certificate.from_json(extra)
    version = json.loads(json.dumps(doc))
    version["format_version"] = 1.0
    with pytest.raises(CertificateError):
        Certificate.from_json(version)


def test_a_certificate_signature_cannot_be_replayed_from_another_purpose(
    people: dict[str, Any],
) -> None:
    cert = people["certs"][2]
    import rfc8785

    # The issuer's signature over the bare body (as another purpose might sign) does not verify.
    bare = people["banten"].sign(rfc8785.dumps(cert.body()))
    assert not Certificate(**{**cert.__dict__, "signature": bare}).signature_valid()
