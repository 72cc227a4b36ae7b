"""Another process that holds a workspace's lock, for tests: started, ready, then ended."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

TABLES = ("changes", "corrections", "imports", "conflicts", "review_comments", "profile",
          "entities", "assessments")

HOLDER = textwrap.dedent(
    """
    import sys
    from ombud_desktop.storage import Workspace

    workspace = Workspace.open(sys.argv[1], create=False, lock=sys.argv[2])
    print("holding", flush=True)  # only once the lock is taken and the workspace open
    sys.stdin.read()  # until the test closes our stdin
    workspace.close()
    print("released", flush=True)
    """
)


class LockHolder:
    """A child process holding the workspace open for writing as ``program``."""

    def __init__(self, folder: Path, program: str = "Ombud Desktop"):
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(folder), program],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()  # however long start-up takes
        if line.strip() != "holding":
            self.process.kill()
            _out, errors = self.process.communicate()
            raise AssertionError(f"the holder did not start: {line!r} {errors}")

    @property
    def pid(self) -> int:
        return self.process.pid

    def release(self) -> str:
        """Let it close the workspace and end; return what it printed."""
        out, errors = self.process.communicate(input="")
        assert self.process.returncode == 0, errors
        return out

    def kill(self) -> None:
        """End it at once (SIGKILL; TerminateProcess on Windows): it lets go of nothing."""
        self.process.kill()
        self.process.communicate()

    def __enter__(self) -> LockHolder:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process.poll() is None:
            self.kill()


def digest(folder: Path) -> dict[str, tuple[int, str]]:
    """Return each table a write would touch with its row count and a SHA-256 of its rows."""
    from ombud_desktop.storage import Workspace

    with Workspace.open(folder, create=False) as workspace:
        result = {}
        for table in TABLES:
            rows = workspace.db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            result[table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
        return result
