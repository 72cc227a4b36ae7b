"""Hostile JSON inside a package signed with a trusted key, and files that are not files.

Each hostile value is put into the manifest, an assessment document or the instrument member of
a real package and signed again with the assessor's own key, as a dishonest assessor could. verify,
import, merge and sync each refuse it with the strict reader's code, naming the member; nothing
raises and the supervisor's workspace is byte for byte as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import rfc8785

from ombud_desktop.packages.export import export_assessment
from ombud_desktop.packages.format import MANIFEST, SIGNATURE, SIGNATURE_PURPOSE, signed_bytes
from ombud_desktop.packages.importer import ImportRefused, import_package, verify_package
from ombud_desktop.packages.keys import b64
from ombud_desktop.services.merge import merge_packages
from ombud_desktop.services.packages import PackageService
from ombud_desktop.services.sync import InboxWatcher
from ombud_desktop.storage import Workspace
from tests.packages.conftest import (
    SUPERVISOR_PASSPHRASE,
    Members,
    People,
    as_version_1,
    resign,
    rewrite,
    snapshot,
    with_evidence,
)


def _deep(levels: int) -> bytes:
    """Nest ``levels`` arrays, with varied white space so the member does not compress 1000:1."""
    spaces = random.Random(levels).choices([b"", b" ", b"\n", b"\t", b"\r\n"], k=2 * levels)
    return b"".join(b"[" + s for s in spaces[:levels]) + b"".join(
        b"]" + s for s in spaces[levels:]
    )


# A name/value pair put first in the member's top-level object, and the code it is refused with.
HOSTILE: dict[str, tuple[bytes, str]] = {
    "NaN": (b'"hostile":NaN', "json_number"),
    "Infinity": (b'"hostile":[-Infinity,Infinity]', "json_number"),
    "2^64": (b'"hostile":18446744073709551616', "json_number"),
    "1e400": (b'"hostile":1e400', "json_number"),
    "duplicate key": (b'"hostile":1,"hostile":2', "json_duplicate_key"),
    "100,000 deep": (b'"hostile":' + _deep(100_000), "json_too_deep"),
    "invalid UTF-8": (b'"hostile":"\xff\xfe\xc0\xaf"', "json_invalid"),
    "lone surrogate": (b'"hostile":"\\ud800"', "json_invalid"),
}
WHERE = {"manifest": MANIFEST, "document": "assessments/", "instrument": "instrument/"}


def _insert(data: bytes, pair: bytes) -> bytes:
    assert data.startswith(b"{")
    return b"{" + pair + b"," + data[1:]


def _with_hostile_member(source: Path, target: Path, people: People, prefix: str,
                         pair: bytes) -> Path:
    """Put ``pair`` into a member, declare its new size and hash, and sign the manifest again."""

    def change(members: Members) -> Members:
        index = next(
            i for i, (info, _d) in enumerate(members) if info.filename.startswith(prefix)
        )
        info, data = members[index]
        data = _insert(data, pair)
        members[index] = (info, data)

        def declare(manifest: dict[str, Any]) -> None:
            entry = next(m for m in manifest["members"] if m["path"] == info.filename)
            entry["size"], entry["sha256"] = len(data), hashlib.sha256(data).hexdigest()

        return resign(members, people.signer, declare)

    return rewrite(source, target, change)


def _with_hostile_manifest(source: Path, target: Path, people: People, pair: bytes) -> Path:
    """Put ``pair`` into the manifest and sign its exact bytes (no canonical form exists)."""

    def change(members: Members) -> Members:
        raw = b""
        out: Members = []
        for info, data in members:
            if info.filename == MANIFEST:
                raw = data = _insert(data, pair)
            out.append((info, data))
        signed = people.signer.key.sign(SIGNATURE_PURPOSE + raw)
        signature = json.dumps({"algorithm": "ed25519", "signature": b64(signed)}).encode()
        return [(i, signature if i.filename == SIGNATURE else d) for i, d in out]

    return rewrite(source, target, change)


def _hostile_package(source: Path, folder: Path, people: People, where: str, case: str) -> Path:
    pair, _code = HOSTILE[case]
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{where}-{case.replace(' ', '-').replace(',', '')}.ombx"
    if where == "manifest":
        return _with_hostile_manifest(source, target, people, pair)
    return _with_hostile_member(source, target, people, WHERE[where], pair)


def _refusals(ws: Workspace, people: People, bad: Path) -> dict[str, list[tuple[str, Any]]]:
    """Run verify, import, merge and sync on one package; return each one's (code, member)."""
    found: dict[str, list[tuple[str, Any]]] = {}
    report = verify_package(bad, people.supervisor)
    assert not report.ok
    found["verify"] = [(p.code, p.member) for p in report.problems]
    with pytest.raises(ImportRefused) as refused:
        import_package(ws, bad, people.supervisor, passphrase=SUPERVISOR_PASSPHRASE)
    found["import"] = [(p["code"], p["member"]) for p in refused.value.data["problems"]]
    service = PackageService(ws, people.supervisor)
    merged = merge_packages(service, [bad.parent], passphrase=SUPERVISOR_PASSPHRASE)
    assert not merged.receipts
    found["merge"] = [(exc.code, exc.data["problems"][0]["member"]) for _p, exc in merged.refused]
    watcher = InboxWatcher(bad.parent, settle=0, clock=lambda: 1e12)
    assert watcher.sync(service, passphrase=SUPERVISOR_PASSPHRASE) is None  # first look
    synced = watcher.sync(service, passphrase=SUPERVISOR_PASSPHRASE)
    assert synced is not None
    assert not synced.receipts
    found["sync"] = [(exc.code, exc.data["problems"][0]["member"]) for _p, exc in synced.refused]
    return found


