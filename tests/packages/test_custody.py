"""Every change is bound to the key that made it, across forwarding, and allowed only to whom
may make it: a two-assessor locus of Banten, its supervisor, and pusat trusting only its key."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.packages.batches import Batch
from ombud_desktop.packages.certificates import Certificate, issue, revoke
from ombud_desktop.packages.export import Signer, export_assessment
from ombud_desktop.packages.importer import ImportRefused, import_package
from ombud_desktop.packages.keys import KeyStore, fingerprint
from ombud_desktop.services.assessments import AssessmentService, NewAssessment
from ombud_desktop.services.history import assessment_history
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.changes import Edit
from ombud_desktop.storage.custody import custody_of
from tests.conftest import FakeClock
from tests.packages.conftest import Members, as_version_1, resign, rewrite, snapshot


def _public(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


@dataclass
class Person:
    """Someone with a signing key and the certificates that say who they are."""

    name: str
    key: Ed25519PrivateKey
    chain: list[Certificate]

    @property
    def signer(self) -> Signer:
        return Signer(self.key, self.name)

    @property
    def fingerprint(self) -> str:
        return fingerprint(_public(self.key))

    def export(self, ws: Workspace, assessment_id: str, out: Path) -> Path:
        certificates = [c.to_json() for c in self.chain]
        return export_assessment(
            ws, assessment_id, out, self.signer, certificates=certificates
        ).path


class Locus:
    """Pusat's national key, a Banten supervisor, two assessors; workspaces and key stores."""

    def __init__(self, root: Path):
        self.root = root
        national = Ed25519PrivateKey.generate()
        self.national_key = national
        supervisor = Ed25519PrivateKey.generate()
        cert_s = issue(
            national,
            _public(supervisor),
            subject_name="Budi Santoso",
            role="supervisor",
            province="Banten",
        )
        self.supervisor = Person("Budi Santoso", supervisor, [cert_s])
        self.assessors = []
        for name in ("Siti Aminah", "Andi Wijaya"):
            key = Ed25519PrivateKey.generate()
            cert = issue(
                supervisor, _public(key), subject_name=name, role="assessor", province=None
            )
            self.assessors.append(Person(name, key, [cert, cert_s]))
        self.workspaces: list[Workspace] = []

    def keys(self, name: str) -> KeyStore:
        """A key store trusting only the national key (by its digits)."""
        store = KeyStore(self.root / f"keys-{name}")
        store.trust(_public(self.national_key), "Pusat", role="national")
        return store

    def workspace(self, name: str, profile: str) -> Workspace:
        ws = Workspace.open(self.root / name, clock=FakeClock())
        ws.set_profile(profile)
        self.workspaces.append(ws)
        return ws

    def close(self) -> None:
        for ws in self.workspaces:
            ws.close()


@pytest.fixture
def locus(tmp_path: Path) -> Iterator[Locus]:
    world = Locus(tmp_path)
    yield world
    world.close()


def _create(ws: Workspace, province: str = "Banten") -> str:
    return AssessmentService(ws).create(
        builtin_instrument("ori-2023"),
        NewAssessment("kabupaten", "Kabupaten Serang", province, "Dinas Sosial", 2024),
    ).value


@dataclass
class Team:
    """The two assessors' workspaces after each answered part of one assessment."""

    siti: Workspace
    andi: Workspace
    assessment_id: str
    packages: list[Path]


def _team(locus: Locus) -> Team:
    siti_ws = locus.workspace("siti", "Siti Aminah")
    andi_ws = locus.workspace("andi", "Andi Wijaya")
    siti, andi = locus.assessors
    assessment_id = _create(siti_ws)
    siti_ws.write(assessment_id, [Edit("response", "IN07", "value", 2)])
    first = siti.export(siti_ws, assessment_id, locus.root / "out-siti")
    import_package(andi_ws, first, locus.keys("andi"))
    andi_ws.write(assessment_id, [Edit("response", "IN08", "value", 3)])
    second = andi.export(andi_ws, assessment_id, locus.root / "out-andi")
    return Team(siti_ws, andi_ws, assessment_id, [first, second])


