"""The history of an assessment: old values stay, with their author, time and fate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ombud_desktop.cli.main import main
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.merge.apply import merge_changes
from ombud_desktop.services.assessments import AssessmentService, NewAssessment
from ombud_desktop.services.history import (
    CONFLICT,
    CURRENT,
    SUPERSEDED,
    assessment_history,
)
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.changes import Change


def _new(workspace: Workspace) -> str:
    workspace.set_profile("Siti Aminah", None)
    return AssessmentService(workspace).create(builtin_instrument("ori-2023"), NewAssessment(
        category="kota", entity_name="Kota Serang", province="Banten",
        locus_name="Disdukcapil", period_year=2024)).value


def test_every_value_of_a_cell_stays_with_its_fate(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "ws") as workspace:
        aid = _new(workspace)
        service = AssessmentService(workspace)
        user = service.add_service_user(aid, consent=True, phone=None).value
        for value in (1, 2, 3):
            service.set_rating(aid, "IN07", value)
        cells = assessment_history(workspace, aid, cell="IN07")
        assert [c.label for c in cells] == ["response.IN07.value"]
        entries = cells[0].entries
        assert [(e.value, e.state) for e in entries] == [
            (1, SUPERSEDED), (2, SUPERSEDED), (3, CURRENT)]
        assert entries[0].superseded_by == [entries[1].change_id]
        assert all(e.author == "Siti Aminah" for e in entries)
        # A concurrent edit from another laptop: both heads are shown as the conflict.
        other = Change(
            id="01a23313-0000-7000-8000-00000000abcd", assessment_id=aid, target="response",
            row_id="IN07", field="value", value=0, author="Budi", author_nip=None,
            device_id="0190f000-0000-7000-8000-00000000beef", at=entries[1].at,
            supersedes=entries[0].change_id,
        )
        with workspace.db.atomic():
            merge_changes(workspace, aid, [other], known=True)
        states = {e.change_id: e.state for e in assessment_history(workspace, aid, cell="IN07")[0]
                  .entries}
        assert states[other.id] == CONFLICT
        assert states[entries[2].change_id] == CONFLICT
        assert states[entries[0].change_id] == SUPERSEDED
        # Personal fields are hidden unless asked for.
        service.set_role(aid, "R1", present=True, name="Dewi Lestari")
        whole = assessment_history(workspace, aid)
        names = [e for c in whole if c.cell[2] == "name" for e in c.entries]
        assert names[0].to_json()["value"] is None
        assert names[0].to_json(personal_data=True)["value"] == "Dewi Lestari"
        assert any(c.cell[1] == user for c in whole)


def test_the_history_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "ws"
    with Workspace.open(folder) as workspace:
        aid = _new(workspace)
        service = AssessmentService(workspace)
        service.set_rating(aid, "IN07", 2)
        service.set_rating(aid, "IN07", 3)
        service.set_role(aid, "R1", present=True, name="Dewi Lestari")
    assert main(["--workspace", str(folder), "history", aid, "--cell", "IN07", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [c["value"] for c in shown["cells"][0]["changes"]] == [2, 3]
    assert main(["--workspace", str(folder), "history", aid]) == 0
    out = capsys.readouterr().out
    assert "response.IN07.value" in out
    assert "Dewi" not in out
    assert "(personal data)" in out
    assert main(["--workspace", str(folder), "history", aid, "--cell", "PG99"]) == 2
    assert "no change of PG99" in capsys.readouterr().err


def test_the_history_of_a_page_holds_its_rows_only(tmp_path: Path) -> None:
    """A role page's history has the role's ratings; a rating page's only its indicator."""
    from ombud_desktop.services.store import Services

    with Workspace.open(tmp_path / "ws") as workspace:
        aid = _new(workspace)
        services = Services(workspace)
        services.assessments.set_rating(aid, "IN07", 1)
        services.assessments.set_role(aid, "R1", present=True, name="Dewi Lestari")
        services.assessments.set_role_rating(aid, "R1", "IN02", 2)
        assert [c.cell[1] for c in services.history(aid, ["IN07"])] == ["IN07"]
        role_rows = {c.cell[1] for c in services.history(aid, ["R1"])}
        assert "IN02@R1" in role_rows
        assert "IN07" not in role_rows
        assert services.history(aid, ["PG01"]) == []
