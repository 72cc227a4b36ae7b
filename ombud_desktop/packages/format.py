"""The package format (``.ombx``): names, versions, limits and the bytes that get signed.

A package is a zip file. ``manifest.json`` lists every other member with its size and SHA-256;
``signature.json`` holds an Ed25519 signature over the manifest member's bytes, which must be
the RFC 8785 canonical JSON of its value (so a value has one spelling only), prefixed with a
purpose string so the signature means "this is an Ombud package manifest" and nothing else. The
whole format is described in ``docs/package-format.md``.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import rfc8785

from ombud_desktop import canonical
from ombud_desktop.errors import OmbudError

PACKAGE_FORMAT = "ombud-package"
# The version written: 2 added signed batches and certificates, 3 personal data sealed to
# several recipients (packages/envelope.py).
PACKAGE_FORMAT_VERSION = 3
READABLE_VERSIONS = (1, 2, 3)
ENVELOPE_FROM_VERSION = 3
SUFFIX = ".ombx"
MANIFEST = "manifest.json"
SIGNATURE = "signature.json"
ASSESSMENT_FORMAT = "ombud-package-assessment"
BATCHES_FORMAT = "ombud-package-batches"
SIGNATURE_PURPOSE = b"ombud-desktop/package-manifest/v1\x00"
PERSONAL_INFO = b"ombud-desktop/personal-data/v1\x00"
PERSONAL_SCHEME = "HPKE RFC 9180: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305"

# Limits a reader enforces before it trusts anything in a package.
DEFAULT_MAX_PACKAGE_BYTES = 1024**3
MAX_MEMBERS = 20_000
MAX_MANIFEST_BYTES = 16 * 1024**2
MAX_COMPRESSION_RATIO = 200
RATIO_CHECK_FROM_BYTES = 1024**2

_SAFE_PATH = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*$")


class PackageError(OmbudError):
    """A package cannot be written, read, verified or imported; nothing was changed."""

    code = "package_invalid"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a package: a stable code, a sentence, and the member if any."""

    code: str
    message: str
    member: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Return the problem as JSON data."""
        return {"code": self.code, "message": self.message, "member": self.member}


@dataclass
class Member:
    """A member as the manifest declares it."""

    path: str
    size: int
    sha256: str

    def to_json(self) -> dict[str, Any]:
        """Return the manifest entry."""
        return {"path": self.path, "size": self.size, "sha256": self.sha256}


@dataclass
class Manifest:
    """The parsed, shape-checked manifest of a package."""

    data: dict[str, Any]
    members: list[Member] = field(default_factory=list)

    @property
    def package_id(self) -> str:
        """Return the package's UUID."""
        return str(self.data["package_id"])

    @property
    def signer_key(self) -> str:
        """Return the signer's Ed25519 public key (base64)."""
        return str(self.data["signer"]["public_key"])

    @property
    def assessments(self) -> list[dict[str, Any]]:
        """Return the manifest's assessment entries."""
        return list(self.data["assessments"])


def zip_stamp(moment: datetime) -> tuple[int, int, int, int, int, int]:
    """Return the zip time every member of a package made at ``moment`` carries."""
    return (
        max(moment.year, 1980),
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second - moment.second % 2,  # zip times have two-second steps
    )


# Version 0.1.0 wrote the manifest as compact JSON in the order its exporter built it (and
# signed its canonical form). Packages it made stay readable: their manifest must be exactly
# that spelling of its value, keys in exactly this order, so no byte can differ unnoticed.
_LEGACY_ORDER: dict[frozenset[str], tuple[str, ...]] = {
    frozenset(keys): keys
    for keys in (
        ("format", "format_version", "package_id", "kind", "created_at", "app_version",
         "device_id", "instrument", "signer", "assessments", "personal_data", "members"),
        ("id", "version", "hash"),
        ("name", "public_key", "fingerprint"),
        ("id", "state_digest", "changes", "personal_data"),
        ("scheme", "recipient"),
        ("path", "size", "sha256"),
    )
}


def _legacy_order(value: Any) -> Any:
    if isinstance(value, list):
        return [_legacy_order(item) for item in value]
    if isinstance(value, dict):
        order = _LEGACY_ORDER.get(frozenset(value))
        if order is None:
            raise ValueError("not a manifest of version 0.1.0")
        return {key: _legacy_order(value[key]) for key in order}
    if isinstance(value, float):
        raise ValueError("version 0.1.0 wrote no fractions")
    return value


