"""Reading the documents of some assessments (one period of many) gives exactly theirs."""

from __future__ import annotations

import pytest

from ombud_desktop.instruments import Instrument
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.services.scoring import score_workspace
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.documents import iter_documents


@pytest.fixture
def years(workspace: Workspace, instrument: Instrument) -> Workspace:
    for year, seed in ((2023, 5), (2024, 6), (2022, 7)):
        generate_demo(workspace, instrument, entities=2, seed=seed, year=year)
    return workspace


@pytest.mark.parametrize("batch", [3, 400])
def test_one_period_reads_the_same_documents(years: Workspace, batch: int) -> None:
    everything = list(iter_documents(years))
    wanted = {row["id"] for row, _ in everything if row["period"] == "2024"}
    assert 0 < 2 * len(wanted) < len(everything)  # a minority: read by ids (sparse)
    some = list(iter_documents(years, ids=wanted, batch=batch))
    assert [(r["id"], d) for r, d in some] == [
        (r["id"], d) for r, d in everything if r["id"] in wanted
    ]


def test_most_of_them_read_the_same_documents(years: Workspace) -> None:
    everything = list(iter_documents(years))
    wanted = {row["id"] for row, _ in everything if row["period"] != "2024"}
    some = list(iter_documents(years, ids=wanted))
    assert [(r["id"], d) for r, d in some] == [
        (r["id"], d) for r, d in everything if r["id"] in wanted
    ]


def test_scoring_one_period_equals_that_period_of_all(years: Workspace) -> None:
    alone = score_workspace(years, period="2024")
    every = score_workspace(years)
    assert [s.to_json() for s in alone.loci] == [
        s.to_json() for s in every.loci if s.row["period"] == "2024"
    ]
    assert alone.loci
