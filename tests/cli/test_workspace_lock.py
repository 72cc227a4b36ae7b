"""`ombud` while another process has the workspace open for writing: writes refused, reads work."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ombud_desktop.cli.main import main
from ombud_desktop.storage import Workspace
from tests.storage.lock_holder import LockHolder, digest


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("locked") / "ws"
    assert main(["--workspace", str(folder), "demo", "--entities", "1", "--seed", "3",
                 "--quiet"]) == 0
    with Workspace.open(folder, create=False) as workspace:
        rows = workspace.assessment_rows()
    return folder, rows[0]["id"]


def write_commands(folder: Path, assessment_id: str, entity: str) -> list[list[str]]:
    package = folder.parent / "from-field.ombx"
    package.write_bytes(b"not read: the lock is checked first")
    inbox = folder.parent / "inbox"
    inbox.mkdir(exist_ok=True)
    return [
        ["init", "--name", "Budi"],
        ["demo", "--entities", "1", "--seed", "9", "--quiet"],
        ["correction", "add", entity, "--period", "2024", "--points", "1", "--reason", "x"],
        ["import", str(package)],
        ["merge", str(inbox)],
        ["sync", str(inbox)],
        ["conflicts", "resolve", assessment_id, "response", "IN07", "value", "--value", "3"],
        ["review", "approve", assessment_id],
        ["review", "return", assessment_id, "--comment", "Lengkapi foto"],
    ]


@pytest.mark.slow
def test_write_commands_are_refused_and_read_commands_work_while_the_app_holds_it(
    demo: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    folder, assessment_id = demo
    with Workspace.open(folder, create=False) as workspace:
        entity = workspace.assessment_row(assessment_id)["entity"]["name"]
    before = digest(folder)
    ws = ["--workspace", str(folder)]
    with LockHolder(folder, "Ombud Desktop") as app:
        for command in write_commands(folder, assessment_id, entity):
            code = main([*ws, *command])
            out, err = capsys.readouterr()
            assert code == 2, (command, out, err)
            assert "already open in Ombud Desktop" in err, command
            assert f"(process {app.pid})" in err
            assert "Close it there first" in err
            assert "Traceback" not in err
        reads = [
            ["assessments", "list", "--json"],
            ["assessment", "show", assessment_id[:8]],
            ["score", "--json"],
            ["conflicts", "list"],
            ["review", "show", assessment_id],
            ["report", "locus", assessment_id, "-o", str(tmp_path / "locus.pdf")],
            ["spreadsheet", str(tmp_path / "loci.csv"), "--quiet"],
            [],  # the overview
        ]
        for command in reads:
            code = main([*ws, *command])
            out, err = capsys.readouterr()
            assert code == 0, (command, err)
            assert out
        assert len(json.loads(main_output(ws, capsys, "assessments", "list", "--json"))) == 7
        app.release()
    assert digest(folder) == before, "a refused command wrote to the workspace"
    # Once the app is closed, the same commands write again.
    assert main([*ws, "review", "approve", assessment_id, "--despite-doubts"]) == 0
    assert digest(folder)["changes"] != before["changes"]


def main_output(ws: list[str], capsys: pytest.CaptureFixture[str], *command: str) -> str:
    assert main([*ws, *command]) == 0
    return capsys.readouterr().out


@pytest.mark.slow
def test_a_refused_command_run_as_users_run_it_prints_two_plain_lines(
    demo: tuple[Path, str],
) -> None:
    folder, _assessment_id = demo
    env = {**os.environ, "OMBUD_WORKSPACE": str(folder)}
    env.pop("OMBUD_DEBUG", None)
    with LockHolder(folder, "ombud sync") as holder:
        result = subprocess.run(
            [sys.executable, "-c", "import sys; from ombud_desktop.cli.main import main; "
             "sys.exit(main(sys.argv[1:]))", "init", "--name", "Budi"],
            capture_output=True, text=True, env=env, check=False,
        )
        holder.release()
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2, result.stderr
    assert lines[0].startswith(f"error: the workspace {folder} is already open in ombud sync")
    assert lines[1] == "Close it there first, then try again."
