"""Shared fixtures: real workspaces in temporary folders (never mocked). No Qt here."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ombud_desktop.instruments import Instrument, builtin_instrument
from ombud_desktop.services.assessments import AssessmentService, NewAssessment
from ombud_desktop.storage import Workspace


class FakeClock:
    """A clock that moves one second per reading, so change records have distinct times."""

    def __init__(self, start: datetime | None = None):
        self.now = start or datetime(2024, 8, 12, 1, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


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
