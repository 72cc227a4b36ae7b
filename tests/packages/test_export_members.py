"""How the export packs its members: photos stored byte for byte, JSON deflated quickly."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from ombud_desktop.packages.export import DEFLATE_LEVEL


def _raw_deflate(data: bytes, level: int) -> int:
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    return len(compressor.compress(data) + compressor.flush())


def test_photos_are_stored_as_they_are_and_json_is_deflated_at_the_fast_level(
    package: Path,
) -> None:
    with zipfile.ZipFile(package) as archive:
        infos = archive.infolist()
        evidence = [i for i in infos if i.filename.startswith("evidence/")]
        assert evidence, "the fixture's package has photos"
        for info in evidence:
            # Stored: no deflate pass over already-compressed JPEG bytes.
            assert info.compress_type == zipfile.ZIP_STORED
            assert info.compress_size == info.file_size
        deflated = [i for i in infos if not i.filename.startswith(("evidence/", "personal/"))]
        assert {i.filename.split("/")[0] for i in deflated} >= {
            "manifest.json", "signature.json", "assessments", "instrument", "batches"
        }
        for info in deflated:
            assert info.compress_type == zipfile.ZIP_DEFLATED
            # The fast level, not zlib's default 6 (which took most of a small export's time).
            assert info.compress_size == _raw_deflate(archive.read(info), DEFLATE_LEVEL)
        instrument = next(i for i in deflated if i.filename.startswith("instrument/"))
        assert instrument.compress_size != _raw_deflate(archive.read(instrument), 6)
