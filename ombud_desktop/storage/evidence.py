"""Evidence files: checked, photos downscaled, stored once by SHA-256, written atomically."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from ombud_desktop.errors import EvidenceError
from ombud_desktop.files import is_disk_full, write_atomically

DEFAULT_MAX_EDGE = 1920
DEFAULT_MAX_BYTES = 100 * 1024 * 1024
JPEG_QUALITY = 85
_EXIF_DATETIME_ORIGINAL = 0x9003
_EXIF_DATETIME = 0x0132
_EXIF_IFD = 0x8769


@dataclass(frozen=True)
class StoredFile:
    """A file placed in the evidence store."""

    sha256: str
    size: int
    media_type: str
    taken_at: str | None
    path: Path
    created: bool


def store_evidence_file(
    source: str | Path,
    evidence_dir: Path,
    *,
    max_edge: int = DEFAULT_MAX_EDGE,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> StoredFile:
    """Check ``source``, downscale it if it is a photo, and store it; return what was stored.

    Raises EvidenceError (and stores nothing) for a missing, empty, oversized, corrupt or
    unsupported file, or when the disk is full.
    """
    source = Path(source)
    try:
        size = source.stat().st_size
    except FileNotFoundError:
        raise EvidenceError(
            f"{source.name}: file not found",
            code="evidence_missing",
            filename=source.name,
            hint="Check that the file still exists (a removed memory card?) and try again.",
        ) from None
    if size == 0:
        raise EvidenceError(
            f"{source.name}: the file is empty",
            code="evidence_empty",
            filename=source.name,
            hint="Choose the photo or document again.",
        )
    if size > max_bytes:
        raise EvidenceError(
            f"{source.name}: {size / 1024 / 1024:.0f} MB is larger than the "
            f"{max_bytes / 1024 / 1024:.0f} MB allowed",
            code="evidence_too_large",
            hint="Attach a smaller file: a photo, or a PDF of only the pages that matter.",
            size=size,
            limit=max_bytes,
            limit_mb=f"{max_bytes / 1024 / 1024:.0f}",
            filename=source.name,
        )
    data = source.read_bytes()
    if data.startswith(b"%PDF-"):
        content, media_type, taken_at = data, "application/pdf", None
    else:
        content, media_type, taken_at = _prepare_photo(data, source.name, max_edge)
    digest = hashlib.sha256(content).hexdigest()
    target = evidence_dir / digest[:2] / digest
    if target.exists() and target.stat().st_size == len(content):
        return StoredFile(digest, len(content), media_type, taken_at, target, created=False)
    _write_atomically(target, content, source.name)
    return StoredFile(digest, len(content), media_type, taken_at, target, created=True)


def _prepare_photo(data: bytes, name: str, max_edge: int) -> tuple[bytes, str, str | None]:
    try:
        with Image.open(io.BytesIO(data)) as probe:
            probe.verify()
        image = Image.open(io.BytesIO(data))
        image.load()
    except UnidentifiedImageError:
        raise EvidenceError(
            f"{name}: not a photo or a PDF document",
            code="evidence_unsupported",
            filename=name,
            hint="Attach a photo (JPEG, PNG) or a PDF document.",
        ) from None
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise EvidenceError(
            f"{name}: the photo is damaged and cannot be read ({exc})",
            code="evidence_corrupt",
            filename=name,
            hint="Copy the photo from the camera again, or take it again.",
        ) from None
    exif = image.getexif()
    taken_at = _capture_time(exif)
    image = ImageOps.exif_transpose(image)
    if max(image.size) > max_edge:
        image.thumbnail((max_edge, max_edge), Image.Resampling.LANCZOS)
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    out = io.BytesIO()
    keep = Image.Exif()
    if taken_at:
        stamp = taken_at.replace("-", ":").replace("T", " ")[:19]
        keep[_EXIF_DATETIME] = stamp
        keep.get_ifd(_EXIF_IFD)[_EXIF_DATETIME_ORIGINAL] = stamp
    image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, exif=keep.tobytes())
    return out.getvalue(), "image/jpeg", taken_at


def _capture_time(exif: Image.Exif) -> str | None:
    raw = exif.get_ifd(_EXIF_IFD).get(_EXIF_DATETIME_ORIGINAL) or exif.get(_EXIF_DATETIME)
    if not raw:
        return None
    try:
        return datetime.strptime(str(raw).strip("\x00 "), "%Y:%m:%d %H:%M:%S").isoformat()
    except ValueError:
        return None


def _write_atomically(target: Path, content: bytes, name: str) -> None:
    try:
        write_atomically(target, content)
    except OSError as exc:
        if is_disk_full(exc):
            raise EvidenceError(
                f"{name}: the disk is full",
                code="disk_full",
                filename=name,
                hint="Free some space on the disk and attach the file again; nothing was stored.",
            ) from None
        raise EvidenceError(
            f"{name}: cannot be stored ({exc.strerror})",
            code="evidence_write_failed",
            filename=name,
            hint="Check that the workspace folder is writable; nothing was stored.",
        ) from None
