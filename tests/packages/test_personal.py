"""Personal data to everyone who needs it (issue 14): several recipients, read later.

Real keys, real workspaces, real packages: an assessor (Siti) with a co-assessor (Rina), their
supervisor (Budi), pusat, and a stranger.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import rfc8785
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from ombud_desktop.packages import team as team_keys
from ombud_desktop.packages.export import HPKE, Signer
from ombud_desktop.packages.format import PERSONAL_INFO, PERSONAL_SCHEME
from ombud_desktop.packages.importer import ImportRefused, import_package, verify_package
from ombud_desktop.packages.keys import KeyStore
from ombud_desktop.services import merge as merging
from ombud_desktop.services.packages import PackageService
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.changes import PERSONAL_FIELDS
from tests.conftest import FakeClock
from tests.packages.conftest import (
    ASSESSOR_PASSPHRASE,
    SUPERVISOR_PASSPHRASE,
    Members,
    People,
    read_members,
    resign,
    snapshot,
    with_evidence,
    write_members,
)

RINA_PASSPHRASE = "kunci rina 2024"
PUSAT_PASSPHRASE = "kunci pusat 2024"


@dataclass
class Crew:
    """Siti (assessor), Rina (co-assessor), Budi (supervisor), pusat and a stranger."""

    siti: KeyStore
    rina: KeyStore
    budi: KeyStore
    pusat: KeyStore
    stranger: KeyStore
    siti_signer: Signer
    budi_signer: Signer


@pytest.fixture(scope="module")
def more_keys(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Rina's, pusat's and a stranger's keys, and a receiving key for Siti (made once)."""
    base = tmp_path_factory.mktemp("more-keys")
    rina = KeyStore(base / "rina")
    rina.create_signing_key(RINA_PASSPHRASE, owner="Rina Wati")
    rina.create_receiving_key(RINA_PASSPHRASE, owner="Rina Wati")
    pusat = KeyStore(base / "pusat")
    pusat.create_signing_key(PUSAT_PASSPHRASE, owner="Pusat")
    pusat.mark_national()
    pusat.create_receiving_key(PUSAT_PASSPHRASE, owner="Pusat")
    stranger = KeyStore(base / "stranger")
    stranger.create_signing_key("kunci orang lain", owner="Orang Lain")
    stranger.create_receiving_key("kunci orang lain", owner="Orang Lain")
    siti = KeyStore(base / "siti-receiving")
    siti.create_receiving_key(ASSESSOR_PASSPHRASE, owner="Siti Aminah")
    return {"rina": rina.folder, "pusat": pusat.folder, "stranger": stranger.folder,
            "siti": siti.folder}


@pytest.fixture
def crew(people: People, more_keys: dict[str, Path], tmp_path: Path) -> Crew:
    siti, budi = people.assessor, people.supervisor
    shutil.copy(more_keys["siti"] / "receiving-key.json", siti.folder / "receiving-key.json")
    rina = KeyStore(shutil.copytree(more_keys["rina"], tmp_path / "keys-rina"))
    pusat = KeyStore(shutil.copytree(more_keys["pusat"], tmp_path / "keys-pusat"))
    stranger = KeyStore(shutil.copytree(more_keys["stranger"], tmp_path / "keys-stranger"))
    # Siti and Rina are one team; each trusts the other by their key file.
    team_keys.add_to_team(siti, rina.public_key_file())
    team_keys.add_to_team(rina, siti.public_key_file())
    rina.trust(budi.public_key_file().signing_key, "Budi Santoso", role="supervisor")
    # Budi trusted Siti from her key file: he knows her receiving key.
    mine = siti.public_key_file()
    budi.trust(mine.signing_key, "Siti Aminah", receiving_key=mine.receiving_key)
    team_keys.set_pusat(budi, pusat.public_key_file())
    pusat.trust(budi.public_key_file().signing_key, "Budi Santoso", role="supervisor")
    pusat.trust(mine.signing_key, "Siti Aminah")
    stranger.trust(budi.public_key_file().signing_key, "Budi Santoso", role="supervisor")
    stranger.trust(mine.signing_key, "Siti Aminah")
    return Crew(siti, rina, budi, pusat, stranger, people.signer,
                Signer(budi.signing_key(SUPERVISOR_PASSPHRASE), "Budi Santoso"))


def _workspace(root: Path, name: str) -> Workspace:
    ws = Workspace.open(root, clock=FakeClock())
    ws.set_profile(name)
    return ws


