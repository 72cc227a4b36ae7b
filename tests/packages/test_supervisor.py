"""Supervisor services on real workspaces and real packages: merge, conflicts, review, sync."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from ombud_desktop.errors import NotFoundError, ValidationError
from ombud_desktop.packages.export import export_assessment
from ombud_desktop.packages.importer import import_package
from ombud_desktop.services import merge as merging
from ombud_desktop.services.packages import PackageService
from ombud_desktop.services.sync import InboxWatcher
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.changes import Edit
from ombud_desktop.storage.documents import load_document
from tests.packages.conftest import People, snapshot, with_evidence


def _conflict(assessor_ws: Workspace, supervisor_ws: Workspace, people: People, tmp: Path) -> str:
    """Make IN07 conflict in the supervisor's workspace: two laptops rated it differently."""
    assessment_id = with_evidence(assessor_ws)
    base = export_assessment(assessor_ws, assessment_id, tmp / "base", people.signer)
    other = Workspace.open(tmp / "laptop2")
    other.set_profile("Andi Wijaya")
    import_package(other, base.path, people.assessor)
    assessor_ws.write(assessment_id, [Edit("response", "IN07", "value", 1)])
    other.write(assessment_id, [Edit("response", "IN07", "value", 3)])
    for ws, name in ((assessor_ws, "one"), (other, "two")):
        path = export_assessment(ws, assessment_id, tmp / name, people.signer).path
        import_package(supervisor_ws, path, people.supervisor)
    other.close()
    return assessment_id


