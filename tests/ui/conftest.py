"""Qt fixtures: a real workspace on its store thread (never mocked), offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.storage import Workspace
from ombud_desktop.ui.ops import StoreThread, open_store_at


def _make_workspace(path: Path, *, demo_entities: int = 0) -> None:
    workspace = Workspace.open(path)
    try:
        workspace.set_profile("Siti Aminah", "198701012010012001")
        if demo_entities:
            generate_demo(workspace, builtin_instrument("ori-2023"), entities=demo_entities, seed=7)
    finally:
        workspace.close()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[StoreThread]:
    """Return a store thread over an empty workspace with an assessor profile."""
    path = tmp_path / "ws"
    _make_workspace(path)
    thread = StoreThread(open_store_at(path))
    yield thread
    thread.close()


@pytest.fixture
def demo_store(tmp_path: Path) -> Iterator[StoreThread]:
    """Return a store thread over a workspace holding the demo's 2 entities (14 assessments)."""
    path = tmp_path / "ws"
    _make_workspace(path, demo_entities=2)
    thread = StoreThread(open_store_at(path))
    yield thread
    thread.close()