@pytest.mark.parametrize("where", list(WHERE))
def test_hostile_json_signed_by_a_trusted_key_is_refused_everywhere(
    where: str, package: Path, people: People, supervisor_ws: Workspace, tmp_path: Path
) -> None:
    before = snapshot(supervisor_ws)
    trusted_before = people.supervisor.trusted()
    for case, (_pair, code) in HOSTILE.items():
        bad = _hostile_package(package, tmp_path / case.replace(" ", "-"), people, where, case)
        member = MANIFEST if where == "manifest" else next(
            m["path"] for m in json.loads(_members(package)[MANIFEST])["members"]
            if m["path"].startswith(WHERE[where])
        )
        found = _refusals(supervisor_ws, people, bad)
        for front_end, problems in found.items():
            assert problems[:1] == [(code, member)], (case, front_end, problems)
        assert snapshot(supervisor_ws) == before, case
        assert people.supervisor.trusted() == trusted_before


def _members(path: Path) -> dict[str, bytes]:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_hostile_personal_data_is_refused_once_decrypted(
    assessor_ws: Workspace, people: People, supervisor_ws: Workspace, tmp_path: Path
) -> None:
    """The personal data member is JSON too, read strictly after it is opened."""
    from ombud_desktop.packages import envelope
    from ombud_desktop.packages.keys import fingerprint

    assessment = with_evidence(assessor_ws)
    recipient = people.assessor.recipient()
    assert recipient is not None
    assert recipient.receiving_key is not None
    good = export_assessment(
        assessor_ws, assessment, tmp_path / "outbox", people.signer, recipient=recipient
    ).path
    before = snapshot(supervisor_ws)
    for case, (pair, code) in HOSTILE.items():
        def change(members: Members, pair: bytes = pair) -> Members:
            index = next(
                i for i, (n, _d) in enumerate(members) if n.filename.startswith("personal/")
            )
            info, _sealed = members[index]
            manifest = json.loads(_members(good)[MANIFEST])
            data = envelope.seal(  # sealed as the exporter does (version 3)
                _insert(b'{"changes":[]}', pair),
                {fingerprint(recipient.receiving_key): recipient.receiving_key},
                manifest["package_id"],
                assessment,
            )
            members[index] = (info, data)

            def declare(manifest: dict[str, Any]) -> None:
                entry = next(m for m in manifest["members"] if m["path"] == info.filename)
                entry["size"], entry["sha256"] = len(data), hashlib.sha256(data).hexdigest()

            return resign(members, people.signer, declare)

        bad = rewrite(good, tmp_path / f"personal-{code}-{len(pair)}.ombx", change)
        assert verify_package(bad, people.supervisor).ok  # sealed: only the recipient can look
        with pytest.raises(ImportRefused) as refused:
            import_package(
                supervisor_ws, bad, people.supervisor, passphrase=SUPERVISOR_PASSPHRASE
            )
        assert refused.value.code == code, case
        assert refused.value.data["problems"][0]["member"] == f"personal/{assessment}.hpke"
        assert snapshot(supervisor_ws) == before, case


