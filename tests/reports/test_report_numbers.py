"""The reports' numbers and dates in their language, and a dimension without a score as "–"."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace

import pytest
from pypdf import PdfReader
from reportlab.graphics import renderPDF

from ombud_desktop.formatting import format_score
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.reports import layout as L
from ombud_desktop.reports.render import render_entity, render_locus
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.services.reports import entity_report, locus_report
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.documents import load_document

PRINTED = "2024-08-05"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    ws = Workspace.open(tmp_path_factory.mktemp("numbers") / "ws")
    ws.set_profile("Demo", None)
    generate_demo(ws, builtin_instrument("ori-2023"), entities=1, seed=3)
    yield ws
    ws.close()


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


@pytest.mark.parametrize(("language", "printed", "other"), [
    ("id", "Dicetak 5 Agustus 2024", "."),
    ("en", "Printed 5 August 2024", ","),
])
def test_scores_and_dates_on_the_summary_are_in_its_language(
    demo: Workspace, language: str, printed: str, other: str
) -> None:
    aid = demo.assessment_rows()[0]["id"]
    report = locus_report(demo, aid, language=language, printed_on=PRINTED)
    text = text_of(render_locus(report, invariant=True))
    assert printed in text
    visit = load_document(demo, aid).visit_date
    assert visit
    assert visit not in text
    assert report.visit_date in text
    assert format_score(report.score, language) in text
    wrong = format_score(report.score, language).replace(
        "," if language == "id" else ".", other)
    assert wrong not in text
    for dimension in report.dimensions:
        assert format_score(dimension.score, language) in text


def chart_text(scores: list[float | None], language: str) -> str:
    drawing = L.dimension_chart(["D1", "D2", "D3"], scores, 74 * L.mm, 30 * L.mm,
                                lambda v: format_score(v, language))
    L.register_fonts()
    return text_of(renderPDF.drawToString(drawing))


def test_a_dimension_without_a_score_is_a_dash_in_the_chart_never_zero() -> None:
    text = chart_text([72.32, None, 0.0], "id")
    assert "72,32" in text
    assert "–" in text
    assert text.count("0,00") == 1  # the dimension scored 0, not the one without a score
    assert "0,0" not in chart_text([50.0, None, 61.5], "id").replace("50,00", "")
    assert "61.50" in chart_text([50.0, None, 61.5], "en")


def test_the_summary_draws_a_missing_dimension_as_a_dash(demo: Workspace) -> None:
    aid = demo.assessment_rows()[0]["id"]
    report = locus_report(demo, aid, language="id", printed_on=PRINTED)
    first = replace(report.dimensions[0], score=None)
    text = text_of(render_locus(replace(report, dimensions=(first, *report.dimensions[1:]))))
    assert "0,0 " not in text
    assert "0.0 " not in text


def test_the_recap_prints_its_numbers_in_english_with_points(demo: Workspace) -> None:
    name = demo.assessment_rows()[0]["entity"]["name"]
    report = entity_report(demo, name, language="en", printed_on=PRINTED)
    text = text_of(render_entity(report, invariant=True))
    assert "Printed 5 August 2024" in text
    assert format_score(report.score, "en") in text
    for locus in report.loci:
        assert format_score(locus.score, "en") in text
