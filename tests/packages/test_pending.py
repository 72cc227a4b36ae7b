"""Changes that arrive for an approved assessment are held: shown, kept, not counted.

Until the supervisor accepts them (they then become the supervisor's own changes, which
travel) or returns the assessment (they become ordinary changes).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ombud_desktop.errors import ValidationError
from ombud_desktop.packages.export import export_assessment
from ombud_desktop.packages.importer import import_package
from ombud_desktop.services import merge as merging
from ombud_desktop.services.assessments import AssessmentService
from ombud_desktop.storage import Workspace
from ombud_desktop.storage import imports as store
from tests.packages.conftest import SUPERVISOR_PASSPHRASE, People, snapshot, with_evidence


def _export(ws: Workspace, aid: str, people: People, folder: Path) -> Path:
    return export_assessment(ws, aid, folder, people.signer,
                             recipient=people.assessor.recipient()).path


def _late_edit(ws: Workspace, aid: str) -> int:
    """The assessor changes IN07 after exporting (reopening it if it was finished)."""
    service = AssessmentService(ws)
    if ws.assessment_row(aid)["status"] != "draft":
        service.reopen(aid, "foto tambahan")
    old = service.document(aid).answers.get("IN07")
    new = 0 if old is None or old.value != 0 else 3
    service.set_rating(aid, "IN07", new)
    return new


@pytest.fixture
def approved(assessor_ws: Workspace, people: People, supervisor_ws: Workspace,
             tmp_path: Path) -> str:
    aid = with_evidence(assessor_ws)
    first = _export(assessor_ws, aid, people, tmp_path / "p1")
    import_package(supervisor_ws, first, people.supervisor, passphrase=SUPERVISOR_PASSPHRASE)
    merging.approve(supervisor_ws, aid, "baik", despite_doubts=True)  # a demo draft
    return aid


def test_a_late_answer_is_held_and_changes_no_score(
    approved: str, assessor_ws: Workspace, people: People, supervisor_ws: Workspace,
    tmp_path: Path,
) -> None:
    service = AssessmentService(supervisor_ws)
    score_before = service.score(approved).score
    value = _late_edit(assessor_ws, approved)
    late = _export(assessor_ws, approved, people, tmp_path / "p2")
    receipt = import_package(supervisor_ws, late, people.supervisor,
                             passphrase=SUPERVISOR_PASSPHRASE)
    entry = receipt.assessments[0]
    assert entry.status == "pending"
    assert entry.pending >= 1  # the new rating (and the reopening, if it was finished)
    assert entry.to_json()["pending"] == entry.pending
    assert service.score(approved).score == score_before
    assert merging.review_of(supervisor_ws, approved)["status"] == "approved"
    held = merging.held_changes(supervisor_ws, approved)
    assert any(h["record"]["row_id"] == "IN07" and h["record"]["value"] == value for h in held)
    # Importing it again holds nothing twice and changes nothing.
    before = snapshot(supervisor_ws)
    again = import_package(supervisor_ws, late, people.supervisor,
                           passphrase=SUPERVISOR_PASSPHRASE)
    assert again.nothing_new
    assert snapshot(supervisor_ws) == before

    assert merging.accept_held(supervisor_ws, approved) >= 1
    assert service.document(approved).answers["IN07"].value == value
    assert merging.held_changes(supervisor_ws, approved) == []
    assert {h["state"] for h in store.pending_changes(supervisor_ws, approved, state="adopted")} \
        == {"adopted"}
    with pytest.raises(ValidationError) as nothing:
        merging.accept_held(supervisor_ws, approved)
    assert nothing.value.code == "nothing_pending"


def test_returning_the_assessment_makes_held_changes_ordinary(
    approved: str, assessor_ws: Workspace, people: People, supervisor_ws: Workspace,
    tmp_path: Path,
) -> None:
    value = _late_edit(assessor_ws, approved)
    late = _export(assessor_ws, approved, people, tmp_path / "p2")
    import_package(supervisor_ws, late, people.supervisor, passphrase=SUPERVISOR_PASSPHRASE)
    assert merging.held_changes(supervisor_ws, approved)
    merging.return_for_correction(supervisor_ws, approved, "lengkapi foto")
    assert merging.held_changes(supervisor_ws, approved) == []
    document = AssessmentService(supervisor_ws).document(approved)
    assert document.answers["IN07"].value == value
    assert merging.review_of(supervisor_ws, approved)["status"] == "returned"


def test_a_package_that_returns_the_assessment_is_not_held(
    approved: str, assessor_ws: Workspace, people: People, supervisor_ws: Workspace,
    tmp_path: Path,
) -> None:
    """Review decisions are applied first: answers after a return count at once."""
    merging.return_for_correction(supervisor_ws, approved, "lengkapi foto")
    back = export_assessment(
        supervisor_ws, approved, tmp_path / "back",
        type(people.signer)(people.supervisor.signing_key(SUPERVISOR_PASSPHRASE), "Budi Santoso"),
    ).path
    people.assessor.trust(
        people.supervisor.signing_key_info().public_key, "Budi Santoso", role="supervisor"
    )
    receipt = import_package(assessor_ws, back, people.assessor)
    assert receipt.assessments[0].status in ("updated", "conflicts")
    assert receipt.assessments[0].pending == 0


def test_approving_is_refused_while_an_answer_is_in_conflict(tmp_path: Path) -> None:
    """Nothing approved in doubt: an open conflict must be resolved first; a draft needs a yes."""
    from ombud_desktop.instruments import builtin_instrument
    from ombud_desktop.merge.apply import merge_changes
    from ombud_desktop.services.assessments import NewAssessment
    from ombud_desktop.storage.changes import Change

    with Workspace.open(tmp_path / "ws") as workspace:
        workspace.set_profile("Budi Santoso", None)
        service = AssessmentService(workspace)
        aid = service.create(builtin_instrument("ori-2023"), NewAssessment(
            "kota", "Kota Serang", "Banten", "Disdukcapil", 2024)).value
        service.set_rating(aid, "IN07", 2)
        first = next(c for c in workspace.changes(aid) if c.row_id == "IN07")
        other = Change(
            id="01a23313-0000-7000-8000-00000000abcd", assessment_id=aid, target="response",
            row_id="IN07", field="value", value=0, author="Andi", author_nip=None,
            device_id="0190f000-0000-7000-8000-00000000beef", at=first.at,
            supersedes=first.supersedes,
        )
        with workspace.db.atomic():
            merge_changes(workspace, aid, [other], known=True)
        before = len(workspace.changes(aid))
        with pytest.raises(ValidationError) as conflict:
            merging.approve(workspace, aid, despite_doubts=True)
        assert conflict.value.code == "approve_conflicts"
        assert "IN07" in conflict.value.message
        merging.resolve_conflict(workspace, aid, ("response", "IN07", "value"), value=2,
                                 use_value=True)
        with pytest.raises(ValidationError) as doubt:
            merging.approve(workspace, aid)
        assert doubt.value.code == "approve_in_doubt"
        assert "not finished" in doubt.value.data["reasons"][0]
        assert len(workspace.changes(aid)) == before + 1  # only the resolution was written
        merging.approve(workspace, aid, despite_doubts=True)
        assert merging.review_of(workspace, aid)["status"] == "approved"


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda d: d.update(held_changes=[d["changes"][-1]]), id="unlisted"),
        pytest.param(lambda d: d.update(held=[d["changes"][-1]["id"]]), id="both"),
        pytest.param(lambda d: d.update(held="IN07"), id="not-a-list"),
        pytest.param(lambda d: d.update(held=[1, 2]), id="not-ids"),
    ],
)
def test_a_package_claiming_held_changes_wrongly_is_refused_whole(
    edit: object, assessor_ws: Workspace, people: People, supervisor_ws: Workspace,
    tmp_path: Path,
) -> None:
    from ombud_desktop.packages.importer import ImportRefused
    from tests.packages.doctored import doctor

    aid = with_evidence(assessor_ws)
    good = _export(assessor_ws, aid, people, tmp_path / "p1")
    bad = doctor(good, tmp_path / "bad.ombx", people.signer, edit)  # type: ignore[arg-type]
    before = snapshot(supervisor_ws)
    with pytest.raises(ImportRefused) as refused:
        import_package(supervisor_ws, bad, people.supervisor, passphrase=SUPERVISOR_PASSPHRASE)
    assert "held" in str(refused.value)
    assert snapshot(supervisor_ws) == before