def _names(ws: Workspace, assessment_id: str) -> list[str]:
    return sorted(r["name"] or "" for r in ws.respondent_rows([assessment_id]))


def _export(ws: Workspace, keys: KeyStore, signer: Signer, aid: str, out: Path,
            forward: bool = False) -> Path:
    [result] = PackageService(ws, keys).export_signed([aid], out, signer, forward=forward)
    return result.path


def _manifest(package: Path) -> dict[str, Any]:
    return json.loads(dict((i.filename, d) for i, d in read_members(package))["manifest.json"])


def _receiving(keys: KeyStore) -> str:
    return keys.receiving_key_info().fingerprint


def test_a_co_assessor_a_return_and_pusat_keep_the_names_and_a_stranger_opens_nothing(
    assessor_ws: Workspace, crew: Crew, tmp_path: Path
) -> None:
    aid = with_evidence(assessor_ws)
    names = _names(assessor_ws, aid)
    assert any(names), "the demo records respondents' names"
    package = _export(assessor_ws, crew.siti, crew.siti_signer, aid, tmp_path / "out")
    assert _manifest(package)["personal_data"]["recipients"] == sorted(
        _receiving(k) for k in (crew.siti, crew.rina, crew.budi)
    )
    assert verify_package(package, crew.budi).ok

    rina_ws = _workspace(tmp_path / "rina", "Rina Wati")
    receipt = import_package(rina_ws, package, crew.rina, passphrase=RINA_PASSPHRASE)
    assert receipt.assessments[0].personal_data == "imported"
    assert _names(rina_ws, aid) == names

    budi_ws = _workspace(tmp_path / "budi", "Budi Santoso")
    import_package(budi_ws, package, crew.budi, passphrase=SUPERVISOR_PASSPHRASE)
    assert _names(budi_ws, aid) == names
    merging.return_for_correction(budi_ws, aid, "Lengkapi foto ruang tunggu")
    returned = _export(budi_ws, crew.budi, crew.budi_signer, aid, tmp_path / "return")
    # To the assessor who made it (her key known from her key file), never to pusat.
    sealed_to = _manifest(returned)["personal_data"]["recipients"]
    assert _receiving(crew.siti) in sealed_to
    assert _receiving(crew.pusat) not in sealed_to
    siti_laptop = _workspace(tmp_path / "siti-2", "Siti Aminah")  # her second laptop
    receipt = import_package(siti_laptop, returned, crew.siti, passphrase=ASSESSOR_PASSPHRASE)
    assert receipt.assessments[0].personal_data == "imported"
    assert _names(siti_laptop, aid) == names

    forwarded = _export(budi_ws, crew.budi, crew.budi_signer, aid, tmp_path / "fwd", forward=True)
    assert _receiving(crew.pusat) in _manifest(forwarded)["personal_data"]["recipients"]
    pusat_ws = _workspace(tmp_path / "pusat", "Pusat")
    receipt = import_package(pusat_ws, forwarded, crew.pusat, passphrase=PUSAT_PASSPHRASE)
    assert receipt.assessments[0].personal_data == "imported"
    assert _names(pusat_ws, aid) == names

    stranger_ws = _workspace(tmp_path / "stranger", "Orang Lain")
    receipt = import_package(stranger_ws, forwarded, crew.stranger, passphrase="kunci orang lain")
    assert receipt.assessments[0].personal_data == "other_recipient"
    assert not any(_names(stranger_ws, aid))
    assert PackageService(stranger_ws, crew.stranger).waiting_personal() == []


