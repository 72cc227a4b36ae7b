"""The support log and the support bundle: a rotating log per program, hard crashes written by
faulthandler, and a bundle (``ombud support-bundle``) with logs, versions, settings and a
workspace summary in numbers, and no respondent's name or phone number anywhere in it.

Real workspace (``ombud demo``), real files, a real crashing process.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ombud_desktop import __version__, logs
from ombud_desktop.cli.main import main
from ombud_desktop.storage import Workspace


def _respondents(root: Path) -> set[str]:
    """Every respondent name, phone number and NIP in the workspace (current and in the log)."""
    values: set[str] = set()
    with Workspace.open(root, create=False) as ws:
        for name, phone, nip in ws.db.execute("SELECT name, phone, nip FROM respondents"):
            values |= {v for v in (name, phone, nip) if v}
        for (value,) in ws.db.execute(
            "SELECT value FROM changes WHERE target = 'respondent' "
            "AND field IN ('name', 'phone', 'nip')"
        ):
            decoded = json.loads(value) if value else None
            if isinstance(decoded, str) and decoded:
                values.add(decoded)
    return values


def test_the_support_bundle_holds_logs_versions_settings_and_no_personal_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    log_dir = tmp_path / "logs"
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(log_dir))
    root = tmp_path / "ws"
    assert main(["--workspace", str(root), "demo", "--entities", "3", "--seed", "4"]) == 0
    for command in (["assessments", "list"], ["score"], ["assessment", "show", "nope"]):
        main(["--workspace", str(root), *command])
    personal = _respondents(root)
    assert len(personal) > 20  # the demo has named respondents with phone numbers
    target = tmp_path / "out" / "dukungan"
    capsys.readouterr()
    assert main(["--workspace", str(root), "support-bundle", str(target)]) == 0
    written = Path(capsys.readouterr().out.strip())
    assert written == target.with_name("dukungan.zip")
    try:
        with zipfile.ZipFile(written) as bundle:
            names = set(bundle.namelist())
            contents = {name: bundle.read(name).decode("utf-8") for name in names}
    finally:
        logs.stop("ombud", folder=log_dir)
    assert {"versions.json", "settings.json", "workspace.json", "doctor.json"} <= names
    assert "logs/ombud.log" in names
    assert f"ombud {__version__}: demo" in contents["logs/ombud.log"]
    versions = json.loads(contents["versions.json"])
    assert versions["python"].startswith(f"{sys.version_info.major}.{sys.version_info.minor}")
    assert versions["libraries"]["sqlite-utils"]
    summary = json.loads(contents["workspace.json"])
    assert summary["integrity_check"] == "ok"
    assert summary["rows"]["assessments"] > 0
    assert summary["schema_version"] == summary["schema_version_of_this_build"]
    everything = "\n".join(contents.values()).lower()
    leaked = sorted(value for value in personal if value.lower() in everything)
    assert leaked == []


def test_the_log_rotates_and_is_set_up_once(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    path = logs.start("probe", folder=folder)
    try:
        assert path == folder / "probe.log"
        assert logs.start("probe", folder=folder) == path  # a second start adds nothing
        handlers = [h for h in logging.getLogger().handlers if "probe.log" in (h.get_name() or "")]
        assert len(handlers) == 1
        record = logging.getLogger("ombud_desktop.test")
        for number in range(8000):  # about 3 MB: more than four files hold
            record.info("line %d %s", number, "x" * 300)
    finally:
        logs.stop("probe", folder=folder)
    files = sorted(p.name for p in folder.glob("probe.log*"))
    assert files == ["probe.log", "probe.log.1", "probe.log.2", "probe.log.3"]
    assert all(p.stat().st_size <= logs.MAX_BYTES + 1000 for p in folder.glob("probe.log*"))


def test_a_hard_crash_leaves_its_stack_in_the_crash_log(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    program = (
        "from pathlib import Path; import ctypes, sys; from ombud_desktop import logs; "
        f"logs.start('crashing', folder=Path({str(folder)!r})); "
        "ctypes.string_at(0)"  # reads address 0: the process dies of a segmentation fault
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONFAULTHANDLER"}
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=60, env=env
    )
    assert result.returncode != 0
    crash = (folder / logs.CRASH_LOG).read_text()
    assert "Fatal Python error" in crash
    assert "<string>" in crash
