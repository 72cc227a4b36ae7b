"""The key store: an assessor's signing key, a supervisor's receiving key, trusted keys.

Keys live in a folder of the user's data directory (not in the workspace: a key belongs to a
person, a workspace to a laptop), one small JSON file each:

- ``signing-key.json``: the Ed25519 key that signs packages; ``receiving-key.json``: the
  X25519 key personal data is encrypted to (supervisors). Both private keys are encrypted
  with the owner's passphrase: scrypt (n=2^15, r=8, p=1) derives a key that seals the raw
  private key with ChaCha20-Poly1305, the public key and key kind bound in as associated
  data, all from ``cryptography``.
- ``trusted-keys.json``: signers whose packages this user accepts, by fingerprint.
- ``recipient.json``: the supervisor's public key file, which this user's exports encrypt
  personal data to.

Every file is written atomically. A fingerprint is the SHA-256 of the public key with a
purpose prefix; people compare it read aloud as six groups of five digits.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import stat
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import segno
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from platformdirs import user_data_dir

from ombud_desktop import strict_json
from ombud_desktop.errors import OmbudError
from ombud_desktop.files import write_atomically

PRIVATE_KEY_FORMAT = "ombud-private-key"
PUBLIC_KEY_FORMAT = "ombud-public-key"
TRUSTED_KEYS_FORMAT = "ombud-trusted-keys"
KEY_FORMAT_VERSION = 1
FINGERPRINT_PURPOSE = b"ombud-desktop/key-fingerprint/v1\x00"
MIN_PASSPHRASE = 8
MAX_KEY_FILE_BYTES = 64 * 1024
SIGNING = "ed25519-signing"
RECEIVING = "x25519-receiving"
_FILES = {SIGNING: "signing-key.json", RECEIVING: "receiving-key.json"}
_SCRYPT = {"n": 2**15, "r": 8, "p": 1}
NATIONAL_ROLE = "national"
TRUST_ROLES = ("national", "supervisor", "assessor")
CERTIFICATES_FORMAT = "ombud-certificates"


class KeyError_(OmbudError):
    """A key is missing, locked with another passphrase, or its file is damaged."""

    code = "key_error"


def b64(data: bytes) -> str:
    """Return standard base64 text of ``data``."""
    return base64.b64encode(data).decode("ascii")


def unb64(text: str, *, what: str) -> bytes:
    """Decode base64 text, raising KeyError_ naming ``what`` when it is not valid."""
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError, AttributeError):
        raise KeyError_(f"{what} is not valid base64", code="key_file_invalid") from None


def fingerprint(public_key: bytes) -> str:
    """Return the fingerprint (hex SHA-256, with a purpose prefix) of a raw public key."""
    return hashlib.sha256(FINGERPRINT_PURPOSE + public_key).hexdigest()


def spoken(fingerprint_hex: str) -> str:
    """Return a fingerprint as six groups of five digits, for comparing it read aloud.

    Each group is 5 bytes of the digest taken modulo 100 000 (as Signal's safety numbers do):
    digits read the same in Indonesian and English, and 30 digits carry ~100 bits.
    """
    raw = bytes.fromhex(fingerprint_hex)
    groups = [int.from_bytes(raw[i : i + 5], "big") % 100_000 for i in range(0, 30, 5)]
    return " ".join(f"{g:05d}" for g in groups)


def short(fingerprint_hex: str) -> str:
    """Return the short form of a fingerprint shown in lists (first 16 hex digits)."""
    return "-".join(fingerprint_hex[i : i + 4] for i in range(0, 16, 4)).upper()


@dataclass(frozen=True)
class KeyInfo:
    """The public side of a key: what people compare and exchange."""

    kind: str
    public_key_b64: str
    fingerprint: str
    created_at: str
    owner: str = ""

    @property
    def words(self) -> str:
        """Return the fingerprint as six groups of five digits (read aloud)."""
        return spoken(self.fingerprint)

    @property
    def short(self) -> str:
        """Return the short fingerprint shown in lists."""
        return short(self.fingerprint)

    @property
    def public_key(self) -> bytes:
        """Return the raw public key."""
        return base64.b64decode(self.public_key_b64)

    def to_json(self) -> dict[str, Any]:
        """Return the key's public facts as JSON data."""
        return {
            "kind": self.kind,
            "public_key": self.public_key_b64,
            "fingerprint": self.fingerprint,
            "spoken": self.words,
            "created_at": self.created_at,
            "owner": self.owner,
        }


@dataclass(frozen=True)
class PublicKeyFile:
    """A person's exported public keys (``.ombkey``): signing, and receiving if they have one."""

    name: str
    signing_key: bytes
    receiving_key: bytes | None = None
    created_at: str = ""
    # "national" for pusat's key; otherwise empty (roles come from certificates).
    role: str = ""

    @property
    def fingerprint(self) -> str:
        """Return the fingerprint of the signing key (the person's identity here)."""
        return fingerprint(self.signing_key)

    def to_json(self) -> dict[str, Any]:
        """Return the file's JSON data."""
        extra = {"role": self.role} if self.role else {}
        return {
            "format": PUBLIC_KEY_FORMAT,
            "format_version": KEY_FORMAT_VERSION,
            "name": self.name,
            "signing_key": b64(self.signing_key),
            "signing_fingerprint": self.fingerprint,
            "receiving_key": b64(self.receiving_key) if self.receiving_key else None,
            "receiving_fingerprint": (
                fingerprint(self.receiving_key) if self.receiving_key else None
            ),
            "created_at": self.created_at,
            **extra,
        }

    def to_bytes(self) -> bytes:
        """Return the file's bytes (JSON, UTF-8)."""
        return (json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n").encode()

    @classmethod
    def read(cls, path: Path) -> PublicKeyFile:
        """Read a ``.ombkey`` file: a regular file of at most 64 KB (a pipe is never waited on)."""
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        try:
            descriptor = os.open(path, flags)
        except OSError as exc:
            raise KeyError_(
                f"cannot read {path.name}: {exc.strerror}", code="key_file_invalid"
            ) from None
        with os.fdopen(descriptor, "rb") as stream:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                raise KeyError_(f"{path.name} is not a regular file", code="key_file_invalid")
            if hasattr(os, "O_NONBLOCK"):
                os.set_blocking(descriptor, True)
            data = stream.read(MAX_KEY_FILE_BYTES + 1)
        if len(data) > MAX_KEY_FILE_BYTES:
            raise KeyError_(f"{path.name} is too large for a key file", code="key_file_invalid")
        return cls.from_bytes(data, name=path.name)

    @classmethod
    def from_bytes(cls, data: bytes, *, name: str = "the key file") -> PublicKeyFile:
        """Read a public key file, refusing anything malformed with a clear message."""
        try:
            doc = strict_json.loads(data, what=name)
        except strict_json.JSONRefused as exc:
            raise KeyError_(
                f"{name} is not an Ombud public key file: {exc.message}",
                code="key_file_invalid",
                hint="Ask for the .ombkey file exported from Pengaturan › Kunci.",
                rule=exc.code,
            ) from None
        if not isinstance(doc, dict) or doc.get("format") != PUBLIC_KEY_FORMAT:
            raise KeyError_(
                f"{name} is not an Ombud public key file",
                code="key_file_invalid",
                hint="Ask for the .ombkey file exported from Pengaturan › Kunci.",
            )
        if doc.get("format_version") != KEY_FORMAT_VERSION:
            raise KeyError_(
                f"{name} has key file version {doc.get('format_version')!r}; this version "
                f"of Ombud Desktop reads version {KEY_FORMAT_VERSION}",
                code="key_file_version",
                hint="Update Ombud Desktop.",
            )
        signing = unb64(str(doc.get("signing_key", "")), what=f"{name}: signing_key")
        receiving_text = doc.get("receiving_key")
        receiving = (
            unb64(str(receiving_text), what=f"{name}: receiving_key") if receiving_text else None
        )
        _check_public(signing, SIGNING, name)
        if receiving is not None:
            _check_public(receiving, RECEIVING, name)
        role = doc.get("role", "")
        if role not in ("", NATIONAL_ROLE):
            raise KeyError_(f"{name}: unknown role {role!r}", code="key_file_invalid")
        return cls(
            name=str(doc.get("name") or ""),
            signing_key=signing,
            receiving_key=receiving,
            created_at=str(doc.get("created_at") or ""),
            role=role,
        )


def qr_code(key_file: PublicKeyFile) -> segno.QRCode:
    """Return a QR code of a public key file, to show or print for the supervisor to scan."""
    data = json.dumps(
        {k: v for k, v in key_file.to_json().items() if v is not None},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return segno.make(data, error="m", micro=False)


def _check_public(raw: bytes, kind: str, name: str) -> None:
    try:
        if kind == SIGNING:
            Ed25519PublicKey.from_public_bytes(raw)
        else:
            X25519PublicKey.from_public_bytes(raw)
    except ValueError:
        raise KeyError_(
            f"{name}: the {kind} public key is malformed", code="key_file_invalid"
        ) from None


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _raw_public(private: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )


def _raw_private(private: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def check_passphrase(passphrase: str) -> None:
    """Refuse a passphrase too short to protect a key."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise KeyError_(
            f"the passphrase has {len(passphrase)} characters; at least {MIN_PASSPHRASE} "
            "are needed",
            code="passphrase_too_short",
            hint="Choose a longer passphrase: a few words you will remember work well.",
        )


class KeyStore:
    """The keys of one user, in one folder."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        # Parsed key files by path, with the (mtime, size) they were read at: a merge asks
        # "is this signer trusted?" thousands of times.
        self._cache: dict[Path, tuple[tuple[int, int], dict[str, Any]]] = {}
        self._unlocked: dict[tuple[str, Any, bytes], bytes] = {}

    @classmethod
    def default(cls) -> KeyStore:
        """Return the key store in the user's data directory."""
        return cls(Path(user_data_dir("ombud-desktop", appauthor=False)) / "keys")

    # -- own keys ------------------------------------------------------------------------------

    def has_signing_key(self) -> bool:
        """Return True when this user has a signing key."""
        return (self.folder / _FILES[SIGNING]).exists()

    def has_receiving_key(self) -> bool:
        """Return True when this user has a receiving key (for encrypted personal data)."""
        return (self.folder / _FILES[RECEIVING]).exists()

    def create_signing_key(self, passphrase: str, *, owner: str = "") -> KeyInfo:
        """Create the Ed25519 signing key, encrypted with ``passphrase``."""
        return self._create(SIGNING, Ed25519PrivateKey.generate(), passphrase, owner)

    def create_receiving_key(self, passphrase: str, *, owner: str = "") -> KeyInfo:
        """Create the X25519 receiving key, encrypted with ``passphrase``."""
        return self._create(RECEIVING, X25519PrivateKey.generate(), passphrase, owner)

    def signing_key_info(self) -> KeyInfo:
        """Return the public facts of the signing key."""
        return self._info(self._read(SIGNING))

    def receiving_key_info(self) -> KeyInfo:
        """Return the public facts of the receiving key."""
        return self._info(self._read(RECEIVING))

    def signing_key(self, passphrase: str) -> Ed25519PrivateKey:
        """Unlock and return the signing key."""
        return Ed25519PrivateKey.from_private_bytes(self._unlock(SIGNING, passphrase))

    def receiving_key(self, passphrase: str) -> X25519PrivateKey:
        """Unlock and return the receiving key."""
        return X25519PrivateKey.from_private_bytes(self._unlock(RECEIVING, passphrase))

    def change_passphrase(self, old: str, new: str) -> None:
        """Re-encrypt every private key of this user with a new passphrase.

        All keys are unlocked with ``old`` first: a wrong passphrase changes nothing.
        """
        check_passphrase(new)
        unlocked = {
            kind: (self._read(kind), self._unlock(kind, old))
            for kind in _FILES
            if (self.folder / _FILES[kind]).exists()
        }
        if not unlocked:
            raise self._missing(SIGNING)
        for kind, (doc, raw) in unlocked.items():
            self._write_private(kind, raw, _b64dec(doc["public_key"]), new, doc)

    def public_key_file(self) -> PublicKeyFile:
        """Return this user's public keys as an exportable file."""
        info = self.signing_key_info()
        receiving = self.receiving_key_info().public_key if self.has_receiving_key() else None
        return PublicKeyFile(
            name=info.owner,
            signing_key=info.public_key,
            receiving_key=receiving,
            created_at=info.created_at,
            role=NATIONAL_ROLE if self.is_national() else "",
        )

    # -- trusted signers -----------------------------------------------------------------------

    def trusted(self) -> list[dict[str, Any]]:
        """Return the trusted signers: fingerprint, public key, name, added_at."""
        path = self.folder / "trusted-keys.json"
        if not path.exists():
            return []
        doc = self._load_json(path)
        if doc.get("format") != TRUSTED_KEYS_FORMAT:
            raise KeyError_(f"{path} is not a trusted-keys file", code="key_file_invalid")
        return list(doc.get("keys", []))

    def is_trusted(self, fingerprint_hex: str) -> bool:
        """Return True for this user's own signing key and for every trusted signer."""
        if self.has_signing_key() and self.signing_key_info().fingerprint == fingerprint_hex:
            return True
        return any(k["fingerprint"] == fingerprint_hex for k in self.trusted())

    def trust(
        self,
        public_key: bytes,
        name: str = "",
        *,
        role: str = "assessor",
        province: str | None = None,
        receiving_key: bytes | None = None,
    ) -> str:
        """Trust a signer's Ed25519 public key, as ``role``; return its fingerprint.

        The role is the one the user gives after comparing the digits: ``national`` for pusat's
        key, ``supervisor`` for the supervisor one sends to (without a certificate, of any
        province), ``assessor`` otherwise. A certificate can give a key a role as well.
        """
        _check_public(public_key, SIGNING, "the key")
        if role not in TRUST_ROLES:
            raise KeyError_(f"unknown role {role!r}", code="key_role_invalid")
        fp = fingerprint(public_key)
        earlier = [k for k in self.trusted() if k["fingerprint"] == fp]
        keys = [k for k in self.trusted() if k["fingerprint"] != fp]
        entry = {
            "fingerprint": fp,
            "public_key": b64(public_key),
            "name": name,
            "added_at": _now(),
            "role": role,
        }
        if province:
            entry["province"] = province
        # The owner's receiving key, when trusted from their key file: a package made here
        # for their assessment is sealed to it too (packages/team.py).
        if receiving_key is not None:
            _check_public(receiving_key, RECEIVING, "the key")
            entry["receiving_key"] = b64(receiving_key)
        elif earlier and earlier[0].get("receiving_key"):
            entry["receiving_key"] = earlier[0]["receiving_key"]
        keys.append(entry)
        self._write_trusted(keys)
        return fp

    def untrust(self, fingerprint_prefix: str) -> dict[str, Any]:
        """Stop trusting the signer whose fingerprint starts with ``fingerprint_prefix``."""
        prefix = fingerprint_prefix.replace("-", "").replace(" ", "").lower()
        keys = self.trusted()
        matches = [k for k in keys if prefix and k["fingerprint"].startswith(prefix)]
        if len(matches) != 1:
            raise KeyError_(
                f"{len(matches)} trusted keys have a fingerprint starting with "
                f"{fingerprint_prefix!r}",
                code="key_not_found",
                hint="List them with `ombud keys trusted` and give more of the fingerprint.",
            )
        self._write_trusted([k for k in keys if k is not matches[0]])
        return matches[0]

    # -- the supervisor this user sends personal data to ---------------------------------------

    def recipient(self) -> PublicKeyFile | None:
        """Return the supervisor's public keys personal data is encrypted to, if set."""
        path = self.folder / "recipient.json"
        if not path.exists():
            return None
        return PublicKeyFile.from_bytes(path.read_bytes(), name=str(path))

    def set_recipient(self, key_file: PublicKeyFile | None) -> None:
        """Set (or with None, clear) the supervisor whose key personal data is encrypted to."""
        path = self.folder / "recipient.json"
        if key_file is None:
            path.unlink(missing_ok=True)
            return
        if key_file.receiving_key is None:
            raise KeyError_(
                f"the key file of {key_file.name or 'this person'} has no receiving key",
                code="no_receiving_key",
                hint="Ask the supervisor to create a receiving key and export the key again.",
            )
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomically(path, key_file.to_bytes())

    # -- role and certificates -----------------------------------------------------------------

    def mark_national(self) -> None:
        """Record that this user's signing key is pusat's national key."""
        self.folder.mkdir(parents=True, exist_ok=True)
        doc = {
            "format": "ombud-identity",
            "format_version": KEY_FORMAT_VERSION,
            "role": NATIONAL_ROLE,
            "fingerprint": self.signing_key_info().fingerprint,
        }
        write_atomically(self.folder / "identity.json", _dump(doc))

    def is_national(self) -> bool:
        """Return True when this user's signing key is the national key."""
        path = self.folder / "identity.json"
        if not path.exists() or not self.has_signing_key():
            return False
        doc = self._load_json(path)
        return (
            doc.get("role") == NATIONAL_ROLE
            and doc.get("fingerprint") == self.signing_key_info().fingerprint
        )

    def certificates(self) -> list[dict[str, Any]]:
        """Return this user's installed certificate chain (own first), as JSON data."""
        path = self.folder / "certificates.json"
        if not path.exists():
            return []
        doc = self._load_json(path)
        if doc.get("format") != CERTIFICATES_FORMAT or not isinstance(
            doc.get("certificates"), list
        ):
            raise KeyError_(f"{path} is not a certificates file", code="key_file_invalid")
        return list(doc["certificates"])

    def set_certificates(self, chain: list[dict[str, Any]]) -> None:
        """Keep the certificate chain of this user's signing key (checked by the caller)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        doc = {
            "format": CERTIFICATES_FORMAT,
            "format_version": KEY_FORMAT_VERSION,
            "certificates": chain,
        }
        write_atomically(self.folder / "certificates.json", _dump(doc))

    def revocations(self) -> dict[str, Any] | None:
        """Return the newest revocation list installed here (JSON data), or None."""
        path = self.folder / "revocations.json"
        return self._load_json(path) if path.exists() else None

    def set_revocations(self, doc: dict[str, Any]) -> None:
        """Keep a revocation list (checked by the caller: signed by pusat, newer)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomically(self.folder / "revocations.json", _dump(doc))

    # -- files ---------------------------------------------------------------------------------

    def _create(
        self, kind: str, private: Ed25519PrivateKey | X25519PrivateKey, passphrase: str, owner: str
    ) -> KeyInfo:
        check_passphrase(passphrase)
        if (self.folder / _FILES[kind]).exists():
            raise KeyError_(
                f"a {kind} key already exists in {self.folder}",
                code="key_exists",
                hint="Keep using it; change its passphrase in Pengaturan › Kunci if needed.",
            )
        header = {"owner": owner, "created_at": _now()}
        self._write_private(kind, _raw_private(private), _raw_public(private), passphrase, header)
        return self._info(self._read(kind))

    def _write_private(
        self, kind: str, raw: bytes, public: bytes, passphrase: str, header: dict[str, Any]
    ) -> None:
        salt = os.urandom(16)
        nonce = os.urandom(12)
        key = Scrypt(salt=salt, length=32, **_SCRYPT).derive(passphrase.encode("utf-8"))
        doc = {
            "format": PRIVATE_KEY_FORMAT,
            "format_version": KEY_FORMAT_VERSION,
            "kind": kind,
            "public_key": b64(public),
            "fingerprint": fingerprint(public),
            "owner": header.get("owner", ""),
            "created_at": header.get("created_at") or _now(),
            "kdf": {"name": "scrypt", "salt": b64(salt), **_SCRYPT},
            "cipher": "chacha20-poly1305",
            "nonce": b64(nonce),
        }
        doc["ciphertext"] = b64(ChaCha20Poly1305(key).encrypt(nonce, raw, _aad(doc)))
        self.folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
        write_atomically(self.folder / _FILES[kind], text.encode("utf-8"), private=True)

    def _read(self, kind: str) -> dict[str, Any]:
        path = self.folder / _FILES[kind]
        if not path.exists():
            raise self._missing(kind)
        doc = self._load_json(path)
        if doc.get("format") != PRIVATE_KEY_FORMAT or doc.get("kind") != kind:
            raise KeyError_(f"{path} is not an Ombud {kind} key", code="key_file_invalid")
        if doc.get("format_version") != KEY_FORMAT_VERSION:
            raise KeyError_(
                f"{path} has key format version {doc.get('format_version')!r}",
                code="key_file_version",
                hint="Update Ombud Desktop.",
            )
        return doc

    def forget_unlocked(self) -> None:
        """Forget the private keys unlocked so far (they are unlocked again when needed)."""
        self._unlocked.clear()

    def _unlock(self, kind: str, passphrase: str) -> bytes:
        doc = self._read(kind)
        # scrypt takes ~0.1 s on purpose; importing many packages with encrypted personal data
        # must not pay it per package, so an unlocked key is kept until forget_unlocked().
        remembered = (kind, doc.get("ciphertext"), hashlib.sha256(passphrase.encode()).digest())
        if remembered in self._unlocked:
            return self._unlocked[remembered]
        raw = self._derive_and_open(kind, doc, passphrase)
        self._unlocked[remembered] = raw
        return raw

    def _derive_and_open(self, kind: str, doc: dict[str, Any], passphrase: str) -> bytes:
        try:
            kdf = doc["kdf"]
            key = Scrypt(
                salt=_b64dec(kdf["salt"]), length=32, n=kdf["n"], r=kdf["r"], p=kdf["p"]
            ).derive(passphrase.encode("utf-8"))
            return ChaCha20Poly1305(key).decrypt(
                _b64dec(doc["nonce"]), _b64dec(doc["ciphertext"]), _aad(doc)
            )
        except InvalidTag:
            raise KeyError_(
                "the passphrase is wrong",
                code="wrong_passphrase",
                hint="Type it again; it is the passphrase chosen when the key was made.",
            ) from None
        except (KeyError, TypeError, ValueError):
            raise KeyError_(
                f"the key file {self.folder / _FILES[kind]} is damaged",
                code="key_file_invalid",
                hint="Restore it from a backup, or create a new key and send the new public "
                "key to your supervisor.",
            ) from None

    def _info(self, doc: dict[str, Any]) -> KeyInfo:
        return KeyInfo(
            kind=doc["kind"],
            public_key_b64=doc["public_key"],
            fingerprint=fingerprint(_b64dec(doc["public_key"])),
            created_at=doc.get("created_at", ""),
            owner=doc.get("owner", ""),
        )

    def _missing(self, kind: str) -> KeyError_:
        what = "signing" if kind == SIGNING else "receiving"
        return KeyError_(
            f"there is no {what} key in {self.folder}",
            code=f"no_{what}_key",
            hint=f"Create one in Pengaturan › Kunci or with `ombud keys create"
            f"{' --receiving' if kind == RECEIVING else ''}`.",
        )

    def _load_json(self, path: Path) -> dict[str, Any]:
        try:
            info = path.stat()
            stamp = (info.st_mtime_ns, info.st_size)
            cached = self._cache.get(path)
            if cached is not None and cached[0] == stamp:
                return cached[1]
            doc = strict_json.loads(path.read_bytes(), what=str(path))
        except strict_json.JSONRefused as exc:
            raise KeyError_(exc.message, code="key_file_invalid", rule=exc.code) from None
        except OSError as exc:
            raise KeyError_(f"cannot read {path}: {exc}", code="key_file_invalid") from None
        if not isinstance(doc, dict):
            raise KeyError_(f"{path} is not a key file", code="key_file_invalid")
        self._cache[path] = (stamp, doc)
        return doc

    def _write_trusted(self, keys: list[dict[str, Any]]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        doc = {"format": TRUSTED_KEYS_FORMAT, "format_version": KEY_FORMAT_VERSION, "keys": keys}
        text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
        write_atomically(self.folder / "trusted-keys.json", text.encode("utf-8"))


def _dump(doc: dict[str, Any]) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _b64dec(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _aad(doc: dict[str, Any]) -> bytes:
    """Return the associated data: the key's kind and public key cannot be swapped."""
    parts = (PRIVATE_KEY_FORMAT, str(doc["format_version"]), doc["kind"], doc["public_key"])
    return "/".join(parts).encode()
