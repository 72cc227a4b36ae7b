"""review_states: each assessment's decision, open comments, open conflicts, pending changes."""

from __future__ import annotations

from ombud_desktop.services import merge as merging
from ombud_desktop.services.review_state import ReviewState, conflict_cell_name, review_states
from ombud_desktop.storage import Workspace
from ombud_desktop.storage import imports as store
from ombud_desktop.storage.changes import Change, Edit


def test_an_assessment_nobody_reviewed_has_an_empty_state(
    workspace: Workspace, assessment_id: str
) -> None:
    assert review_states(workspace) == {assessment_id: ReviewState(None, 0, (), 0)}
    assert review_states(workspace, []) == {}


def test_returned_with_comments_then_approved(workspace: Workspace, assessment_id: str) -> None:
    merging.return_for_correction(workspace, assessment_id, "Foto kurang", {"IN07": "tidak ada"})
    state = review_states(workspace, [assessment_id])[assessment_id]
    assert state == ReviewState("returned", 2, (), 0)  # the general comment and IN07's
    merging.approve(workspace, assessment_id, "baik", despite_doubts=True)
    assert review_states(workspace)[assessment_id] == ReviewState("approved", 0, (), 0)


def test_conflicts_and_pending_changes_are_counted(
    workspace: Workspace, assessment_id: str
) -> None:
    cells = {("response", "IN02@R1", "value"): ["a", "b"], ("response", "IN07", "na_reason"):
             ["c", "d"], ("assessment", assessment_id, "visit_date"): ["e", "f"]}
    store.replace_conflicts(workspace, assessment_id, cells)
    [change] = workspace.write(assessment_id, [Edit("response", "IN07", "value", 2)])
    late = Change(**{**change.__dict__, "id": "late-1"})
    store.hold_pending(workspace, assessment_id, [late], package_file="p.ombx",
                       signer_fingerprint="ab", signer_name="Andi")
    state = review_states(workspace)[assessment_id]
    assert state.open_conflicts == ("IN02@R1", "IN07.na_reason", "assessment.visit_date")
    assert state.conflict_indicators == ("IN02", "IN07")
    assert state.pending_changes == 1
    assert state.to_json() == {
        "review": None, "open_comments": 0, "pending_changes": 1,
        "open_conflicts": ["IN02@R1", "IN07.na_reason", "assessment.visit_date"],
    }


def test_cell_names() -> None:
    assert conflict_cell_name(("response", "IN07", "value")) == "IN07"
    assert conflict_cell_name(("respondent", "r1", "name")) == "respondent.r1.name"
