"""Fixtures for package tests: real keys, real workspaces, real signed packages."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import rfc8785

from ombud_desktop.instruments import Instrument
from ombud_desktop.packages.export import Signer, export_assessment
from ombud_desktop.packages.format import MANIFEST, PERSONAL_SCHEME, SIGNATURE, signed_bytes
from ombud_desktop.packages.keys import KeyStore, b64
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.storage import Workspace
from tests.conftest import FakeClock

ASSESSOR_PASSPHRASE = "kunci asesor 2024"
SUPERVISOR_PASSPHRASE = "kunci supervisor 2024"


@dataclass
class People:
    """An assessor and a supervisor, each with their own key store, who trust each other."""

    assessor: KeyStore
    supervisor: KeyStore
    signer: Signer


@pytest.fixture(scope="session")
def key_folders(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Create the keys once per session (scrypt takes ~0.1 s per key); tests copy them."""
    base = tmp_path_factory.mktemp("keys")
    assessor = KeyStore(base / "assessor")
    supervisor = KeyStore(base / "supervisor")
    assessor.create_signing_key(ASSESSOR_PASSPHRASE, owner="Siti Aminah")
    supervisor.create_signing_key(SUPERVISOR_PASSPHRASE, owner="Budi Santoso")
    supervisor.create_receiving_key(SUPERVISOR_PASSPHRASE, owner="Budi Santoso")
    assessor.set_recipient(supervisor.public_key_file())
    assessor.trust(supervisor.public_key_file().signing_key, "Budi Santoso", role="supervisor")
    supervisor.trust(assessor.public_key_file().signing_key, "Siti Aminah")
    return assessor.folder, supervisor.folder


@pytest.fixture
def people(tmp_path: Path, key_folders: tuple[Path, Path]) -> People:
    import shutil

    assessor = KeyStore(shutil.copytree(key_folders[0], tmp_path / "keys-assessor"))
    supervisor = KeyStore(shutil.copytree(key_folders[1], tmp_path / "keys-supervisor"))
    signer = Signer(assessor.signing_key(ASSESSOR_PASSPHRASE), "Siti Aminah")
    return People(assessor, supervisor, signer)


@pytest.fixture
def assessor_ws(tmp_path: Path, instrument: Instrument) -> Iterator[Workspace]:
    ws = Workspace.open(tmp_path / "assessor", clock=FakeClock())
    ws.set_profile("Siti Aminah", "198701012010012001")
    generate_demo(ws, instrument, entities=1, seed=1)
    yield ws
    ws.close()


@pytest.fixture
def supervisor_ws(tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.open(tmp_path / "supervisor")
    ws.set_profile("Budi Santoso")
    yield ws
    ws.close()


def with_evidence(ws: Workspace) -> str:
    """Return the id of an assessment that has photos (the demo gives some)."""
    for row in ws.assessment_rows():
        if ws.evidence_rows([row["id"]]):
            return row["id"]
    raise AssertionError("the demo made no photos")


@pytest.fixture
def package(assessor_ws: Workspace, people: People, tmp_path: Path) -> Path:
    """A valid package of an assessment with photos and encrypted personal data."""
    result = export_assessment(
        assessor_ws,
        with_evidence(assessor_ws),
        tmp_path / "outbox",
        people.signer,
        recipient=people.assessor.recipient(),
    )
    return result.path


def snapshot(ws: Workspace) -> tuple[list[str], list[tuple[str, str]]]:
    """Return everything a workspace holds: the SQL dump and the evidence files' hashes."""
    dump = list(ws.db.conn.iterdump())
    files = sorted(
        (str(p.relative_to(ws.root)), hashlib.sha256(p.read_bytes()).hexdigest())
        for p in ws.root.rglob("*")
        if p.is_file() and not p.name.startswith("workspace.sqlite")
    )
    return dump, files


Members = list[tuple[zipfile.ZipInfo, bytes]]


def read_members(path: Path) -> Members:
    """Return every entry of a zip with its bytes, in order."""
    with zipfile.ZipFile(path) as archive:
        return [(info, archive.read(info)) for info in archive.infolist()]


def write_members(path: Path, members: Members) -> Path:
    """Write entries back as a zip, keeping each entry's header fields."""
    with zipfile.ZipFile(path, "w") as archive:
        for info, data in members:
            archive.writestr(info, data)
    return path


def rewrite(source: Path, target: Path, change: Callable[[Members], Members]) -> Path:
    """Write a copy of a package with its entries changed by ``change``."""
    return write_members(target, change(read_members(source)))


def resign(members: Members, signer: Signer, edit: Callable[[dict[str, Any]], None]) -> Members:
    """Edit the manifest and sign it again, as someone holding the key could."""
    out: Members = []
    manifest: dict[str, Any] = {}
    for info, data in members:
        if info.filename == MANIFEST:
            manifest = json.loads(data)
            manifest["signer"]["public_key"] = b64(signer.public_key)
            manifest["signer"]["name"] = signer.name
            edit(manifest)
            data = rfc8785.dumps(manifest)  # the manifest member is its canonical JSON
        out.append((info, data))
    signature = json.dumps(
        {"algorithm": "ed25519", "signature": b64(signer.key.sign(signed_bytes(manifest)))}
    ).encode()
    return [(i, signature if i.filename == SIGNATURE else d) for i, d in out]


def as_version_1(members: Members, signer: Signer) -> Members:
    """Rewrite a package as format version 1 wrote it: no batches, no certificates, re-signed.

    Personal data sealed to several recipients (version 3) has no version-1 form: it is left
    out, as version 1 did without a supervisor key (tests/packages/test_personal.py reads
    version 1 and 2 personal data).
    """
    kept: Members = []
    for info, data in members:
        if info.filename.startswith(("batches/", "personal/")):
            continue
        if info.filename.startswith("assessments/"):
            document = json.loads(data)
            document["format_version"] = 1
            data = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
        kept.append((info, data))
    digests = {i.filename: (len(d), hashlib.sha256(d).hexdigest()) for i, d in kept}

    def edit(manifest: dict[str, Any]) -> None:
        manifest["format_version"] = 1
        manifest.pop("certificates", None)
        manifest["personal_data"] = {"scheme": PERSONAL_SCHEME, "recipient": None}
        for entry in manifest["assessments"]:
            if entry["personal_data"] == "encrypted":
                entry["personal_data"] = "withheld"
        manifest["members"] = [
            {"path": m["path"], "size": digests[m["path"]][0], "sha256": digests[m["path"]][1]}
            for m in manifest["members"]
            if m["path"] in digests
        ]

    return resign(kept, signer, edit)
