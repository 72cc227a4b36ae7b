"""Open and verify a package without trusting any of it.

Checks, in order: the file's size; that it is a zip; every member name (no absolute or ``..``
paths, no links, no duplicates, no encrypted entries); the manifest's size, format, version
and shape; the signature over its canonical bytes; whether the signer is trusted; then every
member against the manifest: nothing missing or extra, sizes as declared, compression within a
sane ratio (zip bombs), and the SHA-256 of the bytes. Nothing is unpacked to disk here; a
member is read only through :meth:`PackageReader.read_member` / :meth:`copy_member`, which
check its hash again as they read.
"""

from __future__ import annotations

import base64
import errno
import hashlib
import io
import os
import stat
import struct
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from ombud_desktop import strict_json
from ombud_desktop.packages.format import (
    DEFAULT_MAX_PACKAGE_BYTES,
    MANIFEST,
    MAX_COMPRESSION_RATIO,
    MAX_MANIFEST_BYTES,
    MAX_MEMBERS,
    PACKAGE_FORMAT,
    PACKAGE_FORMAT_VERSION,
    RATIO_CHECK_FROM_BYTES,
    READABLE_VERSIONS,
    SIGNATURE,
    SIGNATURE_PURPOSE,
    Manifest,
    Member,
    PackageError,
    Problem,
    canonical_manifest,
    legacy_manifest,
    parse_manifest,
    unsafe_path_reason,
    zip_stamp,
)
from ombud_desktop.packages.keys import fingerprint, short

CHUNK = 1024 * 1024
# SHA-256 of JSON members this process has already read strictly without a refusal. Every
# package of a team carries the same instrument (110 kB): its bytes are read strictly once, not
# once a package. Only successes are remembered (a refusal is worded afresh, naming its member),
# and the value is not kept: ``read_json`` reads such a member again when it is asked for.
_READ_STRICTLY: set[str] = set()
_READ_STRICTLY_MAX = 256
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # POSIX only; Windows has no FIFOs to wait on
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
Trust = Callable[[str], bool]
# The name this workspace trusts a package's signer under (its certificate chain, carried in
# the manifest, ending at a trusted key), or None when no chain does: packages/authority.py.
Identify = Callable[[Manifest, str], "str | None"]


@dataclass
class VerifyReport:
    """The verdict on one package: valid only when there is no problem at all."""

    path: Path
    problems: list[Problem] = field(default_factory=list)
    manifest: Manifest | None = None
    signer_fingerprint: str | None = None
    signer_name: str | None = None
    # What the sender calls itself in the manifest, when it differs from the trusted name.
    signer_claimed_name: str | None = None
    signature_valid: bool = False
    trusted: bool = False

    @property
    def ok(self) -> bool:
        """Return True for a package with a valid signature by a trusted key, intact."""
        return not self.problems

    @property
    def only_untrusted(self) -> bool:
        """Return True when the one thing wrong is that the signer is not trusted (yet)."""
        return [p.code for p in self.problems] == ["signer_untrusted"]

    def to_json(self) -> dict[str, Any]:
        """Return the report as JSON data (``ombud verify --json``)."""
        manifest = self.manifest.data if self.manifest else {}
        return {
            "path": str(self.path),
            "valid": self.ok,
            "package_id": manifest.get("package_id"),
            "format_version": manifest.get("format_version"),
            "created_at": manifest.get("created_at"),
            "signer": {
                "name": self.signer_name,
                "claimed_name": self.signer_claimed_name,
                "fingerprint": self.signer_fingerprint,
                "signature_valid": self.signature_valid,
                "trusted": self.trusted,
            },
            "assessments": manifest.get("assessments", []),
            "problems": [p.to_json() for p in self.problems],
        }


class _Fatal(Exception):
    """Stop checking: nothing further can be read safely."""


