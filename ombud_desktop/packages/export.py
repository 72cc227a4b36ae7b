"""Write one signed package per assessment: its change log, evidence and instrument."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.hpke import AEAD, KDF, KEM, Suite

from ombud_desktop import __version__, canonical
from ombud_desktop.files import atomic_output, is_disk_full, remove_leftover_parts
from ombud_desktop.packages import envelope
from ombud_desktop.packages.authority import (
    batches_document,
    batches_for_export,
    certificates_for_export,
)
from ombud_desktop.packages.batches import Batch
from ombud_desktop.packages.format import (
    ASSESSMENT_FORMAT,
    MANIFEST,
    PACKAGE_FORMAT,
    PACKAGE_FORMAT_VERSION,
    SIGNATURE,
    SIGNATURE_PURPOSE,
    SUFFIX,
    Member,
    PackageError,
    assessment_member,
    batches_member,
    evidence_member,
    instrument_member,
    personal_member,
    signed_bytes,
    zip_stamp,
)
from ombud_desktop.packages.keys import PublicKeyFile, b64, fingerprint
from ombud_desktop.packages.records import (
    SignedRecord,
    records_document,
    records_for_export,
    records_member,
)
from ombud_desktop.packages.state import state_digest
from ombud_desktop.storage import custody as custody_store
from ombud_desktop.storage import imports as imports_store
from ombud_desktop.storage import purge as purge_store
from ombud_desktop.storage.changes import PERSONAL_FIELDS, Change
from ombud_desktop.storage.workspace import Workspace, new_id, timestamp, utc_now

CHUNK = 4 * 1024 * 1024
# zlib level of the deflated members (JSON: the change log, batches, the instrument). Level 1
# packs them a few percent larger than the default 6 in a fifth of the time; a package is
# almost all photos (stored), and the level is not part of the format (any deflate reads).
DEFLATE_LEVEL = 1
HPKE = Suite(KEM.X25519, KDF.HKDF_SHA256, AEAD.CHACHA20_POLY1305)


@dataclass(frozen=True)
class Signer:
    """Who signs: the unlocked Ed25519 key and the name shown with it."""

    key: Ed25519PrivateKey
    name: str

    @property
    def public_key(self) -> bytes:
        """Return the raw public key."""
        return self.key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )


@dataclass(frozen=True)
class ExportResult:
    """One package written."""

    assessment_id: str
    path: Path
    package_id: str
    size: int
    state_digest: str
    personal: str  # "encrypted", "withheld" or "none"

    def to_json(self) -> dict[str, Any]:
        """Return the result as JSON data."""
        return {
            "assessment_id": self.assessment_id,
            "path": str(self.path),
            "package_id": self.package_id,
            "size": self.size,
            "state_digest": self.state_digest,
            "personal_data": self.personal,
        }


def export_assessment(
    workspace: Workspace,
    assessment_id: str,
    out_dir: Path,
    signer: Signer,
    *,
    recipient: PublicKeyFile | None = None,
    recipients: Iterable[bytes] = (),
    clock: Callable[[], datetime] = utc_now,
    certificates: Iterable[Mapping[str, Any]] = (),
) -> ExportResult:
    """Write the signed package of one assessment into ``out_dir``; return what was written.

    Personal data of respondents goes only into a member sealed to the receiving keys of
    ``recipient`` (the supervisor's key file) and of ``recipients`` (raw X25519 public keys:
    one's own, co-assessors', the assessors', pusat's); without any it is left out of the
    package (and the result says so). The file appears complete or not at all. The changes
    not yet in a signed batch are signed into one with the signer's key (kept in the
    workspace, so it is made once);
    ``certificates`` is the signer's own installed chain (``KeyStore.certificates()``).
    """
    row = workspace.assessment_row(assessment_id)
    changes = workspace.changes(assessment_id)
    if not changes:
        raise PackageError(
            f"assessment {assessment_id} has no recorded changes to export",
            code="export_empty",
            hint="Open it and record at least one answer.",
        )
    now = clock()
    held = held_for_export(workspace, assessment_id)
    batches = batches_for_export(workspace, assessment_id, [*changes, *held], signer.key, now)
    records = records_for_export(
        workspace, row["entity"]["id"], row["period"], signer.key, now
    )
    package = _Contents(
        package_id=new_id(),
        row=row,
        instrument=workspace.instrument(row["instrument_hash"]),
        digest=state_digest(c.id for c in changes),
        changes=len(changes),
        batches=batches,
        certificates=certificates_for_export(
            workspace, certificates, [*batches, *records], signer.public_key
        ),
        records=records,
        held=[c.id for c in held],
        held_plain=[c.to_json() for c in held if (c.target, c.field) not in PERSONAL_FIELDS],
    )
    plain = [c.to_json() for c in changes if (c.target, c.field) not in PERSONAL_FIELDS]
    personal = [c.to_json() for c in [*changes, *held] if (c.target, c.field) in PERSONAL_FIELDS]
    if personal and purge_store.is_purged(workspace, assessment_id):
        personal = []  # its period's personal data is purged: the package carries none
    keys = list(recipients)
    if recipient is not None and recipient.receiving_key is not None:
        keys.append(recipient.receiving_key)
    sealed = _seal(package, personal, keys)
    target = out_dir / package_file_name(row, package.package_id, now)
    # A killed export leaves its temporary file (.name.xxxx.part): the next one cleans it.
    remove_leftover_parts(out_dir)
    try:
        with atomic_output(target) as stream, zipfile.ZipFile(stream, "w") as archive:
            _write(archive, workspace, package, plain, sealed, signer, now)
    except OSError as exc:
        if is_disk_full(exc):
            raise PackageError(
                f"cannot write the package into {out_dir}: the disk is full",
                code="disk_full",
                hint="Free some space or choose another folder; no package file was left.",
            ) from None
        raise PackageError(
            f"cannot write the package into {out_dir}: {exc.strerror or exc}",
            code="export_write_failed",
            hint="Check that the folder exists and is writable; no package file was left.",
        ) from None
    return ExportResult(
        assessment_id,
        target,
        package.package_id,
        target.stat().st_size,
        package.digest,
        package.personal,
    )


def held_for_export(workspace: Workspace, assessment_id: str) -> list[Change]:
    """Return the changes held here for the approved assessment, as they arrived.

    They travel (forwarding to pusat keeps them), marked held, with their authors' own
    batches: only those bound to one, as this workspace never signs another's change.
    """
    records = [h["record"] for h in imports_store.pending_changes(workspace, assessment_id)]
    bound = custody_store.custody_of(workspace, (r["id"] for r in records))
    return [
        Change.from_json(assessment_id, r)
        for r in records
        if (bound.get(r["id"]) or {}).get("batch_id")
    ]


@dataclass
class _Contents:
    """What one package is made of, decided before anything is written."""

    package_id: str
    row: dict[str, Any]
    instrument: Any
    digest: str
    changes: int
    batches: list[Batch]
    certificates: list[dict[str, Any]]
    records: list[SignedRecord] = field(default_factory=list)  # of its entity and period
    held: list[str] = field(default_factory=list)  # ids of the changes held after approval
    held_plain: list[dict[str, Any]] = field(default_factory=list)  # those not personal
    personal: str = "none"  # "encrypted", "withheld" or "none"
    recipients: list[str] | None = None  # fingerprints of the receiving keys sealed to

    @property
    def assessment_id(self) -> str:
        """Return the id of the packaged assessment."""
        return str(self.row["id"])


def _seal(package: _Contents, personal: list[dict[str, Any]], keys: list[bytes]) -> bytes | None:
    """Seal the personal change records to every receiving key; None when there are none."""
    if not personal:
        return None
    by_fingerprint = {fingerprint(key): key for key in keys}
    if not by_fingerprint:
        package.personal = "withheld"
        return None
    package.personal = "encrypted"
    package.recipients = sorted(by_fingerprint)
    return envelope.seal(
        canonical.dumps({"changes": personal}),
        by_fingerprint,
        package.package_id,
        package.assessment_id,
    )


def _write(
    archive: zipfile.ZipFile,
    workspace: Workspace,
    package: _Contents,
    plain: list[dict[str, Any]],
    sealed: bytes | None,
    signer: Signer,
    now: datetime,
) -> None:
    """Write every member, then the manifest and its signature."""
    row, instrument, stamp = package.row, package.instrument, zip_stamp(now)
    document = {
        "format": ASSESSMENT_FORMAT,
        "format_version": PACKAGE_FORMAT_VERSION,
        "assessment_id": package.assessment_id,
        "instrument_hash": row["instrument_hash"],
        "entity": row["entity"],
        "locus": row["locus"],
        "period": row["period"],
        "state_digest": package.digest,
        "changes": plain,
    }
    if package.held:
        document["held"] = package.held
        document["held_changes"] = package.held_plain
    members = [
        _add_bytes(archive, assessment_member(package.assessment_id), _json(document), stamp),
        _add_bytes(
            archive,
            batches_member(package.assessment_id),
            _json(
                batches_document(
                    package.assessment_id, package.batches, PACKAGE_FORMAT_VERSION
                )
            ),
            stamp,
        ),
        _add_bytes(
            archive,
            instrument_member(instrument.content_hash),
            workspace.instrument_text(instrument.content_hash).encode("utf-8"),
            stamp,
        ),
    ]
    if package.records:
        document_of_records = records_document(
            package.assessment_id, package.records, PACKAGE_FORMAT_VERSION
        )
        name = records_member(package.assessment_id)
        members.append(_add_bytes(archive, name, _json(document_of_records), stamp))
    if sealed is not None:
        name = personal_member(package.assessment_id)
        members.append(_add_bytes(archive, name, sealed, stamp, store=True))
    hasher = _Hasher()
    try:
        for sha in sorted({e["sha256"] for e in workspace.evidence_rows([package.assessment_id])}):
            members.append(_add_evidence(archive, workspace.evidence_dir, sha, stamp, row, hasher))
        _check_evidence(hasher)
    finally:
        hasher.close()
    manifest = _manifest(workspace, package, signer, members, now)
    signature = {
        "algorithm": "ed25519",
        "purpose": SIGNATURE_PURPOSE.rstrip(b"\x00").decode(),
        "signature": b64(signer.key.sign(signed_bytes(manifest))),
    }
    _add_bytes(archive, MANIFEST, canonical.dumps(manifest), stamp)  # exactly the signed bytes
    _add_bytes(archive, SIGNATURE, _json(signature), stamp)


def _manifest(
    workspace: Workspace,
    package: _Contents,
    signer: Signer,
    members: list[Member],
    now: datetime,
) -> dict[str, Any]:
    """Return the manifest (docs/package-format.md) of a package whose members are written."""
    instrument = package.instrument
    return {
        "format": PACKAGE_FORMAT,
        "format_version": PACKAGE_FORMAT_VERSION,
        "package_id": package.package_id,
        "kind": "assessment",
        "created_at": timestamp(now),
        "app_version": __version__,
        "device_id": workspace.device_id,
        "instrument": {
            "id": instrument.id,
            "version": instrument.version,
            "hash": instrument.content_hash,
        },
        "signer": {
            "name": signer.name,
            "public_key": b64(signer.public_key),
            "fingerprint": fingerprint(signer.public_key),
        },
        "assessments": [
            {
                "id": package.assessment_id,
                "state_digest": package.digest,
                "changes": package.changes,
                "personal_data": package.personal,
            }
        ],
        "personal_data": {
            "scheme": envelope.ENVELOPE_SCHEME,
            "recipients": package.recipients or [],
        },
        "certificates": package.certificates,
        "members": [m.to_json() for m in members],
    }


def package_file_name(row: dict[str, Any], package_id: str, now: datetime) -> str:
    """Return a readable, safe file name: entity, locus, period, id and time."""
    parts = [
        _slug(row["entity"]["name"]),
        _slug(row["locus"]["name"]),
        str(row["period"]),
        row["id"][:8],
        now.strftime("%Y%m%d-%H%M%S"),
        package_id[-4:],
    ]
    return "_".join(p for p in parts if p) + SUFFIX


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")[:40]


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _info(name: str, stamp: tuple[int, ...], store: bool) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp)  # type: ignore[arg-type]
    info.compress_type = zipfile.ZIP_STORED if store else zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3  # "made on Unix" wherever it is written, as the reader expects
    return info


def _add_bytes(
    archive: zipfile.ZipFile, name: str, data: bytes, stamp: tuple[int, ...], *, store: bool = False
) -> Member:
    level = None if store else DEFLATE_LEVEL
    archive.writestr(_info(name, stamp, store), data, compresslevel=level)
    return Member(name, len(data), hashlib.sha256(data).hexdigest())


class _Hasher:
    """Hashes evidence files on a second thread while they are written into the zip.

    hashlib, zlib's CRC and file writes all release the GIL on large buffers, so a photo
    costs about one pass instead of two. Each file's digest is checked at the end.
    """

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="package-hash")
        self._files: list[tuple[str, Any, Future[None] | None]] = []

    def copy(self, sha: str, reader: BinaryIO, writer: BinaryIO) -> int:
        """Copy ``reader`` into ``writer``, hashing it on the side; return the size."""
        digest = hashlib.sha256()
        size = 0
        last: Future[None] | None = None
        while chunk := reader.read(CHUNK):
            last = self._pool.submit(digest.update, chunk)  # one worker: updates stay in order
            writer.write(chunk)
            size += len(chunk)
        self._files.append((sha, digest, last))
        return size

    def damaged(self) -> list[str]:
        """Wait for every hash; return the names of files whose content is not their name."""
        for _sha, _digest, last in self._files:
            if last is not None:
                last.result()
        return [sha for sha, digest, _last in self._files if digest.hexdigest() != sha]

    def close(self) -> None:
        """Stop the hashing thread."""
        self._pool.shutdown(wait=True)


def _add_evidence(
    archive: zipfile.ZipFile,
    evidence_dir: Path,
    sha: str,
    stamp: tuple[int, ...],
    row: dict[str, Any],
    hasher: _Hasher,
) -> Member:
    """Copy an evidence file into the package as stored (photos are not recompressed)."""
    source = evidence_dir / sha[:2] / sha
    try:
        info = _info(evidence_member(sha), stamp, True)
        info.file_size = source.stat().st_size  # lets zipfile choose zip64 only when needed
        with source.open("rb") as reader, archive.open(info, "w") as writer:
            size = hasher.copy(sha, reader, writer)
    except FileNotFoundError:
        raise PackageError(
            f"evidence file {sha[:12]}… of {row['entity']['name']} / {row['locus']['name']} "
            "is missing from the workspace",
            code="evidence_missing",
            hint="Attach the photo again (or remove that evidence) and export again; no "
            "package file was left.",
            filename=f"{sha[:12]}…",
        ) from None
    return Member(evidence_member(sha), size, sha)


def _check_evidence(hasher: _Hasher) -> None:
    damaged = hasher.damaged()
    if damaged:
        raise PackageError(
            f"evidence file {damaged[0][:12]}… in the workspace is damaged (its content no "
            "longer matches its name)",
            code="evidence_damaged",
            hint="Attach the photo again and export again; no package file was left.",
        )
