"""Tampered, damaged and hostile packages are refused, each with its own message, and the
supervisor's workspace is exactly as it was before (database and evidence files compared)."""

from __future__ import annotations

import json
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import rfc8785

from ombud_desktop.packages.export import Signer, export_assessment
from ombud_desktop.packages.format import MANIFEST, PACKAGE_FORMAT_VERSION, SIGNATURE
from ombud_desktop.packages.importer import ImportRefused, import_package, verify_package
from ombud_desktop.packages.keys import KeyStore
from ombud_desktop.storage import Workspace
from tests.packages.conftest import (
    SUPERVISOR_PASSPHRASE,
    Members,
    People,
    resign,
    rewrite,
    snapshot,
    with_evidence,
)

Tamper = Callable[[Path, Path, People], Path]


def _member(members: Members, prefix: str) -> int:
    return next(i for i, (info, _d) in enumerate(members) if info.filename.startswith(prefix))


def _flip(prefix: str) -> Tamper:
    def tamper(source: Path, target: Path, _people: People) -> Path:
        def change(members: Members) -> Members:
            index = _member(members, prefix)
            info, data = members[index]
            middle = len(data) // 2
            members[index] = (
                info,
                data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1 :],
            )
            return members

        return rewrite(source, target, change)

    return tamper


def _edit_manifest(source: Path, target: Path, _people: People) -> Path:
    def change(members: Members) -> Members:
        index = _member(members, MANIFEST)
        info, data = members[index]
        manifest = json.loads(data)
        manifest["signer"]["name"] = "Someone Else"
        members[index] = (info, rfc8785.dumps(manifest))  # canonical, so the signature speaks
        return members

    return rewrite(source, target, change)


def _swap_signature(source: Path, target: Path, people: People) -> Path:
    other = source.parent / "other"
    ws = Workspace.open(source.parent / "other-ws")
    try:
        from ombud_desktop.instruments import builtin_instrument
        from ombud_desktop.services.demo import generate_demo

        ws.set_profile("Siti Aminah")
        generate_demo(ws, builtin_instrument("ori-2023"), entities=1, seed=2)
        second = export_assessment(ws, ws.assessment_rows()[0]["id"], other, people.signer).path
    finally:
        ws.close()
    with zipfile.ZipFile(second) as archive:
        foreign = archive.read(SIGNATURE)

    def change(members: Members) -> Members:
        index = _member(members, SIGNATURE)
        members[index] = (members[index][0], foreign)
        return members

    return rewrite(source, target, change)


def _add_member(source: Path, target: Path, _people: People) -> Path:
    def change(members: Members) -> Members:
        info = zipfile.ZipInfo("evidence/extra.jpg", date_time=members[0][0].date_time)
        info.external_attr = 0o644 << 16
        info.create_system = 3
        return [*members, (info, b"not in the manifest")]

    return rewrite(source, target, change)


def _remove_member(source: Path, target: Path, _people: People) -> Path:
    def change(members: Members) -> Members:
        index = _member(members, "evidence/")
        return members[:index] + members[index + 1 :]

    return rewrite(source, target, change)


def _rename_member(source: Path, target: Path, _people: People) -> Path:
    def change(members: Members) -> Members:
        index = _member(members, "evidence/")
        info, data = members[index]
        renamed = zipfile.ZipInfo("evidence/renamed", date_time=info.date_time)
        renamed.external_attr, renamed.create_system = info.external_attr, 3
        members[index] = (renamed, data)
        return members

    return rewrite(source, target, change)


def _named(name: str, *, mode: int = 0o644) -> Tamper:
    def tamper(source: Path, target: Path, _people: People) -> Path:
        def change(members: Members) -> Members:
            info = zipfile.ZipInfo(name, date_time=members[0][0].date_time)
            info.external_attr = mode << 16
            info.create_system = 3
            return [*members, (info, b"/etc/passwd" if stat.S_ISLNK(mode) else b"x")]

        return rewrite(source, target, change)

    return tamper


