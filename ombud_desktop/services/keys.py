"""Roles by certificate: what this user's key is, certifying another key, installing one's own.

One implementation for ``ombud keys certify|certificate`` and for Settings › Keys in the app.
Nothing here asks anything: the caller brings the passphrase, the person's key file and the
bytes of a certificates file, and gets back what was made or installed (or a typed error).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ombud_desktop.packages.certificates import (
    ASSESSOR,
    DEFAULT_DAYS,
    NATIONAL,
    SUPERVISOR,
    Certificate,
    chain_from_bytes,
    chain_from_json,
    chain_to_bytes,
    issue,
)
from ombud_desktop.packages.keys import KeyError_, KeyStore, PublicKeyFile, short

CERTIFIED = "certified"
NOT_CERTIFIED = "none"


@dataclass(frozen=True)
class OwnRole:
    """What this user's signing key is: pusat's national key, certified, or not certified."""

    kind: str  # NATIONAL, CERTIFIED or NOT_CERTIFIED
    role: str | None = None  # SUPERVISOR or ASSESSOR when certified
    province: str | None = None


@dataclass(frozen=True)
class Certified:
    """A certificate made for a person's key, and the file to give them (their chain)."""

    certificate: Certificate
    data: bytes


def own_role(store: KeyStore) -> OwnRole:
    """Return the role of this user's signing key, from its identity and installed chain."""
    if store.is_national():
        return OwnRole(NATIONAL)
    chain = store.certificates()
    if chain:
        body = chain[0].get("certificate", {}) if isinstance(chain[0], dict) else {}
        return OwnRole(CERTIFIED, body.get("role"), body.get("province") or None)
    return OwnRole(NOT_CERTIFIED)


def own_chain(store: KeyStore) -> list[Certificate]:
    """Return this user's installed certificate chain (own certificate first), checked."""
    certificates = store.certificates()
    if not certificates:
        return []
    return chain_from_json(
        {"format": "ombud-certificates", "format_version": 1, "certificates": certificates},
        name="your installed certificate",
    )


def certify(
    store: KeyStore,
    person: PublicKeyFile,
    *,
    role: str,
    province: str | None,
    unlock: Callable[[], Ed25519PrivateKey | None],
    days: int = DEFAULT_DAYS,
    fallback_name: str = "",
) -> Certified | None:
    """Certify ``person``'s key: supervisors with the national key, assessors with yours.

    The national key certifies a supervisor or an assessor of a province it names; a certified
    supervisor certifies assessors of its own province only. ``unlock`` is asked for this user's
    signing key only once the certificate is known to be allowed (None from it: cancelled, and
    None is returned). The file made carries the chain up to the national key, so the person's
    exports carry it too.
    """
    chain = own_chain(store)
    province = (province or "").strip() or None
    if role == SUPERVISOR or (role == ASSESSOR and store.is_national()):
        if not store.is_national():
            raise KeyError_(
                "only pusat's national key certifies supervisors",
                code="certify_not_allowed",
                hint="Ask pusat to certify the supervisor's key.",
            )
        if province is None:
            raise KeyError_(
                "give the province this key is certified for",
                code="certify_province_missing",
                hint="Name the province of the supervisor (or assessor), e.g. Banten.",
            )
    elif role != ASSESSOR or not chain or chain[0].role != SUPERVISOR:
        raise KeyError_(
            "your key has no supervisor's certificate, so it cannot certify assessors",
            code="certify_not_allowed",
            hint="Install the certificate pusat gave you: `ombud keys certificate CERT`.",
        )
    else:
        if province and province != chain[0].province:
            raise KeyError_(
                f"you supervise {chain[0].province}, not {province}",
                code="certify_not_allowed",
            )
        province = chain[0].province
    signer = unlock()
    if signer is None:
        return None
    cert = issue(
        signer,
        person.signing_key,
        subject_name=person.name or fallback_name,
        role=role,
        province=province,
        days=days,
    )
    return Certified(cert, chain_to_bytes([cert, *chain]))


def install_certificate(store: KeyStore, data: bytes, *, name: str) -> Certificate:
    """Install a certificates file made for this user's own key; return its own certificate.

    The file is checked whole (form, signatures, links) and must certify this user's signing
    key; otherwise nothing is written.
    """
    chain = chain_from_bytes(data, name=name)
    own = store.signing_key_info().fingerprint
    if chain[0].subject != own:
        raise KeyError_(
            f"{name} certifies another key ({short(chain[0].subject)}), not yours",
            code="certificate_not_yours",
            hint="Ask for the certificate made from your own .ombkey file.",
            subject=chain[0].subject,
        )
    store.set_certificates([cert.to_json() for cert in chain])
    return chain[0]

