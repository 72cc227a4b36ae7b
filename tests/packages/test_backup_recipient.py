"""Pusat's backup key: every export seals personal data to it too, so a supervisor's lost key
never loses a province's names; the package opens with the backup key alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from ombud_desktop.cli.main import main
from ombud_desktop.packages import team as team_keys
from ombud_desktop.packages.importer import import_package
from ombud_desktop.packages.keys import KeyStore, spoken
from ombud_desktop.services.packages import PackageService
from ombud_desktop.storage import Workspace
from tests.conftest import FakeClock
from tests.packages.conftest import People, with_evidence

BACKUP_PASSPHRASE = "kunci cadangan pusat"


@pytest.fixture
def backup(tmp_path: Path, people: People) -> KeyStore:
    """Pusat's backup key store, which trusts Siti's packages and holds nothing else."""
    keys = KeyStore(tmp_path / "keys-backup")
    keys.create_signing_key(BACKUP_PASSPHRASE, owner="Pusat (cadangan)")
    keys.create_receiving_key(BACKUP_PASSPHRASE, owner="Pusat (cadangan)")
    keys.trust(people.assessor.public_key_file().signing_key, "Siti Aminah")
    return keys


def _names(ws: Workspace, assessment_id: str) -> list[str]:
    return sorted(r["name"] or "" for r in ws.respondent_rows([assessment_id]))


def _opened_by_backup(package: Path, backup: KeyStore, root: Path) -> tuple[str, list[str], str]:
    ws = Workspace.open(root, clock=FakeClock())
    try:
        ws.set_profile("Pusat")
        receipt = import_package(ws, package, backup, passphrase=BACKUP_PASSPHRASE)
        aid = receipt.assessments[0].assessment_id
        return receipt.assessments[0].personal_data, _names(ws, aid), aid
    finally:
        ws.close()


def test_a_package_opens_with_the_backup_key_alone(
    assessor_ws: Workspace, people: People, backup: KeyStore, tmp_path: Path
) -> None:
    aid = with_evidence(assessor_ws)
    names = _names(assessor_ws, aid)
    assert any(names)
    service = PackageService(assessor_ws, people.assessor)

    # Without a backup key set, pusat's backup key opens nothing.
    plain = service.export_signed([aid], tmp_path / "out-1", people.signer)[0].path
    state, found, _ = _opened_by_backup(plain, backup, tmp_path / "ws-1")
    assert state == "other_recipient"
    assert not any(found)

    team_keys.set_backup_recipient(people.assessor, backup.public_key_file())
    sealed = service.export_signed([aid], tmp_path / "out-2", people.signer)[0].path
    state, found, _ = _opened_by_backup(sealed, backup, tmp_path / "ws-2")
    assert state == "imported"
    assert found == names


def test_keys_backup_recipient_sets_shows_and_clears(
    backup: KeyStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key_file = tmp_path / "cadangan.ombkey"
    key_file.write_bytes(backup.public_key_file().to_bytes())
    args = ["--keys", str(tmp_path / "keys-siti")]
    assert main([*args, "keys", "backup-recipient"]) == 0
    assert "No backup key is set" in capsys.readouterr().out
    assert main([*args, "keys", "backup-recipient", str(key_file), "--yes"]) == 0
    digits = spoken(backup.public_key_file().fingerprint)
    assert digits in capsys.readouterr().out
    assert main([*args, "keys", "backup-recipient"]) == 0
    assert digits in capsys.readouterr().out
    assert team_keys.backup_recipient(KeyStore(tmp_path / "keys-siti")) is not None
    assert main([*args, "keys", "backup-recipient", "--clear"]) == 0
    assert team_keys.backup_recipient(KeyStore(tmp_path / "keys-siti")) is None
