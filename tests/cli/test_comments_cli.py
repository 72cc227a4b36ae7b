"""`ombud review resolve` and `review show`: comments closed on the command line, as users do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ombud_desktop.domain.ids import short_id
from tests.cli.test_packages_cli import run, team

__all__ = ["team"]  # the fixture, used by name


def test_the_assessor_resolves_a_comment_and_the_supervisor_sees_it(
    team: dict[str, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    trusting = ("keys", "trust", str(tmp_path / "siti.ombkey"), "--yes")
    assert run(capsys, *team["s"], *trusting)[0] == 0
    _code, out, _ = run(capsys, *team["a"], "assessments", "list", "--json")
    aid = json.loads(out)[0]["id"][:8]
    run(capsys, *team["a"], "export", aid, "--out", str(tmp_path / "inbox"), *team["pa"])
    assert run(capsys, *team["s"], "merge", str(tmp_path / "inbox"))[0] == 0
    code, _out, _err = run(
        capsys, *team["s"], "review", "return", aid, "--comment", "Lengkapi foto",
        "--indicator", "IN07=Papan tidak terbaca", "--out", str(tmp_path / "back"), *team["ps"],
    )
    assert code == 0
    assert run(capsys, *team["a"], "import", str(tmp_path / "back"))[0] == 0
    code, out, _ = run(capsys, *team["a"], "review", "show", aid)
    assert "Comments: 2 open, 0 closed" in out
    assert "[open] IN07: Papan tidak terbaca" in out
    assert "[open] general: Lengkapi foto" in out
    shown = json.loads(run(capsys, *team["a"], "review", "show", aid, "--json")[1])
    in07 = next(c for c in shown["comments"] if c["indicator"] == "IN07")
    assert f"(id {short_id(in07['id'])})" in out
    code, out, _ = run(capsys, *team["a"], "review", "resolve", short_id(in07["id"]), "--note",
                       "sudah difoto ulang")
    assert code == 0, out
    code, _out, err = run(capsys, *team["a"], "review", "resolve", short_id(in07["id"]))
    assert code != 0
    assert "closed already" in err
    run(capsys, *team["a"], "export", aid, "--out", str(tmp_path / "fixed"), *team["pa"])
    assert run(capsys, *team["s"], "import", str(tmp_path / "fixed"), *team["ps"])[0] == 0
    code, out, _ = run(capsys, *team["s"], "review", "show", aid)
    assert "Comments: 1 open, 1 closed" in out
    assert "closed by Demo " in out  # the demo workspace's assessor
    assert "sudah difoto ulang" in out
    code, out, _ = run(capsys, *team["s"], "assessments", "list")
    assert "[returned, 1 open comment]" in out
    # Approving closes what is still open: nothing is listed as open afterwards.
    assert run(capsys, *team["s"], "review", "approve", aid, "--despite-doubts")[0] == 0
    code, out, _ = run(capsys, *team["s"], "review", "show", aid)
    assert "[open]" not in out
    listed = json.loads(run(capsys, *team["s"], "assessments", "list", "--json")[1])
    assert [(i["review"], i["open_comments"]) for i in listed] == [("approved", 0)]