# -- the manifest is the exact bytes that were signed ------------------------------------------


def _respelled(spell: Callable[[dict[str, Any]], bytes]) -> Callable[[Members, People], Members]:
    """Write the manifest another way, signed over its canonical form as the old reader checked."""

    def change(members: Members, people: People) -> Members:
        manifest: dict[str, Any] = {}
        out: Members = []
        for info, data in members:
            if info.filename == MANIFEST:
                manifest = json.loads(data)
                data = spell(manifest)
            out.append((info, data))
        signed = people.signer.key.sign(signed_bytes(manifest))
        signature = json.dumps({"algorithm": "ed25519", "signature": b64(signed)}).encode()
        return [(i, signature if i.filename == SIGNATURE else d) for i, d in out]

    return change


RESPELLINGS = {
    "re-indented": lambda m: json.dumps(m, indent=2).encode(),
    "keys in another order": lambda m: json.dumps(dict(reversed(list(m.items())))).encode(),
    "format_version 3.0": lambda m: rfc8785.dumps(m).replace(
        b'"format_version":3,', b'"format_version":3.0,'
    ),
    "a trailing newline": lambda m: rfc8785.dumps(m) + b"\n",
    "a character escaped": lambda m: rfc8785.dumps(m).replace(
        b'"kind":"assessment"', b'"kind":"\\u0061ssessment"'
    ),
}


def test_the_exporter_writes_the_manifest_as_its_canonical_bytes(package: Path) -> None:
    raw = _members(package)[MANIFEST]
    assert raw == rfc8785.dumps(json.loads(raw))


@pytest.mark.parametrize("spelling", list(RESPELLINGS))
def test_a_manifest_spelled_other_than_signed_is_refused(
    spelling: str, package: Path, people: People, supervisor_ws: Workspace, tmp_path: Path
) -> None:
    change = _respelled(RESPELLINGS[spelling])
    bad = rewrite(package, tmp_path / "respelled.ombx", lambda m: change(m, people))
    before = snapshot(supervisor_ws)
    report = verify_package(bad, people.supervisor)
    assert [(p.code, p.member) for p in report.problems] == [("manifest_not_canonical", MANIFEST)]
    with pytest.raises(ImportRefused) as refused:
        import_package(supervisor_ws, bad, people.supervisor, passphrase=SUPERVISOR_PASSPHRASE)
    assert refused.value.code == "manifest_not_canonical"
    assert snapshot(supervisor_ws) == before
    # The same value in its canonical spelling verifies: the refusal is about the bytes alone.
    good = rewrite(
        package, tmp_path / "canonical.ombx", lambda m: _respelled(rfc8785.dumps)(m, people)
    )
    assert verify_package(good, people.supervisor).ok


# -- only regular files are read ---------------------------------------------------------------


