"""What a signed package carries is checked as if it were added here: evidence and instrument.

A dishonest assessor holds a trusted key and the project's own export code. The packages here
are made that way: hostile bytes put into the assessor's own evidence store (as a doctored copy
of the program would) or a doctored instrument kept in the assessor's workspace, then exported
and signed with the real exporter. The supervisor's import refuses each whole, naming the
file, and the supervisor's workspace is unchanged.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from ombud_desktop.instruments import Instrument, parse_instrument_text
from ombud_desktop.packages.export import export_assessment
from ombud_desktop.packages.importer import ImportRefused, import_package
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.changes import Edit
from tests.conftest import FakeClock
from tests.hostile_files import HOSTILE, PDF, photo
from tests.packages.conftest import People, snapshot, with_evidence


def smuggle_evidence(
    ws: Workspace,
    content: bytes,
    *,
    filename: str = "foto-papan.jpg",
    media_type: str = "image/jpeg",
) -> str:
    """Put ``content`` in the assessor's evidence store as the app would store a photo."""
    assessment_id = with_evidence(ws)
    sha = hashlib.sha256(content).hexdigest()
    target = ws.evidence_dir / sha[:2] / sha
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    values = {
        "sha256": sha,
        "filename": filename,
        "media_type": media_type,
        "size": len(content),
        "taken_at": None,
        "indicator": "IN13",
        "product": None,
    }
    evidence_id = ws.ids()
    ws.write(assessment_id, [Edit("evidence", evidence_id, k, v) for k, v in values.items()])
    return assessment_id


def export(ws: Workspace, assessment_id: str, people: People, out: Path) -> Path:
    return export_assessment(
        ws, assessment_id, out, people.signer, recipient=people.assessor.recipient()
    ).path


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_package_with_hostile_evidence_is_refused_whole_naming_the_file(
    assessor_ws: Workspace, supervisor_ws: Workspace, people: People, tmp_path: Path, kind: str
) -> None:
    make, _code = HOSTILE[kind]
    assessment_id = smuggle_evidence(assessor_ws, make())
    package = export(assessor_ws, assessment_id, people, tmp_path / "out")
    before = snapshot(supervisor_ws)
    with pytest.raises(ImportRefused) as info:
        import_package(supervisor_ws, package, people.supervisor)
    assert info.value.code == "evidence_invalid"
    assert "foto-papan.jpg" in info.value.message
    [problem] = info.value.data["problems"]
    assert problem["member"].startswith("evidence/")
    assert snapshot(supervisor_ws) == before


@pytest.mark.parametrize(
    ("content", "declared"),
    [
        (PDF, "image/jpeg"),  # a document declared as a photo
        (photo(), "application/pdf"),  # a photo declared as a document
        (photo(kind="PNG"), "image/png"),  # the store never keeps a PNG: not made by the app
    ],
)
def test_evidence_must_be_of_the_media_type_its_record_declares(
    assessor_ws: Workspace,
    supervisor_ws: Workspace,
    people: People,
    tmp_path: Path,
    content: bytes,
    declared: str,
) -> None:
    assessment_id = smuggle_evidence(assessor_ws, content, media_type=declared)
    package = export(assessor_ws, assessment_id, people, tmp_path / "out")
    before = snapshot(supervisor_ws)
    with pytest.raises(ImportRefused) as info:
        import_package(supervisor_ws, package, people.supervisor)
    assert info.value.code == "evidence_invalid"
    assert snapshot(supervisor_ws) == before


def test_honest_evidence_of_both_kinds_is_imported(
    assessor_ws: Workspace, supervisor_ws: Workspace, people: People, tmp_path: Path
) -> None:
    smuggle_evidence(assessor_ws, PDF, filename="sk.pdf", media_type="application/pdf")
    assessment_id = smuggle_evidence(assessor_ws, photo((800, 600)))
    package = export(assessor_ws, assessment_id, people, tmp_path / "out")
    receipt = import_package(supervisor_ws, package, people.supervisor)
    assert [a.status for a in receipt.assessments] == ["new"]
    stored = {p.name for p in supervisor_ws.evidence_dir.rglob("*") if p.is_file()}
    assert hashlib.sha256(PDF).hexdigest() in stored


# -- the instrument ---------------------------------------------------------------------------


def doctored(instrument: Instrument, text: str) -> Instrument:
    """Return ori-2023 with two dimension weights swapped: same id and version, other scores."""
    first, second = (d.weight for d in instrument.dimensions[:2])
    assert first != second
    marker = "A" * 12
    text = text.replace(f"weight: {first:g}\n", f"weight: {marker}\n", 1)
    text = text.replace(f"weight: {second:g}\n", f"weight: {first:g}\n", 1)
    text = text.replace(f"weight: {marker}\n", f"weight: {second:g}\n", 1)
    copy = parse_instrument_text(text, name="ori-2023.yaml")
    assert (copy.id, copy.version) == (instrument.id, instrument.version)
    assert copy.content_hash != instrument.content_hash
    return copy


@pytest.fixture
def ori_text() -> str:
    from importlib import resources

    folder = resources.files("ombud_desktop.resources").joinpath("instruments")
    return folder.joinpath("ori-2023.yaml").read_text(encoding="utf-8")


def workspace_with(tmp_path: Path, instrument: Instrument) -> Workspace:
    ws = Workspace.open(tmp_path / "dishonest", clock=FakeClock())
    ws.set_profile("Siti Aminah", "198701012010012001")
    generate_demo(ws, instrument, entities=1, seed=3)
    return ws


def test_a_doctored_copy_of_a_known_instrument_is_refused(
    instrument: Instrument,
    ori_text: str,
    supervisor_ws: Workspace,
    people: People,
    tmp_path: Path,
) -> None:
    copy = doctored(instrument, ori_text)
    ws = workspace_with(tmp_path, copy)
    try:
        package = export(ws, ws.assessment_rows()[0]["id"], people, tmp_path / "out")
    finally:
        ws.close()
    before = snapshot(supervisor_ws)
    # The supervisor's workspace has never stored ori-2023: the shipped copy is what it knows.
    assert supervisor_ws.instruments() == []
    with pytest.raises(ImportRefused) as info:
        import_package(supervisor_ws, package, people.supervisor)
    assert info.value.code == "instrument_altered"
    assert "ori-2023" in info.value.message
    assert snapshot(supervisor_ws) == before
    assert supervisor_ws.instruments() == []


def test_an_instrument_this_workspace_does_not_know_is_kept(
    instrument: Instrument,
    ori_text: str,
    supervisor_ws: Workspace,
    people: People,
    tmp_path: Path,
) -> None:
    pilot = parse_instrument_text(
        ori_text.replace("id: ori-2023\n", "id: ori-pilot-2025\n", 1), name="pilot.yaml"
    )
    assert pilot.id == "ori-pilot-2025"
    ws = workspace_with(tmp_path, pilot)
    try:
        package = export(ws, ws.assessment_rows()[0]["id"], people, tmp_path / "out")
    finally:
        ws.close()
    receipt = import_package(supervisor_ws, package, people.supervisor)
    assert [a.status for a in receipt.assessments] == ["new"]
    assert [r["id"] for r in supervisor_ws.instruments()] == ["ori-pilot-2025"]
