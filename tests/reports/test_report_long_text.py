"""Long text never breaks a report: every text field of every report, 2,000 characters long.

A long R1 position or team name typed in the app crashed the on-site summary (reportlab's
LayoutError: a table row taller than a page), and a very long entity name the entity recap.
Here every text of each report's data is replaced by a 2,000-character text (words) or a
500-character one without a space, and the real reportlab renders it; the PDF must open, have
pages, and still show the start of the long names. pdftotext reads it too when installed.
"""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.reports.data import Verification
from ombud_desktop.reports.render import render_entity, render_locus, render_province
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.services.reports import entity_report, locus_report, province_report
from ombud_desktop.storage import Workspace

PRINTED = "2024-06-01"
# Not text a person typed: codes the renderer needs as they are (a colour, a file).
KEEP = {"language", "colour", "zone", "path"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """Two entities of 7 loci each (seed 1: some provisional, some with photos)."""
    ws = Workspace.open(tmp_path_factory.mktemp("long") / "ws")
    ws.set_profile("Demo", None)
    generate_demo(ws, builtin_instrument("ori-2023"), entities=2, seed=1)
    yield ws
    ws.close()


def words_text(tag: str) -> str:
    """Return 2,000 characters of words starting with ``tag``."""
    text = tag + " " + " ".join(f"Jabatan{n} Kepala Bidang Pelayanan" for n in range(80))
    return text[:2000]


def unbroken_text(tag: str) -> str:
    """Return 500 characters without a space, starting with ``tag``."""
    return (tag + "W" * 500)[:500]


def lengthen(value: Any, make: Any, tags: Iterator[int], seen: list[str]) -> Any:
    """Return ``value`` with every text in it (fields, tuples, dict keys) made long."""
    if isinstance(value, str) and re.fullmatch(r"#[0-9A-Fa-f]{6}", value):
        return value  # a zone's colour in a (zone, label, colour, count) row
    if isinstance(value, str):
        tag = f"Q{next(tags):03d}Q"
        seen.append(tag)
        return make(tag)
    if isinstance(value, Verification):
        return value  # made by the app from the digest, never typed
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: lengthen(getattr(value, f.name), make, tags, seen)
            for f in dataclasses.fields(value) if f.name not in KEEP
        }
        return dataclasses.replace(value, **changes)
    if isinstance(value, tuple):
        return tuple(lengthen(v, make, tags, seen) for v in value)
    if isinstance(value, dict):
        return {lengthen(k, make, tags, seen): v for k, v in value.items()}
    return value


def opens(pdf: bytes, tmp_path: Path) -> str:
    """Return the text of ``pdf`` after checking it opens and has pages."""
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 1
    text = "\n".join(page.extract_text() for page in reader.pages)
    if shutil.which("pdftotext"):
        path = tmp_path / "report.pdf"
        path.write_bytes(pdf)
        result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, timeout=60)
        assert result.returncode == 0, result.stderr
    return text


MAKERS = {"words": words_text, "unbroken": unbroken_text}


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("kind", list(MAKERS))
def test_every_text_of_the_on_site_summary_may_be_long(
    demo: Workspace, tmp_path: Path, kind: str, language: str
) -> None:
    rows = demo.assessment_rows()
    report = locus_report(demo, rows[0]["id"], language=language, printed_on=PRINTED)
    seen: list[str] = []
    long = lengthen(report, MAKERS[kind], count(), seen)
    assert len(seen) > 50  # every field, row and name was made long
    assert long.entity.startswith("Q")
    assert len(long.team) == len(report.team)
    text = opens(render_locus(long), tmp_path)
    for name in (long.entity, long.locus, *long.team, long.signatories[0].position):
        assert name[:5] in text, name[:5]


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("kind", list(MAKERS))
def test_every_text_of_the_entity_recap_may_be_long(
    demo: Workspace, tmp_path: Path, kind: str, language: str
) -> None:
    name = demo.assessment_rows()[0]["entity"]["name"]
    report = entity_report(demo, name, language=language, printed_on=PRINTED)
    seen: list[str] = []
    long = lengthen(report, MAKERS[kind], count(), seen)
    assert len(seen) > 20
    text = opens(render_entity(long), tmp_path)
    assert long.entity[:5] in text
    for locus in long.loci:
        assert locus.name[:5] in text


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("kind", list(MAKERS))
def test_every_text_of_the_province_overview_may_be_long(
    demo: Workspace, tmp_path: Path, kind: str, language: str
) -> None:
    report = province_report(demo, language=language, printed_on=PRINTED)
    seen: list[str] = []
    long = lengthen(report, MAKERS[kind], count(), seen)
    assert len(seen) > 10
    text = opens(render_province(long), tmp_path)
    for entity in long.entities:
        assert entity.entity[:5] in text


def test_a_long_head_of_unit_position_and_team_name(demo: Workspace, tmp_path: Path) -> None:
    """The crash as reported: a long R1 position and team name (only those fields long)."""
    aid = demo.assessment_rows()[1]["id"]
    report = locus_report(demo, aid, printed_on=PRINTED)
    long = dataclasses.replace(
        report,
        team=(words_text("TIM"), unbroken_text("TAM")),
        signatories=tuple(
            dataclasses.replace(s, name=words_text("NAMA"), position=words_text("POSISI"))
            for s in report.signatories
        ),
        roles=tuple(dataclasses.replace(r, position=words_text("POS")) for r in report.roles),
    )
    text = opens(render_locus(long), tmp_path)
    assert "POSISI" in text
    assert "TIM" in text
    assert "TAM" in text
