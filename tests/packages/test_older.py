"""A re-delivered older package is a true no-op and says it is older than what is here."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from ombud_desktop.cli.packages import _echo_receipt
from ombud_desktop.packages.export import export_assessment
from ombud_desktop.packages.importer import Receipt, import_package
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.changes import Edit
from tests.packages.conftest import SUPERVISOR_PASSPHRASE, People, snapshot, with_evidence


def _old_and_new(
    ws: Workspace, people: People, tmp_path: Path, *, sealed: bool = True
) -> tuple[str, Path, Path]:
    """Export an assessment, change one answer, export it again (personal data sealed or not)."""
    assessment_id = with_evidence(ws)
    recipient = people.assessor.recipient() if sealed else None
    old = export_assessment(
        ws, assessment_id, tmp_path / "old", people.signer, recipient=recipient
    ).path
    ws.write(assessment_id, [Edit("response", "IN07", "value", 0)])
    new = export_assessment(
        ws, assessment_id, tmp_path / "new", people.signer, recipient=recipient
    ).path
    return assessment_id, old, new


def _import(ws: Workspace, path: Path, people: People) -> Receipt:
    return import_package(ws, path, people.supervisor, passphrase=SUPERVISOR_PASSPHRASE)


def _said(receipt: dict[str, object], capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    _echo_receipt(1, 1, receipt)  # type: ignore[arg-type]
    return capsys.readouterr().out


def test_an_older_package_imported_before_is_older_and_changes_nothing(
    assessor_ws: Workspace,
    supervisor_ws: Workspace,
    people: People,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _aid, old, new = _old_and_new(assessor_ws, people, tmp_path)
    assert [a.status for a in _import(supervisor_ws, old, people).assessments] == ["new"]
    assert _import(supervisor_ws, new, people).assessments[0].status == "updated"
    before = snapshot(supervisor_ws)
    again = _import(supervisor_ws, old, people)
    assert [a.status for a in again.assessments] == ["older"]
    assert again.nothing_new
    assert again.earlier_imports  # it was imported before: still said, as before
    assert snapshot(supervisor_ws) == before
    assert "older than what you have" in _said(again.to_json(), capsys)
    # The newer package again is the same as what is here, not older.
    same = _import(supervisor_ws, new, people)
    assert [a.status for a in same.assessments] == ["already_present"]
    assert "already imported, nothing new" in _said(same.to_json(), capsys)
    assert snapshot(supervisor_ws) == before


@pytest.mark.parametrize("sealed", [True, False], ids=["personal-data-sealed", "withheld"])
def test_an_older_package_never_seen_here_is_older_and_changes_nothing(
    assessor_ws: Workspace,
    supervisor_ws: Workspace,
    people: People,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    sealed: bool,
) -> None:
    _aid, old, new = _old_and_new(assessor_ws, people, tmp_path, sealed=sealed)
    _import(supervisor_ws, new, people)
    before = snapshot(supervisor_ws)
    late = _import(supervisor_ws, old, people)  # its first arrival here
    assert [a.status for a in late.assessments] == ["older"]
    assert late.assessments[0].added == 0
    assert late.nothing_new
    assert snapshot(supervisor_ws) == before  # not even recorded as an import
    said = _said(late.to_json(), capsys)
    assert "older than what you have" in said
    assert "already imported" not in said


def test_a_package_of_the_same_state_is_already_present_not_older(
    assessor_ws: Workspace, supervisor_ws: Workspace, people: People, tmp_path: Path
) -> None:
    assessment_id = with_evidence(assessor_ws)
    first = export_assessment(assessor_ws, assessment_id, tmp_path / "a", people.signer).path
    second = export_assessment(
        assessor_ws, assessment_id, tmp_path / "b", people.signer,
        recipient=people.assessor.recipient(),
    ).path
    import_package(supervisor_ws, first, people.supervisor)  # personal data withheld
    before = snapshot(supervisor_ws)
    receipt = import_package(supervisor_ws, second, people.supervisor)  # and locked here
    assert [a.status for a in receipt.assessments] == ["already_present"]
    # Nothing changed but the personal data kept sealed, to be opened later (issue 14).
    after = snapshot(supervisor_ws)
    kept = [line for line in after[0] if line.startswith('INSERT INTO "sealed_personal"')]
    assert len(kept) == 1
    assert ([line for line in after[0] if line not in kept], after[1]) == before


def test_the_cli_words_every_status() -> None:
    # A status without words would raise KeyError in the receipt printing.
    receipt = {
        "path": "x.ombx",
        "nothing_new": False,
        "signer": {"name": "Siti"},
        "assessments": [
            {"entity": "E", "locus": "L", "period": "2024", "status": status, "added": 0,
             "personal_data": "none", "conflicts": []}
            for status in ("new", "updated", "conflicts", "already_present", "older", "pending")
        ],
    }
    with click.Context(click.Command("x")):
        _echo_receipt(1, 1, receipt)


def test_a_merge_counts_every_status() -> None:
    from ombud_desktop.packages.importer import AssessmentReceipt
    from ombud_desktop.services.merge import MergeReport

    statuses = ("new", "updated", "conflicts", "already_present", "older", "pending")
    receipt = Receipt(
        path=Path("x.ombx"),
        package_id="p",
        signer_name="Siti",
        signer_fingerprint="f",
        assessments=[AssessmentReceipt(s, "E", "L", "2024", status=s) for s in statuses],
    )
    assert MergeReport(receipts=[receipt]).counts == dict.fromkeys(statuses, 1)
