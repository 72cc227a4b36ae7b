"""First-run use cases: the assessor's own workspace and a sample workspace to explore."""

from __future__ import annotations

from pathlib import Path

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.storage import Workspace

SAMPLE_ENTITIES = 2  # 14 assessments: enough to see lists, scores and ranks, made in seconds
SAMPLE_SEED = 1
SAMPLE_AUTHOR = "Contoh"


def prepare_workspace(path: Path, name: str, nip: str | None, *, lock: str | None = None) -> None:
    """Create the workspace at ``path`` (if needed) with this assessor as its profile.

    ``lock``: the program writing it (see :meth:`Workspace.open`).
    """
    with Workspace.open(path, create=True, lock=lock) as workspace:
        workspace.set_profile(name, nip)


def prepare_sample_workspace(path: Path, *, lock: str | None = None) -> bool:
    """Fill a separate workspace at ``path`` with demo data; return False if it existed."""
    if (path / "workspace.sqlite").exists():
        return False
    with Workspace.open(path, create=True, lock=lock) as workspace:
        workspace.set_profile(SAMPLE_AUTHOR, None)
        generate_demo(
            workspace, builtin_instrument("ori-2023"), entities=SAMPLE_ENTITIES, seed=SAMPLE_SEED
        )
    return True
