"""Certificates: who a key belongs to and what it may do, checked offline.

Roles are given by signature, not by a setting. The national office (pusat) has one key that
every workspace trusts by comparing its digits; it certifies the keys of the supervisors of each
province; a supervisor certifies the keys of the assessors of its team, in its own province. A
certificate is the RFC 8785 canonical JSON of its body, signed with Ed25519 under a purpose tag
(so a signature made for a package or a batch can never be replayed as a certificate):

    body = {subject_key, subject_name, role, province, issuer_key, serial, not_before, not_after}
    signature = Ed25519(issuer, CERTIFICATE_PURPOSE + rfc8785(body))

A revocation list is a numbered, signed list of serials from the national key; a list with a
higher number replaces a lower one. ``authority_of`` follows a key's chain of certificates to a
key this workspace trusts and returns what the key may do, or None when no valid chain exists.
Everything read here is input: every field is checked for type, length and form, and every
refusal is a ``CertificateError`` with a code.
"""

from __future__ import annotations

import base64
import json
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import rfc8785
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ombud_desktop.errors import OmbudError
from ombud_desktop.packages.keys import fingerprint

CERTIFICATE_FORMAT = "ombud-certificate"
REVOCATIONS_FORMAT = "ombud-revocations"
FORMAT_VERSION = 1
CERTIFICATE_PURPOSE = b"ombud-desktop/certificate/v1\x00"
REVOCATIONS_PURPOSE = b"ombud-desktop/revocations/v1\x00"

NATIONAL = "national"
SUPERVISOR = "supervisor"
ASSESSOR = "assessor"
ROLES = (NATIONAL, SUPERVISOR, ASSESSOR)
# Who may certify whom: a certificate's role -> the roles its issuer may have.
ISSUERS = {SUPERVISOR: (NATIONAL,), ASSESSOR: (NATIONAL, SUPERVISOR)}
DEFAULT_DAYS = 400  # one assessment year and its review, with a margin
MAX_CHAIN = 3  # national -> supervisor -> assessor
MAX_NAME = 200
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\Z", re.ASCII)
_BODY_FIELDS = (
    "subject_key",
    "subject_name",
    "role",
    "province",
    "issuer_key",
    "serial",
    "not_before",
    "not_after",
)


class CertificateError(OmbudError):
    """A certificate or revocation list is malformed, forged or not usable."""

    code = "certificate_invalid"


