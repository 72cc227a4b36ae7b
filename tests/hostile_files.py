"""Real hostile files that pretend to be evidence photos: each is built the way an attacker would.

Shared by the evidence, package and report tests.
"""

from __future__ import annotations

import io
import shutil
import struct
import zipfile
import zlib
from pathlib import Path

from PIL import Image

CLAIMED = 50_000  # pixels a side: 2.5 gigapixels, 7.5 GB to decode


def zip_of_zips(levels: int = 3) -> bytes:
    """Return a real zip holding a zip holding a zip ... (a small "zip bomb" shape)."""
    data = b"0" * 100_000
    name = "isi.txt"
    for level in range(levels):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for copy in range(4):
                archive.writestr(f"{copy}-{name}", data)
        data, name = buffer.getvalue(), f"lapis{level}.zip"
    return data


def executable() -> bytes:
    """Return the bytes of a real program of this machine (an ELF file)."""
    program = shutil.which("true") or shutil.which("ls")
    assert program is not None
    return Path(program).read_bytes()


def png_claiming(width: int = CLAIMED, height: int = CLAIMED) -> bytes:
    """Return a real PNG whose header (IHDR, with a correct CRC) claims ``width`` x ``height``."""
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (10, 200, 30)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    assert data[12:16] == b"IHDR"
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])) & 0xFFFFFFFF)
    return bytes(data)


def jpeg_claiming(width: int = CLAIMED, height: int = CLAIMED) -> bytes:
    """Return a real JPEG whose frame header (SOF0) claims ``width`` x ``height``."""
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), (200, 30, 30)).save(buffer, "JPEG")
    data = bytearray(buffer.getvalue())
    sof = data.index(b"\xff\xc0")
    # SOF0: marker, length (2), precision (1), height (2), width (2)
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def photo(size: tuple[int, int] = (640, 480), kind: str = "JPEG") -> bytes:
    """Return a real, honest photo."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 120, 200)).save(buffer, kind)
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
EPS = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n"

# name -> (bytes, the code a file added in the app gets)
HOSTILE = {
    "zip-of-zips": (zip_of_zips, "evidence_unsupported"),
    "executable": (executable, "evidence_unsupported"),
    "eps": (lambda: EPS, "evidence_unsupported"),
    "png-50000": (png_claiming, "evidence_dimensions"),
    "jpeg-50000": (jpeg_claiming, "evidence_dimensions"),
}
