"""Every report marks a draft instrument's results "metodologi sementara" (issue 17): the
on-site summary, the entity recap and the province overview; a final instrument's do not."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.services.reports import ReportRequest, build_report
from ombud_desktop.storage import Workspace

MARK = {"id": "Metodologi sementara: instrumen ori-2025 masih draf.",
        "en": "Provisional methodology: instrument ori-2025 is a draft."}


def _workspace(root: Path, instrument: str, year: int) -> Workspace:
    ws = Workspace.open(root / instrument)
    ws.set_profile("Demo", None)
    generate_demo(ws, builtin_instrument(instrument), entities=1, seed=3, year=year)
    return ws


@pytest.fixture(scope="module")
def workspaces(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Workspace]]:
    root = tmp_path_factory.mktemp("methodology")
    made = {"ori-2025": _workspace(root, "ori-2025", 2025),
            "ori-2023": _workspace(root, "ori-2023", 2024)}
    yield made
    for ws in made.values():
        ws.close()


def _text(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def _requests(ws: Workspace, language: str) -> list[ReportRequest]:
    row = ws.assessment_rows()[0]
    return [ReportRequest("locus", row["id"], language=language, photos=False),
            ReportRequest("entity", row["entity"]["name"], language=language),
            ReportRequest("province", None, language=language)]


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_report_of_a_draft_instrument_says_provisional_methodology(
    workspaces: dict[str, Workspace], language: str
) -> None:
    ws = workspaces["ori-2025"]
    for request in _requests(ws, language):
        text = _text(build_report(ws, request, invariant=True).pdf)
        assert MARK[language] in text, request.kind


def test_a_final_instrument_has_no_such_mark(workspaces: dict[str, Workspace]) -> None:
    ws = workspaces["ori-2023"]
    for language in ("id", "en"):
        for request in _requests(ws, language):
            text = _text(build_report(ws, request, invariant=True).pdf)
            assert "etodologi sementara" not in text
            assert "rovisional methodology" not in text
