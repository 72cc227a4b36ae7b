"""``ombud score --json``: the fields issue 14 names, exactly, and reasons in the CLI's language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ombud_desktop.cli.main import main
from ombud_desktop.domain.ids import short_id
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.merge.apply import merge_changes
from ombud_desktop.services.assessments import AssessmentService, NewAssessment
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.changes import Change


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Kota Serang (Banten) with IN07 in open conflict; Kota Metro (Lampung)."""
    with Workspace.open(tmp_path / "ws") as ws:
        ws.set_profile("Budi Santoso")
        service = AssessmentService(ws)
        for entity, province in (("Kota Serang", "Banten"), ("Kota Metro", "Lampung")):
            aid = service.create(builtin_instrument("ori-2023"), NewAssessment(
                "kota", entity, province, "Disdukcapil", 2024)).value
            service.set_rating(aid, "IN07", 2)
        first = next(c for c in ws.changes(aid) if c.row_id == "IN07")
        other = Change(
            id="01a23313-0000-7000-8000-00000000abcd", assessment_id=aid, target="response",
            row_id="IN07", field="value", value=0, author="Andi", author_nip=None,
            device_id="0190f000-0000-7000-8000-00000000beef", at=first.at,
            supersedes=first.supersedes,
        )
        with ws.db.atomic():
            merge_changes(ws, aid, [other], known=True)
    return tmp_path / "ws"


def _score(capsys: pytest.CaptureFixture[str], folder: Path, *more: str) -> dict:
    assert main(["--workspace", str(folder), "score", "--json", *more]) == 0
    return json.loads(capsys.readouterr().out)


def test_score_json_carries_the_named_fields(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OMBUD_LANG", "id")
    scores = _score(capsys, folder)
    for entity in scores["entities"]:
        assert {"province", "provisional", "provisional_reasons", "rank", "rank_scope"} <= set(
            entity
        )
        assert entity["rank_scope"] == {
            "kind": "provinces", "category": "kota", "provinces": ["Banten", "Lampung"]
        }
        assert all(set(r) == {"code", "text"} for r in entity["provisional_reasons"])
    for locus in scores["loci"]:
        assert {"review", "open_conflicts", "pending_changes", "duplicate_of"} <= set(locus)
        assert locus["duplicate_of"] is None
        assert locus["review"] is None
    metro = next(e for e in scores["entities"] if e["entity"] == "Kota Metro")
    assert metro["province"] == "Lampung"
    assert {"code": "open_conflict", "text": "konflik terbuka: IN07"} in metro[
        "provisional_reasons"
    ]
    assert metro["provisional"] is True
    [conflicted] = [locus for locus in scores["loci"] if locus["open_conflicts"]]
    assert conflicted["open_conflicts"] == ["IN07"]
    assert conflicted["pending_changes"] == 0

    monkeypatch.setenv("OMBUD_LANG", "en")
    english = _score(capsys, folder, "--province", "Lampung")
    [only] = english["entities"]
    assert only["entity"] == "Kota Metro"
    assert {"code": "open_conflict", "text": "open conflict: IN07"} in only["provisional_reasons"]
    assert {locus["province"] for locus in english["loci"]} == {"Lampung"}


def test_duplicates_commands(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--workspace", str(folder), "duplicates", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["--workspace", str(folder), "duplicates", "list"]) == 0
    assert "No duplicates." in capsys.readouterr().out


def test_duplicates_are_listed_and_one_is_kept_from_the_command_line(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Workspace.open(folder) as ws:
        service = AssessmentService(ws)
        second = service.create(builtin_instrument("ori-2023"), NewAssessment(
            "kota", "Kota Serang", "Banten", "Disdukcapil", 2024)).value
    assert main(["--workspace", str(folder), "duplicates", "list", "--json"]) == 0
    [group] = json.loads(capsys.readouterr().out)
    assert group["decided"] is False
    assert len(group["assessments"]) == 2
    first = next(a["assessment_id"] for a in group["assessments"] if a["assessment_id"] != second)
    serang = next(e for e in _score(capsys, folder)["entities"] if e["entity"] == "Kota Serang")
    assert serang["score"] is None
    assert serang["provisional"] is True
    assert main(["--workspace", str(folder), "duplicates", "list"]) == 0
    assert "NOT DECIDED" in capsys.readouterr().out
    assert main(["--workspace", str(folder), "duplicates", "keep", short_id(first)]) == 0
    assert "set aside" in capsys.readouterr().out
    scores = _score(capsys, folder)
    serang = next(e for e in scores["entities"] if e["entity"] == "Kota Serang")
    kept = next(locus for locus in scores["loci"] if locus["assessment_id"] == first)
    assert serang["score_exact"] == kept["score_exact"]
    assert main(["--workspace", str(folder), "duplicates", "list", "--undecided", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
