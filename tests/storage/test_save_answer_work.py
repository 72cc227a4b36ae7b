"""One answer's write: the work it does is counted (statements, SQLite VM steps), never timed.

A cell's history must not make the next answer dearer: an assessor who changes IN07 300 times
(or a note saved as it is typed) pays for one index step, not for reading 300 changes. And the
shortcut that allows it (the change this workspace wrote last is the cell's only head while it
is the cell's newest change) must still see anything that arrived since.
"""

from __future__ import annotations

from pathlib import Path

from ombud_desktop.services.assessments import AssessmentService
from ombud_desktop.storage import Edit, Workspace
from ombud_desktop.storage.imports import append_foreign
from ombud_desktop.storage.workspace import new_id
from tests.conftest import FakeClock


def vm_steps_and_statements(
    workspace: Workspace, assessment_id: str, value: int
) -> tuple[int, list[str]]:
    """Write one answer to IN07; return SQLite's VM steps and the statements it ran."""
    steps = 0
    statements: list[str] = []

    def count() -> int:
        nonlocal steps
        steps += 1
        return 0

    conn = workspace.db.conn
    conn.set_progress_handler(count, 1)
    conn.set_trace_callback(statements.append)
    try:
        workspace.write(assessment_id, [Edit("response", "IN07", "value", value)])
    finally:
        conn.set_progress_handler(None, 1)
        conn.set_trace_callback(None)
    return steps, statements


def test_an_answer_costs_the_same_after_300_earlier_answers_to_its_cell(
    workspace: Workspace, service: AssessmentService, assessment_id: str
) -> None:
    for value in range(3):
        service.set_rating(assessment_id, "IN07", value % 4)
    early, early_statements = vm_steps_and_statements(workspace, assessment_id, 1)
    for value in range(300):
        service.set_rating(assessment_id, "IN07", value % 4)
    late, late_statements = vm_steps_and_statements(workspace, assessment_id, 2)
    # Reading the cell's history was ~20 VM steps per change: 300 changes would be ~6,000 more.
    assert late <= early + 100, (early, late)
    assert len(late_statements) == len(early_statements)
    # profile, BEGIN, the cell's newest change, the change row, the answer row,
    # the assessment's updated_at, COMMIT
    assert len(late_statements) <= 7, late_statements
    assert workspace.db.execute(
        "SELECT value FROM responses WHERE assessment_id = ? AND key = 'IN07'", [assessment_id]
    ).fetchone()[0] == "2"


def test_a_change_merged_after_the_last_answer_is_superseded_by_the_next(
    workspace: Workspace, service: AssessmentService, assessment_id: str
) -> None:
    """A concurrent edit from another device arrives after ours: the next answer covers both."""
    [first] = workspace.write(assessment_id, [Edit("response", "IN07", "value", 1)])
    [ours] = workspace.write(assessment_id, [Edit("response", "IN07", "value", 2)])
    theirs = ours.__class__(
        id=new_id(), assessment_id=assessment_id, target="response", row_id="IN07",
        field="value", value=3, author="Budi", author_nip=None, device_id="device-b",
        at="2024-08-12T01:00:30.000000Z", supersedes=first.id,
    )
    with workspace.db.atomic():
        append_foreign(workspace, [theirs])
    [resolving] = workspace.write(assessment_id, [Edit("response", "IN07", "value", 0)])
    assert {resolving.supersedes, *resolving.merges} == {ours.id, theirs.id}
    [after] = workspace.write(assessment_id, [Edit("response", "IN07", "value", 1)])
    assert (after.supersedes, after.merges) == (resolving.id, ())


def test_an_answer_rolled_back_is_not_taken_for_the_cells_head(
    workspace: Workspace, assessment_id: str
) -> None:
    [kept] = workspace.write(assessment_id, [Edit("response", "IN07", "value", 1)])

    class Undo(Exception):
        pass

    try:
        with workspace.db.atomic():
            workspace.write(assessment_id, [Edit("response", "IN07", "value", 2)])
            raise Undo
    except Undo:
        pass
    [next_one] = workspace.write(assessment_id, [Edit("response", "IN07", "value", 3)])
    assert next_one.supersedes == kept.id
    assert [c.value for c in workspace.changes(assessment_id) if c.row_id == "IN07"] == [1, 3]


def test_another_program_writing_the_cell_is_seen(
    tmp_path: Path, workspace: Workspace, assessment_id: str
) -> None:
    """A second opener (a CLI command, the app's other connection) writes between two answers."""
    [ours] = workspace.write(assessment_id, [Edit("response", "IN07", "value", 1)])
    with Workspace.open(tmp_path / "ws", clock=FakeClock()) as other:
        [theirs] = other.write(assessment_id, [Edit("response", "IN07", "value", 2)])
    assert theirs.supersedes == ours.id
    [again] = workspace.write(assessment_id, [Edit("response", "IN07", "value", 3)])
    assert (again.supersedes, again.merges) == (theirs.id, ())


def test_set_rating_checks_the_assessment_by_its_key_and_writes_in_one_transaction(
    workspace: Workspace, service: AssessmentService, assessment_id: str
) -> None:
    service.set_rating(assessment_id, "IN07", 1)
    statements: list[str] = []
    workspace.db.conn.set_trace_callback(statements.append)
    try:
        service.set_rating(assessment_id, "IN07", 2)
    finally:
        workspace.db.conn.set_trace_callback(None)
    # the edit state, then the write's 7 (see above): one BEGIN, one COMMIT
    assert len(statements) == 8, statements
    assert " JOIN " not in statements[0]
    assert [s for s in statements if s in ("BEGIN", "COMMIT")] == ["BEGIN", "COMMIT"]
