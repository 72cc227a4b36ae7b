"""The entity recap and province overview say what a result is: why provisional, the rank's
scope, approvals and the previous period (checked in the PDFs' extracted text)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.reports.data import (
    ScoredLocusInput,
    build_entity_report,
    build_province_report,
    score_text,
)
from ombud_desktop.reports.labels import label
from ombud_desktop.reports.render import render_entity, render_province
from ombud_desktop.scoring import EntityReason, EntityScore, RankScope
from ombud_desktop.services.reports import entity_report
from ombud_desktop.services.scoring import score_workspace
from ombud_desktop.storage import Workspace
from tests.reports.test_reports import flat, pdf_text
from tests.services.test_previous import ENTITY, two_years

PRINTED = "2024-06-01"
REASONS = [
    EntityReason("loci_missing", {"complete": 2, "planned": 7}),
    EntityReason("open_conflict", {"locus": "Dinas Kesehatan", "cells": ["IN07"]}),
]


@pytest.fixture(scope="module")
def years(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """One entity (a kabupaten of Kepulauan Riau) assessed in 2023 and in 2024."""
    workspace = Workspace.open(tmp_path_factory.mktemp("years") / "ws")
    two_years(workspace)
    yield workspace
    workspace.close()


def _entity(years: Workspace, period: str) -> EntityScore:
    return next(e for e in score_workspace(years).entities if e.period == period)


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_recap_shows_the_previous_period_beside_the_score(
    years: Workspace, language: str
) -> None:
    earlier = _entity(years, "2023")
    now = _entity(years, "2024")
    report = entity_report(years, ENTITY, period="2024", language=language,
                           printed_on=PRINTED)
    grade = earlier.grade.grade if earlier.grade else "–"
    assert report.previous.startswith(f"2023: {score_text(earlier.score, language)} ({grade}")
    change = round(round(now.score, 2) - round(earlier.score, 2), 2)
    sign = "+" if change > 0 else "−" if change < 0 else ""
    assert report.change.startswith(f"{sign}{score_text(abs(change), language)} ")
    text = pdf_text(render_entity(report, invariant=True))
    assert flat(f"{label('previous_period', language)}: {report.previous}") in text
    assert flat(report.change) in text
    first = entity_report(years, ENTITY, period="2023", printed_on=PRINTED)
    assert (first.previous, first.change) == ("", "")
    assert label("previous_period", "id") not in pdf_text(render_entity(first, invariant=True))


def test_a_provisional_entity_says_why_on_its_recap(years: Workspace) -> None:
    entity = replace(
        _entity(years, "2024"), provisional=True, reasons=REASONS,
        rank=2, rank_scope=RankScope("provinces", "kabupaten", ("Banten", "Kepulauan Riau")),
        rank_in_province=1, loci_planned=7, loci_approved=3,
    )
    loci = [ScoredLocusInput(s.row["locus"]["name"], s.result, "approved" if n < 3 else None)
            for n, s in enumerate(score_workspace(years, period="2024").loci)]
    report = build_entity_report(builtin_instrument("ori-2023"), entity, loci,
                                 province="Kepulauan Riau", rank_total=4, printed_on=PRINTED)
    text = pdf_text(render_entity(report, invariant=True))
    assert "Sementara: 2 dari 7 lokus; konflik terbuka: IN07" in text
    assert "Final" not in text
    assert "Peringkat: 2 dari 4, peringkat di antara kabupaten provinsi Banten, Kepulauan Riau" \
        in text
    assert "Peringkat di provinsi: 1" in text
    assert "3 dari 7 lokus disetujui" in text
    assert text.count("disetujui") == 1 + 3  # the entity's line and three locus marks
    assert text.count("belum ditinjau") == len(loci) - 3


def test_a_final_entity_reads_final(years: Workspace) -> None:
    entity = replace(_entity(years, "2024"), provisional=False, reasons=[])
    report = build_entity_report(builtin_instrument("ori-2023"), entity, [],
                                 province="Kepulauan Riau", rank_total=1, printed_on=PRINTED)
    assert report.status == "Final"


def test_the_province_overview_gives_rank_in_province_and_the_wider_rank(
    years: Workspace,
) -> None:
    scope = RankScope("provinces", "kabupaten", ("Banten", "Kepulauan Riau"))
    mine = replace(_entity(years, "2024"), provisional=True, reasons=REASONS, rank=2,
                   rank_scope=scope, rank_in_province=1, loci_planned=7, loci_approved=3)
    other = replace(mine, entity_id="other", entity="Kabupaten Lain", province="Banten",
                    provisional=False, reasons=[], rank=1, rank_in_province=1)
    provinces = {mine.entity_id: "Kepulauan Riau", "other": "Banten"}
    instrument = builtin_instrument("ori-2023")
    report = build_province_report(instrument, [mine, other], provinces,
                                   province="Kepulauan Riau", period="2024",
                                   printed_on=PRINTED)
    assert report.wider_rank
    (line,) = report.entities
    assert (line.rank_in_province, line.rank) == (1, 2)
    text = pdf_text(render_province(report, invariant=True))
    assert "Peringkat di provinsi" in text
    assert "Peringkat di antara — Kabupaten: peringkat di antara kabupaten provinsi Banten, " \
        "Kepulauan Riau" in text
    assert "Sementara: 2 dari 7 lokus; konflik terbuka: IN07" in text
    assert "3 dari 7 lokus disetujui" in text
    # A province alone in the workspace: its rank is the rank in the province, printed once.
    alone = build_province_report(
        instrument, [replace(mine, rank_scope=RankScope("provinces", "kabupaten",
                                                          ("Kepulauan Riau",)))],
        provinces, province="Kepulauan Riau", period="2024", printed_on=PRINTED)
    assert not alone.wider_rank
    assert "Peringkat di antara" not in pdf_text(render_province(alone, invariant=True))


def test_before_ranks_had_a_scope_one_province_ranks_within_the_province(
    years: Workspace,
) -> None:
    entity = replace(_entity(years, "2024"), rank=1, rank_scope=None, rank_in_province=None)
    report = build_province_report(builtin_instrument("ori-2023"), [entity],
                                   {entity.entity_id: "Kepulauan Riau"}, province=None,
                                   period="2024", language="en", printed_on=PRINTED)
    assert report.entities[0].rank_in_province == 1
    assert report.rank_scopes == ("Regency: rank among the regency of Kepulauan Riau",)
