"""An over-long text in a package refuses it, naming the place; drafts never travel."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from ombud_desktop.domain.limits import NAME_MAX, NOTE_MAX
from ombud_desktop.packages.export import export_assessment
from ombud_desktop.packages.importer import ImportRefused, import_package
from ombud_desktop.services.drafts import SERVICE_USER_DRAFT, Drafts
from ombud_desktop.storage import Workspace
from tests.packages.conftest import SUPERVISOR_PASSPHRASE, People, snapshot, with_evidence
from tests.packages.test_forged_changes import _find, forge


def _long_note(changes: list[dict[str, Any]]) -> None:
    template = _find(changes, target="response", field="value")
    changes.append(template | {"id": "01a23313-0000-7000-8000-0000000000dd", "target": "note",
                               "row_id": "IN07", "field": "text", "value": "x" * (NOTE_MAX + 1),
                               "supersedes": None})


def _long_position(changes: list[dict[str, Any]]) -> None:
    template = _find(changes, target="respondent", field="kind", value="role")
    changes.append(template | {"id": "01a23313-0000-7000-8000-0000000000ee",
                               "field": "position", "value": "x" * (NAME_MAX + 1),
                               "supersedes": None})


@pytest.mark.parametrize(("edit", "cell"), [(_long_note, "(note.IN07.text)"),
                                            (_long_position, ".position)")])
def test_an_over_long_text_refuses_the_package_naming_the_place(
    edit: Any, cell: str, package: Path, people: People, supervisor_ws: Workspace,
    tmp_path: Path,
) -> None:
    bad = forge(package, tmp_path / "long.ombx", people, edit)
    before = snapshot(supervisor_ws)
    with pytest.raises(ImportRefused) as refused:
        import_package(supervisor_ws, bad, people.supervisor, passphrase=SUPERVISOR_PASSPHRASE)
    assert refused.value.code == "change_value"
    assert cell in refused.value.message
    assert "longer than" in refused.value.message
    assert snapshot(supervisor_ws) == before


def test_drafts_do_not_travel(assessor_ws: Workspace, people: People, tmp_path: Path) -> None:
    aid = with_evidence(assessor_ws)
    marker = "DRAFTMARKER-Sri-Wahyuni"
    Drafts(assessor_ws).keep(aid, {
        "note:IN07": marker,
        SERVICE_USER_DRAFT: json.dumps({"consent": True, "phone": marker}),
    })
    path = export_assessment(assessor_ws, aid, tmp_path / "outbox", people.signer,
                             recipient=people.assessor.recipient()).path
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            assert marker.encode() not in archive.read(info), info.filename
