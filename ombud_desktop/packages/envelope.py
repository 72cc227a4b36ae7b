"""Personal data sealed once, opened by any of several recipients (package format version 3).

One random 256-bit content key seals the personal change records once with ChaCha20-Poly1305;
that key is wrapped by HPKE (RFC 9180, base mode) to each recipient's X25519 receiving key. The
associated data binds the package id and the assessment id, and each wrap's info also binds the
recipient's fingerprint, so neither the sealed data nor a wrapped key can be moved to another
package, assessment or recipient. The envelope is a member of the package, so the package
signature covers it; the manifest lists the recipients' fingerprints.

Pure: bytes in, bytes out; nothing here reads a key store or a workspace.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Mapping
from typing import Any

import rfc8785
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.hpke import AEAD, KDF, KEM, Suite

from ombud_desktop import strict_json
from ombud_desktop.packages.keys import fingerprint

ENVELOPE_FORMAT = "ombud-personal-envelope"
ENVELOPE_VERSION = 1
ENVELOPE_SCHEME = (
    "ChaCha20-Poly1305 content key, wrapped per recipient by HPKE RFC 9180: "
    "DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305"
)
CONTENT_PURPOSE = b"ombud-desktop/personal-data/v2\x00"
WRAP_PURPOSE = b"ombud-desktop/personal-key/v1\x00"
MAX_RECIPIENTS = 64
MAX_ENVELOPE_BYTES = 16 * 1024**2
_HPKE = Suite(KEM.X25519, KDF.HKDF_SHA256, AEAD.CHACHA20_POLY1305)
_KEYS = {"format", "format_version", "nonce", "ciphertext", "recipients"}


class EnvelopeError(ValueError):
    """An envelope that is malformed, not for this key, or does not open."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def _binding(package_id: str, assessment_id: str) -> bytes:
    return package_id.encode() + b"/" + assessment_id.encode()


def seal(
    plain: bytes, recipients: Mapping[str, bytes], package_id: str, assessment_id: str
) -> bytes:
    """Return the envelope (RFC 8785 JSON) sealing ``plain`` to every recipient.

    ``recipients``: fingerprint of each X25519 receiving key → the raw public key.
    """
    if not recipients:
        raise ValueError("an envelope needs at least one recipient")
    if len(recipients) > MAX_RECIPIENTS:
        raise ValueError(f"at most {MAX_RECIPIENTS} recipients")
    content_key = ChaCha20Poly1305.generate_key()
    nonce = os.urandom(12)
    binding = _binding(package_id, assessment_id)
    ciphertext = ChaCha20Poly1305(content_key).encrypt(nonce, plain, CONTENT_PURPOSE + binding)
    wrapped = [
        {
            "fingerprint": fp,
            "wrapped_key": _b64(
                _HPKE.encrypt(
                    content_key,
                    X25519PublicKey.from_public_bytes(public),
                    info=WRAP_PURPOSE + binding + b"/" + fp.encode(),
                )
            ),
        }
        for fp, public in sorted(recipients.items())
    ]
    return rfc8785.dumps(
        {
            "format": ENVELOPE_FORMAT,
            "format_version": ENVELOPE_VERSION,
            "nonce": _b64(nonce),
            "ciphertext": _b64(ciphertext),
            "recipients": wrapped,
        }
    )


def read(data: bytes) -> dict[str, Any]:
    """Return the envelope's JSON after checking its shape; raise EnvelopeError otherwise.

    Which package and assessment it belongs to is not written in it: the AEAD and each wrap
    bind them (``open_sealed``), so one moved elsewhere does not open.
    """
    if len(data) > MAX_ENVELOPE_BYTES:
        raise EnvelopeError("personal_data_invalid", "the sealed personal data is too large")
    try:
        doc = strict_json.loads(data, what="the sealed personal data")
    except strict_json.JSONRefused as exc:
        raise EnvelopeError(exc.code, exc.message) from None
    if (
        not isinstance(doc, dict)
        or set(doc) != _KEYS
        or doc["format"] != ENVELOPE_FORMAT
        or doc["format_version"] != ENVELOPE_VERSION
        or not isinstance(doc["recipients"], list)
        or not all(isinstance(doc[k], str) for k in ("nonce", "ciphertext"))
    ):
        raise EnvelopeError("personal_data_invalid", "the sealed personal data is malformed")
    entries = doc["recipients"]
    if not 0 < len(entries) <= MAX_RECIPIENTS or not all(
        isinstance(e, dict)
        and set(e) == {"fingerprint", "wrapped_key"}
        and all(isinstance(v, str) for v in e.values())
        for e in entries
    ):
        raise EnvelopeError("personal_data_invalid", "the list of recipients is malformed")
    fingerprints = [e["fingerprint"] for e in entries]
    if fingerprints != sorted(set(fingerprints)):
        raise EnvelopeError(
            "personal_data_invalid", "the list of recipients is not sorted or names one twice"
        )
    return doc


def recipients(doc: Mapping[str, Any]) -> list[str]:
    """Return the fingerprints an envelope read by ``read`` is sealed to."""
    return [e["fingerprint"] for e in doc["recipients"]]


def open_sealed(
    doc: Mapping[str, Any], key: X25519PrivateKey, package_id: str, assessment_id: str
) -> bytes:
    """Return the plain bytes, unwrapping the content key with ``key``.

    Raises EnvelopeError ``not_recipient`` when the key is not listed, ``personal_data_invalid``
    when its wrapped key or the sealed data does not open (altered, or made wrongly).
    """
    fp = fingerprint(key.public_key().public_bytes_raw())
    mine = [e for e in doc["recipients"] if e["fingerprint"] == fp]
    if not mine:
        raise EnvelopeError("not_recipient", "the personal data is not sealed to your key")
    binding = _binding(package_id, assessment_id)
    try:
        content_key = _HPKE.decrypt(
            _unb64(mine[0]["wrapped_key"]), key, info=WRAP_PURPOSE + binding + b"/" + fp.encode()
        )
        return ChaCha20Poly1305(content_key).decrypt(
            _unb64(doc["nonce"]), _unb64(doc["ciphertext"]), CONTENT_PURPOSE + binding
        )
    except (InvalidTag, ValueError, TypeError):
        raise EnvelopeError(
            "personal_data_invalid",
            "the personal data sealed to your key cannot be opened (its wrapped key or content "
            "was altered)",
        ) from None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise ValueError("not base64") from None
