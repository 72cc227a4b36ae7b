"""Qt fixtures: a real workspace on its store thread (never mocked), offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.storage import Workspace
from ombud_desktop.ui.ops import StoreThread, open_store_at

T = TypeVar("T")


@pytest.fixture(autouse=True)
def _collect_garbage_between_tests() -> Iterator[None]:
    # A Qt wrapper collected by the cyclic GC while Qt is inside its event loop can take its
    # widget down mid-event (a crash in CI: "Garbage-collecting" in the GUI thread during a
    # qtbot wait). Windows of one test are collected before the next starts, never inside it.
    gc.collect()
    yield
    gc.collect()


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


def call(store: StoreThread, job: Callable[[Any], T]) -> T:
    """Run ``job`` on the store's writer thread and return its result (test code only).

    The app never waits for a job; a test may, to set up or check the workspace. The result's
    ``changed`` signal still reaches the windows, when the test next lets Qt run.
    """
    return store.submit(job).result(timeout=60)


def open_view(qtbot: Any, store: StoreThread, assessment_id: str, language: str = "en") -> Any:
    """Open an AssessmentView the way the main window does, and wait until it is built."""
    from ombud_desktop.ui.assessment_view import AssessmentView

    opened: list[Any] = []
    AssessmentView.open(store, assessment_id, language, on_open=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    qtbot.addWidget(opened[0])
    return opened[0]


def open_assessment(qtbot: Any, window: Any, assessment_id: str, page: str | None = None) -> Any:
    """Open an assessment in a main window and wait until its view is shown; return the view."""
    with qtbot.waitSignal(window.assessment_opened, timeout=20_000):
        window.open_assessment(assessment_id, page)
    return window.assessment