def _authors(ws: Workspace, assessment_id: str) -> dict[tuple[str, str], str]:
    changes = ws.changes(assessment_id)
    bound = custody_of(ws, (c.id for c in changes))
    return {
        (c.row_id, c.field): bound[c.id]["author_fingerprint"]
        for c in changes
        if c.target == "response"
    }


def test_a_two_assessor_locus_forwarded_to_pusat_keeps_every_authors_signature(
    locus: Locus,
) -> None:
    team = _team(locus)
    siti, andi = locus.assessors
    supervisor_ws = locus.workspace("supervisor", "Budi Santoso")
    supervisor_keys = locus.keys("supervisor")
    for package in team.packages:
        receipt = import_package(supervisor_ws, package, supervisor_keys)
        # Named as this workspace knows the key (its certificate), not as the sender says.
        assert receipt.signer_name in ("Siti Aminah", "Andi Wijaya")
    supervisor_ws.write(
        team.assessment_id, [Edit("assessment", team.assessment_id, "review_status", "approved")]
    )
    forwarded = locus.supervisor.export(supervisor_ws, team.assessment_id, locus.root / "out-s")

    pusat_ws = locus.workspace("pusat", "Pusat")
    receipt = import_package(pusat_ws, forwarded, locus.keys("pusat"))
    assert receipt.signer_name == "Budi Santoso"
    assert receipt.assessments[0].added == len(supervisor_ws.changes(team.assessment_id))
    authors = _authors(pusat_ws, team.assessment_id)
    assert authors[("IN07", "value")] == siti.fingerprint
    assert authors[("IN08", "value")] == andi.fingerprint
    review = [c for c in pusat_ws.changes(team.assessment_id) if c.field == "review_status"]
    assert custody_of(pusat_ws, [review[0].id])[review[0].id]["author_fingerprint"] == (
        locus.supervisor.fingerprint
    )
    assert _authors(supervisor_ws, team.assessment_id) == authors
    # The forwarded package carried the assessors' batches untouched: the same batch ids.
    stored = {r[0] for r in supervisor_ws.db.execute("SELECT id FROM batches")}
    assert stored <= {r[0] for r in pusat_ws.db.execute("SELECT id FROM batches")}
    # The history says the same at both levels: who made each answer, by key and known name.
    def seen(ws: Workspace) -> list[tuple[str, Any, str | None, str | None, str | None]]:
        return [
            (h.label, e.value, e.author_key, e.author_known_as, e.author_role)
            for h in assessment_history(ws, team.assessment_id, cell="IN07")
            for e in h.entries
        ]

    at_pusat = seen(pusat_ws)
    assert at_pusat == seen(supervisor_ws)
    assert at_pusat == [("response.IN07.value", 2, siti.fingerprint, "Siti Aminah", "assessor")]


def test_exporting_again_reuses_the_batch_and_signs_nothing_twice(locus: Locus) -> None:
    siti = locus.assessors[0]
    ws = locus.workspace("siti", "Siti Aminah")
    assessment_id = _create(ws)
    siti.export(ws, assessment_id, locus.root / "a")
    siti.export(ws, assessment_id, locus.root / "b")
    assert ws.db.execute("SELECT COUNT(*) FROM batches").fetchone()[0] == 1
    ws.write(assessment_id, [Edit("response", "IN07", "value", 1)])
    siti.export(ws, assessment_id, locus.root / "c")
    batches = ws.db.execute("SELECT body FROM batches").fetchall()
    listed = [pair[0] for (body,) in batches for pair in json.loads(body)["changes"]]
    assert sorted(listed) == sorted(ws.change_ids(assessment_id))  # each change once


