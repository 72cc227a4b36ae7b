"""Names are stored trimmed with inner runs of spaces made one, by the core and the CLI alike.

The app's "New assessment" dialog cleans the same way (tests/ui/test_new_assessment_names.py),
so "Puskesmas  Cikedal" typed with two spaces is one locus "Puskesmas Cikedal" everywhere.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ombud_desktop.cli.main import main
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services.assessments import AssessmentService, NewAssessment
from ombud_desktop.storage import Workspace


def _document(folder: Path, aid: str) -> object:
    workspace = Workspace.open(folder)
    try:
        return AssessmentService(workspace).document(aid)
    finally:
        workspace.close()


def test_the_core_stores_names_trimmed_and_single_spaced(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "ws")
    try:
        workspace.set_profile("Siti Aminah", None)
        aid = AssessmentService(workspace).create(
            builtin_instrument("ori-2023"),
            NewAssessment(
                "kabupaten", "Kabupaten  Serang ", " Banten", "  Puskesmas   Cikedal ", 2024,
                locus_type="puskesmas", team=(" Siti   Aminah ", "  "),
                products=(" Pelayanan   umum ",),
            ),
        ).value
    finally:
        workspace.close()
    document: object = _document(tmp_path / "ws", aid)
    assert document.locus["name"] == "Puskesmas Cikedal"  # type: ignore[attr-defined]
    assert document.entity["name"] == "Kabupaten Serang"  # type: ignore[attr-defined]
    assert list(document.team) == ["Siti Aminah"]  # type: ignore[attr-defined]
    assert list(document.products) == ["Pelayanan umum"]  # type: ignore[attr-defined]


def test_ombud_assessment_new_gives_the_same_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OMBUD_SETTINGS", str(tmp_path / "settings.json"))
    monkeypatch.delenv("OMBUD_LANG", raising=False)
    folder = tmp_path / "ws"
    assert main(["--workspace", str(folder), "init", "--name", "Siti Aminah"]) == 0
    args = ["--workspace", str(folder), "assessment", "new", "--category", "kabupaten",
            "--entity", "Kabupaten Serang", "--locus", "  Puskesmas   Cikedal ",
            "--locus-type", "puskesmas", "--period", "2024", "--team", " Budi   Santoso "]
    capsys.readouterr()
    assert main(args) == 0
    shown = capsys.readouterr().out
    assert "› Puskesmas Cikedal  2024" in shown
    assert main([*args, "--json"]) == 0
    aid = json.loads(capsys.readouterr().out)["id"]
    document: object = _document(folder, aid)
    assert document.locus["name"] == "Puskesmas Cikedal"  # type: ignore[attr-defined]
    assert list(document.team) == ["Budi Santoso"]  # type: ignore[attr-defined]