def _ombud(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the command line as a user does; the timeout is only a safety net against a hang."""
    return subprocess.run(
        [sys.executable, "-c", "import sys; from ombud_desktop.cli.main import main; "
         "sys.exit(main(sys.argv[1:]))", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "OMBUD_DEBUG": ""},
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and symbolic links are POSIX here")
def test_a_fifo_and_a_symlink_loop_are_refused_by_name_not_followed(
    tmp_path: Path, package: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    os.mkfifo(inbox / "pipe.ombx")
    (inbox / "loop.ombx").symlink_to(inbox / "loop.ombx")
    (inbox / "link.ombx").symlink_to(package)  # a link to a good package is not read either
    (inbox / "folder").symlink_to(inbox)  # a loop of folders is not walked
    where = ["--workspace", str(tmp_path / "ws"), "--keys", str(tmp_path / "keys")]

    result = _ombud(*where, "verify", str(inbox / "pipe.ombx"))
    assert result.returncode == 1, result.stderr
    assert "pipe.ombx is a named pipe (FIFO), not a regular file" in result.stdout

    result = _ombud(*where, "verify", str(inbox))
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3, lines
    assert sum("named pipe (FIFO), not a regular file" in line for line in lines) == 1
    assert sum("a symbolic link (or a loop of them)" in line for line in lines) == 2

    for command in (["sync", str(inbox), "--settle", "0"], ["merge", str(inbox)]):
        result = _ombud(*where, *command)
        assert result.returncode == 1, (command, result.stderr)
        assert result.stderr.count("REFUSED") == 3, (command, result.stderr)
        assert "internal error" not in result.stderr
        assert "Traceback" not in result.stderr


def test_a_one_shot_sync_that_refused_a_package_exits_non_zero(
    tmp_path: Path, package: Path, people: People
) -> None:
    inbox = tmp_path / "inbox"
    bad = _hostile_package(package, inbox, people, "document", "NaN")
    where = ["--workspace", str(tmp_path / "ws"), "--keys", str(people.supervisor.folder)]
    result = _ombud(*where, "sync", str(inbox), "--settle", "0")
    assert result.returncode == 1, result.stderr
    assert f"REFUSED {bad.name}" in result.stderr
    assert "holds NaN" in result.stderr
    bad.unlink()
    import shutil

    shutil.copy(package, inbox / package.name)
    result = _ombud(*where, "sync", str(inbox), "--settle", "0")
    assert result.returncode == 0, result.stderr


# -- key files ---------------------------------------------------------------------------------


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_public_key_file_is_refused_with_the_rule(
    case: str, people: People, tmp_path: Path
) -> None:
    from ombud_desktop.packages.keys import MAX_KEY_FILE_BYTES, KeyError_, PublicKeyFile

    pair, code = HOSTILE[case]
    path = tmp_path / "siti.ombkey"
    path.write_bytes(_insert(people.assessor.public_key_file().to_bytes(), pair))
    trusted_before = people.supervisor.trusted()
    with pytest.raises(KeyError_) as refused:
        PublicKeyFile.read(path)
    assert refused.value.code == "key_file_invalid"
    if path.stat().st_size > MAX_KEY_FILE_BYTES:  # 100,000 levels do not fit in a key file
        assert refused.value.message == "siti.ombkey is too large for a key file"
    else:
        assert refused.value.data["rule"] == code
        assert refused.value.message.startswith("siti.ombkey is not an Ombud public key file")
    assert people.supervisor.trusted() == trusted_before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_given_as_a_key_file_is_refused_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "siti.ombkey")
    where = ["--workspace", str(tmp_path / "ws"), "--keys", str(tmp_path / "keys")]
    result = _ombud(*where, "keys", "trust", str(tmp_path / "siti.ombkey"), "--yes")
    assert result.returncode == 2, result.stderr
    assert "siti.ombkey is not a regular file" in result.stderr


# -- packages made by version 0.1.0 stay readable ----------------------------------------------

LEGACY_KEYS = (
    "format", "format_version", "package_id", "kind", "created_at", "app_version", "device_id",
    "instrument", "signer", "assessments", "personal_data", "members",
)


def _legacy(manifest: dict[str, Any], order: tuple[str, ...] = LEGACY_KEYS) -> bytes:
    """Spell a manifest as version 0.1.0's exporter did (compact, its own key order)."""
    nested = {
        "instrument": ("id", "version", "hash"),
        "signer": ("name", "public_key", "fingerprint"),
        "personal_data": ("scheme", "recipient"),
    }
    value = {key: manifest[key] for key in order}
    for key, keys in nested.items():
        value[key] = {k: manifest[key][k] for k in keys}
    value["assessments"] = [
        {k: a[k] for k in ("id", "state_digest", "changes", "personal_data")}
        for a in manifest["assessments"]
    ]
    value["members"] = [{k: m[k] for k in ("path", "size", "sha256")} for m in manifest["members"]]
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def test_a_package_spelled_as_version_0_1_0_wrote_it_still_imports(
    package: Path, people: People, supervisor_ws: Workspace, tmp_path: Path
) -> None:
    package = rewrite(package, tmp_path / "v1.ombx", lambda m: as_version_1(m, people.signer))
    old = rewrite(package, tmp_path / "old.ombx", lambda m: _respelled(_legacy)(m, people))
    assert _members(old)[MANIFEST] != _members(package)[MANIFEST]
    assert verify_package(old, people.supervisor).ok
    receipt = import_package(supervisor_ws, old, people.supervisor,
                             passphrase=SUPERVISOR_PASSPHRASE)
    assert receipt.assessments
    # Only that exact spelling: the same compact form with two keys swapped is refused.
    swapped = (*LEGACY_KEYS[:2], LEGACY_KEYS[3], LEGACY_KEYS[2], *LEGACY_KEYS[4:])
    bad = rewrite(package, tmp_path / "swapped.ombx",
                  lambda m: _respelled(lambda v: _legacy(v, swapped))(m, people))
    report = verify_package(bad, people.supervisor)
    assert [p.code for p in report.problems] == ["manifest_not_canonical"]
