"""Photos as phones make them, built in the test: HEIC or JPEG with EXIF time, offset and GPS."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pillow_heif
from PIL import Image

EXIF_IFD, GPS_IFD = 0x8769, 0x8825
DATETIME_ORIGINAL, OFFSET_TIME_ORIGINAL = 0x9003, 0x9011

pillow_heif.register_heif_opener()


def phone_photo(
    path: Path,
    *,
    taken: str | None = "2024:08:12 09:15:30",
    offset: str | None = "+07:00",
    gps: dict[int, Any] | None = None,
    size: tuple[int, int] = (640, 480),
    format: str = "HEIF",
) -> Path:
    """Write a photo with the EXIF a phone writes; ``gps`` as EXIF's GPS tags (1-4)."""
    image = Image.new("RGB", size, (40, 140, 90))
    exif = Image.Exif()
    if taken:
        exif.get_ifd(EXIF_IFD)[DATETIME_ORIGINAL] = taken
    if offset:
        exif.get_ifd(EXIF_IFD)[OFFSET_TIME_ORIGINAL] = offset
    if gps is None:  # Serang, Banten: 6°7'12" S, 106°9'0" E
        gps = {1: "S", 2: (6.0, 7.0, 12.0), 3: "E", 4: (106.0, 9.0, 0.0)}
    if gps:
        exif.get_ifd(GPS_IFD).update(gps)
    image.save(path, format, exif=exif.tobytes())
    return path
