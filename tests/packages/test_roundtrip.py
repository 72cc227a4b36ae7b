"""Export → verify → import gives the same assessment documents and the same scores."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from ombud_desktop.packages.export import export_assessment
from ombud_desktop.packages.importer import import_package, verify_package
from ombud_desktop.packages.state import assessment_state_digest
from ombud_desktop.services.scoring import score_workspace
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.documents import load_document
from tests.packages.conftest import SUPERVISOR_PASSPHRASE, People, snapshot, with_evidence


def _export_all(ws: Workspace, people: People, out: Path, *, recipient: bool = True) -> list[Path]:
    return [
        export_assessment(
            ws,
            row["id"],
            out,
            people.signer,
            recipient=people.assessor.recipient() if recipient else None,
        ).path
        for row in ws.assessment_rows()
    ]


def test_round_trip_gives_the_same_documents_and_scores(
    assessor_ws: Workspace, supervisor_ws: Workspace, people: People, tmp_path: Path
) -> None:
    paths = _export_all(assessor_ws, people, tmp_path / "out")
    for path in paths:
        report = verify_package(path, people.supervisor)
        assert report.ok, report.problems
        receipt = import_package(
            supervisor_ws, path, people.supervisor, passphrase=SUPERVISOR_PASSPHRASE
        )
        assert [a.status for a in receipt.assessments] == ["new"]
        assert receipt.assessments[0].personal_data == "imported"
    for row in assessor_ws.assessment_rows():
        mine = load_document(assessor_ws, row["id"]).to_json(personal_data=True)
        theirs = load_document(supervisor_ws, row["id"]).to_json(personal_data=True)
        assert theirs == mine
        assert assessment_state_digest(supervisor_ws, row["id"]) == assessment_state_digest(
            assessor_ws, row["id"]
        )
    assert score_workspace(supervisor_ws).to_json() == score_workspace(assessor_ws).to_json()
    evidence = {
        e["sha256"]
        for e in assessor_ws.evidence_rows([r["id"] for r in assessor_ws.assessment_rows()])
    }
    assert evidence
    for sha in evidence:
        copy = supervisor_ws.evidence_dir / sha[:2] / sha
        assert copy.read_bytes() == (assessor_ws.evidence_dir / sha[:2] / sha).read_bytes()


def test_importing_the_same_package_again_changes_nothing_and_says_so(
    supervisor_ws: Workspace, people: People, package: Path
) -> None:
    first = import_package(
        supervisor_ws, package, people.supervisor, passphrase=SUPERVISOR_PASSPHRASE
    )
    assert not first.nothing_new
    before = snapshot(supervisor_ws)
    again = import_package(
        supervisor_ws, package, people.supervisor, passphrase=SUPERVISOR_PASSPHRASE
    )
    assert again.nothing_new
    assert [a.status for a in again.assessments] == ["already_present"]
    assert again.earlier_imports
    assert again.earlier_imports[0]["file_name"] == package.name
    assert snapshot(supervisor_ws) == before


def test_personal_data_is_encrypted_in_the_package(
    package: Path, assessor_ws: Workspace, people: People
) -> None:
    names = [
        r["name"]
        for r in assessor_ws.respondent_rows([r["id"] for r in assessor_ws.assessment_rows()])
        if r["name"]
    ]
    assert names, "the demo should record respondent names"
    with zipfile.ZipFile(package) as archive:
        readable = b"".join(
            archive.read(n) for n in archive.namelist() if not n.startswith("personal/")
        )
        manifest = json.loads(archive.read("manifest.json"))
        assert any(n.startswith("personal/") for n in archive.namelist())
        sealed = b"".join(archive.read(n) for n in archive.namelist() if n.startswith("personal/"))
    for name in names:
        assert name.encode() not in readable
        assert name.encode() not in sealed
    assert manifest["assessments"][0]["personal_data"] == "encrypted"
    assert (
        manifest["personal_data"]["recipients"]
        == [people.supervisor.receiving_key_info().fingerprint]
    )


def test_without_a_supervisor_key_personal_data_is_left_out(
    assessor_ws: Workspace, supervisor_ws: Workspace, people: People, tmp_path: Path
) -> None:
    assessment_id = with_evidence(assessor_ws)
    result = export_assessment(assessor_ws, assessment_id, tmp_path / "out", people.signer)
    assert result.personal == "withheld"
    with zipfile.ZipFile(result.path) as archive:
        assert not any(n.startswith("personal/") for n in archive.namelist())
    receipt = import_package(supervisor_ws, result.path, people.supervisor)
    assert receipt.assessments[0].personal_data == "withheld"
    doc = load_document(supervisor_ws, assessment_id)
    assert all(role.name is None for role in doc.roles.values())
    assert all(user.phone is None for user in doc.service_users)
    # The anonymous answers and the score are all there.
    mine = load_document(assessor_ws, assessment_id).to_json()
    assert doc.to_json() == mine


def test_locked_personal_data_is_added_by_a_later_import_with_the_passphrase(
    supervisor_ws: Workspace, assessor_ws: Workspace, people: People, package: Path
) -> None:
    first = import_package(supervisor_ws, package, people.supervisor)
    assert first.assessments[0].personal_data == "locked"
    second = import_package(
        supervisor_ws, package, people.supervisor, passphrase=SUPERVISOR_PASSPHRASE
    )
    assert second.assessments[0].status == "updated"
    assert second.assessments[0].personal_data == "imported"
    assessment_id = first.assessments[0].assessment_id
    assert load_document(supervisor_ws, assessment_id).to_json(personal_data=True) == load_document(
        assessor_ws, assessment_id
    ).to_json(personal_data=True)


def test_a_newer_package_adds_only_the_newer_changes(
    assessor_ws: Workspace, supervisor_ws: Workspace, people: People, tmp_path: Path
) -> None:
    from ombud_desktop.storage.changes import Edit

    assessment_id = with_evidence(assessor_ws)
    old = export_assessment(assessor_ws, assessment_id, tmp_path / "a", people.signer)
    assessor_ws.write(assessment_id, [Edit("response", "IN07", "value", 0)])
    new = export_assessment(assessor_ws, assessment_id, tmp_path / "b", people.signer)
    import_package(supervisor_ws, old.path, people.supervisor)
    receipt = import_package(supervisor_ws, new.path, people.supervisor)
    assert receipt.assessments[0].status == "updated"
    assert receipt.assessments[0].added == 1
    assert load_document(supervisor_ws, assessment_id).answers["IN07"].value == 0
    # And the older package, imported after the newer one, changes nothing.
    late = import_package(supervisor_ws, old.path, people.supervisor)
    assert late.nothing_new


def test_concurrent_edits_from_two_laptops_are_reported_as_a_conflict(
    assessor_ws: Workspace, supervisor_ws: Workspace, people: People, tmp_path: Path
) -> None:
    from ombud_desktop.storage.changes import Edit

    assessment_id = with_evidence(assessor_ws)
    base = export_assessment(assessor_ws, assessment_id, tmp_path / "base", people.signer)
    # A second laptop starts from the same package and rates IN07 differently.
    other = Workspace.open(tmp_path / "laptop2")
    other.set_profile("Andi Wijaya")
    import_package(other, base.path, people.assessor)
    assessor_ws.write(assessment_id, [Edit("response", "IN07", "value", 1)])
    other.write(assessment_id, [Edit("response", "IN07", "value", 3)])
    one = export_assessment(assessor_ws, assessment_id, tmp_path / "one", people.signer)
    two = export_assessment(other, assessment_id, tmp_path / "two", people.signer)
    other.close()
    import_package(supervisor_ws, one.path, people.supervisor)
    receipt = import_package(supervisor_ws, two.path, people.supervisor)
    entry = receipt.assessments[0]
    assert entry.status == "conflicts"
    assert [c["cell"] for c in entry.conflicts] == ["response IN07 value"]
    values = sorted(v["value"] for v in entry.conflicts[0]["versions"])
    authors = sorted(v["author"] for v in entry.conflicts[0]["versions"])
    assert values == [1, 3]
    assert authors == ["Andi Wijaya", "Siti Aminah"]
