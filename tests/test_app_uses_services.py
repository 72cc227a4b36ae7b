"""The app reaches the workspace only through the services a store job receives."""

from __future__ import annotations

import re
from pathlib import Path

import ombud_desktop

UI = Path(ombud_desktop.__file__).parent / "ui"
# A store job's argument is the services facade; its ``workspace`` is for services and tests.
REACHING_IN = re.compile(r"\b(?:s|_s|store|services)\.workspace\b|\.db\.(?:execute|conn)\b")


def test_no_window_model_or_dialog_reaches_the_workspace() -> None:
    found = [
        f"{path.relative_to(UI)}:{number}: {line.strip()}"
        for path in sorted(UI.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if REACHING_IN.search(line)
    ]
    assert found == []


def test_the_pattern_sees_a_job_reaching_in() -> None:
    assert REACHING_IN.search("self.store.submit(lambda s: s.workspace.profile())")
    assert not REACHING_IN.search("self.workspace_path = answer.workspace")
