"""Packages signed by a trusted key whose changes break the rules of a typed answer.

Each is built with the project's own exporter and signing code, then its change log is edited
and the package signed again, as a dishonest assessor holding a trusted key could. Each is
refused whole, naming the assessment, the cell and the rule, and the workspace is unchanged.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ombud_desktop.packages.export import export_assessment
from ombud_desktop.packages.format import MANIFEST, SIGNATURE
from ombud_desktop.packages.importer import ImportRefused, import_package
from ombud_desktop.services.merge import merge_packages
from ombud_desktop.services.packages import PackageService
from ombud_desktop.storage import Workspace
from tests.packages.conftest import (
    SUPERVISOR_PASSPHRASE,
    Members,
    People,
    resign,
    rewrite,
    snapshot,
)

Edit = Callable[[list[dict[str, Any]]], None]


def forge(package: Path, target: Path, people: People, edit: Edit) -> Path:
    """Edit the change log of the package's assessment and sign the package again."""

    def change(members: Members) -> Members:
        out: Members = []
        for info, data in members:
            if info.filename.startswith("assessments/"):
                document = json.loads(data)
                edit(document["changes"])
                data = json.dumps(document).encode()
            out.append((info, data))

        def declare(manifest: dict[str, Any]) -> None:
            manifest["members"] = [
                {"path": i.filename, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
                for i, d in out
                if i.filename not in (MANIFEST, SIGNATURE)
            ]

        return resign(out, people.signer, declare)

    return rewrite(package, target, change)


def _find(changes: list[dict[str, Any]], **match: Any) -> dict[str, Any]:
    return next(c for c in changes if all(c.get(k) == v for k, v in match.items()))


def _rating(value: Any) -> Edit:
    def edit(changes: list[dict[str, Any]]) -> None:
        _find(changes, target="response", field="value", row_id="IN07")["value"] = value

    return edit


def _time(stamp: str) -> Edit:
    def edit(changes: list[dict[str, Any]]) -> None:
        _find(changes, target="response", field="value")["at"] = stamp

    return edit


def _cycle(changes: list[dict[str, Any]]) -> None:
    first = _find(changes, target="response", field="value", row_id="IN07")
    second = copy.deepcopy(first) | {"id": "01a23313-0000-7000-8000-0000000000aa",
                                     "supersedes": first["id"], "value": 1}
    first["supersedes"] = second["id"]
    changes.append(second)


def _cross_cell(changes: list[dict[str, Any]]) -> None:
    rating = _find(changes, target="response", field="value", row_id="IN07")
    status = _find(changes, target="assessment", field="status")
    changes.append(copy.deepcopy(status) | {"id": "01a23313-0000-7000-8000-0000000000bb",
                                            "supersedes": rating["id"]})


FORGERIES: dict[str, tuple[Edit, str]] = {
    "rating 99": (_rating(99), "change_value"),
    "rating as text": (_rating("3"), "change_value"),
    "rating true": (_rating(True), "change_value"),
    "rating 1e308": (_rating(1e308), "json_number"),  # refused already by the strict reader
    "not a date": (_time("zzz-not-a-date"), "change_time"),
    "year 9999 wins every edit": (_time("9999-12-31T23:59:59.000000Z"), "change_time"),
    "two changes supersede each other": (_cycle, "change_link"),
    "a status supersedes a rating": (_cross_cell, "change_link"),
}


@pytest.mark.parametrize("name", list(FORGERIES))
def test_a_forged_change_refuses_the_package_and_changes_nothing(
    name: str, package: Path, people: People, supervisor_ws: Workspace, tmp_path: Path
) -> None:
    edit, code = FORGERIES[name]
    bad = forge(package, tmp_path / "forged.ombx", people, edit)
    before = snapshot(supervisor_ws)
    with pytest.raises(ImportRefused) as refused:
        import_package(supervisor_ws, bad, people.supervisor, passphrase=SUPERVISOR_PASSPHRASE)
    assert refused.value.code == code, name
    if code.startswith("change_"):  # the assessment and the cell are named in words
        assert "Kabupaten" in refused.value.message
        assert "(response." in refused.value.message
    assert "Traceback" not in str(refused.value)
    assert snapshot(supervisor_ws) == before
    # The honest package still imports after it.
    receipt = import_package(supervisor_ws, package, people.supervisor,
                             passphrase=SUPERVISOR_PASSPHRASE)
    assert receipt.assessments[0].status == "new"


def test_a_row_of_another_assessment_cannot_be_reached(
    assessor_ws: Workspace, package: Path, people: People, supervisor_ws: Workspace,
    tmp_path: Path,
) -> None:
    import_package(supervisor_ws, package, people.supervisor, passphrase=SUPERVISOR_PASSPHRASE)
    first = json.loads(next(d for i, d in _members(package) if i.startswith("assessments/")))
    victim = _find(first["changes"], target="respondent", field="kind")["row_id"]
    other_id = next(r["id"] for r in assessor_ws.assessment_rows()
                    if r["id"] != first["assessment_id"])
    other = export_assessment(assessor_ws, other_id, tmp_path / "out2", people.signer,
                              recipient=people.assessor.recipient()).path

    def steal(changes: list[dict[str, Any]]) -> None:
        template = _find(changes, target="respondent", field="consent")
        changes.append(template | {"id": "01a23313-0000-7000-8000-0000000000cc",
                                   "row_id": victim, "value": False, "supersedes": None})

    bad = forge(other, tmp_path / "steal.ombx", people, steal)
    before = snapshot(supervisor_ws)
    with pytest.raises(ImportRefused) as refused:
        import_package(supervisor_ws, bad, people.supervisor, passphrase=SUPERVISOR_PASSPHRASE)
    assert refused.value.code == "change_row"
    assert snapshot(supervisor_ws) == before


def test_a_known_change_id_with_other_content_is_refused(
    assessor_ws: Workspace, package: Path, people: People, supervisor_ws: Workspace,
    tmp_path: Path,
) -> None:
    import_package(supervisor_ws, package, people.supervisor, passphrase=SUPERVISOR_PASSPHRASE)
    aid = json.loads(next(d for i, d in _members(package) if i == MANIFEST))["assessments"][0]
    again = export_assessment(assessor_ws, aid["id"], tmp_path / "out3", people.signer,
                              recipient=people.assessor.recipient()).path  # a new package id
    bad = forge(again, tmp_path / "reused.ombx", people, _rating(0))
    before = snapshot(supervisor_ws)
    with pytest.raises(ImportRefused) as refused:
        import_package(supervisor_ws, bad, people.supervisor, passphrase=SUPERVISOR_PASSPHRASE)
    assert refused.value.code == "change_id_reused"
    assert snapshot(supervisor_ws) == before


def test_one_forged_package_does_not_hold_up_a_merge(
    package: Path, people: People, supervisor_ws: Workspace, tmp_path: Path
) -> None:
    (tmp_path / "in").mkdir()
    bad = forge(package, tmp_path / "in" / "a-forged.ombx", people, _rating(99))
    good = tmp_path / "in" / "b-good.ombx"
    good.write_bytes(package.read_bytes())
    service = PackageService(supervisor_ws, people.supervisor)
    report = merge_packages(service, [bad, good], passphrase=SUPERVISOR_PASSPHRASE)
    assert [path.name for path, _error in report.refused] == ["a-forged.ombx"]
    assert report.refused[0][1].code == "change_value"
    assert len(supervisor_ws.assessment_rows()) == 1


def _members(path: Path) -> list[tuple[str, bytes]]:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return [(i.filename, archive.read(i)) for i in archive.infolist()]