def test_merge_imports_a_folder_and_a_refused_package_leaves_no_trace(
    assessor_ws: Workspace, supervisor_ws: Workspace, people: People, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    for row in assessor_ws.assessment_rows():
        export_assessment(assessor_ws, row["id"], inbox, people.signer)
    bad = sorted(inbox.glob("*.ombx"))[3]
    data = bytearray(bad.read_bytes())
    data[len(data) // 3] ^= 0xFF
    bad.write_bytes(bytes(data))
    service = PackageService(supervisor_ws, people.supervisor)
    report = merging.merge_packages(service, [inbox], batch=3)
    assert [p for p, _e in report.refused] == [bad]
    assert report.counts["new"] == 6
    assert len(supervisor_ws.assessment_rows()) == 6
    before = snapshot(supervisor_ws)
    again = merging.merge_packages(service, [inbox], batch=3)
    assert again.counts == {
        "new": 0, "updated": 0, "conflicts": 0, "already_present": 6, "older": 0, "pending": 0
    }
    assert again.changes_added == 0
    assert snapshot(supervisor_ws) == before


def test_conflicts_are_listed_side_by_side_and_resolved_by_a_change_that_travels(
    assessor_ws: Workspace, supervisor_ws: Workspace, people: People, tmp_path: Path
) -> None:
    assessment_id = _conflict(assessor_ws, supervisor_ws, people, tmp_path)
    [conflict] = merging.list_conflicts(supervisor_ws)
    assert conflict["label"] == "response IN07 value"
    assert conflict["indicator"] == "IN07"
    assert sorted(v["value"] for v in conflict["versions"]) == [1, 3]
    assert sorted(v["author"] for v in conflict["versions"]) == ["Andi Wijaya", "Siti Aminah"]
    assert all(v["device_id"] and v["at"] for v in conflict["versions"])
    keep = next(v for v in conflict["versions"] if v["value"] == 3)
    cell = ("response", "IN07", "value")
    with pytest.raises(ValidationError):
        merging.resolve_conflict(supervisor_ws, assessment_id, cell, pick="nonsense")
    change_id = merging.resolve_conflict(supervisor_ws, assessment_id, cell, pick=keep["change_id"])
    assert merging.list_conflicts(supervisor_ws) == []
    assert load_document(supervisor_ws, assessment_id).answers["IN07"].value == 3
    resolution = next(c for c in supervisor_ws.changes(assessment_id) if c.id == change_id)
    versions = {v["change_id"] for v in conflict["versions"]}
    assert {resolution.supersedes, *resolution.merges} == versions
    with pytest.raises(NotFoundError):
        merging.resolve_conflict(supervisor_ws, assessment_id, cell, value=2, use_value=True)


def test_a_returned_assessment_carries_its_comments_back_to_the_assessor(
    assessor_ws: Workspace, supervisor_ws: Workspace, people: People, tmp_path: Path
) -> None:
    assessment_id = with_evidence(assessor_ws)
    package = export_assessment(assessor_ws, assessment_id, tmp_path / "out", people.signer)
    import_package(supervisor_ws, package.path, people.supervisor)
    with pytest.raises(ValidationError):
        merging.return_for_correction(supervisor_ws, assessment_id, "  ")
    with pytest.raises(ValidationError):
        merging.return_for_correction(supervisor_ws, assessment_id, "x", {"XX99": "no such"})
    merging.return_for_correction(
        supervisor_ws, assessment_id, "Lengkapi foto", {"IN07": "Papan tidak terbaca"}
    )
    review = merging.review_of(supervisor_ws, assessment_id)
    assert review["status"] == "returned"
    assert review["by"] == "Budi Santoso"
    assert review["at"]
    assert [(c["indicator"], c["text"], c["state"]) for c in review["comments"]] == [
        ("IN07", "Papan tidak terbaca", "open"), (None, "Lengkapi foto", "open")
    ]
    supervisor_signer = people.signer.__class__(
        people.supervisor.signing_key("kunci supervisor 2024"), "Budi Santoso"
    )
    back = export_assessment(supervisor_ws, assessment_id, tmp_path / "back", supervisor_signer)
    receipt = import_package(assessor_ws, back.path, people.assessor)
    assert receipt.assessments[0].status == "updated"
    mine = merging.review_of(assessor_ws, assessment_id)
    assert mine["comments"] == review["comments"]
    assert load_document(assessor_ws, assessment_id).status == "draft"
    # The assessor corrects and sends a newer package; the supervisor approves it.
    assessor_ws.write(assessment_id, [Edit("response", "IN07", "value", 3)])
    newer = export_assessment(assessor_ws, assessment_id, tmp_path / "newer", people.signer)
    assert import_package(supervisor_ws, newer.path, people.supervisor).assessments[0].added == 1
    merging.approve(supervisor_ws, assessment_id, "Baik", despite_doubts=True)  # a demo draft
    assert merging.review_of(supervisor_ws, assessment_id)["status"] == "approved"


def test_the_inbox_watcher_imports_a_file_only_once_it_has_stopped_changing(
    assessor_ws: Workspace, supervisor_ws: Workspace, people: People, tmp_path: Path
) -> None:
    assessment_id = with_evidence(assessor_ws)
    package = export_assessment(assessor_ws, assessment_id, tmp_path / "out", people.signer).path
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    now = [1_000_000.0]
    watcher = InboxWatcher(inbox, settle=2.0, clock=lambda: now[0])
    service = PackageService(supervisor_ws, people.supervisor)
    arriving = inbox / package.name
    # Half of the file has arrived (a copy in progress): never imported half-way.
    arriving.write_bytes(package.read_bytes()[:5000])
    os.utime(arriving, (now[0] - 10, now[0] - 10))
    assert watcher.sync(service) is None  # first look: noted, not yet settled
    now[0] += 5
    report = watcher.sync(service)
    assert report is not None
    assert len(report.refused) == 1
    assert supervisor_ws.assessment_rows() == []
    # The copy completes: the changed file is looked at again and imported.
    shutil.copyfile(package, arriving)
    os.utime(arriving, (now[0], now[0]))
    assert watcher.sync(service) is None
    now[0] += 5
    report = watcher.sync(service)
    assert report is not None
    assert report.counts["new"] == 1
    now[0] += 5
    assert watcher.sync(service) is None  # seen: not imported again


def test_a_merge_stopped_by_a_full_disk_leaves_nothing_and_a_later_merge_completes(
    assessor_ws: Workspace,
    supervisor_ws: Workspace,
    people: People,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ombud_desktop.instruments import builtin_instrument
    from ombud_desktop.packages.format import PackageError
    from ombud_desktop.services.demo import generate_demo
    from ombud_desktop.storage import imports

    inbox = tmp_path / "inbox"
    # Two packages of a 2022 assessor (instrument ori-2022) come first, then 2023 ones: the
    # batch that fails has stored an instrument the failing package does not use.
    older = Workspace.open(tmp_path / "assessor-2022")
    older.set_profile("Siti Aminah")
    generate_demo(older, builtin_instrument("ori-2022"), entities=1, seed=5, year=2022)
    for row in older.assessment_rows()[:2]:
        export_assessment(older, row["id"], inbox / "a", people.signer)
    older.close()
    for row in assessor_ws.assessment_rows():
        export_assessment(assessor_ws, row["id"], inbox / "b", people.signer)
    service = PackageService(supervisor_ws, people.supervisor)
    before = snapshot(supervisor_ws)
    real = imports.record_import
    calls = []

    def full_on_the_third(*args: object, **kwargs: object) -> None:
        calls.append(1)
        if len(calls) == 3:
            raise PackageError("importing: the disk is full", code="disk_full")
        real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(imports, "record_import", full_on_the_third)
    with pytest.raises(PackageError):
        merging.merge_packages(service, [inbox])
    assert snapshot(supervisor_ws) == before  # the whole batch rolled back, files removed
    monkeypatch.setattr(imports, "record_import", real)
    report = merging.merge_packages(service, [inbox])
    assert report.refused == []
    assert report.counts["new"] == 9
    assert {i["id"] for i in supervisor_ws.instruments()} == {"ori-2022", "ori-2023"}