def test_forwarding_without_pusats_key_is_refused_with_words(
    assessor_ws: Workspace, crew: Crew, tmp_path: Path
) -> None:
    from ombud_desktop.packages.keys import KeyError_

    team_keys.set_pusat(crew.siti, None)
    with pytest.raises(KeyError_) as refused:
        _export(assessor_ws, crew.siti, crew.siti_signer, with_evidence(assessor_ws),
                tmp_path / "out", forward=True)
    assert refused.value.code == "no_pusat_key"
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_personal_data_read_without_the_key_is_kept_sealed_and_opened_later(
    assessor_ws: Workspace, crew: Crew, tmp_path: Path
) -> None:
    aid = with_evidence(assessor_ws)
    names = _names(assessor_ws, aid)
    package = _export(assessor_ws, crew.siti, crew.siti_signer, aid, tmp_path / "out")
    budi_ws = _workspace(tmp_path / "budi", "Budi Santoso")
    receipt = import_package(budi_ws, package, crew.budi)  # no passphrase: locked
    assert receipt.assessments[0].personal_data == "locked"
    assert not any(_names(budi_ws, aid))
    service = PackageService(budi_ws, crew.budi)
    [waiting] = service.waiting_personal()
    assert waiting["assessment_id"] == aid
    dump = "\n".join(budi_ws.db.conn.iterdump())
    assert not any(name and name in dump for name in names)  # kept sealed, never in the clear

    package.unlink()  # opened later without the package file
    [done] = service.reopen_personal(SUPERVISOR_PASSPHRASE)
    assert (done.status, done.assessment_id) == ("imported", aid)
    assert done.added == sum(
        1 for c in assessor_ws.changes(aid) if (c.target, c.field) in PERSONAL_FIELDS
    )
    assert _names(budi_ws, aid) == names
    assert service.waiting_personal() == []
    before = snapshot(budi_ws)
    assert service.reopen_personal(SUPERVISOR_PASSPHRASE) == []  # nothing twice
    assert snapshot(budi_ws) == before


def test_a_wrong_passphrase_opens_nothing_and_keeps_it_waiting(
    assessor_ws: Workspace, crew: Crew, tmp_path: Path
) -> None:
    from ombud_desktop.packages.keys import KeyError_

    aid = with_evidence(assessor_ws)
    package = _export(assessor_ws, crew.siti, crew.siti_signer, aid, tmp_path / "out")
    budi_ws = _workspace(tmp_path / "budi", "Budi Santoso")
    import_package(budi_ws, package, crew.budi)
    before = snapshot(budi_ws)
    with pytest.raises(KeyError_) as wrong:
        PackageService(budi_ws, crew.budi).reopen_personal("bukan kuncinya")
    assert wrong.value.code == "wrong_passphrase"
    assert snapshot(budi_ws) == before
    assert len(PackageService(budi_ws, crew.budi).waiting_personal()) == 1


def _tamper_wrapped_key(package: Path, target: Path, fingerprint: str, signer: Signer) -> Path:
    """Flip a bit of one recipient's wrapped key and sign again, as a dishonest sender could."""
    members = read_members(package)
    index = next(i for i, (n, _d) in enumerate(members) if n.filename.startswith("personal/"))
    info, data = members[index]
    envelope = json.loads(data)
    for entry in envelope["recipients"]:
        if entry["fingerprint"] == fingerprint:
            raw = bytearray(base64.b64decode(entry["wrapped_key"]))
            raw[-1] ^= 0x01
            entry["wrapped_key"] = base64.b64encode(bytes(raw)).decode()
    data = rfc8785.dumps(envelope)
    members[index] = (info, data)

    def declare(manifest: dict[str, Any]) -> None:
        entry = next(m for m in manifest["members"] if m["path"] == info.filename)
        entry["size"], entry["sha256"] = len(data), hashlib.sha256(data).hexdigest()

    return write_members(target, resign(members, signer, declare))


def test_a_tampered_wrapped_key_is_refused_and_changes_nothing(
    assessor_ws: Workspace, crew: Crew, tmp_path: Path
) -> None:
    aid = with_evidence(assessor_ws)
    package = _export(assessor_ws, crew.siti, crew.siti_signer, aid, tmp_path / "out")
    bad = _tamper_wrapped_key(package, tmp_path / "bad.ombx", _receiving(crew.budi),
                              crew.siti_signer)
    assert verify_package(bad, crew.budi).ok  # signed again: only the recipient can tell
    budi_ws = _workspace(tmp_path / "budi", "Budi Santoso")
    before = snapshot(budi_ws)
    with pytest.raises(ImportRefused) as refused:
        import_package(budi_ws, bad, crew.budi, passphrase=SUPERVISOR_PASSPHRASE)
    assert refused.value.code == "personal_data_invalid"
    assert refused.value.data["problems"][0]["member"] == f"personal/{aid}.hpke"
    assert snapshot(budi_ws) == before
    # Rina's wrapped key was not touched: she opens it.
    rina_ws = _workspace(tmp_path / "rina", "Rina Wati")
    receipt = import_package(rina_ws, bad, crew.rina, passphrase=RINA_PASSPHRASE)
    assert receipt.assessments[0].personal_data == "imported"
    # Altered without signing again, the package itself is refused.
    members = read_members(package)
    index = next(i for i, (n, _d) in enumerate(members) if n.filename.startswith("personal/"))
    info, data = members[index]
    at = data.index(b'"wrapped_key":"') + len(b'"wrapped_key":"')
    other = b"B" if data[at : at + 1] == b"A" else b"A"
    members[index] = (info, data[:at] + other + data[at + 1 :])  # same size, one letter
    report = verify_package(write_members(tmp_path / "altered.ombx", members), crew.budi)
    assert "member_altered" in [p.code for p in report.problems]


