"""`ombud keys team|pusat`, `export --forward`, `personal list|unlock`, as users run them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ombud_desktop.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_team_forwarding_and_personal_data_read_later(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OMBUD_PASSPHRASE", raising=False)
    people = {}
    for who in "absp":
        (tmp_path / f"p{who}").write_text(f"kunci {who} yang panjang\n")
        people[who] = ["--workspace", str(tmp_path / who), "--keys", str(tmp_path / f"k{who}")]
        people[f"p{who}"] = ["--passphrase-file", str(tmp_path / f"p{who}")]
    a, s, p = people["a"], people["s"], people["p"]
    assert main([*a, "demo", "--entities", "1", "--quiet"]) == 0
    for who in "bsp":
        assert main([*people[who], "init", "--name", who]) == 0
    for who in "abs":  # one command makes both keys
        assert main([*people[who], "keys", "create", *people[f"p{who}"]]) == 0
    assert main([*p, "keys", "create", "--national", *people["pp"]]) == 0
    for who in "absp":
        assert main([*people[who], "keys", "export", str(tmp_path / f"{who}.ombkey")]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, *a, "keys", "show", "--json")
    assert json.loads(out)["receiving_key"] is not None
    assert main([*a, "keys", "recipient", str(tmp_path / "s.ombkey"), "--yes"]) == 0
    code, out, _ = run(capsys, *a, "keys", "team", "add", str(tmp_path / "b.ombkey"), "--yes")
    assert code == 0
    assert "Added to your team" in out
    code, out, _ = run(capsys, *a, "keys", "team", "list", "--json")
    [member] = json.loads(out)
    assert member["name"] == "b"
    assert len(member["spoken"].split()) == 6
    assert main([*s, "keys", "trust", str(tmp_path / "a.ombkey"), "--yes"]) == 0
    assert main([*s, "keys", "pusat", str(tmp_path / "p.ombkey"), "--yes"]) == 0
    assert main([*p, "keys", "trust", str(tmp_path / "s.ombkey"), "--yes",
                 "--role", "supervisor"]) == 0
    assert main([*p, "keys", "trust", str(tmp_path / "a.ombkey"), "--yes"]) == 0
    capsys.readouterr()

    code, out, _ = run(capsys, *a, "assessments", "list", "--json")
    first = json.loads(out)[0]["id"]
    code, out, _ = run(capsys, *a, "export", first, "--out", str(tmp_path / "out"), "--json",
                       *people["pa"])
    assert code == 0
    [written] = json.loads(out)
    assert written["personal_data"] == "encrypted"
    code, out, _ = run(capsys, *s, "verify", written["path"])
    assert code == 0
    assert "valid" in out

    # The supervisor imports without the passphrase: kept sealed, read later.
    code, out, _ = run(capsys, *s, "import", written["path"])
    assert code == 0
    assert "ombud personal unlock" in out
    code, out, _ = run(capsys, *s, "personal", "list", "--json")
    assert [w["assessment_id"] for w in json.loads(out)] == [first]
    code, out, _ = run(capsys, *s, "personal", "unlock", "--json", *people["ps"])
    assert code == 0
    [opened] = json.loads(out)
    assert opened["status"] == "imported"
    assert opened["added"] > 0
    code, out, _ = run(capsys, *s, "personal", "list")
    assert "No personal data is waiting" in out

    # Forwarding to pusat: pusat reads the names with its own key.
    code, out, _ = run(capsys, *s, "export", first, "--forward", "--out",
                       str(tmp_path / "fwd"), "--json", *people["ps"])
    assert code == 0
    [forwarded] = json.loads(out)
    code, out, err = run(capsys, *p, "import", forwarded["path"], "--json", *people["pp"])
    assert code == 0, err
    assert json.loads(out)[0]["assessments"][0]["personal_data"] == "imported"

    code, out, _ = run(capsys, *a, "keys", "team", "remove", member["signing_fingerprint"][:8])
    assert code == 0
    assert "Removed" in out
    code, out, _ = run(capsys, *a, "keys", "team", "list")
    assert "No co-assessors" in out
