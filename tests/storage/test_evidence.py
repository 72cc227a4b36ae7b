"""Evidence: photos downscaled with their capture time kept; bad files refused, nothing stored."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from ombud_desktop.errors import EvidenceError
from ombud_desktop.services.assessments import AssessmentService
from ombud_desktop.storage import Workspace

DATETIME_ORIGINAL = 0x9003
EXIF_IFD = 0x8769


def make_photo(path: Path, size: tuple[int, int], taken: str | None = None) -> Path:
    image = Image.new("RGB", size, (30, 120, 200))
    exif = Image.Exif()
    if taken:
        exif.get_ifd(EXIF_IFD)[DATETIME_ORIGINAL] = taken
    image.save(path, "JPEG", quality=90, exif=exif.tobytes())
    return path


def stored_files(workspace: Workspace) -> list[Path]:
    return [p for p in workspace.evidence_dir.rglob("*") if p.is_file()]


def test_a_large_photo_is_downscaled_and_keeps_its_capture_time(
    tmp_path: Path, workspace: Workspace, service: AssessmentService, assessment_id: str
) -> None:
    photo = make_photo(tmp_path / "papan.jpg", (4000, 3000), "2024:08:12 09:15:30")
    evidence_id = service.add_evidence(assessment_id, photo, indicator="PR01", product=1).value
    [ref] = service.document(assessment_id).evidence
    assert ref.evidence_id == evidence_id
    assert (ref.indicator, ref.product, ref.media_type) == ("PR01", 1, "image/jpeg")
    assert ref.taken_at == "2024-08-12T09:15:30"
    [stored] = stored_files(workspace)
    assert stored.name == ref.sha256
    with Image.open(stored) as image:
        assert max(image.size) == 1920
        assert image.size == (1920, 1440)
        assert image.getexif().get_ifd(EXIF_IFD)[DATETIME_ORIGINAL] == "2024:08:12 09:15:30"
    assert ref.size == stored.stat().st_size


def test_the_same_photo_twice_is_stored_once(
    tmp_path: Path, workspace: Workspace, service: AssessmentService, assessment_id: str
) -> None:
    photo = make_photo(tmp_path / "a.jpg", (800, 600))
    service.add_evidence(assessment_id, photo, indicator="IN13")
    service.add_evidence(assessment_id, photo, indicator="IN14")
    assert len(stored_files(workspace)) == 1
    assert len(service.document(assessment_id).evidence) == 2


def test_a_pdf_document_is_kept_as_it_is(
    tmp_path: Path, workspace: Workspace, service: AssessmentService, assessment_id: str
) -> None:
    pdf = tmp_path / "sk.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")
    service.add_evidence(assessment_id, pdf, indicator="PG01")
    [stored] = stored_files(workspace)
    assert stored.read_bytes() == pdf.read_bytes()
    assert service.document(assessment_id).evidence[0].media_type == "application/pdf"


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"just some text, not a photo", "evidence_unsupported"),
        (b"", "evidence_empty"),
    ],
)
def test_files_that_are_not_photos_are_refused(
    tmp_path: Path, workspace: Workspace, service: AssessmentService, assessment_id: str,
    content: bytes, code: str,
) -> None:
    path = tmp_path / "foto.jpg"
    path.write_bytes(content)
    with pytest.raises(EvidenceError) as info:
        service.add_evidence(assessment_id, path, indicator="IN13")
    assert info.value.code == code
    assert info.value.hint
    assert stored_files(workspace) == []
    assert service.document(assessment_id).evidence == []


def test_a_corrupt_photo_is_refused(
    tmp_path: Path, workspace: Workspace, service: AssessmentService, assessment_id: str
) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (1000, 800), (200, 10, 10)).save(buffer, "JPEG")
    broken = tmp_path / "rusak.jpg"
    broken.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 3])
    with pytest.raises(EvidenceError) as info:
        service.add_evidence(assessment_id, broken, indicator="IN13")
    assert info.value.code == "evidence_corrupt"
    assert stored_files(workspace) == []


def test_an_oversized_file_is_refused_before_it_is_read(
    tmp_path: Path, workspace: Workspace, assessment_id: str
) -> None:
    service = AssessmentService(workspace, max_evidence_bytes=1024 * 1024)
    big = tmp_path / "video.mp4"
    with big.open("wb") as stream:
        stream.truncate(3 * 1024 * 1024)  # sparse: 3 MB without writing them
    with pytest.raises(EvidenceError) as info:
        service.add_evidence(assessment_id, big, indicator="IN13")
    assert info.value.code == "evidence_too_large"
    assert "3 MB" in info.value.message
    assert stored_files(workspace) == []


def test_a_missing_photo_is_a_clear_error(
    tmp_path: Path, workspace: Workspace, service: AssessmentService, assessment_id: str
) -> None:
    with pytest.raises(EvidenceError) as info:
        service.add_evidence(assessment_id, tmp_path / "gone.jpg", indicator="IN13")
    assert info.value.code == "evidence_missing"
    assert service.document(assessment_id).evidence == []
