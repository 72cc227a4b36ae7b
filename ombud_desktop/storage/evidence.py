"""Evidence files: checked, photos downscaled, stored once by SHA-256, written atomically.

:func:`check_evidence_content` is the one check of what an evidence file holds, for a file
added in the app and for one arriving in a package alike: a PDF document (``%PDF-``) or a photo
in one of a few formats that decodes whole within sane dimensions. Pillow is asked to try only
those formats: a file named .jpg is never handed to another of its decoders (EPS would even
start Ghostscript), and an archive or a program is refused as not a photo.

A phone's HEIC/HEIF photo (pillow-heif) is accepted and, like every photo, stored as a JPEG: the
store, the thumbnails and the packages then know one photo format only. What the camera said
about the photo is kept beside it in the evidence record (:class:`PhotoFacts`): the capture time
(EXIF DateTimeOriginal, the camera's own clock), its offset from UTC when the camera wrote one,
and the GPS position. A value the camera wrote wrongly is dropped, never a reason to refuse the
photo.
"""

from __future__ import annotations

import hashlib
import io
import math
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pillow_heif
from PIL import (  # the plugins of PHOTO_FORMATS, so that Image.open(formats=…) knows them
    Image,
    ImageOps,
    JpegImagePlugin,  # noqa: F401
    PngImagePlugin,  # noqa: F401
    UnidentifiedImageError,
    WebPImagePlugin,  # noqa: F401
)

from ombud_desktop.errors import EvidenceError
from ombud_desktop.files import is_disk_full, write_atomically

# Pillow learns the format "HEIF" (.heic and .heif files); opened only where it is asked for.
pillow_heif.register_heif_opener()

DEFAULT_MAX_EDGE = 1920
DEFAULT_MAX_BYTES = 100 * 1024 * 1024
# Sane dimensions, checked from the header before anything is decoded: more than any phone's
# photo (a 200 MP sensor saves 12-50 MP by default), far less than a "photo" of 50,000 x 50,000
# pixels whose decoding would need 7.5 GB.
MAX_IMAGE_PIXELS = 80_000_000
MAX_IMAGE_EDGE = 20_000
# Formats a photo may arrive in from a camera or a phone (Pillow opens a JPEG with a second
# frame, MPO, through its JPEG format).
PHOTO_FORMATS = ("JPEG", "PNG", "WEBP", "HEIF")
# The evidence store keeps photos as JPEG (they are recompressed when added): a package can
# carry nothing else, and a declared media type must be the one its content has.
STORED_PHOTO_FORMATS = ("JPEG",)
PDF = "application/pdf"
JPEG = "image/jpeg"
JPEG_QUALITY = 85
_EXIF_DATETIME_ORIGINAL = 0x9003
_EXIF_DATETIME = 0x0132
_EXIF_IFD = 0x8769
_EXIF_OFFSET_TIME = 0x9010
_EXIF_OFFSET_TIME_ORIGINAL = 0x9011
_GPS_IFD = 0x8825
_GPS_LATITUDE_REF, _GPS_LATITUDE, _GPS_LONGITUDE_REF, _GPS_LONGITUDE = 1, 2, 3, 4
_OFFSET = re.compile(r"[+-](\d{2}):(\d{2})\Z", re.ASCII)


@dataclass(frozen=True)
class PhotoFacts:
    """What a photo's EXIF says of when and where it was taken (None: the camera did not say).

    ``taken_at`` is the camera's local time (``YYYY-MM-DDTHH:MM:SS``, no zone); ``taken_offset``
    its offset from UTC (``+07:00``); ``latitude`` and ``longitude`` in decimal degrees.
    """

    taken_at: str | None = None
    taken_offset: str | None = None
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class StoredFile:
    """A file placed in the evidence store."""

    sha256: str
    size: int
    media_type: str
    taken_at: str | None
    path: Path
    created: bool
    facts: PhotoFacts = PhotoFacts()


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
        content, media_type, facts = data, PDF, PhotoFacts()
    else:
        content, media_type, facts = _prepare_photo(data, source.name, max_edge)
    digest = hashlib.sha256(content).hexdigest()
    target = evidence_dir / digest[:2] / digest
    created = not (target.exists() and target.stat().st_size == len(content))
    if created:
        _write_atomically(target, content, source.name)
    return StoredFile(
        digest, len(content), media_type, facts.taken_at, target, created=created, facts=facts
    )


def check_evidence_content(
    data: bytes, name: str, *, stored: bool = False, max_bytes: int = DEFAULT_MAX_BYTES
) -> str:
    """Check that ``data`` is a PDF document or a readable photo; return its media type.

    ``stored``: the file is one the evidence store keeps as it is (one in a package), so a
    photo must be a JPEG. Raises EvidenceError (evidence_empty, evidence_too_large,
    evidence_unsupported, evidence_corrupt, evidence_dimensions).
    """
    if not data:
        raise EvidenceError(
            f"{name}: the file is empty",
            code="evidence_empty",
            filename=name,
            hint="Choose the photo or document again.",
        )
    if len(data) > max_bytes:
        raise EvidenceError(
            f"{name}: {len(data) / 1024 / 1024:.0f} MB is larger than the "
            f"{max_bytes / 1024 / 1024:.0f} MB allowed",
            code="evidence_too_large",
            hint="Attach a smaller file: a photo, or a PDF of only the pages that matter.",
            size=len(data),
            limit=max_bytes,
            limit_mb=f"{max_bytes / 1024 / 1024:.0f}",
            filename=name,
        )
    if data.startswith(b"%PDF-"):
        return PDF
    _open_photo(data, name, STORED_PHOTO_FORMATS if stored else PHOTO_FORMATS).close()
    return JPEG if stored else _media_type(data)