def legacy_manifest(manifest: dict[str, Any]) -> bytes:
    """Return the bytes Ombud Desktop 0.1.0 wrote for this manifest, or ``b""`` if none."""
    try:
        ordered = _legacy_order(manifest)
    except ValueError:
        return b""
    return json.dumps(ordered, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def canonical_manifest(manifest: dict[str, Any]) -> bytes:
    """Return the manifest's RFC 8785 canonical JSON: the ``manifest.json`` member, byte for byte.

    A value that has no canonical form (a string with half a surrogate pair, an integer past
    2^53) gives ``b""``, which no manifest member equals.
    """
    try:
        return canonical.dumps(manifest)
    except rfc8785.CanonicalizationError:
        return b""


def signed_bytes(manifest: dict[str, Any]) -> bytes:
    """Return the exact bytes a package signature covers."""
    return SIGNATURE_PURPOSE + canonical.dumps(manifest)


def unsafe_path_reason(name: str) -> str | None:
    """Return why a member name is unsafe to unpack (absolute, ``..``, odd characters), or None."""
    if not name:
        return "an empty name"
    if name.startswith("/") or name.startswith("\\") or re.match(r"^[A-Za-z]:", name):
        return "an absolute path"
    parts = name.replace("\\", "/").split("/")
    if ".." in parts:
        return "a path that climbs out of the package (..)"
    if "\\" in name:
        return "a backslash in the name"
    if posixpath.normpath(name) != name or not _SAFE_PATH.match(name):
        return "characters or a form not allowed in a member name"
    return None


def parse_manifest(data: Any) -> Manifest:
    """Check the manifest's shape (after its format and version); raise PackageError if wrong."""

    def need(condition: bool, what: str) -> None:
        if not condition:
            raise PackageError(
                f"the manifest is malformed: {what}",
                code="manifest_invalid",
                hint="The package was not written by Ombud Desktop or was edited; ask the "
                "assessor to export it again.",
            )

    need(isinstance(data, dict), "it is not a JSON object")
    for key in ("package_id", "created_at", "app_version", "signer", "instrument"):
        need(key in data, f"{key!r} is missing")
    signer = data["signer"]
    need(isinstance(signer, dict) and isinstance(signer.get("public_key"), str), "no signer key")
    instrument = data["instrument"]
    need(
        isinstance(instrument, dict)
        and all(isinstance(instrument.get(k), str) for k in ("id", "hash")),
        "no instrument id and hash",
    )
    need(isinstance(data.get("assessments"), list) and data["assessments"], "no assessments")
    for entry in data["assessments"]:
        need(
            isinstance(entry, dict)
            and isinstance(entry.get("id"), str)
            and isinstance(entry.get("state_digest"), str),
            "an assessment entry without id or state digest",
        )
    raw_members = data.get("members")
    need(isinstance(raw_members, list), "no member list")
    members = []
    for entry in raw_members:
        need(
            isinstance(entry, dict)
            and isinstance(entry.get("path"), str)
            and isinstance(entry.get("size"), int)
            and not isinstance(entry.get("size"), bool)
            and entry["size"] >= 0
            and isinstance(entry.get("sha256"), str)
            and re.fullmatch(r"[0-9a-f]{64}", entry["sha256"]) is not None,
            "a member entry without path, size or SHA-256",
        )
        members.append(Member(entry["path"], entry["size"], entry["sha256"]))
    return Manifest(data=data, members=members)


def assessment_member(assessment_id: str) -> str:
    """Return the member path of an assessment's document."""
    return f"assessments/{assessment_id}.json"


def batches_member(assessment_id: str) -> str:
    """Return the member path of the signed batches covering an assessment's changes."""
    return f"batches/{assessment_id}.json"


def personal_member(assessment_id: str) -> str:
    """Return the member path of an assessment's encrypted personal data."""
    return f"personal/{assessment_id}.hpke"


def evidence_member(sha256: str) -> str:
    """Return the member path of an evidence file."""
    return f"evidence/{sha256}"


def instrument_member(content_hash: str) -> str:
    """Return the member path of the instrument's canonical content."""
    return f"instrument/{content_hash}.json"