class PackageReader:
    """One package file, opened for checking and, once valid, for reading members."""

    def __init__(
        self,
        path: str | Path,
        *,
        trusted: Trust = lambda _fp: False,
        max_bytes: int = DEFAULT_MAX_PACKAGE_BYTES,
        identify: Identify | None = None,
    ):
        self.path = Path(path)
        self.trusted = trusted
        self.identify = identify
        self.max_bytes = max_bytes
        self._stream: BinaryIO | None = None
        self._zip: zipfile.ZipFile | None = None
        self._declared: dict[str, Member] = {}
        self._infos: dict[str, zipfile.ZipInfo] = {}
        self._manifest_bytes = b""
        self._json: dict[str, Any] = {}
        self.report = VerifyReport(self.path)
        self._members_checked = False

    def __enter__(self) -> PackageReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the file."""
        if self._zip is not None:
            self._zip.close()
        if self._stream is not None:
            self._stream.close()
        self._zip = self._stream = None

    def __getstate__(self) -> dict[str, Any]:
        """Return what another process needs to read members of this checked package.

        Verified on a reading process, a package is read on by the merging one: the report,
        the manifest's members and the zip entries travel; the open file and the trust
        callbacks do not. Every member read later is hashed again against the manifest as it
        is read (``copy_member``), so a file swapped in between is refused, not read.
        """
        state = self.__dict__.copy()
        state.update(_stream=None, _zip=None, trusted=None, identify=None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.trusted = lambda _fp: False

    # -- verifying -----------------------------------------------------------------------------

    def verify(self, *, members: bool = True) -> VerifyReport:
        """Check everything; return the report (one problem per thing wrong).

        ``members=False`` stops after the signature and trust: enough to know, cheaply, who
        made the package and what it claims to hold, but not that its members are intact
        (``copy_member`` and ``read_member`` refuse to read until they are checked).
        """
        if self.report.manifest is not None and not self.report.problems and members:
            # Checked up to the signature already: go on with the members.
            try:
                self._check_members(self.report.manifest)
                self._members_checked = not self.report.problems
            except _Fatal:
                pass
            return self.report
        self.close()
        self._declared, self._infos, self._json = {}, {}, {}
        report = self.report = VerifyReport(self.path)
        self._members_checked = False
        try:
            self._open()
            self._check_names()
            self._check_container()
            manifest = self._read_manifest()
            report.manifest = manifest
            self._check_signature(manifest)
            if members:
                self._check_members(manifest)
                self._members_checked = True
        except _Fatal:
            pass
        return report

    def _problem(self, code: str, message: str, member: str | None = None) -> None:
        self.report.problems.append(Problem(code, message, member))

    def _fatal(self, code: str, message: str, member: str | None = None) -> _Fatal:
        self._problem(code, message, member)
        return _Fatal()

    def _open(self) -> None:
        self._stream = self._open_regular_file()
        size = os.fstat(self._stream.fileno()).st_size
        if size > self.max_bytes:
            raise self._fatal(
                "package_too_large",
                f"the package is {_mb(size)}, over the limit of {_mb(self.max_bytes)}",
            )
        head = b""
        try:
            head = self._stream.read(4)
            self._stream.seek(0)
            self._zip = zipfile.ZipFile(self._stream)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
            if head.startswith(b"PK"):
                raise self._fatal(
                    "damaged",
                    "the file is damaged or incomplete (cut off while being copied?)",
                ) from None
            raise self._fatal(
                "not_a_package", "this is not an Ombud package (not a zip file)"
            ) from None

    def _open_regular_file(self) -> BinaryIO:
        """Open the package, refusing anything but a regular file (a FIFO would block a read).

        The file is opened without following a final symbolic link and without waiting for a
        writer, then its type is checked on the open descriptor, so it cannot be swapped between
        the check and the read.
        """
        name = self.path.name
        flags = os.O_RDONLY | _O_NONBLOCK | _O_NOFOLLOW | getattr(os, "O_BINARY", 0)
        try:
            descriptor = os.open(self.path, flags)
        except FileNotFoundError:
            raise self._fatal("not_found", f"{name}: no such file") from None
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise self._fatal(
                    "not_regular_file",
                    f"{name} is a symbolic link (or a loop of them), not a regular file; "
                    "only regular files are read",
                ) from None
            raise self._fatal("unreadable", f"{name}: cannot be read ({exc})") from None
        try:
            mode = os.fstat(descriptor).st_mode
            if not stat.S_ISREG(mode):
                raise self._fatal(
                    "not_regular_file",
                    f"{name} is {_file_kind(mode)}, not a regular file; only regular files "
                    "are read",
                )
            if _O_NONBLOCK:
                os.set_blocking(descriptor, True)
            return os.fdopen(descriptor, "rb")
        except BaseException:
            os.close(descriptor)
            raise

    def _check_names(self) -> None:
        assert self._zip is not None
        infos = self._zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise self._fatal(
                "too_many_members", f"the package has {len(infos)} members (limit {MAX_MEMBERS})"
            )
        counts = Counter(info.filename for info in infos)
        fatal = False
        for name, count in sorted(counts.items()):
            if count > 1:
                self._problem("duplicate_member", f"{name!r} appears {count} times", name)
                fatal = True
        for info in infos:
            name = info.filename
            reason = unsafe_path_reason(name.rstrip("/") if info.is_dir() else name)
            mode = info.external_attr >> 16
            if reason:
                self._problem("unsafe_path", f"member {name!r} has {reason}", name)
                fatal = True
            elif stat.S_ISLNK(mode):
                self._problem("link_member", f"member {name!r} is a symbolic link", name)
                fatal = True
            elif info.flag_bits & 0x1:
                self._problem("encrypted_member", f"member {name!r} is zip-encrypted", name)
                fatal = True
            self._infos[name] = info
        if fatal:
            raise _Fatal()
        if MANIFEST not in self._infos:
            raise self._fatal("manifest_missing", "the package has no manifest.json")
        if SIGNATURE not in self._infos:
            raise self._fatal("signature_missing", "the package has no signature.json")

    def _check_container(self) -> None:
        """Refuse a zip laid out other than the way Ombud writes one.

        Every byte of the file must belong to a member, its headers or the central directory,
        and each local header must repeat what the central directory says, so no byte of a
        package can change without the reader noticing.
        """
        assert self._zip is not None
        assert self._stream is not None
        infos = sorted(self._zip.infolist(), key=lambda i: i.header_offset)
        position = 0
        for info in infos:
            problem = self._header_problem(info, position)
            if problem:
                raise self._fatal("container_invalid", f"{info.filename}: {problem}", info.filename)
            name_length = len(info.filename.encode("utf-8"))
            position = info.header_offset + 30 + name_length + info.compress_size
        start_dir = getattr(self._zip, "start_dir", None)
        directory = sum(46 + len(i.filename.encode("utf-8")) for i in infos)
        self._stream.seek(0, 2)
        size = self._stream.tell()
        self._stream.seek(size - 22)
        end = struct.unpack("<4sHHHHIIH", self._stream.read(22))
        expected_end = (b"PK\x05\x06", 0, 0, len(infos), len(infos), directory, position, 0)
        if position != start_dir or size != position + directory + 22 or end != expected_end:
            raise self._fatal(
                "container_invalid",
                "the zip file holds bytes outside its members (it was altered after signing)",
            )
        self._check_directory(position)

    def _check_directory(self, start: int) -> None:
        """Refuse a central directory entry with any byte other than the one Ombud writes.

        zipfile reads some bytes of an entry without checking them (the high byte of the
        version needed, for one): each entry is compared whole with the entry its fields give.
        """
        assert self._zip is not None
        assert self._stream is not None
        self._stream.seek(start)
        for info in self._zip.infolist():
            name = info.filename.encode("utf-8")
            expected = struct.pack(
                "<4s4B4HL2L5H2L",
                b"PK\x01\x02",
                info.create_version,
                3,
                info.extract_version,
                0,
                info.flag_bits,
                info.compress_type,
                *_dos_time(info.date_time),
                info.CRC,
                info.compress_size,
                info.file_size,
                len(name),
                0,
                0,
                0,
                0,
                info.external_attr,
                info.header_offset,
            )
            if self._stream.read(46 + len(name)) != expected + name:
                raise self._fatal(
                    "container_invalid",
                    f"{info.filename}: its central directory entry was altered",
                    info.filename,
                )

    def _header_problem(self, info: zipfile.ZipInfo, position: int) -> str | None:
        if info.header_offset != position:
            return "there are bytes between the members"
        if info.extra or info.comment or info.internal_attr or info.volume:
            return "extra fields or comments, which Ombud never writes"
        if info.create_system != 3 or info.create_version != info.extract_version:
            return "a zip entry made by another program"
        if info.flag_bits & ~0x800 or info.compress_type not in (
            zipfile.ZIP_STORED,
            zipfile.ZIP_DEFLATED,
        ):
            return "an unsupported compression or flag"
        assert self._stream is not None
        self._stream.seek(info.header_offset)
        header = self._stream.read(30)
        if len(header) != 30:
            return "its header is cut off"
        fields = struct.unpack("<4sHHHHHIIIHH", header)
        expected = (
            b"PK\x03\x04",
            info.extract_version,
            info.flag_bits,
            info.compress_type,
            *_dos_time(info.date_time),
            info.CRC,
            info.compress_size,
            info.file_size,
            len(info.filename.encode("utf-8")),
            0,
        )
        if fields != expected:
            return "its local header does not match the central directory"
        return None

    def _read_small(self, name: str) -> bytes:
        info = self._infos[name]
        if info.file_size > MAX_MANIFEST_BYTES or _ratio(info) > MAX_COMPRESSION_RATIO:
            raise self._fatal("manifest_invalid", f"{name} is implausibly large", name)
        try:
            assert self._zip is not None
            with self._zip.open(info) as stream:
                return stream.read(MAX_MANIFEST_BYTES + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError):
            raise self._fatal("damaged", f"{name} is damaged", name) from None

    def _read_manifest(self) -> Manifest:
        raw = self._read_small(MANIFEST)
        try:
            data = strict_json.loads(raw, what=MANIFEST)
        except strict_json.JSONRefused as exc:
            raise self._fatal(exc.code, exc.message, MANIFEST) from None
        if not isinstance(data, dict) or data.get("format") != PACKAGE_FORMAT:
            raise self._fatal("not_a_package", "manifest.json is not an Ombud package manifest")
        version = data.get("format_version")
        if (
            raw != canonical_manifest(data)
            and raw != legacy_manifest(data)
            and version in READABLE_VERSIONS
        ):
            # The signature covers the canonical bytes; any other spelling of the same value
            # (re-indented, keys reordered, 1.0 for 1) is not what was signed.
            raise self._fatal(
                "manifest_not_canonical",
                "manifest.json is not byte for byte the canonical JSON (RFC 8785) that was "
                "signed: it was rewritten after signing",
                MANIFEST,
            )
        if type(version) is not int or version not in READABLE_VERSIONS:
            raise self._fatal(
                "format_version_unknown",
                f"package format version {version!r} is not known to this version of Ombud "
                f"Desktop (it reads versions up to {PACKAGE_FORMAT_VERSION})",
            )
        # The signature covers the canonical bytes (the member itself, or for a package of
        # version 0.1.0 the canonical form of the value its legacy spelling holds).
        self._manifest_bytes = canonical_manifest(data)
        try:
            manifest = parse_manifest(data)
        except PackageError as exc:
            raise self._fatal("manifest_invalid", exc.message) from None
        for member in manifest.members:
            reason = unsafe_path_reason(member.path)
            if reason or member.path in (MANIFEST, SIGNATURE):
                raise self._fatal(
                    "manifest_invalid", f"the manifest lists {member.path!r}", member.path
                )
            if member.path in self._declared:
                raise self._fatal(
                    "manifest_invalid", f"the manifest lists {member.path!r} twice", member.path
                )
            self._declared[member.path] = member
        return manifest

    def _check_signature(self, manifest: Manifest) -> None:
        report = self.report
        try:
            raw_key = base64.b64decode(manifest.signer_key, validate=True)
            key = Ed25519PublicKey.from_public_bytes(raw_key)
        except ValueError:
            raise self._fatal("manifest_invalid", "the signer's public key is malformed") from None
        report.signer_fingerprint = fingerprint(raw_key)
        report.signer_name = str(manifest.data["signer"].get("name") or "")
        try:
            doc = strict_json.loads(self._read_small(SIGNATURE), what=SIGNATURE)
            signature = base64.b64decode(str(doc["signature"]), validate=True)
        except (strict_json.JSONRefused, KeyError, TypeError, ValueError):
            self._problem("signature_invalid", "signature.json is malformed", SIGNATURE)
            return
        try:
            key.verify(signature, SIGNATURE_PURPOSE + self._manifest_bytes)
        except InvalidSignature:
            self._problem(
                "signature_invalid",
                "the signature does not match the manifest: the package was altered or the "
                "signature belongs to another package",
                SIGNATURE,
            )
            return
        report.signature_valid = True
        report.trusted = self.trusted(report.signer_fingerprint)
        if self.identify is not None:
            name = self.identify(manifest, report.signer_fingerprint)
            report.trusted = report.trusted or name is not None
            if name and name != report.signer_name:
                report.signer_claimed_name = report.signer_name or None
                report.signer_name = name
        if not report.trusted:
            who = f"{report.signer_name} " if report.signer_name else ""
            self._problem(
                "signer_untrusted",
                f"signed by {who}with key {short(report.signer_fingerprint)}, which is not "
                "in your trusted keys",
            )

    def _check_members(self, manifest: Manifest) -> None:
        present = {n for n in self._infos if n not in (MANIFEST, SIGNATURE)}
        declared = set(self._declared)
        for name in sorted(declared - present):
            self._problem("member_missing", f"{name} is listed in the manifest but missing", name)
        for name in sorted(present - declared):
            self._problem("member_extra", f"{name} is in the package but not in the manifest", name)
        total = sum(self._infos[n].file_size for n in present)
        if total > self.max_bytes:
            raise self._fatal(
                "package_too_large",
                f"the package unpacks to {_mb(total)}, over the limit of {_mb(self.max_bytes)}",
            )
        stamp = _stamp(str(manifest.data.get("created_at", "")))
        for name, info in sorted(self._infos.items()):
            stored = name.startswith(("evidence/", "personal/"))
            if (
                info.date_time != stamp
                or info.external_attr != 0o644 << 16
                or info.compress_type != (zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
            ):
                self._problem(
                    "container_invalid",
                    f"{name}: its zip entry was changed after signing (time, mode or compression)",
                    name,
                )
        for name in sorted(declared & present):
            problem = self._check_member(self._declared[name], self._infos[name])
            if problem:
                self.report.problems.append(problem)

    def _check_member(self, member: Member, info: zipfile.ZipInfo) -> Problem | None:
        name = member.path
        if info.file_size > member.size:
            return Problem(
                "member_too_large",
                f"{name} is {info.file_size} bytes, larger than the {member.size} the manifest "
                "declares",
                name,
            )
        if info.file_size != member.size:
            return Problem(
                "member_size_mismatch",
                f"{name} is {info.file_size} bytes, the manifest says {member.size}",
                name,
            )
        if info.file_size > RATIO_CHECK_FROM_BYTES and _ratio(info) > MAX_COMPRESSION_RATIO:
            return Problem(
                "zip_bomb",
                f"{name} would expand {_ratio(info):.0f} times (limit {MAX_COMPRESSION_RATIO})",
                name,
            )
        # A JSON member is read strictly now, so ``verify`` refuses what ``import`` would.
        sink = io.BytesIO() if name.endswith(".json") else None
        try:
            size, digest = self._stream_member(info, member.size, sink)
        except PackageError as exc:
            return Problem(exc.code, exc.message, name)
        if size > member.size:
            return Problem(
                "member_too_large", f"{name} holds more bytes than the manifest declares", name
            )
        if digest != member.sha256:
            return Problem("member_altered", f"{name} was altered (SHA-256 mismatch)", name)
        if sink is not None and digest not in _READ_STRICTLY:
            try:
                self._json[name] = strict_json.loads(sink.getvalue(), what=name)
            except strict_json.JSONRefused as exc:
                return Problem(exc.code, exc.message, name)
            if len(_READ_STRICTLY) >= _READ_STRICTLY_MAX:
                _READ_STRICTLY.clear()
            _READ_STRICTLY.add(digest)
        return None

    def _stream_member(
        self, info: zipfile.ZipInfo, limit: int, sink: BinaryIO | None
    ) -> tuple[int, str]:
        """Read a member (at most ``limit`` + 1 bytes); return its size and SHA-256."""
        assert self._zip is not None
        digest = hashlib.sha256()
        size = 0
        try:
            with self._zip.open(info) as stream:
                while size <= limit:
                    chunk = stream.read(min(CHUNK, limit + 1 - size))
                    if not chunk:
                        break
                    size += len(chunk)
                    digest.update(chunk)
                    if sink is not None and size <= limit:
                        sink.write(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
            raise PackageError(
                f"{info.filename} is damaged ({exc})", code="member_altered"
            ) from None
        return size, digest.hexdigest()

    # -- reading, once verified ----------------------------------------------------------------

    def declared(self, name: str) -> Member | None:
        """Return the manifest entry of a member, or None."""
        return self._declared.get(name)

    def read_json(self, name: str) -> Any:
        """Return the value of a declared ``.json`` member, read strictly when it was verified."""
        if name in self._json and self._readable():
            return self._json[name]
        return strict_json.loads(self.read_member(name), what=name)

    def forget_json(self, keep: Callable[[str], bool]) -> None:
        """Forget the JSON members parsed while verifying, but those ``keep`` names."""
        self._json = {name: value for name, value in self._json.items() if keep(name)}

    def read_member(self, name: str) -> bytes:
        """Return a declared member's bytes, checked against the manifest as they are read."""
        buffer = io.BytesIO()
        self.copy_member(name, buffer)
        return buffer.getvalue()

    def copy_member(self, name: str, sink: BinaryIO) -> None:
        """Write a declared member into ``sink``; raise PackageError if it does not match."""
        if not self._readable():
            raise PackageError("the package has not been verified", code="not_verified")
        member = self._declared.get(name)
        if member is None or name not in self._infos:
            raise PackageError(f"{name} is not in the package", code="member_missing")
        if self._zip is None:  # checked by another process, or closed since: opened again
            said = len(self.report.problems)
            try:
                self._stream = self._open_regular_file()
                self._zip = zipfile.ZipFile(self._stream)
            except (_Fatal, zipfile.BadZipFile, OSError, ValueError, EOFError):
                del self.report.problems[said:]  # the report is of the check, which passed
                self.close()
                raise PackageError(
                    f"{self.path.name} changed or went away while it was being read",
                    code="member_altered",
                    hint="Copy the package again and import the copy.",
                ) from None
        size, digest = self._stream_member(self._infos[name], member.size, sink)
        if size != member.size or digest != member.sha256:
            raise PackageError(
                f"{name} changed while it was being read",
                code="member_altered",
                hint="Copy the package again and import the copy.",
            )

    def _readable(self) -> bool:
        """Return True once every member was checked and nothing but trust is wrong."""
        verified = self.report.ok or self.report.only_untrusted
        return verified and self._members_checked


def _stamp(created_at: str) -> tuple[int, ...] | None:
    """Return the zip time stamp the exporter gives every member of a package made then."""
    try:
        moment = datetime.strptime(created_at[:19], "%Y-%m-%dT%H:%M:%S")
    except ValueError:
        return None
    return zip_stamp(moment)


def _file_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


def _dos_time(date_time: tuple[int, ...]) -> tuple[int, int]:
    year, month, day, hour, minute, second = date_time
    return (hour << 11) | (minute << 5) | (second // 2), ((year - 1980) << 9) | (month << 5) | day


def _ratio(info: zipfile.ZipInfo) -> float:
    return info.file_size / max(info.compress_size, 1)


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"