def stamp(moment: datetime) -> str:
    """Return ``moment`` as the ISO 8601 UTC text every signed record uses."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_stamp(text: Any, *, what: str) -> datetime:
    """Parse an ISO 8601 UTC stamp (``2026-01-31T08:00:00Z``), refusing anything else."""
    if not isinstance(text, str) or not _STAMP.match(text):
        raise CertificateError(
            f"{what}: {text!r} is not a UTC time stamp", code="certificate_field"
        )
    try:
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        raise CertificateError(
            f"{what}: {text!r} is not a real date and time", code="certificate_field"
        ) from None


def _raw_public(private: Ed25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )


def _key(text: Any, *, what: str) -> bytes:
    if not isinstance(text, str) or len(text) != 44:
        raise CertificateError(f"{what} is not an Ed25519 public key", code="certificate_field")
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
        Ed25519PublicKey.from_public_bytes(raw)
    except (ValueError, UnicodeEncodeError):
        raise CertificateError(
            f"{what} is not an Ed25519 public key", code="certificate_field"
        ) from None
    return raw


def _text(value: Any, *, what: str, empty: bool = False) -> str:
    if not isinstance(value, str) or len(value) > MAX_NAME or (not empty and not value.strip()):
        raise CertificateError(
            f"{what} must be a text of 1–{MAX_NAME} characters", code="certificate_field"
        )
    if any(ord(ch) < 32 for ch in value):
        raise CertificateError(f"{what} holds control characters", code="certificate_field")
    return value


@dataclass(frozen=True)
class Certificate:
    """One signed statement: this key belongs to this person, in this role and province."""

    subject_key: bytes
    subject_name: str
    role: str
    province: str | None
    issuer_key: bytes
    serial: str
    not_before: str
    not_after: str
    signature: bytes = field(repr=False)

    @property
    def subject(self) -> str:
        """Return the subject key's fingerprint."""
        return fingerprint(self.subject_key)

    @property
    def issuer(self) -> str:
        """Return the issuer key's fingerprint."""
        return fingerprint(self.issuer_key)

    def body(self) -> dict[str, Any]:
        """Return the signed body as JSON data."""
        return {
            "subject_key": base64.b64encode(self.subject_key).decode("ascii"),
            "subject_name": self.subject_name,
            "role": self.role,
            "province": self.province,
            "issuer_key": base64.b64encode(self.issuer_key).decode("ascii"),
            "serial": self.serial,
            "not_before": self.not_before,
            "not_after": self.not_after,
        }

    def signed_bytes(self) -> bytes:
        """Return the exact bytes the issuer signed."""
        return CERTIFICATE_PURPOSE + rfc8785.dumps(self.body())

    def to_json(self) -> dict[str, Any]:
        """Return the certificate as it travels (in a file or a package manifest)."""
        return {
            "format": CERTIFICATE_FORMAT,
            "format_version": FORMAT_VERSION,
            "certificate": self.body(),
            "signature": base64.b64encode(self.signature).decode("ascii"),
        }

    def to_bytes(self) -> bytes:
        """Return the certificate file's bytes."""
        return (json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n").encode()

    def signature_valid(self) -> bool:
        """Return True when the issuer key signed exactly this body."""
        try:
            Ed25519PublicKey.from_public_bytes(self.issuer_key).verify(
                self.signature, self.signed_bytes()
            )
        except (InvalidSignature, ValueError):
            return False
        return True

    def valid_at(self, moment: datetime) -> bool:
        """Return True when ``moment`` lies within the certificate's validity."""
        start = parse_stamp(self.not_before, what="not_before")
        end = parse_stamp(self.not_after, what="not_after")
        return start <= moment <= end

    @classmethod
    def from_json(cls, doc: Any, *, name: str = "the certificate") -> Certificate:
        """Read a certificate, checking the form of every field (not yet its chain)."""
        if not isinstance(doc, dict) or doc.get("format") != CERTIFICATE_FORMAT:
            raise CertificateError(
                f"{name} is not an Ombud certificate", code="certificate_invalid"
            )
        if (
            doc.get("format_version") != FORMAT_VERSION
            or type(doc.get("format_version")) is not int
        ):
            raise CertificateError(
                f"{name} has certificate version {doc.get('format_version')!r}; this version "
                f"reads {FORMAT_VERSION}",
                code="certificate_version",
            )
        if set(doc) != {"format", "format_version", "certificate", "signature"}:
            raise CertificateError(
                f"{name} has unknown or missing fields", code="certificate_invalid"
            )
        body = doc["certificate"]
        if not isinstance(body, dict) or set(body) != set(_BODY_FIELDS):
            raise CertificateError(
                f"{name}: the body's fields are wrong", code="certificate_invalid"
            )
        role = body["role"]
        if role not in (SUPERVISOR, ASSESSOR):
            raise CertificateError(
                f"{name}: role {role!r} cannot be certified", code="certificate_field"
            )
        province = body["province"]
        if province is not None:
            province = _text(province, what=f"{name}: province")
        if role == SUPERVISOR and province is None:
            raise CertificateError(
                f"{name}: a supervisor needs a province", code="certificate_field"
            )
        serial = body["serial"]
        try:
            if not isinstance(serial, str) or str(uuid.UUID(serial)) != serial:
                raise ValueError
        except ValueError:
            raise CertificateError(
                f"{name}: serial is not a UUID", code="certificate_field"
            ) from None
        parse_stamp(body["not_before"], what=f"{name}: not_before")
        parse_stamp(body["not_after"], what=f"{name}: not_after")
        signature_text = doc["signature"]
        try:
            if not isinstance(signature_text, str):
                raise ValueError
            signature = base64.b64decode(signature_text.encode("ascii"), validate=True)
        except (ValueError, UnicodeEncodeError):
            raise CertificateError(
                f"{name}: the signature is not base64", code="certificate_field"
            ) from None
        if len(signature) != 64:
            raise CertificateError(
                f"{name}: the signature has the wrong length", code="certificate_field"
            )
        return cls(
            subject_key=_key(body["subject_key"], what=f"{name}: subject_key"),
            subject_name=_text(body["subject_name"], what=f"{name}: subject_name"),
            role=role,
            province=province,
            issuer_key=_key(body["issuer_key"], what=f"{name}: issuer_key"),
            serial=serial,
            not_before=body["not_before"],
            not_after=body["not_after"],
            signature=signature,
        )

    @classmethod
    def from_bytes(cls, data: bytes, *, name: str = "the certificate") -> Certificate:
        """Read a certificate file's bytes."""
        try:
            doc = json.loads(data.decode("utf-8"), parse_constant=_no_constant)
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise CertificateError(
                f"{name} is not an Ombud certificate", code="certificate_invalid"
            ) from None
        return cls.from_json(doc, name=name)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def issue(
    issuer: Ed25519PrivateKey,
    subject_key: bytes,
    *,
    subject_name: str,
    role: str,
    province: str | None,
    days: int = DEFAULT_DAYS,
    now: datetime | None = None,
) -> Certificate:
    """Sign a certificate for ``subject_key`` with the issuer's key."""
    if role not in ISSUERS:
        raise CertificateError(f"role {role!r} cannot be certified", code="certificate_field")
    if role == SUPERVISOR and not (province or "").strip():
        raise CertificateError(
            "a supervisor's certificate needs a province", code="certificate_field"
        )
    Ed25519PublicKey.from_public_bytes(subject_key)
    start = (now or datetime.now(UTC)).replace(microsecond=0)
    unsigned = Certificate(
        subject_key=subject_key,
        subject_name=_text(subject_name.strip(), what="subject_name"),
        role=role,
        province=province.strip() if province else None,
        issuer_key=_raw_public(issuer),
        serial=str(uuid.uuid4()),
        not_before=stamp(start),
        not_after=stamp(start + timedelta(days=days)),
        signature=b"",
    )
    signature = issuer.sign(unsigned.signed_bytes())
    return Certificate(**{**unsigned.__dict__, "signature": signature})


@dataclass(frozen=True)
class Revocations:
    """A numbered list of revoked certificate serials, signed by the national key."""

    number: int
    issuer_key: bytes
    serials: frozenset[str]
    issued_at: str
    signature: bytes = field(repr=False)

    def body(self) -> dict[str, Any]:
        """Return the signed body as JSON data."""
        return {
            "number": self.number,
            "issuer_key": base64.b64encode(self.issuer_key).decode("ascii"),
            "serials": sorted(self.serials),
            "issued_at": self.issued_at,
        }

    def signature_valid(self) -> bool:
        """Return True when the issuer key signed exactly this list."""
        try:
            Ed25519PublicKey.from_public_bytes(self.issuer_key).verify(
                self.signature, REVOCATIONS_PURPOSE + rfc8785.dumps(self.body())
            )
        except (InvalidSignature, ValueError):
            return False
        return True

    def to_json(self) -> dict[str, Any]:
        """Return the list as it travels."""
        return {
            "format": REVOCATIONS_FORMAT,
            "format_version": FORMAT_VERSION,
            "revocations": self.body(),
            "signature": base64.b64encode(self.signature).decode("ascii"),
        }

    @classmethod
    def from_json(cls, doc: Any, *, name: str = "the revocation list") -> Revocations:
        """Read a revocation list, checking the form of every field."""
        if (
            not isinstance(doc, dict)
            or doc.get("format") != REVOCATIONS_FORMAT
            or type(doc.get("format_version")) is not int
            or doc.get("format_version") != FORMAT_VERSION
            or set(doc) != {"format", "format_version", "revocations", "signature"}
        ):
            raise CertificateError(
                f"{name} is not an Ombud revocation list", code="certificate_invalid"
            )
        body = doc["revocations"]
        if not isinstance(body, dict) or set(body) != {
            "number",
            "issuer_key",
            "serials",
            "issued_at",
        }:
            raise CertificateError(
                f"{name}: the body's fields are wrong", code="certificate_invalid"
            )
        number = body["number"]
        if type(number) is not int or not 0 < number < 2**31:
            raise CertificateError(
                f"{name}: number must be a positive integer", code="certificate_field"
            )
        serials = body["serials"]
        if not isinstance(serials, list) or len(serials) > 100_000:
            raise CertificateError(f"{name}: serials must be a list", code="certificate_field")
        for serial in serials:
            if not isinstance(serial, str) or len(serial) != 36:
                raise CertificateError(f"{name}: a serial is not a UUID", code="certificate_field")
        parse_stamp(body["issued_at"], what=f"{name}: issued_at")
        try:
            signature = base64.b64decode(str(doc["signature"]).encode("ascii"), validate=True)
        except (ValueError, UnicodeEncodeError):
            raise CertificateError(
                f"{name}: the signature is not base64", code="certificate_field"
            ) from None
        return cls(
            number=number,
            issuer_key=_key(body["issuer_key"], what=f"{name}: issuer_key"),
            serials=frozenset(serials),
            issued_at=body["issued_at"],
            signature=signature,
        )


def revoke(
    national: Ed25519PrivateKey, serials: Iterable[str], *, number: int, now: datetime | None = None
) -> Revocations:
    """Sign revocation list ``number`` (it replaces every list with a lower number)."""
    unsigned = Revocations(
        number=number,
        issuer_key=_raw_public(national),
        serials=frozenset(serials),
        issued_at=stamp(now or datetime.now(UTC)),
        signature=b"",
    )
    signature = national.sign(REVOCATIONS_PURPOSE + rfc8785.dumps(unsigned.body()))
    return Revocations(**{**unsigned.__dict__, "signature": signature})


@dataclass(frozen=True)
class Root:
    """A key this workspace trusts by its digits, and the role it was trusted as."""

    fingerprint: str
    name: str
    role: str  # national, or the role given when trusted by digits without a certificate
    province: str | None = None


@dataclass(frozen=True)
class Authority:
    """What a key may do here, and the chain of certificates that says so."""

    fingerprint: str
    name: str
    role: str
    province: str | None
    chain: tuple[Certificate, ...] = ()

    def may_review(self, province: str | None) -> bool:
        """Return True when this key may approve, return, resolve and correct in ``province``."""
        if self.role == NATIONAL:
            return True
        return self.role == SUPERVISOR and province is not None and self.province == province

    def may_answer(self, province: str | None) -> bool:
        """Return True when this key may change the answers of assessments in ``province``."""
        if self.role in (NATIONAL, SUPERVISOR):
            return self.may_review(province)
        return self.role == ASSESSOR and (self.province is None or self.province == province)


def authority_of(
    key: bytes,
    certificates: Iterable[Certificate],
    roots: Mapping[str, Root],
    *,
    at: datetime,
    revocations: Revocations | None = None,
) -> Authority | None:
    """Return what ``key`` may do at ``at``: through ``roots`` directly or a certificate chain.

    A revocation list counts only when a national root signed it. The chain is followed at
    most ``MAX_CHAIN`` certificates deep; a certificate that is forged, expired, revoked, or
    issued by a key whose role may not issue it is ignored (another valid one may still apply).
    """
    by_subject: dict[str, list[Certificate]] = {}
    for cert in certificates:
        by_subject.setdefault(cert.subject, []).append(cert)
    revoked: frozenset[str] = frozenset()
    if (
        revocations is not None
        and roots.get(fingerprint(revocations.issuer_key), Root("", "", "")).role == NATIONAL
        and revocations.signature_valid()
    ):
        revoked = revocations.serials
    return _authority(fingerprint(key), by_subject, roots, at, revoked, depth=0)


def _authority(
    subject: str,
    by_subject: Mapping[str, list[Certificate]],
    roots: Mapping[str, Root],
    at: datetime,
    revoked: frozenset[str],
    *,
    depth: int,
) -> Authority | None:
    root = roots.get(subject)
    if root is not None and root.role == NATIONAL:
        return Authority(subject, root.name, NATIONAL, None)
    if depth < MAX_CHAIN:
        for cert in by_subject.get(subject, []):
            if cert.serial in revoked or not cert.valid_at(at) or not cert.signature_valid():
                continue
            issuer = _authority(cert.issuer, by_subject, roots, at, revoked, depth=depth + 1)
            if issuer is None or issuer.role not in ISSUERS[cert.role]:
                continue
            if issuer.role == SUPERVISOR and cert.province not in (None, issuer.province):
                continue  # a supervisor certifies assessors of its own province only
            province = cert.province if cert.province is not None else issuer.province
            return Authority(subject, cert.subject_name, cert.role, province, (cert, *issuer.chain))
    if root is not None:
        return Authority(subject, root.name, root.role, root.province)
    return None


CHAIN_FORMAT = "ombud-certificates"
MAX_CHAIN_FILE = 64 * 1024


def chain_to_json(chain: Iterable[Certificate]) -> dict[str, Any]:
    """Return a certificate chain (the subject's own first) as a certificates file's data."""
    return {
        "format": CHAIN_FORMAT,
        "format_version": FORMAT_VERSION,
        "certificates": [cert.to_json() for cert in chain],
    }


def chain_to_bytes(chain: Iterable[Certificate]) -> bytes:
    """Return a certificates file's bytes."""
    return (json.dumps(chain_to_json(chain), ensure_ascii=False, indent=2) + "\n").encode()


def chain_from_json(doc: Any, *, name: str = "the certificates file") -> list[Certificate]:
    """Read a certificate chain, checking every certificate's form and signature and the links.

    Each certificate must be signed by the subject of the next one; the last one's issuer is the
    key the chain ends at (pusat's national key), which the reader must trust by its own means.
    """
    if (
        not isinstance(doc, dict)
        or doc.get("format") != CHAIN_FORMAT
        or type(doc.get("format_version")) is not int
        or doc.get("format_version") != FORMAT_VERSION
        or not isinstance(doc.get("certificates"), list)
        or not 1 <= len(doc["certificates"]) <= MAX_CHAIN
    ):
        raise CertificateError(
            f"{name} is not an Ombud certificates file", code="certificate_invalid"
        )
    chain = [
        Certificate.from_json(item, name=f"{name}, certificate {number}")
        for number, item in enumerate(doc["certificates"], 1)
    ]
    for number, cert in enumerate(chain, 1):
        if not cert.signature_valid():
            raise CertificateError(
                f"{name}, certificate {number}: the signature does not match",
                code="certificate_forged",
            )
        if number < len(chain) and cert.issuer != chain[number].subject:
            raise CertificateError(
                f"{name}, certificate {number} was not issued by the next one's subject",
                code="certificate_chain",
            )
    return chain


def chain_from_bytes(data: bytes, *, name: str = "the certificates file") -> list[Certificate]:
    """Read a certificates file's bytes."""
    if len(data) > MAX_CHAIN_FILE:
        raise CertificateError(f"{name} is too large", code="certificate_invalid")
    try:
        doc = json.loads(data.decode("utf-8"), parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise CertificateError(
            f"{name} is not an Ombud certificates file", code="certificate_invalid"
        ) from None
    return chain_from_json(doc, name=name)


def installed_revocations(doc: Any) -> Revocations | None:
    """Return the revocation list kept in a key store, or None when none is (or it is damaged)."""
    if doc is None:
        return None
    try:
        return Revocations.from_json(doc)
    except CertificateError:
        return None


def newer_revocations(
    incoming: Revocations, installed: Revocations | None, roots: Mapping[str, Root]
) -> Revocations:
    """Check that ``incoming`` may replace ``installed``; return it.

    It must be signed by a national key this workspace trusts, and carry a higher number.
    """
    issuer = roots.get(fingerprint(incoming.issuer_key))
    if issuer is None or issuer.role != NATIONAL:
        raise CertificateError(
            "the revocation list is not signed by the national key you trust",
            code="revocations_not_national",
        )
    if not incoming.signature_valid():
        raise CertificateError(
            "the revocation list's signature does not match", code="certificate_forged"
        )
    if installed is not None and incoming.number <= installed.number:
        raise CertificateError(
            f"revocation list {incoming.number} is not newer than the one installed "
            f"({installed.number})",
            code="revocations_older",
        )
    return incoming