def _refused(ws: Workspace, package: Path, keys: KeyStore) -> ImportRefused:
    before = snapshot(ws)
    with pytest.raises(ImportRefused) as refused:
        import_package(ws, package, keys)
    assert snapshot(ws) == before
    return refused.value


def test_an_assessor_approving_its_own_assessment_is_refused(locus: Locus) -> None:
    siti = locus.assessors[0]
    ws = locus.workspace("siti", "Siti Aminah")
    assessment_id = _create(ws)
    ws.write(assessment_id, [Edit("assessment", assessment_id, "review_status", "approved")])
    package = siti.export(ws, assessment_id, locus.root / "out")
    supervisor_ws = locus.workspace("supervisor", "Budi Santoso")
    refusal = _refused(supervisor_ws, package, locus.keys("supervisor"))
    assert refusal.code == "change_not_allowed"
    for words in ("review_status", "Siti Aminah", "assessor", "Banten", assessment_id):
        assert words in refusal.message
    # As a package of version 1, bound only to its sender: refused all the same.
    old = rewrite(package, locus.root / "v1.ombx", lambda m: as_version_1(m, siti.signer))
    keys = locus.keys("supervisor-v1")
    keys.trust(_public(siti.key), "Siti Aminah")  # trusted by its digits: an assessor
    assert _refused(supervisor_ws, old, keys).code == "change_not_allowed"


def test_an_assessor_resolving_a_conflict_is_refused(locus: Locus) -> None:
    team = _team(locus)
    siti = locus.assessors[0]
    team.andi.write(team.assessment_id, [Edit("response", "IN07", "value", 0)])
    team.siti.write(team.assessment_id, [Edit("response", "IN07", "value", 1)])
    crossed = locus.assessors[1].export(team.andi, team.assessment_id, locus.root / "x")
    import_package(team.siti, crossed, locus.keys("siti"))  # now IN07 has two heads
    team.siti.write(team.assessment_id, [Edit("response", "IN07", "value", 3)])  # resolves
    package = siti.export(team.siti, team.assessment_id, locus.root / "resolved")
    supervisor_ws = locus.workspace("supervisor", "Budi Santoso")
    refusal = _refused(supervisor_ws, package, locus.keys("supervisor"))
    assert refusal.code == "change_not_allowed"
    assert "resolve a conflict" in refusal.message


def test_an_assessor_changing_an_assessment_of_another_province_is_refused(
    locus: Locus,
) -> None:
    siti = locus.assessors[0]
    ws = locus.workspace("siti", "Siti Aminah")
    assessment_id = _create(ws, province="Jambi")
    package = siti.export(ws, assessment_id, locus.root / "out")
    supervisor_ws = locus.workspace("supervisor", "Budi Santoso")
    refusal = _refused(supervisor_ws, package, locus.keys("supervisor"))
    assert refusal.code == "change_not_allowed"
    assert "Jambi" in refusal.message


def _replace_member(members: Members, name: str, data: bytes, signer: Signer) -> Members:
    """Replace one member and sign the manifest again, as the dishonest sender can."""
    out = [(info, data if info.filename == name else old) for info, old in members]

    def edit(manifest: dict[str, Any]) -> None:
        for member in manifest["members"]:
            if member["path"] == name:
                member["size"] = len(data)
                member["sha256"] = hashlib.sha256(data).hexdigest()

    return resign(out, signer, edit)


