"""A process killed at any moment loses no answer whose call had returned."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from ombud_desktop.storage import Workspace
from ombud_desktop.storage.documents import load_document

WRITER = textwrap.dedent(
    """
    import sys
    from ombud_desktop.storage import Edit, Workspace

    workspace = Workspace.open(sys.argv[1], create=False)
    assessment_id = sys.argv[2]
    number = int(sys.argv[3])
    while True:
        workspace.write(assessment_id, [
            Edit("response", "IN07", "value", number % 4),
            Edit("note", f"answer-{number}", "text", f"saved {number}"),
        ])
        print(number, flush=True)  # printed only after the call returned
        number += 1
    """
)


@pytest.mark.slow
def test_killing_the_writer_at_random_moments_loses_no_acknowledged_answer(
    tmp_path: Path, workspace: Workspace, assessment_id: str
) -> None:
    folder = workspace.root
    workspace.close()
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    rng = random.Random(20241123)
    acknowledged: list[int] = []
    next_number = 0
    for _round in range(6):
        process = subprocess.Popen(
            [sys.executable, str(script), str(folder), assessment_id, str(next_number)],
            stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert process.stdout is not None
        first = process.stdout.readline()  # wait for start-up, however slow the machine is
        assert first.strip(), "the writer stopped before its first answer"
        time.sleep(rng.uniform(0.05, 0.8))
        process.send_signal(signal.SIGKILL)
        output, _ = process.communicate()
        numbers = [int(line) for line in (first + output).split()]
        acknowledged.extend(numbers)
        next_number = numbers[-1] + 1_000  # leave a gap: a commit may have landed unprinted
        with Workspace.open(folder, create=False) as reopened:
            assert reopened.integrity_check() == "ok"
            notes = load_document(reopened, assessment_id).notes
            lost = [n for n in acknowledged if f"answer-{n}" not in notes]
            assert lost == []
            assert len(reopened.changes(assessment_id)) >= 2 * len(acknowledged)
    assert len(acknowledged) > 20
