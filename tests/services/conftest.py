"""Fixtures shared by the services' tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ombud_desktop.instruments import Instrument
from ombud_desktop.storage import Workspace
from tests.services.test_period_states import _with_states, _years


@pytest.fixture
def decade(tmp_path: Path, instrument: Instrument) -> Iterator[Workspace]:
    """Three years of a demo workspace, each period with a conflict, a held change and a
    review decision (tests/services/test_period_states.py)."""
    ws = _with_states(_years(tmp_path / "ten", instrument, (2022, 2023, 2024)))
    yield ws
    ws.close()
