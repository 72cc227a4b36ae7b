"""Review comments are open until closed: by the assessor's fix or the supervisor, and every
one by approval. A closing is a change that travels; an assessor may close, never comment."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from ombud_desktop.cli.main import main
from ombud_desktop.domain.ids import short_id
from ombud_desktop.errors import ValidationError
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.packages.importer import ImportRefused, import_package
from ombud_desktop.services import merge as merging
from ombud_desktop.services.assessments import AssessmentService, NewAssessment
from ombud_desktop.services.comments import close_comment, comments_of
from ombud_desktop.services.review_state import ReviewState, open_counts, review_states
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.changes import Edit
from tests.packages.conftest import snapshot
from tests.packages.test_custody import Locus


@pytest.fixture
def world(tmp_path: Path) -> Iterator[Locus]:
    found = Locus(tmp_path)
    yield found
    found.close()


def _returned(world: Locus) -> tuple[Workspace, Workspace, str]:
    """Siti's assessment of Banten, returned by its supervisor with a general and IN07 comment."""
    siti_ws = world.workspace("siti", "Siti Aminah")
    budi_ws = world.workspace("budi", "Budi Santoso")
    aid = AssessmentService(siti_ws).create(
        builtin_instrument("ori-2023"),
        NewAssessment("kota", "Kota Serang", "Banten", "Disdukcapil", 2024),
    ).value
    siti = world.assessors[0]
    import_package(budi_ws, siti.export(siti_ws, aid, world.root / "first"), world.keys("budi"))
    merging.return_for_correction(budi_ws, aid, "Foto kurang", {"IN07": "Papan tidak terbaca"})
    back = world.supervisor.export(budi_ws, aid, world.root / "back")
    import_package(siti_ws, back, world.keys("siti"))
    return siti_ws, budi_ws, aid


def _states(ws: Workspace, aid: str) -> list[tuple[str | None, str, str | None, str | None]]:
    return [(c.indicator, c.state, c.closed_by, c.note) for c in comments_of(ws, aid)]


def test_the_assessors_fix_travels_to_the_supervisor_and_back(world: Locus) -> None:
    siti_ws, budi_ws, aid = _returned(world)
    assert _states(siti_ws, aid) == [("IN07", "open", None, None), (None, "open", None, None)]
    assert review_states(siti_ws)[aid].open_comments == 2
    assert open_counts(siti_ws).get(aid, (0, 0))[0] == 2  # the home list's count
    [in07] = [c for c in comments_of(siti_ws, aid) if c.indicator == "IN07"]
    close_comment(siti_ws, short_id(in07.id), "  papan sudah difoto ulang ")
    assert review_states(siti_ws)[aid].open_comments == 1
    assert open_counts(siti_ws).get(aid, (0, 0))[0] == 1  # the home list's count
    with pytest.raises(ValidationError) as closed:
        close_comment(siti_ws, in07.id)
    assert closed.value.code == "comment_closed"
    fixed = world.assessors[0].export(siti_ws, aid, world.root / "fixed")
    receipt = import_package(budi_ws, fixed, world.keys("budi2"))
    assert receipt.assessments[0].pending == 0
    assert _states(budi_ws, aid) == [
        ("IN07", "closed", "Siti Aminah", "papan sudah difoto ulang"),
        (None, "open", None, None),
    ]
    # The supervisor closes the general comment; it travels back to the assessor.
    [general] = [c for c in comments_of(budi_ws, aid) if c.indicator is None]
    close_comment(budi_ws, general.id)
    again = world.supervisor.export(budi_ws, aid, world.root / "again")
    import_package(siti_ws, again, world.keys("siti2"))
    assert _states(siti_ws, aid) == _states(budi_ws, aid) == [
        ("IN07", "closed", "Siti Aminah", "papan sudah difoto ulang"),
        (None, "closed", "Budi Santoso", None),
    ]
    assert review_states(siti_ws)[aid].open_comments == 0
    assert open_counts(siti_ws).get(aid, (0, 0))[0] == 0  # the home list's count


def test_approval_closes_every_comment_and_a_new_return_opens_only_its_own(world: Locus) -> None:
    _siti_ws, budi_ws, aid = _returned(world)
    merging.approve(budi_ws, aid, "baik", despite_doubts=True)
    assert review_states(budi_ws)[aid].open_comments == 0
    assert open_counts(budi_ws).get(aid, (0, 0))[0] == 0  # the home list's count
    [in07] = comments_of(budi_ws, aid)  # approved: the general comment is the approval's
    assert (in07.state, in07.by_approval, in07.closed_by) == ("closed", True, "Budi Santoso")
    with pytest.raises(ValidationError):
        close_comment(budi_ws, in07.id)
    merging.return_for_correction(budi_ws, aid, "", {"IN08": "Kursi tunggu kurang"})
    assert _states(budi_ws, aid) == [
        ("IN07", "closed", "Budi Santoso", None),  # closed for good, not by approval now
        ("IN08", "open", None, None),
    ]
    assert review_states(budi_ws)[aid].open_comments == 1
    assert open_counts(budi_ws).get(aid, (0, 0))[0] == 1  # the home list's count


