"""The key, package and supervisor commands, run as users run them (real keys, real files)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ombud_desktop.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def team(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, list[str]]:
    """An assessor (with demo data) and a supervisor, keys made, public keys exchanged."""
    (tmp_path / "pa").write_text("kunci asesor 2024\n")
    (tmp_path / "ps").write_text("kunci supervisor 2024\n")
    assessor = ["--workspace", str(tmp_path / "a"), "--keys", str(tmp_path / "ka")]
    supervisor = ["--workspace", str(tmp_path / "s"), "--keys", str(tmp_path / "ks")]
    pa = ["--passphrase-file", str(tmp_path / "pa")]
    ps = ["--passphrase-file", str(tmp_path / "ps")]
    assert main([*assessor, "demo", "--entities", "1", "--quiet"]) == 0
    assert main([*supervisor, "init", "--name", "Budi Santoso"]) == 0
    assert main([*assessor, "keys", "create", *pa]) == 0
    assert main([*supervisor, "keys", "create", *ps]) == 0
    assert main([*supervisor, "keys", "create", "--receiving", *ps]) == 0
    assert main([*supervisor, "keys", "export", str(tmp_path / "budi.ombkey")]) == 0
    assert main([*assessor, "keys", "export", str(tmp_path / "siti.ombkey"), "--qr",
                 str(tmp_path / "siti.png")]) == 0
    assert main([*assessor, "keys", "recipient", str(tmp_path / "budi.ombkey"), "--yes"]) == 0
    capsys.readouterr()
    return {"a": assessor, "s": supervisor, "pa": pa, "ps": ps}


def test_keys_show_a_fingerprint_to_read_aloud(
    team: dict[str, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, *team["a"], "keys", "show", "--json")
    assert code == 0
    shown = json.loads(out)
    groups = shown["signing_key"]["spoken"].split()
    assert len(groups) == 6
    assert all(len(g) == 5 and g.isdigit() for g in groups)
    assert shown["recipient"]["name"] == "Budi Santoso"
    assert (tmp_path / "siti.png").read_bytes().startswith(b"\x89PNG")
    code, _out, err = run(capsys, *team["a"], "keys", "create", *team["pa"])
    assert code == 2
    assert "already exists" in err


def test_export_verify_import_and_again(
    team: dict[str, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, *team["a"], "assessments", "list", "--json")
    ids = [a["id"][:8] for a in json.loads(out)[:2]]
    out_dir = tmp_path / "outbox"
    code, out, _ = run(capsys, *team["a"], "export", *ids, "--out", str(out_dir), "--json",
                       *team["pa"])
    assert code == 0
    written = json.loads(out)
    assert [w["personal_data"] for w in written] == ["encrypted", "encrypted"]
    # Not trusted yet: verify says so and fails; after trusting, valid.
    code, out, _ = run(capsys, *team["s"], "verify", str(out_dir))
    assert code == 1
    assert out.count("not in your trusted keys") == 2
    assert run(capsys, *team["s"], "keys", "trust", str(tmp_path / "siti.ombkey"), "--yes")[0] == 0
    code, out, _ = run(capsys, *team["s"], "verify", str(out_dir), "--json")
    assert code == 0
    assert all(r["valid"] for r in json.loads(out))
    code, out, err = run(capsys, *team["s"], "import", str(out_dir), *team["ps"])
    assert code == 0
    assert out.count(": new,") == 2
    # As a merge: the backup that undoes the imports, each package kept beside it.
    (backup,) = sorted((tmp_path / "s-cadangan").glob("cadangan-*"))
    assert f"Undone by restoring {backup} (made before these imports)" in err
    assert "(2 added now)" in err
    assert len(list((backup / "paket").glob("*.ombx"))) == 2
    code, out, _ = run(capsys, *team["s"], "import", str(out_dir), "--json")
    assert code == 0
    assert all(r["nothing_new"] for r in json.loads(out))
    assert len(list((tmp_path / "s-cadangan").glob("cadangan-*"))) == 1  # it still serves


def test_a_tampered_package_fails_verify_with_one_line_per_problem(
    team: dict[str, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, *team["a"], "assessments", "list", "--json")
    first = json.loads(out)[0]["id"][:8]
    run(capsys, *team["a"], "export", first, "--out", str(tmp_path / "o"), *team["pa"])
    package = next((tmp_path / "o").glob("*.ombx"))
    data = bytearray(package.read_bytes())
    data[200] ^= 0x55
    package.write_bytes(bytes(data))
    code, out, _ = run(capsys, *team["a"], "verify", str(package))
    assert code == 1
    assert out.strip()
    assert all(line.startswith(str(package)) for line in out.strip().splitlines())
    code, _out, err = run(capsys, *team["s"], "import", str(package))
    assert code == 1
    assert "REFUSED" in err
    code, out, _ = run(capsys, *team["s"], "assessments", "list", "--json")
    assert json.loads(out) == []


def test_merge_conflicts_and_review_commands(
    team: dict[str, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, *team["s"], "keys", "trust", str(tmp_path / "siti.ombkey"), "--yes")
    code, out, _ = run(capsys, *team["a"], "assessments", "list", "--json")
    ids = [a["id"][:8] for a in json.loads(out)]
    run(capsys, *team["a"], "export", *ids, "--out", str(tmp_path / "inbox"), *team["pa"])
    code, out, _ = run(capsys, *team["s"], "merge", str(tmp_path / "inbox"), "--json")
    assert code == 0
    report = json.loads(out)
    assert report["assessments"]["new"] == len(ids)
    code, out, _ = run(capsys, *team["s"], "conflicts", "list")
    assert out.strip() == "No conflicts."
    code, out, _ = run(
        capsys, *team["s"], "review", "return", ids[0], "--comment", "Lengkapi foto",
        "--indicator", "IN07=Papan tidak terbaca", "--out", str(tmp_path / "back"), *team["ps"],
    )
    assert code == 0
    assert "Package for the assessor" in out
    code, out, _ = run(capsys, *team["a"], "import", str(tmp_path / "back"))
    assert code == 0
    assert "newer changes added" in out
    code, out, _ = run(capsys, *team["a"], "review", "show", ids[0], "--json")
    shown = json.loads(out)
    assert shown["status"] == "returned"
    assert shown["comments"][0]["indicator"] == "IN07"
    # A draft with things missing is approved only once the supervisor has seen why.
    code, _out, err = run(capsys, *team["s"], "review", "approve", ids[1])
    assert code == 2
    assert "in doubt" in err
    code, out, _ = run(capsys, *team["s"], "review", "approve", ids[1], "--despite-doubts")
    assert code == 0
    assert "approved despite:" in out