def test_claiming_another_assessor_as_author_is_refused(locus: Locus) -> None:
    siti, andi = locus.assessors
    ws = locus.workspace("siti", "Siti Aminah")
    assessment_id = _create(ws)
    package = siti.export(ws, assessment_id, locus.root / "out")
    name = f"batches/{assessment_id}.json"

    def claim(members: Members, *, resign_batch: bool) -> Members:
        doc = json.loads(dict((i.filename, d) for i, d in members)[name])
        body = doc["batches"][0]["batch"]
        body["author_key"] = base64.b64encode(_public(andi.key)).decode()
        if resign_batch:  # Siti signs it herself: a batch naming Andi that Andi did not sign
            unsigned = Batch.from_json({**doc["batches"][0], "batch": body})
            doc["batches"][0]["signature"] = base64.b64encode(
                siti.key.sign(unsigned.signed_bytes())
            ).decode()
        data = json.dumps(doc, separators=(",", ":")).encode()
        return _replace_member(members, name, data, siti.signer)

    supervisor_ws = locus.workspace("supervisor", "Budi Santoso")
    keys = locus.keys("supervisor")
    for resign_batch in (False, True):
        forged = rewrite(
            package,
            locus.root / f"forged-{resign_batch}.ombx",
            lambda m, r=resign_batch: claim(m, resign_batch=r),
        )
        assert _refused(supervisor_ws, forged, keys).code == "batch_forged"
    # A change left out of every batch, or changed after its author signed it.
    document = f"assessments/{assessment_id}.json"

    def altered(members: Members) -> Members:
        doc = json.loads(dict((i.filename, d) for i, d in members)[document])
        doc["changes"][0]["author"] = "Andi Wijaya"
        data = json.dumps(doc, separators=(",", ":")).encode()
        return _replace_member(members, document, data, siti.signer)

    bad = rewrite(package, locus.root / "altered.ombx", altered)
    assert _refused(supervisor_ws, bad, keys).code == "change_unsigned"


def test_a_sender_named_otherwise_is_shown_with_both_names(locus: Locus) -> None:
    siti = locus.assessors[0]
    ws = locus.workspace("siti", "Siti Aminah")
    assessment_id = _create(ws)
    package = export_assessment(
        ws,
        assessment_id,
        locus.root / "out",
        Signer(siti.key, "Kepala Dinas"),
        certificates=[c.to_json() for c in siti.chain],
    ).path
    receipt = import_package(locus.workspace("sup", "Budi"), package, locus.keys("sup"))
    assert (receipt.signer_name, receipt.signer_claimed_name) == ("Siti Aminah", "Kepala Dinas")
    assert receipt.to_json()["signer"]["claimed_name"] == "Kepala Dinas"


def test_an_assessor_key_without_a_chain_to_a_trusted_key_is_refused(locus: Locus) -> None:
    stranger = Person("Stranger", Ed25519PrivateKey.generate(), [])
    ws = locus.workspace("stranger", "Stranger")
    assessment_id = _create(ws)
    package = stranger.export(ws, assessment_id, locus.root / "out")
    keys = locus.keys("supervisor")
    supervisor_ws = locus.workspace("supervisor", "Budi Santoso")
    assert _refused(supervisor_ws, package, keys).code == "signer_untrusted"


def test_a_revoked_certificate_no_longer_lets_its_key_in(locus: Locus) -> None:
    siti = locus.assessors[0]
    siti_ws = locus.workspace("siti", "Siti Aminah")
    assessment_id = _create(siti_ws)
    siti_ws.write(assessment_id, [Edit("response", "IN07", "value", 2)])
    package = siti.export(siti_ws, assessment_id, locus.root / "out-siti")
    supervisor_ws = locus.workspace("supervisor", "Budi Santoso")
    keys = locus.keys("supervisor")
    listed = revoke(locus.national_key, [siti.chain[0].serial], number=1)
    keys.set_revocations(listed.to_json())
    before = snapshot(supervisor_ws)
    with pytest.raises(ImportRefused):
        import_package(supervisor_ws, package, keys)
    assert snapshot(supervisor_ws) == before
    # A list signed by the supervisor (not pusat) counts for nothing.
    keys.set_revocations(revoke(locus.supervisor.key, [siti.chain[0].serial], number=2).to_json())
    assert import_package(supervisor_ws, package, keys).assessments[0].status == "new"
