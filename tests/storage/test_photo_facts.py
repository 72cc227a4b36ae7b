"""Photos as phones make them: HEIC accepted, capture time, its offset and GPS position kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from ombud_desktop.services.assessments import AssessmentService
from ombud_desktop.storage import Workspace
from tests.photo_files import phone_photo


def test_a_heic_photo_is_stored_as_jpeg_with_its_time_and_position(
    tmp_path: Path, workspace: Workspace, service: AssessmentService, assessment_id: str
) -> None:
    heic = phone_photo(tmp_path / "IMG_0412.HEIC")
    assert heic.read_bytes()[4:12] == b"ftypheic"  # a real HEIC file, as an iPhone saves it
    service.add_evidence(assessment_id, heic, indicator="IN13")
    [ref] = service.document(assessment_id).evidence
    assert (ref.filename, ref.media_type) == ("IMG_0412.HEIC", "image/jpeg")
    assert ref.taken_at == "2024-08-12T09:15:30"
    assert ref.taken_offset == "+07:00"
    assert ref.latitude == pytest.approx(-6.12)
    assert ref.longitude == pytest.approx(106.15)
    stored = workspace.evidence_dir / ref.sha256[:2] / ref.sha256
    with Image.open(stored) as image:  # what thumbnails and packages read
        assert image.format == "JPEG"
        assert image.size == (640, 480)


def test_a_jpeg_with_no_gps_keeps_no_position_and_writes_no_empty_changes(
    tmp_path: Path, workspace: Workspace, service: AssessmentService, assessment_id: str
) -> None:
    photo = phone_photo(tmp_path / "a.jpg", gps={}, offset=None, format="JPEG")
    evidence_id = service.add_evidence(assessment_id, photo, indicator="IN13").value
    [ref] = service.document(assessment_id).evidence
    assert (ref.taken_at, ref.taken_offset, ref.latitude, ref.longitude) == (
        "2024-08-12T09:15:30", None, None, None
    )
    fields = {c.field for c in workspace.changes(assessment_id) if c.row_id == evidence_id}
    assert not fields & {"taken_offset", "latitude", "longitude"}


@pytest.mark.parametrize(
    ("gps", "offset"),
    [
        ({1: "N", 2: (400.0, 0.0, 0.0), 3: "E", 4: (106.0, 0.0, 0.0)}, "+99:00"),
        ({1: "Q", 2: (6.0, 0.0, 0.0), 3: "E", 4: (106.0, 0.0, 0.0)}, "garbage"),
        ({1: "S", 2: (6.0, 0.0), 3: "E", 4: (106.0, 0.0, 0.0)}, "+7"),
        ({1: "S", 2: (6.0, 0.0, 0.0), 3: "E", 4: (181.0, 0.0, 0.0)}, "-13:75"),
    ],
)
def test_what_a_camera_wrote_wrongly_is_dropped_and_the_photo_kept(
    tmp_path: Path, service: AssessmentService, assessment_id: str,
    gps: dict[int, object], offset: str,
) -> None:
    photo = phone_photo(tmp_path / "odd.jpg", gps=gps, offset=offset, format="JPEG")
    service.add_evidence(assessment_id, photo, indicator="IN13")
    [ref] = service.document(assessment_id).evidence
    assert ref.taken_at == "2024-08-12T09:15:30"
    assert (ref.taken_offset, ref.latitude, ref.longitude) == (None, None, None)
