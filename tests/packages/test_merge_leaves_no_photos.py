"""A merge stopped by a full disk leaves no evidence file behind (issue 16: 44 photos were left
after a full-disk merge that said nothing was changed), and is backed up before it starts."""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Iterator
from pathlib import Path

import pytest

from ombud_desktop.errors import OmbudError
from ombud_desktop.packages import importer
from ombud_desktop.packages.export import export_assessment
from ombud_desktop.services.assessments import AssessmentService
from ombud_desktop.services.merge import merge_packages
from ombud_desktop.services.packages import PackageService
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.backup import default_backup_folder, list_backups
from tests.hostile_files import photo
from tests.packages.conftest import SUPERVISOR_PASSPHRASE, People, with_evidence


def _files(ws: Workspace) -> list[Path]:
    return sorted(p for p in ws.evidence_dir.rglob("*") if p.is_file())


def test_a_full_disk_merge_removes_every_photo_it_placed(
    assessor_ws: Workspace, supervisor_ws: Workspace, people: People, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = with_evidence(assessor_ws)
    second = next(r["id"] for r in assessor_ws.assessment_rows() if r["id"] != first)
    service = AssessmentService(assessor_ws)
    for number in range(2):
        picture = tmp_path / f"foto{number}.jpg"
        picture.write_bytes(photo((320 + number, 240)))
        service.add_evidence(second, picture)
    out = tmp_path / "outbox"
    recipient = people.assessor.recipient()
    packages = [export_assessment(assessor_ws, a, out, people.signer, recipient=recipient).path
                for a in (first, second)]
    before = _files(supervisor_ws)
    calls: list[Path] = []
    real = importer.atomic_output

    @contextlib.contextmanager
    def full_at_the_last(target: Path, **kwargs: object) -> Iterator[object]:
        calls.append(target)
        if len(calls) == 3:  # fault injection: the disk fills on the third photo placed
            raise OSError(errno.ENOSPC, "No space left on device")
        with real(target, **kwargs) as stream:
            yield stream

    monkeypatch.setattr(importer, "atomic_output", full_at_the_last)
    with pytest.raises(OmbudError) as stopped:
        merge_packages(PackageService(supervisor_ws, people.supervisor), packages,
                       passphrase=SUPERVISOR_PASSPHRASE)
    assert stopped.value.code == "disk_full"
    assert len(calls) == 3  # photos were placed before the disk filled
    assert _files(supervisor_ws) == before  # and every one of them was removed
    assert supervisor_ws.assessment_rows() == []
    made = list_backups(default_backup_folder(supervisor_ws.root))
    assert [b.reason for b in made] == ["before_merge"]
