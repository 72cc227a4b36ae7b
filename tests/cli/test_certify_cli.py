"""Roles by signature on the command line: pusat certifies supervisors, supervisors assessors."""

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
def people(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, list[str]]:
    """Pusat (national key), a Banten supervisor, an assessor; public keys exported."""
    found: dict[str, list[str]] = {}
    for who in ("pusat", "banten", "siti"):
        (tmp_path / f"{who}.pass").write_text(f"kunci {who} 2026\n")
        found[who] = ["--workspace", str(tmp_path / f"ws-{who}"), "--keys", str(tmp_path / who)]
        found[f"{who}-pass"] = ["--passphrase-file", str(tmp_path / f"{who}.pass")]
        assert main([*found[who], "init", "--name", who.title()]) == 0
        extra = ["--national"] if who == "pusat" else []
        assert main([*found[who], "keys", "create", *extra, *found[f"{who}-pass"]]) == 0
        assert main([*found[who], "keys", "export", str(tmp_path / f"{who}.ombkey")]) == 0
    capsys.readouterr()
    return found


def test_a_chain_from_pusat_to_an_assessor(
    people: dict[str, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pusat_file = json.loads((tmp_path / "pusat.ombkey").read_text())
    assert pusat_file["role"] == "national"
    # Pusat certifies the Banten supervisor.
    code, out, err = run(
        capsys, *people["pusat"], "keys", "certify", str(tmp_path / "banten.ombkey"),
        "--role", "supervisor", "--province", "Banten", "--out", str(tmp_path / "banten.cert"),
        *people["pusat-pass"],
    )
    assert code == 0, err
    assert "supervisor of Banten" in out
    # The supervisor cannot certify assessors before installing the certificate...
    code, _out, err = run(
        capsys, *people["banten"], "keys", "certify", str(tmp_path / "siti.ombkey"),
        "--role", "assessor", "--out", str(tmp_path / "siti.cert"), *people["banten-pass"],
    )
    assert code == 2
    assert "no supervisor's certificate" in err
    # ... nor install a certificate of another key.
    code, _out, err = run(capsys, *people["siti"], "keys", "certificate",
                          str(tmp_path / "banten.cert"))
    assert code == 2
    assert "another key" in err
    assert run(capsys, *people["banten"], "keys", "certificate",
               str(tmp_path / "banten.cert"))[0] == 0
    code, out, err = run(
        capsys, *people["banten"], "keys", "certify", str(tmp_path / "siti.ombkey"),
        "--role", "assessor", "--out", str(tmp_path / "siti.cert"), *people["banten-pass"],
    )
    assert code == 0, err
    assert "assessor of Banten" in out
    assert run(capsys, *people["siti"], "keys", "certificate", str(tmp_path / "siti.cert"))[0] == 0
    code, out, _ = run(capsys, *people["siti"], "keys", "show", "--json")
    shown = json.loads(out)
    assert [c["certificate"]["role"] for c in shown["certificates"]] == ["assessor", "supervisor"]
    code, out, _ = run(capsys, *people["siti"], "keys", "show")
    assert "assessor of Banten (certified)" in out
    # Another province is refused; a supervisor cannot make supervisors.
    code, _out, err = run(
        capsys, *people["banten"], "keys", "certify", str(tmp_path / "siti.ombkey"),
        "--role", "assessor", "--province", "Lampung", "--out", str(tmp_path / "x.cert"),
        *people["banten-pass"],
    )
    assert code == 2
    assert "Banten, not Lampung" in err
    code, _out, err = run(
        capsys, *people["banten"], "keys", "certify", str(tmp_path / "siti.ombkey"),
        "--role", "supervisor", "--province", "Banten", "--out", str(tmp_path / "x.cert"),
        *people["banten-pass"],
    )
    assert code == 2
    assert "national key" in err
    assert not (tmp_path / "x.cert").exists()


def test_trusted_keys_list_their_role(
    people: dict[str, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, *people["banten"], "keys", "trust", str(tmp_path / "pusat.ombkey"),
               "--yes")[0] == 0
    assert run(capsys, *people["banten"], "keys", "trust", str(tmp_path / "siti.ombkey"),
               "--yes")[0] == 0
    code, out, _ = run(capsys, *people["banten"], "keys", "trusted", "--json")
    assert code == 0
    roles = {k["name"]: (k["role"], k["province"]) for k in json.loads(out)}
    assert roles == {"Pusat": ("national", None), "Siti": ("assessor", None)}


def test_a_damaged_certificate_file_is_refused_in_words(
    people: dict[str, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(
        capsys, *people["pusat"], "keys", "certify", str(tmp_path / "banten.ombkey"),
        "--role", "supervisor", "--province", "Banten", "--out", str(tmp_path / "b.cert"),
        *people["pusat-pass"],
    )[0] == 0
    doc = json.loads((tmp_path / "b.cert").read_text())
    doc["certificates"][0]["certificate"]["province"] = "Lampung"
    (tmp_path / "forged.cert").write_text(json.dumps(doc))
    code, _out, err = run(capsys, *people["banten"], "keys", "certificate",
                          str(tmp_path / "forged.cert"))
    assert code == 2
    assert "signature does not match" in err
    assert "Traceback" not in err
    (tmp_path / "deep.cert").write_text("[" * 100_000)
    code, _out, err = run(capsys, *people["banten"], "keys", "certificate",
                          str(tmp_path / "deep.cert"))
    assert code == 2
    assert "Traceback" not in err


def test_pusat_revokes_a_certificate_and_provinces_install_the_list(
    people: dict[str, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, *people["pusat"], "keys", "certify", str(tmp_path / "banten.ombkey"),
        "--role", "supervisor", "--province", "Banten", "--out", str(tmp_path / "banten.cert"),
        *people["pusat-pass"],
    )
    assert code == 0, err
    serial = out.split("Serial (to revoke it later): ")[1].split()[0]
    # Only the national key revokes.
    code, _out, err = run(capsys, *people["banten"], "keys", "revoke", serial, "--out",
                          str(tmp_path / "x.json"), *people["banten-pass"])
    assert code == 2
    assert "national key" in err
    code, out, err = run(capsys, *people["pusat"], "keys", "revoke", serial, "--out",
                         str(tmp_path / "rev1.json"), *people["pusat-pass"])
    assert code == 0, err
    assert "Revocation list 1: 1 serial" in out
    # A province installs it only once it trusts pusat's key, and never an older list.
    code, _out, err = run(capsys, *people["siti"], "keys", "revocations",
                          str(tmp_path / "rev1.json"))
    assert code == 2
    assert "not signed by the national key" in err
    assert run(capsys, *people["siti"], "keys", "trust", str(tmp_path / "pusat.ombkey"),
               "--yes")[0] == 0
    assert run(capsys, *people["siti"], "keys", "revocations", str(tmp_path / "rev1.json"))[0] == 0
    code, _out, err = run(capsys, *people["siti"], "keys", "revocations",
                          str(tmp_path / "rev1.json"))
    assert code == 2
    assert "not newer" in err
    # A forged list (a serial added after signing) is refused.
    assert run(capsys, *people["pusat"], "keys", "revoke", serial, "--out",
               str(tmp_path / "rev2.json"), *people["pusat-pass"])[0] == 0
    forged = json.loads((tmp_path / "rev2.json").read_text())
    forged["revocations"]["serials"].append("00000000-0000-4000-8000-000000000000")
    (tmp_path / "forged.json").write_text(json.dumps(forged))
    code, _out, err = run(capsys, *people["siti"], "keys", "revocations",
                          str(tmp_path / "forged.json"))
    assert code == 2
    assert "signature does not match" in err
    assert run(capsys, *people["siti"], "keys", "revocations", str(tmp_path / "rev2.json"))[0] == 0