def test_a_tampered_wrapped_key_kept_locked_is_refused_later_without_a_trace(
    assessor_ws: Workspace, crew: Crew, tmp_path: Path
) -> None:
    aid = with_evidence(assessor_ws)
    package = _export(assessor_ws, crew.siti, crew.siti_signer, aid, tmp_path / "out")
    bad = _tamper_wrapped_key(package, tmp_path / "bad.ombx", _receiving(crew.budi),
                              crew.siti_signer)
    budi_ws = _workspace(tmp_path / "budi", "Budi Santoso")
    assert import_package(budi_ws, bad, crew.budi).assessments[0].personal_data == "locked"
    changes_before = [c.id for c in budi_ws.changes(aid)]
    [result] = PackageService(budi_ws, crew.budi).reopen_personal(SUPERVISOR_PASSPHRASE)
    assert (result.status, result.code) == ("refused", "personal_data_invalid")
    assert "altered" in result.message
    assert [c.id for c in budi_ws.changes(aid)] == changes_before
    assert not any(_names(budi_ws, aid))
    assert PackageService(budi_ws, crew.budi).waiting_personal() == []  # not retried forever


def _as_version_2(package: Path, target: Path, records: list[dict[str, Any]],
                  recipient: bytes, signer: Signer) -> Path:
    """Rewrite a package as version 2 wrote it: personal data HPKE-sealed to one key."""
    members: Members = []
    manifest = _manifest(package)
    for info, data in read_members(package):
        if info.filename.startswith(("assessments/", "batches/")):
            document = json.loads(data)
            document["format_version"] = 2
            data = json.dumps(document, ensure_ascii=False).encode()
        elif info.filename.startswith("personal/"):
            assessment_id = info.filename.removeprefix("personal/").removesuffix(".hpke")
            data = HPKE.encrypt(
                rfc8785.dumps({"changes": records}),
                X25519PublicKey.from_public_bytes(recipient),
                info=PERSONAL_INFO + manifest["package_id"].encode() + b"/"
                + assessment_id.encode(),
            )
        members.append((info, data))
    digests = {i.filename: (len(d), hashlib.sha256(d).hexdigest()) for i, d in members}

    def edit(manifest: dict[str, Any]) -> None:
        from ombud_desktop.packages.keys import fingerprint

        manifest["format_version"] = 2
        manifest["personal_data"] = {"scheme": PERSONAL_SCHEME,
                                     "recipient": fingerprint(recipient)}
        for member in manifest["members"]:
            if member["path"] in digests:
                member["size"], member["sha256"] = digests[member["path"]]

    return write_members(target, resign(members, signer, edit))


def test_a_version_2_package_with_one_recipient_still_reads_now_and_later(
    assessor_ws: Workspace, crew: Crew, tmp_path: Path
) -> None:
    aid = with_evidence(assessor_ws)
    names = _names(assessor_ws, aid)
    package = _export(assessor_ws, crew.siti, crew.siti_signer, aid, tmp_path / "out")
    records = [c.to_json() for c in assessor_ws.changes(aid)
               if (c.target, c.field) in PERSONAL_FIELDS]
    old = _as_version_2(package, tmp_path / "v2.ombx", records,
                        crew.budi.public_key_file().receiving_key or b"", crew.siti_signer)
    assert _manifest(old)["format_version"] == 2
    assert verify_package(old, crew.budi).ok
    now_ws = _workspace(tmp_path / "now", "Budi Santoso")
    receipt = import_package(now_ws, old, crew.budi, passphrase=SUPERVISOR_PASSPHRASE)
    assert receipt.assessments[0].personal_data == "imported"
    assert _names(now_ws, aid) == names
    later_ws = _workspace(tmp_path / "later", "Budi Santoso")
    assert import_package(later_ws, old, crew.budi).assessments[0].personal_data == "locked"
    [done] = PackageService(later_ws, crew.budi).reopen_personal(SUPERVISOR_PASSPHRASE)
    assert done.status == "imported"
    assert _names(later_ws, aid) == names
