"""One period's documents are read by id ranges when its ids run together, by id otherwise."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ombud_desktop.instruments import Instrument
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.documents import iter_documents


@pytest.fixture
def years(workspace: Workspace, instrument: Instrument) -> Workspace:
    # The demo's ids are random (seeded): its years interleave in id order.
    for year, seed in ((2022, 7), (2023, 5), (2024, 6)):
        generate_demo(workspace, instrument, entities=2, seed=seed, year=year)
    return workspace


def statements(ws: Workspace, work: Callable[[], object]) -> list[str]:
    """Return the SQL statements ``work`` ran on the workspace's connection."""
    ran: list[str] = []
    ws.db.conn.set_trace_callback(ran.append)
    try:
        work()
    finally:
        ws.db.conn.set_trace_callback(None)
    return ran


def test_ids_that_run_together_are_read_by_one_range(years: Workspace) -> None:
    # As one season's assessments made in the app (time-ordered ids) run together.
    everything = list(iter_documents(years))
    ordered = sorted(row["id"] for row, _ in everything)
    wanted = set(ordered[: len(ordered) // 3])
    read: list[tuple[str, object]] = []
    ran = statements(
        years, lambda: read.extend((r["id"], d) for r, d in iter_documents(years, ids=wanted))
    )
    assert read == [(r["id"], d) for r, d in everything if r["id"] in wanted]
    per_table = [s for s in ran if "FROM responses WHERE assessment_id" in s]
    assert len(per_table) == 1
    assert "BETWEEN" in per_table[0]  # one range scan, not one statement per assessment


def test_scattered_ids_are_read_in_one_statement_and_give_the_same(years: Workspace) -> None:
    everything = list(iter_documents(years))
    ordered = sorted(row["id"] for row, _ in everything)
    wanted = set(ordered[::3])  # every third: two others between each two wanted
    read: list[tuple[str, object]] = []
    ran = statements(
        years, lambda: read.extend((r["id"], d) for r, d in iter_documents(years, ids=wanted))
    )
    assert read == [(r["id"], d) for r, d in everything if r["id"] in wanted]
    per_table = [s for s in ran if "FROM responses WHERE assessment_id" in s]
    assert len(per_table) == 1  # one batch: one statement seeking every id, not one per id


@pytest.mark.parametrize("batch", [2, 400])
def test_by_period_equals_reading_everything(years: Workspace, batch: int) -> None:
    everything = list(iter_documents(years))
    for period in ("2022", "2023", "2024"):
        some = list(iter_documents(years, period=period, batch=batch))
        assert [(r["id"], d) for r, d in some] == [
            (r["id"], d) for r, d in everything if r["period"] == period
        ]
