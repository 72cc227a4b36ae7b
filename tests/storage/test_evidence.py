"""Evidence: photos downscaled with their capture time kept; bad files refused, nothing stored."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from ombud_desktop.errors import EvidenceError
from ombud_desktop.services.assessments import AssessmentService
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.evidence import MAX_IMAGE_EDGE, check_evidence_content
from tests.hostile_files import HOSTILE, PDF, photo, png_claiming

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


# -- hostile files (issue 13): one check for a file added here and one arriving in a package ------


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hostile_file_named_jpg_is_refused_and_nothing_stored(
    tmp_path: Path, workspace: Workspace, service: AssessmentService, assessment_id: str,
    kind: str,
) -> None:
    make, code = HOSTILE[kind]
    path = tmp_path / "foto.jpg"
    path.write_bytes(make())
    with pytest.raises(EvidenceError) as info:
        service.add_evidence(assessment_id, path, indicator="IN13")
    assert info.value.code == code
    assert "foto.jpg" in info.value.message
    assert info.value.hint
    assert stored_files(workspace) == []
    assert service.document(assessment_id).evidence == []


def test_the_pixel_count_is_checked_from_the_header_before_decoding() -> None:
    with pytest.raises(EvidenceError) as info:
        check_evidence_content(png_claiming(), "papan.png")
    assert info.value.code == "evidence_dimensions"
    assert "2500000000 pixels" in info.value.message  # as Pillow's own limit stopped it
    with pytest.raises(EvidenceError) as info:
        check_evidence_content(png_claiming(9_000, 9_000), "papan.png")
    assert info.value.code == "evidence_dimensions"
    assert "9000 × 9000 pixels" in info.value.message
    # Just inside and just outside the limit, from real headers.
    edge = MAX_IMAGE_EDGE
    with pytest.raises(EvidenceError) as info:
        check_evidence_content(png_claiming(edge + 1, 10), "lebar.png")
    assert info.value.code == "evidence_dimensions"
    # A header within the limits gets as far as decoding, where the missing pixels show.
    with pytest.raises(EvidenceError) as info:
        check_evidence_content(png_claiming(edge, 10), "lebar.png")
    assert info.value.code == "evidence_corrupt"


def test_what_the_store_keeps_is_only_a_jpeg_photo_or_a_pdf() -> None:
    assert check_evidence_content(photo(), "a.jpg", stored=True) == "image/jpeg"
    assert check_evidence_content(PDF, "sk.pdf", stored=True) == "application/pdf"
    assert check_evidence_content(photo(kind="PNG"), "a.png") == "image/png"
    # The store recompresses every photo to JPEG: a package can carry no PNG.
    with pytest.raises(EvidenceError) as info:
        check_evidence_content(photo(kind="PNG"), "a.png", stored=True)
    assert info.value.code == "evidence_unsupported"
    # Formats Pillow could open but no camera makes are not tried at all.
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20)).save(buffer, "BMP")
    with pytest.raises(EvidenceError) as info:
        check_evidence_content(buffer.getvalue(), "a.bmp")
    assert info.value.code == "evidence_unsupported"