def _media_type(data: bytes) -> str:
    with Image.open(io.BytesIO(data), formats=PHOTO_FORMATS) as image:
        return Image.MIME.get(image.format or "", "image/jpeg")


def _open_photo(data: bytes, name: str, formats: tuple[str, ...]) -> Image.Image:
    """Return the photo in ``data`` decoded whole, its dimensions checked before decoding."""
    try:
        with Image.open(io.BytesIO(data), formats=formats) as probe:
            _check_dimensions(probe.size, name)
            probe.verify()
        image = Image.open(io.BytesIO(data), formats=formats)
        image.load()
    except UnidentifiedImageError:
        raise EvidenceError(
            f"{name}: not a photo or a PDF document",
            code="evidence_unsupported",
            filename=name,
            hint="Attach a photo (JPEG, PNG, HEIC) or a PDF document.",
        ) from None
    except Image.DecompressionBombError as exc:
        # Pillow's own limit (above ours) stopped it while reading the header.
        raise _too_many_pixels(name, None, str(exc)) from None
    except EvidenceError:
        raise
    except Exception as exc:  # Pillow's decoders raise many kinds of error on bad bytes
        raise EvidenceError(
            f"{name}: the photo is damaged and cannot be read ({type(exc).__name__}: {exc})",
            code="evidence_corrupt",
            filename=name,
            hint="Copy the photo from the camera again, or take it again.",
        ) from None
    return image


def _check_dimensions(size: tuple[int, int], name: str) -> None:
    width, height = size
    if width <= 0 or height <= 0:
        raise EvidenceError(
            f"{name}: the photo has no pixels ({width} × {height})",
            code="evidence_corrupt",
            filename=name,
            hint="Copy the photo from the camera again, or take it again.",
        )
    if width * height > MAX_IMAGE_PIXELS or max(width, height) > MAX_IMAGE_EDGE:
        raise _too_many_pixels(name, size)


def _too_many_pixels(name: str, size: tuple[int, int] | None, why: str = "") -> EvidenceError:
    said = f" ({size[0]} × {size[1]} pixels)" if size else f" ({why})"
    return EvidenceError(
        f"{name}: the photo is too large to open{said}; at most "
        f"{MAX_IMAGE_PIXELS // 1_000_000} million pixels and {MAX_IMAGE_EDGE} pixels a side",
        code="evidence_dimensions",
        filename=name,
        width=size[0] if size else None,
        height=size[1] if size else None,
        hint="Attach the photo as the camera saved it, or a smaller copy of it.",
    )


def _prepare_photo(data: bytes, name: str, max_edge: int) -> tuple[bytes, str, PhotoFacts]:
    image = _open_photo(data, name, PHOTO_FORMATS)
    exif = image.getexif()
    facts = photo_facts(exif)
    taken_at = facts.taken_at
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
        if facts.taken_offset:
            keep.get_ifd(_EXIF_IFD)[_EXIF_OFFSET_TIME_ORIGINAL] = facts.taken_offset
    image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, exif=keep.tobytes())
    return out.getvalue(), "image/jpeg", facts


def photo_facts(exif: Image.Exif) -> PhotoFacts:
    """Return the capture time, its UTC offset and the GPS position a photo's EXIF holds."""
    try:
        details = exif.get_ifd(_EXIF_IFD)
    except Exception:  # a damaged EXIF block: the photo itself may still be fine
        details = {}
    original = details.get(_EXIF_DATETIME_ORIGINAL)
    taken_at = _capture_time(original or exif.get(_EXIF_DATETIME))
    offset = None
    if taken_at is not None:
        offset = _offset(
            details.get(_EXIF_OFFSET_TIME_ORIGINAL if original else _EXIF_OFFSET_TIME)
        )
    latitude = longitude = None
    try:
        gps = exif.get_ifd(_GPS_IFD)
    except Exception:
        gps = {}
    if gps:
        latitude = _degrees(gps.get(_GPS_LATITUDE), gps.get(_GPS_LATITUDE_REF), "NS", 90)
        longitude = _degrees(gps.get(_GPS_LONGITUDE), gps.get(_GPS_LONGITUDE_REF), "EW", 180)
        if latitude is None or longitude is None:
            latitude = longitude = None
    return PhotoFacts(taken_at, offset, latitude, longitude)


def _capture_time(raw: object) -> str | None:
    if not raw:
        return None
    try:
        return datetime.strptime(str(raw).strip("\x00 "), "%Y:%m:%d %H:%M:%S").isoformat()
    except ValueError:
        return None


def _offset(raw: object) -> str | None:
    text = str(raw).strip("\x00 ") if isinstance(raw, str | bytes) else ""
    match = _OFFSET.match(text)
    if match is None or int(match.group(1)) > 14 or int(match.group(2)) >= 60:
        return None
    return text


def _degrees(raw: object, ref: object, refs: str, limit: int) -> float | None:
    """Return EXIF's (degrees, minutes, seconds) and N/S or E/W as signed decimal degrees."""
    if isinstance(ref, bytes):
        ref = ref.decode("ascii", "replace")
    if not isinstance(ref, str) or ref.strip("\x00 ").upper() not in tuple(refs):
        return None
    try:
        parts = [float(part) for part in raw]  # type: ignore[union-attr]
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    if len(parts) != 3 or not all(math.isfinite(p) and p >= 0 for p in parts):
        return None
    value = parts[0] + parts[1] / 60 + parts[2] / 3600
    if value > limit:
        return None
    if ref.strip("\x00 ").upper() == refs[1]:
        value = -value
    return round(value, 6)


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
