"""The Entitas sheet says what a result is: previous period, why provisional, rank scope."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from ombud_desktop.exports import tables
from ombud_desktop.exports.spreadsheet import export_spreadsheet
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.scoring import EntityReason, RankScope
from ombud_desktop.services.scoring import score_workspace
from ombud_desktop.storage import Workspace
from tests.exports.test_spreadsheet import as_dicts, sheet_rows
from tests.services.test_previous import two_years


@pytest.fixture(scope="module")
def years(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """One entity assessed in 2023 and in 2024."""
    workspace = Workspace.open(tmp_path_factory.mktemp("years") / "ws")
    two_years(workspace)
    yield workspace
    workspace.close()


@pytest.mark.parametrize("period", [None, "2024"])
def test_the_entity_row_shows_the_previous_period_and_the_change(
    years: Workspace, tmp_path: Path, period: str | None
) -> None:
    scores = {e.period: e for e in score_workspace(years).entities}
    out = tmp_path / "hasil.xlsx"
    export_spreadsheet(years, out, period=period)
    rows = {row["Periode"]: row for row in as_dicts(sheet_rows(out, "Entitas"))}
    now = rows[2024]
    before = round(scores["2023"].score, 2)
    assert now["Periode sebelumnya"] == 2023
    assert now["Nilai sebelumnya"] == pytest.approx(before)
    assert now["Predikat sebelumnya"] == scores["2023"].grade.grade
    assert now["Perubahan (poin)"] == pytest.approx(round(now["Nilai"] - before, 2))
    if period is None:
        assert rows[2023]["Periode sebelumnya"] is None
        assert rows[2023]["Perubahan (poin)"] is None


def test_every_entity_row_says_whether_it_is_final_and_what_the_rank_is_among(
    years: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "results.xlsx"
    export_spreadsheet(years, out, language="en")
    for row in as_dicts(sheet_rows(out, "Entities")):
        status = row["Result status"]
        assert status == "Final" if not row["Provisional"] else status.startswith("Provisional")
        assert row["Rank among"] == "rank among the regency of Kepulauan Riau"
        assert row["Loci approved"] == 0  # nothing reviewed in this workspace


def test_a_provisional_entity_gives_its_reasons_and_scope_in_words(years: Workspace) -> None:
    entity = next(e for e in score_workspace(years).entities if e.period == "2024")
    shown = replace(
        entity,
        provisional=True,
        reasons=[
            EntityReason("loci_missing", {"complete": 2, "planned": 7}),
            EntityReason("open_conflict", {"locus": "Dinas Kesehatan", "cells": ["IN07"]}),
        ],
        rank=1,
        rank_scope=RankScope("provinces", "kabupaten", ("Banten", "Lampung")),
        rank_in_province=1,
        loci_planned=7,
        loci_approved=3,
    )
    instrument = builtin_instrument("ori-2023")
    columns = [c.key for c in tables.entity_columns("id")]
    (row,) = tables.entity_rows([shown], {}, {entity.entity_id: instrument}, "id")
    cells = dict(zip(columns, row, strict=True))
    assert cells["entity_status"] == "Sementara: 2 dari 7 lokus; konflik terbuka: IN07"
    assert cells["rank_scope"] == "peringkat di antara kabupaten provinsi Banten, Lampung"
    assert cells["rank_in_province"] == 1
    assert (cells["loci_planned"], cells["loci_approved"]) == (7, 3)
