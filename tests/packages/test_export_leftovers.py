"""A killed export leaves its temporary ``.part`` file in the outbox; the next export removes
it (one older than a write could take), and never one another export is writing now."""

from __future__ import annotations

import os
import time
from pathlib import Path

from ombud_desktop.packages.export import export_assessment
from ombud_desktop.storage import Workspace
from tests.packages.conftest import People, with_evidence


def test_the_next_export_removes_a_killed_exports_part_file(
    assessor_ws: Workspace, people: People, tmp_path: Path
) -> None:
    out = tmp_path / "outbox"
    out.mkdir()
    killed = out / ".Kota_Cilegon_Disdukcapil_2024.ombx.x7k2.part"
    killed.write_bytes(b"PK\x03\x04 half a package")
    old = time.time() - 3600
    os.utime(killed, (old, old))
    writing = out / ".Kota_Serang_2024.ombx.q9w8.part"  # another export, still writing
    writing.write_bytes(b"PK\x03\x04")
    result = export_assessment(assessor_ws, with_evidence(assessor_ws), out, people.signer)
    assert not killed.exists()
    assert writing.exists()
    assert sorted(p.name for p in out.iterdir()) == sorted([result.path.name, writing.name])
