"""Fixtures for the supervisor GUI tests: real keys, workspaces and packages, a real conflict.

Imported by the test modules that use them (``from tests.ui.supervision_fixtures import …``).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.packages.export import Signer, export_assessment
from ombud_desktop.packages.importer import import_package
from ombud_desktop.packages.keys import KeyStore
from ombud_desktop.services.assessments import AssessmentService, NewAssessment
from ombud_desktop.services.merge import list_conflicts
from ombud_desktop.storage import Workspace
from ombud_desktop.ui.ops import StoreThread, open_store_at
from tests.conftest import FakeClock

ASSESSOR_PASSPHRASE = "kunci asesor 2024"
SUPERVISOR_PASSPHRASE = "kunci supervisor 2024"
NEW = NewAssessment("kota", "Kota Cilegon", "Banten", "Disdukcapil", 2024,
                    products=("KTP-el", "KK"))


@pytest.fixture(scope="module")
def key_folders(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """An assessor and a supervisor who trust each other (keys made once: scrypt is slow)."""
    base = tmp_path_factory.mktemp("keys")
    assessor, supervisor = KeyStore(base / "assessor"), KeyStore(base / "supervisor")
    assessor.create_signing_key(ASSESSOR_PASSPHRASE, owner="Siti Aminah")
    supervisor.create_signing_key(SUPERVISOR_PASSPHRASE, owner="Budi Santoso")
    supervisor.create_receiving_key(SUPERVISOR_PASSPHRASE, owner="Budi Santoso")
    assessor.set_recipient(supervisor.public_key_file())
    assessor.trust(supervisor.public_key_file().signing_key, "Budi Santoso", role="supervisor")
    supervisor.trust(assessor.public_key_file().signing_key, "Siti Aminah")
    return assessor.folder, supervisor.folder


@dataclass
class Team:
    """An assessor's and a supervisor's folders: keys and workspaces."""

    root: Path
    assessor_keys: KeyStore
    supervisor_keys: KeyStore

    @property
    def signer(self) -> Signer:
        return Signer(self.assessor_keys.signing_key(ASSESSOR_PASSPHRASE), "Siti Aminah")

    def workspace(self, name: str, profile: str) -> Workspace:
        ws = Workspace.open(self.root / name, clock=FakeClock())
        ws.set_profile(profile)
        return ws

    def export(self, ws: Workspace, aid: str, folder: str) -> Path:
        return export_assessment(ws, aid, self.root / folder, self.signer,
                                 recipient=self.assessor_keys.recipient()).path


@pytest.fixture
def team(tmp_path: Path, key_folders: tuple[Path, Path]) -> Team:
    return Team(tmp_path, KeyStore(shutil.copytree(key_folders[0], tmp_path / "k-assessor")),
                KeyStore(shutil.copytree(key_folders[1], tmp_path / "k-supervisor")))


@contextmanager
def running(path: Path) -> Iterator[StoreThread]:
    """Run a store thread over the workspace at ``path`` for the block."""
    thread = StoreThread(open_store_at(path))
    yield thread
    thread.close()


@pytest.fixture
def conflicted(team: Team) -> tuple[Path, str]:
    """A supervisor workspace where IN07 was rated 1 on one laptop and 3 on another."""
    first = team.workspace("laptop1", "Siti Aminah")
    service = AssessmentService(first)
    aid = service.create(builtin_instrument("ori-2023"), NEW).value
    photo = team.root / "papan.jpg"
    Image.new("RGB", (640, 480), (200, 120, 40)).save(photo, "JPEG")
    service.add_evidence(aid, photo, indicator="IN07")
    base = team.export(first, aid, "base")
    second = team.workspace("laptop2", "Rina Wati")
    import_package(second, base, team.assessor_keys)
    service.set_rating(aid, "IN07", 1)
    AssessmentService(second).set_rating(aid, "IN07", 3)
    packages = [team.export(first, aid, "one"), team.export(second, aid, "two")]
    first.close()
    second.close()
    supervisor = team.workspace("supervisor", "Budi Santoso")
    for path in packages:
        import_package(supervisor, path, team.supervisor_keys)
    assert len(list_conflicts(supervisor, aid)) == 1
    supervisor.close()
    return team.root / "supervisor", aid
