"""Key stores with a role for tests of supervisor records: a supervisor of a province, or none.

A certificate is installed as ``ombud keys certificate`` installs it; the role the app reads
from it (services/keys.py ``own_role``) decides who may keep records.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ombud_desktop.packages.certificates import issue
from ombud_desktop.packages.keys import KeyStore


def _public(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def supervisor_keys(folder: Path, province: str, name: str = "Budi Santoso") -> KeyStore:
    """Return a key store holding a supervisor certificate for ``province`` (signed by pusat)."""
    national, own = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    certificate = issue(national, _public(own), subject_name=name, role="supervisor",
                        province=province)
    keys = KeyStore(folder)
    keys.trust(_public(national), "Pusat", role="national")
    keys.set_certificates([certificate.to_json()])
    return keys


def assessor_keys(folder: Path) -> KeyStore:
    """Return a key store with no certificate (an assessor, or keys not set up yet)."""
    folder.mkdir(parents=True, exist_ok=True)
    return KeyStore(folder)
