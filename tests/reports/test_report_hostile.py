"""Reports draw what arrives as data, never as markup or as a crash.

An evidence file a report cannot draw (it came in before the evidence check, or the store was
tampered with) gets a placeholder in the on-site summary; reportlab markup in names is printed
as the characters it is made of.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.reports.labels import label
from ombud_desktop.services.assessments import AssessmentService, NewAssessment
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.services.reports import ReportRequest, build_report, locus_report
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.changes import Edit
from ombud_desktop.storage.documents import load_document
from tests.hostile_files import HOSTILE, photo

PRINTED = "2024-06-01"


def text_of(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def images_in(pdf: bytes) -> int:
    return sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages)


def put_evidence(ws: Workspace, assessment_id: str, content: bytes, indicator: str) -> None:
    """Place a file in the evidence store and record it as a photo, bypassing every check."""
    sha = hashlib.sha256(content).hexdigest()
    target = ws.evidence_dir / sha[:2] / sha
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    values = {"sha256": sha, "filename": f"{indicator}.jpg", "media_type": "image/jpeg",
              "size": len(content), "taken_at": None, "indicator": indicator, "product": None}
    evidence_id = ws.ids()
    ws.write(assessment_id, [Edit("evidence", evidence_id, k, v) for k, v in values.items()])


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    workspace = Workspace.open(tmp_path / "ws")
    workspace.set_profile("Demo", None)
    return workspace


def test_an_evidence_file_that_cannot_be_drawn_gets_a_placeholder(ws: Workspace) -> None:
    instrument = builtin_instrument("ori-2023")
    service = AssessmentService(ws)
    aid = service.create(instrument, NewAssessment("kota", "Kota Contoh", "Jawa Barat",
                                                   "Dinas Kependudukan", 2024)).value
    put_evidence(ws, aid, photo((800, 600)), "IN07")
    indicators = ["IN08", "IN09", "IN10", "IN11", "IN12"]
    for kind, indicator in zip(sorted(HOSTILE), indicators, strict=True):
        put_evidence(ws, aid, HOSTILE[kind][0](), indicator)
    assert len(load_document(ws, aid).evidence) == 6
    assert len(locus_report(ws, aid).photos) == 6
    for language in ("id", "en"):
        pdf = build_report(ws, ReportRequest("locus", aid, language=language,
                                             printed_on=PRINTED)).pdf
        assert images_in(pdf) == 1  # the one real photo
        assert text_of(pdf).count(label("photo_unreadable", language)) == len(HOSTILE)


MARKUP = [
    '<font color="red" size="40">Kota</font>',
    '<a href="http://contoh.invalid/">klik</a>',
    '<img src="/etc/passwd" width="10" height="10"/>',
    "&amp; <b>tebal</b>",
]


def test_reportlab_markup_in_names_is_drawn_literally(ws: Workspace) -> None:
    instrument = builtin_instrument("ori-2023")
    generate_demo(ws, instrument, entities=1, seed=1)
    service = AssessmentService(ws)
    aid = service.create(instrument, NewAssessment("kota", MARKUP[0], MARKUP[3], MARKUP[1], 2024,
                                                   products=(MARKUP[2],))).value
    pdf = build_report(ws, ReportRequest("locus", aid, printed_on=PRINTED)).pdf
    text = text_of(pdf)
    for markup in (MARKUP[0], MARKUP[1]):
        assert markup in text
    assert b"/URI" not in pdf
    assert b"/Link" not in pdf
    assert images_in(pdf) == 0