def _duplicate(source: Path, target: Path, _people: People) -> Path:
    def change(members: Members) -> Members:
        return [*members, members[_member(members, "assessments/")]]

    with pytest.warns(UserWarning, match="Duplicate name"):
        return rewrite(source, target, change)


def _zip_bomb(source: Path, target: Path, people: People) -> Path:
    """A member of 64 MB of zeros (64 KB compressed), declared honestly and re-signed."""
    import hashlib

    zeros = bytes(64 * 1024 * 1024)

    def change(members: Members) -> Members:
        info = zipfile.ZipInfo("instrument/bomb.json", date_time=members[0][0].date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr, info.create_system = 0o644 << 16, 3

        def declare(manifest: dict[str, Any]) -> None:
            manifest["members"].append(
                {
                    "path": info.filename,
                    "size": len(zeros),
                    "sha256": hashlib.sha256(zeros).hexdigest(),
                }
            )

        return resign([*members, (info, zeros)], people.signer, declare)

    return rewrite(source, target, change)


def _larger_than_declared(source: Path, target: Path, people: People) -> Path:
    def change(members: Members) -> Members:
        def shrink(manifest: dict[str, Any]) -> None:
            entry = next(m for m in manifest["members"] if m["path"].startswith("evidence/"))
            entry["size"] -= 100

        return resign(members, people.signer, shrink)

    return rewrite(source, target, change)


def _truncated(source: Path, target: Path, _people: People) -> Path:
    data = source.read_bytes()
    target.write_bytes(data[: len(data) * 2 // 3])
    return target


def _not_a_zip(_source: Path, target: Path, _people: People) -> Path:
    target.write_bytes(b"%PDF-1.4 this is a report, not a package\n" * 50)
    return target


def _other_key(source: Path, target: Path, people: People) -> Path:
    stranger = KeyStore(source.parent / "stranger")
    stranger.create_signing_key("a stranger's key", owner="Stranger")
    key = stranger.signing_key("a stranger's key")
    return rewrite(source, target, lambda m: resign(m, Signer(key, "Stranger"), lambda _m: None))


def _future_version(source: Path, target: Path, people: People) -> Path:
    def bump(manifest: dict[str, Any]) -> None:
        manifest["format_version"] = PACKAGE_FORMAT_VERSION + 1

    return rewrite(source, target, lambda m: resign(m, people.signer, bump))


def _unknown_field(source: Path, target: Path, people: People) -> Path:
    import hashlib

    def change(members: Members) -> Members:
        index = _member(members, "assessments/")
        info, data = members[index]
        document = json.loads(data)
        document["changes"][0]["field"] = "favourite_colour"
        data = json.dumps(document).encode()
        members[index] = (info, data)

        def declare(manifest: dict[str, Any]) -> None:
            entry = next(m for m in manifest["members"] if m["path"] == info.filename)
            entry["size"], entry["sha256"] = len(data), hashlib.sha256(data).hexdigest()

        return resign(members, people.signer, declare)

    return rewrite(source, target, change)


def _stray_bytes(source: Path, target: Path, _people: People) -> Path:
    with zipfile.ZipFile(source) as original:
        members = [(i, original.read(i)) for i in original.infolist()]
    with zipfile.ZipFile(target, "w") as archive:
        for info, data in members:
            archive.writestr(info, data)
        archive.comment = b"hidden payload"
    return target


CASES: dict[str, tuple[Tamper, str]] = {
    "byte flipped in the assessment document": (_flip("assessments/"), "member_altered"),
    "byte flipped in the instrument": (_flip("instrument/"), "member_altered"),
    "byte flipped in the personal data": (_flip("personal/"), "member_altered"),
    "byte flipped in a photo": (_flip("evidence/"), "member_altered"),
    "byte flipped in the manifest": (_flip(MANIFEST), "signature_invalid"),
    "edited manifest": (_edit_manifest, "signature_invalid"),
    "signature of another package": (_swap_signature, "signature_invalid"),
    "added member": (_add_member, "member_extra"),
    "removed member": (_remove_member, "member_missing"),
    "renamed member": (_rename_member, "member_missing"),
    "path traversal": (_named("evidence/../../escape.txt"), "unsafe_path"),
    "absolute path": (_named("/tmp/escape.txt"), "unsafe_path"),
    "symbolic link": (_named("evidence/link", mode=stat.S_IFLNK | 0o777), "link_member"),
    "duplicate names": (_duplicate, "duplicate_member"),
    "zip bomb": (_zip_bomb, "zip_bomb"),
    "member larger than declared": (_larger_than_declared, "member_too_large"),
    "truncated file": (_truncated, "damaged"),
    "not a zip file": (_not_a_zip, "not_a_package"),
    "signed by another key": (_other_key, "signer_untrusted"),
    "unknown format version": (_future_version, "format_version_unknown"),
    "change record with an unknown field": (_unknown_field, "member_invalid"),
    "bytes outside the members": (_stray_bytes, "container_invalid"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_tampered_package_is_refused_and_changes_nothing(
    case: str, package: Path, people: People, supervisor_ws: Workspace, tmp_path: Path
) -> None:
    tamper, code = CASES[case]
    bad = tamper(package, tmp_path / f"bad-{code}.ombx", people)
    trusted_before = people.supervisor.trusted()
    before = snapshot(supervisor_ws)
    with pytest.raises(ImportRefused) as refused:
        import_package(supervisor_ws, bad, people.supervisor, passphrase=SUPERVISOR_PASSPHRASE)
    assert refused.value.code == code, refused.value.data["problems"]
    assert refused.value.message.startswith(bad.name)
    assert refused.value.hint
    assert snapshot(supervisor_ws) == before
    assert people.supervisor.trusted() == trusted_before
    if code != "member_invalid":
        report = verify_package(bad, people.supervisor)
        assert not report.ok
        assert code in [p.code for p in report.problems]


def test_every_kind_of_refusal_has_its_own_message(
    package: Path, people: People, tmp_path: Path
) -> None:
    messages: dict[str, set[str]] = {}
    for number, (tamper, code) in enumerate(CASES.values()):
        if code == "member_invalid":  # found on import, after verification
            continue
        bad = tamper(package, tmp_path / f"{number}.ombx", people)
        first = verify_package(bad, people.supervisor).problems[0]
        assert first.code == code
        wording = first.message.replace(first.member or "\0", "<member>")
        messages.setdefault(code, set()).add(wording)
    # Different faults never share a wording.
    assert set(messages) == {code for _t, code in CASES.values()} - {"member_invalid"}
    for code, found in messages.items():
        others = {w for c, ws in messages.items() if c != code for w in ws}
        assert not found & others, code


def test_a_package_over_the_size_limit_is_refused_before_it_is_opened(
    package: Path, people: People, supervisor_ws: Workspace
) -> None:
    before = snapshot(supervisor_ws)
    with pytest.raises(ImportRefused) as refused:
        import_package(supervisor_ws, package, people.supervisor, max_bytes=10_000)
    assert refused.value.code == "package_too_large"
    assert snapshot(supervisor_ws) == before


def test_an_untrusted_signer_is_accepted_only_with_its_exact_fingerprint(
    package: Path, people: People, supervisor_ws: Workspace, tmp_path: Path
) -> None:
    stranger_view = KeyStore(tmp_path / "fresh-supervisor")
    report = verify_package(package, stranger_view)
    assert report.only_untrusted
    before = snapshot(supervisor_ws)
    with pytest.raises(ImportRefused):
        import_package(supervisor_ws, package, stranger_view, trust_signer="0" * 64)
    assert snapshot(supervisor_ws) == before
    receipt = import_package(
        supervisor_ws, package, stranger_view, trust_signer=report.signer_fingerprint
    )
    assert receipt.newly_trusted
    assert stranger_view.is_trusted(report.signer_fingerprint)


def test_an_assessment_made_with_another_instrument_version_is_refused(
    assessor_ws: Workspace, supervisor_ws: Workspace, people: People, package: Path, tmp_path: Path
) -> None:
    import hashlib

    from ombud_desktop.instruments import builtin_instrument, canonical_json

    import_package(supervisor_ws, package, people.supervisor, passphrase=SUPERVISOR_PASSPHRASE)
    other = builtin_instrument("ori-2022")
    body = canonical_json(other.document).encode()

    def change(members: Members) -> Members:
        out: Members = []
        for info, data in members:
            if info.filename.startswith("assessments/"):
                document = json.loads(data)
                document["instrument_hash"] = other.content_hash
                document["changes"].append({**document["changes"][-1], "id": "0" * 36})
                data = json.dumps(document).encode()
            if info.filename.startswith("instrument/"):
                info = zipfile.ZipInfo(
                    f"instrument/{other.content_hash}.json", date_time=info.date_time
                )
                info.compress_type, info.external_attr, info.create_system = 8, 0o644 << 16, 3
                data = body
            out.append((info, data))

        def declare(manifest: dict[str, Any]) -> None:
            manifest["package_id"] = "01a23313-0000-7000-8000-000000000001"
            manifest["instrument"] = {
                "id": other.id,
                "version": other.version,
                "hash": other.content_hash,
            }
            manifest["members"] = [
                {"path": i.filename, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
                for i, d in out
                if i.filename not in (MANIFEST, SIGNATURE)
            ]

        return resign(out, people.signer, declare)

    bad = rewrite(package, tmp_path / "other-instrument.ombx", change)
    before = snapshot(supervisor_ws)
    with pytest.raises(ImportRefused) as refused:
        import_package(supervisor_ws, bad, people.supervisor)
    assert refused.value.code == "instrument_mismatch"
    assert "Kabupaten" in refused.value.message
    assert snapshot(supervisor_ws) == before


def test_an_import_that_fails_half_way_leaves_the_workspace_as_it_was(
    package: Path, people: People, supervisor_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ombud_desktop.storage import imports

    def boom(*_args: Any, **_kwargs: Any) -> None:
        raise OSError(28, "No space left on device")

    before = snapshot(supervisor_ws)
    monkeypatch.setattr(imports, "record_import", boom)
    with pytest.raises(OSError, match="No space"):
        import_package(supervisor_ws, package, people.supervisor, passphrase=SUPERVISOR_PASSPHRASE)
    assert snapshot(supervisor_ws) == before


def test_exporting_with_a_missing_photo_says_which_and_leaves_no_file(
    assessor_ws: Workspace, people: People, tmp_path: Path
) -> None:
    from ombud_desktop.packages.format import PackageError

    assessment_id = with_evidence(assessor_ws)
    sha = assessor_ws.evidence_rows([assessment_id])[0]["sha256"]
    (assessor_ws.evidence_dir / sha[:2] / sha).unlink()
    out = tmp_path / "outbox"
    with pytest.raises(PackageError) as failed:
        export_assessment(assessor_ws, assessment_id, out, people.signer)
    assert failed.value.code == "evidence_missing"
    assert "Kabupaten" in failed.value.message
    assert list(out.iterdir()) == []


def test_exporting_a_damaged_photo_says_so_and_leaves_no_file(
    assessor_ws: Workspace, people: People, tmp_path: Path
) -> None:
    from ombud_desktop.packages.format import PackageError

    assessment_id = with_evidence(assessor_ws)
    sha = assessor_ws.evidence_rows([assessment_id])[-1]["sha256"]
    stored = assessor_ws.evidence_dir / sha[:2] / sha
    data = bytearray(stored.read_bytes())
    data[len(data) // 2] ^= 0x10  # bit rot on the laptop's disk
    stored.write_bytes(bytes(data))
    out = tmp_path / "outbox"
    with pytest.raises(PackageError) as failed:
        export_assessment(assessor_ws, assessment_id, out, people.signer)
    assert failed.value.code == "evidence_damaged"
    assert sha[:12] in failed.value.message
    assert list(out.iterdir()) == []
