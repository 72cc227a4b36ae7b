"""Shared fixtures: real workspaces in temporary folders (never mocked). No Qt here."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ombud_desktop.instruments import Instrument, builtin_instrument
from ombud_desktop.services.assessments import AssessmentService, NewAssessment
from ombud_desktop.storage import Workspace


def sqlite_steps(ws: Workspace, work: Callable[[], object]) -> int:
    """Count SQLite virtual-machine steps (in hundreds) taken by ``work``: work, not time."""
    counted = [0]

    def tick() -> int:
        counted[0] += 1
        return 0

    ws.db.conn.set_progress_handler(tick, 100)
    try:
        work()
    finally:
        ws.db.conn.set_progress_handler(None, 100)
    return counted[0]


class FakeClock:
    """A clock that moves one second per reading, so change records have distinct times."""

    def __init__(self, start: datetime | None = None):
        self.now = start or datetime(2024, 8, 12, 1, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture(scope="session", autouse=True)
def _own_settings_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep the tests (and the processes they start) off the user's real settings file."""
    before = os.environ.get("OMBUD_SETTINGS")
    os.environ["OMBUD_SETTINGS"] = str(tmp_path_factory.mktemp("config") / "settings.json")
    # The support log too (ombud_desktop.logs): never the user's own log folder.
    os.environ.setdefault("OMBUD_LOG_DIR", str(tmp_path_factory.mktemp("logs")))
    yield
    if before is None:
        os.environ.pop("OMBUD_SETTINGS", None)
    else:
        os.environ["OMBUD_SETTINGS"] = before


@pytest.fixture(scope="session")
def instrument() -> Instrument:
    return builtin_instrument("ori-2023")


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.open(tmp_path / "ws", clock=FakeClock())
    ws.set_profile("Siti Aminah", "198701012010012001")
    yield ws
    ws.close()


@pytest.fixture
def service(workspace: Workspace) -> AssessmentService:
    return AssessmentService(workspace)


@pytest.fixture
def assessment_id(service: AssessmentService, instrument: Instrument) -> str:
    return service.create(
        instrument,
        NewAssessment(
            category="kota", entity_name="Kota Cilegon", province="Banten",
            locus_name="Disdukcapil", locus_type="disdukcapil", period_year=2024,
            team=("Siti Aminah", "Budi"), visit_date="2024-08-12",
            products=("KTP-el", "Kartu Keluarga"),
        ),
    ).value