def test_an_assessor_may_close_but_never_write_a_review_comment(world: Locus) -> None:
    siti_ws, budi_ws, aid = _returned(world)
    siti = world.assessors[0]
    siti_ws.write(aid, [Edit("review_comment", "forged-1", "text", "tidak perlu")])
    forged = siti.export(siti_ws, aid, world.root / "forged")
    before = snapshot(budi_ws)
    with pytest.raises(ImportRefused) as refused:
        import_package(budi_ws, forged, world.keys("budi2"))
    assert refused.value.code == "change_not_allowed"
    assert "comment on its review" in refused.value.message
    assert snapshot(budi_ws) == before


def test_closings_around_approval_never_wait_as_pending(world: Locus) -> None:
    """The supervisor closes a comment and approves; the assessor closed another meanwhile."""
    siti_ws, budi_ws, aid = _returned(world)
    [general] = [c for c in comments_of(budi_ws, aid) if c.indicator is None]
    close_comment(budi_ws, general.id)
    merging.approve(budi_ws, aid, None, despite_doubts=True)
    [in07] = [c for c in comments_of(siti_ws, aid) if c.indicator == "IN07"]
    close_comment(siti_ws, in07.id, "sudah")
    late = world.assessors[0].export(siti_ws, aid, world.root / "late")
    assert import_package(budi_ws, late, world.keys("budi2")).assessments[0].pending == 0
    assert review_states(budi_ws)[aid] == ReviewState("approved")
    back = world.supervisor.export(budi_ws, aid, world.root / "approved")
    assert import_package(siti_ws, back, world.keys("siti2")).assessments[0].pending == 0
    assert review_states(siti_ws)[aid].pending_changes == 0
    assert [(c.indicator, c.state) for c in comments_of(siti_ws, aid)] == [("IN07", "closed")]


def test_the_list_carries_review_state_at_pusat(
    world: Locus, capsys: pytest.CaptureFixture[str]
) -> None:
    """Returned by the province, one comment open, a conflict, a late change still waiting."""
    siti, andi = world.assessors
    siti_ws, andi_ws = world.workspace("siti", "Siti Aminah"), world.workspace("andi", "Andi")
    budi_ws, pusat_ws = world.workspace("budi", "Budi Santoso"), world.workspace("pusat", "Pusat")
    aid = AssessmentService(siti_ws).create(
        builtin_instrument("ori-2023"),
        NewAssessment("kota", "Kota Serang", "Banten", "Disdukcapil", 2024),
    ).value
    first = siti.export(siti_ws, aid, world.root / "p1")
    import_package(andi_ws, first, world.keys("andi"))
    import_package(budi_ws, first, world.keys("budi"))
    merging.approve(budi_ws, aid, None, despite_doubts=True)
    import_package(pusat_ws, world.supervisor.export(budi_ws, aid, world.root / "p2"),
                   world.keys("pusat"))
    siti_ws.write(aid, [Edit("response", "IN07", "value", 3)])  # after approval: waits
    late = import_package(pusat_ws, siti.export(siti_ws, aid, world.root / "p3"),
                          world.keys("pusat"))
    assert late.assessments[0].pending == 1
    budi_ws.write(aid, [Edit("response", "IN08", "value", 1)])
    merging.return_for_correction(budi_ws, aid, "", {"IN07": "Papan tidak terbaca"})
    import_package(pusat_ws, world.supervisor.export(budi_ws, aid, world.root / "p4"),
                   world.keys("pusat"))
    andi_ws.write(aid, [Edit("response", "IN08", "value", 2)])  # crosses the supervisor's
    import_package(pusat_ws, andi.export(andi_ws, aid, world.root / "p5"), world.keys("pusat"))
    pusat_ws.close()
    assert main(["--workspace", str(world.root / "pusat"), "assessments", "list", "--json"]) == 0
    [item] = json.loads(capsys.readouterr().out)
    assert {k: item[k] for k in ("review", "open_comments", "open_conflicts",
                                 "pending_changes")} == {
        "review": "returned", "open_comments": 1, "open_conflicts": ["IN08"],
        "pending_changes": 1,
    }
    assert main(["--workspace", str(world.root / "pusat"), "assessments", "list"]) == 0
    line = capsys.readouterr().out
    assert line.rstrip().endswith("[returned, 1 open comment, conflict IN08, 1 pending]")
    assert main(["--workspace", str(world.root / "pusat"), "assessment", "show", aid[:8]]) == 0
    shown = capsys.readouterr().out
    assert "Supervisor's comments: 1 open, 0 closed" in shown
    assert "[open] IN07: Papan tidak terbaca" in shown
